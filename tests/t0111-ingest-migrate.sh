#!/bin/sh
# A database made by an earlier version (schema 1: response with a rowid
# and the index response_identity) is migrated on open: every response
# keeps its id and values, new responses continue the ids, and a new
# version supersedes an old one.
. "$(dirname "$0")/lib.sh"

sqlite3 old.db <"$DATA/schema-v1.sql"
chmod 600 old.db
is "$(q "PRAGMA user_version" old.db)" 1 "the fixture is at schema 1"
before=$(q "SELECT * FROM responses ORDER BY response_id" old.db)

H="回答日時,会社名,業種,従業員数,$(qcols)"
printf '%s\n' "$H" \
	"2024/01/16 09:00:00,ガンマ,建設業,3,$(answers IIIIIIIIIIIIIIIIIIIIIIIIA)" \
	"2024/02/01 09:00:00,デルタ,建設業,3,$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)" \
	>new.csv
run_status $INGEST --db old.db new.csv
is "$status" 0 "ingest opens and migrates the old database"
is "$(q "PRAGMA user_version" old.db)" 8 "now at schema 8"
like "$(q "SELECT sql FROM sqlite_master WHERE name = 'response'" old.db)" \
	"WITHOUT ROWID" "response is clustered on its identity"
is "$(q "SELECT count(*) FROM sqlite_master WHERE name =
	'response_identity'" old.db)" 0 "the separate index is gone"
# the columns of schema 1's view, which had no company_reading
V1_COLS="response_id, company_key, company_name, corporate_number,
	industry_code, industry_raw, size_class, star_level, department,
	submitted_at, complete, total_score, n_unknown, n_na, source_file,
	source_line, superseded"
is "$(q "SELECT $V1_COLS FROM responses WHERE response_id <> 2 AND
	response_id <= 4 ORDER BY response_id" old.db)" \
	"$(printf '%s\n' "$before" | grep -v '^2|')" \
	"the old responses keep their ids and values"
is "$(q "SELECT response_id, company_name, total_score, superseded FROM
	responses WHERE company_name IN ('ガンマ', 'デルタ') ORDER BY
	response_id" old.db)" \
"2|ガンマ|4|1
5|ガンマ|100|0
6|デルタ|50|0" "new ids follow the old; the new version supersedes id 2"
is "$(q "SELECT id FROM next_id WHERE name = 'response'" old.db)" 7 \
	"the next id is kept"

run_status $AGGREGATE -q --db old.db --as-of 2025-01-01
is "$status" 0 "aggregate reads the migrated database"
is "$(q "SELECT company_name, total_score FROM companies ORDER BY 1" old.db)" \
"アルファ|96
ガンマ|100
デルタ|50
ベータ|50" "every company with its current response"

after=$(q "SELECT * FROM responses ORDER BY response_id" old.db)
run_status $INGEST --db old.db new.csv
is "$(q "SELECT * FROM responses ORDER BY response_id" old.db)" "$after" \
	"opening it again changes nothing"
done_testing
