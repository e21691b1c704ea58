#!/bin/sh
# Output safety: a symbolic link planted where a tool writes is never
# written through (the database, its -wal and -shm files, the rejects
# export, aggregate's CSV files), and what the tools create is 0600
# (folders 0700) whatever the umask.
. "$(dirname "$0")/lib.sh"

umask 022
{
	echo "回答日時,会社名,業種,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,G,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
	echo "2024/01/15 10:00:00,ベータ,G,$(answers I | cut -d, -f2-),x"
} >in.csv
echo precious >victim

ln -s victim link.db
run_status $INGEST --db link.db in.csv
is "$status" 1 "a link planted at the database: exit 1"
like "$(cat "$T/err")" "^ingest: 'link.db': cannot create: Too many levels of symbolic links$" \
	"a link planted at the database: the message says why"
is "$(cat victim)" precious "a link planted at the database: not written through"

$INGEST -q --db s.db in.csv || true
is "$(stat -c %a s.db)" 600 "the database is created 0600 under umask 022"
ln -s victim s.db-wal
ln -s victim s.db-shm
run_status $INGEST --db s.db --force in.csv
is "$status" 1 "links planted at -wal and -shm: exit 1"
is "$(cat victim)" precious "links planted at -wal and -shm: not written through"
rm s.db-wal s.db-shm

ln -s victim rejects.csv
run_status $INGEST --db s.db --export-rejects rejects.csv
is "$status" 0 "a link planted at the export: exit 0"
is "$(cat victim)" precious "a link planted at the export: not written through"
is "$(stat -c %a rejects.csv)" 600 "the export replaces the link, 0600"

$AGGREGATE -q --db s.db --as-of 2024-02-01 --export-csv xl
is "$(stat -c %a xl "xl/groups-2024-02-01.csv")" "$(printf '700\n600')" \
	"aggregate creates its folder 0700 and its files 0600"
mkdir xl2
for f in xl/*; do
	ln -s ../victim "xl2/${f#xl/}"
done
run_status $AGGREGATE --db s.db --as-of 2024-02-01 --export-csv xl2
is "$status" 0 "links planted at aggregate's files: exit 0"
is "$(cat victim)" precious "links planted at aggregate's files: not written through"
is "$(find xl2 -type l | wc -l | tr -d ' ')" 0 "each link is replaced by the file"
is "$(q "PRAGMA integrity_check" s.db)" ok "the database is intact"
done_testing
