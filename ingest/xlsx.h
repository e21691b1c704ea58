#ifndef SHINDAN_XLSX_H
#define SHINDAN_XLSX_H
/*
 * An Office Open XML workbook (.xlsx) read in place: its sheets' names,
 * and one sheet at a time as records of UTF-8 fields, the same struct
 * record that reader.c makes of a CSV, so that from the rows on a
 * workbook goes through the CSV path.  A record's line is the sheet's
 * row number (what Excel shows at the left), its raw text the row's
 * cells joined as CSV.
 */
#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "zipin.h"

/* Shared strings are held in memory, up to this many bytes of text. */
#define XLSX_MAX_SST_BYTES (256UL << 20)
/* Excel's own limits on a sheet. */
#define XLSX_MAX_ROW 1048576L
#define XLSX_MAX_COL 16384

struct xlsx;

/* 1 when the archive z holds xl/workbook.xml: it is a workbook. */
int xlsx_is_workbook(const struct zipin *z);
/*
 * Read z's workbook, relationships, styles and shared strings.  z stays
 * the caller's and must outlive the result.  Returns NULL and writes why
 * into why[512] when the workbook cannot be read.
 */
struct xlsx *xlsx_open(struct zipin *z, char why[512]);
size_t xlsx_sheets(const struct xlsx *x);
const char *xlsx_sheet_name(const struct xlsx *x, size_t i);
/* The sheet named s, else numbered s (1-based), else -1. */
long xlsx_sheet_find(const struct xlsx *x, const char *s);
/* 1 when the workbook uses the 1904 date system. */
int xlsx_date1904(const struct xlsx *x);
/*
 * Start reading sheet i from its first row (again).  ahead: inflate on a
 * thread of its own while the caller parses.  Returns 0 or -1 with
 * xlsx_why().
 */
int xlsx_start(struct xlsx *x, size_t i, int ahead);
/*
 * Next row with a non-blank cell, gaps between cells as empty fields.
 * Returns 1 and points *rec at it (valid until the next call), 0 after
 * the last row, or -1 with xlsx_why() ("Sheet1!C7: shared string 99 of
 * 12", "xl/worksheets/sheet1.xml:3: ...", a zip failure).
 */
int xlsx_next(struct xlsx *x, struct record **rec);
/* Give every row at least n fields (the header's), the last ones empty. */
void xlsx_pad(struct xlsx *x, size_t n);
/* Bytes of the sheet's XML read so far, and its size. */
uint64_t xlsx_done(const struct xlsx *x);
uint64_t xlsx_size(const struct xlsx *x);
const char *xlsx_why(const struct xlsx *x);
/* Stop reading the sheet (joins the read-ahead thread). */
void xlsx_stop(struct xlsx *x);
void xlsx_free(struct xlsx *x);
/* "C7" for column 3 (1-based) of row 7 into buf[16]. */
void xlsx_cell_name(char buf[16], int col, long row);
#endif
