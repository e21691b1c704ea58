#ifndef SHINDAN_NUM_H
#define SHINDAN_NUM_H
/*
 * Checked number parsing for option arguments: the whole string must be a
 * decimal integer within [min, max].  Returns 0 and sets *out, or -1 (errno
 * ERANGE or EINVAL) leaving *out untouched.
 */
int num_parse(const char *s, long min, long max, long *out);
/*
 * num_parse for an option's argument: on failure prints why, naming the
 * option opt, and returns -1; the tool makes that a usage error (2).
 */
int num_opt(const char *opt, const char *s, long min, long max, long *out);
#endif
