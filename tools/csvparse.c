/*
 * csvparse: the floors of `make bench`.
 *
 * By default it is a plain libcsv parse, as anyone would write one: the
 * file read in 64 KiB blocks with read(2), libcsv with its default
 * options, callbacks that only count fields and records.  Its time is
 * what parsing alone costs with libcsv; ingest is measured against it
 * (SPEC section 5: no per-byte hooks, such as a space function, that
 * would slow the floor and flatter ingest).
 *
 * With --split it runs ingest's own record reader (ingest/reader.c: the
 * memchr splitter, libcsv only for lines holding a quote) over the file
 * and nothing else, the lower bound of reading as ingest reads.
 *
 * With --xlsx it is the floor of a workbook: the first worksheet's member
 * inflated (minizip) and every node of it read with libxml2's
 * xmlTextReader, with ingest's parser options, doing nothing with them.
 * Any reader of .xlsx built on xmlTextReader does at least this much, on
 * one thread; ingest's .xlsx time is measured against it.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <unzip.h>

#include "err.h"
#include "../ingest/reader.h"

#define BLOCK (64 * 1024)

struct counts {
	unsigned long long fields;
	unsigned long long records;
};

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void
on_record(int c, void *data)
{
	(void)c;
	((struct counts *)data)->records++;
}

/* Parse the file at path and print its counts.  Returns 0 or -1. */
static int
parse_file(const char *path)
{
	static char buf[BLOCK];
	struct csv_parser p;
	struct counts n = { 0, 0 };
	ssize_t got;
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY)) < 0)
		return error("%s: cannot open:", path);
	if (csv_init(&p, 0) != 0)
		die("libcsv: cannot initialise");
	while ((got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rc = error("%s: cannot read:", path);
			break;
		}
		if (csv_parse(&p, buf, (size_t)got, on_field, on_record,
			      &n) != (size_t)got) {
			rc = error("%s: %s", path,
				   csv_strerror(csv_error(&p)));
			break;
		}
	}
	if (rc == 0 && csv_fini(&p, on_field, on_record, &n) != 0)
		rc = error("%s: %s", path, csv_strerror(csv_error(&p)));
	csv_free(&p);
	close(fd);
	if (rc == 0)
		printf("%s: %llu records, %llu fields\n", path, n.records,
		       n.fields);
	return rc;
}

static ssize_t
fd_read(void *ctx, char *dst, size_t cap)
{
	ssize_t got;

	do
		got = read(*(int *)ctx, dst, cap);
	while (got < 0 && errno == EINTR);
	return got;
}

/* --split: ingest's reader alone over the file at path.  0 or -1. */
static int
split_file(const char *path)
{
	struct reader *r;
	struct record *rec;
	unsigned long long records = 0, fields = 0;
	int fd, got, rc = 0;

	if ((fd = open(path, O_RDONLY)) < 0)
		return error("%s: cannot open:", path);
	r = reader_new(fd_read, &fd, ',');
	while ((got = reader_next(r, &rec)) > 0) {
		records++;
		fields += rec->nfields;
	}
	if (got < 0)
		rc = error("%s: %s", path, reader_why(r));
	reader_free(r);
	close(fd);
	if (rc == 0)
		printf("%s: %llu records, %llu fields\n", path, records,
		       fields);
	return rc;
}

static int
unz_read(void *ctx, char *dst, int cap)
{
	return unzReadCurrentFile(ctx, dst, (unsigned)cap);
}

/* The first member under xl/worksheets/ (the order a workbook's writer
 * stored them in, sheet1.xml first for every writer we know); 0 or -1. */
static int
first_sheet(unzFile uf)
{
	char name[512];
	int rc;

	for (rc = unzGoToFirstFile(uf); rc == UNZ_OK;
	     rc = unzGoToNextFile(uf)) {
		size_t n;

		if (unzGetCurrentFileInfo64(uf, NULL, name, sizeof name, NULL,
					    0, NULL, 0) != UNZ_OK)
			return -1;
		n = strlen(name);
		if (strncmp(name, "xl/worksheets/", 14) == 0 && n > 18 &&
		    strcmp(name + n - 4, ".xml") == 0 &&
		    !strchr(name + 14, '/'))
			return 0;
	}
	return -1;
}

/* --xlsx: inflate and read every node of the first sheet.  0 or -1. */
static int
xlsx_file(const char *path)
{
	unzFile uf = unzOpen64(path);
	xmlTextReaderPtr rd;
	unsigned long long nodes = 0, elements = 0;
	int got, rc = 0;

	if (!uf)
		return error("%s: not a zip archive", path);
	if (first_sheet(uf) != 0 || unzOpenCurrentFile(uf) != UNZ_OK) {
		unzClose(uf);
		return error("%s: no worksheet", path);
	}
	/* ingest's options (ingest/xlsx.c), entities never substituted */
	rd = xmlReaderForIO(unz_read, NULL, uf, NULL, NULL, XML_PARSE_NONET |
			    XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			    XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
	if (!rd) {
		unzCloseCurrentFile(uf);
		unzClose(uf);
		return error("%s: libxml2: cannot start a reader", path);
	}
	while ((got = xmlTextReaderRead(rd)) == 1) {
		nodes++;
		if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT)
			elements++;
	}
	if (got < 0)
		rc = error("%s: malformed worksheet XML", path);
	xmlFreeTextReader(rd);
	if (unzCloseCurrentFile(uf) != UNZ_OK && rc == 0)
		rc = error("%s: the worksheet's CRC does not match", path);
	unzClose(uf);
	if (rc == 0)
		printf("%s: %llu nodes, %llu elements\n", path, nodes,
		       elements);
	return rc;
}

int
main(int argc, char **argv)
{
	int i, rc = 0, split = 0, xlsx = 0;

	err_setprog(argv[0]);
	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		fputs("usage: csvparse [--split | --xlsx] FILE ...\n"
		      "Parse each FILE with a plain libcsv parse, counting "
		      "records and fields\n(the floor that make bench "
		      "measures ingest against); --split: with\ningest's own "
		      "record reader instead; --xlsx: inflate a workbook's\n"
		      "first sheet and read its nodes with xmlTextReader.\n",
		      argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	i = 1;
	if (strcmp(argv[1], "--split") == 0) {
		split = 1;
		i++;
	} else if (strcmp(argv[1], "--xlsx") == 0) {
		xlsx = 1;
		i++;
	}
	for (; i < argc; i++)
		if ((xlsx ? xlsx_file(argv[i]) : split ? split_file(argv[i]) :
		     parse_file(argv[i])) != 0)
			rc = 1;
	if (fflush(stdout) != 0) {
		error("stdout: cannot write:");
		rc = 1;
	}
	return rc;
}
