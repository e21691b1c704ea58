#ifndef GEN_SAMPLE_RNG_H
#define GEN_SAMPLE_RNG_H
/*
 * The sample's one source of chance: xoshiro256** seeded through
 * splitmix64, so that a seed always gives the same draws on any machine.
 */
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

/* Seed r: the same seed, the same stream. */
void rng_init(struct rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t rng_next(struct rng *r);
/* Uniform in [0, 1). */
double rng_unit(struct rng *r);
/* Uniform integer in [lo, hi]. */
int rng_range(struct rng *r, int lo, int hi);
/* Standard normal (Box-Muller, one of the pair). */
double rng_normal(struct rng *r);
/* Index in [0, n) drawn with the weights w[0..n-1]. */
int rng_weighted(struct rng *r, const double *w, int n);
#endif
