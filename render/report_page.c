/*
 * The pages of a company report: what a careful consultant hands to the
 * client.  Page 1 is the verdict (who, the score and its band, how the
 * company stands against its peers, the radar chart and a summary in
 * words); page 2 the working list (every question with the peers' rate,
 * the five priorities with why they matter, the わからない answers to
 * check, the score history) and the notes that define every figure.
 *
 * Everything is drawn top-down with a running y; a section that would not
 * fit starts a new page, so an unusual company (many わからない answers,
 * a long history) gets a third page rather than clipped text.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "err.h"
#include "jsic.h"
#include "labels.h"
#include "pack.h"
#include "report.h"
#include "star.h"
#include "when.h"

#define MARGIN 42.0
#define CONTENT_W (REPORT_PAGE_W - 2 * MARGIN)
#define BOTTOM (REPORT_PAGE_H - 48.0)

/* Neutrals; colours are Okabe & Ito's (lib/labels.h). */
static const struct rgb ink = { 0.13, 0.13, 0.15 };
static const struct rgb muted = { 0.40, 0.40, 0.43 };
static const struct rgb rule = { 0.78, 0.78, 0.80 };
static const struct rgb shade = { 0.94, 0.94, 0.95 };
#define BLUE label_okabe_ito[OI_BLUE]
#define SKYBLUE label_okabe_ito[OI_SKYBLUE]
#define GREEN label_okabe_ito[OI_GREEN]
#define VERMILION label_okabe_ito[OI_VERMILION]

struct page {
	cairo_t *cr;
	struct rtext *t;
	const struct report *r;
	const char *name;	/* company name as shown */
	int pageno;
	double y;
	double row_h;		/* of the question table */
};

/*
 * The colour of what is drawn next.  Texts are queued by report_text.c
 * and drawn together, so anything else must first have them drawn
 * (rtext_flush), or it would go under them; text_colour is for texts.
 */
