/*
 * Pool files: export a run's cells as counts, check and merge the files of
 * several organisations into a pooled run.
 *
 * A pool is kept as a cube whose groups are cells, not margins: the group
 * at (i, s, t) holds the companies of exactly that cell, and a group with
 * "*" coordinates holds the companies whose organisation withheld those
 * coordinates (a residual).  Only four shapes exist, the rungs of the
 * ladder a small cell climbs: (i, s, t), (i, s, *), (i, *, *), (*, *, *).
 * cube_add_cell turns such a pool into a cube that cube_finish completes,
 * so every statistic comes from the same code as a local run's.
 *
 * Files are read whole and checked before anything is merged: the meta
 * values against ours and each other's, every count for sign, size and
 * consistency (a histogram sums to n, every question's answers sum to n,
 * the part sums are what the answers give, the organisations' counts are
 * the cells').  A file that fails any check rejects the whole merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <sqlite3.h>

#include "answer.h"
#include "catalogue.h"
#include "db.h"
#include "err.h"
#include "exit.h"
#include "num.h"
#include "pool.h"
#include "score.h"
#include "state.h"
#include "store.h"
#include "when.h"

#define IND_ALL (CUBE_NINDUSTRY - 1)
#define SIZE_ALL (CUBE_NSIZE - 1)
#define STAR_ALL (CUBE_NSTAR - 1)

static const char pool_schema[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
	" WITHOUT ROWID;"
	"CREATE TABLE org (org TEXT PRIMARY KEY,"
	" n_companies INTEGER NOT NULL, n_incomplete INTEGER NOT NULL)"
	" WITHOUT ROWID;"
	"CREATE TABLE cell (industry TEXT NOT NULL, size TEXT NOT NULL,"
	" star TEXT NOT NULL, n INTEGER NOT NULL,"
	" n_incomplete INTEGER NOT NULL, part1_sum INTEGER NOT NULL,"
	" part2_sum INTEGER NOT NULL, part3_sum INTEGER NOT NULL,"
	" PRIMARY KEY (industry, size, star)) WITHOUT ROWID;"
	"CREATE TABLE cell_score (industry TEXT NOT NULL,"
	" size TEXT NOT NULL, star TEXT NOT NULL, score INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (industry, size, star, score)) WITHOUT ROWID;"
	"CREATE TABLE cell_answer (industry TEXT NOT NULL,"
	" size TEXT NOT NULL, star TEXT NOT NULL,"
	" question_no INTEGER NOT NULL, implemented INTEGER NOT NULL,"
	" partial INTEGER NOT NULL, not_implemented INTEGER NOT NULL,"
	" unknown INTEGER NOT NULL, na INTEGER NOT NULL,"
	" PRIMARY KEY (industry, size, star, question_no)) WITHOUT ROWID;";

/* One organisation behind a pool. */
struct org {
	char *label;
	int64_t n_companies, n_incomplete;
};

struct orgs {
	struct org *v;
	size_t n, cap;
};

/* What a pool file says about itself, beside its cells. */
struct meta {
	char as_of[11];
	int na_points;
	int min_group;
	char org[POOL_MAX_LABEL + 1];
};

/* The catalogue a file was made with: 16 hex digits of the SHA-256 of
 * every question's number, part and text. */
static void
catalogue_id(char out[17])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int i;

	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
		die("cannot hash the catalogue");
	for (i = 1; i <= NQUESTIONS; i++) {
		const struct question *q = catalogue_question(i);
		char head[16];

		snprintf(head, sizeof head, "%d\t%d\t", q->no, q->part);
		EVP_DigestUpdate(ctx, head, strlen(head));
		EVP_DigestUpdate(ctx, q->text, strlen(q->text));
		EVP_DigestUpdate(ctx, "\n", 1);
	}
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	for (i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* A label is 1..POOL_MAX_LABEL bytes of printable text without ','
 * (the runs view lists labels joined by commas). */
int
pool_label_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > POOL_MAX_LABEL)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || c == ',')
			return 0;
	}
	return 1;
}

/* Add an organisation; -1 when the label is there already. */
static int
orgs_add(struct orgs *os, const char *label, int64_t n, int64_t inc)
{
	size_t i;

	for (i = 0; i < os->n; i++)
		if (strcmp(os->v[i].label, label) == 0)
			return -1;
	if (os->n == os->cap) {
		os->cap = os->cap ? 2 * os->cap : 8;
		os->v = xrealloc(os->v, os->cap * sizeof *os->v);
	}
	os->v[os->n].label = xstrdup(label);
	os->v[os->n].n_companies = n;
	os->v[os->n].n_incomplete = inc;
	os->n++;
	return 0;
}

