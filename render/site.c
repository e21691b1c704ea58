/*
 * The site a consultant works from (issue 14): index.html, the worklist.
 *
 * The worklist is a script (site.js) over the company rows, which travel
 * as data/rows-NNNN.js files of SHARD_ROWS rows loaded one after the
 * other with <script src> (fetch() of JSON does not work from file://),
 * so that the first paint waits for one shard only, whatever the number
 * of companies.  Without JavaScript, index.html holds the table itself up
 * to LIST_ROWS companies and past that links to list/list-NNNN.html pages
 * of LIST_ROWS rows, each industry's first row carrying an anchor.
 *
 * File names of a company come from its key (report_file_base), so a
 * renamed company keeps its page and its PDF; files in companies/ that
 * belong to no company of the run are removed, and a row links to a PDF
 * only when the PDF exists.  With --share nothing of a single company is
 * written, and what an earlier render left of them is removed.
 *
 * A company's reading (会社名（フリガナ）, from its responses) travels in
 * the shards only, folded for search: the plain list does not show it.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "company.h"
#include "compare.h"
#include "db.h"
#include "err.h"
#include "figures.h"
#include "html.h"
#include "labels.h"
#include "pack.h"
#include "report.h"
#include "settings.h"
#include "score.h"
#include "site.h"
#include "size.h"
#include "state.h"
#include "suppress.h"
#include "when.h"

#define LIST_ROWS 2000		/* rows of a plain-HTML list page */
#define SHARD_ROWS 2000		/* rows of a data/rows-NNNN.js file */
#define NO_SCORE (-1000)	/* incomplete: no total */

/* ---- a set of 64-bit hashes with a value ------------------------------ */

struct keymap {
	uint64_t *k;		/* 0: empty slot */
	int *v;
	size_t cap, n;
};

/* FNV-1a, 64 bits, never 0 (the empty slot). */
static uint64_t
hash64(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ? h : 1;
}

static void keymap_put(struct keymap *m, uint64_t k, int v);

static void
keymap_grow(struct keymap *m)
{
	struct keymap old = *m;
	size_t i;

	m->cap = old.cap ? 2 * old.cap : 1024;
	m->k = xcalloc(m->cap, sizeof *m->k);
	m->v = xcalloc(m->cap, sizeof *m->v);
	m->n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.k[i])
			keymap_put(m, old.k[i], old.v[i]);
	free(old.k);
	free(old.v);
}

/* Room for n keys without growing: a map grown key by key holds its old
 * and new tables at once a dozen times (at 1M companies, 16 MiB more at
 * the peak). */
static void
keymap_reserve(struct keymap *m, long long n)
{
	while (m->cap < 2 * (size_t)(n > 0 ? n : 0) + 2)
		keymap_grow(m);
}

static void
keymap_put(struct keymap *m, uint64_t k, int v)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		keymap_grow(m);
	for (i = k & (m->cap - 1); m->k[i] && m->k[i] != k;
	     i = (i + 1) & (m->cap - 1))
		;
	if (!m->k[i])
		m->n++;
	m->k[i] = k;
	m->v[i] = v;
}

/* 1 and *v set when k is in m, else 0. */
static int
keymap_get(const struct keymap *m, uint64_t k, int *v)
{
	size_t i;

	if (!m->cap)
		return 0;
	for (i = k & (m->cap - 1); m->k[i]; i = (i + 1) & (m->cap - 1))
		if (m->k[i] == k) {
			if (v)
				*v = m->v[i];
			return 1;
		}
	return 0;
}

static void
keymap_free(struct keymap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* Column i of st as text, "" for NULL. */
static const char *
col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v ? v : "";
}

/* ---- page chrome -------------------------------------------------------- */

