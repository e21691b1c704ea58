#!/bin/sh
# gen-sample writes the export shapes and encodings ingest must read: the
# Excel file really is CP932, the sheet really is gzip, SurveyMonkey has
# its BOM and two header rows, Google Forms its 午前/午後 time stamps;
# exports are cumulative; 法人番号 carry valid check digits except the one
# bad row; three bad rows and one bad file are there to be rejected.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
GEN=$TOP/gen-sample/gen-sample

"$GEN" --companies 400 --seed 3 s >/dev/null
d1=s/day1
d2=s/day2

# Excel CP932
xl=$(printf '%s\n' "$d2"/診断結果_*.csv)
check "Excel file decodes as CP932" iconv -f CP932 -t UTF-8 -o excel.csv "$xl"
not_utf8() { ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
check "Excel file is not UTF-8" not_utf8 "$xl"
is "$(head -n 1 excel.csv | cut -d, -f1-10)" \
	"$(printf '回答日時,顧客番号,企業名,フリガナ,法人番号,業種コード,従業員数,宣言,部門,Q1')" \
	"Excel header: metadata, then Q1.."
# readings (フリガナ): mostly katakana, some hiragana, half-width, with
# the legal form's reading, or blank
need python3
cut -d, -f4 excel.csv | sed 1d >kana
# kinds: whether some readings are katakana, hiragana, half-width, the
# legal form's reading and the name's, blank; and whether that is all
kinds=$(python3 -c 'import re, sys
kinds = ["[ァ-ヴー]+", "[ぁ-ゔー]+", "[ｦ-ﾟ]+", "[ァ-ヴー]+(ガイシャ|ホウジン|シャダン) [ァ-ヴー]+", ""]
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
n = [sum(1 for l in lines if re.fullmatch(k, l)) for k in kinds]
print(" ".join("%d" % (x > 0) for x in n), sum(n) == len(lines))' kana)
is "$kinds" "1 1 1 1 1 True" \
	"readings: katakana, hiragana, half-width, after the form's, blank; nothing else"
is "$(grep -c 'ハシモトセイ' kana)" "$(cut -d, -f3 excel.csv | grep -c '橋本精')" \
	"a reading follows the name (橋本精機: ハシモトセイキ)"
like "$(sed -n 2p excel.csv)" '^20[0-9]{2}/[01][0-9]/[0-3][0-9] [0-2][0-9]:[0-5][0-9],' \
	"Excel time stamps are YYYY/MM/DD HH:MM"
check "Excel lines end in CRLF" grep -q "$(printf '\r')\$" excel.csv

# gzip
is "$(od -An -tx1 -N3 "$d2"/sheet-export-*.csv.gz | tr -d ' ')" 1f8b08 \
	"sheet export starts with the gzip magic"
check "sheet export is a sound gzip stream" gzip -t "$d2"/sheet-export-*.csv.gz
gzip -dc "$d2"/sheet-export-*.csv.gz >sheet.csv
like "$(sed -n 2p sheet.csv)" '^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\+09:00,' \
	"sheet time stamps are ISO 8601 with zone"

# SurveyMonkey
sm=$(printf '%s\n' "$d2"/surveymonkey_*.csv)
is "$(od -An -tx1 -N3 "$sm" | tr -d ' ')" efbbbf "SurveyMonkey file starts with a BOM"
like "$(sed -n 1p "$sm")" '"Respondent ID","Collector ID","Start Date","End Date"' \
	"SurveyMonkey metadata columns"
like "$(sed -n 2p "$sm")" '^"","","","","","","","","","Open-Ended Response",.*"Response"' \
	"SurveyMonkey second header row"
like "$(sed -n 3p "$sm")" '^"[0-9]+","[0-9]+","[01][0-9]/[0-3][0-9]/20[0-9]{2} [01][0-9]:[0-5][0-9]:[0-5][0-9] [AP]M","[01][0-9]/[0-3][0-9]/20[0-9]{2} [01][0-9]:[0-5][0-9]:[0-5][0-9] [AP]M"' \
	"SurveyMonkey End Date like 01/15/2024 10:23:45 AM"

# Google Forms
gf=$(printf '%s\n' "$d2"/自社診断*.csv)
like "$(sed -n 1p "$gf")" '^"タイムスタンプ",.*"パソコンやスマホなど情報機器のOSやソフトウェアは常に最新の状態にしていますか？"' \
	"Forms header: question texts"
is "$(grep -cE '^"20[0-9]{2}/[01][0-9]/[0-3][0-9] (1[0-2]|[1-9]):[0-5][0-9]:[0-5][0-9] (午前|午後) GMT\+9",' "$gf")" \
	"$(($(wc -l <"$gf") - 2))" \
	"every Forms row but the header and one bad row has a 午前/午後 time"
is "$(grep -c '^"",' "$gf")" 1 "one Forms row has a blank time stamp"

# cumulative: day 1's file is the start of day 2's
# starts_with SIZE LONG SHORT: LONG begins with SHORT's SIZE bytes, and more
starts_with() {
	head -c "$1" "$2" | cmp -s - "$3" && test "$(wc -c <"$2")" -gt "$1"
}
for f in "$d1"/自社診断*.csv "$d1"/surveymonkey_*.csv "$d1"/診断結果_*.csv; do
	base=$(basename "$f" | sed 's/20[0-9-]*\.csv$//')
	g=$(printf '%s\n' "$d2/$base"*)
	size=$(wc -c <"$f")
	check "day 2's $base export repeats day 1's and adds rows" \
		starts_with "$size" "$g" "$f"
done

# bad rows
is "$(grep -c ',実施中,' excel.csv)" 1 "one Excel row answers 実施中"
cat excel.csv sheet.csv "$gf" "$sm" | tr -d '"' | tr ',' '\n' |
	grep -E '^[0-9]{13}$' | sort -u >corpnos
awk '{ s = 0
	for (i = 0; i < 12; i++) s += substr($0, 13 - i, 1) * (i % 2 ? 2 : 1)
	if (substr($0, 1, 1) != 9 - s % 9) bad++ }
	END { print (NR > 100), bad + 0 }' corpnos >checked
is "$(cat checked)" "1 1" "法人番号 check digits all valid but one"

# departments and second answers: a company name seen twice or more
dept_rows=$(tr -d '"' <"$gf" | awk -F, 'NR > 1 && $7 != ""' | wc -l)
check "some Forms rows name a department ($dept_rows)" test "$dept_rows" -gt 5

# the bad file: an old template without Q24 and Q25
bad=$(printf '%s\n' "$d1"/旧様式_*.csv)
like "$(head -n 1 "$bad")" ',Q23.$' "bad file's header stops at Q23"
unlike "$(head -n 1 "$bad")" 'Q24|Q25' "bad file has no Q24, Q25"
check "bad file only on day 1" test ! -e "$d2/$(basename "$bad")"
done_testing
