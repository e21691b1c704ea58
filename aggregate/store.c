/*
 * Writing a run.  Everything goes through prepared statements with bound
 * parameters, each prepared once and stepped per row, inside the one
 * transaction aggregate_run opens, so a run is replaced whole or not at
 * all.  The company table follows the latest as-of only: a backfill of an
 * older date adds to the trend without turning the companies view back.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The columns of a company row, in the order same_row reads them. */
#define COMPANY_COLUMNS "company_key, company_name, corporate_number," \
	" industry_code, size_class, star_level, submitted_at, answers," \
	" n_departments, complete, total_score"
enum {
	CO_KEY, CO_NAME, CO_CORPNO, CO_INDUSTRY, CO_SIZE, CO_STAR, CO_AT,
	CO_ANSWERS, CO_NDEPT, CO_COMPLETE, CO_TOTAL,
};

/*
 * The merge writes its new and changed company rows PUT_BATCH to a
 * statement: at 1M companies a first run spent most of its time stepping
 * one INSERT a row.
 */
#define PUT_COLUMNS 13
#define PUT_BATCH 32

static int prepare_rows(sqlite3 *db, sqlite3_stmt **st, const char *table,
			int rows, int cols, const char *key, const char *set);

int
store_open(struct store *s, sqlite3 *db, const char *as_of)
{
	sqlite3_stmt *st;
	int later = 0;

	s->db = db;
	s->as_of = as_of;
	s->latest = 0;
	s->put = s->drop = s->get = s->old = s->put_batch = NULL;
	s->slots = NULL;
	s->nslots = 0;
	s->changed = 0;
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
	return db_prepare(db, &s->put, "INSERT OR REPLACE INTO company"
			  " (" COMPANY_COLUMNS ", band, as_of)"
			  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") ||
	       prepare_rows(db, &s->put_batch, "company", PUT_BATCH,
			    PUT_COLUMNS, "company_key", "company_name"
			    " corporate_number industry_code size_class"
			    " star_level submitted_at answers n_departments"
			    " complete total_score band as_of") ||
	       db_prepare(db, &s->drop, "DELETE FROM company"
			  " WHERE company_key = ?") ||
	       db_prepare(db, &s->get, "SELECT " COMPANY_COLUMNS
			  " FROM company WHERE company_key = ?");
}

/* Text columns are equal, NULL equal to NULL only. */
static int
same_text(sqlite3_stmt *st, int col, const char *v)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return t && v ? strcmp(t, v) == 0 : !t && !v;
}

/* The row st is on holds the state c (the as_of it was written by aside). */
static int
same_row(sqlite3_stmt *st, const struct company_state *c)
{
	return same_text(st, CO_NAME, c->company_name) &&
	       same_text(st, CO_CORPNO, c->corporate_number) &&
	       same_text(st, CO_INDUSTRY, c->industry_code) &&
	       same_text(st, CO_SIZE, c->size_class) &&
	       same_text(st, CO_STAR, c->star_level) &&
	       same_text(st, CO_AT, c->submitted_at) &&
	       same_text(st, CO_ANSWERS, c->answers) &&
	       sqlite3_column_int(st, CO_NDEPT) == c->n_departments &&
	       sqlite3_column_int(st, CO_COMPLETE) == c->complete &&
	       (!c->complete ||
		sqlite3_column_int(st, CO_TOTAL) == c->total);
}

/* Bind c's company row at parameters base + 1 .. base + PUT_COLUMNS. */
static void
bind_company(struct store *s, sqlite3_stmt *st, int base,
	     const struct company_state *c)
{
	sqlite3_bind_text(st, base + 1, c->company_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 2, c->company_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 3, c->corporate_number, -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, base + 4, c->industry_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 5, c->size_class, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 6, c->star_level, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 7, c->submitted_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 8, c->answers, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, base + 9, c->n_departments);
	sqlite3_bind_int(st, base + 10, c->complete);
	if (c->complete) {
		sqlite3_bind_int(st, base + 11, c->total);
		sqlite3_bind_text(st, base + 12,
				  score_band_code(score_band(c->total)), -1,
				  SQLITE_STATIC);
	} else {
		sqlite3_bind_null(st, base + 11);
		sqlite3_bind_null(st, base + 12);
	}
	sqlite3_bind_text(st, base + 13, s->as_of, -1, SQLITE_STATIC);
}

