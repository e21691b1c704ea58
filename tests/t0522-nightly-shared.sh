#!/bin/sh
# SHINDAN_COMPANY_FILES=shared: the nights draw into one folder,
# reports/shared, in place, and each night's folder holds hard links to
# its portfolio, list and pages with companies/ and pack/ linking to the
# shared ones: a night costs what its own companies and the list cost,
# not a link per company.  A night's portfolio and list stay as they
# were; its company pages and reports are the latest ones.  A shared
# night after a dated one (or the first) starts from last night's folder,
# and dated nights can follow shared ones.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need pdftotext
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

# file DAY N [EXT]: 株式会社テストN's report (pdf) or site page (html)
# as reports/DAY shows it
file() {
	for f in home/reports/"$1"/companies/name_株式会社テスト"$2"-*."${3:-pdf}"; do
		printf '%s' "$f"
	done
}

# inode DAY N [EXT]: that file's inode, or none
inode() {
	f=$(file "$@")
	if [ -e "$f" ]; then stat -L -c %i "$f"; else echo none; fi
}

mkdir -p home/inbox
export_csv home/inbox/night1.csv "2024/07/01 10:00,1" "2024/07/01 10:00,2" \
	"2024/07/01 10:00,3"
night SHINDAN_TODAY=2024-07-01 SHINDAN_COMPANY_REPORTS=all
is "$status" 0 "night 1 (dated, all): exit 0"
dated1=$(inode 2024-07-01 1)

# night 2: the first shared night starts from night 1's folder
export_csv home/inbox/night2.csv "2024/07/02 10:00,2" "2024/07/02 10:00,4"
night SHINDAN_TODAY=2024-07-02 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared
is "$status" 0 "night 2 (shared, new): exit 0"
is "$(readlink home/reports/2024-07-02/companies)" ../shared/companies \
	"tonight's companies/ is the shared folder's"
is "$(readlink home/reports/2024-07-02/pack)" ../shared/pack \
	"and so is pack/"
check "tonight's folder is a real folder" \
	test -d home/reports/2024-07-02 -a ! -L home/reports/2024-07-02
is "$(readlink home/reports/latest)" 2024-07-02 "latest is tonight's"
is "$(inode 2024-07-02 1)" "$dated1" \
	"a company that did not answer keeps night 1's report, not a copy"
check "the companies that answered are drawn" \
	test "$(inode 2024-07-02 2)" != "$(inode 2024-07-01 2)" -a \
	"$(inode 2024-07-02 4)" != none
like "$(pdftotext "$(file 2024-07-02 4)" -)" '集計基準日 2024年7月2日' \
	"the new company's report is of night 2's run"
is "$(stat -c %i home/reports/2024-07-02/index.html)" \
	"$(stat -c %i home/reports/shared/index.html)" \
	"tonight's index.html is a hard link to the shared folder's"
is "$(links_ok home/reports/2024-07-02)" "" \
	"no page of tonight's folder links to a missing file"
is "$(grep -c '>PDF</a>' home/reports/2024-07-02/index.html)" 4 \
	"every company's PDF is linked"
is "$(stat -c %a home/reports/shared home/reports/shared/companies)" \
	"$(printf '700\n700')" "the shared folder is 0700"
check "night 1's folder is left as it was" \
	test "$(inode 2024-07-01 2)" != "$(inode 2024-07-02 2)"

# night 3: a shared night after a shared night; night 2's portfolio and
# list stay night 2's
export_csv home/inbox/night3.csv "2024/07/03 10:00,5"
index2=$(stat -c %i home/reports/2024-07-02/index.html)
# as a render killed while drawing leaves them
: >home/reports/shared/companies/.name_x.html.1.1.tmp
: >home/reports/shared/.drawing
night SHINDAN_TODAY=2024-07-03 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared
is "$status" 0 "night 3 (shared, new): exit 0"
is "$(stat -c %i home/reports/2024-07-02/index.html)" "$index2" \
	"night 2's index.html is night 2's"
like "$(cat home/reports/2024-07-02/index.html)" '基準日 2024-07-02' \
	"as of night 2"
like "$(cat home/reports/2024-07-03/index.html)" '株式会社テスト5' \
	"night 3's lists its new company"
unlike "$(cat home/reports/2024-07-02/index.html)" '株式会社テスト5' \
	"night 2's does not"
