/*
 * The chart toolkit (see chart.h).  Layout helpers compute in canvas
 * units and draw through cairo only, so one chart routine serves PNG, SVG
 * and PDF.  Text is laid out by pango with hint metrics off and glyph
 * positions unrounded: the same layout on every surface and every run,
 * which keeps the files byte-identical for the same data.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "chart.h"
#include "err.h"
#include "png.h"
#include "render.h"

const struct rgb chart_ink = { 0.13, 0.13, 0.13 };
const struct rgb chart_muted = { 0.40, 0.40, 0.40 };
const struct rgb chart_grid_rgb = { 0.88, 0.88, 0.88 };
const struct rgb chart_suppressed_rgb = { 0.62, 0.62, 0.62 };

static char font_family[128] = "IPAexGothic";

void
chart_set_font(const char *family)
{
	if (family && *family)
		snprintf(font_family, sizeof font_family, "%s", family);
}

int
chart_font_check(const char *family)
{
	FcPattern *pat, *match;
	FcResult res;
	FcCharSet *cs;
	FcChar8 *got;
	int i, found = 0, japanese = 0;

	if (!FcInit())
		return error("fontconfig: cannot initialise");
	pat = FcNameParse((const FcChar8 *)family);
	if (!pat)
		return error("font '%s': not a fontconfig name", family);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (!match)
		return error("font '%s': fontconfig finds no font at all",
			     family);
	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &got) ==
	     FcResultMatch; i++)
		if (strcasecmp((const char *)got, family) == 0)
			found = 1;
	if (FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch)
		japanese = FcCharSetHasChar(cs, 0x65e5) &&	/* 日 */
			   FcCharSetHasChar(cs, 0x3042) &&	/* あ */
			   FcCharSetHasChar(cs, 0x2605);	/* ★ */
	FcPatternDestroy(match);
	if (!found)
		warn("font '%s': not installed; fontconfig substitutes "
		     "another (install it or pass --font)", family);
	if (!japanese)
		warn("font '%s': lacks Japanese glyphs; text may show as "
		     "boxes (try --font IPAexGothic)", family);
	return found && japanese ? 0 : -1;
}

/*
 * cairo_debug_reset_static_data asserts that no cairo font is alive, and
 * now and then one still is (pango's fontconfig thread): render aborted
 * about once in 50 runs.  Freeing the caches only serves leak checkers,
 * so it is done only in the sanitizer build (make SANITIZE=1).
 */
#if defined(__SANITIZE_ADDRESS__)
#define FREE_STATIC_DATA 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_STATIC_DATA 1
#endif
#endif

void
chart_cleanup(void)
{
	pango_cairo_font_map_set_default(NULL);
#ifdef FREE_STATIC_DATA
	cairo_debug_reset_static_data();
	FcFini();
#endif
}

void
chart_begin(struct chart *c, cairo_t *cr, double w, double h)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	c->cr = cr;
	c->w = w;
	c->h = h;
	c->pc = pango_cairo_create_context(cr);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(c->pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(c->pc, 72.0);
	pango_context_set_round_glyph_positions(c->pc, FALSE);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
}

void
chart_end(struct chart *c)
{
	if (c->pc)
		g_object_unref(c->pc);
	c->pc = NULL;
}

void
chart_colour(struct chart *c, struct rgb rgb)
{
	cairo_set_source_rgb(c->cr, rgb.r, rgb.g, rgb.b);
}

void
chart_colour_a(struct chart *c, struct rgb rgb, double alpha)
{
	cairo_set_source_rgba(c->cr, rgb.r, rgb.g, rgb.b, alpha);
}

struct rgb
chart_tint(struct rgb rgb, double t)
{
	struct rgb o = {
		rgb.r + (1 - rgb.r) * t,
		rgb.g + (1 - rgb.g) * t,
		rgb.b + (1 - rgb.b) * t,
	};

	return o;
}

struct rgb
chart_sequential(double t)
{
	/* ColorBrewer "Blues" end points with a midpoint: monotone in
	 * lightness, so it reads the same with any colour vision */
	static const struct rgb stop[] = {
		{ 0.969, 0.984, 1.000 },
		{ 0.620, 0.792, 0.882 },
		{ 0.129, 0.443, 0.710 },
		{ 0.031, 0.188, 0.420 },
	};
	struct rgb o;
	double f;
	int i;

	if (!(t >= 0))
		t = 0;
	if (t > 1)
		t = 1;
	f = t * 3;
	i = f >= 3 ? 2 : (int)f;
	f -= i;
	o.r = stop[i].r + (stop[i + 1].r - stop[i].r) * f;
	o.g = stop[i].g + (stop[i + 1].g - stop[i].g) * f;
	o.b = stop[i].b + (stop[i + 1].b - stop[i].b) * f;
	return o;
}

