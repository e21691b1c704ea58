/*
 * Before and after (see compare.h).  Companies are streamed from
 * state_scan as of D2; for each, its state as of D1 is read on its own
 * (state_scan of one company), so memory stays flat however many
 * companies there are: only the group sums are kept.  The mean change
 * and its interval are paired: one difference per company, now minus
 * then, mean ± t(0.975, n − 1) × SD ÷ √n.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "answer.h"
#include "compare.h"
#include "csvout.h"
#include "db.h"
#include "doc.h"
#include "err.h"
#include "jsic.h"
#include "labels.h"
#include "out.h"
#include "report.h"
#include "score.h"
#include "star.h"
#include "state.h"
#include "when.h"

#define NIND 21			/* A..T, then unknown */
#define NTOP 5			/* questions that improved most */

enum status {
	ST_OK,			/* comparable */
	ST_NEW,			/* no response on or before D1 */
	ST_SAME,		/* no response after D1 */
	ST_INCOMPLETE,		/* a question unanswered then or now */
};

static const char *const status_text[] = {
	[ST_OK] = "比較可能",
	[ST_NEW] = "比較不可（開始日以前の回答なし）",
	[ST_SAME] = "比較不可（期間中の回答なし）",
	[ST_INCOMPLETE] = "比較不可（未回答の設問あり）",
};

struct row {
	const struct company_state *c;	/* now */
	struct compare_side then, now;
	char *name;			/* g_free */
	int ind;			/* 0..NIND-1 */
	enum status status;
	int verdict[NQUESTIONS];	/* +1 improved, -1 worse, 0 same */
	int improved, worse, open;
};

/* Paired differences of a group, Welford's running mean and M2. */
struct acc {
	long n;
	double mean, m2, then_sum, now_sum;
	long band_up, band_down, star_up, star_down;
};

struct ctx {
	const struct render_opts *o;
	const struct render_run *run;
	sqlite3 *db;
	sqlite3_stmt *period;		/* responses in (D1, D2] */
	struct out_dir dir;
	struct csvout csv;
	struct rtext text;
	int64_t end1, end2;
	char d1[11], d2[11];
	struct acc all, ind[NIND];
	long counts[4];			/* per status */
	long q_up[NQUESTIONS], q_down[NQUESTIONS];
	long found;
	int failed;
};

/* ---- statistics ------------------------------------------------------ */

/*
 * The 0.975 quantile of Student's t with df degrees of freedom: a table
 * to 30, then the Cornish-Fisher expansion (error under 1e-4 there).
 */
