#!/bin/sh
# The responses and answers views count 該当しない at the --na-points of
# the latest local run, as the companies view and the reports do; before
# any run, at the default 4.  Points worked out by hand: 実施している 4,
# 一部実施している 2, 実施していない 0, わからない -1.
# shellcheck disable=SC2086 # $INGEST may be "valgrind ... ingest"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3

# アルファ: 20 x 4 + 2 - 1 = 81 without its 3 該当しない
# ベータ: 10 x 4 = 40 without its 10 該当しない
# ガンマ: Q25 blank, so no total
printf '%s\n' "回答日時,会社名,業種,従業員数,$(qcols)" \
	"2024/03/01 09:00:00,アルファ,建設業,3,$(answers IIIIIIIIIIIIIIIIIIIIAAAPU)" \
	"2024/03/01 09:00:00,ベータ,建設業,3,$(answers IIIIIIIIIINNNNNAAAAAAAAAA)" \
	"2024/03/01 09:00:00,ガンマ,建設業,3,$(answers IIIIIIIIIIIIIIIIIIIIIIII-)" \
	>a.csv
run_status $INGEST -q a.csv
is "$status" 0 "ingest exits 0"

# totals NAME...: total_score of the responses view, one a line
totals() {
	q "SELECT company_name, coalesce(total_score, 'NULL') FROM responses
	   ORDER BY company_name"
}
# na_points: the points the answers view gives each 該当しない, and the
# sum of points per response
na_points() {
	q "SELECT group_concat(DISTINCT points) FROM answers WHERE answer = 'na';
	   SELECT r.company_name, sum(a.points) FROM answers a
	   JOIN responses r USING (response_id) WHERE r.complete
	   GROUP BY r.response_id ORDER BY r.company_name"
}

is "$(totals)" "アルファ|93
ガンマ|NULL
ベータ|80" "before any run: 該当しない at the default 4 (81 + 12, 40 + 40)"
is "$(na_points)" "4
アルファ|93
ベータ|80" "answers view: 4 points each, summing to the totals"

run_status $AGGREGATE -q --as-of 2024-03-31 --na-points 0
is "$status" 0 "aggregate --na-points 0 exits 0"
is "$(totals)" "アルファ|81
ガンマ|NULL
ベータ|40" "--na-points 0: the responses view drops the 該当しない points"
is "$(na_points)" "0
アルファ|81
ベータ|40" "--na-points 0: the answers view gives them 0"
is "$(q "SELECT c.company_name FROM companies c JOIN responses r
	USING (company_key) WHERE c.total_score IS NOT r.total_score")" "" \
	"the responses view agrees with the companies view"

run_status $AGGREGATE -q --as-of 2024-04-30 --na-points 4
is "$status" 0 "aggregate --na-points 4 exits 0"
is "$(totals)" "アルファ|93
ガンマ|NULL
ベータ|80" "--na-points 4: 12 (3 x 4) and 40 (10 x 4) points more"
is "$(na_points)" "4
アルファ|93
ベータ|80" "--na-points 4: the answers view gives 4 each"
is "$(q "SELECT c.company_name FROM companies c JOIN responses r
	USING (company_key) WHERE c.total_score IS NOT r.total_score")" "" \
	"the responses view agrees with the companies view again"
done_testing
