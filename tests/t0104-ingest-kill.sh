#!/bin/sh
# kill -9 in the middle of a large file, then a re-run, gives the same
# database content as one clean run: a file is one transaction.
. "$(dirname "$0")/lib.sh"

awk -v n=60000 'BEGIN {
	printf "回答日時,会社名"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	printf "\n"
	split("実施している,一部実施している,実施していない,わからない", L, ",")
	for (r = 1; r <= n; r++) {
		printf "2024/01/%02d %02d:%02d:%02d,会社%d", r % 28 + 1, r % 24,
		    r % 60, (r * 7) % 60, r
		for (i = 1; i <= 25; i++) printf ",%s", L[(r * i + i) % 4 + 1]
		printf "\n"
	}
	printf "2024/01/01 00:00:00,壊れた行"
	for (i = 1; i <= 25; i++) printf ",実施中"
	printf "\n"
}' >big.csv
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >small.csv

$INGEST -q --db clean.db small.csv big.csv || true
want=$(dump clean.db)
is "$(q "SELECT count(*) FROM responses" clean.db)" 60001 "the clean run imports every good row"

# kill points spread over a clean run's own time: the import of big.csv
# takes a fraction of a second on a quiet machine, more under load
rm -f k.db k.db-wal k.db-shm
$INGEST -q --db k.db small.csv >/dev/null 2>&1
delays=$(kill_points 4 $INGEST -q --db k.db big.csv)

# kills LABEL [VAR=VALUE ...]: kill the import of big.csv, with that
# environment, at each delay; the database is intact, the file is in it
# whole or not at all, a re-run equals one clean run, in WAL mode
kills() {
	label=$1
	shift
	killed=0
	for delay in $delays; do
		rm -f k.db k.db-wal k.db-shm k.db-journal
		$INGEST -q --db k.db small.csv >/dev/null 2>&1
		env "$@" $INGEST -q --db k.db big.csv >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		if kill -9 "$pid" 2>/dev/null; then
			killed=$((killed + 1))
		fi
		wait "$pid" 2>/dev/null || true
		is "$(q "PRAGMA integrity_check" k.db)" ok \
			"${label}after kill -9 at ${delay}s the database is intact"
		n=$(q "SELECT count(*) FROM response" k.db)
		like "$n" '^(1|60001)$' \
			"${label}no half-imported file after kill -9 at ${delay}s ($n responses)"
		$INGEST -q --db k.db small.csv big.csv >/dev/null 2>&1 || true
		is "$(dump k.db)" "$want" \
			"${label}re-run after kill -9 at ${delay}s equals one clean run"
		is "$(q "PRAGMA journal_mode" k.db)" wal \
			"${label}after the re-run the database is in WAL mode"
	done
	check "${label}at least one run was killed mid-file ($killed)" \
		test "$killed" -ge 1
}
kills ""

# A big import (SHINDAN_BULK_BYTES, 16 MiB by default; 0 here) runs with
# a rollback journal: the same guarantees, and the WAL again afterwards.
rm -f b.db b.db-wal b.db-shm
SHINDAN_BULK_BYTES=0 $INGEST -v --db b.db small.csv big.csv >/dev/null \
	2>"$T/bulk.err" || true
like "$(cat "$T/bulk.err")" "imported with a rollback journal" \
	"a bulk import says how it writes"
is "$(dump b.db)" "$want" "a bulk import stores what the WAL's does"
is "$(q "PRAGMA journal_mode" b.db)" wal "and leaves the database in WAL mode"
kills "bulk: " SHINDAN_BULK_BYTES=0

# another connection open: the import keeps the WAL
rm -f h.db h.db-wal h.db-shm
$INGEST -q --db h.db small.csv >/dev/null 2>&1
{ echo "BEGIN; SELECT count(*) FROM response;"; sleep 2; echo "COMMIT;"; } |
	sqlite3 h.db >/dev/null &
reader=$!
sleep 0.5
run_status env SHINDAN_BULK_BYTES=0 $INGEST -v --db h.db big.csv
wait "$reader"
is "$status" 3 "with a reader open, the import goes on (one row rejected)"
unlike "$(cat "$T/err")" "rollback journal" "in WAL mode, beside the reader"
is "$(q "SELECT count(*) FROM response" h.db)" 60001 "and stores every good row"
done_testing
