/*
 * render: draw charts, portfolio.pdf, the company reports and the site
 * (index.html and its pages) from a run of the database (SPEC §2.3).
 * This file is main only: it reads the options into struct render_opts,
 * finds the run and hands over to portfolio.c, report.c and site.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "compare.h"
#include "db.h"
#include "err.h"
#include "num.h"
#include "out.h"
#include "peers.h"
#include "render.h"
#include "settings.h"
#include "site.h"
#include "when.h"

static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "out", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, 'f' },
	{ "as-of", required_argument, NULL, 'a' },
	{ "company", required_argument, NULL, 'c' },
	{ "companies-from", required_argument, NULL, 'C' },
	{ "portfolio", no_argument, NULL, 'P' },
	{ "share", no_argument, NULL, 'S' },
	{ "font", required_argument, NULL, 'F' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "peers", required_argument, NULL, 'p' },
	{ "plan", no_argument, NULL, 'L' },
	{ "policy", no_argument, NULL, 'Y' },
	{ "settings", required_argument, NULL, 'T' },
	{ "since", required_argument, NULL, 'B' },
	{ "until", required_argument, NULL, 'U' },
	{ "compare", required_argument, NULL, 'K' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: render --out DIR [options]\n"
"Draw the portfolio charts, portfolio.pdf, one report per company and\n"
"the site (index.html: the worklist, a page per company, industry and\n"
"star level) from the latest run of the database (or the run of --as-of).\n"
"\n"
"  -o, --out DIR        output folder (created 0700)\n"
"      --db PATH        database (default $SHINDAN_DB, else ./shindan.db)\n"
"  -f, --format LIST    chart formats, comma-separated: png,svg,pdf\n"
"                       (default png,svg)\n"
"      --as-of DATE     draw the run of DATE (YYYY-MM-DD)\n"
"      --company KEY    only the report of this company (repeatable);\n"
"                       skips the portfolio\n"
"      --companies-from FILE\n"
"                       as --company for each line of FILE ('-': stdin)\n"
"      --portfolio      draw the portfolio; without --company or\n"
"                       --companies-from, the portfolio only (no reports)\n"
"      --share          a site for outside the firm: group figures only,\n"
"                       no company names, pages, reports or search data\n"
"      --font FAMILY    fontconfig family (default IPAexGothic)\n"
"  -j, --jobs N         reports drawn in parallel (default: CPUs)\n"
"      --peers WHICH    local (default) or pooled: compare a company whose\n"
"                       industry is too small locally with the pooled run\n"
"      --plan           beside each report, its improvement plan\n"
"                       (<base>-plan.pdf, .csv, .xlsx)\n"
"      --policy         beside each report, a draft basic policy\n"
"                       (<base>-policy.pdf, .docx, .html, .txt)\n"
"      --settings FILE  per-company TSV: representative, policy dates\n"
"      --since DATE     before and after instead: each company as of\n"
"                       DATE against now (outcome.pdf, outcome.csv,\n"
"                       compare/)\n"
"      --until DATE     with --since: 'now' is DATE (default today)\n"
"      --compare D1 D2  the same as --since D1 --until D2\n"
"  -q, --quiet          errors only\n"
"  -v, --verbose        say more\n"
"  -h, --help           this help\n"
"  -V, --version        print the version\n");
}

/* "png,svg" into FMT_ bits; 0 for an empty or unknown list. */
static int
parse_formats(const char *s)
{
	int bits = 0;

	while (*s) {
		size_t n = strcspn(s, ",");

		if (n == 3 && strncmp(s, "png", 3) == 0)
			bits |= FMT_PNG;
		else if (n == 3 && strncmp(s, "svg", 3) == 0)
			bits |= FMT_SVG;
		else if (n == 3 && strncmp(s, "pdf", 3) == 0)
			bits |= FMT_PDF;
		else
			return 0;
		s += n;
		if (*s == ',')
			s++;
	}
	return bits;
}

