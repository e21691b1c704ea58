/*
 * Answer codes, points and the recogniser for answer cells.  Respondents
 * and survey tools write the four labels many ways; the variants SPEC §2.1
 * lists are accepted, anything else is refused so the row can be rejected
 * with the value named.
 */
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "text.h"

struct variant {
	const char *text;
	char code;
};

/* Whole-cell variants, compared after text_fold(TEXT_LOWER|TEXT_DASH). */
static const struct variant variants[] = {
	{ "実施している", ANS_IMPLEMENTED }, { "実施済み", ANS_IMPLEMENTED },
	{ "実施済", ANS_IMPLEMENTED }, { "実施", ANS_IMPLEMENTED },
	{ "はい", ANS_IMPLEMENTED }, { "○", ANS_IMPLEMENTED },
	{ "◯", ANS_IMPLEMENTED }, { "〇", ANS_IMPLEMENTED },
	{ "4", ANS_IMPLEMENTED }, { "yes", ANS_IMPLEMENTED },
	{ "一部実施している", ANS_PARTIAL }, { "一部実施", ANS_PARTIAL },
	{ "一部", ANS_PARTIAL }, { "△", ANS_PARTIAL }, { "2", ANS_PARTIAL },
	{ "実施していない", ANS_NOT }, { "未実施", ANS_NOT },
	{ "実施なし", ANS_NOT }, { "いいえ", ANS_NOT }, { "×", ANS_NOT },
	{ "✕", ANS_NOT }, { "✖", ANS_NOT }, { "0", ANS_NOT },
	{ "no", ANS_NOT },
	{ "わからない", ANS_UNKNOWN }, { "分からない", ANS_UNKNOWN },
	{ "解らない", ANS_UNKNOWN }, { "不明", ANS_UNKNOWN },
	{ "?", ANS_UNKNOWN }, { "-1", ANS_UNKNOWN },
	{ "該当しない", ANS_NA }, { "該当なし", ANS_NA }, { "対象外", ANS_NA },
	{ "非該当", ANS_NA }, { "n/a", ANS_NA }, { "na", ANS_NA },
};

/*
 * Labels looked for inside decorated cells, longest first so that
 * 一部実施している is not also read as 実施している.
 */
static const struct variant labels[] = {
	{ "一部実施している", ANS_PARTIAL }, { "実施していない", ANS_NOT },
	{ "実施している", ANS_IMPLEMENTED }, { "わからない", ANS_UNKNOWN },
	{ "分からない", ANS_UNKNOWN }, { "該当しない", ANS_NA },
};

/*
 * The labels as survey tools write them: read without folding, told apart
 * by their length (all are three-byte characters) and first bytes.
 */
static int
exact_label(const char *cell, size_t len)
{
	switch (len) {
	case 0:
		return ANS_MISSING;
	case 18:
		return memcmp(cell, "実施している", 18) ? 0 : ANS_IMPLEMENTED;
	case 21:
		return memcmp(cell, "実施していない", 21) ? 0 : ANS_NOT;
	case 24:
		return memcmp(cell, "一部実施している", 24) ? 0 : ANS_PARTIAL;
	case 15:
		if (!memcmp(cell, "わからない", 15))
			return ANS_UNKNOWN;
		return memcmp(cell, "該当しない", 15) ? 0 : ANS_NA;
	}
	return 0;
}

/*
 * What may stand around a label in a decorated cell: white space,
 * brackets and separators, and the label's own points ("4: 実施している",
 * "実施している（4点）").  Anything else qualifies the answer (予定, 一部,
 * 検討中, 一部の部署のみ), and a qualified answer is not the label: the
 * row is rejected rather than read as fully implemented.  rest is the
 * folded cell with the label blanked out.
 */
static int
decoration_only(const char *rest, int code)
{
	static const char *const marks[] = {
		"【", "】", "「", "」", "『", "』", "〔", "〕", "［", "］",
		"：", "、", "。", "・", "…", "＝",
	};
	const char *p = rest;
	int points = answer_points(code, 4);

	while (*p) {
		size_t i;

		if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' &&
						  p[1] <= '9')) {
			char *end;
			long v = strtol(p, &end, 10);

			if (code == ANS_NA || v != points)
				return 0;
			p = end;
			if (!strncmp(p, "点", strlen("点")))
				p += strlen("点");
			else if (!strncmp(p, "pt", 2))
				p += 2;
			continue;
		}
		if (strchr(" ()[]{}<>:;.,=/|-_*#", *p)) {
			p++;
			continue;
		}
		for (i = 0; i < sizeof marks / sizeof *marks; i++)
			if (!strncmp(p, marks[i], strlen(marks[i])))
				break;
		if (i == sizeof marks / sizeof *marks)
			return 0;
		p += strlen(marks[i]);
	}
	return 1;
}

int
answer_parse(const char *cell)
{
	return answer_parse_n(cell, strlen(cell));
}

int
answer_parse_n(const char *cell, size_t clen)
{
	char buf[256];
	size_t i, len;
	int found = exact_label(cell, clen);

	if (found)
		return found;
	len = text_fold(buf, sizeof buf, cell, clen, TEXT_LOWER | TEXT_DASH);
	if (len == 0)
		return ANS_MISSING;
	for (i = 0; i < sizeof variants / sizeof *variants; i++)
		if (strcmp(buf, variants[i].text) == 0)
			return variants[i].code;
	for (i = 0; i < sizeof labels / sizeof *labels; i++) {
		char *at;

		while ((at = strstr(buf, labels[i].text))) {
			if (found && found != labels[i].code)
				return 0;
			found = labels[i].code;
			memset(at, ' ', strlen(labels[i].text));
		}
	}
	if (found && !decoration_only(buf, found))
		return 0;
	return found;
}

int
answer_points(int code, int na_points)
{
	switch (code) {
	case ANS_IMPLEMENTED:
		return 4;
	case ANS_PARTIAL:
		return 2;
	case ANS_NOT:
		return 0;
	case ANS_UNKNOWN:
		return -1;
	case ANS_NA:
		return na_points;
	default:
		return ANSWER_NONE;
	}
}

const char *
answer_label(int code)
{
	switch (code) {
	case ANS_IMPLEMENTED:
		return "実施している";
	case ANS_PARTIAL:
		return "一部実施している";
	case ANS_NOT:
		return "実施していない";
	case ANS_UNKNOWN:
		return "わからない";
	case ANS_NA:
		return "該当しない";
	default:
		return "未回答";
	}
}

int
answer_weaker(int a, int b, int na_points)
{
	int pa, pb;

	if (a == ANS_MISSING)
		return b;
	if (b == ANS_MISSING)
		return a;
	pa = answer_points(a, na_points);
	pb = answer_points(b, na_points);
	if (pa != pb)
		return pa < pb ? a : b;
	return a == ANS_NA ? b : a;
}
