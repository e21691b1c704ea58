/*
 * The command line every tool shares (after git's parse-options and
 * common-main.c): the options all three take are read once, here, and
 * getopt's own messages are off (opterr = 0) so that a bad option is said
 * in the house form, "render: unrecognized option '--bogus'", never with
 * the path the tool was started by.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "err.h"
#include "exit.h"
#include "when.h"

/* The command line being read, for cli_usage. */
static const struct cli *current;

/*
 * The long option argv element arg names, for a message: "--db" of
 * "--db=x".  NULL when arg is no long option.
 */
static const char *
long_name(const char *arg, char *buf, size_t cap)
{
	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	snprintf(buf, cap, "%.*s", (int)strcspn(arg, "="), arg);
	return buf;
}

/*
 * getopt_long returned ch ('?' or ':') for the element arg.  With
 * opterr = 0 it leaves the telling to us: optopt is 0 for an unknown long
 * option, the option's val for one that lacks or must not have an
 * argument, and the character of an unknown short one.  Returns
 * EXIT_USAGE.
 */
static int
bad_option(const struct cli *c, int ch, const char *arg)
{
	char buf[64], shrt[3] = { '-', (char)optopt, '\0' };
	const char *name = long_name(arg, buf, sizeof buf);
	const struct option *lo;

	if (ch == ':') {
		/* the element was the last one: arg is the option itself */
		error("option '%s' requires an argument", name ? name : shrt);
	} else if (optopt == 0) {
		error("unrecognized option '%s'", name ? name : arg);
	} else {
		/* "--help=x", or a short option unknown in a cluster (then
		   arg may be an earlier element, so it is checked) */
		for (lo = c->longopts; name && lo->name; lo++)
			if (lo->val == optopt && lo->has_arg == no_argument &&
			    strncmp(lo->name, name + 2, strlen(name + 2)) == 0)
				break;
		if (name && lo->name && strchr(arg, '='))
			error("option '--%s' takes no argument", lo->name);
		else
			error("unrecognized option '%s'", shrt);
	}
	error("try '%s --help' for the options", c->name);
	return EXIT_USAGE;
}

int
cli_parse(const struct cli *c, int argc, char **argv, void *opts,
	  const char **db_path)
{
	char shortopts[64];
	int ch, rc;

	err_setprog(c->name);
	current = c;
	*db_path = db_default_path();
	/* ':' first: a missing argument comes back as ':', not '?' */
	snprintf(shortopts, sizeof shortopts, ":%sqvhV", c->shortopts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, shortopts, c->longopts,
				 NULL)) != -1) {
		switch (ch) {
		case 'd':
			*db_path = optarg;
			break;
		case 'q':
			err_verbosity = -1;
			break;
		case 'v':
			err_verbosity = 1;
			break;
		case 'h':
			c->usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("%s (shindan) %s\n", c->name, SHINDAN_VERSION);
			return EXIT_OK;
		case '?':
		case ':':
			return bad_option(c, ch, argv[optind - 1]);
		default:
			if ((rc = c->set(opts, ch, optarg)) != EXIT_OK)
				return rc;
		}
	}
	return CLI_GO_ON;
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(fmt, ap);
	va_end(ap);
	current->usage(stderr);
	return EXIT_USAGE;
}

int
cli_date(const char *opt, const char *s)
{
	int64_t end;

	if (when_as_of(s, &end) < 0)
		return error("%s: '%s' is not a date YYYY-MM-DD", opt, s);
	return 0;
}
