#!/bin/sh
# aggregate: runs replace their date in one transaction, backfills leave
# the current views alone, and the exit statuses of SPEC §2.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db
is "$(stat -c %a t.db)" 600 "the database is created 0600"

resp a '' 2024-01-10T00:00:00Z A 1-5 one 25I
resp b '' 2024-01-10T00:00:00Z A 1-5 one 20I5N
resp c '' 2024-03-10T00:00:00Z B 6-20 two 10I15N
fill t.db

run_status $AGGREGATE -q --db t.db --as-of 2024-03-31
is "$status" 0 "first run"
groups=$(q "SELECT count(*) FROM group_stat" t.db)
# cells A/1-5/one and B/6-20/two: 8 groups each, sharing only *,*,*
is "$groups" 15 "15 groups"
run_status $AGGREGATE -q --db t.db --as-of 2024-03-31
is "$status" 0 "the same date again"
is "$(q "SELECT count(*) FROM runs WHERE as_of = '2024-03-31'" t.db)" 1 \
	"re-running a date leaves one run"
# histogram bins: A's 7 own groups hold 80 and 100, B's 7 hold 40, and
# *,*,* all three: 14 + 7 + 3
is "$(q "SELECT count(*) FROM group_stat" t.db)|$(q "SELECT count(*)
 FROM question_stat" t.db)|$(q "SELECT count(*) FROM score_hist" t.db)" \
	"15|375|24" "the old run's rows are gone, not doubled"
is "$(q "SELECT count(DISTINCT run_id) FROM score_hist" t.db)" 1 \
	"histograms of one run only"

# a backfill: as of 2024-02-01 only a and b exist
run_status $AGGREGATE -q --db t.db --as-of 2024-02-01
is "$status" 0 "backfill run"
is "$(q "SELECT as_of, n_companies FROM runs ORDER BY as_of" t.db)" \
	"2024-02-01|2
2024-03-31|3" "the trend has both dates"
is "$(q "SELECT DISTINCT as_of FROM current_group_stats" t.db)" 2024-03-31 \
	"current_group_stats stays on the latest date"
is "$(q "SELECT DISTINCT as_of FROM current_question_stats" t.db)" \
	2024-03-31 "current_question_stats stays on the latest date"
is "$(q "SELECT count(*), min(as_of) FROM companies" t.db)" "3|2024-03-31" \
	"companies stay as of the latest run"
is "$(q "SELECT n FROM group_stats WHERE as_of = '2024-02-01'
 AND industry_code = '*' AND size_class = '*' AND star_level = '*'" t.db)" 2 \
	"the backfill counts only what existed then"
run_status $AGGREGATE -v --db t.db --as-of 2024-02-01
like "$(cat err)" "not the latest run" "-v says a backfill leaves companies"

# exit statuses
for bad in "--as-of 2024-13-01" "--as-of 2024-02-30" "--as-of 20240101" \
	"--as-of 2024-1-5" "--min-group 0" "--min-group x" "--na-points 5" \
	"--bogus" "extra" "--db"; do
	run_status $AGGREGATE --db t.db $bad
	is "$status" 2 "usage error: $bad"
done
like "$(cat err)" "^aggregate: " "usage errors start with the tool's name"
run_status $AGGREGATE -h
is "$status" 0 "-h exits 0"
like "$(cat out)" "^usage: aggregate " "-h prints usage on stdout"
run_status $AGGREGATE -V
like "$(cat out)" "^aggregate \(shindan\) [0-9]" "-V prints the version"
run_status $AGGREGATE --db "$T/no/such/dir/x.db" --as-of 2024-03-31
is "$status" 1 "a database that cannot be created: 1"

# another writer holds the database: 4, and nothing changes
q "UPDATE run SET created_at = 'before' WHERE as_of = '2024-03-31'" t.db
mkfifo hold
sqlite3 t.db <hold >/dev/null 2>&1 &
holder=$!
exec 3>hold
echo "BEGIN IMMEDIATE; INSERT INTO file (file_id, path, sha256, bytes,
 status, imported_at) VALUES (99, 'x', '', 0, 'imported', 'x');" >&3
sleep 1
run_status $AGGREGATE --db t.db --as-of 2024-03-31
is "$status" 4 "locked by another writer: 4"
like "$(cat err)" "locked" "says the database is locked"
echo "ROLLBACK;" >&3
exec 3>&-
wait $holder || true
is "$(q "SELECT created_at FROM runs WHERE as_of = '2024-03-31'" t.db)" \
	before "the run of that date is untouched"
done_testing
