#!/bin/sh
# render --since D1 --until D2: each company as of D1 against D2, and the
# 「支援事業の成果報告」 of the portfolio: companies that moved band or
# star level, the mean change with a paired 95 % CI, the questions that
# improved most, every group under the minimum shown as n<5.  Every
# figure is worked out by hand below.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

fixture_begin
# D1 = 2024-03-31, D2 = 2024-06-30; the run's minimum group is 5.
# C1: Q1-5 N → all I: 80 → 100 (+20), band 70-99 → 100, star one → two
response id:C1 '' 2024-03-01T01:00:00Z 株式会社一号 '' D 6-20 one \
	"$(codes I 1=N 2=N 3=N 4=N 5=N)"
response id:C1 '' 2024-05-01T01:00:00Z 株式会社一号 '' D 6-20 two \
	"$(codes I)"
# C2: Q6-15 P → Q6-10 P: 80 → 90 (+10)
response id:C2 '' 2024-02-01T01:00:00Z 株式会社二号 '' D 6-20 one \
	"$(codes I 6=P 7=P 8=P 9=P 10=P 11=P 12=P 13=P 14=P 15=P)"
response id:C2 '' 2024-06-01T01:00:00Z 株式会社二号 '' D 6-20 one \
	"$(codes I 6=P 7=P 8=P 9=P 10=P)"
# C3: all P → Q1 N: 50 → 48 (−2), band 50-69 → ≤49
response id:C3 '' 2024-01-10T01:00:00Z 株式会社三号 '' D 6-20 none \
	"$(codes P)"
response id:C3 '' 2024-04-10T01:00:00Z 株式会社三号 '' D 6-20 none \
	"$(codes P 1=N)"
# C4: Q20-25 N → Q20-22 N: 76 → 88 (+12)
response id:C4 '' 2024-03-15T01:00:00Z 株式会社四号 '' D 6-20 one \
	"$(codes I 20=N 21=N 22=N 23=N 24=N 25=N)"
response id:C4 '' 2024-06-15T01:00:00Z 株式会社四号 '' D 6-20 one \
	"$(codes I 20=N 21=N 22=N)"
# C5, whose departments changed: then 東京 (all I) and 大阪 (Q3 N) → 96;
# now 東京 again (Q4 U), 名古屋 new (all I), 大阪 still counts (Q3 N):
# Q3 N, Q4 U → 23 × 4 − 1 = 91 (−5)
response id:C5 東京 2024-03-01T01:00:00Z 株式会社五号 '' D 6-20 one \
	"$(codes I)"
response id:C5 大阪 2024-03-02T01:00:00Z 株式会社五号 '' D 6-20 one \
	"$(codes I 3=N)"
response id:C5 東京 2024-05-01T01:00:00Z 株式会社五号 '' D 6-20 one \
	"$(codes I 4=U)"
response id:C5 名古屋 2024-05-02T01:00:00Z 株式会社五号 '' D 6-20 one \
	"$(codes I)"
# C6 (industry M, alone): all N → all P: 0 → 50 (+50), band ≤49 → 50-69
response id:C6 '' 2024-03-01T01:00:00Z 有限会社六号 '' M 1-5 one \
	"$(codes N)"
response id:C6 '' 2024-04-01T01:00:00Z 有限会社六号 '' M 1-5 one \
	"$(codes P)"
# not comparable: C7 first answered after D1, C8 not again after D1, C9
# left Q25 blank at D1; C10 answered only after D2 (not counted at all)
response id:C7 '' 2024-05-01T01:00:00Z 株式会社七号 '' D 6-20 one \
	"$(codes I)"
response id:C8 '' 2024-02-01T01:00:00Z 株式会社八号 '' D 6-20 one \
	"$(codes I)"
response id:C9 '' 2024-03-01T01:00:00Z 株式会社九号 '' D 6-20 one \
	"$(codes I 25=-)"
response id:C9 '' 2024-05-01T01:00:00Z 株式会社九号 '' D 6-20 one \
	"$(codes I)"
response id:C10 '' 2024-07-15T01:00:00Z 株式会社十号 '' D 6-20 one \
	"$(codes I)"
fixture_end

run_status "$RENDER" --db shindan.db --out cmp --since 2024-03-31 \
	--until 2024-06-30
is "$status" 0 "render --since --until exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(ls cmp/compare | wc -l | tr -d ' ')" 6 "a PDF per comparable company"
check "no portfolio or reports in this mode" test ! -e cmp/portfolio.pdf

o=$(pdftotext -layout cmp/outcome.pdf -)
like "$o" "支援事業の成果報告" "the title"
like "$o" "2024年3月31日時点と2024年6月30日時点の" "the two dates"
like "$(printf '%s' "$o" | tr -d ' \n')" \
	"比較できた企業6社.*比較できなかった企業3社：開始日以前の回答なし1社、期間中の回答なし1社、未回答の設問あり1社" \
	"who could be compared, and why not"
# all six: differences 20, 10, −2, 12, −5, 50: mean 14.17, SD 19.844,
# t(0.975, 5) = 2.5706: half width 20.825 → −6.7 .. +35.0; means 382/6
# = 63.7 → 467/6 = 77.8; bands up C1, C6, down C3; star up C1
like "$o" "比較できた全企業 +6社 +63\\.7 → 77\\.8 +\\+14\\.2点 +-6\\.7 〜 \\+35\\.0 +↑2 ↓1 +↑1 ↓0" \
	"all companies: means, change, paired CI, bands and stars moved"
