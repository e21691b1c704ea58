/*
 * The consultant report of each company (SPEC §2.3): gather what a page
 * needs from the run and the company's responses, and write
 * companies/<safe name>.pdf through out.h (temporary name, then rename).
 *
 * The run's benchmark groups that a report can compare with, (industry,
 * *, *) and (*, *, star), are few; they are read once, with their score
 * histograms and question statistics.  Companies are streamed from
 * state_scan as of the run's date, so a report always shows the state the
 * run counted.  With -j N the work is split by position in that stream:
 * worker w renders every company whose index is w modulo N, each worker
 * with its own database connection and fonts (neither survives fork).
 * The workers start (reports_start) before the portfolio is drawn and
 * each tells render once its read transaction holds, so that render can
 * keep writers out until then (render.c) and every process reads one
 * state; reports_finish waits for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib.h>
#include <openssl/evp.h>

#include "answer.h"
#include "db.h"
#include "err.h"
#include "jsic.h"
#include "labels.h"
#include "out.h"
#include "peers.h"
#include "pack.h"
#include "plan.h"
#include "policy.h"
#include "report.h"
#include "runload.h"
#include "settings.h"
#include "star.h"
#include "text.h"
#include "when.h"
#include "workers.h"

#define NAME_MAX_BYTES 120	/* readable part of a file name */
#define HASH_HEX 10		/* hex digits of SHA-256(company_key) */

struct groups {
	struct report_group *g;
	int n;
	struct report_group *pool;	/* the pooled run's (--peers) */
	int npool;
};

/* What a worker carries through the company stream. */
struct work {
	const struct render_opts *o;
	const struct render_run *run;
	const struct groups *groups;
	sqlite3 *db;
	struct out_dir dir;
	struct rtext text;
	int64_t end_utc;
	long index, worker, nworkers;
	long found, written;
	int failed;
};

/* ---- file names ---------------------------------------------------- */

/* May code point c (non-ASCII) stay in a file name as it is? */
static int
name_char_ok(int32_t c)
{
	if (c == 0xFF0F || c == 0xFF3C || c == 0xFF0E)	/* ／ ＼ ． */
		return 0;
	if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0xE0000 && c <= 0xE01EF))	/* variation selectors, tags */
		return 0;
	switch (g_unichar_type((gunichar)c)) {
	case G_UNICODE_LOWERCASE_LETTER:
	case G_UNICODE_MODIFIER_LETTER:
	case G_UNICODE_OTHER_LETTER:
	case G_UNICODE_TITLECASE_LETTER:
	case G_UNICODE_UPPERCASE_LETTER:
	case G_UNICODE_SPACING_MARK:
	case G_UNICODE_ENCLOSING_MARK:
	case G_UNICODE_NON_SPACING_MARK:
	case G_UNICODE_DECIMAL_NUMBER:
	case G_UNICODE_LETTER_NUMBER:
	case G_UNICODE_OTHER_NUMBER:
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
		return 1;
	default:
		return 0;
	}
}

/*
 * The name is made from the company key, never from the name as last
 * spelled, so that a company keeps its files when its name is written
 * differently (issue 14).  Readable Japanese stays; every run of anything
 * else becomes one '_'.  A '.' is kept only after a letter or digit, so
 * that no "." or ".." component and no hidden file can result, and a
 * combining mark only after a character it can combine with.
 */