int
store_company_put(struct store *s, const struct company_state *c)
{
	sqlite3_reset(s->get);
	bind_company(s, s->put, 0, c);
	s->changed++;
	return step_done(s->db, s->put);
}

/* Copy c into a batch slot, its strings into the slot's own buffer. */
static void
slot_set(struct put_slot *p, const struct company_state *c)
{
	const char **str[6];
	size_t len[6], need = 0, at = 0;
	int i;

	p->c = *c;
	str[0] = &p->c.company_key;
	str[1] = &p->c.company_name;
	str[2] = &p->c.corporate_number;
	str[3] = &p->c.industry_code;
	str[4] = &p->c.size_class;
	str[5] = &p->c.star_level;
	for (i = 0; i < 6; i++) {
		len[i] = *str[i] ? strlen(*str[i]) + 1 : 0;
		need += len[i];
	}
	if (need > p->cap) {
		p->cap = need * 2;
		p->buf = xrealloc(p->buf, p->cap);
	}
	for (i = 0; i < 6; i++)
		if (*str[i]) {
			memcpy(p->buf + at, *str[i], len[i]);
			*str[i] = p->buf + at;
			at += len[i];
		}
}

/* Write the rows batched so far; 0 or -1. */
static int
flush_puts(struct store *s)
{
	int i, n = s->nslots;

	s->nslots = 0;
	if (n == PUT_BATCH) {
		for (i = 0; i < n; i++)
			bind_company(s, s->put_batch, i * PUT_COLUMNS,
				     &s->slots[i].c);
		return step_done(s->db, s->put_batch);
	}
	for (i = 0; i < n; i++) {
		bind_company(s, s->put, 0, &s->slots[i].c);
		if (step_done(s->db, s->put))
			return -1;
	}
	return 0;
}

/* store_company_put through the batch, for the merge's many rows. */
static int
batch_put(struct store *s, const struct company_state *c)
{
	if (!s->slots)
		s->slots = xcalloc(PUT_BATCH, sizeof *s->slots);
	slot_set(&s->slots[s->nslots++], c);
	s->changed++;
	return s->nslots == PUT_BATCH ? flush_puts(s) : 0;
}

int
store_company_drop(struct store *s, const char *key)
{
	sqlite3_reset(s->get);
	sqlite3_bind_text(s->drop, 1, key, -1, SQLITE_TRANSIENT);
	s->changed++;
	return step_done(s->db, s->drop);
}

int
store_company_get(struct store *s, const char *key,
		  struct company_state *old, int na_points)
{
	sqlite3_stmt *st = s->get;
	const char *a;
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return error("database: %s", sqlite3_errmsg(s->db));
	memset(old, 0, sizeof *old);
	old->company_key = key;
	old->industry_code = (const char *)sqlite3_column_text(st,
							       CO_INDUSTRY);
	old->size_class = (const char *)sqlite3_column_text(st, CO_SIZE);
	old->star_level = (const char *)sqlite3_column_text(st, CO_STAR);
	a = (const char *)sqlite3_column_text(st, CO_ANSWERS);
	snprintf(old->answers, sizeof old->answers, "%s", a ? a : "");
	state_score(old, na_points);
	/* a row that does not say what the scan made of it is not ours */
	if (strlen(old->answers) != NQUESTIONS ||
	    sqlite3_column_int(st, CO_COMPLETE) != old->complete ||
	    (old->complete &&
	     sqlite3_column_int(st, CO_TOTAL) != old->total)) {
		sqlite3_reset(st);
		return 2;
	}
	return 1;
}

int
store_company_same(struct store *s, const struct company_state *c)
{
	int same = same_row(s->get, c);

	sqlite3_reset(s->get);
	return same;
}

/* Advance the cursor over the old company rows; 0 or -1. */
static int
old_next(struct store *s)
{
	int rc = sqlite3_step(s->old);

	s->old_has = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->old_db));
	return 0;
}

