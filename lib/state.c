/*
 * Company state as of a date (SPEC §2.2), streamed.
 *
 * One scan of response in the order it is stored (its key: company_key,
 * department, submitted_at, response_id) gives each company's rows
 * together, each department's rows oldest first.  The
 * last row of a department is its latest response; the departments are
 * folded into the company's answers with answer_weaker() as each one ends,
 * and the company is handed to the caller when the next company starts.
 * Only the company being read is held, in buffers reused from company to
 * company, so memory does not grow with the population and the scan makes
 * no allocation per row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "catalogue.h"
#include "db.h"
#include "err.h"
#include "state.h"
#include "when.h"

/* A string copied out of a row, in a buffer that only ever grows. */
struct sbuf {
	char *s;
	size_t len, cap;
	int null;
};

/*
 * The answers as small codes, so that reading, combining and scoring an
 * answer is a table lookup rather than a switch: CODE_I .. CODE_A in the
 * order of cube_codes, then CODE_MISSING for a blank or anything that is
 * not an answer.
 */
enum { CODE_I, CODE_P, CODE_N, CODE_U, CODE_A, CODE_MISSING, NCODES };

static const char code_char[NCODES] = {
	ANS_IMPLEMENTED, ANS_PARTIAL, ANS_NOT, ANS_UNKNOWN, ANS_NA,
	ANS_MISSING,
};

/* What scoring needs, filled once a scan by tables_init. */
struct tables {
	unsigned char code[256];	/* byte -> code */
	int points[NCODES];		/* ANSWER_NONE for missing */
	unsigned char weaker[NCODES][NCODES];	/* answer_weaker */
	int part[NQUESTIONS];		/* part index of each question */
};

static void
tables_init(struct tables *t, int na_points)
{
	int i, j;

	for (i = 0; i < 256; i++)
		t->code[i] = CODE_MISSING;
	for (i = 0; i < NCODES; i++) {
		t->points[i] = answer_points(code_char[i], na_points);
		if (t->points[i] != ANSWER_NONE)
			t->code[(unsigned char)code_char[i]] =
				(unsigned char)i;
	}
	for (i = 0; i < NCODES; i++)
		for (j = 0; j < NCODES; j++) {
			int w = answer_weaker(code_char[i], code_char[j],
					      na_points);

			t->weaker[i][j] = t->code[(unsigned char)w];
		}
	for (i = 0; i < NQUESTIONS; i++)
		t->part[i] = catalogue_question(i + 1)->part - 1;
}

/* The company being read. */
struct scan {
	struct company_state st;
	struct sbuf key, dept, name, corpno, industry, size, star;
	char best_at[21];		/* latest response: submitted_at ... */
	sqlite3_int64 best_id;		/* ... and response_id for ties */
	unsigned char dept_code[NQUESTIONS];	/* latest row of dept */
	unsigned char code[NQUESTIONS];	/* departments folded */
	int in_company;
	struct tables t;
};

enum {
	COL_KEY, COL_DEPT, COL_AT, COL_ID, COL_NAME, COL_CORPNO,
	COL_INDUSTRY, COL_SIZE, COL_STAR, COL_ANSWERS,
};

#define SCAN_COLUMNS \
	"SELECT company_key, department, submitted_at, response_id," \
	" company_name, corporate_number, industry_code, size_class," \
	" star_level, answers FROM response WHERE superseded = 0"
#define SCAN_ORDER \
	" ORDER BY company_key, department, submitted_at, response_id"

static const char scan_all_sql[] =
	SCAN_COLUMNS " AND submitted_at < ?1" SCAN_ORDER;
static const char scan_one_sql[] =
	SCAN_COLUMNS " AND submitted_at < ?1 AND company_key = ?2" SCAN_ORDER;
/* every row, the later ones only noted (state_scan_all) */
static const char scan_every_sql[] = SCAN_COLUMNS SCAN_ORDER;

/* Copy column col of st into b; a NULL column leaves b->null set. */
static void
sbuf_set(struct sbuf *b, sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	size_t len = (size_t)sqlite3_column_bytes(st, col);

	b->null = v == NULL;
	b->len = v ? len : 0;
	if (len + 1 > b->cap) {
		b->cap = len + 1 > 64 ? (len + 1) * 2 : 64;
		free(b->s);
		b->s = xmalloc(b->cap);
	}
	if (v)
		memcpy(b->s, v, len);
	b->s[v ? len : 0] = '\0';
}

