/*
 * Writing a run.  Everything goes through prepared statements with bound
 * parameters, each prepared once and stepped per row, inside the one
 * transaction aggregate_run opens, so a run is replaced whole or not at
 * all.  The company table follows the latest as-of only: a backfill of an
 * older date adds to the trend without turning the companies view back.
 */
#include <stddef.h>

#include "db.h"
#include "err.h"
#include "score.h"
#include "store.h"

/* Step a statement that returns nothing; every parameter is bound anew
 * before the next step, so the bindings need no clearing. */
static int
step_done(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

int
store_open(struct store *s, sqlite3 *db, const char *as_of)
{
	sqlite3_stmt *st;
	int later = 0;

	s->db = db;
	s->as_of = as_of;
	s->latest = 0;
	s->company = NULL;
	if (db_prepare(db, &st, "SELECT count(*) FROM run WHERE as_of > ?"
		       " AND kind = 'local'"))
		return -1;
	sqlite3_bind_text(st, 1, as_of, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		later = sqlite3_column_int(st, 0);
	else
		later = error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (later < 0)
		return -1;
	s->latest = later == 0;
	if (!s->latest)
		return 0;
	if (db_exec(db, "DELETE FROM company"))
		return -1;
	return db_prepare(db, &s->company, "INSERT INTO company"
			  " (company_key, company_name, corporate_number,"
			  " industry_code, size_class, star_level,"
			  " submitted_at, answers, n_departments, complete,"
			  " total_score, band, as_of)"
			  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

int
store_company(struct store *s, const struct company_state *c)
{
	sqlite3_stmt *st = s->company;

	if (!s->latest)
		return 0;
	sqlite3_bind_text(st, 1, c->company_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->company_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->corporate_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->industry_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->size_class, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->star_level, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->submitted_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->answers, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, c->n_departments);
	sqlite3_bind_int(st, 10, c->complete);
	if (c->complete) {
		sqlite3_bind_int(st, 11, c->total);
		sqlite3_bind_text(st, 12, score_band_code(score_band(c->total)),
				  -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_null(st, 11);
		sqlite3_bind_null(st, 12);
	}
	sqlite3_bind_text(st, 13, s->as_of, -1, SQLITE_STATIC);
	return step_done(s->db, st);
}

/* Bind v at i, or NULL when it does not exist. */
static void
bind_real(sqlite3_stmt *st, int i, int exists, double v)
{
	if (exists)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* The key of a group's rows: run_id, industry, size, star. */
static void
bind_group(struct store *s, sqlite3_stmt *st, const struct cube_group *g)
{
	sqlite3_bind_int64(st, 1, s->run_id);
	sqlite3_bind_text(st, 2, cube_industry_code(g->industry), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cube_size_code(g->size), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, cube_star_code(g->star), -1, SQLITE_STATIC);
}

static int
insert_group(struct store *s, sqlite3_stmt *st, const struct cube_group *g)
{
	int has = g->n > 0, i;

	bind_group(s, st, g);
	sqlite3_bind_int64(st, 5, g->n);
	sqlite3_bind_int64(st, 6, g->n_incomplete);
	bind_real(st, 7, has, g->mean);
	bind_real(st, 8, has && g->has_sd, g->sd);
	bind_real(st, 9, has, g->median);
	bind_real(st, 10, has, g->p25);
	bind_real(st, 11, has, g->p75);
	if (has) {
		sqlite3_bind_int(st, 12, g->min);
		sqlite3_bind_int(st, 13, g->max);
	} else {
		sqlite3_bind_null(st, 12);
		sqlite3_bind_null(st, 13);
	}
	for (i = 0; i < NBANDS; i++)
		sqlite3_bind_int64(st, 14 + i, g->band[i]);
	for (i = 0; i < NPARTS; i++)
		bind_real(st, 18 + i, has, g->part_mean[i]);
	sqlite3_bind_int(st, 21, g->suppressed);
	return step_done(s->db, st);
}

static int
insert_questions(struct store *s, sqlite3_stmt *st,
		 const struct cube_group *g)
{
	int i, k;

	for (i = 0; i < NQUESTIONS; i++) {
		const struct cube_question *q = &g->q[i];

		bind_group(s, st, g);
		sqlite3_bind_int(st, 5, i + 1);
		sqlite3_bind_int64(st, 6, g->n);
		for (k = 0; k < CUBE_NCODES; k++)
			sqlite3_bind_int64(st, 7 + k, q->count[k]);
		bind_real(st, 12, q->has_rate, q->implemented_rate);
		bind_real(st, 13, q->has_mean, q->mean_points);
		sqlite3_bind_int(st, 14, q->rank);
		sqlite3_bind_int(st, 15, q->below_overall);
		if (step_done(s->db, st))
			return -1;
	}
	return 0;
}

static int
insert_hist(struct store *s, sqlite3_stmt *st, const struct cube_group *g)
{
	int i;

	for (i = 0; i < CUBE_NSCORES; i++) {
		if (g->hist[i] == 0)
			continue;
		bind_group(s, st, g);
		sqlite3_bind_int(st, 5, i + SCORE_MIN);
		sqlite3_bind_int64(st, 6, g->hist[i]);
		if (step_done(s->db, st))
			return -1;
	}
	return 0;
}

/* The run row itself, replacing the old one; sets s->run_id. */
static int
insert_run(struct store *s, const struct cube *c, const char *created_at,
	   int min_group, int na_points)
{
	const char *kind = s->kind ? s->kind : "local";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(s->db, &st, "DELETE FROM run WHERE as_of = ?"
		       " AND kind = ?"))
		return -1;
	sqlite3_bind_text(st, 1, s->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	if (rc || db_prepare(s->db, &st, "INSERT INTO run (as_of,"
			     " created_at, n_companies, n_incomplete,"
			     " min_group, na_points, kind)"
			     " VALUES (?, ?, ?, ?, ?, ?, ?)"))
		return -1;
	sqlite3_bind_text(st, 7, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 1, s->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, created_at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->n_companies);
	sqlite3_bind_int64(st, 4, c->n_incomplete);
	sqlite3_bind_int(st, 5, min_group);
	sqlite3_bind_int(st, 6, na_points);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	s->run_id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int
store_run(struct store *s, const struct cube *c, const char *created_at,
	  int min_group, int na_points)
{
	sqlite3_stmt *gst = NULL, *qst = NULL, *hst = NULL;
	int i, rc = -1;

	if (insert_run(s, c, created_at, min_group, na_points))
		return -1;
	if (db_prepare(s->db, &gst, "INSERT INTO group_stat VALUES (?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		       " ?)") ||
	    db_prepare(s->db, &qst, "INSERT INTO question_stat VALUES (?, ?,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") ||
	    db_prepare(s->db, &hst, "INSERT INTO score_hist VALUES (?, ?, ?,"
		       " ?, ?, ?)"))
		goto out;
	for (i = 0; i < CUBE_NGROUPS; i++) {
		const struct cube_group *g = &c->g[i];

		if (cube_group_empty(g))
			continue;
		if (insert_group(s, gst, g) || insert_questions(s, qst, g) ||
		    insert_hist(s, hst, g))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(gst);
	sqlite3_finalize(qst);
	sqlite3_finalize(hst);
	return rc;
}

void
store_close(struct store *s)
{
	sqlite3_finalize(s->company);
	s->company = NULL;
}