static void
orgs_release(struct orgs *os)
{
	size_t i;

	for (i = 0; i < os->n; i++)
		free(os->v[i].label);
	free(os->v);
	os->v = NULL;
	os->n = os->cap = 0;
}

/* Empty a group, keeping its coordinates. */
static void
group_clear(struct cube_group *g)
{
	int i = g->industry, s = g->size, t = g->star;

	memset(g, 0, sizeof *g);
	g->industry = i;
	g->size = s;
	g->star = t;
}

/* The rung of a cell on the ladder (0 full .. 3 all withheld), or -1. */
static int
rung(int i, int s, int t)
{
	if (i != IND_ALL && s != SIZE_ALL && t != STAR_ALL)
		return 0;
	if (i != IND_ALL && s != SIZE_ALL)
		return 1;
	if (i != IND_ALL && t == STAR_ALL)
		return 2;
	return i == IND_ALL && s == SIZE_ALL && t == STAR_ALL ? 3 : -1;
}

/*
 * Whether a cell may leave the organisation: at least min companies and,
 * if any is complete, at least min complete ones (the groups of SPEC
 * §2.2 count complete companies; a cell of incomplete companies only
 * shows nothing but its count).
 */
static int
cell_fit(const struct cube_group *g, int min)
{
	return g->n >= min || (g->n == 0 && g->n_incomplete >= min);
}

/*
 * The cell to join the residual of everything when that is still under
 * the minimum: the coarsest, then the smallest; NULL when none is left.
 */
static struct cube_group *
next_to_join(struct cube *h, const struct cube_group *top)
{
	struct cube_group *best = NULL;
	int k, r, br = -1;

	for (k = 0; k < CUBE_NGROUPS; k++) {
		struct cube_group *g = &h->g[k];

		if (g == top || cube_group_empty(g))
			continue;
		r = rung(g->industry, g->size, g->star);
		if (!best || r > br || (r == br && g->n + g->n_incomplete <
					best->n + best->n_incomplete)) {
			best = g;
			br = r;
		}
	}
	return best;
}

/*
 * Climb every cell under min up the ladder until it fits; when the
 * residual of everything is still under min, the coarsest and smallest
 * other cells join it until it fits, so that nothing is dropped and the
 * totals stay exact.  Returns the number of cells merged, or -1 when the
 * whole population is under min (nothing may leave).
 */
static int
withhold(struct cube *h, int min)
{
	struct cube_group *top = cube_group_at(h, IND_ALL, SIZE_ALL, STAR_ALL);
	struct cube_group *g;
	int merged = 0, r, k;

	for (r = 0; r < 3; r++)
		for (k = 0; k < CUBE_NGROUPS; k++) {
			g = &h->g[k];
			if (rung(g->industry, g->size, g->star) != r ||
			    cube_group_empty(g) || cell_fit(g, min))
				continue;
			cube_group_add(cube_group_at(h,
				r == 2 ? IND_ALL : g->industry,
				r >= 1 ? SIZE_ALL : g->size, STAR_ALL), g);
			group_clear(g);
			merged++;
		}
	while (!cube_group_empty(top) && !cell_fit(top, min)) {
		if (!(g = next_to_join(h, top)))
			return -1;
		cube_group_add(top, g);
		group_clear(g);
		merged++;
	}
	return merged;
}

/*
 * Add the full cells of c, a cube filled by cube_add, to the pool h; its
 * margins (filled by cube_finish, if it ran) are left out.
 */
static void
add_full_cells(struct cube *h, const struct cube *c)
{
	int k;

	for (k = 0; k < CUBE_NGROUPS; k++) {
		const struct cube_group *g = &c->g[k];

		if (rung(g->industry, g->size, g->star) == 0 &&
		    !cube_group_empty(g))
			cube_group_add(&h->g[k], g);
	}
}

/* ---- writing ---- */

static int
put_meta(sqlite3 *db, sqlite3_stmt *st, const char *key, const char *value)
{
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
	return 0;
}

