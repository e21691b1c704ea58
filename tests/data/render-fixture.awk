# Emit SQL that fills a shindan database with runs as aggregate would:
# run, group_stat, question_stat, score_hist and company, from companies
# drawn by a fixed pseudo-random sequence (same parameters, same SQL).
# It stands in for aggregate in render's tests; medians, percentiles and
# ranks are left simple because render does not draw them.
#
# awk -v n=300 -v inds=ABCDEFG -v runs=2024-03-31,2024-06-30 -v min=5 \
#     -f render-fixture.awk | sqlite3 shindan.db
# Optional: -v stars=two,one,none,unknown -v sizes=1 (0: all "unknown"),
# -v names=long (company names with markup and long Japanese text).
function rnd() {
	seed = (seed * 1103515245 + 12345) % 2147483648
	return seed / 2147483648
}
function q(s) { gsub(/'/, "''", s); return "'" s "'" }
function add(key, c,    k) {
	N[key]++
	S[key] += score[c]
	SS[key] += score[c] * score[c]
	B[key, band(score[c])]++
	H[key, score[c]]++
	for (k = 1; k <= 25; k++)
		A[key, k, substr(ans[c], k, 1)]++
	keys[key] = 1
}
function band(t) { return t >= 100 ? 0 : t >= 70 ? 1 : t >= 50 ? 2 : 3 }
function bandcode(t) {
	return t >= 100 ? "100" : t >= 70 ? "70-99" : t >= 50 ? "50-69" : "<=49"
}
function wilson_hi(x, m,    p, z, den, c) {
	if (m == 0) return 1
	z = 1.96; p = x / m
	den = 1 + z * z / m
	c = p + z * z / (2 * m)
	return (c + z * sqrt(p * (1 - p) / m + z * z / (4 * m * m))) / den
}
BEGIN {
	# the columns of each INSERT (tests/lib.sh's *_COLS)
	gs_cols = "run_id, industry_code, size_class, star_level, n, " \
	    "n_incomplete, mean, sd, median, p25, p75, min, max, band_100, " \
	    "band_70_99, band_50_69, band_le49, part1_mean, part2_mean, " \
	    "part3_mean, suppressed"
	qs_cols = "run_id, industry_code, size_class, star_level, " \
	    "question_no, n, implemented, partial, not_implemented, unknown, " \
	    "na, implemented_rate, mean_points, rank, below_overall"
	sh_cols = "run_id, industry_code, size_class, star_level, score, n"
	co_cols = "company_key, company_name, corporate_number, " \
	    "industry_code, size_class, star_level, submitted_at, answers, " \
	    "n_departments, complete, total_score, band, as_of"
	seed = 42
	if (min == "") min = 5
	if (stars == "") stars = "two,one,none,unknown"
	if (sizes == "") sizes = 1
	ns = split(stars, ST, ",")
	split("1-5,6-20,21-50,51-100,101-300,301+,unknown", SZ, ",")
	nr = split(runs, R, ",")
	ni = length(inds)
	for (k = 1; k <= 25; k++) diff[k] = rnd() * 0.5
	for (c = 1; c <= n; c++) {
		ind[c] = substr(inds, 1 + int(rnd() * ni), 1)
		if (ind[c] == "?") ind[c] = "unknown"
		st[c] = ST[1 + int(rnd() * ns)]
		sz[c] = sizes ? SZ[1 + int(rnd() * 7)] : "unknown"
		skill[c] = rnd() * 0.6 + 0.35 + (st[c] == "two") * 0.15 \
			+ (st[c] == "one") * 0.05
		name[c] = sprintf("株式会社テスト%03d", c)
		if (names == "long" && c % 3 == 0)
			name[c] = sprintf("<b>有限会社\"長い名前&の会社\"</b>第%d" \
				"営業所・関東甲信越地区統括本部", c)
	}
	print "BEGIN;"
	for (r = 1; r <= nr; r++) {
		split("", N); split("", S); split("", SS); split("", B)
		split("", H); split("", A); split("", keys)
		for (c = 1; c <= n; c++) {
			a = ""; t = 0
			for (k = 1; k <= 25; k++) {
				u = rnd()
				p = skill[c] + 0.04 * (r - 1) - diff[k]
				if (u < p) { a = a "I"; t += 4 }
				else if (u < p + 0.2) { a = a "P"; t += 2 }
				else if (u < p + 0.3) { a = a "U"; t -= 1 }
				else if (u < p + 0.33) { a = a "A"; t += 4 }
				else a = a "N"
			}
			ans[c] = a; score[c] = t
			split(ind[c] SUBSEP "*", I1, SUBSEP)
			split(sz[c] SUBSEP "*", Z1, SUBSEP)
			split(st[c] SUBSEP "*", T1, SUBSEP)
			for (i = 1; i <= 2; i++)
				for (j = 1; j <= 2; j++)
					for (l = 1; l <= 2; l++)
						add(I1[i] SUBSEP Z1[j] SUBSEP T1[l], c)
		}
		printf "INSERT INTO run (run_id, as_of, created_at, n_companies, " \
		    "n_incomplete, min_group, na_points) VALUES (%d, '%s', '%sT21:00:00Z', %d, " \
		    "%d, %d, 4);\n", r, R[r], R[r], n, r - 1, min
		all = "*" SUBSEP "*" SUBSEP "*"
		for (key in keys) {
			split(key, K, SUBSEP)
			m = N[key]; mean = S[key] / m
			sd = m > 1 ? sqrt((SS[key] - m * mean * mean) / (m - 1)) : "NULL"
			printf "INSERT INTO group_stat (" gs_cols ") VALUES (%d, %s, %s, %s, %d, 0, " \
			    "%.6f, %s, NULL, NULL, NULL, NULL, NULL, %d, %d, %d, %d, " \
			    "NULL, NULL, NULL, %d);\n", r, q(K[1]), q(K[2]), q(K[3]),
			    m, mean, sd, B[key, 0], B[key, 1], B[key, 2], B[key, 3],
			    m < min
			for (s = -25; s <= 100; s++)
				if (H[key, s])
					printf "INSERT INTO score_hist (" sh_cols ") VALUES (%d, %s, %s, " \
					    "%s, %d, %d);\n", r, q(K[1]), q(K[2]), q(K[3]),
					    s, H[key, s]
			for (k = 1; k <= 25; k++) {
				im = A[key, k, "I"]; na = A[key, k, "A"]
				rate = m - na > 0 ? sprintf("%.6f", im / (m - na)) : "NULL"
				ov = A[all, k, "I"] / (N[all] - A[all, k, "A"])
				below = m - na > 0 && wilson_hi(im, m - na) < ov
				printf "INSERT INTO question_stat (" qs_cols ") VALUES (%d, %s, %s, " \
				    "%s, %d, %d, %d, %d, %d, %d, %d, %s, NULL, %d, %d);\n",
				    r, q(K[1]), q(K[2]), q(K[3]), k, m, im,
				    A[key, k, "P"], A[key, k, "N"], A[key, k, "U"], na,
				    rate, k, below
			}
		}
	}
	for (c = 1; c <= n; c++)
		printf "INSERT INTO company (" co_cols ") VALUES ('id:%d', %s, NULL, %s, %s, " \
		    "%s, '%sT01:00:00Z', %s, 1, 1, %d, %s, '%s');\n", c,
		    q(name[c]), q(ind[c]), q(sz[c]), q(st[c]), R[nr], q(ans[c]),
		    score[c], q(bandcode(score[c])), R[nr]
	print "INSERT INTO file (file_id, path, sha256, bytes, encoding," \
	    " dialect, header_line, status, rows_read, rows_new," \
	    " rows_duplicate, rows_rejected, reason, imported_at)" \
	    " VALUES (1, '/inbox/export-2024.csv', 'ab', 10," \
	    " 'UTF-8', ',', 1, 'imported', " n ", " n ", 0, 0, NULL, " \
	    "'2024-06-30T20:00:00Z');"
	print "COMMIT;"
}
