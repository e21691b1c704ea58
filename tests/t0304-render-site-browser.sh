#!/bin/sh
# The worklist in a real browser (headless Chromium driven through its
# DevTools pipe by tests/browser.py): a company is found by a name written
# differently, by its reading in hiragana, katakana or half-width kana, and
# by its 法人番号 (the plain list shows no reading); sorting by score gives the SQL order; a
# filter with a sort gives the SQL rows; the URL fragment restores a view;
# the links the script makes resolve; at 390 px nothing scrolls sideways
# and no text is below 12 px.  The database comes from the real pipeline,
# two nights apart, so that the change since the previous run shows.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
need chromium
need /usr/bin/python3
. "$DATA/site-fixture.sh"
BROWSER="/usr/bin/python3 $TOP/tests/browser.py"

site_export night1.csv 2024/06/01 1
site_export night2.csv 2024/06/20 2
run_status $INGEST --db shindan.db night1.csv
run_status $AGGREGATE --db shindan.db --as-of 2024-06-10
run_status $INGEST --db shindan.db night2.csv
run_status $AGGREGATE --db shindan.db --as-of 2024-06-30
is "$status" 0 "fixture: two runs"
run_status $RENDER --db shindan.db --out rep -j 1
is "$status" 0 "render of the site exits 0"
URL="file://$T/rep/index.html"

# open FRAGMENT EXPR...: the values of EXPR on index.html#FRAGMENT
open() {
	frag=$1
	shift
	$BROWSER "$URL#$frag" "$@"
}
ROWS="[...document.querySelectorAll('#wl tbody tr')].map(r => r.dataset.key)"
# keys SQL: the first column of a query as a JSON list, as the page's
keys() {
	q "SELECT json_group_array(k) FROM ($1)" | sed 's/^\[/[/'
}
ORDER="industry_code, company_name, company_key"

corp1=$(q "SELECT corporate_number FROM companies WHERE company_name = '株式会社橋本化成'")
key1=$(q "SELECT company_key FROM companies WHERE company_name = '株式会社橋本化成'")
is "$(open 'q=%E3%88%B1%E6%A9%8B%E6%9C%AC%E5%8C%96%E6%88%90' "$ROWS")" \
	"[\"$key1\"]" "search: ㈱橋本化成 finds 株式会社橋本化成"
# readings (会社名（フリガナ）): 橋本化成's latest is ﾊｼﾓﾄｶｾｲ, テスト08's
# is on night 1 only, テスト09's in hiragana; サクラ塗装 has none
key8=$(q "SELECT company_key FROM companies WHERE company_name = '株式会社テスト08'")
key9=$(q "SELECT company_key FROM companies WHERE company_name = '株式会社テスト09'")
# enc TEXT: TEXT percent-encoded for a fragment
enc() {
	printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'
}
is "$(open "q=$(enc 'はしもと')" "$ROWS")" "[\"$key1\"]" \
	"search: hiragana はしもと finds 橋本化成 by its reading"
is "$(open "q=$(enc 'ハシモトカセイ')" "$ROWS")" "[\"$key1\"]" \
	"search: katakana ハシモトカセイ finds it"
is "$(open "q=$(enc 'ﾊｼﾓﾄ')" "$ROWS")" "[\"$key1\"]" \
	"search: half-width ﾊｼﾓﾄ finds it"
is "$(open "q=$(enc 'かぶしきがいしゃ　はしもと')" "$ROWS")" "[\"$key1\"]" \
	"search: the legal form's reading is ignored (かぶしきがいしゃ　はしもと)"
is "$(open "q=$(enc 'ｶ)ﾊｼﾓﾄｶｾｲ')" "$ROWS")" "[\"$key1\"]" \
	"search: and so is the banks' ｶ)"
is "$(open "q=$(enc 'テストハチ')" "$ROWS")" "[\"$key8\"]" \
	"search: the latest reading that is not blank (テスト08's, from night 1)"
is "$(open "q=$(enc 'ﾃｽﾄｷｭｳ')" "$ROWS")" "[\"$key9\"]" \
	"search: half-width ﾃｽﾄｷｭｳ finds the hiragana reading てすときゅう"
is "$(open "q=$(enc 'トソウ')" "$ROWS")" '[]' \
	"a reading that is not stored finds nothing (no false match)"
like "$(cat rep/data/rows-0001.js)" '"ハシモトカセイ"\]' \
	"the data carries the reading folded for search"
unlike "$(cat rep/data/rows-0001.js)" 'ｶｾｲ|カブシキガイシャ' \
	"only the latest, folded"
# the plain list, without JavaScript, is the same with readings or none
sqlite3 shindan.db ".backup plain.db"
chmod 600 plain.db
q "UPDATE response SET company_reading = NULL" plain.db
is "$(q "SELECT count(company_reading) FROM response" plain.db)" 0 \
	"fixture: a copy without readings"
run_status $RENDER --db plain.db --out plain -j 1
is "$status" 0 "which renders"
check "index.html is the same with readings or none" cmp -s rep/index.html plain/index.html
unlike "$(cat rep/index.html)" 'ハシモトカセイ|ﾊｼﾓﾄ|テストハチ|てすと' \
	"and shows no reading"
is "$(open 'q=%EF%BC%88%E6%A0%AA%EF%BC%89%E3%80%80%E6%A9%8B%E6%9C%AC' "$ROWS")" \
	"[\"$key1\"]" "search: full-width （株）　橋本 finds it too"
is "$(open 'q=%E3%81%95%E3%81%8F%E3%82%89%E5%A1%97%E8%A3%85' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies WHERE company_name = '有限会社サクラ塗装'")" \
	"search: hiragana さくら塗装 finds 有限会社サクラ塗装"
