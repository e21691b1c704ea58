/*
 * Japanese text layout for the company reports (see report_text.h).
 *
 * Pango breaks lines by UAX #14, which keeps 、。）」ー off the start of
 * a line but lets small kana (ッ ャ ュ ョ), ・, ：, ！ and ？ begin one; a
 * consultant's report must not.  So every text gets our own 禁則 rule as
 * Pango attributes: "no break here" over a forbidden character and the
 * one before it (a line cannot start with it) and over an opening bracket
 * and the one after it (a line cannot end with it).  Hinting is off so
 * that text measures the same on every surface.
 *
 * RT_BOLD is accepted but drawn at the regular weight: IPAexGothic has no
 * bold face, and a synthetic bold makes cairo embed a second, converted
 * copy of the font in every PDF (a quarter bigger and slower).  Emphasis
 * comes from size and colour instead.
 *
 * Most texts of a report are the same in every report (headings, the 25
 * question labels and reasons, the notes, column heads, small numbers),
 * and breaking and shaping them was most of the layout time.  So each
 * distinct (text, size, flags, box) is laid out once per process and its
 * PangoLayout kept; drawing it again only replays the shaped glyphs.  A
 * layout checks the context's serial before use, so a change of font
 * options or target lays it out again by itself.  The cache is emptied
 * when it grows past RT_CACHE_MAX entries, so that unique texts (company
 * names) cannot grow it without bound.
 */
#include <stdio.h>
#include <string.h>

#include "report_text.h"

#define RT_CACHE_MAX 4096

/* A laid-out text, with the measures the pages ask for. */
struct rt_laid {
	PangoLayout *layout;
	double width, height, baseline;	/* points */
	guint serial;			/* of the context when measured */
};

/* Characters that may not start a line (行頭禁則). */
static const char kinsoku_head[] =
	"、。，．・：；？！ー－～〜…‥）〕］｝〉》」』】〙〗"
	"ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
	"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ゛゜％‰℃"
	",.:;?!)]}%";
/* Characters that may not end a line (行末禁則). */
static const char kinsoku_tail[] = "（〔［｛〈《「『【〘〖([{";

static int
in_set(const char *set, gunichar c)
{
	return g_utf8_strchr(set, -1, c) != NULL;
}

/* Forbid a break between byte offsets [start, end) of the text. */
static void
no_break(PangoAttrList *al, const char *s, const char *a, const char *b)
{
	PangoAttribute *at = pango_attr_allow_breaks_new(FALSE);

	at->start_index = (guint)(a - s);
	at->end_index = (guint)(b - s);
	pango_attr_list_insert(al, at);
}

static void
set_text(struct rtext *t, PangoLayout *l, const char *s, double size,
	 int flags)
{
	PangoAttrList *al = pango_attr_list_new();
	const char *p = s, *prev = NULL;

	(void)flags;	/* RT_BOLD: see the top of the file */

	while (*p) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		const char *next = g_utf8_next_char(p);

		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		if (prev && in_set(kinsoku_head, c))
			no_break(al, s, prev, next);
		if (*next && in_set(kinsoku_tail, c))
			no_break(al, s, p, g_utf8_next_char(next));
		prev = p;
		p = next;
	}
	pango_font_description_set_absolute_size(t->font, size * PANGO_SCALE);
	pango_layout_set_font_description(l, t->font);
	pango_layout_set_text(l, s, -1);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static void
set_box(PangoLayout *l, double w, int flags, int maxlines)
{
	PangoAlignment a = PANGO_ALIGN_LEFT;

	if (flags & RT_CENTER)
		a = PANGO_ALIGN_CENTER;
	else if (flags & RT_RIGHT)
		a = PANGO_ALIGN_RIGHT;
	pango_layout_set_width(l, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_alignment(l, w > 0 ? a : PANGO_ALIGN_LEFT);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_height(l, maxlines > 0 ? -maxlines : -1);
	pango_layout_set_ellipsize(l, maxlines > 0 ? PANGO_ELLIPSIZE_END :
				   PANGO_ELLIPSIZE_NONE);
}

static void
laid_free(gpointer p)
{
	struct rt_laid *e = p;

	g_object_unref(e->layout);
	g_free(e);
}

/* Take the measures of e's layout as the context now stands. */
static void
laid_measure(struct rtext *t, struct rt_laid *e)
{
	PangoRectangle log;

	pango_layout_get_extents(e->layout, NULL, &log);
	e->width = (double)log.width / PANGO_SCALE;
	e->height = (double)log.height / PANGO_SCALE;
	e->baseline = (double)pango_layout_get_baseline(e->layout) /
		      PANGO_SCALE;
	e->serial = pango_context_get_serial(t->pc);
}

/*
 * The layout of s at size in a box w wide (0: one line), as rtext_draw
 * draws it; with maxlines > 0, as rtext_fit draws it, shrunk towards
 * minsize and then ellipsised to fit in maxlines lines.  Owned by the
 * cache: valid until the next call.
 */
static struct rt_laid *
laid(struct rtext *t, const char *s, double size, int flags, double w,
     int maxlines, double minsize)
{
	char small[512], *key = small;
	int n = snprintf(small, sizeof small, "%a %d %a %d %a|%s", size,
			 flags, w, maxlines, minsize, s);
	struct rt_laid *e;
	PangoLayout *l;

	if (n < 0 || (size_t)n >= sizeof small)
		key = g_strdup_printf("%a %d %a %d %a|%s", size, flags, w,
				      maxlines, minsize, s);
	e = g_hash_table_lookup(t->cache, key);
	if (e) {
		if (key != small)
			g_free(key);
		if (e->serial != pango_context_get_serial(t->pc))
			laid_measure(t, e);
		t->last = e->layout;
		return e;
	}

	l = pango_layout_new(t->pc);
	if (maxlines <= 0) {
		set_box(l, w, flags, 0);
		set_text(t, l, s, size, flags);
	} else {
		set_box(l, w, flags, 0);
		for (; size > minsize; size -= 0.5) {
			set_text(t, l, s, size, flags);
			if (pango_layout_get_line_count(l) <= maxlines)
				break;
		}
		if (size <= minsize) {
			set_text(t, l, s, minsize, flags);
			set_box(l, w, flags, maxlines);
		}
	}
	if (g_hash_table_size(t->cache) >= RT_CACHE_MAX)
		g_hash_table_remove_all(t->cache);
	e = g_new0(struct rt_laid, 1);
	e->layout = l;
	laid_measure(t, e);
	g_hash_table_insert(t->cache, key == small ? g_strdup(key) : key, e);
	t->last = l;
	return e;
}

void
rtext_init(struct rtext *t, const char *family)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	cairo_font_options_t *fo = cairo_font_options_create();

	t->pc = pango_font_map_create_context(fm);
	g_object_unref(fm);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(t->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(t->pc, pango_language_from_string("ja"));
	t->font = pango_font_description_new();
	pango_font_description_set_family(t->font, family);
	t->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 laid_free);
	t->last = NULL;
	t->cr = NULL;
	t->target_options = t->cr_options = NULL;
}

