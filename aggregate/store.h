#ifndef SHINDAN_STORE_H
#define SHINDAN_STORE_H
/*
 * aggregate's writes, all inside the caller's one transaction: the
 * company table (the companies view, state as of the latest run), where
 * only the rows that changed are written, then the run with its group,
 * question and histogram rows, and the cube's state for the next run.
 */
#include <sqlite3.h>

#include "cube.h"
#include "state.h"

/* A company row waiting for the merge's next batch, strings its own. */
struct put_slot {
	struct company_state c;
	char *buf;
	size_t cap;
};

struct store {
	sqlite3 *db;
	const char *as_of;		/* "YYYY-MM-DD" */
	const char *kind;		/* run.kind; NULL is "local" */
	int latest;			/* as_of >= every other run's */
	sqlite3_stmt *put, *drop, *get;	/* company rows, if latest */
	sqlite3_stmt *put_batch;	/* PUT_BATCH rows of put at once */
	struct put_slot *slots;		/* the batch being filled */
	int nslots;
	sqlite3 *old_db;		/* store_merge_begin's connection */
	sqlite3_stmt *old;		/* its cursor over the old rows */
	int old_has;			/* old is on a row */
	long long changed;		/* company rows written or dropped */
	sqlite3_int64 run_id;		/* set by store_run */
	int kept;			/* it is the run replaced's */
};

/* The state the latest run saved (store_state_read). */
struct store_saved {
	int found;			/* there is one */
	int current;			/* of the latest run, unreplaced */
	int loaded;			/* of this format, in the cube */
	char as_of[11];
	sqlite3_int64 high_id;		/* highest response_id seen */
	char pending[21];		/* earliest response after it, or "" */
	int na_points, min_group;
	int64_t format;
};

/*
 * Start storing the run of as_of (a transaction must be open): find
 * whether it is the latest run and if so prepare the company writes.
 * Returns 0 or -1 after printing why.
 */
int store_open(struct store *s, sqlite3 *db, const char *as_of);

/*
 * A full run rewrites the company table by merging: store_merge_begin
 * opens a cursor over the old rows on old_db (a connection whose snapshot
 * predates the transaction), store_company is called for every company in
 * company_key order and writes it only when its row differs, and
 * store_merge_end drops the rows of companies that are gone.  All do
 * nothing unless this is the latest run.  Each returns 0 or -1.
 */
int store_merge_begin(struct store *s, sqlite3 *old_db);
int store_company(struct store *s, const struct company_state *c);
int store_merge_end(struct store *s);

/*
 * An incremental run edits the company table row by row.
 * store_company_get reads the row of key into *old (strings valid until
 * the next get) with its score under na_points: 1, 0 when there is
 * none, 2 when the row does not match its answers (not to be trusted),
 * -1 on error.
 * store_company_same: the row last got holds c.  put writes c, drop
 * deletes key's row.  0 or -1.
 */
int store_company_get(struct store *s, const char *key,
		      struct company_state *old, int na_points);
int store_company_same(struct store *s, const struct company_state *c);
int store_company_put(struct store *s, const struct company_state *c);
int store_company_drop(struct store *s, const char *key);

/*
 * Replace the run of as_of (its old rows go by ON DELETE CASCADE) with
 * the finished cube c.  Returns 0 or -1.
 */
int store_run(struct store *s, const struct cube *c, const char *created_at,
	      int min_group, int na_points);

/*
 * Read the saved state into *v and, when it is of this format, its
 * counts into the empty cube c (v->loaded).  0 (v->found says whether
 * there was one) or -1.
 */
int store_state_read(struct store *s, struct store_saved *v, struct cube *c);
/*
 * Save c's counts as the state of the run just stored (after store_run),
 * with the highest response_id it saw and the earliest response it left
 * out as later than its date; forget the changed companies noted since
 * the last state.  0 or -1.
 */
int store_state_write(struct store *s, const struct cube *c,
		      const char *created_at, sqlite3_int64 high_id,
		      const char *pending, int na_points, int min_group);
void store_close(struct store *s);
#endif
