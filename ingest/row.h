#ifndef SHINDAN_ROW_H
#define SHINDAN_ROW_H
/*
 * A data record turned into a response's values (row_parse), and those
 * values packed for the sorter and seen again on the storing side.
 */
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

struct extsort;
struct layout;
struct record;

/* A data row turned into values. */
struct row {
	char key[640];
	char department[256];
	char when[21];
	char name[512];
	char corpno[14];
	char industry[8];
	char industry_raw[256];
	char size[16];
	char star[16];
	char reading[512];	/* the company name's reading, as written */
	char answers[NQUESTIONS + 1];
	int base, n_unknown, n_na, n_missing;
};

/* What parsing needs to know of the file the rows come from. */
struct row_file {
	const char *path;	/* as messages name it */
	const struct layout *lo;
	int64_t mtime;		/* every row's time without a time column */
	int64_t latest_ok;	/* later times are typos: the import + 1 day */
	const char *time_source;	/* "column", "filename" or "mtime" */
	const char *time_date;	/* the JST date of mtime */
	/* unrecognised industries already warned about (small, per file) */
	char seen_industry[8][64];
	int nseen_industry;
};

/*
 * Turn the record rec of file f into the values r.  Returns 0, or -1 with
 * why (and *col the 1-based column at fault, 0 for the row as a whole).
 * Warns once per file about each unrecognised industry.
 */
int row_parse(struct row_file *f, const struct record *rec, struct row *r,
	      char *why, size_t wcap, int *col);

/* The values of a packed row, in the order they are packed. */
enum {
	V_KEY, V_DEPT, V_WHEN,	/* the sort key's */
	V_NAME, V_CORPNO, V_INDUSTRY, V_INDUSTRY_RAW, V_SIZE, V_STAR,
	V_READING,
	NVALUES
};

/* A packed row as the storing side sees it. */
struct packed {
	const char *v[NVALUES];	/* NUL-terminated, in the packed bytes */
	int len[NVALUES];
	const char *answers;	/* NQUESTIONS codes */
	long line;
	int base, n_unknown, n_na, n_missing;
};

/* The largest packed row. */
#define PACKED_MAX (sizeof(struct row) + 32)

/*
 * Hand the parsed row r of line to the sorter, packed, its identity
 * first as the sort key; -1 when the sorter failed (extsort_why).
 */
int row_pack(struct extsort *sort, long line, const struct row *r);
/*
 * See the packed row rec in w, whose pointers point into rec: it must
 * stay as it is while w is used.
 */
void row_unpack(const char *rec, struct packed *w);
#endif
