#!/bin/sh
# The measuring tools of make bench: tools/csvparse (the libcsv floor)
# counts records and fields as an RFC 4180 reader sees them, and
# tools/peakmem reports the child's time and peak memory and passes its
# exit status through, so the bench's table can be trusted.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"

CSVPARSE=$TOP/tools/csvparse
PEAKMEM=$TOP/tools/peakmem

# 4 records of 3 fields: a quoted comma, a quoted newline, doubled quotes,
# an empty field, and no newline after the last record
printf 'a,b,c\n"x,y",2,3\n"line\ntwo",,"say ""hi"""\n4,5,6' >f.csv
run_status "$CSVPARSE" f.csv
is "$status" 0 "csvparse: exit 0"
is "$(cat "$T/out")" "f.csv: 4 records, 12 fields" \
	"csvparse: quoted commas and newlines stay inside their field"

printf 'a,b\r\n1,2\r\n' >crlf.csv
run_status "$CSVPARSE" crlf.csv
is "$(cat "$T/out")" "crlf.csv: 2 records, 4 fields" "csvparse: CRLF ends"

run_status "$CSVPARSE" --split f.csv
is "$(cat "$T/out")" "f.csv: 4 records, 12 fields" \
	"csvparse --split: ingest's reader gives the same records"
printf 'a, b ,c\n' >spaces.csv
run_status "$CSVPARSE" spaces.csv
is "$(cat "$T/out")" "spaces.csv: 1 records, 3 fields" \
	"csvparse: libcsv with default options (no space hook)"
check "csvparse sets no per-byte hook on the floor" \
	sh -c "! grep -q csv_set_space_func '$TOP/tools/csvparse.c'"

run_status "$CSVPARSE" missing.csv
is "$status" 1 "csvparse: a missing file exits 1"
is "$(cat "$T/err")" \
	"csvparse: missing.csv: cannot open: No such file or directory" \
	"csvparse: says which file and why"

run_status "$PEAKMEM" -o fig sleep 0.3
is "$status" 0 "peakmem: exit 0 of the command"
like "$(cat fig)" '^[0-9]+\.[0-9]{3} [0-9]+ [0-9]+\.[0-9]{3} [0-9]+\.[0-9]{6}$' \
	"peakmem: seconds, KiB, cpu seconds, start"
check "peakmem: wall time of sleep 0.3 is 0.3 to 5 s" \
	awk '{ exit !($1 >= 0.3 && $1 < 5) }' fig

# a child that holds about 50 MB
run_status "$PEAKMEM" -o fig sh -c \
	'x=$(head -c 50000000 /dev/zero | tr "\0" a); echo ${#x}'
is "$(cat "$T/out")" 50000000 "peakmem: the child's output passes"
check "peakmem: peak RSS is the child's (>= 48 MiB)" \
	awk '{ exit !($2 >= 49152) }' fig

run_status "$PEAKMEM" -o fig sh -c 'exit 3'
is "$status" 3 "peakmem: passes the exit status through"
run_status "$PEAKMEM" -o fig sh -c 'kill -TERM $$'
is "$status" 143 "peakmem: a signal N gives 128+N"
run_status "$PEAKMEM" -o fig no-such-command-here
is "$status" 127 "peakmem: a command not found gives 127"

# -u went with the bench's fallback for a render without --portfolio
run_status "$PEAKMEM" -o fig -u 'portfolio:' true
is "$status" 2 "peakmem: -u is no longer an option"

done_testing
