/*
 * Fuzz target: a file's bytes through input.c (gzip detection and
 * inflation, encoding detection and decoding) to the end, as import.c
 * reads them.  The bytes are written to one temporary file; the first
 * byte picks the --encoding and the size of the caller's buffer.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "input.h"
#include "text.h"

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
	snprintf(path, sizeof path, "%.40s/fuzz-input.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int encs[] = {
		ENC_AUTO, ENC_AUTO, ENC_AUTO, ENC_AUTO,
		ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_CP932,
	};
	struct input *in;
	char why[256], hex[65], buf[4096];
	size_t cap;
	ssize_t n;
	FILE *f;
	int enc;

	if (size < 1)
		return 0;
	err_verbosity = -1;
	enc = encs[data[0] & 7];
	cap = 4 + (data[0] >> 3);	/* 4..35: cut sequences everywhere */
	if (data[0] >= 0xf8)
		cap = sizeof buf;
	data++, size--;
	if (!(f = fopen(path, "wb")) || fwrite(data, 1, size, f) != size ||
	    fclose(f))
		abort();
	if (!(in = input_open(path, enc, why))) {
		if (!*why)
			abort();
		return 0;
	}
	while ((n = input_read(in, buf, cap)) > 0) {
		/* what comes out is UTF-8, whole characters only */
		if ((size_t)n > cap ||
		    utf8_valid_prefix(buf, (size_t)n) != (size_t)n)
			abort();
	}
	if (n < 0 && !*input_why(in))
		abort();
	(void)input_sha256(in, hex);
	input_close(in);
	return 0;
}
