#!/bin/sh
# The company report states the figures a consultant quotes: name, score,
# band, the industry mean, 偏差値 and percentile, the priorities in the
# SPEC's order, and the all-companies comparison when the industry is too
# small to show.  Every expected figure is worked out by hand below.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

fixture_begin
# 株式会社テスト建設: Q3 一部, Q9 わからない, Q20 実施していない, the rest
# 実施している: 22 × 4 + 2 − 1 + 0 = 89 (band 70-99)
response corp:1234567890123 '' 2024-03-10T01:00:00Z 株式会社テスト建設 \
	1234567890123 D 6-20 two "$(codes I 3=P 9=U 20=N)"
# 有限会社みなと食堂 (industry M, suppressed): Q1-5 実施していない,
# Q6-15 一部, Q16-25 実施している: 0 + 10 × 2 + 10 × 4 = 60 (band 50-69)
response id:M1 '' 2024-03-20T03:00:00Z 有限会社みなと食堂 '' M 1-5 one \
	"$(codes I 1=N 2=N 3=N 4=N 5=N 6=P 7=P 8=P 9=P 10=P 11=P 12=P 13=P \
	14=P 15=P)"
group D '*' 6 70.5 12.5 0
group M '*' 2 33.3 4.0 1
group '*' two 10 80.0 10.0 0
group '*' one 8 55.5 0 0
group '*' '*' 50 65.0 15.0 0
# industry D: 60 ×2, 75, 89 ×2, 95
hist D '*' 60 2; hist D '*' 75 1; hist D '*' 89 2; hist D '*' 95 1
# ★★: 70 ×3, 85 ×4, 89 ×1, 95 ×2 → below 89: 7, tie 1
hist '*' two 70 3; hist '*' two 85 4; hist '*' two 89 1; hist '*' two 95 2
hist '*' one 60 8
# all: 40 ×10, 59 ×5, 60 ×4, 89 ×1, 90 ×30
hist '*' '*' 40 10; hist '*' '*' 59 5; hist '*' '*' 60 4
hist '*' '*' 89 1; hist '*' '*' 90 30
# industry D: Q20 more often implemented than Q9, so Q20 ranks first
qstat D '*' 0.7 3=0.9 9=0.5 20=0.8
qstat M '*' 0.25
qstat '*' two 0.85
qstat '*' '*' 0.6 1=0.95 2=0.9 3=0.45 4=0.8 5=0.3
fixture_end

run_status "$RENDER" --db shindan.db --out rep --company corp:1234567890123 \
	--company id:M1
is "$status" 0 "render exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"
ls rep/companies >list
is "$(wc -l <list | tr -d ' ')" 2 "one PDF per company asked for"

pdf=rep/companies/$(grep corp_1234567890123 list)
pdftotext -layout "$pdf" a.txt
a=$(cat a.txt)
like "$a" "株式会社テスト建設" "the company name"
like "$a" "1234567890123" "its 法人番号"
like "$a" "建設業" "its industry"
like "$a" "6〜20人" "its size class"
like "$a" "2024年3月10日" "its submission date (JST)"
like "$a" "2024年3月31日" "the as-of date"
like "$(pdftotext -raw "$pdf" -)" "^89点 ／ 100点" "the score, 89"
like "$a" "ほぼできているが一部不十分" "the band of 70-99"
like "$a" "「わからない」と回答した設問: 1問" "one わからない answer"
# industry: mean 70.5; (3 below + 2 ties / 2) / 6 = 66.7 → 67;
# 50 + 10 × (89 − 70.5) / 12.5 = 64.8
like "$a" "同業種（建設業） +6社 +70\\.5点 +67 +64\\.8" "industry row"
# ★★: (7 + 0.5) / 10 = 75; 50 + 10 × 9 / 10 = 59.0
like "$a" "同じ宣言段階.* +10社 +80\\.0点 +75 +59\\.0" "star-level row"
# all: (19 + 0.5) / 50 = 39; 50 + 10 × 24 / 15 = 66.0
like "$a" "全体 +50社 +65\\.0点 +39 +66\\.0" "all-companies row"
unlike "$a" "全体と比較しています" "no fallback note for a shown industry"
like "$a" "同業種の平均（70\\.5点）を18\\.5点上回って" "the summary compares"
# priorities: Part 1 first (Q3), then by the industry's rate: Q20 (80 %)
# before Q9 (50 %)
prio=$(grep -E '^ *[1-5] +設問' a.txt | sed 's/^ *\([1-5]\) *設問\([0-9]*\).*/\1:\2/' |
	tr '\n' ' ')
is "$prio" "1:3 2:20 3:9 " "priorities: part 1 first, then peers' rate"
like "$a" "現在: 一部実施している ／ 同業種の実施率 90%" "Q3's peers' rate"
like "$a" "短く推測しやすいパスワード" "each priority says why"
like "$a" "□ 設問9 無線LANの安全な利用" "わからない answers to check"
unlike "$a" "認定" "never says 認定"

pdf=rep/companies/$(grep id_M1 list)
pdftotext -layout "$pdf" m.txt
m=$(cat m.txt)
like "$m" "有限会社みなと食堂" "suppressed: the name"
like "$(pdftotext -raw "$pdf" -)" "^60点 ／ 100点" \
	"suppressed: the score, 60"
like "$m" "対策が行き届いていない" "suppressed: the band of 50-69"
like "$m" "業種の回答社数が少ないため、全体と比較しています" \
	"suppressed: says it compares with all companies"
like "$m" "同業種（宿泊・飲食サービス） +5社未満" "suppressed: n<5, no n"
unlike "$m" "33\\.3|2社" "suppressed: never the industry's figures"
# all: (10 + 5 + 4 / 2) / 50 = 34; 50 + 10 × (60 − 65) / 15 = 46.7
like "$m" "全体 +50社 +65\\.0点 +34 +46\\.7" "suppressed: all-companies row"
# ★ group has SD 0: no 偏差値
like "$m" "同じ宣言段階.* +8社 +55\\.5点 +50 +—" "SD 0 gives — for 偏差値"
like "$m" "全体の平均（65\\.0点）を5\\.0点下回って" "summary against all"
like "$m" "全体の実施率" "question table against all companies"
prio=$(grep -E '^ *[1-5] +設問' m.txt | sed 's/^ *\([1-5]\) *設問\([0-9]*\).*/\1:\2/' |
	tr '\n' ' ')
# part 1 first, by the all-companies rate: Q1 95, Q2 90, Q4 80, Q3 45, Q5 30
is "$prio" "1:1 2:2 3:4 4:3 5:5 " "suppressed: priorities by all companies"
# 禁則: no wrapped line of either report starts with 、。）」ー etc.
# (・ is left out: the notes use it as a bullet that starts a paragraph)
for f in rep/companies/*.pdf; do pdftotext -raw "$f" -; done >raw.txt
unlike "$(cat raw.txt)" '^(、|。|，|．|）|」|』|】|ー|ッ|ャ|ュ|ョ|：|？|！)' \
	"no line starts with a character 禁則 forbids there"
done_testing
