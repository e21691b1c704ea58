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

static int
question_row(int i, char **field)
{
	struct question *q = &questions[i];

	q->no = atoi(field[0]);
	q->part = atoi(field[1]);
	q->label = field[2];
	q->text = field[3];
	q->why = field[4];
	return q->no != i + 1;
}

static void
load(void)
{
	int n;

	question_text = xstrdup(embedded_questions);
	n = text_tsv_table(question_text, NQUESTIONS, 5, question_row);
	if (n < 0)
		die("data/questions.tsv: question %d out of order",
		    questions[-1 - n].no);
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