is "$(inode 2024-07-03 1) $(inode 2024-07-03 2)" \
	"$(inode 2024-07-02 1) $(inode 2024-07-02 2)" \
	"the companies that did not answer keep their files"
check "what a killed render left in the shared folder is removed" \
	test ! -e home/reports/shared/companies/.name_x.html.1.1.tmp
check "and a night that ends well says so" test ! -e home/reports/shared/.drawing
is "$(find home/reports/2024-07-03 -name '.*' | wc -l | tr -d ' ')" 0 \
	"tonight's folder holds no hidden file"
like "$(cat home/logs/2024-07-03.log)" 'the portfolio and 1 companies that answered tonight' \
	"the log says what is drawn"

# a night whose render fails (here: a settings file without its key
# column) leaves latest as it was; the next one draws what it did not
printf 'nonsense\tcolumns\n' >bad.tsv
export_csv home/inbox/night4.csv "2024/07/04 10:00,1"
night SHINDAN_TODAY=2024-07-04 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared SHINDAN_SETTINGS="$PWD/bad.tsv"
is "$status" 1 "a shared night whose render fails: exit 1"
is "$(readlink home/reports/latest)" 2024-07-03 "latest stays night 3"
check "no folder for the failed night" test ! -e home/reports/2024-07-04
check "the shared folder says a render did not end" \
	test -e home/reports/shared/.drawing
export_csv home/inbox/night4b.csv "2024/07/04 11:00,2"
night SHINDAN_TODAY=2024-07-04 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared
is "$status" 0 "the night run again: exit 0"
is "$(readlink home/reports/latest)" 2024-07-04 "latest is that night's"
like "$(pdftotext "$(file 2024-07-04 1)" -)" '集計基準日 2024年7月4日' \
	"the company whose answer the failed night imported is drawn too"
is "$(links_ok home/reports/2024-07-04)" "" \
	"no page of it links to a missing file"

# pruning a shared night removes its folder, never the shared files
night SHINDAN_TODAY=2024-07-09 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared SHINDAN_KEEP_DAYS=3
is "$status" 0 "night 4 (shared, pruning): exit 0"
check "the old nights' folders are pruned" \
	test ! -e home/reports/2024-07-02 -a ! -e home/reports/2024-07-03 \
	-a ! -e home/reports/2024-07-04
is "$(find home/reports/shared/companies -name '*.pdf' | wc -l | tr -d ' ')" 5 \
	"the five companies' reports are still in the shared folder"
is "$(links_ok home/reports/2024-07-09)" "" \
	"no page of the night links to a missing file"

# back to dated nights: tonight's folder holds the files themselves
export_csv home/inbox/night5.csv "2024/07/10 10:00,6"
night SHINDAN_TODAY=2024-07-10 SHINDAN_COMPANY_REPORTS=new
is "$status" 0 "night 5 (dated again, new): exit 0"
check "tonight's companies/ is a folder of its own" \
	test -d home/reports/2024-07-10/companies -a \
	! -L home/reports/2024-07-10/companies
is "$(inode 2024-07-10 3)" "$(inode 2024-07-09 3)" \
	"the others' reports are the shared files, hard-linked"
check "the new company is drawn" test "$(inode 2024-07-10 6)" != none
is "$(links_ok home/reports/2024-07-10)" "" \
	"no page links to a missing file"

# shared again: the shared folder starts again from the dated night's
export_csv home/inbox/night6.csv "2024/07/11 10:00,7"
night SHINDAN_TODAY=2024-07-11 SHINDAN_COMPANY_REPORTS=new \
	SHINDAN_COMPANY_FILES=shared
is "$status" 0 "night 6 (shared after dated): exit 0"
is "$(inode 2024-07-11 6)" "$(inode 2024-07-10 6)" \
	"the company drawn on the dated night keeps that night's report"
check "tonight's company is drawn" test "$(inode 2024-07-11 7)" != none
is "$(find home/reports/shared/companies -name '*.pdf' | wc -l | tr -d ' ')" 7 \
	"one report for each of the seven companies"
is "$(links_ok home/reports/2024-07-11)" "" \
	"no page links to a missing file"

night SHINDAN_TODAY=2024-07-12 SHINDAN_COMPANY_FILES=both
is "$status" 2 "SHINDAN_COMPANY_FILES=both: exit 2"
like "$(cat "$T/err")" "SHINDAN_COMPANY_FILES: 'both' is not dated or shared" \
	"and says why"
done_testing
