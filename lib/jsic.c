/*
 * Industry cells to JSIC divisions (日本標準産業分類 大分類 A-T).
 *
 * Forms let respondents type their industry, or offer a house list of
 * choices, so the same division arrives as "G", "Ｇ", "情報通信業", "情報",
 * "39", "G 情報通信業", "IT・ソフトウェア" or "Web制作".  The division
 * table (data/jsic.tsv) and the alias list (data/industry_aliases.tsv)
 * are compiled in and parsed on first use; users add aliases of their own
 * with jsic_load_aliases, and theirs are consulted before anything else.
 *
 * Cells and table entries are compared in one "squashed" form: width-
 * folded, lower-case, without spaces or punctuation (、・,/()【】 ...), so
 * "卸売業、小売業", "卸売業・小売業" and "卸売業，小売業" are the same.
 *
 * Aliases match the whole cell only, never as a part of it: too many
 * aliases sit inside names of other industries ("通信" in 通信販売, a
 * retailer; "保険" in 保険薬局; "建設" in 建設コンサルタント; "IT" in
 * ITコンサル), so containment would misfile companies silently, while an
 * unknown industry is at least reported.  The only partial readings are
 * the ones SPEC §2.1 asks for or that cannot be wrong in that way: a
 * prefix of exactly one division's name (see prefix_division), a
 * division code followed by its name, a trailing 業 dropped ("通信業" is
 * the alias 通信), and a parenthesised qualifier dropped ("製造業（金属）").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "err.h"
#include "jsic.h"
#include "text.h"

#define KEY_MAX 256
#define MEMO_SLOTS 256		/* power of two */
#define MEMO_LEN 64

struct division {
	char *name;		/* official, as in data/jsic.tsv */
	char *short_name;	/* ours, for charts */
	int lo, hi;		/* 中分類 codes */
};

/* A squashed string that names a division. */
struct key {
	char *key;
	char division;
};

struct keys {
	struct key *v;
	size_t n, cap;
};

static struct division divisions[JSIC_NDIVISIONS];
static struct keys names;	/* names, short names and their parts */
static struct keys builtin;	/* data/industry_aliases.tsv */
static struct keys user;	/* jsic_load_aliases */
static int loaded;

/* The built-in aliases as written, by division, for jsic_alias. */
static struct {
	char **v;
	size_t n;
} written[JSIC_NDIVISIONS];

/*
 * Answers already given, by raw cell.  An export repeats a few dozen
 * industry values over millions of rows, and reading one from scratch
 * walks every name and alias; a hit costs a hash and a strcmp.  Not
 * thread-safe, like the rest of the module; cleared when aliases change.
 */
struct memo {
	char raw[MEMO_LEN];
	int division;
	int used;
};
static struct memo memo[MEMO_SLOTS];

static void
keys_add(struct keys *k, const char *key, int division)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->v = xrealloc(k->v, k->cap * sizeof *k->v);
	}
	k->v[k->n].key = xstrdup(key);
	k->v[k->n].division = (char)division;
	k->n++;
}

/* The division of an exact key, searching the newest entries first. */
static int
keys_find(const struct keys *k, const char *key)
{
	size_t i;

	for (i = k->n; i > 0; i--)
		if (strcmp(k->v[i - 1].key, key) == 0)
			return k->v[i - 1].division;
	return -1;
}


static void
keys_free(struct keys *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->v[i].key);
	free(k->v);
	k->v = NULL;
	k->n = k->cap = 0;
}

/* Separators and decoration that never tell two industries apart. */
static int
is_punct(int32_t cp)
{
	if (cp > 0 && cp < 0x80)
		return strchr(",./()[]{}<>-_:;~&+*'\"!?|#", (int)cp) != NULL;
	return cp == 0x3001 || cp == 0x3002 || cp == 0x30fb ||
	       cp == 0xff65 || (cp >= 0x3008 && cp <= 0x3011) ||
	       cp == 0x3014 || cp == 0x3015 || cp == 0x301c;
}

/* Is cp one of the separators between the parts of a division name? */
static int
is_name_sep(int32_t cp)
{
	return cp == ',' || cp == 0x3001 || cp == 0x30fb || cp == 0xff65;
}

