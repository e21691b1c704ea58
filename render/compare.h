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
#include "render.h"

/*
 * Draw the comparison of o->since and o->until (or today) for every
 * company, or those of o->companies.  run gives the minimum group size
 * and the points of 該当しない.  Returns 0 or -1 after saying why.
 */
int compare_render(const struct render_opts *o, sqlite3 *db,
		   const struct render_run *run);
#endif
