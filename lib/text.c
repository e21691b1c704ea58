/*
 * Text normalisation.  Survey exports mix full-width and half-width forms
 * freely (Ｑ１, ４, （株）), pad cells with ideographic spaces and zero-width
 * characters, and spell minus signs five ways; every recogniser works on
 * the folded form this module produces, so they all agree.
 */
#include <stdlib.h>
#include <string.h>

#include "nfkc_table.h"
#include "text.h"

int32_t
utf8_next(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp;
	size_t avail = (size_t)((const unsigned char *)end - p);
	int32_t cp;
	size_t n, i;

	if (p[0] < 0x80) {
		*pp += 1;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		goto bad;
	}
	if (avail < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 ||
	    cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
		goto bad;
	*pp += n;
	return cp;
bad:
	*pp += 1;
	return -1;
}

size_t
utf8_put(char *dst, uint32_t cp)
{
	unsigned char *d = (unsigned char *)dst;

	if (cp < 0x80) {
		d[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (unsigned char)(0xc0 | (cp >> 6));
		d[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (unsigned char)(0xe0 | (cp >> 12));
		d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		d[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	d[0] = (unsigned char)(0xf0 | (cp >> 18));
	d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	d[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

#ifdef __SSE2__
#include <emmintrin.h>

/*
 * Are the 15 bytes at p five three-byte characters with leads E1..EC or
 * EE..EF (the kana and kanji, whose second byte any continuation byte
 * fits)?  Lead and continuation bytes are told apart as signed numbers:
 * continuation bytes 0x80..0xBF are -128..-65, these leads -31..-20 and
 * -18..-17.
 */
static int
five_cjk(const unsigned char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i cont = _mm_cmplt_epi8(x, _mm_set1_epi8(-64));
	__m128i lead = _mm_or_si128(
		_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-32)),
			      _mm_cmplt_epi8(x, _mm_set1_epi8(-19))),
		_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-19)),
			      _mm_cmplt_epi8(x, _mm_set1_epi8(-16))));

	return (_mm_movemask_epi8(cont) & 0x7fff) == 0x6db6 &&
	       (_mm_movemask_epi8(lead) & 0x7fff) == 0x1249;
}
#endif

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;

	/*
	 * The hot loop of every import: ASCII eight bytes at a time, runs of
	 * kana and kanji five characters at a time (SSE2, when there), and
	 * the other three-byte sequences checked inline.
	 */
	while (p < end) {
		unsigned c = p[0];

		if (c < 0x80) {
			while (end - p >= 8) {
				uint64_t w;

				memcpy(&w, p, 8);
				if (w & 0x8080808080808080ULL)
					break;
				p += 8;
			}
			while (p < end && *p < 0x80)
				p++;
			continue;
		}
		if (c >= 0xe0 && c <= 0xef) {
#ifdef __SSE2__
			if (end - p >= 16 && five_cjk(p)) {
				p += 15;
				continue;
			}
#endif
			if (end - p < 3 || (p[1] & 0xc0) != 0x80 ||
			    (p[2] & 0xc0) != 0x80 ||
			    (c == 0xe0 && p[1] < 0xa0) ||
			    (c == 0xed && p[1] >= 0xa0))
				break;
			p += 3;
		} else if (c >= 0xc2 && c <= 0xdf) {
			if (end - p < 2 || (p[1] & 0xc0) != 0x80)
				break;
			p += 2;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (end - p < 4 || (p[1] & 0xc0) != 0x80 ||
			    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80 ||
			    (c == 0xf0 && p[1] < 0x90) ||
			    (c == 0xf4 && p[1] >= 0x90))
				break;
			p += 4;
		} else {
			break;
		}
	}
	return (size_t)(p - (const unsigned char *)s);
}

size_t
utf8_tail(const char *s, size_t len)
{
	size_t i, need;

	for (i = 1; i <= 3 && i <= len; i++) {
		unsigned char c = (unsigned char)s[len - i];

		if ((c & 0xc0) == 0x80)
			continue;
		if (c >= 0xf0)
			need = 4;
		else if (c >= 0xe0)
			need = 3;
		else if (c >= 0xc0)
			need = 2;
		else
			return 0;
		return need > i ? i : 0;
	}
	return 0;
}