static void
colour(struct page *p, struct rgb c)
{
	rtext_flush(p->t);
	cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

static void
colour_a(struct page *p, struct rgb c, double alpha)
{
	rtext_flush(p->t);
	cairo_set_source_rgba(p->cr, c.r, c.g, c.b, alpha);
}

static void
text_colour(struct page *p, struct rgb c)
{
	cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

/* c mixed with white: t = 0 gives c, 1 white. */
static struct rgb
tint(struct rgb c, double t)
{
	struct rgb m = { c.r + (1 - c.r) * t, c.g + (1 - c.g) * t,
			 c.b + (1 - c.b) * t };

	return m;
}

static void
fill_rect(struct page *p, double x, double y, double w, double h,
	  struct rgb c)
{
	colour(p, c);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

static void
hline(struct page *p, double x0, double x1, double y, double width,
      struct rgb c)
{
	colour(p, c);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
}

static double
text(struct page *p, double x, double y, double w, const char *s,
     double size, int flags, struct rgb c)
{
	text_colour(p, c);
	return rtext_draw(p->t, x, y, w, s, size, flags);
}

void
report_date_ja(char *buf, size_t cap, const char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(buf, cap, "%d年%d月%d日", y, m, d);
	else
		snprintf(buf, cap, "不明");
}

void
report_utc_date_ja(char *buf, size_t cap, const char *utc)
{
	int64_t t;
	const char *why;
	char d[11];

	if (when_parse(utc, &t, &why) != 0) {
		snprintf(buf, cap, "不明");
		return;
	}
	when_jst_date(t, d);
	report_date_ja(buf, cap, d);
}

/* The company's industry in full ("情報通信業"), or "業種不明". */
static const char *
industry_ja(const char *code)
{
	const char *n = strlen(code) == 1 ? jsic_name(code[0]) : "";

	return *n ? n : LABEL_INDUSTRY_UNKNOWN;
}

static void
footer(struct page *p)
{
	char buf[32];

	hline(p, MARGIN, REPORT_PAGE_W - MARGIN, REPORT_PAGE_H - 34, 0.5,
	      rule);
	text_colour(p, muted);
	rtext_fit(p->t, MARGIN, REPORT_PAGE_H - 30, CONTENT_W - 60, 1,
		  p->name, 7, 7, 0);
	snprintf(buf, sizeof buf, "%d", p->pageno);
	text(p, REPORT_PAGE_W - MARGIN, REPORT_PAGE_H - 30, 0, buf, 7,
	     RT_RIGHT, muted);
}

static void
new_page(struct page *p)
{
	footer(p);
	rtext_flush(p->t);
	cairo_show_page(p->cr);
	p->pageno++;
	p->y = MARGIN;
}

/* Start a new page unless h more points fit on this one. */
static void
need(struct page *p, double h)
{
	if (p->y + h > BOTTOM)
		new_page(p);
}

static void
heading(struct page *p, const char *s)
{
	need(p, 60);
	fill_rect(p, MARGIN, p->y + 2, 3.5, 13, BLUE);
	text(p, MARGIN + 9, p->y, 0, s, 12, RT_BOLD, ink);
	p->y += 22;
}

/* ---- page 1 ------------------------------------------------------------ */

static void
title_block(struct page *p)
{
	const struct report *r = p->r;
	const struct company_state *c = r->c;
	char asof[32], sub[64], buf[160];
	double x2 = MARGIN + CONTENT_W / 2, h;
	struct {
		const char *k;
		const char *v;
	} f[6];
	int i;

	report_date_ja(asof, sizeof asof, r->run->as_of);
	text(p, MARGIN, p->y, 0, "情報セキュリティ自社診断 結果報告書", 15,
	     RT_BOLD, ink);
	snprintf(buf, sizeof buf, "集計基準日 %s", asof);
	text(p, REPORT_PAGE_W - MARGIN, p->y + 5, 0, buf, 8.5, RT_RIGHT,
	     muted);
	p->y += 24;
	hline(p, MARGIN, REPORT_PAGE_W - MARGIN, p->y, 1.5, BLUE);
	p->y += 10;

	text_colour(p, ink);
	h = rtext_fit(p->t, MARGIN, p->y, CONTENT_W - 36, 2, p->name, 19, 11,
		      RT_BOLD);
	text(p, REPORT_PAGE_W - MARGIN, p->y + h - 16, 0, "御中", 11,
	     RT_RIGHT, ink);
	p->y += h + 8;

	report_utc_date_ja(sub, sizeof sub, c->submitted_at);
	if (c->n_departments > 1) {
		size_t l = strlen(sub);

		snprintf(sub + l, sizeof sub - l, "（%d部署の回答を統合）",
			 c->n_departments);
	}
	f[0].k = "法人番号";
	f[0].v = c->corporate_number && *c->corporate_number ?
		 c->corporate_number : "—";
	f[1].k = "業種";
	f[1].v = industry_ja(c->industry_code);
	f[2].k = "従業員規模";
	f[2].v = label_size(c->size_class);
	f[3].k = "SECURITY ACTION";
	f[3].v = star_label(c->star_level);
	f[4].k = "回答日";
	f[4].v = sub;
	f[5].k = "集計基準日";
	f[5].v = asof;
	fill_rect(p, MARGIN, p->y, CONTENT_W, 3 * 16 + 8, shade);
	for (i = 0; i < 6; i++) {
		double x = i % 2 ? x2 : MARGIN + 8;
		double y = p->y + 5 + (i / 2) * 16;

		text(p, x, y + 1, 0, f[i].k, 7.5, 0, muted);
		text_colour(p, ink);
		rtext_fit(p->t, x + 78, y, CONTENT_W / 2 - 92, 1, f[i].v, 9.5,
			  7, 0);
	}
	p->y += 3 * 16 + 8 + 14;
}

static void
score_block(struct page *p)
{
	const struct report *r = p->r;
	const struct company_state *c = r->c;
	double top = p->y, h = 86, lw = 170, y;
	char buf[160];
	struct rgb bc = r->band >= 0 ? label_band_rgb(r->band) : muted;

	fill_rect(p, MARGIN, top, CONTENT_W, h, tint(bc, 0.90));
	fill_rect(p, MARGIN, top, 4, h, bc);
	text(p, MARGIN + 14, top + 8, 0, "総合得点", 9, RT_BOLD, muted);
	if (c->complete) {
		double w, base;

		snprintf(buf, sizeof buf, "%d", c->total);
		w = rtext_width(p->t, buf, 38, RT_BOLD);
		base = top + 20 + rtext_baseline(p->t, buf, 38, RT_BOLD);
		text(p, MARGIN + 14, top + 20, 0, buf, 38, RT_BOLD, ink);
		/* on the number's baseline, so that text reads "89点" */
		text(p, MARGIN + 18 + w,
		     base - rtext_baseline(p->t, "点", 10, 0), 0,
		     "点 ／ 100点", 10, 0, ink);
		fill_rect(p, MARGIN + 14, top + 66, lw - 14, 17, bc);
		text_colour(p, label_band_dark_text(r->band) ? ink :
			    (struct rgb){ 1, 1, 1 });
		rtext_fit(p->t, MARGIN + 14, top + 68.5, lw - 14, 1,
			  score_band_label(r->band), 9, 6.5,
			  RT_BOLD | RT_CENTER);
	} else {
		int miss = 0, i;

		for (i = 0; i < NQUESTIONS; i++)
			miss += c->answers[i] == ANS_MISSING;
		snprintf(buf, sizeof buf, "未回答の設問が%d問あるため、"
			 "得点と他社との比較は算出していません。", miss);
		text(p, MARGIN + 14, top + 26, lw - 20, buf, 9.5, 0, ink);
	}
	y = top + 8;
	text(p, MARGIN + lw + 10, y, 0, "評価", 9, RT_BOLD, muted);
	y += 16;
	if (c->complete)
		y += text(p, MARGIN + lw + 10, y, CONTENT_W - lw - 22,
			  score_band_advice(r->band), 9.5, 0, ink) + 6;
	if (r->n_unknown > 0) {
		snprintf(buf, sizeof buf, "「わからない」と回答した設問: "
			 "%d問（2ページ目で確認をお願いします）",
			 r->n_unknown);
		text(p, MARGIN + lw + 10, y, CONTENT_W - lw - 22, buf, 8.5, 0,
		     VERMILION);
	} else {
		text(p, MARGIN + lw + 10, y, CONTENT_W - lw - 22,
		     "「わからない」と回答した設問: なし", 8.5, 0, muted);
	}
	p->y = top + h + 16;
}

static void
comparison_block(struct page *p)
{
	const struct report *r = p->r;
	static const double colx[] = { 0, 190, 255, 330, 430 };
	static const char *const head[] = {
		"比較対象", "回答社数", "平均点", "パーセンタイル順位", "偏差値"
	};
	char buf[384];	/* the notes: the pooled one is the longest */
	char nb[LABEL_COUNT_SIZE];
	int i, j;

	heading(p, "他社との比較");
	fill_rect(p, MARGIN, p->y, CONTENT_W, 16, shade);
	for (j = 0; j < 5; j++)
		text(p, MARGIN + 6 + colx[j], p->y + 3.5, 0, head[j], 8,
		     RT_BOLD, muted);
	p->y += 16;
	for (i = 0; i < 3; i++) {
		const struct report_cmp *cm = &r->cmp[i];
		double y = p->y + 4;

		if (i == 1)
			snprintf(buf, sizeof buf, "%s（%s）", cm->title,
				 star_label(r->c->star_level));
		else
			snprintf(buf, sizeof buf, "%s", cm->title);
		text_colour(p, ink);
		rtext_fit(p->t, MARGIN + 6, y, colx[1] - 10, 1, buf, 9.5, 7, 0);
		if (!cm->g) {
			text(p, MARGIN + 6 + colx[1], y, 0, "該当なし", 9.5, 0,
			     muted);
		} else if (!cm->shown) {
			snprintf(buf, sizeof buf, "%d社未満",
				 r->run->min_group);
			text(p, MARGIN + 6 + colx[1], y, 0, buf, 9.5, 0,
			     muted);
			text(p, MARGIN + 6 + colx[2], y, 0,
			     "少数のため数値は表示していません", 8.5, 0,
			     muted);
		} else {
			snprintf(buf, sizeof buf, "%s社", label_count(
				 cm->g->n, nb, sizeof nb));
			text(p, MARGIN + 6 + colx[1], y, 0, buf, 9.5, 0, ink);
			snprintf(buf, sizeof buf, "%.1f点", cm->g->mean);
			text(p, MARGIN + 6 + colx[2], y, 0, buf, 9.5, 0, ink);
			if (r->c->complete)
				snprintf(buf, sizeof buf, "%.0f",
					 floor(cm->percentile + 0.5));
			else
				snprintf(buf, sizeof buf, "—");
			text(p, MARGIN + 6 + colx[3], y, 0, buf, 9.5, 0, ink);
			if (r->c->complete && cm->has_dev)
				snprintf(buf, sizeof buf, "%.1f", cm->dev);
			else
				snprintf(buf, sizeof buf, "—");
			text(p, MARGIN + 6 + colx[4], y, 0, buf, 9.5, RT_BOLD,
			     ink);
		}
		p->y += 18;
		hline(p, MARGIN, REPORT_PAGE_W - MARGIN, p->y, 0.4, rule);
	}
	p->y += 5;
	if (r->fallback_note) {
		snprintf(buf, sizeof buf, "※ %s", r->fallback_note);
		p->y += text(p, MARGIN, p->y, CONTENT_W, buf, 8.5, RT_BOLD,
			     VERMILION) + 2;
	}
	p->y += text(p, MARGIN, p->y, CONTENT_W,
		     "偏差値は50が平均、パーセンタイル順位は50が中央です"
		     "（計算方法は下の注記）。", 7.5, 0, muted) + 12;
}

/* ---- the radar chart --------------------------------------------------- */

#define RADAR_R 100.0

static void
radar_point(double cx, double cy, int q, double v, double *x, double *y)
{
	double a = -M_PI / 2 + 2 * M_PI * q / NQUESTIONS;
	double rr = RADAR_R * (v + 1) / 5;	/* -1 at the centre, 4 out */

	if (rr < 0)
		rr = 0;
	*x = cx + rr * cos(a);
	*y = cy + rr * sin(a);
}

static void
radar_poly(struct page *p, double cx, double cy, const double *v,
	   const int *has)
{
	int q, started = 0;

	for (q = 0; q < NQUESTIONS; q++) {
		double x, y;

		if (!has[q])
			continue;
		radar_point(cx, cy, q, v[q], &x, &y);
		if (started)
			cairo_line_to(p->cr, x, y);
		else
			cairo_move_to(p->cr, x, y);
		started = 1;
	}
	if (started)
		cairo_close_path(p->cr);
}

static void
legend_line(struct page *p, double x, double y, struct rgb c, double width,
	    const double *dash, int ndash, const char *label)
{
	colour(p, c);
	cairo_set_line_width(p->cr, width);
	cairo_set_dash(p->cr, dash, ndash, 0);
	cairo_move_to(p->cr, x, y + 5.5);
	cairo_line_to(p->cr, x + 22, y + 5.5);
	cairo_stroke(p->cr);
	cairo_set_dash(p->cr, NULL, 0, 0);
	text(p, x + 28, y, 0, label, 8.5, 0, ink);
}

static void
radar_block(struct page *p)
{
	const struct report *r = p->r;
	static const double dashed[] = { 4, 2.5 }, dotted[] = { 1.2, 2 };
	double cx = MARGIN + RADAR_R + 22, cy, v[NQUESTIONS];
	int has[NQUESTIONS], q, part;
	double lx = MARGIN + 2 * RADAR_R + 64, ly;
	char buf[128];

	heading(p, "対策状況のレーダーチャート");
	need(p, 2 * RADAR_R + 40);
	cy = p->y + RADAR_R + 12;

	/* a light wedge behind each part */
	for (part = 1; part <= NPARTS; part++) {
		int first = 0, last = 0;

		for (q = 1; q <= NQUESTIONS; q++)
			if (catalogue_question(q)->part == part) {
				if (!first)
					first = q;
				last = q;
			}
		colour(p, tint(SKYBLUE, part == 2 ? 0.93 : 0.85));
		cairo_move_to(p->cr, cx, cy);
		cairo_arc(p->cr, cx, cy, RADAR_R,
			  -M_PI / 2 + 2 * M_PI * (first - 1.5) / NQUESTIONS,
			  -M_PI / 2 + 2 * M_PI * (last - 0.5) / NQUESTIONS);
		cairo_close_path(p->cr);
		cairo_fill(p->cr);
	}
	/* rings at 0, 2 and 4 points, spokes, question numbers */
	cairo_set_line_width(p->cr, 0.4);
	for (int ring = 0; ring <= 4; ring += 2) {
		colour(p, rule);
		cairo_new_path(p->cr);
		cairo_arc(p->cr, cx, cy, RADAR_R * (ring + 1) / 5, 0,
			  2 * M_PI);
		cairo_stroke(p->cr);
		snprintf(buf, sizeof buf, "%d", ring);
		text(p, cx + 2, cy - RADAR_R * (ring + 1) / 5 - 1, 0, buf, 6,
		     0, muted);
	}
	for (q = 0; q < NQUESTIONS; q++) {
		double x, y;

		colour(p, rule);
		radar_point(cx, cy, q, 4, &x, &y);
		cairo_move_to(p->cr, cx, cy);
		cairo_line_to(p->cr, x, y);
		cairo_stroke(p->cr);
		radar_point(cx, cy, q, 4.7, &x, &y);
		snprintf(buf, sizeof buf, "%d", q + 1);
		text(p, x, y - 4, 0, buf, 7,
		     RT_CENTER | (report_is_weak(r, q + 1) ? RT_BOLD : 0),
		     report_is_weak(r, q + 1) ? VERMILION : muted);
	}

	/* ★★ mean, peers' mean, then the company on top */
	if (r->two) {
		radar_poly(p, cx, cy, r->two->points, r->two->has_points);
		colour(p, GREEN);
		cairo_set_line_width(p->cr, 1.2);
		cairo_set_dash(p->cr, dotted, 2, 0);
		cairo_stroke(p->cr);
		cairo_set_dash(p->cr, NULL, 0, 0);
	}
	if (r->peers) {
		radar_poly(p, cx, cy, r->peers->points, r->peers->has_points);
		colour(p, BLUE);
		cairo_set_line_width(p->cr, 1.2);
		cairo_set_dash(p->cr, dashed, 2, 0);
		cairo_stroke(p->cr);
		cairo_set_dash(p->cr, NULL, 0, 0);
	}
	for (q = 0; q < NQUESTIONS; q++) {
		v[q] = report_answer_points(r, q + 1);
		has[q] = r->c->answers[q] != ANS_MISSING;
	}
	radar_poly(p, cx, cy, v, has);
	colour_a(p, VERMILION, 0.15);
	cairo_fill_preserve(p->cr);
	colour(p, VERMILION);
	cairo_set_line_width(p->cr, 1.8);
	cairo_stroke(p->cr);

	/* legend and how to read it */
	ly = p->y + 10;
	legend_line(p, lx, ly, VERMILION, 1.8, NULL, 0, "貴社");
	ly += 16;
	snprintf(buf, sizeof buf, "%sの平均%s", r->peers_name,
		 r->peers ? "" : "（少数のため表示なし）");
	legend_line(p, lx, ly, BLUE, 1.2, dashed, 2, buf);
	ly += 16;
	legend_line(p, lx, ly, GREEN, 1.2, dotted, 2,
		    r->two ? "★★ 二つ星企業の平均" :
		    "★★ 二つ星企業の平均（少数のため表示なし）");
	ly += 22;
	ly += text(p, lx, ly, REPORT_PAGE_W - MARGIN - lx,
		   "外側ほど対策ができています（実施している 4点、一部実施 "
		   "2点、実施していない 0点、わからない −1点）。周囲の数字は"
		   "設問番号で、赤字は要改善の設問です。", 7.5, 0, muted) + 10;

	/* points per part against the peers */
	fill_rect(p, lx, ly, REPORT_PAGE_W - MARGIN - lx, 15, shade);
	text(p, lx + 4, ly + 3, 0, "分類", 7.5, RT_BOLD, muted);
	text(p, lx + 120, ly + 3, 0, "貴社", 7.5, RT_BOLD | RT_RIGHT, muted);
	snprintf(buf, sizeof buf, "%sの平均", r->peers_name);
	text(p, REPORT_PAGE_W - MARGIN - 4, ly + 3, 0, buf, 7.5,
	     RT_BOLD | RT_RIGHT, muted);
	ly += 17;
	for (part = 1; part <= NPARTS; part++) {
		int max = 0, got = 0;

		for (q = 1; q <= NQUESTIONS; q++)
			if (catalogue_question(q)->part == part) {
				max += 4;
				got += report_answer_points(r, q);
			}
		snprintf(buf, sizeof buf, "%s", catalogue_part_name(part));
		text(p, lx + 4, ly, 0, buf, 8.5, 0, ink);
		if (r->c->complete)
			snprintf(buf, sizeof buf, "%d／%d", got, max);
		else
			snprintf(buf, sizeof buf, "—");
		text(p, lx + 120, ly, 0, buf, 8.5, RT_RIGHT, ink);
		if (r->peers && r->peers->has_part[part - 1])
			snprintf(buf, sizeof buf, "%.1f",
				 r->peers->part_mean[part - 1]);
		else
			snprintf(buf, sizeof buf, "—");
		text(p, REPORT_PAGE_W - MARGIN - 4, ly, 0, buf, 8.5, RT_RIGHT,
		     ink);
		ly += 14;
	}
	p->y = cy + RADAR_R + 22;
}

/* ---- the summary in words ------------------------------------------------ */

static void
summary_block(struct page *p)
{
	const struct report *r = p->r;
	const struct company_state *c = r->c;
	char buf[1024];
	size_t n = 0;
	int part1_gaps = 0, weak = 0, q;

#define ADD(...) (n += (size_t)snprintf(buf + n, n < sizeof buf ? \
			    sizeof buf - n : 0, __VA_ARGS__))
	for (q = 1; q <= NQUESTIONS; q++) {
		int a = (unsigned char)c->answers[q - 1];

		if (catalogue_question(q)->part == 1 && a != ANS_IMPLEMENTED &&
		    a != ANS_NA)
			part1_gaps++;
		weak += report_is_weak(r, q);
	}
	heading(p, "総評");
	if (c->complete && r->peers) {
		double d = c->total - r->peers->mean;

		ADD("貴社の総合得点は%d点で、%sの平均（%.1f点）", c->total,
		    r->peers_name, r->peers->mean);
		if (fabs(d) < 0.05)
			ADD("と同じです。");
		else
			ADD("を%.1f点%sいます。", fabs(d),
			    d > 0 ? "上回って" : "下回って");
	} else if (c->complete) {
		ADD("貴社の総合得点は%d点です。", c->total);
	}
	if (part1_gaps)
		ADD("基本的対策（設問1〜5）のうち%d項目が十分に実施されて"
		    "いません。基本的対策はすべての企業に欠かせないため、"
		    "最優先で取り組んでください。", part1_gaps);
	else
		ADD("基本的対策（設問1〜5）はすべて実施できています。");
	if (weak)
		ADD("%sと比べて手薄な設問が%d問あります（2ページ目の表で▲を"
		    "付けた設問）。", r->peers ? r->peers_name : "基準", weak);
	if (r->n_unknown)
		ADD("「わからない」と回答した設問が%d問あります。実態を確認"
		    "すると、すでに対策できている場合もあります。",
		    r->n_unknown);
	if (r->nprio)
		ADD("次ページの優先項目から順に、計画的に改善を進めることを"
		    "お勧めします。");
#undef ADD
	need(p, 40);
	p->y += text(p, MARGIN, p->y, CONTENT_W, buf, 9.5, 0, ink) + 12;
}

/* ---- page 2 ------------------------------------------------------------ */

static void
rate_bar(struct page *p, double x, double y, const struct report_group *g,
	 int q)
{
	char buf[16];

	if (!g || !g->has_rate[q - 1]) {
		text(p, x, y, 0, "—", 8.5, 0, muted);
		return;
	}
	fill_rect(p, x, y + 2.5, 60, 7, shade);
	fill_rect(p, x, y + 2.5, 60 * g->rate[q - 1], 7, tint(BLUE, 0.35));
	snprintf(buf, sizeof buf, "%.0f%%", floor(100 * g->rate[q - 1] + 0.5));
	text(p, x + 92, y, 0, buf, 8.5, RT_RIGHT, ink);
}

#define ROW_H 13.0
/* rows when the score history must share page 2 */
#define ROW_H_TIGHT 11.5

static void
question_table(struct page *p)
{
	const struct report *r = p->r;
	static const double cx[] = { 0, 26, 236, 330, 440 };
	char buf[512];
	int q, part = 0;

	heading(p, "設問別の回答");
	need(p, 17 + 28 * p->row_h);
	fill_rect(p, MARGIN, p->y, CONTENT_W, 16, shade);
	text(p, MARGIN + 4 + cx[0], p->y + 4, 0, "No.", 7.5, RT_BOLD, muted);
	text(p, MARGIN + 4 + cx[1], p->y + 4, 0, "対策", 7.5, RT_BOLD, muted);
	text(p, MARGIN + 4 + cx[2], p->y + 4, 0, "貴社の回答", 7.5, RT_BOLD,
	     muted);
	snprintf(buf, sizeof buf, "%sの実施率", r->peers_name);
	text(p, MARGIN + 4 + cx[3], p->y + 4, 0, buf, 7.5, RT_BOLD, muted);
	text(p, MARGIN + 4 + cx[4], p->y + 4, 0, "判定", 7.5, RT_BOLD, muted);
	p->y += 17;
	for (q = 1; q <= NQUESTIONS; q++) {
		const struct question *qq = catalogue_question(q);
		int a = (unsigned char)r->c->answers[q - 1];
		int weak = report_is_weak(r, q);
		double y;

		if (qq->part != part) {
			part = qq->part;
			snprintf(buf, sizeof buf, "Part %d  %s", part,
				 catalogue_part_name(part));
			text(p, MARGIN + 4, p->y + 2, 0, buf, 8, RT_BOLD, BLUE);
			p->y += p->row_h;
		}
		y = p->y + 1.5;
		if (weak)
			fill_rect(p, MARGIN, p->y, CONTENT_W, p->row_h,
				  tint(VERMILION, 0.88));
		snprintf(buf, sizeof buf, "%d", q);
		text(p, MARGIN + 4 + cx[0] + 12, y, 0, buf, 8.5, RT_RIGHT,
		     ink);
		text_colour(p, ink);
		rtext_fit(p->t, MARGIN + 4 + cx[1], y, cx[2] - cx[1] - 8, 1,
			  qq->label, 8.5, 6.5, 0);
		text(p, MARGIN + 4 + cx[2], y, 0, answer_label(a), 8.5,
		     weak ? RT_BOLD : 0, a == ANS_IMPLEMENTED ? ink :
		     weak ? VERMILION : ink);
		rate_bar(p, MARGIN + 4 + cx[3], y, r->peers, q);
		if (weak)
			text(p, MARGIN + 4 + cx[4], y, 0, "▲ 要改善", 8.5,
			     RT_BOLD, VERMILION);
		p->y += p->row_h;
		hline(p, MARGIN, REPORT_PAGE_W - MARGIN, p->y, 0.3, rule);
	}
	p->y += 4;
	snprintf(buf, sizeof buf, "▲ 要改善: 「実施していない」「わからない」"
		 "の設問と、得点が%sの平均を下回る設問。実施率は「実施して"
		 "いる」と回答した企業の割合（該当しないを除く）。",
		 r->peers_name);
	p->y += text(p, MARGIN, p->y, CONTENT_W, buf, 7.5, 0, muted) + 14;
}

static void
priority_block(struct page *p)
{
	const struct report *r = p->r;
	char buf[256];
	int i;

	heading(p, "優先して取り組むべき対策");
	if (r->nprio == 0) {
		p->y += text(p, MARGIN, p->y, CONTENT_W,
			     "すべての設問で対策が実施されています。現在の"
			     "取り組みを継続し、定期的に見直してください。",
			     9.5, 0, ink) + 12;
		return;
	}
	snprintf(buf, sizeof buf, "十分に実施できていない設問を、基本的対策"
		 "（設問1〜5）を先に、次に%sで「実施している」企業の割合が"
		 "高い順に並べています。", r->peers_name);
	p->y += text(p, MARGIN, p->y, CONTENT_W, buf, 8, 0, muted) + 6;
	for (i = 0; i < r->nprio; i++) {
		int q = r->prio[i];
		const struct question *qq = catalogue_question(q);
		const struct report_group *g = r->peers;
		double h;

		need(p, 34);
		fill_rect(p, MARGIN, p->y, 16, 16, VERMILION);
		snprintf(buf, sizeof buf, "%d", i + 1);
		text(p, MARGIN + 8, p->y + 2.5, 0, buf, 9, RT_BOLD | RT_CENTER,
		     (struct rgb){ 1, 1, 1 });
		snprintf(buf, sizeof buf, "設問%d %s", q, qq->label);
		text(p, MARGIN + 24, p->y + 1.5, 0, buf, 10, RT_BOLD, ink);
		if (g && g->has_rate[q - 1])
			snprintf(buf, sizeof buf, "現在: %s ／ %sの実施率 %.0f%%",
				 answer_label((unsigned char)r->c->answers[q - 1]),
				 r->peers_name,
				 floor(100 * g->rate[q - 1] + 0.5));
		else
			snprintf(buf, sizeof buf, "現在: %s",
				 answer_label((unsigned char)r->c->answers[q - 1]));
		text(p, REPORT_PAGE_W - MARGIN, p->y + 3, 0, buf, 8, RT_RIGHT,
		     muted);
		h = text(p, MARGIN + 24, p->y + 16, CONTENT_W - 24, qq->why, 8.5,
			 0, ink);
		p->y += 16 + h + 7;
	}
	p->y += 8;
}

static void
unknown_block(struct page *p)
{
	const struct report *r = p->r;
	char buf[128];
	int q, i = 0;
	double colw = CONTENT_W / 3;

	if (r->n_unknown == 0)
		return;
	heading(p, "「わからない」と回答した設問の確認");
	p->y += text(p, MARGIN, p->y, CONTENT_W,
		     "次の設問は、社内の担当者や委託先（IT業者など）に実態を"
		     "確認し、改めて回答してください。確認できれば得点が"
		     "上がる場合があります。", 8.5, 0, ink) + 6;
	for (q = 1; q <= NQUESTIONS; q++) {
		if (r->c->answers[q - 1] != ANS_UNKNOWN)
			continue;
		if (i % 3 == 0)
			need(p, 14);
		snprintf(buf, sizeof buf, "□ 設問%d %s", q,
			 catalogue_question(q)->label);
		text_colour(p, ink);
		rtext_fit(p->t, MARGIN + 4 + (i % 3) * colw, p->y, colw - 6, 1,
			  buf, 8.5, 6.5, 0);
		if (i % 3 == 2)
			p->y += 14;
		i++;
	}
	if (i % 3 != 0)
		p->y += 14;
	p->y += 10;
}

/*
 * Where the company stands for SECURITY ACTION ★★ (pack.c): each step
 * done or not, then what is missing.  A declaration, never 認定.
 */
static void
readiness_block(struct page *p)
{
	struct pack_readiness rd;
	int i;

	pack_readiness(p->r, &rd);
	heading(p, "★★（二つ星）宣言の準備状況");
	for (i = 0; i < PACK_NSTEPS; i++) {
		double x = MARGIN + 4 + i * CONTENT_W / PACK_NSTEPS;

		text(p, x, p->y, 0, rd.done[i] ? "✓" : "□", 9.5, RT_BOLD,
		     rd.done[i] ? GREEN : VERMILION);
		text_colour(p, ink);
		rtext_fit(p->t, x + 14, p->y, CONTENT_W / PACK_NSTEPS - 20, 1,
			  rd.brief[i], 9, 7, 0);
	}
	p->y += 16;
	p->y += text(p, MARGIN, p->y, CONTENT_W, rd.summary, 9, RT_BOLD,
		     ink) + 14;
}

/* Room the history takes (0 when there is none to show). */
static double
history_height(const struct report *r)
{
	return r->nhist < 2 ? 0 : 22 + 14 * r->nhist + 10;
}

static void
history_block(struct page *p)
{
	const struct report *r = p->r;
	char buf[64], date[32];
	int i, prev = 0, has_prev = 0;

	if (r->nhist < 2)
		return;
	heading(p, "得点の推移");
	need(p, 14 * r->nhist);
	for (i = 0; i < r->nhist; i++) {
		const struct report_hist *h = &r->hist[i];

		report_date_ja(date, sizeof date, h->date);
		text(p, MARGIN + 8, p->y, 0, date, 9, 0, ink);
		if (h->complete) {
			snprintf(buf, sizeof buf, "%d点", h->total);
			text(p, MARGIN + 150, p->y, 0, buf, 9, RT_RIGHT | RT_BOLD,
			     ink);
			text(p, MARGIN + 165, p->y, 0,
			     score_band_label(score_band(h->total)), 8.5, 0,
			     muted);
			if (has_prev && h->total != prev) {
				snprintf(buf, sizeof buf, "（前回比 %+d点）",
					 h->total - prev);
				text(p, MARGIN + 340, p->y, 0, buf, 8.5, 0,
				     h->total > prev ? GREEN : VERMILION);
			}
			prev = h->total;
			has_prev = 1;
		} else {
			text(p, MARGIN + 150, p->y, 0, "未回答あり", 9,
			     RT_RIGHT, muted);
		}
		p->y += 14;
	}
	p->y += 10;
}

static void
notes_text(const struct report *r, char *buf, size_t cap)
{
	snprintf(buf, cap,
		 "・得点は「実施している」4点、「一部実施している」2点、"
		 "「実施していない」0点、「わからない」−1点、「該当しない」"
		 "%d点の合計です（満点100点）。\n"
		 "・複数の部署・拠点で回答された場合は、設問ごとに最も低い回答"
		 "を会社の回答としています。\n"
		 "・偏差値 = 50 + 10 ×（貴社の得点 − 平均点）÷ 標準偏差。"
		 "パーセンタイル順位 = 比較対象のうち貴社より得点が低い企業の"
		 "割合 + 同点の企業の割合の半分。\n"
		 "・回答社数が%d社未満の集団は、個社が特定されないよう数値を"
		 "表示していません。\n"
		 "・SECURITY ACTIONはIPAが運営する自己宣言制度です。本報告書は"
		 "自社診断の回答に基づくもので、対策の実施状況を保証するもの"
		 "ではありません。",
		 r->na_points, r->run->min_group);
}

/* The notes sit at the foot of page 1; returns where they start. */
static double
notes_top(struct page *p, const char *notes)
{
	return BOTTOM - rtext_height(p->t, CONTENT_W, notes, 7, 0) - 6;
}

static void
notes_block(struct page *p, const char *notes, double top)
{
	hline(p, MARGIN, REPORT_PAGE_W - MARGIN, top, 0.4, rule);
	text(p, MARGIN, top + 5, 0 + CONTENT_W, notes, 7, 0, muted);
}

char *
report_display_name(const struct company_state *c)
{
	const char *src = c->company_name && *c->company_name ?
			  c->company_name : c->company_key;
	char *s = g_utf8_make_valid(src, -1), *q;

	for (q = s; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	return s;
}

void
report_draw(cairo_t *cr, struct rtext *t, const struct report *r)
{
	struct page p = { cr, t, r, NULL, 1, MARGIN, ROW_H };
	char *name = report_display_name(r->c);

	char notes[1024];
	double top;
	int history_done = 0, notes_done;

	p.name = name;
	notes_text(r, notes, sizeof notes);
	top = notes_top(&p, notes);
	title_block(&p);
	score_block(&p);
	comparison_block(&p);
	radar_block(&p);
	summary_block(&p);
	if (p.y + history_height(r) < top) {
		history_block(&p);
		history_done = 1;
	}
	/* the notes go to the end when a long name or summary took the room */
	notes_done = p.y < top;
	if (notes_done)
		notes_block(&p, notes, top);
	new_page(&p);
	/* a history left for page 2 gets room from tighter table rows,
	 * rather than a third page for two lines */
	if (!history_done && history_height(r) > 0)
		p.row_h = ROW_H_TIGHT;
	question_table(&p);
	priority_block(&p);
	unknown_block(&p);
	readiness_block(&p);
	if (!history_done)
		history_block(&p);
	if (!notes_done) {
		need(&p, BOTTOM - top);
		notes_block(&p, notes, p.y);
	}
	footer(&p);
	rtext_flush(t);
	cairo_show_page(cr);
	g_free(name);
}
