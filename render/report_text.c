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
 *
 * The glyphs are drawn here rather than by pango_cairo_show_layout, with
 * the same calls and positions, but through our own cairo face of the
 * same font file: one opened from a private copy-on-write mapping whose
 * table directory hides the 'cmap' table.  For every glyph new to a PDF,
 * cairo 1.16 looks up its character by scanning the font's whole cmap
 * (IPAexGothic: 5000 segments, copied each time), which was a third of
 * the time of a report; it needs the character only when the text cluster
 * does not name it, and Pango always passes the clusters.  Outlines,
 * metrics and names come from the same file, so the PDF shows and
 * extracts the same text.  A layout with a glyph that no font has (hex
 * boxes) or any font that is not a plain TrueType/OpenType file is drawn
 * by Pango as before.
 *
 * Each text drawn is a few operations that cairo records, analyses and
 * replays one by one, and its analysis grows a region with every one;
 * so consecutive texts in the same font and colour are queued and drawn
 * as one operation (rtext_flush), at the same positions, in the same
 * order.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <pango/pangofc-font.h>

#include "report_text.h"

#define RT_CACHE_MAX 4096

/*
 * One run of glyphs as pango_cairo_show_layout would draw it, positions
 * kept in Pango units from the layout's origin so that drawing at (x, y)
 * computes the same doubles Pango does.
 */
struct rt_run {
	cairo_scaled_font_t *font;	/* ours, owned by rtext's font table */
	int x, y;			/* the run's origin */
	int n;				/* glyphs */
	unsigned long *index;
	int *gx, *gy;			/* glyphs from the run's origin */
	int text_at, text_len;		/* the run's bytes of the layout text */
	cairo_text_cluster_t *clusters;
	int nclusters;
	int backward;
};

/* A laid-out text, with the measures the pages ask for. */
struct rt_laid {
	PangoLayout *layout;
	double width, height, baseline;	/* points */
	guint serial;			/* of the context when measured */
	struct rt_run *runs;		/* NULL with nruns < 0: Pango draws */
	int nruns;
};

/* Pango's font for a run, and ours for the same file (NULL: use Pango's) */
struct rt_font {
	PangoFont *pango;		/* referenced */
	cairo_scaled_font_t *ours;
};

/* Keeps a face's file mapped as long as cairo uses the face. */
struct rt_face {
	FT_Face face;
	void *map;
	size_t len;
};

/* Texts queued to be drawn as one operation. */
struct rt_batch {
	cairo_scaled_font_t *font;	/* NULL: nothing queued */
	double r, g, b, a;		/* the source colour */
	cairo_glyph_t *glyphs;
	int n, cap;
	cairo_text_cluster_t *clusters;
	int nclusters, ccap;
	GString *utf8;
};

static FT_Library rt_ft;		/* per process; outlives every face */
static const cairo_user_data_key_t rt_face_key;

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
runs_free(struct rt_laid *e)
{
	int i;

	for (i = 0; i < e->nruns; i++) {
		g_free(e->runs[i].index);
		g_free(e->runs[i].gx);
		g_free(e->runs[i].gy);
		g_free(e->runs[i].clusters);
	}
	g_free(e->runs);
	e->runs = NULL;
	e->nruns = -1;
}

static void
laid_free(gpointer p)
{
	struct rt_laid *e = p;

	runs_free(e);
	g_object_unref(e->layout);
	g_free(e);
}

/* ---- our faces ------------------------------------------------------- */

