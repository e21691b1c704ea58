#!/bin/sh
# Schema 4 (pooled runs) migrates a database that already holds runs:
# run is rebuilt to gain its kind, and the group, question and histogram
# rows that point at it stay (the rebuild must not cascade); the runs are
# local, the views show them as before, and a pooled run of the same date
# can then sit beside the local one.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3

sqlite3 old.db <"$DATA/schema-v1.sql"
chmod 600 old.db
q "INSERT INTO run ($RUN_COLS)
 VALUES (7, '2024-03-31', '2024-04-01T00:00:00Z', 6, 0,
 5, 4);
 INSERT INTO group_stat ($GROUP_STAT_COLS)
 VALUES (7, '*', '*', '*', 6, 0, 90.0, 1.0, 90.0,
 89.0, 91.0, 88, 92, 0, 6, 0, 0, 20.0, 50.0, 20.0, 0);
 INSERT INTO question_stat ($QUESTION_STAT_COLS)
 VALUES (7, '*', '*', '*', 1, 6, 6, 0, 0, 0, 0,
 1.0, 4.0, 25, 0);
 INSERT INTO score_hist ($SCORE_HIST_COLS)
 VALUES (7, '*', '*', '*', 90, 6)" old.db
before=$(q "SELECT * FROM group_stats; SELECT * FROM question_stats" old.db)
run_status $AGGREGATE -q --db old.db --as-of 2024-01-01
is "$status" 0 "aggregate opens and migrates the old database"
is "$(q "PRAGMA user_version" old.db)" 8 "now at schema 8"
is "$(q "SELECT * FROM group_stats WHERE run_id = 7;
	SELECT * FROM question_stats WHERE run_id = 7" old.db)" "$before" \
	"the old run's rows survive the rebuild of run"
is "$(q "SELECT count(*) FROM score_hist WHERE run_id = 7" old.db)" 1 \
	"and its histogram"
is "$(q "SELECT run_id, as_of, kind, n_orgs FROM runs ORDER BY as_of" \
	old.db)" "8|2024-01-01|local|0
7|2024-03-31|local|0" "the old run is local, beside the new one"
is "$(q "PRAGMA foreign_key_check" old.db)" "" \
	"no row points at a missing run"
is "$(q "SELECT sql FROM sqlite_master WHERE name = 'run'" old.db |
	grep -c 'UNIQUE (as_of, kind)')" 1 "one run of each kind per date"

# a later local run of the date still replaces the old one, cascading
run_status $AGGREGATE -q --db old.db --as-of 2024-03-31
is "$(q "SELECT count(*) FROM group_stat WHERE run_id = 7" old.db)" 0 \
	"replacing a run still removes its rows"
done_testing
