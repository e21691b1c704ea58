#ifndef SHINDAN_RENDER_HTML_H
#define SHINDAN_RENDER_HTML_H
/*
 * Escaping for the static HTML render writes: text and attribute values,
 * and relative links made from file names.
 */
#include <stddef.h>

#include "out.h"

/* Write s with & < > " ' escaped (NULL writes nothing). */
void html_text(struct out_file *f, const char *s);
/*
 * As html_text, but at most max code points of s, then "…" when s was
 * longer: for names in a compact list.
 */
void html_text_cut(struct out_file *f, const char *s, int max);
/*
 * Write a relative link: bytes outside [A-Za-z0-9._~/-] are
 * percent-encoded, so no value can form a scheme, a query or a fragment.
 */
void html_href(struct out_file *f, const char *rel);

/*
 * A growing buffer for text made of many small pieces, such as a row of
 * a long table, written to a file in one piece by html_buf_flush.  Start
 * it zeroed; html_buf_free releases it.
 */
struct html_buf {
	char *p;
	size_t len, cap;
};

void html_buf_put(struct html_buf *b, const void *buf, size_t len);
void html_buf_puts(struct html_buf *b, const char *s);
/* As html_text and html_href, into b. */
void html_buf_text(struct html_buf *b, const char *s);
void html_buf_href(struct html_buf *b, const char *rel);
/* Append b's text to f and empty b. */
void html_buf_flush(struct html_buf *b, struct out_file *f);
void html_buf_free(struct html_buf *b);
#endif
