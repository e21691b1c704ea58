#ifndef GEN_SAMPLE_FILES_H
#define GEN_SAMPLE_FILES_H
/*
 * An export's bytes as they grow, and the files they are written to: as
 * they are, in CP932, zipped or gzip'ed, each reproducibly.  Every
 * function here dies on failure: gen-sample has nothing to clean up.
 */
#include <stddef.h>

/* Bytes growing at the end, always NUL-terminated after len. */
struct buf {
	char *p;
	size_t len, cap;
};

/* Append n bytes of s to b. */
void buf_add(struct buf *b, const char *s, size_t n);
/* Append the string s to b. */
void buf_puts(struct buf *b, const char *s);

/* Write b to path as it is. */
void write_plain(const char *path, const struct buf *b);
/* Write b (UTF-8) to path in CP932, as Excel on Japanese Windows saves. */
void write_cp932(const char *path, const struct buf *b);
/*
 * Write b as the one member called name of a zip at path, as Google
 * Forms' "Download responses" does (a fixed time stamp: reproducible).
 */
void write_zip(const char *path, const char *name, const struct buf *b);
/* Write b gzip-compressed (zlib writes a fixed header: reproducible). */
void write_gzip(const char *path, const struct buf *b);
/* Create the directory path unless it exists. */
void mkdir_or_die(const char *path);
#endif
