#!/bin/sh
# One night: good files are imported and moved to archive/DAY/, a file
# with a bad row is imported in part and archived too, a bad file lands in
# quarantine/ with NAME.reason beside it; the night exits 3, prints one
# summary line, and leaves reports/DAY with reports/latest pointing at it.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

# export_from FILE FIRST N: N responses of companies FIRST..,
# all on 2024-06-DD
export_from() {
	awk -v first="$2" -v n="$3" 'BEGIN {
		printf "回答日時,会社名,業種,従業員数,SECURITY ACTION"
		for (q = 1; q <= 25; q++) printf ",Q%d", q
		printf "\n"
		for (i = first; i < first + n; i++) {
			printf "2024/06/%02d 10:00,株式会社テスト%d,建設業,10,★",
				i, i
			for (q = 1; q <= 25; q++)
				printf ",%s", (i + q) % 3 ? "実施している" : \
					"一部実施している"
			printf "\n"
		}
	}' >"$1"
}

mkdir -p home/inbox
export_from home/inbox/good.csv 1 6
export_from good2.csv 7 4
gzip -n -c good2.csv >home/inbox/good2.csv.gz
export_from home/inbox/partial.csv 11 3
sed -i '3s/,実施している,/,実施中,/' home/inbox/partial.csv
printf '回答日時,会社名' >home/inbox/bad.csv
for q in $(seq 1 23); do printf ',Q%d' "$q" >>home/inbox/bad.csv; done
printf '\n2024/06/01,株式会社旧様式%s\n' "$(seq 1 23 | sed 's/.*/,○/' |
	tr -d '\n')" >>home/inbox/bad.csv

run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-01 sh "$NIGHTLY"
is "$status" 3 "a rejected file and a rejected row: exit 3"
# the first night writes every file of its folder
files=$(find home/reports/2024-07-01 -type f | wc -l | tr -d ' ')
is "$(sed "s|$PWD/||" "$T/out")" "nightly: 2024-07-01: 4 files (2 imported, 1 partial, 0 skipped, 1 rejected), 12 new responses, 0 duplicates, 1 rejected rows; reports in reports/2024-07-01; 12 companies changed, 8 groups touched, $files pages rewritten
  needs a look: quarantined home/quarantine/bad.csv: no header row with all 25 questions in the first 10 rows; line 1 comes closest: missing Q24, Q25; see ingest --inspect and --map
  needs a look: 1 rejected rows in home/archive/2024-07-01/partial.csv (SELECT line, reason FROM rejects)
  log: home/logs/2024-07-01.log" \
	"the summary line, then what needs a look, with absolute paths"
is "$(cat "$T/err")" "" "quiet on stderr"

is "$(cd home && find inbox archive quarantine -type f | LC_ALL=C sort |
	tr '\n' ' ')" \
	"archive/2024-07-01/good.csv archive/2024-07-01/good2.csv.gz archive/2024-07-01/partial.csv quarantine/bad.csv quarantine/bad.csv.reason " \
	"good and partial files archived, the bad one quarantined"
reason=$(cat home/quarantine/bad.csv.reason)
like "$reason" 'Q24' "the reason names the missing Q24"
like "$reason" 'Q25' "and Q25"
is "$reason" "$(q "SELECT reason FROM files WHERE path = 'quarantine/bad.csv'" \
	home/shindan.db)" "the reason is the one ingest recorded"
is "$(q 'SELECT path, status, rows_new, rows_rejected FROM files
	ORDER BY file_id' home/shindan.db)" \
	"quarantine/bad.csv|rejected|0|0
archive/2024-07-01/good.csv|imported|6|0
archive/2024-07-01/good2.csv.gz|imported|4|0
archive/2024-07-01/partial.csv|partial|2|1" \
	"each file ingested once, in name order, named where it now lies"
is "$(q "SELECT count(*) FROM runs WHERE as_of = '2024-07-01'" \
	home/shindan.db)" 1 "aggregated as of the day"

is "$(readlink home/reports/latest)" 2024-07-01 "reports/latest points to the day"
check "index.html rendered" test -s home/reports/latest/index.html
check "portfolio.pdf rendered" test -s home/reports/latest/portfolio.pdf
is "$(find home/reports/latest/companies -name '*.pdf' | wc -l | tr -d ' ')" \
	12 "a report for each of the 12 companies"
is "$(find home/reports -mindepth 1 -maxdepth 1 -name '.*' ! -name .drawn |
	wc -l | tr -d ' ')" 0 "no temporary folder left behind"
is "$(cat home/reports/.drawn)" \
	"$(q 'SELECT max(file_id) FROM files' home/shindan.db) 2024-07-01" \
	"reports/.drawn: the last file the reports are drawn through, and the day"
is "$(stat -c %a home/reports/.drawn)" 600 "and is 0600"
is "$(stat -c %a home/archive home/archive/2024-07-01 home/quarantine \
	home/reports home/logs | tr '\n' ' ')" "700 700 700 700 700 " \
	"folders are 0700"

log=home/logs/2024-07-01.log
like "$(cat "$log")" 'rejected: .*moved to quarantine/bad.csv' "the log tells the bad file's fate"
like "$(cat "$log")" 'partial: 2 new, 0 duplicate, 1 rejected rows' "and the partial file's"
like "$(cat "$log")" "実施中" "ingest's message about the bad row is in the log"

# -q: a good night prints nothing, a night with rejected input still does
export_from home/inbox/more.csv 20 2
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-02 sh "$NIGHTLY" -q
is "$status" 0 "-q, all accepted: exit 0"
is "$(cat "$T/out")" "" "-q, all accepted: silent"
cp home/quarantine/bad.csv home/inbox/bad-again.csv
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-02 sh "$NIGHTLY" -q
is "$status" 3 "-q, a rejected file: exit 3"
like "$(cat "$T/out")" '^nightly: 2024-07-02: 1 files \(0 imported, 0 partial, 0 skipped, 1 rejected\)' \
	"-q, a rejected file: the summary line still appears"
check "it sits in quarantine with its reason" \
	test -s home/quarantine/bad-again.csv.reason
done_testing
