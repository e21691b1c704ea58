#!/bin/sh
# render leaves a file untouched (inode and mtime) when its new bytes are
# those already in place: drawing the same run again writes nothing, and
# after one company's new answers only the files whose content depends on
# them are written.  --link-dest links an earlier folder's identical files
# into a new one.  render -v counts both.
# $RENDER and $AGGREGATE may carry a valgrind prefix
# shellcheck disable=SC2086
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3

# export FILE DAY FROM TO [SHIFT]: companies FROM..TO answering on DAY;
# 1-6 製造業 (E) 30 people, 7-12 建設業 (D) 8 people, odd ★, even ★★;
# question q of company i is 実施していない when (i * q + SHIFT) % 4 is 0
export_csv() {
	awk -v day="$2" -v from="$3" -v to="$4" -v shift="${5:-0}" 'BEGIN {
		printf "回答日時,会社名,業種,従業員数,SECURITY ACTION"
		for (q = 1; q <= 25; q++) printf ",Q%d", q
		printf "\n"
		for (i = from; i <= to; i++) {
			printf "%s 10:00,株式会社テスト%d,%s,%d,%s", day, i,
			    i <= 6 ? "製造業" : "建設業", i <= 6 ? 30 : 8,
			    i % 2 ? "★" : "★★"
			for (q = 1; q <= 25; q++)
				printf ",%s", (i * q + shift) % 4 ? \
				    "実施している" : "実施していない"
			printf "\n"
		}
	}' >"$1"
}

# files: every file of site/ with its inode and mtime (ns), by name
files() {
	find site -type f -printf '%P %i %T@\n' | sort
}

# changed BEFORE: the files whose inode or mtime differ from BEFORE's, or
# that are new, one line
changed() {
	files | sort - "$1" | uniq -u | cut -d' ' -f1 | sort -u | paste -sd' ' -
}

export_csv a.csv 2024/06/01 1 12
$INGEST -q --db shindan.db a.csv
$AGGREGATE -q --db shindan.db --as-of 2024-07-01
run_status $RENDER -v --db shindan.db --out site
is "$status" 0 "first render exits 0"
total=$(find site -type f | wc -l | tr -d ' ')
is "$total" 48 "48 files: 7 charts in 2 formats, portfolio.pdf, 12 pages and PDFs, 4 group pages, index, list data, assets"
is "$(tail -n 1 "$T/err")" "render: 48 files written, 0 unchanged" \
	"-v: every file is written"
