#!/bin/sh
# Big hostile inputs, generated here: a 10 MB field, 10,000 columns (with
# a header that fits the 64 KiB ingest reads to detect the layout, and one
# that does not), 1,000,000 tiny rows.  Each gives a clear message naming
# file and line, the right exit status, nothing half-imported, and an
# intact database.
. "$(dirname "$0")/lib.sh"

I25=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
intact() {
	is "$(q "PRAGMA integrity_check" "$1")" ok "$2: the database is intact"
}

# a 10 MB field between two good rows: the record is refused, so is the
# file (the reader cannot know where the next record starts)
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,$I25"
	printf '2024/01/15 10:00:00,"'
	head -c 10000000 /dev/zero | tr '\0' x
	printf '",%s\n' "$I25"
	echo "2024/01/15 11:00:00,ベータ,$I25"
} >field.csv
run_status $INGEST --db f.db field.csv
is "$status" 3 "10 MB field: exit 3"
like "$(cat "$T/err")" \
	"^ingest: field.csv: rejected: line 3: record longer than 1 MiB" \
	"10 MB field: the message names the file and the line"
is "$(q "SELECT status, rows_read FROM files; SELECT count(*) FROM response" f.db)" \
	"$(printf 'rejected|0\n0')" "10 MB field: nothing of the file is imported"
intact f.db "10 MB field"

# 10,000 columns, the header short enough for detection: imported
awk 'BEGIN {
	printf "企業ID"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	for (i = 27; i <= 10000; i++) printf ","
	printf "\n"
	for (r = 1; r <= 3; r++) {
		printf "c%d", r
		for (i = 1; i <= 25; i++) printf ",4"
		for (i = 27; i <= 10000; i++) printf ",v%d", i
		printf "\n"
	} }' >wide.csv
run_status $INGEST --db w.db wide.csv
is "$status" 0 "10,000 columns: exit 0"
is "$(q "SELECT company_key, total_score FROM responses ORDER BY 1" w.db)" \
	"$(printf 'id:c1|100\nid:c2|100\nid:c3|100')" \
	"10,000 columns: every row imported with its score"
intact w.db "10,000 columns"

# 10,000 named columns: the header outgrows the detection window; the
# file is refused as a whole, not row by row as "10000 fields, the header
# has 6675"
awk 'BEGIN {
	printf "企業ID"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	for (i = 27; i <= 10000; i++) printf ",extra%d", i
	printf "\n"
	for (r = 1; r <= 3; r++) {
		printf "c%d", r
		for (i = 1; i <= 25; i++) printf ",4"
		for (i = 27; i <= 10000; i++) printf ",v"
		printf "\n"
	} }' >wider.csv
run_status $INGEST --db w2.db wider.csv
is "$status" 3 "a 100 KB header: exit 3"
like "$(cat "$T/err")" \
	"^ingest: wider.csv: rejected: line 1: header row longer than 64 KiB \(10000 fields\)$" \
	"a 100 KB header: the file is rejected saying why"
is "$(q "SELECT status, rows_read, rows_rejected FROM files; SELECT count(*) FROM reject" w2.db)" \
	"$(printf 'rejected|0|0\n0')" "a 100 KB header: no row is stored"
intact w2.db "a 100 KB header"

# 1,000,000 tiny rows: each rejected with its line, in constant memory
awk 'BEGIN {
	printf "企業ID"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	printf "\n"
	for (r = 1; r <= 1000000; r++) print "x" }' >tiny.csv
# (not under ASan or valgrind, which keep freed memory on purpose)
if [ -x /usr/bin/time ] && [ -z "${VALGRIND:-}" ] &&
   ! grep -q fsanitize "$TOP/.build-flags" 2>/dev/null; then
	run_status /usr/bin/time -f 'maxrss %M' $INGEST --db t.db tiny.csv
	rss=$(sed -n 's/^maxrss //p' "$T/err")
	check "1,000,000 tiny rows: memory stays under 64 MB ($rss KB)" \
		test "$rss" -lt 65536
else
	run_status $INGEST --db t.db tiny.csv
fi
is "$status" 3 "1,000,000 tiny rows: exit 3"
like "$(cat "$T/err")" "^ingest: tiny.csv:2: 1 fields, the header has 26$" \
	"1,000,000 tiny rows: the first rejects are named with their line"
like "$(cat "$T/err")" "^ingest: tiny.csv: 999990 more rejected rows \(see the rejects view\)$" \
	"1,000,000 tiny rows: the rest are counted, not printed"
is "$(q "SELECT status, rows_read, rows_rejected FROM files; SELECT min(line), max(line), count(*) FROM rejects" t.db)" \
	"$(printf 'partial|1000000|1000000\n2|1000001|1000000')" \
	"1,000,000 tiny rows: every one read and rejected with its line"
intact t.db "1,000,000 tiny rows"
done_testing
