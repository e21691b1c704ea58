#ifndef SHINDAN_PROGRESS_H
#define SHINDAN_PROGRESS_H
/*
 * A progress bar on stderr, shown only when stderr is a terminal and the
 * work has taken more than a second ($SHINDAN_PROGRESS_AFTER seconds, for
 * tests); cheap enough to call per row.
 */
#include <stdint.h>

struct progress {
	const char *label;
	const char *unit;	/* what the count counts: "rows" unless set */
	uint64_t total;		/* 0: unknown, show counts only */
	uint64_t ticks;
	double start, last;
	double after;		/* seconds before the bar shows */
	int shown;
	int enabled;
};

/* Start a bar for label; total is the amount of work (bytes), or 0. */
void progress_start(struct progress *p, const char *label, uint64_t total);
/* Report done units of total and a count to show (rows). */
void progress_update(struct progress *p, uint64_t done, uint64_t count);
/* Clear the bar if it was shown. */
void progress_end(struct progress *p);
/* Seconds since an arbitrary start, monotonic. */
double progress_now(void);
#endif
