/*
 * One aggregate run, in one transaction so that a failure leaves the
 * previous run of the date in place.  A run is full or incremental.
 *
 * Incremental: the latest run saved the integer state of its cube's cells
 * (cube_state) and the company table holds each company's cell and
 * answers as of that run.  The companies with a response stored since
 * then (response_id above the saved high-water mark) or edited in place
 * (cube_dirty, filled by triggers) are read again: the old row's
 * contribution is taken out of its cell, the new state's put in, and
 * only those rows are rewritten.  The statistics then come out of the
 * cells exactly as after a full scan.
 *
 * Full: a single pass of state_scan_all feeds the cube, the company table
 * and the CSV export together.  The scan runs on a second thread with a
 * connection of its own, while this thread merges the companies into the
 * company table, writing only the rows that changed.  The writer holds
 * the lock before the reader starts, so the reader's snapshot is the data
 * the run is about.
 *
 * A run is full when asked (--full), when it is not the latest, when
 * there is no state or it is of another run, format or catalogue, when
 * --na-points or --min-group changed, when responses dated after the saved
 * run's date now fall inside the new one, when --export-csv must list
 * every company, when many companies changed, and when the counts do not
 * add up.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "cube.h"
#include "db.h"
#include "err.h"
#include "exit.h"
#include "export.h"
#include "feed.h"
#include "pool.h"
#include "progress.h"
#include "state.h"
#include "store.h"
#include "when.h"

/*
 * No memory-mapped I/O: a mapping makes the process's memory grow with the
 * database (294 MiB at 1M companies against 143 MiB without), for a 20 %
 * faster scan.  Memory stays bounded by the page caches instead.
 */
#define MMAP_SIZE "0"	/* bytes */
#define CACHE_SIZE "-65536"	/* KiB */
/*
 * The scan reads each page once, in order: a cache bigger than a few
 * B-tree paths buys nothing there and grew the process by 64 MiB.
 */
#define SCAN_CACHE_SIZE "-2048"	/* KiB */
/*
 * Beyond this share of the population changed (or 1024 companies, for a
 * small one), a full scan costs less than reading company by company.
 */
#define INCREMENTAL_SHARE 4	/* one in */
#define INCREMENTAL_FLOOR 1024

struct run {
	const struct aggregate_opts *o;
	int64_t end;			/* responses before this count */
	sqlite3 *reader;		/* the scan thread's connection */
	sqlite3 *old;			/* old company rows, merged */
	char later[21];			/* first one after end, or "" */
	struct cube *cube;		/* the writer's during a scan */
	/* owned by the scan thread until it is joined */
	struct export export;
	int exporting;
	int scan_rc;
	struct progress prog;		/* companies counted as they pass */
	uint64_t scanned;		/* companies handed over */
	/* shared */
	struct feed feed;
	int feeding;			/* the company table is rewritten */
};

/*
 * No mapping (MMAP_SIZE), and a page cache of cache_size: the writer's
 * gives the company table's new pages room before they spill to the WAL,
 * the scan's is small (SCAN_CACHE_SIZE).  Both are caches SQLite bounds,
 * not memory per company.
 */
static void
tune(sqlite3 *db, const char *cache_size)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %s", cache_size);
	db_exec(db, "PRAGMA mmap_size = " MMAP_SIZE);
	db_exec(db, sql);
}

static int
on_company(const struct company_state *s, void *arg)
{
	struct run *r = arg;

	if (r->exporting)
		export_company(&r->export, s);
	if (feed_put(&r->feed, s))
		return 1;	/* the writer failed and said why */
	progress_update(&r->prog, 0, ++r->scanned);
	return 0;
}

static void *
scan(void *arg)
{
	struct run *r = arg;

	r->scan_rc = state_scan_all(r->reader, r->end, r->o->na_points,
				    r->later, on_company, r);
	feed_close(&r->feed);
	return NULL;
}

/*
 * Count the companies the scan hands over into the cube and write their
 * rows; 0 or -1.  The counting is done here rather than on the scan's
 * thread, which has the larger share of the work.
 */
