/*
 * ingest --inspect: what ingest sees in a file, without writing anything:
 * encoding, compression, delimiter, header row, the meaning of every
 * column, and the first records exactly as parsed, as JSON lines
 * {"line":L,"fields":[...]} so that any CSV conformance suite can be run
 * through it.  A workbook's records are its sheet's rows, with the sheet
 * named; an archive's members are described one after the other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "header.h"
#include "import.h"
#include "input.h"
#include "inspect.h"
#include "layout.h"
#include "reader.h"
#include "xlsx.h"
#include "zipin.h"

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

/* Print a record as a JSON line; sheet: the sheet's name, or NULL. */
static void
print_record(const struct record *rec, const char *sheet)
{
	size_t i;

	if (sheet) {
		fputs("{\"sheet\":", stdout);
		json_string(sheet, strlen(sheet));
		printf(",\"line\":%ld,\"fields\":[", rec->line);
	} else {
		printf("{\"line\":%ld,\"fields\":[", rec->line);
	}
	for (i = 0; i < rec->nfields; i++) {
		if (i)
			putchar(',');
		json_string(rec->fields[i], rec->lens[i]);
	}
	fputs("]}\n", stdout);
}

/* Print the first n records as JSON lines; -1 when reading fails. */
static int
print_rows(struct input *in, int delim, long n, const char *path)
{
	struct reader *rd = reader_new(input_read_fn, in, delim);
	struct record *rec;
	long k;
	int rc = 0;

	for (k = 0; k < n && (rc = reader_next(rd, &rec)) == 1; k++)
		print_record(rec, NULL);
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

/* The file's modification time, for a file without a time column. */
static int64_t
file_mtime(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (int64_t)st.st_mtime : 0;
}

/*
 * The columns, then where the answer times come from: name is the file's
 * (or member's) name, outer the archive's path or NULL, mtime the file's.
 */
static void
print_columns(const struct layout *lo, const char *name, const char *outer,
	      int64_t mtime)
{
	const char *src;
	char date[11];
	int64_t t;
	size_t i;

	if (lo->map_name)
		printf("map: %s\n", lo->map_name);
	printf("descriptor rows: %d\n", lo->skip - lo->header_rec - 1);
	for (i = 0; i < lo->ncols; i++)
		printf("column %zu: %s '%.80s'\n", i + 1, lo->field[i] ?
		       header_field_name(lo->field[i]) : "ignored",
		       lo->names[i]);
	src = import_time_source(lo, name, outer, mtime, &t, date);
	if (src[0] == 'c')
		printf("answer times: column %d\n", lo->meta[META_TIME] + 1);
	else if (src[0] == 'f')
		printf("answer times: no time column; %s from the file name\n",
		       date);
	else
		printf("answer times: no time column, no date in the file "
		       "name; %s from the file's modification time\n", date);
}

/* Describe the text of in (a file or an archive member); an exit status. */
static int
inspect_text(const struct ingest_opts *o, const struct colmap *map,
	     struct input *in, const char *path, const char *name,
	     const char *outer)
{
	struct layout lo;
	const char *text;
	size_t len;
	int found, status = EXIT_OK;

	if (!(text = input_peek(in, &len))) {
		error("%s: %s", path, input_why(in));
		return EXIT_FAIL;
	}
	found = layout_sniff(&lo, text, len, map) == 0;
	printf("file: %s\n", path);
	printf("bytes: %llu\n", (unsigned long long)input_raw_size(in));
	printf("compression: %s\n", input_gzipped(in) ? "gzip" : "none");
	printf("encoding: %s (%s)\n", input_encoding_name(in),
	       o->encoding ? "given" : input_encoding_guessed(in) ?
	       "guessed" : "byte order mark");
	printf("delimiter: %s\n", layout_delim_name(lo.delim));
	if (found) {
		printf("header: line %ld\n", lo.header_line);
		print_columns(&lo, name, outer, file_mtime(o->inspect));
	} else {
		printf("header: not found: %s\n", lo.why);
		status = EXIT_REJECTED;
	}
	layout_release(&lo);
	if (o->rows > 0 && print_rows(in, lo.delim, o->rows, path))
		status = EXIT_FAIL;
	return status;
}

static const char *
zip_why(const void *z)
{
	return zipin_why(z);
}

/* Describe a workbook: its sheets, the one read, its header, its rows. */
static int
inspect_workbook(const struct ingest_opts *o, const struct colmap *map,
		 struct zipin *z, uint64_t bytes)
{
	struct xlsx *x;
	struct layout lo;
	struct record *rec;
	char why[1200];
	size_t i, sheet;
	long k;
	int rc = 0, status = EXIT_OK;

	if (!(x = xlsx_open(z, why))) {
		error("%s: %s", o->inspect, why);
		return EXIT_FAIL;
	}
	printf("file: %s\n", o->inspect);
	printf("bytes: %llu\n", (unsigned long long)bytes);
	printf("format: xlsx workbook (%s date system)\n",
	       xlsx_date1904(x) ? "1904" : "1900");
	for (i = 0; i < xlsx_sheets(x); i++)
		printf("sheet %zu: %s\n", i + 1, xlsx_sheet_name(x, i));
	if (import_sheet_pick(x, o->sheet, map, &lo, &sheet, why,
			      sizeof why)) {
		printf("header: not found: %s\n", why);
		xlsx_free(x);
		return EXIT_REJECTED;
	}
	printf("reading: sheet '%s'\n", xlsx_sheet_name(x, sheet));
	printf("header: row %ld\n", lo.header_line);
	print_columns(&lo, o->inspect, NULL, file_mtime(o->inspect));
	if (o->rows > 0 && xlsx_start(x, sheet, 0) == 0) {
		xlsx_pad(x, lo.ncols);
		for (k = 0; k < o->rows && (rc = xlsx_next(x, &rec)) == 1; k++)
			print_record(rec, xlsx_sheet_name(x, sheet));
	}
	if (o->rows > 0 && (rc < 0 || xlsx_why(x)[0])) {
		error("%s: %s", o->inspect, xlsx_why(x));
		status = EXIT_FAIL;
	}
	layout_release(&lo);
	xlsx_free(x);
	return status;
}

/* Describe each CSV member of an archive in turn. */
static int
inspect_archive(const struct ingest_opts *o, const struct colmap *map,
		struct zipin *z)
{
	size_t i;
	int status = EXIT_OK, st;

	printf("archive: %s, %zu members\n", o->inspect, zipin_count(z));
	for (i = 0; i < zipin_count(z); i++) {
		char *label = xasprintf("%s:%s", o->inspect, zipin_name(z, i));
		struct input *in;
		char why[256];

		if (zipin_member(z, i)) {
			error("%s: %s", o->inspect, zipin_why(z));
			free(label);
			return EXIT_FAIL;
		}
		if (!(in = input_open_fn(zipin_read, zip_why, z,
					 zipin_size(z, i), o->encoding, why))) {
			error("%s: %s", label, why);
			free(label);
			return EXIT_FAIL;
		}
		putchar('\n');
		st = inspect_text(o, map, in, label, zipin_name(z, i),
				  o->inspect);
		if (st > status)
			status = st;
		input_close(in);
		free(label);
	}
	return status;
}

int
inspect_run(const struct ingest_opts *o)
{
	struct colmap map = { 0 };
	struct input *in;
	struct zipin *z;
	unsigned char magic[4];
	char why[256];
	size_t n = 0;
	FILE *f;
	int status;

	if (o->map_path && colmap_load(&map, o->map_path))
		return EXIT_USAGE;
	if ((f = fopen(o->inspect, "rb"))) {
		n = fread(magic, 1, sizeof magic, f);
		fclose(f);
	}
	if (zipin_magic(magic, n)) {
		struct stat st;

		if (!(z = zipin_open(o->inspect, why))) {
			error("%s: %s", o->inspect, why);
			status = EXIT_FAIL;
		} else {
			status = xlsx_is_workbook(z) ?
				 inspect_workbook(o, &map, z, stat(o->inspect,
				 &st) == 0 ? (uint64_t)st.st_size : 0) :
				 inspect_archive(o, &map, z);
			zipin_close(z);
		}
		colmap_release(&map);
		return status;
	}
	in = input_open(o->inspect, o->encoding, why);
	if (!in) {
		error("%s: %s", o->inspect, why);
		colmap_release(&map);
		return EXIT_FAIL;
	}
	status = inspect_text(o, &map, in, o->inspect, o->inspect, NULL);
	input_close(in);
	colmap_release(&map);
	return status;
}
