#!/bin/sh
# kill -9 at many points of aggregate, and of ingest followed by
# aggregate, then a re-run: the database is intact after every kill,
# holds a whole run or none, and after the re-run equals one clean run.
# (t0104 kills ingest alone in the middle of a large file.)
. "$(dirname "$0")/lib.sh"

awk -v n=20000 'BEGIN {
	printf "回答日時,会社名,業種,従業員数"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	printf "\n"
	split("実施している,一部実施している,実施していない,わからない", L, ",")
	split("A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,S,T", D, ",")
	for (r = 1; r <= n; r++) {
		printf "2024/01/%02d %02d:%02d:%02d,会社%d,%s,%d", r % 28 + 1,
		    r % 24, r % 60, (r * 7) % 60, r, D[r % 20 + 1], r % 400 + 1
		for (i = 1; i <= 25; i++) printf ",%s", L[(r * i + i) % 4 + 1]
		printf "\n"
	} }' >big.csv
{
	echo "回答日時,会社名,業種,$(qcols)"
	echo "2024/01/20 10:00:00,会社7,G,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >late.csv

# what aggregate stores, without run ids and creation times
agg_dump() {
	q "SELECT as_of, n_companies, n_incomplete, min_group FROM runs;
	   SELECT industry_code, size_class, star_level, n, n_incomplete, mean,
	   sd, median, p25, p75, min, max, band_100, band_70_99, band_50_69,
	   band_le49, part1_mean, part2_mean, part3_mean, suppressed
	   FROM group_stats ORDER BY 1, 2, 3;
	   SELECT industry_code, size_class, star_level, question_no, n,
	   implemented, partial, not_implemented, unknown, na,
	   implemented_rate, mean_points, rank, below_overall
	   FROM question_stats ORDER BY 1, 2, 3, 4;
	   SELECT industry_code, size_class, star_level, score, n
	   FROM score_hist ORDER BY 1, 2, 3, 4;
	   SELECT company_key, company_name, industry_code, size_class,
	   star_level, submitted_at, complete, total_score, band
	   FROM companies ORDER BY 1;" "$1" | cksum
}
all_dump() {
	{ dump "$1"; agg_dump "$1"; } | cksum
}
# run CMD in the background, kill -9 it after DELAY; killed=1 if it was
# still running
kill_after() {
	after=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$after"
	killed=0
	if kill -9 "$pid" 2>/dev/null; then
		killed=1
	fi
	wait "$pid" 2>/dev/null || true
}
# whole DB: intact, and each run has all its groups or is absent
consistent() {
	is "$(q "PRAGMA integrity_check" "$1")" ok "$2: the database is intact"
	# killed before the schema's transaction committed: an empty file
	if [ "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'run'" \
	    "$1")" -eq 0 ]; then
		is "$(q "SELECT count(*) FROM sqlite_master" "$1")" 0 \
			"$2: no schema at all, or all of it"
		return
	fi
	is "$(q "SELECT count(*) FROM run r WHERE NOT EXISTS (SELECT 1
		FROM group_stat g WHERE g.run_id = r.run_id AND
		g.industry_code = '*' AND g.size_class = '*' AND
		g.star_level = '*')" "$1")" 0 "$2: no run without its groups"
}

$INGEST -q --db base.db big.csv late.csv || true
cp base.db clean.db
# kill points spread over the clean run's own time (aggregate of 20,000
# companies takes tens of milliseconds, more under load or valgrind)
delays=$(kill_points 5 $AGGREGATE -q --db clean.db --as-of 2024-02-01)
want_agg=$(agg_dump clean.db)
want_all=$(all_dump clean.db)
is "$(q "SELECT n_companies FROM runs" clean.db)" 20000 \
	"the clean run counts 20,000 companies"

hits=0
for delay in $delays; do
	cp base.db k.db
	kill_after "$delay" $AGGREGATE -q --db k.db --as-of 2024-02-01
	hits=$((hits + killed))
	consistent k.db "aggregate killed at ${delay}s"
	$AGGREGATE -q --db k.db --as-of 2024-02-01
	is "$(agg_dump k.db)" "$want_agg" \
		"aggregate killed at ${delay}s, re-run: equals one clean run"
done
check "aggregate was killed while running at least twice ($hits)" \
	test "$hits" -ge 2

hits=0
for delay in 0.02 0.05 0.1 0.2 0.3 0.7; do
	rm -f k.db k.db-wal k.db-shm
	kill_after "$delay" $INGEST -q --db k.db big.csv late.csv
	hits=$((hits + killed))
	consistent k.db "ingest killed at ${delay}s"
	$INGEST -q --db k.db big.csv late.csv >/dev/null 2>&1 || true
	kill_after "$(echo "$delay" | awk '{ print $1 / 2 }')" \
		$AGGREGATE -q --db k.db --as-of 2024-02-01
	hits=$((hits + killed))
	consistent k.db "ingest killed at ${delay}s, then aggregate"
	$INGEST -q --db k.db big.csv late.csv >/dev/null 2>&1 || true
	$AGGREGATE -q --db k.db --as-of 2024-02-01
	is "$(all_dump k.db)" "$want_all" \
		"ingest and aggregate killed at ${delay}s, re-run: equals one clean run"
done
check "a tool was killed while running at least three times ($hits)" \
	test "$hits" -ge 3
done_testing
