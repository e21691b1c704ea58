#!/bin/sh
# Workbooks (.xlsx) read in place, written here part by part so that each
# thing the reader must handle is in them: shared strings with rich-text
# runs and phonetic guides, inline strings, numbers, booleans, formulas'
# cached values, error cells, sparse rows and cells, dates under built-in
# and custom formats in the 1900 system (with its 1900-02-29) and the
# 1904 system, several sheets, a merged title row above the header.
# Every stored value of every row is checked, and every reject's
# location (回答!L9) and raw text.
. "$(dirname "$0")/lib.sh"

BOOK=$T/book
mkdir -p "$BOOK/xl/worksheets"
cat >"$BOOK/xl/sharedStrings.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="13" uniqueCount="13"><si><t>実施している</t></si><si><t>一部実施している</t></si><si><t>実施していない</t></si><si><t>わからない</t></si><si><t>該当しない</t></si><si><t>完了時刻</t></si><si><t>会社名</t></si><si><t>業種</t></si><si><t>従業員数</t></si><si><r><t>株式会社</t></r><r><rPr><b/></rPr><t xml:space="preserve">アルファ </t></r><rPh sb="0" eb="4"><t>カブシキガイシャ</t></rPh><phoneticPr fontId="1"/></si><si><t>自社診断　回答一覧</t></si><si><t>実施中</t></si><si><t>メール配信_x005F_希望</t></si></sst>
XML
cat >"$BOOK/xl/styles.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00&quot;点&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/></cellXfs></styleSheet>
XML
# the cover sheet, no questions on it
sheet_xml '<row r="2"><c r="B2" t="inlineStr"><is><t>情報セキュリティ自社診断</t></is></c></row>' \
	>"$BOOK/xl/worksheets/sheet1.xml"
# the answers: title (merged) in row 1, blank row 2, header in row 3
{
	printf '%s\n' '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
	printf '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:AD11"/><sheetData>'
	printf '<row r="1"><c r="A1" t="s"><v>10</v></c></row><row r="2"/>'
	printf '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c><c r="D3" t="s"><v>8</v></c><c r="E3" t="s"><v>12</v></c>%s</row>\n' "$(qcells 3 6)"
	# row 4: a time under m/d/yy h:mm, rich text, an inline rich string,
	# a number, a boolean, a formula's cached text, an answer as number 4
	printf '<row r="4"><c r="A4" s="1"><v>45306.433333333334</v></c><c r="B4" t="s"><v>9</v></c><c r="C4" t="inlineStr"><is><r><t>建</t></r><r><t>設</t></r><rPh sb="0" eb="2"><t>ケンセツ</t></rPh></is></c><c r="D4"><v>15</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="str"><f>"実施"&amp;"している"</f><v>実施している</v></c><c r="G4" s="4"><v>4</v></c>%s</row>\n' \
		"$(acells 4 8 IPNIIIIIIIIIIIIIIIIIIII)"
	# rows 5 and 6 absent; row 7: a date under a custom 年月日 format,
	# cells missing inside (Q3) and at the end (Q25), no employees
	printf '<row r="7"><c r="A7" s="2"><v>45307</v></c><c r="B7" t="inlineStr"><is><t>有限会社ベータ</t></is></c><c r="C7" t="inlineStr"><is><t>情報通信業</t></is></c>%s</row>\n' \
		"$(acells 7 6 UU-UUAAAAAIIIIIIIIIIIIII-)"
	# row 8: serial 60, the 1900-02-29 that Excel has and the calendar not
	printf '<row r="8"><c r="A8" s="1"><v>60</v></c><c r="B8" t="inlineStr"><is><t>ガンマ</t></is></c>%s</row>\n' \
		"$(acells 8 6 IIIIIIIIIIIIIIIIIIIIIIIII)"
	# row 9: Q7 (column L) answered 実施中
	printf '<row r="9"><c r="A9" s="3"><v>45308.5</v></c><c r="B9" t="inlineStr"><is><t>デルタ</t></is></c>%s<c r="L9" t="s"><v>11</v></c>%s</row>\n' \
		"$(acells 9 6 IIIIII)" "$(acells 9 13 IIIIIIIIIIIIIIIIII)"
	# row 10: white space only, a blank row
	printf '<row r="10"><c r="B10" t="inlineStr"><is><t xml:space="preserve">  </t></is></c></row>'
	# row 11: an ISO date cell (t="d"), an error cell in an ignored column
	printf '<row r="11"><c r="A11" t="d"><v>2024-01-18T09:00:00</v></c><c r="B11" t="inlineStr"><is><t>イプシロン</t></is></c><c r="E11" t="e"><v>#N/A</v></c>%s</row>\n' \
		"$(acells 11 6 NNNNNNNNNNNNNNNNNNNNNNNNN)"
	printf '</sheetData><mergeCells count="1"><mergeCell ref="A1:AD1"/></mergeCells></worksheet>\n'
} >"$BOOK/xl/worksheets/sheet2.xml"
workbook_xml '' 表紙 回答
mkbook book.xlsx "$BOOK"

