/*
 * External merge sort (see extsort.h).  A record is kept as a header of
 * two 32-bit numbers, its length and its key's length, followed by its
 * bytes, the same in a chunk and in the run file.  A chunk is sorted as an
 * array of pointers to its records, each with its key's first bytes; the runs are merged through a binary
 * heap of their current records, reading each run through a buffer of its
 * own with pread, so that all the runs share one file descriptor.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "err.h"
#include "extsort.h"
#include "strtab.h"
#include "num.h"

#define HDR 8			/* length, key length */
#define WBUF (1u << 20)		/* writing a run */
/*
 * Reading the runs while merging: 64 KiB a run, less when there are so
 * many runs (a file of tens of GB) that they would take more than
 * MERGE_BYTES together, so that memory stays flat at any size.
 */
#define RBUF (64u << 10)
#define RBUF_MIN (4u << 10)
#define MERGE_BYTES (8u << 20)

/*
 * A record of a chunk, with the first 16 bytes of its key as two numbers
 * (zero-padded): most comparisons are decided by them without touching
 * the record.
 */
struct ent {
	uint64_t k0, k1;
	char *rec;
};

struct chunk {
	char *buf;
	size_t used;
	struct ent *recs;	/* its records, in order once sorted */
	size_t n, cap;
};

/* A sorted run being merged: a range of the run file, or the last chunk. */
struct run {
	off_t pos, end;
	char *buf;
	size_t at, len, cap;
	size_t next;		/* of the chunk in memory: its next record */
	int mem;
	const char *cur;	/* current record (header first), NULL at end */
};

struct extsort {
	size_t chunk_bytes;
	struct chunk c[2];
	int fill;		/* the chunk being filled */

	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started, quit;
	struct chunk *job;	/* being spilled by the helper */

	int fd;			/* the run file, -1 until the first run */
	off_t size;
	off_t *bounds;		/* run i is [bounds[i], bounds[i + 1]) */
	size_t nruns;
	char *wbuf;
	int failed;
	char why[256];

	struct run *runs;
	size_t nrun;
	size_t *heap;		/* indices of runs with a current record */
	size_t nheap;
	int primed;		/* the top's record was handed out */
};

static uint32_t
get32(const char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static int
rec_cmp(const char *x, const char *y)
{
	uint32_t kx = get32(x + 4), ky = get32(y + 4);
	int c = memcmp(x + HDR, y + HDR, kx < ky ? kx : ky);

	return c ? c : (kx > ky) - (kx < ky);
}

static int
ent_cmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->k0 != y->k0)
		return x->k0 < y->k0 ? -1 : 1;
	if (x->k1 != y->k1)
		return x->k1 < y->k1 ? -1 : 1;
	return rec_cmp(x->rec, y->rec);
}

/* Bytes from..from+7 of a key of len bytes, big-endian, zero-padded. */
static uint64_t
key_word(const char *key, size_t len, size_t from)
{
	uint64_t w = 0;
	size_t i;

	for (i = from; i < from + 8; i++)
		w = w << 8 | (i < len ? (unsigned char)key[i] : 0);
	return w;
}

static void
chunk_sort(struct chunk *ch)
{
	size_t i;

	for (i = 0; i < ch->n; i++) {
		const char *r = ch->recs[i].rec;
		size_t kl = get32(r + 4);

		ch->recs[i].k0 = key_word(r + HDR, kl, 0);
		ch->recs[i].k1 = key_word(r + HDR, kl, 8);
	}
	if (ch->n > 1)
		qsort(ch->recs, ch->n, sizeof *ch->recs, ent_cmp);
}

static void
fail(struct extsort *s, const char *what)
{
	if (!s->failed)
		snprintf(s->why, sizeof s->why, "sorting rows: %s: %s", what,
			 strerror(errno));
	s->failed = 1;
}

static int
open_runs(struct extsort *s)
{
	s->fd = spill_open("sort");
	if (s->fd < 0) {
		fail(s, "cannot create a temporary file");
	} else {
		s->bounds = xmalloc(sizeof *s->bounds);
		s->bounds[0] = 0;
	}
	return s->fd < 0 ? -1 : 0;
}

static int
write_all(struct extsort *s, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(s->fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			fail(s, "cannot write the temporary file");
			return -1;
		}
		p += w;
		n -= (size_t)w;
		s->size += w;
	}
	return 0;
}

