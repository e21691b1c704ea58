#ifndef SHINDAN_RENDER_SITE_H
#define SHINDAN_RENDER_SITE_H
/*
 * The static HTML site render writes beside the charts (issue 14): the
 * worklist (index.html, its data in data/rows-NNNN.js, a plain-HTML list
 * in list/), one page per company (companies/<base>.html, site_company.c),
 * one page per industry and per star level (groups/, site_group.c), the
 * style sheet and script (site.css, site.js, embedded from render/site/).
 * Everything opens from disk: no server, no network.
 */
#include <sqlite3.h>

#include "out.h"
#include "render.h"
#include "report.h"

/* What every page of one render shares. */
struct keymap;

struct site {
	const struct render_opts *o;
	const struct render_run *run;
	sqlite3 *db;
	struct out_dir d;
	int share;			/* render --share: group figures only */
	struct supp *supp;		/* with share: what else to hide */
	const struct keymap *files;	/* companies/'s files as it began */
	const char *table;		/* the run's company rows: run_table */
	char processed[40];		/* run's created_at, JST, for people:
					   set for index.html's footer only */
};

/*
 * Write the site of run into o->out_dir from db (in its read
 * transaction), after the charts and the reports exist: a company row
 * links to its PDF only when the PDF is there.  Files of companies that
 * are no longer in the run, and pages of an earlier, longer list, are
 * removed.  With o->share only group figures are written, and any
 * company file an earlier render left is removed.  Returns 0 or -1 after
 * saying why.
 */
int site_render(const struct render_opts *o, sqlite3 *db,
		const struct render_run *run);

/*
 * The top of a page up to and including its navigation bar: title is
 * text (escaped here), depth the page's folder depth below out_dir (0 or
 * 1), so that links to site.css and index.html resolve.
 */
void site_page_head(const struct site *s, struct out_file *f,
		    const char *title, int depth);
/*
 * The notices every page carries, the as-of date (and the processing time
 * when s->processed is set: on index.html), </html>.
 */
void site_page_foot(const struct site *s, struct out_file *f);

/*
 * Write the HTML page of report r to rel (companies/<base>.html);
 * pdf is the PDF's name beside it, or NULL when there is none; ba the
 * engagement's before and after (compare.h), or NULL when the settings
 * file gives the company no engaged day.  Returns 0 or -1 after saying
 * why.
 */
struct compare_result;
int site_company_page(const struct site *s, const struct report *r,
		      const char *rel, const char *pdf,
		      const struct compare_result *ba);
/*
 * Write groups/ind-<code>.html for every industry of the run and
 * groups/star-<level>.html for every star level, and on f (index.html,
 * open) the table that links to them.  Returns 0 or -1.
 */
int site_group_pages(const struct site *s, struct out_file *f);

/* The assets, from render/site/ (site_assets.c, generated). */
extern const char site_asset_css[];
extern const char site_asset_js[];
#endif
