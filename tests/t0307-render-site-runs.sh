#!/bin/sh
# render: the site of a run lists the companies that run counted, with
# the scores and dates they had as of its date, also when a later run
# exists (render --as-of an earlier date); and its 前回比 (change against
# the run before it) is each company's score then minus its score as of
# the earlier run, whether render reads again only the companies that
# answered between the two dates or, when they are many, every company.
# The truth is the companies view right after aggregate ran each date.
# shellcheck disable=SC2086 # $RENDER may be "valgrind ... render"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need python3
GEN=$TOP/gen-sample/gen-sample

"$GEN" --companies 200 --days 2 s >gen.log 2>&1
$INGEST -q --db a.db s/day1 s/day2 2>/dev/null || true
for d in 2024-03-31 2024-10-20 2024-11-30; do
	$AGGREGATE -q --db a.db --as-of $d
	q "SELECT company_key, coalesce(total_score, 'null'),
		date(submitted_at, '+9 hours') FROM companies" a.db >state-$d
done
is "$(q "SELECT group_concat(n_companies, ' ') FROM
	(SELECT n_companies FROM runs ORDER BY as_of)" a.db)" "56 194 200" \
	"fixture: three runs of 56, 194 and 200 companies"

# shown DIR: key|score|change|date of every row of DIR's data files
shown() {
	python3 -c '
import glob, json, sys

for path in glob.glob(sys.argv[1] + "/data/rows-*.js"):
    text = open(path, encoding="utf-8").read()
    for r in json.loads(text[text.index(",") + 1:text.rindex(")")]):
        print("|".join("null" if v is None else str(v)
                       for v in (r[2], r[7], r[8], r[9])))' "$1" | sort
}

# want THEN NOW: the same from the companies view after each run
want() {
	awk -F'|' 'NR == FNR { then[$1] = $2; next }
		{
			c = "null"
			if ($2 != "null" && ($1 in then) && then[$1] != "null")
				c = $2 - then[$1]
			print $1 "|" $2 "|" c "|" $3
		}' \
		"state-$1" "state-$2" | sort
}

# an earlier run, with a later one in the database: its own companies
run_status $RENDER -v --db a.db --as-of 2024-10-20 --portfolio --out oct
is "$status" 0 "render --as-of the middle run exits 0"
shown oct >oct.shown
want 2024-03-31 2024-10-20 >oct.want
check "its list: the 194 companies it counted, their scores and dates then, 前回比 against 2024-03-31" \
	cmp -s oct.shown oct.want
like "$(cat "$T/err")" 'site: 前回比 against 2024-03-31: every company read again' \
	"most companies answered between the two dates: every company read again"
like "$(cat oct/index.html)" '集計対象 194社' "index.html counts 194"
is "$(grep -o '"n":[0-9]*' oct/data/meta.js)" '"n":194' "meta.js counts 194"

# the latest run: only the companies that answered since are read again
run_status $RENDER -v --db a.db --portfolio --out nov
is "$status" 0 "render of the latest run exits 0"
shown nov >nov.shown
want 2024-10-20 2024-11-30 >nov.want
check "its list: the 200 companies, 前回比 against 2024-10-20" \
	cmp -s nov.shown nov.want
moved=$(q "SELECT count(DISTINCT company_key) FROM response
	WHERE submitted_at >= '2024-10-20T15:00:00Z'
	AND submitted_at < '2024-11-30T15:00:00Z'" a.db)
like "$(cat "$T/err")" "site: 前回比 against 2024-10-20: $moved companies read again" \
	"only the $moved companies that answered between the dates are read again"
is "$(cut -d'|' -f3 nov.want | grep -c '^-*[1-9]')" 2 \
	"two companies' scores changed between the dates (the fixture)"
done_testing
