/*
 * The portfolio half of render: the seven charts as files, portfolio.pdf
 * (a cover and one A4 landscape page a chart) and index.html (the charts
 * and a table of companies linking to their reports, or past LIST_ROWS
 * companies links to companies/list-NNNN.html pages of that table).
 * Everything is
 * drawn from the run's figures only (figures.c), so what a suppressed
 * group hides in a chart stays hidden in the document and the page.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "chart.h"
#include "db.h"
#include "err.h"
#include "figures.h"
#include "html.h"
#include "out.h"
#include "render.h"
#include "score.h"

/* A4 landscape in points; a chart page holds the canvas and a note. */
#define PAGE_W 841.89
#define PAGE_H 595.28
#define MARGIN 21.0

struct source {
	char *name;		/* file name without its folders */
	long long rows;
	char *status;
};

struct cover {
	const struct render_run *run;
	struct source *src;
	int nsrc;
	long long nfiles;
};

/* Data sources for the cover: the files imported into the database. */
static int
load_sources(sqlite3 *db, struct cover *cv)
{
	sqlite3_stmt *st;
	int rc, cap = 0;

	if (db_prepare(db, &st, "SELECT path, rows_read, status FROM file"
	    " WHERE status IN ('imported', 'partial') ORDER BY file_id"))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		const char *s = strrchr(p ? p : "", '/');

		cv->nfiles++;
		if (cv->nsrc == cap) {
			cap = cap ? 2 * cap : 16;
			cv->src = xrealloc(cv->src, cap * sizeof *cv->src);
		}
		cv->src[cv->nsrc].name = xstrdup(s ? s + 1 : p ? p : "");
		cv->src[cv->nsrc].rows = sqlite3_column_int64(st, 1);
		cv->src[cv->nsrc++].status = xstrdup(
			(const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

static void
free_sources(struct cover *cv)
{
	int i;

	for (i = 0; i < cv->nsrc; i++) {
		free(cv->src[i].name);
		free(cv->src[i].status);
	}
	free(cv->src);
}

/* The cover page: what this document is, of when, of how many, from what. */
static void
draw_cover(struct chart *c, const struct cover *cv)
{
	const struct render_run *r = cv->run;
	double y = 70, x = 60, lx = 230;
	char buf[256];
	int i, shown = cv->nsrc > 14 ? 12 : cv->nsrc;

	chart_colour(c, chart_okabe_ito[OI_BLUE]);
	cairo_rectangle(c->cr, 0, 0, c->w, 14);
	cairo_fill(c->cr);
	chart_colour(c, chart_muted);
	chart_text(c, x, y, "SECURITY ACTION 自己宣言 ・ 情報セキュリティ自社診断",
		   12, 0, 0);
	y += 26;
	chart_colour(c, chart_ink);
	chart_text(c, x, y, "自社診断 集計レポート（ポートフォリオ）", 26, T_BOLD,
		   c->w - 2 * x);
	y += 64;
#define ROW(label, ...) do { \
		snprintf(buf, sizeof buf, __VA_ARGS__); \
		chart_colour(c, chart_muted); \
		chart_text(c, x, y, label, 12, 0, 0); \
		chart_colour(c, chart_ink); \
		chart_text(c, lx, y, buf, 12, 0, c->w - lx - x); \
		y += 24; \
	} while (0)
	ROW("基準日", "%s", r->as_of);
	ROW("集計対象の会社", "%lld社", r->n_companies);
	ROW("回答に欠けのある会社", "%lld社（集計から除外）", r->n_incomplete);
	ROW("最小グループ", "%d社（これ未満のグループは「n<%d」とだけ表示）",
	    r->min_group, r->min_group);
	ROW("該当しないの扱い", "%d点として合計", r->na_points);
	ROW("集計日時", "%s", r->created_at);
#undef ROW
	y += 10;
	chart_colour(c, chart_muted);
	snprintf(buf, sizeof buf, "データの出所（取り込んだファイル %lld件）",
		 cv->nfiles);
	chart_text(c, x, y, buf, 12, 0, 0);
	y += 22;
	chart_colour(c, chart_ink);
	for (i = 0; i < shown; i++) {
		snprintf(buf, sizeof buf, "%s（%lld行%s）", cv->src[i].name,
			 cv->src[i].rows, strcmp(cv->src[i].status,
			 "partial") == 0 ? "、一部の行は不採用" : "");
		chart_text(c, x + 12, y, buf, 10, 0, c->w - 2 * x - 12);
		y += 16;
	}
	if (cv->nsrc > shown) {
		snprintf(buf, sizeof buf, "ほか %d件", cv->nsrc - shown);
		chart_text(c, x + 12, y, buf, 10, 0, 0);
		y += 16;
	}
	if (cv->nsrc == 0)
		chart_text(c, x + 12, y, "（記録なし）", 10, 0, 0);
	chart_colour(c, chart_muted);
	chart_paragraph(c, x, c->h - 70, c->w - 2 * x,
		"SECURITY ACTIONは自己宣言の制度であり、このレポートは各社の"
		"自己診断の回答を集計したものです。各社の対策の実態を第三者が"
		"確かめたものではありません。", 9.5, 0);
}

static int
write_pdf(const struct out_dir *d, sqlite3 *db, const struct render_run *run,
	  const struct fig_data *fd)
{
	struct cover cv = { run, NULL, 0, 0 };
	struct out_file f;
	cairo_surface_t *sf;
	cairo_t *cr;
	struct chart c;
	double scale = (PAGE_W - 2 * MARGIN) / CHART_W;
	char buf[64];
	int i, rc = 0;

	if (load_sources(db, &cv)) {
		free_sources(&cv);
		return -1;
	}
	if (out_open(&f, d, "portfolio.pdf")) {
		free_sources(&cv);
		return -1;
	}
	sf = cairo_pdf_surface_create_for_stream(out_cairo_write, &f, PAGE_W,
						 PAGE_H);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE,
				       "自社診断 集計レポート");
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
				       "shindan render " SHINDAN_VERSION);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
				       run->created_at);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE,
				       run->created_at);
	cr = cairo_create(sf);
	chart_begin(&c, cr, PAGE_W, PAGE_H);
	draw_cover(&c, &cv);
	cairo_show_page(cr);
	for (i = 0; i < nfigures; i++) {
		struct chart cc;

		cairo_save(cr);
		cairo_translate(cr, MARGIN, MARGIN);
		cairo_scale(cr, scale, scale);
		chart_begin(&cc, cr, CHART_W, CHART_H);
		figures[i].draw(&cc, fd);
		chart_end(&cc);
		cairo_restore(cr);
		chart_colour(&c, chart_ink);
		chart_paragraph(&c, MARGIN + 18, MARGIN + CHART_H * scale + 12,
				PAGE_W - 2 * MARGIN - 36, figures[i].note, 10,
				0);
		chart_colour(&c, chart_muted);
		snprintf(buf, sizeof buf, "%d / %d", i + 2, nfigures + 1);
		chart_text(&c, PAGE_W - MARGIN, PAGE_H - 12, buf, 8,
			   T_RIGHT | T_BOTTOM, 0);
		cairo_show_page(cr);
	}
	chart_end(&c);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(sf);
	free_sources(&cv);
	if (rc) {
		error("'%s/portfolio.pdf': cannot draw", d->path);
		out_abort(&f);
		return -1;
	}
	return out_commit(&f);
}