size_t
utf8_len(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 0;

	while (p < end) {
		utf8_next(&p, end);
		n++;
	}
	return n;
}

static int
is_dash(int32_t cp)
{
	return cp == 0x2212 || cp == 0x2010 || cp == 0x2011 ||
	       cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
	       cp == 0xfe63;
}

/*
 * The length of the text at s that folding leaves as it is and that holds
 * no space: printable ASCII (but capitals under TEXT_LOWER) and the
 * three-byte characters U+3001 to U+9FFF (kana, CJK punctuation and the
 * common kanji) but the compatibility block U+3200..U+33FF (㈱, ㍻),
 * which is nearly all of a Japanese company name.
 */
/* Half-width katakana U+FF61..U+FF9F as NFKC makes them. */
static const uint16_t halfwidth_kana[] = {
	0x3002, 0x300c, 0x300d, 0x3001, 0x30fb, 0x30f2, 0x30a1, 0x30a3,
	0x30a5, 0x30a7, 0x30a9, 0x30e3, 0x30e5, 0x30e7, 0x30c3, 0x30fc,
	0x30a2, 0x30a4, 0x30a6, 0x30a8, 0x30aa, 0x30ab, 0x30ad, 0x30af,
	0x30b1, 0x30b3, 0x30b5, 0x30b7, 0x30b9, 0x30bb, 0x30bd, 0x30bf,
	0x30c1, 0x30c4, 0x30c6, 0x30c8, 0x30ca, 0x30cb, 0x30cc, 0x30cd,
	0x30ce, 0x30cf, 0x30d2, 0x30d5, 0x30d8, 0x30db, 0x30de, 0x30df,
	0x30e0, 0x30e1, 0x30e2, 0x30e4, 0x30e6, 0x30e8, 0x30e9, 0x30ea,
	0x30eb, 0x30ec, 0x30ed, 0x30ef, 0x30f3, 0x3099, 0x309a,
};

/*
 * The kana that a following half-width ﾞ (mark 0x3099) or ﾟ (0x309a)
 * joins with, as NFKC composes them: ｶﾞ is ガ, ﾊﾟ is パ, ｳﾞ is ヴ.
 * Returns the joined kana, or 0 when the two stay apart.
 */
static int32_t
kana_join(int32_t kana, int32_t mark)
{
	if (mark == 0x3099) {
		if ((kana >= 0x30ab && kana <= 0x30c2 && kana % 2 == 1) ||
		    kana == 0x30c4 || kana == 0x30c6 || kana == 0x30c8 ||
		    (kana >= 0x30cf && kana <= 0x30dd && kana % 3 == 0))
			return kana + 1;
		if (kana == 0x30a6)
			return 0x30f4;
		if (kana == 0x30ef || kana == 0x30f2)
			return kana + 8;
	} else if (kana >= 0x30cf && kana <= 0x30dd && kana % 3 == 0) {
		return kana + 2;
	}
	return 0;
}

static int
compat_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct nfkc_compat *e = elem;

	return cp < e->cp ? -1 : cp > e->cp;
}

/* What NFKC makes of cp from the compatibility table, or NULL. */
static const char *
compat_of(int32_t cp)
{
	uint32_t key = (uint32_t)cp;
	const struct nfkc_compat *e;

	if (!((cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x3200 && cp <= 0x33ff)))
		return NULL;
	e = bsearch(&key, nfkc_compat, sizeof nfkc_compat / sizeof *nfkc_compat,
		    sizeof *nfkc_compat, compat_cmp);
	return e ? e->to : NULL;
}

