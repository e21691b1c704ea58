/*
 * The A4 documents of the ★★ pack (see doc.h).  The company report has
 * its own, richer page machinery (report_page.c); these documents are
 * text with rules and a few boxes, and share only what is here.
 */
#include <cairo-pdf.h>

#include "doc.h"
#include "err.h"

#define PAGE_W 595.276
#define PAGE_H 841.890
#define BOTTOM (PAGE_H - 56.0)

static void
footer(struct doc *p)
{
	char num[16];

	rtext_flush(p->t);
	cairo_set_source_rgb(p->cr, 0.45, 0.45, 0.47);
	if (p->footer)
		rtext_draw(p->t, DOC_MARGIN, PAGE_H - 36, DOC_W - 40,
			   p->footer, 7, 0);
	snprintf(num, sizeof num, "%d", p->pageno);
	rtext_draw(p->t, PAGE_W - DOC_MARGIN, PAGE_H - 36, 0, num, 7,
		   RT_RIGHT);
	rtext_flush(p->t);
}

void
doc_need(struct doc *p, double h)
{
	if (p->y + h <= BOTTOM)
		return;
	footer(p);
	cairo_show_page(p->cr);
	p->pageno++;
	p->y = DOC_MARGIN;
}

double
doc_text(struct doc *p, double x, double y, double w, const char *s,
	 double size, int flags, double ink)
{
	if (flags & DOC_ACCENT)
		cairo_set_source_rgb(p->cr, 0.0, 0.447, 0.698);
	else
		cairo_set_source_rgb(p->cr, ink, ink, ink + 0.02);
	return rtext_draw(p->t, x, y, w, s, size, flags & ~DOC_ACCENT);
}

double
doc_fit(struct doc *p, double x, double y, double w, const char *s,
	double size, double minsize, double ink)
{
	cairo_set_source_rgb(p->cr, ink, ink, ink + 0.02);
	return rtext_fit(p->t, x, y, w, 1, s, size, minsize, 0);
}

void
doc_rule(struct doc *p, double y, double width)
{
	rtext_flush(p->t);
	cairo_set_source_rgb(p->cr, 0.7, 0.7, 0.72);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, DOC_MARGIN, y);
	cairo_line_to(p->cr, DOC_MARGIN + DOC_W, y);
	cairo_stroke(p->cr);
}

void
doc_box(struct doc *p, double x, double y, double w, double h, double g)
{
	rtext_flush(p->t);
	cairo_set_source_rgb(p->cr, g, g, g + 0.01);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

int
doc_pdf(const struct out_dir *d, const char *rel, struct rtext *t,
	const char *title, const char *date,
	void (*draw)(struct doc *, void *), void *arg)
{
	struct out_file f;
	struct doc p = { 0 };
	cairo_surface_t *s;
	cairo_status_t cs;

	if (out_open(&f, d, rel) != 0)
		return -1;
	s = cairo_pdf_surface_create_for_stream(out_cairo_write, &f, PAGE_W,
						PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       "shindan " SHINDAN_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
				       date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	p.cr = cairo_create(s);
	p.t = t;
	p.y = DOC_MARGIN;
	p.pageno = 1;
	rtext_attach(t, p.cr);
	draw(&p, arg);
	footer(&p);
	cairo_show_page(p.cr);
	cs = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		error("'%s/%s': %s", d->path, rel, cairo_status_to_string(cs));
		out_abort(&f);
		return -1;
	}
	return out_commit(&f);
}