/* A link render made must stay inside the output folder. */
static int
safe_rel(const char *rel)
{
	const char *s = rel;

	if (!*rel || *rel == '/')
		return 0;
	while (*s) {
		size_t n = strcspn(s, "/");

		if (n == 0 || (s[0] == '.' && (n == 1 || (n == 2 &&
		    s[1] == '.'))))
			return 0;
		s += n;
		if (*s == '/')
			s++;
	}
	return 1;
}

static const char *
band_label(const char *code)
{
	int b;

	for (b = 0; b < NBANDS; b++)
		if (code && strcmp(code, score_band_code(b)) == 0)
			return score_band_label(b);
	return "";
}

/*
 * The table of companies: index.html holds it when there are at most
 * LIST_ROWS companies; past that it is cut into pages of LIST_ROWS rows,
 * companies/list-0001.html and on, and index.html links to the pages,
 * grouped by industry, so that the page stays small (a few hundred KB for
 * a national roll-up) while every company is two clicks away.
 */
#define LIST_ROWS 2000
#define LIST_DIR "companies/"
#define CUT_CHARS 16		/* of a name in the index's page list */

#define ROWS_SQL "SELECT company_key, company_name, industry_code," \
	" star_level, complete, total_score, band FROM companies" \
	" ORDER BY industry_code, company_name, company_key"

