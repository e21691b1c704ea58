#!/bin/sh
# The nightly draws each company report with its ★★ pack (render --plan
# --policy) into reports/DAY/pack/, gives render SHINDAN_SETTINGS, and
# with SHINDAN_COMPANY_REPORTS=new carries the other companies' packs
# over with their reports.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need pdftotext
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"
NOT="q == 3"

mkdir -p home/inbox
export_csv home/inbox/night1.csv "2024/07/01 10:00,1" "2024/07/01 10:00,2"
printf 'company_key\ttitle\trepresentative\tpublished\n' >home/clients.tsv
printf 'name:株式会社テスト1\t代表取締役\t佐藤 花子\thttps://example.jp/p\n' \
	>>home/clients.tsv
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-01 \
	SHINDAN_SETTINGS=clients.tsv sh "$NIGHTLY"
is "$status" 0 "night 1: exit 0"
day=home/reports/2024-07-01
is "$(ls "$day/pack" | wc -l | tr -d ' ')" 14 "seven pack files for each of two companies"
like "$(cat "$day"/pack/name_株式会社テスト1-*-policy.txt)" "代表取締役　佐藤 花子" \
	"the settings file reached render"
like "$(cat "$day"/pack/name_株式会社テスト2-*-plan.csv)" \
	"設問3,強固なパスワードの設定,実施していない,アクセス制御及び認証" \
	"the plan of the other company"
like "$(pdftotext "$(echo "$day"/companies/name_株式会社テスト1-*.pdf)" - | tr -d '\n')" \
	"★★（二つ星）の宣言に必要な取り組みがそろっています" "readiness in the report"
is "$(links_ok "$day")" "" "every link of the site resolves"

export_csv home/inbox/night2.csv "2024/07/02 09:00,2"
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-02 \
	SHINDAN_COMPANY_REPORTS=new sh "$NIGHTLY"
is "$status" 0 "night 2 (new): exit 0"
prev=$(stat -c %i home/reports/2024-07-01/pack/name_株式会社テスト1-*-plan.pdf)
now=$(stat -c %i home/reports/2024-07-02/pack/name_株式会社テスト1-*-plan.pdf)
is "$now" "$prev" "the pack of a company not drawn is carried over"
prev=$(stat -c %i home/reports/2024-07-01/pack/name_株式会社テスト2-*-plan.pdf)
now=$(stat -c %i home/reports/2024-07-02/pack/name_株式会社テスト2-*-plan.pdf)
check "the company drawn tonight has a new pack" test "$now" != "$prev"
is "$(links_ok home/reports/2024-07-02)" "" "night 2: every link resolves"

mkdir -p h3/inbox
export_csv h3/inbox/n.csv "2024/07/01 10:00,1"
run_status env SHINDAN_HOME=h3 SHINDAN_TODAY=2024-07-01 SHINDAN_PACK=no \
	sh "$NIGHTLY"
is "$status" 0 "SHINDAN_PACK=no: exit 0"
check "and no pack" test ! -e h3/reports/2024-07-01/pack
run_status env SHINDAN_HOME=h3 SHINDAN_PACK=maybe sh "$NIGHTLY"
is "$status" 2 "SHINDAN_PACK=maybe is a usage error"
is "$(cat "$T/err")" "nightly: SHINDAN_PACK: 'maybe' is not yes or no" \
	"and says so"
done_testing