# industry D, five: 20, 10, −2, 12, −5: mean 7.0, SD 10.344, t(4) =
# 2.7764: half 12.843 → −5.8 .. +19.8; 382 − 0 = 382/5 = 76.4 → 417/5
# = 83.4
like "$o" "建設業 +5社 +76\\.4 → 83\\.4 +\\+7\\.0点 +-5\\.8 〜 \\+19\\.8 +↑1 ↓1 +↑1 ↓0" \
	"industry D: its own paired CI"
like "$o" "宿泊・飲食サービス +n<5 +（社数が少ないため表示しません）" \
	"industry M, one company: suppressed"
unlike "$o" "\\+50\\.0点" "the lone company's change is not shown"
# net improvement (improved − worse): 2 for Q2, Q3, Q5, Q11-15, Q23-25
# (C6 and one other each); Q1 and Q4 lose one (C3, C5); ties by number
top=$(printf '%s\n' "$o" | sed -n 's/^ *\([1-5]\)\. 設問\([0-9]*\) .*改善 \([0-9]\)社・悪化 \([0-9]\)社.*/\2:\3:\4/p' |
	tr '\n' ' ')
is "$top" "2:2:0 3:2:0 5:2:0 11:2:0 12:2:0 " "the questions that improved most"

# the company that changed departments
c5=$(pdftotext -layout cmp/compare/id_C5-*.pdf -)
like "$c5" "株式会社五号" "C5's report"
like "$c5" "96点 → 91点（-5点）" "96 → 91 with the departments combined"
like "$c5" "改善した設問 0問 +悪化した設問 1問 +残る課題 2問" "its counts"
like "$c5" "4 重要情報のアクセス制限 +実施している +わからない +悪化" "Q4 worse"
like "$c5" "3 強固なパスワードの設定 +実施していない +実施していない +未対応" \
	"Q3 still open"
c1=$(pdftotext -layout cmp/compare/id_C1-*.pdf -)
like "$c1" "1 OS・ソフトウェアの更新 +実施していない +実施している +改善（達成）" \
	"C1's Q1 improved"
like "$c1" "ほぼできているが一部不十分 → 入門レベル達成" "C1's band moved"

csv=$(tr -d '\r' <cmp/outcome.csv | sed '1s/^\xef\xbb\xbf//')
is "$(printf '%s\n' "$csv" | head -1)" \
	"企業キー,会社名,業種,比較,前回回答日,前回得点,前回の段階,前回の宣言,今回回答日,今回得点,今回の段階,今回の宣言,得点の変化,改善した設問,悪化した設問,残る課題" \
	"outcome.csv's columns"
is "$(printf '%s\n' "$csv" | grep '^id:C5,' | cut -d, -f4-6,9,10,13-16)" \
	"比較可能,2024-03-02,96,2024-05-02,91,-5,0,1,2" "C5's row"
is "$(printf '%s\n' "$csv" | sed 1d | cut -d, -f1,4 | grep -v 比較可能)" \
"id:C7,比較不可（開始日以前の回答なし）
id:C8,比較不可（期間中の回答なし）
id:C9,比較不可（未回答の設問あり）" "the companies that cannot be compared, and why"
unlike "$csv" "id:C10" "a company first answering after D2 is not there"
unlike "$o$c1$c5" "認定" "never says 認定"

# one company asked for: its comparison; the outcome counts it alone
run_status "$RENDER" --db shindan.db --out one --since 2024-03-31 \
	--until 2024-06-30 --company id:C6
is "$status" 0 "--company limits the comparison"
like "$(pdftotext -layout one/outcome.pdf - | tr -d ' \n')" \
	"比較できた企業1社.*比較できた全企業n<5" "and a group of one is suppressed"
like "$(pdftotext -layout one/outcome.pdf -)" "比較できた企業が5社未満のため表示しません" \
	"so are the questions that improved"

# the issue's spelling: --compare D1 D2
run_status "$RENDER" --db shindan.db --out alias --compare 2024-03-31 \
	2024-06-30 -q
is "$status" 0 "--compare D1 D2 exits 0"
check "and draws what --since D1 --until D2 draws" \
	cmp -s cmp/outcome.csv alias/outcome.csv
run_status "$RENDER" --db shindan.db --out x --compare 2024-03-31
is "$status" 2 "--compare with one date is a usage error"
is "$(head -1 "$T/err")" \
	"render: --compare needs two dates YYYY-MM-DD: --compare D1 D2" \
	"and says so"
run_status "$RENDER" --db shindan.db --out x --compare 2024-03-31 -q
is "$status" 2 "an option is not the second date"

run_status "$RENDER" --db shindan.db --out x --until 2024-06-30
is "$status" 2 "--until alone is a usage error"
is "$(head -1 "$T/err")" "render: --until needs an earlier --since" "and says so"
run_status "$RENDER" --db shindan.db --out x --since 2024-03-31 --share
is "$status" 2 "--since with --share is a usage error (names would leave)"
is "$(head -1 "$T/err")" \
	"render: --since draws the before and after only: drop --share, --portfolio, --plan and --policy" \
	"and says so"
run_status "$RENDER" --db shindan.db --out x --since 2024-13-01
is "$status" 2 "a bad date is a usage error"
is "$(cat "$T/err")" "render: --since: '2024-13-01' is not a date YYYY-MM-DD" \
	"naming the option"
done_testing
