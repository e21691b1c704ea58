#ifndef SHINDAN_CUBE_H
#define SHINDAN_CUBE_H
/*
 * The benchmark cube (SPEC §2.2): every combination of industry (A-T,
 * unknown, *) x size class (six, unknown, *) x star level (none, one, two,
 * unknown, *), with the statistics of each group.  Companies are added one
 * at a time into the cell of their own three attributes; cube_finish rolls
 * the cells up into the "*" margins and computes the statistics.  Memory is
 * fixed by the number of groups, whatever the number of companies.
 */
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "score.h"
#include "state.h"

#define CUBE_NINDUSTRY 22	/* 'A'..'T', unknown, * */
#define CUBE_NSIZE 8		/* six classes, unknown, * */
#define CUBE_NSTAR 5		/* none, one, two, unknown, * */
#define CUBE_NGROUPS (CUBE_NINDUSTRY * CUBE_NSIZE * CUBE_NSTAR)
#define CUBE_NSCORES (SCORE_MAX - SCORE_MIN + 1)
#define CUBE_NCODES 5		/* I P N U A, in answer_codes order */

/* The answer codes in the order of question counts. */
extern const char cube_codes[CUBE_NCODES];

struct cube_question {
	int64_t count[CUBE_NCODES];	/* implemented .. na */
	int has_rate;			/* n - na > 0 */
	double implemented_rate;
	int has_mean;
	double mean_points;		/* over non-na answers */
	int rank;			/* 1 = lowest mean_points */
	int below_overall;
};

struct cube_group {
	int industry, size, star;	/* indexes; see cube_*_code */
	int64_t n;			/* complete companies */
	int64_t n_incomplete;
	int64_t hist[CUBE_NSCORES];	/* hist[score - SCORE_MIN] */
	int64_t part_sum[NPARTS];
	/* statistics, valid when n > 0 (sd when has_sd) */
	double mean, sd, median, p25, p75;
	int has_sd;
	int min, max;
	int64_t band[NBANDS];
	double part_mean[NPARTS];
	int suppressed;			/* n < min_group */
	struct cube_question q[NQUESTIONS];
};

struct cube {
	struct cube_group g[CUBE_NGROUPS];
	int64_t n_companies, n_incomplete;
	int ngroups;			/* non-empty, after cube_finish */
};

/* Allocate an empty cube (dies when out of memory); free with free(). */
struct cube *cube_new(void);
/* Count one company into the cell of its attributes. */
void cube_add(struct cube *c, const struct company_state *s);
/* Take out a company cube_add counted, given the same state. */
void cube_remove(struct cube *c, const struct company_state *s);

/*
 * Counting the many companies of a full scan: cube_tally_add counts a
 * company as cube_add does, but its answers into t, a compact table of
 * the question counts of every cell that stays in the processor's cache
 * where the cells' own counts, spread among their statistics, do not.
 * cube_tally_flush adds t into the cells and empties it; it must come
 * before anything reads the cube's question counts.  t comes from
 * cube_tally_new (dies when out of memory); free it with free().
 */
struct cube_tally;
struct cube_tally *cube_tally_new(void);
void cube_tally_add(struct cube *c, struct cube_tally *t,
		    const struct company_state *s);
void cube_tally_flush(struct cube *c, struct cube_tally *t);

/*
 * The cube's integer state (the counts of its cells, before cube_finish
 * rolls them up), saved with a run so that the next run can start from
 * it.  cube_state_format identifies the layout and the catalogue it was
 * counted with: a state of another format is not loaded.
 */
int64_t cube_state_format(void);
/*
 * The state of c's cells in a malloc'ed buffer (*out, the caller frees
 * it); returns its size in bytes.
 */
size_t cube_state_save(const struct cube *c, int64_t **out);
/* Load a saved state into the empty cube c; 0, or -1 if malformed. */
int cube_state_load(struct cube *c, const void *blob, size_t len);
/* 1 when every count of every cell is possible (none negative, ...). */
int cube_state_sane(const struct cube *c);
/*
 * Roll the cells up into the margins and compute every statistic; groups
 * with n < min_group are marked suppressed.  Call once, after the last
 * cube_add.
 */
void cube_finish(struct cube *c, int min_group);
/*
 * For pooling (pool.c), where cells come as counts rather than companies.
 * cube_group_at is the group of three indexes (the last index of each is
 * "*").  cube_group_add adds from's counts (n, n_incomplete, histogram,
 * part sums, answer counts) to to's.  cube_add_cell counts a cell whose
 * coordinates may be "*" where an organisation withheld them: a full cell
 * waits for cube_finish like one filled by cube_add, a withheld one goes
 * at once into every margin it belongs to, and to no finer group.
 */
struct cube_group *cube_group_at(struct cube *c, int industry, int size,
				 int star);
void cube_group_add(struct cube_group *to, const struct cube_group *from);
void cube_add_cell(struct cube *c, const struct cube_group *cell);
/* A group is empty when it has no company, complete or not. */
int cube_group_empty(const struct cube_group *g);

/* The stored codes of an index: "A".."T", "unknown", "*" and so on. */
const char *cube_industry_code(int i);
const char *cube_size_code(int i);
const char *cube_star_code(int i);
/* Index of a stored code (anything unrecognised is unknown). */
int cube_industry_index(const char *code);
int cube_size_index(const char *code);
int cube_star_index(const char *code);

/* The whole population's group (*, *, *). */
const struct cube_group *cube_all(const struct cube *c);

/*
 * Statistics of a histogram of integer scores, exposed for testing:
 * PERCENTILE.INC at q quarters (1 = p25, 2 = median, 3 = p75).
 */
double cube_percentile(const int64_t hist[CUBE_NSCORES], int64_t n, int q);
/* Upper bound of the 95 % Wilson score interval of k successes in n. */
double cube_wilson_upper(int64_t k, int64_t n);
#endif
