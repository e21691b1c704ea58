#!/bin/sh
# A second nightly while the first holds the lock exits 4 at once and
# touches nothing: no log, no moved file, no new folder.  The lock is held
# here with flock(1) on the file the first run locks, which is what a
# running nightly does; this needs no tool, so it runs before they land.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need flock
NIGHTLY=$TOP/scripts/nightly

mkdir -p home/inbox home/archive
printf 'not even a csv\n' >home/inbox/export.csv
: >home/nightly.lock

# snapshot: every path under home with its size, mode and mtime (ns)
snapshot() {
	find home -exec stat -c '%n %s %a %y' {} + | LC_ALL=C sort
}
before=$(snapshot)
sleep 0.01

# timeout: a run that waited for the lock would hang, and fail here
run_status flock home/nightly.lock timeout 10 env SHINDAN_HOME=home \
	sh "$NIGHTLY"
is "$status" 4 "second run exits 4 at once"
like "$(cat "$T/err")" '^nightly: another run holds .*/home/nightly.lock; try later$' \
	"stderr says who holds which lock"
is "$(cat "$T/out")" "" "nothing on stdout"
is "$(snapshot)" "$before" "nothing under SHINDAN_HOME changed"
check "no logs folder was created" test ! -e home/logs
check "the inbox file is still there" test -f home/inbox/export.csv

# the same with the lock held through a config file's SHINDAN_HOME
printf 'SHINDAN_HOME=%s/home\n' "$T" >shindan.conf
run_status flock home/nightly.lock timeout 10 sh "$NIGHTLY" \
	--config shindan.conf
is "$status" 4 "config's SHINDAN_HOME: the same lock, exit 4"
is "$(snapshot)" "$before" "still nothing changed"

done_testing
