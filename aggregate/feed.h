#ifndef SHINDAN_FEED_H
#define SHINDAN_FEED_H
/*
 * A bounded queue of company states from the thread that scans the
 * responses to the thread that writes the company table, so that the two
 * halves of a run share the machine's cores.  Memory is FEED_SLOTS copies,
 * whatever the number of companies.
 */
#include <pthread.h>
#include <stddef.h>

#include "state.h"

#define FEED_SLOTS 1024

struct feed_slot {
	struct company_state st;
	char *buf;			/* the strings of st */
	size_t cap;
};

struct feed {
	pthread_mutex_t lock;
	pthread_cond_t more, room;
	size_t head, tail;		/* taken, put */
	int closed;			/* no more puts */
	int failed;			/* the taker gave up */
	struct feed_slot slot[FEED_SLOTS];
};

void feed_init(struct feed *f);
void feed_release(struct feed *f);
/*
 * Copy s into the queue, waiting for room.  Returns 0, or -1 when the
 * taker has given up (feed_fail).
 */
int feed_put(struct feed *f, const struct company_state *s);
/* No more puts: feed_take returns NULL once the queue is empty. */
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
