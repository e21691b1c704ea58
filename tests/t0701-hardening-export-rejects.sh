#!/bin/sh
# ingest --export-rejects FILE: the rejected rows as CSV for Excel, UTF-8
# with a BOM and CRLF, RFC 4180 quoting, formula cells neutralised, the
# file created 0600 and never written through a symbolic link.
. "$(dirname "$0")/lib.sh"
need python3

I25=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
{
	echo "会社名,回答日時,$(qcols)"
	echo "=HYPERLINK(evil),2024/01/15 10:00:00,実施中,$(answers I | cut -d, -f2-)"
	echo "アルファ,2024/01/15 10:00:00,$I25"
	echo "\"ベータ \"\"B\"\"\",,$I25"
} >in.csv

run_status $INGEST --db s.db in.csv --export-rejects out.csv
is "$status" 3 "import then export: the import's status 3"
like "$(cat "$T/err")" "^ingest: out.csv: 2 rejected rows written$" \
	"it says how many rows it wrote"

# what Excel must be given, byte for byte
{
	printf '\357\273\277file,line,column,reason,raw\r\n'
	printf '%s\r\n' "in.csv,2,3,unrecognised answer '実施中' for Q1 (column 3),\"'=HYPERLINK(evil),2024/01/15 10:00:00,実施中,$(answers I | cut -d, -f2-)\""
	printf '%s\r\n' "in.csv,4,2,blank submission time (column 2),\"\"\"ベータ \"\"\"\"B\"\"\"\"\"\",,$I25\""
} >want.csv
check "the CSV is BOM, CRLF, quoted, and the formula row starts with '" \
	cmp out.csv want.csv

got=$(python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print(len(rows), [len(r) for r in rows], rows[1][4][:17], rows[2][4][:11])' out.csv)
is "$got" "3 [5, 5, 5] '=HYPERLINK(evil) \"ベータ \"\"B\"\"\"" \
	"an Excel-dialect reader gets 3 rows of 5 cells and the raw text back"

is "$(stat -c %a out.csv)" 600 "the export is created 0600"

echo keep >victim
ln -s victim link.csv
run_status $INGEST --db s.db --export-rejects link.csv
is "$status" 0 "export alone: exit 0"
check "a symbolic link planted at FILE is replaced, not followed" \
	test ! -L link.csv -a "$(cat victim)" = keep
check "the link's replacement is the export" cmp link.csv want.csv

{ echo "会社名,回答日時,$(qcols)"; echo "ガンマ,2024/01/16 10:00:00,$I25"; } >good.csv
run_status $INGEST --db clean.db good.csv --export-rejects none.csv
is "$status" 0 "no rejects: exit 0"
is "$(cat none.csv)" "$(printf '\357\273\277file,line,column,reason,raw\r')" \
	"no rejects: the header row only"

run_status $INGEST --db s.db --dry-run in.csv --export-rejects y.csv
is "$status" 2 "--dry-run writes nothing, so not with --export-rejects: exit 2"
check "--dry-run: no export" test ! -e y.csv

run_status $INGEST --db missing.db --export-rejects x.csv
is "$status" 1 "no database: exit 1"
like "$(cat "$T/err")" "^ingest: 'missing.db': no database here" \
	"no database: it says so"
check "no database: no file is left" test ! -e x.csv -a ! -e missing.db

run_status $INGEST --db s.db --export-rejects nodir/x.csv
is "$status" 1 "a folder that does not exist: exit 1"
like "$(cat "$T/err")" "^ingest: 'nodir/x.csv.[A-Za-z0-9]{6}': cannot create: No such file" \
	"a folder that does not exist: the reason"
done_testing
