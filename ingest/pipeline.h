#ifndef SHINDAN_PIPELINE_H
#define SHINDAN_PIPELINE_H
/*
 * Two stages on two threads: the caller produces fixed-size items (parsed
 * rows), a consumer thread takes them in batches (stores them in SQLite),
 * so parsing and storing run on both cores.  Items are consumed in the
 * order they were produced.
 */
#include <stddef.h>

struct pipeline;

/*
 * Start the consumer: consume(item, skip, arg) is called for every item
 * in order, on the consumer thread; it returns 0, or -1 to fail the
 * pipeline.  After a failure it is still called for every item, with skip
 * set, to release what the item holds.
 */
struct pipeline *pipeline_start(size_t item_size,
				int (*consume)(void *item, int skip,
					       void *arg),
				void *arg);
/*
 * The next item to fill (blocks while the consumer is behind), or NULL
 * once the consumer has failed.  Fill it, then pipeline_push().
 */
void *pipeline_slot(struct pipeline *p);
void pipeline_push(struct pipeline *p);
/* Hand over the last items, wait for the consumer, free everything.
 * Returns 0, or -1 when consume failed. */
int pipeline_finish(struct pipeline *p);
#endif
