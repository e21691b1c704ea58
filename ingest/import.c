/*
 * The import path: a file is opened and decoded (input.c), its layout
 * detected from the first records (layout.c), then every record becomes
 * a response, a duplicate or a reject inside one transaction per file, so
 * that a crash at any moment leaves the file either wholly imported or not
 * started.  A file already imported (same SHA-256) is skipped.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "answer.h"
#include "catalogue.h"
#include "company.h"
#include "corpno.h"
#include "db.h"
#include "dirlist.h"
#include "err.h"
#include "extsort.h"
#include "header.h"
#include "import.h"
#include "input.h"
#include "jsic.h"
#include "layout.h"
#include "prefetch.h"
#include "progress.h"
#include "reader.h"
#include "size.h"
#include "star.h"
#include "text.h"
#include "when.h"
#include "xlsx.h"
#include "zipin.h"

#define MAX_WARN 10		/* rejected rows printed per file */

struct totals {
	long files, rows_read, rows_new, rows_dup, rows_rejected;
	long files_rejected, files_skipped;
	long dated_by_name, dated_by_mtime;	/* files without a time column */
};

struct importer {
	const struct ingest_opts *o;
	sqlite3 *db;
	struct colmap map;
	sqlite3_stmt *find, *insert, *supersede, *reject, *file_new;
	sqlite3_stmt *file_done, *same_size, *same_hash, *last;
	sqlite3_stmt *id_get, *id_set, *insert_batch, *latest;
	long long next_id;	/* of the next response stored */
	struct totals t;
	struct progress prog;
	int busy;
};

/* Where a job's rows come from. */
enum { SRC_FILE, SRC_MEMBER, SRC_SHEET };

/* One file, archive member or workbook being imported. */
struct job {
	const char *path;	/* as messages and the files view name it */
	int src;
	struct zipin *zip;	/* SRC_MEMBER: the archive, */
	size_t member;		/* and the member */
	struct xlsx *xlsx;	/* SRC_SHEET: the workbook */
	const char *sheet_name;
	const char *outer;	/* SRC_MEMBER: the archive's path */
	const char *sha;	/* SRC_SHEET: the workbook's SHA-256 */
	uint64_t bytes;		/* and size */
	int nested;		/* inside an archive's transaction */
	int in_txn;		/* its transaction (or savepoint) is open */
	int archive_bad;	/* rejected for the archive's bytes */
	struct input *in;
	struct layout lo;
	int64_t mtime;		/* the file's; then the time of every row */
	const char *time_source;	/* "column", "filename" or "mtime" */
	char time_date[11];	/* the JST date the last two give */
	int64_t latest_ok;	/* later times are typos: the import + 1 day */
	long long file_id;
	long rows_read, rows_new, rows_dup, rows_rejected;
	int warned;
	int bad_bytes;		/* rejected for bytes invalid in its encoding */
	char reason[1200];	/* why the file is rejected */
	/* unrecognised industries already warned about (small, per file) */
	char seen_industry[8][64];
	int nseen_industry;
};

/* A data row turned into values. */
struct row {
	char key[640];
	char department[256];
	char when[21];
	char name[512];
	char corpno[14];
	char industry[8];
	char industry_raw[256];
	char size[16];
	char star[16];
	char answers[NQUESTIONS + 1];
	int base, n_unknown, n_na, n_missing;
};

#define INSERT_COLUMNS "INSERT OR ROLLBACK INTO response (company_key, department," \
	" submitted_at, company_name, corporate_number, industry_code," \
	" industry_raw, size_class, star_level, answers, base_score," \
	" n_unknown, n_na, n_missing, file_id, line, response_id) VALUES "
#define NCOLUMNS 17
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

static int
prepare(struct importer *im)
{
	sqlite3 *db = im->db;

	return prepare_batch(db, &im->insert_batch) || db_prepare(db, &im->find, "SELECT response_id, superseded,"
		" answers, company_name, corporate_number, industry_code,"
		" industry_raw, size_class, star_level FROM response"
		" WHERE company_key = ?1 AND department = ?2"
		" AND submitted_at = ?3") ||
	    db_prepare(db, &im->latest, "SELECT response_id, superseded,"
		" answers, company_name, corporate_number, industry_code,"
		" industry_raw, size_class, star_level FROM response"
		" WHERE company_key = ?1 AND department = ?2"
		" AND superseded = 0 ORDER BY submitted_at DESC LIMIT 1") ||
	    db_prepare(db, &im->insert, INSERT_COLUMNS "(?1, ?2, ?3, ?4, ?5,"
		" ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)") ||
	    db_prepare(db, &im->supersede, "UPDATE response SET superseded = 1"
		" WHERE company_key = ?1 AND department = ?2 AND submitted_at ="
		" ?3 AND response_id = ?4") ||
	    db_prepare(db, &im->id_get, "SELECT id FROM next_id WHERE name ="
		" 'response'") ||
	    db_prepare(db, &im->id_set, "UPDATE next_id SET id = ?1 WHERE"
		" name = 'response'") ||
	    db_prepare(db, &im->reject, "INSERT INTO reject (file_id, line,"
		" col, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5)") ||
	    db_prepare(db, &im->file_new, "INSERT INTO file (path, sha256,"
		" bytes, encoding, dialect, header_line, status, reason,"
		" imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") ||
	    db_prepare(db, &im->file_done, "UPDATE file SET sha256 = ?2,"
		" bytes = ?3, status = ?4, rows_read = ?5, rows_new = ?6,"
		" rows_duplicate = ?7, rows_rejected = ?8, time_source = ?9"
		" WHERE file_id = ?1") ||
	    db_prepare(db, &im->same_size, "SELECT 1 FROM file WHERE"
		" bytes = ?1 AND status IN ('imported', 'partial') LIMIT 1") ||
	    db_prepare(db, &im->same_hash, "SELECT path FROM file WHERE"
		" sha256 = ?1 AND status IN ('imported', 'partial') LIMIT 1") ||
	    db_prepare(db, &im->last, "SELECT company_key, department,"
		" submitted_at FROM response ORDER BY company_key DESC,"
		" department DESC, submitted_at DESC LIMIT 1");
}

static void
finalize(struct importer *im)
{
	sqlite3_finalize(im->find);
	sqlite3_finalize(im->latest);
	sqlite3_finalize(im->insert);
	sqlite3_finalize(im->supersede);
	sqlite3_finalize(im->reject);
	sqlite3_finalize(im->file_new);
	sqlite3_finalize(im->file_done);
	sqlite3_finalize(im->same_size);
	sqlite3_finalize(im->same_hash);
	sqlite3_finalize(im->last);
	sqlite3_finalize(im->id_get);
	sqlite3_finalize(im->id_set);
	sqlite3_finalize(im->insert_batch);
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
step_done(struct importer *im, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(im->db));
	return 0;
}

/* --- reading ----------------------------------------------------------- */

