#!/bin/sh
# Logs are pruned as report folders are: logs/DAY.log older than
# SHINDAN_KEEP_DAYS days go, or older than SHINDAN_KEEP_LOGS when that is
# set; today's log never, nor anything not named DAY.log, nor a symbolic
# link.  Every run prunes, a failed one too, and says so in its log; the
# report folders keep following SHINDAN_KEEP_DAYS only.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

# logs DAY...: a log of each day, as the nights of those days left them
logs() {
	for day in "$@"; do
		printf '00:00:00 nightly %s: start\n' "$day" >"home/logs/$day.log"
	done
}
left() {
	(cd home/logs && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' ')
}
mkdir -p home/logs home/elsewhere
logs 2024-01-01 2024-03-31 2024-04-01 2024-04-09 2024-06-30
printf 'notes\n' >home/logs/notes.txt
printf 'kept\n' >home/logs/2023-12-31.log.gz
printf 'not ours\n' >home/elsewhere/2024-01-02.log
ln -s ../elsewhere/2024-01-02.log home/logs/2024-01-02.log

# no database yet: the night ends early, but has pruned first; 90 days
# back from 2024-06-30 is 2024-04-01
night SHINDAN_TODAY=2024-06-30
is "$status" 0 "an empty night: exit 0"
is "$(left)" "./2023-12-31.log.gz ./2024-01-02.log ./2024-04-01.log ./2024-04-09.log ./2024-06-30.log ./notes.txt " \
	"default SHINDAN_KEEP_DAYS (90): older logs go, other files stay"
check "a symbolic link named like a log is left, and what it points to" \
	test -f home/elsewhere/2024-01-02.log
like "$(cat home/logs/2024-06-30.log)" \
	'pruned logs/2024-03-31.log \(older than 90 days\)$' \
	"the night's log says what it pruned"
like "$(cat home/logs/2024-06-30.log)" '^00:00:00 nightly 2024-06-30: start$' \
	"today's log is appended to, not pruned"

# SHINDAN_KEEP_LOGS wins over SHINDAN_KEEP_DAYS for logs
night SHINDAN_TODAY=2024-06-30 SHINDAN_KEEP_DAYS=1000 SHINDAN_KEEP_LOGS=30
is "$(left)" "./2023-12-31.log.gz ./2024-01-02.log ./2024-06-30.log ./notes.txt " \
	"SHINDAN_KEEP_LOGS=30: logs older than 30 days go"

# 0 keeps today's log only, even when the night fails
logs 2024-06-29
printf 'this is not a database\n' >home/shindan.db
printf 'a,b\n1,2\n' >home/inbox/export.csv
night SHINDAN_TODAY=2024-06-30 SHINDAN_KEEP_LOGS=0
is "$status" 1 "a broken database: the night fails"
is "$(left)" "./2023-12-31.log.gz ./2024-01-02.log ./2024-06-30.log ./notes.txt " \
	"a failed night has pruned the logs too"
rm -f home/shindan.db home/inbox/export.csv

# a real night: SHINDAN_KEEP_LOGS leaves the report folders alone, and
# SHINDAN_KEEP_DAYS then prunes both
{
	printf '回答日時,会社名'
	for q in $(seq 1 25); do printf ',Q%d' "$q"; done
	printf '\n2024/06/01 10:00,株式会社ログ'
	for q in $(seq 1 25); do printf ',実施している'; done
	printf '\n'
} >home/inbox/export.csv
mkdir -p home/reports/2024-05-01
logs 2024-05-01
night SHINDAN_TODAY=2024-07-01 SHINDAN_KEEP_LOGS=10
is "$status" 0 "a night with a good export: exit 0"
check "SHINDAN_KEEP_LOGS does not prune report folders" \
	test -d home/reports/2024-05-01
is "$(left)" "./2023-12-31.log.gz ./2024-01-02.log ./2024-06-30.log ./2024-07-01.log ./notes.txt " \
	"but it does prune the logs (2024-06-30 is 1 day old)"
logs 2024-05-01
night SHINDAN_TODAY=2024-07-01 SHINDAN_KEEP_DAYS=10
check "SHINDAN_KEEP_DAYS prunes report folders" \
	test ! -e home/reports/2024-05-01
check "and logs" test ! -e home/logs/2024-05-01.log
check "today's report folder stays" test -s home/reports/2024-07-01/index.html

for bad in ten -1 ''; do
	printf 'SHINDAN_KEEP_LOGS=%s\n' "$bad" >bad.conf
	run_status sh "$NIGHTLY" --config bad.conf
	if [ -z "$bad" ]; then
		# an empty value is the default
		is "$status" 0 "SHINDAN_KEEP_LOGS= (empty): the default, exit 0"
	else
		is "$status" 2 "SHINDAN_KEEP_LOGS=$bad: exit 2"
		is "$(cat "$T/err")" "nightly: SHINDAN_KEEP_LOGS: '$bad' is not a number" \
			"SHINDAN_KEEP_LOGS=$bad: the message names the key"
	fi
done
done_testing