static int
write_meta(sqlite3 *db, const struct meta *m)
{
	char cat[17], version[16], na[16], min[16], nq[16];
	sqlite3_stmt *st;
	int rc;

	catalogue_id(cat);
	snprintf(version, sizeof version, "%d", POOL_VERSION);
	snprintf(na, sizeof na, "%d", m->na_points);
	snprintf(min, sizeof min, "%d", m->min_group);
	snprintf(nq, sizeof nq, "%d", NQUESTIONS);
	if (db_prepare(db, &st, "INSERT INTO meta VALUES (?, ?)"))
		return -1;
	rc = put_meta(db, st, "format", POOL_FORMAT) ||
	     put_meta(db, st, "version", version) ||
	     put_meta(db, st, "catalogue", cat) ||
	     put_meta(db, st, "questions", nq) ||
	     put_meta(db, st, "na_points", na) ||
	     put_meta(db, st, "as_of", m->as_of) ||
	     put_meta(db, st, "min_group", min) ||
	     put_meta(db, st, "org", m->org) ? -1 : 0;
	sqlite3_finalize(st);
	return rc;
}

static void
bind_cell(sqlite3_stmt *st, const struct cube_group *g)
{
	sqlite3_bind_text(st, 1, cube_industry_code(g->industry), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 2, cube_size_code(g->size), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cube_star_code(g->star), -1, SQLITE_STATIC);
}

static int
step(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 :
	       error("database: %s", sqlite3_errmsg(db));
}

static int
write_cell(sqlite3 *db, sqlite3_stmt *const st[3], const struct cube_group *g)
{
	int i, k;

	bind_cell(st[0], g);
	sqlite3_bind_int64(st[0], 4, g->n);
	sqlite3_bind_int64(st[0], 5, g->n_incomplete);
	for (i = 0; i < NPARTS; i++)
		sqlite3_bind_int64(st[0], 6 + i, g->part_sum[i]);
	if (step(db, st[0]))
		return -1;
	for (i = 0; i < CUBE_NSCORES; i++) {
		if (g->hist[i] == 0)
			continue;
		bind_cell(st[1], g);
		sqlite3_bind_int(st[1], 4, i + SCORE_MIN);
		sqlite3_bind_int64(st[1], 5, g->hist[i]);
		if (step(db, st[1]))
			return -1;
	}
	for (i = 0; g->n > 0 && i < NQUESTIONS; i++) {
		bind_cell(st[2], g);
		sqlite3_bind_int(st[2], 4, i + 1);
		for (k = 0; k < CUBE_NCODES; k++)
			sqlite3_bind_int64(st[2], 5 + k, g->q[i].count[k]);
		if (step(db, st[2]))
			return -1;
	}
	return 0;
}

static int
write_tables(sqlite3 *db, const struct cube *h, const struct meta *m,
	     const struct orgs *os)
{
	sqlite3_stmt *st[4] = { NULL };
	int rc = -1, k;
	size_t i;

	if (db_exec(db, "PRAGMA journal_mode = OFF") ||
	    db_exec(db, "BEGIN") || db_exec(db, pool_schema) ||
	    write_meta(db, m) ||
	    db_prepare(db, &st[0], "INSERT INTO cell VALUES"
		       " (?, ?, ?, ?, ?, ?, ?, ?)") ||
	    db_prepare(db, &st[1], "INSERT INTO cell_score VALUES"
		       " (?, ?, ?, ?, ?)") ||
	    db_prepare(db, &st[2], "INSERT INTO cell_answer VALUES"
		       " (?, ?, ?, ?, ?, ?, ?, ?, ?)") ||
	    db_prepare(db, &st[3], "INSERT INTO org VALUES (?, ?, ?)"))
		goto out;
	for (i = 0; i < os->n; i++) {
		sqlite3_bind_text(st[3], 1, os->v[i].label, -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st[3], 2, os->v[i].n_companies);
		sqlite3_bind_int64(st[3], 3, os->v[i].n_incomplete);
		if (step(db, st[3]))
			goto out;
	}
	for (k = 0; k < CUBE_NGROUPS; k++)
		if (!cube_group_empty(&h->g[k]) &&
		    write_cell(db, st, &h->g[k]))
			goto out;
	rc = db_exec(db, "COMMIT");
out:
	for (k = 0; k < 4; k++)
		sqlite3_finalize(st[k]);
	return rc;
}

/*
 * Write the pool h (cells, already withheld) to path: a temporary file
 * beside it, 0600, renamed over path when complete.
 */
