#ifndef SHINDAN_TEXT_H
#define SHINDAN_TEXT_H
/*
 * Text normalisation shared by header and value recognition: fold
 * full-width ASCII to half-width, map the odd spaces and dashes, trim.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
	TEXT_LOWER = 1,		/* ASCII letters to lower case */
	TEXT_DASH = 2,		/* minus signs and dashes (−－‐–—―) to '-' */
	TEXT_NOSPACE = 4,	/* drop white space instead of keeping one */
	TEXT_AS_WRITTEN = 8,	/* white space only: no width or NFKC folding,
				   for text shown as the company wrote it */
};

/*
 * Fold src (len bytes of UTF-8) into dst (cap bytes, cap >= 1) the way
 * NFKC does for the text surveys hold: U+FF01..U+FF5E become ASCII,
 * half-width katakana full-width with ﾞ and ﾟ joined (ｶﾞ is ガ), the
 * compatibility forms ㈱ ㈲ ① ㍻ what they stand for ((株), (有), 1, 平成),
 * U+3000 and U+00A0 a space, U+200B and U+FEFF are
 * dropped, runs of white space become one ' ' (none with TEXT_NOSPACE),
 * flags as above; leading and trailing white space is trimmed.
 * Invalid UTF-8 bytes are copied as they are.  The result is always
 * NUL-terminated and truncated to fit.  Returns its length.
 */
size_t text_fold(char *dst, size_t cap, const char *src, size_t len,
		 int flags);

/*
 * Decode one UTF-8 code point at *p (before end) and advance *p.  Returns
 * the code point, or -1 for an invalid or truncated sequence (then *p
 * advances one byte).
 */
int32_t utf8_next(const char **p, const char *end);
/* Encode cp into dst (4 bytes room); returns the byte count. */
size_t utf8_put(char *dst, uint32_t cp);
/*
 * Length of the longest valid UTF-8 prefix of s[0..len).  A sequence cut
 * by the end of the buffer counts as invalid; callers that stream keep the
 * last 3 bytes for the next buffer (see utf8_tail).
 */
size_t utf8_valid_prefix(const char *s, size_t len);
/* Bytes at the end of s[0..len) that start an incomplete sequence (0..3). */
size_t utf8_tail(const char *s, size_t len);
/*
 * If *p starts with lit, move *p past it and return 1; else 0.  Inline:
 * the date parser tries a dozen literals on every row of an import, and
 * nearly all of them fail at the first byte.
 */
static inline int
text_eat(const char **p, const char *lit)
{
	size_t n;

	if (**p != *lit)
		return 0;
	n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}
/* Number of code points (invalid bytes count one each). */
size_t utf8_len(const char *s, size_t len);
/*
 * The embedded TSV tables of data/, parsed in place: text_tsv_line splits
 * the next line off *p (its '\n' becomes NUL) and returns it, or NULL at
 * the end; text_tsv_field splits the next field off a line (at a tab or
 * its end) and returns it, "" past the last one.
 */
char *text_tsv_line(char **p);
char *text_tsv_field(char **p);
#define TEXT_TSV_MAXF 8
/*
 * Parse the TSV table in buf in place: skip its header line, split each
 * of the next rows (at most nrows) into nfields fields (at most
 * TEXT_TSV_MAXF; "" past a row's last) and pass them to row with the
 * row's index from 0; the fields point into buf.  Returns the number of
 * rows read, or -1 - i when row returned nonzero for row i.
 */
int text_tsv_table(char *buf, int nrows, int nfields,
		   int (*row)(int i, char **field));
#endif
