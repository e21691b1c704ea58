#ifndef SHINDAN_RENDER_H
#define SHINDAN_RENDER_H
/*
 * What render's main (render.c) hands to the parts of the tool: the
 * portfolio (portfolio.c: charts, portfolio.pdf), the company reports
 * (report.c: companies/<safe key>.pdf) and the site (site.c: index.html
 * and the pages it links to).
 */
#include <sqlite3.h>

struct settings;

enum render_format {
	FMT_PNG = 1,
	FMT_SVG = 2,
	FMT_PDF = 4,
};

struct render_opts {
	const char *db_path;
	const char *out_dir;		/* created 0700 if missing */
	const char *link_dest;		/* --link-dest DIR, or NULL */
	const char *as_of;		/* NULL: the latest run */
	const char *font;		/* fontconfig family, "IPAexGothic" */
	int formats;			/* FMT_ bits for the charts */
	char **companies;		/* --company KEY ... (owned) */
	int ncompanies;
	int listed;			/* --company or --companies-from given:
					   only those, none if empty */
	int portfolio;			/* --portfolio */
	int share;			/* --share: group figures only */
	int jobs;			/* -j N for the reports */
	int peers_pooled;		/* --peers pooled */
	/* the ★★ pack beside each report (plan.c, policy.c) */
	int plan;			/* --plan */
	int policy;			/* --policy */
	const char *settings_path;	/* --settings FILE */
	struct settings *settings;	/* read from it, or NULL */
	/* --since D1 [--until D2]: before and after only (compare.c) */
	const char *since, *until;
	int compare;		/* --compare D1 D2: until is an operand */
};

/* The run being drawn, read from the runs view. */
struct render_run {
	long long run_id;
	char as_of[11];			/* YYYY-MM-DD */
	char created_at[21];
	/* the documents' date (PDF, xlsx metadata): the start of the as-of
	 * day in JST, so that aggregating a date again changes no document
	 * whose content stayed the same (created_at would) */
	char doc_date[26];		/* YYYY-MM-DDT00:00:00+09:00 */
	long long n_companies, n_incomplete;
	int min_group, na_points;
	/* --peers pooled: the pooled run of the same date (peers.c) */
	long long pool_run_id;		/* 0: none, local peers only */
	long long pool_companies;
	int pool_orgs;
};

/*
 * Draw the portfolio charts into out_dir (each in every format asked)
 * and portfolio.pdf (without the names of the imported files when
 * o->share).  Returns 0 or -1 after printing why.
 */
int portfolio_render(const struct render_opts *o, sqlite3 *db,
		     const struct render_run *run);
struct reports;
/*
 * Start writing the report of every company (or those in o->companies)
 * into out_dir/companies/, and set *r for reports_finish (always, even on
 * failure).  With o->jobs > 1 this forks the workers and returns once
 * each has opened its own read transaction (or ended), so the caller can
 * draw the portfolio meanwhile; with one job it only prepares, and
 * reports_finish draws on db.  Returns 0 or -1 after printing why.
 */
int reports_start(const struct render_opts *o, sqlite3 *db,
		  const struct render_run *run, struct reports **r);
/*
 * Draw (one job) or wait for the workers, then release r.  Returns 0, or
 * -1 when a report could not be drawn (after printing why).
 */
int reports_finish(struct reports *r);
/*
 * The base of a company's file names relative to out_dir,
 * "companies/<safe key>-<hash>": derived from the company key (so stable
 * whatever the company's name is spelled), safe for any value (no '/', no
 * leading '.', no control characters, bounded length) and unique per
 * company_key.  The malloc'ed string has room for 5 more bytes (".html").
 */
char *report_file_base(const char *company_key);
/* report_file_base + ".pdf": the company's PDF report.  Malloc'ed. */
char *report_file_name(const char *company_key);
#endif
