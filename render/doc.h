#ifndef SHINDAN_RENDER_DOC_H
#define SHINDAN_RENDER_DOC_H
/*
 * A small A4 document for the ★★ pack (plan.c, policy.c): one PDF
 * written safely through out.h, drawn top-down with a running y, a new
 * page when a block does not fit, and a footer line on every page.
 */
#include <cairo.h>

#include "out.h"
#include "report_text.h"

#define DOC_MARGIN 48.0
#define DOC_W (595.276 - 2 * DOC_MARGIN)	/* content width */

struct doc {
	cairo_t *cr;
	struct rtext *t;
	double y;			/* where the next block starts */
	int pageno;
	const char *footer;		/* at the foot of every page; or NULL */
};

/*
 * Write rel inside d: draw(doc, arg) lays the pages out; the PDF's title
 * is title and its dates are date (YYYY-MM-DD..., reproducible output).
 * Returns 0, or -1 after saying why (nothing is left behind).
 */
int doc_pdf(const struct out_dir *d, const char *rel, struct rtext *t,
	    const char *title, const char *date,
	    void (*draw)(struct doc *, void *), void *arg);
/*
 * Draw s at (x, y) as rtext_draw does, in grey level ink (0 black .. 1
 * white) or, with DOC_ACCENT in flags, in the accent colour.  Returns
 * the height used.
 */
#define DOC_ACCENT 0x100
double doc_text(struct doc *p, double x, double y, double w, const char *s,
		double size, int flags, double ink);
/* As rtext_fit (one line shrunk or cut to w), in grey level ink. */
double doc_fit(struct doc *p, double x, double y, double w, const char *s,
	       double size, double minsize, double ink);
/* A horizontal rule at y across the content width. */
void doc_rule(struct doc *p, double y, double width);
/* A filled box, grey level g. */
void doc_box(struct doc *p, double x, double y, double w, double h,
	     double g);
/* Start a new page unless h more points fit below p->y. */
void doc_need(struct doc *p, double h);
#endif
