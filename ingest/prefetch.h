#ifndef SHINDAN_PREFETCH_H
#define SHINDAN_PREFETCH_H
/*
 * Reading ahead on a thread of its own: a reader_read_fn source (the
 * input: disk reads, SHA-256, gunzip, decoding) fills blocks while the
 * caller parses the blocks filled before, so that a file's bytes are made
 * text on one core and parsed into rows on the other.
 */
#include <stdint.h>

#include "reader.h"

struct prefetch;

/*
 * Start reading fn(ctx) ahead.  done(ctx), if not NULL, is asked after
 * each block how far the source has got (for progress); fn and done are
 * only called on the prefetching thread until prefetch_stop().
 */
struct prefetch *prefetch_start(reader_read_fn fn, void *ctx,
				uint64_t (*done)(const void *ctx));
/* A reader_read_fn over the blocks read ahead; ctx is the prefetch. */
ssize_t prefetch_read(void *ctx, char *dst, size_t cap);
/* done(ctx) as of the block being read. */
uint64_t prefetch_done(const struct prefetch *p);
/*
 * Stop the thread (it finishes the fn call under way) and free it; after
 * this the source may be used again, e.g. to ask why it failed.
 */
void prefetch_stop(struct prefetch *p);
#endif
