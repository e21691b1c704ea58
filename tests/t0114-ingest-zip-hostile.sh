#!/bin/sh
# Hostile archives and workbooks: zip bombs (declared and lying), an
# encrypted member, a truncated zip, a bad CRC, XML entity bombs and
# external entities, a malformed or missing sheet, a shared string that
# is not there, rows beyond Excel's last, and a sheet of a million rows
# read in flat memory.  Each gives a clear message, exit 3, nothing of
# the file stored (not even the members read before the bad one), and
# the file recorded as rejected with its reason.
. "$(dirname "$0")/lib.sh"

I25=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,$I25"
	echo "2024/01/15 11:00:00,ベータ,$I25"
} >good.csv

# rejected FILE DESC PATTERN: ingest FILE alone; exit 3, the message,
# nothing stored, the files row says rejected and why
rejected() {
	db=$(basename "$1").db
	run_status $INGEST --db "$db" "$1"
	is "$status" 3 "$2: exit 3"
	like "$(cat "$T/err")" "^ingest: $1: rejected: $3" "$2: the message"
	is "$(q "SELECT count(*) FROM response; SELECT count(*) FROM reject;
		SELECT path || '|' || status FROM files" "$db")" \
		"$(printf '0\n0\n%s|rejected' "$1")" "$2: nothing stored, the file rejected"
	like "$(q "SELECT reason FROM files" "$db")" "$3" "$2: the reason is kept"
}

# little-endian 32-bit number at OFFSET of FILE, and writing one there
u32() {
	od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '
}
put_u32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) \
	    $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
	    dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# a bomb its directory declares: 100 MB of zeros in 100 KB
"$MKZIP" bomb.zip good.csv=good.csv big.csv=@zeros:100000000
rejected bomb.zip "declared zip bomb" \
	"'big.csv': expands more than 200 times \(100000000 bytes from [0-9]+\): refused as a zip bomb"

# a bomb that lies: the directory says 1000 bytes, the data inflates to 100 MB
cp bomb.zip liar.zip
cd_at=$(u32 liar.zip $(($(wc -c <liar.zip) - 22 + 16)))
# the second entry of the central directory (the first is 46 + 8 bytes)
# and its local header, which minizip checks against each other
put_u32 liar.zip $((cd_at + 46 + 8 + 24)) 1000
put_u32 liar.zip $(($(u32 liar.zip $((cd_at + 46 + 8 + 42))) + 22)) 1000
rejected liar.zip "zip bomb whose directory lies" \
	"'big.csv': (expands past 1000 bytes, more than its directory says: refused as a zip bomb|bad CRC)"

# an encrypted member, after a good one: the good one is not kept either
"$MKZIP" enc.zip good.csv=good.csv -e secret.csv=good.csv
rejected enc.zip "encrypted member" "'secret.csv': encrypted, cannot read"

# a truncated zip
"$MKZIP" whole.zip good.csv=good.csv
head -c 100 whole.zip >cut.zip
rejected cut.zip "truncated zip" "not a readable zip: truncated or damaged"

# a bad CRC: a byte of a stored member's data changed (header 30 + name)
"$MKZIP" crc.zip good.csv=good.csv -0 b.csv=good.csv
off=$(($(u32 crc.zip $(($(wc -c <crc.zip) - 22 + 16))) - $(wc -c <good.csv) - 35 + 40))
printf 'X' | dd of=crc.zip bs=1 seek="$off" conv=notrunc 2>/dev/null
rejected crc.zip "bad CRC" "'b.csv': bad CRC: the archive is damaged"

# --- workbooks ---

BOOK=$T/w
mkdir -p "$BOOK/xl/worksheets"
rows="<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>回答日時</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>会社名</t></is></c>$(qcells 1 3)</row>"
rows="$rows<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2024/01/15 10:00</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>アルファ</t></is></c>$(acells 2 3 IIIIIIIIIIIIIIIIIIIIIIIII)</row>"
printf '%s' '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>実施している</t></si></sst>' \
	>"$BOOK/xl/sharedStrings.xml"
sheet_xml "$rows" >"$BOOK/xl/worksheets/sheet1.xml"
workbook_xml '' Sheet1
mkbook ok.xlsx "$BOOK"
run_status $INGEST --db ok.db ok.xlsx
is "$status" 0 "the workbook the bad ones are made from is accepted"

