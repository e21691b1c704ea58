#!/bin/sh
# Every value form of SPEC §2.1 through ingest, end to end: 和暦 and Excel
# serial dates, industries by letter, name, prefix, code and alias (and a
# user's alias file), employee numbers and bands, star labels, company
# name forms that are one company, departments kept apart; and the near
# misses rejected with their reason.
. "$(dirname "$0")/lib.sh"

A=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
{
	echo "実施日,法人番号,会社名,部署,業種,従業員数,宣言,$(qcols)"
	echo "令和6年1月15日,,(株)アルファ,本社,Ｇ,約15名,★★,$A"		# 2
	echo "R6.1.16,,㈱アルファ,支店,情報通信業,15人,二つ星,$A"	# 3
	echo "R6/1/17,,（株）アルファ,,情報,6〜20人,2,$A"		# 4
	echo "平成31年4月30日,,ベータ(有),,39,301人以上,★,$A"	# 5
	echo "45306,,ベータ㈲,,建設,5人以下,一つ星,$A"		# 6
	echo "45306.5,,ガンマ(合),,飲食,\"1,200\",なし,$A"		# 7
	echo "2024年1月15日,,デルタ,,IT・ソフトウェア,21-50,未宣言,$A"	# 8
	echo "2024/01/15,,イプシロン,,ペットショップ,,,$A"		# 9
	echo "R6.13.1,,ゼータ,,G,10,★,$A"				# 10
	echo "2024/01/15,70000120500021,エータ,,G,10,★,$A"		# 11
	echo "2024/01/15,,シータ,,G,10,★★★,$A"			# 12
	echo "平成32年1月1日,,イオタ,,G,10,★,$A"			# 13
	echo "2025/2/30,,カッパ,,G,10,★,$A"				# 14
	echo "2024/01/15,7000-0120-5000-2,ラムダ,,G,10,★,$A"		# 15
} >v.csv

run_status $INGEST v.csv
is "$status" 3 "near misses rejected: exit 3"
is "$(q "SELECT source_line, company_key, submitted_at, industry_code,
	size_class, star_level, coalesce(department, '') FROM responses
	ORDER BY source_line")" \
"2|name:株式会社アルファ|2024-01-14T15:00:00Z|G|6-20|two|本社
3|name:株式会社アルファ|2024-01-15T15:00:00Z|G|6-20|two|支店
4|name:株式会社アルファ|2024-01-16T15:00:00Z|G|6-20|two|
5|name:ベータ有限会社|2019-04-29T15:00:00Z|G|301+|one|
6|name:ベータ有限会社|2024-01-14T15:00:00Z|D|1-5|one|
7|name:ガンマ合同会社|2024-01-15T03:00:00Z|M|301+|none|
8|name:デルタ|2024-01-14T15:00:00Z|G|21-50|none|
9|name:イプシロン|2024-01-14T15:00:00Z|unknown|unknown|unknown|
15|corp:7000012050002|2024-01-14T15:00:00Z|G|6-20|one|" \
	"和暦, Excel serials, industries, sizes, stars and name forms read right"
is "$(q "SELECT industry_raw FROM responses WHERE source_line = 9")" \
	"ペットショップ" "an unknown industry keeps its raw value"
like "$(cat "$T/err")" "v.csv:9: unrecognised industry 'ペットショップ' \(column 5\): stored as unknown" \
	"and is warned about"
is "$(q "SELECT line, reason FROM rejects ORDER BY line")" \
"10|unparseable submission time 'R6.13.1' (column 1): no such date
11|invalid 法人番号 '70000120500021' (column 2): 13 digits expected, got 14
12|unrecognised star level '★★★' (column 7)
13|unparseable submission time '平成32年1月1日' (column 1): date outside its era
14|unparseable submission time '2025/2/30' (column 1): no such date" \
	"each near miss is rejected with its reason"

printf 'alias\tdivision\nペットショップ\tI\n' >aliases.tsv
{
	echo "実施日,会社名,業種,$(qcols)"
	echo "2024/02/01,ミュー,ペットショップ,$A"
} >w.csv
run_status $INGEST --aliases aliases.tsv w.csv
is "$(q "SELECT industry_code FROM responses WHERE company_name = 'ミュー'")" I \
	"a user's alias file extends the industry table"
printf 'ペット\tZ\n' >bad-aliases.tsv
run_status $INGEST --aliases bad-aliases.tsv w.csv
is "$status" 2 "a bad alias file: exit 2"
like "$(cat "$T/err")" "bad-aliases.tsv:1:" "naming the file and line"
done_testing
