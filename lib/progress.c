/*
 * The progress bar.  Drawn at most five times a second, and the clock is
 * read only every 256 updates, so per-row calls cost almost nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "progress.h"

double
progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
progress_start(struct progress *p, const char *label, uint64_t total)
{
	const char *after = getenv("SHINDAN_PROGRESS_AFTER");

	p->label = label;
	p->unit = "rows";
	p->total = total;
	p->ticks = 0;
	p->start = p->last = progress_now();
	p->shown = 0;
	p->enabled = isatty(2) && err_verbosity >= 0;
	/* tests draw at once instead of waiting for a slow run */
	p->after = after && *after ? atof(after) : 1.0;
}

void
progress_update(struct progress *p, uint64_t done, uint64_t count)
{
	double now;
	int width = 30, fill, pct;

	if (!p->enabled || (++p->ticks & 255) != 0)
		return;
	now = progress_now();
	if (now - p->start < p->after || (p->shown && now - p->last < 0.2))
		return;
	p->last = now;
	p->shown = 1;
	if (p->total) {
		pct = (int)(100.0 * (double)done / (double)p->total);
		if (pct > 100)
			pct = 100;
		fill = pct * width / 100;
		fprintf(stderr, "\r%s: [%.*s%*s] %3d%% %llu %s",
			p->label, fill, "##############################",
			width - fill, "", pct, (unsigned long long)count,
			p->unit);
	} else {
		fprintf(stderr, "\r%s: %llu %s", p->label,
			(unsigned long long)count, p->unit);
	}
	fflush(stderr);
}

void
progress_end(struct progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r\033[K");
	p->shown = 0;
}
