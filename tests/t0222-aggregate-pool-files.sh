#!/bin/sh
# Pool files: what leaves an organisation and how pools combine.  No
# company name, key, corporate number, department, file name or
# submission date of the source database appears in the file's bytes;
# every cell holds at least --min-group companies, small ones climbing
# the ladder (star level withheld, then size, then industry); merging is
# associative, pool(pool(a,b),c) = pool(a,pool(b,c)) = pool(a,b,c); and
# an organisation already inside a pooled file cannot be added again.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"

# a: 5 in G/1-5/one (a full cell), 2 in G/1-5/two and 1 in G/6-20/one
# (withheld to G/1-5/* ... G/*/*), 2 in B (up to */*/*), 1 incomplete
newdb a.db
for i in 1 2 3 4 5; do
	resp "corp:100000000000$i" 総務部 2024-01-0${i}T01:02:03Z G 1-5 one \
		"${i}N$((25 - i))I" "株式会社アルファ$i"
done
resp "id:K-77" '' 2024-02-11T05:06:07Z G 1-5 two 25P "ベータ商事"
resp "id:K-78" '' 2024-02-12T05:06:07Z G 1-5 two 24P1N "ガンマ工業"
resp "name:デルタ" '' 2024-02-13T05:06:07Z G 6-20 one 25I "デルタ"
resp "name:イプシロン" '' 2024-02-14T05:06:07Z B 1-5 none 25N "イプシロン"
resp "name:エータ" '' 2024-02-16T05:06:07Z B 1-5 none 25U "エータ"
resp "name:ゼータ" '' 2024-02-15T05:06:07Z G 1-5 one 24I1- "ゼータ"
fill a.db
q "UPDATE file SET path = 'クライアント一覧-秘.csv'" a.db
run_status $AGGREGATE --db a.db --as-of 2024-03-31 --export-pool a.pool \
	--org 'north' -v
is "$status" 0 "a exports"
like "$(cat "$T/err")" "'a.pool': 8 cells under 5 companies merged upward" \
	"-v says how many cells were withheld"
is "$(stat -c %a a.pool)" 600 "written 0600"
is "$(find . -name 'a.pool?*' | wc -l)" 0 "no temporary file left"

# every value that could identify a company or a file, one a line
q "SELECT company_key, company_name, department, submitted_at,
 substr(submitted_at, 1, 10), corporate_number FROM response
 UNION SELECT path, '', '', '', '', '' FROM file" a.db |
	tr '|' '\n' | grep -v '^$' | grep -v '^2024-03-31$' | sort -u >ids
check "the identifying values are there to look for ($(wc -l <ids))" \
	test "$(wc -l <ids)" -ge 30
is "$(grep -a -c -F -f ids a.pool || true)" 0 \
	"none of them appears in the pool file's bytes"
is "$(q "SELECT key || '=' || value FROM meta ORDER BY key" a.pool |
	grep -v '^catalogue=' | tr '\n' ' ')" \
	"as_of=2024-03-31 format=shindan-pool min_group=5 na_points=4 org=north questions=25 version=1 " \
	"meta: self-describing, the as-of day and no finer date"
is "$(q "SELECT industry, size, star, n, n_incomplete FROM cell ORDER BY
	1, 2, 3" a.pool)" "*|*|*|5|0
G|1-5|one|5|1" \
	"the full cell stays; the small ones climb to the residual of all"
is "$(q "SELECT org, n_companies, n_incomplete FROM org" a.pool)" \
	"north|11|1" "the organisation and its totals"

# a run of fewer than 5 companies cannot leave at all
newdb tiny.db
resp t1 '' 2024-01-10T00:00:00Z G 1-5 one 25I
fill tiny.db
run_status $AGGREGATE --db tiny.db --as-of 2024-03-31 --export-pool t.pool
is "$status|$(cat "$T/err")" \
	"1|aggregate: 't.pool': fewer than 5 companies in all: nothing may leave (--min-group)" \
	"one company: nothing leaves"
check "and no file is written" test ! -e t.pool

# b and c: six companies each, in G/1-5/one and in their own cells
org() {
	newdb "$1.db"
	for i in 1 2 3 4 5 6; do
		resp "$1$i" '' 2024-01-10T00:00:00Z "$2" 1-5 one \
			"$((i + $3))P$((25 - i - $3))I"
		resp "$1x$i" '' 2024-01-10T00:00:00Z G 1-5 one "${i}U$((25 - i))I"
	done
	fill "$1.db"
	$AGGREGATE -q --db "$1.db" --as-of 2024-03-31 \
		--export-pool "$1.pool" --org "$1"
}
org b H 0
org c K 3

# the pooled figures of DB, all groups, as CSV
figures() {
	sqlite3 -csv "$1" "SELECT industry_code, size_class, star_level, n,
	 n_incomplete, mean, sd, median, p25, p75, band_70_99, part2_mean,
	 suppressed FROM pooled_group_stats ORDER BY 1, 2, 3;
	 SELECT industry_code, size_class, star_level, question_no,
	 implemented, unknown, implemented_rate, rank, below_overall FROM
	 pooled_question_stats ORDER BY 1, 2, 3, 4"
}
$AGGREGATE -q --db ab.db --pool a.pool b.pool --export-pool ab.pool
$AGGREGATE -q --db bc.db --pool b.pool c.pool --export-pool bc.pool \
	--org east
$AGGREGATE -q --db l.db --pool ab.pool c.pool
$AGGREGATE -q --db r.db --pool a.pool bc.pool
$AGGREGATE -q --db all.db --pool c.pool a.pool b.pool
check "the pooled run has groups to compare" \
	test "$(figures all.db | wc -l)" -gt 100
is "$(figures l.db)" "$(figures all.db)" "pool(pool(a,b),c) = pool(a,b,c)"
is "$(figures r.db)" "$(figures all.db)" "pool(a,pool(b,c)) = pool(a,b,c)"
is "$(q "SELECT orgs, n_companies FROM runs" r.db)" "b,c,north|35" \
	"the organisations inside a pooled file are named in the run"
is "$(q "SELECT value FROM meta WHERE key = 'org'" ab.pool)|$(q "SELECT
	value FROM meta WHERE key = 'org'" bc.pool)" "pool|east" \
	"a pooled file is labelled by --org, else 'pool'"
is "$(q "SELECT org FROM org ORDER BY 1" ab.pool | tr '\n' ' ')" \
	"b north " "and lists the organisations inside it"

run_status $AGGREGATE --db x.db --pool ab.pool b.pool
is "$status|$(cat "$T/err")" \
	"1|aggregate: 'b.pool': organisation 'b' is in the pool already (each may be counted once)" \
	"an organisation inside a pooled file cannot come again"
run_status $AGGREGATE --db x.db --pool ab.pool bc.pool
is "$status" 1 "nor inside two pooled files"

# a pooled run is replaced by the next pool of its date; the local run
# of the date stays
$AGGREGATE -q --db b.db --pool a.pool --with-local --org b
$AGGREGATE -q --db b.db --pool a.pool c.pool --with-local --org b
is "$(q "SELECT kind, n_companies, orgs FROM runs ORDER BY kind" b.db)" \
	"local|12|
pooled|35|b,c,north" "one local and one pooled run of the date"
$AGGREGATE -q --db b.db --as-of 2024-03-31
is "$(q "SELECT kind, n_companies FROM runs ORDER BY kind" b.db)" \
	"local|12
pooled|35" "re-running the local run leaves the pooled one alone"
done_testing
