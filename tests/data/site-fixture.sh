# Sourced by the tests/t030N-render-site-*.sh scripts: site_export FILE
# DATE writes a survey export of SITE_N (default 40) companies answering
# on DATE through ingest's usual columns, with 法人番号 (valid check
# digits) for most, namesakes, kana names and a few わからない, so that the
# site can be checked against the database the real pipeline fills.  A
# few companies have a reading (会社名（フリガナ）): 橋本化成 a different
# spelling each night (full then half-width), テスト08 on night 1 only,
# テスト09 in hiragana.
# shellcheck shell=sh

site_export() {
	awk -v n="${SITE_N:-40}" -v day="$2" -v night="${3:-1}" 'BEGIN {
		printf "回答日時,会社名,会社名（フリガナ）,法人番号,業種,従業員数,"
		printf "SECURITY ACTION"
		for (q = 1; q <= 25; q++)
			printf ",Q%d", q
		printf "\n"
		split("建設,製造業,情報通信業,小売", IND, ",")
		split("3,15,40,80,200,500", EMP, ",")
		split("★★,★,なし,", STAR, ",")
		for (c = 1; c <= n; c++) {
			name = sprintf("株式会社テスト%02d", c)
			if (c == 1) name = "株式会社橋本化成"
			if (c == 2) name = "有限会社サクラ塗装"
			if (c == 3 || c == 4) name = "同名商事株式会社"
			if (c == 5) name = "<b>&\"見出し\"商会</b>"
			kana = ""
			if (c == 1) kana = night == 1 ? \
			    "カブシキガイシャハシモトカセイ" : "ﾊｼﾓﾄｶｾｲ"
			if (c == 8 && night == 1) kana = "テストハチ"
			if (c == 9) kana = "てすときゅう"
			corp = ""
			if (c % 7 != 6) {
				body = "3100" sprintf("%08d", c * 7919)
				s = 0
				for (i = 0; i < 12; i++)
					s += substr(body, 12 - i, 1) * (i % 2 ? 2 : 1)
				corp = (9 - s % 9) body
			}
			# company 6 leaves Q25 blank: incomplete
			# company 7 is the only one in education: n<5
			printf "%s 10:00,%s,%s,%s,%s,%s,%s", day, name, kana, corp,
			    c == 7 ? "教育" : IND[1 + c % 4], EMP[1 + c % 6],
			    STAR[1 + c % 4]
			for (q = 1; q <= 25; q++) {
				v = (c * 7 + q * 3 + night * (c % 3)) % 10
				a = v < 5 ? "実施している" : v < 7 ? "一部実施している" : \
				    v < 9 ? "実施していない" : "わからない"
				if (c == 6 && q == 25) a = ""
				printf ",%s", a
			}
			printf "\n"
		}
	}' >"$1"
}
