/*
 * The benchmark cube: counting companies into groups and the statistics
 * of each group, exactly as SPEC §2.2 defines them.
 *
 * Scores are integers from -25 to 100, so a histogram of 126 bins per
 * group holds everything the order statistics need: medians and quartiles
 * are exact, and sums of integers give the mean and the sample SD without
 * rounding on the way.  A company is counted once, into the cell of its
 * own industry, size and star level; the "*" margins are sums of cells,
 * made once at the end, so adding a company costs the same however many
 * groups it belongs to.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "cube.h"
#include "err.h"

#define IND_UNKNOWN 20
#define IND_ALL 21
#define SIZE_UNKNOWN 6
#define SIZE_ALL 7
#define STAR_UNKNOWN 3
#define STAR_ALL 4

/* z for a two-sided 95 % interval */
#define WILSON_Z 1.959963984540054

const char cube_codes[CUBE_NCODES] = {
	ANS_IMPLEMENTED, ANS_PARTIAL, ANS_NOT, ANS_UNKNOWN, ANS_NA,
};

static const char *const industry_codes[CUBE_NINDUSTRY] = {
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
	"O", "P", "Q", "R", "S", "T", "unknown", "*",
};
static const char *const size_codes[CUBE_NSIZE] = {
	"1-5", "6-20", "21-50", "51-100", "101-300", "301+", "unknown", "*",
};
static const char *const star_codes[CUBE_NSTAR] = {
	"none", "one", "two", "unknown", "*",
};

static int
group_index(int industry, int size, int star)
{
	return (industry * CUBE_NSIZE + size) * CUBE_NSTAR + star;
}

const char *
cube_industry_code(int i)
{
	return i >= 0 && i < CUBE_NINDUSTRY ? industry_codes[i] : "";
}

const char *
cube_size_code(int i)
{
	return i >= 0 && i < CUBE_NSIZE ? size_codes[i] : "";
}

const char *
cube_star_code(int i)
{
	return i >= 0 && i < CUBE_NSTAR ? star_codes[i] : "";
}

int
cube_industry_index(const char *code)
{
	if (code && code[0] >= 'A' && code[0] <= 'T' && code[1] == '\0')
		return code[0] - 'A';
	return IND_UNKNOWN;
}

/* Index of code among the first n - 2 codes (the named ones). */
static int
lookup(const char *const *codes, int n, const char *code)
{
	int i;

	for (i = 0; code && i < n - 2; i++)
		if (codes[i][0] == code[0] && strcmp(codes[i], code) == 0)
			return i;
	return n - 2;
}

int
cube_size_index(const char *code)
{
	return lookup(size_codes, CUBE_NSIZE, code);
}

int
cube_star_index(const char *code)
{
	return lookup(star_codes, CUBE_NSTAR, code);
}

struct cube *
cube_new(void)
{
	struct cube *c = xcalloc(1, sizeof *c);
	int i, s, t;

	for (i = 0; i < CUBE_NINDUSTRY; i++)
		for (s = 0; s < CUBE_NSIZE; s++)
			for (t = 0; t < CUBE_NSTAR; t++) {
				struct cube_group *g =
					&c->g[group_index(i, s, t)];

				g->industry = i;
				g->size = s;
				g->star = t;
			}
	return c;
}

/*
 * Column of an answer code in the question counts, plus one: 0 for
 * missing and for anything that is not a code.  A table, so that counting
 * a company's 25 answers is 25 lookups.
 */
static const unsigned char code_column[256] = {
	[ANS_IMPLEMENTED] = 1, [ANS_PARTIAL] = 2, [ANS_NOT] = 3,
	[ANS_UNKNOWN] = 4, [ANS_NA] = 5,
};

/*
 * Count one company into its cell (sign 1) or out of it (sign -1); the
 * cell's index, or -1 when the company is incomplete and its answers are
 * not counted.
 */
static int
count_company(struct cube *c, const struct company_state *s, int sign)
{
	int at = group_index(cube_industry_index(s->industry_code),
			     cube_size_index(s->size_class),
			     cube_star_index(s->star_level));
	struct cube_group *g = &c->g[at];
	int i;

	c->n_companies += sign;
	if (!s->complete || s->total < SCORE_MIN || s->total > SCORE_MAX) {
		c->n_incomplete += sign;
		g->n_incomplete += sign;
		return -1;
	}
	g->n += sign;
	g->hist[s->total - SCORE_MIN] += sign;
	for (i = 0; i < NPARTS; i++)
		g->part_sum[i] += sign * s->part_points[i];
	return at;
}

