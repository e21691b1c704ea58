#!/bin/sh
# Every man page is clean mdoc (groff prints nothing with all warnings on)
# and documents EXIT STATUS; nightly's manual and example shindan.conf
# show every SHINDAN_* setting it reads; every shell script passes shellcheck.
. "$(dirname "$0")/lib.sh"
need groff
need shellcheck

for m in "$TOP"/ingest/ingest.1 "$TOP"/aggregate/aggregate.1 \
	 "$TOP"/render/render.1 "$TOP"/scripts/nightly.1; do
	name=${m#"$TOP"/}
	if [ ! -f "$m" ]; then
		not_ok "$name exists"
		continue
	fi
	is "$(groff -k -Tutf8 -mandoc -ww -z "$m" 2>&1)" "" "$name lints clean"
	like "$(cat "$m")" "^\.Sh EXIT STATUS" "$name documents the exit statuses"
done

for s in "$TOP"/scripts/install-deps "$TOP"/scripts/nightly \
	 "$TOP"/scripts/demo "$TOP"/scripts/bench "$TOP"/scripts/fuzz \
	 "$TOP"/scripts/embed-data "$TOP"/scripts/embed-site \
	 "$TOP"/scripts/bench-site "$TOP"/scripts/bench-pool \
	 "$TOP"/scripts/bench-night \
	 "$TOP"/.ci/run "$TOP"/tests/run; do
	[ -f "$s" ] || continue
	out=$(LC_ALL=C.UTF-8 shellcheck -s sh "$s" 2>&1) || true
	is "$out" "" "shellcheck ${s#"$TOP"/}"
done
# tests: $INGEST and friends split on purpose (VALGRIND=...), and
# status and the fixture variables come from the sourced lib.sh
for s in "$TOP"/tests/lib.sh "$TOP"/tests/t*.sh; do
	out=$(LC_ALL=C.UTF-8 shellcheck -s sh -S warning -e SC1091,SC2034,SC2154 \
	      "$s" 2>&1) || true
	is "$out" "" "shellcheck ${s#"$TOP"/}"
done

# every setting the driver reads is in its manual and its example file
keys=$(sed -n '/^keys="/,/"$/p' "$TOP"/scripts/nightly | tr -d '"' |
	sed 's/^keys=//' | tr ' ' '\n' | grep -E '^SHINDAN_[A-Z_]+$')
check "nightly's list of keys is found" \
	test "$(printf '%s\n' "$keys" | wc -l)" -ge 13
for key in $keys; do
	like "$(cat "$TOP"/scripts/nightly.1)" "^\.It Ev $key\$" \
		"nightly.1 documents $key"
	like "$(cat "$TOP"/scripts/shindan.conf)" "^#?$key=" \
		"shindan.conf shows $key"
done
done_testing