static const char page_style[] =
	"<style>\n"
	"body{font-family:\"IPAexGothic\",sans-serif;margin:2em auto;"
	"max-width:70em;padding:0 1em;color:#222}\n"
	".fig{margin:2em 0}img{max-width:100%;height:auto;"
	"border:1px solid #ddd}\n"
	".caption{color:#555;font-size:90%}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{border-bottom:1px solid #ddd;padding:.3em .6em;"
	"text-align:left}\n"
	"td.num{text-align:right}\n"
	".nav{margin:1em 0}ul.pages{list-style:none;padding:0}\n"
	"</style>\n";

static const char table_head[] =
	"<table>\n<thead><tr><th>会社名</th><th>業種</th><th>宣言</th>"
	"<th>合計点</th><th>点数帯</th></tr></thead>\n<tbody>\n";

/* The label of the industry code last seen: rows come sorted by it. */
struct ind_label {
	int valid;
	char code[16];
	char label[96];
};

static const char *
industry_label(struct ind_label *il, const char *code)
{
	if (!il->valid || strcmp(il->code, code) != 0) {
		il->valid = strlen(code) < sizeof il->code;
		snprintf(il->code, sizeof il->code, "%s", code);
		fig_industry_label(code, il->label, sizeof il->label);
	}
	return il->label;
}

/* n with a comma every three digits, into buf (32 bytes). */
static const char *
grouped(long long n, char *buf)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? 0 : n);
	int i, j = 0;

	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
	return buf;
}

/* The shown name of the company of st's row: its name, else its key. */
static const char *
row_name(sqlite3_stmt *st)
{
	const char *key = (const char *)sqlite3_column_text(st, 0);
	const char *name = (const char *)sqlite3_column_text(st, 1);

	return name && *name ? name : key ? key : "";
}

/*
 * One <tr> for the company of st's row (ROWS_SQL), built in b and written
 * in one piece.  in_list: the page is in companies/ beside the reports,
 * so the link is the report's own name.
 */
static void
write_row(struct out_file *f, struct html_buf *b, sqlite3_stmt *st,
	  struct ind_label *il, int in_list)
{
	const char *key = (const char *)sqlite3_column_text(st, 0);
	const char *name = (const char *)sqlite3_column_text(st, 1);
	const char *ind = (const char *)sqlite3_column_text(st, 2);
	const char *star = (const char *)sqlite3_column_text(st, 3);
	const char *band = (const char *)sqlite3_column_text(st, 6);
	char *rel = report_file_name(key ? key : "", name ? name : "");
	const char *href = rel && safe_rel(rel) ? rel : NULL;
	char num[16];

	if (href && in_list)
		href = strncmp(href, LIST_DIR, strlen(LIST_DIR)) == 0 &&
		       !strchr(href + strlen(LIST_DIR), '/') ?
		       href + strlen(LIST_DIR) : NULL;
	html_buf_puts(b, "<tr><td>");
	if (href) {
		html_buf_puts(b, "<a href=\"");
		html_buf_href(b, href);
		html_buf_puts(b, "\">");
		html_buf_text(b, row_name(st));
		html_buf_puts(b, "</a>");
	} else {
		html_buf_text(b, row_name(st));
	}
	free(rel);
	html_buf_puts(b, "</td><td>");
	html_buf_text(b, industry_label(il, ind ? ind : "unknown"));
	html_buf_puts(b, "</td><td>");
	html_buf_text(b, fig_star_label(star ? star : "unknown"));
	if (sqlite3_column_int(st, 4) &&
	    sqlite3_column_type(st, 5) != SQLITE_NULL) {
		html_buf_puts(b, "</td><td class=\"num\">");
		snprintf(num, sizeof num, "%d", sqlite3_column_int(st, 5));
		html_buf_puts(b, num);
		html_buf_puts(b, "</td><td>");
		html_buf_text(b, band);
		html_buf_puts(b, " ");
		html_buf_text(b, band_label(band));
	} else {
		html_buf_puts(b, "</td><td class=\"num\">–</td><td>"
			      "回答に欠けあり");
	}
	html_buf_puts(b, "</td></tr>\n");
	html_buf_flush(b, f);
}