static void
count(struct cube *c, const struct company_state *s, int sign)
{
	struct cube_group *g;
	int at = count_company(c, s, sign), i;

	if (at < 0)
		return;
	g = &c->g[at];
	for (i = 0; i < NQUESTIONS; i++) {
		int col = code_column[(unsigned char)s->answers[i]];

		if (col)
			g->q[i].count[col - 1] += sign;
	}
}

void
cube_add(struct cube *c, const struct company_state *s)
{
	count(c, s, 1);
}

void
cube_remove(struct cube *c, const struct company_state *s)
{
	count(c, s, -1);
}

/*
 * A column more than the codes, where missing answers go, so that the
 * loop over the answers has no branch.  Flushed well before a count
 * could wrap.
 */
#define TALLY_COLS (CUBE_NCODES + 1)
#define TALLY_FLUSH (UINT32_MAX / 2)

struct cube_tally {
	uint32_t q[CUBE_NGROUPS][NQUESTIONS][TALLY_COLS];
	uint32_t n;			/* companies since the last flush */
};

struct cube_tally *
cube_tally_new(void)
{
	return xcalloc(1, sizeof(struct cube_tally));
}

void
cube_tally_add(struct cube *c, struct cube_tally *t,
	       const struct company_state *s)
{
	uint32_t (*q)[TALLY_COLS];
	int at = count_company(c, s, 1), i;

	if (at < 0)
		return;
	q = t->q[at];
	for (i = 0; i < NQUESTIONS; i++)
		q[i][code_column[(unsigned char)s->answers[i]]]++;
	if (++t->n == TALLY_FLUSH)
		cube_tally_flush(c, t);
}

void
cube_tally_flush(struct cube *c, struct cube_tally *t)
{
	int i, k, j;

	for (i = 0; i < CUBE_NGROUPS; i++)
		for (k = 0; k < NQUESTIONS; k++)
			for (j = 1; j < TALLY_COLS; j++)
				c->g[i].q[k].count[j - 1] += t->q[i][k][j];
	memset(t, 0, sizeof *t);
}

/*
 * The saved state: for each non-empty cell, its index and then its
 * counts, all int64 in the machine's order (the database never leaves
 * the machine that made it; a different layout fails the format check).
 */
#define CELL_WORDS (3 + CUBE_NSCORES + NPARTS + NQUESTIONS * CUBE_NCODES)

static int
is_cell(const struct cube_group *g)
{
	return g->industry != IND_ALL && g->size != SIZE_ALL &&
	       g->star != STAR_ALL;
}

int64_t
cube_state_format(void)
{
	uint64_t h = 1;		/* the layout's version */
	int i;

	h = h * 1000003 + CELL_WORDS;
	h = h * 1000003 + CUBE_NGROUPS;
	h = h * 1000003 + (uint64_t)(SCORE_MIN + 1000);
	for (i = 1; i <= NQUESTIONS; i++)
		h = h * 31 + (uint64_t)catalogue_question(i)->part;
	return (int64_t)(h >> 1);
}

size_t
cube_state_save(const struct cube *c, int64_t **out)
{
	int64_t *w = xmalloc(sizeof *w * CELL_WORDS * CUBE_NGROUPS), *p = w;
	int i, k, j;

	for (i = 0; i < CUBE_NGROUPS; i++) {
		const struct cube_group *g = &c->g[i];

		if (!is_cell(g) || cube_group_empty(g))
			continue;
		*p++ = i;
		*p++ = g->n;
		*p++ = g->n_incomplete;
		for (k = 0; k < CUBE_NSCORES; k++)
			*p++ = g->hist[k];
		for (k = 0; k < NPARTS; k++)
			*p++ = g->part_sum[k];
		for (k = 0; k < NQUESTIONS; k++)
			for (j = 0; j < CUBE_NCODES; j++)
				*p++ = g->q[k].count[j];
	}
	*out = w;
	return (size_t)(p - w) * sizeof *w;
}

int
cube_state_load(struct cube *c, const void *blob, size_t len)
{
	const int64_t *p = blob;
	size_t n = len / sizeof *p, at;
	int k, j;

	if (len % (sizeof *p * CELL_WORDS) != 0)
		return -1;
	for (at = 0; at < n; at += CELL_WORDS) {
		int64_t w[CELL_WORDS];
		const int64_t *q = w;
		struct cube_group *g;

		memcpy(w, p + at, sizeof w);	/* may be unaligned */
		if (w[0] < 0 || w[0] >= CUBE_NGROUPS)
			return -1;
		g = &c->g[*q++];
		if (!is_cell(g))
			return -1;
		g->n = *q++;
		g->n_incomplete = *q++;
		for (k = 0; k < CUBE_NSCORES; k++)
			g->hist[k] = *q++;
		for (k = 0; k < NPARTS; k++)
			g->part_sum[k] = *q++;
		for (k = 0; k < NQUESTIONS; k++)
			for (j = 0; j < CUBE_NCODES; j++)
				g->q[k].count[j] = *q++;
		c->n_companies += g->n + g->n_incomplete;
		c->n_incomplete += g->n_incomplete;
	}
	return 0;
}

