# Sourced by the ★★ pack tests (t041N): the run of 2024-03-31 of
# report-fixture.sh with three companies whose plans are worked out by
# hand in the tests.
# shellcheck shell=sh
. "$DATA/report-fixture.sh"

pack_fixture() {
	fixture_begin
	# industry D, shown: Q3 一部 (Part 1), then by D's rates Q20 (0.8),
	# Q23 (0.7), Q9 (0.5)
	response corp:1234567890123 '' 2024-03-10T01:00:00Z 株式会社テスト建設 \
		1234567890123 D 6-20 two "$(codes I 3=P 9=U 20=N 23=P)"
	# industry M, suppressed: peers are all companies
	response id:M1 '' 2024-03-20T03:00:00Z 有限会社みなと食堂 '' M 1-5 one \
		"$(codes I 1=N 2=N 3=N 4=N 5=N 6=P 7=P 8=P 9=P 10=P 11=P \
		12=P 13=P 14=P 15=P 23=U)"
	# a name Excel would run as a formula; Q5 該当しない, Q7 blank
	response id:N1 '' 2024-03-25T03:00:00Z '=HYPERLINK("http://x")' '' \
		G 21-50 none "$(codes I 5=A 7=- 24=N)"
	group D '*' 6 70.5 12.5 0
	group M '*' 2 33.3 4.0 1
	group '*' two 10 80.0 10.0 0
	group '*' one 8 55.5 0 0
	group '*' none 8 55.5 0 0
	group '*' '*' 50 65.0 15.0 0
	hist D '*' 60 2
	qstat D '*' 0.7 3=0.9 9=0.5 20=0.8
	qstat M '*' 0.25
	qstat '*' two 0.85
	qstat '*' '*' 0.6 1=0.95 2=0.9 3=0.45 4=0.8 5=0.3
	fixture_end
}
