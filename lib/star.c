/*
 * SECURITY ACTION star levels from survey cells.  Forms write the level
 * as stars (★★), words (二つ星, 2つ星), both (★★二つ星), digits or
 * English; "none" is a company that has not declared, "unknown" one that
 * does not know or did not say (about a fifth of declarers in IPA's 2023
 * survey did not know their star).
 *
 * ☆ (the white star) counts like ★ when a cell holds only white stars:
 * people type ☆☆ for ★★ when the filled glyph is not at hand.  A cell
 * mixing the two ("★☆") reads like a rating, "one out of two", and is
 * refused rather than guessed.  Anything beyond two stars ("★★★", "3",
 * 三つ星) does not exist in the scheme and is refused too.
 */
#include <string.h>

#include "star.h"
#include "text.h"

struct word {
	const char *text;
	int stars;		/* 2, 1, 0 (none), -1 (unknown) */
};

/* Whole cells after folding (lower case, no spaces, no brackets). */
static const struct word words[] = {
	{ "二つ星", 2 }, { "2つ星", 2 }, { "ふたつ星", 2 }, { "二ツ星", 2 },
	{ "星2つ", 2 }, { "星二つ", 2 }, { "2", 2 }, { "two", 2 },
	{ "一つ星", 1 }, { "1つ星", 1 }, { "ひとつ星", 1 }, { "一ツ星", 1 },
	{ "星1つ", 1 }, { "星一つ", 1 }, { "1", 1 }, { "one", 1 },
	{ "なし", 0 }, { "無し", 0 }, { "無", 0 }, { "未宣言", 0 },
	{ "宣言していない", 0 }, { "宣言なし", 0 }, { "宣言無し", 0 },
	{ "していない", 0 }, { "星なし", 0 }, { "0", 0 }, { "none", 0 },
	{ "no", 0 },
	{ "不明", -1 }, { "わからない", -1 }, { "分からない", -1 },
	{ "?", -1 }, { "unknown", -1 }, { "未回答", -1 }, { "無回答", -1 },
};

/* Decoration around the level that does not change it. */
static const char *const prefixes[] = {
	"securityaction", "セキュリティアクション", "セキュリティーアクション",
};
static const char *const suffixes[] = {
	"宣言済み", "宣言済", "宣言",
};

/* By enum star_level. */
static const char *const levels[STAR_NLEVELS] = {
	"none", "one", "two", "unknown"
};

/* Drop brackets so that "★★（二つ星）" reads as "★★二つ星". */
static void
drop_brackets(char *s)
{
	static const char *const brackets[] = {
		"(", ")", "[", "]", "【", "】", "「", "」", ":",
	};
	char *out = s;
	size_t i, n;

	while (*s) {
		/* every bracket starts with one of these bytes */
		if (!strchr("()[]:\xe3", *s)) {
			*out++ = *s++;
			continue;
		}
		for (i = 0; i < sizeof brackets / sizeof *brackets; i++) {
			n = strlen(brackets[i]);
			if (!strncmp(s, brackets[i], n))
				break;
		}
		if (i < sizeof brackets / sizeof *brackets) {
			s += n;
			continue;
		}
		*out++ = *s++;
	}
	*out = '\0';
}

/* The stars of a level word, -2 when s is no word. */
static int
word_stars(const char *s)
{
	size_t i, n;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		n = strlen(words[i].text);
		if (strncmp(s, words[i].text, n))
			continue;
		if (s[n] == '\0')
			return words[i].stars;
		/* "二つ星宣言": only a declared level takes the suffix */
		if (words[i].stars > 0 && (!strcmp(s + n, suffixes[0]) ||
		    !strcmp(s + n, suffixes[1]) || !strcmp(s + n, suffixes[2])))
			return words[i].stars;
	}
	return -2;
}

/* Count and cut the stars at the end of s: "二つ星★★". */
static void
cut_trailing_stars(char *s, int *black, int *white)
{
	size_t len = strlen(s);

	for (; len >= 3; s[len] = '\0') {
		if (!strcmp(s + len - 3, "★"))
			(*black)++;
		else if (!strcmp(s + len - 3, "☆"))
			(*white)++;
		else
			break;
		len -= 3;
	}
}

int
star_parse(const char *raw, const char **level, const char **why)
{
	char buf[128];
	const char *p = buf;
	int black = 0, white = 0, stars;
	size_t i;

	if (text_fold(buf, sizeof buf, raw, strlen(raw),
		      TEXT_LOWER | TEXT_DASH | TEXT_NOSPACE) >= sizeof buf - 4)
		goto bad;	/* possibly cut short */
	drop_brackets(buf);
	if (buf[0] == '\0') {
		*level = "unknown";
		return 0;
	}
	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (text_eat(&p, prefixes[i]))
			break;
	for (;;) {
		if (text_eat(&p, "★"))
			black++;
		else if (text_eat(&p, "☆"))
			white++;
		else
			break;
	}
	if (black + white == 0)
		cut_trailing_stars(buf + (p - buf), &black, &white);
	if ((black && white) || black + white > 2)
		goto bad;
	stars = black + white;
	if (*p == '\0' && stars == 0)
		goto bad;		/* only a prefix */
	if (*p) {
		int w = word_stars(p);

		if (w == -2 || (stars && w != stars))
			goto bad;
		stars = w;
	}
	*level = levels[stars < 0 ? STAR_UNKNOWN : stars];
	return 0;
bad:
	*why = "unrecognised star level";
	return -1;
}

const char *
star_level_name(int level)
{
	return level >= 0 && level < STAR_NLEVELS ? levels[level] : "";
}

const char *
star_label(const char *level)
{
	if (!strcmp(level, "two"))
		return "★★ 二つ星";
	if (!strcmp(level, "one"))
		return "★ 一つ星";
	if (!strcmp(level, "none"))
		return "宣言なし";
	if (!strcmp(level, "unknown"))
		return "不明";
	return "";
}