static int
write_companies(struct run *r, struct store *st)
{
	struct cube_tally *tally = cube_tally_new();
	const struct company_state *s;
	int rc = 0;

	if (r->feeding && store_merge_begin(st, r->old)) {
		rc = -1;
		feed_fail(&r->feed);
	}
	while ((s = feed_take(&r->feed))) {
		cube_tally_add(r->cube, tally, s);
		if (rc == 0 && r->feeding && store_company(st, s)) {
			rc = -1;
			feed_fail(&r->feed);	/* and drain what is left */
		}
		feed_done(&r->feed);
	}
	cube_tally_flush(r->cube, tally);
	free(tally);
	if (rc == 0 && r->feeding && store_merge_end(st))
		rc = -1;
	return rc;
}

/* Scan on a second thread while this one writes; 0 or -1. */
static int
scan_and_write(struct run *r, struct store *st)
{
	pthread_t t;
	int wrc, e;

	feed_init(&r->feed);
	if ((e = pthread_create(&t, NULL, scan, r)) != 0) {
		feed_release(&r->feed);
		errno = e;
		return error("cannot start a thread:");
	}
	wrc = write_companies(r, st);
	pthread_join(t, NULL);
	feed_release(&r->feed);
	progress_end(&r->prog);
	return wrc || r->scan_rc ? -1 : 0;
}

/* The companies to read again, in company_key order. */
struct keys {
	char **v;
	size_t n, cap;
};

static void
keys_release(struct keys *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->v[i]);
	free(k->v);
	memset(k, 0, sizeof *k);
}

/*
 * The companies with a response stored after high_id or edited in place
 * since the state was saved, into k: 0, 1 when there are more than max,
 * or -1.
 */
static int
changed_companies(sqlite3 *db, sqlite3_int64 high_id, size_t max,
		  struct keys *k)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT company_key FROM response"
		       " WHERE response_id > ?1"
		       " UNION SELECT company_key FROM cube_dirty"))
		return -1;
	sqlite3_bind_int64(st, 1, high_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k->n <= max) {
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 64;
			k->v = xrealloc(k->v, k->cap * sizeof *k->v);
		}
		k->v[k->n++] = xstrdup((const char *)
				       sqlite3_column_text(st, 0));
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	return k->n > max;
}

/* One company read again by an incremental run. */
struct again {
	struct run *r;
	struct store *st;
	int had;			/* it had a row */
	int found;			/* it has a state now */
};

static int
on_again(const struct company_state *s, void *arg)
{
	struct again *a = arg;

	a->found = 1;
	cube_add(a->r->cube, s);
	if (a->had && store_company_same(a->st, s))
		return 0;
	return store_company_put(a->st, s) ? -1 : 0;
}

/* Keep in later the earliest response of key at or after the end. */
static int
note_later(sqlite3_stmt *st, const char *key, char later[21])
{
	const char *at;
	int rc;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	at = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) :
	     NULL;
	if (at && (!later[0] || strcmp(at, later) < 0))
		snprintf(later, 21, "%s", at);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * Take the companies of k out of the cube and put their new states in,
 * rewriting their rows.  0, 1 when the saved state cannot be trusted
 * (*why says why), or -1.
 */
static int
apply_changes(struct run *r, struct store *st, sqlite3 *db,
	      const struct keys *k, const char **why)
{
	struct state_one one = { 0 };
	sqlite3_stmt *later;
	char end[21];
	size_t i;
	int rc = -1;

	if (db_prepare(db, &later, "SELECT min(submitted_at) FROM response"
		       " WHERE company_key = ?1 AND superseded = 0"
		       " AND submitted_at >= ?2"))
		return -1;
	if (state_one_open(&one, db, r->end, r->o->na_points))
		goto out;
	when_format(r->end, end);
	sqlite3_bind_text(later, 2, end, -1, SQLITE_STATIC);
	for (i = 0; i < k->n; i++) {
		struct again a = { r, st, 0, 0 };
		struct company_state old;

		switch (store_company_get(st, k->v[i], &old,
					  r->o->na_points)) {
		case 1:
			a.had = 1;
			cube_remove(r->cube, &old);
			break;
		case 2:
			*why = "a company row does not match its answers";
			rc = 1;
			goto out;
		case 0:
			break;
		default:
			goto out;
		}
		if (state_one(&one, k->v[i], on_again, &a) ||
		    (a.had && !a.found && store_company_drop(st, k->v[i])) ||
		    note_later(later, k->v[i], r->later))
			goto out;
	}
	if (!cube_state_sane(r->cube)) {
		*why = "the saved counts do not add up";
		rc = 1;
		goto out;
	}
	rc = 0;
out:
	state_one_close(&one);
	sqlite3_finalize(later);
	return rc;
}

