#ifndef SHINDAN_INPUT_H
#define SHINDAN_INPUT_H
/*
 * One export file as a stream of UTF-8 text: read in blocks, hashed
 * (SHA-256 of the bytes on disk), gunzipped when it starts with gzip's
 * magic bytes, and decoded from UTF-8 (BOM or not), UTF-16LE/BE (with
 * BOM) or CP932.  Memory stays fixed whatever the file's size.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "reader.h"

enum input_encoding {
	ENC_AUTO = 0,
	ENC_UTF8,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_CP932,
};

struct input;

/*
 * Open path for reading with the given encoding (ENC_AUTO: detect).
 * Returns NULL and writes why into why[256] when the file cannot be
 * opened (the caller records the file as rejected).
 */
struct input *input_open(const char *path, enum input_encoding enc,
			 char why[256]);
/*
 * Read up to cap bytes of UTF-8 text (cap >= 4, room for any character).
 * Returns the count, 0 at the end,
 * or -1 with input_why() telling what is wrong (truncated gzip, invalid
 * byte sequence, decompressed size limit, read error).
 */
ssize_t input_read(struct input *in, char *dst, size_t cap);
const char *input_why(const struct input *in);
/*
 * The first INPUT_PEEK bytes of text (fewer for a short file), kept so
 * that detection can look at them before reading starts: input_read()
 * returns them again first.  Call before any input_read().  Returns the
 * text and sets *len (0: an empty file), or NULL as input_read's -1.
 */
#define INPUT_PEEK (64 * 1024)
const char *input_peek(struct input *in, size_t *len);
/* input_read for reader_new(): ctx is the struct input. */
ssize_t input_read_fn(void *ctx, char *dst, size_t cap);
/* 1 when the last error was bytes invalid in the detected encoding. */
int input_bad_bytes(const struct input *in);
/* The encoding in use: "UTF-8", "UTF-8 BOM", "UTF-16LE", "CP932", ... */
const char *input_encoding_name(const struct input *in);
/* 1 when the encoding was guessed, not given by a BOM or --encoding. */
int input_encoding_guessed(const struct input *in);
/* 1 when the file is gzip-compressed. */
int input_gzipped(const struct input *in);
/* Bytes of the file read so far, and its size on disk. */
uint64_t input_raw_done(const struct input *in);
uint64_t input_raw_size(const struct input *in);
/*
 * Read the rest of the file (without decoding) and write the SHA-256 of
 * all its bytes as 64 hex digits into hex[65].  Returns 0 or -1 on a
 * read error.
 */
int input_sha256(struct input *in, char hex[65]);
/*
 * An input over the bytes fn(ctx) gives (a zip member), size of them in
 * all; fn_why(ctx) tells why fn failed.  As input_open otherwise.
 */
struct input *input_open_fn(reader_read_fn fn,
			    const char *(*fn_why)(const void *ctx), void *ctx,
			    uint64_t size, enum input_encoding enc,
			    char why[256]);
void input_close(struct input *in);

/* Parse an --encoding name (utf-8, utf-16le, utf-16be, cp932, sjis...). */
int input_encoding_parse(const char *name);
/*
 * SHA-256 and size of a whole file, for the already-imported check.
 * Returns 0 or -1 with why.
 */
int input_hash_file(const char *path, char hex[65], uint64_t *bytes,
		    char why[256]);
#endif