char *
report_file_base(const char *company_key)
{
	const char *p = company_key ? company_key : "";
	const char *end = p + strlen(p);
	static EVP_MD *sha256;
	char name[NAME_MAX_BYTES + 8], hash[2 * EVP_MAX_MD_SIZE + 1], *out;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	size_t n = 0;
	int prev_ok = 0;	/* last kept character was a letter or digit */

	while (p < end) {
		char buf[4];
		size_t len = 1;
		int32_t c = utf8_next(&p, end);

		buf[0] = '_';
		if (c >= 0 && c < 0x80) {
			if (g_ascii_isalnum((char)c) ||
			    ((c == '.' || c == '-') && prev_ok))
				buf[0] = (char)c;
		} else if (c >= 0x80 && name_char_ok(c) &&
			   (prev_ok || !g_unichar_ismark((gunichar)c))) {
			len = utf8_put(buf, (uint32_t)c);
		}
		prev_ok = buf[0] != '_' && buf[0] != '.' && buf[0] != '-';
		if (buf[0] == '_' && (n == 0 || name[n - 1] == '_'))
			continue;	/* one '_' for a run, none leading */
		if (n + len > NAME_MAX_BYTES)
			break;
		memcpy(name + n, buf, len);
		n += len;
	}
	while (n > 0 && (name[n - 1] == '_' || name[n - 1] == '.' ||
			 name[n - 1] == '-'))
		n--;
	if (n == 0) {
		memcpy(name, "company", 7);
		n = 7;
	}
	name[n] = '\0';
	/* fetched once: an implicit fetch per name costs more than the hash */
	if (!sha256 && !(sha256 = EVP_MD_fetch(NULL, "SHA256", NULL)))
		sha256 = (EVP_MD *)EVP_sha256();
	EVP_Digest(company_key ? company_key : "",
		   company_key ? strlen(company_key) : 0, md, &mdlen, sha256,
		   NULL);
	/* no printf: index.html's list names every company's report */
	for (i = 0; i < mdlen && 2 * i < HASH_HEX; i++) {
		hash[2 * i] = "0123456789abcdef"[md[i] >> 4];
		hash[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	hash[HASH_HEX] = '\0';
	out = xmalloc(sizeof "companies/" + n + 1 + HASH_HEX + sizeof ".html");
	memcpy(out, "companies/", 10);
	memcpy(out + 10, name, n);
	out[10 + n] = '-';
	memcpy(out + 11 + n, hash, HASH_HEX);
	out[11 + n + HASH_HEX] = '\0';
	return out;
}

char *
report_file_name(const char *company_key)
{
	char *base = report_file_base(company_key);

	/* report_file_base leaves room for ".html" */
	strcat(base, ".pdf");
	return base;
}

/* ---- the run's groups ------------------------------------------------ */

static struct report_group *
group_find(const struct groups *gs, const char *industry, const char *star)
{
	int i;

	for (i = 0; i < gs->n; i++)
		if (!strcmp(gs->g[i].industry, industry) &&
		    !strcmp(gs->g[i].star, star))
			return &gs->g[i];
	return NULL;
}

/*
 * The run's groups a report compares with, (industry, *, *) and
 * (*, *, star), with their histograms and question statistics, from the
 * run's statistics (runload.h).
 */
static int
groups_load(struct groups *gs, sqlite3 *db, long long run_id)
{
	struct run_stats rs;
	int i;

	gs->g = NULL;
	gs->n = 0;
	if (runload_stats(db, run_id, &rs) != 0) {
		runload_release(&rs);
		return -1;
	}
	gs->g = xcalloc(rs.ng ? rs.ng : 1, sizeof *gs->g);
	for (i = 0; i < rs.ng; i++) {
		const struct run_group *r = &rs.g[i];
		struct report_group *g;

		if (strcmp(r->size, "*") ||
		    (strcmp(r->ind, "*") && strcmp(r->star, "*")))
			continue;
		g = &gs->g[gs->n++];
		snprintf(g->industry, sizeof g->industry, "%s", r->ind);
		snprintf(g->star, sizeof g->star, "%s", r->star);
		g->n = r->n;
		g->has_mean = r->has_mean;
		g->mean = r->mean;
		g->has_sd = r->has_sd;
		g->sd = r->sd;
		g->suppressed = r->suppressed;
		memcpy(g->has_part, r->has_part, sizeof g->has_part);
		memcpy(g->part_mean, r->part_mean, sizeof g->part_mean);
	}
	for (i = 0; i < rs.nh; i++) {
		const struct run_hist *h = &rs.h[i];
		struct report_group *g = group_find(gs, h->ind, h->star);

		if (g && h->score >= SCORE_MIN && h->score <= SCORE_MAX)
			g->hist[h->score - SCORE_MIN] += h->n;
	}
	for (i = 0; i < rs.nq; i++) {
		const struct run_question *q = &rs.q[i];
		struct report_group *g = group_find(gs, q->ind, q->star);
		int k = q->qno - 1;

		if (!g || k < 0 || k >= NQUESTIONS)
			continue;
		g->has_rate[k] = q->has_rate;
		g->rate[k] = q->rate;
		g->has_points[k] = q->has_points;
		g->points[k] = q->points;
	}
	runload_release(&rs);
	return 0;
}

/* The run's groups, and the pooled run's when there is one (peers.h). */
static int
groups_load_all(struct groups *gs, sqlite3 *db, const struct render_run *run)
{
	struct groups p = { 0 };
	int rc;

	gs->pool = NULL;
	gs->npool = 0;
	if (groups_load(gs, db, run->run_id) != 0)
		return -1;
	if (!run->pool_run_id)
		return 0;
	rc = groups_load(&p, db, run->pool_run_id);
	gs->pool = p.g;
	gs->npool = p.n;
	return rc;
}

/* The pooled group of an industry, if it may be shown. */
static const struct report_group *
pooled_industry(const struct groups *gs, const char *industry)
{
	struct groups p = { .g = gs->pool, .n = gs->npool };
	const struct report_group *g = gs->pool ?
		group_find(&p, industry, "*") : NULL;

	return g && !g->suppressed && g->n > 0 && g->has_mean ? g : NULL;
}

/* ---- one company's figures ------------------------------------------- */

int
report_answer_points(const struct report *r, int no)
{
	int p = answer_points((unsigned char)r->c->answers[no - 1],
			      r->na_points);

	return p == ANSWER_NONE ? -1 : p;
}

int
report_is_weak(const struct report *r, int no)
{
	int a = (unsigned char)r->c->answers[no - 1];

	if (a == ANS_NOT || a == ANS_UNKNOWN || a == ANS_MISSING)
		return 1;
	if (a == ANS_NA || !r->peers || !r->peers->has_points[no - 1])
		return 0;
	return answer_points(a, r->na_points) < r->peers->points[no - 1];
}

/*
 * Percentile among the group: the share scoring below plus half the
 * share scoring the same (the "mid-rank" definition, stated on the page).
 */
static void
compare(struct report_cmp *cmp, const struct report_group *g,
	const struct company_state *c)
{
	long long below = 0, total = 0;
	int i, s;

	cmp->g = g;
	cmp->shown = g && !g->suppressed && g->n > 0 && g->has_mean;
	cmp->has_dev = 0;
	cmp->percentile = 0;
	if (!cmp->shown || !c->complete)
		return;
	s = c->total - SCORE_MIN;
	for (i = 0; i < REPORT_NSCORES; i++) {
		total += g->hist[i];
		if (i < s)
			below += g->hist[i];
	}
	if (total > 0 && s >= 0 && s < REPORT_NSCORES)
		cmp->percentile = 100.0 * ((double)below +
					   (double)g->hist[s] / 2) / total;
	if (g->has_sd && g->sd > 0) {
		cmp->has_dev = 1;
		cmp->dev = 50 + 10 * (c->total - g->mean) / g->sd;
	}
}

static const struct report *prio_report;	/* for prio_cmp */

/* Part 1 first, then the peers' implemented rate, highest first. */
static int
prio_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	const struct report_group *g = prio_report->peers;
	int part_a = catalogue_question(a)->part == 1;
	int part_b = catalogue_question(b)->part == 1;
	double ra = g && g->has_rate[a - 1] ? g->rate[a - 1] : -1;
	double rb = g && g->has_rate[b - 1] ? g->rate[b - 1] : -1;

	if (part_a != part_b)
		return part_b - part_a;
	if (ra != rb)
		return ra < rb ? 1 : -1;
	return a - b;
}

static void
priorities(struct report *r)
{
	int cand[NQUESTIONS], n = 0, i;

	for (i = 1; i <= NQUESTIONS; i++) {
		int a = (unsigned char)r->c->answers[i - 1];

		if (a != ANS_IMPLEMENTED && a != ANS_NA)
			cand[n++] = i;
	}
	prio_report = r;
	qsort(cand, n, sizeof *cand, prio_cmp);
	r->nprio = n < REPORT_NPRIO ? n : REPORT_NPRIO;
	memcpy(r->prio, cand, r->nprio * sizeof *cand);
	r->norder = n;
	memcpy(r->order, cand, n * sizeof *cand);
}

static int
hist_one(const struct company_state *c, void *arg)
{
	struct report_hist *h = arg;

	h->complete = c->complete;
	h->total = c->total;
	return 0;
}

/*
 * The company's score as of each distinct JST date it submitted on (its
 * state at the end of that day, departments combined as the run does),
 * the latest REPORT_NHIST of them.
 */
static int
history(struct report *r, sqlite3 *db, int64_t end_utc)
{
	sqlite3_stmt *st;
	char end[21];
	int rc, n = 0;
	struct report_hist all[REPORT_NHIST];

	r->nhist = 0;
	if (db_prepare(db, &st, "SELECT DISTINCT submitted_at FROM response"
		       " WHERE company_key = ?1 AND superseded = 0"
		       " AND submitted_at < ?2 ORDER BY submitted_at"))
		return -1;
	when_format(end_utc, end);
	sqlite3_bind_text(st, 1, r->c->company_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(st, 0);
		const char *why;
		char date[11];
		int64_t utc;

		if (when_parse(at, &utc, &why) != 0)
			continue;
		when_jst_date(utc, date);
		if (n > 0 && !strcmp(all[(n - 1) % REPORT_NHIST].date, date))
			continue;
		memcpy(all[n % REPORT_NHIST].date, date, sizeof date);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	/* oldest kept first */
	for (int i = n > REPORT_NHIST ? n - REPORT_NHIST : 0; i < n; i++) {
		struct report_hist *h = &r->hist[r->nhist++];
		int64_t day_end;

		*h = all[i % REPORT_NHIST];
		h->complete = 0;
		if (when_as_of(h->date, &day_end) != 0)
			continue;
		if (day_end > end_utc)
			day_end = end_utc;
		if (state_scan(db, day_end, r->na_points, r->c->company_key,
			       hist_one, h) < 0)
			return -1;
	}
	return 0;
}

/*
 * Everything a report shows about c, compared with the groups gs of run;
 * the history is read from db as of end_utc.  Returns 0 or -1.
 */
static int
report_build(struct report *r, const struct groups *gs,
	     const struct render_run *run, sqlite3 *db, int64_t end_utc,
	     const struct company_state *c)
{
	int ind = strlen(c->industry_code) == 1 ? c->industry_code[0] : 0;
	const char *iname = ind ? jsic_short_name(ind) : "";
	const struct report_group *pg;
	int i;

	memset(r, 0, sizeof *r);
	r->run = run;
	r->c = c;
	r->na_points = run->na_points;
	r->band = c->complete ? score_band(c->total) : -1;
	for (i = 0; i < NQUESTIONS; i++)
		r->n_unknown += c->answers[i] == ANS_UNKNOWN;

	if (*iname)
		snprintf(r->industry_title, sizeof r->industry_title,
			 "同業種（%s）", iname);
	else
		snprintf(r->industry_title, sizeof r->industry_title,
			 "%sの企業", LABEL_INDUSTRY_UNKNOWN);
	r->cmp[0].title = r->industry_title;
	compare(&r->cmp[0], group_find(gs, c->industry_code, "*"), c);
	r->cmp[1].title = "同じ宣言段階";
	compare(&r->cmp[1], group_find(gs, "*", c->star_level), c);
	r->cmp[2].title = "全体";
	compare(&r->cmp[2], group_find(gs, "*", "*"), c);

	if (ind && !r->cmp[0].shown &&
	    (pg = pooled_industry(gs, c->industry_code))) {
		/* --peers pooled: the industry across organisations */
		snprintf(r->industry_title, sizeof r->industry_title,
			 "同業種（%s・合同）", iname);
		compare(&r->cmp[0], pg, c);
		r->peers = pg;
		r->peers_name = "合同の同業種";
		peers_note(r->pool_note, sizeof r->pool_note, run, iname,
			   pg->n);
		r->fallback_note = r->pool_note;
	} else if (ind && r->cmp[0].shown) {
		r->peers = r->cmp[0].g;
		r->peers_name = "同業種";
	} else {
		r->peers = r->cmp[2].shown ? r->cmp[2].g : NULL;
		r->peers_name = "全体";
		r->fallback_note = ind ?
			"業種の回答社数が少ないため、全体と比較しています。" :
			"業種が不明のため、全体と比較しています。";
	}
	r->two = group_find(gs, "*", "two");
	if (r->two && (r->two->suppressed || r->two->n == 0))
		r->two = NULL;
	priorities(r);
	return history(r, db, end_utc);
}

/* ---- writing --------------------------------------------------------- */

/* The run's doc_date as the PDF's date, so output is reproducible. */
static void
pdf_metadata(cairo_surface_t *s, const struct report *r, const char *name)
{
	char *title = xasprintf("情報セキュリティ自社診断 結果報告書 %s",
				name);

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       "shindan " SHINDAN_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
				       r->run->doc_date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE,
				       r->run->doc_date);
	free(title);
}

static int
report_write(struct work *w, const struct report *r)
{
	const struct company_state *c = r->c;
	char *rel = report_file_name(c->company_key);
	struct out_file f;
	cairo_surface_t *s;
	cairo_t *cr;
	cairo_status_t cs;

	if (out_open(&f, &w->dir, rel) != 0) {
		free(rel);
		return -1;
	}
	s = cairo_pdf_surface_create_for_stream(out_cairo_write, &f,
						REPORT_PAGE_W, REPORT_PAGE_H);
	pdf_metadata(s, r, c->company_name ? c->company_name :
		     c->company_key);
	cr = cairo_create(s);
	rtext_attach(&w->text, cr);
	report_draw(cr, &w->text, r);
	cs = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		error("'%s/%s': %s", w->dir.path, rel,
		      cairo_status_to_string(cs));
		out_abort(&f);
		free(rel);
		return -1;
	}
	free(rel);
	return out_commit(&f);
}

