#!/bin/sh
# Exactly once: a second run changes nothing, a cumulative export adds
# only its new rows, a changed response supersedes the old one (both kept),
# --force re-reads a file, --dry-run writes nothing.
. "$(dirname "$0")/lib.sh"

H="回答日時,会社名,部署,$(qcols)"
R1="2024/01/15 10:00:00,アルファ,,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
R2="2024/01/15 11:00:00,ベータ,総務部,$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)"
R3="2024/01/15 11:00:00,ベータ,営業部,$(answers NNNNNNNNNNNNNNNNNNNNNNNNN)"
R4="2024/01/16 09:00:00,ガンマ,,$(answers UUUUUUUUUUUUUUUUUUUUUUUUU)"
R1b="2024/01/15 10:00:00,アルファ,,$(answers IIIIIIIIIIIIIIIIIIIIIIIIN)"
printf '%s\n' "$H" "$R1" "$R2" "$R3" >day1.csv
printf '%s\n' "$H" "$R1" "$R2" "$R3" "$R4" >day2.csv
printf '%s\n' "$H" "$R1b" >fix.csv

run_status $INGEST day1.csv
is "$status" 0 "day 1 imported"
is "$(q "SELECT count(*) FROM responses")" 3 "three responses (departments apart)"
before=$(dump)

run_status $INGEST day1.csv
is "$status" 0 "the same file again is accepted"
is "$(dump)" "$before" "a second run over the same file changes nothing"
is "$(q "SELECT status FROM files ORDER BY file_id DESC LIMIT 1")" skipped \
	"the second run is recorded as skipped"
like "$(cat "$T/err")" "0 rows read, 0 new, 0 duplicate, 0 rejected rows, 0 rejected files, 1 skipped" \
	"the summary says the file was skipped"

run_status $INGEST day2.csv
is "$status" 0 "the cumulative export is accepted"
is "$(q "SELECT rows_read, rows_new, rows_duplicate FROM files
	WHERE path = 'day2.csv'")" "4|1|3" "only the new row is added"
is "$(q "SELECT count(*) FROM responses")" 4 "four responses"

run_status $INGEST fix.csv
is "$(q "SELECT company_name, total_score, superseded FROM responses
	WHERE company_name = 'アルファ' ORDER BY response_id")" \
"アルファ|100|1
アルファ|96|0" "a changed response supersedes the old one; both are visible"

run_status $INGEST --force day1.csv
is "$status" 0 "--force reads a file again"
is "$(q "SELECT rows_new, rows_duplicate FROM files ORDER BY file_id DESC
	LIMIT 1")" "0|3" \
	"and finds only duplicates, the superseded version included"
is "$(q "SELECT count(*), sum(superseded) FROM responses")" "5|1" \
	"forcing changes no response"

printf '%s\n' "$H" "2024/02/01 09:00:00,デルタ,,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)" >new.csv
before=$(dump)
run_status $INGEST --dry-run new.csv
is "$status" 0 "dry run of a good file: exit 0"
like "$(cat "$T/err")" "dry run: 1 files, 1 rows read, 1 new" "the dry run reports what it would do"
is "$(dump)" "$before" "--dry-run writes nothing"
run_status $INGEST --dry-run --db fresh.db new.csv
check "--dry-run does not create a database" test ! -e fresh.db
done_testing