static double
t975(long df)
{
	static const double table[30] = {
		12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646,
		2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448,
		2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796,
		2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484,
		2.0452, 2.0423,
	};
	double z = 1.959964, n = (double)df;
	double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;

	if (df >= 1 && df <= 30)
		return table[df - 1];
	return z + (z3 + z) / (4 * n) +
	       (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
	       (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

static int
star_rank(const char *s)
{
	return !strcmp(s, "two") ? 2 : !strcmp(s, "one") ? 1 :
	       !strcmp(s, "none") ? 0 : -1;
}

static void
acc_add(struct acc *a, const struct row *r)
{
	double d = r->now.total - r->then.total, delta;
	int bt = score_band(r->then.total), bn = score_band(r->now.total);
	int st = star_rank(r->then.star), sn = star_rank(r->now.star);

	a->n++;
	delta = d - a->mean;
	a->mean += delta / a->n;
	a->m2 += delta * (d - a->mean);
	a->then_sum += r->then.total;
	a->now_sum += r->now.total;
	/* band 0 is the best */
	a->band_up += bn < bt;
	a->band_down += bn > bt;
	if (st >= 0 && sn >= 0) {
		a->star_up += sn > st;
		a->star_down += sn < st;
	}
}

/* ---- one company ----------------------------------------------------- */

static void
side_set(struct compare_side *s, const struct company_state *c)
{
	s->has = 1;
	s->complete = c->complete;
	s->total = c->total;
	memcpy(s->answers, c->answers, sizeof s->answers);
	snprintf(s->star, sizeof s->star, "%s", c->star_level);
	snprintf(s->at, sizeof s->at, "%s", c->submitted_at);
}

static int
then_one(const struct company_state *c, void *arg)
{
	side_set(arg, c);
	return 0;
}

/* How many responses of key fall after D1 and on or before D2. */
static int
in_period(struct ctx *x, const char *key, long *n)
{
	char from[21], to[21];
	int rc;

	when_format(x->end1, from);
	when_format(x->end2, to);
	sqlite3_bind_text(x->period, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(x->period, 2, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(x->period, 3, to, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(x->period);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(x->period, 0) : 0;
	sqlite3_reset(x->period);
	if (rc != SQLITE_ROW)
		return error("database: %s", sqlite3_errmsg(x->db));
	return 0;
}

static void
verdicts(struct row *r, int na_points)
{
	int q;

	for (q = 0; q < NQUESTIONS; q++) {
		int a = (unsigned char)r->now.answers[q];
		int pt = answer_points((unsigned char)r->then.answers[q],
				       na_points);
		int pn = answer_points(a, na_points);

		r->verdict[q] = pn > pt ? 1 : pn < pt ? -1 : 0;
		r->improved += pn > pt;
		r->worse += pn < pt;
		r->open += a != ANS_IMPLEMENTED && a != ANS_NA;
	}
}

static const char *
verdict_text(const struct row *r, int q)
{
	int a = (unsigned char)r->now.answers[q];

	if (r->verdict[q] > 0)
		return a == ANS_IMPLEMENTED || a == ANS_NA ? "改善（達成）" :
		       "改善（継続課題）";
	if (r->verdict[q] < 0)
		return "悪化";
	return a == ANS_IMPLEMENTED || a == ANS_NA ? "実施済み" : "未対応";
}

static void
date_of(char *buf, size_t cap, const struct compare_side *s)
{
	if (s->has)
		report_utc_date_ja(buf, cap, s->at);
	else
		snprintf(buf, cap, "—");
}

static void
csv_side(struct csvout *c, const struct compare_side *s)
{
	char date[11];
	int64_t utc;
	const char *why;

	if (!s->has) {
		csvout_empty(c);
		csvout_empty(c);
		csvout_empty(c);
		csvout_empty(c);
		return;
	}
	if (when_parse(s->at, &utc, &why) == 0) {
		when_jst_date(utc, date);
		csvout_text(c, date);
	} else {
		csvout_empty(c);
	}
	if (s->complete) {
		csvout_int(c, s->total);
		csvout_text(c, score_band_label(score_band(s->total)));
	} else {
		csvout_empty(c);
		csvout_text(c, "未回答あり");
	}
	csvout_text(c, star_label(s->star));
}

static void
csv_row(struct ctx *x, const struct row *r)
{
	struct csvout *c = &x->csv;
	int ind = r->ind < 20 ? 'A' + r->ind : 0;

	csvout_text(c, r->c->company_key);
	csvout_text(c, r->name);
	csvout_text(c, ind ? jsic_short_name(ind) : LABEL_INDUSTRY_UNKNOWN);
	csvout_text(c, status_text[r->status]);
	csv_side(c, &r->then);
	csv_side(c, &r->now);
	if (r->status == ST_OK) {
		csvout_int(c, r->now.total - r->then.total);
		csvout_int(c, r->improved);
		csvout_int(c, r->worse);
		csvout_int(c, r->open);
	} else {
		csvout_empty(c);
		csvout_empty(c);
		csvout_empty(c);
		csvout_empty(c);
	}
	csvout_endrow(c);
}

/* ---- the company's PDF ----------------------------------------------- */

struct company_doc {
	const struct ctx *x;
	const struct row *r;
};

static void
company_draw(struct doc *p, void *arg)
{
	const struct company_doc *cd = arg;
	const struct row *r = cd->r;
	char buf[320], a[32], b[32], d1[32], d2[32];
	double col[] = { 0, 150, 260, 370 };
	int q, d = r->now.total - r->then.total;

	p->footer = "判定は各設問の点数（実施している4点、一部2点、実施して"
		    "いない0点、わからない−1点）の比較です。未対応 = 前回も"
		    "今回も「実施している」でない設問。";
	report_date_ja(d1, sizeof d1, cd->x->d1);
	report_date_ja(d2, sizeof d2, cd->x->d2);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W,
			 "情報セキュリティ対策 取り組みの成果（前後比較）", 16,
			 RT_BOLD, 0.13) + 4;
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, r->name, 13, RT_BOLD,
			 0.13) + 6;
	date_of(a, sizeof a, &r->then);
	date_of(b, sizeof b, &r->now);
	snprintf(buf, sizeof buf, "前回: %s時点（%s回答）　→　今回: %s時点"
		 "（%s回答）", d1, a, d2, b);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 9, 0, 0.35) + 10;

	doc_box(p, DOC_MARGIN, p->y, DOC_W, 46, 0.95);
	snprintf(buf, sizeof buf, "%d点 → %d点（%+d点）", r->then.total,
		 r->now.total, d);
	doc_text(p, DOC_MARGIN + 10, p->y + 6, 0, buf, 16, RT_BOLD,
		 0.13);
	snprintf(buf, sizeof buf, "%s → %s　／　%s → %s",
		 score_band_label(score_band(r->then.total)),
		 score_band_label(score_band(r->now.total)),
		 star_label(r->then.star), star_label(r->now.star));
	doc_text(p, DOC_MARGIN + 10, p->y + 28, DOC_W - 20, buf, 8.5, 0,
		 0.35);
	p->y += 56;
	snprintf(buf, sizeof buf, "改善した設問 %d問　悪化した設問 %d問　"
		 "残る課題 %d問", r->improved, r->worse, r->open);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 10.5, RT_BOLD,
			 0.13) + 8;

	doc_text(p, DOC_MARGIN + col[0], p->y, 0, "設問", 8, RT_BOLD, 0.35);
	doc_text(p, DOC_MARGIN + col[1], p->y, 0, "前回", 8, RT_BOLD, 0.35);
	doc_text(p, DOC_MARGIN + col[2], p->y, 0, "今回", 8, RT_BOLD, 0.35);
	doc_text(p, DOC_MARGIN + col[3], p->y, 0, "判定", 8, RT_BOLD, 0.35);
	p->y += 13;
	doc_rule(p, p->y, 0.5);
	p->y += 3;
	for (q = 0; q < NQUESTIONS; q++) {
		if (r->verdict[q] != 0)
			doc_box(p, DOC_MARGIN, p->y - 1, DOC_W, 17,
				r->verdict[q] > 0 ? 0.92 : 0.88);
		snprintf(buf, sizeof buf, "%d %s", q + 1,
			 catalogue_question(q + 1)->label);
		doc_fit(p, DOC_MARGIN + col[0], p->y + 2, col[1] - col[0] - 6,
			buf, 8.5, 6.5, 0.13);
		doc_text(p, DOC_MARGIN + col[1], p->y + 2, 0,
			 answer_label((unsigned char)r->then.answers[q]), 8.5,
			 0, 0.13);
		doc_text(p, DOC_MARGIN + col[2], p->y + 2, 0,
			 answer_label((unsigned char)r->now.answers[q]), 8.5,
			 0, 0.13);
		doc_text(p, DOC_MARGIN + col[3], p->y + 2, 0,
			 verdict_text(r, q), 8.5,
			 r->verdict[q] != 0 ? RT_BOLD : 0, 0.13);
		p->y += 17;
	}
	doc_rule(p, p->y, 0.5);
}

static int
company_pdf(struct ctx *x, const struct row *r)
{
	char *base = report_file_base(r->c->company_key);
	const char *slash = strrchr(base, '/');
	char *rel = xasprintf("compare/%s.pdf", slash ? slash + 1 : base);
	char *title = xasprintf("取り組みの成果 %s", r->name);
	struct company_doc cd = { x, r };
	int rc = doc_pdf(&x->dir, rel, &x->text, title, x->run->doc_date,
			 company_draw, &cd);

	free(title);
	free(rel);
	free(base);
	return rc;
}

/*
 * Fill r with c (now) against its state as of D1 and say whether the
 * two compare; the verdicts when they do.  r->name is to g_free.
 */
static int
row_fill(struct ctx *x, const struct company_state *c, struct row *r)
{
	long n = 0;

	memset(r, 0, sizeof *r);
	r->c = c;
	r->name = report_display_name(c);
	side_set(&r->now, c);
	r->ind = strlen(c->industry_code) == 1 && c->industry_code[0] >= 'A' &&
		 c->industry_code[0] <= 'T' ? c->industry_code[0] - 'A' : 20;
	if (state_scan(x->db, x->end1, x->run->na_points, c->company_key,
		       then_one, &r->then) < 0 ||
	    in_period(x, c->company_key, &n) != 0) {
		g_free(r->name);
		return -1;
	}
	if (!r->then.has)
		r->status = ST_NEW;
	else if (n == 0)
		r->status = ST_SAME;
	else if (!r->then.complete || !r->now.complete)
		r->status = ST_INCOMPLETE;
	else
		r->status = ST_OK;
	if (r->status == ST_OK)
		verdicts(r, x->run->na_points);
	return 0;
}

static int
one_company(const struct company_state *c, void *arg)
{
	struct ctx *x = arg;
	struct row r;
	int q;

	x->found++;
	if (row_fill(x, c, &r) != 0)
		return -1;
	x->counts[r.status]++;
	if (r.status == ST_OK) {
		acc_add(&x->all, &r);
		acc_add(&x->ind[r.ind], &r);
		for (q = 0; q < NQUESTIONS; q++) {
			x->q_up[q] += r.verdict[q] > 0;
			x->q_down[q] += r.verdict[q] < 0;
		}
		if (company_pdf(x, &r) != 0)
			x->failed = 1;
	}
	csv_row(x, &r);
	g_free(r.name);
	return 0;
}

/* ---- the portfolio: 支援事業の成果報告 --------------------------------- */

static const char *const csv_columns[] = {
	"企業キー", "会社名", "業種", "比較", "前回回答日", "前回得点",
	"前回の段階", "前回の宣言", "今回回答日", "今回得点", "今回の段階",
	"今回の宣言", "得点の変化", "改善した設問", "悪化した設問", "残る課題",
};

/* A group's row of the outcome table; suppressed under the minimum. */
static void
group_row(struct doc *p, const struct ctx *x, const char *label,
	  const struct acc *a)
{
	static const double col[] = { 0, 120, 160, 230, 290, 380, 440 };
	char buf[96], n1[LABEL_COUNT_SIZE];
	double sd, half;

	if (a->n == 0)
		return;
	doc_need(p, 16);
	doc_fit(p, DOC_MARGIN, p->y, col[1] - 6, label, 9, 7, 0.13);
	if (a->n < x->run->min_group) {
		snprintf(buf, sizeof buf, "n<%d", x->run->min_group);
		doc_text(p, DOC_MARGIN + col[1], p->y, 0, buf, 9, 0, 0.35);
		doc_text(p, DOC_MARGIN + col[2], p->y, 0,
			 "（社数が少ないため表示しません）", 8, 0, 0.45);
		p->y += 16;
		return;
	}
	snprintf(buf, sizeof buf, "%s社", label_count(a->n, n1, sizeof n1));
	doc_text(p, DOC_MARGIN + col[1], p->y, 0, buf, 9, 0, 0.13);
	snprintf(buf, sizeof buf, "%.1f → %.1f", a->then_sum / a->n,
		 a->now_sum / a->n);
	doc_text(p, DOC_MARGIN + col[2], p->y, 0, buf, 9, 0, 0.13);
	snprintf(buf, sizeof buf, "%+.1f点", a->mean);
	doc_text(p, DOC_MARGIN + col[3], p->y, 0, buf, 9, RT_BOLD, 0.13);
	if (a->n >= 2) {
		sd = sqrt(a->m2 / (a->n - 1));
		half = t975(a->n - 1) * sd / sqrt((double)a->n);
		snprintf(buf, sizeof buf, "%+.1f 〜 %+.1f", a->mean - half,
			 a->mean + half);
	} else {
		snprintf(buf, sizeof buf, "—（1社）");
	}
	doc_text(p, DOC_MARGIN + col[4], p->y, 0, buf, 9, 0, 0.13);
	snprintf(buf, sizeof buf, "↑%ld ↓%ld", a->band_up, a->band_down);
	doc_text(p, DOC_MARGIN + col[5], p->y, 0, buf, 9, 0, 0.13);
	snprintf(buf, sizeof buf, "↑%ld ↓%ld", a->star_up, a->star_down);
	doc_text(p, DOC_MARGIN + col[6], p->y, 0, buf, 9, 0, 0.13);
	p->y += 16;
}

static void
group_table(struct doc *p, const struct ctx *x)
{
	static const char *const heads[] = { "対象", "社数",
		"平均点（前→今）", "平均の変化", "95%信頼区間", "段階",
		"宣言" };
	static const double col[] = { 0, 120, 160, 230, 290, 380, 440 };
	int i;

	for (i = 0; i < 7; i++)
		doc_text(p, DOC_MARGIN + col[i], p->y, 0, heads[i], 8, RT_BOLD,
			 0.35);
	p->y += 13;
	doc_rule(p, p->y, 0.5);
	p->y += 4;
	group_row(p, x, "比較できた全企業", &x->all);
	for (i = 0; i < NIND; i++)
		group_row(p, x, i < 20 ? jsic_short_name('A' + i) :
			  LABEL_INDUSTRY_UNKNOWN,
			  &x->ind[i]);
	doc_rule(p, p->y, 0.5);
	p->y += 6;
}

static int
top_cmp(const void *pa, const void *pb, void *arg)
{
	const struct ctx *x = arg;
	int a = *(const int *)pa, b = *(const int *)pb;
	long na = x->q_up[a] - x->q_down[a], nb = x->q_up[b] - x->q_down[b];

	if (na != nb)
		return na > nb ? -1 : 1;
	if (x->q_up[a] != x->q_up[b])
		return x->q_up[a] > x->q_up[b] ? -1 : 1;
	return a - b;
}

static void
top_questions(struct doc *p, const struct ctx *x)
{
	int qs[NQUESTIONS], i, shown = 0;
	char buf[200], n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE];

	p->y += 10;
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, "改善が多かった設問", 12,
			 RT_BOLD, 0.13) + 6;
	if (x->all.n < x->run->min_group) {
		snprintf(buf, sizeof buf, "比較できた企業が%d社未満のため表示"
			 "しません。", x->run->min_group);
		p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 9, 0, 0.35);
		return;
	}
	for (i = 0; i < NQUESTIONS; i++)
		qs[i] = i;
	g_qsort_with_data(qs, NQUESTIONS, sizeof *qs, top_cmp, (void *)x);
	for (i = 0; i < NQUESTIONS && shown < NTOP; i++) {
		int q = qs[i];

		if (x->q_up[q] - x->q_down[q] <= 0)
			break;
		snprintf(buf, sizeof buf, "%d. 設問%d %s　改善 %s社・悪化 %s社",
			 ++shown, q + 1, catalogue_question(q + 1)->label,
			 label_count(x->q_up[q], n1, sizeof n1),
			 label_count(x->q_down[q], n2, sizeof n2));
		p->y += doc_text(p, DOC_MARGIN + 8, p->y, DOC_W - 8, buf, 9.5,
				 0, 0.13) + 4;
	}
	if (shown == 0)
		p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W,
				 "改善した企業が悪化した企業より多い設問は"
				 "ありません。", 9, 0, 0.35);
}

