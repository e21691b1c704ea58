/*
 * The byte end of ingest: file → SHA-256 → gunzip → decode → UTF-8.
 * SHA-256 is OpenSSL's, which uses the CPU's SHA extensions where present.
 *
 * Three buffers in a row: raw (bytes as on disk), plain (decompressed) and
 * the caller's.  Detection looks at the first 64 KiB of plain bytes: a BOM
 * decides; otherwise valid UTF-8 is UTF-8 and what iconv accepts as CP932
 * is CP932; anything else rejects the file rather than storing mojibake.
 * A guess can still meet an invalid byte later; the caller then learns it
 * through input_bad_bytes() and may start again with another encoding.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zlib.h>

#include "err.h"
#include "input.h"
#include "text.h"

#define RAW_SIZE (256 * 1024)
#define PLAIN_SIZE (256 * 1024)
#define SNIFF_SIZE (64 * 1024)
/* a gzip bomb: more than this many times the compressed size ... */
#define BOMB_RATIO 1000
/* ... once past this much output */
#define BOMB_FLOOR (256ULL * 1024 * 1024)

struct input {
	int fd;			/* -1: bytes come from fn */
	reader_read_fn fn;
	const char *(*fn_why)(const void *ctx);
	void *ctx;
	uint64_t size;			/* on disk */
	EVP_MD_CTX *sha;
	uint64_t raw_done;		/* bytes read from disk and hashed */
	unsigned char *raw;
	size_t raw_len, raw_pos;
	int raw_eof;

	int gz;
	z_stream zs;
	int zs_live;			/* inflateInit2 done */
	int member_done;		/* at a gzip member boundary */
	uint64_t plain_total;

	unsigned char *plain;
	size_t plain_len, plain_pos;
	int plain_eof;

	int enc;
	int guessed;
	int bom;
	int detected;
	iconv_t cd;

	char *peek;			/* see input_peek */
	size_t peek_len, peek_pos;

	int bad_bytes;
	char why[256];
};

