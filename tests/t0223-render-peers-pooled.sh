#!/bin/sh
# render --peers pooled: a company whose industry is too small in the
# local run is compared with its industry in the pooled run of the same
# date, and the report says so, with the companies and organisations
# behind that benchmark; a company whose local industry is big enough
# keeps it, and without a pooled run --peers pooled is an error.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need pdftotext
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"

# a: two companies in G (suppressed locally) and six in D
newdb a.db
resp g1 '' 2024-01-10T00:00:00Z G 1-5 one 20I5N "ジーワン商会"
resp g2 '' 2024-01-10T00:00:00Z G 6-20 one 25I "ジーツー"
for i in 1 2 3 4 5 6; do
	resp "d$i" '' 2024-01-10T00:00:00Z D 1-5 one "${i}P$((25 - i))I" "建設$i"
done
fill a.db
# b: eight companies in G, all implementing everything but Q25
newdb b.db
for i in 1 2 3 4 5 6 7 8; do
	resp "b$i" '' 2024-01-10T00:00:00Z G 1-5 one 24I1N
done
fill b.db
$AGGREGATE -q --db b.db --as-of 2024-03-31 --export-pool b.pool --org b
$AGGREGATE -q --db a.db --as-of 2024-03-31

# report TEXTFILE KEY [OPTIONS]: render one company's report as text
report() {
	f=$1 key=$2
	shift 2
	rm -rf rep
	run_status "$RENDER" --db a.db --out rep --company "$key" "$@"
	pdftotext -layout rep/companies/*.pdf "$f" 2>/dev/null || : >"$f"
}

report none.txt g1 --peers pooled
is "$status|$(cat "$T/err")" "1|render: 'a.db': --peers pooled: no pooled run as of 2024-03-31 (run aggregate --pool first)" \
	"--peers pooled without a pooled run is an error"
run_status "$RENDER" --db a.db --out rep --peers everyone
is "$status" 2 "--peers takes local or pooled"

$AGGREGATE -q --db a.db --pool b.pool --with-local --org a
report local.txt g1
is "$status" 0 "the local report"
like "$(tr -d ' \n' <local.txt)" "業種の回答社数が少ないため、全体と比較しています。" \
	"locally, G is too small: compared with all companies"

report pooled.txt g1 --peers pooled
is "$status" 0 "the report against the pool"
flat=$(tr -d ' \n' <pooled.txt)
like "$flat" "自組織の情報通信業は回答社数が少ないため、合同ベンチマーク（2組織・同業種10社・全体16社）と比較しています。" \
	"the report names the pooled benchmark, its companies and organisations"
like "$flat" "同業種（情報通信業・合同）10社94\\.8点" \
	"the industry row is the pooled group: 10 companies, mean 94.8"
unlike "$flat" "全体と比較しています" "and no longer falls back to all"
# g1 (80) among the pooled G: g2 (100) and b's eight (96): the lowest,
# mid-rank percentile 100 * (0 + 1/2) / 10 = 5; SD sqrt(257.6 / 9), so
# 偏差値 50 + 10 * (80 - 94.8) / 5.350 = 22.3
like "$flat" "同業種（情報通信業・合同）10社94\\.8点522\\.3" \
	"its percentile (5) and 偏差値 (22.3) among the pooled G"

report d.txt d1 --peers pooled
is "$status" 0 "a company of a big enough local industry"
unlike "$(tr -d ' \n' <d.txt)" "合同" "keeps its local industry"
done_testing
