#!/bin/sh
# aggregate --pool is exact: one population split at random among 2, 3
# and 7 organisations (separate databases), each exporting a pool file,
# pools to the figures of one run over the union of the companies.  Every
# row of group_stats, question_stats and score_hist is compared as CSV
# and, through SQL's EXCEPT, value for value (REAL equality is equality
# of the bits), with the pool files exported at --min-group 1 so that no
# cell is withheld.  With cells withheld (--min-group 5) the totals and
# the whole population's group stay exact and no group gains a company.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
AS_OF=2030-01-01
GCOLS="industry_code, size_class, star_level, n, n_incomplete, mean, sd,
 median, p25, p75, min, max, band_100, band_70_99, band_50_69, band_le49,
 part1_mean, part2_mean, part3_mean, suppressed"
QCOLS="industry_code, size_class, star_level, question_no, n, implemented,
 partial, not_implemented, unknown, na, implemented_rate, mean_points,
 rank, below_overall"
HCOLS="h.industry_code, h.size_class, h.star_level, h.score, h.n"

"$TOP/gen-sample/gen-sample" --companies 1500 --seed 11 g >/dev/null
# and a dozen incomplete companies, which count in n_incomplete only
{
	echo "回答日時,会社名,業種,従業員数,$(qcols)"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		echo "2024/03/0$((i % 9 + 1)) 10:00,未完$i,建設業,$i,$(answers \
			IIIIIIIIIIIIIIIIIIIIIIII-)"
	done
} >incomplete.csv
run_status $INGEST -q --db u.db g/day1 g/day2 incomplete.csv
is "$status" 3 "the population is ingested (gen-sample's bad file aside)"
q "SELECT DISTINCT company_key FROM response ORDER BY 1" u.db >keys
is "$(wc -l <keys)" 1512 "1512 companies"

# split K: organisations o$K-1 .. o$K-K, each a copy of the union that
# keeps only its own companies, exported to o$K-J.pool at --min-group MIN
split() {
	awk -v k="$1" 'BEGIN { srand(20 + k) }
		{ printf "%s\t%d\n", $0, 1 + int(rand() * k) }' keys >assign
	j=1
	while [ "$j" -le "$1" ]; do
		sqlite3 u.db ".backup o$1-$j.db"
		sqlite3 "o$1-$j.db" <<-EOF
		CREATE TABLE assign (company_key TEXT, org INTEGER);
		.mode tabs
		.import assign assign
		DELETE FROM response WHERE company_key IN
		 (SELECT company_key FROM assign WHERE org <> $j);
		DROP TABLE assign;
		EOF
		$AGGREGATE -q --db "o$1-$j.db" --as-of $AS_OF --min-group "$2" \
			--export-pool "o$1-$j.pool" --org "org$j"
		j=$((j + 1))
	done
}

# rows DB VIEW COLS: a view's rows as CSV, in key order
rows() {
	sqlite3 -csv "$1" "SELECT $3 FROM $2 ORDER BY 1, 2, 3, 4"
}

hist() {
	sqlite3 -csv "$1" "SELECT $HCOLS FROM score_hist h JOIN run r USING
	 (run_id) WHERE r.kind = '$2' ORDER BY 1, 2, 3, 4"
}

# differ POOLDB VIEW POOLVIEW COLS: rows of one side missing in the other
differ() {
	q "ATTACH '$1' AS p; SELECT count(*) FROM (SELECT $4 FROM main.$2
	 EXCEPT SELECT $4 FROM p.$3) ; SELECT count(*) FROM (SELECT $4 FROM
	 p.$3 EXCEPT SELECT $4 FROM main.$2)" u.db | tr '\n' ' '
}

for k in 2 3 7; do
	split $k 1
done
$AGGREGATE -q --db u.db --as-of $AS_OF
is "$(q "SELECT n_companies, n_incomplete FROM runs" u.db)" "1512|12" \
	"the union's run"
u_groups=$(rows u.db group_stats "$GCOLS")
u_questions=$(rows u.db question_stats "$QCOLS")
u_hist=$(hist u.db local)
check "the union has hundreds of groups to compare" \
	test "$(printf '%s\n' "$u_groups" | wc -l)" -gt 400

