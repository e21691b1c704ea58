#!/bin/sh
# --companies-from draws the reports of the companies listed one per line
# (what nightly passes when only that night's companies are drawn),
# --portfolio adds the portfolio, and alone draws nothing else.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

fixture_begin
for i in 1 2 3 4 5 6; do
	response "id:L$i" '' 2024-03-10T01:00:00Z "リスト商事$i" '' D 6-20 one \
		"$(codes I $i=N)"
done
group D '*' 6 90.0 3.0 0
group '*' '*' 6 90.0 3.0 0
fixture_end

# the names of the companies whose reports are in DIR, sorted
drawn() {
	for f in "$1"/companies/*.pdf; do
		[ -e "$f" ] || continue
		pdftotext -l 1 "$f" - | grep -o 'リスト商事[0-9]' | head -1
	done | LC_ALL=C sort | tr '\n' ' '
}

printf 'id:L2\r\n\nid:L5\nid:L3\n' >list.txt
run_status "$RENDER" --db shindan.db --out listed -j 2 \
	--companies-from list.txt
is "$status" 0 "--companies-from exits 0"
is "$(drawn listed)" "リスト商事2 リスト商事3 リスト商事5 " \
	"the three listed companies are drawn, CRLF and blank lines allowed"
check "no portfolio without --portfolio" test ! -e listed/index.html

run_status sh -c "printf 'id:L6\n' | '$RENDER' --db shindan.db --out both \
	-j 1 --portfolio --companies-from - --company id:L1"
is "$status" 0 "--portfolio with a list from stdin and --company exits 0"
is "$(drawn both)" "リスト商事1 リスト商事6 " "both lists are drawn"
check "with the portfolio" test -s both/index.html
check "and portfolio.pdf" test -s both/portfolio.pdf

# the site's page of the company named NAME in DIR
page_of() {
	grep -l "$2" "$1"/companies/*.html | head -1
}
# with a list, only the listed companies' pages (and the pageless) are
# drawn again: the others keep theirs, as their PDFs are kept
check "every company got a page" test "$(find both/companies -name "*.html" | wc -l)" -eq 6
p2=$(page_of both リスト商事2)
p3=$(page_of both リスト商事3)
p4=$(page_of both リスト商事4)
echo '<!-- edited -->' >>"$p2"
echo '<!-- edited -->' >>"$p3"
rm -- "$p4"
run_status "$RENDER" --db shindan.db --out both -j 1 -v --portfolio \
	--company id:L2
is "$status" 0 "--portfolio --company into the same folder exits 0"
like "$(cat "$T/err")" "site: 2 company pages, 4 kept as they were" \
	"two pages drawn, four kept"
check "the listed company's page is drawn again" \
	sh -c "! grep -q 'edited' '$p2'"
check "an unlisted company keeps its page as it was" grep -q edited "$p3"
check "an unlisted company without a page gets one" test -s "$p4"

run_status "$RENDER" --db shindan.db --out alone --portfolio
is "$status" 0 "--portfolio alone exits 0"
check "draws the portfolio" test -s alone/portfolio.pdf
is "$(drawn alone)" "" "and no company report"

: >empty.txt
run_status "$RENDER" --db shindan.db --out none --companies-from empty.txt
is "$status" 0 "an empty list exits 0"
is "$(drawn none)" "" "and draws no report"

run_status "$RENDER" --db shindan.db --out missing --companies-from nope.txt
is "$status" 1 "a list that cannot be read exits 1"
like "$(cat "$T/err")" "'nope.txt': cannot open" "and says why"

printf 'id:L1\nid:NOPE\n' >bad.txt
run_status "$RENDER" --db shindan.db --out bad --companies-from bad.txt
is "$status" 1 "an unknown company in the list fails the run"
like "$(cat "$T/err")" "company 'id:NOPE'" "and is named"
done_testing
