#!/bin/sh
# render --policy with a settings file's revised column: the 基本方針
# shows its 制定日 and, where given, its 改定日 in the PDF, the .docx,
# the HTML and the text; a bad date names the file, line and column and
# is a usage error.
. "$(dirname "$0")/lib.sh"
need pdftotext
need unzip
need xmllint
. "$DATA/pack-fixture.sh"
pack_fixture

printf 'company_key\testablished\trevised\ttitle\trepresentative\n' \
	>settings.tsv
printf 'corp:1234567890123\t2025-04-01\t2026-10-15\t代表取締役\t山田 太郎\n' \
	>>settings.tsv
printf 'id:M1\t2025-06-02\t\t店主\t港 一郎\n' >>settings.tsv
run_status "$RENDER" --db shindan.db --out rep --policy \
	--settings settings.tsv -j 1 --company corp:1234567890123 \
	--company id:M1
is "$status" 0 "render --policy exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"
cd rep/pack || exit 1
base=$(printf '%s\n' *corp_1234567890123*-policy.pdf)
base=${base%.pdf}

# the PDF: the two dates, one under the other, above the company
p=$(pdftotext -layout "$base.pdf" - | sed 's/^ *//')
is "$(printf '%s\n' "$p" | grep -A 2 '^制定日')" \
	"$(printf '制定日：2025年4月1日\n改定日：2026年10月15日\n株式会社テスト建設')" \
	"PDF: 制定日, then 改定日, then the company"

# the .docx: two right-aligned paragraphs
mkdir x
(cd x && unzip -q "../$base.docx")
d=$(xmllint --xpath '//*[local-name()="p"][*[local-name()="pPr"]/*[local-name()="jc"][@*[local-name()="val"]="right"]]//*[local-name()="t"]/text()' \
	x/word/document.xml | tr '\n' '|')
is "$d" "制定日：2025年4月1日|改定日：2026年10月15日|株式会社テスト建設|代表取締役　山田 太郎|" \
	"docx: the signature block, with the 改定日"

# HTML and text
like "$(tr -d '\n' <"$base.html")" \
	'<p class="sign">制定日：2025年4月1日<br>改定日：2026年10月15日<br>株式会社テスト建設<br>' \
	"HTML: both dates"
is "$(grep -A 2 '^制定日' "$base.txt")" \
	"$(printf '制定日：2025年4月1日\n改定日：2026年10月15日\n株式会社テスト建設')" \
	"text: both dates"

# no revised cell: the 制定日 alone
m=$(printf '%s\n' *id_M1*-policy.txt)
is "$(grep -A 1 '^制定日' "$m")" "$(printf '制定日：2025年6月2日\n有限会社みなと食堂')" \
	"text: an empty revised cell gives the 制定日 alone"
unlike "$(pdftotext "${m%.txt}.pdf" -)" "改定日" "PDF: no 改定日 either"
cd "$T" || exit 1

# bad dates: file, line and column; exit 2; nothing drawn
printf 'company_key\ttitle\testablished\trevised\nid:M1\t店主\t2025-06-02\t2026-02-30\n' \
	>bad.tsv
run_status "$RENDER" --db shindan.db --out rep2 --policy --settings bad.tsv
is "$status" 2 "an impossible revised date is a usage error"
is "$(cat "$T/err")" \
	"render: bad.tsv:2: revised '2026-02-30' (column 4) is not a date YYYY-MM-DD" \
	"and names the file, line and column"
check "nothing written" test ! -e rep2
printf 'company_key\trevised\testablished\nid:N1\t2025-03-31\t2025-04-01\n' \
	>bad.tsv
run_status "$RENDER" --db shindan.db --out rep2 --policy --settings bad.tsv
is "$status" 2 "a revision before the establishment: exit 2"
is "$(cat "$T/err")" \
	"render: bad.tsv:2: revised '2025-03-31' (column 2) is before established '2025-04-01'" \
	"and says so"
printf 'company_key\trevised\nid:N1\t2025-4-1\n' >bad.tsv
run_status "$RENDER" --db shindan.db --out rep2 --policy --settings bad.tsv
is "$(cat "$T/err")" \
	"render: bad.tsv:2: revised '2025-4-1' (column 2) is not a date YYYY-MM-DD" \
	"a date without leading zeros"
done_testing