/*
 * Squash len bytes of src into dst (KEY_MAX bytes): width-folded, lower
 * case, without spaces or punctuation.  Returns the length.
 */
static size_t
squash(char *dst, const char *src, size_t len)
{
	char tmp[KEY_MAX];
	const char *p = tmp, *end;
	size_t n = 0;

	end = tmp + text_fold(tmp, sizeof tmp, src, len,
			      TEXT_LOWER | TEXT_DASH | TEXT_NOSPACE);
	while (p < end) {
		const char *start = p;

		if (is_punct(utf8_next(&p, end)))
			continue;
		memcpy(dst + n, start, (size_t)(p - start));
		n += (size_t)(p - start);
	}
	dst[n] = '\0';
	return n;
}

/*
 * Add a division name and each of its parts ("卸売業，小売業" gives
 * 卸売業小売業, 卸売業 and 小売業) as keys of the division.
 */
static void
add_name(const char *name, int division)
{
	char folded[KEY_MAX], key[KEY_MAX];
	const char *p = folded, *part = folded, *end;

	end = folded + text_fold(folded, sizeof folded, name, strlen(name),
				 TEXT_LOWER | TEXT_DASH | TEXT_NOSPACE);
	if (squash(key, name, strlen(name)) > 0 &&
	    keys_find(&names, key) != division)
		keys_add(&names, key, division);
	while (p <= end) {
		const char *start = p;
		int32_t cp = p < end ? utf8_next(&p, end) : (p++, ',');

		if (!is_name_sep(cp))
			continue;
		if (part != folded || start != end) {
			if (squash(key, part, (size_t)(start - part)) > 0 &&
			    keys_find(&names, key) != division)
				keys_add(&names, key, division);
		}
		part = p;
	}
}