run_status $INGEST --db b.db book.xlsx
is "$status" 3 "a workbook with two bad rows: exit 3"
is "$(q "SELECT r.line, company_key, submitted_at, answers, industry_code,
	size_class, star_level, department FROM response r ORDER BY r.line" b.db)" \
"4|name:株式会社アルファ|2024-01-15T01:24:00Z|IIIPNIIIIIIIIIIIIIIIIIIII|D|6-20|unknown|
7|name:有限会社ベータ|2024-01-15T15:00:00Z|UU-UUAAAAAIIIIIIIIIIIIII-|G|unknown|unknown|
11|name:イプシロン|2024-01-18T00:00:00Z|NNNNNNNNNNNNNNNNNNNNNNNNN|unknown|unknown|unknown|" \
	"every stored value of every row: rich text without its phonetic guide, formulas' values, sparse cells, both date formats, ISO dates"
is "$(q "SELECT line, reason FROM rejects ORDER BY line" b.db)" \
"8|回答!A8: unparseable submission time '1900/02/29' (column 1): no such date
9|回答!L9: unrecognised answer '実施中' for Q7 (column 12)" \
	"rejects name the sheet and the cell a person finds in Excel"
like "$(q "SELECT raw FROM rejects WHERE line = 9" b.db)" \
	'^2024/01/17 12:00:00,デルタ,,,,実施している,実施している,.*,実施している,実施中,実施している' \
	"a reject's raw text is its row's cells as CSV"
is "$(q "SELECT path, encoding, header_line, status, rows_read, rows_new,
	rows_duplicate, rows_rejected, bytes = $(wc -c <book.xlsx)
	FROM files" b.db)" "book.xlsx|xlsx|3|partial|5|3|0|2|1" \
	"the file row: header at row 3, blank row not counted"
like "$(cat "$T/err")" "book.xlsx:9: 回答!L9: unrecognised answer" \
	"the warning names file, row and cell"

# --export-rejects carries the location too
run_status $INGEST --db b.db --export-rejects rej.csv
is "$status" 0 "--export-rejects: exit 0"
like "$(cat rej.csv)" "book.xlsx,9,.*回答!L9: unrecognised answer" \
	"--export-rejects: the cell is in the reason"

# --inspect: sheets, the one read, header row, values as read
run_status $INGEST --inspect book.xlsx --rows 8
is "$status" 0 "--inspect of a workbook: exit 0"
like "$(cat "$T/out")" "^sheet 1: 表紙$" "--inspect lists the sheets"
like "$(cat "$T/out")" "^reading: sheet '回答'$" \
	"--inspect names the sheet with the questions"
like "$(cat "$T/out")" "^header: row 3$" "--inspect: header row"
like "$(cat "$T/out")" "^column 5: ignored 'メール配信_希望'$" "--inspect: columns"
like "$(cat "$T/out")" '^\{"sheet":"回答","line":4,"fields":\["2024/01/15 10:24:00","株式会社アルファ ","建設","15","TRUE","実施している","4",' \
	"--inspect rows: date, rich text, inline rich text, number, boolean, formula, number"
like "$(cat "$T/out")" '^\{"sheet":"回答","line":3,"fields":\[.*"メール配信_希望"' \
	"--inspect rows: _xHHHH_ escapes decoded"
like "$(cat "$T/out")" '"line":11,"fields":\["2024-01-18T09:00:00","イプシロン","","","#N/A",' \
	"--inspect rows: ISO date cell and error cell as written"
