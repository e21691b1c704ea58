/*
 * Where an import meets the database.  A file's rows come out of the
 * sorter in the response table's key order and are stored as new
 * responses, in batches where no earlier version can exist, or looked up
 * and kept as duplicates or superseding versions.  Rejected rows and the
 * file table's rows are written here too, all through statements
 * prepared once per run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "db.h"
#include "err.h"
#include "extsort.h"
#include "layout.h"
#include "row.h"
#include "store.h"

#define INSERT_COLUMNS "INSERT OR ROLLBACK INTO response (company_key, department," \
	" submitted_at, company_name, corporate_number, industry_code," \
	" industry_raw, size_class, star_level, answers, base_score," \
	" n_unknown, n_na, n_missing, file_id, line, response_id," \
	" company_reading) VALUES "
#define NCOLUMNS 18
/*
 * New rows in identity order are inserted BATCH to a statement: one
 * statement run per row cost as much again as the insert itself (opening
 * and closing the table's cursor, seeking from the root each time).
 */
#define BATCH 32

/* "INSERT ... VALUES (?, ..., ?), ..." for BATCH rows. */
static int
prepare_batch(sqlite3 *db, sqlite3_stmt **st)
{
	char sql[sizeof INSERT_COLUMNS + BATCH * (NCOLUMNS * 3 + 4)];
	size_t n = 0;
	int i, c;

	n += (size_t)snprintf(sql, sizeof sql, "%s", INSERT_COLUMNS);
	for (i = 0; i < BATCH; i++) {
		n += (size_t)snprintf(sql + n, sizeof sql - n, "%s(",
				      i ? ", " : "");
		for (c = 0; c < NCOLUMNS; c++)
			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s?",
					      c ? "," : "");
		n += (size_t)snprintf(sql + n, sizeof sql - n, ")");
	}
	return db_prepare(db, st, sql);
}

int
store_prepare(struct store *s, sqlite3 *db)
{
	s->db = db;
	return prepare_batch(db, &s->insert_batch) || db_prepare(db, &s->find, "SELECT response_id, superseded,"
		" answers, company_name, corporate_number, industry_code,"
		" industry_raw, size_class, star_level FROM response"
		" WHERE company_key = ?1 AND department = ?2"
		" AND submitted_at = ?3") ||
	    db_prepare(db, &s->latest, "SELECT response_id, superseded,"
		" answers, company_name, corporate_number, industry_code,"
		" industry_raw, size_class, star_level FROM response"
		" WHERE company_key = ?1 AND department = ?2"
		" AND superseded = 0 ORDER BY submitted_at DESC LIMIT 1") ||
	    db_prepare(db, &s->insert, INSERT_COLUMNS "(?1, ?2, ?3, ?4, ?5,"
		" ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)") ||
	    db_prepare(db, &s->supersede, "UPDATE response SET superseded = 1"
		" WHERE company_key = ?1 AND department = ?2 AND submitted_at ="
		" ?3 AND response_id = ?4") ||
	    db_prepare(db, &s->id_get, "SELECT id FROM next_id WHERE name ="
		" 'response'") ||
	    db_prepare(db, &s->id_set, "UPDATE next_id SET id = ?1 WHERE"
		" name = 'response'") ||
	    db_prepare(db, &s->reject, "INSERT INTO reject (file_id, line,"
		" col, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5)") ||
	    db_prepare(db, &s->file_new, "INSERT INTO file (path, sha256,"
		" bytes, encoding, dialect, header_line, status, reason,"
		" imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") ||
	    db_prepare(db, &s->file_done, "UPDATE file SET sha256 = ?2,"
		" bytes = ?3, status = ?4, rows_read = ?5, rows_new = ?6,"
		" rows_duplicate = ?7, rows_rejected = ?8, time_source = ?9"
		" WHERE file_id = ?1") ||
	    db_prepare(db, &s->archive, "UPDATE file SET archive = 1"
		" WHERE file_id = ?1") ||
	    db_prepare(db, &s->same_size, "SELECT 1 FROM file WHERE"
		" bytes = ?1 AND status IN ('imported', 'partial') LIMIT 1") ||
	    db_prepare(db, &s->same_hash, "SELECT path FROM file WHERE"
		" sha256 = ?1 AND status IN ('imported', 'partial') LIMIT 1") ||
	    db_prepare(db, &s->last, "SELECT company_key, department,"
		" submitted_at FROM response ORDER BY company_key DESC,"
		" department DESC, submitted_at DESC LIMIT 1");
}

