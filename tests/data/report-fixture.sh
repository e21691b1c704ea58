# Sourced by the tests/t04NN-render-report-*.sh scripts: build shindan.db
# with a run of 2024-03-31 whose benchmark figures are written by hand, so
# that every figure a report prints can be checked against arithmetic done
# in the test, independent of aggregate.
# shellcheck shell=sh

# base_score ANSWERS: points without 該当しない (I 4, P 2, N 0, U -1)
base_score() {
	printf '%s' "$1" | sed 's/./&\n/g' | awk '
		/I/ { s += 4 } /P/ { s += 2 } /U/ { s -= 1 } END { print s + 0 }'
}

# response KEY DEPT AT NAME CORPNO INDUSTRY SIZE STAR ANSWERS
response() {
	nu=$(printf '%s' "$9" | tr -cd U | wc -c)
	na=$(printf '%s' "$9" | tr -cd A | wc -c)
	nm=$(printf '%s' "$9" | tr -cd - | wc -c)
	cat >>fixture.sql <<EOF
INSERT INTO response (response_id, company_key, department, submitted_at,
 company_name, corporate_number, industry_code, size_class, star_level,
 answers, base_score, n_unknown, n_na, n_missing, file_id, line)
VALUES ((SELECT coalesce(max(response_id), 0) + 1 FROM response), '$1', '$2', '$3', '$4', NULLIF('$5', ''), '$6', '$7', '$8', '$9',
 $(base_score "$9"), $nu, $na, $nm, 1, 2);
EOF
}

# group IND STAR N MEAN SD SUPPRESSED
group() {
	cat >>fixture.sql <<EOF
INSERT INTO group_stat ($GROUP_STAT_COLS)
 VALUES (1, '$1', '*', '$2', $3, 0, $4, $5, $4, $4,
 $4, 0, 100, 0, 0, 0, 0, 15.0, 40.0, 20.0, $6);
EOF
}

# hist IND STAR SCORE N
hist() {
	echo "INSERT INTO score_hist ($SCORE_HIST_COLS)" \
	    "VALUES (1, '$1', '*', '$2', $3, $4);" \
		>>fixture.sql
}

# qstat IND STAR RATE [Q=RATE ...]: implemented_rate of every question,
# mean_points = 4 * rate
qstat() {
	ind=$1
	star=$2
	rate=$3
	shift 3
	i=1
	while [ $i -le 25 ]; do
		r=$rate
		for o in "$@"; do
			[ "${o%%=*}" = "$i" ] && r=${o#*=}
		done
		echo "INSERT INTO question_stat ($QUESTION_STAT_COLS)" \
		    "VALUES (1, '$ind', '*', '$star'," \
			"$i, 10, 5, 2, 2, 1, 0, $r, 4 * $r, $i, 0);" >>fixture.sql
		i=$((i + 1))
	done
}

fixture_begin() {
	"$AGGREGATE" --db shindan.db --as-of 2024-03-31 -q >/dev/null 2>&1
	cat >fixture.sql <<EOF
PRAGMA foreign_keys = OFF;
DELETE FROM score_hist; DELETE FROM question_stat; DELETE FROM group_stat;
DELETE FROM run; DELETE FROM company; DELETE FROM response; DELETE FROM file;
INSERT INTO file (file_id, path, sha256, bytes, status, imported_at)
VALUES (1, 'x.csv', '0', 0, 'imported', '2024-04-01T00:00:00Z');
INSERT INTO run (run_id, as_of, created_at, n_companies, n_incomplete, min_group, na_points) VALUES (1, '2024-03-31', '2024-04-01T01:02:03Z', 50, 0, 5, 4);
EOF
}

fixture_end() {
	sqlite3 -batch shindan.db <fixture.sql
}
