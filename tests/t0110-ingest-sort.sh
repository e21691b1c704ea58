#!/bin/sh
# Rows are stored in identity order through an external sort: with the
# sorter's chunks made tiny (SHINDAN_SORT_CHUNK) a file goes through many
# sorted runs in a temporary file and must give exactly the database that
# one chunk in memory gives: duplicates and supersession included, even
# when the versions of one response are far apart in the file.
. "$(dirname "$0")/lib.sh"

"$TOP/gen-sample/gen-sample" --bench 8000 >big.csv
# line 8002 repeats line 2; line 8003 changes line 3's last answer
sed -n 2p big.csv >>big.csv
sed -n 3p big.csv | awk -F, -v OFS=, '{
	$NF = $NF == "実施している" ? "実施していない" : "実施している"
	print }' >>big.csv

mkdir tmp
run_status $INGEST -v --db one.db big.csv
is "$status" 0 "imported with one chunk in memory"
like "$(cat "$T/err")" "(0 sorted runs on disk)" "a small file never touches the disk"
is "$(q "SELECT rows_read, rows_new, rows_duplicate FROM files" one.db)" \
	"8002|8001|1" "one duplicate, one new version"
is "$(q "SELECT line, superseded FROM response WHERE company_key = (SELECT
	company_key FROM response WHERE line = 3) ORDER BY line" one.db)" \
"3|1
8003|0" "the later line supersedes the earlier version"

TMPDIR=$T/tmp SHINDAN_SORT_CHUNK=8192 run_status $INGEST -v --db many.db big.csv
is "$status" 0 "imported through many sorted runs"
runs=$(sed -n 's/.*(\([0-9]*\) sorted runs on disk).*/\1/p' "$T/err")
# past 128 runs each is read through a smaller buffer (8 MiB in all)
check "the rows went through more than 128 runs ($runs)" \
	test "${runs:-0}" -gt 128
is "$(dump many.db)" "$(dump one.db)" "the same database as one chunk gives"
is "$(q "SELECT group_concat(response_id) FROM (SELECT response_id FROM
	response ORDER BY company_key, department, submitted_at)" many.db)" \
	"$(q "SELECT group_concat(response_id) FROM (SELECT response_id FROM
	response ORDER BY company_key, department, submitted_at)" one.db)" \
	"stored in the same (identity) order"
is "$(ls tmp)" "" "the temporary file is gone"

# the sorted runs cannot be written: the file is not imported at all
# (the tool itself: under $VALGRIND, valgrind would need TMPDIR first)
TMPDIR=$T/missing SHINDAN_SORT_CHUNK=8192 run_status "$TOP/ingest/ingest" \
	--db fail.db big.csv
is "$status" 1 "no room for sorted runs: exit 1"
like "$(cat "$T/err")" "sorting rows: cannot create a temporary file" \
	"and says why"
is "$(q "SELECT count(*) FROM response; SELECT count(*) FROM file" fail.db)" \
"0
0" "nothing of the file is stored"
run_status $INGEST --db fail.db big.csv
is "$status" 0 "the next run imports it"
is "$(dump fail.db)" "$(dump one.db)" "completely"

# a database error halfway through storing (next_id wound back, so that a
# new version of a response collides with the stored one) rolls the whole
# file back: the supersession before it included
q "UPDATE next_id SET id = (SELECT response_id FROM response
	WHERE line = 4)" one.db
before=$(dump one.db)
sed -n '1p;4p' big.csv | awk -F, -v OFS=, 'NR == 2 {
	$NF = $NF == "実施している" ? "実施していない" : "実施している" }
	{ print }' >change.csv
run_status $INGEST --db one.db change.csv
is "$status" 1 "a failing insert: exit 1"
like "$(cat "$T/err")" "UNIQUE constraint failed" "and says why"
is "$(dump one.db)" "$before" "nothing of the file is stored"
done_testing