static void
face_destroy(void *p)
{
	struct rt_face *f = p;

	FT_Done_Face(f->face);
	munmap(f->map, f->len);
	g_free(f);
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

/*
 * Face index of file as cairo would open it, with the 'cmap' table
 * renamed in a private mapping (see the top of the file).  NULL if the
 * file is not an sfnt with a cmap, or anything fails: Pango draws then.
 */
static cairo_font_face_t *
face_open(const char *file, int index)
{
	struct rt_face *f;
	struct stat st;
	unsigned char *m, *rec;
	unsigned long dir = 0, ntables, i;
	cairo_font_face_t *cf;
	int fd, hidden = 0;

	if (!rt_ft && FT_Init_FreeType(&rt_ft) != 0)
		return NULL;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || st.st_size < 12) {
		close(fd);
		return NULL;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return NULL;
	if (!memcmp(m, "ttcf", 4)) {
		if ((unsigned long)st.st_size < 16 + 4 * (unsigned long)index ||
		    (unsigned long)index >= be32(m + 8))
			goto fail;
		dir = be32(m + 12 + 4 * index);
	} else if (index != 0) {
		goto fail;
	}
	if (dir + 12 > (unsigned long)st.st_size ||
	    (be32(m + dir) != 0x00010000 && memcmp(m + dir, "true", 4) &&
	     memcmp(m + dir, "OTTO", 4)))
		goto fail;
	ntables = be16(m + dir + 4);
	if (dir + 12 + 16 * ntables > (unsigned long)st.st_size)
		goto fail;
	for (i = 0; i < ntables; i++) {
		rec = m + dir + 12 + 16 * i;
		if (!memcmp(rec, "cmap", 4)) {
			memcpy(rec, "cmaX", 4);
			hidden = 1;
		}
	}
	if (!hidden)
		goto fail;
	f = g_new0(struct rt_face, 1);
	f->map = m;
	f->len = (size_t)st.st_size;
	if (FT_New_Memory_Face(rt_ft, m, (FT_Long)st.st_size, index,
			       &f->face) != 0) {
		g_free(f);
		goto fail;
	}
	cf = cairo_ft_font_face_create_for_ft_face(f->face, 0);
	if (cairo_font_face_set_user_data(cf, &rt_face_key, f, face_destroy)
	    != CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(cf);
		face_destroy(f);
		return NULL;
	}
	return cf;
fail:
	munmap(m, (size_t)st.st_size);
	return NULL;
}

static void
font_free(gpointer p)
{
	struct rt_font *f = p;

	g_object_unref(f->pango);
	if (f->ours)
		cairo_scaled_font_destroy(f->ours);
	g_free(f);
}

/*
 * Our scaled font for Pango's font: same file, matrices and options, our
 * face.  NULL when Pango's must be used (not a fontconfig font, synthetic
 * bold or slant, a variable font, a file that face_open refuses).
 */
static cairo_scaled_font_t *
our_font(struct rtext *t, PangoFont *font)
{
	struct rt_font *f = g_hash_table_lookup(t->fonts, font);
	cairo_scaled_font_t *sf;
	FcPattern *pat;
	FcChar8 *file;
	FcMatrix *fm;
	FcBool b;
	int index;
	char *key;
	cairo_font_face_t *face;

	if (f)
		return f->ours;
	f = g_new0(struct rt_font, 1);
	f->pango = g_object_ref(font);
	g_hash_table_insert(t->fonts, font, f);
	if (!PANGO_IS_FC_FONT(font) || !PANGO_IS_CAIRO_FONT(font))
		return NULL;
	sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (!sf || cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS ||
	    !pat ||
	    FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch ||
	    FcPatternGetInteger(pat, FC_INDEX, 0, &index) != FcResultMatch ||
	    index < 0 || index > 0xffff ||
	    FcPatternGetMatrix(pat, FC_MATRIX, 0, &fm) == FcResultMatch ||
	    (FcPatternGetBool(pat, FC_EMBOLDEN, 0, &b) == FcResultMatch &&
	     b) ||
	    (FcPatternGetBool(pat, FC_VARIABLE, 0, &b) == FcResultMatch &&
	     b))
		return NULL;
	key = g_strdup_printf("%d:%s", index, (const char *)file);
	if (!g_hash_table_lookup_extended(t->faces, key, NULL,
					  (gpointer *)&face)) {
		face = face_open((const char *)file, index);
		g_hash_table_insert(t->faces, key, face);
	} else {
		g_free(key);
	}
	if (face) {
		cairo_matrix_t fmat, ctm;
		cairo_font_options_t *fo = cairo_font_options_create();

		cairo_scaled_font_get_font_matrix(sf, &fmat);
		cairo_scaled_font_get_ctm(sf, &ctm);
		cairo_scaled_font_get_font_options(sf, fo);
		f->ours = cairo_scaled_font_create(face, &fmat, &ctm, fo);
		cairo_font_options_destroy(fo);
		if (cairo_scaled_font_status(f->ours) != CAIRO_STATUS_SUCCESS) {
			cairo_scaled_font_destroy(f->ours);
			f->ours = NULL;
		}
	}
	return f->ours;
}

static void
face_unref(gpointer p)
{
	if (p)
		cairo_font_face_destroy(p);
}

/* ---- the glyph runs of a layout -------------------------------------- */

/*
 * One run as pango_cairo_renderer_draw_glyph_item makes it: the clusters
 * of the run's text, empty and unknown glyphs left out.  Returns 0, or
 * -1 if the run needs Pango (a glyph no font has, no font of ours).
 */
static int
run_make(struct rtext *t, struct rt_run *r, PangoGlyphItem *run,
	 const char *text, int x, int y)
{
	PangoGlyphString *gs = run->glyphs;
	PangoItem *item = run->item;
	PangoGlyphItemIter iter;
	int i, pos = 0;

	memset(r, 0, sizeof *r);
	if (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE)
		return -1;
	for (i = 0; i < gs->num_glyphs; i++)
		if (gs->glyphs[i].glyph != PANGO_GLYPH_EMPTY &&
		    gs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
			return -1;
	if (!(r->font = our_font(t, item->analysis.font)))
		return -1;
	r->x = x;
	r->y = y;
	r->backward = (item->analysis.level & 1) != 0;
	r->index = g_new(unsigned long, gs->num_glyphs);
	r->gx = g_new(int, gs->num_glyphs);
	r->gy = g_new(int, gs->num_glyphs);
	for (i = 0; i < gs->num_glyphs; i++) {
		PangoGlyphInfo *gi = &gs->glyphs[i];

		if (gi->glyph != PANGO_GLYPH_EMPTY) {
			r->index[r->n] = gi->glyph;
			r->gx[r->n] = pos + gi->geometry.x_offset;
			r->gy[r->n] = gi->geometry.y_offset;
			r->n++;
		}
		pos += gi->geometry.width;
	}
	r->text_at = item->offset;
	r->text_len = item->length;
	r->clusters = g_new(cairo_text_cluster_t, gs->num_glyphs + 1);
	if (pango_glyph_item_iter_init_start(&iter, run, text)) {
		do {
			int nb = iter.end_index - iter.start_index;
			int ng = r->backward ?
				 iter.start_glyph - iter.end_glyph :
				 iter.end_glyph - iter.start_glyph;
			int lo = MIN(iter.start_glyph, iter.end_glyph + 1);
			int hi = MAX(iter.start_glyph + 1, iter.end_glyph);

			for (i = lo; i < hi; i++)
				if (gs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
					ng--;
			r->clusters[r->nclusters].num_bytes = nb;
			r->clusters[r->nclusters].num_glyphs = ng;
			r->nclusters++;
		} while (pango_glyph_item_iter_next_cluster(&iter));
	}
	return 0;
}

/* The runs of e's layout as pango_renderer_draw_layout walks them. */
static void
runs_make(struct rtext *t, struct rt_laid *e)
{
	PangoLayoutIter *it = pango_layout_get_iter(e->layout);
	const char *text = pango_layout_get_text(e->layout);
	int cap = 0, ok = 1;

	runs_free(e);
	e->nruns = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle log;
		int base, x_off = 0;
		GSList *l;

		pango_layout_iter_get_line_extents(it, NULL, &log);
		base = pango_layout_iter_get_baseline(it);
		for (l = line->runs; l && ok; l = l->next) {
			PangoGlyphItem *run = l->data;
			int w = pango_glyph_string_get_width(run->glyphs);

			x_off += run->start_x_offset;
			if (e->nruns == cap) {
				cap = cap ? 2 * cap : 4;
				e->runs = g_renew(struct rt_run, e->runs, cap);
			}
			if (run_make(t, &e->runs[e->nruns], run, text,
				     log.x + x_off, base - run->y_offset) != 0)
				ok = 0;
			else
				e->nruns++;
			x_off += w + run->end_x_offset;
		}
	} while (ok && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	if (!ok)
		runs_free(e);	/* nruns -1: Pango draws this one */
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
	runs_make(t, e);
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
	e->nruns = -1;
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
	t->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
					 font_free);
	t->faces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 face_unref);
	t->batch = g_new0(struct rt_batch, 1);
	t->batch->utf8 = g_string_new(NULL);
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
	g_hash_table_destroy(t->fonts);
	g_hash_table_destroy(t->faces);
	pango_font_description_free(t->font);
	g_free(t->glyphs);
	g_free(t->batch->glyphs);
	g_free(t->batch->clusters);
	g_string_free(t->batch->utf8, TRUE);
	g_free(t->batch);
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

	/* what the last document left unflushed is not drawn anywhere */
	t->batch->font = NULL;
	t->batch->n = t->batch->nclusters = 0;
	g_string_truncate(t->batch->utf8, 0);
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

void
rtext_flush(struct rtext *t)
{
	struct rt_batch *b = t->batch;

	if (!b->font)
		return;
	cairo_save(t->cr);
	cairo_set_source_rgba(t->cr, b->r, b->g, b->b, b->a);
	cairo_set_scaled_font(t->cr, b->font);
	cairo_show_text_glyphs(t->cr, b->utf8->str, (int)b->utf8->len,
			       b->glyphs, b->n, b->clusters, b->nclusters, 0);
	cairo_restore(t->cr);
	b->font = NULL;
	b->n = b->nclusters = 0;
	g_string_truncate(b->utf8, 0);
}

/* Queue run r of text, its origin at (bx, by), in the current colour. */
static void
run_queue(struct rtext *t, const struct rt_run *r, const char *text,
	  double bx, double by)
{
	struct rt_batch *b = t->batch;
	double cr, cg, cb, ca;
	int j;

	if (cairo_pattern_get_rgba(cairo_get_source(t->cr), &cr, &cg, &cb,
				   &ca) != CAIRO_STATUS_SUCCESS) {
		cr = cg = cb = 0;	/* not a colour: only the last queued */
		ca = -1;
	}
	if (b->font && (b->font != r->font || cr != b->r || cg != b->g ||
			cb != b->b || ca != b->a))
		rtext_flush(t);
	if (b->n + r->n > b->cap) {
		b->cap = MAX(2 * b->cap, b->n + r->n);
		b->glyphs = g_renew(cairo_glyph_t, b->glyphs, b->cap);
	}
	if (b->nclusters + r->nclusters > b->ccap) {
		b->ccap = MAX(2 * b->ccap, b->nclusters + r->nclusters);
		b->clusters = g_renew(cairo_text_cluster_t, b->clusters,
				      b->ccap);
	}
	for (j = 0; j < r->n; j++) {
		cairo_glyph_t *g = &b->glyphs[b->n + j];

		/* the doubles pango_cairo_show_layout computes */
		g->index = r->index[j];
		g->x = bx + (double)r->gx[j] / PANGO_SCALE;
		g->y = r->gy[j] == 0 ? by : by + (double)r->gy[j] / PANGO_SCALE;
	}
	memcpy(b->clusters + b->nclusters, r->clusters,
	       r->nclusters * sizeof *r->clusters);
	g_string_append_len(b->utf8, text + r->text_at, r->text_len);
	b->font = r->font;
	b->r = cr;
	b->g = cg;
	b->b = cb;
	b->a = ca;
	b->n += r->n;
	b->nclusters += r->nclusters;
	if (ca < 0)
		rtext_flush(t);
}

/* Draw e's runs from the current point (x, y), as Pango would. */
static void
runs_show(struct rtext *t, const struct rt_laid *e, double x, double y)
{
	const char *text = pango_layout_get_text(e->layout);
	int i, j;

	for (i = 0; i < e->nruns; i++) {
		const struct rt_run *r = &e->runs[i];
		double bx = x + (double)r->x / PANGO_SCALE;
		double by = y + (double)r->y / PANGO_SCALE;

		if (!r->backward) {
			run_queue(t, r, text, bx, by);
			continue;
		}
		rtext_flush(t);
		if (r->n > t->nglyphs) {
			t->nglyphs = r->n;
			t->glyphs = g_renew(cairo_glyph_t, t->glyphs, r->n);
		}
		for (j = 0; j < r->n; j++) {
			t->glyphs[j].index = r->index[j];
			t->glyphs[j].x = bx + (double)r->gx[j] / PANGO_SCALE;
			t->glyphs[j].y = r->gy[j] == 0 ? by :
					 by + (double)r->gy[j] / PANGO_SCALE;
		}
		cairo_save(t->cr);
		cairo_set_scaled_font(t->cr, r->font);
		cairo_show_text_glyphs(t->cr, text + r->text_at, r->text_len,
				       t->glyphs, r->n, r->clusters,
				       r->nclusters,
				       CAIRO_TEXT_CLUSTER_FLAG_BACKWARD);
		cairo_restore(t->cr);
	}
}

static double
show(struct rtext *t, const struct rt_laid *e, double x, double y, double w,
     int flags)
{
	if (w <= 0 && (flags & (RT_RIGHT | RT_CENTER)))
		x -= flags & RT_RIGHT ? e->width : e->width / 2;
	cairo_move_to(t->cr, x, y);
	if (e->nruns < 0) {
		rtext_flush(t);
		pango_cairo_show_layout(t->cr, e->layout);
	} else {
		/* Pango starts from the point as cairo keeps it */
		cairo_get_current_point(t->cr, &x, &y);
		runs_show(t, e, x, y);
	}
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