for k in 2 3 7; do
	is "$(cat o$k-*.pool | wc -c | awk '{ print ($1 > 0) }')|$(for f in \
		o$k-*.pool; do q "SELECT count(*) FROM cell WHERE '*' IN
		(industry, size, star)" "$f"; done | sort -u)" "1|0" \
		"$k organisations: no cell withheld at --min-group 1"
	run_status $AGGREGATE --db p$k.db --pool o$k-*.pool
	is "$status" 0 "$k organisations pooled"
	like "$(cat "$T/err")" "pooled run $AS_OF: $k organisations, 1512 "`
		`"companies, 12 incomplete" "the summary line"
	is "$(q "SELECT kind, n_companies, n_incomplete, min_group, n_orgs
		FROM runs" p$k.db)" "pooled|1512|12|5|$k" \
		"the runs view shows a pooled run of $k organisations"
	is "$(rows p$k.db pooled_group_stats "$GCOLS")" "$u_groups" \
		"$k organisations: group_stats, byte for byte"
	is "$(rows p$k.db pooled_question_stats "$QCOLS")" "$u_questions" \
		"$k organisations: question_stats, byte for byte"
	is "$(hist p$k.db pooled)" "$u_hist" \
		"$k organisations: score histograms, byte for byte"
	is "$(differ p$k.db group_stats pooled_group_stats "$GCOLS")" "0 0 " \
		"$k organisations: every group value equal to the bit"
	is "$(differ p$k.db question_stats pooled_question_stats "$QCOLS")" \
		"0 0 " "$k organisations: every question value equal to the bit"
done
is "$(q "SELECT org, n_companies FROM run_org ORDER BY org" p3.db |
	awk -F'|' '{ s += $2; printf "%s ", $1 } END { print s }')" \
	"org1 org2 org3 1512" "the organisations behind the run and their counts"
is "$(q "SELECT count(*) FROM group_stats" p3.db)" 0 \
	"the local views do not show the pooled run"

# --with-local: the first of two organisations pools the second's file
# with its own database
run_status $AGGREGATE --db o2-1.db --pool o2-2.pool --with-local --org org1
is "$status" 0 "pooled with the local database"
is "$(rows o2-1.db pooled_group_stats "$GCOLS")" "$u_groups" \
	"--with-local: group_stats, byte for byte"
is "$(q "SELECT kind, orgs FROM runs ORDER BY kind" o2-1.db)" \
	"local|
pooled|org1,org2" "the local run and the pooled run of one date, side by side"

# withholding: exported at --min-group 5, small cells climb the ladder
rm -f o7-*
split 7 5
is "$(for f in o7-*.pool; do q "SELECT count(*) FROM cell WHERE n < 5
	AND NOT (n = 0 AND n_incomplete >= 5)" "$f"; done | sort -u)" 0 \
	"every exported cell holds at least 5 companies"
check "some cells were withheld" test "$(for f in o7-*.pool; do q "SELECT
	count(*) FROM cell WHERE star = '*'" "$f"; done | sort -un |
	tail -1)" -gt 0
$AGGREGATE -q --db w.db --pool o7-*.pool
is "$(q "SELECT n_companies, n_incomplete FROM runs" w.db)" "1512|12" \
	"withheld: the totals stay exact"
all="industry_code = '*' AND size_class = '*' AND star_level = '*'"
is "$(sqlite3 -csv w.db "SELECT $GCOLS FROM pooled_group_stats WHERE $all")" \
	"$(sqlite3 -csv u.db "SELECT $GCOLS FROM group_stats WHERE $all")" \
	"withheld: the whole population's group is exact"
is "$(q "ATTACH 'w.db' AS p; SELECT count(*) FROM p.pooled_group_stats w
	LEFT JOIN group_stats u USING (industry_code, size_class, star_level)
	WHERE u.n IS NULL OR w.n > u.n" u.db)" 0 \
	"withheld: no group gains a company it does not have"
done_testing