/* Every company as a row of index.html (there are at most LIST_ROWS). */
static int
write_company_rows(struct out_file *f, sqlite3 *db)
{
	struct ind_label il = { 0 };
	struct html_buf b = { 0 };
	sqlite3_stmt *st;
	int rc, n = 0;

	if (db_prepare(db, &st, ROWS_SQL))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		write_row(f, &b, st, &il, 0);
		n++;
	}
	html_buf_free(&b);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("database: %s", sqlite3_errmsg(db));
	if (n == 0)
		out_puts(f, "<tr><td colspan=\"5\">会社はありません</td></tr>\n");
	return 0;
}

/* The top of a page up to <body>; title is text, escaped here. */
static void
page_head(struct out_file *f, const char *title)
{
	out_puts(f, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<title>");
	html_text(f, title);
	out_puts(f, "</title>\n");
	out_puts(f, page_style);
	out_puts(f, "</head>\n<body>\n");
}

/* "list-0001.html": the name of list page no (from 1) in companies/. */
static void
page_name(char *buf, size_t n, int no)
{
	snprintf(buf, n, "list-%04d.html", no);
}

/* A page's way back to index.html and to the pages beside it. */
static void
page_nav(struct out_file *f, int no, int npages)
{
	char name[32];

	out_puts(f, "<p class=\"nav\"><a href=\"../index.html\">"
		 "集計のページへ戻る</a>");
	if (no > 1) {
		page_name(name, sizeof name, no - 1);
		out_printf(f, " ｜ <a href=\"%s\" rel=\"prev\">"
			   "← 前のページ</a>", name);
	}
	out_printf(f, " ｜ %d / %d", no, npages);
	if (no < npages) {
		page_name(name, sizeof name, no + 1);
		out_printf(f, " ｜ <a href=\"%s\" rel=\"next\">"
			   "次のページ →</a>", name);
	}
	out_puts(f, "</p>\n");
}

/* A run of one industry's companies on one page, for the index. */
struct seg {
	char *ind;		/* industry code */
	int page;		/* from 1 */
	long long n;
	char *first, *last;	/* shown names of its first and last rows */
};

struct pages {
	int npages;
	struct seg *seg;
	int nseg, cap;
};

static void
pages_free(struct pages *pg)
{
	int i;

	for (i = 0; i < pg->nseg; i++) {
		free(pg->seg[i].ind);
		free(pg->seg[i].first);
		free(pg->seg[i].last);
	}
	free(pg->seg);
}

/* Start list page no; the caller writes its rows. */
static int
page_open(struct out_file *f, const struct out_dir *d,
	  const struct render_run *run, int no, int npages, long long total)
{
	char rel[64], title[128], a[32], b[32], c[32];
	long long from = (long long)(no - 1) * LIST_ROWS + 1;
	long long to = from + LIST_ROWS - 1 < total ? from + LIST_ROWS - 1 :
		       total;

	snprintf(rel, sizeof rel, LIST_DIR "list-%04d.html", no);
	if (out_open(f, d, rel))
		return -1;
	snprintf(title, sizeof title, "会社別レポート %d / %d（基準日 %s）",
		 no, npages, run->as_of);
	page_head(f, title);
	page_nav(f, no, npages);
	out_puts(f, "<h1>");
	html_text(f, title);
	out_puts(f, "</h1>\n");
	out_printf(f, "<p>%s〜%s社目（全%s社、業種・会社名の順）</p>\n",
		   grouped(from, a), grouped(to, b), grouped(total, c));
	out_puts(f, table_head);
	return 0;
}

static int
page_close(struct out_file *f, int no, int npages)
{
	out_puts(f, "</tbody>\n</table>\n");
	page_nav(f, no, npages);
	out_puts(f, "</body>\n</html>\n");
	return out_commit(f);
}

/* Remove list pages past npages left by an earlier render into d. */
static void
remove_stale_pages(const struct out_dir *d, int npages)
{
	char name[32];
	int fd, no;

	fd = openat(d->fd, "companies", O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd < 0)
		return;
	for (no = npages + 1;; no++) {
		page_name(name, sizeof name, no);
		if (unlinkat(fd, name, 0) != 0)
			break;
	}
	close(fd);
}

/*
 * Write companies/list-NNNN.html, LIST_ROWS companies a page in the order
 * of the single table, and gather pg->seg for the index.
 */
static int
write_pages(const struct out_dir *d, sqlite3 *db,
	    const struct render_run *run, long long total, struct pages *pg)
{
	struct ind_label il = { 0 };
	struct html_buf b = { 0 };
	struct out_file f;
	struct seg *s = NULL;
	sqlite3_stmt *st;
	char *prev = NULL;
	size_t prev_cap = 0;
	long long row = 0;
	int rc, no = 0;

	pg->npages = (int)((total + LIST_ROWS - 1) / LIST_ROWS);
	if (db_prepare(db, &st, ROWS_SQL))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ind = (const char *)sqlite3_column_text(st, 2);
		const char *name = row_name(st);
		size_t len = strlen(name);

		ind = ind ? ind : "unknown";
		if (row % LIST_ROWS == 0) {
			if (no > 0 && page_close(&f, no, pg->npages))
				goto fail_closed;
			if (++no > pg->npages) {
				error("database: more companies than counted");
				goto fail_closed;
			}
			if (page_open(&f, d, run, no, pg->npages, total))
				goto fail_closed;
		}
		if (!s || s->page != no || strcmp(s->ind, ind) != 0) {
			if (s)
				s->last = xstrdup(prev);
			if (pg->nseg == pg->cap) {
				pg->cap = pg->cap ? 2 * pg->cap : 64;
				pg->seg = xrealloc(pg->seg,
						   pg->cap * sizeof *pg->seg);
			}
			s = &pg->seg[pg->nseg++];
			memset(s, 0, sizeof *s);
			s->ind = xstrdup(ind);
			s->page = no;
			s->first = xstrdup(name);
		}
		s->n++;
		write_row(&f, &b, st, &il, 1);
		if (len + 1 > prev_cap) {
			prev_cap = 2 * (len + 1);
			prev = xrealloc(prev, prev_cap);
		}
		memcpy(prev, name, len + 1);
		row++;
	}
	if (rc != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(db));
		if (no > 0)
			out_abort(&f);
		goto fail_closed;
	}
	if (s)
		s->last = xstrdup(prev);
	if (no > 0 && page_close(&f, no, pg->npages))
		goto fail_closed;
	sqlite3_finalize(st);
	free(prev);
	html_buf_free(&b);
	remove_stale_pages(d, no);
	return 0;
