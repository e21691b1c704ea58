# Sourced by the incremental aggregate tests (t0210, t0211) after lib.sh
# and aggregate-fill.sh: random nights of responses written straight into
# two databases, one aggregated incrementally and one with --full, and
# the views both must show byte for byte.
# shellcheck shell=sh

# night DB SEED N NEW CHANGE: the SQL of night N (seeded by SEED) on
# stdout, from the responses DB holds: NEW new companies and about CHANGE
# of each kind of change: later answers (attributes too), supersessions,
# departments added, backfills (old dates), responses dated days ahead.
night() {
	q "SELECT coalesce(max(response_id), 0) FROM response" "$1" |
	{
		read -r next
		q "SELECT company_key, department, submitted_at FROM response
		   WHERE superseded = 0 ORDER BY 1, 2, 3" "$1" |
		awk -F'|' -v seed="$2" -v night="$3" -v nnew="$4" \
		    -v nchange="$5" -v last="$next" -f "$TOP/tests/data/night.awk"
	}
}

# views DB: every public view of the runs, CSV, without timestamps
views() {
	sqlite3 -batch -csv "$1" \
	"SELECT * FROM group_stats
	  ORDER BY as_of, industry_code, size_class, star_level;
	 SELECT * FROM question_stats
	  ORDER BY as_of, industry_code, size_class, star_level, question_no;
	 SELECT r.as_of, h.industry_code, h.size_class, h.star_level, h.score,
	  h.n FROM score_hist h JOIN run r USING (run_id)
	  ORDER BY 1, 2, 3, 4, 5;
	 SELECT * FROM companies ORDER BY company_key;
	 SELECT run_id, as_of, n_companies, n_incomplete, min_group, na_points
	  FROM runs ORDER BY as_of;"
}
