#!/bin/sh
# A night that fails says so on stderr: the failing step and the log's
# path, exit 1; a file whose fate is unknown stays in the inbox for the
# next night, and reports/latest keeps pointing at the last good report.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"

mkdir -p home/inbox home/reports/2024-06-30
ln -s 2024-06-30 home/reports/latest
printf 'this is not a database, but something wrote it\n' >home/shindan.db
printf 'a,b\n1,2\n' >home/inbox/export.csv

run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-07-01 sh "$NIGHTLY" -q
is "$status" 1 "a broken database: exit 1"
is "$(cat "$T/out")" "" "nothing on stdout"
like "$(cat "$T/err")" "^nightly: reading shindan.db failed \\(inbox/export.csv stays in the inbox\\); see $T/home/logs/2024-07-01.log\$" \
	"stderr names the failing step and the log"
like "$(cat "$T/err")" "^nightly: aggregate failed \\(exit 1\\); see $T/home/logs/2024-07-01.log\$" \
	"and the aggregate that could not run"
like "$(cat "$T/err")" "^nightly:   aggregate: .*not a database" \
	"with the tool's own message"
check "the file stays in the inbox" test -f home/inbox/export.csv
is "$(readlink home/reports/latest)" 2024-06-30 "latest still points to the last good report"
like "$(cat home/logs/2024-07-01.log)" 'FAILED: aggregate' "the log records the failure"
done_testing
