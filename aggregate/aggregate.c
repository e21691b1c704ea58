/*
 * aggregate: compute the benchmark of the population as of a date and
 * store it as a run (SPEC §2.2), or pool the benchmarks of several
 * organisations (--pool).  This file is main and its options only; the
 * work is in run.c, cube.c, store.c, export.c and pool.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "answer.h"
#include "db.h"
#include "err.h"
#include "num.h"
#include "pool.h"
#include "when.h"

static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "as-of", required_argument, NULL, 'a' },
	{ "min-group", required_argument, NULL, 'm' },
	{ "na-points", required_argument, NULL, 'n' },
	{ "export-csv", required_argument, NULL, 'e' },
	{ "full", no_argument, NULL, 'f' },
	{ "export-pool", required_argument, NULL, 'x' },
	{ "org", required_argument, NULL, 'o' },
	{ "pool", no_argument, NULL, 'p' },
	{ "with-local", no_argument, NULL, 'l' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *fp)
{
	fprintf(fp,
		"usage: %s [--db PATH] [--as-of YYYY-MM-DD] [--min-group N]\n"
		"       [--na-points P] [--export-csv DIR] [--full]\n"
		"       [--export-pool FILE] [--org LABEL] [-qvhV]\n"
		"       %s --pool [--with-local] [options] FILE...\n"
		"\n"
		"Compute the benchmark (industry x size x star level) of all\n"
		"companies as of a date and store it as that date's run.\n"
		"\n"
		"  --db PATH          database (default $SHINDAN_DB, else"
		" ./shindan.db)\n"
		"  --as-of DATE       responses up to this JST date (default"
		" today)\n"
		"  --min-group N      suppress groups of fewer companies"
		" (default 5)\n"
		"  --na-points P      points of 該当しない, -1 to 4 (default"
		" 4)\n"
		"  --export-csv DIR   also write the run as CSV for Excel\n"
		"  --full             scan every response, not only what"
		" changed\n"
		"  --export-pool FILE also write the run's counts as a pool"
		" file\n"
		"  --org LABEL        this organisation's name in pool files"
		" (default local)\n"
		"  --pool FILE...     merge pool files into a pooled run\n"
		"  --with-local       with --pool: add this database's"
		" companies\n"
		"  -q, --quiet        no summary line, no warnings\n"
		"  -v, --verbose      say more\n"
		"  -h, --help         this help\n"
		"  -V, --version      print the version\n",
		err_prog(), err_prog());
}

/* The pool options make sense together only; 0 or -1 after saying why. */
static int
pool_usage(const struct aggregate_opts *o, int pool)
{
	if (pool && o->npool == 0) {
		error("--pool: no pool file given");
		usage(stderr);
		return -1;
	}
	if (!pool && o->with_local) {
		error("--with-local goes with --pool");
		return -1;
	}
	if (pool && o->export_dir) {
		error("--export-csv: not with --pool (it lists companies)");
		return -1;
	}
	if (o->org && !pool_label_ok(o->org)) {
		error("--org: '%s' is not 1 to %d printable bytes without ','",
		      o->org, POOL_MAX_LABEL);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct aggregate_opts o = {
		.min_group = 5,
		.na_points = ANSWER_NA_POINTS,
	};
	const char *as_of = NULL;
	int64_t end;
	int ch, pool = 0;

	err_setprog(argv[0]);
	/* each connection is used by one thread: spare SQLite its mutexes */
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	o.db_path = db_default_path();
	opterr = 0;	/* our own message, starting "aggregate: " */
	while ((ch = getopt_long(argc, argv, "qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			o.db_path = optarg;
			break;
		case 'a':
			as_of = optarg;
			break;
		case 'm':
			o.min_group = (int)num_opt("--min-group", optarg, 1,
						   1000000000);
			break;
		case 'n':
			o.na_points = (int)num_opt("--na-points", optarg, -1,
						   4);
			o.na_points_set = 1;
			break;
		case 'e':
			o.export_dir = optarg;
			break;
		case 'f':
			o.full = 1;
			break;
		case 'x':
			o.pool_out = optarg;
			break;
		case 'o':
			o.org = optarg;
			break;
		case 'p':
			pool = 1;
			break;
		case 'l':
			o.with_local = 1;
			break;
		case 'q':
			o.quiet = 1;
			err_verbosity = -1;
			break;
		case 'v':
			err_verbosity = 1;
			break;
		case 'h':
			usage(stdout);
			return AGGREGATE_OK;
		case 'V':
			printf("aggregate (shindan) %s\n", SHINDAN_VERSION);
			return AGGREGATE_OK;
		default:
			error("'%s': unknown option or missing argument",
			      argv[optind - 1]);
			usage(stderr);
			return AGGREGATE_USAGE;
		}
	}
	if (pool) {
		o.pool_files = argv + optind;
		o.npool = argc - optind;
	}
	if (optind < argc && !pool) {
		error("unexpected argument '%s'", argv[optind]);
		usage(stderr);
		return AGGREGATE_USAGE;
	}
	if (pool_usage(&o, pool))
		return AGGREGATE_USAGE;
	if (!*o.db_path) {
		error("--db: empty path");
		return AGGREGATE_USAGE;
	}
	if (as_of) {
		if (strlen(as_of) != 10 || when_as_of(as_of, &end) < 0) {
			error("--as-of: '%s' is not a date YYYY-MM-DD", as_of);
			return AGGREGATE_USAGE;
		}
		memcpy(o.as_of, as_of, sizeof o.as_of);
		o.as_of_set = 1;
	} else {
		when_today_jst(o.as_of);
	}
	return pool ? pool_run(&o) : aggregate_run(&o);
}
