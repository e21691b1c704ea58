#!/bin/sh
# Zip archives of CSV files, read in place: Google Forms' "Download
# responses" (a .zip holding the form's CSV), several members, members
# that are no survey, members in folders and one called ../../x.csv.  An
# archive is one file for exactly-once purposes: its members are
# imported in one transaction, each tracked as archive.zip:member.csv.
. "$(dirname "$0")/lib.sh"

# Google Forms' CSV, as in tests/data/vendor, and a second form's
{
	echo "タイムスタンプ,会社名,業種,従業員数,$(qcols)"
	echo "2024/01/07 7:41:40 午後 GMT+9,株式会社アルファ,情報通信業,15,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
	echo "2024/01/07 10:09:52 AM UTC+3,株式会社ベータ,建設業,8,$(answers PPPPPNNNNNNNNNNNNNNNNNNNN)"
} >form.csv
{
	echo "タイムスタンプ,会社名,$(qcols)"
	echo "2024/01/08 9:00:00,有限会社ガンマ,$(answers UUUUUAAAAAIIIIIIIIIIIIIII)"
	echo "2024/01/08 9:30:00,デルタ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII |
	    sed 's/^実施している/実施中/')"
} >second.csv
printf 'これはメモです\n' >notes.csv
printf '\211PNG\r\n' >logo.png

"$MKZIP" 自社診断.csv.zip 自社診断.csv=form.csv
run_status $INGEST --db g.db 自社診断.csv.zip
is "$status" 0 "Google Forms download (.csv.zip): accepted"
is "$(q "SELECT r.line, f.path, company_key, submitted_at, answers,
	industry_code, size_class FROM response r JOIN files f USING (file_id)
	ORDER BY r.line" g.db)" \
"2|自社診断.csv.zip:自社診断.csv|name:株式会社アルファ|2024-01-07T10:41:40Z|IIIIIIIIIIIIIIIIIIIIIIIII|G|6-20
3|自社診断.csv.zip:自社診断.csv|name:株式会社ベータ|2024-01-07T07:09:52Z|PPPPPNNNNNNNNNNNNNNNNNNNN|D|6-20" \
	"every stored value of every row; the member is named archive:member"
is "$(q "SELECT path, sha256 = '$(sha256sum 自社診断.csv.zip | cut -c1-64)',
	sha256 = '$(sha256sum form.csv | cut -c1-64)', bytes, status,
	rows_read, rows_new FROM files ORDER BY file_id" g.db)" \
"自社診断.csv.zip:自社診断.csv|0|1|$(wc -c <form.csv)|imported|2|2
自社診断.csv.zip|1|0|$(wc -c <自社診断.csv.zip)|imported|0|0" \
	"a row for the member (its own hash) and one for the archive (its hash, no counts)"

run_status $INGEST --db g.db 自社診断.csv.zip
is "$status" 0 "the same archive again: exit 0"
is "$(q "SELECT status FROM files ORDER BY file_id DESC LIMIT 1" g.db)" skipped \
	"the same archive again is skipped by its SHA-256"
is "$(q "SELECT count(*) FROM response" g.db)" 2 "and nothing is stored twice"

# several members, in folders, one no survey, one not CSV, one ../../x.csv
mkdir -p deep/a/b
cd deep/a/b || exit 1
"$MKZIP" ../../../many.zip forms/one.csv="$T/form.csv" ../../x.csv="$T/second.csv" \
	notes.csv="$T/notes.csv" logo.png="$T/logo.png"
run_status $INGEST --db "$T/m.db" "$T/many.zip"
cd "$T" || exit 1
is "$status" 3 "a member rejected and a row rejected: exit 3"
is "$(q "SELECT path, status, rows_read, rows_new, rows_rejected, coalesce(reason, '')
	FROM files ORDER BY file_id" m.db | sed "s|$T/||")" \
"many.zip:forms/one.csv|imported|2|2|0|
many.zip:../../x.csv|partial|2|1|1|
many.zip:notes.csv|rejected|0|0|0|no header row with all 25 questions in the first 10 rows; no question column recognised; see ingest --inspect and --map
many.zip|partial|0|0|0|" "each CSV member is a file of its own; the archive is partial, its rows are the members'"
is "$(q "SELECT path, line, reason FROM rejects" m.db | sed "s|$T/||")" \
	"many.zip:../../x.csv|3|unrecognised answer '実施中' for Q1 (column 3)" \
	"a member's rejected row is located as archive:member and line"
check "a member called ../../x.csv writes nothing anywhere" \
	test ! -e x.csv -a ! -e deep/x.csv -a ! -e deep/a/x.csv
like "$(cat "$T/err")" "many.zip:notes.csv: rejected: no header row" \
	"the rejected member is named in the message"

# the directory walk picks up *.zip; --dry-run stores nothing
mkdir in
cp 自社診断.csv.zip in/
run_status $INGEST --db d.db --dry-run in
is "$status" 0 "--dry-run of an archive: exit 0"
like "$(cat "$T/err")" "dry run: 1 files, 2 rows read, 2 new" "--dry-run counts the members' rows"
check "--dry-run of an archive writes nothing" test ! -e d.db
run_status $INGEST --db d.db in
is "$(q "SELECT path FROM files ORDER BY file_id" d.db)" \
"in/自社診断.csv.zip:自社診断.csv
in/自社診断.csv.zip" "a directory walk takes *.zip"

# --inspect describes each member
run_status $INGEST --inspect many.zip --rows 1
is "$status" 3 "--inspect of an archive with a member that is no survey: exit 3"
like "$(cat "$T/out")" "^file: many.zip:forms/one.csv$" "--inspect names each member"
like "$(cat "$T/out")" '^\{"line":1,"fields":\["タイムスタンプ"' "--inspect prints members' rows"

# the committed Google Forms download
run_status $INGEST --db gf.db "$DATA/zip/google-forms.csv.zip"
is "$status" 0 "committed Google Forms .csv.zip: accepted"
is "$(q "SELECT r.line, company_key, submitted_at, answers, industry_code,
	size_class, star_level, department FROM response r ORDER BY r.line" gf.db)" \
"2|name:株式会社アルファ|2024-01-07T10:41:40Z|IIIIIIIIIIIIIIIIIIIIIIIII|G|6-20|two|総務部
3|name:株式会社ベータ|2024-01-07T07:09:52Z|PPPPPNNNNNNNNNNNNNNNNNNNN|D|6-20|one|
4|name:有限会社ガンマ|2024-01-07T15:05:00Z|UUUUUAAAAAIIIIIIIIIIIIIII|M|301+|none|" \
	"committed Google Forms .csv.zip: every stored value of every row, as t0107 reads the CSV"

# an archive with nothing to import is rejected
"$MKZIP" none.zip logo.png=logo.png
run_status $INGEST --db n.db none.zip
is "$status" 3 "an archive without CSV members: exit 3"
like "$(cat "$T/err")" "none.zip: rejected: no CSV, TSV or text member in the archive" \
	"an archive without CSV members: the message says so"
done_testing
