#!/bin/sh
# The nightly with a settings file whose engaged column gives each
# client the day its engagement began: each night's site shows, on the
# company's page, the before and after since that day and links the
# comparison's PDF, also for a company whose report is carried over
# (SHINDAN_COMPANY_REPORTS=new).  Figures worked out by hand.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need flock
need pdftotext
NIGHTLY=$TOP/scripts/nightly

. "$DATA/survey-csv.sh"

mkdir -p home/inbox
# 2024-03-01: テスト1 Q1-Q4 not done (84), テスト2 Q1-Q10 not done (60)
n=実施していない
survey_csv home/inbox/night1.csv "2024/03/01 10:00,1,1=$n,2=$n,3=$n,4=$n" \
	"2024/03/01 10:00,2,1=$n,2=$n,3=$n,4=$n,5=$n,6=$n,7=$n,8=$n,9=$n,10=$n"
{
	printf 'company_key\tengaged\n'
	printf 'name:株式会社テスト1\t2024-03-15\n'
	printf 'name:株式会社テスト2\t2024-03-15\n'
} >home/clients.tsv
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-03-01 \
	SHINDAN_SETTINGS=clients.tsv SHINDAN_PACK=no sh "$NIGHTLY"
is "$status" 0 "night 1: exit 0"
p=$(cat home/reports/2024-03-01/companies/name_株式会社テスト1-*.html)
like "$p" "<h2>支援開始からの変化</h2>" "night 1: the section is there"
like "$p" "<p>比較不可（期間中の回答なし）。" \
	"night 1: nothing answered since the engagement began"
check "night 1: no comparison drawn" test ! -e home/reports/2024-03-01/compare

# 2024-05-01: テスト1 answers again, all done (100); テスト2 does not
survey_csv home/inbox/night2.csv "2024/05/01 09:00,1"
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-05-01 \
	SHINDAN_SETTINGS=clients.tsv SHINDAN_PACK=no \
	SHINDAN_COMPANY_REPORTS=new sh "$NIGHTLY"
is "$status" 0 "night 2: exit 0"
day=home/reports/2024-05-01
p=$(cat "$day"/companies/name_株式会社テスト1-*.html)
like "$p" "<p><strong>\\+16点</strong>（70〜99点 → 100点）　改善した設問 4問　悪化した設問 0問　残る課題 0問</p>" \
	"night 2: 84 → 100, four questions improved"
like "$p" "<li>Q4 重要情報のアクセス制限（実施していない → 実施している）</li>" \
	"and which"
like "$p" 'href="../compare/name_[^"]*\.pdf">取り組みの成果（前後比較、PDF）' \
	"the page links the comparison"
like "$(pdftotext -layout "$day"/compare/name_株式会社テスト1-*.pdf -)" \
	"84点 → 100点（\\+16点）" "the comparison's PDF"
like "$(cat "$day"/companies/name_株式会社テスト2-*.html)" \
	"<p>比較不可（期間中の回答なし）。" \
	"the company carried over: still nothing to compare"
is "$(ls "$day/compare" | wc -l | tr -d ' ')" 1 "one comparison tonight"
is "$(links_ok "$day")" "" "every link of the site resolves"
done_testing
