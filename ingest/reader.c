/*
 * Record reader.  libcsv parses fields but says nothing of where a record
 * starts or what its raw text was, so the text is handed to libcsv one
 * physical line at a time: a record can only end at a line end, and after
 * each line we know whether libcsv closed a record.  That gives exact line
 * numbers (newlines inside quotes count) and the verbatim raw text for
 * rejects, at the cost of one extra scan for line ends.
 *
 * libcsv's space trimming is turned off: RFC 4180 keeps spaces, and the
 * value parsers trim what they need.
 *
 * A record that starts a line holding no quote character cannot be more
 * than that line, and its fields are the text between delimiters: such a
 * line, which is nearly every line of a survey export, is split with
 * memchr without going through libcsv, whose byte-at-a-time state machine
 * would take most of the time of an import.  What libcsv would make of
 * any other line is unchanged, and tests/fuzz/fuzz-reader.c checks that
 * both ways give the same records for any text.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "reader.h"

#define CHUNK (256 * 1024)
/* libcsv's parser states (libcsv.c): a quoted field still open */
#define LIBCSV_FIELD_BEGUN 2

struct reader {
	reader_read_fn fn;
	void *ctx;
	struct csv_parser csv;
	unsigned char delim;
	int libcsv_only;

	char *buf;
	size_t cap, len, pos;
	int eof;
	int failed;
	long line;		/* line number of buf[pos] */

	int in_record;
	size_t rec_start;
	long rec_line;
	int rec_done;

	char *arena;
	size_t alen, acap;
	size_t *offs, *lens;
	char **fields;
	size_t nf, fcap;

	struct record rec;
	char why[320];
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Note a field of len bytes at off in the arena. */
static void
field_add(struct reader *r, size_t off, size_t len)
{
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? 2 * r->fcap : 64;
		r->offs = xrealloc(r->offs, r->fcap * sizeof *r->offs);
		r->lens = xrealloc(r->lens, r->fcap * sizeof *r->lens);
		r->fields = xrealloc(r->fields, r->fcap * sizeof *r->fields);
	}
	r->offs[r->nf] = off;
	r->lens[r->nf] = len;
	r->nf++;
}

static void
arena_reserve(struct reader *r, size_t n)
{
	if (r->alen + n > r->acap) {
		while (r->alen + n > r->acap)
			r->acap = r->acap ? 2 * r->acap : 4096;
		r->arena = xrealloc(r->arena, r->acap);
	}
}

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	arena_reserve(r, len + 1);
	if (len)
		memcpy(r->arena + r->alen, s, len);
	r->arena[r->alen + len] = '\0';
	field_add(r, r->alen, len);
	r->alen += len + 1;
}

/* The fields of buf[from, to), a line without quotes, as libcsv has them. */
static void
split_line(struct reader *r, size_t from, size_t to)
{
	size_t n = to - from, at = 0;
	char *a, *d;

	arena_reserve(r, n + 1);
	a = r->arena;
	memcpy(a, r->buf + from, n);
	a[n] = '\0';
	r->alen = n + 1;
	while ((d = memchr(a + at, r->delim, n - at))) {
		*d = '\0';
		field_add(r, at, (size_t)(d - a) - at);
		at = (size_t)(d - a) + 1;
	}
	field_add(r, at, n - at);
}

static void
on_record(int c, void *data)
{
	(void)c;
	((struct reader *)data)->rec_done = 1;
}

