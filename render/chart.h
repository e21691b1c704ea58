#ifndef SHINDAN_RENDER_CHART_H
#define SHINDAN_RENDER_CHART_H
/*
 * The chart toolkit: layout (scales, nice ticks, axes, legends, fitted
 * labels; the palette is in lib/labels.h) apart from the drawing
 * surface.  A chart is one routine that draws on a struct chart in
 * canvas units; chart_write runs it on an image (PNG), SVG or PDF
 * surface, and a caller that builds a document (portfolio.pdf, a company
 * report) runs it on its own page with chart_begin/chart_end.  Text goes
 * through pangocairo with a fontconfig family, with hinting off so that
 * every surface lays text out the same way.
 */
#include <cairo.h>
#include <pango/pangocairo.h>

#include "labels.h"
#include "out.h"

/* Canvas of every chart file, in units (pt in PDF, 2 px in PNG). */
#define CHART_W 800.0
#define CHART_H 500.0
#define CHART_PNG_SCALE 2.0

/* Neutral colours for text, grid lines and suppressed groups. */
extern const struct rgb chart_ink, chart_muted, chart_grid_rgb,
	chart_suppressed_rgb;

struct chart {
	cairo_t *cr;
	PangoContext *pc;
	double w, h;		/* canvas size in units */
};

/*
 * Font family for all text (fontconfig name, "IPAexGothic" by default).
 * chart_font_check warns when fontconfig has no such family or when what
 * it gives lacks Japanese glyphs; returns 0 when the font is usable.
 */
void chart_set_font(const char *family);
int chart_font_check(const char *family);

/*
 * Free the process-wide caches of pango, cairo and fontconfig, so that a
 * leak checker sees only real leaks (cairo's and fontconfig's only in the
 * sanitizer build: see chart.c).  Call once, at exit, after all drawing
 * (including the reports' worker threads) is done.
 */
void chart_cleanup(void);

/*
 * Attach a drawing context (not owned) to c with a w x h canvas.
 * chart_end frees what chart_begin made.
 */
void chart_begin(struct chart *c, cairo_t *cr, double w, double h);
void chart_end(struct chart *c);

void chart_colour(struct chart *c, struct rgb rgb);
void chart_colour_a(struct chart *c, struct rgb rgb, double alpha);
/* Mix a colour with white: t = 0 gives rgb, 1 gives white. */
struct rgb chart_tint(struct rgb rgb, double t);
/* A sequential light-to-dark blue scale, t in [0, 1]. */
struct rgb chart_sequential(double t);
/* Relative luminance: pick white text on dark fills. */
double chart_luminance(struct rgb rgb);

/* Text alignment: one horizontal and one vertical flag. */
enum {
	T_LEFT = 0, T_CENTER = 1, T_RIGHT = 2,
	T_TOP = 0, T_MIDDLE = 4, T_BOTTOM = 8,
	T_BOLD = 16,
};

/*
 * Draw s at (x, y) in the current colour, size in units, aligned by
 * flags.  With maxw > 0 the text is ellipsised to fit maxw.  Returns the
 * width drawn.
 */
double chart_text(struct chart *c, double x, double y, const char *s,
		  double size, int flags, double maxw);
/* The same, rotated 90° anticlockwise (for a vertical axis title). */
void chart_text_up(struct chart *c, double x, double y, const char *s,
		   double size, int flags);
/* Width and height s would take. */
double chart_text_width(struct chart *c, const char *s, double size,
			int flags);
double chart_text_height(struct chart *c, const char *s, double size,
			 int flags);
/*
 * Draw s wrapped to width w starting at (x, y); returns the height used.
 */
double chart_paragraph(struct chart *c, double x, double y, double w,
		       const char *s, double size, int flags);

/* A linear map from a domain [d0, d1] to a range [r0, r1]. */
struct chart_scale {
	double d0, d1, r0, r1;
};
double chart_map(const struct chart_scale *s, double v);

/*
 * Nice ticks covering [lo, hi] with at most about maxn intervals (1, 2,
 * 5 × 10^k steps).  Widens *lo and *hi to whole steps, fills ticks (room
 * for 32) and returns how many, or 0 for an empty range.
 */
int chart_ticks(double *lo, double *hi, int maxn, double *ticks);

/*
 * The standard frame: title and a subtitle line at the top, a footer
 * line at the bottom left.  chart_header returns the y where the plot
 * area may start.
 */
double chart_header(struct chart *c, const char *title,
		    const char *subtitle);
void chart_footer(struct chart *c, const char *text);

/* Legend entries. */
enum chart_mark { MARK_BOX, MARK_DOT, MARK_LINE, MARK_HATCH };
struct chart_legend_item {
	const char *label;
	struct rgb rgb;
	enum chart_mark mark;
	int dash;		/* line style index, 0 = solid */
};
/*
 * Lay the items out left to right from (x, y), wrapping at x + maxw;
 * returns the height taken.
 */
double chart_legend(struct chart *c, double x, double y, double maxw,
		    const struct chart_legend_item *items, int n);
/* Draw a marker of the given kind centred at (x, y). */
void chart_mark(struct chart *c, enum chart_mark m, struct rgb rgb,
		int dash, double x, double y);
/* Set a dash pattern by index (0 solid, 1 dashed, 2 dotted, 3 dash-dot). */
void chart_dash(struct chart *c, int dash);
/* Fill a rectangle with diagonal hatching (suppressed groups). */
void chart_hatch(struct chart *c, double x, double y, double w, double h);

/*
 * Value axes: a horizontal one at y from the scale's range, with ticks
 * labelled by fmt (printf of a double) and grid lines up to gy (set gy =
 * y for none); a vertical one at x likewise, grid lines to gx.
 */
void chart_xaxis(struct chart *c, const struct chart_scale *s, double y,
		 double gy, const double *ticks, int nticks, const char *fmt,
		 const char *title);
void chart_yaxis(struct chart *c, const struct chart_scale *s, double x,
		 double gx, const double *ticks, int nticks, const char *fmt,
		 const char *title);

/* What a chart routine looks like. */
typedef void chart_draw_fn(struct chart *c, const void *data);

/*
 * Draw fn(data) on a CHART_W x CHART_H canvas into d/<base>.png,
 * d/<base>.svg and d/<base>.pdf as formats (FMT_ bits of render.h) ask.
 * pdf_date, if not NULL, is the PDF creation date (ISO 8601).  Returns 0
 * or -1 after printing why.
 */
int chart_write(const struct out_dir *d, const char *base, int formats,
		const char *pdf_date, chart_draw_fn *fn, const void *data);
#endif
