#!/bin/sh
# A file without a time column is dated by the date in its name when it
# carries one (回答_2025-06-02.csv, 20250602, 2025年6月2日), strictly (an
# impossible date, a run of digits of another length or two dates are no
# date), else by its modification time; the summary line, -v, --inspect
# and the files view's time_source say which.  In such a file, a row that
# says what the company's latest response says is a duplicate, so that a
# cumulative re-export adds only what changed.  An old database gains
# time_source when migrated.
. "$(dirname "$0")/lib.sh"

A=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
B=$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)
H="会社名,業種,$(qcols)"
printf '%s\n' "$H" "アルファ,建設業,$A" "ベータ,建設業,$A" >"回答_2025-06-02.csv"
touch -d '2025-07-20 12:00:00 UTC' "回答_2025-06-02.csv"
run_status $INGEST -v "回答_2025-06-02.csv"
is "$status" 0 "a file dated by its name: exit 0"
is "$(q "SELECT company_name, submitted_at FROM responses ORDER BY 1")" \
"アルファ|2025-06-01T15:00:00Z
ベータ|2025-06-01T15:00:00Z" "every answer at JST midnight of the name's date"
like "$(cat "$T/err")" \
	"回答_2025-06-02.csv: no time column; every answer dated 2025-06-02, the date in the file name" \
	"-v says where the date came from"
like "$(cat "$T/err")" \
	" 0 skipped, [0-9.]+ s; no time column in 1 file dated by its name$" \
	"and so does the summary line"
is "$(q "SELECT path, time_source FROM files")" \
	"回答_2025-06-02.csv|filename" "files: time_source filename"

# the cumulative re-export a week later: アルファ unchanged, ベータ changed,
# ガンマ new
printf '%s\n' "$H" "アルファ,建設業,$A" "ベータ,建設業,$B" "ガンマ,建設業,$A" \
	>export20250609.csv
run_status $INGEST export20250609.csv
is "$status" 0 "the re-export: exit 0"
like "$(cat "$T/err")" "3 rows read, 2 new, 1 duplicate" \
	"the unchanged row is a duplicate, not a new response"
is "$(q "SELECT company_name, submitted_at, total_score FROM responses
	ORDER BY 1, 2")" \
"アルファ|2025-06-01T15:00:00Z|100
ガンマ|2025-06-08T15:00:00Z|100
ベータ|2025-06-01T15:00:00Z|100
ベータ|2025-06-08T15:00:00Z|50" "アルファ keeps its one response"
is "$(q "SELECT rows_new, rows_duplicate, time_source FROM files
	WHERE path = 'export20250609.csv'")" "2|1|filename" \
	"the duplicate is counted on the file"

# the same rows, a file without any date: its modification time
printf '%s\n' "$H" "アルファ,建設業,$A" "デルタ,建設業,$A" >plain.csv
touch -d '2025-07-20 12:00:00 UTC' plain.csv
run_status $INGEST -v plain.csv
like "$(cat "$T/err")" \
	"plain.csv: no time column and no date in the file name; every answer dated 2025-07-20, the file's modification time" \
	"-v: dated by the modification time"
like "$(cat "$T/err")" "2 rows read, 1 new, 1 duplicate, .* s; no time column in 1 file dated by its modification time$" \
	"the summary line says so; アルファ is a duplicate again"
is "$(q "SELECT submitted_at FROM responses WHERE company_name = 'デルタ'")" \
	"2025-07-20T12:00:00Z" "デルタ at the modification time"
is "$(q "SELECT time_source FROM files WHERE path = 'plain.csv'")" mtime \
	"files: time_source mtime"

# a file with a time column, for contrast, and a Japanese date
printf '%s\n' "回答日時,$H" "2025/06/03 10:00,イプシロン,建設業,$A" >timed.csv
printf '%s\n' "$H" "ゼータ,建設業,$A" >"診断2025年6月4日.csv"
run_status $INGEST timed.csv "診断2025年6月4日.csv"
is "$(q "SELECT path, time_source FROM files WHERE path IN ('timed.csv',
	'診断2025年6月4日.csv') ORDER BY 1")" \
"timed.csv|column
診断2025年6月4日.csv|filename" "files: column; 2025年6月4日 is a date"
is "$(q "SELECT submitted_at FROM responses WHERE company_name = 'ゼータ'")" \
	"2025-06-03T15:00:00Z" "2025年6月4日 read as that day"
like "$(cat "$T/err")" "s; no time column in 1 file dated by its name$" \
	"the summary counts only the file without a time column"

# strict: none of these names carries a date
for name in 回答_2025-02-30.csv 回答_202506.csv 回答_202506021030.csv \
	2025-06-02_2025-06-09.csv 回答_1899-06-02.csv 12345678.csv; do
	printf '%s\n' "$H" "イータ,建設業,$A" >"$name"
	touch -d '2025-07-21 00:00:00 UTC' "$name"
	$INGEST --inspect "$name" >insp.txt
	like "$(cat insp.txt)" \
		"^answer times: no time column, no date in the file name; 2025-07-21 from the file's modification time$" \
		"no date in '$name': the modification time"
done
$INGEST --inspect export20250609.csv >insp.txt
like "$(cat insp.txt)" \
	"^answer times: no time column; 2025-06-09 from the file name$" \
	"--inspect: the date from the name"
$INGEST --inspect timed.csv >insp.txt
like "$(cat insp.txt)" "^answer times: column 1$" "--inspect: the column"

# a date in the future is a typo, said as such
printf '%s\n' "$H" "シータ,建設業,$A" >"回答_2099-01-01.csv"
run_status $INGEST "回答_2099-01-01.csv"
is "$status" 3 "a future date in the name: exit 3"
is "$(q "SELECT line, reason FROM rejects")" \
	"2|no time column, and the file name's date 2099-01-01 is in the future" \
	"rejected with its reason"

# a zip member without a date in its name takes the archive's
need "$MKZIP"
printf '%s\n' "$H" "イオタ,建設業,$A" >member.csv
"$MKZIP" forms_20250605.zip member.csv=member.csv
run_status $INGEST forms_20250605.zip
is "$(q "SELECT submitted_at FROM responses WHERE company_name = 'イオタ'")" \
	"2025-06-04T15:00:00Z" "a member is dated by the archive's name"
is "$(q "SELECT path, time_source FROM files WHERE path LIKE 'forms%'
	ORDER BY file_id")" \
"forms_20250605.zip:member.csv|filename
forms_20250605.zip|" "the member's row says filename; the archive's none"

# an old database gains the column, empty for what it recorded before
sqlite3 old.db <"$DATA/schema-v1.sql"
chmod 600 old.db
run_status $INGEST --db old.db plain.csv
is "$status" 0 "an old database is migrated"
is "$(q "PRAGMA user_version" old.db)" 8 "to the latest schema (8)"
is "$(q "SELECT count(*), count(time_source) FROM files" old.db)" \
	"$(q "SELECT count(*) FROM file" old.db)|1" \
	"time_source is NULL for the old files, set for the new one"
done_testing