int
cube_state_sane(const struct cube *c)
{
	int i, k, j;

	for (i = 0; i < CUBE_NGROUPS; i++) {
		const struct cube_group *g = &c->g[i];
		int64_t sum = 0;

		if (!is_cell(g))
			continue;
		if (g->n < 0 || g->n_incomplete < 0)
			return 0;
		for (k = 0; k < CUBE_NSCORES; k++) {
			if (g->hist[k] < 0)
				return 0;
			sum += g->hist[k];
		}
		if (sum != g->n)
			return 0;
		for (k = 0; k < NQUESTIONS; k++)
			for (j = 0; j < CUBE_NCODES; j++)
				if (g->q[k].count[j] < 0 ||
				    g->q[k].count[j] > g->n)
					return 0;
	}
	return 1;
}

static void
group_sum(struct cube_group *to, const struct cube_group *from)
{
	int i, k;

	to->n += from->n;
	to->n_incomplete += from->n_incomplete;
	for (i = 0; i < CUBE_NSCORES; i++)
		to->hist[i] += from->hist[i];
	for (i = 0; i < NPARTS; i++)
		to->part_sum[i] += from->part_sum[i];
	for (i = 0; i < NQUESTIONS; i++)
		for (k = 0; k < CUBE_NCODES; k++)
			to->q[i].count[k] += from->q[i].count[k];
}

struct cube_group *
cube_group_at(struct cube *c, int industry, int size, int star)
{
	return &c->g[group_index(industry, size, star)];
}

void
cube_group_add(struct cube_group *to, const struct cube_group *from)
{
	group_sum(to, from);
}

void
cube_add_cell(struct cube *c, const struct cube_group *cell)
{
	int full = cell->industry != IND_ALL && cell->size != SIZE_ALL &&
		   cell->star != STAR_ALL;
	int m;

	c->n_companies += cell->n + cell->n_incomplete;
	c->n_incomplete += cell->n_incomplete;
	/* m's bits: 1 industry, 2 size, 4 star = *; roll_up does the
	   margins of full cells */
	for (m = 0; m < (full ? 1 : 8); m++) {
		if (((m & 1) && cell->industry == IND_ALL) ||
		    ((m & 2) && cell->size == SIZE_ALL) ||
		    ((m & 4) && cell->star == STAR_ALL))
			continue;	/* the same group as m without it */
		group_sum(&c->g[group_index(
			m & 1 ? IND_ALL : cell->industry,
			m & 2 ? SIZE_ALL : cell->size,
			m & 4 ? STAR_ALL : cell->star)], cell);
	}
}

/* Add every cell into the seven margins it belongs to. */
static void
roll_up(struct cube *c)
{
	int i, s, t, m;

	for (i = 0; i < IND_ALL; i++)
		for (s = 0; s < SIZE_ALL; s++)
			for (t = 0; t < STAR_ALL; t++) {
				const struct cube_group *cell =
					&c->g[group_index(i, s, t)];

				if (cube_group_empty(cell))
					continue;
				/* m's bits: 1 industry, 2 size, 4 star = * */
				for (m = 1; m < 8; m++)
					group_sum(&c->g[group_index(
						m & 1 ? IND_ALL : i,
						m & 2 ? SIZE_ALL : s,
						m & 4 ? STAR_ALL : t)], cell);
			}
}

/* The k-th smallest score (0-based) of a histogram. */
static int
order_stat(const int64_t hist[CUBE_NSCORES], int64_t k)
{
	int i;

	for (i = 0; i < CUBE_NSCORES; i++) {
		if (k < hist[i])
			return i + SCORE_MIN;
		k -= hist[i];
	}
	return SCORE_MAX;
}

double
cube_percentile(const int64_t hist[CUBE_NSCORES], int64_t n, int q)
{
	/* rank h = (n - 1) q / 4, kept as k + rem / 4 to stay exact */
	int64_t h4 = (n - 1) * q, k = h4 / 4, rem = h4 % 4;
	int lo = order_stat(hist, k), hi;

	if (rem == 0)
		return lo;
	hi = order_stat(hist, k + 1);
	return lo + (hi - lo) * (rem / 4.0);
}

