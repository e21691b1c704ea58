/*
 * The seven portfolio charts (SPEC §2.3).  fig_load reads the run's
 * statistics (runload.h) and the runs up to its date into memory once;
 * each fig_* routine then lays its chart out on the 800 x 500
 * canvas and draws it.  A suppressed group (n below the run's min_group)
 * is drawn as "n<MIN" with hatching and never with its values: the
 * routines look at the suppressed flag before touching a value.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "db.h"
#include "err.h"
#include "figures.h"
#include "jsic.h"
#include "labels.h"
#include "runload.h"
#include "score.h"
#include "size.h"
#include "star.h"
#include "suppress.h"

#define NSTARS 4
#define MAXSERIES (NSTARS + 1)
#define NWEAKEST 10
/* the lowest a whisker may reach: the lowest possible score */
#define SCORE_FLOOR SCORE_MIN

struct trend {
	char as_of[11], star[12];
	double mean;
	int has_mean, suppressed;
	long long n;
};

struct fig_data {
	const struct render_run *run;
	char subtitle[200], footer[400], nlt[16];
	struct run_stats rs;
	struct trend *t;
	int nt;
	char inds[JSIC_NDIVISIONS + 1][12];	/* present, A..T, unknown */
	int ninds;
	const char *stars[NSTARS];		/* present, ★★ first */
	int nstars;
};

static const char *const star_order[NSTARS] = {
	"two", "one", "none", "unknown"
};

/* ---- reading the run ------------------------------------------------ */

static void
fill_trend(sqlite3_stmt *st, void *e)
{
	struct trend *t = e;

	runload_text(st, 0, t->as_of, sizeof t->as_of);
	runload_text(st, 1, t->star, sizeof t->star);
	t->has_mean = sqlite3_column_type(st, 2) != SQLITE_NULL;
	t->mean = sqlite3_column_double(st, 2);
	t->n = sqlite3_column_int64(st, 3);
	t->suppressed = sqlite3_column_int(st, 4) != 0;
}

/* Everything the charts draw: the run's statistics and the trend. */
static int
load_all(sqlite3 *db, struct fig_data *d)
{
	void *t = NULL;
	int rc;

	rc = runload_stats(db, d->run->run_id, &d->rs) ||
	    runload_rows(db, d->run->run_id, d->run->as_of,
	    "SELECT r.as_of, g.star_level, g.mean, g.n,"
	    " g.suppressed FROM group_stat g JOIN run r USING (run_id)"
	    " WHERE r.as_of <= ?2 AND r.kind = 'local'"
	    " AND g.industry_code = '*'"
	    " AND g.size_class = '*' ORDER BY r.as_of, g.star_level",
	    &t, &d->nt, sizeof *d->t, fill_trend);
	/* handed over whatever happened, so fig_free releases it */
	d->t = t;
	return rc ? -1 : 0;
}

static const struct run_group *
find_grp(const struct fig_data *d, const char *ind, const char *size,
	 const char *star)
{
	int i;

	for (i = 0; i < d->rs.ng; i++)
		if (strcmp(d->rs.g[i].ind, ind) == 0 &&
		    strcmp(d->rs.g[i].size, size) == 0 &&
		    strcmp(d->rs.g[i].star, star) == 0)
			return &d->rs.g[i];
	return NULL;
}

static const struct run_question *
find_q(const struct fig_data *d, const char *ind, const char *star, int qno)
{
	int i;

	for (i = 0; i < d->rs.nq; i++)
		if (d->rs.q[i].qno == qno && strcmp(d->rs.q[i].ind, ind) == 0 &&
		    strcmp(d->rs.q[i].star, star) == 0)
			return &d->rs.q[i];
	return NULL;
}

/* ---- secondary suppression (render --share) --------------------------- */

/*
 * The trend chart shows earlier runs' star levels beside their total:
 * each earlier run's line is protected on its own.  The trend rows of
 * one run are adjacent; t[0..k).
 */
static void
protect_trend_run(struct trend *t, int k, int min_group)
{
	long long n[NSTARS + 1];
	int hide[NSTARS + 1], i, parent = -1;

	if (k > NSTARS + 1)
		return;
	for (i = 0; i < k; i++) {
		n[i] = t[i].n;
		hide[i] = t[i].suppressed ? SUPP_SMALL : SUPP_SHOWN;
		if (strcmp(t[i].star, "*") == 0)
			parent = i;
	}
	suppress_line(n, hide, k, parent, min_group);
	for (i = 0; i < k; i++)
		if (hide[i] == SUPP_PROTECT)
			t[i].suppressed = SUPP_PROTECT;
}

/*
 * With --share, hide what the charts would let anyone recompute: the
 * run's groups as supp_load decides for every page, and each earlier
 * run's star levels in the trend.
 */
static int
protect_all(sqlite3 *db, struct fig_data *d)
{
	struct supp *sp = supp_load(db, d->run->run_id, d->run->min_group);
	int i, j;

	if (!sp)
		return -1;
	for (i = 0; i < d->rs.ng; i++) {
		struct run_group *g = &d->rs.g[i];

		if (supp_hide(sp, g->ind, g->size, g->star) == SUPP_PROTECT)
			g->suppressed = SUPP_PROTECT;
	}
	for (i = 0; i < d->nt; i = j) {
		int current = strcmp(d->t[i].as_of, d->run->as_of) == 0;

		for (j = i; j < d->nt && !strcmp(d->t[j].as_of,
						 d->t[i].as_of); j++)
			if (current && supp_hide(sp, "*", "*", d->t[j].star) ==
			    SUPP_PROTECT)
				d->t[j].suppressed = SUPP_PROTECT;
		if (!current)
			protect_trend_run(&d->t[i], j - i, d->run->min_group);
	}
	free(sp);
	return 0;
}