static const char *
sbuf_get(const struct sbuf *b)
{
	return b->null ? NULL : b->s;
}

static int
sbuf_eq(const struct sbuf *b, const unsigned char *v, int len)
{
	return v && !b->null && b->len == (size_t)len &&
	       memcmp(b->s, v, (size_t)len) == 0;
}

/*
 * Read a row's answers as codes, anything that is not an answer code
 * (a short or damaged string) as missing, so that it can only make the
 * company incomplete, never score it.
 */
static void
read_answers(unsigned char dst[NQUESTIONS], sqlite3_stmt *st,
	     const struct tables *t)
{
	const unsigned char *a = sqlite3_column_text(st, COL_ANSWERS);
	int len = a ? sqlite3_column_bytes(st, COL_ANSWERS) : 0;
	int i;

	if (len >= NQUESTIONS) {
		for (i = 0; i < NQUESTIONS; i++)
			dst[i] = t->code[a[i]];
		return;
	}
	for (i = 0; i < NQUESTIONS; i++)
		dst[i] = i < len ? t->code[a[i]] : CODE_MISSING;
}

/* Fold the department just ended into the company's answers. */
static void
end_department(struct scan *s)
{
	int i;

	for (i = 0; i < NQUESTIONS; i++)
		s->code[i] = s->t.weaker[s->code[i]][s->dept_code[i]];
	s->st.n_departments++;
}

static void
start_company(struct scan *s, sqlite3_stmt *st)
{
	sbuf_set(&s->key, st, COL_KEY);
	memset(s->code, CODE_MISSING, NQUESTIONS);
	s->st.n_departments = 0;
	s->best_at[0] = '\0';
	s->best_id = 0;
	s->in_company = 1;
}

/* A row of the current department: it is the latest so far. */
static void
take_row(struct scan *s, sqlite3_stmt *st)
{
	const char *at = (const char *)sqlite3_column_text(st, COL_AT);
	sqlite3_int64 id = sqlite3_column_int64(st, COL_ID);
	int cmp;

	read_answers(s->dept_code, st, &s->t);
	if (!at)
		at = "";
	cmp = strcmp(at, s->best_at);
	if (cmp < 0 || (cmp == 0 && id < s->best_id))
		return;
	/* the company's latest response so far gives its attributes */
	strncpy(s->best_at, at, sizeof s->best_at - 1);
	s->best_id = id;
	sbuf_set(&s->name, st, COL_NAME);
	sbuf_set(&s->corpno, st, COL_CORPNO);
	sbuf_set(&s->industry, st, COL_INDUSTRY);
	sbuf_set(&s->size, st, COL_SIZE);
	sbuf_set(&s->star, st, COL_STAR);
}

/* Score c from its answers as codes: complete, total and part_points. */
static void
score(struct company_state *c, const unsigned char code[NQUESTIONS],
      const struct tables *t)
{
	int i, total = 0, missing = 0;
	int part[NPARTS] = { 0 };

	for (i = 0; i < NQUESTIONS; i++) {
		int k = code[i];

		missing |= k == CODE_MISSING;
		if (k != CODE_MISSING) {
			total += t->points[k];
			part[t->part[i]] += t->points[k];
		}
	}
	c->complete = !missing;
	c->total = missing ? 0 : total;
	for (i = 0; i < NPARTS; i++)
		c->part_points[i] = missing ? 0 : part[i];
}

void
state_score(struct company_state *c, int na_points)
{
	/* the tables of the last na_points asked for, per thread */
	static _Thread_local struct tables t;
	static _Thread_local int t_points, t_set;
	unsigned char code[NQUESTIONS];
	int i;

	if (!t_set || t_points != na_points) {
		tables_init(&t, na_points);
		t_points = na_points;
		t_set = 1;
	}
	for (i = 0; i < NQUESTIONS; i++)
		code[i] = t.code[(unsigned char)c->answers[i]];
	score(c, code, &t);
}

/* Complete the state of the company read and hand it to fn. */
static int
end_company(struct scan *s, int (*fn)(const struct company_state *, void *),
	    void *arg)
{
	struct company_state *c = &s->st;
	int i;

	end_department(s);
	c->company_key = s->key.s;
	c->company_name = sbuf_get(&s->name);
	c->corporate_number = sbuf_get(&s->corpno);
	c->industry_code = s->industry.null ? "unknown" : s->industry.s;
	c->size_class = s->size.null ? "unknown" : s->size.s;
	c->star_level = s->star.null ? "unknown" : s->star.s;
	memcpy(c->submitted_at, s->best_at, sizeof c->submitted_at);
	for (i = 0; i < NQUESTIONS; i++)
		c->answers[i] = code_char[s->code[i]];
	c->answers[NQUESTIONS] = '\0';
	score(c, s->code, &s->t);
	s->in_company = 0;
	return fn(c, arg);
}

