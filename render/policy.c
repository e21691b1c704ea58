/*
 * The draft 情報セキュリティ基本方針 (see policy.h).  The text is ours:
 * it follows the structure of the guideline's sample (a preamble and the
 * five items) but none of its sentences, and says which guideline it was
 * modelled on.  The policy is built once as a list of blocks, then
 * written four ways, so that the PDF, the .docx, the HTML and the text
 * say the same thing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "answer.h"
#include "doc.h"
#include "docx.h"
#include "err.h"
#include "html.h"
#include "pack.h"
#include "policy.h"
#include "settings.h"
#include "when.h"

#define BLANK "＿＿＿＿＿＿＿＿"
#define CITATION "IPA『中小企業の情報セキュリティ対策ガイドライン』付録を参考に作成"
#define CLOUD_QUESTION 23

struct item {
	const char *heading, *body;
};

static const struct item items[] = {
	{ "経営者の責任",
	  "代表者は、情報セキュリティ対策の最終的な責任を負います。対策に"
	  "必要な人・時間・予算を用意し、進み具合を定期的に確かめ、必要に"
	  "応じて見直しを指示します。" },
	{ "社内体制の整備",
	  "情報セキュリティの責任者と担当者を決め、守るべきことを社内ルール"
	  "として文書にまとめて全員に示します。ルールは事業や技術の変化に"
	  "合わせて見直します。" },
	{ "従業員の取組み",
	  "役員と従業員は、社内ルールに沿って情報と機器を扱い、研修や"
	  "注意喚起を通じて新しい攻撃の手口とその防ぎ方を学び続けます。"
	  "不審なことに気付いたときは、すぐに責任者へ知らせます。" },
	{ "法令及び契約上の要求事項の遵守",
	  "個人情報の保護に関する法律をはじめとする関係法令と、取引先との"
	  "契約で約束した秘密保持などの取り決めを守ります。" },
	{ "違反及び事故への対応",
	  "ルールへの違反や情報セキュリティ上の事故が起きたときは、被害を"
	  "できるだけ小さく抑えるよう速やかに動き、関係する方々へ誠実に"
	  "報告します。原因を調べ、同じことが起きないよう仕組みを改めます。" },
};
#define NITEMS (sizeof items / sizeof *items)

static const struct item cloud = {
	"クラウドサービスの利用",
	"クラウドサービスなど外部のサービスを業務に使うときは、提供者の"
	"信頼性とデータの扱いを確かめて選び、誰が何に使っているかを"
	"把握します。",
};

/* The policy of one company, in the words of every output. */
struct policy {
	char *name;			/* g_free */
	char *preamble;			/* free */
	char dates[2][48];		/* 制定日：2026年1月5日, 改定日：… */
	int ndates;			/* 1, or 2 with a 改定日 */
	const char *rep_title;		/* BLANK when unknown */
	const char *rep_name;
	const struct item *items[NITEMS + 1];
	int nitems;
};

static void
policy_init(struct policy *p, const struct report *r)
{
	const struct settings_row *s = r->settings;
	int a = (unsigned char)r->c->answers[CLOUD_QUESTION - 1];
	char iso[11], ja[32];
	size_t i;

	p->name = report_display_name(r->c);
	p->preamble = xasprintf(
		"%s（以下「当社」）は、お客様や取引先からお預かりする情報と"
		"自社の情報を、漏えい・改ざん・消失から守ることを経営上の"
		"大切な務めと考えています。安心して取引を続けていただける"
		"会社であるために、次の方針を定め、役員と従業員が一体と"
		"なって実行します。", p->name);
	if (s && s->established)
		snprintf(iso, sizeof iso, "%s", s->established);
	else
		when_today_jst(iso);
	report_date_ja(ja, sizeof ja, iso);
	snprintf(p->dates[p->ndates++], sizeof *p->dates, "制定日：%s", ja);
	if (s && s->revised) {
		report_date_ja(ja, sizeof ja, s->revised);
		snprintf(p->dates[p->ndates++], sizeof *p->dates, "改定日：%s",
			 ja);
	}
	p->rep_title = s && s->title ? s->title : BLANK;
	p->rep_name = s && s->representative ? s->representative : BLANK;
	for (i = 0; i < NITEMS; i++)
		p->items[p->nitems++] = &items[i];
	if (a == ANS_IMPLEMENTED || a == ANS_PARTIAL)
		p->items[p->nitems++] = &cloud;
}

static void
policy_release(struct policy *p)
{
	g_free(p->name);
	free(p->preamble);
}

/* "1. 経営者の責任" */
static char *
item_heading(const struct policy *p, int i)
{
	return xasprintf("%d. %s", i + 1, p->items[i]->heading);
}

static char *
rep_line(const struct policy *p)
{
	return xasprintf("%s　%s", p->rep_title, p->rep_name);
}

/* ---- PDF: one A4 page ------------------------------------------------ */

