/*
 * HTML escaping for index.html (and any other page render writes): the
 * page shows company names, which are user data, so every byte of text
 * goes through html_text and every link through html_href.
 */
#include <string.h>

#include "html.h"

void
html_text(struct out_file *f, const char *s)
{
	const char *p;

	if (!s)
		return;
	for (p = s; *p; p++) {
		switch (*p) {
		case '&':
			out_puts(f, "&amp;");
			break;
		case '<':
			out_puts(f, "&lt;");
			break;
		case '>':
			out_puts(f, "&gt;");
			break;
		case '"':
			out_puts(f, "&quot;");
			break;
		case '\'':
			out_puts(f, "&#39;");
			break;
		default:
			if ((unsigned char)*p < 0x20 && *p != '\t' &&
			    *p != '\n')
				out_puts(f, " ");	/* invalid in HTML */
			else
				out_write(f, p, 1);
		}
	}
}

void
html_href(struct out_file *f, const char *rel)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)rel; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("._~/-", *p)) {
			out_write(f, p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };

			out_write(f, e, 3);
		}
	}
}