struct fig_data *
fig_load(sqlite3 *db, const struct render_run *run, int share)
{
	struct fig_data *d = xcalloc(1, sizeof *d);
	char n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];
	int i;

	d->run = run;
	snprintf(d->nlt, sizeof d->nlt, "n<%d", run->min_group);
	snprintf(d->subtitle, sizeof d->subtitle,
		 "基準日 %s ・ 集計対象 n = %s社（回答に欠けのある%s社は"
		 "除く）", run->as_of,
		 label_count(run->n_companies, n1, sizeof n1),
		 label_count(run->n_incomplete, n2, sizeof n2));
	snprintf(d->footer, sizeof d->footer,
		 "情報セキュリティ自社診断の回答より集計（基準日 %s）。"
		 "%d社未満のグループは「%s」とだけ示し、値は表示しない。",
		 run->as_of, run->min_group, d->nlt);
	if (load_all(db, d)) {
		fig_free(d);
		return NULL;
	}
	/* groups are sorted: letters come before "unknown" */
	for (i = 0; i < d->rs.ng; i++) {
		const struct run_group *g = &d->rs.g[i];

		if (strcmp(g->size, "*") == 0 && strcmp(g->star, "*") == 0 &&
		    strcmp(g->ind, "*") != 0 && d->ninds < JSIC_NDIVISIONS + 1)
			snprintf(d->inds[d->ninds++], sizeof d->inds[0], "%s",
				 g->ind);
	}
	for (i = 0; i < NSTARS; i++)
		if (find_grp(d, "*", "*", star_order[i]))
			d->stars[d->nstars++] = star_order[i];
	if (share) {
		if (protect_all(db, d)) {
			fig_free(d);
			return NULL;
		}
		snprintf(d->footer + strlen(d->footer),
			 sizeof d->footer - strlen(d->footer),
			 "「秘匿」は逆算を防ぐため伏せた値。");
	}
	return d;
}

void
fig_free(struct fig_data *d)
{
	if (!d)
		return;
	runload_release(&d->rs);
	free(d->t);
	free(d);
}

/* ---- labels and colours --------------------------------------------- */

const char *
fig_star_label(const char *level)
{
	const char *s;

	if (strcmp(level, "*") == 0)
		return "全体";
	s = star_label(level);
	return s && *s ? s : level;
}

static struct rgb
star_rgb(const char *level)
{
	if (strcmp(level, "two") == 0)
		return label_okabe_ito[OI_BLUE];
	if (strcmp(level, "one") == 0)
		return label_okabe_ito[OI_ORANGE];
	if (strcmp(level, "none") == 0)
		return label_okabe_ito[OI_GREEN];
	if (strcmp(level, "unknown") == 0)
		return label_okabe_ito[OI_PURPLE];
	return chart_ink;
}

static int
star_dash(const char *level)
{
	int i;

	for (i = 0; i < NSTARS; i++)
		if (strcmp(level, star_order[i]) == 0)
			return i + 1;
	return 0;
}

/* What stands for a hidden group's values: "n<5", or 秘匿 (--share). */
static const char *
hidden_text(const struct fig_data *d, const struct run_group *g)
{
	return g && g->suppressed == SUPP_PROTECT ? "秘匿" : d->nlt;
}

/* "n<5" (or 秘匿) for a hidden group, else "n=12", into buf. */
static const char *
n_text(const struct fig_data *d, const struct run_group *g, char *buf, size_t n)
{
	char c[LABEL_COUNT_SIZE];

	if (!g)
		snprintf(buf, n, "–");
	else if (g->suppressed)
		snprintf(buf, n, "%s", hidden_text(d, g));
	else
		snprintf(buf, n, "n=%s", label_count(g->n, c, sizeof c));
	return buf;
}

static int
shown(const struct run_group *g)
{
	return g && !g->suppressed && g->n > 0;
}

/* Centre a message in the plot area when nothing may be shown. */
static void
nothing_to_show(struct chart *c, double top, const char *why)
{
	chart_colour(c, chart_muted);
	chart_text(c, c->w / 2, (top + c->h - 30) / 2, why, 13,
		   T_CENTER | T_MIDDLE, c->w - 80);
}

#define NO_RUN "この基準日の集計がありません"

/*
 * The frame every chart starts with: figure id's title over the run's
 * subtitle, and the footer.  With why, the chart has nothing to show:
 * say why in the plot area.  Sets *top to where the plot may start and
 * returns whether why was drawn (the chart is done).
 */
static int
frame(struct chart *c, const struct fig_data *d, enum fig_id id,
      const char *why, double *top)
{
	*top = chart_header(c, figures[id].title, d->subtitle);
	chart_footer(c, d->footer);
	if (why)
		nothing_to_show(c, *top, why);
	return why != NULL;
}

/* Why the star-level charts show nothing: NULL when all may be shown. */
static const char *
all_hidden(const struct run_group *all)
{
	if (shown(all))
		return NULL;
	return all ? "全体でも集計対象が少なすぎるため表示しません"
		     "（n<最小グループ）" : NO_RUN;
}

static void
row_band(struct chart *c, double x, double y, double w, double h, int i)
{
	if (i % 2)
		return;
	chart_colour(c, (struct rgb){ 0.965, 0.965, 0.965 });
	cairo_rectangle(c->cr, x, y, w, h);
	cairo_fill(c->cr);
}

/* ---- 1. mean score by industry and star level ------------------------ */

#define LABEL_W 150.0
#define PLOT_X (24 + LABEL_W + 8)
#define PLOT_BOTTOM (CHART_H - 62)