static void
set_why(struct input *in, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
set_why(struct input *in, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(in->why, sizeof in->why, fmt, ap);
	va_end(ap);
}

int
input_encoding_parse(const char *name)
{
	static const struct { const char *name; int enc; } names[] = {
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 },
		{ "utf-16le", ENC_UTF16LE }, { "utf-16be", ENC_UTF16BE },
		{ "cp932", ENC_CP932 }, { "sjis", ENC_CP932 },
		{ "shift_jis", ENC_CP932 }, { "shift-jis", ENC_CP932 },
		{ "windows-31j", ENC_CP932 }, { "ms932", ENC_CP932 },
		{ "auto", ENC_AUTO },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return names[i].enc;
	return -1;
}

/* Read up to n bytes of the file, or of the source fn; -1 with why. */
static ssize_t
raw_read(struct input *in, void *dst, size_t n)
{
	ssize_t r;

	if (in->fn) {
		if ((r = in->fn(in->ctx, dst, n)) < 0)
			set_why(in, "%s", in->fn_why(in->ctx));
		return r;
	}
	do
		r = read(in->fd, dst, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		set_why(in, "read error: %s", strerror(errno));
	return r;
}

/* Refill the raw buffer from disk, hashing as we go. */
static int
raw_fill(struct input *in)
{
	ssize_t n;

	if (in->raw_pos < in->raw_len || in->raw_eof)
		return 0;
	if ((n = raw_read(in, in->raw, RAW_SIZE)) < 0)
		return -1;
	if (n == 0) {
		in->raw_eof = 1;
		return 0;
	}
	EVP_DigestUpdate(in->sha, in->raw, (size_t)n);
	in->raw_done += (uint64_t)n;
	in->raw_len = (size_t)n;
	in->raw_pos = 0;
	return 0;
}

/*
 * Move decompressed (or plain) bytes into in->plain after what is left
 * there.  Multi-member gzip is read member after member.
 */
static int
plain_fill(struct input *in)
{
	size_t room, got;
	int rc;

	if (in->plain_pos > 0) {
		memmove(in->plain, in->plain + in->plain_pos,
			in->plain_len - in->plain_pos);
		in->plain_len -= in->plain_pos;
		in->plain_pos = 0;
	}
	while (!in->plain_eof && (room = PLAIN_SIZE - in->plain_len) > 0) {
		if (!in->gz && in->raw_pos == in->raw_len) {
			/* plain file: read straight into the plain buffer */
			ssize_t n;

			if ((n = raw_read(in, in->plain + in->plain_len,
					  room)) < 0)
				return -1;
			if (n == 0) {
				in->raw_eof = in->plain_eof = 1;
				break;
			}
			EVP_DigestUpdate(in->sha, in->plain + in->plain_len,
					 (size_t)n);
			in->raw_done += (uint64_t)n;
			in->plain_len += (size_t)n;
			continue;
		}
		if (raw_fill(in))
			return -1;
		if (!in->gz) {
			/* the first block, read before gzip was ruled out */
			size_t n = in->raw_len - in->raw_pos;

			if (n > room)
				n = room;
			memcpy(in->plain + in->plain_len,
			       in->raw + in->raw_pos, n);
			in->raw_pos += n;
			in->plain_len += n;
			continue;
		}
		if (in->raw_pos == in->raw_len && in->raw_eof) {
			if (!in->member_done) {
				set_why(in, "truncated gzip stream (%llu bytes"
					" read)",
					(unsigned long long)in->raw_done);
				return -1;
			}
			in->plain_eof = 1;
			break;
		}
		if (in->member_done) {
			/* another member follows, or trailing garbage */
			if (in->raw[in->raw_pos] != 0x1f) {
				set_why(in, "garbage after gzip stream at byte"
					" %llu", (unsigned long long)(in->raw_done
					- (in->raw_len - in->raw_pos)));
				return -1;
			}
			inflateReset(&in->zs);
			in->member_done = 0;
		}
		in->zs.next_in = in->raw + in->raw_pos;
		in->zs.avail_in = (uInt)(in->raw_len - in->raw_pos);
		in->zs.next_out = in->plain + in->plain_len;
		in->zs.avail_out = (uInt)room;
		rc = inflate(&in->zs, Z_NO_FLUSH);
		got = room - in->zs.avail_out;

		in->raw_pos = in->raw_len - in->zs.avail_in;
		in->plain_len += got;
		in->plain_total += got;
		if (rc == Z_STREAM_END) {
			in->member_done = 1;
		} else if (rc != Z_OK && !(rc == Z_BUF_ERROR && got == 0 &&
			   in->zs.avail_in == 0)) {
			set_why(in, "corrupt gzip stream: %s",
				in->zs.msg ? in->zs.msg : zError(rc));
			return -1;
		}
		if (in->plain_total > BOMB_FLOOR &&
		    in->plain_total / BOMB_RATIO > in->size) {
			set_why(in, "gzip expands more than %d times (%llu "
				"bytes from %llu): refused as a gzip bomb",
				BOMB_RATIO,
				(unsigned long long)in->plain_total,
				(unsigned long long)in->size);
			return -1;
		}
	}
	return 0;
}

static int
starts(const unsigned char *p, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(p, magic, n) == 0;
}

/* Does iconv accept len bytes as from_code (an incomplete end is fine)? */
static int
converts(const char *from, const unsigned char *p, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char out[4096];
	char *ip = (char *)p;
	size_t il = len;
	int ok = 1;

	if (cd == (iconv_t)-1)
		return 0;
	while (il > 0) {
		char *op = out;
		size_t ol = sizeof out;

		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			ok = errno == EINVAL;	/* cut at the end: fine */
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

static int
detect(struct input *in)
{
	const unsigned char *p;
	size_t len;
	static const char *iconv_names[] = {
		[ENC_UTF16LE] = "UTF-16LE", [ENC_UTF16BE] = "UTF-16BE",
		[ENC_CP932] = "CP932",
	};

	while (!in->plain_eof && in->plain_len < SNIFF_SIZE)
		if (plain_fill(in))
			return -1;
	p = in->plain;
	len = in->plain_len;
	if (starts(p, len, "\xef\xbb\xbf", 3)) {
		in->bom = 3;
		if (in->enc == ENC_AUTO)
			in->enc = ENC_UTF8;
	} else if (starts(p, len, "\xff\xfe", 2)) {
		in->bom = 2;
		if (in->enc == ENC_AUTO)
			in->enc = ENC_UTF16LE;
	} else if (starts(p, len, "\xfe\xff", 2)) {
		in->bom = 2;
		if (in->enc == ENC_AUTO)
			in->enc = ENC_UTF16BE;
	}
	if (in->bom && ((in->bom == 3) != (in->enc == ENC_UTF8) ||
	    (in->enc == ENC_CP932)))
		in->bom = 0;	/* --encoding said otherwise: keep the bytes */
	in->plain_pos = (size_t)in->bom;
	if (in->enc == ENC_AUTO) {
		size_t valid = utf8_valid_prefix((const char *)p, len);

		in->guessed = 1;
		if (valid == len || (!in->plain_eof &&
		    valid + utf8_tail((const char *)p, len) == len)) {
			in->enc = ENC_UTF8;
		} else if (converts("CP932", p, len)) {
			in->enc = ENC_CP932;
		} else {
			long line = 1;
			size_t i;

			/* lines as the reader counts them: CR, LF, CRLF */
			for (i = 0; i < valid; i++)
				line += p[i] == '\n' || (p[i] == '\r' &&
					(i + 1 == len || p[i + 1] != '\n'));
			set_why(in, "line %ld: not UTF-8, UTF-16 with BOM or "
				"CP932 (byte 0x%02x at offset %zu)", line,
				p[valid], valid);
			in->bad_bytes = 1;
			return -1;
		}
	}
	if (in->enc != ENC_UTF8) {
		in->cd = iconv_open("UTF-8", iconv_names[in->enc]);
		if (in->cd == (iconv_t)-1) {
			set_why(in, "iconv cannot decode %s: %s",
				iconv_names[in->enc], strerror(errno));
			return -1;
		}
	}
	in->detected = 1;
	return 0;
}

static struct input *
input_start(struct input *in, enum input_encoding enc, char why[256]);

struct input *
input_open(const char *path, enum input_encoding enc, char why[256])
{
	struct input *in;
	struct stat st;
	/* O_NONBLOCK: opening a FIFO planted in the inbox must not hang */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		snprintf(why, 256, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    fcntl(fd, F_SETFL, 0) < 0) {
		snprintf(why, 256, "not a regular file");
		close(fd);
		return NULL;
	}
	in = xcalloc(1, sizeof *in);
	in->fd = fd;
	in->size = (uint64_t)st.st_size;
	return input_start(in, enc, why);
}

struct input *
input_open_fn(reader_read_fn fn, const char *(*fn_why)(const void *),
	      void *ctx, uint64_t size, enum input_encoding enc,
	      char why[256])
{
	struct input *in = xcalloc(1, sizeof *in);

	in->fd = -1;
	in->fn = fn;
	in->fn_why = fn_why;
	in->ctx = ctx;
	in->size = size;
	return input_start(in, enc, why);
}

/* The rest of opening: buffers, SHA-256, the first block, gzip. */
static struct input *
input_start(struct input *in, enum input_encoding enc, char why[256])
{
	in->enc = enc;
	in->cd = (iconv_t)-1;
	in->raw = xmalloc(RAW_SIZE);
	in->plain = xmalloc(PLAIN_SIZE);
	in->sha = EVP_MD_CTX_new();
	if (!in->sha || !EVP_DigestInit_ex(in->sha, EVP_sha256(), NULL))
		die("openssl: cannot initialise SHA-256");
	if (raw_fill(in)) {
		snprintf(why, 256, "%s", in->why);
		input_close(in);
		return NULL;
	}
	if (starts(in->raw, in->raw_len, "\x1f\x8b", 2)) {
		in->gz = 1;
		if (inflateInit2(&in->zs, 15 + 16) != Z_OK)
			die("zlib: cannot initialise");
		in->zs_live = 1;
	}
	return in;
}

/* Decode the next text into dst: input_read without the peeked text. */
static ssize_t
decode(struct input *in, char *dst, size_t cap);

const char *
input_peek(struct input *in, size_t *len)
{
	if (!in->peek) {
		in->peek = xmalloc(INPUT_PEEK);
		while (INPUT_PEEK - in->peek_len >= 4) {
			ssize_t n = decode(in, in->peek + in->peek_len,
					   INPUT_PEEK - in->peek_len);

			if (n < 0)
				return NULL;
			if (n == 0)
				break;
			in->peek_len += (size_t)n;
		}
	}
	*len = in->peek_len;
	return in->peek;
}

ssize_t
input_read(struct input *in, char *dst, size_t cap)
{
	if (in->peek_pos < in->peek_len) {
		size_t n = in->peek_len - in->peek_pos;

		if (n > cap)
			n = cap;
		memcpy(dst, in->peek + in->peek_pos, n);
		in->peek_pos += n;
		return (ssize_t)n;
	}
	return decode(in, dst, cap);
}

ssize_t
input_read_fn(void *ctx, char *dst, size_t cap)
{
	return input_read(ctx, dst, cap);
}

static ssize_t
decode(struct input *in, char *dst, size_t cap)
{
	size_t avail;

	if (!in->detected && detect(in))
		return -1;
	if (in->plain_pos == in->plain_len && !in->plain_eof)
		if (plain_fill(in))
			return -1;
	if (in->plain_pos == in->plain_len && in->plain_len > 0 &&
	    in->plain_eof)
		return 0;
	if (in->plain_len - in->plain_pos < 4 && !in->plain_eof)
		if (plain_fill(in))
			return -1;
	avail = in->plain_len - in->plain_pos;
	if (avail == 0)
		return 0;
	if (in->enc == ENC_UTF8) {
		const char *p = (const char *)in->plain + in->plain_pos;
		size_t n = avail < cap ? avail : cap;
		size_t valid = utf8_valid_prefix(p, n);

		if (valid < n) {
			size_t tail = utf8_tail(p, n);

			/* a sequence cut by cap or the buffer is fine, one
			 * cut by the end of the file is not; the good part
			 * before a bad byte is handed over first */
			if (!(valid + tail == n && valid > 0 &&
			      (n < avail || !in->plain_eof)) && valid == 0) {
				set_why(in, "invalid UTF-8 byte 0x%02x",
					(unsigned char)p[valid]);
				in->bad_bytes = 1;
				return -1;
			}
		}
		memcpy(dst, p, valid);
		in->plain_pos += valid;
		return (ssize_t)valid;
	} else {
		char *ip = (char *)in->plain + in->plain_pos, *op = dst;
		size_t il = avail, ol = cap;

		if (iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1 &&
		    errno == EILSEQ) {
			in->plain_pos = (size_t)((unsigned char *)ip -
						 in->plain);
			if (op > dst)	/* hand over the good part first */
				return op - dst;
			set_why(in, "invalid %s byte sequence 0x%02x",
				input_encoding_name(in), (unsigned char)*ip);
			in->bad_bytes = 1;
			return -1;
		}
		/* E2BIG: dst is full; EINVAL: a sequence cut by the buffer */
		in->plain_pos = (size_t)((unsigned char *)ip - in->plain);
		if (op == dst && il > 0 && in->plain_eof) {
			set_why(in, "truncated %s sequence at end of file",
				input_encoding_name(in));
			in->bad_bytes = 1;
			return -1;
		}
		return op - dst;
	}
}

const char *
input_why(const struct input *in)
{
	return in->why;
}

int
input_bad_bytes(const struct input *in)
{
	return in->bad_bytes;
}

const char *
input_encoding_name(const struct input *in)
{
	switch (in->enc) {
	case ENC_UTF8:
		return in->bom ? "UTF-8 BOM" : "UTF-8";
	case ENC_UTF16LE:
		return "UTF-16LE";
	case ENC_UTF16BE:
		return "UTF-16BE";
	case ENC_CP932:
		return "CP932";
	default:
		return "unknown";
	}
}

int
input_encoding_guessed(const struct input *in)
{
	return in->guessed;
}

int
input_gzipped(const struct input *in)
{
	return in->gz;
}

uint64_t
input_raw_done(const struct input *in)
{
	return in->raw_done;
}

uint64_t
input_raw_size(const struct input *in)
{
	return in->size;
}

static void
hex_digest(EVP_MD_CTX *sha, char hex[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int i, n = 0;

	EVP_DigestFinal_ex(sha, d, &n);
	for (i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

int
input_sha256(struct input *in, char hex[65])
{
	while (!in->raw_eof) {
		in->raw_pos = in->raw_len;
		if (raw_fill(in))
			return -1;
	}
	hex_digest(in->sha, hex);
	return 0;
}

void
input_close(struct input *in)
{
	if (!in)
		return;
	if (in->zs_live)
		inflateEnd(&in->zs);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->fd >= 0)
		close(in->fd);
	EVP_MD_CTX_free(in->sha);
	free(in->peek);
	free(in->raw);
	free(in->plain);
	free(in);
}

int
input_hash_file(const char *path, char hex[65], uint64_t *bytes,
		char why[256])
{
	struct input *in = input_open(path, ENC_AUTO, why);
	int rc;

	if (!in)
		return -1;
	rc = input_sha256(in, hex);
	if (rc)
		snprintf(why, 256, "%s", in->why);
	*bytes = in->raw_done;
	input_close(in);
	return rc;
}