void
site_page_head(const struct site *s, struct out_file *f, const char *title,
	       int depth)
{
	const char *up = depth ? "../" : "";

	out_puts(f, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n<title>");
	html_text(f, title);
	out_printf(f, "</title>\n<link rel=\"stylesheet\" href=\"%ssite.css\">"
		   "\n</head>\n<body>\n<header class=\"top\"><nav>"
		   "<a href=\"%sindex.html\">%s</a>"
		   "<a href=\"%sindex.html#groups\">業種別・宣言段階別</a>"
		   "<a href=\"%sindex.html#charts\">グラフ</a>"
		   "<a href=\"%sportfolio.pdf\">印刷用PDF</a></nav>"
		   "<span class=\"asof\">基準日 %s</span></header>\n<main>\n",
		   up, up, s->share ? "集計トップ" : "会社一覧", up, up, up,
		   s->run->as_of);
}

void
site_page_foot(const struct site *s, struct out_file *f)
{
	const struct render_run *r = s->run;
	char n1[LABEL_COUNT_SIZE];

	out_puts(f, "</main>\n<footer class=\"notes\">\n<h2>注記</h2>\n<ul>\n");
	out_puts(f, "<li>SECURITY ACTIONは自己宣言の制度です。ここに示すのは各社の"
		 "自己診断の回答を集計したもので、対策の実態を第三者が確かめたもの"
		 "ではありません。</li>\n");
	out_printf(f, "<li>合計点は25問の点数の合計です（実施している4点、一部実施"
		   "している2点、実施していない0点、わからない−1点）。わからないは"
		   "減点のため、合計点はマイナスにもなります（最低−25点、最高100点）"
		   "。該当しないは%d点として数えます。</li>\n", r->na_points);
	out_printf(f, "<li>点数帯はIPAの4区分です: 100点（入門レベル達成）、"
		   "70〜99点（ほぼできているが一部不十分）、50〜69点（対策が行き届い"
		   "ていない）、49点以下（いつ事故が起きても不思議ではない）。"
		   "回答に欠けのある会社は集計から除きます（%s社）。</li>\n",
		   label_count(r->n_incomplete, n1, sizeof n1));
	out_printf(f, "<li>%d社未満のグループは「n&lt;%d」とだけ示し、値は"
		   "表示しません。</li>\n", r->min_group, r->min_group);
	out_printf(f, "</ul>\n<p class=\"dates\">基準日 %s", r->as_of);
	if (s->processed[0])
		out_printf(f, " ・ 集計処理 %s", s->processed);
	out_printf(f, " ・ shindan %s</p>\n</footer>\n</body>\n</html>\n",
		   SHINDAN_VERSION);
}

/* created_at (UTC ISO 8601) as "2024-07-01 06:00 JST" into buf (40). */
static void
processed_jst(const char *created_at, char *buf, size_t n)
{
	const char *why;
	char iso[21];
	int64_t utc;

	if (when_parse(created_at, &utc, &why) != 0) {
		snprintf(buf, n, "%s", created_at);
		return;
	}
	when_format(utc + 9 * 3600, iso);
	snprintf(buf, n, "%.10s %.5s JST", iso, iso + 11);
}

/* ---- company pages --------------------------------------------------- */

struct pages_ctx {
	struct site *s;
	struct report_src *src;
	struct keymap *pages;	/* key hash -> 1 */
	struct keymap *keep;	/* file name hashes: see remove_stale */
	struct compare *cmp;	/* with engaged days in the settings file */
	struct keymap only;	/* --company/--companies-from: key hashes */
	long long n, kept;
	int failed;
};

/*
 * The regular files of companies/ as the site begins, by name hash: one
 * readdir instead of a stat or two a company, which in a folder just
 * linked from last night's (1M companies, dentries not cached) took 29 s
 * against 11 s.  The reports are written by then, and a page written
 * after it is its own company's.
 */
static int
load_files(const struct site *s, struct keymap *files)
{
	struct dirent *e;
	DIR *dir;
	int fd;

	fd = openat(s->d.fd, "companies", O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;	/* no company file yet */
	if (!(dir = fdopendir(fd))) {
		close(fd);
		return error("'%s/companies': cannot read:", s->d.path);
	}
	while ((e = readdir(dir))) {
		struct stat sb;

		if (e->d_type == DT_REG ||
		    (e->d_type == DT_UNKNOWN && fstatat(dirfd(dir), e->d_name,
		     &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode)))
			keymap_put(files, hash64(e->d_name), 1);
	}
	closedir(dir);
	return 0;
}

/* Did companies/<name> exist as a regular file when the site began? */
static int
file_exists(const struct site *s, const char *name)
{
	return keymap_get(s->files, hash64(name), NULL);
}

/*
 * The company of key has its page html ("companies/<base>.html", cut to
 * ".htm" here: see remove_stale): the list links to it, and it and the
 * PDF's name pdf stay in companies/.
 */
static void
has_page(struct pages_ctx *p, const char *key, const char *pdf, char *html)
{
	keymap_put(p->pages, hash64(key), 1);
	keymap_put(p->keep, hash64(pdf), 1);
	html[strlen(html) - 1] = '\0';
	keymap_put(p->keep, hash64(strrchr(html, '/') + 1), 1);
}

/* The page of a company drawn, for every company of the state scan or
 * those of the list that need one. */
static int
one_page(const struct company_state *c, void *arg)
{
	struct pages_ctx *p = arg;
	char *base = report_file_base(c->company_key);
	char *pdf = xasprintf("%s.pdf", base);
	char *html = xasprintf("%s.html", base);
	const char *slash = strrchr(pdf, '/');
	struct compare_result ba, *bap = NULL;
	struct report r;
	int rc = 0;

	if (report_src_build(p->src, c, &r) != 0) {
		rc = -1;
		goto out;
	}
	r.settings = settings_find(p->s->o->settings, c->company_key);
	r.pack_files = pack_files(p->s->d.fd, c->company_key);
	if (p->cmp && r.settings && r.settings->engaged) {
		if (compare_engagement(p->cmp, c, r.settings->engaged,
				       &ba) != 0)
			p->failed = 1;
		else
			bap = &ba;
	}
	if (site_company_page(p->s, &r, html,
			      file_exists(p->s, slash + 1) ?
			      slash + 1 : NULL, bap) != 0) {
		p->failed = 1;
	} else {
		has_page(p, c->company_key, slash + 1, html);
		p->n++;
	}
out:
	free(base);
	free(pdf);
	free(html);
	return rc;
}

/*
 * A company not listed keeps the page it has (a hash shared with a
 * listed company only means one page drawn again): 1 when it does.
 */
static int
page_kept(struct pages_ctx *p, const char *key)
{
	char *base, *pdf, *html;
	int kept;

	if (keymap_get(&p->only, hash64(key), NULL))
		return 0;
	base = report_file_base(key);
	pdf = xasprintf("%s.pdf", base);
	html = xasprintf("%s.html", base);
	kept = file_exists(p->s, strrchr(html, '/') + 1);
	if (kept) {
		has_page(p, key, strrchr(pdf, '/') + 1, html);
		p->kept++;
	}
	free(base);
	free(pdf);
	free(html);
	return kept;
}

/*
 * With a list of companies: the run's companies from s->table, the
 * state read only of those whose page is drawn (at 1M companies, one
 * scan of every state took most of a night's site).
 */
static int
listed_pages(struct pages_ctx *p)
{
	struct site *s = p->s;
	struct state_one so;
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT company_key FROM %s"
			      " ORDER BY company_key", s->table);
	int rc = db_prepare(s->db, &st, sql), step = SQLITE_DONE;

	free(sql);
	if (rc)
		return -1;
	if (state_one_open(&so, s->db, report_src_end(p->src),
			   s->run->na_points)) {
		sqlite3_finalize(st);
		return -1;
	}
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
		if (!page_kept(p, col(st, 0)))
			rc = state_one(&so, col(st, 0), one_page, p);
	if (rc == 0 && step != SQLITE_DONE)
		rc = error("database: %s", sqlite3_errmsg(s->db));
	state_one_close(&so);
	sqlite3_finalize(st);
	return rc;
}

/*
 * An HTML page for every company the run counts, as of its date; with a
 * list of companies (--company, --companies-from), for those and for the
 * companies without a page, the others keeping the page they have, as
 * their PDFs do.
 */
static int
write_company_pages(struct site *s, struct keymap *pages, struct keymap *keep)
{
	struct pages_ctx p = { 0 };
	int i, rc;

	p.s = s;
	p.pages = pages;
	p.keep = keep;
	for (i = 0; s->o->listed && i < s->o->ncompanies; i++)
		keymap_put(&p.only, hash64(s->o->companies[i]), 1);

	if (!(p.src = report_src_open(s->db, s->run)))
		return -1;
	if (settings_engaged(s->o->settings) &&
	    !(p.cmp = compare_open(s->o, s->db, s->run))) {
		report_src_free(p.src);
		return -1;
	}
	rc = s->o->listed ? listed_pages(&p) :
	     state_scan(s->db, report_src_end(p.src), s->run->na_points,
			NULL, one_page, &p);
	compare_close(p.cmp);
	report_src_free(p.src);
	keymap_free(&p.only);
	if (s->o->listed)
		info("site: %lld company pages, %lld kept as they were", p.n,
		     p.kept);
	else
		info("site: %lld company pages", p.n);
	return rc != 0 || p.failed ? -1 : 0;
}

/* ---- the previous run's scores, for "change" ------------------------- */

#define NO_STATE (-2000)	/* no response as of the previous run */

/*
 * The companies' scores as of the run before this one (by as_of), for the
 * list's 前回比.  A company's state as of a date depends only on its
 * responses submitted before that day ends, so a company with none
 * submitted between the two dates had then the state it has now: only
 * the others are read as of the earlier date.  When they are many (a run
 * long after the one before), one scan of every company is faster.
 */
struct prev {
	struct keymap score;	/* key hash -> score then: NO_SCORE when
				   incomplete, NO_STATE when none */
	int every;		/* score holds every company of then */
	int n, limit;		/* companies read again, and at most */
	char as_of[11];		/* "" when there is no earlier run */
};

/* The score a company scoring now had as of the previous run. */
static int
prev_score(const struct prev *p, uint64_t h, int now)
{
	int v;

	if (!p->as_of[0])
		return NO_STATE;
	if (keymap_get(&p->score, h, &v))
		return v;
	return p->every ? NO_STATE : now;
}

static int
prev_one(const struct company_state *c, void *arg)
{
	struct prev *p = arg;

	keymap_put(&p->score, hash64(c->company_key), c->complete ? c->total :
		   NO_SCORE);
	return 0;
}

/* state_one's callback for a key of the window: 1 past the limit */
static int
prev_moved(struct prev *p, struct state_one *so, const char *key)
{
	if (++p->n > p->limit)
		return 1;
	keymap_put(&p->score, hash64(key), NO_STATE);
	return state_one(so, key, prev_one, p);
}

/*
 * The companies with a response submitted between the end of the
 * previous run's day (then) and this run's (end), each read as of then;
 * 1 when they are more than p->limit, 0, or -1 after saying why.
 */
static int
prev_window(struct site *s, struct prev *p, int64_t then, int64_t end)
{
	struct state_one so;
	sqlite3_stmt *st;
	char from[21], until[21];
	int rc, stop = 0;

	when_format(then, from);
	when_format(end, until);
	if (state_one_open(&so, s->db, then, s->run->na_points))
		return -1;
	if (db_prepare(s->db, &st, "SELECT DISTINCT company_key FROM response"
		       " WHERE submitted_at >= ?1 AND submitted_at < ?2"
		       " ORDER BY company_key")) {
		state_one_close(&so);
		return -1;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = prev_moved(p, &so, col(st, 0));
	if (!stop && rc != SQLITE_DONE)
		stop = error("database: %s", sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	state_one_close(&so);
	return stop;
}

/* The previous run's date and its scores, into p (see struct prev). */
static int
load_prev(struct site *s, struct prev *p, long long companies)
{
	sqlite3_stmt *st;
	int64_t then, end;
	int rc;

	if (db_prepare(s->db, &st, "SELECT as_of FROM runs WHERE as_of < ?1"
		       " AND kind = 'local'"
		       " ORDER BY as_of DESC LIMIT 1"))
		return -1;
	sqlite3_bind_text(st, 1, s->run->as_of, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(p->as_of, sizeof p->as_of, "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->db));
	p->every = 1;
	if (!p->as_of[0] || when_as_of(p->as_of, &then) != 0 ||
	    when_as_of(s->run->as_of, &end) != 0)
		return 0;
	p->every = 0;
	p->limit = (int)(companies / 8) + 64;
	if ((rc = prev_window(s, p, then, end)) <= 0) {
		if (rc == 0)
			info("site: 前回比 against %s: %d companies read "
			     "again", p->as_of, p->n);
		return rc;
	}
	/* too many read one by one: read every company instead */
	info("site: 前回比 against %s: every company read again", p->as_of);
	keymap_free(&p->score);
	keymap_reserve(&p->score, companies);
	p->every = 1;
	return state_scan(s->db, then, s->run->na_points, NULL, prev_one,
			  p) < 0 ? -1 : 0;
}

/* ---- the rows: list pages and data shards ----------------------------- */

/*
 * The run's companies, one row each with the company table's columns.
 * aggregate keeps that table as of the latest local run; for an earlier
 * one (render --as-of), or when the table does not hold as many
 * companies as the run counted (edited by hand), a temporary table of the
 * same columns is filled with the state as of the run's date, so that the
 * list shows the companies, scores and dates the run counted.  Sets
 * s->table.
 */
static int
put_state(const struct company_state *c, void *arg)
{
	sqlite3_stmt *st = arg;

	sqlite3_bind_text(st, 1, c->company_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->company_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->corporate_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->industry_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->size_class, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->star_level, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->submitted_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->answers, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, c->complete);
	if (c->complete)
		sqlite3_bind_int(st, 10, c->total);
	else
		sqlite3_bind_null(st, 10);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	sqlite3_reset(st);
	return 0;
}

static int
run_table(struct site *s)
{
	sqlite3_stmt *st;
	int64_t end;
	int rc, latest;

	if (db_prepare(s->db, &st, "SELECT (SELECT max(as_of) FROM run"
		       " WHERE kind = 'local') = ?1"
		       " AND (SELECT count(*) FROM company) = ?2"))
		return -1;
	sqlite3_bind_text(st, 1, s->run->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->run->n_companies);
	rc = sqlite3_step(st);
	latest = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error("database: %s", sqlite3_errmsg(s->db));
	s->table = "company";
	if (latest)
		return 0;
	if (when_as_of(s->run->as_of, &end) != 0)
		return error("'%s': not a date", s->run->as_of);
	if (db_exec(s->db, "CREATE TEMP TABLE site_company ("
		    " company_key TEXT PRIMARY KEY, company_name,"
		    " corporate_number, industry_code, size_class, star_level,"
		    " submitted_at, answers, complete, total_score)"
		    " WITHOUT ROWID") ||
	    db_prepare(s->db, &st, "INSERT INTO site_company VALUES"
		       " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"))
		return -1;
	rc = state_scan(s->db, end, s->run->na_points, NULL, put_state, st);
	if (rc > 0)
		error("database: %s", sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	s->table = "temp.site_company";
	return rc != 0 ? -1 : 0;
}

#define ROWS_COLS "SELECT company_key, company_name, corporate_number," \
	" industry_code, size_class, star_level, submitted_at, answers," \
	" complete, total_score"
#define ROWS_ORDER " ORDER BY industry_code, company_name, company_key"

/*
 * The rows of s->table in the list's order; with shard, they also carry
 * the company's latest reading (会社名（フリガナ）) that is not blank, of a
 * response the run counts (submitted before ?1, the end of its as_of
 * day): aggregate's company table has no reading, and the responses of a
 * key lie together on its primary key.
 */
static int
rows_prepare(const struct site *s, sqlite3_stmt **st, int shard)
{
	char *sql = xasprintf(ROWS_COLS "%s FROM %s c" ROWS_ORDER, shard ?
		", (SELECT r.company_reading FROM response r"
		" WHERE r.company_key = c.company_key AND r.superseded = 0"
		" AND r.submitted_at < ?1 AND trim(r.company_reading) <> ''"
		" ORDER BY r.submitted_at DESC, r.response_id DESC LIMIT 1)" :
		"", s->table);
	int rc = db_prepare(s->db, st, sql);

	free(sql);
	return rc;
}

enum { C_KEY, C_NAME, C_CORP, C_IND, C_SIZE, C_STAR, C_AT, C_ANS, C_COMPLETE,
       C_SCORE, C_READING };

/* One company row, as both the HTML table and the shards show it. */
struct row {
	const char *key, *name, *corp, *ind, *size, *star;
	char date[11];
	int score;		/* NO_SCORE when incomplete */
	int has_change, change;
	int n_unknown;
	char *base;		/* companies/<base>, malloc'ed */
	int page, pdf;		/* the company page, the PDF exist */
	char reading[512];	/* folded for search; shards only */
};

static void
row_read(struct row *r, sqlite3_stmt *st, const struct prev *prev,
	 const struct keymap *pages, const struct site *s)
{
	const char *ans = col(st, C_ANS), *why;
	uint64_t h;
	int64_t utc;
	int p;

	r->key = col(st, C_KEY);
	r->name = col(st, C_NAME);
	r->corp = col(st, C_CORP);
	r->ind = col(st, C_IND);
	r->size = col(st, C_SIZE);
	r->star = col(st, C_STAR);
	r->date[0] = '\0';
	if (when_parse(col(st, C_AT), &utc, &why) == 0)
		when_jst_date(utc, r->date);
	r->score = sqlite3_column_int(st, C_COMPLETE) &&
		   sqlite3_column_type(st, C_SCORE) != SQLITE_NULL ?
		   sqlite3_column_int(st, C_SCORE) : NO_SCORE;
	r->n_unknown = 0;
	for (; *ans; ans++)
		r->n_unknown += *ans == 'U';
	h = hash64(r->key);
	p = prev_score(prev, h, r->score);
	r->has_change = r->score != NO_SCORE && p != NO_SCORE && p != NO_STATE;
	r->change = r->has_change ? r->score - p : 0;
	r->page = keymap_get(pages, h, NULL);
	r->base = report_file_base(r->key);
	strcat(r->base, ".pdf");
	r->pdf = file_exists(s, strchr(r->base, '/') + 1);
	r->base[strlen(r->base) - 4] = '\0';
	r->reading[0] = '\0';
	if (sqlite3_column_count(st) > C_READING)
		company_reading_fold(r->reading, sizeof r->reading,
				     col(st, C_READING));
}

/* The shown name: the name, else the key. */
static const char *
row_name(const struct row *r)
{
	return *r->name ? r->name : r->key;
}

/* "法人番号 1234567890123", "ID C-001" or "": what tells two namesakes apart */
static void
row_id(struct html_buf *b, const struct row *r)
{
	if (*r->corp) {
		html_buf_puts(b, "法人番号 ");
		html_buf_text(b, r->corp);
	} else if (strncmp(r->key, "id:", 3) == 0) {
		html_buf_puts(b, "ID ");
		html_buf_text(b, r->key + 3);
	}
}

static const char table_head[] =
	"<table class=\"rows\">\n<thead><tr><th>会社名</th><th>法人番号・ID</th>"
	"<th>業種</th><th>規模</th><th>宣言</th><th>回答日</th>"
	"<th class=\"num\">合計点</th><th>点数帯</th>"
	"<th class=\"num\">前回比</th><th>PDF</th></tr></thead>\n<tbody>\n";

/* One <tr>; up is "" from out_dir, "../" from list/. */
static void
row_html(struct html_buf *b, const struct row *r, const char *up)
{
	char buf[96];

	html_buf_puts(b, "<tr><td data-label=\"会社名\">");
	if (r->page) {
		html_buf_puts(b, "<a href=\"");
		html_buf_puts(b, up);
		html_buf_href(b, r->base);
		html_buf_puts(b, ".html\">");
		html_buf_text(b, row_name(r));
		html_buf_puts(b, "</a>");
	} else {
		html_buf_text(b, row_name(r));
	}
	html_buf_puts(b, "</td><td data-label=\"法人番号・ID\">");
	row_id(b, r);
	html_buf_puts(b, "</td><td data-label=\"業種\">");
	html_buf_text(b, label_industry(r->ind, buf, sizeof buf));
	html_buf_puts(b, "</td><td data-label=\"規模\">");
	html_buf_text(b, label_size(r->size));
	html_buf_puts(b, "</td><td data-label=\"宣言\">");
	html_buf_text(b, fig_star_label(r->star));
	html_buf_puts(b, "</td><td data-label=\"回答日\">");
	html_buf_puts(b, r->date);
	if (r->score != NO_SCORE) {
		snprintf(buf, sizeof buf, "</td><td class=\"num\" data-label="
			 "\"合計点\">%d</td><td data-label=\"点数帯\">%s",
			 r->score, label_band(score_band(r->score)));
		html_buf_puts(b, buf);
	} else {
		html_buf_puts(b, "</td><td class=\"num\" data-label=\"合計点\">"
			      "–</td><td data-label=\"点数帯\">回答に欠けあり");
	}
	html_buf_puts(b, "</td><td class=\"num\" data-label=\"前回比\">");
	if (r->has_change) {
		snprintf(buf, sizeof buf, "%+d", r->change);
		html_buf_puts(b, buf);
	}
	html_buf_puts(b, "</td><td data-label=\"PDF\">");
	if (r->pdf) {
		html_buf_puts(b, "<a href=\"");
		html_buf_puts(b, up);
		html_buf_href(b, r->base);
		html_buf_puts(b, ".pdf\">PDF</a>");
	}
	html_buf_puts(b, "</td></tr>\n");
}

/* A JSON string: quotes, backslashes, controls and <>& escaped. */
static void
json_str(struct html_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *run = p;

	html_buf_puts(b, "\"");
	for (; *p; p++) {
		/* U+2028 and U+2029 end a line in older JavaScript */
		int ls = p[0] == 0xe2 && p[1] == 0x80 &&
			 (p[2] == 0xa8 || p[2] == 0xa9);

		if (*p < 0x20 || *p == '"' || *p == '\\' || *p == '<' ||
		    *p == '>' || *p == '&' || ls) {
			char e[6] = { '\\', 'u', '0', '0', hex[*p >> 4],
				      hex[*p & 15] };

			html_buf_put(b, run, p - run);
			if (ls) {
				memcpy(e + 2, p[2] == 0xa8 ? "2028" : "2029",
				       4);
				p += 2;
			}
			html_buf_put(b, e, 6);
			run = p + 1;
		}
	}
	html_buf_put(b, run, p - run);
	html_buf_puts(b, "\"");
}

/*
 * One row of a shard: [base, name, key, corp, industry, size, star,
 * score, change, date, n_unknown, flags, reading]; score and change null
 * when there is none, flags 1 = company page, 2 = PDF, reading folded
 * for search ("" when none is known).  site.js reads it.
 */
static void
row_js(struct html_buf *b, const struct row *r)
{
	char buf[64];

	html_buf_puts(b, "[");
	json_str(b, r->page ? strchr(r->base, '/') + 1 : "");
	html_buf_puts(b, ",");
	json_str(b, r->name);
	html_buf_puts(b, ",");
	json_str(b, r->key);
	html_buf_puts(b, ",");
	json_str(b, r->corp);
	html_buf_puts(b, ",");
	json_str(b, r->ind);
	html_buf_puts(b, ",");
	json_str(b, r->size);
	html_buf_puts(b, ",");
	json_str(b, r->star);
	if (r->score != NO_SCORE)
		snprintf(buf, sizeof buf, ",%d,", r->score);
	else
		snprintf(buf, sizeof buf, ",null,");
	html_buf_puts(b, buf);
	if (r->has_change)
		snprintf(buf, sizeof buf, "%d,", r->change);
	else
		snprintf(buf, sizeof buf, "null,");
	html_buf_puts(b, buf);
	json_str(b, r->date);
	snprintf(buf, sizeof buf, ",%d,%d,", r->n_unknown,
		 (r->page ? 1 : 0) | (r->pdf ? 2 : 0));
	html_buf_puts(b, buf);
	json_str(b, r->reading);
	html_buf_puts(b, "]");
}

/* An industry's run of rows on one list page, for index.html's links. */
struct seg {
	char ind[16];
	int page;		/* from 1 */
	long long n;
};

struct lists {
	long long total;
	int npages, nshards;
	struct seg *seg;
	int nseg, cap;
};

static void
list_page_open(struct site *s, struct out_file *f, int no, int npages,
	       long long total)
{
	char rel[64], title[128], n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];
	char n3[LABEL_COUNT_SIZE];
	long long from = (long long)(no - 1) * LIST_ROWS + 1;
	long long to = from + LIST_ROWS - 1 < total ? from + LIST_ROWS - 1 :
		       total;

	snprintf(rel, sizeof rel, "list/list-%04d.html", no);
	if (out_open(f, &s->d, rel))
		return;
	snprintf(title, sizeof title, "会社一覧 %d / %d（基準日 %s）", no, npages,
		 s->run->as_of);
	site_page_head(s, f, title, 1);
	out_puts(f, "<h1>");
	html_text(f, title);
	out_printf(f, "</h1>\n<p>%s〜%s社目（全%s社、業種・会社名の順）。"
		   "<a href=\"../index.html\">検索・並べ替えのできる一覧</a>"
		   "</p>\n<p class=\"nav\">", label_count(from, n1, sizeof n1),
		   label_count(to, n2, sizeof n2),
		   label_count(total, n3, sizeof n3));
	if (no > 1)
		out_printf(f, "<a href=\"list-%04d.html\" rel=\"prev\">"
			   "← 前のページ</a> ", no - 1);
	if (no < npages)
		out_printf(f, "<a href=\"list-%04d.html\" rel=\"next\">"
			   "次のページ →</a>", no + 1);
	out_puts(f, "</p>\n");
	out_puts(f, table_head);
}

static int
list_page_close(struct site *s, struct out_file *f)
{
	out_puts(f, "</tbody>\n</table>\n");
	site_page_foot(s, f);
	return out_commit(f);
}

static int
shard_open(struct site *s, struct out_file *f, int no)
{
	char rel[64];

	snprintf(rel, sizeof rel, "data/rows-%04d.js", no);
	if (out_open(f, &s->d, rel))
		return -1;
	out_printf(f, "shindan.rows(%d,[\n", no);
	return 0;
}

static int
shard_close(struct out_file *f)
{
	out_puts(f, "]);\n");
	return out_commit(f);
}

/* Remove <dir>/<prefix>NNNN<suffix> for NNNN past n. */
static void
remove_numbered(const struct site *s, const char *dir, const char *prefix,
		const char *suffix, int n)
{
	char name[64];
	int fd, no;

	fd = openat(s->d.fd, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd < 0)
		return;
	for (no = n + 1;; no++) {
		snprintf(name, sizeof name, "%s%04d%s", prefix, no, suffix);
		if (unlinkat(fd, name, 0) != 0)
			break;
	}
	close(fd);
}

/*
 * Stream the companies once: list/list-NNNN.html when there are more
 * than LIST_ROWS, data/rows-NNNN.js always, and the segments for the
 * index.  keep gets the hash of every file name companies/ may hold.
 */
static int
write_rows(struct site *s, const struct prev *prev,
	   const struct keymap *pages, struct keymap *keep, struct lists *ls)
{
	struct html_buf b = { 0 };
	struct out_file lf, sf;
	sqlite3_stmt *st;
	struct row r;
	long long i = 0;
	int rc, lopen = 0, sopen = 0, fail = 0;
	int paged = ls->total > LIST_ROWS;
	int64_t end;
	char until[21];

	ls->npages = paged ? (int)((ls->total + LIST_ROWS - 1) / LIST_ROWS) : 0;
	if (when_as_of(s->run->as_of, &end) != 0) {
		return error("'%s': not a date", s->run->as_of);
	}
	when_format(end, until);
	if (rows_prepare(s, &st, 1))
		return -1;
	sqlite3_bind_text(st, 1, until, -1, SQLITE_STATIC);
	while (!fail && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *file;

		row_read(&r, st, prev, pages, s);
		/* a company with a page has both names kept (has_page) */
		if (!r.page) {
			file = xasprintf("%s.pdf", strchr(r.base, '/') + 1);
			keymap_put(keep, hash64(file), 1);
			free(file);
		}
		if (paged && i % LIST_ROWS == 0) {
			if (lopen && list_page_close(s, &lf))
				fail = 1;
			list_page_open(s, &lf, (int)(i / LIST_ROWS) + 1,
				       ls->npages, ls->total);
			lopen = lf.fp != NULL;
			fail |= !lopen;
		}
		if (i % SHARD_ROWS == 0) {
			if (sopen && shard_close(&sf))
				fail = 1;
			sopen = !fail && shard_open(s, &sf,
				(int)(i / SHARD_ROWS) + 1) == 0;
			fail |= !sopen;
			ls->nshards++;
		}
		if (paged && !fail) {
			int page = (int)(i / LIST_ROWS) + 1;
			struct seg *g = ls->nseg ? &ls->seg[ls->nseg - 1] :
					NULL;

			if (!g || g->page != page || strcmp(g->ind, r.ind)) {
				if (ls->nseg == ls->cap) {
					ls->cap = ls->cap ? 2 * ls->cap : 64;
					ls->seg = xrealloc(ls->seg, ls->cap *
							   sizeof *ls->seg);
				}
				g = &ls->seg[ls->nseg++];
				memset(g, 0, sizeof *g);
				snprintf(g->ind, sizeof g->ind, "%s", r.ind);
				g->page = page;
				/* the industry's first row: an anchor */
				html_buf_puts(&b, "<tr id=\"ind-");
				html_buf_href(&b, r.ind);
				html_buf_puts(&b, "\" hidden></tr>\n");
			}
			g->n++;
			row_html(&b, &r, "../");
			html_buf_flush(&b, &lf);
		}
		if (!fail) {
			if (i % SHARD_ROWS)
				html_buf_puts(&b, ",\n");
			row_js(&b, &r);
			html_buf_flush(&b, &sf);
		}
		free(r.base);
		i++;
	}
	if (!fail && rc != SQLITE_DONE)
		fail = error("database: %s", sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	if (lopen && (fail ? (out_abort(&lf), 0) : list_page_close(s, &lf)))
		fail = 1;
	if (sopen && (fail ? (out_abort(&sf), 0) : shard_close(&sf)))
		fail = 1;
	html_buf_free(&b);
	if (fail)
		return -1;
	remove_numbered(s, "list", "list-", ".html", ls->npages);
	remove_numbered(s, "data", "rows-", ".js", ls->nshards);
	return 0;
}

/* The rows of index.html's own table (at most LIST_ROWS companies). */
static int
write_index_rows(struct site *s, struct out_file *f, const struct prev *prev,
		 const struct keymap *pages)
{
	struct html_buf b = { 0 };
	sqlite3_stmt *st;
	struct row r;
	int rc;

	if (rows_prepare(s, &st, 0))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_read(&r, st, prev, pages, s);
		row_html(&b, &r, "");
		html_buf_flush(&b, f);
		free(r.base);
	}
	html_buf_free(&b);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(s->db));
	return 0;
}

/* data/meta.js: what site.js needs before the first shard. */
static int
write_meta(struct site *s, const struct lists *ls, const char *prev_as_of)
{
	struct html_buf b = { 0 };
	struct out_file f;
	sqlite3_stmt *st;
	char buf[128];
	int rc, i, first = 1;

	if (out_open(&f, &s->d, "data/meta.js"))
		return -1;
	snprintf(buf, sizeof buf, "window.shindan_meta = {\"asOf\":\"%s\",\"prevAsOf\":"
		 "\"%s\",\"n\":%lld,\"shards\":%d,\"minGroup\":%d,\"inds\":[",
		 s->run->as_of, prev_as_of, ls->total, ls->nshards,
		 s->run->min_group);
	html_buf_puts(&b, buf);
	if (db_prepare(s->db, &st, "SELECT DISTINCT industry_code FROM"
		       " companies ORDER BY 1")) {
		out_abort(&f);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = col(st, 0);

		html_buf_puts(&b, first ? "[" : ",[");
		first = 0;
		json_str(&b, code);
		html_buf_puts(&b, ",");
		json_str(&b, label_industry(code, buf, sizeof buf));
		html_buf_puts(&b, "]");
	}
	sqlite3_finalize(st);
	html_buf_puts(&b, "],\"sizes\":[");
	for (i = 0; i <= SIZE_NCLASSES; i++) {
		const char *sz = i < SIZE_NCLASSES ? size_classes[i] :
				 "unknown";

		html_buf_puts(&b, i ? ",[" : "[");
		json_str(&b, sz);
		html_buf_puts(&b, ",");
		json_str(&b, label_size(sz));
		html_buf_puts(&b, "]");
	}
	html_buf_puts(&b, "],\"stars\":[");
	{
		static const char *const stars[] = { "two", "one", "none",
						     "unknown" };

		for (i = 0; i < 4; i++) {
			html_buf_puts(&b, i ? ",[" : "[");
			json_str(&b, stars[i]);
			html_buf_puts(&b, ",");
			json_str(&b, fig_star_label(stars[i]));
			html_buf_puts(&b, "]");
		}
	}
	html_buf_puts(&b, "],\"bands\":[");
	for (i = 0; i < NBANDS; i++) {
		html_buf_puts(&b, i ? "," : "");
		json_str(&b, label_band(i));
	}
	html_buf_puts(&b, "]};\n");
	html_buf_flush(&b, &f);
	html_buf_free(&b);
	if (rc != SQLITE_DONE) {
		out_abort(&f);
		return error("database: %s", sqlite3_errmsg(s->db));
	}
	return out_commit(&f);
}

/* ---- index.html --------------------------------------------------------- */

static void
write_charts(struct site *s, struct out_file *f)
{
	const char *ext = s->o->formats & FMT_SVG ? "svg" :
			  s->o->formats & FMT_PNG ? "png" : NULL;
	int i;

	out_puts(f, "<section id=\"charts\">\n<h2>グラフ</h2>\n");
	for (i = 0; i < nfigures; i++) {
		out_puts(f, "<figure class=\"fig\">\n");
		if (ext) {
			out_puts(f, "<img src=\"");
			html_href(f, figures[i].name);
			out_printf(f, ".%s\" alt=\"", ext);
			html_text(f, figures[i].title);
			out_puts(f, "\" width=\"800\" height=\"500\">\n");
		} else {
			out_puts(f, "<h3>");
			html_text(f, figures[i].title);
			out_puts(f, "</h3>\n");
		}
		out_puts(f, "<figcaption>");
		html_text(f, figures[i].note);
		out_puts(f, "</figcaption>\n</figure>\n");
	}
	out_puts(f, "</section>\n");
}

/* index.html's way to the list pages: by industry, a line a page. */
static void
write_page_links(struct out_file *f, const struct lists *ls)
{
	char buf[96], n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];
	int i, j;

	out_printf(f, "<p>%s社の一覧を %d ページに分けています（1ページ%s社、"
		   "業種・会社名の順）。</p>\n",
		   label_count(ls->total, n1, sizeof n1), ls->npages,
		   label_count(LIST_ROWS, n2, sizeof n2));
	for (i = 0; i < ls->nseg; i = j) {
		long long n = 0;

		for (j = i; j < ls->nseg && !strcmp(ls->seg[j].ind,
						    ls->seg[i].ind); j++)
			n += ls->seg[j].n;
		out_puts(f, "<h3>");
		html_text(f, label_industry(ls->seg[i].ind, buf,
						sizeof buf));
		out_printf(f, "（%s社）</h3>\n<p class=\"pages\">",
			   label_count(n, n1, sizeof n1));
		for (j = i; j < ls->nseg && !strcmp(ls->seg[j].ind,
						    ls->seg[i].ind); j++) {
			out_printf(f, "<a href=\"list/list-%04d.html#ind-",
				   ls->seg[j].page);
			html_href(f, ls->seg[j].ind);
			out_printf(f, "\">%d（%s社）</a> ", ls->seg[j].page,
				   label_count(ls->seg[j].n, n1, sizeof n1));
		}
		out_puts(f, "</p>\n");
	}
}

static int
write_index(struct site *s, const struct lists *ls, const struct prev *prev,
	    const struct keymap *pages)
{
	struct out_file f;
	char title[64], n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];

	if (out_open(&f, &s->d, "index.html"))
		return -1;
	snprintf(title, sizeof title, "自社診断 集計 %s", s->run->as_of);
	site_page_head(s, &f, title, 0);
	out_printf(&f, "<h1>自社診断 集計（基準日 %s）</h1>\n", s->run->as_of);
	out_printf(&f, "<p class=\"lead\">集計対象 %s社（回答に欠けのある%s社"
		   "は除く）。%d社未満のグループは「n&lt;%d」とだけ示し、値は表示"
		   "しません。</p>\n",
		   label_count(s->run->n_companies, n1, sizeof n1),
		   label_count(s->run->n_incomplete, n2, sizeof n2),
		   s->run->min_group, s->run->min_group);
	if (!s->share) {
		out_puts(&f, "<section id=\"companies\">\n<h2>会社一覧</h2>\n"
			 "<div id=\"worklist\" hidden></div>\n"
			 "<div id=\"plain\">\n");
		if (ls->total > LIST_ROWS) {
			write_page_links(&f, ls);
		} else if (ls->total == 0) {
			out_puts(&f, "<p>会社はありません。</p>\n");
		} else {
			out_puts(&f, table_head);
			if (write_index_rows(s, &f, prev, pages)) {
				out_abort(&f);
				return -1;
			}
			out_puts(&f, "</tbody>\n</table>\n");
		}
		out_puts(&f, "</div>\n</section>\n");
	}
	out_puts(&f, "<section id=\"groups\">\n");
	if (site_group_pages(s, &f)) {
		out_abort(&f);
		return -1;
	}
	out_puts(&f, "</section>\n");
	write_charts(s, &f);
	if (!s->share)
		out_puts(&f, "<script src=\"data/meta.js\"></script>\n"
			 "<script src=\"site.js\"></script>\n");
	/* the processing time on this page only: on every page, it would
	 * make each one differ from the last render's, however unchanged */
	processed_jst(s->run->created_at, s->processed, sizeof s->processed);
	site_page_foot(s, &f);
	return out_commit(&f);
}

/* ---- files of companies no longer in the run --------------------------- */

/*
 * Remove from dir every regular file whose name is not in keep (all of
 * them when keep is empty), and with --share the folder when it ends
 * empty.
 * Hidden files (a render's temporary files) are left alone.
 */
static void
remove_stale(const struct site *s, const char *dir, const struct keymap *keep)
{
	int fd = openat(s->d.fd, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			O_CLOEXEC);
	struct dirent *e;
	long removed = 0;
	DIR *dp;

	if (fd < 0)
		return;
	if (!(dp = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		struct stat sb;
		char name[300];
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' || n >= sizeof name)
			continue;
		memcpy(name, e->d_name, n + 1);
		/* the keep set holds ".htm" for pages: see write_rows */
		if (n > 5 && strcmp(name + n - 5, ".html") == 0)
			name[n - 1] = '\0';
		if (keymap_get(keep, hash64(name), NULL))
			continue;
		if (fstatat(dirfd(dp), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) ==
		    0 && (S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode)) &&
		    unlinkat(dirfd(dp), e->d_name, 0) == 0)
			removed++;
	}
	closedir(dp);
	if (s->share)
		unlinkat(s->d.fd, dir, AT_REMOVEDIR);
	if (removed)
		info("site: removed %ld stale files from %s/", removed, dir);
}

/* ---- the whole site ------------------------------------------------------ */

static int
write_asset(struct site *s, const char *name, const char *text)
{
	struct out_file f;

	if (out_open(&f, &s->d, name))
		return -1;
	out_puts(&f, text);
	return out_commit(&f);
}

/* How many companies the list has. */
static int
count_companies(const struct site *s, long long *n)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT count(*) FROM %s", s->table);
	int rc = db_prepare(s->db, &st, sql);

	free(sql);
	if (rc)
		return -1;
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error("database: %s", sqlite3_errmsg(s->db));
	return 0;
}

int
site_render(const struct render_opts *o, sqlite3 *db,
	    const struct render_run *run)
{
	struct keymap pages = { 0 }, keep = { 0 }, files = { 0 };
	struct prev prev = { 0 };
	struct lists ls = { 0 };
	struct site s = { 0 };
	int rc = -1;

	s.o = o;
	s.run = run;
	s.db = db;
	s.share = o->share;
	s.files = &files;
	if (out_dir_open(&s.d, o->out_dir))
		return -1;
	if (write_asset(&s, "site.css", site_asset_css))
		goto out;
	if (s.share) {
		if (!(s.supp = supp_load(db, run->run_id, run->min_group)))
			goto out;
		/* nothing of a single company: remove what a full render left */
		unlinkat(s.d.fd, "site.js", 0);
		remove_stale(&s, "companies", &keep);
		remove_stale(&s, "data", &keep);
		remove_stale(&s, "list", &keep);
		rc = write_index(&s, &ls, &prev, &pages);
		goto out;
	}
	if (write_asset(&s, "site.js", site_asset_js) || run_table(&s) ||
	    count_companies(&s, &ls.total))
		goto out;
	/* a company has a page and a PDF: two names in companies/ */
	keymap_reserve(&pages, ls.total);
	keymap_reserve(&keep, 2 * ls.total);
	keymap_reserve(&files, 2 * ls.total);
	if (load_files(&s, &files) || load_prev(&s, &prev, ls.total) ||
	    write_company_pages(&s, &pages, &keep) ||
	    write_rows(&s, &prev, &pages, &keep, &ls) ||
	    write_meta(&s, &ls, prev.as_of) ||
	    write_index(&s, &ls, &prev, &pages))
		goto out;
	remove_stale(&s, "companies", &keep);
	rc = 0;
out:
	if (rc == 0)
		info("site: index.html, %lld companies, %d list pages, %d data "
		     "files in '%s'", ls.total, ls.npages, ls.nshards,
		     o->out_dir);
	keymap_free(&prev.score);
	keymap_free(&pages);
	keymap_free(&keep);
	keymap_free(&files);
	free(ls.seg);
	free(s.supp);
	out_dir_release(&s.d);
	return rc;
}
