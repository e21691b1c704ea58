#ifndef SHINDAN_POOL_H
#define SHINDAN_POOL_H
/*
 * Pooled benchmarks across organisations (aggregate --export-pool and
 * --pool).  A pool file is a small SQLite database of integer counts per
 * cell of industry x size x star level: n, n_incomplete, the score
 * histogram, the part sums and the answer counts of each question; no
 * company name, key, id, file name or date finer than the as-of day.
 * Cells under the minimum group size are merged upward before they leave
 * (star level withheld, then size, then industry).  Pooling adds the
 * counts and computes the run with the same cube_finish as a local run,
 * so a pooled group equals the group of the union of the companies, bit
 * for bit, whenever no organisation withheld a coordinate the group fixes.
 * The format is described in aggregate(1).
 */
#include "aggregate.h"
#include "cube.h"

#define POOL_FORMAT "shindan-pool"
#define POOL_VERSION 1
#define POOL_MAX_BYTES (16 << 20)	/* a real file is under 4 MiB */
/* companies in one pool: n * sum of squares must fit in 64 bits */
#define POOL_MAX_COMPANIES 30000000
#define POOL_MAX_LABEL 64		/* bytes of an organisation label */

/* A label is 1..POOL_MAX_LABEL printable bytes without ','. */
int pool_label_ok(const char *s);

/*
 * Write the full cells of the local run's finished cube c to o->pool_out
 * as the organisation o->org ("local" when NULL), withholding cells under
 * o->min_group.  Returns 0 or -1 after printing why.
 */
int pool_export_run(const struct aggregate_opts *o, const struct cube *c);

/*
 * aggregate --pool: read and check every file of o->pool_files whole,
 * merge them (and the local database's companies with o->with_local),
 * store the pooled run of their as-of date in o->db_path and export it if
 * o->pool_out is set.  Returns an exit status (exit.h).
 */
int pool_run(const struct aggregate_opts *o);
#endif
