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

#define PEEK_SIZE (64 * 1024)

struct source {
	struct input *in;
	char *peek;
	size_t len, pos;
};

static ssize_t
source_read(void *ctx, char *dst, size_t cap)
{
	struct source *s = ctx;

	if (s->pos < s->len) {
		size_t n = s->len - s->pos;

		if (n > cap)
			n = cap;
		memcpy(dst, s->peek + s->pos, n);
		s->pos += n;
		return (ssize_t)n;
	}
	return input_read(s->in, dst, cap);
}

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
print_rows(struct source *src, int delim, long n, const char *path)
{
	struct reader *rd = reader_new(source_read, src, delim);
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
			      input_why(src->in));
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
	struct source src = { 0 };
	char why[256];
	int found, status = EXIT_OK;
	size_t i;

	if (o->map_path && colmap_load(&map, o->map_path))
		return EXIT_USAGE;
	src.in = input_open(o->inspect, o->encoding, why);
	if (!src.in) {
		error("%s: %s", o->inspect, why);
		colmap_release(&map);
		return EXIT_FAIL;
	}
	src.peek = xmalloc(PEEK_SIZE);
	while (PEEK_SIZE - src.len >= 4) {
		ssize_t n = input_read(src.in, src.peek + src.len,
				       PEEK_SIZE - src.len);

		if (n < 0) {
			error("%s: %s", o->inspect, input_why(src.in));
			status = EXIT_FAIL;
			goto out;
		}
		if (n == 0)
			break;
		src.len += (size_t)n;
	}
	found = layout_sniff(&lo, src.peek, src.len, &map) == 0;
	printf("file: %s\n", o->inspect);
	printf("bytes: %llu\n", (unsigned long long)input_raw_size(src.in));
	printf("compression: %s\n", input_gzipped(src.in) ? "gzip" : "none");
	printf("encoding: %s (%s)\n", input_encoding_name(src.in),
	       o->encoding ? "given" : input_encoding_guessed(src.in) ?
	       "guessed" : "byte order mark");
	printf("delimiter: %s\n", layout_delim_name(lo.delim));
	if (found) {
		printf("header: line %ld\n", lo.header_line);
		printf("descriptor rows: %d\n", lo.skip - lo.header_rec - 1);
		for (i = 0; i < lo.ncols; i++)
			printf("column %zu: %s\n", i + 1,
			       lo.field[i] ? header_field_name(lo.field[i]) :
			       "ignored");
	} else {
		printf("header: not found: %s\n", lo.why);
		status = EXIT_REJECTED;
	}
	layout_release(&lo);
	if (o->rows > 0 && print_rows(&src, lo.delim, o->rows, o->inspect))
		status = EXIT_FAIL;
out:
	free(src.peek);
	input_close(src.in);
	colmap_release(&map);
	return status;
}
