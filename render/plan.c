/*
 * The improvement plan (see plan.h).  The rows come from the report's
 * own priority order (report.c: Part 1 first, then the questions most
 * peers already implement), so that the plan and the report's top five
 * never disagree; the questions answered 該当しない or left blank have
 * no step to take and are left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <xlsxwriter.h>

#include "answer.h"
#include "chapter.h"
#include "csvout.h"
#include "doc.h"
#include "err.h"
#include "pack.h"
#include "plan.h"
#include "when.h"

static const char *const columns[] = {
	"順位", "設問", "対策", "現在の回答", "規程の章", "次の一歩",
	"担当", "負担", "期限", "状況",
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

/* The questions of the plan, in order; returns how many. */
static int
plan_rows(const struct report *r, int *qs)
{
	int i, n = 0;

	for (i = 0; i < r->norder; i++) {
		int a = (unsigned char)r->c->answers[r->order[i] - 1];

		if (a == ANS_NOT || a == ANS_PARTIAL || a == ANS_UNKNOWN)
			qs[n++] = r->order[i];
	}
	return n;
}

/* The cells of row i (question q) into cells; the rank is cells[0]. */
static void
row_cells(const struct report *r, int i, int q, char *rank, size_t cap,
	  char *qno, const char **cells)
{
	const struct chapter_step *s = chapter_step(q);

	snprintf(rank, cap, "%d", i + 1);
	snprintf(qno, cap, "設問%d", q);
	cells[0] = rank;
	cells[1] = qno;
	cells[2] = catalogue_question(q)->label;
	cells[3] = answer_label((unsigned char)r->c->answers[q - 1]);
	cells[4] = s->chapter;
	cells[5] = s->next_step;
	cells[6] = s->who;
	cells[7] = s->effort;
	cells[8] = "";
	cells[9] = "";
}

static int
write_csv(const struct out_dir *d, const char *rel, const struct report *r,
	  const int *qs, int n)
{
	struct out_file f;
	struct csvout c;
	char rank[16], qno[16];
	const char *cells[NCOLUMNS];
	size_t j;
	int i;

	if (out_open(&f, d, rel) != 0)
		return -1;
	csvout_init_stream(&c, f.fp);
	for (j = 0; j < NCOLUMNS; j++)
		csvout_text(&c, columns[j]);
	csvout_endrow(&c);
	for (i = 0; i < n; i++) {
		row_cells(r, i, qs[i], rank, sizeof rank, qno, cells);
		csvout_int(&c, i + 1);
		for (j = 1; j < NCOLUMNS; j++)
			csvout_text(&c, cells[j]);
		csvout_endrow(&c);
	}
	if (csvout_commit(&c) != 0) {
		out_abort(&f);
		return -1;
	}
	return out_commit(&f);
}

/* What the xlsx and the PDF are drawn from. */
struct plan_arg {
	const struct report *r;
	const int *qs;		/* the questions, in order */
	int n;
	const char *name;	/* the company, fit to print */
};

/* Every text goes in as a string cell: none is ever a formula. */
static int
xlsx_file(const char *path, void *arg)
{
	const struct plan_arg *a = arg;
	static const double widths[NCOLUMNS] = { 6, 8, 24, 16, 20, 60, 10,
						 6, 12, 12 };
	lxw_workbook *wb = workbook_new(path);
	lxw_doc_properties props = { 0 };
	int64_t end;
	lxw_worksheet *ws;
	lxw_format *head, *wrap;
	char rank[16], qno[16], *title;
	const char *cells[NCOLUMNS];
	lxw_error e;
	size_t j;
	int i;

	if (!wb)
		return error("'%s': cannot create the workbook", path);
	/* the run's date, not now: the same plan gives the same bytes */
	if (when_as_of(a->r->run->as_of, &end) == 0) {
		props.created = (time_t)(end - 24 * 3600);
		workbook_set_properties(wb, &props);
	}
	ws = workbook_add_worksheet(wb, "改善計画");
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xE8EEF4);
	format_set_border(head, LXW_BORDER_THIN);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(wrap, LXW_BORDER_THIN);
	title = xasprintf("情報セキュリティ改善計画　%s", a->name);
	worksheet_write_string(ws, 0, 0, title, NULL);
	free(title);
	for (j = 0; j < NCOLUMNS; j++) {
		worksheet_set_column(ws, j, j, widths[j], NULL);
		worksheet_write_string(ws, 2, j, columns[j], head);
	}
	for (i = 0; i < a->n; i++) {
		row_cells(a->r, i, a->qs[i], rank, sizeof rank, qno, cells);
		worksheet_write_number(ws, 3 + i, 0, i + 1, wrap);
		for (j = 1; j < NCOLUMNS; j++)
			worksheet_write_string(ws, 3 + i, j, cells[j], wrap);
	}
	worksheet_freeze_panes(ws, 3, 0);
	e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		return error("'%s': %s", path, lxw_strerror(e));
	return 0;
}

