#ifndef SHINDAN_RENDER_PLAN_H
#define SHINDAN_RENDER_PLAN_H
/*
 * The improvement plan of a company (render --plan): every question it
 * answered 実施していない, 一部実施している or わからない, in the
 * report's priority order, with the 規程 chapter that covers it, our next
 * step, who takes it and the effort (lib/chapter.h).  Written beside the
 * report as <base>-plan.pdf, an editable <base>-plan.csv (formula cells
 * neutralised) and <base>-plan.xlsx (every text a string cell).
 */
#include "out.h"
#include "report.h"

/* Write the three files of r into d.  Returns 0 or -1 after saying why. */
int plan_write(const struct out_dir *d, struct rtext *t,
	       const struct report *r);
#endif
