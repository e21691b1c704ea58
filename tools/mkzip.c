/*
 * mkzip: write a zip archive member by member, for the tests, which need
 * archives no archiver would make: members called ../../x, stored
 * members whose bytes a test then damages, encrypted members, and bombs.
 * Workbooks are made the same way from XML parts written by the tests.
 *
 *   mkzip OUT.zip [-0|-6] [-e] NAME=FILE | NAME=@zeros:SIZE ...
 *   -0 / -6  store, or deflate (the default), the members after it
 *   -e       encrypt the next member (traditional PKWARE, password "x")
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <zlib.h>

#include "err.h"

static int
add(zipFile zf, const char *spec, int level, int encrypt)
{
	const char *eq = strchr(spec, '=');
	char *name, buf[65536];
	zip_fileinfo zi;
	unsigned long crc = 0;
	unsigned long long zeros = 0;
	FILE *f = NULL;
	size_t n;
	int rc = 0;

	if (!eq)
		return error("'%s': expected NAME=FILE", spec);
	name = xstrndup(spec, (size_t)(eq - spec));
	if (!strncmp(eq + 1, "@zeros:", 7)) {
		zeros = strtoull(eq + 8, NULL, 10);
	} else if (!(f = fopen(eq + 1, "rb"))) {
		free(name);
		return error("'%s': cannot open:", eq + 1);
	}
	if (encrypt && f) {	/* the CRC goes into the encryption header */
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			crc = crc32(crc, (unsigned char *)buf, (uInt)n);
		rewind(f);
	}
	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 2024;
	zi.tmz_date.tm_mday = 1;
	if (zipOpenNewFileInZip3_64(zf, name, &zi, NULL, 0, NULL, 0, NULL,
				    level ? Z_DEFLATED : 0, level, 0,
				    -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
				    encrypt ? "x" : NULL, crc, 0) != ZIP_OK) {
		rc = error("'%s': cannot add", name);
		goto out;
	}
	memset(buf, 0, sizeof buf);
	while (rc == 0) {
		if (f) {
			n = fread(buf, 1, sizeof buf, f);
		} else {
			n = zeros < sizeof buf ? (size_t)zeros : sizeof buf;
			zeros -= n;
		}
		if (n == 0)
			break;
		if (zipWriteInFileInZip(zf, buf, (unsigned)n) != ZIP_OK)
			rc = error("'%s': write error", name);
	}
	if (zipCloseFileInZip(zf) != ZIP_OK)
		rc = error("'%s': cannot close", name);
out:
	if (f)
		fclose(f);
	free(name);
	return rc;
}

int
main(int argc, char **argv)
{
	zipFile zf;
	int i, level = 6, encrypt = 0, rc = 0;

	err_setprog("mkzip");
	if (argc < 2) {
		fprintf(stderr, "usage: mkzip OUT.zip [-0|-6] [-e] "
			"NAME=FILE|NAME=@zeros:SIZE ...\n");
		return 2;
	}
	if (!(zf = zipOpen64(argv[1], APPEND_STATUS_CREATE)))
		die("'%s': cannot create:", argv[1]);
	for (i = 2; i < argc && rc == 0; i++) {
		if (!strcmp(argv[i], "-0"))
			level = 0;
		else if (!strcmp(argv[i], "-6"))
			level = 6;
		else if (!strcmp(argv[i], "-e"))
			encrypt = 1;
		else {
			rc = add(zf, argv[i], level, encrypt);
			encrypt = 0;
		}
	}
	if (zipClose(zf, NULL) != ZIP_OK)
		rc = error("'%s': cannot finish", argv[1]);
	return rc ? 1 : 0;
}
