#ifndef SHINDAN_READER_H
#define SHINDAN_READER_H
/*
 * Records of a delimited text: RFC 4180 through libcsv, with the physical
 * line where each record starts and its raw text, so that a rejected row
 * is stored verbatim and reported by line.
 */
#include <stddef.h>
#include <sys/types.h>

/* Where the text comes from: like read(2), -1 with its own message. */
typedef ssize_t (*reader_read_fn)(void *ctx, char *dst, size_t cap);

struct record {
	long line;		/* 1-based physical line where it starts */
	const char *raw;	/* its text without the final line end */
	size_t rawlen;
	size_t nfields;
	char **fields;		/* NUL-terminated, as parsed */
	size_t *lens;
	int unterminated;	/* ended inside a quoted field at EOF */
};

struct reader;

/* Longest record accepted; longer ones make reader_next fail. */
#define READER_MAX_RECORD (1024 * 1024)

/* A reader of fn(ctx) with delimiter delim (',', '\t' or ';'). */
struct reader *reader_new(reader_read_fn fn, void *ctx, int delim);
/*
 * Next non-blank record (a line of white space or of empty fields is
 * skipped).  Returns 1 and points *rec at it (valid until the next call),
 * 0 at the end, or -1 with reader_why() ("line 12: record longer than
 * 1 MiB: ...", or the source's failure when
 * reader_source_failed()).
 */
int reader_next(struct reader *r, struct record **rec);
const char *reader_why(const struct reader *r);
int reader_source_failed(const struct reader *r);
/*
 * The line the reader has reached; after the source failed, the line
 * where the failure is (for messages about the source).
 */
long reader_line(const struct reader *r);
void reader_free(struct reader *r);
/*
 * Hand every line to libcsv, even the lines without quotes that are
 * otherwise split directly: for the fuzz target that checks both ways
 * give the same records.
 */
void reader_libcsv_only(struct reader *r);

/* A reader_read_fn over a memory buffer; ctx is a struct reader_mem. */
struct reader_mem {
	const char *p;
	size_t len, pos;
};
ssize_t reader_mem_read(void *ctx, char *dst, size_t cap);
#endif