dashed=$(printf '%s' "$corp1" | sed 's/^\(.\)\(....\)\(....\)/\1-\2-\3-/')
is "$(open "q=$dashed" "$ROWS")" "[\"$key1\"]" \
	"search: by 法人番号 written with hyphens ($dashed)"
is "$(open 'q=%E5%90%8C%E5%90%8D%E5%95%86%E4%BA%8B' "$ROWS" \
	"[...document.querySelectorAll('#wl tbody tr td:nth-child(2)')].map(t => t.textContent)")" \
	"$(keys "SELECT company_key AS k FROM companies WHERE company_name = '同名商事株式会社' ORDER BY total_score IS NULL, total_score, $ORDER")
$(keys "SELECT '法人番号 ' || corporate_number AS k FROM companies WHERE company_name = '同名商事株式会社' ORDER BY total_score IS NULL, total_score, $ORDER")" \
	"two namesakes are both found, told apart by their 法人番号"

is "$(open '' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies ORDER BY total_score IS NULL, total_score, $ORDER")" \
	"the default view: by score, lowest first, as SQL orders it"
is "$(open 'sort=score&dir=desc' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies ORDER BY total_score IS NULL, total_score DESC, $ORDER")" \
	"by score, highest first, incomplete last"
is "$(open 'ind=E&sort=score&dir=desc' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies WHERE industry_code = 'E' ORDER BY total_score IS NULL, total_score DESC, $ORDER")" \
	"industry E by score: the SQL rows in the SQL order"
is "$(open 'unk=1&star=two&sort=score' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM company WHERE instr(answers, 'U') > 0 AND star_level = 'two' ORDER BY total_score IS NULL, total_score, $ORDER")" \
	"with わからない answers and ★★, by score"
is "$(open 'inc=1' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies WHERE complete = 0 ORDER BY $ORDER")" \
	"incomplete only"
is "$(open 'band=2&sort=date&dir=desc' "$ROWS")" \
	"$(keys "SELECT company_key AS k FROM companies WHERE band = '50-69' ORDER BY submitted_at DESC, $ORDER")" \
	"band 50〜69点 by answer date, newest first"

# the fragment restores every control and the page
view=$(open 'q=%E3%83%86%E3%82%B9%E3%83%88&sort=date&dir=desc&size=6-20&since=2024-06-01&p=1' \
	"[...document.querySelectorAll('.controls input, .controls select')].map(e => e.name + '=' + (e.type === 'checkbox' ? e.checked : e.value)).join(' ')" \
	"$ROWS")
is "$(echo "$view" | head -1)" \
	'"q=テスト sort=date dir=desc ind= size=6-20 star= band= since=2024-06-01 unk=false inc=false"' \
	"the fragment sets every control"
is "$(echo "$view" | sed -n 2p)" \
	"$(keys "SELECT company_key AS k FROM companies WHERE size_class = '6-20' AND company_name LIKE '%テスト%' ORDER BY submitted_at DESC, $ORDER")" \
	"and shows the rows of that view"

# changes since the previous run: as the two runs' scores differ
chg=$(open 'sort=change&dir=desc' \
	"document.querySelector('#wl tbody tr td[data-label=\"前回比\"]').textContent")
like "$chg" '^"[+-][1-9][0-9]*"$' "the change since the previous run is shown ($chg)"

# every link the script writes resolves
bad=
for l in $(open '' "[...document.querySelectorAll('#wl a')].map(a => a.getAttribute('href')).join(' ')" |
    tr -d '"'); do
	p=$(printf '%s\n' "$l" | awk '{ while (match($0, /%[0-9A-F][0-9A-F]/)) {
		h = substr($0, RSTART + 1, 2); n = index("0123456789ABCDEF", substr(h, 1, 1)) * 16 - 16 + index("0123456789ABCDEF", substr(h, 2, 1)) - 1
		$0 = substr($0, 1, RSTART - 1) sprintf("%c", n) substr($0, RSTART + 3) } print }')
	[ -f "rep/$p" ] || bad="$bad $l"
done
is "$bad" "" "every link in the worklist names a file that exists"
is "$(links_ok rep)" "" "and so does every link of every page"

# phone: 390 px wide
LAYOUT="JSON.stringify([document.documentElement.scrollWidth <= innerWidth, Math.min(...[...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))])"
page=$(find rep/companies -name 'id_*.html' -o -name 'corp_*.html' | head -1)
for u in "$URL" "$URL#q=%E5%90%8C%E5%90%8D" "file://$T/$page" \
    "file://$T/rep/groups/ind-E.html" "file://$T/rep/groups/star-two.html"; do
	out=$($BROWSER --width 390 "$u" "$LAYOUT")
	fits=$(echo "$out" | sed 's/^"\[\(.*\),.*/\1/')
	min=$(echo "$out" | sed 's/.*,\([0-9.]*\)\]"$/\1/')
	is "$fits" true "390 px: no horizontal scroll on ${u##*/}"
	check "390 px: text at least 12 px on ${u##*/} (smallest $min)" \
		awk -v m="$min" 'BEGIN { exit !(m >= 12) }'
done
is "$($BROWSER --width 390 "$URL" "getComputedStyle(document.querySelector('#wl tbody tr')).display")" \
	'"block"' "390 px: the rows are cards"
is "$($BROWSER --width 1280 "$URL" "getComputedStyle(document.querySelector('#wl tbody tr')).display")" \
	'"table-row"' "1280 px: a table"
done_testing
