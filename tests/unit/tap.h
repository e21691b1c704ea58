#ifndef SHINDAN_TAP_H
#define SHINDAN_TAP_H
/*
 * A tiny TAP producer for the unit tests of lib/: each check prints
 * "ok N - what" or "not ok N - what" with the values on failure.
 */
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define TAP_OK(cond, ...) do { \
	int tap_c_ = (cond); \
	printf("%sok %d - ", tap_c_ ? "" : "not ", ++tap_n); \
	printf(__VA_ARGS__); \
	putchar('\n'); \
	if (!tap_c_) { \
		tap_failed++; \
		printf("#   at %s:%d\n", __FILE__, __LINE__); \
	} \
} while (0)

#define TAP_INT(got, want, ...) do { \
	long long tap_g_ = (got), tap_w_ = (want); \
	TAP_OK(tap_g_ == tap_w_, __VA_ARGS__); \
	if (tap_g_ != tap_w_) \
		printf("#   got: %lld\n#  want: %lld\n", tap_g_, tap_w_); \
} while (0)

#define TAP_STR(got, want, ...) do { \
	const char *tap_g_ = (got), *tap_w_ = (want); \
	int tap_e_ = (tap_g_ && tap_w_) ? strcmp(tap_g_, tap_w_) == 0 : \
		     tap_g_ == tap_w_; \
	TAP_OK(tap_e_, __VA_ARGS__); \
	if (!tap_e_) \
		printf("#   got: '%s'\n#  want: '%s'\n", \
		       tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
#endif