static void
pdf_draw(struct doc *d, void *arg)
{
	const struct policy *p = arg;
	char *s;
	int i;

	d->footer = "※" CITATION "（下書き）。内容を自社の実情に合わせて"
		    "確認・修正し、代表者名を記入してから公開してください。";
	d->y += 20;
	d->y += doc_text(d, DOC_MARGIN, d->y, DOC_W, "情報セキュリティ基本方針",
			 20, RT_BOLD | RT_CENTER, 0.1) + 24;
	d->y += doc_text(d, DOC_MARGIN, d->y, DOC_W, p->preamble, 10.5, 0,
			 0.1) + 16;
	for (i = 0; i < p->nitems; i++) {
		s = item_heading(p, i);
		d->y += doc_text(d, DOC_MARGIN, d->y, DOC_W, s, 11.5, RT_BOLD,
				 0.1) + 4;
		free(s);
		d->y += doc_text(d, DOC_MARGIN + 16, d->y, DOC_W - 16,
				 p->items[i]->body, 10.5, 0, 0.1) + 12;
	}
	d->y += 18;
	for (i = 0; i < p->ndates; i++)
		d->y += doc_text(d, DOC_MARGIN, d->y, DOC_W, p->dates[i], 10.5,
				 RT_RIGHT, 0.1) + 6;
	d->y += doc_text(d, DOC_MARGIN, d->y, DOC_W, p->name, 10.5, RT_RIGHT,
			 0.1) + 6;
	s = rep_line(p);
	doc_text(d, DOC_MARGIN, d->y, DOC_W, s, 10.5, RT_RIGHT, 0.1);
	free(s);
}

/* ---- .docx ---------------------------------------------------------- */

static int
write_docx(const struct out_dir *d, const char *rel, const struct policy *p)
{
	struct html_buf b = { 0 };
	char *s;
	int i, rc;

	docx_para(&b, DOCX_TITLE, "情報セキュリティ基本方針");
	docx_para(&b, DOCX_BODY, p->preamble);
	for (i = 0; i < p->nitems; i++) {
		s = item_heading(p, i);
		docx_para(&b, DOCX_HEADING, s);
		free(s);
		docx_para(&b, DOCX_BODY, p->items[i]->body);
	}
	docx_para(&b, DOCX_BODY, "");
	for (i = 0; i < p->ndates; i++)
		docx_para(&b, DOCX_RIGHT, p->dates[i]);
	docx_para(&b, DOCX_RIGHT, p->name);
	s = rep_line(p);
	docx_para(&b, DOCX_RIGHT, s);
	free(s);
	docx_para(&b, DOCX_BODY, "");
	docx_para(&b, DOCX_NOTE, "※" CITATION);
	rc = docx_write(d, rel, &b);
	html_buf_free(&b);
	return rc;
}

/* ---- HTML and text for a company website --------------------------- */

static void
html_el(struct out_file *f, const char *tag, const char *attr,
	const char *text)
{
	out_printf(f, "<%s%s>", tag, attr);
	html_text(f, text);
	out_printf(f, "</%s>\n", tag);
}

static int
write_html(const struct out_dir *d, const char *rel, const struct policy *p)
{
	struct out_file f;
	char *s;
	int i;

	if (out_open(&f, d, rel) != 0)
		return -1;
	out_puts(&f, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n");
	html_el(&f, "title", "", "情報セキュリティ基本方針");
	out_puts(&f, "<style>body{font-family:sans-serif;max-width:40em;"
		 "margin:2em auto;padding:0 1em;line-height:1.8}"
		 "h1{text-align:center}h2{font-size:1.1em;margin:1.2em 0 .2em}"
		 ".sign{text-align:right}"
		 ".note{color:#666;font-size:small}</style>\n"
		 "</head>\n<body>\n");
	html_el(&f, "h1", "", "情報セキュリティ基本方針");
	html_el(&f, "p", "", p->preamble);
	for (i = 0; i < p->nitems; i++) {
		s = item_heading(p, i);
		html_el(&f, "h2", "", s);
		free(s);
		html_el(&f, "p", "", p->items[i]->body);
	}
	out_puts(&f, "<p class=\"sign\">");
	for (i = 0; i < p->ndates; i++) {
		html_text(&f, p->dates[i]);
		out_puts(&f, "<br>\n");
	}
	html_text(&f, p->name);
	out_puts(&f, "<br>\n");
	s = rep_line(p);
	html_text(&f, s);
	free(s);
	out_puts(&f, "</p>\n");
	html_el(&f, "p", " class=\"note\"", "※" CITATION);
	out_puts(&f, "</body>\n</html>\n");
	return out_commit(&f);
}

static int
write_text(const struct out_dir *d, const char *rel, const struct policy *p)
{
	struct out_file f;
	char *s;
	int i;

	if (out_open(&f, d, rel) != 0)
		return -1;
	out_printf(&f, "情報セキュリティ基本方針\n\n%s\n\n", p->preamble);
	for (i = 0; i < p->nitems; i++) {
		s = item_heading(p, i);
		out_printf(&f, "%s\n%s\n\n", s, p->items[i]->body);
		free(s);
	}
	for (i = 0; i < p->ndates; i++)
		out_printf(&f, "%s\n", p->dates[i]);
	out_printf(&f, "%s\n", p->name);
	s = rep_line(p);
	out_printf(&f, "%s\n\n※%s\n", s, CITATION);
	free(s);
	return out_commit(&f);
}

int
policy_write(const struct out_dir *d, struct rtext *t, const struct report *r)
{
	const char *key = r->c->company_key;
	char *rel, *title;
	struct policy p = { 0 };
	int rc;

	policy_init(&p, r);
	title = xasprintf("情報セキュリティ基本方針 %s", p.name);
	rel = pack_file_name(key, PACK_POLICY_PDF);
	rc = doc_pdf(d, rel, t, title, r->run->doc_date, pdf_draw, &p);
	free(rel);
	rel = pack_file_name(key, PACK_POLICY_DOCX);
	if (rc == 0)
		rc = write_docx(d, rel, &p);
	free(rel);
	rel = pack_file_name(key, PACK_POLICY_HTML);
	if (rc == 0)
		rc = write_html(d, rel, &p);
	free(rel);
	rel = pack_file_name(key, PACK_POLICY_TXT);
	if (rc == 0)
		rc = write_text(d, rel, &p);
	free(rel);
	free(title);
	policy_release(&p);
	return rc;
}