static size_t
same_run(const char *s, const char *end, int flags)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *e = (const unsigned char *)end;

	while (u < e) {
		if (*u > ' ' && *u < 0x7f) {
			if ((flags & TEXT_LOWER) && *u >= 'A' && *u <= 'Z')
				break;
			u++;
		} else if (*u >= 0xe3 && *u <= 0xe9 && e - u >= 3 &&
			   (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80 &&
			   !(*u == 0xe3 && u[1] == 0x80 && u[2] == 0x80) &&
			   !(*u == 0xe3 && u[1] >= 0x88 && u[1] <= 0x8f)) {
			u += 3;
		} else {
			break;
		}
	}
	return (size_t)(u - (const unsigned char *)s);
}

/*
 * Append the len bytes at s to dst (n used of cap), after the space
 * pending in *space unless at the start.  Returns 0, or -1 when they do
 * not fit (the text is cut there, at a character).
 */
static int
put(char *dst, size_t cap, size_t *n, int *space, const char *s, size_t len)
{
	if (*space && *n > 0) {
		if (*n + 1 >= cap)
			return -1;
		dst[(*n)++] = ' ';
	}
	*space = 0;
	if (*n + len >= cap)
		return -1;
	memcpy(dst + *n, s, len);
	*n += len;
	return 0;
}

size_t
text_fold(char *dst, size_t cap, const char *src, size_t len, int flags)
{
	const char *p = src, *end = src + len;
	size_t n = 0, keep = 0;	/* keep: length up to the last non-space */
	int space = 0;		/* a space is pending */

	while (p < end) {
		const char *start = p;
		size_t run = same_run(p, end, flags);
		int32_t cp, cp2;
		const char *to;
		char buf[4];
		size_t blen;

		if (run > 0 && n + (space && n > 0) + run < cap) {
			if (space && n > 0)
				dst[n++] = ' ';
			space = 0;
			memcpy(dst + n, p, run);
			n += run;
			keep = n;
			p += run;
			continue;
		}
		/* anything else, or a run that must be cut at a character */
		cp = utf8_next(&p, end);

		if (cp == 0x200b || cp == 0xfeff || cp == 0x200c ||
		    cp == 0x200d || cp == 0x2060)
			continue;
		if (flags & TEXT_AS_WRITTEN)
			;
		else if (cp >= 0xff01 && cp <= 0xff5e)
			cp -= 0xfee0;
		else if (cp >= 0xff61 && cp <= 0xff9f) {
			const char *q = p;
			int32_t joined;

			cp = halfwidth_kana[cp - 0xff61];
			cp2 = q < end ? utf8_next(&q, end) : -1;
			if ((cp2 == 0xff9e || cp2 == 0xff9f) &&
			    (joined = kana_join(cp, cp2 == 0xff9e ? 0x3099 :
						0x309a))) {
				cp = joined;
				p = q;
			}
		}
		if (!(flags & TEXT_AS_WRITTEN) && (to = compat_of(cp))) {
			/* several characters: fold each, as NFKC does */
			size_t tl = strlen(to), r;
			char sub[64];

			r = text_fold(sub, sizeof sub, to, tl, flags);
			if (r > 0 && put(dst, cap, &n, &space, sub, r))
				break;
			keep = n;
			continue;
		}
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
		if (put(dst, cap, &n, &space, buf, blen))
			break;
		keep = n;
	}
	n = keep;
	dst[n] = '\0';
	return n;
}

char *
text_tsv_line(char **p)
{
	char *line = *p, *end;

	if (!*line)
		return NULL;
	end = strchr(line, '\n');
	*p = end ? end + 1 : line + strlen(line);
	if (end)
		*end = '\0';
	return line;
}

char *
text_tsv_field(char **p)
{
	char *s = *p, *e = s + strcspn(s, "\t\n");

	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

int
text_tsv_table(char *buf, int nrows, int nfields,
	       int (*row)(int i, char **field))
{
	char *field[TEXT_TSV_MAXF], *line, *p = buf;
	int i, n = 0;

	text_tsv_line(&p);	/* header */
	while (n < nrows && (line = text_tsv_line(&p)) != NULL) {
		for (i = 0; i < nfields && i < TEXT_TSV_MAXF; i++)
			field[i] = text_tsv_field(&line);
		if (row(n, field))
			return -1 - n;
		n++;
	}
	return n;
}
