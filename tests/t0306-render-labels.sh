#!/bin/sh
# render: one spelling of size classes and of the unknown industry, and
# one colour per score band, wherever a reader meets them (issue 19):
# the size chart, the group pages, the list's metadata and the stylesheet
# all write 1〜5人 / 301人以上 / 業種不明, never the codes 1-5 or 301+.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
DBINIT=$TOP/tests/unit/t-render-dbinit
need "$DBINIT"
FIXTURE=$TOP/tests/data/render-fixture.awk

"$DBINIT" l.db
awk -v n=400 -v inds='DG?' -v runs=2024-06-30 -f "$FIXTURE" | sqlite3 l.db
is "$(q "SELECT count(DISTINCT size_class) FROM group_stat
	WHERE size_class IN ('1-5', '301+', 'unknown')" l.db)" 3 \
	"fixture: groups of 1-5, 301+ and unknown size"
run_status $RENDER --db l.db --out rep --format png
is "$status" 0 "render draws the portfolio and the site"

# the group page of all companies: its size table
all=$(cat rep/groups/ind-D.html)
like "$all" "<tr><td>1〜5人</td>" "group page: 1〜5人"
like "$all" "<tr><td>301人以上</td>" "group page: 301人以上"
unlike "$all" "<tr><td>(1-5|301\\+)</td>" "group page: never the codes"
meta=$(cat rep/data/meta.js)
like "$meta" '\["1-5","1〜5人"\]' "list filter: code 1-5 shown as 1〜5人"
like "$meta" '\["unknown","不明"\]' "list filter: unknown size is 不明"
like "$meta" '"業種不明"' "list filter: the unknown industry is 業種不明"
like "$meta" '"70〜99点"' "list filter: band 70〜99点"
if have pdftotext; then
	text=$(pdftotext rep/portfolio.pdf -)
	like "$text" "1〜5人" "size chart: 1〜5人"
	unlike "$text" "1-5人|6-20人" "size chart: never 1-5人"
	like "$text" "業種不明" "industry charts: 業種不明"
fi
# the 70〜99点 band is sky blue in the site as in the charts and reports
like "$(cat rep/site.css)" '\.band1\{background:#56b4e9\}' \
	"site: band 70〜99点 is sky blue (#56b4e9)"
done_testing
