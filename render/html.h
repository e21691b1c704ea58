#ifndef SHINDAN_RENDER_HTML_H
#define SHINDAN_RENDER_HTML_H
/*
 * Escaping for the static HTML render writes: text and attribute values,
 * and relative links made from file names.
 */
#include "out.h"

/* Write s with & < > " ' escaped (NULL writes nothing). */
void html_text(struct out_file *f, const char *s);
/*
 * Write a relative link: bytes outside [A-Za-z0-9._~/-] are
 * percent-encoded, so no value can form a scheme, a query or a fragment.
 */
void html_href(struct out_file *f, const char *rel);
#endif