static void
fig_mean_by_industry(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	struct chart_legend_item leg[NSTARS + 1];
	struct chart_scale xs;
	double ticks[32], top, rh, lo = 0, hi = 100, ncol = 46, xr;
	int nt, i, k, nrows = d->ninds + 1, nleg = 0;
	char buf[96];

	if (frame(c, d, FIG_MEAN_BY_INDUSTRY, d->nstars ? NULL : NO_RUN,
		  &top))
		return;
	for (k = 0; k < d->nstars; k++) {
		leg[nleg].label = fig_star_label(d->stars[k]);
		leg[nleg].rgb = star_rgb(d->stars[k]);
		leg[nleg].mark = MARK_DOT;
		leg[nleg++].dash = 0;
	}
	leg[nleg].label = "平均点（線は95%信頼区間）";
	leg[nleg].rgb = chart_muted;
	leg[nleg].mark = MARK_LINE;
	leg[nleg++].dash = 0;
	top += chart_legend(c, 24, top, c->w - 48, leg, nleg) + 14;
	/* the n table at the right, one column per star level */
	xr = c->w - 24 - ncol * d->nstars;
	for (k = 0; k < d->nstars; k++) {
		chart_colour(c, star_rgb(d->stars[k]));
		chart_text(c, xr + ncol * (k + 0.5), top - 2,
			   fig_star_label(d->stars[k]), 8, T_CENTER | T_BOTTOM,
			   ncol - 2);
	}
	/* whiskers may reach below 0 for small, spread-out groups */
	for (i = 0; i < d->rs.ng; i++) {
		const struct run_group *g = &d->rs.g[i];

		if (shown(g) && strcmp(g->size, "*") == 0 && g->has_mean &&
		    g->has_sd && g->mean - 1.96 * g->sd / sqrt(g->n) < lo)
			lo = g->mean - 1.96 * g->sd / sqrt(g->n);
	}
	if (lo < SCORE_FLOOR)
		lo = SCORE_FLOOR;
	nt = chart_ticks(&lo, &hi, 10, ticks);
	xs = (struct chart_scale){ lo, hi, PLOT_X, xr - 16 };
	rh = (PLOT_BOTTOM - top) / nrows;
	if (rh > 34)
		rh = 34;
	for (i = 0; i < nrows; i++)
		row_band(c, 24, top + i * rh, c->w - 48, rh, i);
	chart_xaxis(c, &xs, top + nrows * rh, top, ticks, nt, "%.0f",
		    "平均点（点、満点100）");
	for (i = 0; i < nrows; i++) {
		const char *ind = i == 0 ? "*" : d->inds[i - 1];
		double yc = top + (i + 0.5) * rh;
		double step = rh / (d->nstars + 1) > 6 ? 6 :
			      rh / (d->nstars + 1);

		const struct run_group *row = find_grp(d, ind, "*", "*");

		chart_colour(c, chart_ink);
		chart_text(c, PLOT_X - 8, yc, label_industry(ind, buf,
			   sizeof buf), 9.5, T_RIGHT | T_MIDDLE |
			   (i == 0 ? T_BOLD : 0), LABEL_W);
		if (row && row->suppressed) {
			/* the whole industry is too small to show */
			chart_hatch(c, xs.r0, yc - rh * 0.3, xs.r1 - xs.r0,
				    rh * 0.6);
			chart_colour(c, chart_ink);
			chart_text(c, (xs.r0 + xs.r1) / 2, yc,
				   hidden_text(d, row), 9,
				   T_CENTER | T_MIDDLE, 0);
		}
		for (k = 0; k < d->nstars; k++) {
			const struct run_group *g = find_grp(d, ind, "*",
						       d->stars[k]);
			double y = yc + (k - (d->nstars - 1) / 2.0) * step;
			struct rgb rgb = star_rgb(d->stars[k]);

			chart_colour(c, g && g->suppressed ?
				     chart_suppressed_rgb : chart_ink);
			chart_text(c, xr + ncol * (k + 0.5), yc,
				   n_text(d, g, buf, sizeof buf), 8.5,
				   T_CENTER | T_MIDDLE, ncol - 2);
			if (!shown(g) || !g->has_mean)
				continue;
			if (g->has_sd && g->n > 1) {
				double half = 1.96 * g->sd / sqrt(g->n);
				double a = g->mean - half, b = g->mean + half;

				a = a < lo ? lo : a;
				b = b > hi ? hi : b;
				chart_colour(c, rgb);
				cairo_set_line_width(c->cr, 1.4);
				cairo_move_to(c->cr, chart_map(&xs, a), y);
				cairo_line_to(c->cr, chart_map(&xs, b), y);
				cairo_stroke(c->cr);
			}
			chart_colour(c, rgb);
			cairo_arc(c->cr, chart_map(&xs, g->mean), y, 3.2, 0,
				  2 * M_PI);
			cairo_fill_preserve(c->cr);
			chart_colour(c, (struct rgb){ 1, 1, 1 });
			cairo_set_line_width(c->cr, 0.7);
			cairo_stroke(c->cr);
		}
	}
}

/* ---- 2. score bands by industry -------------------------------------- */

static void
fig_bands_by_industry(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	struct chart_legend_item leg[5];
	struct chart_scale xs;
	double ticks[32], top, rh, lo = 0, hi = 100, xr = c->w - 24 - 56;
	int nt, i, b, nrows = d->ninds + 1;
	char buf[96];

	if (frame(c, d, FIG_BANDS_BY_INDUSTRY, d->rs.ng ? NULL : NO_RUN, &top))
		return;
	for (b = 0; b < 4; b++)
		leg[b] = (struct chart_legend_item){ label_band(b),
			label_band_rgb(b), MARK_BOX, 0 };
	leg[4] = (struct chart_legend_item){ d->nlt, chart_suppressed_rgb,
		MARK_HATCH, 0 };
	top += chart_legend(c, 24, top, c->w - 48, leg, 5) + 12;
	nt = chart_ticks(&lo, &hi, 5, ticks);
	xs = (struct chart_scale){ lo, hi, PLOT_X, xr - 8 };
	rh = (PLOT_BOTTOM - top) / nrows;
	if (rh > 30)
		rh = 30;
	chart_xaxis(c, &xs, top + nrows * rh, top, ticks, nt, "%.0f%%",
		    "会社の割合（%）");
	chart_colour(c, chart_muted);
	chart_text(c, xr + 28, top - 2, "会社数", 8, T_CENTER | T_BOTTOM, 0);
	for (i = 0; i < nrows; i++) {
		const char *ind = i == 0 ? "*" : d->inds[i - 1];
		const struct run_group *g = find_grp(d, ind, "*", "*");
		double y = top + i * rh + rh * 0.15, h = rh * 0.7, x;

		chart_colour(c, chart_ink);
		chart_text(c, PLOT_X - 8, y + h / 2, label_industry(ind,
			   buf, sizeof buf), 9.5, T_RIGHT | T_MIDDLE |
			   (i == 0 ? T_BOLD : 0), LABEL_W);
		chart_colour(c, g && g->suppressed ? chart_suppressed_rgb :
			     chart_ink);
		chart_text(c, xr + 28, y + h / 2, n_text(d, g, buf,
			   sizeof buf), 8.5, T_CENTER | T_MIDDLE, 54);
		if (!shown(g)) {
			if (g && g->suppressed) {
				chart_hatch(c, xs.r0, y, xs.r1 - xs.r0, h);
				chart_colour(c, chart_ink);
				chart_text(c, (xs.r0 + xs.r1) / 2, y + h / 2,
					   hidden_text(d, g), 9,
					   T_CENTER | T_MIDDLE, 0);
			}
			continue;
		}
		x = xs.r0;
		for (b = 0; b < 4; b++) {
			double share = 100.0 * g->band[b] / g->n;
			double w = (xs.r1 - xs.r0) * share / 100;
			struct rgb rgb = label_band_rgb(b);

			if (g->band[b] == 0)
				continue;
			chart_colour(c, rgb);
			cairo_rectangle(c->cr, x, y, w, h);
			cairo_fill(c->cr);
			if (w >= 26) {
				snprintf(buf, sizeof buf, "%.0f%%", share);
				chart_colour(c, chart_luminance(rgb) < 0.45 ?
					     (struct rgb){ 1, 1, 1 } :
					     chart_ink);
				chart_text(c, x + w / 2, y + h / 2, buf, 8,
					   T_CENTER | T_MIDDLE, 0);
			}
			x += w;
		}
	}
}

