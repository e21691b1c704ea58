#!/bin/sh
# SHINDAN_COMPANY_REPORTS: all (default) draws every company's report; new
# draws only the companies with a response imported that night (and that
# the night's run counts), none only the portfolio.  With new and none the
# other reports are the previous night's files, hard-linked, so that
# index.html still links to a report for every company.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need pdftotext
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"
NOT="(n + q) % 5 == 0"

# broken DAY: the links of reports/DAY's pages that do not resolve
broken() {
	links_ok "home/reports/$1"
}

# inode DAY N [EXT]: the inode of 株式会社テストN's report (pdf) or site
# page (html) in reports/DAY
inode() {
	for f in home/reports/"$1"/companies/name_株式会社テスト"$2"-*."${3:-pdf}"; do
		if [ -e "$f" ]; then
			stat -c %i "$f"
		else
			echo none
		fi
	done
}

# drawn DAY PREV: the companies (N) whose report in reports/DAY is not
# the file of reports/PREV
drawn() {
	for n in 1 2 3 4 5 6 7 8 9; do
		i=$(inode "$1" $n)
		if [ "$i" != none ] && [ "$i" != "$(inode "$2" $n)" ]; then
			printf '%s ' $n
		fi
	done
}

mkdir -p home/inbox
export_csv home/inbox/night1.csv "2024/07/01 10:00,1" "2024/07/01 10:00,2" \
	"2024/07/01 10:00,3" "2024/07/01 10:00,4" "2024/07/01 10:00,5" \
	"2024/07/01 10:00,6"
night SHINDAN_TODAY=2024-07-01
is "$status" 0 "night 1 (default: all): exit 0"
is "$(drawn 2024-07-01 none)" "1 2 3 4 5 6 " "all six reports are drawn"
is "$(broken 2024-07-01)" "" "all: no page links to a missing file"
is "$(grep -c '>PDF</a>' home/reports/2024-07-01/index.html)" 6 \
	"all: every row links to its PDF"

# night 2: テスト2 answers again, テスト7 is new, テスト9's response is
# dated after the night (not in its run)
export_csv home/inbox/night2.csv "2024/07/02 09:00,2" "2024/07/02 11:00,7" \
	"2024/07/05 10:00,9"
night SHINDAN_TODAY=2024-07-02 SHINDAN_COMPANY_REPORTS=new
is "$status" 0 "night 2 (new): exit 0"
is "$(drawn 2024-07-02 2024-07-01)" "2 7 " \
	"only the companies that answered tonight are drawn"
is "$(inode 2024-07-02 9)" none "a response after the night's day is not"
is "$(inode 2024-07-02 1) $(inode 2024-07-02 6)" \
	"$(inode 2024-07-01 1) $(inode 2024-07-01 6)" \
	"the others are night 1's files"
like "$(pdftotext home/reports/2024-07-02/companies/name_株式会社テスト7-*.pdf -)" \
	'集計基準日 2024年7月2日' "the new report is of night 2's run"
check "night 1's reports are untouched" test "$(pdftotext \
	home/reports/2024-07-01/companies/name_株式会社テスト2-*.pdf - |
	grep -c '集計基準日 2024年7月1日')" -ge 1
check "the portfolio is drawn" test -s home/reports/2024-07-02/portfolio.pdf
is "$(broken 2024-07-02)" "" "new: no page links to a missing file"
is "$(grep -c '>PDF</a>' home/reports/2024-07-02/index.html)" 7 \
	"new: the carried-over and tonight's PDFs are linked"
like "$(cat home/reports/2024-07-02/index.html)" '株式会社テスト7' \
	"index.html lists the new company"
like "$(cat home/logs/2024-07-02.log)" \
	'the portfolio and 2 companies that answered tonight' \
	"the log says what is drawn"
# the site's pages follow the reports: tonight's companies' are drawn,
# the others are night 1's files, as of night 1's run
is "$(inode 2024-07-02 1 html) $(inode 2024-07-02 6 html)" \
	"$(inode 2024-07-01 1 html) $(inode 2024-07-01 6 html)" \
	"new: the other companies' site pages are night 1's files"
like "$(cat home/reports/2024-07-02/companies/name_株式会社テスト1-*.html)" \
	'基準日 2024-07-01' "and say so: as of night 1"
