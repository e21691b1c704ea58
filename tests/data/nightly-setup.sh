# Sourced by the nightly tests (tests/t05NN-nightly-*.sh, t0414) after
# lib.sh: what every one of them needs before its first night, and the
# exports and the night they share.
# shellcheck shell=sh

need flock
need sqlite3
NIGHTLY=$TOP/scripts/nightly
# make check builds the tools first: one missing is a failure, not a skip
for tool in "$INGEST" "$AGGREGATE" "$RENDER"; do
	if ! $tool --version >/dev/null 2>&1; then
		not_ok "${tool##*/} is built (make)"
		done_testing
		exit 1
	fi
done

# export_csv FILE "DATE TIME,N" ...: one response of 株式会社テストN per
# argument, at that JST time, 製造業, 30 people, ★★; question q of
# company n is 実施していない where the awk condition $NOT holds (default
# never), else 実施している
export_csv() {
	f=$1
	shift
	printf '%s\n' "$@" | awk -F, '
	NR == 1 {
		printf "回答日時,会社名,業種,従業員数,SECURITY ACTION"
		for (q = 1; q <= 25; q++) printf ",Q%d", q
		printf "\n"
	}
	{
		n = $2
		printf "%s,株式会社テスト%s,製造業,30,★★", $1, n
		for (q = 1; q <= 25; q++)
			printf ",%s", ('"${NOT:-0}"') ? "実施していない" : \
			    "実施している"
		printf "\n"
	}' >"$f"
}

# night [VAR=VALUE...]: one night of SHINDAN_HOME=home with those settings
night() {
	run_status env SHINDAN_HOME=home "$@" sh "$NIGHTLY"
}
