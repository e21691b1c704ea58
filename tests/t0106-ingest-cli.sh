#!/bin/sh
# The command line: usage and exit statuses, the database created 0600 in
# WAL mode with SPEC's views and columns, the lock, the progress bar.
. "$(dirname "$0")/lib.sh"
need script

{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >a.csv

run_status $INGEST --bogus a.csv
is "$status" 2 "an unknown option: exit 2"
is "$(cat "$T/err")" "ingest: unrecognized option '--bogus'
ingest: try 'ingest --help' for the options" "named, with a hint to --help"
run_status $INGEST
is "$status" 2 "no files: exit 2"
run_status $INGEST --rows x --inspect a.csv
is "$status" 2 "a bad number: exit 2"
like "$(cat "$T/err")" "^ingest: --rows: 'x' is not a number" "naming the option"
run_status $INGEST --db rows.db --rows 3 a.csv
is "$status" 2 "--rows without --inspect: exit 2, not silently ignored"
like "$(cat "$T/err")" "^ingest: --rows goes with --inspect" "saying why"
is "$(ls rows.db 2>/dev/null)" "" "and no database is made"
run_status $INGEST --encoding klingon a.csv
is "$status" 2 "an unknown encoding: exit 2"
run_status $INGEST -h
is "$status" 0 "-h: exit 0"
like "$(cat "$T/out")" "^usage: ingest" "-h prints usage on stdout"
run_status $INGEST -V
like "$(cat "$T/out")" "^ingest \(shindan\) [0-9]" "-V prints the version"

SHINDAN_DB=env.db run_status $INGEST -q a.csv
is "$status" 0 "-q: exit 0"
is "$(cat "$T/err")" "" "-q prints nothing on success"
check "\$SHINDAN_DB names the database" test -f env.db
is "$(stat -c %a env.db)" 600 "the database is created 0600"
is "$(q "PRAGMA journal_mode" env.db)" wal "in WAL mode"

cols() {
	q "SELECT group_concat(name, ' ') FROM pragma_table_info('$1')" env.db
}
for spec in \
	"responses:response_id company_key company_name corporate_number industry_code industry_raw size_class star_level department submitted_at complete total_score n_unknown n_na source_file source_line superseded" \
	"answers:response_id question_no answer points" \
	"files:file_id path sha256 bytes encoding status rows_read rows_new rows_duplicate rows_rejected reason imported_at" \
	"rejects:file_id path line reason raw" \
	"companies:company_key company_name industry_code size_class star_level submitted_at complete total_score band" \
	"runs:run_id as_of created_at n_companies n_incomplete min_group" \
	"group_stats:run_id as_of industry_code size_class star_level n n_incomplete mean sd median p25 p75 min max band_100 band_70_99 band_50_69 band_le49 part1_mean part2_mean part3_mean suppressed" \
	"question_stats:run_id as_of industry_code size_class star_level question_no n implemented partial not_implemented unknown na implemented_rate mean_points rank below_overall" \
	"current_group_stats:run_id as_of industry_code n mean suppressed" \
	"current_question_stats:run_id as_of question_no implemented_rate below_overall"; do
	view=${spec%%:*}
	have=" $(cols "$view") "
	missing=
	for c in ${spec#*:}; do
		case $have in *" $c "*) ;; *) missing="$missing $c" ;; esac
	done
	is "$missing" "" "the $view view has SPEC's columns"
done

# another writer holds the database longer than ingest waits
{ echo "BEGIN IMMEDIATE;"; sleep 6; echo "COMMIT;"; } | sqlite3 env.db &
sleep 0.5
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/16 10:00:00,ベータ,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
} >b.csv
run_status $INGEST --db env.db b.csv
is "$status" 4 "a locked database: exit 4"
like "$(cat "$T/err")" "locked by another run" "and says so"
wait
is "$(q "SELECT count(*) FROM responses" env.db)" 1 "nothing was imported meanwhile"

awk 'BEGIN {
	printf "回答日時,会社名"
	for (i = 1; i <= 25; i++) printf ",Q%d", i
	printf "\n"
	for (r = 1; r <= 40000; r++) {
		printf "2024/01/01 00:00:00,会社%d", r
		for (i = 1; i <= 25; i++) printf ",実施している"
		printf "\n"
	}
}' >big.csv
SHINDAN_PROGRESS_AFTER=0 script -qec "$INGEST --db tty.db big.csv" \
	/dev/null >tty.out 2>&1 || true
like "$(tr '\r' '\n' <tty.out)" "big.csv: \[#* *\] +[0-9]+% [0-9]+ rows" \
	"a progress bar is drawn on a terminal"
SHINDAN_PROGRESS_AFTER=0 $INGEST --db notty.db big.csv 2>notty.err ||
	true
unlike "$(cat notty.err)" "%" "but not when stderr is not a terminal"
# aggregate counts companies on the same bar, from lib/progress.c
SHINDAN_PROGRESS_AFTER=0 script -qec "$AGGREGATE --db tty.db --as-of 2024-06-01" \
	/dev/null >agg.out 2>&1 || true
like "$(tr '\r' '\n' <agg.out)" "^aggregate: [0-9]+ companies" \
	"aggregate draws the same bar, counting companies"
like "$(cat agg.out)" "\[Kaggregate: run 2024-06-01: 40000 companies" \
	"and clears it before its summary"
done_testing
