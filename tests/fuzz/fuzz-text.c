/*
 * Fuzz target: text_fold and the UTF-8 helpers, on bytes that may hold
 * NULs and invalid sequences.  The first byte picks the flags and the
 * output size, so truncation at every length is tried.  text_fold copies
 * runs of characters that fold to themselves in one go; its result must
 * be that of ref_fold, which takes every character on its own.  Likewise
 * utf8_valid_prefix, which checks runs of kana and kanji in blocks, must
 * agree with ref_valid, Unicode's table of well-formed sequences.
 * Half-width kana and the NFKC compatibility forms are never in a run;
 * the reference folds each such character with text_fold on its own.
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

/* Length of the well-formed UTF-8 prefix (Unicode 15, table 3-7). */
static size_t
ref_valid(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	unsigned lo, hi;

	while (i < len) {
		unsigned c = s[i];

		lo = 0x80, hi = 0xbf;
		if (c < 0x80)
			n = 1;
		else if (c >= 0xc2 && c <= 0xdf)
			n = 2;
		else if (c >= 0xe0 && c <= 0xef)
			n = 3, lo = c == 0xe0 ? 0xa0 : 0x80,
			hi = c == 0xed ? 0x9f : 0xbf;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 4, lo = c == 0xf0 ? 0x90 : 0x80,
			hi = c == 0xf4 ? 0x8f : 0xbf;
		else
			break;
		if (len - i < n)
			break;
		for (k = 1; k < n; k++) {
			unsigned b = s[i + k];

			if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf))
				break;
		}
		if (k < n)
			break;
		i += n;
	}
	return i;
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
		if ((cp >= 0xff61 && cp <= 0xff9f) ||
		    (cp >= 0x2460 && cp <= 0x24ff) ||
		    (cp >= 0x3200 && cp <= 0x33ff)) {
			/* half-width kana (with its sound mark) and the
			 * NFKC compatibility forms: text_fold of this one
			 * character on its own, never part of a run */
			const char *q = p;
			int32_t mark = q < end ? utf8_next(&q, end) : -1;
			char sub[64];
			size_t r;

			if (cp >= 0xff61 && cp <= 0xff9f &&
			    (mark == 0xff9e || mark == 0xff9f) &&
			    text_fold(sub, sizeof sub, start,
				      (size_t)(q - start), flags) <
			    text_fold(sub, sizeof sub, start,
				      (size_t)(p - start), flags) +
			    text_fold(sub, sizeof sub, p,
				      (size_t)(q - p), flags))
				p = q;		/* joined: ｶﾞ is ガ */
			r = text_fold(sub, sizeof sub, start,
				      (size_t)(p - start), flags);
			if (r == 0)
				continue;
			if (space && n > 0) {
				if (n + 1 >= cap)
					break;
				dst[n++] = ' ';
			}
			space = 0;
			if (n + r >= cap)
				break;
			memcpy(dst + n, sub, r);
			n += r;
			keep = n;
			continue;
		}
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
	if (valid != ref_valid(data, size) ||
	    utf8_tail((const char *)data, size) > 3)
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
