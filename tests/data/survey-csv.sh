# Sourced by tests that feed ingest or the nightly a survey export.
# shellcheck shell=sh

# survey_csv FILE "DATE TIME,N[,Q=LABEL...]" ...: an export with one
# response of 株式会社テストN (製造業, 30 employees, ★) per argument,
# every question 実施している but those listed as Q=LABEL.
survey_csv() {
	f=$1
	shift
	{
		printf '回答日時,会社名,業種,従業員数,SECURITY ACTION'
		q=1
		while [ $q -le 25 ]; do
			printf ',Q%d' $q
			q=$((q + 1))
		done
		printf '\n'
		for r in "$@"; do
			when=${r%%,*}
			r=${r#*,}
			n=${r%%,*}
			ans=
			[ "$r" != "$n" ] && ans=$(printf '%s' "${r#*,}" | tr ',' ' ')
			printf '%s,株式会社テスト%s,製造業,30,★' "$when" "$n"
			q=1
			while [ $q -le 25 ]; do
				a=実施している
				for x in $ans; do
					[ "${x%%=*}" = $q ] && a=${x#*=}
				done
				printf ',%s' "$a"
				q=$((q + 1))
			done
			printf '\n'
		done
	} >"$f"
}