/* Add key to o->companies; *cap is the room allocated. */
static void
add_company(struct render_opts *o, int *cap, const char *key)
{
	if (o->ncompanies == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		o->companies = xrealloc(o->companies,
					*cap * sizeof *o->companies);
	}
	o->companies[o->ncompanies++] = xstrdup(key);
}

/*
 * --companies-from: one company key per line ('-' reads stdin); blank
 * lines are skipped and a CR before the newline is dropped, so that a
 * list saved on Windows works.  Keys are kept exactly otherwise (a key
 * may hold spaces).  Returns 0, or -1 after saying why.
 */
static int
read_companies(struct render_opts *o, int *cap, const char *path)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t size = 0;
	ssize_t n;
	int rc = 0;

	if (!fp)
		return error("'%s': cannot open:", path);
	while ((n = getline(&line, &size, fp)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n > 0)
			add_company(o, cap, line);
	}
	if (ferror(fp))
		rc = error("'%s': cannot read:", path);
	free(line);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

/* A date YYYY-MM-DD that exists, as aggregate --as-of takes it. */
static int
valid_date(const char *s)
{
	int64_t end;

	return strlen(s) == 10 && when_as_of(s, &end) == 0;
}

/*
 * Find the run to draw: the latest, or the one of o->as_of.  Returns 0,
 * or -1 after saying why (no run at all is a failure, not an empty
 * drawing).
 */
static int
find_run(sqlite3 *db, const struct render_opts *o, struct render_run *run)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, o->as_of ?
	    "SELECT run_id, as_of, created_at, n_companies, n_incomplete,"
	    " min_group, na_points FROM runs WHERE as_of = ?"
	    " AND kind = 'local'" :
	    "SELECT run_id, as_of, created_at, n_companies, n_incomplete,"
	    " min_group, na_points FROM runs WHERE kind = 'local'"
	    " ORDER BY as_of DESC LIMIT 1"))
		return -1;
	if (o->as_of)
		sqlite3_bind_text(st, 1, o->as_of, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(run, 0, sizeof *run);
		run->run_id = sqlite3_column_int64(st, 0);
		snprintf(run->as_of, sizeof run->as_of, "%s",
			 (const char *)sqlite3_column_text(st, 1));
		snprintf(run->created_at, sizeof run->created_at, "%s",
			 (const char *)sqlite3_column_text(st, 2));
		run->n_companies = sqlite3_column_int64(st, 3);
		run->n_incomplete = sqlite3_column_int64(st, 4);
		run->min_group = sqlite3_column_int(st, 5);
		run->na_points = sqlite3_column_int(st, 6);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		if (o->as_of)
			rc = error("'%s': no run as of %s (run aggregate "
				   "--as-of %s first)", o->db_path, o->as_of,
				   o->as_of);
		else
			rc = error("'%s': no run yet, nothing to draw (run "
				   "aggregate first)", o->db_path);
	} else {
		rc = error("database: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

/* How long to wait for the write lock: the busy timeout of lib/db.c. */
#define LOCK_WAIT_MS 3000

/*
 * With report workers, render reads through several connections, and
 * each read transaction sees the state committed when it first reads.
 * To make that one state, the write lock is held (BEGIN IMMEDIATE on a
 * connection of its own) from before the main connection's first read
 * until every worker has read: no ingest or aggregate can commit in
 * between.  Writers wait meanwhile, for as long as the workers take to
 * start (milliseconds; their busy timeout is 3 s).
 *
 * If the lock cannot be had within the busy timeout (a long ingest holds
 * it) or at all (a database we may only read), render goes on without
 * it: in WAL mode each connection still reads one committed state, a
 * writer that held the lock that long is most likely still writing when
 * the workers start, and a worker refuses a run that aggregate redid
 * meanwhile.  Returns the connection holding the lock, or NULL.
 */
static sqlite3 *
write_lock(const char *path)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, LOCK_WAIT_MS);
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL,
				 NULL) == SQLITE_OK)
			return db;
	}
	info("'%s': %s; the report workers may read a later state than the "
	     "portfolio", path, db ? sqlite3_errmsg(db) : "no memory");
	sqlite3_close(db);
	return NULL;
}

