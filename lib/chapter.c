/*
 * The question → 規程 chapter table, parsed from the compiled-in copy of
 * data/question_chapters.tsv on first use and checked against the ten
 * chapters of the guideline's sample rules, so that a typo in the data
 * fails every test rather than printing a chapter that does not exist.
 * The strings live as long as the process.
 */
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "embedded.h"
#include "err.h"
#include "text.h"

static const char *const names[NCHAPTERS] = {
	"組織的対策", "人的対策", "情報資産管理", "アクセス制御及び認証",
	"物理的対策", "IT機器利用", "IT基盤運用管理", "システム開発及び保守",
	"委託管理", "インシデント対応・事業継続",
};

static struct chapter_step steps[NQUESTIONS];
static int loaded;
static char *step_text __attribute__((used));	/* kept: see catalogue.c */

static int
one_of(const char *s, const char *a, const char *b, const char *c)
{
	return !strcmp(s, a) || !strcmp(s, b) || !strcmp(s, c);
}

static int
step_row(int i, char **field)
{
	struct chapter_step *s = &steps[i];

	s->no = atoi(field[0]);
	s->chapter_no = atoi(field[1]);
	s->chapter = field[2];
	s->who = field[3];
	s->effort = field[4];
	s->next_step = field[5];
	return s->no != i + 1 || s->chapter_no < 1 ||
	       s->chapter_no > NCHAPTERS ||
	       strcmp(s->chapter, names[s->chapter_no - 1]) ||
	       !one_of(s->who, "経営者", "担当者", "全従業員") ||
	       !one_of(s->effort, "小", "中", "大") || !*s->next_step;
}

static void
load(void)
{
	int n;

	step_text = xstrdup(embedded_question_chapters);
	n = text_tsv_table(step_text, NQUESTIONS, 6, step_row);
	if (n < 0)
		die("data/question_chapters.tsv: bad row for question %d",
		    -n);
	if (n != NQUESTIONS)
		die("data/question_chapters.tsv: %d questions, want %d", n,
		    NQUESTIONS);
	loaded = 1;
}

const struct chapter_step *
chapter_step(int no)
{
	if (no < 1 || no > NQUESTIONS)
		return NULL;
	if (!loaded)
		load();
	return &steps[no - 1];
}

const char *
chapter_name(int chapter_no)
{
	return chapter_no >= 1 && chapter_no <= NCHAPTERS ?
	       names[chapter_no - 1] : "";
}

const char *
chapter_effort_meaning(const char *effort)
{
	if (!strcmp(effort, "小"))
		return "すぐできる（数日以内）";
	if (!strcmp(effort, "中"))
		return "準備が要る（1か月程度）";
	if (!strcmp(effort, "大"))
		return "計画して進める（数か月）";
	return "";
}
