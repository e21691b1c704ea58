/*
 * One aggregate run: a single pass of state_scan feeds the cube, the
 * company table and the CSV export together, then the run's rows are
 * written, all in one transaction so that a failure leaves the previous
 * run of the date in place.
 *
 * The scan and the rewrite of the company table cost about the same, so
 * they run on two threads: the scan, the cube and the export on one,
 * reading through a connection of its own; the company rows and the run
 * on the other, through the connection that holds the write transaction.
 * The writer holds the lock before the reader starts, so the reader's
 * snapshot is the data the run is about; the reader never sees the
 * writer's uncommitted rows, which are in other tables anyway.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "aggregate.h"
#include "cube.h"
#include "db.h"
#include "err.h"
#include "export.h"
#include "feed.h"
#include "pool.h"
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

struct run {
	const struct aggregate_opts *o;
	int64_t end;			/* responses before this count */
	sqlite3 *reader;		/* the scan thread's connection */
	/* owned by the scan thread until it is joined */
	struct cube *cube;
	struct export export;
	int exporting;
	int scan_rc;
	int progress;			/* stderr is a terminal, not -q */
	double start, shown;		/* when progress was last drawn */
	/* shared */
	struct feed feed;
	int feeding;			/* the company table is rewritten */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* On a terminal, after the first second, count companies as they pass. */
static void
progress(struct run *r)
{
	double t;

	if (!r->progress || (r->cube->n_companies & 4095) != 0)
		return;
	t = now();
	if (t - r->start < 1 || t - r->shown < 0.2)
		return;
	r->shown = t;
	fprintf(stderr, "\r%s: %lld companies", err_prog(),
		(long long)r->cube->n_companies);
}

/*
 * The scan visits response rows in company order, which is random on
 * disk: map the file instead of copying page by page through read(2), and
 * give the company table's new pages room before they spill to the WAL.
 * Both are caches the OS or SQLite bound, not memory per company.
 */
static void
tune(sqlite3 *db)
{
	db_exec(db, "PRAGMA mmap_size = " MMAP_SIZE);
	db_exec(db, "PRAGMA cache_size = " CACHE_SIZE);
}

static int
on_company(const struct company_state *s, void *arg)
{
	struct run *r = arg;

	cube_add(r->cube, s);
	if (r->exporting)
		export_company(&r->export, s);
	if (r->feeding && feed_put(&r->feed, s))
		return 1;	/* the writer failed and said why */
	progress(r);
	return 0;
}

static void *
scan(void *arg)
{
	struct run *r = arg;

	r->scan_rc = state_scan(r->reader, r->end, r->o->na_points, NULL,
				on_company, r);
	feed_close(&r->feed);
	return NULL;
}

/* Write the company rows the scan hands over; 0 or -1. */
static int
write_companies(struct run *r, struct store *st)
{
	const struct company_state *s;
	int rc = 0;

	while ((s = feed_take(&r->feed))) {
		if (rc == 0 && store_company(st, s)) {
			rc = -1;
			feed_fail(&r->feed);	/* and drain what is left */
		}
		feed_done(&r->feed);
	}
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
	if (r->progress && r->shown > 0)
		fputs("\r\033[K", stderr);
	return wrc || r->scan_rc ? -1 : 0;
}

int
aggregate_run(const struct aggregate_opts *o)
{
	struct run r = { 0 };
	struct store st = { 0 };
	char created[21];
	sqlite3 *db;
	int busy = 0, rc = AGGREGATE_FAILED, b;

	r.o = o;
	r.start = now();
	r.progress = !o->quiet && isatty(2);
	if (when_as_of(o->as_of, &r.end) < 0) {
		error("--as-of: '%s' is not a date YYYY-MM-DD", o->as_of);
		return AGGREGATE_USAGE;
	}
	if (!(db = db_open(o->db_path, DB_WRITE, &busy)))
		return busy ? AGGREGATE_BUSY : AGGREGATE_FAILED;
	tune(db);
	if ((b = db_begin(db)) != 0) {
		if (b == DB_BUSY) {
			error("'%s': locked by another run", o->db_path);
			rc = AGGREGATE_BUSY;
		}
		goto out;
	}
	if (!(r.reader = db_open(o->db_path, DB_READ, NULL)))
		goto out;
	tune(r.reader);
	r.cube = cube_new();
	if (store_open(&st, db, o->as_of))
		goto out;
	r.feeding = st.latest;
	if (!st.latest)
		info("%s is not the latest run: the companies view stays as "
		     "it is", o->as_of);
	if (o->export_dir) {
		if (export_open(&r.export, o->export_dir, o->as_of))
			goto out;
		r.exporting = 1;
	}
	if (scan_and_write(&r, &st))
		goto out;
	cube_finish(r.cube, o->min_group);
	db_now(created);
	if (store_run(&st, r.cube, created, o->min_group, o->na_points))
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
			"%d groups, %.2f s\n", err_prog(), o->as_of,
			(long long)r.cube->n_companies,
			(long long)r.cube->n_incomplete, r.cube->ngroups,
			now() - r.start);
	rc = AGGREGATE_OK;
out:
	store_close(&st);
	if (r.exporting)
		export_abort(&r.export);
	db_close(r.reader);
	db_rollback(db);
	db_close(db);
	free(r.cube);
	return rc;
}
