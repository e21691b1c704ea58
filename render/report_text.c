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
 */
#include <string.h>

#include "report_text.h"

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
set_text(struct rtext *t, const char *s, double size, int flags)
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
	pango_layout_set_font_description(t->layout, t->font);
	pango_layout_set_text(t->layout, s, -1);
	pango_layout_set_attributes(t->layout, al);
	pango_attr_list_unref(al);
}

static void
set_box(struct rtext *t, double w, int flags, int maxlines)
{
	PangoAlignment a = PANGO_ALIGN_LEFT;

	if (flags & RT_CENTER)
		a = PANGO_ALIGN_CENTER;
	else if (flags & RT_RIGHT)
		a = PANGO_ALIGN_RIGHT;
	pango_layout_set_width(t->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_alignment(t->layout, w > 0 ? a : PANGO_ALIGN_LEFT);
	pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_height(t->layout, maxlines > 0 ? -maxlines : -1);
	pango_layout_set_ellipsize(t->layout, maxlines > 0 ?
				   PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
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
	t->layout = pango_layout_new(t->pc);
	t->cr = NULL;
}

void
rtext_release(struct rtext *t)
{
	g_object_unref(t->layout);
	pango_font_description_free(t->font);
	g_object_unref(t->pc);
	memset(t, 0, sizeof *t);
}

void
rtext_attach(struct rtext *t, cairo_t *cr)
{
	t->cr = cr;
	pango_cairo_update_context(cr, t->pc);
	pango_layout_context_changed(t->layout);
}

static double
show(struct rtext *t, double x, double y, double w, int flags)
{
	PangoRectangle log;

	pango_layout_get_extents(t->layout, NULL, &log);
	if (w <= 0 && (flags & (RT_RIGHT | RT_CENTER))) {
		double lw = (double)log.width / PANGO_SCALE;

		x -= flags & RT_RIGHT ? lw : lw / 2;
	}
	cairo_move_to(t->cr, x, y);
	pango_cairo_show_layout(t->cr, t->layout);
	return (double)log.height / PANGO_SCALE;
}

double
rtext_draw(struct rtext *t, double x, double y, double w, const char *s,
	   double size, int flags)
{
	set_text(t, s, size, flags);
	set_box(t, w, flags, 0);
	return show(t, x, y, w, flags);
}

double
rtext_fit(struct rtext *t, double x, double y, double w, int maxlines,
	  const char *s, double size, double minsize, int flags)
{
	set_box(t, w, flags, 0);
	for (; size > minsize; size -= 0.5) {
		set_text(t, s, size, flags);
		if (pango_layout_get_line_count(t->layout) <= maxlines)
			return show(t, x, y, w, flags);
	}
	set_text(t, s, minsize, flags);
	set_box(t, w, flags, maxlines);
	return show(t, x, y, w, flags);
}

double
rtext_width(struct rtext *t, const char *s, double size, int flags)
{
	PangoRectangle log;

	set_text(t, s, size, flags);
	set_box(t, 0, flags, 0);
	pango_layout_get_extents(t->layout, NULL, &log);
	return (double)log.width / PANGO_SCALE;
}

double
rtext_baseline(struct rtext *t, const char *s, double size, int flags)
{
	set_text(t, s, size, flags);
	set_box(t, 0, flags, 0);
	return (double)pango_layout_get_baseline(t->layout) / PANGO_SCALE;
}

double
rtext_height(struct rtext *t, double w, const char *s, double size,
	     int flags)
{
	PangoRectangle log;

	set_text(t, s, size, flags);
	set_box(t, w, flags, 0);
	pango_layout_get_extents(t->layout, NULL, &log);
	return (double)log.height / PANGO_SCALE;
}

int
rtext_kinsoku_violations(struct rtext *t)
{
	const char *s = pango_layout_get_text(t->layout);
	GSList *l = pango_layout_get_lines_readonly(t->layout);
	int n = 0;

	for (; l; l = l->next) {
		PangoLayoutLine *line = l->data;

		if (line->start_index > 0 &&
		    in_set(kinsoku_head, g_utf8_get_char(s + line->start_index)))
			n++;
	}
	return n;
}
