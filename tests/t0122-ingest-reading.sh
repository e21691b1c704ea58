#!/bin/sh
# The reading of a company name (会社名（フリガナ）, a bare フリガナ after the
# name ...) is a column of its own: stored as written in responses.company_reading,
# never taken for the name, never a reason to reject a row and no part of
# a response's identity.  Readings of a person are not the company's.
# A database of schema 7 gains the column, empty for what it held.
# shellcheck disable=SC2086 # $INGEST may be "valgrind ... ingest"
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3

A=$(answers I)
n=0
for h in '会社名（フリガナ）' '会社名(ふりがな)' '会社名（カナ）' '企業名フリガナ' \
	'フリガナ' 'ふりがな' 'ヨミガナ' '貴社名（フリガナ）' 'ﾌﾘｶﾞﾅ' \
	'会社名（ﾌﾘｶﾞﾅ）' '＊会社名のふりがな'; do
	n=$((n + 1))
	printf '%s\n' "回答日時,会社名,$h,業種,$(qcols)" \
		"2025/04/0$((n % 9 + 1)) 09:00:00,株式会社タナカ$n,タナカ$n,建設業,$A" \
		>"h$n.csv"
	run_status $INGEST --db h.db "h$n.csv"
	is "$status:$(q "SELECT company_name, company_reading FROM responses
		WHERE source_file = 'h$n.csv'" h.db)" "0:株式会社タナカ$n|タナカ$n" \
		"'$h' is the reading, beside the name"
done

# the reading before the name, and a reading column alone
printf '%s\n' "会社名（フリガナ）,会社名,$(qcols)" \
	"ヤマダショウジ,山田商事,$A" >before.csv
printf '%s\n' "フリガナ,業種,$(qcols)" "スズキ,建設業,$A" >alone.csv
run_status $INGEST --db o.db before.csv
is "$status:$(q "SELECT company_key, company_name, company_reading FROM
	responses" o.db)" "0:name:山田商事|山田商事|ヤマダショウジ" \
	"a reading column before the name does not become the name"
run_status $INGEST --db o.db alone.csv
is "$status:$(q "SELECT path, status, rows_new FROM files WHERE path =
	'alone.csv'" o.db)" "3:alone.csv|partial|0" \
	"a reading alone names no company: its row is rejected"
is "$(q "SELECT reason FROM rejects WHERE path = 'alone.csv'" o.db)" \
	"no company: 法人番号, company id and company name are all blank" \
	"and said so"

# readings of a person are not the company's
printf '%s\n' "会社名,担当者名,担当者名フリガナ,氏名（フリガナ）,$(qcols)" \
	"佐藤建設,佐藤一郎,サトウイチロウ,サトウイチロウ,$A" >person.csv
run_status $INGEST --db p.db person.csv
is "$status:$(q "SELECT company_name, company_reading IS NULL FROM responses" \
	p.db)" "0:佐藤建設|1" "a person's reading is not stored as the company's"
run_status $INGEST --inspect person.csv
like "$(cat out)" "column 3: ignored '担当者名フリガナ'" "inspect: ignored"
like "$(cat out)" "column 4: ignored '氏名（フリガナ）'" "inspect: ignored too"
# a bare フリガナ is the reading of the column before it: after 氏名 it is
# the person's, and it is ignored rather than taken for the company's
printf '%s\n' "会社名,氏名,フリガナ,$(qcols)" \
	"佐藤建設,佐藤一郎,サトウイチロウ,$A" >pair.csv
run_status $INGEST --db pair.db pair.csv
is "$status:$(q "SELECT company_name, company_reading IS NULL FROM responses" \
	pair.db)" "0:佐藤建設|1" "a bare フリガナ after 氏名 is not the company's"
run_status $INGEST --inspect pair.csv
like "$(cat out)" "column 3: ignored 'フリガナ'" "inspect: a person's, ignored"
printf 'フリガナ\tcompany_reading\n' >pair.map
run_status $INGEST --db pairmap.db --map pair.map pair.csv
is "$status:$(q "SELECT company_reading FROM responses" pairmap.db)" \
	"0:サトウイチロウ" "a --map that says it is the company's is followed"
run_status $INGEST --inspect h1.csv
like "$(cat out)" "column 3: company_reading '会社名（フリガナ）'" \
	"inspect names the reading column"

# whatever it holds is kept as written; blank is NULL
printf '%s\n' "会社名,会社名（フリガナ）,$(qcols)" \
	"一号,ｶﾌﾞｼｷｶﾞｲｼｬ ｲﾁｺﾞｳ,$A" "二号,Nigo Shoji,$A" "三号,株式会社123,$A" \
	"四号,,$A" "五号,  ゴ  ゴウ ,$A" >values.csv
run_status $INGEST --db v.db values.csv
is "$status" 0 "no value of a reading rejects a row"
is "$(q "SELECT company_name, quote(company_reading) FROM responses
	ORDER BY source_line" v.db)" \
"一号|'ｶﾌﾞｼｷｶﾞｲｼｬ ｲﾁｺﾞｳ'
二号|'Nigo Shoji'
三号|'株式会社123'
四号|NULL
五号|'ゴ ゴウ'" "kept as written (spaces tidied), blank as NULL"

# not part of the identity: the same response with a reading added
printf '%s\n' "回答日時,会社名,$(qcols)" "2025/04/01 09:00:00,井上,$A" >r1.csv
printf '%s\n' "回答日時,会社名,フリガナ,$(qcols)" \
	"2025/04/01 09:00:00,井上,イノウエ,$A" >r2.csv
run_status $INGEST --db r.db r1.csv
run_status $INGEST --db r.db r2.csv
like "$(cat err)" "1 duplicate" "a reading added to a stored response is a duplicate"
is "$(q "SELECT count(*), count(company_reading) FROM responses" r.db)" "1|0" \
	"and stores nothing new"

# a database of schema 7 is upgraded
sqlite3 old.db <"$DATA/schema-v7.sql"
chmod 600 old.db
is "$(q "PRAGMA user_version" old.db)" 7 "the fixture is at schema 7"
before=$(q "SELECT * FROM responses ORDER BY response_id" old.db)
run_status $INGEST --db old.db h1.csv
is "$status" 0 "ingest opens and migrates it"
is "$(q "PRAGMA user_version" old.db)" 8 "now at schema 8"
is "$(q "SELECT * FROM responses WHERE response_id <= 2 ORDER BY response_id" \
	old.db)" "$(printf '%s\n' "$before" | sed 's/$/|/')" \
	"the old responses keep their values, with no reading"
is "$(q "SELECT response_id, company_name, company_reading FROM responses
	WHERE response_id > 2" old.db)" "3|株式会社タナカ1|タナカ1" \
	"a new response has its reading"
run_status $AGGREGATE -q --db old.db --as-of 2025-04-30
is "$status:$(q "SELECT count(*) FROM companies" old.db)" "0:3" \
	"aggregate reads the upgraded database"
done_testing
