#ifndef SHINDAN_RENDER_REPORT_TEXT_H
#define SHINDAN_RENDER_REPORT_TEXT_H
/*
 * Japanese text for the company reports: pangocairo layouts in one font
 * family, wrapped with 禁則処理 (no line starts with 、。）」ー and the
 * like, no line ends with （「), and shrunk or ellipsised to fit a box.
 */
#include <cairo.h>
#include <pango/pangocairo.h>

enum {
	RT_LEFT = 0, RT_CENTER = 1, RT_RIGHT = 2,
	RT_BOLD = 4,
};

struct rtext {
	PangoContext *pc;
	PangoFontDescription *font;
	GHashTable *cache;	/* key → laid-out text, see report_text.c */
	GHashTable *fonts;	/* PangoFont → our scaled font */
	GHashTable *faces;	/* "index:file" → our cairo face or NULL */
	cairo_glyph_t *glyphs;	/* room to draw a run */
	int nglyphs;
	struct rt_batch *batch;	/* texts not drawn yet */
	PangoLayout *last;	/* last drawn or measured, in the cache */
	cairo_t *cr;		/* the page being drawn, not owned */
	/* what the context was last updated for (rtext_attach) */
	cairo_font_options_t *target_options, *cr_options;
	cairo_matrix_t matrix;
};

/*
 * Make the layout machinery for family (a fontconfig name).  Call once
 * per process, after any fork: the font map is not shared across fork.
 */
void rtext_init(struct rtext *t, const char *family);
void rtext_release(struct rtext *t);
/*
 * Draw on cr from now on (a new document).  Texts are queued and drawn
 * together: call rtext_flush before drawing anything else on cr and
 * before cairo_show_page, so that it goes over them.
 */
void rtext_attach(struct rtext *t, cairo_t *cr);
void rtext_flush(struct rtext *t);

/*
 * Draw s (queued, see rtext_attach) in the current colour with its
 * top-left corner at (x, y), size in points.  With w > 0 the text wraps
 * at w (RT_CENTER and RT_RIGHT align within w); with w = 0 it is one line
 * and RT_RIGHT/RT_CENTER align on x.  Returns the height used.
 */
double rtext_draw(struct rtext *t, double x, double y, double w,
		  const char *s, double size, int flags);
/*
 * Draw s within w, in at most maxlines lines: at size if it fits, else
 * at the largest size down to minsize that fits, else at minsize cut off
 * with an ellipsis.  Returns the height used.
 */
double rtext_fit(struct rtext *t, double x, double y, double w,
		 int maxlines, const char *s, double size, double minsize,
		 int flags);
/* Distance from the top of s's first line to its baseline. */
double rtext_baseline(struct rtext *t, const char *s, double size,
		      int flags);
/* Width and height s takes on one line (w = 0) or wrapped at w. */
double rtext_width(struct rtext *t, const char *s, double size, int flags);
double rtext_height(struct rtext *t, double w, const char *s, double size,
		    int flags);
#endif