/* Why the run must be full, or NULL when the saved state will do. */
static const char *
full_reason(const struct run *r, const struct store *st,
	    const struct store_saved *v)
{
	const struct aggregate_opts *o = r->o;
	char end[21];

	if (o->full)
		return "--full";
	if (!st->latest)
		return "not the latest run";
	if (o->export_dir)
		return "--export-csv lists every company";
	if (!v->found || !v->current)
		return "no saved state of the latest run";
	if (!v->loaded)
		return "the saved state is of another format or catalogue";
	if (v->na_points != o->na_points)
		return "--na-points changed";
	if (v->min_group != o->min_group)
		return "--min-group changed";
	when_format(r->end, end);
	if (v->pending[0] && strcmp(v->pending, end) < 0)
		return "responses dated after the last run now count";
	return NULL;
}

/* The highest response_id stored; 0 or -1. */
static int
high_id(sqlite3 *db, sqlite3_int64 *id)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT coalesce(max(response_id), 0)"
		       " FROM response"))
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * Try the run from the saved state: 0 done, 1 when it must be full
 * after all (*why), -1 on error.  Whatever it wrote is undone on 1.
 */
static int
incremental(struct run *r, struct store *st, sqlite3 *db,
	    const struct store_saved *v, const char **why)
{
	struct keys k = { 0 };
	size_t max = (size_t)((r->cube->n_companies) / INCREMENTAL_SHARE);
	int rc;

	if (max < INCREMENTAL_FLOOR)
		max = INCREMENTAL_FLOOR;
	snprintf(r->later, sizeof r->later, "%s", v->pending);
	if ((rc = changed_companies(db, v->high_id, max, &k)) == 1)
		*why = "many companies changed: a full scan is faster";
	if (rc == 0) {
		if (db_exec(db, "SAVEPOINT incremental"))
			rc = -1;
		else if ((rc = apply_changes(r, st, db, &k, why)) == 1)
			db_exec(db, "ROLLBACK TO incremental");
		if (rc >= 0 && db_exec(db, "RELEASE incremental"))
			rc = -1;
	}
	if (rc == 0)
		info("incremental run: %zu companies read again since the "
		     "run of %s, %lld rows changed", k.n, v->as_of,
		     st->changed);
	keys_release(&k);
	return rc;
}

/* 1 when the counts of two finished groups differ. */
static int
group_differs(const struct cube_group *a, const struct cube_group *b)
{
	int i;

	if (a->n != b->n || a->n_incomplete != b->n_incomplete ||
	    a->suppressed != b->suppressed ||
	    memcmp(a->hist, b->hist, sizeof a->hist) != 0 ||
	    memcmp(a->part_sum, b->part_sum, sizeof a->part_sum) != 0)
		return 1;
	for (i = 0; i < NQUESTIONS; i++)
		if (memcmp(a->q[i].count, b->q[i].count,
			   sizeof a->q[i].count) != 0)
			return 1;
	return 0;
}

/*
 * The groups (margins included) whose counts differ between the saved
 * state's cube old (its cells, not yet finished; finished here) and the
 * finished cube c: the groups whose figures this run changed.
 */
static int
groups_touched(struct cube *old, const struct cube *c, int min_group)
{
	int i, n = 0;

	cube_finish(old, min_group);
	for (i = 0; i < CUBE_NGROUPS; i++)
		if ((!cube_group_empty(&old->g[i]) ||
		     !cube_group_empty(&c->g[i])) &&
		    group_differs(&old->g[i], &c->g[i]))
			n++;
	return n;
}

