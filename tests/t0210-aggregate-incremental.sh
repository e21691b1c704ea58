#!/bin/sh
# aggregate: a run from the saved state (incremental) shows, in every
# view, byte for byte what a full scan shows, over twelve seeded nights
# of new companies, later answers, supersessions, a response withdrawn by
# hand, departments added, backfills, responses dated ahead, a run of an
# earlier date (companies leaving its window), a rerun of the same date
# and a changed --min-group.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need awk
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
# shellcheck source=tests/data/aggregate-nights.sh
. "$TOP/tests/data/aggregate-nights.sh"
newdb inc.db
newdb full.db

differ=
n=1
while [ $n -le 12 ]; do
	night inc.db 7 $n 40 6 >night.sql
	sqlite3 inc.db <night.sql
	sqlite3 full.db <night.sql
	as_of=$(printf '2024-04-%02d' $((1 + n)))
	[ $n -eq 5 ] && as_of=2024-04-05	# the date of night 4 again
	opt=
	[ $n -eq 10 ] && opt="--min-group 3"
	echo "night $n" >>inc.log
	$AGGREGATE -v $opt --db inc.db --as-of $as_of 2>>inc.log
	$AGGREGATE -q --full $opt --db full.db --as-of $as_of
	if [ $n -eq 8 ]; then
		# an earlier date: not the latest run, the state stays
		$AGGREGATE -v --db inc.db --as-of 2024-04-03 2>>inc.log
		$AGGREGATE -q --db full.db --as-of 2024-04-03
	fi
	views inc.db >inc.csv
	views full.db >full.csv
	cmp -s inc.csv full.csv || differ="$differ $n"
	n=$((n + 1))
done
is "$differ" "" "incremental and full runs agree on every view, every night"
is "$(grep -c . full.csv)" "$(grep -c . inc.csv)" "(and say the same much)"
# 480 new, 4 whose every response was withdrawn
is "$(grep -c '^co:' inc.csv)" 476 "every company of the twelve nights is there"

reasons=$(sed -n 's/^aggregate: \(full\|incremental\) run: \([^0-9]*\).*/\1 \2/p;
	s/^night \([0-9]*\)/night \1/p' inc.log | tr '\n' ';')
is "$reasons" "night 1;full no saved state of the latest run;\
night 2;incremental ;\
night 3;incremental ;\
night 4;incremental ;\
night 5;incremental ;\
night 6;full responses dated after the last run now count;\
night 7;incremental ;\
night 8;full responses dated after the last run now count;\
full not the latest run;\
night 9;incremental ;\
night 10;full --min-group changed;\
night 11;full --min-group changed;\
night 12;full responses dated after the last run now count;" \
	"each night is incremental unless something says otherwise"
done_testing
