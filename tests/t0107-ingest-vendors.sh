#!/bin/sh
# Every vendor's export shape, read untouched (fixtures in tests/data/vendor
# follow each vendor's documented shape).  Every stored value of every row
# is checked: line, company key, time in UTC (input is JST unless zoned),
# answers (I P N U A), industry, size class, star level, department.
. "$(dirname "$0")/lib.sh"

V=$DATA/vendor
# vendor FILE DESC EXPECTED: import FILE alone, compare every stored row
vendor() {
	db=$(basename "$1" .csv).db
	run_status $INGEST --db "$db" "$V/$1"
	is "$status" 0 "$2: accepted"
	is "$(q "SELECT r.line, company_key, submitted_at, answers,
		industry_code, size_class, star_level, department
		FROM response r ORDER BY r.line" "$db")" "$3" \
		"$2: every stored value of every row"
}

vendor google-forms.csv "Google Forms CSV (午前/午後 GMT+9, AM UTC+3, retyped texts)" \
"2|name:株式会社アルファ|2024-01-07T10:41:40Z|IIIIIIIIIIIIIIIIIIIIIIIII|G|6-20|two|総務部
3|name:株式会社ベータ|2024-01-07T07:09:52Z|PPPPPNNNNNNNNNNNNNNNNNNNN|D|6-20|one|
4|name:有限会社ガンマ|2024-01-07T15:05:00Z|UUUUUAAAAAIIIIIIIIIIIIIII|M|301+|none|"

vendor google-sheet.csv "Google Sheet CSV (24-hour, CRLF, no final newline)" \
"2|name:株式会社アルファ|2024-01-07T10:41:41Z|IIIIIIIIIIIIIIIIIIIIIIIII|G|6-20|two|総務部
3|name:株式会社アルファ|2024-01-08T00:00:00Z|IIIIIPPPPPIIIIIPPPPPIIIII|G|6-20|two|営業部"

MS="2|corp:7000012050002|2024-01-15T01:23:00Z|IIIIIPPPPPIIIIIPPPPPIIIII|E|101-300|one|
3|corp:1180301018771|2024-01-16T00:05:00Z|PPPPPNNNNNNNNNNNNNNNNNNNN|K|1-5|two|"
vendor msforms-cp932.csv "Microsoft Forms via Excel CSV (CP932; 完了時刻, ID ignored)" "$MS"
vendor msforms-utf8.csv "Microsoft Forms via Excel CSV UTF-8 (BOM)" "$MS"
is "$(q "SELECT company_name FROM responses ORDER BY source_line" msforms-cp932.db)" \
"髙橋工業株式会社
株式会社デルタ" "CP932-only characters decoded (髙)"

vendor surveymonkey.csv "SurveyMonkey (two header rows, End Date MM/DD/YYYY AM/PM)" \
"3|name:株式会社イプシロン|2024-01-15T01:23:45Z|IIIIIIIIIIIIIIIIIIIIIIIII|P|21-50|one|
4|name:ゼータ合同会社|2024-01-15T04:10:09Z|UUUUUAAAAAIIIIIIIIIIIIIII|O|51-100|unknown|"

vendor qualtrics.csv "Qualtrics (codes, texts, ImportId rows)" \
"4|name:株式会社エータ|2024-01-15T01:23:45Z|IIIIIPPPPPIIIIIPPPPPIIIII|G|6-20|unknown|
5|name:株式会社シータ|2024-01-15T23:04:59Z|PPPPPNNNNNNNNNNNNNNNNNNNN|I|301+|unknown|"

vendor limesurvey-code.csv "LimeSurvey code headings (quoted, BOM, CRLF, empty last line)" \
"2|name:株式会社イオタ|2024-01-15T01:23:45Z|IIIIIIIIIIIIIIIIIIIIIIIII|J|unknown|unknown|
3|name:株式会社カッパ|2024-01-15T02:00:00Z|IIIIIPPPPPIIIIIPPPPPIIIII|M|unknown|unknown|"

vendor limesurvey-text.csv "LimeSurvey full-text headings" \
"2|name:株式会社ラムダ|2024-01-17T07:45:00Z|UUUUUAAAAAIIIIIIIIIIIIIII|L|unknown|unknown|"

is "$(q "SELECT rows_read, rows_new FROM files" qualtrics.db)" "2|2" \
	"descriptor rows are not counted as rows"

# all shapes in one directory: the Excel UTF-8 copy repeats the CP932 rows
run_status $INGEST --db all.db "$V"
is "$status" 0 "the whole directory is accepted"
is "$(q "SELECT sum(rows_read), sum(rows_new), sum(rows_duplicate) FROM files" all.db)" \
	"16|14|2" "the same Microsoft Forms rows in two encodings are duplicates"

# an unknown shape fails with a message that points to --inspect and --map
{
	echo "日付,会社,$(qcols '項目%d')"
	echo "2024/01/15,アルファ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >odd.csv
run_status $INGEST --db odd.db odd.csv
is "$status" 3 "an unknown shape is rejected: exit 3"
like "$(cat "$T/err")" "odd.csv: rejected: no header row with all 25 questions in the first 10 rows; no question column recognised; see ingest --inspect and --map" \
	"the message names what is missing and points to --inspect and --map"
printf '日付\ttime\n会社\tcompany_name\n' >map.tsv
i=1
while [ $i -le 25 ]; do
	printf '項目%d\tQ%d\n' $i $i >>map.tsv
	i=$((i + 1))
done
run_status $INGEST --db odd.db --map map.tsv odd.csv
is "$status" 0 "with --map the same file imports"
is "$(q "SELECT company_key, submitted_at, total_score FROM responses" odd.db)" \
	"name:アルファ|2024-01-14T15:00:00Z|100" "mapped columns carry the values"
printf 'x\tQ99\n' >bad.tsv
run_status $INGEST --db odd.db --map bad.tsv odd.csv
is "$status" 2 "a --map with an unknown field: exit 2"
like "$(cat "$T/err")" "bad.tsv:1: unknown field 'Q99'" "naming file and line"
done_testing