fail_closed:
	sqlite3_finalize(st);
	free(prev);
	html_buf_free(&b);
	return -1;
}

/* index.html's way to the pages: by industry, a line a page. */
static void
write_page_links(struct out_file *f, const struct pages *pg,
		 long long total)
{
	char buf[96], a[32], b[32];
	int i, j;

	out_printf(f, "<p>%s社の一覧を %s ページに分けています"
		   "（1ページ %s社、業種・会社名の順）。</p>\n", grouped(total, a),
		   grouped(pg->npages, b), grouped(LIST_ROWS, buf));
	for (i = 0; i < pg->nseg; i = j) {
		long long n = 0;

		for (j = i; j < pg->nseg && !strcmp(pg->seg[j].ind,
						    pg->seg[i].ind); j++)
			n += pg->seg[j].n;
		out_puts(f, "<h3>");
		html_text(f, fig_industry_label(pg->seg[i].ind, buf,
						sizeof buf));
		out_printf(f, "（%s社）</h3>\n<ul class=\"pages\">\n",
			   grouped(n, a));
		for (j = i; j < pg->nseg && !strcmp(pg->seg[j].ind,
						    pg->seg[i].ind); j++) {
			const struct seg *s = &pg->seg[j];

			page_name(buf, sizeof buf, s->page);
			out_printf(f, "<li><a href=\"" LIST_DIR "%s\">%d</a> ",
				   buf, s->page);
			html_text_cut(f, s->first, CUT_CHARS);
			out_puts(f, " 〜 ");
			html_text_cut(f, s->last, CUT_CHARS);
			out_printf(f, "（%s社）</li>\n", grouped(s->n, a));
		}
		out_puts(f, "</ul>\n");
	}
}