static const char *
cell(const struct record *rec, int col)
{
	return col >= 0 && (size_t)col < rec->nfields ? rec->fields[col] : "";
}

static void
fold(char *dst, size_t cap, const char *s)
{
	text_fold(dst, cap, s, strlen(s), 0);
}

/* Shown text (a company name, a raw industry): spaces tidied, else as
 * written; the company key folds the name on its own. */
static void
tidy(char *dst, size_t cap, const char *s)
{
	text_fold(dst, cap, s, strlen(s), TEXT_AS_WRITTEN);
}

/* Copy one of the short fixed words (size class, star level). */
static void
copy_word(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/*
 * Turn a record into values.  Returns 0, or -1 with why (and *col the
 * 1-based column at fault, 0 for the row as a whole).
 */
static int
row_parse(struct job *j, const struct record *rec, struct row *r,
	  char *why, size_t wcap, int *col)
{
	const struct layout *lo = &j->lo;
	const char *v, *reason, *star;
	char id[256];
	int64_t t;
	int q, c, rc;
	size_t i;

	*col = 0;
	if (rec->unterminated) {
		snprintf(why, wcap, "quoted field not closed before the end "
			 "of the file");
		return -1;
	}
	if (rec->nfields < lo->ncols) {
		snprintf(why, wcap, "%zu fields, the header has %zu",
			 rec->nfields, lo->ncols);
		return -1;
	}
	for (i = lo->ncols; i < rec->nfields; i++)
		if (rec->lens[i] > 0) {
			snprintf(why, wcap, "%zu fields, the header has %zu",
				 rec->nfields, lo->ncols);
			return -1;
		}
	if (memchr(rec->raw, '\0', rec->rawlen)) {
		snprintf(why, wcap, "NUL byte in the row");
		return -1;
	}

	r->base = r->n_unknown = r->n_na = r->n_missing = 0;
	for (q = 1; q <= NQUESTIONS; q++) {
		v = cell(rec, lo->q[q]);
		/* a row with a NUL is rejected above: lens[] is strlen() */
		c = answer_parse_n(v, *v ? rec->lens[lo->q[q]] : 0);
		if (!c) {
			*col = lo->q[q] + 1;
			snprintf(why, wcap, "unrecognised answer '%.80s' for "
				 "Q%d (column %d)", v, q, *col);
			return -1;
		}
		r->answers[q - 1] = (char)c;
		if (c == ANS_MISSING)
			r->n_missing++;
		else if (c == ANS_NA)
			r->n_na++;
		else
			r->base += answer_points(c, 0);
		r->n_unknown += c == ANS_UNKNOWN;
	}
	r->answers[NQUESTIONS] = '\0';

	if (lo->meta[META_TIME] < 0) {
		t = j->mtime;
	} else {
		v = cell(rec, lo->meta[META_TIME]);
		*col = lo->meta[META_TIME] + 1;
		if (when_parse(v, &t, &reason) < 0) {
			if (!*v)
				snprintf(why, wcap, "blank submission time "
					 "(column %d)", *col);
			else
				snprintf(why, wcap, "unparseable submission "
					 "time '%.80s' (column %d): %s", v,
					 *col, reason);
			return -1;
		}
	}
	if (t > j->latest_ok) {
		/* 2052 for 2025: aggregate would leave it out silently */
		if (lo->meta[META_TIME] >= 0)
			snprintf(why, wcap, "submission time '%.80s' (column "
				 "%d) is in the future",
				 cell(rec, lo->meta[META_TIME]), *col);
		else
			snprintf(why, wcap, "no time column, and the %s's "
				 "date %s is in the future", j->time_source[0]
				 == 'f' ? "file name" : "file's modification "
				 "time", j->time_date);
		return -1;
	}
	when_format(t, r->when);

	r->corpno[0] = '\0';
	if (lo->meta[META_CORPNO] >= 0) {
		v = cell(rec, lo->meta[META_CORPNO]);
		*col = lo->meta[META_CORPNO] + 1;
		if (corpno_parse(v, r->corpno, &reason) < 0) {
			snprintf(why, wcap, "invalid 法人番号 '%.40s' (column "
				 "%d): %s", v, *col, reason);
			return -1;
		}
	}
	fold(id, sizeof id, cell(rec, lo->meta[META_COMPANY_ID]));
	tidy(r->name, sizeof r->name, cell(rec, lo->meta[META_COMPANY_NAME]));
	if (company_key(r->key, sizeof r->key, r->corpno, id, r->name) < 0) {
		*col = 0;
		snprintf(why, wcap, "no company: 法人番号, company id and "
			 "company name are all blank");
		return -1;
	}

	tidy(r->industry_raw, sizeof r->industry_raw,
	     cell(rec, lo->meta[META_INDUSTRY]));
	rc = jsic_classify(r->industry_raw);
	if (rc > 0) {
		r->industry[0] = (char)rc;
		r->industry[1] = '\0';
	} else {
		strcpy(r->industry, "unknown");
		if (rc < 0) {
			int k;

			for (k = 0; k < j->nseen_industry; k++)
				if (!strncmp(j->seen_industry[k],
					     r->industry_raw, 63))
					break;
			if (k == j->nseen_industry && k < 8) {
				snprintf(j->seen_industry[k], 64, "%.63s",
					 r->industry_raw);
				j->nseen_industry++;
				warn("%s:%ld: unrecognised industry '%s' "
				     "(column %d): stored as unknown", j->path,
				     rec->line, r->industry_raw,
				     lo->meta[META_INDUSTRY] + 1);
			}
		}
	}
	copy_word(r->size, sizeof r->size,
		  size_classify(cell(rec, lo->meta[META_EMPLOYEES])));
	v = cell(rec, lo->meta[META_STAR]);
	if (star_parse(v, &star, &reason) < 0) {
		*col = lo->meta[META_STAR] + 1;
		snprintf(why, wcap, "unrecognised star level '%.40s' (column "
			 "%d)", v, *col);
		return -1;
	}
	copy_word(r->star, sizeof r->star, star);
	fold(r->department, sizeof r->department,
	     cell(rec, lo->meta[META_DEPARTMENT]));
	*col = 0;
	return 0;
}

/* --- storing ------------------------------------------------------------ */

/*
 * A sheet's name as Excel writes it in a reference: quoted, with its
 * quotes doubled, when it holds a space or punctuation.
 */
static void
sheet_ref(char *dst, size_t cap, const char *name)
{
	const char *p;
	size_t n = 0;
	int quote = 0;

	for (p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		/* letters, digits, _ and . and any non-ASCII character */
		if (c < 0x80 && !isalnum(c) && c != '_' && c != '.')
			quote = 1;
	}
	if (quote)
		dst[n++] = '\'';
	for (p = name; *p && n + 4 < cap; p++) {
		if (*p == '\'')
			dst[n++] = '\'';
		dst[n++] = *p;
	}
	if (quote)
		dst[n++] = '\'';
	dst[n] = '\0';
}

static int
reject_store(struct importer *im, struct job *j, long line, int col,
	     const char *why, const char *raw, size_t rawlen)
{
	sqlite3_stmt *st = im->reject;
	char where[600];

	if (j->src == SRC_SHEET) {
		/* where a person finds it in Excel: Sheet1!M7, or row 7:7 */
		char cellname[16];

		if (col > 0)
			xlsx_cell_name(cellname, col, line);
		else
			snprintf(cellname, sizeof cellname, "%ld:%ld", line,
				 line);
		sheet_ref(where, 200, j->sheet_name);
		snprintf(where + strlen(where), sizeof where - strlen(where),
			 "!%s: %.500s", cellname, why);
		why = where;
	}
	if (j->warned++ < MAX_WARN)
		warn("%s:%ld: %s", j->path, line, why);
	sqlite3_bind_int64(st, 1, j->file_id);
	sqlite3_bind_int64(st, 2, line);
	if (col > 0)
		sqlite3_bind_int(st, 3, col);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, why, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, raw, (int)rawlen, SQLITE_STATIC);
	return step_done(im, st);
}

