# Sourced by every tests/tNNNN-*.sh: TAP output, a fresh temporary folder
# per script, LC_ALL=C, and helpers for the assertions the tests make.
# shellcheck shell=sh
set -eu
LC_ALL=C
export LC_ALL
TZ=UTC
export TZ
unset SHINDAN_DB SHINDAN_HOME

TOP=$(cd "$(dirname "$0")/.." && pwd)
DATA=$TOP/tests/data
SHARED=$TOP/../shared
INGEST=$TOP/ingest/ingest
AGGREGATE=$TOP/aggregate/aggregate
RENDER=$TOP/render/render
# tests/run sets VALGRIND to run the tools under it
if [ -n "${VALGRIND:-}" ]; then
	INGEST="$VALGRIND $INGEST"
	AGGREGATE="$VALGRIND $AGGREGATE"
	RENDER="$VALGRIND $RENDER"
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/shindan-test.XXXXXX")
trap 'cd /; rm -rf "$T"' EXIT
cd "$T"

test_count=0
test_failed=0

ok() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1"
}

not_ok() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $1"
}

# check DESC CMD...: passes when CMD succeeds
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# is ACTUAL EXPECTED DESC: string equality, showing both on failure
is() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /'
		printf '%s\n' "$2" | sed 's/^/#  want: /'
	fi
}

# like ACTUAL PATTERN DESC: grep -E pattern somewhere in ACTUAL
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok "$3"
	else
		not_ok "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /'
		printf '#  want match: %s\n' "$2"
	fi
}

# unlike ACTUAL PATTERN DESC
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		not_ok "$3"
		printf '%s\n' "$1" | grep -E -- "$2" | sed 's/^/#   unwanted: /'
	else
		ok "$3"
	fi
}

# run_status CMD...: run, leaving the exit status in $status, stdout in
# $T/out and stderr in $T/err (never fails the script)
run_status() {
	status=0
	"$@" >"$T/out" 2>"$T/err" || status=$?
}

# q SQL [DB]: query the database, one row a line, fields '|'-separated
q() {
	sqlite3 -batch -noheader "${2:-shindan.db}" "$1"
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

need() {
	command -v "$1" >/dev/null 2>&1 || skip_all "$1 not installed"
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

# --- fixtures for ingest ------------------------------------------------

# qcols [FMT]: the 25 question headers, printf FMT with %d (default Q%d),
# joined by $SEP (default ',')
qcols() {
	awk -v fmt="${1:-Q%d}" -v sep="${SEP:-,}" 'BEGIN {
		for (i = 1; i <= 25; i++)
			printf "%s" fmt, (i > 1 ? sep : ""), i }'
}

# answers CODES: 25 answer labels from 25 codes I P N U A - (blank),
# joined by $SEP
answers() {
	printf '%s\n' "$1" | awk -v sep="${SEP:-,}" '{
		for (i = 1; i <= 25; i++) {
			c = substr($0, i, 1)
			l = c == "I" ? "実施している" : c == "P" ? \
			    "一部実施している" : c == "N" ? "実施していない" : \
			    c == "U" ? "わからない" : c == "A" ? "該当しない" : ""
			printf "%s%s", (i > 1 ? sep : ""), l
		} }'
}

# dump [DB]: the stored content that must not depend on how often or
# how interrupted ingest ran
dump() {
	q "SELECT company_key, department, submitted_at, answers, superseded,
	   line FROM response ORDER BY 1, 2, 3, 4;
	   SELECT path, line, reason, raw FROM rejects ORDER BY 1, 2;
	   SELECT path, sha256, status, rows_read, rows_new, rows_duplicate,
	   rows_rejected FROM files WHERE status <> 'skipped' ORDER BY 1, 2;" \
	   "${1:-shindan.db}"
}

# html_messages FILE...: how many messages xmllint's HTML parser has for
# the files, leaving out its complaints about HTML5 elements (libxml2
# parses HTML 4)
html_messages() {
	xmllint --html --noout "$@" 2>&1 |
		grep -Ev 'Tag (header|nav|main|footer|section|figure|figcaption) invalid' |
		grep -c 'error :' || true
}

# links_ok DIR: every href and src of every HTML file in DIR is
# relative, stays inside DIR and names a file that exists; prints the bad
# ones as FILE:LINK
links_ok() {
	dir=$1
	find "$dir" -name '*.html' | while IFS= read -r f; do
		base=$(dirname "$f")
		for l in $(grep -o -E '(href|src)="[^"]*"' "$f" |
		    sed -E 's/^[a-z]+="//; s/"$//; s/#.*//'); do
			p=$(printf '%s\n' "$l" | awk '
			function hex(h,    i, n) {
				n = 0
				for (i = 1; i <= 2; i++)
					n = n * 16 + index("0123456789ABCDEF",
					    toupper(substr(h, i, 1))) - 1
				return n
			}
			{
				s = $0; out = ""
				while (match(s, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
					out = out substr(s, 1, RSTART - 1) \
					    sprintf("%c", hex(substr(s, RSTART + 1, 2)))
					s = substr(s, RSTART + 3)
				}
				print out s
			}')
			case $p in
			'') ;;
			/*|*:*) echo "$f:$l" ;;
			*)
				r=$(cd "$base" 2>/dev/null &&
					realpath -m -- "$p")
				case $r in
				"$(realpath "$dir")"/*) [ -f "$r" ] ||
					echo "$f:$l" ;;
				*) echo "$f:$l" ;;
				esac ;;
			esac
		done
	done
}
