/*
 * Fuzz target: submission times (when_parse).  Any bytes must give a time
 * or a reason, never a crash; a parsed time must format.  The same text
 * with a space after it (which folding drops) goes the general way, never
 * the shortcut for the common shape: both must give the same answer.
 */
#include "fuzz.h"
#include "when.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), buf[21], *spaced;
	const char *why = NULL, *why2 = NULL;
	int64_t t, t2;
	int rc, rc2;
	size_t n = strlen(s);

	if ((rc = when_parse(s, &t, &why)) == 0)
		when_format(t, buf);
	else if (!why)
		abort();	/* a failure must say why */
	spaced = malloc(n + 2);
	if (!spaced)
		abort();
	memcpy(spaced, s, n);
	memcpy(spaced + n, " ", 2);
	rc2 = when_parse(spaced, &t2, &why2);
	if (rc2 != rc || (rc == 0 && t2 != t) ||
	    (rc != 0 && n < 100 && strcmp(why, why2)))
		abort();
	free(spaced);
	free(s);
	return 0;
}
