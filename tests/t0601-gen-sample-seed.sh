#!/bin/sh
# gen-sample is deterministic: the same seed gives byte-identical files,
# another seed gives other files; the layout is day1/ .. dayD/.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
GEN=$TOP/gen-sample/gen-sample

run_status "$GEN" --companies 300 --seed 42 a
is "$status" 0 "gen-sample exits 0"
like "$(cat "$T/out")" '^gen-sample: 300 companies' "summary names the companies"
"$GEN" --companies 300 --seed 42 b >/dev/null
"$GEN" --companies 300 --seed 43 c >/dev/null

is "$(cd a && find . -type f | LC_ALL=C sort | tr '\n' ' ')" \
	"./day1/sheet-export-2024-06-07.csv.gz ./day1/surveymonkey_20240607.csv ./day1/セキュリティ診断 2024-06-07.csv.zip ./day1/旧様式_20240607.csv ./day1/自社診断 (回答) 2024-06-07.csv ./day1/自社診断(1-15).xlsx ./day1/診断結果_20240607.csv ./day2/sheet-export-2024-11-04.csv.gz ./day2/surveymonkey_20241104.csv ./day2/セキュリティ診断 2024-11-04.csv.zip ./day2/自社診断 (回答) 2024-11-04.csv ./day2/自社診断(1-31).xlsx ./day2/診断結果_20241104.csv " \
	"two days: six shapes each, the bad file on day 1"

same=0
differ=0
for f in a/day1/* a/day2/*; do
	g=b/${f#a/}
	h=c/${f#a/}
	if cmp -s "$f" "$g"; then same=$((same + 1)); fi
	if ! cmp -s "$f" "$h"; then differ=$((differ + 1)); fi
done
is "$same" 13 "seed 42 twice: all 13 files identical"
is "$differ" 13 "seed 43: all 13 files differ from seed 42's"

"$GEN" --companies 300 --seed 42 --days 3 d >/dev/null
is "$(find d -mindepth 1 -type d | LC_ALL=C sort | tr '\n' ' ')" \
	"d/day1 d/day2 d/day3 " "--days 3 writes three days"

run_status "$GEN" --companies 10
is "$status" 2 "no OUTDIR: usage error, exit 2"
run_status "$GEN" --companies 0 e
is "$status" 2 "--companies 0: exit 2"
like "$(cat "$T/err")" "companies" "the message names the option"
check "nothing written on a usage error" test ! -e e

run_status "$GEN" --bench 1000 --seed 5
is "$status" 0 "--bench exits 0"
is "$(wc -l <"$T/out" | tr -d ' ')" 1001 "--bench 1000: a header and 1000 rows"
"$GEN" --bench 1000 --seed 5 >bench2.csv
check "--bench is deterministic too" cmp -s "$T/out" bench2.csv
done_testing
