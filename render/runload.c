/*
 * Reading a run's statistics (see runload.h).  The charts and the reports
 * used to read group_stat, question_stat and score_hist each into their
 * own structs with their own queries; both now start from these rows.
 * The queries take the union of what either draws, so a reader filters
 * by the dimensions it wants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "runload.h"

void
runload_text(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	snprintf(buf, n, "%s", s ? (const char *)s : "");
}

int
runload_rows(sqlite3 *db, long long run_id, const char *as_of,
	     const char *sql, void **arr, int *n, size_t size,
	     void (*fill)(sqlite3_stmt *, void *))
{
	sqlite3_stmt *st;
	int rc, cap = *n;

	if (db_prepare(db, &st, sql))
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, as_of, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *e;

		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			*arr = xrealloc(*arr, (size_t)cap * size);
		}
		e = (char *)*arr + (size_t)(*n)++ * size;
		memset(e, 0, size);
		fill(st, e);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

/* Column i of st as a double; *has says whether it was not NULL. */
static double
column_opt(sqlite3_stmt *st, int i, int *has)
{
	*has = sqlite3_column_type(st, i) != SQLITE_NULL;
	return sqlite3_column_double(st, i);
}

static void
fill_group(sqlite3_stmt *st, void *e)
{
	struct run_group *g = e;
	int i;

	runload_text(st, 0, g->ind, sizeof g->ind);
	runload_text(st, 1, g->size, sizeof g->size);
	runload_text(st, 2, g->star, sizeof g->star);
	g->n = sqlite3_column_int64(st, 3);
	g->mean = column_opt(st, 4, &g->has_mean);
	g->sd = column_opt(st, 5, &g->has_sd);
	for (i = 0; i < NBANDS; i++)
		g->band[i] = sqlite3_column_int64(st, 6 + i);
	g->suppressed = sqlite3_column_int(st, 10) != 0;
	for (i = 0; i < NPARTS; i++)
		g->part_mean[i] = column_opt(st, 11 + i, &g->has_part[i]);
}

/* Columns 0 and 1: industry code and star level of a group. */
static void
key_columns(sqlite3_stmt *st, char *ind, char *star, size_t n)
{
	runload_text(st, 0, ind, n);
	runload_text(st, 1, star, n);
}

static void
fill_question(sqlite3_stmt *st, void *e)
{
	struct run_question *q = e;

	key_columns(st, q->ind, q->star, sizeof q->ind);
	q->qno = sqlite3_column_int(st, 2);
	q->rate = column_opt(st, 3, &q->has_rate);
	q->below = sqlite3_column_int(st, 4) != 0;
	q->points = column_opt(st, 5, &q->has_points);
}

static void
fill_hist(sqlite3_stmt *st, void *e)
{
	struct run_hist *h = e;

	key_columns(st, h->ind, h->star, sizeof h->ind);
	h->score = sqlite3_column_int(st, 2);
	h->n = sqlite3_column_int64(st, 3);
}

#define ONE_DIMENSION \
	" WHERE run_id = ?1 AND size_class = '*'" \
	" AND (industry_code = '*' OR star_level = '*')"

int
runload_stats(sqlite3 *db, long long run_id, struct run_stats *rs)
{
	void *g = NULL, *q = NULL, *h = NULL;
	int rc;

	memset(rs, 0, sizeof *rs);
	rc = runload_rows(db, run_id, "", "SELECT industry_code, size_class,"
	    " star_level, n, mean, sd, band_100, band_70_99, band_50_69,"
	    " band_le49, suppressed, part1_mean, part2_mean, part3_mean"
	    " FROM group_stat WHERE run_id = ?1"
	    " AND (size_class = '*' OR (industry_code = '*'"
	    " AND star_level = '*'))"
	    " ORDER BY industry_code, size_class, star_level",
	    &g, &rs->ng, sizeof *rs->g, fill_group) ||
	    runload_rows(db, run_id, "", "SELECT industry_code, star_level,"
	    " question_no, implemented_rate, below_overall, mean_points"
	    " FROM question_stat" ONE_DIMENSION,
	    &q, &rs->nq, sizeof *rs->q, fill_question) ||
	    runload_rows(db, run_id, "", "SELECT industry_code, star_level,"
	    " score, n FROM score_hist" ONE_DIMENSION,
	    &h, &rs->nh, sizeof *rs->h, fill_hist);
	/* handed over whatever happened, so runload_release frees them */
	rs->g = g;
	rs->q = q;
	rs->h = h;
	return rc ? -1 : 0;
}

void
runload_release(struct run_stats *rs)
{
	free(rs->g);
	free(rs->q);
	free(rs->h);
	memset(rs, 0, sizeof *rs);
}
