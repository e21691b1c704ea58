#ifndef SHINDAN_AGGREGATE_H
#define SHINDAN_AGGREGATE_H
/*
 * What aggregate's main hands to the run (run.c).
 */
#include "exit.h"

struct aggregate_opts {
	const char *db_path;
	char as_of[11];			/* YYYY-MM-DD, a valid date */
	int min_group;			/* suppress groups with n below */
	int na_points;			/* points of 該当しない */
	const char *export_dir;		/* --export-csv, or NULL */
	const char *pool_out;		/* --export-pool, or NULL */
	const char *org;		/* --org, or NULL */
	char *const *pool_files;	/* --pool: the files to merge */
	int pool;			/* --pool: a pooled run */
	int npool;			/* how many; 0 in a local run */
	int with_local;			/* --with-local */
	int as_of_set, na_points_set;	/* given, not defaults */
	int quiet;			/* no summary line */
	int full;			/* --full: scan everything */
};

/*
 * Compute the run of o->as_of and replace it in the database in one
 * transaction; export it if asked.  Returns an exit status (exit.h).
 */
int aggregate_run(const struct aggregate_opts *o);
#endif
