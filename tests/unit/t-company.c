/*
 * Unit tests of company identity: 法人番号 validation (published numbers
 * and typos of them), name normalisation and the company key.
 */
#include "company.h"
#include "corpno.h"
#include "tap.h"

static void
test_corpno_valid(void)
{
	/*
	 * Published numbers; check digits worked by hand:
	 * 国税庁 000012050002: 2+5+2+1*2 = 11, 9 - 11 mod 9 = 7;
	 * トヨタ自動車 180301018771: 53, 9 - 8 = 1;
	 * ソニーグループ 010401067252: 40, 9 - 4 = 5.
	 */
	static const struct { const char *in, *want; } cases[] = {
		{ "7000012050002", "7000012050002" },
		{ "1180301018771", "1180301018771" },
		{ "5010401067252", "5010401067252" },
		{ "1-1803-0101-8771", "1180301018771" },
		{ " 1 1803 0101 8771 ", "1180301018771" },
		{ "１１８０３０１０１８７７１", "1180301018771" },
		{ "７０００－０１２０－５０００２", "7000012050002" },
		{ "5010401067252\xe3\x80\x80", "5010401067252" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[14] = "x";
		const char *why = NULL;

		TAP_INT(corpno_parse(cases[i].in, out, &why), 1,
			"corpno '%s' is valid", cases[i].in);
		TAP_STR(out, cases[i].want, "corpno '%s' digits", cases[i].in);
	}
	/* the same three, from their base digits (sample data makes them) */
	TAP_INT(corpno_check_digit("000012050002"), 7, "check digit 国税庁");
	TAP_INT(corpno_check_digit("180301018771"), 1, "check digit トヨタ");
	TAP_INT(corpno_check_digit("010401067252"), 5, "check digit ソニー");
	/* sum 9: the digit is 9, never 0 */
	TAP_INT(corpno_check_digit("000000000009"), 9, "check digit of 9 is 9");
}

static void
test_corpno_invalid(void)
{
	static const struct { const char *in, *why; } cases[] = {
		{ "11803010187712", "13 digits expected, got 14" },
		{ "118030101877", "13 digits expected, got 12" },
		{ "1180-3010-1877", "13 digits expected, got 12" },
		/* first digit changed */
		{ "2180301018771", "check digit is 2, expected 1" },
		/* last digit mistyped: sum 54, 9 - 0 = 9 */
		{ "1180301018772", "check digit is 1, expected 9" },
		/* two digits swapped: 7000012050020 sums to 2*2+5+2+2 = 13 */
		{ "7000012050020", "check digit is 7, expected 5" },
		{ "0000000000000", "check digit is 0, expected 9" },
		{ "118030101877X", "not a number" },
		{ "1.18030E+12", "not a number" },
		{ "なし", "not a number" },
		{ "---", "not a number" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[14];
		const char *why = NULL;

		TAP_INT(corpno_parse(cases[i].in, out, &why), -1,
			"corpno '%s' is rejected", cases[i].in);
		TAP_STR(why, cases[i].why, "corpno '%s' reason", cases[i].in);
	}
}

static void
test_corpno_blank(void)
{
	char out[14];
	const char *why = "unset";

	TAP_INT(corpno_parse("", out, &why), 0, "empty corpno is blank");
	TAP_INT(corpno_parse(" \xe3\x80\x80 ", out, &why), 0,
		"corpno of spaces is blank");
	TAP_STR(why, "unset", "blank corpno leaves no reason");
}

static void
test_names(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "ＡＢＣ商事（株）", "ABC商事株式会社" },
		{ "ABC商事㈱", "ABC商事株式会社" },
		{ "ABC商事 株式会社", "ABC商事株式会社" },
		{ "(株) 山田　商事", "株式会社山田商事" },
		{ "( 株 )山田商事", "株式会社山田商事" },
		{ "㍿山田商事", "株式会社山田商事" },
		{ "（有）田中工務店", "有限会社田中工務店" },
		{ "㈲田中工務店", "有限会社田中工務店" },
		{ "(有)田中工務店", "有限会社田中工務店" },
		{ "(合)ミライ", "合同会社ミライ" },
		{ "（合）ミライ", "合同会社ミライ" },
		{ "  ABC   Trading\tCo.  ", "ABC Trading Co." },
		{ "(株式)ABC", "(株式)ABC" },
		{ "株式会社 ｱｵﾊﾞ商事", "株式会社アオバ商事" },
		{ "㈱ｱｵﾊﾞ商事", "株式会社アオバ商事" },
		{ "ｱｵﾊﾞ商事（ｶ）", "アオバ商事(カ)" },
		{ "\xe2\x80\x8b", "" },
	};
	size_t i;

	char small[5];

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[256];

		company_name_normalise(out, sizeof out, cases[i].in);
		TAP_STR(out, cases[i].want, "name '%s'", cases[i].in);
	}
	TAP_INT(company_name_normalise(small, sizeof small, "山田商事"), 3,
		"a name cut to 4 bytes keeps whole characters");
	TAP_STR(small, "山", "the cut name is the first character");
}

