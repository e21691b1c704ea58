#!/bin/sh
# The installed systemd units: shindan-nightly.service is a oneshot run as
# the user shindan, hardened (ProtectSystem=strict, ReadWritePaths= the
# SHINDAN_HOME it sets, PrivateTmp, NoNewPrivileges, UMask=0077), whose
# ExecStart works with the example shindan.conf copied into place;
# shindan-nightly.timer starts it every night, and at boot after a night
# missed (Persistent=true).  systemd-analyze verify finds nothing to say
# about either; it comes with the package systemd (scripts/install-deps)
# and needs no running systemd, so it works in a chroot or a container.
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/lib.sh"
need flock
need make
need systemd-analyze
for tool in "$INGEST" "$AGGREGATE" "$RENDER"; do
	if ! "$tool" --version >/dev/null 2>&1; then
		skip_all "${tool##*/} is not built yet"
	fi
done

# as in t0507: make from inside make check, installing what is built
unset MAKEFLAGS MFLAGS MAKELEVEL
prefix=$T/prefix
run_status make -s -C "$TOP" -o all install PREFIX="$prefix"
is "$status" 0 "make install PREFIX=...: exit 0"
units=$prefix/lib/systemd/system
service=$units/shindan-nightly.service
timer=$units/shindan-nightly.timer

# setting FILE KEY: the values of KEY= in FILE, one a line
setting() {
	sed -n "s/^$2=//p" "$1"
}

is "$(setting "$service" Type)" oneshot "the service is a oneshot"
is "$(setting "$service" User) $(setting "$service" Group)" \
	"shindan shindan" "run as the dedicated user shindan"
home=$(setting "$service" Environment | sed -n 's/^SHINDAN_HOME=//p')
is "$home" /var/lib/shindan "SHINDAN_HOME is /var/lib/shindan"
is "$(setting "$service" ReadWritePaths)" "$home" \
	"ReadWritePaths= is SHINDAN_HOME, the one place it may write"
is "$(setting "$service" StateDirectory)" shindan \
	"systemd creates the home (StateDirectory=)"
is "$(setting "$service" StateDirectoryMode)" 0700 "0700"
is "$(setting "$service" ProtectSystem)" strict "ProtectSystem=strict"
is "$(setting "$service" PrivateTmp)" yes "PrivateTmp=yes"
is "$(setting "$service" NoNewPrivileges)" yes "NoNewPrivileges=yes"
is "$(setting "$service" UMask)" 0077 "UMask=0077"
is "$(setting "$service" ExecStart)" \
	"$prefix/bin/shindan-nightly --config $prefix/etc/shindan.conf" \
	"ExecStart: the installed driver with PREFIX/etc/shindan.conf"
is "$(setting "$service" Documentation)" "man:shindan-nightly(1)" \
	"the service names its manual"
check "which is installed" test -f "$prefix/share/man/man1/shindan-nightly.1"

is "$(setting "$timer" Persistent)" true \
	"the timer is persistent: a night missed runs at boot"
is "$(setting "$timer" OnCalendar)" "*-*-* 02:30:00 Asia/Tokyo" \
	"every night at 02:30 in Japan, the day nightly takes as today"
is "$(setting "$timer" WantedBy)" timers.target "enabled with timers.target"

# ExecStart as the service runs it: SHINDAN_HOME from its environment,
# the configuration where it looks
cmd=$(setting "$service" ExecStart)
run_status env SHINDAN_HOME="$T/state" SHINDAN_TODAY=2024-12-01 $cmd
is "$status" 2 "no shindan.conf copied yet: exit 2"
is "$(cat "$T/err")" "nightly: '$prefix/etc/shindan.conf': cannot read the config file" \
	"and says which file is missing"
mkdir -p "$prefix/etc"
cp "$prefix/share/doc/shindan/shindan.conf" "$prefix/etc/shindan.conf"
run_status env SHINDAN_HOME="$T/state" SHINDAN_TODAY=2024-12-01 $cmd
is "$status" 0 "with the example copied into place: exit 0"
is "$(cat "$T/out")" "nightly: 2024-12-01: no files, no database yet" \
	"the unit's SHINDAN_HOME wins over the file's"
check "everything under it" test -f "$T/state/logs/2024-12-01.log"

# --man=no: man(1) is not among the test's tools; the manual's presence
# is checked above.  verify exits 0 on mere warnings: its output counts.
out=$(cd "$units" && systemd-analyze verify --man=no \
	shindan-nightly.service shindan-nightly.timer 2>&1) && rc=0 || rc=$?
is "$rc $out" "0 " "systemd-analyze verify: both units are clean"

rm -f "$prefix/etc/shindan.conf"
rmdir "$prefix/etc"
run_status make -s -C "$TOP" -o all uninstall PREFIX="$prefix"
is "$(find "$prefix" ! -type d)" "" "make uninstall removes every file"
done_testing