/* The full run: scan every response; 0 or -1. */
static int
full(struct run *r, struct store *st, const char *why)
{
	info("full run: %s", why);
	free(r->cube);		/* whatever the saved state put in it */
	r->cube = cube_new();
	st->changed = 0;
	if (st->latest && !(r->old = db_open(r->o->db_path, DB_READ, NULL)))
		return -1;
	r->feeding = st->latest;
	if (scan_and_write(r, st))
		return -1;
	if (st->latest)
		info("%lld company rows changed", st->changed);
	return 0;
}

int
aggregate_run(const struct aggregate_opts *o)
{
	struct run r = { 0 };
	struct store st = { 0 };
	struct store_saved saved = { 0 };
	sqlite3_int64 high = 0;
	struct cube *before = NULL;	/* the saved state's cube */
	long long changed;
	int touched;
	const char *why = NULL;
	char created[21];
	sqlite3 *db;
	int busy = 0, rc = EXIT_FAIL, b;

	r.o = o;
	progress_start(&r.prog, err_prog(), 0);
	r.prog.unit = "companies";
	if (when_as_of(o->as_of, &r.end) < 0) {
		error("--as-of: '%s' is not a date YYYY-MM-DD", o->as_of);
		return EXIT_USAGE;
	}
	if (!(db = db_open(o->db_path, DB_WRITE, &busy)))
		return busy ? EXIT_BUSY : EXIT_FAIL;
	tune(db, CACHE_SIZE);
	if ((b = db_begin(db)) != 0) {
		if (b == DB_BUSY) {
			error("'%s': locked by another run", o->db_path);
			rc = EXIT_BUSY;
		}
		goto out;
	}
	if (!(r.reader = db_open(o->db_path, DB_READ, NULL)))
		goto out;
	tune(r.reader, SCAN_CACHE_SIZE);
	r.cube = cube_new();
	if (store_open(&st, db, o->as_of) || high_id(db, &high))
		goto out;
	if (!st.latest)
		info("%s is not the latest run: the companies view stays as "
		     "it is", o->as_of);
	if (st.latest && !o->full &&
	    store_state_read(&st, &saved, r.cube))
		goto out;
	/* what the latest run left, to tell which groups this one changes */
	if (saved.loaded) {
		before = xmalloc(sizeof *before);
		memcpy(before, r.cube, sizeof *before);
	}
	why = full_reason(&r, &st, &saved);
	if (!why && incremental(&r, &st, db, &saved, &why) < 0)
		goto out;
	if (o->export_dir) {
		if (export_open(&r.export, o->export_dir, o->as_of))
			goto out;
		r.exporting = 1;
	}
	if (why && full(&r, &st, why))
		goto out;
	cube_finish(r.cube, o->min_group);
	/* without a saved state (the first run, --full, an older date)
	 * every group counts as touched; an older date's run writes no
	 * company row, and every company counts as changed */
	touched = before ? groups_touched(before, r.cube, o->min_group) :
		  r.cube->ngroups;
	changed = st.latest ? st.changed : r.cube->n_companies;
	db_now(created);
	if (store_run(&st, r.cube, created, o->min_group, o->na_points))
		goto out;
	if (st.latest && store_state_write(&st, r.cube, created, high,
					   r.later, o->na_points,
					   o->min_group))
		goto out;
	if (r.exporting && export_tables(&r.export, r.cube, o->min_group))
		goto out;
	store_close(&st);
	if (db_commit(db))
		goto out;
	if (r.exporting) {
		r.exporting = 0;
		if (export_commit(&r.export))
			goto out;
		info("'%s': run %s exported", o->export_dir, o->as_of);
	}
	if (o->pool_out && pool_export_run(o, r.cube))
		goto out;	/* the run stays: it is committed */
	if (!o->quiet)
		fprintf(stderr, "%s: run %s: %lld companies, %lld incomplete, "
			"%d groups, %lld companies changed, %d groups "
			"touched, %.2f s\n", err_prog(), o->as_of,
			(long long)r.cube->n_companies,
			(long long)r.cube->n_incomplete, r.cube->ngroups,
			changed, touched, progress_now() - r.prog.start);
	rc = EXIT_OK;
out:
	store_close(&st);
	if (r.exporting)
		export_abort(&r.export);
	db_close(r.old);
	db_close(r.reader);
	db_rollback(db);
	db_close(db);
	free(r.cube);
	free(before);
	return rc;
}
