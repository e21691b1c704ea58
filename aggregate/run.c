/*
 * One aggregate run: a single pass of state_scan feeds the cube, the
 * company table and the CSV export together, then the run's rows are
 * written, all in one transaction so that a failure leaves the previous
 * run of the date in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "aggregate.h"
#include "cube.h"
#include "db.h"
#include "err.h"
#include "export.h"
#include "state.h"
#include "store.h"
#include "when.h"

#define MMAP_SIZE "1073741824"	/* bytes */
#define CACHE_SIZE "-65536"	/* KiB */

struct run {
	struct cube *cube;
	struct store store;
	struct export export;
	int exporting;
	int progress;			/* stderr is a terminal, not -q */
	double start, shown;		/* when progress was last drawn */
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
	if (store_company(&r->store, s))
		return -1;
	if (r->exporting)
		export_company(&r->export, s);
	progress(r);
	return 0;
}

int
aggregate_run(const struct aggregate_opts *o)
{
	struct run r = { 0 };
	char created[21];
	sqlite3 *db;
	int64_t end;
	int busy = 0, rc = AGGREGATE_FAILED, b;

	r.start = now();
	r.progress = !o->quiet && isatty(2);
	if (when_as_of(o->as_of, &end) < 0) {
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
	r.cube = cube_new();
	if (store_open(&r.store, db, o->as_of))
		goto out;
	if (!r.store.latest)
		info("%s is not the latest run: the companies view stays as "
		     "it is", o->as_of);
	if (o->export_dir) {
		if (export_open(&r.export, o->export_dir, o->as_of))
			goto out;
		r.exporting = 1;
	}
	if (state_scan(db, end, o->na_points, NULL, on_company, &r))
		goto out;
	if (r.progress && r.shown > 0)
		fputs("\r\033[K", stderr);
	cube_finish(r.cube, o->min_group);
	db_now(created);
	if (store_run(&r.store, r.cube, created, o->min_group, o->na_points))
		goto out;
	if (r.exporting && export_tables(&r.export, r.cube, o->min_group))
		goto out;
	store_close(&r.store);
	if (db_commit(db))
		goto out;
	if (r.exporting) {
		r.exporting = 0;
		if (export_commit(&r.export))
			goto out;
		info("'%s': run %s exported", o->export_dir, o->as_of);
	}
	if (!o->quiet)
		fprintf(stderr, "%s: run %s: %lld companies, %lld incomplete, "
			"%d groups, %.2f s\n", err_prog(), o->as_of,
			(long long)r.cube->n_companies,
			(long long)r.cube->n_incomplete, r.cube->ngroups,
			now() - r.start);
	rc = AGGREGATE_OK;
out:
	if (r.progress && r.shown > 0 && rc != AGGREGATE_OK)
		fputs("\n", stderr);
	store_close(&r.store);
	if (r.exporting)
		export_abort(&r.export);
	db_rollback(db);
	db_close(db);
	free(r.cube);
	return rc;
}
