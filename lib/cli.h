#ifndef SHINDAN_CLI_H
#define SHINDAN_CLI_H
/*
 * The command line every tool shares: --db, -q, -v, -h and -V are read
 * here, and a bad option is reported the same way by every tool
 * ("ingest: unrecognized option '--bogus'", a hint to --help, exit 2).
 * Each tool lists its own options and reads them in its set callback.
 */
#include <getopt.h>
#include <stdio.h>

/*
 * The options of every tool, ending each longopts[] (terminator
 * included): --db (val 'd'), --quiet, --verbose, --help, --version.  A
 * tool's own options must use other vals; its short "d:" means --db.
 */
#define CLI_LONGOPTS \
	{ "db", required_argument, NULL, 'd' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ NULL, 0, NULL, 0 }

/* What cli_parse returns when main is to go on. */
#define CLI_GO_ON (-1)

struct cli {
	const char *name;		/* "ingest": messages, -V */
	const char *shortopts;		/* the tool's own, as getopt's */
	const struct option *longopts;	/* ending in CLI_LONGOPTS */
	void (*usage)(FILE *fp);	/* the tool's usage text */
	/*
	 * Take the tool's option ch (arg: its argument or NULL) into opts.
	 * Returns EXIT_OK to go on, else the exit status to stop with,
	 * after saying why.
	 */
	int (*set)(void *opts, int ch, const char *arg);
};

/*
 * Name the program c->name for every message, set *db_path to --db or
 * db_default_path(), the verbosity to -q or -v, and hand every other
 * option to c->set.  Returns CLI_GO_ON with optind at the first operand,
 * or the status main returns at once: EXIT_OK after -h or -V (printed on
 * stdout), EXIT_USAGE after a bad option (said on stderr), or what
 * c->set returned.
 */
int cli_parse(const struct cli *c, int argc, char **argv, void *opts,
	      const char **db_path);

/*
 * A usage error found by c->set or after cli_parse: print the message
 * (as error() does) and the usage of the command line cli_parse read on
 * stderr.  Returns EXIT_USAGE.
 */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * An option's date YYYY-MM-DD, one that exists (when_as_of, as aggregate
 * --as-of takes it).  Returns 0, or -1 after saying why, naming opt.
 */
int cli_date(const char *opt, const char *s);
#endif
