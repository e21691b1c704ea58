/*
 * csvparse: the floor of `make bench`.  It reads a CSV file in 256 KiB
 * blocks and hands each block to libcsv, whose callbacks only count
 * fields and records, so its time is what parsing alone costs: the least
 * any importer built on libcsv could take.  ingest is measured against it.
 *
 * The parser is set up as ingest's reader sets it up (default options,
 * no space trimming), so the two do the same parsing work.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

#define BLOCK (256 * 1024)

struct counts {
	unsigned long long fields;
	unsigned long long records;
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
	csv_set_space_func(&p, no_space);
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

int
main(int argc, char **argv)
{
	int i, rc = 0;

	err_setprog(argv[0]);
	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		fputs("usage: csvparse FILE ...\n"
		      "Parse each FILE with libcsv only, counting records "
		      "and fields\n(the floor that make bench measures "
		      "ingest against).\n", argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (i = 1; i < argc; i++)
		if (parse_file(argv[i]) != 0)
			rc = 1;
	if (fflush(stdout) != 0) {
		error("stdout: cannot write:");
		rc = 1;
	}
	return rc;
}
