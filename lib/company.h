#ifndef SHINDAN_COMPANY_H
#define SHINDAN_COMPANY_H
/*
 * Company names and keys.  The key identifies a company across exports:
 * "corp:<法人番号>", else "id:<company id>", else "name:<normalised name>".
 */
#include <stddef.h>

/*
 * Normalise a company name for its key: width-folded, spaces collapsed,
 * (株)/㈱/（株） → 株式会社, (有)/㈲ → 有限会社, (合) → 合同会社.
 * Writes at most cap bytes including the NUL; returns the length.
 */
size_t company_name_normalise(char *dst, size_t cap, const char *src);
/*
 * Build the key from the row's values (any may be NULL or empty; corpno
 * already validated).  Returns 0, or -1 when none of the three is given.
 */
int company_key(char *dst, size_t cap, const char *corpno, const char *id,
		const char *name);
/*
 * Fold the reading of a company name (会社名（フリガナ）as written) for
 * search, as the worklist's script folds what is typed (render/site/
 * site.js, fold): width-folded (ｶﾀｶﾅ is カタカナ), ASCII in lower case,
 * hiragana as katakana (ー and small kana kept), the legal forms left
 * out whether written out (カブシキガイシャ, 株式会社) or abbreviated
 * ((カ), カ) at the start, (カ at the end, (株)), and white space and
 * ・.,、。'"()- dropped.  Writes at most cap bytes (cap >= 1) including
 * the NUL, never cutting a character; returns the length.
 */
size_t company_reading_fold(char *dst, size_t cap, const char *src);
#endif
