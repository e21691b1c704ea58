#ifndef SHINDAN_FUZZ_H
#define SHINDAN_FUZZ_H
/*
 * Shared by the libFuzzer targets in tests/fuzz: the parsers take C
 * strings, libFuzzer gives bytes, so each input is copied into a fresh
 * NUL-terminated allocation of exactly its size (ASan then catches a read
 * one byte past the end).  Messages from the library are silenced.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of data (NULs inside end the string early). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	err_verbosity = -1;
	return s;
}
#endif
