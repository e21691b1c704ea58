#ifndef SHINDAN_IMPORT_H
#define SHINDAN_IMPORT_H
#include <stddef.h>
#include <stdint.h>

#include "exit.h"
/*
 * ingest's work: every file given, in order, each in one transaction.
 */
struct ingest_opts {
	const char *db_path;
	int force;
	int dry_run;
	int encoding;			/* input.h ENC_ */
	const char *map_path;		/* --map */
	const char *aliases_path;	/* --aliases */
	const char *inspect;		/* --inspect FILE */
	long rows;			/* --rows N of --inspect, or -1 */
	const char *export_rejects;	/* --export-rejects FILE */
	const char *sheet;		/* --sheet NAME|N of a workbook */
	long moved;			/* --moved ID: the file's new path */
	char **paths;
	int npaths;
};

struct xlsx;
struct colmap;
struct layout;
/*
 * The sheet of workbook x to read: the one named or numbered want, else
 * the first whose header holds the 25 questions.  Returns 0 with its
 * layout in lo and its index in sheet, or -1 with why.
 */
int import_sheet_pick(struct xlsx *x, const char *want,
		      const struct colmap *map, struct layout *lo,
		      size_t *sheet, char *why, size_t cap);

/*
 * Where the answer times of a file with layout lo come from: "column"
 * when it has a time column; else "filename" with the date that name
 * (then outer, an archive's path, when not NULL) carries; else "mtime".
 * Sets *t to the time every row takes and date to its JST date.
 */
const char *import_time_source(const struct layout *lo, const char *name,
			       const char *outer, int64_t mtime, int64_t *t,
			       char date[11]);

/* Import o->paths; returns an exit status and prints the summary line. */
int import_run(const struct ingest_opts *o);
#endif
