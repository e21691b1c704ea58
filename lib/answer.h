#ifndef SHINDAN_ANSWER_H
#define SHINDAN_ANSWER_H
/*
 * Answer codes and points.  A response stores its 25 answers as a string
 * of one code character per question (see db.h), so the codes are chars.
 */
enum answer_code {
	ANS_IMPLEMENTED = 'I',		/* 実施している       4 */
	ANS_PARTIAL = 'P',		/* 一部実施している   2 */
	ANS_NOT = 'N',			/* 実施していない     0 */
	ANS_UNKNOWN = 'U',		/* わからない        -1 */
	ANS_NA = 'A',			/* 該当しない  na_points */
	ANS_MISSING = '-',		/* blank: no points */
};

#include <stddef.h>

#define ANSWER_NA_POINTS 4	/* the long-standing convention */

/*
 * Recognise a cell: a label, a common variant (○, △, ×, 4, 2, 0, -1, ...)
 * or a cell holding exactly one of the labels with decoration
 * ("4: 実施している", "実施している（4点）").  A blank cell is ANS_MISSING.
 * Returns the code, or 0 when the value is not an answer.
 */
int answer_parse(const char *cell);
/* The same for a cell whose length (strlen) is known. */
int answer_parse_n(const char *cell, size_t len);
/* Points of a code (na counts na_points); ANSWER_NONE for missing. */
#define ANSWER_NONE (-100)
int answer_points(int code, int na_points);
/* 実施している ... 該当しない; "未回答" for missing. */
const char *answer_label(int code);
/*
 * Order for combining departments: the lower-scoring answer wins; at equal
 * points an answer that applies beats 該当しない; anything beats missing.
 * Returns whichever of a and b the company keeps.
 */
int answer_weaker(int a, int b, int na_points);
#endif
