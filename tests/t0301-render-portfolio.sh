#!/bin/sh
# render: the portfolio charts, portfolio.pdf and index.html from a small
# hand-made run.  The run has 7 companies; industry D and the 6-20 size
# class hold 2 companies each (below min_group 5), so their means 48.5
# must never show, while G's size class 1-5 (mean 70.2) must.
# $RENDER may carry a valgrind prefix; run_status sets $status
# shellcheck disable=SC2086,SC2154
. "$(dirname "$0")/lib.sh"
need sqlite3
DBINIT=$TOP/tests/unit/t-render-dbinit
need "$DBINIT"
need xmllint
need pdftotext

"$DBINIT" shindan.db
{
	echo "BEGIN;"
	echo "INSERT INTO run (run_id, as_of, created_at, n_companies, n_incomplete, min_group, na_points) VALUES (1, '2024-06-30', '2024-06-30T21:00:00Z',"
	echo " 7, 1, 5, 4);"
	# run, industry, size, star, n, n_incomplete, mean, sd, median, p25,
	# p75, min, max, bands 100/70-99/50-69/<=49, part means, suppressed
	for g in "'*','*','*',7,1,63.0,15.0" "'G','*','*',5,0,70.2,8.0" \
	    "'D','*','*',2,1,48.5,3.5,1" "'*','*','one',5,0,70.2,8.0" \
	    "'*','*','two',2,1,48.5,3.5,1" "'G','*','one',5,0,70.2,8.0" \
	    "'D','*','two',2,1,48.5,3.5,1" "'*','1-5','*',5,0,70.2,8.0" \
	    "'*','6-20','*',2,1,48.5,3.5,1"; do
		case $g in *,1) s=1; g=${g%,1} ;; *) s=0 ;; esac
		echo "INSERT INTO group_stat ($GROUP_STAT_COLS)" \
		    "VALUES (1, $g, NULL, NULL, NULL,"
		echo " NULL, NULL, 0, 3, 2, 2, NULL, NULL, NULL, $s);"
	done
	# group | n | implemented; rate = implemented / n
	for q in $(seq 1 25); do
		for g in "'*','*','*'|7|3" "'G','*','*'|5|3" "'D','*','*'|2|1" \
		    "'*','*','one'|5|3" "'*','*','two'|2|1"; do
			IFS='|' read -r grp n im <<-END
			$g
			END
			echo "INSERT INTO question_stat ($QUESTION_STAT_COLS)" \
			    "VALUES (1, $grp, $q, $n,"
			echo " $im, 0, $((n - im)), 0, 0, $im.0 / $n, NULL, $q, 0);"
		done
	done
	for s in 45 52 60 71 77 80 90; do
		echo "INSERT INTO score_hist ($SCORE_HIST_COLS)" \
		    "VALUES (1, '*', '*', '*', $s, 1);"
	done
	for s in 60 71 77 80 90; do
		echo "INSERT INTO score_hist ($SCORE_HIST_COLS)" \
		    "VALUES (1, '*', '*', 'one', $s, 1);"
	done
	i=0
	for c in "G|one|90|70-99" "G|one|80|70-99" "G|one|77|70-99" \
	    "G|one|71|70-99" "G|one|60|50-69" "D|two|45|<=49" \
	    "D|two|52|50-69"; do
		i=$((i + 1))
		IFS='|' read -r ind star score band <<-END
		$c
		END
		name="株式会社テスト$i"
		[ $i -eq 3 ] && name='<script>alert(1)</script>&Co'
		echo "INSERT INTO company ($COMPANY_COLS)" \
		    "VALUES ('id:$i', '$name', NULL,"
		echo " '$ind', '1-5', '$star', '2024-06-01T01:00:00Z',"
		echo " 'IIIIIIIIIIIIIIIIIIIIIIIII', 1, 1, $score, '$band',"
		echo " '2024-06-30');"
	done
	echo "INSERT INTO file (file_id, path, sha256, bytes, encoding,"
	echo " dialect, header_line, status, rows_read, rows_new,"
	echo " rows_duplicate, rows_rejected, reason, imported_at)"
	echo " VALUES (1, '/srv/inbox/export-0630.csv', 'ab',"
	echo " 10, 'UTF-8', ',', 1, 'imported', 7, 7, 0, 0, NULL,"
	echo " '2024-06-30T20:00:00Z');"
	echo "COMMIT;"
} | sqlite3 shindan.db

run_status $RENDER --db shindan.db --out rep --format png,svg,pdf
is "$status" 0 "render exits 0"
is "$(cat "$T/err")" "" "and says nothing"

charts="mean-by-industry bands-by-industry heatmap weakest-questions
score-distribution trend mean-by-size"
missing=
for c in $charts; do
	for e in png svg pdf; do
		[ -f "rep/$c.$e" ] || missing="$missing $c.$e"
	done
