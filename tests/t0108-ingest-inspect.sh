#!/bin/sh
# ingest --inspect gives rows exactly as an RFC 4180 reader must: the
# public csv-spectrum suite, then our own table of edge cases (line
# numbers, CR line ends, semicolons, tabs, quotes, empty fields).
. "$(dirname "$0")/lib.sh"
need jq

# the spectrum is the conformance suite in ../shared, beside the project,
# not in a clone of it: without it, those checks are skipped, not our
# own table below
SPECTRUM=$SHARED/conformance/csv-spectrum
if [ ! -d "$SPECTRUM" ]; then
	skip "csv-spectrum: no ../shared/conformance beside the project"
else
	for csv in "$SPECTRUM"/csvs/*.csv; do
		name=$(basename "$csv" .csv)
		$INGEST --inspect "$csv" --rows 1000 >out.txt 2>err.txt || true
		grep '^{"line"' out.txt >rows.txt || true
		header=$(head -n 1 rows.txt | jq -c '.fields')
		got=$(tail -n +2 rows.txt | jq -c '.fields')
		# one file's JSON is a lone object, not an array of them
		want=$(jq -c --argjson h "$header" \
		       'if type == "array" then .[] else . end | [.[$h[]]]' \
		       "$SPECTRUM/json/$name.json")
		if [ "$name" = location_coordinates ]; then
			# upstream's JSON gives another phone number than
			# its CSV (a known defect of csv-spectrum); compare
			# the rest
			got=$(printf '%s\n' "$got" | jq -c '.[1:]')
			want=$(printf '%s\n' "$want" | jq -c '.[1:]')
		fi
		is "$got" "$want" "csv-spectrum $name"
	done
fi

# inspect_rows TEXT: the JSON lines --inspect prints for TEXT
inspect_rows() {
	printf '%b' "$1" >edge.csv
	$INGEST --inspect edge.csv --rows 100 | grep '^{"line"'
}
is "$(inspect_rows 'a,b\r\n"x\r\ny",2\r\n\r\nz,3\r\n')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":["x\r\ny","2"]}
{"line":5,"fields":["z","3"]}' "CRLF inside quotes counts one line; blank lines skipped"
is "$(inspect_rows 'a,b\r1,2\r3,4')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":["1","2"]}
{"line":3,"fields":["3","4"]}' "CR line ends, no final line end"
is "$(inspect_rows 'a;b;c\n1;"x;y";\n')" \
'{"line":1,"fields":["a","b","c"]}
{"line":2,"fields":["1","x;y",""]}' "semicolons sniffed; a quoted semicolon; an empty last field"
is "$(inspect_rows 'a\tb\n" 1 "\t\n')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":[" 1 ",""]}' "tabs sniffed; spaces inside quotes kept"
is "$(inspect_rows 'a,b\n"say ""hi""",""\n')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":["say \"hi\"",""]}' "doubled quotes; a quoted empty field"
is "$(inspect_rows '\357\273\277a,b\n1,2\n')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":["1","2"]}' "a BOM is not a line and not part of the first field"
is "$(inspect_rows 'a,b\n1,"open\n')" \
'{"line":1,"fields":["a","b"]}
{"line":2,"fields":["1","open\n"]}' "an unclosed quote at the end of the file runs to the end"
is "$(inspect_rows 'a,b\n1,2\n' | head -n 1)" '{"line":1,"fields":["a","b"]}' \
	"--rows counts records"

printf 'a,b\nx,y\n' >small.csv
$INGEST --inspect small.csv >out.txt || true
like "$(cat out.txt)" "^encoding: UTF-8 \(guessed\)" "inspect names the encoding"
like "$(cat out.txt)" "^delimiter: comma" "and the delimiter"
like "$(cat out.txt)" "^header: not found: .*no question column recognised" "and why no header was found"
unlike "$(cat out.txt)" '^\{"line"' "rows only with --rows"
check "inspect writes no database" test ! -e shindan.db

{
	echo "SurveyTitle"
	echo "回答日時,会社名,備考,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} | gzip >title.csv.gz
$INGEST --inspect title.csv.gz >out.txt || true
like "$(cat out.txt)" "^compression: gzip" "gzip is reported"
like "$(cat out.txt)" "^header: line 2" "a title row above the header is passed over"
like "$(cat out.txt)" "^column 1: time" "the time column is named"
like "$(cat out.txt)" "^column 3: ignored" "an unknown column is shown as ignored"
like "$(cat out.txt)" "^column 28: Q25" "question columns are named"
done_testing