static int
one_company(const struct company_state *c, void *arg)
{
	struct work *w = arg;
	struct report r;

	w->found++;
	if (w->index++ % w->nworkers != w->worker)
		return 0;
	if (report_build(&r, w->groups, w->run, w->db, w->end_utc, c) != 0)
		return -1;
	r.settings = settings_find(w->o->settings, c->company_key);
	r.policy_drafted = w->o->policy;
	r.pack_files = pack_files(w->dir.fd, c->company_key);
	if (report_write(w, &r) != 0 ||
	    (w->o->plan && plan_write(&w->dir, &w->text, &r) != 0) ||
	    (w->o->policy && policy_write(&w->dir, &w->text, &r) != 0))
		w->failed = 1;
	else
		w->written++;
	return 0;
}

/* Render this worker's share of the companies.  Returns 0 or -1. */
static int
work_run(struct work *w)
{
	const struct render_opts *o = w->o;
	int rc = 0, i;

	rtext_init(&w->text, o->font ? o->font : "IPAexGothic");
	if (o->listed) {
		for (i = 0; i < o->ncompanies && rc == 0; i++) {
			long before = w->found;

			if (i % w->nworkers != w->worker)
				continue;
			w->index = w->worker;	/* this one is ours */
			rc = state_scan(w->db, w->end_utc, w->run->na_points,
					o->companies[i], one_company, w);
			if (rc == 0 && w->found == before) {
				error("company '%s': no response on or before "
				      "%s", o->companies[i], w->run->as_of);
				w->failed = 1;
			}
		}
	} else {
		rc = state_scan(w->db, w->end_utc, w->run->na_points, NULL,
				one_company, w);
	}
	rtext_release(&w->text);
	info("reports: worker %ld wrote %ld", w->worker + 1, w->written);
	return rc != 0 || w->failed ? -1 : 0;
}

