/*
 * A company's page of the site (companies/<base>.html): the figures of
 * its PDF report as HTML, for the phone and the desk: score and band,
 * the comparison with its peers, priorities, わからない answers, the 25
 * answers against the peers' implemented rate, its score history and,
 * with an engaged day in the settings file, the engagement's before and
 * after (compare.h).
 * The numbers come from the same struct report the PDF is drawn from
 * (report.c), so the page and the PDF cannot disagree.
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "catalogue.h"
#include "compare.h"
#include "err.h"
#include "figures.h"
#include "html.h"
#include "labels.h"
#include "pack.h"
#include "report.h"
#include "score.h"
#include "settings.h"
#include "site.h"
#include "star.h"
#include "when.h"

static void
dl_row(struct out_file *f, const char *term, const char *value)
{
	out_puts(f, "<dt>");
	html_text(f, term);
	out_puts(f, "</dt><dd>");
	html_text(f, value);
	out_puts(f, "</dd>\n");
}

static void
facts(struct out_file *f, const struct report *r)
{
	const struct company_state *c = r->c;
	char buf[96], date[11] = "";
	const char *why;
	int64_t utc;

	out_puts(f, "<dl class=\"facts\">\n");
	if (c->corporate_number && *c->corporate_number)
		dl_row(f, "法人番号", c->corporate_number);
	dl_row(f, "会社キー", c->company_key);
	dl_row(f, "業種", label_industry(c->industry_code, buf, sizeof buf));
	dl_row(f, "従業員規模", label_size(c->size_class));
	dl_row(f, "SECURITY ACTION", star_label(c->star_level));
	if (when_parse(c->submitted_at, &utc, &why) == 0)
		when_jst_date(utc, date);
	dl_row(f, "回答日", date);
	if (c->n_departments > 1) {
		snprintf(buf, sizeof buf, "%d（最も弱い回答で合算）",
			 c->n_departments);
		dl_row(f, "部署・拠点", buf);
	}
	out_puts(f, "</dl>\n");
}

static void
score_box(struct out_file *f, const struct report *r)
{
	const struct company_state *c = r->c;

	out_puts(f, "<section class=\"score\">\n");
	if (c->complete) {
		out_printf(f, "<p class=\"total\"><span class=\"big\">%d</span>"
			   "点 / 100点</p>\n<p class=\"band band%d\">",
			   c->total, r->band);
		html_text(f, label_band(r->band));
		out_puts(f, "：");
		html_text(f, score_band_label(r->band));
		out_puts(f, "</p>\n<p>");
		html_text(f, score_band_advice(r->band));
		out_puts(f, "</p>\n");
	} else {
		out_puts(f, "<p class=\"total\">回答に欠けがあるため、合計点は出せ"
			 "ません。欠けている設問に回答すると集計に含まれます。</p>\n");
	}
	if (r->n_unknown > 0)
		out_printf(f, "<p>わからないの回答 %d問（1問につき−1点）。</p>\n",
			   r->n_unknown);
	out_puts(f, "</section>\n");
}

static void
comparison(struct out_file *f, const struct report *r)
{
	char n1[LABEL_COUNT_SIZE];
	int i;

	out_puts(f, "<section>\n<h2>他社との比較</h2>\n<table class=\"cmp\">"
		 "<thead><tr><th>比較対象</th><th class=\"num\">回答社数</th>"
		 "<th class=\"num\">平均点</th><th class=\"num\">パーセンタイル順位"
		 "</th><th class=\"num\">偏差値</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < 3; i++) {
		const struct report_cmp *cm = &r->cmp[i];

		out_puts(f, "<tr><td data-label=\"比較対象\">");
		html_text(f, cm->title);
		if (i == 1) {
			out_puts(f, "（");
			html_text(f, star_label(r->c->star_level));
			out_puts(f, "）");
		}
		out_puts(f, "</td>");
		if (!cm->g) {
			out_puts(f, "<td colspan=\"4\">該当なし</td>");
		} else if (!cm->shown) {
			out_printf(f, "<td colspan=\"4\">n&lt;%d（少数のため数値は"
				   "表示していません）</td>", r->run->min_group);
		} else {
			out_printf(f, "<td class=\"num\" data-label=\"回答社数\">"
				   "%s社</td><td class=\"num\" data-label=\""
				   "平均点\">%.1f点</td>", label_count(cm->g->n,
				   n1, sizeof n1), cm->g->mean);
			if (r->c->complete)
				out_printf(f, "<td class=\"num\" data-label=\""
					   "パーセンタイル順位\">%.0f</td>",
					   floor(cm->percentile + 0.5));
			else
				out_puts(f, "<td class=\"num\">—</td>");
			if (r->c->complete && cm->has_dev)
				out_printf(f, "<td class=\"num\" data-label=\""
					   "偏差値\">%.1f</td>", cm->dev);
			else
				out_puts(f, "<td class=\"num\">—</td>");
		}
		out_puts(f, "</tr>\n");
	}
	out_puts(f, "</tbody></table>\n");
	if (r->fallback_note) {
		out_puts(f, "<p class=\"warn\">※ ");
		html_text(f, r->fallback_note);
		out_puts(f, "</p>\n");
	}
	out_puts(f, "<p class=\"small\">偏差値 = 50 + 10 ×（得点 − 平均点）÷ 標準偏差"
		 "。パーセンタイル順位は、下回る会社の割合に同点の会社の半分を加え"
		 "たもの（50が中央）。</p>\n</section>\n");
}

static void
priorities(struct out_file *f, const struct report *r)
{
	int i;

	out_puts(f, "<section>\n<h2>優先して取り組むべき対策</h2>\n");
	if (r->nprio == 0) {
		out_puts(f, "<p>すべての設問を実施しています。</p>\n</section>\n");
		return;
	}
	out_puts(f, "<ol class=\"prio\">\n");
	for (i = 0; i < r->nprio; i++) {
		const struct question *q = catalogue_question(r->prio[i]);

		out_printf(f, "<li>Q%d ", q->no);
		html_text(f, q->label);
		out_puts(f, "（");
		html_text(f, answer_label((unsigned char)
					  r->c->answers[q->no - 1]));
		if (r->peers && r->peers->has_rate[q->no - 1])
			out_printf(f, "、%sの%.0f%%が実施", r->peers_name,
				   100 * r->peers->rate[q->no - 1]);
		out_puts(f, "）<br><span class=\"small\">");
		html_text(f, q->why);
		out_puts(f, "</span></li>\n");
	}
	out_puts(f, "</ol>\n<p class=\"small\">実施していない設問から、基本的対策"
		 "（Q1〜Q5）を先に、次に同業の多くがすでに実施している順に並べて"
		 "います。</p>\n</section>\n");
}

static void
unknowns(struct out_file *f, const struct report *r)
{
	int i, first = 1;

	if (r->n_unknown == 0)
		return;
	out_puts(f, "<section>\n<h2>「わからない」と回答した設問</h2>\n<p>");
	for (i = 1; i <= NQUESTIONS; i++) {
		if (r->c->answers[i - 1] != ANS_UNKNOWN)
			continue;
		out_printf(f, "%sQ%d ", first ? "" : "、", i);
		html_text(f, catalogue_question(i)->label);
		first = 0;
	}
	out_puts(f, "</p>\n<p class=\"small\">担当者に確認し、実施状況を確かめてく"
		 "ださい。</p>\n</section>\n");
}

static void
answers(struct out_file *f, const struct report *r)
{
	int i;

	out_puts(f, "<section>\n<h2>25問の回答</h2>\n<table class=\"answers\">"
		 "<thead><tr><th>設問</th><th>回答</th><th class=\"num\">点</th>"
		 "<th>");
	html_text(f, r->peers_name ? r->peers_name : "全体");
	out_puts(f, "の実施率</th></tr></thead>\n<tbody>\n");
	for (i = 1; i <= NQUESTIONS; i++) {
		const struct question *q = catalogue_question(i);
		int a = (unsigned char)r->c->answers[i - 1];
		int pts = report_answer_points(r, i);
		int weak = report_is_weak(r, i);

		out_printf(f, "<tr%s><td data-label=\"設問\">Q%d ",
			   weak ? " class=\"weak\"" : "", i);
		html_text(f, q->label);
		out_puts(f, "</td><td data-label=\"回答\">");
		html_text(f, answer_label(a));
		if (weak)
			out_puts(f, " <span class=\"tag\">要改善</span>");
		out_puts(f, "</td><td class=\"num\" data-label=\"点\">");
		if (pts != -1 || a == ANS_UNKNOWN)
			out_printf(f, "%d", pts);
		out_puts(f, "</td><td data-label=\"実施率\">");
		if (r->peers && r->peers->has_rate[i - 1]) {
			double pc = 100 * r->peers->rate[i - 1];

			out_printf(f, "<span class=\"bar\"><span style=\"width:"
				   "%.0f%%\"></span></span> %.0f%%", pc, pc);
		} else {
			out_puts(f, "—");
		}
		out_puts(f, "</td></tr>\n");
	}
	out_puts(f, "</tbody></table>\n</section>\n");
}

static void
history(struct out_file *f, const struct report *r)
{
	int i;

	out_puts(f, "<section>\n<h2>点数の推移</h2>\n");
	if (r->nhist == 0) {
		out_puts(f, "<p>記録がありません。</p>\n</section>\n");
		return;
	}
	out_puts(f, "<table class=\"hist\"><thead><tr><th>回答日</th>"
		 "<th class=\"num\">合計点</th><th>点数帯</th></tr></thead>\n"
		 "<tbody>\n");
	for (i = 0; i < r->nhist; i++) {
		const struct report_hist *h = &r->hist[i];

		out_printf(f, "<tr><td data-label=\"回答日\">%s</td>", h->date);
		if (h->complete)
			out_printf(f, "<td class=\"num\" data-label=\"合計点\">"
				   "%d</td><td data-label=\"点数帯\">%s</td>",
				   h->total, label_band(score_band(
				   h->total)));
		else
			out_puts(f, "<td class=\"num\">–</td><td>回答に欠けあり"
				 "</td>");
		out_puts(f, "</tr>\n");
	}
	out_puts(f, "</tbody></table>\n</section>\n");
}

/* ★★ readiness, and links to the pack's files that render wrote. */
static void
readiness(struct out_file *f, const struct report *r)
{
	struct pack_readiness rd;
	int i;

	pack_readiness(r, &rd);
	out_puts(f, "<section>\n<h2>★★（二つ星）宣言の準備状況</h2>\n<ul>\n");
	for (i = 0; i < PACK_NSTEPS; i++) {
		out_puts(f, rd.done[i] ? "<li>✓ " : "<li>□ ");
		html_text(f, rd.what[i]);
		out_puts(f, "</li>\n");
	}
	out_puts(f, "</ul>\n<p><strong>");
	html_text(f, rd.summary);
	out_puts(f, "</strong></p>\n");
	if (r->pack_files) {
		out_puts(f, "<p class=\"pdf\">");
		for (i = 0; pack_suffixes[i]; i++) {
			char *rel;

			if (!(r->pack_files & (1u << i)))
				continue;
			rel = pack_file_name(r->c->company_key, i);
			out_puts(f, "<a href=\"../");
			html_href(f, rel);
			out_puts(f, "\">");
			html_text(f, pack_titles[i]);
			out_puts(f, "</a> ");
			free(rel);
		}
		out_puts(f, "</p>\n");
	}
	out_puts(f, "</section>\n");
}

