#!/bin/sh
# render --plan: beside each report, the improvement plan of every
# question answered 実施していない, 一部実施している or わからない, in the
# report's priority order, with the 規程 chapter, next step, who and
# effort of data/question_chapters.tsv; as PDF, CSV and xlsx.
. "$(dirname "$0")/lib.sh"
need pdftotext
need unzip
need xmllint
. "$DATA/pack-fixture.sh"
pack_fixture

run_status "$RENDER" --db shindan.db --out rep --plan -j 2
is "$status" 0 "render --plan exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"
cd rep/pack || exit 1
ls >list
is "$(grep -c -- '-plan\.' list)" 9 "three plan files for each of three companies"

csv=$(grep 'corp_1234567890123.*-plan\.csv' list)
is "$(stat -c %a "$csv")" 600 "the plan holds company data: 0600"
is "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" efbbbf "CSV has a BOM for Excel"
# Part 1 first (Q3), then D's implemented rates: Q20 0.8, Q23 0.7, Q9 0.5
is "$(tr -d '\r' <"$csv" | sed 1d | cut -d, -f1,2,4,5,7,8)" \
"1,設問3,一部実施している,アクセス制御及び認証,全従業員,小
2,設問20,実施していない,人的対策,経営者,中
3,設問23,一部実施している,委託管理,経営者,中
4,設問9,わからない,IT基盤運用管理,担当者,小" \
	"the plan's rows: order, answer, chapter, who, effort"
is "$(tr -d '\r' <"$csv" | head -1 | sed 's/^\xef\xbb\xbf//')" \
	"順位,設問,対策,現在の回答,規程の章,次の一歩,担当,負担,期限,状況" \
	"the columns, with 期限 and 状況 left to fill in"

# suppressed industry: all companies' rates (Q1 .95, Q2 .9, Q4 .8,
# Q3 .45, Q5 .3; the rest .6, so by number); 5 + 10 + Q23 = 16 rows
csv=$(grep 'id_M1.*-plan\.csv' list)
is "$(tr -d '\r' <"$csv" | sed 1d | cut -d, -f2 | tr '\n' ' ')" \
	"設問1 設問2 設問4 設問3 設問5 設問6 設問7 設問8 設問9 設問10 設問11 設問12 設問13 設問14 設問15 設問23 " \
	"peers of all companies when the industry is suppressed"

# 該当しない (Q5) and blank (Q7) have no step: only Q24
csv=$(grep 'id_N1.*-plan\.csv' list)
is "$(tr -d '\r' <"$csv" | sed 1d | cut -d, -f2,5,7,8)" \
	"設問24,インシデント対応・事業継続,経営者,大" \
	"該当しない and blank answers are not in the plan"

xlsx=$(grep 'id_N1.*-plan\.xlsx' list)
check "the xlsx is a sound zip" sh -c 'unzip -tq "$1" >/dev/null' - "$xlsx"
unzip -p "$xlsx" xl/worksheets/sheet1.xml >sheet.xml
unzip -p "$xlsx" xl/sharedStrings.xml >strings.xml
check "sheet1.xml parses" xmllint --noout sheet.xml
unlike "$(cat sheet.xml)" '<f>' "no formula cell in the sheet"
like "$(cat strings.xml)" '<t>情報セキュリティ改善計画　=HYPERLINK\("http://x"\)</t>' \
	"a name like a formula is a string cell"
like "$(cat strings.xml)" '<t>設問24</t>' "the xlsx has the plan's rows"

pdf=$(grep 'id_M1.*-plan\.pdf' list)
pdftotext -layout "$pdf" m.txt
m=$(cat m.txt)
like "$m" "情報セキュリティ改善計画" "the PDF's title"
like "$m" "有限会社みなと食堂" "the company"
like "$m" "回答した16問" "how many questions"
like "$m" "設問11 重要情報のバックアップ" "a question with its label"
like "$m" "規程: IT基盤運用管理 +／ +担当: 担当者 +／ +負担: 中" \
	"its chapter, who and effort"
like "$m" "付録5「情報セキュリティ関連規程（サンプル）」" "the source named"
unlike "$m" "認定" "never says 認定"
cd "$T" || exit 1

# without --plan, no plan
run_status "$RENDER" --db shindan.db --out rep2 --company id:M1
check "no plan unless asked" test ! -e rep2/pack
done_testing
