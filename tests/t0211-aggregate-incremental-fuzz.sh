#!/bin/sh
# aggregate: many small random nights, seed after seed for a bounded
# time (SHINDAN_FUZZ_SECONDS, default 20): after each night the run from
# the saved state and the full scan agree on every view.  A failure
# names the seed and night, which replay exactly.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need awk
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
# shellcheck source=tests/data/aggregate-nights.sh
. "$TOP/tests/data/aggregate-nights.sh"
newdb empty.db

budget=${SHINDAN_FUZZ_SECONDS:-20}
start=$(date +%s)
seed=100
nights=0
incremental=0
differ=
while [ $(($(date +%s) - start)) -lt "$budget" ] && [ -z "$differ" ]; do
	seed=$((seed + 1))
	cp empty.db inc.db
	cp empty.db full.db
	n=1
	day=1
	while [ $n -le 8 ] && [ -z "$differ" ]; do
		# draws of this night: companies, changes, date step, na points
		# (the first draws after srand follow the seed: skip them)
		# shellcheck disable=SC2046 # four numbers, split on purpose
		set -- $(awk -v s="$seed" -v n="$n" 'BEGIN { srand(s * 77 + n)
			for (i = 0; i < 8; i++) rand()
			print int(rand() * 6), int(rand() * 3), int(rand() * 3),
			      (n == 5 && s % 3 == 0 ? 0 : 4) }')
		night inc.db "$seed" $n "$1" "$2" >night.sql
		sqlite3 inc.db <night.sql
		sqlite3 full.db <night.sql
		day=$((day + 1 + $3 % 2))	# never before the night's answers
		as_of=$(printf '2024-04-%02d' $day)
		$AGGREGATE -v --na-points "$4" --db inc.db --as-of "$as_of" \
			2>inc.log
		$AGGREGATE -q --full --na-points "$4" --db full.db \
			--as-of "$as_of"
		grep -q 'incremental run' inc.log &&
			incremental=$((incremental + 1))
		views inc.db >inc.csv
		views full.db >full.csv
		cmp -s inc.csv full.csv || differ="seed $seed night $n"
		nights=$((nights + 1))
		n=$((n + 1))
	done
done
is "$differ" "" "incremental equals full over $nights nights (seeds 101-$seed)"
check "most of them incremental ($incremental)" \
	test "$incremental" -gt $((nights / 2))
done_testing
