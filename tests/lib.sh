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
# VALGRIND, when set in the environment (e.g. VALGRIND='valgrind -q
# --error-exitcode=99 --leak-check=full'), runs the tools under it
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

# kill_points N CMD...: run CMD once (output dropped, status ignored) and
# print N delays spread over the time it took, so that kills land inside
# a run whatever the machine's speed, load or valgrind
kill_points() {
	kp_n=$1
	shift
	kp_t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	kp_t1=$(date +%s%N)
	awk -v ns="$((kp_t1 - kp_t0))" -v n="$kp_n" 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "%.3f ", ns * (2 * i - 1) / (2 * n) / 1e9 }'
}

# q SQL [DB]: query the database, one row a line, fields '|'-separated
q() {
	sqlite3 -batch -noheader "${2:-shindan.db}" "$1"
}

# skip REASON: a check that cannot run here, as a TAP skip line
# ("ok N # SKIP REASON") that tests/run counts and lists apart from the
# passes; only for what install-deps cannot provide (see need)
skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP $1"
}

# skip_all REASON: the whole script cannot run here (tests/run lists it)
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# need PROG: stop the script with a failed test when PROG is missing.
# Every program a test calls is installed by scripts/install-deps or
# built by make check, so a missing one is a defect, never a reason to
# skip: a skip would hide a missing install step on a fresh machine.
need() {
	have "$1" || { done_testing; exit 1; }
}

# have PROG: true when PROG is installed, else a failed test (see need)
have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	not_ok "$1 is there (scripts/install-deps or make check provides it)"
	return 1
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

# codes SPEC [Q=CODE...]: the 25 answer codes I P N U A and - (blank) of
# a response, as SPEC spells them: one code a question
# ("IIIII...A"), a count before a code ("20I5N"), or one code for all 25
# ("I"), then question Q given CODE instead ("I 3=P 9=U"); fails unless
# that makes 25
codes() {
	printf '%s\n' "$*" | awk '{
		s = ""
		spec = $1
		while (match(spec, /^[0-9]*[IPNUA-]/)) {
			n = RLENGTH > 1 ? substr(spec, 1, RLENGTH - 1) + 0 : 1
			for (i = 0; i < n; i++)
				s = s substr(spec, RLENGTH, 1)
			spec = substr(spec, RLENGTH + 1)
		}
		if (length(s) == 1)
			for (i = 1; i < 25; i++)
				s = s substr(s, 1, 1)
		for (f = 2; f <= NF; f++) {
			split($f, o, "=")
			s = substr(s, 1, o[1] - 1) o[2] substr(s, o[1] + 1)
		}
		if (length(s) != 25 || spec != "")
			exit 1
		print s
	}'
}

