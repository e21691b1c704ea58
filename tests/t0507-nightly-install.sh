#!/bin/sh
# make install as a packager runs it, into a DESTDIR: the three tools, the
# driver shindan-nightly, four manuals, the example shindan.conf and the
# two systemd units, and nothing else.  With no folder of the source tree
# on PATH, the installed driver finds the installed tools and does over a
# generated sample what scripts/nightly does (t0501-t0503): a held lock
# exits 4 and changes nothing; the first night archives, quarantines and
# draws the reports (exit 3: the sample holds bad input on purpose); the
# second skips the files delivered again.  BINDIR and MANDIR are honoured,
# and a symbolic link to the driver, run with cron's PATH, finds the tools
# in BINDIR.  make uninstall leaves DESTDIR empty.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need flock
need sqlite3
need make
for tool in "$INGEST" "$AGGREGATE" "$RENDER" "$TOP/gen-sample/gen-sample"; do
	if ! "$tool" --version >/dev/null 2>&1; then
		skip_all "${tool##*/} is not built yet"
	fi
done

# make, from inside make check: none of its flags or jobserver; -o all
# installs what is built and never rebuilds it (the same binaries as the
# other tests, SANITIZE=1 or not)
unset MAKEFLAGS MFLAGS MAKELEVEL
mk() {
	run_status make -s -C "$TOP" -o all "$@"
}

# files DIR: every file and symbolic link under DIR, sorted
files() {
	(cd "$1" && find . ! -type d | LC_ALL=C sort | tr '\n' ' ')
}

# PATH without the source tree, nor the current folder
path=
oldifs=$IFS
IFS=:
for d in $PATH; do
	case $d in
	"$TOP"|"$TOP"/*|''|.) ;;
	*) path=${path:+$path:}$d ;;
	esac
done
IFS=$oldifs

dest=$T/dest
mk install DESTDIR="$dest"
is "$status" 0 "make install DESTDIR=...: exit 0"
is "$(cat "$T/err")" "" "quiet on stderr"
is "$(files "$dest")" "./usr/local/bin/shindan-aggregate ./usr/local/bin/shindan-ingest ./usr/local/bin/shindan-nightly ./usr/local/bin/shindan-render ./usr/local/lib/systemd/system/shindan-nightly.service ./usr/local/lib/systemd/system/shindan-nightly.timer ./usr/local/share/doc/shindan/shindan.conf ./usr/local/share/man/man1/shindan-aggregate.1 ./usr/local/share/man/man1/shindan-ingest.1 ./usr/local/share/man/man1/shindan-nightly.1 ./usr/local/share/man/man1/shindan-render.1 " \
	"the tools, the driver, four manuals, shindan.conf and the units"
bin=$dest/usr/local/bin
is "$(cd "$dest/usr/local" && stat -c '%a %n' bin/* share/man/man1/* \
	share/doc/shindan/* lib/systemd/system/* | tr '\n' ' ')" \
	"755 bin/shindan-aggregate 755 bin/shindan-ingest 755 bin/shindan-nightly 755 bin/shindan-render 644 share/man/man1/shindan-aggregate.1 644 share/man/man1/shindan-ingest.1 644 share/man/man1/shindan-nightly.1 644 share/man/man1/shindan-render.1 644 share/doc/shindan/shindan.conf 644 lib/systemd/system/shindan-nightly.service 644 lib/systemd/system/shindan-nightly.timer " \
	"programs 755, the rest 644"
check "the driver's manual is scripts/nightly.1" \
	cmp -s "$TOP/scripts/nightly.1" "$dest/usr/local/share/man/man1/shindan-nightly.1"
like "$(cat "$bin/shindan-nightly")" "^bindir='/usr/local/bin'\$" \
	"the installed driver knows BINDIR"
unlike "$(cat "$bin/shindan-nightly" "$dest/usr/local/lib/systemd/system/"*)" \
	"$TOP" "nothing installed names the source tree"
unlike "$(cat "$dest/usr/local/lib/systemd/system/"*)" "@[A-Z]+@" \
	"the units' paths are filled in"
check "no temporary file left" test -z "$(find "$dest" -name '.*')"

# the sample, as gen-sample writes it (t0603 checks what it holds)
"$TOP/gen-sample/gen-sample" --companies 30 --seed 7 --days 2 sample \
	>/dev/null 2>&1
conf=$dest/usr/local/share/doc/shindan/shindan.conf
n1=$(find sample/day1 sample/day2 -type f | wc -l | tr -d ' ')
n2=$(find sample/day2 -type f | wc -l | tr -d ' ')

# night HOME DAY [ARGS]: the installed driver by name, from PATH, with the
# installed example configuration (the environment's SHINDAN_HOME wins)
night() {
	home=$1
	day=$2
	shift 2
	run_status env PATH="$bin:$path" SHINDAN_HOME="$T/$home" \
		SHINDAN_TODAY="$day" "$@" shindan-nightly --config "$conf"
}
# source_night HOME DAY: scripts/nightly from the source tree, the same way
source_night() {
	status=0
	env SHINDAN_HOME="$T/$1" SHINDAN_TODAY="$2" sh "$TOP/scripts/nightly" \
		>"$T/src.out" 2>"$T/src.err" || status=$?
	src_status=$status
}
# fates HOME: where each file went, and what ingest recorded of it
fates() {
	(cd "$1" && find inbox archive quarantine -type f | LC_ALL=C sort)
	q "SELECT path, status, rows_read, rows_new, rows_duplicate,
	   rows_rejected, coalesce(reason, '') FROM files ORDER BY file_id" \
	   "$1/shindan.db"
}

# a held lock: exit 4 at once, nothing touched (t0501)
mkdir -p home/inbox
cp sample/day1/* sample/day2/* home/inbox/
: >home/nightly.lock
snapshot() {
	find home -exec stat -c '%n %s %a %y' {} + | LC_ALL=C sort
}
before=$(snapshot)
run_status flock home/nightly.lock timeout 10 env PATH="$bin:$path" \
	SHINDAN_HOME=home shindan-nightly --config "$conf"
is "$status" 4 "lock held: the installed driver exits 4"
like "$(cat "$T/err")" '^nightly: another run holds .*/home/nightly.lock; try later$' \
	"and says who holds which lock"
