#!/bin/sh
# Reports are the same bytes however many workers draw them and however
# often they are drawn (the PDF date is the run's as-of day), are private (0600 in
# a 0700 folder), and a company that is not in the run is an error.
. "$(dirname "$0")/lib.sh"
need pdftotext
. "$DATA/report-fixture.sh"

fixture_begin
i=1
while [ $i -le 30 ]; do
	response "id:J$i" '' 2024-03-10T01:00:00Z "ジョブ商事$i" '' D 6-20 one \
		"$(codes I $((i % 25 + 1))=N $((i * 7 % 25 + 1))=U)"
	i=$((i + 1))
done
group D '*' 30 90.0 3.0 0
group '*' '*' 30 90.0 3.0 0
fixture_end

run_status "$RENDER" --db shindan.db --out one -j 1 --company id:J1 \
	--company id:J2 --company id:J3
is "$status" 0 "-j 1 exits 0"
run_status "$RENDER" --db shindan.db --out three -j 3
is "$status" 0 "-j 3 exits 0"
is "$(find three/companies -name '*.pdf' | wc -l | tr -d ' ')" 30 "-j 3 renders all 30"
is "$(find three/companies -name '*.html' | wc -l | tr -d ' ')" 30 "and their 30 pages"
for f in one/companies/*; do
	check "same bytes from 1 and 3 workers: ${f##*/}" \
		cmp -s "$f" "three/companies/${f##*/}"
done
run_status "$RENDER" --db shindan.db --out again -j 2
check "a second run gives the same bytes" diff -r three/companies \
	again/companies
like "$(pdfinfo "$(find three/companies -name '*.pdf' | sort | head -1)")" \
	"CreationDate: +Sat Mar 30 15:00:00 2024" \
	"PDF date is the start of the run's as-of day in JST, not its created_at"
is "$(stat -c %a three/companies)" 700 "companies/ is 0700"
is "$(stat -c %a three/companies/* | sort -u)" 600 "reports are 0600"
is "$(find three -name '.*' | wc -l | tr -d ' ')" 0 "no temporary files left"

run_status "$RENDER" --db shindan.db --out four -j 2 --company id:NOPE \
	--company id:J4
is "$status" 1 "an unknown company fails the run"
like "$(cat "$T/err")" "company 'id:NOPE'" "and is named"
is "$(ls four/companies | wc -l | tr -d ' ')" 1 "the known one is drawn"
done_testing