files >first
page=$(cd site && ls companies/*テスト9-*.html)
pdf=${page%.html}.pdf
index_stat=$(stat -c '%i %.9Y' site/index.html)
page_stat=$(stat -c '%i %.9Y' "site/$page")

# the same run again: nothing is written
run_status $RENDER -v --db shindan.db --out site
is "$status" 0 "second render exits 0"
is "$(tail -n 1 "$T/err")" "render: 0 files written, 48 unchanged" \
	"-v: no file written, 48 unchanged"
is "$(changed first)" "" "no file has another inode or mtime"
is "$(stat -c '%i %.9Y' site/index.html)" "$index_stat" \
	"index.html: same inode and mtime"
is "$(stat -c '%i %.9Y' "site/$page")" "$page_stat" \
	"a company page: same inode and mtime"
is "$(find site -name '.*' | wc -l | tr -d ' ')" 0 "no temporary file left"

# drawn into another folder, every file has the same bytes (PDF dates
# included): the run decides them, not the clock
run_status $RENDER --db shindan.db --out again
check "a fresh render gives the same bytes, PDFs and PNGs included" \
	diff -r site again

# aggregated again with nothing new, at another time (set, since the
# page shows minutes): only the two files that say when the run was
# processed (index.html's footer, portfolio.pdf's 集計日時)
$AGGREGATE -q --db shindan.db --as-of 2024-07-01
q "UPDATE run SET created_at = '2030-01-01T00:00:00Z'"
files >before
run_status $RENDER -v --db shindan.db --out site
is "$(tail -n 1 "$T/err")" "render: 2 files written, 46 unchanged" \
	"the run aggregated again: 2 files written"
is "$(changed before)" "index.html portfolio.pdf" \
	"index.html and portfolio.pdf, which show the processing time"
like "$(cat site/index.html)" '集計処理 2030-01-01 09:00 JST' \
	"index.html's footer says when"
unlike "$(cat site/groups/ind-D.html "site/$page")" '集計処理' \
	"the processing time is on no other page"
like "$(cat "site/$page")" '基準日 2024-07-01' "which still show the as-of date"

# company 9 answers again, the same answers a later day: its own page and
# PDF (the date), the list's data and index.html's rows; no figure of any
# group moves
export_csv b.csv 2024/06/20 9 9
$INGEST -q --db shindan.db b.csv
run_status $AGGREGATE --db shindan.db --as-of 2024-07-01
like "$(cat "$T/err")" ', 1 companies changed, 0 groups touched, ' \
	"aggregate: 1 company changed, no group touched"
files >before
run_status $RENDER -v --db shindan.db --out site
is "$(tail -n 1 "$T/err")" "render: 5 files written, 43 unchanged" \
	"the same answers a later day: 5 files written"
is "$(changed before)" "$page $pdf data/rows-0001.js index.html portfolio.pdf" \
	"its page and PDF, the list's data, index.html and portfolio.pdf"

# company 9 (建設業, ★) changes its answers: its industry's pages and PDFs
# (they show the industry's figures), every group page (each shows the
# whole population beside its group), the list's data, index.html,
# portfolio.pdf and the two charts of the questions; not the pages of
# 製造業, nor the charts of scores
export_csv c.csv 2024/06/21 9 9 1
$INGEST -q --db shindan.db c.csv
run_status $AGGREGATE --db shindan.db --as-of 2024-07-01
like "$(cat "$T/err")" ', 1 companies changed, 8 groups touched, ' \
	"aggregate: 1 company changed, 8 groups touched"
files >before
run_status $RENDER -v --db shindan.db --out site
is "$(tail -n 1 "$T/err")" "render: 23 files written, 25 unchanged" \
	"new answers of one company: 23 files written"
want=$(cd site && for i in 7 8 9 10 11 12; do ls companies/*テスト$i-*; done
	echo data/rows-0001.js groups/ind-D.html groups/ind-E.html
	echo groups/star-one.html groups/star-two.html heatmap.png heatmap.svg
	echo index.html portfolio.pdf weakest-questions.png
	echo weakest-questions.svg)
is "$(changed before)" "$(printf '%s\n' $want | sort | paste -sd' ' -)" \
	"exactly the files that show its figures"
like "$(cat "site/$page")" '実施していない' "its page has the new answers"

# --link-dest: a new folder links every identical file of the old one
run_status $RENDER -v --db shindan.db --out next --link-dest site
is "$status" 0 "render --link-dest exits 0"
is "$(grep 'files written' "$T/err")" "render: 0 files written, 48 unchanged" \
	"-v: nothing written into the new folder"
like "$(cat "$T/err")" "render: 48 unchanged files linked from 'site'" \
	"-v: all 48 linked"
is "$(stat -c %i "next/$page")" "$(stat -c %i "site/$page")" \
	"a page is the old folder's file (one inode)"
is "$(stat -c %h "next/$page")" 2 "with two links"
is "$(stat -c %a next next/companies "next/$page" | paste -sd' ' -)" \
	"700 700 600" "folders 0700, files 0600"

# a file that differs from the link folder's is written, the old one kept
cp "site/$page" page.html
printf 'changed by hand\n' >>"site/$page"
run_status $RENDER -v --db shindan.db --out third --link-dest site
is "$(grep 'files written' "$T/err")" "render: 1 files written, 47 unchanged" \
	"a file that differs in the link folder is written"
check "with the right bytes" cmp -s page.html "third/$page"
is "$(stat -c %h "third/$page")" 1 "as a file of its own"
like "$(tail -n 1 "site/$page")" 'changed by hand' \
	"and the link folder's file is left alone"

run_status $RENDER --db shindan.db --out x --link-dest nowhere
is "$status" 1 "--link-dest: a missing folder fails"
like "$(cat "$T/err")" "render: 'nowhere': cannot open the link folder" \
	"and says which"
done_testing