static void
pdf_header(struct doc *p, const struct plan_arg *a)
{
	char buf[512], date[32];

	report_date_ja(date, sizeof date, a->r->run->as_of);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, "情報セキュリティ改善計画",
			 18, RT_BOLD, 0.13) + 4;
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, a->name, 13, RT_BOLD,
			 0.13) + 4;
	snprintf(buf, sizeof buf, "%s時点の自社診断の回答から作成。"
		 "「実施していない」「一部実施している」「わからない」と"
		 "回答した%d問を、報告書の優先順位（基本的対策を先に、次に"
		 "%sで実施済みの企業が多い順）で並べています。",
		 date, a->n, a->r->peers_name);
	p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W, buf, 8.5, 0, 0.35) + 10;
}

static void
pdf_item(struct doc *p, const struct plan_arg *a, int i)
{
	int q = a->qs[i];
	const struct chapter_step *s = chapter_step(q);
	char buf[256];
	double h = rtext_height(p->t, DOC_W - 30, s->next_step, 9, 0);

	doc_need(p, 34 + h);
	doc_box(p, DOC_MARGIN, p->y, 20, 18, 0.30);
	snprintf(buf, sizeof buf, "%d", i + 1);
	doc_text(p, DOC_MARGIN + 10, p->y + 3, 0, buf, 9.5,
		 RT_BOLD | RT_CENTER, 1);
	snprintf(buf, sizeof buf, "設問%d %s", q,
		 catalogue_question(q)->label);
	doc_text(p, DOC_MARGIN + 30, p->y + 2, 0, buf, 10.5, RT_BOLD, 0.13);
	snprintf(buf, sizeof buf, "現在: %s",
		 answer_label((unsigned char)a->r->c->answers[q - 1]));
	doc_text(p, DOC_MARGIN + DOC_W, p->y + 3, 0, buf, 8.5, RT_RIGHT,
		 0.35);
	p->y += 20;
	snprintf(buf, sizeof buf, "規程: %s　／　担当: %s　／　負担: %s（%s）",
		 s->chapter, s->who, s->effort,
		 chapter_effort_meaning(s->effort));
	p->y += doc_text(p, DOC_MARGIN + 30, p->y, DOC_W - 30, buf, 8,
			 DOC_ACCENT, 0) + 2;
	p->y += doc_text(p, DOC_MARGIN + 30, p->y, DOC_W - 30, s->next_step,
			 9, 0, 0.13) + 6;
	doc_rule(p, p->y, 0.3);
	p->y += 6;
}

static void
pdf_draw(struct doc *p, void *arg)
{
	const struct plan_arg *a = arg;
	int i;

	p->footer = "規程の章は IPA『中小企業の情報セキュリティ対策ガイドライン』"
		    "付録5「情報セキュリティ関連規程（サンプル）」の章立てです。"
		    "次の一歩・担当・負担は shindan の提案で、"
		    "自社の実情に合わせて書き換えてください。";
	pdf_header(p, a);
	if (a->n == 0)
		p->y += doc_text(p, DOC_MARGIN, p->y, DOC_W,
				 "改善が必要な設問はありません。"
				 "今の取り組みを続け、年に一度見直して"
				 "ください。", 10, 0, 0.13);
	for (i = 0; i < a->n; i++)
		pdf_item(p, a, i);
}

int
plan_write(const struct out_dir *d, struct rtext *t, const struct report *r)
{
	const char *key = r->c->company_key;
	char *name = report_display_name(r->c);
	char *rel = NULL, *title;
	int qs[NQUESTIONS], n = plan_rows(r, qs), rc;
	struct plan_arg a = { r, qs, n, name };

	title = xasprintf("情報セキュリティ改善計画 %s", name);
	rel = pack_file_name(key, PACK_PLAN_CSV);
	rc = write_csv(d, rel, r, qs, n);
	free(rel);
	rel = pack_file_name(key, PACK_PLAN_XLSX);
	if (rc == 0)
		rc = out_via_file(d, rel, xlsx_file, &a);
	free(rel);
	rel = pack_file_name(key, PACK_PLAN_PDF);
	if (rc == 0)
		rc = doc_pdf(d, rel, t, title, r->run->doc_date, pdf_draw,
			     &a);
	free(rel);
	free(title);
	g_free(name);
	return rc;
}
