/*
 * render: draw charts, portfolio.pdf, the company reports and the site
 * (index.html and its pages) from a run of the database (SPEC §2.3).
 * This file reads the options into struct render_opts (those every tool
 * takes through lib/cli.c), finds the run to draw (snapshot.c) and hands
 * over to portfolio.c, report.c and site.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "cli.h"
#include "compare.h"
#include "db.h"
#include "err.h"
#include "exit.h"
#include "num.h"
#include "out.h"
#include "peers.h"
#include "render.h"
#include "settings.h"
#include "site.h"
#include "snapshot.h"

static const struct option longopts[] = {
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
	{ "link-dest", required_argument, NULL, 'D' },
	CLI_LONGOPTS
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
"      --link-dest DIR  an earlier render's folder: a file identical to\n"
"                       DIR's of the same name is hard-linked from it\n"
"                       instead of written\n"
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

/* Add key to o->companies, whose room doubles from 64 as it fills. */
static void
add_company(struct render_opts *o, const char *key)
{
	int n = o->ncompanies;

	if (n == 0 || (n >= 64 && (n & (n - 1)) == 0))
		o->companies = xrealloc(o->companies, (n ? 2 * n : 64) *
					sizeof *o->companies);
	o->companies[o->ncompanies++] = xstrdup(key);
}

/*
 * --companies-from: one company key per line ('-' reads stdin); blank
 * lines are skipped and a CR before the newline is dropped, so that a
 * list saved on Windows works.  Keys are kept exactly otherwise (a key
 * may hold spaces).  Returns 0, or -1 after saying why.
 */
static int
read_companies(struct render_opts *o, const char *path)
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
			add_company(o, line);
	}
	if (ferror(fp))
		rc = error("'%s': cannot read:", path);
	free(line);
	if (fp != stdin)
		fclose(fp);
	return rc;
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
	int rc = EXIT_FAIL;

	if (o->settings_path &&
	    (rc = settings_load(&o->settings, o->settings_path)) != 0)
		return rc;
	rc = EXIT_FAIL;
	if (!(db = db_open(o->db_path, DB_READ, NULL)))
		return EXIT_FAIL;
	if (reports && o->jobs > 1)
		lock = snapshot_lock(o->db_path);
	/* one read transaction: everything drawn here is one snapshot,
	 * whatever ingest or aggregate commit meanwhile (WAL); snapshot_run
	 * is its first read */
	if (db_exec(db, "BEGIN") || snapshot_run(db, o, &run) ||
	    (o->peers_pooled && peers_find_pooled(db, o->db_path, &run)))
		goto out;
	info("drawing the run of %s (%lld companies)", run.as_of,
	     run.n_companies);
	if (o->listed && companies_known(db, o))
		goto out;
	/* before the workers fork: they count into the same memory */
	if (out_start(o->link_dest) || out_dir_open(&d, o->out_dir))
		goto out;
	out_dir_release(&d);
	if (o->since) {
		rc = compare_render(o, db, &run) ? EXIT_FAIL : EXIT_OK;
		goto out;
	}
	/* with -j N the workers draw the reports while this process draws
	 * the portfolio; once they all read, writers may go on */
	if (reports && reports_start(o, db, &run, &rep))
		goto out;
	snapshot_unlock(&lock);
	/* fonts only now: writers wait for nothing but the workers' start */
	chart_set_font(o->font);
	chart_font_check(o->font);
	rc = portfolio && portfolio_render(o, db, &run) ? EXIT_FAIL : EXIT_OK;
out:
	snapshot_unlock(&lock);
	if (reports_finish(rep))
		rc = EXIT_FAIL;
	/* the site last: it links to the reports that exist */
	if (rc == EXIT_OK && portfolio && site_render(o, db, &run))
		rc = EXIT_FAIL;
	if (rc == EXIT_OK) {
		struct out_counts c;

		out_get_counts(&c);
		info("%lld files written, %lld unchanged", c.written,
		     c.unchanged + c.linked);
		if (c.linked)
			info("%lld unchanged files linked from '%s'", c.linked,
			     o->link_dest);
	}
	db_close(db);
	return rc;
}

