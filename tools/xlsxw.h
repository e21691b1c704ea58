#ifndef SHINDAN_XLSXW_H
#define SHINDAN_XLSXW_H
/*
 * A small .xlsx writer for the tools that make test and demo input
 * (gen-sample, csv2xlsx): one sheet written row by row through minizip,
 * strings shared (as Excel writes them) or inline, numbers as numbers.
 */
#include <stddef.h>

struct xlsxw;

enum {
	XLSXW_SHARED = 1,	/* strings in sharedStrings.xml */
	XLSXW_NUMBERS = 2,	/* plain decimal numbers as number cells */
	XLSXW_DATES = 4,	/* YYYY/M/D [H:MM[:SS]] as date serials, as Excel */
};

/*
 * Start a workbook at path with one sheet called sheet.  Returns NULL
 * after printing why.
 */
struct xlsxw *xlsxw_open(const char *path, const char *sheet, int flags);
/* Write the next row, fields[0..n) (NUL-terminated UTF-8); -1 on error. */
int xlsxw_row(struct xlsxw *w, char *const *fields, size_t n);
/* Write the other parts and close; -1 after printing why. */
int xlsxw_close(struct xlsxw *w);
#endif
