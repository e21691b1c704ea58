#!/bin/sh
# aggregate: company state as of a date: departments combined by the
# weakest answer, the latest response of each department, attributes from
# the latest response, the JST date boundary and --na-points.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db

# three departments: Q1 not implemented in 支店, Q5 unknown in 工場
resp corp:1 本社 2024-03-01T00:00:00Z D 6-20 one 25I
resp corp:1 支店 2024-03-02T00:00:00Z D 6-20 one 1N24I
resp corp:1 工場 2024-03-03T00:00:00Z D 6-20 one 4I1U20I
# two departments: Q2 partial (A) against na (B), Q3 implemented (A)
# against na (B)
resp corp:2 A 2024-03-01T00:00:00Z E 1-5 two 1I1P23I
resp corp:2 B 2024-03-05T00:00:00Z E 1-5 two 1I2A22I
# answers twice (latest counts, with its attributes), and again at
# 2024-03-31T15:00:00Z, which is 2024-04-01 in Japan
resp corp:3 '' 2024-03-10T00:00:00Z E 6-20 one 25I
resp corp:3 '' 2024-03-20T00:00:00Z F 21-50 two 20I5N 新社名
resp corp:3 '' 2024-03-31T15:00:00Z F 21-50 two 25N 新社名
# a superseded response never counts
resp corp:4 '' 2024-03-01T00:00:00Z G 1-5 none 25I
resp corp:4 '' 2024-03-02T00:00:00Z G 1-5 none 25N
# corp:5 is the only company of T and has left Q25 blank
resp corp:5 '' 2024-03-01T00:00:00Z T 301+ unknown 24I1-
fill t.db
q "UPDATE response SET superseded = 1 WHERE company_key = 'corp:4'
 AND submitted_at = '2024-03-02T00:00:00Z'" t.db

run_status $AGGREGATE -q --db t.db --as-of 2024-03-31
is "$status" 0 "aggregate as of 2024-03-31"

co() {
	q "SELECT company_name, industry_code, size_class, star_level,
	 submitted_at, n_departments, complete, total_score, band, as_of
	 FROM companies WHERE company_key = '$1'" t.db
}

# Q1 N (0), Q5 U (-1), 23 implemented: 92 - 1 = 91
is "$(co corp:1)" \
	"corp:1|D|6-20|one|2024-03-03T00:00:00Z|3|1|91|70-99|2024-03-31" \
	"three departments: the weakest answer of each question"
is "$(q "SELECT answers FROM company WHERE company_key = 'corp:1'" t.db)" \
	NIIIUIIIIIIIIIIIIIIIIIIII "combined answers of three departments"
# Q2 P (2) beats na (4); Q3 I beats na at equal points: 96 + 2 = 98
is "$(co corp:2)" \
	"corp:2|E|1-5|two|2024-03-05T00:00:00Z|2|1|98|70-99|2024-03-31" \
	"two departments"
is "$(co corp:3)" \
	"新社名|F|21-50|two|2024-03-20T00:00:00Z|1|1|80|70-99|2024-03-31" \
	"answered twice: the latest before the date counts, attributes too"
is "$(co corp:4)" \
	"corp:4|G|1-5|none|2024-03-01T00:00:00Z|1|1|100|100|2024-03-31" \
	"a superseded response is ignored"
is "$(q "SELECT n, mean FROM current_group_stats WHERE industry_code = 'E'
 AND size_class = '*' AND star_level = '*'" t.db)" "1|98.0" \
	"corp:3 left industry E for F"

is "$(co corp:5)" \
	"corp:5|T|301+|unknown|2024-03-01T00:00:00Z|1|0|||2024-03-31" \
	"an incomplete company: no total, no band"
is "$(q "SELECT n, n_incomplete, coalesce(mean, 'NULL'), coalesce(sd, 'NULL'),
 coalesce(median, 'NULL'), coalesce(min, 'NULL'), band_le49, suppressed
 FROM current_group_stats WHERE industry_code = 'T' AND size_class = '*'
 AND star_level = '*'" t.db)" "0|1|NULL|NULL|NULL|NULL|0|1" \
	"a group of incomplete companies only: counted, no figures"
is "$(q "SELECT count(*), count(implemented_rate), count(mean_points),
 min(rank), max(rank), sum(below_overall) FROM current_question_stats
 WHERE industry_code = 'T' AND size_class = '*' AND star_level = '*'" t.db)" \
	"25|0|0|1|25|0" "its questions: no rate, no points, ranked by number"
is "$(q "SELECT n_companies, n_incomplete FROM runs" t.db)" "5|1" \
	"the run counts five companies, one incomplete"

# as of 2024-04-01 (JST) the response at 15:00Z on the 31st counts;
# with na worth 0, corp:2's Q2 and Q3 turn to na: 23 x 4 = 92
run_status $AGGREGATE -q --db t.db --as-of 2024-04-01 --na-points 0
is "$status" 0 "aggregate as of 2024-04-01"
is "$(co corp:3)" \
	"新社名|F|21-50|two|2024-03-31T15:00:00Z|1|1|0|<=49|2024-04-01" \
	"a response at 2024-03-31T15:00:00Z belongs to 2024-04-01 JST"
is "$(co corp:2)" \
	"corp:2|E|1-5|two|2024-03-05T00:00:00Z|2|1|92|70-99|2024-04-01" \
	"--na-points 0: na is then the weaker answer"
is "$(q "SELECT na_points FROM runs WHERE as_of = '2024-04-01'" t.db)" 0 \
	"the run records its na points"
# a day earlier than the first response: nobody
run_status $AGGREGATE -q --db t.db --as-of 2024-02-29
is "$(q "SELECT n_companies FROM runs WHERE as_of = '2024-02-29'" t.db)" 0 \
	"no company before its first response"
done_testing
