/*
 * The CSV export of a run, for consultants who work in Excel.  Headers
 * and labels are Japanese; codes Excel would mangle (the size class
 * "1-5" becomes a date) are written as words ("1〜5人").  Suppressed
 * groups show "n<N" and no figures, as every shared output must (SPEC
 * §2.2); the companies file names companies and is for internal use.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answer.h"
#include "err.h"
#include "export.h"
#include "labels.h"
#include "score.h"
#include "star.h"
#include "when.h"

/* the columns of the answer counts, in cube_codes order */
static const char *const code_labels[CUBE_NCODES + 1] = {
	"実施している", "一部実施している", "実施していない", "わからない",
	"該当しない", NULL,
};

static int
make_dir(const char *dir)
{
	struct stat sb;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	return error("'%s': cannot create folder:", dir);
}

static int
open_file(struct csvout *c, const char *dir, const char *name,
	  const char *as_of)
{
	char *path = xasprintf("%s/%s-%s.csv", dir, name, as_of);
	int rc = csvout_open(c, path);

	free(path);
	return rc;
}

static void
header(struct csvout *c, const char *const *cells)
{
	while (*cells)
		csvout_text(c, *cells++);
}

/* 業種 and 業種名 of a stored industry code. */
static void
industry_cells(struct csvout *c, const char *code)
{
	if (strcmp(code, "*") == 0) {
		csvout_text(c, "全体");
		csvout_text(c, LABEL_INDUSTRY_ALL);
	} else if (strcmp(code, "unknown") == 0 || code[1] != '\0') {
		csvout_text(c, "不明");
		csvout_text(c, LABEL_INDUSTRY_UNKNOWN);
	} else {
		csvout_text(c, code);
		csvout_text(c, label_industry_name(code));
	}
}

static const char *
star_cell(const char *code)
{
	return strcmp(code, "*") == 0 ? "全体" : star_label(code);
}

int
export_open(struct export *e, const char *dir, const char *as_of)
{
	static const char *const head[] = {
		"企業キー", "会社名", "法人番号", "業種", "業種名", "規模", "★",
		"最終回答日", "部署数", "回答完了", "合計点", "区分", NULL,
	};
	int i;

	memset(e, 0, sizeof *e);
	if (make_dir(dir) || open_file(&e->companies, dir, "companies",
				       as_of) ||
	    open_file(&e->groups, dir, "groups", as_of)) {
		export_abort(e);
		return -1;
	}
	if (open_file(&e->questions, dir, "questions", as_of)) {
		export_abort(e);
		return -1;
	}
	e->open = 1;
	header(&e->companies, head);
	for (i = 1; i <= NQUESTIONS; i++) {
		char *h = xasprintf("Q%d %s", i, catalogue_question(i)->label);

		csvout_text(&e->companies, h);
		free(h);
	}
	csvout_endrow(&e->companies);
	return 0;
}

void
export_company(struct export *e, const struct company_state *s)
{
	struct csvout *c = &e->companies;
	int64_t utc;
	const char *why;
	char date[11] = "";
	int i;

	csvout_text(c, s->company_key);
	csvout_text(c, s->company_name);
	csvout_text(c, s->corporate_number);
	industry_cells(c, s->industry_code);
	csvout_text(c, label_size(s->size_class));
	csvout_text(c, star_label(s->star_level));
	if (when_parse(s->submitted_at, &utc, &why) == 0)
		when_jst_date(utc, date);
	csvout_text(c, date);
	csvout_int(c, s->n_departments);
	csvout_text(c, s->complete ? "はい" : "いいえ");
	if (s->complete) {
		csvout_int(c, s->total);
		csvout_text(c, label_band(score_band(s->total)));
	} else {
		csvout_empty(c);
		csvout_empty(c);
	}
	for (i = 0; i < NQUESTIONS; i++)
		csvout_text(c, answer_label((unsigned char)s->answers[i]));
	csvout_endrow(c);
}

/* 業種, 業種名, 規模, ★ of a group. */
static void
group_key(struct csvout *c, const struct cube_group *g)
{
	industry_cells(c, cube_industry_code(g->industry));
	csvout_text(c, label_size(cube_size_code(g->size)));
	csvout_text(c, star_cell(cube_star_code(g->star)));
}