like "$(cat "$T/out")" '"line":7,"fields":\["2024/01/16","有限会社ベータ","情報通信業","","","わからない","わからない","",' \
	"--inspect rows: gaps are empty fields"

# --sheet
run_status $INGEST --db s1.db --sheet 1 book.xlsx
is "$status" 3 "--sheet 1 (the cover): exit 3"
like "$(cat "$T/err")" "book.xlsx: rejected: sheet '表紙': no header row with all 25 questions" \
	"--sheet 1: says the sheet has no header"
run_status $INGEST --db s2.db --sheet 回答 book.xlsx
is "$(q "SELECT count(*) FROM response" s2.db)" 3 "--sheet NAME reads that sheet"
run_status $INGEST --db s3.db --sheet 3 book.xlsx
like "$(cat "$T/err")" "rejected: --sheet '3': no such sheet \(the workbook has '表紙', '回答'\)" \
	"--sheet of a sheet that is not there lists the sheets"

# the same workbook again: skipped by its SHA-256
run_status $INGEST --db b.db book.xlsx
is "$(q "SELECT status FROM files ORDER BY file_id DESC LIMIT 1" b.db)" skipped \
	"the same workbook again is skipped"
# the same rows in a workbook whose bytes differ: duplicates
cp -r "$BOOK" book2
printf '<!-- saved again -->\n' >>book2/xl/styles.xml
mkbook book2.xlsx book2
run_status $INGEST --db b.db book2.xlsx
is "$(q "SELECT rows_new, rows_duplicate, rows_rejected FROM files ORDER BY file_id DESC LIMIT 1" b.db)" \
	"0|3|2" "the same rows in another workbook are duplicates"

# dates: the 1900 system's leap-year bug and the 1904 system
dates() {
	BOOK=$T/$1
	mkdir -p "$BOOK/xl/worksheets"
	cp "$T/book/xl/styles.xml" "$T/book/xl/sharedStrings.xml" "$BOOK/xl/"
	rows="<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>回答日時</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>企業ID</t></is></c>$(qcells 1 3)</row>"
	r=1
	for v in $2; do
		r=$((r + 1))
		rows="$rows<row r=\"$r\"><c r=\"A$r\" s=\"1\"><v>$v</v></c><c r=\"B$r\"><v>$r</v></c>$(acells $r 3 IIIIIIIIIIIIIIIIIIIIIIIII)</row>"
	done
	sheet_xml "$rows" >"$BOOK/xl/worksheets/sheet1.xml"
	workbook_xml "${3:-}" Sheet1
	mkbook "$1.xlsx" "$BOOK"
	$INGEST --inspect "$1.xlsx" --rows 9 | sed -n 's/^{"sheet":"Sheet1","line":[0-9]*,"fields":\["\([^"]*\)".*/\1/p' | sed 1d
}
is "$(dates d1900 '1 59 60 61 0.75 45306.999999')" \
"1900/01/01
1900/02/28
1900/02/29
1900/03/01
18:00:00
2024/01/16 00:00:00" "1900 system: serial 60 is 1900/02/29, later serials one day on; times round to the second"
is "$(dates d1904 '0 1 43844.433333333334' '<workbookPr date1904="1"/>')" \
"1904/01/01
1904/01/02
2024/01/15 10:24:00" "1904 system: serial 0 is 1904/01/01"
run_status $INGEST --db d.db d1904.xlsx
is "$(q "SELECT line, submitted_at FROM response ORDER BY line" d.db)" \
"2|1903-12-31T15:00:00Z
3|1904-01-01T15:00:00Z
4|2024-01-15T01:24:00Z" "1904 system: times stored as JST"

# the same rows as CSV and as a workbook (shared or inline strings,
# numbers as numbers or text) store the same values
{
	echo "ID,開始時刻,完了時刻,メール,名前,会社名,業種,従業員数,$(qcols)"
	i=0
	for codes in IIIIIIIIIIIIIIIIIIIIIIIII PPPPPNNNNNNNNNNNNNNNNNNNN \
	    UUUUUAAAAAIIIIIIIIIIIIIII IPNUAIPNUAIPNUAIPNUAIPNUA \
	    IIIII-IIIIIIIIIIIIIIIIIII; do
		i=$((i + 1))
		echo "$i,2024/1/$i 9:00,2024/1/$i 9:1$i,u$i@example.jp,担当$i,\"株式会社 ゼータ$i\",建設,$((i * 7)),$(answers $codes)"
	done
} >same.csv
$INGEST -q --db csv.db same.csv || true
for flags in -s -n -sn ''; do
	$CSV2XLSX $flags same.csv "same$flags.xlsx"
	$INGEST -q --db "x$flags.db" "same$flags.xlsx" || true
	is "$(dump "x$flags.db" | grep -v '^same')" "$(dump csv.db | grep -v '^same')" \
		"csv2xlsx ${flags:-(inline)}: the workbook stores what the CSV stores"
