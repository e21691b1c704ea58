#!/bin/sh
# The settings file's engaged column: each company's page of the site
# compares its answers as of the day the engagement began with the run's
# (score then and now, bands, the questions that improved or got worse)
# and links the comparison's PDF, which render draws beside it; a
# company that cannot be compared says why.  Figures worked out by hand.
. "$(dirname "$0")/lib.sh"
need pdftotext

. "$DATA/survey-csv.sh"

# テスト1: Q1-Q5 実施していない (80) → Q6 一部実施している (98)
# テスト2: answered before its engagement only
# テスト3: no engaged day
# テスト4: engaged before it first answered
n=実施していない
survey_csv a.csv "2024/03/01 10:00,1,1=$n,2=$n,3=$n,4=$n,5=$n" \
	"2024/03/01 10:00,2,3=実施していない" \
	"2024/03/01 10:00,3" \
	"2024/05/01 10:00,1,6=一部実施している" \
	"2024/05/01 10:00,4"
"$INGEST" --db shindan.db -q a.csv
"$AGGREGATE" --db shindan.db --as-of 2024-06-30 -q
printf 'company_key\tengaged\n' >s.tsv
printf 'name:株式会社テスト1\t2024-03-31\n' >>s.tsv
printf 'name:株式会社テスト2\t2024-04-15\n' >>s.tsv
printf 'name:株式会社テスト4\t2024-01-01\n' >>s.tsv
printf 'name:株式会社テスト3\t\n' >>s.tsv
run_status "$RENDER" --db shindan.db --out rep --settings s.tsv -j 1
is "$status" 0 "render exits 0"
is "$(cat "$T/err")" "" "nothing on stderr"

page() {
	sed -n '/<h2>支援開始からの変化<\/h2>/,/<\/section>/p' \
		rep/companies/name_株式会社テスト"$1"-*.html
}
p=$(page 1)
like "$p" "<p>支援開始日 2024年3月31日時点の回答と、基準日 2024年6月30日時点の回答の比較です。</p>" \
	"the two days"
like "$p" '<tr><td data-label="時点">支援開始時</td><td data-label="回答日">2024年3月1日</td><td class="num" data-label="合計点">80点</td><td data-label="点数帯">70〜99点</td></tr>' \
	"then: 80, its band"
like "$p" '<tr><td data-label="時点">今回</td><td data-label="回答日">2024年5月1日</td><td class="num" data-label="合計点">98点</td><td data-label="点数帯">70〜99点</td></tr>' \
	"now: 98"
like "$p" "<p><strong>\\+18点</strong>（70〜99点 → 70〜99点）　改善した設問 5問　悪化した設問 1問　残る課題 1問</p>" \
	"the change and the counts"
is "$(printf '%s\n' "$p" | sed -n '/<h3>改善した設問/,/<\/ul>/p' | grep -c '（実施していない → 実施している）')" \
	5 "five questions improved"
like "$p" "<li>Q1 OS・ソフトウェアの更新（実施していない → 実施している）</li>" \
	"Q1 among them"
like "$p" "<h3>悪化した設問</h3>" "a question got worse"
like "$p" "<li>Q6 [^<]*（実施している → 一部実施している）</li>" "Q6"
pdf=$(ls rep/compare/name_株式会社テスト1-*.pdf)
like "$p" '<p class="pdf"><a href="../compare/name_%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE%E3%83%86%E3%82%B9%E3%83%881-[0-9a-f]+\.pdf">取り組みの成果（前後比較、PDF）</a></p>' \
	"the page links the comparison's PDF"
c=$(pdftotext -layout "$pdf" -)
like "$c" "80点 → 98点（\\+18点）" "the PDF: 80 → 98"
like "$c" "2024年3月31日時点（2024年3月1日回答）" "the PDF: from the engaged day"
like "$c" "2024年6月30日時点（2024年5月1日回答）" "the PDF: to the run's day"

p=$(page 2)
like "$p" "<p>比較不可（期間中の回答なし）。" "テスト2: no answer since the engagement"
unlike "$p" "compare/" "and no PDF"
like "$(page 4)" "<p>比較不可（開始日以前の回答なし）。" \
	"テスト4: no answer before the engagement"
is "$(page 3)" "" "テスト3: no engaged day, no before and after"
is "$(ls rep/compare)" "$(basename "$pdf")" "one comparison PDF"
is "$(links_ok rep)" "" "every link of the site resolves"

printf 'company_key\tengaged\nname:株式会社テスト1\t2024-3-31\n' >bad.tsv
run_status "$RENDER" --db shindan.db --out rep2 --settings bad.tsv
is "$status" 2 "a bad engaged day is a usage error"
is "$(cat "$T/err")" \
	"render: bad.tsv:2: engaged '2024-3-31' (column 2) is not a date YYYY-MM-DD" \
	"and says where"
done_testing
