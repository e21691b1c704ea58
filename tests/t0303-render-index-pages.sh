#!/bin/sh
# render: past 2,000 companies index.html no longer holds the table of
# companies; the table is cut into companies/list-0001.html ... of 2,000
# rows each, in the same order and with the same escaping, each page
# linking to its neighbours and back to index.html, and index.html links
# to every page grouped by industry.  4,500 companies make three pages
# (2,000, 2,000 and 500 rows); every third name carries markup.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
DBINIT=$TOP/tests/unit/t-render-dbinit
need "$DBINIT"
FIXTURE=$TOP/tests/data/render-fixture.awk

"$DBINIT" big.db
awk -v n=4500 -v inds='ABCDEFG?' -v names=long -v runs=2024-06-30 \
	-f "$FIXTURE" | sqlite3 big.db
is "$(q "SELECT count(*) FROM companies" big.db)" 4500 "fixture: 4500 companies"

run_status $RENDER --db big.db --out rep --format svg --portfolio
is "$status" 0 "render of 4500 companies exits 0"
is "$(cat "$T/err")" "" "and says nothing"
is "$(cd rep/companies && ls)" "$(printf 'list-0001.html\nlist-0002.html\nlist-0003.html')" \
	"three list pages, nothing else in companies/"
is "$(stat -c %a rep/companies rep/companies/list-0002.html)" \
	"$(printf '700\n600')" "companies/ is 0700 and a page 0600"
is "$(find rep -name '.*' | wc -l)" 0 "no temporary file left behind"

is "$(grep -c '<tr><td>' rep/index.html || true)" 0 \
	"index.html has no row of companies"
is "$(for p in 1 2 3; do grep -c '<tr><td>' rep/companies/list-000$p.html; done | paste -sd' ' -)" \
	"2000 2000 500" "2000 rows a page, 500 on the last"
check "index.html stays small" test "$(stat -c %s rep/index.html)" -lt 20000
like "$(cat rep/index.html)" '4,500社の一覧を 3 ページに分けています' \
	"index.html says how many companies and pages"

# the rows in page order are every company in the order of the single
# table (industry, name, key), names escaped: unescaping them gives the
# names back
for p in 1 2 3; do
	grep '<tr><td>' "rep/companies/list-000$p.html"
done | sed -E 's|^<tr><td>(<a [^>]*>)?||; s|(</a>)?</td>.*||;
	s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' >shown
q "SELECT coalesce(nullif(company_name, ''), company_key) FROM companies
	ORDER BY industry_code, company_name, company_key" big.db >want
check "the pages list every company in the table's order" cmp -s shown want
like "$(cat rep/companies/list-0001.html)" \
	'&lt;b&gt;有限会社&quot;長い名前&amp;の会社&quot;&lt;/b&gt;' \
	"names with markup are shown as text"
unlike "$(cat rep/companies/*.html)" '<b>|<script' "and never as markup"
is "$(sed -n '2001p' want)" "$(grep '<tr><td>' rep/companies/list-0002.html |
	head -n 1 | sed -E 's|^<tr><td><a [^>]*>||; s|</a>.*||')" \
	"page 2 starts with the 2001st company"
like "$(cat rep/companies/list-0002.html)" '2,001〜4,000社目（全4,500社' \
	"a page says which rows it holds"
like "$(grep -m1 '<tr><td>' rep/companies/list-0002.html)" \
	'<td class="num">[0-9]+</td><td>(100|70-99|50-69|&lt;=49) ' \
	"rows have the index's columns: score, then band"

# every link of every page stays inside rep/: a page links to reports
# beside it, to its neighbours and to ../index.html
bad=
for f in rep/index.html rep/companies/list-*.html; do
	case $f in rep/companies/*) dir=rep/companies ;; *) dir=rep ;; esac
	for l in $(grep -o -E '(href|src)="[^"]*"' "$f" |
	    sed -E 's/^[a-z]+="//; s/"$//'); do
		p=$(printf '%b' "$(echo "$l" | sed 's/%/\\x/g')")
		case $dir:$p in
		rep/companies:../index.html) ;;
		*:/*|*:*:*|*:..|*:../*|*/../*|*/..) bad="$bad $f:$l" ;;
		rep:companies/list-*.html|rep/companies:list-*.html|*.svg)
			[ -f "$dir/$p" ] || bad="$bad $f:$l" ;;
		rep/companies:*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].pdf)
			case $p in */*) bad="$bad $f:$l" ;; esac ;;
		rep:portfolio.pdf) ;;
		*) bad="$bad $f:$l" ;;
		esac
	done
done
is "$bad" "" "every link of index.html and the pages resolves inside rep/"
is "$(grep -o 'href="companies/list-[0-9]*\.html"' rep/index.html |
	sort -u | wc -l)" 3 "index.html links to every page"
# nav PAGE: the links of PAGE's two navigation lines, once each
nav() {
	grep '^<p class="nav">' "rep/companies/$1" |
		grep -o -E '<a href="[^"]*"( rel="[a-z]+")?>' |
		sort -u | paste -sd' ' -
}
is "$(grep -c '^<p class="nav">' rep/companies/list-*.html | paste -sd' ' -)" \
	"rep/companies/list-0001.html:2 rep/companies/list-0002.html:2 rep/companies/list-0003.html:2" \
	"each page has a navigation line above and below its table"
is "$(nav list-0001.html)" \
	'<a href="../index.html"> <a href="list-0002.html" rel="next">' \
	"page 1: back to index.html and on to page 2"
is "$(nav list-0002.html)" \
	'<a href="../index.html"> <a href="list-0001.html" rel="prev"> <a href="list-0003.html" rel="next">' \
	"page 2: back, previous and next"
is "$(nav list-0003.html)" \
	'<a href="../index.html"> <a href="list-0002.html" rel="prev">' \
	"page 3: back and previous"
like "$(cat rep/index.html)" \
	'<h3>D 建設業（[0-9,]+社）</h3>' "pages are grouped by industry"
if have xmllint; then
	n=$(xmllint --html --noout rep/index.html rep/companies/list-*.html \
		2>&1 | wc -l)
	is "$n" 0 "index.html and the pages parse without a message"
fi

# a later render with fewer companies into the same folder: one table,
# and no page of the earlier render is left to link to stale reports
"$DBINIT" small.db
awk -v n=300 -v inds=ABG -v runs=2024-06-30 -f "$FIXTURE" | sqlite3 small.db
run_status $RENDER --db small.db --out rep --format svg --portfolio
is "$status" 0 "a smaller render into the same folder exits 0"
is "$(grep -c '<tr><td>' rep/index.html)" 300 "index.html holds the table again"
is "$(find rep/companies -name 'list-*' | wc -l)" 0 \
	"and the earlier list pages are gone"
done_testing