double
chart_luminance(struct rgb rgb)
{
	return 0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b;
}

static PangoLayout *
layout(struct chart *c, const char *s, double size, int flags, double maxw)
{
	PangoLayout *l;
	PangoFontDescription *fd;

	pango_cairo_update_context(c->cr, c->pc);
	l = pango_layout_new(c->pc);
	fd = pango_font_description_new();
	pango_font_description_set_family(fd, font_family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (flags & T_BOLD)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (maxw > 0) {
		pango_layout_set_width(l, (int)(maxw * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, s ? s : "", -1);
	return l;
}

static void
place(struct chart *c, PangoLayout *l, double x, double y, int flags,
      double *wp)
{
	PangoRectangle ink, log;
	double w, h;

	pango_layout_get_extents(l, &ink, &log);
	w = (double)log.width / PANGO_SCALE;
	h = (double)log.height / PANGO_SCALE;
	if ((flags & 3) == T_CENTER)
		x -= w / 2;
	else if ((flags & 3) == T_RIGHT)
		x -= w;
	if (flags & T_MIDDLE)
		y -= h / 2;
	else if (flags & T_BOTTOM)
		y -= h;
	/* the logical box may start left of x with ellipsis widths */
	x -= (double)log.x / PANGO_SCALE;
	cairo_move_to(c->cr, x, y);
	pango_cairo_show_layout(c->cr, l);
	cairo_new_path(c->cr);
	if (wp)
		*wp = w;
}

double
chart_text(struct chart *c, double x, double y, const char *s, double size,
	   int flags, double maxw)
{
	PangoLayout *l;
	double w = 0;

	if (!s || !*s)
		return 0;
	l = layout(c, s, size, flags, maxw);
	if (maxw > 0 && (flags & 3) != T_LEFT) {
		/* ellipsised layouts are maxw wide: align on the text */
		PangoRectangle log;

		pango_layout_get_extents(l, NULL, &log);
		if (log.width / PANGO_SCALE < maxw)
			pango_layout_set_width(l, -1);
	}
	place(c, l, x, y, flags, &w);
	g_object_unref(l);
	return w;
}

void
chart_text_up(struct chart *c, double x, double y, const char *s,
	      double size, int flags)
{
	cairo_save(c->cr);
	cairo_translate(c->cr, x, y);
	cairo_rotate(c->cr, -M_PI / 2);
	chart_text(c, 0, 0, s, size, flags, 0);
	cairo_restore(c->cr);
}

/* The logical extents of s as chart_text would lay it out. */
static PangoRectangle
text_extents(struct chart *c, const char *s, double size, int flags)
{
	PangoLayout *l = layout(c, s, size, flags, 0);
	PangoRectangle log;

	pango_layout_get_extents(l, NULL, &log);
	g_object_unref(l);
	return log;
}

double
chart_text_width(struct chart *c, const char *s, double size, int flags)
{
	return (double)text_extents(c, s, size, flags).width / PANGO_SCALE;
}

double
chart_text_height(struct chart *c, const char *s, double size, int flags)
{
	return (double)text_extents(c, s, size, flags).height / PANGO_SCALE;
}

double
chart_paragraph(struct chart *c, double x, double y, double w,
		const char *s, double size, int flags)
{
	PangoLayout *l = layout(c, s, size, flags, 0);
	PangoRectangle log;

	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_get_extents(l, NULL, &log);
	cairo_move_to(c->cr, x, y);
	pango_cairo_show_layout(c->cr, l);
	cairo_new_path(c->cr);
	g_object_unref(l);
	return (double)log.height / PANGO_SCALE;
}

double
chart_map(const struct chart_scale *s, double v)
{
	if (s->d1 == s->d0)
		return (s->r0 + s->r1) / 2;
	return s->r0 + (v - s->d0) * (s->r1 - s->r0) / (s->d1 - s->d0);
}

int
chart_ticks(double *lo, double *hi, int maxn, double *ticks)
{
	double range, rough, mag, step, v;
	int n = 0;

	if (!(*hi > *lo) || maxn < 1)
		return 0;
	range = *hi - *lo;
	rough = range / maxn;
	mag = pow(10, floor(log10(rough)));
	if (rough / mag <= 1)
		step = mag;
	else if (rough / mag <= 2)
		step = 2 * mag;
	else if (rough / mag <= 5)
		step = 5 * mag;
	else
		step = 10 * mag;
	*lo = floor(*lo / step + 1e-9) * step;
	*hi = ceil(*hi / step - 1e-9) * step;
	for (v = *lo; v <= *hi + step / 2 && n < 32; v += step) {
		/* avoid -0 and accumulated error in labels */
		double r = round(v / step) * step;

		ticks[n++] = fabs(r) < step / 1e6 ? 0 : r;
	}
	return n;
}

double
chart_header(struct chart *c, const char *title, const char *subtitle)
{
	double y;

	chart_colour(c, chart_ink);
	chart_text(c, 24, 16, title, 17, T_BOLD, c->w - 48);
	y = 16 + chart_text_height(c, title, 17, T_BOLD) + 2;
	if (subtitle && *subtitle) {
		chart_colour(c, chart_muted);
		chart_text(c, 24, y, subtitle, 10.5, 0, c->w - 48);
		y += chart_text_height(c, subtitle, 10.5, 0);
	}
	return y + 10;
}

void
chart_footer(struct chart *c, const char *text)
{
	chart_colour(c, chart_muted);
	chart_text(c, 24, c->h - 10, text, 8.5, T_BOTTOM, c->w - 48);
}

void
chart_dash(struct chart *c, int dash)
{
	static const double dashed[] = { 6, 3 }, dotted[] = { 1.5, 2.5 },
		dashdot[] = { 7, 3, 1.5, 3 };

	switch (dash % 4) {
	case 1:
		cairo_set_dash(c->cr, dashed, 2, 0);
		break;
	case 2:
		cairo_set_dash(c->cr, dotted, 2, 0);
		break;
	case 3:
		cairo_set_dash(c->cr, dashdot, 4, 0);
		break;
	default:
		cairo_set_dash(c->cr, NULL, 0, 0);
	}
}

void
chart_hatch(struct chart *c, double x, double y, double w, double h)
{
	cairo_t *cr = c->cr;
	double d;

	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	chart_colour(c, chart_tint(chart_suppressed_rgb, 0.8));
	cairo_fill_preserve(cr);
	cairo_clip(cr);
	chart_colour(c, chart_suppressed_rgb);
	cairo_set_line_width(cr, 0.6);
	for (d = -h; d < w; d += 5) {
		cairo_move_to(cr, x + d, y + h);
		cairo_line_to(cr, x + d + h, y);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

void
chart_mark(struct chart *c, enum chart_mark m, struct rgb rgb,
	   int dash, double x, double y)
{
	cairo_t *cr = c->cr;

	cairo_save(cr);
	switch (m) {
	case MARK_BOX:
		chart_colour(c, rgb);
		cairo_rectangle(cr, x - 5, y - 5, 10, 10);
		cairo_fill(cr);
		break;
	case MARK_HATCH:
		chart_hatch(c, x - 5, y - 5, 10, 10);
		break;
	case MARK_DOT:
		chart_colour(c, rgb);
		cairo_arc(cr, x, y, 4, 0, 2 * M_PI);
		cairo_fill(cr);
		break;
	case MARK_LINE:
		chart_colour(c, rgb);
		cairo_set_line_width(cr, 2);
		chart_dash(c, dash);
		cairo_move_to(cr, x - 9, y);
		cairo_line_to(cr, x + 9, y);
		cairo_stroke(cr);
		break;
	}
	cairo_restore(cr);
}

double
chart_legend(struct chart *c, double x, double y, double maxw,
	     const struct chart_legend_item *items, int n)
{
	double cx = x, y0 = y, lh = 16, size = 10;
	int i;

	for (i = 0; i < n; i++) {
		double w = chart_text_width(c, items[i].label, size, 0);
		double mw = items[i].mark == MARK_LINE ? 18 : 10;
		double iw = mw + 5 + w + 14;

		if (cx > x && cx + iw - 14 > x + maxw) {
			cx = x;
			y += lh;
		}
		chart_mark(c, items[i].mark, items[i].rgb, items[i].dash,
			   cx + mw / 2, y + lh / 2);
		chart_colour(c, chart_ink);
		chart_text(c, cx + mw + 5, y + lh / 2, items[i].label, size,
			   T_MIDDLE, 0);
		cx += iw;
	}
	return n ? y + lh - y0 : 0;
}

void
chart_xaxis(struct chart *c, const struct chart_scale *s, double y,
	    double gy, const double *ticks, int nticks, const char *fmt,
	    const char *title)
{
	cairo_t *cr = c->cr;
	char buf[32];
	int i;

	cairo_save(cr);
	cairo_set_line_width(cr, 0.8);
	for (i = 0; i < nticks; i++) {
		double x = chart_map(s, ticks[i]);

		if (gy != y) {
			chart_colour(c, chart_grid_rgb);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x, gy);
			cairo_stroke(cr);
		}
		chart_colour(c, chart_muted);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x, y + 4);
		cairo_stroke(cr);
		snprintf(buf, sizeof buf, fmt, ticks[i]);
		chart_text(c, x, y + 6, buf, 9.5, T_CENTER, 0);
	}
	chart_colour(c, chart_muted);
	cairo_move_to(cr, s->r0, y);
	cairo_line_to(cr, s->r1, y);
	cairo_stroke(cr);
	if (title && *title) {
		chart_colour(c, chart_ink);
		chart_text(c, (s->r0 + s->r1) / 2, y + 21, title, 10,
			   T_CENTER, 0);
	}
	cairo_restore(cr);
}

void
chart_yaxis(struct chart *c, const struct chart_scale *s, double x,
	    double gx, const double *ticks, int nticks, const char *fmt,
	    const char *title)
{
	cairo_t *cr = c->cr;
	char buf[32];
	double wmax = 0;
	int i;

	cairo_save(cr);
	cairo_set_line_width(cr, 0.8);
	for (i = 0; i < nticks; i++) {
		double y = chart_map(s, ticks[i]), w;

		if (gx != x) {
			chart_colour(c, chart_grid_rgb);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, gx, y);
			cairo_stroke(cr);
		}
		chart_colour(c, chart_muted);
		cairo_move_to(cr, x - 4, y);
		cairo_line_to(cr, x, y);
		cairo_stroke(cr);
		snprintf(buf, sizeof buf, fmt, ticks[i]);
		w = chart_text(c, x - 6, y, buf, 9.5, T_RIGHT | T_MIDDLE, 0);
		if (w > wmax)
			wmax = w;
	}
	chart_colour(c, chart_muted);
	cairo_move_to(cr, x, s->r0);
	cairo_line_to(cr, x, s->r1);
	cairo_stroke(cr);
	if (title && *title) {
		chart_colour(c, chart_ink);
		chart_text_up(c, x - wmax - 22, (s->r0 + s->r1) / 2, title,
			      10, T_CENTER | T_MIDDLE);
	}
	cairo_restore(cr);
}

/* Run fn on a fresh surface; the caller made it and finishes it. */
static int
draw_on(cairo_surface_t *sf, double scale, chart_draw_fn *fn,
	const void *data)
{
	cairo_t *cr = cairo_create(sf);
	struct chart c;
	int rc;

	cairo_scale(cr, scale, scale);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	chart_begin(&c, cr, CHART_W, CHART_H);
	fn(&c, data);
	chart_end(&c);
	cairo_show_page(cr);
	rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(cr);
	return rc;
}

static int
write_one(const struct out_dir *d, const char *base, int fmt,
	  const char *pdf_date, chart_draw_fn *fn, const void *data)
{
	static const char *ext[] = { "", "png", "svg", "", "pdf" };
	struct out_file f;
	cairo_surface_t *sf;
	char *name = xasprintf("%s.%s", base, ext[fmt]);
	int rc = 0;

	if (out_open(&f, d, name)) {
		free(name);
		return -1;
	}
	if (fmt == FMT_PNG) {
		sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
			(int)(CHART_W * CHART_PNG_SCALE),
			(int)(CHART_H * CHART_PNG_SCALE));
		rc = draw_on(sf, CHART_PNG_SCALE, fn, data);
		if (rc == 0)
			rc = png_write(sf, &f);
	} else if (fmt == FMT_SVG) {
		sf = cairo_svg_surface_create_for_stream(out_cairo_write, &f,
							 CHART_W, CHART_H);
		cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PT);
		rc = draw_on(sf, 1, fn, data);
	} else {
		sf = cairo_pdf_surface_create_for_stream(out_cairo_write, &f,
							 CHART_W, CHART_H);
		if (pdf_date) {
			cairo_pdf_surface_set_metadata(sf,
				CAIRO_PDF_METADATA_CREATE_DATE, pdf_date);
			cairo_pdf_surface_set_metadata(sf,
				CAIRO_PDF_METADATA_MOD_DATE, pdf_date);
		}
		rc = draw_on(sf, 1, fn, data);
	}
	cairo_surface_finish(sf);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(sf);
	if (rc) {
		error("'%s/%s': cannot draw: %s", d->path, name,
		      f.failed ? "write failed" : "cairo error");
		out_abort(&f);
	} else {
		rc = out_commit(&f);
	}
	free(name);
	return rc;
}

int
chart_write(const struct out_dir *d, const char *base, int formats,
	    const char *pdf_date, chart_draw_fn *fn, const void *data)
{
	static const int order[] = { FMT_PNG, FMT_SVG, FMT_PDF };
	size_t i;

	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if ((formats & order[i]) &&
		    write_one(d, base, order[i], pdf_date, fn, data))
			return -1;
	return 0;
}
