#!/bin/sh
# aggregate --export-csv: the run's tables for Excel (BOM, CRLF, Japanese
# headers), formula-looking company values neutralised, suppressed groups
# hidden, private permissions.
# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
# shellcheck source=tests/data/aggregate-fill.sh
. "$TOP/tests/data/aggregate-fill.sh"
newdb t.db

resp corp:1 '' 2024-03-01T00:00:00Z D 6-20 one 25I '=HYPERLINK("http://x")'
resp corp:2 '' 2024-03-01T00:00:00Z D 6-20 one 20I5N '-1+1'
resp corp:3 '' 2024-03-01T00:00:00Z D 6-20 one 15I10N '株式会社,カンマ'
resp corp:4 '' 2024-03-01T00:00:00Z D 6-20 one 15I10N '@SUM(A1)'
resp corp:5 '' 2024-03-01T00:00:00Z D 6-20 one 10I15N '-1.5'
resp corp:6 '' 2024-03-01T00:00:00Z G 1-5 two 24I1-
fill t.db

umask 022
run_status $AGGREGATE -q --db t.db --as-of 2024-03-31 --export-csv csv
is "$status" 0 "aggregate --export-csv exits 0"
is "$(stat -c %a csv)" 700 "the folder is created 0700"
is "$(cd csv && printf '%s ' *)" "companies-2024-03-31.csv \
groups-2024-03-31.csv questions-2024-03-31.csv " \
	"three files named by as-of, no temporary left"
is "$(stat -c %a csv/groups-2024-03-31.csv)" 600 "files are 0600"
for f in companies groups questions; do
	is "$(head -c 3 csv/$f-2024-03-31.csv | od -An -tx1 | tr -d ' ')" \
		efbbbf "$f: UTF-8 BOM"
	f=csv/$f-2024-03-31.csv
	is "$(tr -cd '\n' <"$f" | wc -c)" "$(tr -cd '\r' <"$f" | wc -c)" \
		"${f#csv/}: CRLF line ends"
done

g=$(tr -d '\r' <csv/groups-2024-03-31.csv | sed '1s/^\xef\xbb\xbf//')
like "$(printf '%s\n' "$g" | head -1)" \
	'^業種,業種名,規模,★,社数,未回答ありの社数,平均点,標準偏差,中央値,' \
	"groups: Japanese headers"
# D / 6-20 / one: 100 80 60 60 40, mean 68, median 60, p25 60, p75 80
like "$g" \
	'^D,[^,]*,6〜20人,[^,]+,5,0,68\.00,[0-9.]+,60\.00,60\.00,80\.00,40,100,1,1,2,1,' \
	"groups: a group's figures, size written as 6〜20人"
like "$g" '^全体,全業種,全体,全体,5,1,68\.00,' \
	"groups: the whole population, corp:6 incomplete"
like "$g" '^G,[^,]*,1〜5人,[^,]+,n<5$' \
	"groups: a suppressed group shows n<5 and nothing else"
qs=$(tr -d '\r' <csv/questions-2024-03-31.csv | sed '1s/^\xef\xbb\xbf//')
is "$(printf '%s\n' "$qs" | wc -l)" $((1 + 25 * 15)) \
	"questions: a header and 25 rows for each of 15 groups"
like "$qs" '^D,[^,]*,6〜20人,[^,]+,1,[^,]+,5,5,0,0,0,0,100\.0,4\.00,' \
	"questions: counts and rate in percent"

c=$(tr -d '\r' <csv/companies-2024-03-31.csv | sed '1s/^\xef\xbb\xbf//')
like "$c" '^corp:1,"'"'"'=HYPERLINK\(""http://x""\)",' \
	"a formula company name is neutralised and quoted"
like "$c" "^corp:2,'-1\\+1," "a name starting with - is neutralised"
like "$c" '^corp:3,"株式会社,カンマ",' "a comma is quoted"
like "$c" "^corp:4,'@SUM" "a name starting with @ is neutralised"
like "$c" '^corp:5,-1\.5,' "a plain number stays a number"
like "$c" \
	'^corp:1,[^,]*,,D,[^,]*,6〜20人,[^,]*,2024-03-01,1,はい,100,100点,実施している,' \
	"a company row: date in JST, total, band, answers"
like "$c" '^corp:6,.*,いいえ,,,' "an incomplete company has no total"

# a file where the folder should be: 1, and the run is not stored
touch notadir
run_status $AGGREGATE -q --db t.db --as-of 2024-04-01 --export-csv notadir
is "$status" 1 "an export folder that cannot be made: 1"
is "$(q "SELECT count(*) FROM runs WHERE as_of = '2024-04-01'" t.db)" 0 \
	"nothing committed when the export cannot start"
done_testing
