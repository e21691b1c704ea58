/*
 * Fuzz target: company names (company_name_normalise, company_key).  The
 * result fits its buffer, is NUL-terminated and its length is returned.
 */
#include "company.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), small[16], big[640];
	size_t n;

	n = company_name_normalise(small, sizeof small, s);
	if (n >= sizeof small || strlen(small) != n)
		abort();
	n = company_name_normalise(big, sizeof big, s);
	if (n >= sizeof big || strlen(big) != n)
		abort();
	if (company_key(big, sizeof big, NULL, NULL, s) == 0 &&
	    strlen(big) >= sizeof big)
		abort();
	free(s);
	return 0;
}
