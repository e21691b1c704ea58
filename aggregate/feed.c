/*
 * The queue between aggregate's scanning thread and its writing thread.
 * A batch belongs to the putter from the moment there is room for it
 * until it is counted in tail, then to the taker until it is counted in
 * head, so the copies are made outside the lock and only the counters
 * are shared.  Handing over one company at a time cost a lock, a signal
 * and often a context switch per company, more than the work itself;
 * a batch of FEED_BATCH pays that once.  Batch buffers grow to the
 * longest batch seen and are reused: no allocation per company once they
 * have.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "feed.h"

void
feed_init(struct feed *f)
{
	memset(f, 0, sizeof *f);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->more, NULL);
	pthread_cond_init(&f->room, NULL);
}

void
feed_release(struct feed *f)
{
	size_t i;

	for (i = 0; i < FEED_BATCHES; i++)
		free(f->batch[i].buf);
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->more);
	pthread_cond_destroy(&f->room);
}

/* Copy s at the end of b's strings; its offset + 1, or 0 for NULL. */
static size_t
pack(struct feed_batch *b, const char *s)
{
	size_t n, at = b->used;

	if (!s)
		return 0;
	n = strlen(s) + 1;
	if (at + n > b->cap) {
		b->cap = (at + n) * 2 < 4096 ? 4096 : (at + n) * 2;
		b->buf = xrealloc(b->buf, b->cap);
	}
	memcpy(b->buf + at, s, n);
	b->used += n;
	return at + 1;
}

static const char *
unpack(const struct feed_batch *b, size_t off)
{
	return off ? b->buf + off - 1 : NULL;
}

/* Point the states of b at their strings, now that buf has stopped
 * moving. */
static void
settle(struct feed_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		struct company_state *s = &b->st[i];
		const size_t *o = b->off[i];

		s->company_key = unpack(b, o[0]);
		s->company_name = unpack(b, o[1]);
		s->corporate_number = unpack(b, o[2]);
		s->industry_code = unpack(b, o[3]);
		s->size_class = unpack(b, o[4]);
		s->star_level = unpack(b, o[5]);
	}
}

/* Hand the batch being filled over to the taker; 0 or -1. */
static int
publish(struct feed *f)
{
	struct feed_batch *b = &f->batch[f->tail % FEED_BATCHES];
	int failed;

	settle(b);
	f->filling = 0;
	pthread_mutex_lock(&f->lock);
	failed = f->failed;
	if (!failed && f->tail++ == f->head)
		pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
	return failed ? -1 : 0;
}

int
feed_put(struct feed *f, const struct company_state *s)
{
	struct feed_batch *b;
	size_t *o;

	if (!f->filling) {
		pthread_mutex_lock(&f->lock);
		while (f->tail - f->head == FEED_BATCHES && !f->failed)
			pthread_cond_wait(&f->room, &f->lock);
		if (f->failed) {
			pthread_mutex_unlock(&f->lock);
			return -1;
		}
		pthread_mutex_unlock(&f->lock);
		b = &f->batch[f->tail % FEED_BATCHES];
		b->n = b->used = 0;
		f->filling = 1;
	}
	b = &f->batch[f->tail % FEED_BATCHES];
	o = b->off[b->n];
	b->st[b->n] = *s;
	o[0] = pack(b, s->company_key);
	o[1] = pack(b, s->company_name);
	o[2] = pack(b, s->corporate_number);
	o[3] = pack(b, s->industry_code);
	o[4] = pack(b, s->size_class);
	o[5] = pack(b, s->star_level);
	if (++b->n == FEED_BATCH)
		return publish(f);
	return 0;
}

void
feed_close(struct feed *f)
{
	if (f->filling && f->batch[f->tail % FEED_BATCHES].n > 0)
		publish(f);
	pthread_mutex_lock(&f->lock);
	f->closed = 1;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
}

const struct company_state *
feed_take(struct feed *f)
{
	struct feed_batch *b = &f->batch[f->head % FEED_BATCHES];

	if (f->holding && f->at < b->n)
		return &b->st[f->at];
	pthread_mutex_lock(&f->lock);
	if (f->holding) {
		/* the batch is spent: give it back */
		if (f->tail - f->head++ == FEED_BATCHES)
			pthread_cond_signal(&f->room);
		f->holding = 0;
	}
	while (f->head == f->tail && !f->closed)
		pthread_cond_wait(&f->more, &f->lock);
	f->holding = f->head != f->tail;
	pthread_mutex_unlock(&f->lock);
	if (!f->holding)
		return NULL;
	f->at = 0;
	return &f->batch[f->head % FEED_BATCHES].st[0];
}

void
feed_done(struct feed *f)
{
	f->at++;
}

void
feed_fail(struct feed *f)
{
	pthread_mutex_lock(&f->lock);
	f->failed = 1;
	pthread_cond_signal(&f->room);
	pthread_mutex_unlock(&f->lock);
}
