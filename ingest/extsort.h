#ifndef SHINDAN_EXTSORT_H
#define SHINDAN_EXTSORT_H
/*
 * External merge sort of byte records, so that a file's rows can be
 * stored in the order of the response table's key, whatever the size of
 * the file.
 * Records are appended to a chunk in memory; a full chunk is sorted on a
 * helper thread and written to an unlinked temporary file as one sorted
 * run while the caller fills the other chunk.  At the end the runs and the
 * last chunk, which stays in memory, are merged.  Memory is two chunks
 * however long the input; an input that fits one chunk never touches the
 * disk and starts no thread.
 */
#include <stddef.h>

struct extsort;

/*
 * A sorter holding chunks of chunk_bytes (0: EXTSORT_CHUNK, or the
 * environment's SHINDAN_SORT_CHUNK, at least 8192, which tests set small
 * to force many runs).  Temporary files go to $TMPDIR, or /tmp, created 0600 and
 * unlinked at once.
 */
#define EXTSORT_CHUNK (8u << 20)
struct extsort *extsort_new(size_t chunk_bytes);
/*
 * Room for a record of len bytes (at most a chunk, less 8) whose first
 * keylen bytes are its sort key; keys are compared bytewise, a key that is
 * a prefix of another first.  The caller writes the len bytes before the
 * next call.  Returns NULL once writing a run has failed (extsort_why).
 */
char *extsort_add(struct extsort *s, size_t keylen, size_t len);
/*
 * No more records: sort what is left and start the merge.  Returns 0, or
 * -1 with extsort_why().
 */
int extsort_sort(struct extsort *s);
/*
 * The next record in key order (records with equal keys in no particular
 * order): returns 1 and points *rec at it (valid until the next call) and
 * sets *len, 0 at the end, -1 with extsort_why().
 */
int extsort_next(struct extsort *s, const char **rec, size_t *len);
/* How many runs went to the temporary file. */
size_t extsort_runs(const struct extsort *s);
const char *extsort_why(const struct extsort *s);
void extsort_free(struct extsort *s);
#endif