static void
scan_release(struct scan *s)
{
	free(s->key.s);
	free(s->dept.s);
	free(s->name.s);
	free(s->corpno.s);
	free(s->industry.s);
	free(s->size.s);
	free(s->star.s);
}

/*
 * Run st (prepared from one of the scans above and bound) to its end,
 * handing each company to fn: with later set, rows at or after end are
 * only noted, the earliest in later.
 */
static int
scan_rows(sqlite3 *db, sqlite3_stmt *st, const char *end, int na_points,
	  char *later, int (*fn)(const struct company_state *, void *),
	  void *arg)
{
	struct scan s;
	int rc = 0, step;

	memset(&s, 0, sizeof s);
	tables_init(&s.t, na_points);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *key = sqlite3_column_text(st, COL_KEY);
		int klen = sqlite3_column_bytes(st, COL_KEY);
		const unsigned char *dept = sqlite3_column_text(st, COL_DEPT);
		int dlen = sqlite3_column_bytes(st, COL_DEPT);

		if (later) {
			const char *at = (const char *)
				sqlite3_column_text(st, COL_AT);

			if (at && strcmp(at, end) >= 0) {
				if (!later[0] || strcmp(at, later) < 0)
					snprintf(later, 21, "%s", at);
				continue;
			}
		}
		if (s.in_company && !sbuf_eq(&s.key, key, klen)) {
			if ((rc = end_company(&s, fn, arg)) != 0)
				goto out;
		}
		if (!s.in_company) {
			start_company(&s, st);
			sbuf_set(&s.dept, st, COL_DEPT);
		} else if (!sbuf_eq(&s.dept, dept, dlen)) {
			end_department(&s);
			sbuf_set(&s.dept, st, COL_DEPT);
		}
		take_row(&s, st);
	}
	if (step != SQLITE_DONE) {
		rc = error("database: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (s.in_company)
		rc = end_company(&s, fn, arg);
out:
	sqlite3_reset(st);
	scan_release(&s);
	return rc;
}

/* The scan behind state_scan and state_scan_all. */
static int
scan(sqlite3 *db, int64_t end_utc, int na_points, const char *company_key,
     char *later, int (*fn)(const struct company_state *, void *),
     void *arg)
{
	sqlite3_stmt *st;
	char end[21];
	int rc;

	if (db_prepare(db, &st, later ? scan_every_sql : company_key ?
		       scan_one_sql : scan_all_sql))
		return -1;
	when_format(end_utc, end);
	if (later)
		later[0] = '\0';
	else
		sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
	if (company_key)
		sqlite3_bind_text(st, 2, company_key, -1, SQLITE_STATIC);
	rc = scan_rows(db, st, end, na_points, later, fn, arg);
	sqlite3_finalize(st);
	return rc;
}

int
state_one_open(struct state_one *o, sqlite3 *db, int64_t end_utc,
	       int na_points)
{
	o->db = db;
	o->na_points = na_points;
	when_format(end_utc, o->end);
	if (db_prepare(db, &o->st, scan_one_sql))
		return -1;
	sqlite3_bind_text(o->st, 1, o->end, -1, SQLITE_STATIC);
	return 0;
}

int
state_one(struct state_one *o, const char *company_key,
	  int (*fn)(const struct company_state *, void *), void *arg)
{
	sqlite3_bind_text(o->st, 2, company_key, -1, SQLITE_STATIC);
	return scan_rows(o->db, o->st, o->end, o->na_points, NULL, fn, arg);
}

void
state_one_close(struct state_one *o)
{
	sqlite3_finalize(o->st);
	o->st = NULL;
}

int
state_scan(sqlite3 *db, int64_t end_utc, int na_points,
	   const char *company_key,
	   int (*fn)(const struct company_state *, void *), void *arg)
{
	return scan(db, end_utc, na_points, company_key, NULL, fn, arg);
}

int
state_scan_all(sqlite3 *db, int64_t end_utc, int na_points,
	       char later[21],
	       int (*fn)(const struct company_state *, void *), void *arg)
{
	return scan(db, end_utc, na_points, NULL, later, fn, arg);
}