/* Let writers in again. */
static void
write_unlock(sqlite3 **lock)
{
	if (*lock) {
		db_rollback(*lock);
		sqlite3_close(*lock);
		*lock = NULL;
	}
}

/*
 * When no --company KEY names a company of the database, say so before
 * anything is written, so that a typo leaves no empty folder behind.
 * (With some known, those are drawn and the workers name the others.)
 * Returns 0, or -1 when none is known.
 */
static int
companies_known(sqlite3 *db, const struct render_opts *o)
{
	sqlite3_stmt *st;
	int i, known = 0;

	if (o->ncompanies == 0)
		return 0;	/* an empty list draws nothing, and is fine */
	if (db_prepare(db, &st, "SELECT 1 FROM responses WHERE company_key = ?"
		       " LIMIT 1"))
		return -1;
	for (i = 0; i < o->ncompanies && !known; i++) {
		sqlite3_bind_text(st, 1, o->companies[i], -1, SQLITE_STATIC);
		known = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	for (i = 0; i < o->ncompanies && !known; i++)
		error("company '%s': not in the database", o->companies[i]);
	return known ? 0 : -1;
}

/* Everything after option parsing; returns the exit status. */
static int
render_run(struct render_opts *o)
{
	/* alone, --portfolio draws no reports; --company alone, no portfolio */
	int portfolio = !o->since && (o->portfolio || !o->listed);
	int reports = o->since ? 0 : o->listed ? o->ncompanies > 0 :
		      !o->portfolio && !o->share;
	struct reports *rep = NULL;
	struct render_run run;
	struct out_dir d;
	sqlite3 *db, *lock = NULL;
	int rc = 1;

	if (o->settings_path &&
	    (rc = settings_load(&o->settings, o->settings_path)) != 0)
		return rc;
	rc = 1;
	if (!(db = db_open(o->db_path, DB_READ, NULL)))
		return 1;
	if (reports && o->jobs > 1)
		lock = write_lock(o->db_path);
	/* one read transaction: everything drawn here is one snapshot,
	 * whatever ingest or aggregate commit meanwhile (WAL); find_run is
	 * its first read */
	if (db_exec(db, "BEGIN") || find_run(db, o, &run) ||
	    (o->peers_pooled && peers_find_pooled(db, o->db_path, &run)))
		goto out;
	info("drawing the run of %s (%lld companies)", run.as_of,
	     run.n_companies);
	if (o->listed && companies_known(db, o))
		goto out;
	if (out_dir_open(&d, o->out_dir))
		goto out;
	out_dir_release(&d);
	if (o->since) {
		rc = compare_render(o, db, &run) ? 1 : 0;
		goto out;
	}
	/* with -j N the workers draw the reports while this process draws
	 * the portfolio; once they all read, writers may go on */
	if (reports && reports_start(o, db, &run, &rep))
		goto out;
	write_unlock(&lock);
	/* fonts only now: writers wait for nothing but the workers' start */
	chart_set_font(o->font);
	chart_font_check(o->font);
	rc = portfolio && portfolio_render(o, db, &run) ? 1 : 0;
out:
	write_unlock(&lock);
	if (reports_finish(rep))
		rc = 1;
	/* the site last: it links to the reports that exist */
	if (rc == 0 && portfolio && site_render(o, db, &run))
		rc = 1;
	db_close(db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct render_opts o = { 0 };
	long cpus;
	int ch, rc, cap = 0, i;

	err_setprog(argv[0]);
	o.db_path = db_default_path();
	o.font = getenv("SHINDAN_FONT") && *getenv("SHINDAN_FONT") ?
		 getenv("SHINDAN_FONT") : "IPAexGothic";
	o.formats = FMT_PNG | FMT_SVG;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cpus < 1 ? 1 : cpus > 64 ? 64 : (int)cpus;
	while ((ch = getopt_long(argc, argv, "o:f:j:qvhV", longopts,
				 NULL)) != -1) {
		switch (ch) {
		case 'd':
			o.db_path = optarg;
			break;
		case 'o':
			o.out_dir = optarg;
			break;
		case 'f':
			if (!(o.formats = parse_formats(optarg))) {
				error("--format: '%s' is not a list of png, "
				      "svg, pdf", optarg);
				usage(stderr);
				rc = 2;
				goto out;
			}
			break;
		case 'a':
			if (!valid_date(optarg)) {
				error("--as-of: '%s' is not a date "
				      "YYYY-MM-DD", optarg);
				rc = 2;
				goto out;
			}
			o.as_of = optarg;
			break;
		case 'c':
			add_company(&o, &cap, optarg);
			o.listed = 1;
			break;
		case 'C':
			if (read_companies(&o, &cap, optarg) != 0) {
				rc = 1;
				goto out;
			}
			o.listed = 1;
			break;
		case 'P':
			o.portfolio = 1;
			break;
		case 'p':
			if (strcmp(optarg, "pooled") != 0 &&
			    strcmp(optarg, "local") != 0) {
				error("--peers: '%s' is not local or pooled",
				      optarg);
				rc = 2;
				goto out;
			}
			o.peers_pooled = strcmp(optarg, "pooled") == 0;
			break;
		case 'S':
			o.share = 1;
			break;
		case 'F':
			o.font = optarg;
			break;
		case 'j':
			o.jobs = (int)num_opt("--jobs", optarg, 1, 256);
			break;
		case 'L':
			o.plan = 1;
			break;
		case 'Y':
			o.policy = 1;
			break;
		case 'T':
			o.settings_path = optarg;
			break;
		case 'B':
		case 'U':
			if (!valid_date(optarg)) {
				error("--%s: '%s' is not a date YYYY-MM-DD",
				      ch == 'B' ? "since" : "until", optarg);
				rc = 2;
				goto out;
			}
			*(ch == 'B' ? &o.since : &o.until) = optarg;
			break;
		case 'K':
			/* the spelling: two dates, the second the
			 * next argument */
			if (optind >= argc || !valid_date(optarg) ||
			    !valid_date(argv[optind])) {
				error("--compare needs two dates YYYY-MM-DD: "
				      "--compare D1 D2");
				rc = 2;
				goto out;
			}
			o.since = optarg;
			o.until = argv[optind++];
			break;
		case 'q':
			err_verbosity = -1;
			break;
		case 'v':
			err_verbosity = 1;
			break;
		case 'h':
			usage(stdout);
			rc = 0;
			goto out;
		case 'V':
			printf("render (shindan) %s\n", SHINDAN_VERSION);
			rc = 0;
			goto out;
		default:
			usage(stderr);
			rc = 2;
			goto out;
		}
	}
	if (optind < argc) {
		error("unexpected argument '%s'", argv[optind]);
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (o.share && o.listed) {
		error("--share draws no company report: drop --company and "
		      "--companies-from");
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (o.since && (o.share || o.portfolio || o.plan || o.policy)) {
		error("--since draws the before and after only: drop --share, "
		      "--portfolio, --plan and --policy");
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (o.until && (!o.since || strcmp(o.since, o.until) >= 0)) {
		error("--until needs an earlier --since");
		usage(stderr);
		rc = 2;
		goto out;
	}
	if (!o.out_dir) {
		error("--out DIR is required");
		usage(stderr);
		rc = 2;
		goto out;
	}
	rc = render_run(&o);
	settings_free(o.settings);
	chart_cleanup();
out:
	for (i = 0; i < o.ncompanies; i++)
		free(o.companies[i]);
	free(o.companies);
	return rc;
}