/*
 * A worker's own connection and read transaction: BEGIN, then a first
 * read (the run being drawn) that fixes the state the worker sees.  The
 * run must be the very one the parent found, not one aggregate redid
 * since.  Then one byte on ready_fd tells the parent this worker has
 * started.  Returns 0 or -1 after saying why.
 */
static int
worker_begin(struct work *w, const struct workers *pool, int ready_fd)
{
	sqlite3_stmt *st;
	int rc;

	if (!(w->db = db_open(w->o->db_path, DB_READ, NULL)) ||
	    db_exec(w->db, "BEGIN") ||
	    db_prepare(w->db, &st, "SELECT count(*) FROM run"
		       " WHERE run_id = ?1 AND created_at = ?2"))
		return -1;
	sqlite3_bind_int64(st, 1, w->run->run_id);
	sqlite3_bind_text(st, 2, w->run->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		error("database: %s", sqlite3_errmsg(w->db));
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != 1)
		return error("the run of %s was redone while render started; "
			     "render again", w->run->as_of);
	return workers_ready(pool, w->worker, ready_fd);
}

/* ---- reports for the HTML site --------------------------------------- */

struct report_src {
	struct groups gs;
	const struct render_run *run;
	sqlite3 *db;
	int64_t end_utc;
};

struct report_src *
report_src_open(sqlite3 *db, const struct render_run *run)
{
	struct report_src *s = xcalloc(1, sizeof *s);

	s->run = run;
	s->db = db;
	if (when_as_of(run->as_of, &s->end_utc) != 0) {
		error("run %lld: bad as-of date '%s'", run->run_id,
		      run->as_of);
		free(s);
		return NULL;
	}
	if (groups_load_all(&s->gs, db, run) != 0) {
		free(s->gs.g);
		free(s->gs.pool);
		free(s);
		return NULL;
	}
	return s;
}