void
store_finalize(struct store *s)
{
	sqlite3_finalize(s->find);
	sqlite3_finalize(s->latest);
	sqlite3_finalize(s->insert);
	sqlite3_finalize(s->supersede);
	sqlite3_finalize(s->reject);
	sqlite3_finalize(s->file_new);
	sqlite3_finalize(s->file_done);
	sqlite3_finalize(s->same_size);
	sqlite3_finalize(s->same_hash);
	sqlite3_finalize(s->last);
	sqlite3_finalize(s->id_get);
	sqlite3_finalize(s->id_set);
	sqlite3_finalize(s->insert_batch);
	sqlite3_finalize(s->archive);
}

/* s must stay as it is until the statement is stepped. */
static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Step a statement that returns no rows; -1 after printing why. */
static int
step_done(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->db));
	return 0;
}

int
store_reject(struct store *s, long long file_id, long line, int col,
	     const char *why, const char *raw, size_t rawlen)
{
	sqlite3_stmt *st = s->reject;

	sqlite3_bind_int64(st, 1, file_id);
	sqlite3_bind_int64(st, 2, line);
	if (col > 0)
		sqlite3_bind_int(st, 3, col);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, why, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, raw, (int)rawlen, SQLITE_STATIC);
	return step_done(s, st);
}

static int
col_equal(sqlite3_stmt *st, int i, const char *s)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	if (!s || !*s)
		return v == NULL || !*v;
	return v && strcmp(v, s) == 0;
}

static void
bind_value(sqlite3_stmt *st, int i, const struct packed *w, int v)
{
	sqlite3_bind_text(st, i, w->v[v], w->len[v], SQLITE_STATIC);
}

/* An empty value is NULL in the optional columns. */
static void
bind_value_or_null(sqlite3_stmt *st, int i, const struct packed *w, int v)
{
	if (w->len[v] > 0)
		bind_value(st, i, w, v);
	else
		sqlite3_bind_null(st, i);
}

/*
 * Bind a new row's 18 values, in the order of INSERT_COLUMNS, to the
 * parameters first .. first + 17; the row takes the next response id.
 * The packed bytes must stay as they are until the statement is stepped.
 */
static void
bind_new(struct store *s, struct store_file *f, sqlite3_stmt *st, int first,
	 const struct packed *w)
{
	bind_value(st, first, w, V_KEY);
	bind_value(st, first + 1, w, V_DEPT);
	bind_value(st, first + 2, w, V_WHEN);
	bind_value_or_null(st, first + 3, w, V_NAME);
	bind_value_or_null(st, first + 4, w, V_CORPNO);
	bind_value(st, first + 5, w, V_INDUSTRY);
	bind_value_or_null(st, first + 6, w, V_INDUSTRY_RAW);
	bind_value(st, first + 7, w, V_SIZE);
	bind_value(st, first + 8, w, V_STAR);
	sqlite3_bind_text(st, first + 9, w->answers, NQUESTIONS,
			  SQLITE_STATIC);
	sqlite3_bind_int(st, first + 10, w->base);
	sqlite3_bind_int(st, first + 11, w->n_unknown);
	sqlite3_bind_int(st, first + 12, w->n_na);
	sqlite3_bind_int(st, first + 13, w->n_missing);
	sqlite3_bind_int64(st, first + 14, f->id);
	sqlite3_bind_int64(st, first + 15, w->line);
	sqlite3_bind_int64(st, first + 16, s->next_id++);
	bind_value_or_null(st, first + 17, w, V_READING);
}

static void
bind_identity(sqlite3_stmt *st, const struct packed *w)
{
	bind_value(st, 1, w, V_KEY);
	bind_value(st, 2, w, V_DEPT);
	bind_value(st, 3, w, V_WHEN);
}

/* Does the stored response st has stepped to (answers in column 2, the
 * attributes after them) say what w says?  The reading is not compared:
 * a re-export that only adds or respells it is the same response. */
static int
same_response(sqlite3_stmt *st, const struct packed *w)
{
	return sqlite3_column_bytes(st, 2) == NQUESTIONS &&
	       !memcmp(sqlite3_column_text(st, 2), w->answers, NQUESTIONS) &&
	       col_equal(st, 3, w->v[V_NAME]) &&
	       col_equal(st, 4, w->v[V_CORPNO]) &&
	       col_equal(st, 5, w->v[V_INDUSTRY]) &&
	       col_equal(st, 6, w->v[V_INDUSTRY_RAW]) &&
	       col_equal(st, 7, w->v[V_SIZE]) &&
	       col_equal(st, 8, w->v[V_STAR]);
}

