#!/bin/sh
# After the nightly run moves a file out of the inbox, the files and
# rejects views name where it lies now: two uploads of 回答.csv on one day
# are archive/DAY/回答.csv and archive/DAY/回答.csv.1, a quarantined file
# is quarantine/NAME, and an archive's members follow it.  ingest --moved
# is the step that records it.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"
need "$MKZIP"
export SHINDAN_TODAY=2025-06-10

A=$(answers I)
P=$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)
H="回答日時,会社名,$(qcols)"
mkdir -p home/inbox
printf '%s\n' "$H" "2025/06/02 10:00,アルファ,$A" "2025/06/02 10:00,ベータ,実施中,$(answers I | cut -d, -f2-)" \
	>home/inbox/回答.csv
run_status env SHINDAN_HOME=home sh "$NIGHTLY" -q
is "$status" 3 "the morning's upload, one bad row: exit 3"
like "$(cat "$T/out")" "needs a look: 1 rejected rows in $T/home/archive/2025-06-10/回答.csv " \
	"-q names the archived file"

printf '%s\n' "$H" "2025/06/03 10:00,ガンマ,$P" >home/inbox/回答.csv
printf '%s\n' "会社名,Q1" "デルタ,実施している" >home/inbox/short.csv
printf '%s\n' "$H" "2025/06/04 10:00,イプシロン,$A" >member.csv
"$MKZIP" home/inbox/forms.zip 回答.csv=member.csv
run_status env SHINDAN_HOME=home sh "$NIGHTLY" -q
is "$status" 3 "the afternoon's run on the same day: exit 3"
is "$(q "SELECT path, status FROM files ORDER BY file_id" home/shindan.db)" \
"archive/2025-06-10/回答.csv|partial
archive/2025-06-10/forms.zip:回答.csv|imported
archive/2025-06-10/forms.zip|imported
quarantine/short.csv|rejected
archive/2025-06-10/回答.csv.1|imported" \
	"files names where each upload lies now, the two 回答.csv apart"
is "$(q "SELECT r.path, r.line FROM rejects r" home/shindan.db)" \
	"archive/2025-06-10/回答.csv|3" "rejects names the archived file"
is "$(q "SELECT company_name, source_file FROM responses ORDER BY 1" \
	home/shindan.db)" \
"アルファ|archive/2025-06-10/回答.csv
イプシロン|archive/2025-06-10/forms.zip:回答.csv
ガンマ|archive/2025-06-10/回答.csv.1" "and so does responses"
(cd home && for p in $(q "SELECT path FROM files WHERE path NOT LIKE '%:%'" \
	shindan.db); do test -f "$p" || echo "missing $p"; done) >missing
is "$(cat missing)" "" "every path recorded is a file one can open"

# ingest --moved on its own
run_status $INGEST --db home/shindan.db --moved 99 home/shindan.db
is "$status" 1 "--moved with an unknown id: exit 1"
like "$(cat "$T/err")" "--moved 99: no file recorded with that id" "named"
run_status $INGEST --db home/shindan.db --moved 1 nosuch.csv
is "$status" 2 "--moved to a path that does not exist: exit 2"
run_status $INGEST --db home/shindan.db --moved 1
is "$status" 2 "--moved without a path: exit 2"
done_testing
