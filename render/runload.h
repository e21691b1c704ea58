#ifndef SHINDAN_RENDER_RUNLOAD_H
#define SHINDAN_RENDER_RUNLOAD_H
/*
 * A run's statistics read into memory once, for the portfolio charts
 * (figures.c) and the company reports (report.c): the groups of
 * group_stat, the implemented rates of question_stat and the score
 * histograms of score_hist that either of them draws.
 */
#include <stddef.h>

#include <sqlite3.h>

#include "catalogue.h"
#include "score.h"

/* One row of group_stat. */
struct run_group {
	char ind[12], size[12], star[12];
	long long n;
	double mean, sd;
	int has_mean, has_sd;
	long long band[NBANDS];		/* companies in each score band */
	int has_part[NPARTS];
	double part_mean[NPARTS];	/* mean points of each part */
	int suppressed;			/* SUPP_ of suppress.h */
};

/* One row of question_stat. */
struct run_question {
	char ind[12], star[12];
	int qno;
	double rate, points;		/* implemented_rate, mean_points */
	int has_rate, has_points;
	int below;			/* below_overall */
};

/* One row of score_hist. */
struct run_hist {
	char ind[12], star[12];
	int score;
	long long n;
};

/*
 * What is read: the groups of one dimension and the totals (size_class
 * '*', or industry and star level both '*'), sorted by industry, size and
 * star level; and the questions and histograms of size_class '*' with
 * industry or star level '*'.
 */
struct run_stats {
	struct run_group *g;
	int ng;
	struct run_question *q;
	int nq;
	struct run_hist *h;
	int nh;
};

/*
 * Read the statistics of run run_id into rs (zeroed first).  Returns 0,
 * or -1 after saying why; rs is to be released either way.
 */
int runload_stats(sqlite3 *db, long long run_id, struct run_stats *rs);
void runload_release(struct run_stats *rs);

/*
 * Run sql (?1 bound to run_id, ?2 to as_of) and append one element of
 * size bytes to *arr (grown with xrealloc, owned by the caller) for each
 * row, zeroed and then filled by fill.  Returns 0 or -1 after saying why.
 */
int runload_rows(sqlite3 *db, long long run_id, const char *as_of,
		 const char *sql, void **arr, int *n, size_t size,
		 void (*fill)(sqlite3_stmt *, void *));
/* Column i of st as text into buf (size n); "" for NULL. */
void runload_text(sqlite3_stmt *st, int i, char *buf, size_t n);
#endif
