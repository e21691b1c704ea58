/*
 * ingest: import survey exports into the shindan database.
 * main() only parses options; the work is in import.c and inspect.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"
#include "exit.h"
#include "export.h"
#include "import.h"
#include "inspect.h"
#include "moved.h"
#include "input.h"
#include "num.h"

static const struct option longopts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "encoding", required_argument, NULL, 'e' },
	{ "map", required_argument, NULL, 'm' },
	{ "aliases", required_argument, NULL, 'a' },
	{ "inspect", required_argument, NULL, 'i' },
	{ "rows", required_argument, NULL, 'r' },
	{ "export-rejects", required_argument, NULL, 'x' },
	{ "sheet", required_argument, NULL, 's' },
	{ "moved", required_argument, NULL, 'M' },
	CLI_LONGOPTS
};

static void
usage(FILE *f)
{
	fprintf(f,
"usage: ingest [options] FILE|DIR ...\n"
"       ingest --inspect FILE [--rows N] [--encoding ENC] [--map FILE|DIR]\n"
"                        [--sheet NAME|N]\n"
"       ingest --export-rejects FILE\n"
"       ingest --moved ID PATH\n"
"Import survey exports (CSV, TSV, gzip, .xlsx, .zip) into the shindan\n"
"database.\n"
"\n"
"  -d, --db PATH          database (default $SHINDAN_DB, else shindan.db)\n"
"  -f, --force            import files even if imported before\n"
"  -n, --dry-run          read and validate everything, write nothing\n"
"  -e, --encoding ENC     utf-8, utf-16le, utf-16be or cp932 (default: "
"detect)\n"
"  -m, --map FILE|DIR     explicit 'header<TAB>field' column map; a folder's\n"
"                         maps each serve the headers holding all of theirs\n"
"      --aliases FILE     more industry aliases ('alias<TAB>A-T')\n"
"      --inspect FILE     show what ingest detects in FILE; write nothing\n"
"      --rows N           with --inspect: print the first N records as "
"JSON\n"
"      --export-rejects FILE  write the rejected rows as CSV for Excel\n"
"      --sheet NAME|N     the sheet of a workbook to read (default: the first\n"
"                         whose header holds the 25 questions)\n"
"      --moved ID PATH    the file recorded as ID now lies at PATH (after\n"
"                         moving it; the files and rejects views name it)\n"
"  -q, --quiet            only errors\n"
"  -v, --verbose          say more about each file\n"
"  -h, --help             this help\n"
"  -V, --version          print the version\n"
"\n"
"Exit status: 0 all accepted, 1 failure, 2 usage, 3 some rows or files\n"
"rejected, 4 the database is locked by another run.\n");
}

/* cli.h's set: one of ingest's own options. */
static int
set(void *opts, int ch, const char *arg)
{
	struct ingest_opts *o = opts;

	switch (ch) {
	case 'f':
		o->force = 1;
		break;
	case 'n':
		o->dry_run = 1;
		break;
	case 'e':
		if ((o->encoding = input_encoding_parse(arg)) < 0)
			return cli_usage("--encoding: unknown encoding "
					 "'%s'", arg);
		break;
	case 'm':
		o->map_path = arg;
		break;
	case 'a':
		o->aliases_path = arg;
		break;
	case 'i':
		o->inspect = arg;
		break;
	case 'r':
		return num_opt("--rows", arg, 0, 1000000000L, &o->rows) ?
		       EXIT_USAGE : EXIT_OK;
	case 'x':
		o->export_rejects = arg;
		break;
	case 's':
		o->sheet = arg;
		break;
	case 'M':
		return num_opt("--moved", arg, 1, LONG_MAX, &o->moved) ?
		       EXIT_USAGE : EXIT_OK;
	}
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const struct cli cli = { "ingest", "d:fne:m:", longopts, usage,
					set };
	struct ingest_opts opts = { .rows = -1 }, *o = &opts;
	int status;

	if ((status = cli_parse(&cli, argc, argv, o, &o->db_path)) !=
	    CLI_GO_ON)
		return status;
	o->paths = argv + optind;
	o->npaths = argc - optind;
	if (o->inspect) {
		if (o->npaths)
			return cli_usage("--inspect takes one file");
		return inspect_run(o);
	}
	if (o->rows >= 0)	/* -1 when not given */
		return cli_usage("--rows goes with --inspect");
	if (o->moved) {
		if (o->npaths != 1 || o->export_rejects || o->dry_run)
			return cli_usage("--moved takes one path, alone");
		return moved_run(o);
	}
	if (o->npaths == 0 && !o->export_rejects)
		return cli_usage("no files given");
	if (o->dry_run && o->export_rejects)
		return cli_usage("--export-rejects writes a file; not "
				 "with --dry-run");
	if (o->npaths == 0)
		return export_rejects(o);
	status = import_run(o);
	if (o->export_rejects && (status == EXIT_OK ||
	    status == EXIT_REJECTED) && export_rejects(o) != EXIT_OK)
		status = EXIT_FAIL;
	return status;
}
