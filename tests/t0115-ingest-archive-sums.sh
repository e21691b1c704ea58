#!/bin/sh
# A zip archive's own row in the files view holds no counts: its members'
# rows hold them, so that a sum over the view counts each row once.  The
# archive row is there for its SHA-256 (seen again, the archive is
# skipped) and its status, and says archive = 1.  A database from before
# (the archive row repeating its members' sums) is mended on migration,
# and the nightly summary and the portfolio's cover count each row once.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need sqlite3
need pdftotext

# two members: 2 rows both new; 2 rows, one new and one rejected
{
	echo "タイムスタンプ,会社名,業種,従業員数,$(qcols)"
	echo "2024/01/07 10:41:40,株式会社アルファ,情報通信業,15,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
	echo "2024/01/07 11:09:52,株式会社ベータ,建設業,8,$(answers PPPPPNNNNNNNNNNNNNNNNNNNN)"
} >form.csv
{
	echo "タイムスタンプ,会社名,$(qcols)"
	echo "2024/01/08 9:00:00,有限会社ガンマ,$(answers UUUUUAAAAAIIIIIIIIIIIIIII)"
	echo "2024/01/08 9:30:00,デルタ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII |
	    sed 's/^実施している/実施中/')"
} >second.csv
# and a plain CSV beside it: 1 row, new
{
	echo "タイムスタンプ,会社名,$(qcols)"
	echo "2024/01/09 9:00:00,株式会社イプシロン,$(answers NNNNNNNNNNNNNNNNNNNNNNNNN)"
} >plain.csv
"$MKZIP" many.zip form.csv=form.csv second.csv=second.csv

run_status $INGEST --db s.db many.zip plain.csv
is "$status" 3 "a rejected row: exit 3"
like "$(cat "$T/err")" "2 files, 5 rows read, 4 new, 0 duplicate, 1 rejected rows" \
	"the summary line: 2+2+1 rows read, 2+1+1 new, 1 rejected"
is "$(q "SELECT path, archive, status, rows_read, rows_new, rows_duplicate,
	rows_rejected FROM files ORDER BY file_id" s.db)" \
"many.zip:form.csv|0|imported|2|2|0|0
many.zip:second.csv|0|partial|2|1|0|1
many.zip|1|partial|0|0|0|0
plain.csv|0|imported|1|1|0|0" \
	"the members hold the counts; the archive's row is marked and holds none"
is "$(q "SELECT sum(rows_read), sum(rows_new), sum(rows_duplicate),
	sum(rows_rejected) FROM files" s.db)" "5|4|0|1" \
	"a sum over the files view counts each row once, as the summary line"
is "$(q "SELECT count(*) FROM responses" s.db)" 4 \
	"as many responses as the view's rows_new add up to"

# the archive again: skipped by its hash, one row, no counts
run_status $INGEST --db s.db many.zip
is "$status" 0 "the same archive again: exit 0"
is "$(q "SELECT path, archive, status, rows_read FROM files
	WHERE file_id = (SELECT max(file_id) FROM files)" s.db)" \
	"many.zip|0|skipped|0" "skipped: a row of its own, not an archive's"

# --force reads it again: its members' rows are duplicates, counted once
run_status $INGEST --db s.db --force many.zip
is "$status" 3 "--force: the rejected row again, exit 3"
like "$(cat "$T/err")" "1 files, 4 rows read, 0 new, 3 duplicate, 1 rejected rows" \
	"--force: 2+1 duplicates, the same row rejected"
is "$(q "SELECT sum(rows_read), sum(rows_new), sum(rows_duplicate),
	sum(rows_rejected) FROM files" s.db)" "9|4|3|2" \
	"the view's sums add the second reading once: 5+4 read, 0+3 duplicate"

# a database of an earlier schema whose archive row repeats the sums
sqlite3 old.db <"$DATA/schema-v1.sql"
sqlite3 old.db "INSERT INTO file (file_id, path, sha256, bytes, status,
	rows_read, rows_new, rows_duplicate, rows_rejected, imported_at)
	VALUES (3, 'in/old.zip:a.csv', '', 700, 'imported', 2, 2, 0, 0,
		'2026-11-26T07:19:37Z'),
	(4, 'in/old.zip:b.csv', '', 800, 'partial', 3, 1, 1, 1,
		'2026-11-26T07:19:37Z'),
	(5, 'in/old.zip', '$(printf %064d 0)', 900, 'partial', 5, 3, 1, 1,
		'2026-11-26T07:19:37Z'),
	(6, 'in/old.zip', '$(printf %064d 1)', 900, 'skipped', 0, 0, 0, 0,
		'2026-11-26T07:19:37Z')"
run_status $INGEST --db old.db plain.csv
is "$status" 0 "an old database is migrated and takes a file"
is "$(q "SELECT file_id, archive, status, rows_read, rows_new,
	rows_duplicate, rows_rejected FROM files ORDER BY file_id" old.db)" \
"1|0|imported|3|3|0|0
2|0|imported|1|1|0|0
3|0|imported|2|2|0|0
4|0|partial|3|1|1|1
5|1|partial|0|0|0|0
6|0|skipped|0|0|0|0
7|0|imported|1|1|0|0" \
	"the old archive row is marked and its copies of the sums zeroed; plain files, members and a skipped row keep theirs"

# the nightly run: its summary and the portfolio's cover count each once
NIGHTLY=$TOP/scripts/nightly
mkdir -p home/inbox
cp many.zip plain.csv home/inbox/
run_status env SHINDAN_HOME=home SHINDAN_TODAY=2024-02-01 \
	SHINDAN_COMPANY_REPORTS=none sh "$NIGHTLY"
is "$status" 3 "nightly: a rejected row, exit 3"
like "$(cat "$T/out" "$T/err")" \
	": 2 files \(1 imported, 1 partial, 0 skipped, 0 rejected\), 4 new responses, 0 duplicates, 1 rejected rows" \
	"nightly's summary counts the archive's rows once"
pdftotext home/reports/2024-02-01/portfolio.pdf cover.txt
like "$(cat cover.txt)" "取り込んだファイル 3件" \
	"the cover counts the two members and the plain file"
like "$(cat cover.txt)" "many.zip:second.csv（2行、一部の行は不採用）" \
	"the cover names a member with its rows"
unlike "$(cat cover.txt)" "many.zip（" \
	"the cover does not list the archive with its members' rows again"

done_testing
