/*
 * aggregate: compute the benchmark of the population as of a date and
 * store it as a run (SPEC §2.2), or pool the benchmarks of several
 * organisations (--pool).  This file is main and its options only; the
 * work is in run.c, cube.c, store.c, export.c and pool.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "answer.h"
#include "cli.h"
#include "err.h"
#include "exit.h"
#include "num.h"
#include "pool.h"
#include "when.h"

static const struct option longopts[] = {
	{ "as-of", required_argument, NULL, 'a' },
	{ "min-group", required_argument, NULL, 'm' },
	{ "na-points", required_argument, NULL, 'n' },
	{ "export-csv", required_argument, NULL, 'e' },
	{ "full", no_argument, NULL, 'f' },
	{ "export-pool", required_argument, NULL, 'x' },
	{ "org", required_argument, NULL, 'o' },
	{ "pool", no_argument, NULL, 'p' },
	{ "with-local", no_argument, NULL, 'l' },
	CLI_LONGOPTS
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

/* cli.h's set: one of aggregate's own options. */
static int
set(void *opts, int ch, const char *arg)
{
	struct aggregate_opts *o = opts;
	long n;

	switch (ch) {
	case 'a':
		if (cli_date("--as-of", arg))
			return EXIT_USAGE;
		memcpy(o->as_of, arg, sizeof o->as_of);
		o->as_of_set = 1;
		break;
	case 'm':
		if (num_opt("--min-group", arg, 1, 1000000000, &n))
			return EXIT_USAGE;
		o->min_group = (int)n;
		break;
	case 'n':
		if (num_opt("--na-points", arg, -1, 4, &n))
			return EXIT_USAGE;
		o->na_points = (int)n;
		o->na_points_set = 1;
		break;
	case 'e':
		o->export_dir = arg;
		break;
	case 'f':
		o->full = 1;
		break;
	case 'x':
		o->pool_out = arg;
		break;
	case 'o':
		o->org = arg;
		break;
	case 'p':
		o->pool = 1;
		break;
	case 'l':
		o->with_local = 1;
		break;
	}
	return EXIT_OK;
}

/* The pool options make sense together only; 0 or -1 after saying why. */
static int
pool_usage(const struct aggregate_opts *o)
{
	if (o->pool && o->npool == 0) {
		cli_usage("--pool: no pool file given");
		return -1;
	}
	if (!o->pool && o->with_local) {
		error("--with-local goes with --pool");
		return -1;
	}
	if (o->pool && o->export_dir) {
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
	static const struct cli cli = { "aggregate", "", longopts, usage, set };
	struct aggregate_opts opts = {
		.min_group = 5,
		.na_points = ANSWER_NA_POINTS,
	}, *o = &opts;
	int rc;

	/* each connection is used by one thread: spare SQLite its mutexes */
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	if ((rc = cli_parse(&cli, argc, argv, o, &o->db_path)) != CLI_GO_ON)
		return rc;
	o->quiet = err_verbosity < 0;
	if (o->pool) {
		o->pool_files = argv + optind;
		o->npool = argc - optind;
	} else if (optind < argc) {
		return cli_usage("unexpected argument '%s'", argv[optind]);
	}
	if (pool_usage(o))
		return EXIT_USAGE;
	if (!*o->db_path) {
		error("--db: empty path");
		return EXIT_USAGE;
	}
	if (!o->as_of_set)
		when_today_jst(o->as_of);
	return o->pool ? pool_run(o) : aggregate_run(o);
}
