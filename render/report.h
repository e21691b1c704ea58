#ifndef SHINDAN_RENDER_REPORT_H
#define SHINDAN_RENDER_REPORT_H
/*
 * One company report, as report.c gathers it from the database and
 * report_page.c lays it out: the company's combined state, the peer
 * groups it is compared with, its priorities and its history.
 */
#include <cairo.h>

#include "catalogue.h"
#include "render.h"
#include "report_text.h"
#include "score.h"
#include "state.h"

struct settings_row;

#define REPORT_NPRIO 5
#define REPORT_NHIST 8		/* latest submission dates shown */
#define REPORT_NSCORES (SCORE_MAX - SCORE_MIN + 1)

/* A benchmark group of the run: (industry, *, *) or (*, *, star). */
struct report_group {
	char industry[16], star[16];
	long long n;
	int has_mean, has_sd, suppressed;
	double mean, sd;
	int has_part[NPARTS];
	double part_mean[NPARTS];	/* mean points of each part */
	long long hist[REPORT_NSCORES];	/* companies per score - SCORE_MIN */
	int has_rate[NQUESTIONS], has_points[NQUESTIONS];
	double rate[NQUESTIONS];	/* implemented_rate, 0..1 */
	double points[NQUESTIONS];	/* mean_points */
};

/* The company against one group. */
struct report_cmp {
	const char *title;		/* 同業種（建設業）, ... */
	const struct report_group *g;	/* NULL: no such group */
	int shown;			/* g exists, is not suppressed */
	double percentile;		/* 0..100, valid when shown */
	int has_dev;
	double dev;			/* 偏差値 */
};

struct report_hist {
	char date[11];			/* JST YYYY-MM-DD */
	int complete, total;
};

struct report {
	const struct render_run *run;
	const struct company_state *c;
	int band;			/* valid when c->complete */
	int n_unknown;
	char industry_title[64];	/* 同業種（建設業） */
	struct report_cmp cmp[3];	/* industry, star level, all */
	/* per-question peers: the industry, or all companies instead */
	const struct report_group *peers;
	const char *peers_name;		/* "同業種" or "全体" */
	const char *fallback_note;	/* why peers is not the industry */
	char pool_note[320];		/* the note for pooled peers */
	const struct report_group *two;	/* ★★ group for the radar */
	int prio[REPORT_NPRIO], nprio;	/* question numbers */
	/* every question not fully implemented (nor 該当しない), in the
	 * priorities' order: the improvement plan (plan.c) */
	int order[NQUESTIONS], norder;
	/* for the ★★ readiness: the company's row of --settings (or
	 * NULL), whether render drafts its policy now (--policy) and
	 * which pack files an earlier render left */
	const struct settings_row *settings;
	int policy_drafted;
	unsigned pack_files;		/* pack_files() of pack.h */
	struct report_hist hist[REPORT_NHIST];
	int nhist;
	int na_points;
};

/* Points of the company's answer to question no (1..25); -1 if missing. */
int report_answer_points(const struct report *r, int no);
/*
 * A weak point: not implemented, unknown or missing, or fewer points
 * than the peers' mean.
 */
int report_is_weak(const struct report *r, int no);

/* "2024-03-01" → "2024年3月1日" ("不明" for anything else) into buf. */
void report_date_ja(char *buf, size_t cap, const char *iso);
/* The JST date of a stored UTC time ("2024-03-01T...Z"), the same way. */
void report_utc_date_ja(char *buf, size_t cap, const char *utc);
/*
 * The company's name fit to print (valid UTF-8, no control characters),
 * its key when it has no name; free with g_free.
 */
char *report_display_name(const struct company_state *c);

/* Lay out the two pages of r on cr (an A4 PDF surface). */
void report_draw(cairo_t *cr, struct rtext *t, const struct report *r);

/*
 * The figures of reports for another writer than the PDF (the HTML
 * company pages of site.c): the run's benchmark groups, read once.
 * report_src_open returns NULL after saying why; db must stay open and in
 * the read transaction of run until report_src_free.
 */
struct report_src;
struct report_src *report_src_open(sqlite3 *db, const struct render_run *run);
/* The end of the run's as-of day, UTC seconds (for state_scan). */
int64_t report_src_end(const struct report_src *s);
/*
 * Fill r for company c as the PDF report would show it.  r points into c
 * and s: valid while both are.  Returns 0 or -1 after saying why.
 */
int report_src_build(struct report_src *s, const struct company_state *c,
		     struct report *r);
void report_src_free(struct report_src *s);

/* A4 in PDF points. */
#define REPORT_PAGE_W 595.276
#define REPORT_PAGE_H 841.890
#endif