ssize_t
reader_mem_read(void *ctx, char *dst, size_t cap)
{
	struct reader_mem *m = ctx;
	size_t n = m->len - m->pos;

	if (n > cap)
		n = cap;
	memcpy(dst, m->p + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

struct reader *
reader_new(reader_read_fn fn, void *ctx, int delim)
{
	struct reader *r = xcalloc(1, sizeof *r);

	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	r->cap = 2 * CHUNK;
	r->buf = xmalloc(r->cap);
	if (csv_init(&r->csv, 0) != 0)
		die("libcsv: cannot initialise");
	csv_set_delim(&r->csv, (unsigned char)delim);
	r->delim = (unsigned char)delim;
	csv_set_space_func(&r->csv, no_space);
	return r;
}

static int
too_long(struct reader *r)
{
	snprintf(r->why, sizeof r->why, "line %ld: record longer than %d MiB: "
		 "a field too long for a survey, or a quote never closed",
		 r->rec_line, READER_MAX_RECORD >> 20);
	return -1;
}

/*
 * Read more text, keeping the current record (or the unread rest) at the
 * front of the buffer.  Returns 0 or -1.
 */
static int
refill(struct reader *r)
{
	size_t keep = r->in_record ? r->rec_start : r->pos;
	ssize_t n;

	if (keep > 0) {
		memmove(r->buf, r->buf + keep, r->len - keep);
		r->len -= keep;
		r->pos -= keep;
		r->rec_start -= r->in_record ? keep : 0;
	}
	if (r->cap - r->len < CHUNK) {
		if (r->len > READER_MAX_RECORD)
			return too_long(r);
		r->cap = r->len + 2 * CHUNK;
		r->buf = xrealloc(r->buf, r->cap);
	}
	n = r->fn(r->ctx, r->buf + r->len, r->cap - r->len);
	if (n < 0) {
		r->failed = 1;
		return -1;
	}
	if (n == 0)
		r->eof = 1;
	r->len += (size_t)n;
	return 0;
}

static void
record_start(struct reader *r)
{
	r->in_record = 1;
	r->rec_start = r->pos;
	r->rec_line = r->line;
	r->rec_done = 0;
	r->nf = 0;
	r->alen = 0;
}

/* Is the record only empty or blank fields?  Then it is a blank line. */
static int
record_blank(const struct reader *r)
{
	size_t i, j;

	for (i = 0; i < r->nf; i++)
		for (j = 0; j < r->lens[i]; j++) {
			char c = r->arena[r->offs[i] + j];

			if (c != ' ' && c != '\t')
				return 0;
		}
	return 1;
}

static struct record *
record_finish(struct reader *r, size_t end)
{
	size_t i, rawlen = end - r->rec_start;

	while (rawlen > 0 && (r->buf[r->rec_start + rawlen - 1] == '\n' ||
	       r->buf[r->rec_start + rawlen - 1] == '\r'))
		rawlen--;
	for (i = 0; i < r->nf; i++)
		r->fields[i] = r->arena + r->offs[i];
	r->rec.line = r->rec_line;
	r->rec.raw = r->buf + r->rec_start;
	r->rec.rawlen = rawlen;
	r->rec.nfields = r->nf;
	r->rec.fields = r->fields;
	r->rec.lens = r->lens;
	r->in_record = 0;
	return &r->rec;
}

/* Offset of the first CR or LF at or after from, or len. */
static size_t
find_eol(const char *buf, size_t from, size_t len)
{
	const char *lf = memchr(buf + from, '\n', len - from);
	size_t end = lf ? (size_t)(lf - buf) : len;
	const char *cr = memchr(buf + from, '\r', end - from);

	return cr ? (size_t)(cr - buf) : end;
}

int
reader_next(struct reader *r, struct record **rec)
{
	r->rec.unterminated = 0;
	for (;;) {
		size_t e, end;

		if (r->pos == r->len) {
			if (!r->eof) {
				if (refill(r))
					return -1;
				continue;
			}
			if (!r->in_record)
				return 0;
			/* the last record has no line end */
			r->rec.unterminated = r->csv.pstate ==
				LIBCSV_FIELD_BEGUN && r->csv.quoted;
			csv_fini(&r->csv, on_field, on_record, r);
			if (record_blank(r)) {
				r->in_record = 0;
				return 0;
			}
			*rec = record_finish(r, r->pos);
			return 1;
		}
		if (!r->in_record) {
			char c = r->buf[r->pos];

			if (c == '\r' && r->pos + 1 == r->len && !r->eof) {
				if (refill(r))	/* is it CR LF? */
					return -1;
				continue;
			}
			if (c == '\n' || c == '\r') {
				r->pos += (c == '\r' && r->pos + 1 < r->len &&
					   r->buf[r->pos + 1] == '\n') ? 2 : 1;
				r->line++;
				continue;
			}
			record_start(r);
		}
		e = find_eol(r->buf, r->pos, r->len);
		if (e == r->len && !r->eof) {
			if (refill(r))
				return -1;
			continue;
		}
		if (e + 1 == r->len && r->buf[e] == '\r' && !r->eof) {
			if (refill(r))
				return -1;
			continue;
		}
		end = e;
		if (e < r->len) {
			end = e + 1;
			if (r->buf[e] == '\r' && end < r->len &&
			    r->buf[end] == '\n')
				end++;
		}
		if (end - r->rec_start > READER_MAX_RECORD)
			return too_long(r);
		if (r->pos == r->rec_start && !r->libcsv_only &&
		    !memchr(r->buf + r->pos, '"', e - r->pos)) {
			split_line(r, r->pos, e);
			r->rec_done = 1;
		} else if (csv_parse(&r->csv, r->buf + r->pos, end - r->pos,
			      on_field, on_record, r) != end - r->pos) {
			snprintf(r->why, sizeof r->why, "line %ld: %s",
				 r->line, csv_strerror(csv_error(&r->csv)));
			return -1;
		}
		r->pos = end;
		if (e < r->len)
			r->line++;
		if (r->rec_done) {
			if (record_blank(r)) {
				r->in_record = 0;
				continue;
			}
			*rec = record_finish(r, end);
			return 1;
		}
	}
}

const char *
reader_why(const struct reader *r)
{
	return r->why;
}

int
reader_source_failed(const struct reader *r)
{
	return r->failed;
}

long
reader_line(const struct reader *r)
{
	long line = r->line;
	size_t i;

	if (!r->failed)
		return line;
	/* the source failed just past the text read: count up to there */
	for (i = r->pos; i < r->len; i++)
		if (r->buf[i] == '\n' || (r->buf[i] == '\r' &&
		    (i + 1 == r->len || r->buf[i + 1] != '\n')))
			line++;
	return line;
}

void
reader_libcsv_only(struct reader *r)
{
	r->libcsv_only = 1;
}

void
reader_free(struct reader *r)
{
	if (!r)
		return;
	csv_free(&r->csv);
	free(r->buf);
	free(r->arena);
	free(r->offs);
	free(r->lens);
	free(r->fields);
	free(r);
}
