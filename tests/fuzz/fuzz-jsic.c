/*
 * Fuzz target: industry cells (jsic_classify).  The result is a division
 * letter A-T, 0 for blank or -1.
 */
#include "fuzz.h"
#include "jsic.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	int c = jsic_classify(s);

	if (c < -1 || (c > 0 && (c < 'A' || c > 'T')))
		abort();
	if (c > 0 && !*jsic_name(c))
		abort();
	free(s);
	return 0;
}
