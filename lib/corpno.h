#ifndef SHINDAN_CORPNO_H
#define SHINDAN_CORPNO_H
/*
 * 法人番号 (corporate number): 13 digits, the first a check digit
 * (9 - (sum of the 12 digits weighted 1,2,1,2,... from the right) mod 9).
 */

/*
 * Parse a cell: hyphens, spaces and full-width digits are allowed.
 * Returns 1 and writes the 13 digits and a NUL to out, 0 for a blank
 * cell, or -1 and sets *why ("13 digits expected, got 14", "check digit
 * is 3, expected 5", ...).
 */
int corpno_parse(const char *raw, char out[14], const char **why);
/*
 * The check digit (1-9) of the 12 base digits base[0..11], which a valid
 * number writes first: 9 - (their sum weighted 1, 2, 1, 2, ... from the
 * rightmost) mod 9.
 */
int corpno_check_digit(const char *base);
#endif
