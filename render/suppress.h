#ifndef SHINDAN_RENDER_SUPPRESS_H
#define SHINDAN_RENDER_SUPPRESS_H
/*
 * Secondary (complementary) suppression for what render --share writes.
 * A breakdown shows sibling groups beside their parent; when one sibling
 * is hidden because it is small, the parent minus the shown siblings
 * gives it back, and a hidden parent whose children are all shown is
 * their sum.  So in every line (the siblings and their parent) the
 * hidden groups must be either none or at least two, and when the parent
 * is shown the hidden siblings must hold at least min_group companies
 * together (their sum is the parent minus the shown ones): the smallest
 * shown siblings are hidden until that holds, the parent when no sibling
 * is left.
 *
 * The charts and the site's pages publish the run's three faces: industry
 * x star level, industry x size class and size class x star level, with
 * their margins.  supp_load protects every line of every face at once,
 * until nothing changes, so a group hidden on one page is hidden on every
 * page and chart.  The residual risk (documented in render.1): the rule
 * looks at one line at a time, so a hidden group that is the only link
 * between two otherwise shown parts of a face could still be bounded by
 * combining several lines.
 */
#include <sqlite3.h>

/* What a group is: supp_hide's values. */
enum {
	SUPP_ABSENT = -1,	/* no such group */
	SUPP_SHOWN = 0,
	SUPP_SMALL = 1,		/* below the minimum group size */
	SUPP_PROTECT = 2	/* hidden so that a small one stays hidden */
};

struct supp;

/*
 * Hide more groups of one line of count groups of sizes n[] (hide[] as
 * above, updated in place), the smallest sibling first; n[parent] is
 * the parent (-1: none shown).  Returns how many it newly hid.
 */
int suppress_line(const long long *n, int *hide, int count, int parent,
		  int min_group);

/*
 * Read the faces of run run_id from db and protect them.  Returns a new
 * struct supp (free with free()), or NULL after printing why.
 */
struct supp *supp_load(sqlite3 *db, long long run_id, int min_group);
/* What run's group (industry, size, star codes) is after protection. */
int supp_hide(const struct supp *sp, const char *ind, const char *size,
	      const char *star);
#endif