int
store_merge_begin(struct store *s, sqlite3 *old_db)
{
	s->old_db = old_db;
	if (db_prepare(old_db, &s->old, "SELECT " COMPANY_COLUMNS
		       " FROM company ORDER BY company_key"))
		return -1;
	return old_next(s);
}

/* Drop old rows before key (every one left when key is NULL). */
static int
drop_before(struct store *s, const char *key)
{
	while (s->old_has) {
		const char *k = (const char *)sqlite3_column_text(s->old,
								  CO_KEY);

		if (key && k && strcmp(k, key) >= 0)
			break;
		if (store_company_drop(s, k ? k : "") || old_next(s))
			return -1;
	}
	return 0;
}

int
store_company(struct store *s, const struct company_state *c)
{
	if (!s->latest)
		return 0;
	if (drop_before(s, c->company_key))
		return -1;
	if (s->old_has && same_text(s->old, CO_KEY, c->company_key)) {
		int same = same_row(s->old, c);

		if (old_next(s))
			return -1;
		if (same)
			return 0;
	}
	return batch_put(s, c);
}

int
store_merge_end(struct store *s)
{
	return s->latest ? drop_before(s, NULL) || flush_puts(s) : 0;
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

/* The key of a group's row at parameter base + 1: run_id .. star. */
static void
bind_key(struct store *s, sqlite3_stmt *st, int base,
	 const struct cube_group *g)
{
	sqlite3_bind_int64(st, base + 1, s->run_id);
	sqlite3_bind_text(st, base + 2, cube_industry_code(g->industry), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, base + 3, cube_size_code(g->size), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, base + 4, cube_star_code(g->star), -1,
			  SQLITE_STATIC);
}

static int
insert_group(struct store *s, sqlite3_stmt *st, const struct cube_group *g)
{
	int has = g->n > 0, i;

	bind_key(s, st, 0, g);
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

/*
 * "INSERT INTO table VALUES (...), ..." for rows rows of cols columns,
 * prepared: one statement runs many rows, so SQLite opens the table's
 * cursor once for them instead of once a row.  With key and set (a run
 * kept, s->kept), a row whose key is there already is updated, and only
 * where a column of set differs: a run stored again unchanged then
 * writes no page of its statistics.
 */
static int
prepare_rows(sqlite3 *db, sqlite3_stmt **st, const char *table, int rows,
	     int cols, const char *key, const char *set)
{
	size_t cap = 64 + (size_t)rows * ((size_t)cols * 2 + 4) +
		     /* a column of set is written 4 times, with 40
			bytes around them at most */
		     (set ? 128 + strlen(key) + 44 * (strlen(set) + 1) : 0),
		     n;
	char *sql = xmalloc(cap);
	const char *p;
	int i, c, rc;

	n = (size_t)snprintf(sql, cap, "INSERT INTO %s VALUES ", table);
	for (i = 0; i < rows; i++) {
		n += (size_t)snprintf(sql + n, cap - n, "%s(", i ? "," : "");
		for (c = 0; c < cols; c++)
			n += (size_t)snprintf(sql + n, cap - n, "%s?",
					      c ? "," : "");
		n += (size_t)snprintf(sql + n, cap - n, ")");
	}
	if (set) {
		/* set is "a b c": SET a = excluded.a, ... WHERE a IS NOT
		   excluded.a OR ... */
		for (i = 0; i < 2; i++) {
			n += (size_t)snprintf(sql + n, cap - n, "%s",
				i ? " WHERE " : " ON CONFLICT (");
			if (!i)
				n += (size_t)snprintf(sql + n, cap - n,
					"%s) DO UPDATE SET ", key);
			for (p = set; *p; ) {
				int len = (int)strcspn(p, " ");

				n += (size_t)snprintf(sql + n, cap - n,
					i ? "%.*s IS NOT excluded.%.*s%s" :
					"%.*s = excluded.%.*s%s", len, p, len,
					p, p[len] ? (i ? " OR " : ", ") : "");
				p += len + (p[len] != '\0');
			}
		}
	}
	rc = db_prepare(db, st, sql);
	free(sql);
	return rc;
}

/* The keys and the other columns of the statistics tables. */
#define GROUP_KEY "run_id, industry_code, size_class, star_level"
#define GROUP_SET "n n_incomplete mean sd median p25 p75 min max band_100" \
	" band_70_99 band_50_69 band_le49 part1_mean part2_mean part3_mean" \
	" suppressed"
#define QUESTION_SET "n implemented partial not_implemented unknown na" \
	" implemented_rate mean_points rank below_overall"
#define HIST_SET "n"
#define GROUP_COLS 21

/*
 * The rows of a kept run that the new one does not write: those of the
 * groups that are empty now, and the histogram rows of scores no company
 * of the group has now (by runs of empty bins, the ends open).  0 or -1.
 */
static int
drop_stale(struct store *s, const struct cube *c)
{
	static const char *const sql[] = {
		"DELETE FROM group_stat WHERE run_id = ?1 AND industry_code"
		" = ?2 AND size_class = ?3 AND star_level = ?4",
		"DELETE FROM question_stat WHERE run_id = ?1 AND industry_code"
		" = ?2 AND size_class = ?3 AND star_level = ?4",
		"DELETE FROM score_hist WHERE run_id = ?1 AND industry_code"
		" = ?2 AND size_class = ?3 AND star_level = ?4",
		"DELETE FROM score_hist WHERE run_id = ?1 AND industry_code"
		" = ?2 AND size_class = ?3 AND star_level = ?4"
		" AND score BETWEEN ?5 AND ?6",
	};
	sqlite3_stmt *st[4] = { NULL };
	int i, t, k, j, rc = -1;

	for (t = 0; t < 4; t++)
		if (db_prepare(s->db, &st[t], sql[t]))
			goto out;
	for (i = 0; i < CUBE_NGROUPS; i++) {
		const struct cube_group *g = &c->g[i];

		if (cube_group_empty(g)) {
			for (t = 0; t < 3; t++) {
				bind_key(s, st[t], 0, g);
				if (step_done(s->db, st[t]))
					goto out;
			}
			continue;
		}
		/* bins -1 and CUBE_NSCORES stand for every score beyond */
		for (k = -1; k <= CUBE_NSCORES; k = j) {
			if (k >= 0 && k < CUBE_NSCORES && g->hist[k] != 0) {
				j = k + 1;
				continue;
			}
			for (j = k + 1; j < CUBE_NSCORES && g->hist[j] == 0;
			     j++)
				;
			if (j == CUBE_NSCORES)
				j++;
			bind_key(s, st[3], 0, g);
			sqlite3_bind_int64(st[3], 5, k < 0 ? INT64_MIN :
					   k + SCORE_MIN);
			sqlite3_bind_int64(st[3], 6, j > CUBE_NSCORES ?
					   INT64_MAX : j - 1 + SCORE_MIN);
			if (step_done(s->db, st[3]))
				goto out;
		}
	}
	rc = 0;
out:
	for (t = 0; t < 4; t++)
		sqlite3_finalize(st[t]);
	return rc;
}

#define QUESTION_COLS 15
#define HIST_COLS 6
#define HIST_BATCH 16	/* score rows a statement; fewer go one by one */

/* The group's 25 question rows, in one statement. */
static int
insert_questions(struct store *s, sqlite3_stmt *st,
		 const struct cube_group *g)
{
	int i, k;

	for (i = 0; i < NQUESTIONS; i++) {
		const struct cube_question *q = &g->q[i];
		int b = i * QUESTION_COLS;

		bind_key(s, st, b, g);
		sqlite3_bind_int(st, b + 5, i + 1);
		sqlite3_bind_int64(st, b + 6, g->n);
		for (k = 0; k < CUBE_NCODES; k++)
			sqlite3_bind_int64(st, b + 7 + k, q->count[k]);
		bind_real(st, b + 12, q->has_rate, q->implemented_rate);
		bind_real(st, b + 13, q->has_mean, q->mean_points);
		sqlite3_bind_int(st, b + 14, q->rank);
		sqlite3_bind_int(st, b + 15, q->below_overall);
	}
	return step_done(s->db, st);
}

/* The group's non-empty histogram bins, HIST_BATCH to a statement. */
static int
insert_hist(struct store *s, sqlite3_stmt *batch, sqlite3_stmt *one,
	    const struct cube_group *g)
{
	int bins[CUBE_NSCORES], n = 0, i, j;

	for (i = 0; i < CUBE_NSCORES; i++)
		if (g->hist[i] != 0)
			bins[n++] = i;
	for (i = 0; i < n; i += j) {
		sqlite3_stmt *st = n - i >= HIST_BATCH ? batch : one;
		int rows = st == batch ? HIST_BATCH : 1;

		for (j = 0; j < rows; j++) {
			int b = j * HIST_COLS;

			bind_key(s, st, b, g);
			sqlite3_bind_int(st, b + 5, bins[i + j] + SCORE_MIN);
			sqlite3_bind_int64(st, b + 6, g->hist[bins[i + j]]);
		}
		if (step_done(s->db, st))
			return -1;
	}
	return 0;
}

/*
 * The run of as_of already stored, to be replaced: its run_id into *id,
 * and whether the row a new insert would get is that same run_id
 * (*same: it is the highest, one above the next highest).  0 when there
 * is none, 1 when there is, -1 on error.
 */
static int
old_run(struct store *s, const char *kind, sqlite3_int64 *id, int *same)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(s->db, &st, "SELECT run_id, (SELECT coalesce("
		       "max(o.run_id), 0) + 1 FROM run o WHERE o.run_id <>"
		       " run.run_id) FROM run WHERE as_of = ? AND kind = ?"))
		return -1;
	sqlite3_bind_text(st, 1, s->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*same = sqlite3_column_int64(st, 1) == *id;
	} else if (rc != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(s->db));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Keep the row of the run replaced, run_id id, as the new run's: what
 * deleting it and inserting the new one would leave, since the insert
 * would take the same run_id, but its statistics stay in place for
 * store_run to update (s->kept).  Only the rows hung on the run that the
 * new one writes afresh go: its organisations and saved state.
 */
static int
keep_run(struct store *s, sqlite3_int64 id, const struct cube *c,
	 const char *created_at, int min_group, int na_points)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(s->db, &st, "DELETE FROM run_org WHERE run_id = ?1"))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	if (rc || db_prepare(s->db, &st, "DELETE FROM cube_state"
			     " WHERE run_id = ?1"))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	if (rc || db_prepare(s->db, &st, "UPDATE run SET created_at = ?,"
			     " n_companies = ?, n_incomplete = ?,"
			     " min_group = ?, na_points = ? WHERE run_id = ?"))
		return -1;
	sqlite3_bind_text(st, 1, created_at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->n_companies);
	sqlite3_bind_int64(st, 3, c->n_incomplete);
	sqlite3_bind_int(st, 4, min_group);
	sqlite3_bind_int(st, 5, na_points);
	sqlite3_bind_int64(st, 6, id);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	s->run_id = id;
	s->kept = 1;
	return rc;
}

