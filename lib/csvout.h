#ifndef SHINDAN_CSVOUT_H
#define SHINDAN_CSVOUT_H
/*
 * CSV for Excel: UTF-8 with a BOM (so Japanese Excel does not read it as
 * CP932), CRLF line ends, RFC 4180 quoting, and formula cells neutralised:
 * a text cell starting with = + - @ TAB or CR gets a leading "'" so that
 * Excel shows it instead of evaluating it, unless the cell is a plain
 * number ("-1.5" stays a number).
 *
 * A file is written under a temporary name beside its final one, created
 * 0600, and renamed into place by csvout_commit, so a reader never sees
 * half a file.
 */
#include <stdio.h>

struct csvout {
	FILE *fp;
	char *path;		/* final name; NULL when writing a stream */
	char *tmp;		/* temporary name while writing */
	int ncells;		/* cells in the current row */
};

/*
 * Start path: create a temporary file beside it (mode 0600) and write the
 * BOM.  Returns 0, or -1 after printing why.
 */
int csvout_open(struct csvout *c, const char *path);
/*
 * Write to an open stream instead (render's out_file, which makes the
 * file 0600 and renames it into place); the BOM is written.
 */
void csvout_init_stream(struct csvout *c, FILE *fp);

/* A text cell (NULL: an empty cell), neutralised and quoted as needed. */
void csvout_text(struct csvout *c, const char *s);
/* A text cell of len bytes, which may hold NULs, newlines, anything. */
void csvout_textn(struct csvout *c, const char *s, size_t len);
void csvout_int(struct csvout *c, long long v);
/* A number with prec decimals. */
void csvout_real(struct csvout *c, double v, int prec);
/* An empty cell. */
void csvout_empty(struct csvout *c);
/* End the row with CRLF. */
void csvout_endrow(struct csvout *c);

/*
 * Finish: flush, fsync and close, then rename the temporary file to its
 * final name (for a stream: flush only).  Returns 0, or -1 after printing
 * why and removing the temporary file.
 */
int csvout_commit(struct csvout *c);
/* Give up: close and remove the temporary file.  Safe after commit. */
void csvout_abort(struct csvout *c);

/* 1 when s would be neutralised as a cell (a formula for Excel). */
int csvout_is_formula(const char *s, size_t len);
#endif