static void
outcome_draw(struct doc *p, void *arg)
{
	const struct ctx *x = arg;
	char buf[512], d1[32], d2[32];
	char n1[LABEL_COUNT_SIZE], n2[LABEL_COUNT_SIZE], n3[LABEL_COUNT_SIZE];
	char n4[LABEL_COUNT_SIZE], n5[LABEL_COUNT_SIZE];

	report_date_ja(d1, sizeof d1, x->d1);
	report_date_ja(d2, sizeof d2, x->d2);
	p->footer = "SECURITY ACTIONはIPAの自己宣言制度です。本書は自社診断の"
		    "回答の集計で、対策の実施を保証するものではありません。";
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, "支援事業の成果報告", 18,
			 RT_BOLD, 0.13) + 4;
	snprintf(buf, sizeof buf, "情報セキュリティ自社診断　%s時点と%s時点の"
		 "比較", d1, d2);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 11, 0, 0.13) + 12;
	snprintf(buf, sizeof buf, "比較できた企業 %s社（期間中に再診断し、"
		 "両時点で25問すべてに回答）。比較できなかった企業 %s社：開始日"
		 "以前の回答なし %s社、期間中の回答なし %s社、未回答の設問あり"
		 " %s社。", label_count(x->counts[ST_OK], n1, sizeof n1),
		 label_count(x->counts[ST_NEW] + x->counts[ST_SAME] +
			     x->counts[ST_INCOMPLETE], n2, sizeof n2),
		 label_count(x->counts[ST_NEW], n3, sizeof n3),
		 label_count(x->counts[ST_SAME], n4, sizeof n4),
		 label_count(x->counts[ST_INCOMPLETE], n5, sizeof n5));
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 9.5, 0, 0.13) + 12;
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, "得点の変化", 12,
			 RT_BOLD, 0.13) + 6;
	group_table(p, x);
	snprintf(buf, sizeof buf, "変化 = 今回の得点 − 前回の得点（企業ごと）"
		 "の平均。95%%信頼区間 = 平均 ± t(0.975, n−1) × 標準偏差 ÷ √n"
		 "（対応のある差）。段階 = IPAの得点段階が上がった（↑）・下がった"
		 "（↓）企業数、宣言 = SECURITY ACTIONの宣言段階が上がった・下がっ"
		 "た企業数。%d社未満の集団は個社が特定されないよう数値を表示"
		 "しません。", x->run->min_group);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 7.5, 0, 0.4);
	top_questions(p, x);
}

