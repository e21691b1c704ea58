#!/bin/sh
# Company keys become file names (never the name as last spelled, so that
# a renamed company keeps its files): whatever a key holds (slashes, "..",
# control characters, 200 characters, emoji), its report and its page land
# inside DIR/companies under a readable name, one file per company, and a
# symlink planted there cannot redirect the write.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

long=$(printf '株%.0s' $(seq 200))
fixture_begin
n=0
for name in '../../etc/passwd' 'a/b' '..' '.hidden' 'CTRL' "$long" \
	'🍣寿司🍣 ✂︎' '' '同名商事' '同名商事' '株式会社　日本／東京\支店'; do
	n=$((n + 1))
	key="id:$name"
	case $name in ''|同名商事) key="id:H$n" ;; esac
	response "$key" '' 2024-03-10T01:00:00Z "$name" '' D 6-20 two \
		"$(codes I 3=P)"
done
group '*' '*' 50 65.0 15.0 0
fixture_end
q "UPDATE response SET company_name = 'x' || char(1) || 'y' || char(10) ||
	'z' || char(127), company_key = 'id:x' || char(1) || 'y' || char(10) ||
	'z' || char(127) WHERE company_key = 'id:CTRL';
	UPDATE response SET company_name = NULL WHERE company_key = 'id:H8'"

run_status "$RENDER" --db shindan.db --out rep
is "$status" 0 "render exits 0"
is "$(find rep/companies -type f -name '*.pdf' | wc -l | tr -d ' ')" "$n" \
	"one report per company, none overwritten"
is "$(find rep/companies -type f -name '*.html' | wc -l | tr -d ' ')" "$n" \
	"and one page per company"
is "$(find . -name passwd -o -name 'b*.pdf' | wc -l | tr -d ' ')" 0 \
	"nothing escapes through a name"
is "$(find rep/companies -name '.*' | wc -l | tr -d ' ')" 0 "no hidden files"
is "$(find rep/companies ! -type f ! -path rep/companies | wc -l |
	tr -d ' ')" 0 "only regular files in companies/"
(cd rep/companies && ls -- *.pdf) >names
unlike "$(cat names)" "$(printf '[\001-\037\177]')" "no control characters"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' names)
check "names are bounded ($longest bytes)" test "$longest" -le 150
like "$(cat names)" '^id_etc_passwd-[0-9a-f]{10}\.pdf$' "../../etc/passwd"
like "$(cat names)" '^id_a_b-[0-9a-f]{10}\.pdf$' "a/b"
like "$(cat names)" '^id_x_y_z-[0-9a-f]{10}\.pdf$' "control characters"
like "$(cat names)" '^id_寿司-[0-9a-f]{10}\.pdf$' "emoji dropped, Japanese kept"
like "$(cat names)" '^id_株式会社_日本_東京_支店-[0-9a-f]{10}\.pdf$' \
	"full-width space and slashes"
is "$(grep -c '^id_H[0-9]*-' names)" 3 \
	"no name and the same name twice: keyed files"
like "$(cat names)" "^id_$(printf '株%.0s' $(seq 39))-[0-9a-f]{10}\\.pdf\$" \
	"200 characters cut at a character boundary"
f=$(grep '^id_x_y_z' names)
like "$(pdftotext "rep/companies/$f" - | head -5)" "x ?y ?z" \
	"control characters shown as spaces in the report"

# a symlink planted where a report goes is replaced, not followed
echo secret >victim
f=$(grep '^id_a_b' names)
rm "rep/companies/$f"
ln -s ../../victim "rep/companies/$f"
run_status "$RENDER" --db shindan.db --out rep --company id:a/b
is "$status" 0 "render over a planted symlink exits 0"
is "$(cat victim)" secret "the symlink's target is untouched"
check "the report replaced the link" test -f "rep/companies/$f" -a \
	! -L "rep/companies/$f"
# companies/ itself a symlink: refuse
mkdir elsewhere
rm -rf rep/companies
ln -s ../elsewhere rep/companies
run_status "$RENDER" --db shindan.db --out rep --company id:a/b
is "$status" 1 "companies/ as a symlink is refused"
is "$(ls elsewhere | wc -l | tr -d ' ')" 0 "nothing written through it"
done_testing