done
is "$missing" "" "every chart in png, svg and pdf"
is "$(stat -c %a rep)" 700 "output folder is 0700"
is "$(stat -c %a rep/index.html rep/heatmap.png | sort -u)" 600 \
	"files are 0600"
is "$(find rep -name '.*' | wc -l)" 0 "no temporary file left behind"

is "$(od -An -tx1 -N8 rep/heatmap.png | tr -d ' ')" 89504e470d0a1a0a \
	"PNG signature"
is "$(od -An -tx1 -j16 -N8 rep/trend.png | tr -d ' ')" 00000640000003e8 \
	"PNG is 1600 x 1000"
# every PNG decodes to a picture, not to one flat colour
bad=
for c in $charts; do
	out=$("$TOP/tests/unit/t-pngcheck" "rep/$c.png" 2>&1) || out="0x0 0"
	[ "${out##* }" -ge 8 ] || bad="$bad $c($out)"
done
is "$bad" "" "every PNG decodes to a drawn chart"

bad=
for c in $charts; do
	xmllint --noout "rep/$c.svg" 2>/dev/null || bad="$bad $c"
done
is "$bad" "" "every SVG is well-formed XML"
check "index.html parses as HTML" sh -c \
	'xmllint --html --noout rep/index.html 2>/dev/null'
is "$(html_messages rep/index.html rep/groups/*.html)" 0 \
	"index.html and the group pages parse without a message"

pdftotext rep/portfolio.pdf p.txt
text=$(cat p.txt)
is "$(pdfinfo rep/portfolio.pdf | sed -n 's/^Pages: *//p')" 8 \
	"portfolio.pdf: a cover and seven chart pages"
for t in 業種別・宣言段階別の平均点 業種別の点数帯の構成 \
    業種別・設問別の実施率 実施率の低い設問 合計点の分布 平均点の推移 \
    従業員規模別の平均点; do
	like "$text" "$t" "portfolio.pdf has the title $t"
done
like "$text" "基準日 2024-06-30" "portfolio.pdf has the as-of date"
like "$text" "集計対象 n = 7社" "and n of the run"
like "$text" "n=5" "and the n of a shown group"
like "$text" "n<5" "suppressed groups read n<5"
like "$text" "全業種" "industry rows are labelled"
like "$text" "業種不明|[DG] " "industry codes are labelled"
like "$text" "70\\.2" "a shown group's mean is written"
unlike "$text" "48\\.5" "a suppressed group's mean never is"
like "$text" "export-0630\\.csv" "the cover names the data source"
unlike "$text" "/srv/inbox" "without the machine's folders"
like "$text" "5社（これ未満" "the cover gives the min group"
# (the SVGs are not searched: cairo draws their text as glyph outlines,
# so a search there could never fail; the PDF above stands for them)
unlike "$(cat rep/index.html)" "48\\.5" "nor does index.html"
unlike "$(cat rep/groups/*.html)" "48\\.5" "nor does any group page"
like "$(cat rep/groups/ind-D.html)" "n&lt;5: 回答社数が5社未満" \
	"the suppressed industry's page says n<5 only"
unlike "$(cat rep/groups/ind-D.html)" "<table" "and shows no table"
like "$(cat rep/groups/ind-G.html)" "70\\.2点" "a shown industry's page has its mean"
like "$(cat rep/groups/ind-D.html rep/groups/star-two.html)" "n&lt;5" \
	"and so does the suppressed star level's"

html=$(cat rep/index.html)
unlike "$html" "<script>alert" "company names are escaped"
like "$html" "&lt;script&gt;alert\\(1\\)&lt;/script&gt;&amp;Co" \
	"and shown as text"
like "$html" '<img src="mean-by-industry\.svg"' "the page shows the SVG"
# every link and image stays inside rep/ and names a file there: the
# reports are drawn, and a row links to them
bad=$(links_ok rep)
is "$bad" "" "every link in index.html resolves inside the folder"
is "$(grep -c '<tr><td data-label="会社名">' rep/index.html)" 7 \
	"one table row a company"
like "$html" '"合計点">90</td><td data-label="点数帯">70〜99点<' \
	"rows give score and band, the band as the charts label it"
like "$html" '<meta name="viewport" content="width=device-width' \
	"the page has a viewport"
like "$html" "SECURITY ACTIONは自己宣言の制度です" "and the notices"
like "$html" "集計処理 2024-07-01 06:00 JST" "and when the data was processed"

# the same database draws the same bytes
$RENDER --db shindan.db --out again --format png,svg
same=yes
for c in $charts; do
	cmp -s "rep/$c.png" "again/$c.png" || same="no $c.png"
	cmp -s "rep/$c.svg" "again/$c.svg" || same="no $c.svg"
done
is "$same" yes "PNG and SVG are byte-identical on a second run"

done_testing