/*
 * In a file without a time column every row has the file's date, which
 * changes with each re-export: a row that says what the company's latest
 * response says is that response again, not a new one.  Returns 1 when
 * it is, 0 when not, -1 on a database error.
 */
static int
same_as_latest(struct store *s, const struct packed *w)
{
	sqlite3_stmt *st = s->latest;
	int rc, same = 0;

	bind_value(st, 1, w, V_KEY);
	bind_value(st, 2, w, V_DEPT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		same = same_response(st, w);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->db));
	return same;
}

/*
 * Store a row: a duplicate of a version already stored changes nothing
 * (in a file without a time column, of the company's latest response at
 * any time); otherwise it is inserted and supersedes the current version
 * of the same response.  unseen: the caller knows no version is stored
 * yet.  Returns 1 new, 0 duplicate, -1 database error.
 */
static int
row_store(struct store *s, struct store_file *f, const struct packed *w,
	  int unseen)
{
	sqlite3_stmt *st = s->find;
	long long current[16];
	int ncurrent = 0, rc;

	if (unseen)
		goto insert;
	if (!f->by_column && (rc = same_as_latest(s, w)) != 0)
		return rc < 0 ? -1 : 0;
	bind_identity(st, w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (same_response(st, w)) {
			sqlite3_reset(st);
			return 0;
		}
		if (sqlite3_column_int(st, 1) == 0 && ncurrent < 16)
			current[ncurrent++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->db));
	while (ncurrent > 0) {
		st = s->supersede;
		bind_identity(st, w);
		sqlite3_bind_int64(st, 4, current[--ncurrent]);
		if (step_done(s, st))
			return -1;
	}
insert:
	st = s->insert;
	bind_new(s, f, st, 1, w);
	return step_done(s, st) ? -1 : 1;
}

/*
 * New rows waiting to be inserted BATCH to a statement: copies of their
 * packed bytes, as the sorter's are gone at its next record.
 */
struct batch {
	char bytes[BATCH * PACKED_MAX];
	size_t used;
	struct packed w[BATCH];
	int n;
};

static const struct packed *
batch_add(struct batch *b, const char *rec, size_t len)
{
	struct packed *w = &b->w[b->n++];

	memcpy(b->bytes + b->used, rec, len);
	row_unpack(b->bytes + b->used, w);
	b->used += len;
	return w;
}

/* Store the batched rows, which are known to be new; -1 on an error. */
static int
batch_flush(struct store *s, struct store_file *f, struct batch *b)
{
	int i;

	if (b->n == BATCH) {
		for (i = 0; i < BATCH; i++)
			bind_new(s, f, s->insert_batch, i * NCOLUMNS + 1,
				 &b->w[i]);
		if (step_done(s, s->insert_batch))
			return -1;
	} else {
		for (i = 0; i < b->n; i++)
			if (row_store(s, f, &b->w[i], 1) < 0)
				return -1;
	}
	f->rows_new += b->n;
	b->n = 0;
	b->used = 0;
	return 0;
}

/* An identity kept across rows: company key, department, time. */
struct ident {
	char v[3][sizeof ((struct row *)0)->key];
	int set;
};

static void
ident_keep(struct ident *id, const struct packed *w)
{
	int i;

	for (i = 0; i < 3; i++)
		memcpy(id->v[i], w->v[i], (size_t)w->len[i] + 1);
	id->set = 1;
}

static void
ident_column(struct ident *id, sqlite3_stmt *st)
{
	int i;

	for (i = 0; i < 3; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		size_t n = v ? (size_t)sqlite3_column_bytes(st, i) : 0;

		if (n >= sizeof id->v[i])
			n = sizeof id->v[i] - 1;
		memcpy(id->v[i], v ? v : "", n);
		id->v[i][n] = '\0';
	}
	id->set = 1;
}

/* Identity order, as the table's key sorts (BINARY), on the first
 * nparts parts: 3 the whole identity, 2 the company and department. */
static int
ident_cmp(const struct ident *id, const struct packed *w, int nparts)
{
	int c = strcmp(w->v[V_KEY], id->v[0]);

	if (c == 0 && (c = strcmp(w->v[V_DEPT], id->v[1])) == 0 &&
	    nparts > 2)
		c = strcmp(w->v[V_WHEN], id->v[2]);
	return c;
}