int64_t
report_src_end(const struct report_src *s)
{
	return s->end_utc;
}

int
report_src_build(struct report_src *s, const struct company_state *c,
		 struct report *r)
{
	return report_build(r, &s->gs, s->run, s->db, s->end_utc, c);
}

void
report_src_free(struct report_src *s)
{
	if (s) {
		free(s->gs.g);
		free(s->gs.pool);
		free(s);
	}
}

struct reports {
	struct groups gs;
	struct work w;
	int jobs;
	int ready;		/* one job: reports_start succeeded */
	struct workers pool;	/* with more than one job */
};

/* Worker i of the pool: read, then draw its share. */
static int
worker_main(void *arg, long i, int ready_fd)
{
	struct reports *r = arg;

	r->w.worker = i;
	return worker_begin(&r->w, &r->pool, ready_fd) == 0 &&
	       work_run(&r->w) == 0 ? 0 : -1;
}

int
reports_start(const struct render_opts *o, sqlite3 *db,
	      const struct render_run *run, struct reports **out)
{
	struct reports *r = xcalloc(1, sizeof *r);
	long started = 0;
	int rc;

	*out = r;
	r->jobs = o->jobs > 1 ? o->jobs : 1;
	r->w.o = o;
	r->w.run = run;
	r->w.groups = &r->gs;
	r->w.db = db;
	r->w.nworkers = r->jobs;
	r->w.dir.fd = -1;
	if (when_as_of(run->as_of, &r->w.end_utc) != 0)
		return error("run %lld: bad as-of date '%s'", run->run_id,
			     run->as_of);
	if (groups_load_all(&r->gs, db, run) != 0 ||
	    out_dir_open(&r->w.dir, o->out_dir) != 0)
		return -1;
	if (r->jobs == 1) {
		r->ready = 1;	/* reports_finish draws them on db */
		return 0;
	}
	/* workers must not share the connection or the font machinery */
	rc = workers_start(&r->pool, "report worker", r->jobs, worker_main,
			   r, &started);
	if (r->pool.pids)
		info("reports: %ld of %d workers reading", started, r->jobs);
	/* a worker that did not start fails in reports_finish */
	return rc;
}

int
reports_finish(struct reports *r)
{
	int rc = 0;

	if (!r)
		return 0;
	if (r->ready)
		rc = work_run(&r->w);
	else
		rc = workers_finish(&r->pool);
	out_dir_release(&r->w.dir);
	free(r->gs.g);
	free(r->gs.pool);
	free(r);
	return rc;
}
