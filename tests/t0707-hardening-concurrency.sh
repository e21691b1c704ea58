#!/bin/sh
# Runs at the same time on one database: two ingests (one waits for the
# other or exits 4, never corruption, and what each reports imported is
# there); an ingest facing a lock held past the busy timeout exits 4 and
# imports nothing; render while ingest and aggregate write exits 0,
# leaves the database intact and draws one state, in one process and
# with report workers (-j 2) alike.
. "$(dirname "$0")/lib.sh"

# companies FROM TO: rows of companies cFROM..cTO
companies() {
	printf '回答日時,企業ID,会社名,業種,従業員数,%s\n' "$(qcols)"
	awk -v from="$1" -v to="$2" 'BEGIN {
		split("実施している,一部実施している,実施していない,わからない", L, ",")
		for (r = from; r <= to; r++) {
			printf "2024/01/10 10:%02d:%02d,c%d,会社%d,G,%d", r / 60 % 60,
			    r % 60, r, r, r * 3
			for (i = 1; i <= 25; i++) printf ",%s", L[(r * i + i) % 4 + 1]
			printf "\n"
		} }'
}
companies 1 10000 >a.csv
companies 30001 30100 >b.csv

# two ingests at once
$INGEST --db two.db a.csv >a.out 2>a.err &
pa=$!
sleep 0.1
$INGEST --db two.db b.csv >b.out 2>b.err &
pb=$!
sa=0
wait "$pa" || sa=$?
sb=0
wait "$pb" || sb=$?
like "$sa $sb" '^[04] [04]$' "two ingests at once: each exits 0 or 4 ($sa $sb)"
want=0
[ "$sa" -eq 0 ] && want=$((want + 10000))
[ "$sb" -eq 0 ] && want=$((want + 100))
is "$(q "SELECT count(*) FROM responses" two.db)" "$want" \
	"two ingests at once: every row of each ingest that exit 0 is there"
is "$(q "SELECT group_concat(path) FROM (SELECT path FROM files WHERE status = 'imported' ORDER BY 1)" two.db)" \
	"$( { [ "$sa" -eq 0 ] && echo a.csv; [ "$sb" -eq 0 ] && echo b.csv; } | paste -sd, -)" \
	"two ingests at once: the files table agrees"
for s in a b; do
	eval "st=\$s$s"
	if [ "$st" -eq 4 ]; then
		like "$(cat $s.err)" "locked by another run" \
			"the ingest that exit 4 says the database is locked"
	fi
done
is "$(q "PRAGMA integrity_check" two.db)" ok "two ingests at once: the database is intact"

# a lock held longer than the busy timeout (3 s): exit 4, nothing stored
$INGEST -q --db held.db b.csv
companies 30101 30101 >c.csv
{ echo "BEGIN IMMEDIATE;"; sleep 6; echo "ROLLBACK;"; } | sqlite3 held.db &
holder=$!
sleep 0.5
run_status $INGEST --db held.db c.csv
is "$status" 4 "a held lock: exit 4"
like "$(cat "$T/err")" "^ingest: 'held.db': locked by another run" \
	"a held lock: the message says to try later"
wait "$holder"
is "$(q "SELECT count(*) FROM responses; SELECT count(*) FROM files" held.db)" \
	"$(printf '100\n1')" "a held lock: nothing of the file is stored"
run_status $INGEST --db held.db c.csv
is "$status" 0 "a held lock released: the same file imports"

# render while ingest and aggregate change the run it draws
companies 1 10 >s1.csv
companies 11 20 >s2.csv
$INGEST -q --db s.db s1.csv
$AGGREGATE -q --db s.db --as-of 2024-02-01
cp s.db base.db
cp s.db live.db
$RENDER -q --db s.db --out before --format svg
$INGEST -q --db s.db s2.csv
$AGGREGATE -q --db s.db --as-of 2024-02-01
$RENDER -q --db s.db --out after --format svg
check "the two states draw differently" test -n "$(diff -rq before after)"
# render_while DELAY JOBS: render into during-DELAY-JOBS while, from
# DELAY seconds on, ingest adds s2.csv and aggregate redoes the run;
# sets drew to before, after or mixed
render_while() {
	( sleep "$1"; $INGEST -q --db live.db s2.csv &&
	  $AGGREGATE -q --db live.db --as-of 2024-02-01 ) >/dev/null 2>&1 &
	writer=$!
	run_status $RENDER -q --db live.db --out "during-$1-$2" --format svg \
		-j "$2"
	wst=0
	wait "$writer" || wst=$?
	is "$status" 0 "render -j $2 while writing (from $1 s): exit 0"
	is "$wst" 0 \
		"render -j $2 while writing (from $1 s): the writers got in"
	is "$(q "PRAGMA integrity_check" live.db)" ok \
		"render -j $2 while writing (from $1 s): the database is intact"
	if diff -rq before "during-$1-$2" >/dev/null; then
		drew=before
	elif diff -rq after "during-$1-$2" >/dev/null; then
		drew=after
	else
		drew=mixed
		diff -rq after "during-$1-$2" | head -n 3 | sed 's/^/#   /'
	fi
	cp base.db live.db
	rm -f live.db-wal live.db-shm
}

# one process reads in one transaction: one state, before or after
for delay in 0.1 0.3 0.6; do
	render_while "$delay" 1
	like "$drew" '^(before|after)$' \
		"render -j 1 while writing (from $delay s): one state ($drew)"
done
# report workers read through connections of their own, opened while
# render holds the write lock: still one state, whenever the write comes
# (a write that comes as the workers start is the case to catch)
for delay in 0.05 0.1 0.2 0.3 0.4 0.6; do
	render_while "$delay" 2
	like "$drew" '^(before|after)$' \
		"render -j 2 while writing (from $delay s): one state ($drew)"
done
is "$(q "PRAGMA integrity_check" live.db)" ok "the database is intact"

# a write lock held past the busy timeout: render -j 2 waits that long
# for it, then draws without it
cp base.db held2.db
{ echo "BEGIN IMMEDIATE;"; sleep 5; echo "ROLLBACK;"; } | sqlite3 held2.db &
holder=$!
sleep 0.5
run_status $RENDER -q --db held2.db --out held --format svg -j 2
wait "$holder"
is "$status" 0 "render -j 2 while a writer holds the lock for 5 s: exit 0"
check "and draws the committed state" diff -rq before held
done_testing