static void
test_keys(void)
{
	char key[256];

	TAP_INT(company_key(key, sizeof key, "1180301018771", "C-001",
			    "トヨタ自動車㈱"), 0, "key with corpno");
	TAP_STR(key, "corp:1180301018771", "corpno wins over id and name");
	TAP_INT(company_key(key, sizeof key, "", " Ｃ－００１ ", "山田商事"), 0,
		"key with id");
	TAP_STR(key, "id:C-001", "id is folded and wins over the name");
	TAP_INT(company_key(key, sizeof key, NULL, "\xe3\x80\x80",
			    "（株）山田商事"), 0, "key with blank id");
	TAP_STR(key, "name:株式会社山田商事", "a blank id falls back to name");
	TAP_INT(company_key(key, sizeof key, NULL, NULL, "㈱山田商事"), 0,
		"key from name only");
	TAP_STR(key, "name:株式会社山田商事", "㈱ and （株） give one key");
	TAP_INT(company_key(key, sizeof key, "", "", "\xe3\x80\x80 "), -1,
		"no key when all three are blank");
	TAP_INT(company_key(key, sizeof key, NULL, NULL, NULL), -1,
		"no key when all three are missing");
}

/* A reading folded for search, as site.js folds what is typed. */
static void
test_readings(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "タナカセイサクショ", "タナカセイサクショ" },
		{ "たなかせいさくしょ", "タナカセイサクショ" },
		{ "ﾀﾅｶｾｲｻｸｼｮ", "タナカセイサクショ" },
		{ "ｶﾌﾞｼｷｶﾞｲｼｬ ﾀﾅｶｾｲｻｸｼｮ", "タナカセイサクショ" },
		{ "かぶしきがいしゃ　たなか", "タナカ" },
		{ "ユウゲンガイシャ・スズキ", "スズキ" },
		{ "ﾀﾅｶｾｲｻｸｼｮ(ｶ", "タナカセイサクショ" },
		{ "カ）タナカ", "タナカ" },
		{ "タナカ（カ）", "タナカ" },
		{ "タナカ（ユ）ショウテン", "タナカショウテン" },
		{ "カイシャ", "カイシャ" },
		{ "スーパーマーケット", "スーパーマーケット" },
		{ "ｷｯﾁﾝ", "キッチン" },
		{ "ゞ", "ヾ" },
		{ "ABC Shoji", "abcshoji" },
		{ "株式会社123", "123" },
		{ "", "" },
	};
	char out[64], small[8];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		company_reading_fold(out, sizeof out, cases[i].in);
		TAP_STR(out, cases[i].want, "reading '%s'", cases[i].in);
	}
	company_reading_fold(small, sizeof small, "タナカ");
	TAP_STR(small, "タナ", "a cut reading keeps whole characters");
}

int
main(void)
{
	test_corpno_valid();
	test_corpno_invalid();
	test_corpno_blank();
	test_names();
	test_keys();
	test_readings();
	return tap_done();
}