/* Sort a chunk and append it to the run file as one run; on the helper. */
static void
spill(struct extsort *s, struct chunk *ch)
{
	size_t i, used = 0;

	chunk_sort(ch);
	if (s->fd < 0 && open_runs(s))
		goto out;
	if (!s->wbuf)
		s->wbuf = xmalloc(WBUF);
	for (i = 0; i < ch->n; i++) {
		const char *r = ch->recs[i].rec;
		size_t n = HDR + get32(r);

		if (used + n > WBUF) {
			if (write_all(s, s->wbuf, used))
				goto out;
			used = 0;
		}
		if (n > WBUF) {
			if (write_all(s, r, n))
				goto out;
			continue;
		}
		memcpy(s->wbuf + used, r, n);
		used += n;
	}
	if (write_all(s, s->wbuf, used))
		goto out;
	s->bounds = xrealloc(s->bounds, (s->nruns + 2) * sizeof *s->bounds);
	s->bounds[++s->nruns] = s->size;
out:
	ch->used = ch->n = 0;
}

static void *
helper(void *arg)
{
	struct extsort *s = arg;

	prctl(PR_SET_NAME, "ingest-sort");	/* for top and perf */

	pthread_mutex_lock(&s->mu);
	for (;;) {
		while (!s->job && !s->quit)
			pthread_cond_wait(&s->cv, &s->mu);
		if (!s->job)
			break;
		pthread_mutex_unlock(&s->mu);
		spill(s, s->job);
		pthread_mutex_lock(&s->mu);
		s->job = NULL;
		pthread_cond_broadcast(&s->cv);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* Wait until the helper is idle; -1 when a spill failed. */
static int
wait_idle(struct extsort *s)
{
	if (!s->started)
		return s->failed ? -1 : 0;
	pthread_mutex_lock(&s->mu);
	while (s->job)
		pthread_cond_wait(&s->cv, &s->mu);
	pthread_mutex_unlock(&s->mu);
	return s->failed ? -1 : 0;
}

/* Hand the full chunk to the helper and fill the other one. */
static int
hand_over(struct extsort *s)
{
	if (wait_idle(s))
		return -1;
	pthread_mutex_lock(&s->mu);
	if (!s->started) {
		if (pthread_create(&s->thread, NULL, helper, s) != 0)
			die("cannot start a thread");
		s->started = 1;
	}
	s->job = &s->c[s->fill];
	s->fill ^= 1;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	return 0;
}

static void
stop_helper(struct extsort *s)
{
	if (!s->started)
		return;
	wait_idle(s);
	pthread_mutex_lock(&s->mu);
	s->quit = 1;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	pthread_join(s->thread, NULL);
	s->started = 0;
}

struct extsort *
extsort_new(size_t chunk_bytes)
{
	struct extsort *s = xcalloc(1, sizeof *s);
	const char *env = getenv("SHINDAN_SORT_CHUNK");
	long v;

	if (!chunk_bytes)
		chunk_bytes = env && num_parse(env, 8192, 1L << 30, &v) == 0 ?
			      (size_t)v : EXTSORT_CHUNK;
	s->chunk_bytes = chunk_bytes;
	s->fd = -1;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	return s;
}

char *
extsort_add(struct extsort *s, size_t keylen, size_t len)
{
	struct chunk *ch = &s->c[s->fill];
	uint32_t h[2] = { (uint32_t)len, (uint32_t)keylen };
	char *p;

	if (HDR + len > s->chunk_bytes || keylen > len)
		die("extsort: a record of %zu bytes in chunks of %zu", len,
		    s->chunk_bytes);
	if (ch->used + HDR + len > s->chunk_bytes) {
		if (hand_over(s))
			return NULL;
		ch = &s->c[s->fill];
	}
	if (!ch->buf)
		ch->buf = xmalloc(s->chunk_bytes);
	if (ch->n == ch->cap) {
		ch->cap = ch->cap ? 2 * ch->cap : 1024;
		ch->recs = xrealloc(ch->recs, ch->cap * sizeof *ch->recs);
	}
	p = ch->buf + ch->used;
	memcpy(p, h, sizeof h);
	ch->recs[ch->n++].rec = p;
	ch->used += HDR + len;
	return p + HDR;
}

static int
run_fill(struct extsort *s, struct run *r, size_t need)
{
	while (r->len - r->at < need) {
		size_t keep = r->len - r->at, want;
		ssize_t n;

		if (r->pos == r->end) {
			errno = EIO;
			fail(s, "the temporary file ends inside a record");
			return -1;
		}
		memmove(r->buf, r->buf + r->at, keep);
		r->at = 0;
		r->len = keep;
		if (need > r->cap) {
			r->cap = need;
			r->buf = xrealloc(r->buf, r->cap);
		}
		want = r->cap - r->len;
		if ((off_t)want > r->end - r->pos)
			want = (size_t)(r->end - r->pos);
		n = pread(s->fd, r->buf + r->len, want, r->pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			fail(s, "cannot read the temporary file");
			return -1;
		}
		r->len += (size_t)n;
		r->pos += n;
	}
	return 0;
}

/* Make the run's next record current (NULL at its end). */
static int
run_advance(struct extsort *s, struct run *r)
{
	if (r->mem) {
		struct chunk *ch = &s->c[s->fill];

		r->cur = r->next < ch->n ? ch->recs[r->next++].rec : NULL;
		return 0;
	}
	if (r->at == r->len && r->pos == r->end) {
		r->cur = NULL;
		return 0;
	}
	if (run_fill(s, r, HDR) || run_fill(s, r, HDR + get32(r->buf + r->at)))
		return -1;
	r->cur = r->buf + r->at;
	r->at += HDR + get32(r->cur);
	return 0;
}

static int
heap_less(const struct extsort *s, size_t a, size_t b)
{
	return rec_cmp(s->runs[s->heap[a]].cur, s->runs[s->heap[b]].cur) < 0;
}

static void
heap_down(struct extsort *s, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i, t;

		if (l < s->nheap && heap_less(s, l, m))
			m = l;
		if (l + 1 < s->nheap && heap_less(s, l + 1, m))
			m = l + 1;
		if (m == i)
			return;
		t = s->heap[i];
		s->heap[i] = s->heap[m];
		s->heap[m] = t;
		i = m;
	}
}

int
extsort_sort(struct extsort *s)
{
	size_t i, n, rbuf = RBUF;

	if (wait_idle(s))
		return -1;
	stop_helper(s);
	chunk_sort(&s->c[s->fill]);
	s->nrun = s->nruns + 1;
	if (s->nruns > MERGE_BYTES / RBUF)
		rbuf = MERGE_BYTES / s->nruns > RBUF_MIN ?
		       MERGE_BYTES / s->nruns : RBUF_MIN;
	s->runs = xcalloc(s->nrun, sizeof *s->runs);
	s->heap = xcalloc(s->nrun, sizeof *s->heap);
	for (i = 0; i < s->nrun; i++) {
		struct run *r = &s->runs[i];

		if (i == s->nruns) {
			r->mem = 1;
		} else {
			r->pos = s->bounds[i];
			r->end = s->bounds[i + 1];
			r->cap = rbuf;
			r->buf = xmalloc(r->cap);
		}
		if (run_advance(s, r))
			return -1;
		if (r->cur)
			s->heap[s->nheap++] = i;
	}
	for (n = s->nheap / 2; n-- > 0;)
		heap_down(s, n);
	return 0;
}

int
extsort_next(struct extsort *s, const char **rec, size_t *len)
{
	struct run *r;

	if (s->failed)
		return -1;
	if (s->primed) {
		r = &s->runs[s->heap[0]];
		if (run_advance(s, r))
			return -1;
		if (!r->cur)
			s->heap[0] = s->heap[--s->nheap];
		heap_down(s, 0);
		s->primed = 0;
	}
	if (s->nheap == 0)
		return 0;
	r = &s->runs[s->heap[0]];
	*rec = r->cur + HDR;
	*len = get32(r->cur);
	s->primed = 1;
	return 1;
}

size_t
extsort_runs(const struct extsort *s)
{
	return s->nruns;
}

const char *
extsort_why(const struct extsort *s)
{
	return s->why;
}

void
extsort_free(struct extsort *s)
{
	size_t i;

	if (!s)
		return;
	stop_helper(s);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	for (i = 0; i < 2; i++) {
		free(s->c[i].buf);
		free(s->c[i].recs);
	}
	for (i = 0; i < s->nrun; i++)
		free(s->runs[i].buf);
	free(s->runs);
	free(s->heap);
	free(s->bounds);
	free(s->wbuf);
	if (s->fd >= 0)
		close(s->fd);
	free(s);
}
