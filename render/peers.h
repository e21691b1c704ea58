#ifndef SHINDAN_RENDER_PEERS_H
#define SHINDAN_RENDER_PEERS_H
/*
 * render --peers pooled: a company whose industry group is too small in
 * the local run is compared with the same industry in the pooled run of
 * the same date (aggregate --pool), and its report says so, with how many
 * companies and organisations stand behind that benchmark.
 */
#include <stddef.h>

#include <sqlite3.h>

#include "render.h"

/*
 * Find the pooled run of run->as_of and set run->pool_run_id,
 * pool_companies and pool_orgs.  Returns 0, or -1 after saying why (no
 * pooled run of that date is an error: the user asked for one).
 */
int peers_find_pooled(sqlite3 *db, const char *db_path,
		      struct render_run *run);

/*
 * The report's note when the pooled industry group of n companies
 * (industry name iname) stands in for the local one.
 */
void peers_note(char *buf, size_t size, const struct render_run *run,
		const char *iname, long long n);
#endif
