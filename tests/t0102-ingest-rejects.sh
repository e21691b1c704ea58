#!/bin/sh
# Each reject reason with its exact line and column, including rows that
# follow multi-line quoted fields; rejected rows are kept verbatim and
# the good rows of the file are imported.
. "$(dirname "$0")/lib.sh"

A=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
B=$(answers IIIIIIIIIIIIIIIIIIIIIIIIP)
bad7=$(answers IIIIII-IIIIIIIIIIIIIIIIII | sed 's/,,/,実施中,/')
{
	echo "回答日時,法人番号,会社名,SECURITY ACTION,$(qcols)"	# 1
	echo "2024/01/15 10:00:00,,アルファ,★,$A"			# 2
	echo "2024/01/15 10:00:00,,\"株式会社"				# 3
	echo "エー\",★,$A"						# 4
	echo "2024/01/15 10:00:00,,ベータ,★,$bad7"			# 5
	echo ""								# 6
	echo ",,ガンマ,★,$A"						# 7
	echo "2024/01/15 10:00:00,,\"デルタ"				# 8
	echo ""								# 9
	echo "本社\",★,$(echo "$A" | sed 's/実施している$/たぶん/')"	# 10
	echo "2024/01/15 10:00:00,,,★,$A"				# 11
	echo "2024/13/45 10:00:00,,イプシロン,★,$A"			# 12
	echo "2024/01/15 10:00:00,,ゼータ,★,$A,extra"			# 13
	echo "2024/01/15 10:00:00,7000012050003,エータ,★,$A"		# 14
	echo "2024/01/15 10:00:00,,シータ,★★★,$A"			# 15
	echo "2024/01/15 10:00:00,,イオタ,★,$B"			# 16
	echo "2024/01/15 10:00:00,,カッパ,★"				# 17
} >r.csv

run_status $INGEST r.csv
is "$status" 3 "rows rejected: exit 3"
is "$(q "SELECT line, col, reason FROM rejects ORDER BY line")" \
"5|11|unrecognised answer '実施中' for Q7 (column 11)
7|1|blank submission time (column 1)
8|29|unrecognised answer 'たぶん' for Q25 (column 29)
11||no company: 法人番号, company id and company name are all blank
12|1|unparseable submission time '2024/13/45 10:00:00' (column 1): no such date
13||30 fields, the header has 29
14|2|invalid 法人番号 '7000012050003' (column 2): check digit is 7, expected 6
15|4|unrecognised star level '★★★' (column 4)
17||4 fields, the header has 29" "each reject has its line, column and reason"
is "$(q "SELECT company_name, source_line FROM responses ORDER BY source_line")" \
"アルファ|2
株式会社 エー|3
イオタ|16" "good rows are imported with their starting line"
is "$(q "SELECT raw FROM rejects WHERE line = 8")" \
"2024/01/15 10:00:00,,\"デルタ

本社\",★,$(echo "$A" | sed 's/実施している$/たぶん/')" \
	"a rejected multi-line row is kept verbatim"
is "$(q "SELECT status, rows_read, rows_new, rows_duplicate, rows_rejected
	FROM files")" "partial|12|3|0|9" \
	"rows_read = new + duplicate + rejected; status partial"
like "$(cat "$T/err")" "^ingest: r.csv:5: unrecognised answer '実施中' for Q7 \(column 11\)" \
	"the message names file, line and column"
like "$(cat "$T/err")" "^ingest: 1 files, 12 rows read, 3 new, 0 duplicate, 9 rejected rows, 0 rejected files, 0 skipped, [0-9.]+ s$" \
	"the summary line counts everything"
done_testing
