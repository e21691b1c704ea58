#!/bin/sh
# nightly's configuration: KEY=value lines (comments, quotes, export, no
# expansion), the environment wins over the file, relative paths are taken
# from SHINDAN_HOME, folders are created 0700, bad settings exit 2 naming
# the file and line.  An empty inbox and no database run no tool.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need flock
NIGHTLY=$TOP/scripts/nightly
today=$(TZ=JST-9 date +%Y-%m-%d)

cat >shindan.conf <<EOF
# shindan nightly settings
SHINDAN_HOME=$T/fromfile
export SHINDAN_LOGS="journal"
SHINDAN_INBOX='in box'   # quoted, with a space
SHINDAN_KEEP_DAYS=30 # days of reports
SHINDAN_FONT=\$HOME
EOF

run_status sh "$NIGHTLY" --config shindan.conf
is "$status" 0 "empty inbox, no database: exit 0"
is "$(cat "$T/out")" "nightly: $today: no files, no database yet" \
	"one summary line"
is "$(cat "$T/err")" "" "nothing on stderr"
check "logs under the file's SHINDAN_HOME and SHINDAN_LOGS" \
	test -f "fromfile/journal/$today.log"
check "quoted inbox name with a space" test -d "fromfile/in box"
is "$(stat -c %a fromfile/journal "fromfile/in box" fromfile/archive \
	fromfile/quarantine fromfile/reports | tr '\n' ' ')" \
	"700 700 700 700 700 " "folders are created 0700"
is "$(stat -c %a "fromfile/journal/$today.log")" 600 "the log is 0600"

run_status env SHINDAN_HOME="$T/fromenv" SHINDAN_TODAY=2024-05-01 \
	sh "$NIGHTLY" -q --config shindan.conf
is "$status" 0 "environment's SHINDAN_HOME: exit 0"
is "$(cat "$T/out")" "" "-q: no summary line"
check "the environment wins: its home is used" \
	test -f fromenv/journal/2024-05-01.log
check "SHINDAN_TODAY names the log" test ! -e fromfile/journal/2024-05-01.log

for bad in 'SHINDAN_KEEP_DAYS=ten' 'SHINDAN_MIN_GROUP=-1' 'SHINDAN_TODAY=5/1'
do
	printf '%s\n' "$bad" >bad.conf
	run_status sh "$NIGHTLY" --config bad.conf
	is "$status" 2 "$bad: exit 2"
	like "$(cat "$T/err")" "^nightly: ${bad%%=*}: " \
		"$bad: message names the key"
done

printf '# fine\nSHINDAN_HOME=x\nSHINDAN_HOEM=y\n' >typo.conf
run_status sh "$NIGHTLY" --config typo.conf
is "$status" 2 "unknown key: exit 2"
is "$(cat "$T/err")" "nightly: typo.conf:3: unknown key 'SHINDAN_HOEM'" \
	"message names file, line and key"
check "nothing created for a bad config" test ! -e x

printf 'SHINDAN_HOME\n' >nokey.conf
run_status sh "$NIGHTLY" --config nokey.conf
is "$(cat "$T/err")" "nightly: nokey.conf:1: expected KEY=value" \
	"a line without ="

run_status sh "$NIGHTLY" --config missing.conf
is "$status" 2 "missing config file: exit 2"
run_status sh "$NIGHTLY" --bogus
is "$status" 2 "unknown option: exit 2"
like "$(cat "$T/err")" "^nightly: unknown option '--bogus'" \
	"and the option is named"
run_status sh "$NIGHTLY" --help
is "$status" 0 "--help exits 0"
like "$(cat "$T/out")" '^usage: nightly' "--help prints usage on stdout"
unlike "$(cat "$T/out")" 'SPEC' "and cites no document users do not have"

# an inbox configured outside SHINDAN_HOME (a mount) that is missing is a
# failure naming it, never recreated empty
mkdir h2
run_status env SHINDAN_HOME=h2 SHINDAN_INBOX="$T/mnt/inbox" sh "$NIGHTLY" -q
is "$status" 1 "a missing configured inbox: exit 1"
like "$(cat "$T/err")" "SHINDAN_INBOX $T/mnt/inbox does not exist" \
	"the message names it"
check "and it is not created" test ! -e "$T/mnt"

# an empty folder in the inbox is passed over (t0511 has the folder rule)
mkdir -p h3/inbox/client_dir
run_status env SHINDAN_HOME=h3 sh "$NIGHTLY" -q
is "$status" 0 "an empty folder in the inbox: exit 0"
is "$(cat "$T/out")" "" "-q: nothing needs a look"
done_testing