static int
write_pool(const char *path, const struct cube *h, const struct meta *m,
	   const struct orgs *os)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	sqlite3 *db = NULL;
	int fd, rc = -1;

	if ((fd = mkstemp(tmp)) < 0) {
		error("'%s': cannot create:", path);
		free(tmp);
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		error("'%s': %s", path, db ? sqlite3_errmsg(db) : "no memory");
		goto out;
	}
	if (write_tables(db, h, m, os))
		goto out;
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		error("'%s': cannot close", path);
		goto out;
	}
	db = NULL;
	if (rename(tmp, path) != 0) {
		error("'%s': cannot rename into place:", path);
		goto out;
	}
	rc = 0;
out:
	if (db)
		sqlite3_close(db);
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* Withhold the cells of h under min_group and write them. */
static int
export_pool(const char *path, struct cube *h, const struct meta *m,
	    const struct orgs *os)
{
	int merged = withhold(h, m->min_group);

	if (merged < 0)
		return error("'%s': fewer than %d companies in all: nothing "
			     "may leave (--min-group)", path, m->min_group);
	if (merged > 0)
		info("'%s': %d cells under %d companies merged upward", path,
		     merged, m->min_group);
	return write_pool(path, h, m, os);
}

int
pool_export_run(const struct aggregate_opts *o, const struct cube *c)
{
	struct cube *h = cube_new();
	struct orgs os = { 0 };
	struct meta m = { .na_points = o->na_points,
			  .min_group = o->min_group };
	int rc;

	memcpy(m.as_of, o->as_of, sizeof m.as_of);
	snprintf(m.org, sizeof m.org, "%s", o->org ? o->org : "local");
	add_full_cells(h, c);
	orgs_add(&os, m.org, c->n_companies, c->n_incomplete);
	rc = export_pool(o->pool_out, h, &m, &os);
	orgs_release(&os);
	free(h);
	return rc;
}

/* ---- reading ---- */

/* A file being read: its name for messages, its connection, and where
 * its cells and organisations go. */
struct input {
	const char *path;
	sqlite3 *db;
	struct cube *h;
	struct orgs *orgs;
	int present[CUBE_NGROUPS];	/* cell rows seen */
};

static int
bad(const struct input *in, const char *what)
{
	return error("'%s': not a valid pool file: %s", in->path, what);
}

/* Index of a stored code among codes 0..n-1 ("*" is the last), or -1. */
static int
code_index(const char *(*code)(int), int n, const unsigned char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (strcmp(code(i), (const char *)s) == 0)
			return i;
	return -1;
}

/* The cell named by columns 0..2 of a row; NULL after saying why.  With
 * need, the cell must have come in the cell table. */
static struct cube_group *
row_cell(struct input *in, sqlite3_stmt *st, int need)
{
	int i = code_index(cube_industry_code, CUBE_NINDUSTRY,
			   sqlite3_column_text(st, 0));
	int s = code_index(cube_size_code, CUBE_NSIZE,
			   sqlite3_column_text(st, 1));
	int t = code_index(cube_star_code, CUBE_NSTAR,
			   sqlite3_column_text(st, 2));
	struct cube_group *g;

	if (i < 0 || s < 0 || t < 0 || rung(i, s, t) < 0) {
		bad(in, "a cell of unknown industry, size or star level");
		return NULL;
	}
	g = cube_group_at(in->h, i, s, t);
	if (need && !in->present[g - in->h->g]) {
		bad(in, "counts of a cell that is not in the cell table");
		return NULL;
	}
	return g;
}

/* Column c of a row as a count in [0, POOL_MAX_COMPANIES], or -1. */
static int
count_col(struct input *in, sqlite3_stmt *st, int c, int64_t *out)
{
	int64_t v;

	if (sqlite3_column_type(st, c) != SQLITE_INTEGER)
		return bad(in, "a count that is not an integer");
	v = sqlite3_column_int64(st, c);
	if (v < 0)
		return bad(in, "a negative count");
	if (v > POOL_MAX_COMPANIES)
		return error("'%s': a count of %lld is more than a pool may "
			     "hold (%d)", in->path, (long long)v,
			     POOL_MAX_COMPANIES);
	*out = v;
	return 0;
}

/* Integer column c of a row within [lo, hi], or -1. */
static int
int_col(struct input *in, sqlite3_stmt *st, int c, int64_t lo, int64_t hi,
	int64_t *out)
{
	if (sqlite3_column_type(st, c) != SQLITE_INTEGER ||
	    sqlite3_column_int64(st, c) < lo ||
	    sqlite3_column_int64(st, c) > hi)
		return bad(in, "a value out of range");
	*out = sqlite3_column_int64(st, c);
	return 0;
}

