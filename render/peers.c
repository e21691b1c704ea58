/*
 * The pooled benchmark behind a report (render --peers pooled).  The
 * pooled run is a run of kind 'pooled' in the same database, made by
 * aggregate --pool from the pool files of several organisations; its
 * groups have the same shape as a local run's, so report.c reads them
 * with the same code and only needs to know which run it is and what to
 * say about it.
 */
#include <stdio.h>

#include "db.h"
#include "err.h"
#include "labels.h"
#include "peers.h"

int
peers_find_pooled(sqlite3 *db, const char *db_path, struct render_run *run)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT run_id, n_companies, n_orgs"
		       " FROM runs WHERE as_of = ? AND kind = 'pooled'"))
		return -1;
	sqlite3_bind_text(st, 1, run->as_of, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		run->pool_run_id = sqlite3_column_int64(st, 0);
		run->pool_companies = sqlite3_column_int64(st, 1);
		run->pool_orgs = sqlite3_column_int(st, 2);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = error("'%s': --peers pooled: no pooled run as of %s "
			   "(run aggregate --pool first)", db_path,
			   run->as_of);
	} else {
		rc = error("database: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

void
peers_note(char *buf, size_t size, const struct render_run *run,
	   const char *iname, long long n)
{
	char n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];

	snprintf(buf, size, "自組織の%sは回答社数が少ないため、合同ベンチ"
		 "マーク（%d組織・同業種%s社・全体%s社）と比較しています。",
		 iname, run->pool_orgs, label_count(n, n1, sizeof n1),
		 label_count(run->pool_companies, n2, sizeof n2));
}
