/*
 * The question catalogue, parsed from the compiled-in copy of
 * data/questions.tsv on first use.  The strings live as long as the
 * process; nothing here is ever freed.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "embedded.h"
#include "err.h"
#include "text.h"

static struct question questions[NQUESTIONS];
static int loaded;

/*
 * The questions point into this copy, kept for the process's life;
 * "used" keeps the store, so leak checkers see the block as reachable.
 */
static char *question_text __attribute__((used));

static void
load(void)
{
	char *buf = question_text = xstrdup(embedded_questions), *p = buf;
	char *line;
	int n = 0;

	text_tsv_line(&p);	/* header */
	while (n < NQUESTIONS && (line = text_tsv_line(&p)) != NULL) {
		struct question *q = &questions[n];

		q->no = atoi(text_tsv_field(&line));
		q->part = atoi(text_tsv_field(&line));
		q->label = text_tsv_field(&line);
		q->text = text_tsv_field(&line);
		q->why = text_tsv_field(&line);
		if (q->no != n + 1)
			die("data/questions.tsv: question %d out of order",
			    q->no);
		n++;
	}
	if (n != NQUESTIONS)
		die("data/questions.tsv: %d questions, want %d", n,
		    NQUESTIONS);
	loaded = 1;
}

const struct question *
catalogue_question(int no)
{
	if (no < 1 || no > NQUESTIONS)
		return NULL;
	if (!loaded)
		load();
	return &questions[no - 1];
}

const char *
catalogue_part_name(int part)
{
	static const char *names[] = {
		"基本的対策", "従業員としての対策", "組織としての対策"
	};

	return part >= 1 && part <= NPARTS ? names[part - 1] : "";
}
