# One random night of responses as SQL (tests/data/aggregate-nights.sh):
# input is the current responses "key|department|submitted_at", output
# the INSERTs and UPDATEs.  Variables: seed, night, nnew, nchange, last
# (last: the highest response_id so far).
function pick(s, n) { return substr(s, 1 + int(rand() * n), 1) }
function answers(  a, i) {
	a = ""
	for (i = 0; i < 25; i++)
		a = a (rand() < 0.02 ? "-" : pick("IIIIPPNUA", 9))
	return a
}
function at(day, sec) {
	return sprintf("2024-04-%02dT%02d:%02d:%02dZ", day, int(sec / 3600),
		       int(sec / 60) % 60, sec % 60)
}
function row(key, dept, when, name) {
	next_id++
	printf "INSERT INTO response (response_id, company_key, department," \
	    " submitted_at, company_name, industry_code, size_class," \
	    " star_level, answers, base_score, n_unknown, n_na, n_missing," \
	    " file_id, line) VALUES (%d, '%s', '%s', '%s', '%s', '%s', '%s'," \
	    " '%s', '%s', 0, 0, 0, 0, 1, %d);\n", next_id, key, dept, when,
	    name, ind[int(rand() * 22)], size[int(rand() * 7)],
	    star[int(rand() * 4)], answers(), night
}
BEGIN {
	srand(seed * 1000 + night)
	next_id = last
	split("A B C D E F G H I J K L M N O P Q R S T unknown Z", t, " ")
	for (i = 0; i < 22; i++)
		ind[i] = t[i + 1]
	split("1-5 6-20 21-50 51-100 101-300 301+ unknown", t, " ")
	for (i = 0; i < 7; i++)
		size[i] = t[i + 1]
	split("none one two unknown", t, " ")
	for (i = 0; i < 4; i++)
		star[i] = t[i + 1]
	day = 1 + night		# this night's responses: 2024-04-DAY
}
{ key[n] = $1; dept[n] = $2; when[n] = $3; n++ }
END {
	print "BEGIN;"
	for (i = 0; i < nnew; i++) {
		k = sprintf("co:%d:%d", night, i)
		row(k, "", at(day, int(rand() * 50000)), "社" k)
		if (rand() < 0.3)
			row(k, "工場", at(day, int(rand() * 50000)), "社" k)
	}
	for (i = 0; n > 0 && i < nchange; i++) {
		# later answers of a department, attributes drawn anew
		j = int(rand() * n)
		row(key[j], dept[j], at(day, 50000 + i), "社" key[j])
		# a supersession: the same identity, other answers
		j = int(rand() * n)
		printf "UPDATE response SET superseded = 1 WHERE" \
		    " company_key = '%s' AND department = '%s' AND" \
		    " submitted_at = '%s' AND superseded = 0;\n",
		    key[j], dept[j], when[j]
		row(key[j], dept[j], when[j], "改" key[j])
		# a response withdrawn by hand: no new row says so
		if (i == 0) {
			j = int(rand() * n)
			printf "UPDATE response SET superseded = 1 WHERE" \
			    " company_key = '%s' AND department = '%s' AND" \
			    " submitted_at = '%s';\n", key[j], dept[j], when[j]
		}
		# a department added
		j = int(rand() * n)
		row(key[j], "支店" night, at(day, 51000 + i), "社" key[j])
		# a backfill: a response of March arriving late
		j = int(rand() * n)
		row(key[j], rand() < 0.5 ? dept[j] : "旧" night,
		    sprintf("2024-03-%02dT00:00:00Z", 1 + i % 28), "旧" key[j])
		# a response dated days ahead, counted by a later run
		if (night % 4 == 1 && i == 0) {
			j = int(rand() * n)
			row(key[j], dept[j], at(day + 3, 100 + i), "先" key[j])
		}
	}
	print "COMMIT;"
}
