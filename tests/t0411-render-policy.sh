#!/bin/sh
# render --policy: a draft 情報セキュリティ基本方針 per company in the
# structure of IPA's sample (preamble and five items) but in our words:
# the filled fields appear in the PDF, the .docx, the HTML and the text;
# the .docx is a sound zip of well-formed XML; no sentence of the
# sample appears.
. "$(dirname "$0")/lib.sh"
need pdftotext
need pdfinfo
need unzip
need xmllint
. "$DATA/pack-fixture.sh"
pack_fixture

printf 'company_key\tnote\ttitle\trepresentative\testablished\tpublished\r\n' \
	>settings.tsv
printf 'corp:1234567890123\tx\t代表取締役\t山田 太郎\t2026-04-01\t\r\n' \
	>>settings.tsv
run_status "$RENDER" --db shindan.db --out rep --policy \
	--settings settings.tsv -j 2
is "$status" 0 "render --policy exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"
cd rep/pack || exit 1
ls >list
is "$(grep -c -- '-policy\.' list)" 12 "four policy files for each company"

base=$(grep 'corp_1234567890123.*-policy\.pdf' list)
base=${base%.pdf}
is "$(pdfinfo "$base.pdf" | awk '/^Pages:/ { print $2 }')" 1 "one A4 page"
pdftotext -layout "$base.pdf" p.txt
p=$(cat p.txt)
like "$p" "情報セキュリティ基本方針" "the title"
like "$p" "株式会社テスト建設（以下「当社」）" "the company in the preamble"
like "$p" "制定日：2026年4月1日" "制定日 from the settings file"
like "$p" "代表取締役 +山田 太郎" "the representative from the settings file"
for h in "1. 経営者の責任" "2. 社内体制の整備" "3. 従業員の取組み" \
    "4. 法令及び契約上の要求事項の遵守" "5. 違反及び事故への対応"; do
	like "$p" "$h" "item $h"
done
like "$p" "6. クラウドサービスの利用" "a cloud item: Q23 一部実施している"
like "$p" "IPA『中小企業の情報セキュリティ対策ガイドライン』付録を参考に作成" \
	"the guideline cited as the model"

# the .docx: a zip whose every part is well-formed XML
check "the .docx is a sound zip" sh -c 'unzip -tq "$1" >/dev/null' - \
	"$base.docx"
is "$(unzip -Z1 "$base.docx" | tr '\n' ' ')" \
	"[Content_Types].xml _rels/.rels word/_rels/document.xml.rels word/styles.xml word/document.xml " \
	"the parts of a WordprocessingML package"
mkdir x
(cd x && unzip -q "../$base.docx")
for part in '[Content_Types].xml' _rels/.rels word/_rels/document.xml.rels \
    word/styles.xml word/document.xml; do
	check "$part is well-formed" xmllint --noout "x/$part"
done
d=$(xmllint --xpath '//*[local-name()="t"]/text()' x/word/document.xml)
like "$d" "制定日：2026年4月1日" "docx: 制定日"
like "$d" "代表取締役　山田 太郎" "docx: the representative"
like "$d" "株式会社テスト建設（以下「当社」）" "docx: the company"
like "$(cat x/word/styles.xml)" 'w:eastAsia="游明朝"' "docx: a Japanese font"

# no settings row: today in JST and blanks to fill in
today=$(date -u -d '+9 hours' +%Y年%-m月%-d日)
base=$(grep 'id_M1.*-policy\.pdf' list)
base=${base%.pdf}
m=$(pdftotext -layout "$base.pdf" -)
like "$m" "制定日：$today" "制定日 defaults to today (JST)"
like "$m" "＿＿＿＿＿＿＿＿ +＿＿＿＿＿＿＿＿" "a visible blank for the representative"
unlike "$m" "クラウドサービスの利用" "no cloud item: Q23 わからない"
like "$(cat "$base.txt")" "^制定日：$today$" "the text version"

# the HTML escapes what a name holds; Q23 実施している gives the cloud item
base=$(grep 'id_N1.*-policy\.html' list)
h=$(cat "$base")
like "$h" '=HYPERLINK\(&quot;http://x&quot;\)（以下「当社」）' "HTML escapes the name"
like "$h" "<h2>6. クラウドサービスの利用</h2>" "cloud item: Q23 実施している"
check "the HTML is well-formed for an HTML parser" \
	xmllint --html --noout "$base"

# Distinctive sentences of the sample policy (付録2): our text is ours.
cat "$T"/rep/pack/*-policy.txt "$T"/rep/pack/*-policy.html >all.txt
for f in "$T"/rep/pack/*-policy.pdf; do pdftotext "$f" - >>all.txt; done
tr -d ' \n' <all.txt >flat.txt
for s in 全社で情報セキュリティに取り組みます 経営者主導で組織的かつ継続的に \
    改善・向上に努めます 社内の正式な規則として定めます \
    必要とされる知識、技術を習得し 取り組みを確かなものにします \
    契約上の義務を遵守するとともに 適切に対処し、再発防止に努めます \
    事故・災害・犯罪などの脅威から守り; do
	unlike "$(cat flat.txt)" "$s" "not the sample's words: $s"
done
unlike "$(cat all.txt)" "認定" "never says 認定"
cd "$T" || exit 1

# the settings file is checked before anything is drawn
printf 'company_key\testablished\nid:M1\t2026/4/1\n' >bad.tsv
run_status "$RENDER" --db shindan.db --out rep3 --policy --settings bad.tsv
is "$status" 2 "a bad date is a usage error"
is "$(cat "$T/err")" \
	"render: bad.tsv:2: established '2026/4/1' (column 2) is not a date YYYY-MM-DD" \
	"and says where"
check "nothing written" test ! -e rep3
printf 'key\ttitle\n' >bad.tsv
run_status "$RENDER" --db shindan.db --out rep3 --policy --settings bad.tsv
is "$(cat "$T/err")" "render: bad.tsv:1: no company_key column" \
	"a file without company_key"
printf 'company_key\nid:M1\nid:M1\n' >bad.tsv
run_status "$RENDER" --db shindan.db --out rep3 --policy --settings bad.tsv
is "$(cat "$T/err")" "render: bad.tsv:3: company 'id:M1' is listed twice" \
	"a company twice"
done_testing
