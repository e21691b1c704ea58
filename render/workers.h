#ifndef SHINDAN_RENDER_WORKERS_H
#define SHINDAN_RENDER_WORKERS_H
/*
 * A pool of forked worker processes that each say once when they are
 * ready (render's report workers: ready once their read transaction
 * holds).
 */
#include <sys/types.h>

struct workers {
	const char *what;	/* "report worker", for messages */
	int n;			/* asked for */
	int forked;		/* started by fork */
	pid_t *pids;
};

/*
 * What a worker runs, as worker i of the pool: it calls workers_ready
 * once on ready_fd when it is ready, and returns 0 for success.
 */
typedef int workers_fn(void *arg, long i, int ready_fd);

/*
 * Fork n workers running fn(arg, i, ready_fd) and wait until each has
 * called workers_ready or ended.  Sets *started to how many said they
 * were ready.  Returns 0, or -1 after saying why when not all could be
 * forked (the ones that were are waited for by workers_finish).
 */
int workers_start(struct workers *w, const char *what, int n,
		  workers_fn *fn, void *arg, long *started);
/* In a worker: tell the parent it is ready.  Returns 0 or -1. */
int workers_ready(const struct workers *w, long i, int ready_fd);
/*
 * Wait for every worker; returns 0 if all ended with status 0, else -1
 * (after saying why for a signal or a wait failure).  Frees w's memory.
 */
int workers_finish(struct workers *w);
#endif