is "$(snapshot)" "$before" "nothing under SHINDAN_HOME changed"

# night 1: both days' exports (t0502)
mkdir -p src/inbox
cp home/inbox/* src/inbox/
source_night src 2024-12-01
night home 2024-12-01
is "$status" 3 "night 1: bad input in the sample, exit 3"
like "$(cat "$T/out")" "^nightly: 2024-12-01: $n1 files \\([0-9]+ imported, [1-9][0-9]* partial, 0 skipped, 1 rejected\\), [1-9][0-9]* new responses, [0-9]+ duplicates, [1-9][0-9]* rejected rows; reports in reports/2024-12-01; $(q 'SELECT count(*) FROM companies' home/shindan.db) companies changed, [1-9][0-9]* groups touched, $(find home/reports/2024-12-01 -type f | wc -l | tr -d ' ') pages rewritten\$" \
	"night 1: one summary line; the sample's bad file and rows rejected"
is "$(cat "$T/err")" "" "night 1: quiet on stderr"
is "$status $(sed "s|$PWD/home/||" "$T/out")" \
	"$src_status $(sed "s|$PWD/src/||" "$T/src.out")" \
	"night 1: the same exit and summary as scripts/nightly from the tree"
is "$(fates home)" "$(fates src)" \
	"night 1: each file's fate as with scripts/nightly from the tree"
is "$(find home/inbox -type f | wc -l | tr -d ' ')" 0 "the inbox is emptied"
is "$(find home/archive/2024-12-01 -type f | wc -l | tr -d ' ')" $((n1 - 1)) \
	"the other files archived"
bad=$(q "SELECT path FROM files WHERE status = 'rejected'" home/shindan.db)
bad=${bad#quarantine/}
is "$(cd home/quarantine && ls | tr '\n' '|')" "$bad|$bad.reason|" \
	"the bad file is in quarantine with its reason"
is "$(cat "home/quarantine/$bad.reason")" \
	"$(q "SELECT reason FROM files WHERE status = 'rejected'" home/shindan.db)" \
	"the reason is the one ingest recorded"
is "$(readlink home/reports/latest)" 2024-12-01 "reports/latest points to the day"
check "index.html rendered" test -s home/reports/latest/index.html
check "portfolio.pdf rendered" test -s home/reports/latest/portfolio.pdf
is "$(find home/reports/latest/companies -name '*.pdf' | wc -l | tr -d ' ')" \
	"$(q 'SELECT count(*) FROM companies' home/shindan.db)" \
	"a report for each company"
is "$(stat -c %a home/archive home/quarantine home/reports home/logs \
	home/shindan.db | tr '\n' ' ')" "700 700 700 700 600 " \
	"folders 0700, the database 0600"
is "$(grep 'tools: ' home/logs/2024-12-01.log | sed 's/^[0-9:]* //')" \
	"tools: $bin/shindan-ingest $bin/shindan-aggregate $bin/shindan-render" \
	"the log names the installed tools"

# night 2: the last day's exports delivered again (t0503)
cp sample/day2/* home/inbox/
cp sample/day2/* src/inbox/
source_night src 2024-12-02
night home 2024-12-02
is "$status" 0 "night 2: all delivered before, exit 0"
is "$(cat "$T/out")" "nightly: 2024-12-02: $n2 files (0 imported, 0 partial, $n2 skipped, 0 rejected), 0 new responses, 0 duplicates, 0 rejected rows; reports in reports/2024-12-02; 0 companies changed, 0 groups touched, $(find home/reports/2024-12-02 -type f -links 1 | wc -l | tr -d ' ') pages rewritten" \
	"night 2: the files delivered again are skipped"
is "$status $(cat "$T/out")" "$src_status $(cat "$T/src.out")" \
	"night 2: the same as scripts/nightly from the tree"
is "$(fates home)" "$(fates src)" "night 2: the same fates"
is "$(find home/archive/2024-12-02 -type f | wc -l | tr -d ' ')" "$n2" \
	"the skipped files are archived"
is "$(q 'SELECT as_of FROM runs ORDER BY as_of' home/shindan.db | tr '\n' ' ')" \
	"2024-12-01 2024-12-02 " "a run for each night"
is "$(readlink home/reports/latest)" 2024-12-02 "reports/latest moves on"
check "night 1's reports are kept" test -s home/reports/2024-12-01/index.html

mk uninstall DESTDIR="$dest"
is "$status" 0 "make uninstall DESTDIR=...: exit 0"
is "$(find "$dest" -mindepth 1 | tr '\n' ' ')" "" "DESTDIR is left empty"

# PREFIX, BINDIR and MANDIR, as packagers set them, straight into place
opt=$T/opt
mk install PREFIX="$opt" BINDIR="$opt/sbin" MANDIR="$opt/man"
is "$status" 0 "make install PREFIX= BINDIR= MANDIR=: exit 0"
is "$(files "$opt")" "./lib/systemd/system/shindan-nightly.service ./lib/systemd/system/shindan-nightly.timer ./man/man1/shindan-aggregate.1 ./man/man1/shindan-ingest.1 ./man/man1/shindan-nightly.1 ./man/man1/shindan-render.1 ./sbin/shindan-aggregate ./sbin/shindan-ingest ./sbin/shindan-nightly ./sbin/shindan-render ./share/doc/shindan/shindan.conf " \
	"every file where BINDIR, MANDIR and PREFIX say"
like "$(cat "$opt/lib/systemd/system/shindan-nightly.service")" \
	"^ExecStart=$opt/sbin/shindan-nightly --config $opt/etc/shindan.conf\$" \
	"the service runs BINDIR's driver with PREFIX/etc/shindan.conf"

# a symbolic link to the driver (/etc/cron.daily/shindan), run with
# cron's PATH: the tools are found in BINDIR
mkdir -p cron.daily home2/inbox
ln -s "$opt/sbin/shindan-nightly" cron.daily/shindan
cp sample/day1/sheet-export-*.csv.gz home2/inbox/
run_status env PATH=/usr/bin:/bin SHINDAN_HOME="$T/home2" \
	SHINDAN_TODAY=2024-12-01 cron.daily/shindan -q
is "$status" 0 "through a symbolic link, with cron's PATH: exit 0"
is "$(cat "$T/out" "$T/err")" "" "-q: silent"
is "$(grep 'tools: ' home2/logs/2024-12-01.log | sed 's/^[0-9:]* //')" \
	"tools: $opt/sbin/shindan-ingest $opt/sbin/shindan-aggregate $opt/sbin/shindan-render" \
	"the tools are BINDIR's"
check "the night drew its reports" test -s home2/reports/latest/portfolio.pdf

mk uninstall PREFIX="$opt" BINDIR="$opt/sbin" MANDIR="$opt/man"
is "$status" 0 "make uninstall PREFIX= BINDIR= MANDIR=: exit 0"
is "$(files "$opt")" "" "no file is left"
check "nor shindan's doc folder" test ! -e "$opt/share/doc/shindan"

# the tree's scripts/nightly copied away from the tree, with no tools on
# PATH: it says what is missing
mkdir lonely
cp "$TOP/scripts/nightly" lonely/nightly
run_status env PATH=/usr/bin:/bin SHINDAN_HOME="$T/home3" sh lonely/nightly
is "$status" 1 "no tools anywhere: exit 1"
like "$(cat "$T/err")" '^nightly:   no ingest: build the tree \(make\) or install shindan$' \
	"and says to build or install"
done_testing