/*
 * Rows are sorted (extsort.c) and stored in the order of the response
 * table's key.  Stored in file order, a large file would insert at random
 * places of a B-tree far larger than the page cache; in key order every
 * page is visited once, and a first import only appends.
 *
 * A row travels through the sorter packed: its sort key, company key NUL
 * department NUL submission time NUL and the line as 8 bytes big-endian
 * (rows of one identity keep their file order), then the base score + 25
 * and the three counts as one byte each, the 25 answer codes, and the
 * other six values each as a 16-bit length, its bytes and a NUL.  The
 * storing side binds the values where they lie in the packed bytes.
 */
enum {
	V_KEY, V_DEPT, V_WHEN,	/* the sort key's */
	V_NAME, V_CORPNO, V_INDUSTRY, V_INDUSTRY_RAW, V_SIZE, V_STAR,
	NVALUES
};

/* A packed row as the storing side sees it. */
struct packed {
	const char *v[NVALUES];	/* NUL-terminated, in the packed bytes */
	int len[NVALUES];
	const char *answers;	/* NQUESTIONS codes */
	long line;
	int base, n_unknown, n_na, n_missing;
};

/* The largest packed row. */
#define PACKED_MAX (sizeof(struct row) + 32)

static const char *
row_text(const struct row *r, int i)
{
	switch (i) {
	case V_KEY: return r->key;
	case V_DEPT: return r->department;
	case V_WHEN: return r->when;
	case V_NAME: return r->name;
	case V_CORPNO: return r->corpno;
	case V_INDUSTRY: return r->industry;
	case V_INDUSTRY_RAW: return r->industry_raw;
	case V_SIZE: return r->size;
	default: return r->star;
	}
}

/* Hand a parsed row to the sorter; -1 when the sorter failed. */
static int
row_pack(struct extsort *sort, long line, const struct row *r)
{
	size_t len[NVALUES], keylen, total, i;
	uint64_t l = (uint64_t)line;
	char *p;

	for (i = 0; i < NVALUES; i++)
		len[i] = strlen(row_text(r, i));
	keylen = len[V_KEY] + len[V_DEPT] + len[V_WHEN] + 3 + 8;
	total = keylen + 4 + NQUESTIONS;
	for (i = V_NAME; i < NVALUES; i++)
		total += 2 + len[i] + 1;
	if (!(p = extsort_add(sort, keylen, total)))
		return -1;
	for (i = 0; i < NVALUES; i++) {
		if (i == V_NAME) {
			for (int b = 8; b-- > 0;)
				*p++ = (char)(l >> (8 * b));
			*p++ = (char)(r->base + NQUESTIONS);
			*p++ = (char)r->n_unknown;
			*p++ = (char)r->n_na;
			*p++ = (char)r->n_missing;
			memcpy(p, r->answers, NQUESTIONS);
			p += NQUESTIONS;
		}
		if (i >= V_NAME) {
			uint16_t n = (uint16_t)len[i];

			memcpy(p, &n, 2);
			p += 2;
		}
		memcpy(p, row_text(r, i), len[i] + 1);
		p += len[i] + 1;
	}
	return 0;
}

