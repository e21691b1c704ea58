/*
 * Fuzz target: the CSV reader and header detection, the way import.c uses
 * them: layout_sniff over the first bytes, then every record of the text
 * through reader_next (in chunks as small as one byte, to cross every
 * buffer boundary) and row_parse on the cells the layout maps.
 * The first input byte picks the chunk size, the delimiter and whether
 * to detect the layout.  A second reader over the same text hands every
 * line to libcsv: its records must be the same, byte for byte, as those
 * of the first, which splits lines without quotes itself.
 */
#include <stdint.h>

#include "fuzz.h"
#include "layout.h"
#include "reader.h"
#include "row.h"

struct chunked {
	struct reader_mem mem;
	size_t chunk;
};

static ssize_t
chunked_read(void *ctx, char *dst, size_t cap)
{
	struct chunked *c = ctx;

	return reader_mem_read(&c->mem, dst, cap < c->chunk ? cap : c->chunk);
}

/* What import.c does with a record before storing it: row.c's row_parse. */
static void
parse_row(const struct layout *lo, const struct record *rec)
{
	struct row_file f = {
		.path = "fuzz", .lo = lo, .latest_ok = INT64_MAX,
		.time_source = "column", .time_date = ""
	};
	struct row r;
	char why[512];
	int col;

	if (rec->line < 1 || rec->rawlen > READER_MAX_RECORD)
		return;
	(void)row_parse(&f, rec, &r, why, sizeof why, &col);
}

static int
same_record(const struct record *a, const struct record *b)
{
	size_t i;

	if (a->line != b->line || a->rawlen != b->rawlen ||
	    memcmp(a->raw, b->raw, a->rawlen) || a->nfields != b->nfields ||
	    a->unterminated != b->unterminated)
		return 0;
	for (i = 0; i < a->nfields; i++)
		if (a->lens[i] != b->lens[i] ||
		    memcmp(a->fields[i], b->fields[i], a->lens[i] + 1))
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = ",\t;";
	struct chunked c, c2;
	struct layout lo;
	struct reader *r, *r2;
	struct record *rec, *rec2;
	int detect, detected, delim, rc, rc2;
	long last = 0;
	size_t i;

	if (size < 1)
		return 0;
	err_verbosity = -1;
	/* bits 0-3: chunk of 1..8 bytes (every boundary) or 2 KiB and up;
	 * bits 4-5: delimiter; bit 6: detect the layout (slow: the header
	 * text matching), whose delimiter then wins */
	c.chunk = (size_t)(data[0] & 0x0f);
	c.chunk = c.chunk < 8 ? c.chunk + 1 : (c.chunk - 7) << 11;
	if (c.chunk == 8 << 11)
		c.chunk = 256 * 1024;
	delim = delims[((data[0] >> 4) & 3) % 3];
	detect = data[0] & 0x40;
	data++, size--;

	detected = detect &&
		   layout_sniff(&lo, (const char *)data, size, NULL) == 0;
	if (detected)
		delim = lo.delim;
	c.mem.p = (const char *)data;
	c.mem.len = size;
	c.mem.pos = 0;
	c2 = c;
	r = reader_new(chunked_read, &c, delim);
	r2 = reader_new(chunked_read, &c2, delim);
	reader_libcsv_only(r2);
	while ((rc = reader_next(r, &rec)) == 1) {
		if (reader_next(r2, &rec2) != 1 || !same_record(rec, rec2))
			abort();
		/* records come in order, each with its fields in place */
		if (rec->line <= last)
			abort();
		last = rec->line;
		for (i = 0; i < rec->nfields; i++)
			if (strlen(rec->fields[i]) > rec->lens[i])
				abort();
		if (detected)
			parse_row(&lo, rec);
	}
	if (rc < 0 && !*reader_why(r))
		abort();
	rc2 = reader_next(r2, &rec2);
	if (rc2 != rc || (rc < 0 && strcmp(reader_why(r), reader_why(r2))))
		abort();
	reader_free(r);
	reader_free(r2);
	if (detect)
		layout_release(&lo);
	return 0;
}
