#!/bin/sh
# SHINDAN_MAPS and SHINDAN_ALIASES: a client whose form is reworded is
# quarantined every night without them, and imported with them.  A map of
# the folder is used for an export whose header holds every header the map
# names (its fingerprint); an export that matches no map is read as
# without --map.  ingest --map DIR does the same.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/data/nightly-setup.sh
. "$DATA/nightly-setup.sh"
export SHINDAN_TODAY=2025-06-10

A=$(answers I)
# client A numbers its questions 対策01..; client B writes 設問B-1..
HA="回答日時,貴社名,業態,$(seq -f '対策%02g' 1 25 | paste -sd, -)"
HB="回答日時,会社名,$(seq -f '設問B-%g' 1 25 | paste -sd, -)"
form() {
	printf '%s\n' "$HA" "2025/06/02 10:00,アオバ商事,ITサービス屋,$A" \
		>"$1/clientA_0602.csv"
	printf '%s\n' "$HB" "2025/06/03 10:00,ベータ工業,$A" >"$1/clientB.csv"
}
mkdir -p home/inbox home/maps
form home/inbox
{
	printf '# client A reworded its form in May 2025\n'
	printf '貴社名\tcompany_name\n業態\tindustry\n'
	seq 1 25 | awk '{ printf "対策%02d\tQ%d\n", $1, $1 }'
} >home/maps/clientA.map
seq 1 25 | awk '{ printf "設問B-%d\tQ%d\n", $1, $1 }' >home/maps/clientB.map
# a map naming a header neither export has is used for neither
printf '%s\n' "対策01	Q2" "存在しない列	ignore" >home/maps/stray.map
printf 'ITサービス屋\tG\n' >home/aliases.tsv

run_status env SHINDAN_HOME=home sh "$NIGHTLY" -q
is "$status" 3 "without the settings the reworded forms are quarantined"
is "$(cd home/quarantine && printf '%s ' *.csv)" \
	"clientA_0602.csv clientB.csv " "both of them"

mv home/quarantine/clientA_0602.csv home/quarantine/clientB.csv home/inbox/
printf '%s\n' SHINDAN_MAPS=maps SHINDAN_ALIASES=aliases.tsv >home/shindan.conf
run_status env SHINDAN_HOME=home sh "$NIGHTLY" -q -c home/shindan.conf
is "$status" 0 "with SHINDAN_MAPS and SHINDAN_ALIASES: exit 0"
is "$(cat "$T/out")" "" "and -q says nothing"
is "$(q "SELECT company_name, industry_code, total_score FROM responses
	ORDER BY 1" home/shindan.db)" \
"アオバ商事|G|100
ベータ工業|unknown|100" "each form read with its map, the industry with the alias"

# ingest --map DIR, and an export no map fits
form .
printf '%s\n' "回答日時,会社名,$(seq -f '対策%02g' 1 25 | paste -sd, -)" \
	"2025/06/04 10:00,ガンマ,$A" >clientC.csv
run_status $INGEST -v --db d.db --map home/maps clientA_0602.csv clientB.csv \
	clientC.csv
is "$status" 3 "ingest --map DIR: exit 3 for the export no map fits"
like "$(cat "$T/err")" "clientB.csv: columns read with the map 'home/maps/clientB.map'" \
	"-v names the map chosen by the header"
is "$(q "SELECT path FROM files WHERE status = 'rejected'" d.db)" clientC.csv \
	"client C's header lacks 貴社名 and 業態: no map, rejected"
$INGEST --map home/maps --inspect clientA_0602.csv >insp.txt
like "$(cat insp.txt)" "^map: home/maps/clientA.map$" "--inspect names the map"
like "$(cat insp.txt)" "^column 4: Q1 '対策01'$" "and reads the columns with it"

# a setting that names nothing is a failure, not a silent quarantine
run_status env SHINDAN_HOME=home SHINDAN_MAPS=nomaps sh "$NIGHTLY" -q
is "$status" 1 "a missing SHINDAN_MAPS: exit 1"
like "$(cat "$T/err")" "SHINDAN_MAPS $T/home/nomaps is not a folder" "named"
run_status env SHINDAN_HOME=home SHINDAN_ALIASES=none.tsv sh "$NIGHTLY" -q
is "$status" 1 "a missing SHINDAN_ALIASES: exit 1"
like "$(cat "$T/err")" "SHINDAN_ALIASES $T/home/none.tsv cannot be read" "named"
done_testing
