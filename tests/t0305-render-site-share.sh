#!/bin/sh
# render --share: a site for people outside the consulting firm.  It has
# group figures only: no company name, key, 法人番号, reading or score
# from the database appears in any file it writes (HTML, scripts, SVG,
# the PDF's text), there is no company page, report or search data, and a group
# under the minimum shows n<5 only.  Shared into a folder that held the
# consultant's site, it leaves nothing of that behind.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
need pdftotext
need python3
. "$DATA/site-fixture.sh"

SITE_N=40 site_export night1.csv 2024/06/01 1
run_status $INGEST --db shindan.db night1.csv
run_status $AGGREGATE --db shindan.db --as-of 2024-06-30
is "$status" 0 "fixture: one run"

run_status $RENDER --db shindan.db --out full -j 1
is "$status" 0 "the consultant's site renders"
cp -a full shared
run_status $RENDER --db shindan.db --out shared --share --format svg,png
is "$status" 0 "render --share over it exits 0"

is "$(find shared -path '*/companies*' -o -path '*/data*' -o -path '*/list*' -o -name 'site.js' | wc -l | tr -d ' ')" 0 \
	"no company page, report, list page, search data or script is left"
is "$(find shared -type f | wc -l | tr -d ' ')" \
	"$(find shared -name '*.svg' -o -name '*.png' -o -name 'portfolio.pdf' -o -name index.html -o -name site.css -o -path 'shared/groups/*.html' | wc -l | tr -d ' ')" \
	"only charts, portfolio.pdf, index.html, site.css and group pages"
is "$(stat -c %a shared shared/groups shared/index.html | sort -u | paste -sd' ' -)" \
	"600 700" "folders 0700, files 0600"

# everything written, as text: the PDF through pdftotext
find shared -type f ! -name '*.png' ! -name '*.pdf' -exec cat {} + >all.txt
pdftotext shared/portfolio.pdf - >>all.txt
leaks=
q "SELECT company_key FROM companies UNION ALL SELECT company_name FROM companies
	UNION ALL SELECT corporate_number FROM companies
	WHERE corporate_number IS NOT NULL
	UNION ALL SELECT company_reading FROM response
	WHERE company_reading IS NOT NULL" >secrets
# and the readings as the worklist's search data holds them, folded
printf '%s\n' ハシモトカセイ てすときゅう テストキュウ テストハチ >>secrets
while IFS= read -r s; do
	[ -n "$s" ] || continue
	grep -qF -- "$s" all.txt && leaks="$leaks [$s]"
	# names are also written escaped in HTML
	e=$(printf '%s' "$s" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')
	grep -qF -- "$e" all.txt && leaks="$leaks [$e]"
	# the tail of a name without its legal form
	t=${s#株式会社}
	t=${t%株式会社}
	[ ${#t} -ge 4 ] && grep -qF -- "$t" all.txt && leaks="$leaks [$t]"
done <secrets
is "$leaks" "" "no company name, key, 法人番号 or reading in any file --share writes"
check "(while the consultant's site has them)" grep -qF '橋本化成' full/data/rows-0001.js
check "(its readings too)" grep -qF '"テストハチ"]' full/data/rows-0001.js
is "$(grep -c 'data-label="合計点"' shared/index.html shared/groups/*.html | awk -F: '{ s += $2 } END { print s }')" 0 \
	"no company's score: no score column anywhere"
is "$(find shared -name '*.js' | wc -l | tr -d ' ')" 0 "no script at all"
unlike "$(cat shared/index.html)" 'data/|list/|companies/' \
	"index.html links to nothing of a company"
is "$(links_ok shared)" "" "every link resolves"

is "$(q "SELECT count(*) FROM group_stats WHERE size_class = '*'
	AND star_level = '*' AND suppressed = 1")" 1 "fixture: one industry under 5"
# suppressed groups: n<5 everywhere, never their figures
for g in $(q "SELECT industry_code FROM group_stats WHERE size_class = '*'
	AND star_level = '*' AND industry_code <> '*' AND suppressed = 1"); do
	like "$(cat shared/groups/ind-$g.html)" 'n&lt;5: ' "industry $g (n<5): its page says n<5"
	is "$(grep -c '<table' shared/groups/ind-$g.html)" 0 "and has no figure"
	m=$(q "SELECT printf('%.1f', mean) FROM group_stats WHERE industry_code = '$g'
		AND size_class = '*' AND star_level = '*'")
	unlike "$(grep -F "ind-$g.html" shared/index.html)" "$m" \
		"industry $g: its mean $m is not in the index's table"
done
# industry O has one company: with the total and the other industries
# shown, its figures could be recomputed, so more groups are hidden; in
# this fixture each industry has one star level, so hiding an industry
# hides its only star cell too (else the cell gives the industry back)
like "$(grep -F 'ind-G.html' shared/index.html)" '秘匿' \
	"the smallest other industry (G, 9 companies) is hidden as well"
like "$(cat shared/groups/ind-G.html)" '秘匿: ' "and its page shows no figure"
is "$(q "SELECT group_concat(star_level) FROM group_stats
	WHERE industry_code = 'G' AND size_class = '*' AND star_level <> '*'")" none \
	"fixture: G's companies are all 宣言なし"
like "$(grep -F '宣言なし' shared/index.html)" '秘匿' \
	"so G's only star level, 宣言なし, is hidden in the star table too"
is "$(python3 "$TOP/tests/share_lines.py" shindan.db shared)" \
	"checked 21 groups shown or hidden" \
	"no page leaves a hidden group recomputable from its line"
run_status python3 "$TOP/tests/share_lines.py" shindan.db full
is "$status" 1 "(the checker does find the consultant's own site recomputable)"
like "$(pdftotext -f 2 -l 2 shared/portfolio.pdf -)" '秘匿' \
	"the charts hide the same groups: 秘匿 in the first chart"
unlike "$(pdftotext -f 2 -l 2 shared/portfolio.pdf -)" 'n=9' \
	"and no hidden group's n (G and 宣言なし have 9) is drawn"

# a realistic population: every line of every page holds
"$TOP/gen-sample/gen-sample" -n 150 -s 7 -d 1 gen >/dev/null
$INGEST --db gen.db -q gen/day1 2>/dev/null || : # 3: one file of the old form
$AGGREGATE --db gen.db -q
run_status $RENDER --db gen.db --out gen-share --share -q
is "$status" 0 "render --share over a generated population"
is "$(python3 "$TOP/tests/share_lines.py" gen.db gen-share)" \
	"checked 126 groups shown or hidden" \
	"150 companies: no hidden group is recomputable from any line"
is "$(grep -c '秘匿' full/index.html)" 0 "the consultant's own site hides nothing more"
like "$(pdftotext shared/portfolio.pdf - | head -40)" \
	'基準日' "portfolio.pdf is still there, with its cover"
unlike "$(pdftotext shared/portfolio.pdf - | head -40)" 'night1\.csv' \
	"without the names of the imported files"

run_status $RENDER --db shindan.db --out x --share --company name:x
is "$status" 2 "--share with --company is a usage error"
done_testing
