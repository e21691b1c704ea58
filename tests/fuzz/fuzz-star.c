/*
 * Fuzz target: star level cells (star_parse).  Either one of the four
 * levels or a reason.
 */
#include "fuzz.h"
#include "star.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	const char *level = NULL, *why = NULL;
	int rc = star_parse(s, &level, &why);

	if (rc == 0 && (!level || !*star_label(level)))
		abort();
	if (rc < 0 && !why)
		abort();
	free(s);
	return 0;
}
