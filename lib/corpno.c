/*
 * 法人番号 (corporate number) validation.  The number is the strongest
 * company identity an export can carry, so a mistyped one must reject the
 * row instead of silently creating a second company: the 13 digits carry a
 * check digit that catches every single-digit typo.  Exports write the
 * number with hyphens or spaces and in full-width digits; those are folded
 * away before the check.
 */
#include <stdio.h>
#include <string.h>

#include "corpno.h"
#include "text.h"

#define CORPNO_DIGITS 13

int
corpno_check_digit(const char *b)
{
	int i, sum = 0;

	for (i = 0; i < CORPNO_DIGITS - 1; i++)
		sum += (b[CORPNO_DIGITS - 2 - i] - '0') * (i % 2 ? 2 : 1);
	return 9 - sum % 9;
}

/*
 * *why points into a static buffer for the reasons that carry numbers, so
 * it is valid until the next call (the ingest is single-threaded).
 */
int
corpno_parse(const char *raw, char out[14], const char **why)
{
	static char reason[64];
	char buf[256];
	size_t len, i, n = 0;
	int want;

	len = text_fold(buf, sizeof buf, raw, strlen(raw), TEXT_DASH);
	out[0] = '\0';
	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (buf[i] == '-' || buf[i] == ' ')
			continue;
		if (buf[i] < '0' || buf[i] > '9') {
			*why = "not a number";
			return -1;
		}
		if (n < CORPNO_DIGITS)
			out[n] = buf[i];
		n++;
	}
	if (n != CORPNO_DIGITS) {
		out[0] = '\0';
		if (n == 0) {
			*why = "not a number";
			return -1;
		}
		snprintf(reason, sizeof reason,
			 "13 digits expected, got %zu", n);
		*why = reason;
		return -1;
	}
	out[CORPNO_DIGITS] = '\0';
	want = corpno_check_digit(out + 1);
	if (out[0] - '0' != want) {
		snprintf(reason, sizeof reason,
			 "check digit is %c, expected %d", out[0], want);
		out[0] = '\0';
		*why = reason;
		return -1;
	}
	return 1;
}
