/*
 * Read-ahead (see prefetch.h).  NBLOCK blocks go round between the
 * thread, which fills the free ones in order, and the reader, which
 * empties the filled ones in the same order; a block holds what one call
 * of the source gave, or its end (0) or failure (-1), which stays the
 * answer from then on.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "err.h"
#include "prefetch.h"

#define NBLOCK 4
#define BLOCK (256 * 1024)

struct block {
	char *buf;
	ssize_t n;		/* what the source returned */
	uint64_t done;
};

struct prefetch {
	reader_read_fn fn;
	void *ctx;
	uint64_t (*done)(const void *);
	struct block b[NBLOCK];
	size_t head, count;	/* the filled blocks, oldest first */
	size_t at;		/* bytes of the head block already read */
	uint64_t last_done;
	int ended, quit;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *
fill(void *arg)
{
	struct prefetch *p = arg;
	size_t i = 0;

	prctl(PR_SET_NAME, "ingest-read");	/* for top and perf */

	for (;;) {
		struct block *b;

		pthread_mutex_lock(&p->mu);
		while (p->count == NBLOCK && !p->quit)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->quit) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		pthread_mutex_unlock(&p->mu);
		/* the block after the filled ones is the thread's alone */
		b = &p->b[i];
		b->n = p->fn(p->ctx, b->buf, BLOCK);
		b->done = p->done ? p->done(p->ctx) : 0;
		pthread_mutex_lock(&p->mu);
		p->count++;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (b->n <= 0)
			return NULL;	/* the end, or a failure */
		i = (i + 1) % NBLOCK;
	}
}

struct prefetch *
prefetch_start(reader_read_fn fn, void *ctx, uint64_t (*done)(const void *))
{
	struct prefetch *p = xcalloc(1, sizeof *p);
	size_t i;

	p->fn = fn;
	p->ctx = ctx;
	p->done = done;
	for (i = 0; i < NBLOCK; i++)
		p->b[i].buf = xmalloc(BLOCK);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pthread_create(&p->thread, NULL, fill, p) != 0)
		die("cannot start a thread");
	return p;
}

ssize_t
prefetch_read(void *ctx, char *dst, size_t cap)
{
	struct prefetch *p = ctx;
	struct block *b;
	size_t n;

	if (p->ended)
		return p->b[p->head].n;
	pthread_mutex_lock(&p->mu);
	while (p->count == 0)
		pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	b = &p->b[p->head];
	p->last_done = b->done;
	if (b->n <= 0) {
		p->ended = 1;	/* the thread has returned */
		return b->n;
	}
	n = (size_t)b->n - p->at;
	if (n > cap)
		n = cap;
	memcpy(dst, b->buf + p->at, n);
	p->at += n;
	if (p->at == (size_t)b->n) {
		p->at = 0;
		pthread_mutex_lock(&p->mu);
		p->head = (p->head + 1) % NBLOCK;
		p->count--;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	return (ssize_t)n;
}

uint64_t
prefetch_done(const struct prefetch *p)
{
	return p->last_done;
}

void
prefetch_stop(struct prefetch *p)
{
	size_t i;

	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	for (i = 0; i < NBLOCK; i++)
		free(p->b[i].buf);
	free(p);
}
