#!/bin/sh
# aggregate --pool rejects a bad pool file whole, naming it and the fault,
# and stores nothing: corrupt, truncated, not SQLite, too big, another
# version or catalogue, crafted counts (negative, not an integer, a
# histogram that does not sum to n, answers that are not the part sums,
# a claim of ten billion companies), tables of its own, inputs that do
# not share the as-of date or --na-points, and one organisation twice.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"

# two organisations of 6 companies each in one cell (G, 1-5, one)
org() {
	newdb "$1.db"
	for i in 1 2 3 4 5 6; do
		resp "$1-$i" '' 2024-01-10T00:00:00Z G 1-5 one "${i}P$((25 - i))I"
	done
	fill "$1.db"
	$AGGREGATE -q --db "$1.db" --as-of 2024-03-31 ${2:-} \
		--export-pool "$1.pool" --org "$1"
}
org a
org b
org z --na-points=0
is "$(q "SELECT n, part1_sum + part2_sum + part3_sum FROM cell" a.pool)" \
	"6|$((6 * 100 - 2 * 21))" "a's one cell: 6 companies, 21 partial answers"
is "$(stat -c %a a.pool)" 600 "a pool file is written 0600"

# refused FILE MESSAGE DESC: aggregate --pool a.pool FILE fails with
# status 1 and MESSAGE, and stores no run
refused() {
	run_status $AGGREGATE --db p.db --pool a.pool "$1"
	is "$status|$(cat "$T/err")" "1|aggregate: $2" "$3"
	is "$(q "SELECT count(*) FROM run" p.db 2>/dev/null || echo 0)" 0 \
		"$3: nothing stored"
}

# crafted NAME SQL: a copy of b.pool changed by SQL
crafted() {
	cp b.pool "$1"
	q "$2" "$1"
}

echo "just some text, long enough to be read as a header" >text.pool
refused text.pool "'text.pool': not a pool file (not an SQLite database)" \
	"a text file"
head -c 2048 b.pool >short.pool
refused short.pool "'short.pool': damaged or truncated (database disk image is malformed)" \
	"a truncated file"
: >empty.pool
refused empty.pool "'empty.pool': not a pool file (not a regular file, or empty)" \
	"an empty file"
refused missing.pool "'missing.pool': cannot read: No such file or directory" \
	"a missing file"
cp b.pool big.pool
truncate -s 17M big.pool
refused big.pool "'big.pool': 17825792 bytes; a pool file is at most 16777216" \
	"a file too big to be a pool"
q "CREATE TABLE t (x)" other.pool
refused other.pool "'other.pool': not a valid pool file: tables, views or triggers of its own" \
	"another SQLite database"

crafted v2.pool "UPDATE meta SET value = '2' WHERE key = 'version'"
refused v2.pool "'v2.pool': pool format version 2; this program reads 1" \
	"another format version"
crafted cat.pool "UPDATE meta SET value = '0123456789abcdef'
 WHERE key = 'catalogue'"
refused cat.pool "'cat.pool': made with another question catalogue (0123456789abcdef; ours is $(q "SELECT value FROM meta WHERE key = 'catalogue'" a.pool))" \
	"another question catalogue"
crafted neg.pool "UPDATE cell_score SET n = -1
 WHERE score = (SELECT min(score) FROM cell_score)"
refused neg.pool "'neg.pool': not a valid pool file: a negative count" \
	"a negative count"
crafted real.pool "UPDATE cell SET n = 6.5"
refused real.pool "'real.pool': not a valid pool file: a count that is not an integer" \
	"a count that is not an integer"
crafted hist.pool "UPDATE cell_score SET n = n + 1
 WHERE score = (SELECT min(score) FROM cell_score)"
refused hist.pool "'hist.pool': not a valid pool file: a score histogram that does not sum to n" \
	"a histogram that does not sum to n"
crafted parts.pool "UPDATE cell SET part1_sum = part1_sum + 1,
 part2_sum = part2_sum - 1"
refused parts.pool "'parts.pool': not a valid pool file: part sums that are not the answers'" \
	"part sums that are not the answers'"
crafted huge.pool "UPDATE cell SET n = 10000000000"
refused huge.pool "'huge.pool': a count of 10000000000 is more than a pool may hold (30000000)" \
	"a claim of ten billion companies"
crafted small.pool "UPDATE meta SET value = '7' WHERE key = 'min_group'"
refused small.pool "'small.pool': a cell of fewer than 7 companies (its --min-group)" \
	"a cell under the file's own minimum"
crafted orgs.pool "UPDATE org SET n_companies = 5"
refused orgs.pool "'orgs.pool': not a valid pool file: organisations' counts that are not the cells'" \
	"organisations' counts that are not the cells'"
crafted view.pool "CREATE VIEW v AS SELECT 1"
refused view.pool "'view.pool': not a valid pool file: tables, views or triggers of its own" \
	"a view of its own"
crafted code.pool "UPDATE cell SET star = 'three'; UPDATE cell_score SET
 star = 'three'; UPDATE cell_answer SET star = 'three'"
refused code.pool "'code.pool': not a valid pool file: a cell of unknown industry, size or star level" \
	"a star level that does not exist"
crafted day.pool "UPDATE meta SET value = '2024-04-01' WHERE key = 'as_of'"
refused day.pool "'day.pool': as of 2024-04-01, not 2024-03-31 like the first file" \
	"another as-of date"
refused z.pool "'z.pool': --na-points 0, not 4 like the first file" \
	"another --na-points"
cp a.pool a2.pool
refused a2.pool "'a2.pool': organisation 'a' is in the pool already (each may be counted once)" \
	"the same organisation twice"

run_status $AGGREGATE --db p.db --pool a.pool b.pool --as-of 2024-04-01
is "$status|$(cat "$T/err")" \
	"1|aggregate: 'a.pool': as of 2024-03-31, not 2024-04-01 like the --as-of option" \
	"files of another date than --as-of"
run_status $AGGREGATE --db p.db --pool
is "$status" 2 "--pool without a file is a usage error"
run_status $AGGREGATE --db p.db --pool a.pool --org 'x,y'
is "$status|$(head -1 "$T/err")" \
	"2|aggregate: --org: 'x,y' is not 1 to 64 printable bytes without ','" \
	"a label with a comma is a usage error"
run_status $AGGREGATE --db a.db --with-local
is "$status" 2 "--with-local without --pool is a usage error"
run_status $AGGREGATE --db a.db --pool b.pool --with-local --org b
is "$status|$(cat "$T/err")" \
	"1|aggregate: organisation 'b' (--with-local) is in a pool file already; name this one with --org" \
	"the local database under a label already pooled"

run_status $AGGREGATE --db p.db --pool a.pool b.pool
is "$status" 0 "the good files pool"
is "$(q "SELECT n, band_70_99 FROM pooled_group_stats WHERE
	industry_code = 'G' AND size_class = '1-5' AND star_level = 'one'" \
	p.db)" "12|12" "12 companies in the pooled cell"
done_testing