/* ---- the whole comparison -------------------------------------------- */

static int
scan(struct ctx *x)
{
	const struct render_opts *o = x->o;
	int i, rc = 0;

	if (!o->listed)
		return state_scan(x->db, x->end2, x->run->na_points, NULL,
				  one_company, x);
	for (i = 0; i < o->ncompanies && rc == 0; i++) {
		long before = x->found;

		rc = state_scan(x->db, x->end2, x->run->na_points,
				o->companies[i], one_company, x);
		if (rc == 0 && x->found == before) {
			error("company '%s': no response on or before %s",
			      o->companies[i], x->d2);
			x->failed = 1;
		}
	}
	return rc;
}

/*
 * The part of a comparison every company shares: the statement of the
 * period's responses, the output folder and the PDFs' fonts.  Returns 0
 * or -1 (then nothing is left to release).
 */
static int
ctx_open(struct ctx *x, const struct render_opts *o, sqlite3 *db,
	 const struct render_run *run)
{
	x->o = o;
	x->run = run;
	x->db = db;
	x->dir.fd = -1;
	if (db_prepare(db, &x->period, "SELECT count(*) FROM response"
		       " WHERE company_key = ?1 AND superseded = 0"
		       " AND submitted_at >= ?2 AND submitted_at < ?3"))
		return -1;
	if (out_dir_open(&x->dir, o->out_dir) != 0) {
		sqlite3_finalize(x->period);
		return -1;
	}
	rtext_init(&x->text, o->font ? o->font : "IPAexGothic");
	return 0;
}

