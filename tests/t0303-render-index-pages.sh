#!/bin/sh
# render: past 2,000 companies index.html no longer holds the plain table
# of companies (the worklist script reads data/rows-NNNN.js instead); for
# a browser without JavaScript the table is cut into list/list-0001.html
# ... of 2,000 rows each, in the same order and with the same escaping,
# each page linking to its neighbours, each industry's first row carrying
# an anchor that index.html links to.  4,500 companies make three pages
# (2,000, 2,000 and 500 rows) and three data files; every third name carries
# markup.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
DBINIT=$TOP/tests/unit/t-render-dbinit
need "$DBINIT"
need xmllint
FIXTURE=$TOP/tests/data/render-fixture.awk
ROW='<tr><td data-label="会社名">'

"$DBINIT" big.db
awk -v n=4500 -v inds='ABCDEFG?' -v names=long -v runs=2024-06-30 \
	-f "$FIXTURE" | sqlite3 big.db
is "$(q "SELECT count(*) FROM companies" big.db)" 4500 "fixture: 4500 companies"

run_status $RENDER --db big.db --out rep --format svg --portfolio
is "$status" 0 "render of 4500 companies exits 0"
is "$(cat "$T/err")" "" "and says nothing"
is "$(cd rep/list && ls)" "$(printf 'list-0001.html\nlist-0002.html\nlist-0003.html')" \
	"three list pages, nothing else in list/"
is "$(cd rep/data && ls)" \
	"$(printf 'meta.js\nrows-0001.js\nrows-0002.js\nrows-0003.js')" \
	"the worklist's data: meta.js and three files of 2,000 rows"
is "$(grep -c '^\[' rep/data/rows-0003.js)" 500 "500 in the last"
is "$(stat -c %a rep/list rep/list/list-0002.html rep/data/rows-0001.js)" \
	"$(printf '700\n600\n600')" "list/ is 0700, a page and a data file 0600"
is "$(find rep -name '.*' | wc -l)" 0 "no temporary file left behind"

is "$(grep -c "$ROW" rep/index.html || true)" 0 \
	"index.html has no row of companies"
is "$(for p in 1 2 3; do grep -c "$ROW" rep/list/list-000$p.html; done | paste -sd' ' -)" \
	"2000 2000 500" "2000 rows a page, 500 on the last"
check "index.html stays small" test "$(stat -c %s rep/index.html)" -lt 30000
like "$(cat rep/index.html)" '4,500社の一覧を 3 ページに分けています' \
	"index.html says how many companies and pages"

# the rows in page order are every company in the order of the single
# table (industry, name, key), names escaped: unescaping them gives the
# names back
for p in 1 2 3; do
	grep "$ROW" "rep/list/list-000$p.html"
done | sed -E 's|^<tr><td data-label="会社名">(<a [^>]*>)?||; s|(</a>)?</td>.*||;
	s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' >shown
q "SELECT coalesce(nullif(company_name, ''), company_key) FROM companies
	ORDER BY industry_code, company_name, company_key" big.db >want
check "the pages list every company in the table's order" cmp -s shown want
like "$(cat rep/list/list-0001.html)" \
	'&lt;b&gt;有限会社&quot;長い名前&amp;の会社&quot;&lt;/b&gt;' \
	"names with markup are shown as text"
unlike "$(cat rep/list/*.html)" '<b>|<script' "and never as markup"
is "$(cat rep/data/rows-*.js | grep -c '<b>')" 0 "nor as markup in the data files"
check "where it is a JSON string" grep -q \
	'"\\u003cb\\u003e有限会社\\u0022長い名前\\u0026の会社\\u0022' \
	rep/data/rows-0001.js
is "$(sed -n '2001p' want)" "$(grep "$ROW" rep/list/list-0002.html |
	head -n 1 | sed -E 's|^<tr><td data-label="会社名">(<a [^>]*>)?||; s|(</a>)?</td>.*||')" \
	"page 2 starts with the 2001st company"
like "$(cat rep/list/list-0002.html)" '2,001〜4,000社目（全4,500社' \
	"a page says which rows it holds"
like "$(grep -m1 "$ROW" rep/list/list-0002.html)" \
	'"合計点">[0-9-]+</td><td data-label="点数帯">(100点|70〜99点|50〜69点|49点以下)<' \
	"rows have the index's columns: score, then band"

is "$(links_ok rep)" "" \
	"every link of index.html and the pages resolves inside rep/"
is "$(grep -o 'href="list/list-[0-9]*\.html#ind-[A-Za-z]*"' rep/index.html |
	sed 's/#.*//' | sort -u | wc -l)" 3 "index.html links to every page"
# every industry link lands on its anchor, on the page it names
bad=
for l in $(grep -o 'href="list/list-[0-9]*\.html#ind-[A-Za-z]*"' rep/index.html |
    sed -E 's/^href="//; s/"$//'); do
	grep -q "id=\"${l#*#}\"" "rep/${l%#*}" || bad="$bad $l"
done
is "$bad" "" "each industry link has its anchor on the page it names"
nav() {
	grep '^<p class="nav">' "rep/list/$1" |
		grep -o -E '<a href="[^"]*"( rel="[a-z]+")?>' |
		sort -u | paste -sd' ' -
}
is "$(nav list-0001.html)" '<a href="list-0002.html" rel="next">' \
	"page 1: on to page 2"
is "$(nav list-0002.html)" \
	'<a href="list-0001.html" rel="prev"> <a href="list-0003.html" rel="next">' \
	"page 2: previous and next"
is "$(nav list-0003.html)" '<a href="list-0002.html" rel="prev">' \
	"page 3: previous"
like "$(cat rep/index.html)" \
	'<h3>D 建設業（[0-9,]+社）</h3>' "pages are grouped by industry"
is "$(html_messages rep/index.html rep/list/list-*.html)" 0 \
	"index.html and the pages parse without a message"

# a later render with fewer companies into the same folder: one table,
# and no page of the earlier render is left to link to stale reports
"$DBINIT" small.db
awk -v n=300 -v inds=ABG -v runs=2024-06-30 -f "$FIXTURE" | sqlite3 small.db
run_status $RENDER --db small.db --out rep --format svg --portfolio
is "$status" 0 "a smaller render into the same folder exits 0"
is "$(grep -c "$ROW" rep/index.html)" 300 "index.html holds the table again"
is "$(find rep/list -name 'list-*' | wc -l)" 0 \
	"and the earlier list pages are gone"
is "$(find rep/data -name 'rows-*' | wc -l)" 1 "and its data files"
check "so are the pages of the industries no longer there" \
	test ! -e rep/groups/ind-C.html -a -e rep/groups/ind-B.html
is "$(links_ok rep)" "" "nothing links to what was removed"
done_testing
