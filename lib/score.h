#ifndef SHINDAN_SCORE_H
#define SHINDAN_SCORE_H
/*
 * Score bands (IPA's own): 100, 70-99, 50-69, <=49.
 */
#define SCORE_MIN (-25)
#define SCORE_MAX 100
#define NBANDS 4

/* Band index of a total: 0 = 100, 1 = 70-99, 2 = 50-69, 3 = <=49. */
int score_band(int total);
/* Code stored in the database: "100", "70-99", "50-69", "<=49". */
const char *score_band_code(int band);
/* IPA's words for the band, e.g. "ほぼできているが一部不十分". */
const char *score_band_label(int band);
/* Our advice for the band, one or two sentences of Japanese. */
const char *score_band_advice(int band);
#endif
