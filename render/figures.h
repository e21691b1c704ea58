#ifndef SHINDAN_RENDER_FIGURES_H
#define SHINDAN_RENDER_FIGURES_H
/*
 * The seven portfolio charts: what they read from a run and how each is
 * drawn with the chart toolkit.  portfolio.c writes them as files, puts
 * them in portfolio.pdf and links them from index.html.
 */
#include <sqlite3.h>

#include "chart.h"
#include "render.h"

struct fig_data;

struct figure {
	const char *name;	/* file base name, "mean-by-industry" */
	const char *title;	/* as drawn at the top of the chart */
	const char *note;	/* how to read it, for the PDF and HTML */
	chart_draw_fn *draw;	/* data is a struct fig_data */
};

/* The charts, in the order portfolio.pdf and index.html show them. */
enum fig_id {
	FIG_MEAN_BY_INDUSTRY, FIG_BANDS_BY_INDUSTRY, FIG_HEATMAP,
	FIG_WEAKEST, FIG_DISTRIBUTION, FIG_TREND, FIG_BY_SIZE, NFIGURES
};

extern const struct figure figures[NFIGURES];
extern const int nfigures;

/*
 * Read everything the charts need for run from db.  With share, groups
 * that the charts would let anyone recompute from their parent and
 * siblings are hidden too (render --share).  Returns a new struct
 * fig_data (free with fig_free), or NULL after printing why.
 */
struct fig_data *fig_load(sqlite3 *db, const struct render_run *run,
			  int share);
void fig_free(struct fig_data *d);

/* Chart label of a star level ("*" is "全体"). */
const char *fig_star_label(const char *level);
#endif
