#ifndef SHINDAN_JSIC_H
#define SHINDAN_JSIC_H
/*
 * Industries: JSIC divisions A-T (日本標準産業分類 大分類), from data/jsic.tsv
 * and data/industry_aliases.tsv (compiled in; users add their own aliases
 * with jsic_load_aliases).
 */
#define JSIC_NDIVISIONS 20

/*
 * Classify an industry cell: a division letter (A-T, full-width too), the
 * division's name or short name, a prefix of exactly one name, a 2-digit
 * 中分類 code 01-99, or an alias.  Returns 'A'..'T', 0 for a blank cell,
 * or -1 when the value is not recognised.
 */
int jsic_classify(const char *raw);
/* Official name of a division ('A'..'T'), "" otherwise. */
const char *jsic_name(int division);
/* Our short name for charts ("情報通信業"), "" otherwise. */
const char *jsic_short_name(int division);
/*
 * Add aliases from a TSV file of "alias<TAB>division" lines (a header line
 * "alias<TAB>division" and lines starting with '#' are skipped).  Returns
 * 0, or -1 after printing "file:line: why" for a bad line or file.
 */
int jsic_load_aliases(const char *path);
/*
 * The 中分類 codes of a division ('A'..'T'): sets *lo and *hi (both
 * included) and returns 0, or returns -1 for another letter.
 */
int jsic_middle_codes(int division, int *lo, int *hi);
/*
 * The k-th (from 0) built-in alias of a division ('A'..'T') as written in
 * data/industry_aliases.tsv, in the file's order, or NULL past the last:
 * sample data writes industries the way exports do.
 */
const char *jsic_alias(int division, size_t k);
#endif
