#!/bin/sh
# The nightly's summary line ends with the work the night did: companies
# changed, groups touched (as aggregate counts them) and files written
# anew (as render -v counts them).  A file that comes out as in
# reports/latest is a hard link to last night's, not a new copy; every
# page, chart and PDF carries the as-of date, so on a new day those are
# written anew even when nothing changed, while a second run on the same
# day rewrites only what changed.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

# work: the end of the summary line, after the reports' folder
work() {
	sed -n 's/^nightly: .*; reports in [^;]*; //p' "$T/out"
}

# fresh DAY: how many files of reports/DAY are not linked from another
# night's folder (written anew), and how many there are
fresh() {
	find "home/reports/$1" -type f -links 1 | wc -l | tr -d ' '
}
total() {
	find "home/reports/$1" -type f | wc -l | tr -d ' '
}

mkdir -p home/inbox
export_csv home/inbox/a.csv "2024/06/01 10:00,1" "2024/06/01 10:00,2" \
	"2024/06/01 10:00,3" "2024/06/01 10:00,4" "2024/06/01 10:00,5" \
	"2024/06/01 10:00,6"
night SHINDAN_TODAY=2024-07-01
is "$status" 0 "night 1: exit 0"
n1=$(total 2024-07-01)
is "$(work)" "6 companies changed, 8 groups touched, $n1 pages rewritten" \
	"night 1: 6 companies, 8 groups (the cell, its margins), every file"
like "$(head -n 1 "$T/out")" "^nightly: 2024-07-01: 1 files \\(1 imported, 0 partial, 0 skipped, 0 rejected\\), 6 new responses, 0 duplicates, 0 rejected rows; reports in reports/2024-07-01; " \
	"the rest of the summary line is as before"

# night 2, a new day with one new company: its files and every file that
# shows the as-of date are written; the rest are night 1's files
export_csv home/inbox/b.csv "2024/07/01 11:00,7"
night SHINDAN_TODAY=2024-07-02
is "$status" 0 "night 2: exit 0"
n2=$(fresh 2024-07-02)
is "$(work)" "1 companies changed, 8 groups touched, $n2 pages rewritten" \
	"night 2: 1 company changed; the files written are those not linked"
check "fewer than all of them ($n2 of $(total 2024-07-02))" \
	test "$n2" -lt "$(total 2024-07-02)"
is "$(stat -c %i home/reports/2024-07-02/site.css)" \
	"$(stat -c %i home/reports/2024-07-01/site.css)" \
	"site.css is night 1's file, linked"
page=$(cd home/reports/2024-07-02 && ls companies/*テスト1-*.html)
like "$(cat "home/reports/2024-07-02/$page")" '基準日 2024-07-02' \
	"a page shows the new as-of date, so it is written anew"

# the same day again, one company answering the same a little later:
# its report and page, the list's data, index.html and portfolio.pdf
before=$(stat -c '%i %.9Y' "home/reports/2024-07-02/$page")
export_csv home/inbox/c.csv "2024/07/02 09:00,3"
night SHINDAN_TODAY=2024-07-02
is "$status" 0 "night 2 again: exit 0"
is "$(work)" "1 companies changed, 0 groups touched, 5 pages rewritten" \
	"night 2 again: 1 company changed, no group, 5 files written"
is "$(stat -c '%i %.9Y' "home/reports/2024-07-02/$page")" "$before" \
	"another company's page keeps its inode and mtime"
is "$(find home/reports -name '.*' ! -name .drawn | wc -l | tr -d ' ')" 0 \
	"no temporary folder left"

# night 3, nothing new: no company or group changed, and what is
# written is what carries the date
night SHINDAN_TODAY=2024-07-03
is "$status" 0 "night 3: exit 0"
n3=$(fresh 2024-07-03)
is "$(work)" "0 companies changed, 0 groups touched, $n3 pages rewritten" \
	"night 3: nothing changed; only the dated files are written"
is "$(cd home/reports/2024-07-03 && find . -type f -links +1 |
	sed 's/テスト[0-9]*-[0-9a-f]*/N/' | sort | uniq -c |
	awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')" \
	"1 ./data/rows-0001.js, 7 ./pack/name_株式会社N-plan.csv, 7 ./pack/name_株式会社N-policy.docx, 7 ./pack/name_株式会社N-policy.html, 7 ./pack/name_株式会社N-policy.txt, 1 ./site.css, 1 ./site.js" \
	"linked from night 2: the files without a date"

done_testing