/* Step through the rows of sql, calling fn on each; 0 or -1. */
static int
each_row(struct input *in, const char *sql,
	 int (*fn)(struct input *, sqlite3_stmt *))
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(in->db, sql, -1, &st, NULL) != SQLITE_OK)
		return error("'%s': not a pool file of version %d: %s",
			     in->path, POOL_VERSION, sqlite3_errmsg(in->db));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(in, st)) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("'%s': %s", in->path, sqlite3_errmsg(in->db));
	return 0;
}

static int
read_cell(struct input *in, sqlite3_stmt *st)
{
	struct cube_group *g = row_cell(in, st, 0);
	int i;

	if (!g)
		return -1;
	if (in->present[g - in->h->g])
		return bad(in, "a cell given twice");
	in->present[g - in->h->g] = 1;
	if (count_col(in, st, 3, &g->n) ||
	    count_col(in, st, 4, &g->n_incomplete))
		return -1;
	if (g->n == 0 && g->n_incomplete == 0)
		return bad(in, "an empty cell");
	for (i = 0; i < NPARTS; i++)
		/* -1 .. 4 points a question, 25 questions at most */
		if (int_col(in, st, 5 + i, -NQUESTIONS * g->n,
			    4 * NQUESTIONS * g->n, &g->part_sum[i]))
			return -1;
	return 0;
}

static int
read_score(struct input *in, sqlite3_stmt *st)
{
	struct cube_group *g = row_cell(in, st, 1);
	int64_t score, n;

	if (!g || int_col(in, st, 3, SCORE_MIN, SCORE_MAX, &score) ||
	    count_col(in, st, 4, &n))
		return -1;
	g->hist[score - SCORE_MIN] += n;
	return 0;
}

static int
read_answer(struct input *in, sqlite3_stmt *st)
{
	struct cube_group *g = row_cell(in, st, 1);
	int64_t q, n;
	int k;

	if (!g || int_col(in, st, 3, 1, NQUESTIONS, &q))
		return -1;
	for (k = 0; k < CUBE_NCODES; k++) {
		if (count_col(in, st, 4 + k, &n))
			return -1;
		g->q[q - 1].count[k] += n;
	}
	return 0;
}

static int
read_org(struct input *in, sqlite3_stmt *st)
{
	const char *label = (const char *)sqlite3_column_text(st, 0);
	int64_t n, inc;

	if (!label || !pool_label_ok(label))
		return error("'%s': an organisation label that is not 1 to "
			     "%d printable bytes without ','", in->path,
			     POOL_MAX_LABEL);
	if (count_col(in, st, 1, &n) || count_col(in, st, 2, &inc))
		return -1;
	if (inc > n)
		return bad(in, "more incomplete companies than companies");
	if (orgs_add(in->orgs, label, n, inc))
		return error("'%s': organisation '%s' is in the pool already "
			     "(each may be counted once)", in->path, label);
	return 0;
}

/* Whether the counts of one cell agree with each other. */
static int
check_cell(struct input *in, const struct cube_group *g,
	   const struct meta *m)
{
	static const int points[CUBE_NCODES] = { 4, 2, 0, -1, 0 };
	int64_t part[NPARTS] = { 0 }, hsum = 0, total = 0, parts = 0;
	int i, k;

	if (!cell_fit(g, m->min_group))
		return error("'%s': a cell of fewer than %d companies (its "
			     "--min-group)", in->path, m->min_group);
	for (i = 0; i < CUBE_NSCORES; i++) {
		hsum += g->hist[i];
		total += g->hist[i] * (i + SCORE_MIN);
	}
	if (hsum != g->n)
		return bad(in, "a score histogram that does not sum to n");
	for (i = 0; i < NQUESTIONS; i++) {
		int64_t sum = 0;

		for (k = 0; k < CUBE_NCODES; k++) {
			sum += g->q[i].count[k];
			part[catalogue_question(i + 1)->part - 1] +=
				g->q[i].count[k] * (k == CUBE_NCODES - 1 ?
					m->na_points : points[k]);
		}
		if (sum != g->n)
			return bad(in, "answer counts that do not sum to n");
	}
	for (i = 0; i < NPARTS; i++) {
		if (part[i] != g->part_sum[i])
			return bad(in, "part sums that are not the answers'");
		parts += part[i];
	}
	if (parts != total)
		return bad(in, "a histogram that is not the answers' scores");
	return 0;
}