static void
ctx_close(struct ctx *x)
{
	rtext_release(&x->text);
	sqlite3_finalize(x->period);
	out_dir_release(&x->dir);
}

/* Set D1 (and D2, when d2 is not NULL); -1 when one is not a date. */
static int
ctx_dates(struct ctx *x, const char *d1, const char *d2)
{
	snprintf(x->d1, sizeof x->d1, "%s", d1);
	if (d2)
		snprintf(x->d2, sizeof x->d2, "%s", d2);
	if (when_as_of(x->d1, &x->end1) != 0 ||
	    when_as_of(x->d2, &x->end2) != 0)
		return error("--since %s, --until %s: not dates", x->d1,
			     x->d2);
	return 0;
}

int
compare_render(const struct render_opts *o, sqlite3 *db,
	       const struct render_run *run)
{
	struct ctx *x = xcalloc(1, sizeof *x);
	struct out_file f;
	char today[11];
	size_t j;
	int rc = -1;

	when_today_jst(today);
	if (ctx_open(x, o, db, run) != 0) {
		free(x);
		return -1;
	}
	if (ctx_dates(x, o->since, o->until ? o->until : today) != 0 ||
	    out_open(&f, &x->dir, "outcome.csv") != 0)
		goto out;
	csvout_init_stream(&x->csv, f.fp);
	for (j = 0; j < sizeof csv_columns / sizeof *csv_columns; j++)
		csvout_text(&x->csv, csv_columns[j]);
	csvout_endrow(&x->csv);
	if (scan(x) != 0) {
		out_abort(&f);
		goto out;
	}
	csvout_commit(&x->csv);
	rc = out_commit(&f);
	if (rc == 0)
		rc = doc_pdf(&x->dir, "outcome.pdf", &x->text, "支援事業の成果報告",
			     run->doc_date, outcome_draw, x);
	info("compare: %ld companies, %ld comparable", x->found,
	     x->counts[ST_OK]);
	if (x->failed)
		rc = -1;
out:
	ctx_close(x);
	free(x);
	return rc;
}

