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

static struct question questions[NQUESTIONS];
static int loaded;

/* Split the next TSV field off *p (modified in place). */
static char *
next_field(char **p)
{
	char *s = *p, *e = s + strcspn(s, "\t\n");

	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

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

	p = strchr(p, '\n') + 1;	/* header */
	while (*p && n < NQUESTIONS) {
		struct question *q = &questions[n];
		char *end = strchr(p, '\n');

		line = p;
		p = end ? end + 1 : p + strlen(p);
		if (end)
			*end = '\0';
		q->no = atoi(next_field(&line));
		q->part = atoi(next_field(&line));
		q->label = next_field(&line);
		q->text = next_field(&line);
		q->why = next_field(&line);
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