/* One meta value as text; NULL after saying why. */
static const char *
meta_get(struct input *in, sqlite3_stmt *st, const char *key)
{
	const unsigned char *v;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW ||
	    !(v = sqlite3_column_text(st, 0))) {
		error("'%s': not a pool file: no %s in meta", in->path, key);
		return NULL;
	}
	return (const char *)v;
}

/* A meta value as an integer in [lo, hi]; -1 after saying why. */
static int
meta_int(struct input *in, sqlite3_stmt *st, const char *key, long lo,
	 long hi, int *out)
{
	const char *v = meta_get(in, st, key);
	long n;

	if (!v)
		return -1;
	if (num_parse(v, lo, hi, &n))
		return error("'%s': %s '%s' is not a number from %ld to %ld",
			     in->path, key, v, lo, hi);
	*out = (int)n;
	return 0;
}

/* The meta values that must match ours, and the file's own. */
static int
read_meta(struct input *in, struct meta *m)
{
	char cat[17];
	const char *v;
	sqlite3_stmt *st;
	int64_t end;
	int rc = -1, version, nq;

	catalogue_id(cat);
	if (sqlite3_prepare_v2(in->db, "SELECT value FROM meta WHERE key = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return error("'%s': not a pool file (%s)", in->path,
			     sqlite3_errmsg(in->db));
	if (!(v = meta_get(in, st, "format")))
		goto out;
	if (strcmp(v, POOL_FORMAT) != 0) {
		error("'%s': not a pool file (format '%s')", in->path, v);
		goto out;
	}
	if (meta_int(in, st, "version", 0, 1000000, &version))
		goto out;
	if (version != POOL_VERSION) {
		error("'%s': pool format version %d; this program reads %d",
		      in->path, version, POOL_VERSION);
		goto out;
	}
	if (!(v = meta_get(in, st, "catalogue")))
		goto out;
	if (strcmp(v, cat) != 0) {
		error("'%s': made with another question catalogue (%s; ours "
		      "is %s)", in->path, v, cat);
		goto out;
	}
	if (meta_int(in, st, "questions", 0, 1000, &nq))
		goto out;
	if (nq != NQUESTIONS) {
		error("'%s': %d questions; ours are %d", in->path, nq,
		      NQUESTIONS);
		goto out;
	}
	if (meta_int(in, st, "na_points", -1, 4, &m->na_points) ||
	    meta_int(in, st, "min_group", 1, 1000000000, &m->min_group) ||
	    !(v = meta_get(in, st, "as_of")))
		goto out;
	if (strlen(v) != 10 || when_as_of(v, &end) < 0) {
		error("'%s': as_of '%s' is not a date", in->path, v);
		goto out;
	}
	memcpy(m->as_of, v, sizeof m->as_of);
	if (!(v = meta_get(in, st, "org")))
		goto out;
	if (!pool_label_ok(v)) {
		error("'%s': the organisation label is not 1 to %d printable "
		      "bytes without ','", in->path, POOL_MAX_LABEL);
		goto out;
	}
	snprintf(m->org, sizeof m->org, "%s", v);
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/* The file is an intact SQLite database holding our five tables only. */
static int
check_shape(struct input *in)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int rc = -1, n = -1;

	if (sqlite3_prepare_v2(in->db, "PRAGMA quick_check", -1, &st, NULL)
	    != SQLITE_OK) {
		if (sqlite3_errcode(in->db) == SQLITE_NOTADB)
			return error("'%s': not a pool file (not an SQLite "
				     "database)", in->path);
		return error("'%s': damaged or truncated (%s)", in->path,
			     sqlite3_errmsg(in->db));
	}
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (v = sqlite3_column_text(st, 0)) &&
	    strcmp((const char *)v, "ok") == 0)
		rc = 0;
	else
		error("'%s': damaged or truncated (%s)", in->path,
		      sqlite3_errcode(in->db) == SQLITE_NOTADB ?
		      "not an SQLite database" : sqlite3_errmsg(in->db));
	sqlite3_finalize(st);
	if (rc)
		return -1;
	if (sqlite3_prepare_v2(in->db, "SELECT count(*) FROM sqlite_master"
			       " WHERE type != 'table' OR name NOT IN"
			       " ('meta', 'org', 'cell', 'cell_score',"
			       " 'cell_answer')", -1, &st, NULL) != SQLITE_OK)
		return error("'%s': %s", in->path, sqlite3_errmsg(in->db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n != 0)
		return bad(in, "tables, views or triggers of its own");
	return 0;
}

/*
 * Read the pool file path into the empty pool h and its organisations
 * into os (which may hold others', to refuse a label twice), checking
 * everything.  Returns 0 or -1 after naming the file and the fault.
 */
static int
read_pool(const char *path, struct cube *h, struct orgs *os, struct meta *m)
{
	struct input *in = xcalloc(1, sizeof *in);
	int64_t n = 0, inc = 0, on = 0, oinc = 0;
	size_t first = os->n, i;
	struct stat sb;
	int k, rc = -1;

	in->path = path;
	in->h = h;
	in->orgs = os;
	if (stat(path, &sb) != 0) {
		error("'%s': cannot read:", path);
		goto out;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
		error("'%s': not a pool file (not a regular file, or empty)",
		      path);
		goto out;
	}
	if (sb.st_size > POOL_MAX_BYTES) {
		error("'%s': %lld bytes; a pool file is at most %d",
		      path, (long long)sb.st_size, POOL_MAX_BYTES);
		goto out;
	}
	if (sqlite3_open_v2(path, &in->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		error("'%s': %s", path, in->db ? sqlite3_errmsg(in->db) :
		      "no memory");
		goto out;
	}
	sqlite3_exec(in->db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
	if (check_shape(in) || read_meta(in, m) ||
	    each_row(in, "SELECT org, n_companies, n_incomplete FROM org",
		     read_org) ||
	    each_row(in, "SELECT industry, size, star, n, n_incomplete,"
		     " part1_sum, part2_sum, part3_sum FROM cell",
		     read_cell) ||
	    each_row(in, "SELECT industry, size, star, score, n"
		     " FROM cell_score", read_score) ||
	    each_row(in, "SELECT industry, size, star, question_no,"
		     " implemented, partial, not_implemented, unknown, na"
		     " FROM cell_answer", read_answer))
		goto out;
	if (os->n == first) {
		bad(in, "no organisation");
		goto out;
	}
	for (k = 0; k < CUBE_NGROUPS; k++) {
		if (!in->present[k])
			continue;
		if (check_cell(in, &h->g[k], m))
			goto out;
		n += h->g[k].n + h->g[k].n_incomplete;
		inc += h->g[k].n_incomplete;
	}
	for (i = first; i < os->n; i++) {
		on += os->v[i].n_companies;
		oinc += os->v[i].n_incomplete;
	}
	if (n != on || inc != oinc) {
		bad(in, "organisations' counts that are not the cells'");
		goto out;
	}
	rc = 0;
out:
	if (in->db)
		sqlite3_close(in->db);
	free(in);
	return rc;
}

/* ---- merging ---- */

static int
count_local(const struct company_state *s, void *arg)
{
	cube_add(arg, s);
	return 0;
}

/* Add the cells of from to the pool h and empty from. */
static void
merge(struct cube *h, struct cube *from)
{
	int k;

	for (k = 0; k < CUBE_NGROUPS; k++)
		if (!cube_group_empty(&from->g[k])) {
			cube_group_add(&h->g[k], &from->g[k]);
			group_clear(&from->g[k]);
		}
}

/*
 * The file's as-of date and --na-points must be the pool's: the options
 * when given, else the first file's.
 */
static int
agree(const char *path, const struct meta *m, struct meta *want,
      int first, const struct aggregate_opts *o)
{
	if (first && !o->as_of_set)
		memcpy(want->as_of, m->as_of, sizeof want->as_of);
	if (first && !o->na_points_set)
		want->na_points = m->na_points;
	if (strcmp(m->as_of, want->as_of) != 0)
		return error("'%s': as of %s, not %s like the %s", path,
			     m->as_of, want->as_of, o->as_of_set ?
			     "--as-of option" : "first file");
	if (m->na_points != want->na_points)
		return error("'%s': --na-points %d, not %d like the %s",
			     path, m->na_points, want->na_points,
			     o->na_points_set ? "--na-points option" :
			     "first file");
	return 0;
}

/* Read every file into the pool h; 0 or -1. */
static int
read_all(const struct aggregate_opts *o, struct cube *h, struct orgs *os,
	 struct meta *want)
{
	struct cube *one = cube_new();
	int64_t total = 0;
	struct meta m;
	int i, rc = -1;
	size_t k;

	for (i = 0; i < o->npool; i++) {
		const char *path = o->pool_files[i];
		size_t before = os->n;

		memset(&m, 0, sizeof m);
		if (read_pool(path, one, os, &m) ||
		    agree(path, &m, want, i == 0, o))
			goto out;
		for (k = before; k < os->n; k++)
			total += os->v[k].n_companies;
		if (total > POOL_MAX_COMPANIES) {
			error("'%s': the pool would hold more than %d "
			      "companies", path, POOL_MAX_COMPANIES);
			goto out;
		}
		merge(h, one);
	}
	rc = 0;
out:
	free(one);
	return rc;
}

/* The local database's companies as of the pool's date, into h. */
static int
add_local(sqlite3 *db, const struct aggregate_opts *o, const struct meta *w,
	  struct cube *h, struct orgs *os)
{
	struct cube *c = cube_new();
	const char *label = o->org ? o->org : "local";
	int64_t end;
	int rc = -1;

	when_as_of(w->as_of, &end);
	if (state_scan(db, end, w->na_points, NULL, count_local, c))
		goto out;
	if (orgs_add(os, label, c->n_companies, c->n_incomplete)) {
		error("organisation '%s' (--with-local) is in a pool file "
		      "already; name this one with --org", label);
		goto out;
	}
	add_full_cells(h, c);
	rc = 0;
out:
	free(c);
	return rc;
}

/* The organisations behind the pooled run just stored. */
static int
store_orgs(sqlite3 *db, sqlite3_int64 run_id, const struct orgs *os)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	if (db_prepare(db, &st, "INSERT INTO run_org VALUES (?, ?, ?, ?)"))
		return -1;
	for (i = 0; i < os->n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, run_id);
		sqlite3_bind_text(st, 2, os->v[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, os->v[i].n_companies);
		sqlite3_bind_int64(st, 4, os->v[i].n_incomplete);
		rc = step(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

int
pool_run(const struct aggregate_opts *o)
{
	struct cube *h = cube_new(), *c = cube_new();
	struct store st = { 0 };
	struct orgs os = { 0 };
	struct meta want = { .na_points = o->na_points,
			     .min_group = o->min_group };
	char created[21];
	sqlite3 *db = NULL;
	int busy = 0, b, k, rc = EXIT_FAIL;

	memcpy(want.as_of, o->as_of, sizeof want.as_of);
	snprintf(want.org, sizeof want.org, "%s", o->org ? o->org : "pool");
	if (read_all(o, h, &os, &want))
		goto out;
	if (!(db = db_open(o->db_path, DB_WRITE, &busy))) {
		rc = busy ? EXIT_BUSY : EXIT_FAIL;
		goto out;
	}
	if ((b = db_begin(db)) != 0) {
		if (b == DB_BUSY) {
			error("'%s': locked by another run", o->db_path);
			rc = EXIT_BUSY;
		}
		goto out;
	}
	if (o->with_local && add_local(db, o, &want, h, &os))
		goto out;
	for (k = 0; k < CUBE_NGROUPS; k++)
		if (!cube_group_empty(&h->g[k]))
			cube_add_cell(c, &h->g[k]);
	if (c->n_companies > POOL_MAX_COMPANIES) {
		error("the pool would hold %lld companies, more than %d",
		      (long long)c->n_companies, POOL_MAX_COMPANIES);
		goto out;
	}
	cube_finish(c, o->min_group);
	st.db = db;
	st.as_of = want.as_of;
	st.kind = "pooled";
	db_now(created);
	if (store_run(&st, c, created, o->min_group, want.na_points) ||
	    store_orgs(db, st.run_id, &os) || db_commit(db))
		goto out;
	if (o->pool_out && export_pool(o->pool_out, h, &want, &os))
		goto out;
	if (!o->quiet)
		fprintf(stderr, "%s: pooled run %s: %zu organisations, %lld "
			"companies, %lld incomplete, %d groups\n", err_prog(),
			want.as_of, os.n, (long long)c->n_companies,
			(long long)c->n_incomplete, c->ngroups);
	rc = EXIT_OK;
out:
	if (db)
		db_rollback(db);
	db_close(db);
	orgs_release(&os);
	free(h);
	free(c);
	return rc;
}
