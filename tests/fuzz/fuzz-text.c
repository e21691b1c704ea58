/*
 * Fuzz target: text_fold and the UTF-8 helpers, on bytes that may hold
 * NULs and invalid sequences.  The first byte picks the flags and the
 * output size, so truncation at every length is tried.  text_fold copies
 * runs of characters that fold to themselves in one go; its result must
 * be that of ref_fold, which takes every character on its own.
 */
#include "fuzz.h"
#include "text.h"

static int
is_dash(int32_t cp)
{
	return cp == 0x2212 || cp == 0x2010 || cp == 0x2011 ||
	       cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
	       cp == 0xfe63;
}

static size_t
ref_fold(char *dst, size_t cap, const char *src, size_t len, int flags)
{
	const char *p = src, *end = src + len;
	size_t n = 0, keep = 0;
	int space = 0;

	while (p < end) {
		const char *start = p;
		int32_t cp = utf8_next(&p, end);
		char buf[4];
		size_t blen;

		if (cp == 0x200b || cp == 0xfeff || cp == 0x200c ||
		    cp == 0x200d || cp == 0x2060)
			continue;
		if (cp >= 0xff01 && cp <= 0xff5e)
			cp -= 0xfee0;
		if (cp == 0x3000 || cp == 0x00a0 || cp == '\t' || cp == '\n' ||
		    cp == '\r' || cp == '\v' || cp == '\f')
			cp = ' ';
		if ((flags & TEXT_DASH) && is_dash(cp))
			cp = '-';
		if ((flags & TEXT_LOWER) && cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp == ' ') {
			if (!(flags & TEXT_NOSPACE))
				space = 1;
			continue;
		}
		if (cp < 0) {
			buf[0] = *start;
			blen = 1;
		} else {
			blen = utf8_put(buf, (uint32_t)cp);
		}
		if (space && n > 0) {
			if (n + 1 >= cap)
				break;
			dst[n++] = ' ';
		}
		space = 0;
		if (n + blen >= cap)
			break;
		memcpy(dst + n, buf, blen);
		n += blen;
		keep = n;
	}
	n = keep;
	dst[n] = '\0';
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *dst, *ref;
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
	ref = malloc(cap);
	if (!dst || !ref)
		abort();
	n = text_fold(dst, cap, (const char *)data, size, flags);
	if (n >= cap || dst[n] != '\0')
		abort();
	if (ref_fold(ref, cap, (const char *)data, size, flags) != n ||
	    memcmp(dst, ref, n))
		abort();
	free(dst);
	free(ref);

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
