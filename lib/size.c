/*
 * Employee counts to size classes.  Forms ask for the head count as a
 * number ("15", "約15名", "1,200") or offer bands of their own ("6〜20人",
 * "21-50", "301人以上", "5人以下"), and the bands rarely match ours.  The
 * cell is read as a closed range of head counts [lo, hi] and mapped to a
 * class only when the whole range lies inside that class: "6〜20人" is
 * 6-20, but "10〜30人" could be either 6-20 or 21-50 and is unknown.
 *
 * Readings: a number alone is [n, n]; "n以上", "n+", "n〜" are [n, ∞);
 * "n超" is [n+1, ∞); "n以下", "〜n" are [1, n]; "n未満" is [1, n-1];
 * "a〜b", "a-b", "aからb" are [a, b], and so are "a以上b以下" and its
 * variants with 超 and 未満.  Zero employees, a band starting at 0 ("0〜5")
 * is read as starting at 1, since a company has at least its owner.  A
 * decimal ("2.5", an FTE) is rounded to the nearest whole number.
 */
#include <string.h>

#include "size.h"
#include "text.h"

#define HUGE_COUNT 1000000000L	/* larger counts are not employees */

const char *const size_classes[SIZE_NCLASSES] = {
	"1-5", "6-20", "21-50", "51-100", "101-300", "301+"
};

/* Upper bound of each class; the last is open. */
static const long class_hi[SIZE_NCLASSES] = {
	5, 20, 50, 100, 300, HUGE_COUNT
};

/*
 * A count: digits with optional thousands commas ("1,200") and an optional
 * decimal part, then an optional unit (人, 名).  Returns 0 and sets *n, or
 * -1 without consuming anything.
 */
static int
count(const char **p, long *n)
{
	const char *s = *p;
	long v = 0;
	int digits = 0;

	if (!(*s >= '0' && *s <= '9'))
		return -1;
	for (;;) {
		if (*s >= '0' && *s <= '9') {
			if (v > HUGE_COUNT / 10)
				return -1;
			v = v * 10 + (*s++ - '0');
			digits++;
		} else if (*s == ',' && digits >= 1 && digits <= 3 &&
			   strspn(s + 1, "0123456789") == 3) {
			s++;
			digits = 0;
		} else {
			break;
		}
	}
	if (*s == '.' && s[1] >= '0' && s[1] <= '9') {
		if (s[1] >= '5')
			v++;
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	}
	if (!text_eat(&s, "人") && !text_eat(&s, "名"))
		text_eat(&s, "people");
	*p = s;
	*n = v;
	return 0;
}

/* "〜", "～", "-", "ー", "から": the dash of a band. */
static int
band_dash(const char **p)
{
	return text_eat(p, "〜") || text_eat(p, "~") || text_eat(p, "-") || text_eat(p, "ー") ||
	       text_eat(p, "から");
}

/* Decoration that does not change the reading: 約, 程度, くらい ... */
static const char *const approx_before[] = {
	"約", "およそ", "概ね", "おおよそ", "大体", "ca.", "approx.",
};
static const char *const approx_after[] = {
	"程度", "くらい", "ぐらい", "前後", "ほど", "位",
};

/* Read a range [lo, hi] from folded s; returns 0 or -1. */
static int
range(const char *s, long *lo, long *hi)
{
	long a, b;
	size_t i;

	for (i = 0; i < sizeof approx_before / sizeof *approx_before; i++)
		if (text_eat(&s, approx_before[i]))
			break;
	if (band_dash(&s)) {			/* "〜5人" */
		if (s[-1] == '-' || count(&s, &b) < 0)
			return -1;
		*lo = 1;
		*hi = b;
	} else {
		if (count(&s, &a) < 0)
			return -1;
		*lo = *hi = a;
		if (text_eat(&s, "以上") || text_eat(&s, "+")) {
			*hi = HUGE_COUNT;
		} else if (text_eat(&s, "超")) {
			*lo = a + 1;
			*hi = HUGE_COUNT;
		} else if (text_eat(&s, "以下")) {
			*lo = 1;
		} else if (text_eat(&s, "未満")) {
			*lo = 1;
			*hi = a - 1;
		}
		if (band_dash(&s)) {
			if (*s == '\0') {	/* "301〜" */
				*hi = HUGE_COUNT;
			} else if (count(&s, &b) < 0) {
				return -1;
			} else {
				*hi = b;
				if (text_eat(&s, "未満"))
					*hi = b - 1;
				else
					text_eat(&s, "以下");
			}
		} else if (*hi == HUGE_COUNT && count(&s, &b) == 0) {
			/* "5人以上20人未満" */
			*hi = b;
			if (text_eat(&s, "未満"))
				*hi = b - 1;
			else if (!text_eat(&s, "以下"))
				return -1;
		}
	}
	for (i = 0; i < sizeof approx_after / sizeof *approx_after; i++)
		if (text_eat(&s, approx_after[i]))
			break;
	return *s == '\0' ? 0 : -1;
}

const char *
size_classify(const char *raw)
{
	char buf[128];
	long lo, hi, class_lo = 1;
	size_t len;
	int i;

	len = text_fold(buf, sizeof buf, raw, strlen(raw),
			TEXT_LOWER | TEXT_DASH | TEXT_NOSPACE);
	/* a cell that may have been cut short is no count */
	if (len == 0 || len >= sizeof buf - 4 || range(buf, &lo, &hi) < 0)
		return "unknown";
	if (lo == 0 && hi > 0)
		lo = 1;
	if (lo < 1 || hi < lo)
		return "unknown";
	for (i = 0; i < SIZE_NCLASSES; i++) {
		if (lo >= class_lo && hi <= class_hi[i])
			return size_classes[i];
		class_lo = class_hi[i] + 1;
	}
	return "unknown";
}
