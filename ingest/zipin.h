#ifndef SHINDAN_ZIPIN_H
#define SHINDAN_ZIPIN_H
/*
 * A zip archive read in place through minizip: its members listed, and
 * one member at a time read as a stream, with limits that refuse zip
 * bombs, encrypted members and methods other than stored and deflate.
 * Nothing is ever written to disk, so a member's name (even ../../x) is
 * only a label.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Limits on what an archive may expand to. */
#define ZIPIN_MAX_MEMBERS 10000
#define ZIPIN_MAX_MEMBER (2ULL << 30)	/* uncompressed bytes a member */
#define ZIPIN_MAX_TOTAL (4ULL << 30)	/* ... all members read */
#define ZIPIN_MAX_RATIO 200		/* uncompressed / compressed ... */
#define ZIPIN_RATIO_FLOOR (64ULL << 20)	/* ... once past this much */

struct zipin;

/*
 * Open the zip at path and read its central directory.  Returns NULL and
 * writes why into why[256] when it is no readable zip (truncated,
 * damaged) or when its directory already declares a bomb.
 */
struct zipin *zipin_open(const char *path, char why[256]);
/* Count of members and the name of member i (0-based, archive order). */
size_t zipin_count(const struct zipin *z);
const char *zipin_name(const struct zipin *z, size_t i);
/* Uncompressed size the directory declares for member i. */
uint64_t zipin_size(const struct zipin *z, size_t i);
/* Index of the member called name (exact bytes), or -1. */
long zipin_find(const struct zipin *z, const char *name);
/*
 * Start reading member i (closing any member being read).  Returns 0, or
 * -1 with zipin_why() ("'x.csv': encrypted, cannot read", ...).
 */
int zipin_member(struct zipin *z, size_t i);
/*
 * Read up to cap uncompressed bytes of the member being read: the count,
 * 0 at its end (after its CRC was checked), or -1 with zipin_why()
 * (bad CRC, corrupt data, a limit passed).  A reader_read_fn: ctx is the
 * struct zipin.
 */
ssize_t zipin_read(void *ctx, char *dst, size_t cap);
/* Uncompressed bytes read so far, over all members. */
uint64_t zipin_done(const void *ctx);
const char *zipin_why(const struct zipin *z);
void zipin_close(struct zipin *z);
/* 1 when the first bytes p[0..len) are a zip's (PK\3\4 or PK\5\6). */
int zipin_magic(const unsigned char *p, size_t len);
#endif
