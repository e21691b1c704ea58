/*
 * Fuzz target: 法人番号 cells (corpno_parse).  A valid number is 13 digits
 * whose check digit holds; a failure has a reason.
 */
#include "corpno.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), out[14];
	const char *why = NULL;
	int rc = corpno_parse(s, out, &why), i, sum = 0;

	if (rc < 0 && !why)
		abort();
	if (rc == 1) {
		if (strlen(out) != 13 || strspn(out, "0123456789") != 13)
			abort();
		for (i = 1; i < 13; i++)	/* weights 1,2,1,2 from the right */
			sum += (out[i] - '0') * ((13 - i) % 2 ? 1 : 2);
		if (out[0] - '0' != 9 - sum % 9)
			abort();
	}
	free(s);
	return 0;
}
