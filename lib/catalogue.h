#ifndef SHINDAN_CATALOGUE_H
#define SHINDAN_CATALOGUE_H
/*
 * The question catalogue of 「5分でできる！情報セキュリティ自社診断」,
 * loaded once from data/questions.tsv (compiled in).
 */
#define NQUESTIONS 25
#define NPARTS 3

struct question {
	int no;			/* 1..25 */
	int part;		/* 1..3 */
	const char *label;	/* our short label, e.g. "無線LANの安全な利用" */
	const char *text;	/* the question as IPA words it */
	const char *why;	/* one line on why it matters */
};

/* Question no (1..25); NULL when out of range.  Never fails otherwise. */
const struct question *catalogue_question(int no);
/* Japanese name of part 1..3 ("基本的対策", ...). */
const char *catalogue_part_name(int part);
#endif
