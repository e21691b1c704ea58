/*
 * Fuzz target: employee counts and bands (size_classify).  The result is
 * one of the six classes or "unknown".
 */
#include "fuzz.h"
#include "size.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	const char *c = size_classify(s);
	int i, known = strcmp(c, "unknown") == 0;

	for (i = 0; i < SIZE_NCLASSES; i++)
		known |= c == size_classes[i];
	if (!known)
		abort();
	free(s);
	return 0;
}
