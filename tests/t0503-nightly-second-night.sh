#!/bin/sh
# Nights after the first: with no new files nothing is imported, today's
# run is added and reports/latest moves to today; a file delivered again
# is skipped and archived; old report folders are pruned after
# SHINDAN_KEEP_DAYS.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

# export_n FILE N: N responses of N companies, 2024-06-01..
export_n() {
	awk -v n="$2" 'BEGIN {
		printf "回答日時,会社名,業種,従業員数,SECURITY ACTION"
		for (q = 1; q <= 25; q++) printf ",Q%d", q
		printf "\n"
		for (i = 1; i <= n; i++) {
			printf "2024/06/%02d 10:00,株式会社テスト%d,製造業,30,★★",
				i, i
			for (q = 1; q <= 25; q++)
				printf ",%s", (i * q) % 4 ? "実施している" : \
					"実施していない"
			printf "\n"
		}
	}' >"$1"
}

mkdir -p home/inbox
export_n home/inbox/export.csv 6
cp home/inbox/export.csv again.csv
night SHINDAN_TODAY=2024-07-01
is "$status" 0 "night 1: all accepted, exit 0"
like "$(cat "$T/out")" ' 6 new responses' "night 1 imports 6 responses"

today=$(TZ=JST-9 date +%Y-%m-%d)
night SHINDAN_KEEP_DAYS=100000
is "$status" 0 "night 2 (today, JST): exit 0"
# nothing changed, but the files that show the new as-of date are
# written anew; the others are night 1's, linked
fresh=$(find "home/reports/$today" -type f -links 1 | wc -l | tr -d ' ')
is "$(cat "$T/out")" "nightly: $today: 0 files (0 imported, 0 partial, 0 skipped, 0 rejected), 0 new responses, 0 duplicates, 0 rejected rows; reports in reports/$today; 0 companies changed, 0 groups touched, $fresh pages rewritten" \
	"night 2 imports nothing, changes no company or group"
is "$(q 'SELECT count(*) FROM files' home/shindan.db)" 1 "no file recorded"
is "$(q 'SELECT count(*) FROM responses' home/shindan.db)" 6 "still 6 responses"
is "$(q 'SELECT as_of FROM runs ORDER BY as_of' home/shindan.db | tr '\n' ' ')" \
	"2024-07-01 $today " "today's run is added beside night 1's"
is "$(readlink home/reports/latest)" "$today" "reports/latest points to today"
check "today's index.html" test -s "home/reports/$today/index.html"
check "night 1's reports are kept" test -s home/reports/2024-07-01/index.html

# the same export delivered again: skipped (same bytes), archived
cp again.csv home/inbox/export.csv
night SHINDAN_TODAY=2024-07-03
is "$status" 0 "a file delivered again: exit 0"
like "$(cat "$T/out")" ': 1 files \(0 imported, 0 partial, 1 skipped, 0 rejected\), 0 new responses' \
	"it is skipped"
check "the skipped file is archived" test -f home/archive/2024-07-03/export.csv
is "$(q "SELECT status FROM files ORDER BY file_id DESC LIMIT 1" \
	home/shindan.db)" skipped "files view: skipped"

# a name already in today's archive is not overwritten
cp again.csv home/inbox/export.csv
touch home/reports/2024-07-03/stale
night SHINDAN_TODAY=2024-07-03
check "a second export.csv the same day becomes export.csv.1" \
	test -f home/archive/2024-07-03/export.csv.1
check "the first one is still there" cmp -s again.csv home/archive/2024-07-03/export.csv

# pruning: keep 5 days back from 2024-07-08, so 07-03 stays, 07-01 goes
night SHINDAN_TODAY=2024-07-08 SHINDAN_KEEP_DAYS=5
is "$status" 0 "night with pruning: exit 0"
is "$(cd home/reports && find . -mindepth 1 -maxdepth 1 -name '2024-*' |
	LC_ALL=C sort | tr '\n' ' ')" "./2024-07-03 ./2024-07-08 " \
	"report folders older than 5 days are pruned"
check "today's folder (the real one) is newer and kept" \
	test -d "home/reports/$today"
is "$(readlink home/reports/latest)" 2024-07-08 "latest points to the night's day"
check "a second run the same day replaces the day's folder" test ! -e \
	home/reports/2024-07-03/stale
check "with a complete one" test -s home/reports/2024-07-03/portfolio.pdf
is "$(grep -c 'nightly 2024-07-03: start' home/logs/2024-07-03.log)" 2 \
	"two runs on one day append to one log"
done_testing
