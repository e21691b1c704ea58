#ifndef SHINDAN_SNAPSHOT_H
#define SHINDAN_SNAPSHOT_H
/*
 * The run render draws and the one state of the database it draws it
 * from (snapshot.c).
 */
#include <sqlite3.h>

#include "render.h"

/*
 * Find the run to draw in db: the latest local run, or the one of
 * o->as_of.  Fills run and returns 0, or returns -1 after saying why (no
 * run at all is a failure, not an empty drawing).
 */
int snapshot_run(sqlite3 *db, const struct render_opts *o,
		 struct render_run *run);

/*
 * With report workers, render reads through several connections, and
 * each read transaction sees the state committed when it first reads.
 * To make that one state, the write lock is held (db_lock) from before
 * the main connection's first read until every worker has read: no
 * ingest or aggregate can commit in between.  Writers wait meanwhile,
 * for as long as the workers take to start (milliseconds; their busy
 * timeout is 3 s).
 *
 * If the lock cannot be had within the busy timeout (a long ingest holds
 * it) or at all (a database we may only read), render goes on without
 * it (saying so with -v): in WAL mode each connection still reads one
 * committed state, a writer that held the lock that long is most likely
 * still writing when the workers start, and a worker refuses a run that
 * aggregate redid meanwhile.  Returns the connection holding the lock of
 * the database at path, or NULL.
 */
sqlite3 *snapshot_lock(const char *path);
/* Let writers in again; *lock may be NULL, and is NULL after. */
void snapshot_unlock(sqlite3 **lock);
#endif
