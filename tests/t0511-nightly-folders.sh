#!/bin/sh
# One rule for folders, in ingest DIR and the nightly run alike: the
# survey files of a client's folder (.csv .tsv .txt .gz .xlsx .zip) are
# imported; any other file, and a .txt without a single question column
# (a README), is "not a survey file": skipped and named, never a rejected
# export.  The nightly run moves them to archive/DAY/FOLDER/ and -q says
# what needs a look, with absolute paths.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"
export SHINDAN_TODAY=2025-06-10

A=$(answers I)
H="回答日時,会社名,$(qcols)"
client() {
	mkdir -p "$1/client_a/june" "$1/client_b"
	printf '%s\n' "$H" "2025/06/02 10:00,アルファ,$A" >"$1/client_a/回答.csv"
	printf '%s\n' "$H" "2025/06/03 10:00,ベータ,$A" \
		>"$1/client_a/june/回答.csv"
	printf '%s\n' "Please find our answers attached." "山田" \
		>"$1/client_a/README.txt"
	printf '%%PDF-1.4\n' >"$1/client_a/報告書.pdf"
	printf '%s\n' "回答日時,会社名,Q1" "2025/06/03 10:00,ガンマ,実施している" \
		>"$1/client_b/回答.csv"
}

client dir
mkdir dir/.hidden
printf '%s\n' "$H" "2025/06/02 10:00,デルタ,$A" >dir/.hidden/回答.csv
run_status $INGEST dir
is "$status" 3 "ingest DIR: exit 3 for the one broken export"
is "$(q "SELECT path, status, coalesce(reason, '') FROM files
	WHERE status <> 'rejected' ORDER BY path")" \
"dir/client_a/README.txt|skipped|not a survey file: no question column
dir/client_a/june/回答.csv|imported|
dir/client_a/回答.csv|imported|" \
	"the survey files of the folders are imported, the README skipped"
is "$(q "SELECT path FROM files WHERE status = 'rejected'")" \
	"dir/client_b/回答.csv" "only the broken export is rejected"
like "$(cat "$T/err")" \
	"ingest: dir/client_a/README.txt: not a survey file \(no question column\); skipped" \
	"the README.txt is named as not a survey file"
like "$(cat "$T/err")" \
	"ingest: dir/client_a/報告書.pdf: not a survey file \(not .csv, .tsv, .txt, .gz, .xlsx or .zip\); skipped" \
	"and so is the PDF"
like "$(cat "$T/err")" "5 files, .* 1 rejected files, 2 skipped" \
	"the summary counts them as skipped"
unlike "$(cat "$T/err")" "README.txt: rejected" "the README is not rejected"
unlike "$(cat "$T/err")" "hidden" "a folder whose name starts with '.' is left alone"

client home/inbox
run_status env SHINDAN_HOME=home sh "$NIGHTLY" -q
is "$status" 3 "nightly: exit 3 for the broken export"
is "$(cd home && find inbox archive quarantine -type f | LC_ALL=C sort)" \
"archive/2025-06-10/client_a/README.txt
archive/2025-06-10/client_a/june/回答.csv
archive/2025-06-10/client_a/回答.csv
archive/2025-06-10/client_a/報告書.pdf
quarantine/client_b/回答.csv
quarantine/client_b/回答.csv.reason" \
	"the folders' files are moved keeping their folders; the inbox is emptied"
check "the emptied client folders are removed" test ! -e home/inbox/client_a
is "$(q "SELECT company_name FROM responses ORDER BY 1" home/shindan.db)" \
"アルファ
ベータ" "the survey files of the folders are imported"
like "$(cat "$T/out")" \
	"needs a look: not a survey file \(no question column\), not imported: $T/home/archive/2025-06-10/client_a/README.txt" \
	"-q names the README with its absolute path"
like "$(cat "$T/out")" \
	"needs a look: not a survey file, not imported: $T/home/archive/2025-06-10/client_a/報告書.pdf" \
	"and the PDF"
like "$(cat "$T/out")" \
	"needs a look: quarantined $T/home/quarantine/client_b/回答.csv: " \
	"and the quarantined export"
like "$(cat "$T/out")" "  log: $T/home/logs/2025-06-10.log" "and the log"
like "$(cat "$T/out")" "5 files \(2 imported, 0 partial, 0 skipped, 1 rejected, 2 not survey files\)" \
	"the summary line counts them"
done_testing