like "$(cat home/reports/2024-07-02/companies/name_株式会社テスト2-*.html)" \
	'基準日 2024-07-02' "tonight's company's page is of night 2's run"
check "the new company has its page" \
	test -s home/reports/2024-07-02/companies/name_株式会社テスト7-*.html

# night 3, from the config file: none draws no company report
echo SHINDAN_COMPANY_REPORTS=none >shindan.conf
export_csv home/inbox/night3.csv "2024/07/03 10:00,8"
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-03 sh "$NIGHTLY" \
	--config shindan.conf
is "$status" 0 "night 3 (none, from the config file): exit 0"
is "$(drawn 2024-07-03 2024-07-02)" "" "no company report is drawn"
is "$(inode 2024-07-03 8)" none "not even tonight's company"
is "$(inode 2024-07-03 7)" "$(inode 2024-07-02 7)" \
	"night 2's reports are carried over"
check "the portfolio is drawn" test -s home/reports/2024-07-03/portfolio.pdf
is "$(broken 2024-07-03)" "" "none: no page links to a missing file"
is "$(grep -c '>PDF</a>' home/reports/2024-07-03/index.html)" 7 \
	"none: only the seven PDFs that exist are linked"
check "none: tonight's company has its page" \
	test -s home/reports/2024-07-03/companies/name_株式会社テスト8-*.html
is "$(inode 2024-07-03 2 html)" "$(inode 2024-07-02 2 html)" \
	"none: the others keep last night's page"
unlike "$(grep 'テスト8<' home/reports/2024-07-03/index.html)" '\.pdf' \
	"none: and no link to a PDF it does not have"
is "$(q "SELECT count(*) FROM companies" home/shindan.db)" 8 \
	"tonight's response is counted"

# the environment wins over the file
export_csv home/inbox/night4.csv "2024/07/04 10:00,3"
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-04 \
	SHINDAN_COMPANY_REPORTS=all sh "$NIGHTLY" --config shindan.conf
is "$status" 0 "night 4 (all from the environment): exit 0"
is "$(drawn 2024-07-04 2024-07-03)" "1 2 3 4 5 6 7 8 " \
	"every company is drawn again"

# night 5: テスト3 answers again spelled (株)テスト3: the same company
# key, so the same files; nothing is left behind or broken
export_csv home/inbox/night5.csv "2024/07/05 10:00,3"
sed -i 's/株式会社テスト3,/(株)テスト3,/' home/inbox/night5.csv
before=$(inode 2024-07-04 3)
night SHINDAN_TODAY=2024-07-05 SHINDAN_COMPANY_REPORTS=new
is "$status" 0 "night 5 (a renamed company, new): exit 0"
check "the renamed company's report keeps its name" \
	test "$(inode 2024-07-05 3)" != none -a "$(inode 2024-07-05 3)" != "$before"
like "$(cat home/reports/2024-07-05/index.html)" '>\(株\)テスト3</a>' \
	"the list shows the new spelling"
is "$(broken 2024-07-05)" "" "after the rename no page links to a missing file"
# テスト9's response, imported on night 2 and dated 7/5, is counted
# from tonight: a late-dated answer gets its report the night it counts
check "the company whose late-dated answer counts from tonight is drawn" \
	test "$(inode 2024-07-05 9)" != none
like "$(pdftotext home/reports/2024-07-05/companies/name_株式会社テスト9-*.pdf -)" \
	'集計基準日 2024年7月5日' "as of tonight's run"
is "$(find home/reports/2024-07-05/companies -name '*.pdf' | wc -l | tr -d ' ')" 9 \
	"and no stale report is left: one PDF per company"
echo stale >home/reports/latest/companies/name_gone-0123456789.pdf
night SHINDAN_TODAY=2024-07-06 SHINDAN_COMPANY_REPORTS=none
is "$status" 0 "night 6 (none): exit 0"
check "a report of no company, carried over, is removed" \
	test ! -e home/reports/2024-07-06/companies/name_gone-0123456789.pdf

night SHINDAN_COMPANY_REPORTS=some
is "$status" 2 "an unknown setting: exit 2"
like "$(cat "$T/err")" "SHINDAN_COMPANY_REPORTS: 'some' is not all, new or none" \
	"and says why"
done_testing
