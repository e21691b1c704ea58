#!/bin/sh
# aggregate: per group and question, the answer counts, implemented_rate,
# mean_points, rank and below_overall (95 % Wilson upper bound against the
# whole population), worked out by hand.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db

# Everyone is 21-50 / one.  F (10 companies) and H (11): Q1 not
# implemented, Q3 partial, Q25 not applicable, the rest implemented.
i=0
while [ $i -lt 10 ]; do
	i=$((i + 1))
	resp "f$i" '' 2024-03-01T00:00:00Z F 21-50 one 1N1I1P21I1A
done
i=0
while [ $i -lt 11 ]; do
	i=$((i + 1))
	resp "h$i" '' 2024-03-01T00:00:00Z H 21-50 one 1N1I1P21I1A
done
# J (8): Q1 implemented, Q3 partial, Q5 unknown, Q25 not applicable,
# Q24 na for four, implemented for two, unknown for two
for q24 in A A A A I I U U; do
	i=$((i + 1))
	resp "j$i" '' 2024-03-01T00:00:00Z J 21-50 one "2I1P1I1U18I1${q24}1A"
done
fill t.db

run_status $AGGREGATE -q --db t.db --as-of 2024-03-31
is "$status" 0 "aggregate exits 0"

# qs IND QNO: n, the five counts, rate, mean points, rank, below_overall
qs() {
	q "SELECT n, implemented, partial, not_implemented, unknown, na,
	 coalesce(round(implemented_rate, 6), 'NULL'),
	 coalesce(round(mean_points, 6), 'NULL'), rank, below_overall
	 FROM current_question_stats WHERE industry_code = '$1'
	 AND size_class = '*' AND star_level = '*' AND question_no = $2" t.db
}

# the population: 29 companies
# Q1: 8 of 29 implemented = 0.275862, points 32 / 29 = 1.103448
is "$(qs '*' 1)" "29|8|0|21|0|0|0.275862|1.103448|1|0" "overall Q1"
is "$(qs '*' 3)" "29|0|29|0|0|0|0.0|2.0|2|0" "overall Q3: all partial"
# Q5: 21 implemented, 8 unknown: (84 - 8) / 29 = 2.620690
is "$(qs '*' 5)" "29|21|0|0|8|0|0.724138|2.62069|3|0" "overall Q5"
# Q24: 23 implemented, 2 unknown, 4 na: 23 / 25 = 0.92, (92 - 2) / 25
is "$(qs '*' 24)" "29|23|0|0|2|4|0.92|3.6|4|0" \
	"na answers leave the rate's and the points' denominator"
is "$(qs '*' 25)" "29|0|0|0|0|29|NULL|NULL|25|0" \
	"all na: rate and points NULL, ranked last"
# equal points (4.0) rank by question number: Q2 after Q24
is "$(qs '*' 2)" "29|29|0|0|0|0|1.0|4.0|5|0" "ties rank by question number"
is "$(qs '*' 23)" "29|29|0|0|0|0|1.0|4.0|24|0" "last of the ties"

# Wilson upper bound of 0 of n is z^2 / (n + z^2), z^2 = 3.841459:
# F: 0 of 10 -> 0.277533, just above the population's 0.275862
is "$(qs F 1)" "10|0|0|10|0|0|0.0|0.0|1|0" \
	"Wilson bound just above the overall rate: not below"
# H: 0 of 11 -> 0.258833, just below it
is "$(qs H 1)" "11|0|0|11|0|0|0.0|0.0|1|1" \
	"Wilson bound just below the overall rate: below"
# J: 0 of 8 for Q5 -> 0.324418 < 0.724138
is "$(qs J 5)" "8|0|0|0|8|0|0.0|-1.0|1|1" "J is below overall on Q5"
# J Q24: 2 of 4 -> upper 0.849965 < 0.92; points (8 - 2) / 4 = 1.5
is "$(qs J 24)" "8|2|0|0|2|4|0.5|1.5|2|1" "J Q24: rate over non-na answers"
# J's order: Q5 (-1), Q24 (1.5), Q3 (2), then Q1, Q2, Q4, Q6 ... at 4
is "$(q "SELECT group_concat(question_no, ' ') FROM (SELECT question_no
 FROM current_question_stats WHERE industry_code = 'J' AND size_class = '*'
 AND star_level = '*' ORDER BY rank)" t.db)" \
	"5 24 3 1 2 4 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 25" \
	"rank 1 is the weakest question"
is "$(q "SELECT count(*) FROM current_question_stats" t.db)" 400 \
	"25 questions for each of 16 groups"
is "$(q "SELECT count(*) FROM current_question_stats WHERE industry_code = '*'
 AND below_overall = 1" t.db)" 0 "the population is never below itself"
done_testing