double
cube_wilson_upper(int64_t k, int64_t n)
{
	double z = WILSON_Z, z2 = z * z, nn = (double)n;
	double p = (double)k / nn;
	double centre = p + z2 / (2 * nn);
	double margin = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));

	return (centre + margin) / (1 + z2 / nn);
}

static void
score_stats(struct cube_group *g)
{
	int64_t sum = 0, sumsq = 0;
	int i, first = 1;

	for (i = 0; i < CUBE_NSCORES; i++) {
		int64_t x = i + SCORE_MIN, k = g->hist[i];

		if (k == 0)
			continue;
		if (first)
			g->min = (int)x;
		first = 0;
		g->max = (int)x;
		sum += x * k;
		sumsq += x * x * k;
		g->band[score_band((int)x)] += k;
	}
	g->mean = (double)sum / (double)g->n;
	g->has_sd = g->n >= 2;
	if (g->has_sd) {
		/* n Σx² − (Σx)² is an exact integer, never negative */
		int64_t num = g->n * sumsq - sum * sum;

		g->sd = sqrt((double)num / ((double)g->n * (double)(g->n - 1)));
	}
	g->median = cube_percentile(g->hist, g->n, 2);
	g->p25 = cube_percentile(g->hist, g->n, 1);
	g->p75 = cube_percentile(g->hist, g->n, 3);
	for (i = 0; i < NPARTS; i++)
		g->part_mean[i] = (double)g->part_sum[i] / (double)g->n;
}

/* Points over non-na answers, as a fraction num / den. */
static void
question_points(const struct cube_question *q, int64_t *num, int64_t *den)
{
	*num = 4 * q->count[0] + 2 * q->count[1] - q->count[3];
	*den = q->count[0] + q->count[1] + q->count[2] + q->count[3];
}

/* Weakest first: lower mean points, then question number; none last. */
static int
weaker(const struct cube_question *a, int qa, const struct cube_question *b,
       int qb)
{
	int64_t an, ad, bn, bd;

	question_points(a, &an, &ad);
	question_points(b, &bn, &bd);
	if ((ad > 0) != (bd > 0))
		return ad > 0;
	if (ad > 0 && an * bd != bn * ad)
		return an * bd < bn * ad;	/* exact: no rounding */
	return qa < qb;
}

static void
question_stats(struct cube_group *g)
{
	int order[NQUESTIONS];
	int i, j;

	for (i = 0; i < NQUESTIONS; i++) {
		struct cube_question *q = &g->q[i];
		int64_t num, den;

		question_points(q, &num, &den);
		q->has_rate = q->has_mean = den > 0;
		if (den > 0) {
			q->implemented_rate = (double)q->count[0] / den;
			q->mean_points = (double)num / den;
		}
		/* insertion sort by weakness: 25 items */
		for (j = i; j > 0 && weaker(q, i, &g->q[order[j - 1]],
					    order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (i = 0; i < NQUESTIONS; i++)
		g->q[order[i]].rank = i + 1;
}

/* below_overall: the group's Wilson upper bound under the population. */
static void
compare_overall(struct cube_group *g, const struct cube_group *all)
{
	int i;

	for (i = 0; i < NQUESTIONS; i++) {
		struct cube_question *q = &g->q[i];
		const struct cube_question *o = &all->q[i];
		int64_t den = g->n - q->count[4];

		q->below_overall = q->has_rate && o->has_rate &&
			cube_wilson_upper(q->count[0], den) <
			o->implemented_rate;
	}
}

void
cube_finish(struct cube *c, int min_group)
{
	const struct cube_group *all;
	int i;

	roll_up(c);
	for (i = 0; i < CUBE_NGROUPS; i++) {
		struct cube_group *g = &c->g[i];

		if (cube_group_empty(g))
			continue;
		c->ngroups++;
		if (g->n > 0)
			score_stats(g);
		question_stats(g);
		g->suppressed = g->n < min_group;
	}
	all = cube_all(c);
	for (i = 0; i < CUBE_NGROUPS; i++)
		if (!cube_group_empty(&c->g[i]))
			compare_overall(&c->g[i], all);
}

int
cube_group_empty(const struct cube_group *g)
{
	return g->n == 0 && g->n_incomplete == 0;
}

const struct cube_group *
cube_all(const struct cube *c)
{
	return &c->g[group_index(IND_ALL, SIZE_ALL, STAR_ALL)];
}
