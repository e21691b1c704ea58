/*
 * csv2xlsx: write the records of a UTF-8 CSV as the one sheet of an
 * .xlsx, for the tests and `make bench`, which compare ingest of the
 * same rows as CSV and as a workbook.  Blank fields are left out, as
 * Excel leaves out empty cells.
 *
 *   csv2xlsx [-s] [-n] [-d] [-S SHEET] IN.csv OUT.xlsx
 *   -s  strings in sharedStrings.xml (as Excel writes); default inline
 *   -n  plain decimal numbers as number cells
 *   -d  YYYY/M/D [H:MM[:SS]] as date serials under a date format
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "xlsxw.h"

struct rec {
	struct xlsxw *w;
	char **f;
	size_t n, cap;
	int failed;
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct rec *r = data;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->f = xrealloc(r->f, r->cap * sizeof *r->f);
	}
	r->f[r->n++] = xstrndup(s ? s : "", len);
}

static void
on_record(int c, void *data)
{
	struct rec *r = data;
	size_t i;

	(void)c;
	if (xlsxw_row(r->w, r->f, r->n))
		r->failed = 1;
	for (i = 0; i < r->n; i++)
		free(r->f[i]);
	r->n = 0;
}

int
main(int argc, char **argv)
{
	struct csv_parser p;
	struct rec r = { 0 };
	const char *sheet = "Sheet1";
	char buf[65536];
	int c, flags = 0;
	size_t n;
	FILE *f;

	err_setprog("csv2xlsx");
	while ((c = getopt(argc, argv, "sndS:")) != -1)
		switch (c) {
		case 's': flags |= XLSXW_SHARED; break;
		case 'n': flags |= XLSXW_NUMBERS; break;
		case 'd': flags |= XLSXW_DATES; break;
		case 'S': sheet = optarg; break;
		default:
			fprintf(stderr, "usage: csv2xlsx [-s] [-n] [-d] [-S SHEET] "
				"IN.csv OUT.xlsx\n");
			return 2;
		}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: csv2xlsx [-s] [-n] [-d] [-S SHEET] IN.csv "
			"OUT.xlsx\n");
		return 2;
	}
	if (!(f = fopen(argv[optind], "rb")))
		die("'%s': cannot open:", argv[optind]);
	if (!(r.w = xlsxw_open(argv[optind + 1], sheet, flags)))
		return 1;
	if (csv_init(&p, 0) != 0)
		die("libcsv: cannot initialise");
	csv_set_space_func(&p, no_space);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, &r) != n)
			die("%s: %s", argv[optind],
			    csv_strerror(csv_error(&p)));
	csv_fini(&p, on_field, on_record, &r);
	csv_free(&p);
	fclose(f);
	free(r.f);
	if (xlsxw_close(r.w) || r.failed)
		return 1;
	return 0;
}
