#!/bin/sh
# Values that used to be guessed silently and must not be: an answer
# qualified by a note (予定, 一部, 一部の部署のみ) is not the label it
# contains, and is rejected with line, column and value; half-width
# katakana and compatibility forms (ｱｵﾊﾞ, ㈱) name the same company as
# their full-width spelling, while the name is stored as written; a time
# in the future is a typo; a database that is not shindan's is left alone;
# the common time headers (記入日時, 開始時刻 when there is nothing else)
# give the answer time; -v and --inspect name the columns they ignore; a
# path that cannot be read is a usage error, not a rejected file.
. "$(dirname "$0")/lib.sh"

A24=$(answers I | cut -d, -f2-)
{
	echo "回答日時,会社名,Q1,$(qcols | cut -d, -f2-)"
	echo "2025/06/02 10:00,アルファ,実施している（4点）,$A24"	# 2
	echo "2025/06/02 10:00,ベータ,4: 実施している,$A24"		# 3
	echo "2025/06/02 10:00,ガンマ,実施している（予定）,$A24"	# 4
	echo "2025/06/02 10:00,デルタ,実施している（一部）,$A24"	# 5
	echo "2025/06/02 10:00,イプシロン,実施している(一部の部署のみ),$A24"	# 6
	echo "2025/06/02 10:00,ゼータ,〇（一部）,$A24"			# 7
	echo "2025/06/02 10:00,エータ,はい（一部）,$A24"			# 8
	echo "2025/06/02 10:00,シータ,一部実施している（2点）,$A24"	# 9
	echo "2025/06/02 10:00,イオタ,実施している（2点）,$A24"		# 10
} >notes.csv
run_status $INGEST notes.csv
is "$status" 3 "qualified answers: exit 3"
is "$(q "SELECT source_line, company_name, total_score FROM responses
	ORDER BY source_line")" \
"2|アルファ|100
3|ベータ|100
9|シータ|98" "a label restated with its points is read"
is "$(q "SELECT line, reason FROM rejects ORDER BY line")" \
"4|unrecognised answer '実施している（予定）' for Q1 (column 3)
5|unrecognised answer '実施している（一部）' for Q1 (column 3)
6|unrecognised answer '実施している(一部の部署のみ)' for Q1 (column 3)
7|unrecognised answer '〇（一部）' for Q1 (column 3)
8|unrecognised answer 'はい（一部）' for Q1 (column 3)
10|unrecognised answer '実施している（2点）' for Q1 (column 3)" \
	"a qualified answer is rejected with line, column and value"

A=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
{
	echo "回答日時,会社名,$(qcols)"
	echo "2025/06/02 10:00,株式会社アオバ商事,$A"
	echo "2025/06/03 10:00,株式会社 ｱｵﾊﾞ商事,$A"
	echo "2025/06/04 10:00,㈱ｱｵﾊﾞ商事,$A"
	echo "2025/06/02 10:00,ｶﾞｰﾃﾞﾝﾊﾟｰｸ,$A"
	echo "2025/06/03 10:00,ガーデンパーク,$A"
} >kana.csv
run_status $INGEST --db k.db kana.csv
is "$status" 0 "half-width names: exit 0"
is "$(q "SELECT company_key, count(*) FROM responses GROUP BY 1
	ORDER BY 1" k.db)" \
"name:ガーデンパーク|2
name:株式会社アオバ商事|3" "half-width katakana and ㈱ name the same company"
is "$(q "SELECT company_name FROM responses ORDER BY submitted_at, 1" k.db)" \
"株式会社アオバ商事
ｶﾞｰﾃﾞﾝﾊﾟｰｸ
ガーデンパーク
株式会社 ｱｵﾊﾞ商事
㈱ｱｵﾊﾞ商事" "each response keeps the name as written"

{
	echo "回答日時,会社名,$(qcols)"
	echo "2025/06/02 10:00,ミュー,$A"
	echo "2052/06/02 10:00,ニュー,$A"
	echo "$(date -d tomorrow +%Y/%m/%d) 09:00,クシー,$A"
} >future.csv
run_status $INGEST --db f.db future.csv
is "$status" 3 "a time in the future: exit 3"
is "$(q "SELECT company_name FROM responses ORDER BY 1" f.db)" "クシー
ミュー" "today's and tomorrow's answers are kept (time zones)"
is "$(q "SELECT line, reason FROM rejects" f.db)" \
	"3|submission time '2052/06/02 10:00' (column 1) is in the future" \
	"2052 for 2025 is rejected with its reason"

{
	echo "記入日時,会社名,$(qcols)"
	echo "2025-06-02 10:00,オミクロン,$A"
} >excel.csv
{
	echo "ID,開始時刻,完了時刻,メール,名前,会社名,$(qcols)"
	echo "1,2025/6/3 9:50,2025/6/3 10:05,a@example.jp,山田,パイ,$A"
} >forms.csv
{
	echo "ID,開始時刻,メール,会社名,$(qcols)"
	echo "1,2025/6/4 9:50,a@example.jp,ロー,$A"
} >start.csv
run_status $INGEST --db t.db excel.csv forms.csv start.csv
is "$status" 0 "time headers: exit 0"
is "$(q "SELECT company_name, submitted_at FROM responses ORDER BY 2" t.db)" \
"オミクロン|2025-06-02T01:00:00Z
パイ|2025-06-03T01:05:00Z
ロー|2025-06-04T00:50:00Z" \
	"記入日時 is the answer time; 完了時刻 before 開始時刻, which serves alone"

run_status $INGEST -v --db t2.db forms.csv
like "$(cat "$T/err")" "forms.csv: column 1 'ID' ignored" "-v names an ignored column"
like "$(cat "$T/err")" "forms.csv: column 4 'メール' ignored" "every one of them"
$INGEST --inspect forms.csv >insp.txt
like "$(cat insp.txt)" "^column 4: ignored 'メール'$" \
	"--inspect gives an ignored column's header"
like "$(cat insp.txt)" "^column 3: time '完了時刻'$" "and a used one's"

run_status $INGEST --db none.db nosuch.csv
is "$status" 2 "a path that does not exist: exit 2"
like "$(cat "$T/err")" "'nosuch.csv': cannot read: No such file" "named"
check "and no database or file record is made" test ! -e none.db

$AGGREGATE -q --db k.db --as-of 2025-07-01
run_status $RENDER --db k.db --out typo --company name:nosuch
is "$status" 1 "render --company with an unknown key: exit 1"
like "$(cat "$T/err")" "company 'name:nosuch': not in the database" "named"
check "and no empty output folder is left" test ! -e typo

sqlite3 other.db "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)"
for tool in "$INGEST kana.csv" "$AGGREGATE" "$RENDER --out rep"; do
	name=$(echo "$tool" | sed 's|.*/\([a-z]*\) .*|\1|; s|.*/||')
	run_status $tool --db other.db
	is "$status" 1 "$name on an unrelated database: exit 1"
	like "$(cat "$T/err")" "not a shindan database: other.db" \
		"$name says it is not a shindan database"
done
is "$(q "SELECT name FROM sqlite_master" other.db)" "mine" \
	"and adds nothing to it"
echo "just text" >text.db
run_status $INGEST --db text.db kana.csv
like "$(cat "$T/err")" "'text.db': file is not a database" \
	"a file that is no database is named"
mkdir dir.db
run_status $INGEST --db dir.db kana.csv
like "$(cat "$T/err")" "'dir.db': cannot write" \
	"an existing path that cannot be written: cannot write, not create"
done_testing