done

# many shared strings: past SHINDAN_STRINGS_MEMORY they are read back
# from a temporary file, and the workbook still stores what the CSV does
{
	echo "ID,開始時刻,完了時刻,メール,名前,会社名,業種,従業員数,$(qcols)"
	i=0
	while [ $i -lt 300 ]; do
		i=$((i + 1))
		echo "$i,2024/2/1 9:00,2024/2/1 9:30,u$i@example.jp,担当者$i,株式会社ゼータ商事$i,建設,$i,$(answers IPNUAIPNUAIPNUAIPNUAIPNUA)"
	done
} >many.csv
$INGEST -q --db many-csv.db many.csv || true
$CSV2XLSX -s many.csv many.xlsx
mkdir spill
SHINDAN_STRINGS_MEMORY=1024 TMPDIR=$PWD/spill run_status $INGEST --db many-x.db many.xlsx
is "$status" 0 "900 shared strings, 1 KiB of them in memory: exit 0"
is "$(dump many-x.db | grep -v '^many')" "$(dump many-csv.db | grep -v '^many')" \
	"every value as the CSV stores it (the last company: $(q "SELECT company_name FROM response WHERE line = 301" many-x.db))"
is "$(find spill -type f | wc -l | tr -d ' ')" 0 "the temporary file is gone"

# magic bytes, not names: a CSV called .xlsx, a workbook called .csv
cp same.csv really-csv.xlsx
cp same-s.xlsx really-xlsx.csv
run_status $INGEST --db m.db really-csv.xlsx really-xlsx.csv
is "$status" 0 "a CSV named .xlsx and a workbook named .csv: exit 0"
is "$(q "SELECT path, encoding, rows_new, rows_duplicate FROM files ORDER BY file_id" m.db)" \
"really-csv.xlsx|UTF-8|5|0
really-xlsx.csv|xlsx|0|5" "each is read as what its bytes are"

# the directory walk picks up *.xlsx
mkdir dir
cp book.xlsx dir/a.xlsx
run_status $INGEST --db dir.db dir
is "$(q "SELECT path FROM files" dir.db)" "dir/a.xlsx" "a directory walk takes *.xlsx"

# committed real-shaped workbooks (written by csv2xlsx from the vendor CSV)
run_status $INGEST --db ms.db "$DATA/xlsx/msforms.xlsx"
is "$status" 0 "Microsoft Forms workbook: accepted"
is "$(q "SELECT r.line, company_key, submitted_at, answers, industry_code,
	size_class, star_level FROM response r ORDER BY r.line" ms.db)" \
"2|corp:7000012050002|2024-01-15T01:23:00Z|IIIIIPPPPPIIIIIPPPPPIIIII|E|101-300|one
3|corp:1180301018771|2024-01-16T00:05:00Z|PPPPPNNNNNNNNNNNNNNNNNNNN|K|1-5|two" \
	"Microsoft Forms workbook: every stored value of every row"
run_status $INGEST --db gs.db "$DATA/xlsx/google-sheet.xlsx"
is "$status" 0 "Google Sheet downloaded as .xlsx: accepted"
is "$(q "SELECT r.line, company_key, submitted_at, answers, industry_code,
	size_class, star_level, department FROM response r ORDER BY r.line" gs.db)" \
"2|name:株式会社アルファ|2024-01-07T10:41:41Z|IIIIIIIIIIIIIIIIIIIIIIIII|G|6-20|two|総務部
3|name:株式会社アルファ|2024-01-08T00:00:00Z|IIIIIPPPPPIIIIIPPPPPIIIII|G|6-20|two|営業部" \
	"Google Sheet .xlsx (a sheet name with a space, date cells): every stored value of every row"
done_testing
