/*
 * The one strtol wrapper every numeric option goes through, so that "12x",
 * "" and out-of-range values are refused the same way everywhere.
 */
#include <errno.h>
#include <stdlib.h>

#include "err.h"
#include "num.h"

int
num_parse(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	if (!s || !*s) {
		errno = EINVAL;
		return -1;
	}
	v = strtol(s, &end, 10);
	if (*end) {
		errno = EINVAL;
		return -1;
	}
	if (errno == ERANGE || v < min || v > max) {
		errno = ERANGE;
		return -1;
	}
	*out = v;
	return 0;
}

int
num_opt(const char *opt, const char *s, long min, long max, long *out)
{
	if (num_parse(s, min, max, out) < 0)
		return error("%s: '%s' is not a number from %ld to %ld", opt,
			     s, min, max);
	return 0;
}