/* ---- an engagement, one company at a time (the site) ----------------- */

struct compare {
	struct ctx x;		/* D2 the run's date, D1 each company's */
};

struct compare *
compare_open(const struct render_opts *o, sqlite3 *db,
	     const struct render_run *run)
{
	struct compare *c = xcalloc(1, sizeof *c);

	if (ctx_open(&c->x, o, db, run) != 0) {
		free(c);
		return NULL;
	}
	snprintf(c->x.d2, sizeof c->x.d2, "%s", run->as_of);
	return c;
}

int
compare_engagement(struct compare *c, const struct company_state *now,
		   const char *since, struct compare_result *res)
{
	struct ctx *x = &c->x;
	struct row r;

	memset(res, 0, sizeof *res);
	if (ctx_dates(x, since, NULL) != 0 || row_fill(x, now, &r) != 0)
		return -1;
	res->comparable = r.status == ST_OK;
	res->why = status_text[r.status];
	res->then = r.then;
	res->now = r.now;
	memcpy(res->verdict, r.verdict, sizeof res->verdict);
	res->improved = r.improved;
	res->worse = r.worse;
	res->open = r.open;
	if (res->comparable)
		res->pdf = company_pdf(x, &r) == 0;
	g_free(r.name);
	return res->comparable && !res->pdf ? -1 : 0;
}

void
compare_close(struct compare *c)
{
	if (!c)
		return;
	ctx_close(&c->x);
	free(c);
}
