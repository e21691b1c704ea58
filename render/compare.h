#ifndef SHINDAN_RENDER_COMPARE_H
#define SHINDAN_RENDER_COMPARE_H
/*
 * Before and after (render --since D1 [--until D2]): each company's state
 * as of D1 ("then": per department its latest response on or before D1,
 * combined as the run does) against its state as of D2 ("now", default
 * today in JST).  Writes compare/<name>.pdf for each company that can be
 * compared (complete both times, with a response after D1), outcome.csv
 * (every company, with why one cannot be compared) and outcome.pdf, the
 * 「支援事業の成果報告」 for a funder: companies that moved band or star
 * level, the mean change with a paired 95 % confidence interval, the
 * questions that improved most; every group under the run's minimum
 * group size is shown as "n<N" only.
 */
#include "catalogue.h"
#include "render.h"

/*
 * Draw the comparison of o->since and o->until (or today) for every
 * company, or those of o->companies.  run gives the minimum group size
 * and the points of 該当しない.  Returns 0 or -1 after saying why.
 */
int compare_render(const struct render_opts *o, sqlite3 *db,
		   const struct render_run *run);

/*
 * An engagement's before and after, one company at a time, for the
 * site: the company as of the run against itself as of the day the
 * engagement began (the settings file's engaged column).
 */
struct compare_side {
	int has, complete, total;
	char answers[NQUESTIONS + 1];
	char star[16];
	char at[21];		/* latest response, UTC */
};

struct compare_result {
	int comparable;		/* else why says why not */
	const char *why;	/* "比較不可（開始日以前の回答なし）" ... */
	struct compare_side then, now;
	int verdict[NQUESTIONS];	/* +1 improved, -1 worse, 0 same */
	int improved, worse, open;
	int pdf;		/* compare/<base>.pdf was written */
};

struct compare;
struct company_state;

/*
 * Begin comparisons against the run (in db's read transaction), writing
 * into o->out_dir.  Returns NULL after saying why.
 */
struct compare *compare_open(const struct render_opts *o, sqlite3 *db,
			     const struct render_run *run);
/*
 * Compare now (a company as of the run) with its state as of the end of
 * the JST day since, into *res; when the two compare, also draw
 * compare/<base>.pdf as render --since does.  Returns 0 or -1 after
 * saying why.
 */
int compare_engagement(struct compare *x, const struct company_state *now,
		       const char *since, struct compare_result *res);
void compare_close(struct compare *x);
#endif
