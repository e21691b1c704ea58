/*
 * Company names and keys.  The same company arrives in many exports,
 * typed by different people: ＡＢＣ商事（株）, ABC商事㈱ and ABC商事 株式会社
 * are one company.  The key that identifies it prefers the 法人番号, then
 * the consultant's own company id, and only then the name in a normalised
 * form, so that width, spacing and the abbreviations of the legal form do
 * not split one company into several.
 */
#include <stdio.h>
#include <string.h>

#include "company.h"
#include "text.h"

/* Abbreviated legal forms, as they read after text_fold. */
static const struct {
	const char *abbr;
	const char *full;
} legal_forms[] = {
	{ "(株)", "株式会社" }, { "㈱", "株式会社" }, { "㍿", "株式会社" },
	{ "(有)", "有限会社" }, { "㈲", "有限会社" },
	{ "(合)", "合同会社" },
	{ "(資)", "合資会社" }, { "㈾", "合資会社" },
	{ "(名)", "合名会社" }, { "㈴", "合名会社" },
};

static int
is_ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/*
 * Length of the abbreviated legal form abbr at the start of s, 0 if it is
 * not there.  "( 株 )", with spaces inside the parentheses, counts too.
 */
static size_t
match_form(const char *s, const char *abbr)
{
	const char *p = s;
	size_t inner;

	if (abbr[0] != '(') {
		inner = strlen(abbr);
		return strncmp(s, abbr, inner) == 0 ? inner : 0;
	}
	if (*p++ != '(')
		return 0;
	while (*p == ' ')
		p++;
	inner = strlen(abbr) - 2;
	if (strncmp(p, abbr + 1, inner) != 0)
		return 0;
	p += inner;
	while (*p == ' ')
		p++;
	return *p == ')' ? (size_t)(p + 1 - s) : 0;
}

/* Copy src to dst expanding the abbreviated legal forms; the length. */
static size_t
expand_forms(char *dst, size_t cap, const char *src)
{
	size_t n = 0, i, used = 0, flen;

	while (*src) {
		/* every form starts with '(' or a U+3xxx character (0xe3) */
		i = sizeof legal_forms / sizeof *legal_forms;
		if (*src == '(' || (unsigned char)*src == 0xe3)
			for (i = 0; i < sizeof legal_forms / sizeof *legal_forms;
			     i++)
				if ((used = match_form(src,
						       legal_forms[i].abbr)))
					break;
		if (i < sizeof legal_forms / sizeof *legal_forms) {
			flen = strlen(legal_forms[i].full);
			if (n + flen >= cap)
				break;
			memcpy(dst + n, legal_forms[i].full, flen);
			n += flen;
			src += used;
			continue;
		}
		if (n + 1 >= cap)
			break;
		dst[n++] = *src++;
	}
	dst[n] = '\0';
	return n;
}

size_t
company_name_normalise(char *dst, size_t cap, const char *src)
{
	char folded[1024], expanded[1024];
	size_t i, n = 0, len;

	text_fold(folded, sizeof folded, src, strlen(src), 0);
	len = expand_forms(expanded, sizeof expanded, folded);
	/*
	 * Japanese names do not separate words with spaces, so a space
	 * survives only between two ASCII letters or digits ("ABC Trading");
	 * "(株) 山田商事" and "(株)山田商事" then give the same key.
	 */
	for (i = 0; i < len && n + 1 < cap; i++) {
		if (expanded[i] == ' ' && !(n > 0 &&
		    is_ascii_alnum(dst[n - 1]) && i + 1 < len &&
		    is_ascii_alnum(expanded[i + 1])))
			continue;
		dst[n++] = expanded[i];
	}
	if (cap > 0) {
		n -= utf8_tail(dst, n);	/* never cut a character in two */
		dst[n] = '\0';
	}
	return n;
}

/* prefix and s into dst as snprintf would (it was a hot spot of ingest) */
static void
join(char *dst, size_t cap, const char *prefix, const char *s)
{
	size_t np = strlen(prefix), ns = strlen(s);

	if (cap == 0)
		return;
	if (np >= cap)
		np = cap - 1;
	memcpy(dst, prefix, np);
	if (ns >= cap - np)
		ns = cap - np - 1;
	memcpy(dst + np, s, ns);
	dst[np + ns] = '\0';
}

/*
 * The key is truncated to cap bytes when it does not fit; callers pass a
 * buffer sized for a 13-digit number or a long name (256 bytes or more).
 */
int
company_key(char *dst, size_t cap, const char *corpno, const char *id,
	    const char *name)
{
	char buf[1024];

	if (corpno && *corpno) {
		text_fold(buf, sizeof buf, corpno, strlen(corpno), 0);
		if (*buf) {
			join(dst, cap, "corp:", buf);
			return 0;
		}
	}
	if (id && *id) {
		text_fold(buf, sizeof buf, id, strlen(id), TEXT_DASH);
		if (*buf) {
			join(dst, cap, "id:", buf);
			return 0;
		}
	}
	if (name && *name) {
		company_name_normalise(buf, sizeof buf, name);
		if (*buf) {
			join(dst, cap, "name:", buf);
			return 0;
		}
	}
	if (cap > 0)
		*dst = '\0';
	return -1;
}
