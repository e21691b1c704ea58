/*
 * Company names and keys.  The same company arrives in many exports,
 * typed by different people: ＡＢＣ商事（株）, ABC商事㈱ and ABC商事 株式会社
 * are one company.  The key that identifies it prefers the 法人番号, then
 * the consultant's own company id, and only then the name in a normalised
 * form, so that width, spacing and the abbreviations of the legal form do
 * not split one company into several.
 */
#include <stdint.h>
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

/*
 * The legal forms a search leaves out, as they read after folding, in
 * the order site.js's LEGAL tries them.  The kana abbreviations are the
 * banks' (全銀): (カ) 株式会社, (ユ) 有限会社, (ド) 合同会社, (シ) 合資会社,
 * (メ) 合名会社.
 */
static const char *const search_forms[] = {
	"株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
	"一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
	"社団法人", "財団法人", "特定非営利活動法人", "npo法人", "医療法人",
	"社会福祉法人", "学校法人",
	"(株)", "(有)", "(合)", "(資)", "(名)", "(社)", "(財)", "(医)",
	"(福)", "(学)", "(特非)",
	"カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ",
	"ユウゲンカイシャ", "ゴウドウガイシャ", "ゴウドウカイシャ",
	"ゴウシガイシャ", "ゴウシカイシャ", "ゴウメイガイシャ",
	"ゴウメイカイシャ", "イッパンシャダンホウジン",
	"イッパンザイダンホウジン", "コウエキシャダンホウジン",
	"コウエキザイダンホウジン", "トクテイヒエイリカツドウホウジン",
	"イリョウホウジン", "シャカイフクシホウジン", "ガッコウホウジン",
	"(カ)", "(ユ)", "(ド)", "(シ)", "(メ)",
};
/* The abbreviations with one bracket: "カ)" first, "(カ" last. */
static const char *const search_abbrevs[] = { "カ", "ユ", "ド", "シ", "メ" };

/* Characters a search ignores (site.js: [\s\u3000・.,、。'"()-]). */
static int
search_ignored(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0x3000 || cp == 0x30fb || cp == '.' || cp == ',' ||
	       cp == 0x3001 || cp == 0x3002 || cp == '\'' || cp == '"' ||
	       cp == '(' || cp == ')' || cp == '-';
}

/* Length of the legal form at s (at the start when first), else 0. */
static size_t
search_form_at(const char *s, int first)
{
	size_t i, n;

	for (i = 0; i < sizeof search_forms / sizeof *search_forms; i++) {
		n = strlen(search_forms[i]);
		if (strncmp(s, search_forms[i], n) == 0)
			return n;
	}
	for (i = 0; i < sizeof search_abbrevs / sizeof *search_abbrevs; i++) {
		n = strlen(search_abbrevs[i]);
		if (first && strncmp(s, search_abbrevs[i], n) == 0 &&
		    s[n] == ')')
			return n + 1;
		if (s[0] == '(' && strncmp(s + 1, search_abbrevs[i], n) == 0 &&
		    s[1 + n] == '\0')
			return n + 1;
	}
	return 0;
}

size_t
company_reading_fold(char *dst, size_t cap, const char *src)
{
	char folded[1024], kata[1024];
	const char *p, *end;
	size_t n = 0, k, len;

	text_fold(folded, sizeof folded, src, strlen(src), TEXT_LOWER);
	/* hiragana to katakana: ぁ..ゖ and ゝゞ are 0x60 below */
	p = folded;
	end = folded + strlen(folded);
	while (p < end) {
		const char *at = p;
		int32_t cp = utf8_next(&p, end);

		if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309d ||
		    cp == 0x309e)
			n += utf8_put(kata + n, (uint32_t)cp + 0x60);
		else {
			memcpy(kata + n, at, (size_t)(p - at));
			n += (size_t)(p - at);
		}
	}
	kata[n] = '\0';
	len = n;
	n = 0;
	p = kata;
	end = kata + len;
	while (p < end) {
		const char *at = p;
		int32_t cp;

		if ((k = search_form_at(p, p == kata))) {
			p += k;
			continue;
		}
		cp = utf8_next(&p, end);
		if (cp >= 0 && search_ignored(cp))
			continue;
		if (n + (size_t)(p - at) >= cap)
			break;
		memcpy(dst + n, at, (size_t)(p - at));
		n += (size_t)(p - at);
	}
	dst[n] = '\0';
	return n;
}