/* ---- 3. heatmap of implemented rates --------------------------------- */

static void
fig_heatmap(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	double top, rh, cw, x0 = PLOT_X, x1 = c->w - 24, y, lx;
	int i, qn, nrows = d->ninds + 1;
	char buf[96];

	if (frame(c, d, FIG_HEATMAP, d->rs.ng ? NULL : NO_RUN, &top))
		return;
	/* legend: a colour ramp, the weak-cell mark, the n<5 hatch */
	lx = 24;
	chart_colour(c, chart_ink);
	lx += chart_text(c, lx, top + 8, "実施率", 9, T_MIDDLE, 0) + 6;
	for (i = 0; i < 50; i++) {
		chart_colour(c, chart_sequential(i / 49.0));
		cairo_rectangle(c->cr, lx + i * 2.4, top + 3, 2.5, 10);
		cairo_fill(c->cr);
	}
	chart_colour(c, chart_muted);
	chart_text(c, lx, top + 14, "0%", 7.5, T_CENTER, 0);
	chart_text(c, lx + 120, top + 14, "100%", 7.5, T_CENTER, 0);
	lx += 140;
	chart_colour(c, label_okabe_ito[OI_VERMILION]);
	cairo_set_line_width(c->cr, 2);
	cairo_rectangle(c->cr, lx + 1, top + 2, 14, 12);
	cairo_stroke(c->cr);
	chart_colour(c, chart_ink);
	lx += 20 + chart_text(c, lx + 20, top + 8, "全業種より有意に低い"
			      "（95%信頼区間の上限が全業種の実施率未満）",
			      9, T_MIDDLE, 0) + 14;
	chart_hatch(c, lx, top + 3, 14, 10);
	chart_colour(c, chart_ink);
	chart_text(c, lx + 18, top + 8, d->nlt, 9, T_MIDDLE, 0);
	top += 30;
	/* column heads: part names over question numbers */
	cw = (x1 - x0) / NQUESTIONS;
	for (i = 1; i <= NPARTS; i++) {
		int a = 0, b = 0;

		for (qn = 1; qn <= NQUESTIONS; qn++)
			if (catalogue_question(qn)->part == i) {
				if (!a)
					a = qn;
				b = qn;
			}
		if (!a)
			continue;
		chart_colour(c, chart_muted);
		cairo_set_line_width(c->cr, 0.8);
		cairo_move_to(c->cr, x0 + (a - 1) * cw + 2, top + 13);
		cairo_line_to(c->cr, x0 + b * cw - 2, top + 13);
		cairo_stroke(c->cr);
		snprintf(buf, sizeof buf, "%s", catalogue_part_name(i));
		chart_text(c, x0 + (a - 1 + b) * cw / 2, top + 11, buf, 8,
			   T_CENTER | T_BOTTOM, (b - a + 1) * cw);
	}
	top += 16;
	chart_colour(c, chart_ink);
	for (qn = 1; qn <= NQUESTIONS; qn++) {
		snprintf(buf, sizeof buf, "Q%d", qn);
		chart_text(c, x0 + (qn - 0.5) * cw, top, buf, 7.5, T_CENTER,
			   0);
	}
	top += 14;
	rh = (CHART_H - 40 - top) / nrows;
	if (rh > 22)
		rh = 22;
	for (i = 0; i < nrows; i++) {
		const char *ind = i == 0 ? "*" : d->inds[i - 1];
		const struct run_group *g = find_grp(d, ind, "*", "*");

		y = top + i * rh;
		chart_colour(c, chart_ink);
		chart_text(c, x0 - 8, y + rh / 2, label_industry(ind, buf,
			   sizeof buf), 9, T_RIGHT | T_MIDDLE |
			   (i == 0 ? T_BOLD : 0), LABEL_W - 40);
		chart_colour(c, g && g->suppressed ? chart_suppressed_rgb :
			     chart_muted);
		chart_text(c, 24, y + rh / 2, n_text(d, g, buf, sizeof buf),
			   7.5, T_MIDDLE, 40);
		if (!shown(g)) {
			chart_hatch(c, x0, y + 1, x1 - x0, rh - 2);
			chart_colour(c, chart_ink);
			chart_text(c, (x0 + x1) / 2, y + rh / 2,
				   g ? hidden_text(d, g) : "–", 9,
				   T_CENTER | T_MIDDLE, 0);
			continue;
		}
		for (qn = 1; qn <= NQUESTIONS; qn++) {
			const struct run_question *q = find_q(d, ind, "*", qn);
			double x = x0 + (qn - 1) * cw;
			struct rgb rgb;

			if (!q || !q->has_rate) {
				chart_colour(c, chart_grid_rgb);
				cairo_rectangle(c->cr, x + 0.5, y + 0.5,
						cw - 1, rh - 1);
				cairo_fill(c->cr);
				chart_colour(c, chart_muted);
				chart_text(c, x + cw / 2, y + rh / 2, "–", 7,
					   T_CENTER | T_MIDDLE, 0);
				continue;
			}
			rgb = chart_sequential(q->rate);
			chart_colour(c, rgb);
			cairo_rectangle(c->cr, x + 0.5, y + 0.5, cw - 1,
					rh - 1);
			cairo_fill(c->cr);
			if (q->below && i > 0) {
				chart_colour(c, label_okabe_ito[OI_VERMILION]);
				cairo_set_line_width(c->cr, 2);
				cairo_rectangle(c->cr, x + 1.5, y + 1.5,
						cw - 3, rh - 3);
				cairo_stroke(c->cr);
			}
			if (rh >= 11) {
				snprintf(buf, sizeof buf, "%.0f",
					 100 * q->rate);
				chart_colour(c, chart_luminance(rgb) < 0.45 ?
					     (struct rgb){ 1, 1, 1 } :
					     chart_ink);
				chart_text(c, x + cw / 2, y + rh / 2, buf,
					   rh < 15 ? 6.5 : 7.5,
					   T_CENTER | T_MIDDLE, 0);
			}
		}
	}
	chart_colour(c, chart_muted);
	chart_text(c, x1, top + nrows * rh + 3, "セルの数字は実施率（%）",
		   8, T_RIGHT, 0);
}

