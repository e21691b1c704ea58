#ifndef SHINDAN_CHAPTER_H
#define SHINDAN_CHAPTER_H
/*
 * Which chapter of IPA's 情報セキュリティ関連規程（サンプル）(付録5 of
 * 中小企業の情報セキュリティ対策ガイドライン) covers each of the 25
 * questions, with the next step we suggest, who takes it and the effort:
 * data/question_chapters.tsv (compiled in), documented and reviewed in
 * docs/improvement-plan.md.
 */
#include "catalogue.h"

#define NCHAPTERS 10

struct chapter_step {
	int no;			/* question 1..25 */
	int chapter_no;		/* 1..NCHAPTERS */
	const char *chapter;	/* 組織的対策, ... */
	const char *who;	/* 経営者, 担当者 or 全従業員 */
	const char *effort;	/* 小, 中 or 大 */
	const char *next_step;	/* one line, ours */
};

/*
 * The row of question no (1..25); NULL when out of range.  The table is
 * checked on first use (chapter numbers and names, who, effort); a broken
 * table is a build mistake and dies.
 */
const struct chapter_step *chapter_step(int no);
/* Name of chapter 1..NCHAPTERS, "" out of range. */
const char *chapter_name(int chapter_no);
/* What an effort tier means, e.g. "小" → "すぐできる（1日程度）". */
const char *chapter_effort_meaning(const char *effort);
#endif
