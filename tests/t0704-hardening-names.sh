#!/bin/sh
# Company names from strangers through the whole pipeline: formula cells
# (=HYPERLINK(...), +, -, @), paths (../../etc/passwd, /etc/shadow),
# control characters and markup.  ingest stores them as given, aggregate
# and render take them, every report lands inside the out folder under a
# safe name, the HTML shows them as text, and any CSV for Excel shows the
# formulas as text.
. "$(dirname "$0")/lib.sh"

I25=$(answers IIIIIIIIIIIIIIIIIIIIIIIII)
P25=$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)
echo "回答日時,企業ID,会社名,業種,$(qcols)" >names.csv
echo "会社名,回答日時,$(qcols)" >bad.csv
n=0
for name in '"=HYPERLINK(""http://evil.example/"",""click"")"' \
    '+cmd|calc' '-2+3' '@SUM(A1)' '../../etc/passwd' '/etc/shadow' \
    '"a/b\c"' '<script>alert(1)</script>' \
    "$(printf 'ctl\001\002\033[31mred')" '"two
lines"' '..' '.' ' '; do
	n=$((n + 1))
	a=$I25
	[ $((n % 2)) -eq 0 ] && a=$P25
	printf '%s\n' "2024/01/15 10:00:00,c$n,$name,情報通信業,$a" >>names.csv
	# the same names first in rows whose time is bad
	printf '%s\n' "$name,2024/02/30 10:00:00,$a" >>bad.csv
done
mkdir outdir

run_status $INGEST names.csv
is "$status" 0 "ingest takes every name: exit 0"
is "$(q "SELECT count(*) FROM responses")" 13 "13 responses"
is "$(q "SELECT company_name FROM responses WHERE company_key IN ('id:c1', 'id:c2', 'id:c4', 'id:c5') ORDER BY company_key")" \
	"$(printf '%s\n' '=HYPERLINK("http://evil.example/","click")' '+cmd|calc' '@SUM(A1)' '../../etc/passwd')" \
	"names are stored as given"

run_status $AGGREGATE --as-of 2024-02-01 --export-csv xl
is "$status" 0 "aggregate: exit 0"
hits=$(grep -l -e ',=' -e ',+c' -e ',@S' xl/* 2>/dev/null || true)
is "$hits" "" "aggregate --export-csv: no cell starts a formula"

run_status $RENDER --out outdir/rep --format svg
is "$status" 0 "render: exit 0"
is "$(find outdir/rep/companies -type f -name '*.pdf' | wc -l | tr -d ' ')" 13 \
	"one report per company"
outside=$(find . -newer names.csv ! -path './outdir*' ! -path './xl*' \
	! -name 'shindan.db*' ! -name out ! -name err ! -path . -print)
is "$outside" "" "render writes nothing outside its folder"
is "$(find "$T" -name passwd -o -name shadow)" "" \
	"no passwd or shadow appears where ../.. leads"
is "$(find outdir/rep ! -type f ! -type d | wc -l | tr -d ' ')" 0 \
	"only files and folders under the out folder"
unlike "$(ls outdir/rep/companies)" "$(printf '[\001-\037\177]')" \
	"no control characters in report names"
is "$(stat -c %a outdir/rep outdir/rep/index.html)" "$(printf '700\n600')" \
	"the folder is 0700, the page 0600"
unlike "$(cat outdir/rep/index.html)" '<script>' "the page shows markup as text"
like "$(cat outdir/rep/index.html)" '&lt;script&gt;alert\(1\)&lt;/script&gt;' \
	"... escaped"

# the same names in rejected rows: the export neutralises them
run_status $INGEST --db bad.db bad.csv --export-rejects rejects.csv
is "$status" 3 "rejected names: exit 3"
is "$(q "SELECT count(*) FROM rejects" bad.db)" 13 "13 rows rejected"
formulas=$(awk -F, 'NR > 1 && $5 ~ /^"?[=+@-]/' rejects.csv)
is "$formulas" "" "no raw cell of the export starts with = + - @"
like "$(cat rejects.csv)" "^bad.csv,5,2,[^,]*,\"'@SUM\(A1\),2024/02/30" \
	"... but with a quote mark before it"
is "$(q "PRAGMA integrity_check")" ok "the database is intact"
done_testing
