#!/bin/sh
# Hostile bytes: a truncated and a corrupt gzip, a gzip bomb (ingest stops
# decompressing past 256 MiB at more than 1000 times the file's size), a
# bomb of zeros, NUL bytes, invalid UTF-8 inside a UTF-8 file, an
# unbalanced quote at the end of a file and in its middle.  Each gives a
# clear message naming file and line, exit 3, a whole file rejected or
# only its bad row, and an intact database.
. "$(dirname "$0")/lib.sh"

I25=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
HEAD="回答日時,会社名,$(qcols)"
good() {
	echo "$HEAD"
	awk -v n="$1" -v a="$I25" 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "2024/01/15 10:%02d:%02d,会社%d,%s\n", i / 60 % 60,
			    i % 60, i, a }'
}
# file_rejected DB FILE REASON-PATTERN DESC: the whole file refused
file_rejected() {
	is "$status" 3 "$4: exit 3"
	like "$(cat "$T/err")" "^ingest: $2: rejected: $3" \
		"$4: the message names the file and why"
	is "$(q "SELECT status FROM files WHERE path = '$2';
		 SELECT count(*) FROM response; SELECT count(*) FROM reject" "$1")" \
	   "$(printf 'rejected\n0\n0')" "$4: nothing of it is stored"
	is "$(q "PRAGMA integrity_check" "$1")" ok "$4: the database is intact"
}

good 5000 | gzip >full.csv.gz
size=$(wc -c <full.csv.gz)
head -c $((size - 20)) full.csv.gz >cut.csv.gz
run_status $INGEST --db g.db cut.csv.gz
file_rejected g.db cut.csv.gz "line [0-9]+: truncated gzip stream" "truncated gzip"

# a wrong CRC in the trailer: every byte inflates, the check fails
{ head -c $((size - 8)) full.csv.gz; printf 'garbage!'; } >corrupt.csv.gz
run_status $INGEST --db g.db corrupt.csv.gz
file_rejected g.db corrupt.csv.gz "line [0-9]+: corrupt gzip stream: incorrect data check$" "corrupt gzip"

# a bomb: the header, then 300 MB of line ends in a 300 KB file (30 gzip
# members of 10 MB each); ingest stops at 1000 times the file's size
echo "$HEAD" | gzip >bomb.csv.gz
head -c 10000000 /dev/zero | tr '\0' '\n' | gzip -9 >nl.gz
i=0
while [ $i -lt 30 ]; do
	cat nl.gz >>bomb.csv.gz
	i=$((i + 1))
done
run_status $INGEST --db g.db bomb.csv.gz
file_rejected g.db bomb.csv.gz \
	"line [0-9]+: gzip expands more than 1000 times \([0-9]+ bytes from $(wc -c <bomb.csv.gz)\): refused as a gzip bomb$" \
	"gzip bomb"

# zeros compress as well, but the reader refuses them as one endless
# record long before the bomb limit: 200 MB of zeros takes no time
{ echo "$HEAD"; head -c 200000000 /dev/zero; } | gzip -1 >zeros.csv.gz
start=$(date +%s)
run_status $INGEST --db g.db zeros.csv.gz
file_rejected g.db zeros.csv.gz "line 2: record longer than 1 MiB" "200 MB of zeros"
check "200 MB of zeros: refused within seconds" test $(($(date +%s) - start)) -lt 10

# a NUL byte rejects its row only, stored byte for byte
{
	good 1
	printf '2024/01/15 11:00:00,B\000社,%s\n' "$I25"
	echo "2024/01/15 12:00:00,C社,$I25"
} >nul.csv
run_status $INGEST --db n.db nul.csv
is "$status" 3 "NUL byte: exit 3"
like "$(cat "$T/err")" "^ingest: nul.csv:3: NUL byte in the row$" \
	"NUL byte: the message names file and line"
is "$(q "SELECT company_name FROM responses ORDER BY 1" n.db)" \
	"$(printf 'C社\n会社1')" "NUL byte: the other rows are imported"
is "$(q "SELECT line, hex(raw) = hex(CAST(x'$(printf '2024/01/15 11:00:00,B\000社' | od -An -tx1 | tr -d ' \n')' AS TEXT) || ',' || '$I25') FROM rejects" n.db)" \
	"3|1" "NUL byte: the row is stored verbatim, NUL included"
is "$(q "PRAGMA integrity_check" n.db)" ok "NUL byte: the database is intact"

# invalid UTF-8 inside a UTF-8 file: refused whole (never mojibake)
{
	good 1
	printf '2024/01/15 11:00:00,B\377社,%s\n' "$I25"
	echo "2024/01/15 12:00:00,C社,$I25"
} >badutf8.csv
run_status $INGEST --db u.db badutf8.csv
file_rejected u.db badutf8.csv \
	"line 3: not UTF-8, UTF-16 with BOM or CP932 \(byte 0xff at offset [0-9]+\)$" \
	"invalid UTF-8"
# ... and past the first 64 KiB, where the encoding was already decided
{ good 2000; printf '2024/01/15 11:00:00,B\377社,%s\n' "$I25"; } >lateutf8.csv
run_status $INGEST --db u.db lateutf8.csv
file_rejected u.db lateutf8.csv \
	"line 2002: invalid UTF-8 byte 0xff \(and not CP932 either\)$" \
	"invalid UTF-8 after 2,000 rows"

# control characters in a value are not replayed to the terminal, and a
# newline in one cannot forge a second message
{
	good 1
	printf '2024/01/15 11:00:00,B社,"\033[2J\033[31m実施中",%s\n' \
		"$(answers I | cut -d, -f2-)"
	printf '2024/01/15 12:00:00,C社,"実施中\ningest: all is well",%s\n' \
		"$(answers I | cut -d, -f2-)"
} >ctl.csv
run_status $INGEST --db c.db ctl.csv
is "$(sed -n '1,2p' "$T/err")" \
"ingest: ctl.csv:3: unrecognised answer '?[2J?[31m実施中' for Q1 (column 3)
ingest: ctl.csv:4: unrecognised answer '実施中?ingest: all is well' for Q1 (column 3)" \
	"control characters in values are shown as ?"
is "$(q "SELECT count(*) FROM rejects WHERE raw LIKE '%' || char(27) || '%'" c.db)" 1 \
	"... and stored as they were"

# an unbalanced quote at the end of the file rejects the last row
{ good 2; printf '2024/01/15 11:00:00,"B社,%s\n' "$I25"; } >quote.csv
run_status $INGEST --db qe.db quote.csv
is "$status" 3 "unbalanced quote at the end: exit 3"
like "$(cat "$T/err")" \
	"^ingest: quote.csv:4: quoted field not closed before the end of the file$" \
	"unbalanced quote at the end: the message names file and line"
is "$(q "SELECT count(*) FROM response; SELECT line FROM rejects" qe.db)" \
	"$(printf '2\n4')" "unbalanced quote at the end: the rows before it are imported"
is "$(q "PRAGMA integrity_check" qe.db)" ok \
	"unbalanced quote at the end: the database is intact"

# ... and in the middle of a 2 MB file it swallows the rest: refused whole
{ good 2; printf '2024/01/15 11:00:00,"B社,%s\n' "$I25"; good 20000 | sed 1d; } >qmid.csv
run_status $INGEST --db qm.db qmid.csv
file_rejected qm.db qmid.csv \
	"line 4: record longer than 1 MiB: a field too long for a survey, or a quote never closed$" \
	"unbalanced quote in the middle"
done_testing
