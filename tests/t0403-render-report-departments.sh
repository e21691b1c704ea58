#!/bin/sh
# A company that answers per department is as weak as its weakest one:
# the report shows, per question, the lowest answer of each department's
# latest response, the score of that combination, and the history of the
# company's score by submission date.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

name=株式会社マルチ拠点
fixture_begin
# 本社 on 2024-01-10: all 実施している but Q5 実施していない → 96
response id:C1 本社 2024-01-10T01:00:00Z $name '' G 301+ two "$(codes I 5=N)"
# 本社 on 2024-02-15 replaces it: Q5 一部 → 98
response id:C1 本社 2024-02-15T01:00:00Z $name '' G 301+ two "$(codes I 5=P)"
# 工場 on 2024-02-20 (JST 2024-02-21 08:30): Q11 実施していない, Q20 一部
# combined: Q5 一部, Q11 実施していない, Q20 一部 → 22 × 4 + 2 + 0 + 2 = 92
response id:C1 工場 2024-02-20T23:30:00Z $name '' G 301+ two \
	"$(codes I 11=N 20=P)"
# a response after the as-of date does not count
response id:C1 工場 2024-04-02T01:00:00Z $name '' G 301+ two "$(codes N)"
group '*' '*' 50 65.0 15.0 0
qstat '*' '*' 0.6
fixture_end

run_status "$RENDER" --db shindan.db --out rep --company id:C1
is "$status" 0 "render exits 0"
pdf=$(ls rep/companies/*.pdf)
pdftotext -layout "$pdf" c.txt
c=$(cat c.txt)
like "$(pdftotext -raw "$pdf" -)" "^92点 ／ 100点" "the combined score, 92"
like "$c" "2024年2月21日（2部署の回答を統合）" \
	"latest submission (JST) and the number of departments"
like "$c" " 5 +脅威・手口の社内共有 +一部実施している" "Q5: 本社's 一部"
like "$c" "11 +重要情報のバックアップ +実施していない" "Q11: 工場's 実施していない"
like "$c" "20 +従業員へのセキュリティ教育 +一部実施している" "Q20: 工場's 一部"
like "$c" " 1 +OS・ソフトウェアの更新 +実施している" "Q1: both 実施している"
like "$c" "2024年1月10日 +96点" "history: 本社 alone, 96"
like "$c" "2024年2月15日 +98点 .*前回比 \\+2点" "history: 本社 improved, 98"
like "$c" "2024年2月21日 +92点 .*前回比 -6点" "history: with 工場, 92"
unlike "$c" "2024年4月" "nothing after the as-of date"
is "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')" 2 \
	"a short history fits on the second page, not a third"
done_testing
