/*
 * What render draws from: the run (the latest, or the one of --as-of)
 * and, with report workers, the write lock that keeps every connection
 * on one state of the database.  The lock itself is lib/db.c's, as for
 * ingest and aggregate; snapshot.h says why render takes it.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "err.h"
#include "render.h"
#include "snapshot.h"

int
snapshot_run(sqlite3 *db, const struct render_opts *o, struct render_run *run)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, o->as_of ?
	    "SELECT run_id, as_of, created_at, n_companies, n_incomplete,"
	    " min_group, na_points FROM runs WHERE as_of = ?"
	    " AND kind = 'local'" :
	    "SELECT run_id, as_of, created_at, n_companies, n_incomplete,"
	    " min_group, na_points FROM runs WHERE kind = 'local'"
	    " ORDER BY as_of DESC LIMIT 1"))
		return -1;
	if (o->as_of)
		sqlite3_bind_text(st, 1, o->as_of, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(run, 0, sizeof *run);
		run->run_id = sqlite3_column_int64(st, 0);
		snprintf(run->as_of, sizeof run->as_of, "%s",
			 (const char *)sqlite3_column_text(st, 1));
		snprintf(run->created_at, sizeof run->created_at, "%s",
			 (const char *)sqlite3_column_text(st, 2));
		snprintf(run->doc_date, sizeof run->doc_date,
			 "%.10sT00:00:00+09:00", run->as_of);
		run->n_companies = sqlite3_column_int64(st, 3);
		run->n_incomplete = sqlite3_column_int64(st, 4);
		run->min_group = sqlite3_column_int(st, 5);
		run->na_points = sqlite3_column_int(st, 6);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		if (o->as_of)
			rc = error("'%s': no run as of %s (run aggregate "
				   "--as-of %s first)", o->db_path, o->as_of,
				   o->as_of);
		else
			rc = error("'%s': no run yet, nothing to draw (run "
				   "aggregate first)", o->db_path);
	} else {
		rc = error("database: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

sqlite3 *
snapshot_lock(const char *path)
{
	char why[256];
	sqlite3 *lock = db_lock(path, why, sizeof why);

	if (!lock)
		info("'%s': %s; the report workers may read a later state "
		     "than the portfolio", path, why);
	return lock;
}

void
snapshot_unlock(sqlite3 **lock)
{
	db_unlock(*lock);
	*lock = NULL;
}
