#!/bin/sh
# The score of every response in a directory of mixed files: UTF-8,
# UTF-8 with BOM and CRLF, CP932, UTF-16LE TSV, gzip and CR line ends.
# Totals are computed by hand: I=4 P=2 N=0 U=-1 A(該当しない)=4.
. "$(dirname "$0")/lib.sh"

mkdir d
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,アルファ株式会社,$(answers IIIIIIIIIIIIIIIIIIIIIIIII)"
	echo "2024/01/15 11:00:00,ベータ,$(answers IIIIIPPPPPNNNNNUUUUUAAAAA)"
} >d/a.csv
{
	printf '\357\273\277'
	printf '%s\r\n' "タイムスタンプ,会社名,$(qcols 'Q%02d')"
	printf '%s\r\n' "2024/1/5 9:03,ガンマ,$(answers PPPPPPPPPPPPPPPPPPPPPPPPP)"
} >d/b.csv
{
	echo "回答日時,会社名,$(qcols '問%d')"
	echo "2024-01-15,髙橋①商店,$(answers NNNNNNNNNNNNNNNNNNNNNNNNU)"
} | iconv -f UTF-8 -t CP932 >d/c.csv
{
	printf '%s\n' "回答日時	会社名	$(SEP='	' qcols '設問%d')"
	printf '%s\n' "2024-01-15T10:00:00+09:00	イプシロン	$(SEP='	' answers IIIIIIIIIIIIIIIIIIIIPPPPP)"
} | iconv -f UTF-8 -t UTF-16 >d/d.tsv
{
	echo "回答日時,会社名,$(qcols)"
	echo "2024/01/15 10:00:00,ゼータ,$(answers UUUUUUUUUUUUUUUUUUUUUUUUU)"
} | gzip >d/e.csv.gz
{
	printf '%s\r' "回答日時,会社名,$(qcols)"
	printf '%s\r' "2024/01/15 10:00:00,エータ,$(answers IIIIIIIIIIIIIIIIIIIIIIII-)"
} >d/f.csv
echo 'not an export' >d/notes.md

run_status $INGEST d
is "$status" 0 "a directory of mixed files is accepted (exit 0)"
is "$(q "SELECT company_name, total_score, complete FROM responses
	ORDER BY company_name")" \
"アルファ株式会社|100|1
イプシロン|90|1
エータ||0
ガンマ|50|1
ゼータ|-25|1
ベータ|45|1
髙橋①商店|-1|1" "every response has its hand-computed score"
is "$(q "SELECT substr(path, 3), encoding, dialect, status, rows_read,
	rows_new FROM files ORDER BY path")" \
"a.csv|UTF-8|comma|imported|2|2
b.csv|UTF-8 BOM|comma|imported|1|1
c.csv|CP932|comma|imported|1|1
d.tsv|UTF-16LE|tab|imported|1|1
e.csv.gz|UTF-8|comma|imported|1|1
f.csv|UTF-8|comma|imported|1|1" "encodings and dialects detected, files in name order"
is "$(q "SELECT count(*) FROM files WHERE path LIKE '%notes.md'")" 0 \
	"files other than csv, tsv, txt and gz are not read"
is "$(q "SELECT submitted_at FROM responses WHERE company_name = 'ガンマ'")" \
	"2024-01-05T00:03:00Z" "YYYY/M/D H:MM is JST, stored as UTC"
is "$(q "SELECT submitted_at FROM responses WHERE company_name = '髙橋①商店'")" \
	"2024-01-14T15:00:00Z" "a date alone is JST midnight"
is "$(q "SELECT question_no, answer, points FROM answers a JOIN responses r
	USING (response_id) WHERE company_name = 'ベータ' AND question_no IN
	(1, 6, 11, 16, 21)")" \
"1|implemented|4
6|partial|2
11|not_implemented|0
16|unknown|-1
21|na|4" "the answers view gives each answer's code and points"
is "$(q "SELECT count(*), sum(answer IS NULL) FROM answers JOIN responses
	USING (response_id) WHERE company_name = 'エータ'")" "25|1" \
	"a blank answer is stored as missing"
is "$(q "SELECT n_unknown, n_na FROM responses WHERE company_name = 'ベータ'")" \
	"5|5" "わからない and 該当しない are counted"
done_testing