/* ---- 4. weakest questions by star level ------------------------------ */

static int
cmp_rate(const void *a, const void *b)
{
	const struct run_question *x = *(const struct run_question *const *)a;
	const struct run_question *y = *(const struct run_question *const *)b;

	if (x->rate != y->rate)
		return x->rate < y->rate ? -1 : 1;
	return x->qno - y->qno;
}

/*
 * The legend of the star-level charts: the series in leg[0..nleg), then a
 * hatched entry for each star level too small to show.  Drawn below top
 * with gap after it; the labels are freed.  Returns the new top.
 */
static double
star_legend(struct chart *c, const struct fig_data *d, double top,
	    struct chart_legend_item *leg, int nleg, double gap)
{
	int k;

	for (k = 0; k < d->nstars; k++) {
		const struct run_group *g = find_grp(d, "*", "*", d->stars[k]);

		if (!shown(g)) {
			leg[nleg].label = xasprintf("%s (%s)",
				fig_star_label(d->stars[k]),
				hidden_text(d, g));
			leg[nleg].rgb = chart_suppressed_rgb;
			leg[nleg].mark = MARK_HATCH;
			leg[nleg++].dash = 0;
		}
	}
	top += chart_legend(c, 24, top, c->w - 48, leg, nleg) + gap;
	for (k = 0; k < nleg; k++)
		free((char *)leg[k].label);
	return top;
}

static void
fig_weakest(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	const struct run_question *weak[NQUESTIONS];
	const char *series[MAXSERIES];
	struct chart_legend_item leg[MAXSERIES];
	struct chart_scale xs;
	const struct run_group *all = find_grp(d, "*", "*", "*");
	double ticks[32], top, rh, bh, lo = 0, hi = 100, lw = 210;
	int nt, i, k, nw = 0, ns = 0, nleg = 0;
	char buf[160], nb[LABEL_COUNT_SIZE];

	if (frame(c, d, FIG_WEAKEST, all_hidden(all), &top))
		return;
	for (i = 1; i <= NQUESTIONS; i++) {
		const struct run_question *q = find_q(d, "*", "*", i);

		if (q && q->has_rate)
			weak[nw++] = q;
	}
	qsort(weak, nw, sizeof weak[0], cmp_rate);
	if (nw > NWEAKEST)
		nw = NWEAKEST;
	series[ns++] = "*";
	for (k = 0; k < d->nstars; k++)
		if (shown(find_grp(d, "*", "*", d->stars[k])))
			series[ns++] = d->stars[k];
	for (k = 0; k < ns; k++) {
		const struct run_group *g = find_grp(d, "*", "*", series[k]);

		leg[nleg].label = xasprintf("%s (n=%s)",
					    fig_star_label(series[k]),
					    label_count(g->n, nb, sizeof nb));
		leg[nleg].rgb = k == 0 ? chart_muted : star_rgb(series[k]);
		leg[nleg].mark = MARK_BOX;
		leg[nleg++].dash = 0;
	}
	top = star_legend(c, d, top, leg, nleg, 10);
	nt = chart_ticks(&lo, &hi, 10, ticks);
	xs = (struct chart_scale){ lo, hi, 24 + lw + 8, c->w - 24 - 30 };
	rh = nw ? (PLOT_BOTTOM - top) / nw : 0;
	if (rh > 40)
		rh = 40;
	bh = rh * 0.8 / ns;
	for (i = 0; i < nw; i++)
		row_band(c, 24, top + i * rh, c->w - 48, rh, i);
	chart_xaxis(c, &xs, top + nw * rh, top, ticks, nt, "%.0f%%",
		    "「実施している」と答えた会社の割合（該当しないを除く）");
	for (i = 0; i < nw; i++) {
		const struct question *qq = catalogue_question(weak[i]->qno);
		double y = top + i * rh + rh * 0.1;

		snprintf(buf, sizeof buf, "Q%d %s", qq->no, qq->label);
		chart_colour(c, chart_ink);
		chart_text(c, xs.r0 - 8, top + (i + 0.5) * rh, buf, 9.5,
			   T_RIGHT | T_MIDDLE, lw);
		for (k = 0; k < ns; k++) {
			const struct run_question *q = find_q(d, "*", series[k],
						     weak[i]->qno);
			struct rgb rgb = k == 0 ? chart_muted :
					       star_rgb(series[k]);
			double w;

			if (!q || !q->has_rate)
				continue;
			w = chart_map(&xs, 100 * q->rate) - xs.r0;
			chart_colour(c, rgb);
			cairo_rectangle(c->cr, xs.r0, y + k * bh, w,
					bh - 0.6);
			cairo_fill(c->cr);
			if (bh >= 7) {
				snprintf(buf, sizeof buf, "%.0f%%",
					 100 * q->rate);
				chart_colour(c, chart_ink);
				chart_text(c, xs.r0 + w + 3, y + (k + 0.5) *
					   bh, buf, bh >= 9 ? 7.5 : 6.5,
					   T_MIDDLE, 0);
			}
		}
	}
}

