/*
 * Fuzz target: text_fold and the UTF-8 helpers, on bytes that may hold
 * NULs and invalid sequences.  The first byte picks the flags and the
 * output size, so truncation at every length is tried.
 */
#include "fuzz.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *dst;
	const char *p, *end;
	size_t cap, n, valid;
	int flags;

	if (size < 1)
		return 0;
	flags = data[0] & 7;
	cap = (size_t)(data[0] >> 3) + 1;	/* 1..32, or the whole */
	if (data[0] >= 0xf8)
		cap = 4 * size + 1;
	data++, size--;
	dst = malloc(cap);
	if (!dst)
		abort();
	n = text_fold(dst, cap, (const char *)data, size, flags);
	if (n >= cap || dst[n] != '\0')
		abort();
	free(dst);

	valid = utf8_valid_prefix((const char *)data, size);
	if (valid > size || utf8_tail((const char *)data, size) > 3)
		abort();
	p = (const char *)data;
	end = p + size;
	while (p < end) {
		const char *before = p;
		int32_t cp = utf8_next(&p, end);
		char enc[4];

		if (p <= before || p > end)
			abort();
		if (cp >= 0 && utf8_put(enc, (uint32_t)cp) !=
		    (size_t)(p - before))
			abort();
	}
	(void)utf8_len((const char *)data, size);
	return 0;
}
