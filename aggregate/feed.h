#ifndef SHINDAN_FEED_H
#define SHINDAN_FEED_H
/*
 * A bounded queue of company states from the thread that scans the
 * responses to the thread that writes the company table, so that the two
 * halves of a run share the machine's cores.  Companies travel in batches
 * of FEED_BATCH, so that the threads meet on the lock once a batch rather
 * than once a company.  Memory is FEED_BATCHES batches, whatever the
 * number of companies.
 */
#include <pthread.h>
#include <stddef.h>

#include "state.h"

#define FEED_BATCH 128		/* companies a handoff */
#define FEED_BATCHES 8		/* batches in flight */
#define FEED_STRINGS 6		/* the strings of a company_state */

struct feed_batch {
	struct company_state st[FEED_BATCH];
	size_t off[FEED_BATCH][FEED_STRINGS];	/* in buf, +1; 0 is NULL */
	size_t n;
	char *buf;			/* the strings of st */
	size_t used, cap;
};

struct feed {
	pthread_mutex_t lock;
	pthread_cond_t more, room;
	size_t head, tail;		/* batches taken, put */
	int closed;			/* no more puts */
	int failed;			/* the taker gave up */
	int filling;			/* the putter owns batch tail */
	int holding;			/* the taker owns batch head */
	size_t at;			/* the taker's next company in it */
	struct feed_batch batch[FEED_BATCHES];
};

void feed_init(struct feed *f);
void feed_release(struct feed *f);
/*
 * Copy s into the queue, waiting for room.  Returns 0, or -1 when the
 * taker has given up (feed_fail).
 */
int feed_put(struct feed *f, const struct company_state *s);
/*
 * No more puts: what was put is handed over, and feed_take returns NULL
 * once it has all been taken.
 */
void feed_close(struct feed *f);
/*
 * The next company, waiting for one; NULL when closed and empty.  The
 * state is valid until feed_done.
 */
const struct company_state *feed_take(struct feed *f);
/* Done with what feed_take returned. */
void feed_done(struct feed *f);
/* The taker stops: feed_put fails from now on. */
void feed_fail(struct feed *f);
#endif
