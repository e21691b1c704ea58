/*
 * The pipeline between parsing and storing.  Batches of items go round
 * between two queues, free and ready; the producer fills a free batch and
 * queues it as ready, the consumer empties a ready one and frees it.
 * With NBATCH batches the producer can be at most NBATCH - 1 batches
 * ahead, which bounds memory whatever the size of the file.
 */
#include <pthread.h>
#include <stdlib.h>

#include "err.h"
#include "pipeline.h"

#define NBATCH 4
#define BATCH_ITEMS 256

struct batch {
	size_t n;
	char *items;
};

struct queue {
	struct batch *b[NBATCH];
	size_t head, count;
};

struct pipeline {
	size_t item_size;
	int (*consume)(void *, int, void *);
	void *arg;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct queue free, ready;
	struct batch *cur;	/* the producer's batch */
	struct batch all[NBATCH];
	int done;		/* no more batches will come */
	int failed;
};

static void
put(struct queue *q, struct batch *b)
{
	q->b[(q->head + q->count++) % NBATCH] = b;
}

static struct batch *
take(struct queue *q)
{
	struct batch *b = q->b[q->head];

	q->head = (q->head + 1) % NBATCH;
	q->count--;
	return b;
}

static void *
consumer(void *arg)
{
	struct pipeline *p = arg;

	for (;;) {
		struct batch *b;
		size_t i;
		int failed;

		pthread_mutex_lock(&p->mu);
		while (p->ready.count == 0 && !p->done)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->ready.count == 0) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		b = take(&p->ready);
		failed = p->failed;
		pthread_mutex_unlock(&p->mu);

		for (i = 0; i < b->n; i++)
			if (p->consume(b->items + i * p->item_size, failed,
				       p->arg) < 0)
				failed = 1;
		b->n = 0;

		pthread_mutex_lock(&p->mu);
		p->failed |= failed;
		put(&p->free, b);
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

struct pipeline *
pipeline_start(size_t item_size, int (*consume)(void *, int, void *),
	       void *arg)
{
	struct pipeline *p = xcalloc(1, sizeof *p);
	int i;

	p->item_size = item_size;
	p->consume = consume;
	p->arg = arg;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	for (i = 0; i < NBATCH; i++) {
		p->all[i].items = xmalloc(BATCH_ITEMS * item_size);
		put(&p->free, &p->all[i]);
	}
	if (pthread_create(&p->thread, NULL, consumer, p) != 0)
		die("cannot start a thread:");
	return p;
}

/* Queue the producer's batch as ready (caller holds no lock). */
static void
hand_over(struct pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	put(&p->ready, p->cur);
	p->cur = NULL;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void *
pipeline_slot(struct pipeline *p)
{
	if (!p->cur) {
		pthread_mutex_lock(&p->mu);
		while (p->free.count == 0)
			pthread_cond_wait(&p->cv, &p->mu);
		p->cur = take(&p->free);
		if (p->failed) {
			put(&p->free, p->cur);
			p->cur = NULL;
		}
		pthread_mutex_unlock(&p->mu);
		if (!p->cur)
			return NULL;
	}
	return p->cur->items + p->cur->n * p->item_size;
}

void
pipeline_push(struct pipeline *p)
{
	if (++p->cur->n == BATCH_ITEMS)
		hand_over(p);
}

int
pipeline_finish(struct pipeline *p)
{
	int i, failed;

	if (p->cur && p->cur->n > 0)
		hand_over(p);
	pthread_mutex_lock(&p->mu);
	p->done = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	failed = p->failed;
	for (i = 0; i < NBATCH; i++)
		free(p->all[i].items);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
	return failed ? -1 : 0;
}