/* How many rows the table of companies has. */
static int
count_companies(sqlite3 *db, long long *n)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT count(*) FROM companies"))
		return -1;
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

static int
write_index(const struct out_dir *d, sqlite3 *db, const struct render_opts *o,
	    const struct render_run *run)
{
	const char *ext = o->formats & FMT_SVG ? "svg" :
			  o->formats & FMT_PNG ? "png" : NULL;
	struct pages pg = { 0 };
	struct out_file f;
	long long total;
	char title[64];
	int i;

	if (count_companies(db, &total))
		return -1;
	/* the pages first: index.html links to them only once they exist */
	if (total > LIST_ROWS && write_pages(d, db, run, total, &pg)) {
		pages_free(&pg);
		return -1;
	}
	if (total <= LIST_ROWS)
		remove_stale_pages(d, 0);
	if (out_open(&f, d, "index.html")) {
		pages_free(&pg);
		return -1;
	}
	snprintf(title, sizeof title, "自社診断 集計 %s", run->as_of);
	page_head(&f, title);
	out_printf(&f, "<h1>自社診断 集計（基準日 %s）</h1>\n", run->as_of);
	out_printf(&f, "<p>集計対象 %lld社（回答に欠けのある%lld社は除く）。"
		   "%d社未満のグループは「n&lt;%d」とだけ示し、値は表示しません。"
		   "</p>\n", run->n_companies, run->n_incomplete,
		   run->min_group, run->min_group);
	out_puts(&f, "<p><a href=\"portfolio.pdf\">印刷用 PDF"
		 "（portfolio.pdf）</a></p>\n");
	out_puts(&f, "<h2>グラフ</h2>\n");
	for (i = 0; i < nfigures; i++) {
		out_puts(&f, "<div class=\"fig\">\n");
		if (ext) {
			out_puts(&f, "<img src=\"");
			html_href(&f, figures[i].name);
			out_printf(&f, ".%s\" alt=\"", ext);
			html_text(&f, figures[i].title);
			out_puts(&f, "\">\n");
		} else {
			out_puts(&f, "<h3>");
			html_text(&f, figures[i].title);
			out_puts(&f, "</h3>\n");
		}
		out_puts(&f, "<p class=\"caption\">");
		html_text(&f, figures[i].note);
		out_puts(&f, "</p>\n</div>\n");
	}
	out_puts(&f, "<h2>会社別レポート</h2>\n");
	if (total > LIST_ROWS) {
		write_page_links(&f, &pg, total);
	} else {
		out_puts(&f, table_head);
		if (write_company_rows(&f, db)) {
			out_abort(&f);
			return -1;
		}
		out_puts(&f, "</tbody>\n</table>\n");
	}
	pages_free(&pg);
	out_puts(&f, "</body>\n</html>\n");
	return out_commit(&f);
}

int
portfolio_render(const struct render_opts *o, sqlite3 *db,
		 const struct render_run *run)
{
	static const int order[3] = { FMT_SVG, FMT_PNG, FMT_PDF };
	struct fig_data *fd = NULL;
	struct out_dir d;
	int i, f, rc = -1;

	if (out_dir_open(&d, o->out_dir))
		return -1;
	if (!(fd = fig_load(db, run)))
		goto out;
	/* SVG first: cairo numbers its surfaces process-wide and writes
	 * the number into the SVG, so drawing the SVGs before anything else
	 * keeps them byte-identical whatever other formats are asked for */
	for (f = 0; f < 3; f++)
		for (i = 0; i < nfigures; i++)
			if ((o->formats & order[f]) &&
			    chart_write(&d, figures[i].name, order[f],
					run->created_at, figures[i].draw, fd))
				goto out;
	if (write_pdf(&d, db, run, fd) || write_index(&d, db, o, run))
		goto out;
	info("portfolio: %d charts, portfolio.pdf and index.html in '%s'",
	     nfigures, o->out_dir);
	rc = 0;
out:
	fig_free(fd);
	out_dir_release(&d);
	return rc;
}
