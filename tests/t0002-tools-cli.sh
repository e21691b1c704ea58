#!/bin/sh
# The command line the three tools share (lib/cli.c): a bad option is said
# the same way by each, named by the tool and never by the path it was
# started by (the tests start them by their full path), with a pointer to
# --help and exit 2; -h and -V print on stdout and exit 0; a database that
# is not there is a failure (1) said the same way.
. "$(dirname "$0")/lib.sh"

# tool_cmd NAME: the command that runs tool NAME (with $VALGRIND if set)
tool_cmd() {
	case $1 in
	ingest) echo "$INGEST" ;;
	aggregate) echo "$AGGREGATE" ;;
	render) echo "$RENDER" ;;
	esac
}

version=$(sed -n 's/^VERSION = //p' "$TOP/config.mk")
for tool in ingest aggregate render; do
	cmd=$(tool_cmd $tool)
	hint="$tool: try '$tool --help' for the options"

	run_status $cmd --db t.db --bogus
	is "$status" 2 "$tool --bogus: exit 2"
	is "$(cat "$T/err")" "$tool: unrecognized option '--bogus'
$hint" "$tool --bogus: named by the tool, with a pointer to --help"
	is "$(cat "$T/out")" "" "$tool --bogus: nothing on stdout"

	run_status $cmd --bogus=1 -q
	is "$status" 2 "$tool --bogus=1: exit 2"
	is "$(head -n 1 "$T/err")" "$tool: unrecognized option '--bogus'" \
		"$tool --bogus=1: the option's name, not its value"

	run_status $cmd -qZ
	is "$status" 2 "$tool -qZ: exit 2"
	is "$(head -n 1 "$T/err")" "$tool: unrecognized option '-Z'" \
		"$tool -qZ: the unknown letter of a cluster"

	run_status $cmd --db
	is "$status" 2 "$tool --db without its argument: exit 2"
	is "$(cat "$T/err")" "$tool: option '--db' requires an argument
$hint" "$tool --db: says the argument is missing"

	run_status $cmd --version=2
	is "$status" 2 "$tool --version=2: exit 2"
	is "$(head -n 1 "$T/err")" \
		"$tool: option '--version' takes no argument" \
		"$tool --version=2: says it takes none"

	run_status $cmd -h
	is "$status" 0 "$tool -h: exit 0"
	like "$(head -n 1 "$T/out")" "^usage: $tool " "$tool -h: usage on stdout"
	is "$(cat "$T/err")" "" "$tool -h: nothing on stderr"

	run_status $cmd --help
	is "$status" 0 "$tool --help: exit 0"
	like "$(head -n 1 "$T/out")" "^usage: $tool " \
		"$tool --help: usage on stdout"

	run_status $cmd -V
	is "$status" 0 "$tool -V: exit 0"
	is "$(cat "$T/out")" "$tool (shindan) $version" "$tool -V: the version"
done

# short options that take an argument
run_status $INGEST -d
is "$(head -n 1 "$T/err")" "ingest: option '-d' requires an argument" \
	"ingest -d without its argument"
run_status $RENDER -o
is "$status" 2 "render -o without its argument: exit 2"
is "$(head -n 1 "$T/err")" "render: option '-o' requires an argument" \
	"render -o: says the argument is missing"
# -d is ingest's alone
run_status $AGGREGATE -d t.db
is "$(head -n 1 "$T/err")" "aggregate: unrecognized option '-d'" \
	"aggregate has no -d"

# a database that is not there: a failure, 1
run_status $INGEST --db missing.db --export-rejects r.csv
is "$status" 1 "ingest, no database: exit 1"
is "$(cat "$T/err")" \
	"ingest: 'missing.db': no database here (run ingest first)" \
	"ingest, no database: says so"
run_status $AGGREGATE --db no/such/folder.db
is "$status" 1 "aggregate, no database folder: exit 1"
is "$(cat "$T/err")" \
	"aggregate: 'no/such/folder.db': cannot create: No such file or directory" \
	"aggregate, no database folder: says so"
run_status $RENDER --db missing.db --out site
is "$status" 1 "render, no database: exit 1"
is "$(cat "$T/err")" \
	"render: 'missing.db': no database here (run ingest first)" \
	"render, no database: says so"
check "nothing is made when there is no database" \
	test ! -e missing.db -a ! -e site -a ! -e r.csv

# no message of any of them names the folder the tools were started from
for tool in ingest aggregate render; do
	cmd=$(tool_cmd $tool)
	run_status $cmd --bogus
	unlike "$(cat "$T/err")" "$TOP|/$tool/$tool" \
		"$tool: no path in the messages"
done
done_testing