# answers SPEC [Q=CODE...]: the 25 answer labels of codes SPEC..., joined
# by $SEP (a blank for -)
answers() {
	codes "$@" | awk -v sep="${SEP:-,}" '{
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

# --- fixtures written straight into the tables ---------------------------

# The columns of the internal tables that fixtures fill by hand, named in
# every INSERT so that a column added by a migration cannot shift them
# (tests/data/render-fixture.awk has its own copy: awk cannot source this)
RUN_COLS="run_id, as_of, created_at, n_companies, n_incomplete, min_group,
 na_points"
GROUP_STAT_COLS="run_id, industry_code, size_class, star_level, n,
 n_incomplete, mean, sd, median, p25, p75, min, max, band_100, band_70_99,
 band_50_69, band_le49, part1_mean, part2_mean, part3_mean, suppressed"
QUESTION_STAT_COLS="run_id, industry_code, size_class, star_level,
 question_no, n, implemented, partial, not_implemented, unknown, na,
 implemented_rate, mean_points, rank, below_overall"
SCORE_HIST_COLS="run_id, industry_code, size_class, star_level, score, n"
COMPANY_COLS="company_key, company_name, corporate_number, industry_code,
 size_class, star_level, submitted_at, answers, n_departments, complete,
 total_score, band, as_of"

# --- workbooks and archives ----------------------------------------------

MKZIP=$TOP/tools/mkzip
CSV2XLSX=$TOP/tools/csv2xlsx

# mkbook OUT.xlsx DIR: a workbook of the parts the test wrote under DIR
# (xl/workbook.xml, xl/worksheets/..., ...), with the package parts Excel
# adds; members in name order
mkbook() {
	mkdir -p "$2/_rels"
	[ -f "$2/[Content_Types].xml" ] ||
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' \
		>"$2/[Content_Types].xml"
	[ -f "$2/_rels/.rels" ] ||
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' \
		>"$2/_rels/.rels"
	(cd "$2" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) |
	    awk -v d="$2" '{ printf "%s=%s/%s\n", $0, d, $0 }' >"$2.members"
	set -f
	# shellcheck disable=SC2046 # one member a line, names without spaces
	"$MKZIP" "$1" $(cat "$2.members")
	set +f
}

# sheet_xml ROWS: a worksheet part around the given <row> elements
sheet_xml() {
	printf '%s\n%s%s%s\n' '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' \
	    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
	    "$1" '</sheetData></worksheet>'
}

# workbook_xml [WORKBOOKPR] NAME...: a workbook part naming its sheets,
# sheet N at xl/worksheets/sheetN.xml through relationship rIdN (the
# relationships part is written too, under directory $BOOK)
workbook_xml() {
	pr=$1
	shift
	mkdir -p "$BOOK/xl/_rels"
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		printf '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s<sheets>' "$pr"
		n=0
		for s in "$@"; do
			n=$((n + 1))
			printf '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' "$s" $n $n
		done
		echo '</sheets></workbook>'
	} >"$BOOK/xl/workbook.xml"
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		printf '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
		n=0
		for s in "$@"; do
			n=$((n + 1))
			printf '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' $n $n
		done
		printf '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>'
		printf '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
		echo '</Relationships>'
	} >"$BOOK/xl/_rels/workbook.xml.rels"
}

# qcells ROW FIRSTCOL: inline-string cells Q1..Q25 from column FIRSTCOL
# (a number) of row ROW
qcells() {
	awk -v row="$1" -v first="$2" 'function col(n, s) {
		s = ""; while (n > 0) { s = sprintf("%c", 65 + (n - 1) % 26) s
		n = int((n - 1) / 26) } return s }
	BEGIN { for (i = 1; i <= 25; i++)
		printf "<c r=\"%s%d\" t=\"inlineStr\"><is><t>Q%d</t></is></c>",
		    col(first + i - 1), row, i }'
}

# acells ROW FIRSTCOL CODES: answer cells from 25 codes I P N U A (shared
# strings 0-4 of the fixtures' sharedStrings.xml) and - (no cell)
acells() {
	awk -v row="$1" -v first="$2" -v codes="$3" 'function col(n, s) {
		s = ""; while (n > 0) { s = sprintf("%c", 65 + (n - 1) % 26) s
		n = int((n - 1) / 26) } return s }
	BEGIN { for (i = 1; i <= 25; i++) {
		c = substr(codes, i, 1)
		c = c == "" ? 0 : index("IPNUA", c)
		if (c) printf "<c r=\"%s%d\" t=\"s\"><v>%d</v></c>",
		    col(first + i - 1), row, c - 1 } }'
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
# relative, stays inside DIR (as a browser resolves it, through the
# names: a folder of DIR may be a symlink) and names a file that exists;
# prints the bad ones as FILE:LINK
links_ok() {
	dir=$1
	find -L "$dir" -name '*.html' | while IFS= read -r f; do
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
				r=$(realpath -m -s -- "$base/$p")
				case $r in
				"$(realpath -m -s -- "$dir")"/*) [ -f "$r" ] ||
					echo "$f:$l" ;;
				*) echo "$f:$l" ;;
				esac ;;
			esac
		done
	done
}