/* cli.h's set: one of render's own options. */
static int
set(void *opts, int ch, const char *arg)
{
	struct render_opts *o = opts;
	long n;

	switch (ch) {
	case 'o':
		o->out_dir = arg;
		break;
	case 'f':
		if (!(o->formats = parse_formats(arg)))
			return cli_usage("--format: '%s' is not a list "
					 "of png, svg, pdf", arg);
		break;
	case 'a':
		if (cli_date("--as-of", arg))
			return EXIT_USAGE;
		o->as_of = arg;
		break;
	case 'c':
		add_company(o, arg);
		o->listed = 1;
		break;
	case 'C':
		if (read_companies(o, arg))
			return EXIT_FAIL;
		o->listed = 1;
		break;
	case 'P':
		o->portfolio = 1;
		break;
	case 'p':
		if (strcmp(arg, "pooled") != 0 && strcmp(arg, "local") != 0) {
			error("--peers: '%s' is not local or pooled", arg);
			return EXIT_USAGE;
		}
		o->peers_pooled = strcmp(arg, "pooled") == 0;
		break;
	case 'S':
		o->share = 1;
		break;
	case 'F':
		o->font = arg;
		break;
	case 'j':
		if (num_opt("--jobs", arg, 1, 256, &n))
			return EXIT_USAGE;
		o->jobs = (int)n;
		break;
	case 'L':
		o->plan = 1;
		break;
	case 'Y':
		o->policy = 1;
		break;
	case 'T':
		o->settings_path = arg;
		break;
	case 'B':
	case 'U':
		if (cli_date(ch == 'B' ? "--since" : "--until", arg))
			return EXIT_USAGE;
		*(ch == 'B' ? &o->since : &o->until) = arg;
		break;
	case 'D':
		o->link_dest = arg;
		break;
	case 'K':
		/* the spelling, two dates: the second is the first
		 * operand, which opts_check takes */
		if (cli_date("--compare", arg))
			return EXIT_USAGE;
		o->since = arg;
		o->compare = 1;
		break;
	}
	return EXIT_OK;
}

/*
 * The options that do not go together, and the operands render takes
 * none of.  Returns CLI_GO_ON, or EXIT_USAGE after saying why.
 */
static int
opts_check(struct render_opts *o, int argc, char **argv)
{
	if (o->compare) {
		if (optind >= argc)
			return cli_usage("--compare needs two dates "
					 "YYYY-MM-DD: --compare D1 D2");
		if (cli_date("--compare", argv[optind]))
			return EXIT_USAGE;
		o->until = argv[optind++];
	}
	if (optind < argc)
		return cli_usage("unexpected argument '%s'",
				 argv[optind]);
	if (o->share && o->listed)
		return cli_usage("--share draws no company report: drop "
				 "--company and --companies-from");
	if (o->since && (o->share || o->portfolio || o->plan || o->policy))
		return cli_usage("--since draws the before and after "
				 "only: drop --share, --portfolio, --plan and "
				 "--policy");
	if (o->until && (!o->since || strcmp(o->since, o->until) >= 0))
		return cli_usage("--until needs an earlier --since");
	if (!o->out_dir)
		return cli_usage("--out DIR is required");
	return CLI_GO_ON;
}

int
main(int argc, char **argv)
{
	static const struct cli cli = { "render", "o:f:j:", longopts, usage,
					set };
	struct render_opts o = { 0 };
	const char *font = getenv("SHINDAN_FONT");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int rc, i;

	o.font = font && *font ? font : "IPAexGothic";
	o.formats = FMT_PNG | FMT_SVG;
	o.jobs = cpus < 1 ? 1 : cpus > 64 ? 64 : (int)cpus;
	if ((rc = cli_parse(&cli, argc, argv, &o, &o.db_path)) == CLI_GO_ON &&
	    (rc = opts_check(&o, argc, argv)) == CLI_GO_ON) {
		rc = render_run(&o);
		settings_free(o.settings);
		chart_cleanup();
	}
	for (i = 0; i < o.ncompanies; i++)
		free(o.companies[i]);
	free(o.companies);
	return rc;
}