/* One side of the engagement's table: its date, score and band. */
static void
ba_side(struct out_file *f, const char *when, const struct compare_side *d)
{
	char date[32] = "—";

	if (d->has)
		report_utc_date_ja(date, sizeof date, d->at);
	out_puts(f, "<tr><td data-label=\"時点\">");
	html_text(f, when);
	out_puts(f, "</td><td data-label=\"回答日\">");
	html_text(f, date);
	if (d->has && d->complete)
		out_printf(f, "</td><td class=\"num\" data-label=\"合計点\">"
			   "%d点</td><td data-label=\"点数帯\">%s</td></tr>\n",
			   d->total, label_band(score_band(d->total)));
	else
		out_puts(f, "</td><td class=\"num\">—</td><td>—</td></tr>\n");
}

/* The questions whose verdict is v, with their answers then and now. */
static void
ba_questions(struct out_file *f, const struct compare_result *ba, int v,
	     const char *title)
{
	int q;

	out_printf(f, "<h3>%s</h3>\n<ul>\n", title);
	for (q = 0; q < NQUESTIONS; q++) {
		if (ba->verdict[q] != v)
			continue;
		out_printf(f, "<li>Q%d ", q + 1);
		html_text(f, catalogue_question(q + 1)->label);
		out_puts(f, "（");
		html_text(f, answer_label((unsigned char)ba->then.answers[q]));
		out_puts(f, " → ");
		html_text(f, answer_label((unsigned char)ba->now.answers[q]));
		out_puts(f, "）</li>\n");
	}
	out_puts(f, "</ul>\n");
}

