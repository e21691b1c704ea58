#ifndef SHINDAN_EXPORT_H
#define SHINDAN_EXPORT_H
/*
 * aggregate --export-csv DIR: the run's tables for Excel, with Japanese
 * headers, through lib/csvout (BOM, CRLF, formulas neutralised):
 *   groups-<as-of>.csv     one row per group (suppressed groups: "n<N")
 *   questions-<as-of>.csv  one row per group and question
 *   companies-<as-of>.csv  one row per company, names and answers
 * Files are written under temporary names and renamed by export_commit,
 * after the run is committed to the database.
 */
#include "csvout.h"
#include "cube.h"
#include "state.h"

struct export {
	struct csvout companies, groups, questions;
	int open;
};

/*
 * Create dir (0700) if missing and start companies-<as_of>.csv.
 * Returns 0 or -1 after printing why.
 */
int export_open(struct export *e, const char *dir, const char *as_of);
/* One row of companies-<as_of>.csv. */
void export_company(struct export *e, const struct company_state *c);
/* Write the group and question files of a finished cube.  0 or -1. */
int export_tables(struct export *e, const struct cube *c, int min_group);
/* Rename every file into place.  0 or -1 (the rest are removed). */
int export_commit(struct export *e);
/* Remove whatever was written.  Safe to call after export_commit. */
void export_abort(struct export *e);
#endif