/* See the packed row rec. */
static void
packed_view(const char *rec, struct packed *w)
{
	const unsigned char *p = (const unsigned char *)rec;
	uint64_t l = 0;
	int i, b;

	for (i = 0; i < NVALUES; i++) {
		if (i == V_NAME) {
			for (b = 0; b < 8; b++)
				l = l << 8 | *p++;
			w->line = (long)l;
			w->base = (int)*p++ - NQUESTIONS;
			w->n_unknown = *p++;
			w->n_na = *p++;
			w->n_missing = *p++;
			w->answers = (const char *)p;
			p += NQUESTIONS;
		}
		if (i >= V_NAME) {
			uint16_t n;

			memcpy(&n, p, 2);
			p += 2;
			w->len[i] = n;
		} else {
			w->len[i] = (int)strlen((const char *)p);
		}
		w->v[i] = (const char *)p;
		p += w->len[i] + 1;
	}
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
 * Bind a new row's 17 values, in the order of INSERT_COLUMNS, to the
 * parameters first .. first + 16; the row takes the next response id.
 * The packed bytes must stay as they are until the statement is stepped.
 */
static void
bind_new(struct importer *im, struct job *j, sqlite3_stmt *st, int first,
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
	sqlite3_bind_int64(st, first + 14, j->file_id);
	sqlite3_bind_int64(st, first + 15, w->line);
	sqlite3_bind_int64(st, first + 16, im->next_id++);
}

static void
bind_identity(sqlite3_stmt *st, const struct packed *w)
{
	bind_value(st, 1, w, V_KEY);
	bind_value(st, 2, w, V_DEPT);
	bind_value(st, 3, w, V_WHEN);
}

/* Does the stored response st has stepped to (answers in column 2, the
 * attributes after them) say what w says? */
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
same_as_latest(struct importer *im, const struct packed *w)
{
	sqlite3_stmt *st = im->latest;
	int rc, same = 0;

	bind_value(st, 1, w, V_KEY);
	bind_value(st, 2, w, V_DEPT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		same = same_response(st, w);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(im->db));
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
row_store(struct importer *im, struct job *j, const struct packed *w,
	  int unseen)
{
	sqlite3_stmt *st = im->find;
	long long current[16];
	int ncurrent = 0, rc;

	if (unseen)
		goto insert;
	if (strcmp(j->time_source, "column") != 0 &&
	    (rc = same_as_latest(im, w)) != 0)
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
		return error("database: %s", sqlite3_errmsg(im->db));
	while (ncurrent > 0) {
		st = im->supersede;
		bind_identity(st, w);
		sqlite3_bind_int64(st, 4, current[--ncurrent]);
		if (step_done(im, st))
			return -1;
	}
insert:
	st = im->insert;
	bind_new(im, j, st, 1, w);
	return step_done(im, st) ? -1 : 1;
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
	packed_view(b->bytes + b->used, w);
	b->used += len;
	return w;
}

/* Store the batched rows, which are known to be new; -1 on an error. */
static int
batch_flush(struct importer *im, struct job *j, struct batch *b)
{
	int i;

	if (b->n == BATCH) {
		for (i = 0; i < BATCH; i++)
			bind_new(im, j, im->insert_batch, i * NCOLUMNS + 1,
				 &b->w[i]);
		if (step_done(im, im->insert_batch))
			return -1;
	} else {
		for (i = 0; i < b->n; i++)
			if (row_store(im, j, &b->w[i], 1) < 0)
				return -1;
	}
	j->rows_new += b->n;
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
 * Store the sorted rows; -1 on a failure.  Rows whose identity sorts after
 * every stored one cannot be stored already, unless an earlier row of
 * this file had the same identity: those skip the look-up (all of them,
 * on a first import) and go in batches.  Without a time column, a row is
 * compared with its company's latest response whenever one may be
 * stored: when its company and department do not sort after all.
 */
static int
store_sorted(struct importer *im, struct job *j, struct extsort *sort)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct ident *last = xcalloc(2, sizeof *last), *prev = last + 1;
	const struct packed *w;
	const char *rec;
	size_t len;
	int rc, nparts = strcmp(j->time_source, "column") ? 2 : 3;

	if (extsort_sort(sort)) {
		rc = error("%s", extsort_why(sort));
		goto out;
	}
	if (sqlite3_step(im->id_get) != SQLITE_ROW) {
		sqlite3_reset(im->id_get);
		rc = error("database: no next response id");
		goto out;
	}
	im->next_id = sqlite3_column_int64(im->id_get, 0);
	sqlite3_reset(im->id_get);
	if (sqlite3_step(im->last) == SQLITE_ROW)
		ident_column(last, im->last);
	sqlite3_reset(im->last);
	while ((rc = extsort_next(sort, &rec, &len)) == 1) {
		int unseen;

		w = batch_add(b, rec, len);
		unseen = (!last->set || ident_cmp(last, w, nparts) > 0) &&
			 !(prev->set && ident_cmp(prev, w, 3) == 0);
		ident_keep(prev, w);
		if (unseen) {
			if (b->n == BATCH && batch_flush(im, j, b))
				goto fail;
			continue;
		}
		/* a look-up must see the rows before it stored */
		b->n--;
		if (batch_flush(im, j, b))
			goto fail;
		rc = row_store(im, j, w, 0);
		if (rc < 0)
			goto fail;
		if (rc == 1)
			j->rows_new++;
		else
			j->rows_dup++;
	}
	if (rc < 0) {
		rc = error("%s", extsort_why(sort));
		goto out;
	}
	if (batch_flush(im, j, b))
		goto fail;
	sqlite3_bind_int64(im->id_set, 1, im->next_id);
	rc = step_done(im, im->id_set);
	goto out;
fail:
	rc = -1;
out:
	free(last);
	free(b);
	return rc;
}


static int
file_insert(struct importer *im, const char *path, const char *sha,
	    uint64_t bytes, const char *enc, int delim, long header_line,
	    const char *status, const char *reason, long long *id)
{
	sqlite3_stmt *st = im->file_new;
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
	if (step_done(im, st))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(im->db);
	return 0;
}

/* Record a file that was skipped or rejected, in its own transaction. */
static int
file_note(struct importer *im, const char *path, const char *sha,
	  uint64_t bytes, const char *enc, const char *status,
	  const char *reason)
{
	int rc;

	if (im->o->dry_run)
		return 0;
	if ((rc = db_begin(im->db)) != 0) {
		if (rc == DB_BUSY)
			im->busy = 1;
		return -1;
	}
	if (file_insert(im, path, sha, bytes, enc, 0, 0, status, reason,
			NULL) || db_commit(im->db)) {
		db_rollback(im->db);
		return -1;
	}
	return 0;
}

/* --- one file ----------------------------------------------------------- */

static uint64_t
raw_done(const void *in)
{
	return input_raw_done(in);
}

enum { FILE_DONE, FILE_REJECTED, FILE_RETRY, FILE_FAILED, FILE_NOT_SURVEY };

/* Does name end in ext (".txt"), in any case? */
static int
has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

/*
 * Open a job's transaction: BEGIN for a file of its own, a savepoint
 * inside an archive's.  Returns 0 or -1 (im->busy set when locked).
 */
static int
txn_begin(struct importer *im, struct job *j)
{
	int rc;

	if (j->nested) {
		if (db_exec(im->db, "SAVEPOINT member"))
			return -1;
	} else if ((rc = db_begin(im->db)) != 0) {
		if (rc == DB_BUSY) {
			error("'%s': locked by another run; try later",
			      im->o->db_path);
			im->busy = 1;
		}
		return -1;
	}
	j->in_txn = 1;
	return 0;
}

/* Keep (or, for a dry run, drop) the job's work; -1 on failure. */
static int
txn_commit(struct importer *im, struct job *j)
{
	j->in_txn = 0;
	if (j->nested)
		return db_exec(im->db, "RELEASE member");
	if (im->o->dry_run) {
		db_rollback(im->db);
		return 0;
	}
	return db_commit(im->db);
}

static void
txn_rollback(struct importer *im, struct job *j)
{
	if (!j->in_txn)
		return;
	j->in_txn = 0;
	if (j->nested)
		db_exec(im->db, "ROLLBACK TO member; RELEASE member");
	else
		db_rollback(im->db);
}

static const char *
zip_why(const void *z)
{
	return zipin_why(z);
}

int
import_sheet_pick(struct xlsx *x, const char *want, const struct colmap *map,
		  struct layout *lo, size_t *sheet, char *why, size_t cap)
{
	size_t i, from = 0, to = xlsx_sheets(x);
	char first[1100] = "";
	long k;

	if (want) {
		if ((k = xlsx_sheet_find(x, want)) < 0) {
			int n = snprintf(why, cap, "--sheet '%s': no such sheet"
					 " (the workbook has", want);

			for (i = 0; i < to && n > 0 && (size_t)n < cap; i++)
				n += snprintf(why + n, cap - (size_t)n,
					      "%s '%s'", i ? "," : "",
					      xlsx_sheet_name(x, i));
			if (n > 0 && (size_t)n < cap)
				snprintf(why + n, cap - (size_t)n, ")");
			return -1;
		}
		from = (size_t)k;
		to = from + 1;
	}
	for (i = from; i < to; i++) {
		struct peeked pk;
		struct record *rec;
		int rc = 0;

		memset(&pk, 0, sizeof pk);
		if (xlsx_start(x, i, 0)) {
			snprintf(why, cap, "%s", xlsx_why(x));
			return -1;
		}
		while (pk.n < LAYOUT_PEEK && (rc = xlsx_next(x, &rec)) == 1)
			peeked_add(&pk, rec);
		if (rc < 0) {
			snprintf(why, cap, "%s", xlsx_why(x));
			peeked_release(&pk);
			xlsx_stop(x);
			return -1;
		}
		xlsx_stop(x);
		rc = layout_detect(lo, &pk, map, 0);
		peeked_release(&pk);
		if (rc == 0) {
			*sheet = i;
			return 0;
		}
		if (!first[0])
			snprintf(first, sizeof first, "sheet '%.64s': %.1000s",
				 xlsx_sheet_name(x, i), lo->why);
		layout_release(lo);
	}
	snprintf(why, cap, "%s%s", first, to - from > 1 ?
		 " (nor any other sheet; --sheet chooses one)" : "");
	return -1;
}

/* The next record of the job's rows: as reader_next. */
static int
rows_next(struct job *j, struct reader *rd, struct record **rec)
{
	if (j->src == SRC_SHEET)
		return xlsx_next(j->xlsx, rec);
	return reader_next(rd, rec);
}

/* -v: the map used, and the columns of the header that nothing reads,
 * by their text. */
static void
info_ignored(const struct job *j)
{
	if (j->lo.map_name)
		info("%s: columns read with the map '%s'", j->path,
		     j->lo.map_name);
	for (size_t c = 0; c < j->lo.ncols; c++)
		if (!j->lo.field[c] && j->lo.names && *j->lo.names[c])
			info("%s: column %zu '%.80s' ignored", j->path, c + 1,
			     j->lo.names[c]);
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

const char *
import_time_source(const struct layout *lo, const char *name,
		   const char *outer, int64_t mtime, int64_t *t,
		   char date[11])
{
	if (lo->meta[META_TIME] >= 0)
		return "column";
	if (when_from_name(base_name(name), t, date) ||
	    (outer && when_from_name(base_name(outer), t, date)))
		return "filename";
	*t = mtime;
	when_jst_date(mtime, date);
	return "mtime";
}

/* Where the job's answer times come from, said with -v. */
static void
job_time(struct job *j)
{
	j->time_source = import_time_source(&j->lo, j->src == SRC_MEMBER ?
					    zipin_name(j->zip, j->member) :
					    j->path, j->outer, j->mtime,
					    &j->mtime, j->time_date);
	if (j->time_source[0] == 'f')
		info("%s: no time column; every answer dated %s, the date in "
		     "the file name", j->path, j->time_date);
	else if (j->time_source[0] == 'm')
		info("%s: no time column and no date in the file name; every "
		     "answer dated %s, the file's modification time", j->path,
		     j->time_date);
}

/* Open the job's text and find its layout: FILE_DONE or as file_attempt. */
static int
job_open(struct importer *im, struct job *j, int enc)
{
	const char *text;
	char why[256];
	size_t len, sheet;

	if (j->src == SRC_SHEET) {
		if (import_sheet_pick(j->xlsx, im->o->sheet, &im->map, &j->lo,
				      &sheet, j->reason, sizeof j->reason))
			return FILE_REJECTED;
		j->sheet_name = xlsx_sheet_name(j->xlsx, sheet);
		info("%s: sheet '%s', header at row %ld", j->path,
		     j->sheet_name, j->lo.header_line);
		info_ignored(j);
		if (xlsx_start(j->xlsx, sheet, 1)) {
			snprintf(j->reason, sizeof j->reason, "%s",
				 xlsx_why(j->xlsx));
			return FILE_REJECTED;
		}
		xlsx_pad(j->xlsx, j->lo.ncols);
		return FILE_DONE;
	}
	if (j->src == SRC_MEMBER) {
		if (zipin_member(j->zip, j->member)) {
			snprintf(j->reason, sizeof j->reason, "%s",
				 zipin_why(j->zip));
			j->archive_bad = 1;
			return FILE_REJECTED;
		}
		j->in = input_open_fn(zipin_read, zip_why, j->zip,
				      zipin_size(j->zip, j->member), enc, why);
	} else {
		j->in = input_open(j->path, enc, why);
	}
	if (!j->in) {
		snprintf(j->reason, sizeof j->reason, "%s", why);
		j->archive_bad = j->src == SRC_MEMBER;
		return FILE_REJECTED;
	}
	if (!(text = input_peek(j->in, &len))) {
		j->bad_bytes = input_bad_bytes(j->in);
		j->archive_bad = j->src == SRC_MEMBER && !j->bad_bytes;
		snprintf(j->reason, sizeof j->reason, "%s", input_why(j->in));
		if (j->bad_bytes && input_encoding_guessed(j->in) &&
		    enc == ENC_AUTO && strcmp(input_encoding_name(j->in),
					      "UTF-8") == 0)
			return FILE_RETRY;
		return FILE_REJECTED;
	}
	if (len == 0) {
		snprintf(j->reason, sizeof j->reason, "empty file");
		return FILE_REJECTED;
	}
	if (layout_sniff(&j->lo, text, len, &im->map)) {
		snprintf(j->reason, sizeof j->reason, "%s", j->lo.why);
		/* a README.txt beside the exports is no export gone wrong */
		if (j->src == SRC_FILE && j->lo.questions == 0 &&
		    has_ext(j->path, ".txt"))
			return FILE_NOT_SURVEY;
		return FILE_REJECTED;
	}
	info("%s: %s, %s-separated, header at line %ld",
	     j->path, input_encoding_name(j->in), layout_delim_name(j->lo.delim),
	     j->lo.header_line);
	info_ignored(j);
	return FILE_DONE;
}

/*
 * Read and store one file, archive member or workbook with the given
 * encoding inside a transaction (a savepoint inside an archive's).
 * FILE_RETRY: a guessed UTF-8 met an invalid byte, try CP932.
 */
static int
file_attempt(struct importer *im, struct job *j, int enc)
{
	struct reader *rd = NULL;
	struct record *rec;
	struct extsort *sort = NULL;
	struct prefetch *pf = NULL;
	struct row row;
	char why[512], sha[65];
	int rc, result, n, col, stored = 0, sheet = j->src == SRC_SHEET;

	if ((result = job_open(im, j, enc)) != FILE_DONE)
		goto out;
	job_time(j);
	result = FILE_FAILED;
	if (txn_begin(im, j))
		goto out;
	if (file_insert(im, j->path, "", sheet ? j->bytes :
			input_raw_size(j->in), sheet ? "xlsx" :
			input_encoding_name(j->in), j->lo.delim,
			j->lo.header_line, "imported", NULL, &j->file_id))
		goto out;

	if (!sheet) {
		pf = prefetch_start(input_read_fn, j->in, raw_done);
		rd = reader_new(prefetch_read, pf, j->lo.delim);
	}
	for (n = 0; n < j->lo.skip; n++) {
		if (rows_next(j, rd, &rec) != 1)
			break;
		/* detection saw only the first INPUT_PEEK bytes */
		if (!sheet && n == j->lo.header_rec &&
		    rec->nfields != j->lo.ncols) {
			snprintf(j->reason, sizeof j->reason, "line %ld: "
				 "header row longer than %d KiB (%zu fields)",
				 rec->line, INPUT_PEEK >> 10, rec->nfields);
			result = FILE_REJECTED;
			goto out;
		}
	}
	progress_start(&im->prog, j->path, sheet ? xlsx_size(j->xlsx) :
		       input_raw_size(j->in));
	sort = extsort_new(0);
	while ((rc = rows_next(j, rd, &rec)) == 1) {
		j->rows_read++;
		if (row_parse(j, rec, &row, why, sizeof why, &col) == 0) {
			if (row_pack(sort, rec->line, &row)) {
				stored = error("%s", extsort_why(sort));
				break;
			}
		} else {
			j->rows_rejected++;
			if ((stored = reject_store(im, j, rec->line, col, why,
						   rec->raw, rec->rawlen)))
				break;
		}
		progress_update(&im->prog, sheet ? xlsx_done(j->xlsx) :
				prefetch_done(pf), (uint64_t)j->rows_read);
	}
	/* the input is the caller's again */
	if (sheet)
		xlsx_stop(j->xlsx);
	prefetch_stop(pf);
	pf = NULL;
	info("%s: %ld rows parsed in %.2f s", j->path, j->rows_read,
	     progress_now() - im->prog.start);
	if (stored == 0 && rc >= 0)
		stored = store_sorted(im, j, sort);
	info("%s: stored in identity order (%zu sorted runs on disk), %.2f s "
	     "in all", j->path, extsort_runs(sort),
	     progress_now() - im->prog.start);
	progress_end(&im->prog);
	if (stored < 0)
		goto out;
	if (rc < 0 && sheet) {
		snprintf(j->reason, sizeof j->reason, "%s", xlsx_why(j->xlsx));
		result = FILE_REJECTED;
		goto out;
	}
	if (rc < 0) {
		j->bad_bytes = reader_source_failed(rd) &&
			       input_bad_bytes(j->in);
		j->archive_bad = j->src == SRC_MEMBER &&
				 reader_source_failed(rd) && !j->bad_bytes;
		if (reader_source_failed(rd))
			snprintf(j->reason, sizeof j->reason, "line %ld: %s",
				 reader_line(rd), input_why(j->in));
		else
			snprintf(j->reason, sizeof j->reason, "%s",
				 reader_why(rd));
		result = FILE_REJECTED;
		if (j->bad_bytes && input_encoding_guessed(j->in) &&
		    enc == ENC_AUTO &&
		    strcmp(input_encoding_name(j->in), "UTF-8") == 0)
			result = FILE_RETRY;
		goto out;
	}
	if (sheet) {
		snprintf(sha, sizeof sha, "%s", j->sha);
	} else if (input_sha256(j->in, sha)) {
		snprintf(j->reason, sizeof j->reason, "%s", input_why(j->in));
		j->archive_bad = j->src == SRC_MEMBER;
		result = FILE_REJECTED;
		goto out;
	}
	sqlite3_bind_int64(im->file_done, 1, j->file_id);
	sqlite3_bind_text(im->file_done, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->file_done, 3, sheet ? (sqlite3_int64)j->bytes :
			   (sqlite3_int64)input_raw_done(j->in));
	sqlite3_bind_text(im->file_done, 4,
			  j->rows_rejected ? "partial" : "imported", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(im->file_done, 5, j->rows_read);
	sqlite3_bind_int64(im->file_done, 6, j->rows_new);
	sqlite3_bind_int64(im->file_done, 7, j->rows_dup);
	sqlite3_bind_int64(im->file_done, 8, j->rows_rejected);
	sqlite3_bind_text(im->file_done, 9, j->time_source, -1, SQLITE_STATIC);
	if (step_done(im, im->file_done))
		goto out;
	if (txn_commit(im, j))
		goto out;
	result = FILE_DONE;
out:
	progress_end(&im->prog);
	if (result != FILE_DONE)
		txn_rollback(im, j);
	if (sheet)
		xlsx_stop(j->xlsx);
	prefetch_stop(pf);
	reader_free(rd);
	extsort_free(sort);
	layout_release(&j->lo);
	input_close(j->in);
	j->in = NULL;
	return result;
}

/*
 * Skip a file whose bytes were imported before.  Hashing a whole file
 * first costs a pass, so it is done only when some imported file has the
 * same size.  Returns 1 when skipped, 0 to import, -1 on error.
 */
static int
already_imported(struct importer *im, const char *path, uint64_t size)
{
	char sha[65], why[256];
	uint64_t bytes;
	int found;

	if (im->o->force)
		return 0;
	sqlite3_bind_int64(im->same_size, 1, (sqlite3_int64)size);
	found = sqlite3_step(im->same_size) == SQLITE_ROW;
	sqlite3_reset(im->same_size);
	if (!found)
		return 0;
	if (input_hash_file(path, sha, &bytes, why))
		return 0;	/* the import attempt will say why */
	sqlite3_bind_text(im->same_hash, 1, sha, -1, SQLITE_STATIC);
	if (sqlite3_step(im->same_hash) == SQLITE_ROW) {
		info("%s: already imported as '%s'; skipped (--force "
		     "imports it again)", path,
		     (const char *)sqlite3_column_text(im->same_hash, 0));
		found = 1;
	} else {
		found = 0;
	}
	sqlite3_reset(im->same_hash);
	if (found) {
		im->t.files_skipped++;
		if (file_note(im, path, sha, bytes, NULL, "skipped", NULL))
			return -1;
	}
	return found;
}

/*
 * Run a job to its end: its attempts (a second one as CP932 when a
 * guessed UTF-8 met a byte UTF-8 cannot have).  j holds the source; the
 * rest of it is reset for each attempt.  Returns the last attempt's.
 */
static int
job_run(struct importer *im, struct job *j)
{
	struct job src = *j;
	int enc = im->o->encoding, result;
	char first[1024] = "";

	for (;;) {
		memset(j, 0, sizeof *j);
		j->path = src.path;
		j->src = src.src;
		j->zip = src.zip;
		j->member = src.member;
		j->xlsx = src.xlsx;
		j->sha = src.sha;
		j->bytes = src.bytes;
		j->nested = src.nested;
		j->mtime = src.mtime;
		j->outer = src.outer;
		j->latest_ok = (int64_t)time(NULL) + 86400;
		result = file_attempt(im, j, enc);
		if (first[0] && result == FILE_REJECTED && j->bad_bytes)
			snprintf(j->reason, sizeof j->reason, "%.1000s (and "
				 "not CP932 either)", first);
		if (result != FILE_RETRY)
			return result;
		info("%s: %s; reading it as CP932", j->path, j->reason);
		snprintf(first, sizeof first, "%.1000s", j->reason);
		enc = ENC_CP932;
	}
}

static void
totals_add(struct totals *t, const struct job *j)
{
	t->rows_read += j->rows_read;
	t->rows_new += j->rows_new;
	t->rows_dup += j->rows_dup;
	t->rows_rejected += j->rows_rejected;
	t->dated_by_name += j->time_source[0] == 'f';
	t->dated_by_mtime += j->time_source[0] == 'm';
}

/* Say how a finished job went. */
static void
job_report(const struct job *j, int dry_run)
{
	if (j->warned > MAX_WARN)
		warn(dry_run ? "%s: %d more rejected rows (a dry run stores "
		     "none; --inspect --rows shows them)" : "%s: %d more "
		     "rejected rows (see the rejects view)", j->path,
		     j->warned - MAX_WARN);
}

/* Is an archive member one to import (CSV, TSV, text, gzip)? */
static int wanted(const char *name);

/*
 * Import the CSV members of the archive z at path, all in one
 * transaction: each member is a file of its own in the files view,
 * named "path:member", and the archive has a row after them with its
 * SHA-256 and the sums of their counts, by which the archive is skipped
 * when seen again.  A member that is no survey export is rejected on its
 * own, like a file in a folder; a member whose bytes cannot be read
 * (encrypted, bad CRC, a bomb) rejects the whole archive, and nothing of
 * it is kept.  Returns as file_attempt; j->reason says why.
 */
static int
archive_run(struct importer *im, struct job *j, struct zipin *z,
	    const char *path, const char *sha, uint64_t bytes,
	    struct totals *sub)
{
	struct job *m = xcalloc(1, sizeof *m);
	size_t i, n = 0;
	int result = FILE_FAILED;
	long long id;

	if (txn_begin(im, j))
		goto out;
	for (i = 0; i < zipin_count(z); i++) {
		const char *name = zipin_name(z, i);
		const char *base = strrchr(name, '/');
		char *label;

		base = base ? base + 1 : name;
		if (!wanted(base) || !strncmp(name, "__MACOSX/", 9)) {
			info("%s: member '%s' is not CSV, TSV or text; "
			     "ignored", path, name);
			continue;
		}
		n++;
		label = xasprintf("%s:%s", path, name);
		memset(m, 0, sizeof *m);
		m->path = label;
		m->src = SRC_MEMBER;
		m->zip = z;
		m->member = i;
		m->nested = 1;
		m->mtime = j->mtime;
		m->outer = path;
		result = job_run(im, m);
		if (result == FILE_DONE) {
			totals_add(sub, m);
			job_report(m, im->o->dry_run);
		} else if (result == FILE_REJECTED && !m->archive_bad) {
			sub->files_rejected++;
			error("%s: rejected: %s", label, m->reason);
			if (file_insert(im, label, "", zipin_size(z, i), NULL,
					0, 0, "rejected", m->reason, NULL))
				result = FILE_FAILED;
			else
				result = FILE_DONE;
		} else if (result == FILE_REJECTED) {
			snprintf(j->reason, sizeof j->reason, "%.1100s",
				 m->reason);
		}
		free(label);
		if (result != FILE_DONE)
			goto out;
	}
	if (n == 0) {
		snprintf(j->reason, sizeof j->reason, "no CSV, TSV or text "
			 "member in the archive");
		result = FILE_REJECTED;
		goto out;
	}
	result = FILE_FAILED;
	if (file_insert(im, path, sha, bytes, NULL, 0, 0, "imported", NULL,
			&id))
		goto out;
	sqlite3_bind_int64(im->file_done, 1, id);
	sqlite3_bind_text(im->file_done, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->file_done, 3, (sqlite3_int64)bytes);
	sqlite3_bind_text(im->file_done, 4, sub->rows_rejected ||
			  sub->files_rejected ? "partial" : "imported", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(im->file_done, 5, sub->rows_read);
	sqlite3_bind_int64(im->file_done, 6, sub->rows_new);
	sqlite3_bind_int64(im->file_done, 7, sub->rows_dup);
	sqlite3_bind_int64(im->file_done, 8, sub->rows_rejected);
	sqlite3_bind_null(im->file_done, 9);
	if (step_done(im, im->file_done) || txn_commit(im, j))
		goto out;
	result = FILE_DONE;
out:
	if (result != FILE_DONE)
		txn_rollback(im, j);
	free(m);
	return result;
}

/* Does the file at path start with a zip's magic bytes? */
static int
is_zip(const char *path)
{
	unsigned char magic[4];
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (f) {
		n = fread(magic, 1, sizeof magic, f);
		fclose(f);
	}
	return zipin_magic(magic, n);
}

/*
 * A zip: a workbook when it holds xl/workbook.xml, otherwise an archive
 * of CSV files.  Returns as file_attempt.
 */
static int
zip_run(struct importer *im, struct job *j, const char *sha,
	uint64_t bytes)
{
	struct totals sub = { 0 };
	struct zipin *z;
	char why[512];
	int result;

	if (!(z = zipin_open(j->path, why))) {
		snprintf(j->reason, sizeof j->reason, "%s", why);
		return FILE_REJECTED;
	}
	if (xlsx_is_workbook(z)) {
		j->src = SRC_SHEET;
		j->sha = sha;
		j->bytes = bytes;
		if (!(j->xlsx = xlsx_open(z, why))) {
			snprintf(j->reason, sizeof j->reason, "%s", why);
			result = FILE_REJECTED;
		} else {
			result = job_run(im, j);
			if (result == FILE_DONE)
				job_report(j, im->o->dry_run);
			xlsx_free(j->xlsx);
		}
		zipin_close(z);
		if (result == FILE_DONE)
			totals_add(&im->t, j);
		return result;
	}
	result = archive_run(im, j, z, j->path, sha, bytes, &sub);
	zipin_close(z);
	if (result == FILE_DONE) {
		im->t.rows_read += sub.rows_read;
		im->t.rows_new += sub.rows_new;
		im->t.rows_dup += sub.rows_dup;
		im->t.rows_rejected += sub.rows_rejected;
		im->t.files_rejected += sub.files_rejected;
		im->t.dated_by_name += sub.dated_by_name;
		im->t.dated_by_mtime += sub.dated_by_mtime;
	}
	return result;
}

/*
 * The reason a file that is no survey export is skipped with: never a
 * rejected export.  The nightly run looks for these words.
 */
#define NOT_SURVEY "not a survey file"

/* Say that path is not a survey file (why: how we know it). */
static void
not_survey(struct importer *im, const char *path, const char *why)
{
	im->t.files_skipped++;
	warn("%s: " NOT_SURVEY " (%s); skipped", path, why);
}

/* Import one file.  Returns 0, or -1 when the run must stop. */
static int
import_file(struct importer *im, const char *path)
{
	struct job *j;
	struct stat st;
	int result, rc;
	char sha[65] = "", why[256];
	uint64_t bytes = 0;

	im->t.files++;
	memset(&st, 0, sizeof st);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((rc = already_imported(im, path, (uint64_t)st.st_size)))
			return rc < 0 ? -1 : 0;
	}
	j = xcalloc(1, sizeof *j);
	j->path = path;
	j->mtime = (int64_t)st.st_mtime;
	if (S_ISREG(st.st_mode) && is_zip(path)) {
		/* random access: the hash is taken first, in a pass of its own */
		if (input_hash_file(path, sha, &bytes, why)) {
			snprintf(j->reason, sizeof j->reason, "%s", why);
			result = FILE_REJECTED;
		} else {
			result = zip_run(im, j, sha, bytes);
		}
	} else {
		result = job_run(im, j);
		if (result == FILE_DONE) {
			totals_add(&im->t, j);
			job_report(j, im->o->dry_run);
		}
	}
	if (result == FILE_NOT_SURVEY) {
		/* recorded, so that the nightly run knows what it was */
		not_survey(im, path, "no question column");
		result = FILE_DONE;
		if (input_hash_file(path, sha, &bytes, why))
			sha[0] = '\0';
		if (file_note(im, path, sha, bytes, NULL, "skipped",
			      NOT_SURVEY ": no question column"))
			result = FILE_FAILED;
	}
	if (result == FILE_REJECTED) {
		im->t.files_rejected++;
		error("%s: rejected: %s", path, j->reason);
		if (!sha[0] && input_hash_file(path, sha, &bytes, why))
			sha[0] = '\0';
		if (file_note(im, path, sha, bytes, NULL, "rejected",
			      j->reason))
			result = FILE_FAILED;
	}
	free(j);
	return result == FILE_FAILED ? -1 : 0;
}

/* --- paths -------------------------------------------------------------- */

static int
wanted(const char *name)
{
	static const char *const exts[] = {
		".csv", ".tsv", ".txt", ".gz", ".xlsx", ".zip"
	};
	size_t i;

	if (name[0] == '.')
		return 0;
	for (i = 0; i < sizeof exts / sizeof *exts; i++)
		if (has_ext(name, exts[i]))
			return 1;
	return 0;
}

/*
 * Import a directory's files in bytewise name order, recursively; any
 * file that is no survey export by its name is skipped and named.
 * Symbolic links to directories are not followed (no loops).
 */
static int
import_dir(struct importer *im, const char *dir)
{
	size_t n, i;
	char **names = dirlist(dir, &n);
	int rc = 0;

	if (!names) {
		im->t.files_rejected++;
		error("%s: cannot open directory: %s", dir, strerror(errno));
		return 0;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;

		/* names starting with '.' are left alone, folders too */
		if (rc == 0 && names[i][0] != '.' && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = import_dir(im, path);
			else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
				 S_ISDIR(st.st_mode))
				info("%s: symbolic link to a directory; not "
				     "followed", path);
			else if (wanted(names[i]))
				rc = import_file(im, path);
			else {
				im->t.files++;
				not_survey(im, path, "not .csv, .tsv, .txt, "
					   ".gz, .xlsx or .zip");
			}
		}
		free(path);
	}
	dirlist_free(names, n);
	return rc;
}

/*
 * The end of the summary line: when some file had no time column, how
 * its answers were dated, so that a guess is never silent.
 */
static void
summary_dates(const struct totals *t)
{
	if (t->dated_by_name || t->dated_by_mtime)
		fputs("; no time column in ", stderr);
	if (t->dated_by_name)
		fprintf(stderr, "%ld file%s dated by %s name%s", t->dated_by_name,
			t->dated_by_name > 1 ? "s" : "",
			t->dated_by_name > 1 ? "their" : "its",
			t->dated_by_mtime ? ", " : "");
	if (t->dated_by_mtime)
		fprintf(stderr, "%ld file%s dated by %s modification time",
			t->dated_by_mtime, t->dated_by_mtime > 1 ? "s" : "",
			t->dated_by_mtime > 1 ? "their" : "its");
	fputc('\n', stderr);
}

int
import_run(const struct ingest_opts *o)
{
	struct importer im;
	double start = progress_now();
	int i, rc = 0, status;
	const char *db_path = o->db_path;

	memset(&im, 0, sizeof im);
	im.o = o;
	if (o->aliases_path && jsic_load_aliases(o->aliases_path))
		return EXIT_USAGE;
	if (o->map_path && colmap_load(&im.map, o->map_path))
		return EXIT_USAGE;
	/* a path that cannot be read at all is a mistyped argument, not a
	   file to record as rejected */
	for (i = 0; i < o->npaths; i++) {
		struct stat st;

		if (stat(o->paths[i], &st) != 0) {
			error("'%s': cannot read:", o->paths[i]);
			colmap_release(&im.map);
			return EXIT_USAGE;
		}
	}
	if (o->dry_run && access(db_path, F_OK) != 0)
		db_path = ":memory:";	/* validate without creating it */
	im.db = db_open(db_path, DB_WRITE, &im.busy);
	if (!im.db) {
		colmap_release(&im.map);
		return im.busy ? EXIT_BUSY : EXIT_FAIL;
	}
	/*
	 * Every row ingest writes refers to the file row it wrote first in
	 * the same transaction, so foreign keys are not checked: the check
	 * costs a look-up per row, and a statement that might fail halfway
	 * through a check makes SQLite journal each multi-row INSERT on its
	 * own (the INSERTs are OR ROLLBACK for the same reason).
	 */
	if (db_exec(im.db, "PRAGMA foreign_keys = OFF") || prepare(&im)) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < o->npaths && rc == 0; i++) {
		struct stat st;

		if (stat(o->paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = import_dir(&im, o->paths[i]);
		else
			rc = import_file(&im, o->paths[i]);
	}
out:
	finalize(&im);
	db_close(im.db);
	colmap_release(&im.map);
	if (err_verbosity >= 0)
		fprintf(stderr, "%s: %s%ld files, %ld rows read, %ld new, "
			"%ld duplicate, %ld rejected rows, %ld rejected files,"
			" %ld skipped, %.2f s", err_prog(),
			o->dry_run ? "dry run: " : "", im.t.files,
			im.t.rows_read, im.t.rows_new, im.t.rows_dup,
			im.t.rows_rejected, im.t.files_rejected,
			im.t.files_skipped, progress_now() - start);
	if (err_verbosity >= 0)
		summary_dates(&im.t);
	if (im.busy)
		status = EXIT_BUSY;
	else if (rc)
		status = EXIT_FAIL;
	else if (im.t.rows_rejected || im.t.files_rejected)
		status = EXIT_REJECTED;
	else
		status = EXIT_OK;
	return status;
}
