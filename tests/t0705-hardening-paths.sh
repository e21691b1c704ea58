#!/bin/sh
# Hostile things in an input folder: symbolic link loops (to themselves,
# to each other, a link to the folder above), a FIFO named like an export
# (opening it used to block ingest for ever), an unreadable file.  Each is
# rejected with a message naming it, the good file beside them imports,
# exit 3, and the database is intact.
. "$(dirname "$0")/lib.sh"

mkdir -p in/sub
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >in/sub/good.csv
ln -s loop.csv in/loop.csv
ln -s b.csv in/a.csv
ln -s a.csv in/b.csv
ln -s .. in/sub/up
ln -s . in/self
mkfifo in/pipe.csv

# the FIFO must not hang ingest: give it 20 s at most
$INGEST in >out 2>err &
pid=$!
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$pid" 2>/dev/null; then
	kill "$pid"
	not_ok "ingest finishes with a FIFO in the folder (killed after 20 s)"
else
	ok "ingest finishes with a FIFO in the folder"
fi
status=0
wait "$pid" || status=$?
is "$status" 3 "exit 3"
is "$(q "SELECT path, status, reason FROM files ORDER BY path")" \
"in/a.csv|rejected|cannot open: Too many levels of symbolic links
in/b.csv|rejected|cannot open: Too many levels of symbolic links
in/loop.csv|rejected|cannot open: Too many levels of symbolic links
in/pipe.csv|rejected|not a regular file
in/sub/good.csv|imported|" \
	"each loop and the FIFO rejected with its reason, links to folders not followed"
like "$(cat err)" "^ingest: in/loop.csv: rejected: cannot open: Too many levels of symbolic links$" \
	"the message names the looping link"
like "$(cat err)" "^ingest: in/pipe.csv: rejected: not a regular file$" \
	"the message names the FIFO"
is "$(q "SELECT company_name FROM responses")" アルファ "the good file is imported once"
is "$(q "PRAGMA integrity_check")" ok "the database is intact"

# a loop given on the command line
ln -s me.csv me.csv
run_status $INGEST me.csv
is "$status" 2 "a looping link given by name: a usage error, exit 2"
like "$(cat "$T/err")" "^ingest: 'me.csv': cannot read: Too many levels of symbolic links$" \
	"a looping link given by name: the message names it"

# an empty folder (qsort of no names was undefined behaviour)
mkdir empty
run_status $INGEST --db e.db empty
is "$status" 0 "an empty folder: exit 0"
like "$(cat "$T/err")" "^ingest: 0 files, 0 rows read" "an empty folder: nothing read"

# root reads everything, so an unreadable file can only be tested as
# another user
if [ "$(id -u)" -eq 0 ]; then
	ok "# SKIP unreadable file: running as root, which reads every file"
else
	cp in/sub/good.csv secret.csv
	chmod 000 secret.csv
	run_status $INGEST --db s.db secret.csv
	is "$status" 3 "unreadable file: exit 3"
	like "$(cat "$T/err")" "^ingest: secret.csv: rejected: cannot open: Permission denied$" \
		"unreadable file: the message names it and says why"
	is "$(q "SELECT status FROM files; SELECT count(*) FROM response" s.db)" \
		"$(printf 'rejected\n0')" "unreadable file: recorded, nothing imported"
	is "$(q "PRAGMA integrity_check" s.db)" ok "unreadable file: the database is intact"
fi
done_testing