/*
 * Rows whose identity sorts after
 * every stored one cannot be stored already, unless an earlier row of
 * this file had the same identity: those skip the look-up (all of them,
 * on a first import) and go in batches.  Without a time column, a row is
 * compared with its company's latest response whenever one may be
 * stored: when its company and department do not sort after all.
 */
int
store_rows(struct store *s, struct store_file *f, struct extsort *sort)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct ident *last = xcalloc(2, sizeof *last), *prev = last + 1;
	const struct packed *w;
	const char *rec;
	size_t len;
	int rc, nparts = f->by_column ? 3 : 2;

	if (extsort_sort(sort)) {
		rc = error("%s", extsort_why(sort));
		goto out;
	}
	if (sqlite3_step(s->id_get) != SQLITE_ROW) {
		sqlite3_reset(s->id_get);
		rc = error("database: no next response id");
		goto out;
	}
	s->next_id = sqlite3_column_int64(s->id_get, 0);
	sqlite3_reset(s->id_get);
	if (sqlite3_step(s->last) == SQLITE_ROW)
		ident_column(last, s->last);
	sqlite3_reset(s->last);
	while ((rc = extsort_next(sort, &rec, &len)) == 1) {
		int unseen;

		w = batch_add(b, rec, len);
		unseen = (!last->set || ident_cmp(last, w, nparts) > 0) &&
			 !(prev->set && ident_cmp(prev, w, 3) == 0);
		ident_keep(prev, w);
		if (unseen) {
			if (b->n == BATCH && batch_flush(s, f, b))
				goto fail;
			continue;
		}
		/* a look-up must see the rows before it stored */
		b->n--;
		if (batch_flush(s, f, b))
			goto fail;
		rc = row_store(s, f, w, 0);
		if (rc < 0)
			goto fail;
		if (rc == 1)
			f->rows_new++;
		else
			f->rows_dup++;
	}
	if (rc < 0) {
		rc = error("%s", extsort_why(sort));
		goto out;
	}
	if (batch_flush(s, f, b))
		goto fail;
	sqlite3_bind_int64(s->id_set, 1, s->next_id);
	rc = step_done(s, s->id_set);
	goto out;
fail:
	rc = -1;
out:
	free(last);
	free(b);
	return rc;
}


int
store_file_new(struct store *s, const char *path, const char *sha,
	       uint64_t bytes, const char *enc, int delim, long header_line,
	       const char *status, const char *reason, long long *id)
{
	sqlite3_stmt *st = s->file_new;
	char now[21];

	db_now(now);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)bytes);
	bind_text_or_null(st, 4, enc);
	if (delim)
		sqlite3_bind_text(st, 5, layout_delim_name(delim), -1,
				  SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 5);
	if (header_line > 0)
		sqlite3_bind_int64(st, 6, header_line);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	bind_text_or_null(st, 8, reason);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	if (step_done(s, st))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
store_file_done(struct store *s, long long id, const char *sha,
		uint64_t bytes, const char *status, long rows_read,
		long rows_new, long rows_dup, long rows_rejected,
		const char *time_source)
{
	sqlite3_stmt *st = s->file_done;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)bytes);
	sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rows_read);
	sqlite3_bind_int64(st, 6, rows_new);
	sqlite3_bind_int64(st, 7, rows_dup);
	sqlite3_bind_int64(st, 8, rows_rejected);
	bind_text_or_null(st, 9, time_source);
	return step_done(s, st);
}

int
store_file_archive(struct store *s, long long id)
{
	sqlite3_bind_int64(s->archive, 1, id);
	return step_done(s, s->archive);
}

int
store_size_seen(struct store *s, uint64_t bytes)
{
	int found;

	sqlite3_bind_int64(s->same_size, 1, (sqlite3_int64)bytes);
	found = sqlite3_step(s->same_size) == SQLITE_ROW;
	sqlite3_reset(s->same_size);
	return found;
}

char *
store_sha_seen(struct store *s, const char *sha)
{
	char *path = NULL;

	sqlite3_bind_text(s->same_hash, 1, sha, -1, SQLITE_STATIC);
	if (sqlite3_step(s->same_hash) == SQLITE_ROW)
		path = xstrdup((const char *)
			       sqlite3_column_text(s->same_hash, 0));
	sqlite3_reset(s->same_hash);
	return path;
}