static void
real_or_empty(struct csvout *c, int exists, double v, int prec)
{
	if (exists)
		csvout_real(c, v, prec);
	else
		csvout_empty(c);
}

static void
group_row(struct csvout *c, const struct cube_group *g, const char *hidden)
{
	int has = g->n > 0, i;

	group_key(c, g);
	if (g->suppressed) {
		csvout_text(c, hidden);
		csvout_endrow(c);
		return;
	}
	csvout_int(c, g->n);
	csvout_int(c, g->n_incomplete);
	real_or_empty(c, has, g->mean, 2);
	real_or_empty(c, has && g->has_sd, g->sd, 2);
	real_or_empty(c, has, g->median, 2);
	real_or_empty(c, has, g->p25, 2);
	real_or_empty(c, has, g->p75, 2);
	real_or_empty(c, has, g->min, 0);
	real_or_empty(c, has, g->max, 0);
	for (i = 0; i < NBANDS; i++)
		csvout_int(c, g->band[i]);
	for (i = 0; i < NPARTS; i++)
		real_or_empty(c, has, g->part_mean[i], 2);
	csvout_endrow(c);
}

static void
question_rows(struct csvout *c, const struct cube_group *g,
	      const char *hidden)
{
	int i, k;

	for (i = 0; i < NQUESTIONS; i++) {
		const struct cube_question *q = &g->q[i];

		group_key(c, g);
		csvout_int(c, i + 1);
		csvout_text(c, catalogue_question(i + 1)->label);
		if (g->suppressed) {
			csvout_text(c, hidden);
			csvout_endrow(c);
			continue;
		}
		csvout_int(c, g->n);
		for (k = 0; k < CUBE_NCODES; k++)
			csvout_int(c, q->count[k]);
		real_or_empty(c, q->has_rate, 100 * q->implemented_rate, 1);
		real_or_empty(c, q->has_mean, q->mean_points, 2);
		csvout_int(c, q->rank);
		csvout_text(c, q->below_overall ? "はい" : "");
		csvout_endrow(c);
	}
}

int
export_tables(struct export *e, const struct cube *c, int min_group)
{
	static const char *const ghead[] = {
		"業種", "業種名", "規模", "★", "社数", "未回答ありの社数",
		"平均点", "標準偏差", "中央値", "第1四分位", "第3四分位",
		"最低点", "最高点", NULL,
	};
	static const char *const qhead[] = {
		"業種", "業種名", "規模", "★", "設問", "項目", "社数", NULL,
	};
	static const char *const qtail[] = {
		"実施率(%)", "平均点", "弱い順位", "全体より低い", NULL,
	};
	char *hidden = xasprintf("n<%d", min_group);
	int i;

	header(&e->groups, ghead);
	for (i = 0; i < NBANDS; i++)
		csvout_text(&e->groups, label_band(i));
	for (i = 1; i <= NPARTS; i++) {
		char *h = xasprintf("%s 平均", catalogue_part_name(i));

		csvout_text(&e->groups, h);
		free(h);
	}
	csvout_endrow(&e->groups);
	header(&e->questions, qhead);
	header(&e->questions, code_labels);
	header(&e->questions, qtail);
	csvout_endrow(&e->questions);
	for (i = 0; i < CUBE_NGROUPS; i++) {
		if (cube_group_empty(&c->g[i]))
			continue;
		group_row(&e->groups, &c->g[i], hidden);
		question_rows(&e->questions, &c->g[i], hidden);
	}
	free(hidden);
	return 0;
}

int
export_commit(struct export *e)
{
	int rc = 0;

	if (!e->open)
		return 0;
	rc |= csvout_commit(&e->companies);
	rc |= csvout_commit(&e->groups);
	rc |= csvout_commit(&e->questions);
	e->open = 0;
	return rc ? -1 : 0;
}

void
export_abort(struct export *e)
{
	csvout_abort(&e->companies);
	csvout_abort(&e->groups);
	csvout_abort(&e->questions);
	e->open = 0;
}