/* Split the next TSV field off *p (modified in place). */
static char *
next_field(char **p)
{
	char *s = *p, *e = s + strcspn(s, "\t\r\n");

	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

/* A division column: a letter A-T, any width or case; else -1. */
static int
division_letter(const char *s)
{
	char buf[8];

	if (text_fold(buf, sizeof buf, s, strlen(s), TEXT_LOWER) != 1 ||
	    buf[0] < 'a' || buf[0] > 't')
		return -1;
	return buf[0] - 'a' + 'A';
}

/*
 * The parsed table points into this copy, kept for the process's life;
 * "used" keeps the store, so leak checkers see the block as reachable.
 */
static char *division_text __attribute__((used));

static void
load_divisions(void)
{
	char *buf = division_text = xstrdup(embedded_jsic), *p, *end;
	int i = 0;

	p = strchr(buf, '\n') + 1;	/* header */
	for (; *p; p = end ? end + 1 : p + strlen(p)) {
		struct division *d;
		char *line = p, *letter, *codes;

		end = strchr(p, '\n');
		if (end)
			*end = '\0';
		if (!*line)
			continue;
		letter = next_field(&line);
		if (i >= JSIC_NDIVISIONS || division_letter(letter) != 'A' + i)
			die("data/jsic.tsv: division '%s' out of order",
			    letter);
		d = &divisions[i];
		d->name = next_field(&line);
		d->short_name = next_field(&line);
		codes = next_field(&line);
		if (sscanf(codes, "%d-%d", &d->lo, &d->hi) != 2)
			die("data/jsic.tsv: bad codes '%s' for %s", codes,
			    letter);
		add_name(d->name, 'A' + i);
		add_name(d->short_name, 'A' + i);
		i++;
	}
	if (i != JSIC_NDIVISIONS)
		die("data/jsic.tsv: %d divisions, want %d", i,
		    JSIC_NDIVISIONS);
}

/*
 * Read one line of an alias file into k.  Header, comment and blank lines
 * are skipped.  Returns 0, or -1 after printing "file:line: why".
 */
static int
alias_line(char *line, const char *file, long lineno, struct keys *k)
{
	char key[KEY_MAX], *alias, *div;
	int d;

	if (lineno == 1 && !strncmp(line, "\xef\xbb\xbf", 3))
		line += 3;
	if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
		return 0;
	if (!strchr(line, '\t'))
		return error("%s:%ld: expected alias<TAB>division", file,
			     lineno);
	alias = next_field(&line);
	div = next_field(&line);
	if (lineno == 1 && !strcmp(alias, "alias"))
		return 0;
	if (squash(key, alias, strlen(alias)) == 0)
		return error("%s:%ld: empty alias", file, lineno);
	if ((d = division_letter(div)) < 0)
		return error("%s:%ld: unknown division '%s' for '%s' "
			     "(want a letter A-T)", file, lineno, div, alias);
	keys_add(k, key, d);
	if (k == &builtin) {
		size_t *n = &written[d - 'A'].n;

		written[d - 'A'].v = xrealloc(written[d - 'A'].v,
					      (*n + 1) * sizeof (char *));
		written[d - 'A'].v[(*n)++] = xstrdup(alias);
	}
	return 0;
}

static void
load(void)
{
	char *buf, *p, *end;
	long lineno = 0;

	if (loaded)
		return;
	loaded = 1;
	load_divisions();
	buf = xstrdup(embedded_industry_aliases);
	for (p = buf; *p; p = end ? end + 1 : p + strlen(p)) {
		end = strchr(p, '\n');
		if (end)
			*end = '\0';
		if (alias_line(p, "data/industry_aliases.tsv", ++lineno,
			       &builtin) < 0)
			die("built-in industry aliases are broken");
	}
	free(buf);
}

/* The division of a 中分類 code, or -1. */
static int
code_division(int code)
{
	int i;

	for (i = 0; i < JSIC_NDIVISIONS; i++)
		if (code >= divisions[i].lo && code <= divisions[i].hi)
			return 'A' + i;
	return -1;
}

/*
 * A prefix of a division's name, short name or one of their parts ("情報"
 * of 情報通信業, "小売" of 小売業), at least two characters long so that a
 * stray kanji is not an industry.  It must belong to exactly one division:
 * when the text also appears anywhere inside another division's names it
 * is ambiguous ("サービス" is in L, M, N, Q and R; "分類" in R, S, T).
 */
static int
prefix_division(const char *key)
{
	size_t i, len = strlen(key);
	int found = -1, inside = -1;

	if (utf8_len(key, len) < 2)
		return -1;
	for (i = 0; i < names.n; i++) {
		const struct key *k = &names.v[i];

		if (!strstr(k->key, key))
			continue;
		if (inside > 0 && inside != k->division)
			return -1;
		inside = k->division;
		if (!strncmp(k->key, key, len))
			found = k->division;
	}
	return found;
}

/* The division of a squashed cell read as a whole, or -1. */
static int
classify_key(const char *key)
{
	size_t len = strlen(key);
	int d;

	if ((d = keys_find(&user, key)) > 0)
		return d;
	if (len == 1 && key[0] >= 'a' && key[0] <= 't')
		return key[0] - 'a' + 'A';
	if (len <= 2 && strspn(key, "0123456789") == len)
		return code_division(atoi(key));
	if ((d = keys_find(&names, key)) > 0)
		return d;
	if ((d = keys_find(&builtin, key)) > 0)
		return d;
	if ((d = prefix_division(key)) > 0)
		return d;
	/* "通信業", "美容業": an alias with 業 added */
	if (len > 3 && !strcmp(key + len - 3, "業")) {
		char shorter[KEY_MAX];

		memcpy(shorter, key, len - 3);
		shorter[len - 3] = '\0';
		if ((d = keys_find(&user, shorter)) > 0 ||
		    (d = keys_find(&builtin, shorter)) > 0)
			return d;
	}
	return -1;
}

static int classify_folded(const char *f);

/*
 * A division code followed by a name: "G 情報通信業", "G:情報通信業",
 * "39 情報サービス業", "E09 食料品製造業".  The name must give the same
 * division: a letter may just begin a word ("E コマース"), and a number
 * may be a house list's own numbering ("1. 鉄鋼" is not 01 農業), so
 * neither is trusted alone.  A letter and a 中分類 code that agree
 * ("E09 ...") are, whatever the name.
 */
static int
coded_name(const char *f)
{
	const char *p = f;
	int letter = 0, code, num = 0, n = 0, d;

	if (*p >= 'a' && *p <= 't' && !(p[1] >= 'a' && p[1] <= 'z'))
		letter = *p++ - 'a' + 'A';
	while (p[n] >= '0' && p[n] <= '9' && n < 3)
		num = num * 10 + (p[n++] - '0');
	if (n > 2 || (n == 0 && !letter))
		return -1;
	code = n ? code_division(num) : letter;
	if (code < 0 || (letter && code != letter))
		return -1;
	for (p += n; *p && strchr(" :.-_)]", *p); p++)
		;
	if (!*p)
		return code;
	d = classify_folded(p);
	if (d == code)
		return code;
	return d < 0 && n && letter ? code : -1;
}

/* Classify a width-folded, lower-case, non-blank cell. */
static int
classify_folded(const char *f)
{
	char key[KEY_MAX], head[KEY_MAX];
	const char *open;
	size_t len = strlen(f);
	int d;

	if (squash(key, f, len) == 0)
		return -1;
	if ((d = classify_key(key)) > 0)
		return d;
	if ((d = coded_name(f)) > 0)
		return d;
	/* "製造業(金属)": the qualifier only narrows the industry down */
	if (len > 1 && f[len - 1] == ')' && (open = strrchr(f, '(')) &&
	    open > f) {
		memcpy(head, f, (size_t)(open - f));
		head[open - f] = '\0';
		return classify_folded(head);
	}
	return -1;
}

/* Classify a raw cell without the memo. */
static int
classify_raw(const char *raw, size_t rawlen)
{
	char f[KEY_MAX];
	size_t len;

	len = text_fold(f, sizeof f, raw, rawlen, TEXT_LOWER | TEXT_DASH);
	if (len == 0)
		return 0;
	if (len >= sizeof f - 4)	/* possibly cut short: no industry */
		return -1;
	return classify_folded(f);
}

int
jsic_classify(const char *raw)
{
	size_t len = strlen(raw), i;
	uint32_t h = 2166136261u;	/* FNV-1a */
	struct memo *m;

	load();
	if (len >= MEMO_LEN)
		return classify_raw(raw, len);
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)raw[i]) * 16777619u;
	m = &memo[h & (MEMO_SLOTS - 1)];
	if (!m->used || strcmp(m->raw, raw) != 0) {
		memcpy(m->raw, raw, len + 1);
		m->division = classify_raw(raw, len);
		m->used = 1;
	}
	return m->division;
}