# book NAME PART FILE: ok.xlsx with PART replaced by FILE
book() {
	rm -rf "$T/b2"
	cp -r "$BOOK" "$T/b2"
	if [ -n "$3" ]; then cp "$3" "$T/b2/$2"; else rm "$T/b2/$2"; fi
	mkbook "$1" "$T/b2"
}

# an entity bomb in the shared strings, an external entity in the sheet
cat >lol.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE sst [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&f;</t></si></sst>
XML
book lol.xlsx xl/sharedStrings.xml lol.xml
rejected lol.xlsx "entity expansion bomb" \
	"'xl/sharedStrings.xml': (a DOCTYPE, which no workbook has|.*Detected an entity reference loop)"
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
	sheet_xml '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>' | sed 1d
} >xxe.xml
book xxe.xlsx xl/worksheets/sheet1.xml xxe.xml
rejected xxe.xlsx "external entity" \
	"'xl/worksheets/sheet1.xml': a DOCTYPE, which no workbook has"

# a malformed sheet, a missing one, a shared string that is not there
sheet_xml "$rows" | sed 's|</row>|</rwo>|' >bad.xml
book badxml.xlsx xl/worksheets/sheet1.xml bad.xml
rejected badxml.xlsx "malformed sheet XML" \
	"'xl/worksheets/sheet1.xml': line 2: Opening and ending tag mismatch"
book nosheet.xlsx xl/worksheets/sheet1.xml ''
rejected nosheet.xlsx "a sheet missing from the workbook" \
	"no 'xl/worksheets/sheet1.xml' in the workbook"
sheet_xml "$rows" | sed 's|<c r="C2" t="s"><v>0</v>|<c r="C2" t="s"><v>7</v>|' >sst.xml
book sst.xlsx xl/worksheets/sheet1.xml sst.xml
rejected sst.xlsx "a shared string that is not there" \
	"Sheet1!C2: shared string '7' not among the 1 the workbook has"
sheet_xml "$rows" | sed 's|<row r="2">|<row r="1048577">|' >far.xml
book far.xlsx xl/worksheets/sheet1.xml far.xml
rejected far.xlsx "a row beyond Excel's last" \
	"Sheet1!1048577: row number out of order or beyond row 1048576"
"$MKZIP" xbomb.xlsx xl/workbook.xml="$BOOK/xl/workbook.xml" \
	xl/worksheets/sheet1.xml=@zeros:100000000
rejected xbomb.xlsx "a workbook whose sheet is a bomb" \
	"'xl/worksheets/sheet1.xml': expands more than 200 times .*: refused as a zip bomb"
"$MKZIP" xenc.xlsx xl/workbook.xml="$BOOK/xl/workbook.xml" \
	-e xl/worksheets/sheet1.xml="$BOOK/xl/worksheets/sheet1.xml"
rejected xenc.xlsx "a workbook whose sheet is encrypted" \
	"'xl/worksheets/sheet1.xml': encrypted, cannot read"
head -c 300 ok.xlsx >cut.xlsx
rejected cut.xlsx "a truncated workbook" "not a readable zip"

# a million rows (Excel's most is 1,048,576) in flat memory: all but the
# last two blank, so that the test is quick
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	printf '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s\n' \
	    "$(printf '%s' "$rows" | sed 's|<row r="2">.*||')"
	awk 'BEGIN { for (r = 2; r <= 1000000; r++)
		printf "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t> </t></is></c></row>\n", r, r }'
	printf '%s' "$rows" | sed 's|^.*<row r="2">|<row r="1000001">|; s|A2"|A1000001"|; s|B2"|B1000001"|; s|\([A-Z]\)2"|\11000001"|g'
	echo '</sheetData></worksheet>'
} >million.xml
book million.xlsx xl/worksheets/sheet1.xml million.xml
"$TOP/tools/peakmem" -o fig "$TOP/ingest/ingest" --db million.db million.xlsx \
	>/dev/null 2>&1 || true
is "$(q "SELECT line, company_key FROM response" million.db)" \
	"1000001|name:アルファ" "a million rows: the last row is read, at row 1000001"
# (not under ASan, which keeps freed memory on purpose)
if ! grep -q fsanitize "$TOP/.build-flags" 2>/dev/null; then
	check "a million rows: peak memory under 64 MiB ($(cut -d' ' -f2 fig) KiB)" \
		awk '{ exit !($2 < 65536) }' fig
fi
done_testing
