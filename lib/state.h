#ifndef SHINDAN_STATE_H
#define SHINDAN_STATE_H
/*
 * Company state as of a date (SPEC §2.2): for each company and department
 * its latest response submitted on or before the as-of date (JST), the
 * departments combined per question by the weakest answer
 * (answer_weaker), attributes from the company's latest response.
 * Shared by aggregate (the benchmark) and render (the reports).
 */
#include <sqlite3.h>
#include <stdint.h>

#include "catalogue.h"

struct company_state {
	const char *company_key;
	const char *company_name;	/* may be NULL */
	const char *corporate_number;	/* may be NULL */
	const char *industry_code;	/* 'A'..'T' as a string or "unknown" */
	const char *size_class;
	const char *star_level;
	char submitted_at[21];		/* latest response, UTC ISO 8601 */
	char answers[NQUESTIONS + 1];	/* combined codes, NUL-terminated */
	int n_departments;
	int complete;			/* every question answered */
	int total;			/* valid when complete */
	int part_points[3];		/* per part, valid when complete */
};

/*
 * Call fn for every company with a response before end_utc (see
 * when_as_of), in company_key order, streaming: memory does not grow with
 * the number of companies.  company_key limits it to one company (NULL:
 * all).  The struct and its strings are valid during the call only.  fn
 * returns 0 to go on, non-zero to stop (returned as is).  Returns 0, fn's
 * value, or -1 after printing a database error.
 */
int state_scan(sqlite3 *db, int64_t end_utc, int na_points,
	       const char *company_key,
	       int (*fn)(const struct company_state *, void *), void *arg);
/*
 * state_scan of every company, which also notes in later the earliest
 * submitted_at of the responses not counted because they are at or after
 * end_utc ("" when there are none): the first response a later as-of
 * date would take in.
 */
int state_scan_all(sqlite3 *db, int64_t end_utc, int na_points,
		   char later[21],
		   int (*fn)(const struct company_state *, void *), void *arg);
/*
 * state_scan of one company at a time, its statement prepared once:
 * state_one_open (0 or -1), state_one for each key (as state_scan),
 * state_one_close.
 */
struct state_one {
	sqlite3 *db;
	sqlite3_stmt *st;
	char end[21];
	int na_points;
};
int state_one_open(struct state_one *o, sqlite3 *db, int64_t end_utc,
		   int na_points);
int state_one(struct state_one *o, const char *company_key,
	      int (*fn)(const struct company_state *, void *), void *arg);
void state_one_close(struct state_one *o);
/*
 * Complete c from c->answers: complete, total and part_points, as the
 * scan does (na_points for 該当しない).
 */
void state_score(struct company_state *c, int na_points);
#endif