/* ---- 5. score distribution by star level ----------------------------- */

/*
 * Bins of ten points (0-9 ... 90-99), one for negative totals and one for
 * 100 alone, so that the bins nest inside IPA's bands.
 */
#define NBINS 12

static int
bin_of(int score)
{
	if (score >= SCORE_MAX)
		return NBINS - 1;
	if (score < 0)
		return 0;
	return 1 + score / 10;
}

static const char *
bin_label(int b, char *buf, size_t n)
{
	if (b == 0)
		snprintf(buf, n, "0未満");
	else if (b == NBINS - 1)
		snprintf(buf, n, "100");
	else
		snprintf(buf, n, "%d〜%d", 10 * (b - 1), 10 * (b - 1) + 9);
	return buf;
}

static void
fig_distribution(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	const char *series[MAXSERIES];
	struct chart_legend_item leg[MAXSERIES];
	double share[MAXSERIES][NBINS], yt[32], top, ylo, yhi = 0, x0 = 90,
	       x1 = c->w - 30, bw;
	struct chart_scale ys;
	const struct run_group *all = find_grp(d, "*", "*", "*");
	int i, k, b, ns = 0, nleg = 0, nyt;
	/* first and last bin of each band: 100, 70-99, 50-69, <=49 */
	static const int band_bins[4][2] = { { 11, 11 }, { 8, 10 }, { 6, 7 },
					     { 0, 5 } };
	char buf[32], nb[LABEL_COUNT_SIZE];

	if (frame(c, d, FIG_DISTRIBUTION, all_hidden(all), &top))
		return;
	series[ns++] = "*";
	for (k = 0; k < d->nstars; k++)
		if (shown(find_grp(d, "*", "*", d->stars[k])))
			series[ns++] = d->stars[k];
	memset(share, 0, sizeof share);
	for (k = 0; k < ns; k++) {
		const struct run_group *g = find_grp(d, "*", "*", series[k]);

		for (i = 0; i < d->rs.nh; i++) {
			const struct run_hist *h = &d->rs.h[i];

			if (!strcmp(h->ind, "*") && !strcmp(h->star, series[k]))
				share[k][bin_of(h->score)] +=
					100.0 * h->n / g->n;
		}
		for (b = 0; b < NBINS; b++)
			if (share[k][b] > yhi)
				yhi = share[k][b];
		leg[nleg].label = xasprintf("%s (n=%s)",
					    fig_star_label(series[k]),
					    label_count(g->n, nb, sizeof nb));
		leg[nleg].rgb = k == 0 ? chart_muted : star_rgb(series[k]);
		leg[nleg].mark = k == 0 ? MARK_BOX : MARK_LINE;
		leg[nleg++].dash = k == 0 ? 0 : star_dash(series[k]);
	}
	top = star_legend(c, d, top, leg, nleg, 22);
	ylo = 0;
	if (yhi <= 0)
		yhi = 10;
	nyt = chart_ticks(&ylo, &yhi, 5, yt);
	ys = (struct chart_scale){ ylo, yhi, PLOT_BOTTOM, top };
	bw = (x1 - x0) / NBINS;
	/* the four bands behind the data, named along the top */
	for (b = 0; b < 4; b++) {
		double a = x0 + band_bins[b][0] * bw,
		       z = x0 + (band_bins[b][1] + 1) * bw;

		chart_colour_a(c, label_band_rgb(b), 0.10);
		cairo_rectangle(c->cr, a, top, z - a, PLOT_BOTTOM - top);
		cairo_fill(c->cr);
		chart_colour(c, chart_muted);
		chart_text(c, (a + z) / 2, top - 2, label_band(b), 8,
			   T_CENTER | T_BOTTOM, z - a);
	}
	chart_yaxis(c, &ys, x0, x1, yt, nyt, "%.0f%%", "会社の割合（%）");
	chart_colour(c, chart_muted);
	cairo_set_line_width(c->cr, 0.8);
	cairo_move_to(c->cr, x0, PLOT_BOTTOM);
	cairo_line_to(c->cr, x1, PLOT_BOTTOM);
	cairo_stroke(c->cr);
	for (b = 0; b < NBINS; b++)
		chart_text(c, x0 + (b + 0.5) * bw, PLOT_BOTTOM + 5,
			   bin_label(b, buf, sizeof buf), 9, T_CENTER, bw);
	chart_colour(c, chart_ink);
	chart_text(c, (x0 + x1) / 2, PLOT_BOTTOM + 21, "合計点（点）", 10,
		   T_CENTER, 0);
	/* all companies as bars, star levels as lines over them */
	for (b = 0; b < NBINS; b++) {
		double y = chart_map(&ys, share[0][b]);

		if (share[0][b] <= 0)
			continue;
		chart_colour(c, chart_tint(chart_muted, 0.45));
		cairo_rectangle(c->cr, x0 + b * bw + 3, y, bw - 6,
				PLOT_BOTTOM - y);
		cairo_fill(c->cr);
	}
	for (k = 1; k < ns; k++) {
		chart_colour(c, star_rgb(series[k]));
		cairo_set_line_width(c->cr, 2);
		chart_dash(c, star_dash(series[k]));
		for (b = 0; b < NBINS; b++) {
			double x = x0 + (b + 0.5) * bw,
			       y = chart_map(&ys, share[k][b]);

			if (b == 0)
				cairo_move_to(c->cr, x, y);
			else
				cairo_line_to(c->cr, x, y);
		}
		cairo_stroke(c->cr);
		chart_dash(c, 0);
		for (b = 0; b < NBINS; b++) {
			cairo_arc(c->cr, x0 + (b + 0.5) * bw,
				  chart_map(&ys, share[k][b]), 2.6, 0,
				  2 * M_PI);
			cairo_fill(c->cr);
		}
	}
}

