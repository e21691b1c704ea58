#ifndef SHINDAN_STORE_H
#define SHINDAN_STORE_H
/*
 * aggregate's writes, all inside the caller's one transaction: the
 * company table (the companies view, state as of the latest run) while the
 * companies stream past, then the run with its group, question and
 * histogram rows.
 */
#include <sqlite3.h>

#include "cube.h"
#include "state.h"

struct store {
	sqlite3 *db;
	const char *as_of;		/* "YYYY-MM-DD" */
	const char *kind;		/* run.kind; NULL is "local" */
	int latest;			/* as_of >= every other run's */
	sqlite3_stmt *company;		/* INSERT INTO company, if latest */
	sqlite3_int64 run_id;		/* set by store_run */
};

/*
 * Start storing the run of as_of (a transaction must be open): find
 * whether it is the latest run and if so empty the company table for
 * store_company.  Returns 0 or -1 after printing why.
 */
int store_open(struct store *s, sqlite3 *db, const char *as_of);
/* Write one company if this is the latest run.  0 or -1. */
int store_company(struct store *s, const struct company_state *c);
/*
 * Replace the run of as_of (its old rows go by ON DELETE CASCADE) with
 * the finished cube c.  Returns 0 or -1.
 */
int store_run(struct store *s, const struct cube *c, const char *created_at,
	      int min_group, int na_points);
void store_close(struct store *s);
#endif
