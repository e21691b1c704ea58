/*
 * The portfolio half of render: the seven charts as files and
 * portfolio.pdf (a cover and one A4 landscape page a chart); site.c
 * writes index.html around them.  Everything is drawn from the run's
 * figures only (figures.c), so what a suppressed group hides in a chart
 * stays hidden in the document and the page.
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
#include "labels.h"
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
	int share;		/* the files are not named */
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

	/* an archive's members are listed, not the archive, which holds
	   no rows of its own */
	if (db_prepare(db, &st, "SELECT path, rows_read, status FROM file"
	    " WHERE status IN ('imported', 'partial') AND archive = 0"
	    " ORDER BY file_id"))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		const char *s = strrchr(p ? p : "", '/');

		cv->nfiles++;
		if (cv->share)
			continue;	/* counted, not named */
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
	char buf[256], n1[LABEL_COUNT_SIZE];
	int i, shown = cv->nsrc > 14 ? 12 : cv->nsrc;

	chart_colour(c, label_okabe_ito[OI_BLUE]);
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
	ROW("集計対象の会社", "%s社", label_count(r->n_companies, n1,
						     sizeof n1));
	ROW("回答に欠けのある会社", "%s社（集計から除外）",
	    label_count(r->n_incomplete, n1, sizeof n1));
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
		chart_text(c, x + 12, y, cv->share ? "（共有用のため記載しません）" :
			   "（記録なし）", 10, 0, 0);
	chart_colour(c, chart_muted);
	chart_paragraph(c, x, c->h - 70, c->w - 2 * x,
		"SECURITY ACTIONは自己宣言の制度であり、このレポートは各社の"
		"自己診断の回答を集計したものです。各社の対策の実態を第三者が"
		"確かめたものではありません。", 9.5, 0);
}

/*
 * portfolio.pdf.  share: the cover does not name the imported files
 * (their names may hold a client's name).
 */
static int
write_pdf(const struct out_dir *d, sqlite3 *db, const struct render_run *run,
	  const struct fig_data *fd, int share)
{
	struct cover cv = { run, share, NULL, 0, 0 };
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
				       run->doc_date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE,
				       run->doc_date);
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
	if (!(fd = fig_load(db, run, o->share)))
		goto out;
	/* SVG first: cairo numbers its surfaces process-wide and writes
	 * the number into the SVG, so drawing the SVGs before anything else
	 * keeps them byte-identical whatever other formats are asked for */
	for (f = 0; f < 3; f++)
		for (i = 0; i < nfigures; i++)
			if ((o->formats & order[f]) &&
			    chart_write(&d, figures[i].name, order[f],
					run->doc_date, figures[i].draw, fd))
				goto out;
	if (write_pdf(&d, db, run, fd, o->share))
		goto out;
	info("portfolio: %d charts and portfolio.pdf in '%s'",
	     nfigures, o->out_dir);
	rc = 0;
out:
	fig_free(fd);
	out_dir_release(&d);
	return rc;
}
