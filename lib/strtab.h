#ifndef SHINDAN_STRTAB_H
#define SHINDAN_STRTAB_H
/*
 * A table of strings numbered in the order they were added, held in
 * memory up to a limit and on disk beyond it, so that its memory stays
 * flat however many strings there are: an .xlsx's shared strings, where
 * every company name is one.  The strings on disk go to a temporary file
 * (0600, unlinked at once, in $TMPDIR or /tmp) read back with pread.
 */
#include <stddef.h>

struct strtab;

/*
 * A new empty table holding up to mem_bytes of strings in memory
 * (0: a default of 16 MiB).  Dies when out of memory.
 */
struct strtab *strtab_new(size_t mem_bytes);
/* Add s (n bytes, no NUL inside).  0, or -1 with errno on a write error. */
int strtab_add(struct strtab *t, const char *s, size_t n);
size_t strtab_count(const struct strtab *t);
/*
 * String i (< strtab_count), NUL-terminated, its length in *len; valid
 * until the next strtab_get or strtab_add.  NULL with errno on a read
 * error.
 */
const char *strtab_get(struct strtab *t, size_t i, size_t *len);
/* How many strings went to disk. */
size_t strtab_spilled(const struct strtab *t);
void strtab_free(struct strtab *t);

/*
 * Open an unlinked temporary file for the caller's data: 0600, in
 * $TMPDIR or /tmp, named shindan-TAG-XXXXXX while it lasts.  Returns
 * its descriptor, or -1 with errno.
 */
int spill_open(const char *tag);
#endif