/* ---- 6. trend of the mean score -------------------------------------- */

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian). */
static long
days_of(const char *s)
{
	int y = atoi(s), m = atoi(s + 5), dd = atoi(s + 8);
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
fig_trend(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	const char *series[MAXSERIES];
	struct chart_legend_item leg[MAXSERIES];
	struct chart_scale xs, ys;
	double yt[32], top, ylo = 1e9, yhi = -1e9;
	long dmin = 0, dmax = 0;
	int i, k, ns = 0, nleg = 0, nyt, nruns = 0, every, shownpts = 0;
	const char *last = "";

	frame(c, d, FIG_TREND, NULL, &top);
	series[ns++] = "*";
	for (k = 0; k < d->nstars; k++)
		series[ns++] = d->stars[k];
	for (i = 0; i < d->nt; i++) {
		const struct trend *t = &d->t[i];

		if (strcmp(t->as_of, last) != 0) {
			long day = days_of(t->as_of);

			if (nruns == 0 || day < dmin)
				dmin = day;
			if (nruns == 0 || day > dmax)
				dmax = day;
			nruns++;
			last = t->as_of;
		}
		if (t->suppressed || !t->has_mean)
			continue;
		for (k = 0; k < ns; k++)
			if (strcmp(t->star, series[k]) == 0)
				break;
		if (k == ns)
			continue;
		shownpts++;
		if (t->mean < ylo)
			ylo = t->mean;
		if (t->mean > yhi)
			yhi = t->mean;
	}
	if (shownpts == 0) {
		nothing_to_show(c, top, "表示できる値がありません"
				"（どの回も集計対象が少なすぎます）");
		return;
	}
	for (k = 0; k < ns; k++) {
		const struct run_group *g = find_grp(d, "*", "*", series[k]);
		char nb[32];

		leg[nleg].label = xasprintf("%s (%s)",
			fig_star_label(series[k]), n_text(d, g, nb,
							  sizeof nb));
		leg[nleg].rgb = k == 0 ? chart_ink : star_rgb(series[k]);
		leg[nleg].mark = MARK_LINE;
		leg[nleg++].dash = k == 0 ? 0 : star_dash(series[k]);
	}
	top += chart_legend(c, 24, top, c->w - 48, leg, nleg) + 12;
	for (k = 0; k < nleg; k++)
		free((char *)leg[k].label);
	/* a span of at least 10 points keeps small wobbles small */
	if (yhi - ylo < 10) {
		double mid = (ylo + yhi) / 2;

		ylo = mid - 5;
		yhi = mid + 5;
	}
	if (ylo < SCORE_MIN)
		ylo = SCORE_MIN;
	if (yhi > SCORE_MAX)
		yhi = SCORE_MAX;
	nyt = chart_ticks(&ylo, &yhi, 6, yt);
	ys = (struct chart_scale){ ylo, yhi, PLOT_BOTTOM, top };
	xs = (struct chart_scale){ dmin, dmax, 100, c->w - 60 };
	chart_yaxis(c, &ys, 70, c->w - 40, yt, nyt, "%.0f", "平均点（点）");
	/* the runs' dates on the x axis, thinned to fit */
	every = nruns > 8 ? (nruns + 7) / 8 : 1;
	chart_colour(c, chart_muted);
	cairo_set_line_width(c->cr, 0.8);
	cairo_move_to(c->cr, 70, PLOT_BOTTOM);
	cairo_line_to(c->cr, c->w - 40, PLOT_BOTTOM);
	cairo_stroke(c->cr);
	last = "";
	for (i = 0, k = 0; i < d->nt; i++) {
		double x;

		if (strcmp(d->t[i].as_of, last) == 0)
			continue;
		last = d->t[i].as_of;
		x = chart_map(&xs, days_of(last));
		cairo_move_to(c->cr, x, PLOT_BOTTOM);
		cairo_line_to(c->cr, x, PLOT_BOTTOM + 4);
		cairo_stroke(c->cr);
		if (k % every == 0 || k == nruns - 1)
			chart_text(c, x, PLOT_BOTTOM + 6, last, 8.5, T_CENTER,
				   0);
		k++;
	}
	chart_colour(c, chart_ink);
	chart_text(c, (100 + c->w - 60) / 2, PLOT_BOTTOM + 21,
		   "集計の基準日", 10, T_CENTER, 0);
	for (k = 0; k < ns; k++) {
		struct rgb rgb = k == 0 ? chart_ink :
				       star_rgb(series[k]);
		int pen = 0;

		chart_colour(c, rgb);
		cairo_set_line_width(c->cr, k == 0 ? 2.4 : 1.8);
		chart_dash(c, k == 0 ? 0 : star_dash(series[k]));
		for (i = 0; i < d->nt; i++) {
			const struct trend *t = &d->t[i];
			double x, y;

			if (strcmp(t->star, series[k]) != 0)
				continue;
			if (t->suppressed || !t->has_mean) {
				pen = 0;	/* a gap, never a value */
				continue;
			}
			x = chart_map(&xs, days_of(t->as_of));
			y = chart_map(&ys, t->mean);
			if (pen)
				cairo_line_to(c->cr, x, y);
			else
				cairo_move_to(c->cr, x, y);
			pen = 1;
		}
		cairo_stroke(c->cr);
		chart_dash(c, 0);
		for (i = 0; i < d->nt; i++) {
			const struct trend *t = &d->t[i];

			if (strcmp(t->star, series[k]) != 0 ||
			    t->suppressed || !t->has_mean)
				continue;
			cairo_arc(c->cr, chart_map(&xs, days_of(t->as_of)),
				  chart_map(&ys, t->mean), 3, 0, 2 * M_PI);
			cairo_fill(c->cr);
		}
	}
}

/* ---- 7. mean score by size class ------------------------------------- */

static void
fig_by_size(struct chart *c, const void *data)
{
	const struct fig_data *d = data;
	const char *cls[SIZE_NCLASSES + 1];
	struct chart_scale ys;
	struct chart_legend_item leg[3];
	double yt[32], top, lo = 0, hi = 100, slot, x0 = 90, x1;
	int i, ncls = 0, nyt;
	char buf[64];

	frame(c, d, FIG_BY_SIZE, NULL, &top);
	for (i = 0; i < SIZE_NCLASSES; i++)
		if (find_grp(d, "*", size_classes[i], "*"))
			cls[ncls++] = size_classes[i];
	if (find_grp(d, "*", "unknown", "*"))
		cls[ncls++] = "unknown";
	if (ncls == 0) {
		nothing_to_show(c, top, NO_RUN);
		return;
	}
	leg[0] = (struct chart_legend_item){ "平均点",
		label_okabe_ito[OI_BLUE], MARK_BOX, 0 };
	leg[1] = (struct chart_legend_item){ "95%信頼区間", chart_ink,
		MARK_LINE, 0 };
	leg[2] = (struct chart_legend_item){ d->nlt, chart_suppressed_rgb,
		MARK_HATCH, 0 };
	top += chart_legend(c, 24, top, c->w - 48, leg, 3) + 12;
	for (i = 0; i < ncls; i++) {
		const struct run_group *g = find_grp(d, "*", cls[i], "*");

		if (shown(g) && g->has_mean && g->has_sd && g->n > 1 &&
		    g->mean - 1.96 * g->sd / sqrt(g->n) < lo)
			lo = g->mean - 1.96 * g->sd / sqrt(g->n);
	}
	if (lo < SCORE_FLOOR)
		lo = SCORE_FLOOR;
	nyt = chart_ticks(&lo, &hi, 6, yt);
	ys = (struct chart_scale){ lo, hi, PLOT_BOTTOM - 16, top };
	x1 = c->w - 30;
	chart_yaxis(c, &ys, x0, x1, yt, nyt, "%.0f", "平均点（点、満点100）");
	slot = (x1 - x0) / ncls;
	for (i = 0; i < ncls; i++) {
		const struct run_group *g = find_grp(d, "*", cls[i], "*");
		double xc = x0 + (i + 0.5) * slot, bw = slot * 0.55,
		       base = chart_map(&ys, lo > 0 ? lo : 0);

		chart_colour(c, chart_ink);
		chart_text(c, xc, PLOT_BOTTOM - 12, label_size(cls[i]), 9.5,
			   T_CENTER, slot);
		chart_colour(c, g && g->suppressed ? chart_suppressed_rgb :
			     chart_muted);
		chart_text(c, xc, PLOT_BOTTOM + 2, n_text(d, g, buf,
			   sizeof buf), 8.5, T_CENTER, slot);
		if (!shown(g) || !g->has_mean) {
			if (g && g->suppressed) {
				chart_hatch(c, xc - bw / 2, base - 30, bw, 30);
				chart_colour(c, chart_ink);
				chart_text(c, xc, base - 34,
					   hidden_text(d, g), 9,
					   T_CENTER | T_BOTTOM, 0);
			}
			continue;
		}
		chart_colour(c, label_okabe_ito[OI_BLUE]);
		cairo_rectangle(c->cr, xc - bw / 2, chart_map(&ys, g->mean),
				bw, base - chart_map(&ys, g->mean));
		cairo_fill(c->cr);
		if (g->has_sd && g->n > 1) {
			double half = 1.96 * g->sd / sqrt(g->n);
			double a = chart_map(&ys, g->mean - half < lo ? lo :
					     g->mean - half);
			double b = chart_map(&ys, g->mean + half > hi ? hi :
					     g->mean + half);

			chart_colour(c, chart_ink);
			cairo_set_line_width(c->cr, 1.2);
			cairo_move_to(c->cr, xc, a);
			cairo_line_to(c->cr, xc, b);
			cairo_move_to(c->cr, xc - 6, a);
			cairo_line_to(c->cr, xc + 6, a);
			cairo_move_to(c->cr, xc - 6, b);
			cairo_line_to(c->cr, xc + 6, b);
			cairo_stroke(c->cr);
			snprintf(buf, sizeof buf, "%.1f", g->mean);
			chart_text(c, xc, b - 3, buf, 9, T_CENTER | T_BOTTOM,
				   0);
		} else {
			snprintf(buf, sizeof buf, "%.1f", g->mean);
			chart_colour(c, chart_ink);
			chart_text(c, xc, chart_map(&ys, g->mean) - 3, buf, 9,
				   T_CENTER | T_BOTTOM, 0);
		}
	}
}

const struct figure figures[NFIGURES] = {
	[FIG_MEAN_BY_INDUSTRY] = { "mean-by-industry", "業種別・宣言段階別の平均点",
	  "点は平均点、横線はその95%信頼区間（平均 ± 1.96 × 標準偏差 ÷ √n）。"
	  "右の列は各グループの会社数。区間が重ならない差は偶然では説明しにくい。",
	  fig_mean_by_industry },
	[FIG_BANDS_BY_INDUSTRY] = { "bands-by-industry", "業種別の点数帯の構成",
	  "IPAの4つの点数帯（100点、70〜99点、50〜69点、49点以下）に入る会社の"
	  "割合。49点以下は「いつ事故が起きても不思議ではない」水準。",
	  fig_bands_by_industry },
	[FIG_HEATMAP] = { "heatmap", "業種別・設問別の実施率",
	  "各セルは「実施している」と答えた会社の割合（該当しないを除く）。"
	  "枠で囲んだセルは、その業種の実施率が全業種より統計的に有意に低い設問。",
	  fig_heatmap },
	[FIG_WEAKEST] = { "weakest-questions", "実施率の低い設問（宣言段階別）",
	  "全体で実施率の低い10問を、低い順に並べた。"
	  "宣言段階ごとの棒を比べると、どの層で対策が遅れているかがわかる。",
	  fig_weakest },
	[FIG_DISTRIBUTION] = { "score-distribution", "合計点の分布（宣言段階別）",
	  "灰色の棒は全体、線は宣言段階ごとの分布（各グループ内の割合、10点刻み）。"
	  "背景の色はIPAの点数帯。",
	  fig_distribution },
	[FIG_TREND] = { "trend", "平均点の推移（宣言段階別）",
	  "この基準日までの各回の集計の平均点。"
	  "会社数が最小グループに満たない回は点を打たず、線を途切れさせている。",
	  fig_trend },
	[FIG_BY_SIZE] = { "mean-by-size", "従業員規模別の平均点",
	  "棒は平均点、縦線は95%信頼区間、下の数字は会社数。"
	  "「不明」は従業員数の回答がない会社。",
	  fig_by_size },
};
const int nfigures = NFIGURES;
