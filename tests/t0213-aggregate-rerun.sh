#!/bin/sh
# aggregate: a date run again keeps its run_id and updates its statistics
# in place, deleting only the rows the new run has no more; what it
# leaves is, in every view, what the same run stored into a database
# without runs leaves.  Between the two runs companies are added and
# withdrawn, a whole industry among them, so that groups empty and
# scores leave the histograms of groups that stay.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need awk
# shellcheck source=tests/data/aggregate-nights.sh
. "$TOP/tests/data/aggregate-nights.sh"
GEN=$TOP/gen-sample/gen-sample

"$GEN" --bench 2000 >all.csv 2>gen.log
head -n 1501 all.csv >first.csv
$INGEST -q --db a.db first.csv
$AGGREGATE -q --db a.db --as-of 2030-01-01
cp a.db before.db
$INGEST -q --db a.db all.csv
q "DELETE FROM response WHERE industry_code = 'B' OR company_key IN
   (SELECT company_key FROM response WHERE star_level = 'two'
    ORDER BY company_key LIMIT 300)" a.db
cp a.db b.db
$AGGREGATE -q --full --db a.db --as-of 2030-01-01
is "$(q "SELECT run_id, n_companies FROM runs" a.db)" \
	"1|$(q "SELECT count(DISTINCT company_key) FROM response" a.db)" \
	"the date run again keeps its run_id and counts the companies now"

# the same run into a database without runs: every row inserted afresh
q "DELETE FROM score_hist; DELETE FROM question_stat; DELETE FROM group_stat;
   DELETE FROM cube_state; DELETE FROM run" b.db
$AGGREGATE -q --full --db b.db --as-of 2030-01-01
views a.db >a.csv
views b.db >b.csv
is "$(q "SELECT run_id FROM runs" b.db)" 1 "(the fresh run has that run_id too)"
if cmp -s a.csv b.csv; then
	ok "the run updated in place shows what the fresh run shows"
else
	not_ok "the run updated in place shows what the fresh run shows"
	diff a.csv b.csv | head -n 20 | sed 's/^/# /'
fi
is "$(grep -c . a.csv)" "$(grep -c . b.csv)" "(and says as much)"

# what the rerun had to delete, against the first run: rows of the
# first run that the second has no more
gone() {
	q "ATTACH 'before.db' AS o; SELECT count(*) FROM o.$1 h WHERE NOT
	   EXISTS (SELECT 1 FROM main.$1 m WHERE m.industry_code =
	   h.industry_code AND m.size_class = h.size_class AND m.star_level =
	   h.star_level $2) $3" a.db
}
like "$(q "SELECT count(*) FROM group_stats WHERE industry_code = 'B'" \
	before.db)" '^[1-9][0-9]*$' "(the first run had groups of industry B)"
is "$(q "SELECT (SELECT count(*) FROM group_stat WHERE industry_code = 'B')
	 + (SELECT count(*) FROM question_stat WHERE industry_code = 'B')
	 + (SELECT count(*) FROM score_hist WHERE industry_code = 'B')" a.db)" \
	0 "the groups of the industry withdrawn are gone, questions and all"
like "$(gone score_hist 'AND m.score = h.score' "AND EXISTS (SELECT 1
	FROM main.group_stat g WHERE g.industry_code = h.industry_code AND
	g.size_class = h.size_class AND g.star_level = h.star_level)")" \
	'^[1-9][0-9]*$' \
	"scores left the histograms of groups that stay (and were deleted)"
is "$(q "SELECT count(*) FROM score_hist WHERE n = 0" a.db)" 0 \
	"no histogram row counts nobody"
done_testing
