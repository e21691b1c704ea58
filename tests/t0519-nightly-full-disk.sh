#!/bin/sh
# On a full disk every report worker fails at once, and the nightly log
# gets one error line per report from several processes together: each
# line must arrive whole (one write each), never spliced mid-line with
# another worker's.  The full disk is a file-size limit (ulimit -f) with
# SIGXFSZ ignored, so that a write fails with EFBIG as it would with
# ENOSPC; the log is a pipe to a process outside the limit.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-fixture.sh"

fixture_begin
i=1
while [ $i -le 60 ]; do
	response "id:F$i" '' 2024-03-10T01:00:00Z "フル商事$i" '' D 6-20 one \
		"$(codes I $((i % 25 + 1))=N)"
	i=$((i + 1))
done
group D '*' 60 90.0 3.0 0
group '*' '*' 60 90.0 3.0 0
fixture_end

mkdir out
# the limit (40 KiB) is below any PDF, above the database's 32 KiB
# shared-memory file; each worker fails on every report it writes
(
	ulimit -f 80
	trap '' XFSZ
	status=0
	"$RENDER" --db shindan.db --out out -j 6 2>&1 || status=$?
	echo "exit $status"
) | cat >log
like "$(tail -n 1 log)" "^exit 1$" "render on a full disk: exit 1"
sed '$d' log >lines
n=$(grep -c 'File too large' lines || true)
check "several reports fail ($n lines)" test "$n" -ge 12
unlike "$(cat lines)" 'render: .*render: |^.+[^:]render: ' \
	"no line holds a second message spliced into it"
unlike "$(grep -v '^render: ' lines || true)" . \
	"every line starts with the program's name"
unlike "$(grep 'File too large' lines | grep -Ev '^render: .*: File too large$' || true)" . \
	"every error line ends with its reason"
done_testing
