/*
 * Fuzz target: submission times (when_parse).  Any bytes must give a time
 * or a reason, never a crash; a parsed time must format.
 */
#include "fuzz.h"
#include "when.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), buf[21];
	const char *why = NULL;
	int64_t t;

	if (when_parse(s, &t, &why) == 0)
		when_format(t, buf);
	else if (!why)
		abort();	/* a failure must say why */
	free(s);
	return 0;
}
