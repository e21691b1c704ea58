#!/bin/sh
# aggregate -v says whether a run was incremental and, when it was not,
# why: --full, a changed --na-points, --export-csv, a company row edited
# by hand; a night with one new response reads one company again
# and rewrites one row, and the companies view dates every company with
# the latest run.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db
resp corp:1 '' 2024-03-01T00:00:00Z D 6-20 one 25I
resp corp:2 '' 2024-03-01T00:00:00Z E 1-5 two 20I5N
fill t.db

why() {
	run_status $AGGREGATE -v --db t.db "$@"
	sed -n 's/^aggregate: \(full run: .*\|incremental run: .*\)/\1/p' \
		"$T/err"
}

is "$(why --as-of 2024-03-31)" "full run: no saved state of the latest run" \
	"the first run is full"
is "$(why --as-of 2024-03-31)" \
	"incremental run: 0 companies read again since the run of 2024-03-31, 0 rows changed" \
	"nothing new: nothing read"
resp corp:3 '' 2024-04-01T00:00:00Z F 1-5 none 25P
fill t.db
is "$(why --as-of 2024-04-02)" \
	"incremental run: 1 companies read again since the run of 2024-03-31, 1 rows changed" \
	"one new company: one read, one row written"
is "$(q "SELECT company_key, total_score, as_of FROM companies ORDER BY 1" \
	t.db)" "corp:1|100|2024-04-02
corp:2|80|2024-04-02
corp:3|50|2024-04-02" "every company dated with the latest run"
is "$(q "SELECT n, mean FROM current_group_stats WHERE industry_code = '*'
	AND size_class = '*' AND star_level = '*'" t.db)" "3|76.6666666666667" \
	"the benchmark counts the new company"
is "$(why --full --as-of 2024-04-02)" "full run: --full" "--full forces it"
is "$(why --na-points 0 --as-of 2024-04-02)" "full run: --na-points changed" \
	"a changed --na-points"
is "$(why --na-points 0 --as-of 2024-04-02 --export-csv csv)" \
	"full run: --export-csv lists every company" "--export-csv"
q "UPDATE company SET total_score = 0 WHERE company_key = 'corp:1'" t.db
resp corp:1 '' 2024-04-02T00:00:00Z D 6-20 one 24I1P
fill t.db
is "$(why --na-points 0 --as-of 2024-04-02)" \
	"full run: a company row does not match its answers" \
	"a hand-edited company row read back makes the run full"
is "$(q "SELECT total_score FROM companies WHERE company_key = 'corp:1'" \
	t.db)" 98 "and the full run puts the row right"
done_testing