/* The run row itself, replacing the old one; sets s->run_id. */
static int
insert_run(struct store *s, const struct cube *c, const char *created_at,
	   int min_group, int na_points)
{
	const char *kind = s->kind ? s->kind : "local";
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;
	int rc, same = 0;

	s->kept = 0;
	if ((rc = old_run(s, kind, &id, &same)) < 0)
		return -1;
	if (rc == 1 && same)
		return keep_run(s, id, c, created_at, min_group, na_points);
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
	sqlite3_stmt *gst = NULL, *qst = NULL, *hst = NULL, *h1 = NULL;
	int i, rc = -1;

	if (insert_run(s, c, created_at, min_group, na_points))
		return -1;
	if (s->kept && drop_stale(s, c))
		goto out;
	if (prepare_rows(s->db, &gst, "group_stat", 1, GROUP_COLS,
			 GROUP_KEY, s->kept ? GROUP_SET : NULL) ||
	    prepare_rows(s->db, &qst, "question_stat", NQUESTIONS,
			 QUESTION_COLS, GROUP_KEY ", question_no",
			 s->kept ? QUESTION_SET : NULL) ||
	    prepare_rows(s->db, &hst, "score_hist", HIST_BATCH, HIST_COLS,
			 GROUP_KEY ", score", s->kept ? HIST_SET : NULL) ||
	    prepare_rows(s->db, &h1, "score_hist", 1, HIST_COLS,
			 GROUP_KEY ", score", s->kept ? HIST_SET : NULL))
		goto out;
	for (i = 0; i < CUBE_NGROUPS; i++) {
		const struct cube_group *g = &c->g[i];

		if (cube_group_empty(g))
			continue;
		if (insert_group(s, gst, g) || insert_questions(s, qst, g) ||
		    insert_hist(s, hst, h1, g))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(gst);
	sqlite3_finalize(qst);
	sqlite3_finalize(hst);
	sqlite3_finalize(h1);
	return rc;
}

int
store_state_read(struct store *s, struct store_saved *v, struct cube *c)
{
	sqlite3_stmt *st;
	const void *blob;
	int rc;

	memset(v, 0, sizeof *v);
	if (db_prepare(s->db, &st, "SELECT c.as_of, c.high_id,"
		       " coalesce(c.pending, ''), c.na_points, c.min_group,"
		       " c.format, c.cells, r.created_at = c.created_at AND"
		       " r.as_of = c.as_of AND r.kind = 'local' AND r.as_of ="
		       " (SELECT max(as_of) FROM run WHERE kind = 'local')"
		       " FROM cube_state c JOIN run r USING (run_id)"))
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(v->as_of, sizeof v->as_of, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		v->high_id = sqlite3_column_int64(st, 1);
		snprintf(v->pending, sizeof v->pending, "%s",
			 (const char *)sqlite3_column_text(st, 2));
		v->na_points = sqlite3_column_int(st, 3);
		v->min_group = sqlite3_column_int(st, 4);
		v->format = sqlite3_column_int64(st, 5);
		v->current = sqlite3_column_int(st, 7);
		blob = sqlite3_column_blob(st, 6);
		v->loaded = v->format == cube_state_format() &&
			cube_state_load(c, blob,
				(size_t)sqlite3_column_bytes(st, 6)) == 0;
		v->found = 1;
	} else if (rc != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(s->db));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_state_write(struct store *s, const struct cube *c,
		  const char *created_at, sqlite3_int64 high_id,
		  const char *pending, int na_points, int min_group)
{
	sqlite3_stmt *st;
	int64_t *cells;
	size_t len = cube_state_save(c, &cells);
	int rc;

	if (db_exec(s->db, "DELETE FROM cube_state; DELETE FROM cube_dirty") ||
	    db_prepare(s->db, &st, "INSERT INTO cube_state VALUES (?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?)")) {
		free(cells);
		return -1;
	}
	sqlite3_bind_int64(st, 1, s->run_id);
	sqlite3_bind_text(st, 2, s->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, created_at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, high_id);
	if (pending && *pending)
		sqlite3_bind_text(st, 5, pending, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_int(st, 6, na_points);
	sqlite3_bind_int(st, 7, min_group);
	sqlite3_bind_int64(st, 8, cube_state_format());
	sqlite3_bind_blob(st, 9, cells, (int)len, SQLITE_STATIC);
	rc = step_done(s->db, st);
	sqlite3_finalize(st);
	free(cells);
	return rc;
}

void
store_close(struct store *s)
{
	sqlite3_finalize(s->put);
	sqlite3_finalize(s->drop);
	sqlite3_finalize(s->get);
	sqlite3_finalize(s->old);
	sqlite3_finalize(s->put_batch);
	s->put = s->drop = s->get = s->old = s->put_batch = NULL;
	if (s->slots) {
		int i;

		for (i = 0; i < PUT_BATCH; i++)
			free(s->slots[i].buf);
		free(s->slots);
		s->slots = NULL;
	}
	s->nslots = 0;
}
