/*
 * ingest --inspect: what ingest sees in a file, without writing anything:
 * encoding, compression, delimiter, header row, the meaning of every
 * column, and the first records exactly as parsed, as JSON lines
 * {"line":L,"fields":[...]} so that any CSV conformance suite can be run
 * through it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "header.h"
#include "import.h"
#include "input.h"
#include "layout.h"
#include "reader.h"

static void
json_string(const char *s, size_t len)
{
	size_t i;

	putchar('"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				printf("\\u%04x", c);
			else
				putchar(c);
		}
	}
	putchar('"');
}

/* Print the first n records as JSON lines; -1 when reading fails. */
static int
print_rows(struct input *in, int delim, long n, const char *path)
{
	struct reader *rd = reader_new(input_read_fn, in, delim);
	struct record *rec;
	long k;
	size_t i;
	int rc = 0;

	for (k = 0; k < n && (rc = reader_next(rd, &rec)) == 1; k++) {
		printf("{\"line\":%ld,\"fields\":[", rec->line);
		for (i = 0; i < rec->nfields; i++) {
			if (i)
				putchar(',');
			json_string(rec->fields[i], rec->lens[i]);
		}
		fputs("]}\n", stdout);
	}
	if (rc < 0) {
		if (reader_source_failed(rd))
			error("%s:%ld: %s", path, reader_line(rd),
			      input_why(in));
		else
			error("%s: %s", path, reader_why(rd));
	}
	reader_free(rd);
	return rc < 0 ? -1 : 0;
}

int
inspect_run(const struct ingest_opts *o)
{
	struct colmap map = { 0 };
	struct layout lo;
	struct input *in;
	const char *text;
	char why[256];
	size_t i, len;
	int found, status = EXIT_OK;

	if (o->map_path && colmap_load(&map, o->map_path))
		return EXIT_USAGE;
	in = input_open(o->inspect, o->encoding, why);
	if (!in) {
		error("%s: %s", o->inspect, why);
		colmap_release(&map);
		return EXIT_FAIL;
	}
	if (!(text = input_peek(in, &len))) {
		error("%s: %s", o->inspect, input_why(in));
		status = EXIT_FAIL;
		goto out;
	}
	found = layout_sniff(&lo, text, len, &map) == 0;
	printf("file: %s\n", o->inspect);
	printf("bytes: %llu\n", (unsigned long long)input_raw_size(in));
	printf("compression: %s\n", input_gzipped(in) ? "gzip" : "none");
	printf("encoding: %s (%s)\n", input_encoding_name(in),
	       o->encoding ? "given" : input_encoding_guessed(in) ?
	       "guessed" : "byte order mark");
	printf("delimiter: %s\n", layout_delim_name(lo.delim));
	if (found) {
		printf("header: line %ld\n", lo.header_line);
		printf("descriptor rows: %d\n", lo.skip - lo.header_rec - 1);
		for (i = 0; i < lo.ncols; i++)
			printf("column %zu: %s '%.80s'\n", i + 1,
			       lo.field[i] ? header_field_name(lo.field[i]) :
			       "ignored", lo.names[i]);
	} else {
		printf("header: not found: %s\n", lo.why);
		status = EXIT_REJECTED;
	}
	layout_release(&lo);
	if (o->rows > 0 && print_rows(in, lo.delim, o->rows, o->inspect))
		status = EXIT_FAIL;
out:
	input_close(in);
	colmap_release(&map);
	return status;
}
