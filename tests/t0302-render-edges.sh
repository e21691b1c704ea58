#!/bin/sh
# render: the edge cases around the portfolio: no database, no run, bad
# options, a single company (every group suppressed), all industries, and
# a symlink planted in the output folder.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
DBINIT=$TOP/tests/unit/t-render-dbinit
need "$DBINIT"
need pdftotext
need xmllint
FIXTURE=$TOP/tests/data/render-fixture.awk

run_status $RENDER --db none.db --out rep
is "$status" 1 "no database: exit 1"
like "$(cat "$T/err")" "^render: 'none.db': no database here" "and says so"
check "and draws nothing" test ! -e rep

"$DBINIT" empty.db
run_status $RENDER --db empty.db --out rep
is "$status" 1 "a database without a run: exit 1"
like "$(cat "$T/err")" "no run yet, nothing to draw" "and says so"
check "and no blank images" test ! -e rep

run_status $RENDER --db empty.db --out rep --as-of 2024-01-01
is "$status" 1 "an --as-of without a run: exit 1"
like "$(cat "$T/err")" "no run as of 2024-01-01" "and names the date"

run_status $RENDER --db empty.db
is "$status" 2 "no --out: usage error"
run_status $RENDER --db empty.db --out rep --format gif
is "$status" 2 "unknown format: usage error"
run_status $RENDER --db empty.db --out rep --as-of 2024-13-01
is "$status" 2 "bad date: usage error"
run_status $RENDER --db empty.db --out rep --as-of 2024-02-31
is "$status" 2 "a day that does not exist (2024-02-31): usage error, as in aggregate"
like "$(cat "$T/err")" "^render: --as-of: '2024-02-31' is not a date" "saying so"
run_status $RENDER --bogus
is "$status" 2 "unknown option: usage error"
run_status $RENDER -h
is "$status" 0 "-h exits 0"
like "$(cat "$T/out")" "^usage: render --out DIR" "and prints usage"

# one company: every group is below min_group
"$DBINIT" one.db
awk -v n=1 -v inds=G -v runs=2024-06-30 -f "$FIXTURE" | sqlite3 one.db
mean=$(q "SELECT printf('%.1f', mean) FROM group_stat
	WHERE industry_code = '*' AND size_class = '*' AND star_level = '*'" \
	one.db)
is "$(q "SELECT min(suppressed) FROM group_stat" one.db)" 1 \
	"fixture: every group is suppressed"
run_status $RENDER --db one.db --out rep --format png,svg,pdf
is "$status" 0 "a single company renders"
text=$(pdftotext rep/portfolio.pdf -)
like "$text" "n<5" "its groups read n<5"
unlike "$text" "$mean|n=1[^0-9]" "its mean and n never show"
like "$text" "表示しません" "charts with nothing to show say why"
is "$(od -An -tx1 -j16 -N8 rep/weakest-questions.png | tr -d ' ')" \
	00000640000003e8 "an empty chart is still a full-size PNG"

# all twenty industries and unknown, with long names
"$DBINIT" all.db
awk -v n=400 -v inds='ABCDEFGHIJKLMNOPQRST?' -v names=long \
	-v runs=2024-03-31,2024-06-30 -f "$FIXTURE" | sqlite3 all.db
run_status $RENDER --db all.db --out all --format svg,pdf
is "$status" 0 "all industries render"
text=$(pdftotext all/portfolio.pdf -)
for l in A B C D E F G H I J K L M N O P Q R S T; do
	like "$text" "^$l( |$)" "industry $l has its row"
done
like "$text" "業種不明" "and so do unknown industries"
is "$(html_messages all/index.html)" 0 \
	"index.html with hostile names parses cleanly"
is "$(grep -c '<tr><td data-label="会社名">' all/index.html)" 400 \
	"one row a company"

# a symlink planted where a file will go is replaced, never followed
echo precious > victim
mkdir -p planted
ln -s ../victim planted/index.html
ln -s ../victim planted/trend.svg
run_status $RENDER --db all.db --out planted --format svg
is "$status" 0 "render into a folder with planted links"
is "$(cat victim)" precious "the link's target is untouched"
check "index.html is now a plain file" test -f planted/index.html -a \
	! -L planted/index.html
check "so is trend.svg" test ! -L planted/trend.svg

# a --company run skips the portfolio
run_status $RENDER --db all.db --out only --company id:1
check "--company draws no portfolio" test ! -e only/index.html

done_testing