const char *
jsic_name(int division)
{
	if (division < 'A' || division >= 'A' + JSIC_NDIVISIONS)
		return "";
	load();
	return divisions[division - 'A'].name;
}

const char *
jsic_short_name(int division)
{
	if (division < 'A' || division >= 'A' + JSIC_NDIVISIONS)
		return "";
	load();
	return divisions[division - 'A'].short_name;
}

int
jsic_middle_codes(int division, int *lo, int *hi)
{
	if (division < 'A' || division >= 'A' + JSIC_NDIVISIONS)
		return -1;
	load();
	*lo = divisions[division - 'A'].lo;
	*hi = divisions[division - 'A'].hi;
	return 0;
}

const char *
jsic_alias(int division, size_t k)
{
	if (division < 'A' || division >= 'A' + JSIC_NDIVISIONS)
		return NULL;
	load();
	return k < written[division - 'A'].n ? written[division - 'A'].v[k] :
	       NULL;
}

int
jsic_load_aliases(const char *path)
{
	struct keys k = { 0 };
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, i;
	long lineno = 0;
	int rc = 0;

	load();
	if (!(fp = fopen(path, "r")))
		return error("%s: cannot open:", path);
	while (getline(&line, &cap, fp) > 0)
		if (alias_line(line, path, ++lineno, &k) < 0) {
			rc = -1;
			break;
		}
	if (rc == 0 && ferror(fp))
		rc = error("%s: cannot read:", path);
	fclose(fp);
	free(line);
	/* all or nothing: a file with a bad line adds no alias */
	for (i = 0; rc == 0 && i < k.n; i++)
		keys_add(&user, k.v[i].key, k.v[i].division);
	if (rc == 0 && k.n > 0)
		memset(memo, 0, sizeof memo);
	keys_free(&k);
	return rc;
}