/*
 * The engagement's before and after (the settings file's engaged day):
 * the score then and now, the bands, what improved and what got worse,
 * and the comparison's PDF.
 */
static void
before_after(struct out_file *f, const struct report *r,
	     const struct compare_result *ba)
{
	char since[32], as_of[32], *base;

	report_date_ja(since, sizeof since, r->settings->engaged);
	report_date_ja(as_of, sizeof as_of, r->run->as_of);
	out_printf(f, "<section>\n<h2>支援開始からの変化</h2>\n<p>支援開始日 %s"
		   "時点の回答と、基準日 %s時点の回答の比較です。</p>\n",
		   since, as_of);
	out_puts(f, "<table class=\"hist\"><thead><tr><th>時点</th><th>回答日"
		 "</th><th class=\"num\">合計点</th><th>点数帯</th></tr></thead>"
		 "\n<tbody>\n");
	ba_side(f, "支援開始時", &ba->then);
	ba_side(f, "今回", &ba->now);
	out_puts(f, "</tbody></table>\n");
	if (!ba->comparable) {
		out_puts(f, "<p>");
		html_text(f, ba->why);
		out_puts(f, "。支援開始後に、すべての設問に答えた回答があると比較"
			 "できます。</p>\n</section>\n");
		return;
	}
	out_printf(f, "<p><strong>%+d点</strong>（%s → %s）　改善した設問 %d問"
		   "　悪化した設問 %d問　残る課題 %d問</p>\n",
		   ba->now.total - ba->then.total,
		   label_band(score_band(ba->then.total)),
		   label_band(score_band(ba->now.total)), ba->improved,
		   ba->worse, ba->open);
	if (ba->improved)
		ba_questions(f, ba, 1, "改善した設問");
	if (ba->worse)
		ba_questions(f, ba, -1, "悪化した設問");
	if (ba->pdf) {
		base = report_file_base(r->c->company_key);
		out_puts(f, "<p class=\"pdf\"><a href=\"../compare/");
		html_href(f, strrchr(base, '/') ? strrchr(base, '/') + 1 :
			  base);
		out_puts(f, ".pdf\">取り組みの成果（前後比較、PDF）</a></p>\n");
		free(base);
	}
	out_puts(f, "</section>\n");
}

int
site_company_page(const struct site *s, const struct report *r,
		  const char *rel, const char *pdf,
		  const struct compare_result *ba)
{
	const struct company_state *c = r->c;
	const char *name = c->company_name && *c->company_name ?
			   c->company_name : c->company_key;
	struct out_file f;
	char *title;

	if (out_open(&f, &s->d, rel))
		return -1;
	title = xasprintf("%s 自社診断結果（基準日 %s）", name, r->run->as_of);
	site_page_head(s, &f, title, 1);
	free(title);
	out_puts(&f, "<h1>");
	html_text(&f, name);
	out_puts(&f, "</h1>\n");
	if (pdf) {
		out_puts(&f, "<p class=\"pdf\"><a href=\"");
		html_href(&f, pdf);
		out_puts(&f, "\">結果報告書（PDF）</a></p>\n");
	}
	facts(&f, r);
	score_box(&f, r);
	comparison(&f, r);
	priorities(&f, r);
	unknowns(&f, r);
	readiness(&f, r);
	if (ba)
		before_after(&f, r, ba);
	answers(&f, r);
	history(&f, r);
	site_page_foot(s, &f);
	return out_commit(&f);
}
