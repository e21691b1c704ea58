#!/bin/sh
# Files that are rejected whole, with their reason: a truncated gzip, a
# file in no supported encoding, invalid UTF-8 after a valid start, a
# header missing questions, an empty file, an unreadable file.  Nothing
# of them is imported.
. "$(dirname "$0")/lib.sh"

good() {
	echo "回答日時,会社名,$(qcols)"
	i=0
	while [ $i -lt "${1:-1}" ]; do
		i=$((i + 1))
		echo "2024/01/15 10:00:00,会社$i,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
	done
}

good 3000 | gzip >full.csv.gz
size=$(wc -c <full.csv.gz)
head -c $((size / 2)) full.csv.gz >trunc.csv.gz
printf 'a,b\n\377\376\375,x\n' | sed 's/^/ /' >binary.csv
{ good 2000; printf '2024/01/15 10:00:00,\377bad,%s\n' "$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"; } >late.csv
{ echo "回答日時,会社名,$(qcols | sed 's/,Q17,/,/; s/,Q3,/,/')"; } >missing.csv
: >empty.csv
good 1 >secret.csv
chmod 000 secret.csv

run_status $INGEST trunc.csv.gz
is "$status" 3 "truncated gzip: exit 3"
like "$(cat "$T/err")" "^ingest: trunc.csv.gz: rejected: (line [0-9]+: )?truncated gzip stream" \
	"truncated gzip is named as such"
is "$(q "SELECT status FROM files WHERE path = 'trunc.csv.gz'")" rejected \
	"the truncated file is recorded as rejected"
is "$(q "SELECT count(*) FROM responses")" 0 "nothing of it is imported"

run_status $INGEST binary.csv
is "$status" 3 "no supported encoding: exit 3"
like "$(q "SELECT reason FROM files WHERE path = 'binary.csv'")" \
	"not UTF-8, UTF-16 with BOM or CP932" "the reason says which encodings were tried"

run_status $INGEST late.csv
is "$(q "SELECT status FROM files WHERE path = 'late.csv'")" rejected \
	"a byte invalid in UTF-8 and CP932 after 2,000 good rows rejects the file"
like "$(q "SELECT reason FROM files WHERE path = 'late.csv'")" \
	"^line 2002: invalid UTF-8 byte 0xff \(and not CP932 either\)$" \
	"the reason gives the line of the bad byte"
is "$(q "SELECT count(*) FROM responses")" 0 "none of its good rows is imported"

run_status $INGEST missing.csv
is "$status" 3 "a header missing questions: exit 3"
like "$(q "SELECT reason FROM files WHERE path = 'missing.csv'")" \
	"line 1 comes closest: missing Q3, Q17; see ingest --inspect and --map$" \
	"the reason names the missing questions and points to --inspect and --map"

run_status $INGEST empty.csv
is "$(q "SELECT status, reason FROM files WHERE path = 'empty.csv'")" \
	"rejected|empty file" "an empty file is rejected"

if [ "$(id -u)" -ne 0 ]; then
	run_status $INGEST secret.csv
	like "$(q "SELECT reason FROM files WHERE path = 'secret.csv'")" \
		"cannot open: Permission denied" "an unreadable file is rejected with the reason"
fi

run_status $INGEST full.csv.gz
is "$status" 0 "the whole gzip file imports"
is "$(q "SELECT count(*) FROM responses")" 3000 "all of its rows"
is "$(q "PRAGMA integrity_check")" ok "the database is intact"
done_testing
