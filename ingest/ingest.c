/*
 * ingest: import survey exports into the shindan database.
 * main() only parses options; the work is in import.c and inspect.c.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "err.h"
#include "export.h"
#include "import.h"
#include "inspect.h"
#include "moved.h"
#include "input.h"
#include "db.h"
#include "num.h"

static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
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
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
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

int
main(int argc, char **argv)
{
	struct ingest_opts o = { 0 };
	int c, status, rows_given = 0;

	err_setprog("ingest");
	o.db_path = db_default_path();
	while ((c = getopt_long(argc, argv, "d:fne:m:qvhV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'd':
			o.db_path = optarg;
			break;
		case 'f':
			o.force = 1;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'e':
			if ((o.encoding = input_encoding_parse(optarg)) < 0) {
				error("--encoding: unknown encoding '%s'",
				      optarg);
				usage(stderr);
				return EXIT_USAGE;
			}
			break;
		case 'm':
			o.map_path = optarg;
			break;
		case 'a':
			o.aliases_path = optarg;
			break;
		case 'i':
			o.inspect = optarg;
			break;
		case 'r':
			o.rows = num_opt("--rows", optarg, 0, 1000000000L);
			rows_given = 1;
			break;
		case 'x':
			o.export_rejects = optarg;
			break;
		case 's':
			o.sheet = optarg;
			break;
		case 'M':
			o.moved = num_opt("--moved", optarg, 1, LONG_MAX);
			break;
		case 'q':
			err_verbosity = -1;
			break;
		case 'v':
			err_verbosity = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("ingest (shindan) %s\n", SHINDAN_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	o.paths = argv + optind;
	o.npaths = argc - optind;
	if (o.inspect) {
		if (o.npaths) {
			error("--inspect takes one file");
			usage(stderr);
			return EXIT_USAGE;
		}
		return inspect_run(&o);
	}
	if (rows_given) {
		error("--rows goes with --inspect");
		usage(stderr);
		return EXIT_USAGE;
	}
	if (o.moved) {
		if (o.npaths != 1 || o.export_rejects || o.dry_run) {
			error("--moved takes one path, alone");
			usage(stderr);
			return EXIT_USAGE;
		}
		return moved_run(&o);
	}
	if (o.npaths == 0 && !o.export_rejects) {
		error("no files given");
		usage(stderr);
		return EXIT_USAGE;
	}
	if (o.dry_run && o.export_rejects) {
		error("--export-rejects writes a file; not with --dry-run");
		usage(stderr);
		return EXIT_USAGE;
	}
	if (o.npaths == 0)
		return export_rejects(&o);
	status = import_run(&o);
	if (o.export_rejects && (status == EXIT_OK ||
	    status == EXIT_REJECTED) && export_rejects(&o) != EXIT_OK)
		status = EXIT_FAIL;
	return status;
}
