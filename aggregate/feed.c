/*
 * The queue between aggregate's scanning thread and its writing thread.
 * A slot belongs to the putter from the moment there is room until it is
 * counted in tail, then to the taker until it is counted in head, so the
 * copies are made outside the lock and only the counters are shared.
 * Slot buffers grow to the longest company seen and are reused: no
 * allocation per company once they have.
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

	for (i = 0; i < FEED_SLOTS; i++)
		free(f->slot[i].buf);
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->more);
	pthread_cond_destroy(&f->room);
}

static size_t
len0(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* Copy s at *at in buf; NULL stays NULL. */
static const char *
pack(char *buf, size_t *at, const char *s)
{
	char *p = buf + *at;
	size_t n = len0(s);

	if (!s)
		return NULL;
	memcpy(p, s, n);
	*at += n;
	return p;
}

static void
copy_state(struct feed_slot *sl, const struct company_state *s)
{
	size_t need = len0(s->company_key) + len0(s->company_name) +
		      len0(s->corporate_number) + len0(s->industry_code) +
		      len0(s->size_class) + len0(s->star_level), at = 0;

	if (need > sl->cap) {
		sl->cap = need < 256 ? 256 : need * 2;
		free(sl->buf);
		sl->buf = xmalloc(sl->cap);
	}
	sl->st = *s;
	sl->st.company_key = pack(sl->buf, &at, s->company_key);
	sl->st.company_name = pack(sl->buf, &at, s->company_name);
	sl->st.corporate_number = pack(sl->buf, &at, s->corporate_number);
	sl->st.industry_code = pack(sl->buf, &at, s->industry_code);
	sl->st.size_class = pack(sl->buf, &at, s->size_class);
	sl->st.star_level = pack(sl->buf, &at, s->star_level);
}

int
feed_put(struct feed *f, const struct company_state *s)
{
	size_t tail;

	pthread_mutex_lock(&f->lock);
	while (f->tail - f->head == FEED_SLOTS && !f->failed)
		pthread_cond_wait(&f->room, &f->lock);
	tail = f->tail;
	if (f->failed) {
		pthread_mutex_unlock(&f->lock);
		return -1;
	}
	pthread_mutex_unlock(&f->lock);
	copy_state(&f->slot[tail % FEED_SLOTS], s);
	pthread_mutex_lock(&f->lock);
	if (f->tail++ == f->head)
		pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
	return 0;
}

void
feed_close(struct feed *f)
{
	pthread_mutex_lock(&f->lock);
	f->closed = 1;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
}

const struct company_state *
feed_take(struct feed *f)
{
	const struct company_state *s = NULL;

	pthread_mutex_lock(&f->lock);
	while (f->head == f->tail && !f->closed)
		pthread_cond_wait(&f->more, &f->lock);
	if (f->head != f->tail)
		s = &f->slot[f->head % FEED_SLOTS].st;
	pthread_mutex_unlock(&f->lock);
	return s;
}

void
feed_done(struct feed *f)
{
	pthread_mutex_lock(&f->lock);
	if (f->tail - f->head++ == FEED_SLOTS)
		pthread_cond_signal(&f->room);
	pthread_mutex_unlock(&f->lock);
}

void
feed_fail(struct feed *f)
{
	pthread_mutex_lock(&f->lock);
	f->failed = 1;
	pthread_cond_signal(&f->room);
	pthread_mutex_unlock(&f->lock);
}
