/*
 * Fuzz target: a file's bytes through zipin.c as import.c reads an
 * archive: the central directory, then every member read to its end (CRC
 * checked), and, when it is a workbook, xlsx.c's reading of its parts and
 * of every sheet's rows.  The bytes are written to one temporary file,
 * since minizip opens archives by name.  Every failure must come with a
 * message.
 */
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "xlsx.h"
#include "zipin.h"

static char path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%.40s/fuzz-zip.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zipin *z;
	struct xlsx *x;
	struct record *rec;
	char why[512], buf[4096];
	size_t i;
	ssize_t n;
	FILE *f;
	int rc;

	err_verbosity = -1;
	if (!(f = fopen(path, "wb")) || fwrite(data, 1, size, f) != size ||
	    fclose(f))
		abort();
	if (!(z = zipin_open(path, why))) {
		if (!*why)
			abort();
		return 0;
	}
	for (i = 0; i < zipin_count(z); i++) {
		if (zipin_member(z, i)) {
			if (!*zipin_why(z))
				abort();
			continue;
		}
		while ((n = zipin_read(z, buf, sizeof buf)) > 0)
			;
		if (n < 0 && !*zipin_why(z))
			abort();
	}
	if (xlsx_is_workbook(z)) {
		if (!(x = xlsx_open(z, why))) {
			if (!*why)
				abort();
		} else {
			for (i = 0; i < xlsx_sheets(x); i++) {
				if (xlsx_start(x, i, i & 1))
					continue;
				while ((rc = xlsx_next(x, &rec)) == 1)
					if (rec->nfields && !rec->fields[0])
						abort();
				if (rc < 0 && !*xlsx_why(x))
					abort();
				xlsx_stop(x);
			}
			xlsx_free(x);
		}
	}
	zipin_close(z);
	return 0;
}
