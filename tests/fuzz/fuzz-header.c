/*
 * Fuzz target: header cells (header_classify, header_field_by_name).  The
 * result is a question 1..25, a FIELD_ code, none or ambiguous.
 */
#include "fuzz.h"
#include "header.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	double sim = 0;
	int f = header_classify(s, &sim);

	if (!(f == FIELD_NONE || f == FIELD_AMBIGUOUS ||
	      (f >= 1 && f <= 25) || (f >= FIELD_TIME &&
	      f <= FIELD_TIME_START)))
		abort();
	if (f >= 1 && f <= 25 && !(sim > 0 && sim <= 1))
		abort();
	(void)header_field_name(f);
	(void)header_field_by_name(s);
	free(s);
	return 0;
}
