/*
 * HTML escaping for index.html and the company list pages: the pages
 * show company names, which are user data, so every byte of text goes
 * through html_text and every link through html_href.  Both copy the runs
 * of bytes that need nothing in one write, since a national roll-up
 * writes millions of names.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"

#include "html.h"
#include "text.h"

/*
 * Bytes html_text replaces: markup characters and C0 controls but tab
 * and newline (invalid in HTML), with what each becomes; 0 for a byte
 * kept as it is.  Tables, not strcspn: glibc's generic strspn is the
 * slowest part of a long list otherwise.
 */
static const char *const replace[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;",
	[0x01] = " ", [0x02] = " ", [0x03] = " ", [0x04] = " ", [0x05] = " ",
	[0x06] = " ", [0x07] = " ", [0x08] = " ", [0x0b] = " ", [0x0c] = " ",
	[0x0d] = " ", [0x0e] = " ", [0x0f] = " ", [0x10] = " ", [0x11] = " ",
	[0x12] = " ", [0x13] = " ", [0x14] = " ", [0x15] = " ", [0x16] = " ",
	[0x17] = " ", [0x18] = " ", [0x19] = " ", [0x1a] = " ", [0x1b] = " ",
	[0x1c] = " ", [0x1d] = " ", [0x1e] = " ", [0x1f] = " ",
};

/* Bytes a link keeps: [A-Za-z0-9._~/-]. */
static int
href_safe(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' ||
	       c == '/' || c == '-';
}

typedef void sink_fn(void *to, const void *buf, size_t len);

static void
to_file(void *to, const void *buf, size_t len)
{
	out_write(to, buf, len);
}

static void
to_buf(void *to, const void *buf, size_t len)
{
	html_buf_put(to, buf, len);
}

/* Escape the n bytes at s into put(to, ...). */
static void
text_n(sink_fn *put, void *to, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	const unsigned char *run = p;

	for (; p < end; p++) {
		const char *r = replace[*p];

		if (r) {
			put(to, run, p - run);
			put(to, r, strlen(r));
			run = p + 1;
		}
	}
	put(to, run, p - run);
}

static void
href(sink_fn *put, void *to, const char *rel)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)rel, *run = p;

	for (; *p; p++) {
		if (!href_safe(*p)) {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };

			put(to, run, p - run);
			put(to, e, 3);
			run = p + 1;
		}
	}
	put(to, run, p - run);
}

void
html_text(struct out_file *f, const char *s)
{
	if (s)
		text_n(to_file, f, s, strlen(s));
}

void
html_text_cut(struct out_file *f, const char *s, int max)
{
	const char *p = s, *end;
	int n = 0;

	if (!s)
		return;
	end = s + strlen(s);
	while (p < end && n < max) {
		utf8_next(&p, end);
		n++;
	}
	text_n(to_file, f, s, p - s);
	if (p < end)
		out_puts(f, "…");
}

void
html_href(struct out_file *f, const char *rel)
{
	href(to_file, f, rel);
}

void
html_buf_put(struct html_buf *b, const void *buf, size_t len)
{
	if (len == 0)
		return;		/* b->p may still be NULL */
	if (b->len + len > b->cap) {
		b->cap = 2 * (b->len + len) + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, buf, len);
	b->len += len;
}

void
html_buf_puts(struct html_buf *b, const char *s)
{
	html_buf_put(b, s, strlen(s));
}

void
html_buf_text(struct html_buf *b, const char *s)
{
	if (s)
		text_n(to_buf, b, s, strlen(s));
}

void
html_buf_href(struct html_buf *b, const char *rel)
{
	href(to_buf, b, rel);
}

void
html_buf_flush(struct html_buf *b, struct out_file *f)
{
	out_write(f, b->p, b->len);
	b->len = 0;
}

void
html_buf_free(struct html_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}
