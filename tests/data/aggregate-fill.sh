# Sourced by the aggregate tests (tests/t02NN-aggregate-*.sh) after
# lib.sh: build a database whose responses are written by hand, without
# ingest, so that each test states its population exactly.
# shellcheck shell=sh

# resp KEY DEPT SUBMITTED INDUSTRY SIZE STAR ANSWERS [NAME]: queue one
# response in fill.sql (aggregate reads neither base_score nor the counts)
resp() {
	a=$(codes "$7")
	printf "INSERT INTO response (response_id, company_key, department,\
 submitted_at, company_name, industry_code, size_class, star_level, answers,\
 base_score, n_unknown, n_na, n_missing, file_id, line) VALUES ((SELECT\
 coalesce(max(response_id), 0) + 1 FROM response), '%s', '%s', '%s',\
 '%s', '%s', '%s', '%s', '%s', 0, 0, 0, 0, 1, 1);\n" \
		"$1" "$2" "$3" "${8:-$1}" "$4" "$5" "$6" "$a" >>fill.sql
}

# newdb DB: the schema, made by aggregate itself, and the file row the
# responses point to
newdb() {
	# shellcheck disable=SC2086 # $AGGREGATE may be "valgrind ... aggregate"
	$AGGREGATE -q --db "$1" --as-of 2000-01-01
	q "DELETE FROM run; INSERT INTO file (file_id, path, sha256, bytes,
	 status, imported_at) VALUES (1, 'fill.sql', '', 0, 'imported',
	 '2024-01-01T00:00:00Z')" "$1"
}

# fill DB: load the queued responses
fill() {
	sqlite3 "$1" <fill.sql
	rm -f fill.sql
}
