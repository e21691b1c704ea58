#!/bin/sh
# aggregate: the statistics of a group, worked out by hand for a small
# population: odd and even n, ties, n = 1, an incomplete company, the
# margins, suppression at n = 4 and n = 5.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3

# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db

# E / 6-20 / one: 100, 80, 80, 60, 40 (odd n, a tie)
resp c1 '' 2024-03-01T00:00:00Z E 6-20 one 25I
resp c2 '' 2024-03-01T00:00:00Z E 6-20 one 20I5N
resp c3 '' 2024-03-01T00:00:00Z E 6-20 one 20I5N
resp c4 '' 2024-03-01T00:00:00Z E 6-20 one 15I10N
resp c5 '' 2024-03-01T00:00:00Z E 6-20 one 10I15N
# E / 6-20 / two: 96, 88, 72, 50 (even n)
resp c6 '' 2024-03-01T00:00:00Z E 6-20 two 24I1N
resp c7 '' 2024-03-01T00:00:00Z E 6-20 two 22I3N
resp c8 '' 2024-03-01T00:00:00Z E 6-20 two 18I7N
resp c9 '' 2024-03-01T00:00:00Z E 6-20 two 12I1P12N
# G / 1-5 / none: one complete (100), one missing Q25
resp d1 '' 2024-03-01T00:00:00Z G 1-5 none 25I
resp d2 '' 2024-03-01T00:00:00Z G 1-5 none 24I1-
fill t.db

run_status $AGGREGATE --db t.db --as-of 2024-03-31
is "$status" 0 "aggregate exits 0"
like "$(cat err)" \
	'^aggregate: run 2024-03-31: 11 companies, 1 incomplete, 19 groups' \
	"summary line: as-of, companies, incomplete, groups"
is "$(q "SELECT as_of, n_companies, n_incomplete, min_group, na_points
 FROM runs" t.db)" "2024-03-31|11|1|5|4" "one run of 11 companies"

# g IND SIZE STAR: the figures of one group
g() {
	q "SELECT n, n_incomplete, mean, coalesce(round(sd, 4), 'NULL'),
	 median, p25, p75, min, max, band_100, band_70_99, band_50_69,
	 band_le49, suppressed FROM current_group_stats
	 WHERE industry_code = '$1' AND size_class = '$2'
	 AND star_level = '$3'" t.db
}

# n = 5, sum 360, mean 72; squared deviations 784 + 64 + 64 + 144 + 1024
# = 2080, / 4 = 520, sd = sqrt(520) = 22.8035; sorted 40 60 80 80 100:
# median x[2] = 80, p25 x[1] = 60, p75 x[3] = 80
is "$(g E 6-20 one)" "5|0|72.0|22.8035|80.0|60.0|80.0|40|100|1|2|1|1|0" \
	"odd n with a tie; n = 5 is not suppressed"
# parts: c1 20/52/28, c2 c3 20/52/8, c4 20/40/0, c5 20/20/0
is "$(q "SELECT part1_mean, part2_mean, part3_mean FROM group_stats
 WHERE industry_code = 'E' AND size_class = '6-20' AND star_level = 'one'" \
	t.db)" "20.0|43.2|8.8" "part means"
# n = 4, sum 306, mean 76.5; deviations -26.5 -4.5 11.5 19.5, squares
# 702.25 + 20.25 + 132.25 + 380.25 = 1235, / 3, sqrt = 20.2896;
# sorted 50 72 88 96: median (72 + 88) / 2 = 80, p25 at rank 0.75:
# 50 + 0.75 * 22 = 66.5, p75 at rank 2.25: 88 + 0.25 * 8 = 90
is "$(g E 6-20 two)" "4|0|76.5|20.2896|80.0|66.5|90.0|50|96|0|3|1|0|1" \
	"even n: interpolated quartiles; n = 4 is suppressed"
is "$(g G 1-5 none)" "1|1|100.0|NULL|100.0|100.0|100.0|100|100|1|0|0|0|1" \
	"n = 1: sd NULL; the incomplete company only counted"
# all nine of E / 6-20: 40 50 60 72 80 80 88 96 100, sum 666, mean 74;
# squared deviations 1156 576 196 4 36 36 196 484 676 = 3360, / 8 = 420,
# sd = sqrt(420) = 20.4939; median x[4] = 80, p25 x[2] = 60, p75 x[6] = 88
is "$(g E 6-20 '*')" "9|0|74.0|20.4939|80.0|60.0|88.0|40|100|1|5|2|1|0" \
	"margin over star levels"
# all ten: 40 50 60 72 80 80 88 96 100 100, sum 766, sum of squares
# 62644: (10 * 62644 - 766^2) / (10 * 9) = 39684 / 90, sd = 20.9984;
# median (80 + 80) / 2, p25 at rank 2.25: 60 + 0.25 * 12 = 63,
# p75 at rank 6.75: 88 + 0.75 * 8 = 94
is "$(g '*' '*' '*')" "10|1|76.6|20.9984|80.0|63.0|94.0|40|100|2|5|2|1|0" \
	"the whole population"
is "$(q "SELECT count(*) FROM current_group_stats" t.db)" 19 \
	"19 groups: 12 over E's two cells, 7 more for G's"
is "$(q "SELECT count(*) FROM current_group_stats
 WHERE industry_code = 'A' OR size_class = '301+'" t.db)" 0 \
	"empty groups are omitted"
is "$(q "SELECT group_concat(score || ':' || n, ' ') FROM (SELECT s.score,
 s.n FROM score_hist s JOIN run USING (run_id) WHERE industry_code = 'E'
 AND size_class = '6-20' AND star_level = 'one' ORDER BY score)" t.db)" \
	"40:1 60:1 80:2 100:1" "histogram: non-zero bins only"

run_status $AGGREGATE -q --db t.db --as-of 2024-04-01 --min-group 4
is "$status" 0 "--min-group 4"
is "$(q "SELECT suppressed FROM current_group_stats WHERE industry_code = 'E'
 AND size_class = '6-20' AND star_level = 'two'" t.db)" 0 \
	"n = 4 is not suppressed under --min-group 4"
is "$(cat err)" "" "-q: nothing on stderr"
done_testing