void
rtext_release(struct rtext *t)
{
	if (t->target_options) {
		cairo_font_options_destroy(t->target_options);
		cairo_font_options_destroy(t->cr_options);
	}
	g_hash_table_destroy(t->cache);
	pango_font_description_free(t->font);
	g_object_unref(t->pc);
	memset(t, 0, sizeof *t);
}

/*
 * pango_cairo_update_context always marks the context changed (it sets
 * the matrix again), which would lay out every cached text again for each
 * report.  Every report is drawn on the same kind of target, so the
 * context is updated only when the target's font options or the matrix
 * differ from the last time.
 */
void
rtext_attach(struct rtext *t, cairo_t *cr)
{
	cairo_font_options_t *so = cairo_font_options_create();
	cairo_font_options_t *co = cairo_font_options_create();
	cairo_matrix_t m;

	t->cr = cr;
	cairo_surface_get_font_options(cairo_get_target(cr), so);
	cairo_get_font_options(cr, co);
	cairo_get_matrix(cr, &m);
	m.x0 = m.y0 = 0;
	if (t->target_options && cairo_font_options_equal(so, t->target_options)
	    && cairo_font_options_equal(co, t->cr_options) &&
	    !memcmp(&m, &t->matrix, sizeof m)) {
		cairo_font_options_destroy(so);
		cairo_font_options_destroy(co);
		return;
	}
	if (t->target_options) {
		cairo_font_options_destroy(t->target_options);
		cairo_font_options_destroy(t->cr_options);
	}
	t->target_options = so;
	t->cr_options = co;
	t->matrix = m;
	pango_cairo_update_context(cr, t->pc);
}

static double
show(struct rtext *t, const struct rt_laid *e, double x, double y, double w,
     int flags)
{
	if (w <= 0 && (flags & (RT_RIGHT | RT_CENTER)))
		x -= flags & RT_RIGHT ? e->width : e->width / 2;
	cairo_move_to(t->cr, x, y);
	pango_cairo_show_layout(t->cr, e->layout);
	return e->height;
}

double
rtext_draw(struct rtext *t, double x, double y, double w, const char *s,
	   double size, int flags)
{
	return show(t, laid(t, s, size, flags, w, 0, 0), x, y, w, flags);
}

double
rtext_fit(struct rtext *t, double x, double y, double w, int maxlines,
	  const char *s, double size, double minsize, int flags)
{
	if (maxlines < 1)
		maxlines = 1;
	return show(t, laid(t, s, size, flags, w, maxlines, minsize), x, y, w,
		    flags);
}

double
rtext_width(struct rtext *t, const char *s, double size, int flags)
{
	return laid(t, s, size, flags, 0, 0, 0)->width;
}

double
rtext_baseline(struct rtext *t, const char *s, double size, int flags)
{
	return laid(t, s, size, flags, 0, 0, 0)->baseline;
}

double
rtext_height(struct rtext *t, double w, const char *s, double size,
	     int flags)
{
	return laid(t, s, size, flags, w, 0, 0)->height;
}

int
rtext_kinsoku_violations(struct rtext *t)
{
	const char *s;
	GSList *l;
	int n = 0;

	if (!t->last)
		return 0;
	s = pango_layout_get_text(t->last);
	for (l = pango_layout_get_lines_readonly(t->last); l; l = l->next) {
		PangoLayoutLine *line = l->data;

		const char *at = s + line->start_index;

		if (line->start_index > 0 &&
		    in_set(kinsoku_head, g_utf8_get_char(at)))
			n++;
	}
	return n;
}
