/*
 * Unit tests of the value recognisers for industry (lib/jsic.c), size
 * (lib/size.c) and star level (lib/star.c): what a cell says and what it
 * must become, including the cells that must stay unknown.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "err.h"
#include "jsic.h"
#include "size.h"
#include "star.h"
#include "tap.h"

/* Division names as in data/jsic.tsv, A..T. */
static const char *const official[JSIC_NDIVISIONS] = {
	"農業，林業", "漁業", "鉱業，採石業，砂利採取業", "建設業", "製造業",
	"電気・ガス・熱供給・水道業", "情報通信業", "運輸業，郵便業",
	"卸売業，小売業", "金融業，保険業", "不動産業，物品賃貸業",
	"学術研究，専門・技術サービス業", "宿泊業，飲食サービス業",
	"生活関連サービス業，娯楽業", "教育，学習支援業", "医療，福祉",
	"複合サービス事業", "サービス業（他に分類されないもの）",
	"公務（他に分類されるものを除く）", "分類不能の産業",
};

/* The first 中分類 code of each division, A..T. */
static const char *const first_code[JSIC_NDIVISIONS] = {
	"01", "03", "05", "06", "09", "33", "37", "42", "50", "62", "68",
	"71", "75", "78", "81", "83", "86", "88", "97", "99",
};

/* What sample data reads of the table: 中分類 ranges and aliases. */
static void
test_division_codes_aliases(void)
{
	const char *a;
	int lo = 0, hi = 0, i, n = 0, bad = 0;
	size_t k;

	TAP_INT(jsic_middle_codes('G', &lo, &hi), 0, "G has 中分類 codes");
	TAP_INT(lo * 100 + hi, 3741, "G's codes are 37-41");
	TAP_INT(jsic_middle_codes('T', &lo, &hi), 0, "T has 中分類 codes");
	TAP_INT(lo * 100 + hi, 9999, "T's codes are 99-99");
	TAP_INT(jsic_middle_codes('U', &lo, &hi), -1, "no codes for U");
	TAP_STR(jsic_alias('G', 0), "IT", "G's first alias as written");
	TAP_STR(jsic_alias('G', 1), "IT・ソフトウェア", "G's second alias");
	TAP_INT(jsic_alias('G', 23) == NULL, 1, "G has 23 aliases");
	TAP_INT(jsic_alias('U', 0) == NULL, 1, "no aliases for U");
	for (i = 0; i < JSIC_NDIVISIONS; i++)
		for (k = 0; (a = jsic_alias('A' + i, k)); k++, n++)
			bad += jsic_classify(a) != 'A' + i;
	TAP_INT(n > 200, 1, "the aliases are all there (%d)", n);
	TAP_INT(bad, 0, "every alias reads as its division");
}

static void
test_divisions(void)
{
	int i;

	for (i = 0; i < JSIC_NDIVISIONS; i++) {
		char letter[2] = { (char)('A' + i), 0 };
		char lower[2] = { (char)('a' + i), 0 };
		char wide[4] = { (char)0xef, (char)0xbc, (char)(0xa1 + i), 0 };

		TAP_INT(jsic_classify(letter), 'A' + i, "letter %s", letter);
		TAP_INT(jsic_classify(lower), 'A' + i, "letter %s", lower);
		TAP_INT(jsic_classify(wide), 'A' + i, "full-width %s", wide);
		TAP_STR(jsic_name('A' + i), official[i], "name of %s", letter);
		TAP_INT(jsic_classify(official[i]), 'A' + i, "name %s",
			official[i]);
		TAP_INT(jsic_classify(jsic_short_name('A' + i)), 'A' + i,
			"short name %s", jsic_short_name('A' + i));
		TAP_INT(jsic_classify(first_code[i]), 'A' + i, "code %s",
			first_code[i]);
	}
	TAP_STR(jsic_short_name('G'), "情報通信業", "short name of G");
	test_division_codes_aliases();
	TAP_STR(jsic_name('U'), "", "no division U");
	TAP_STR(jsic_name(0), "", "no division 0");
}

static void
test_industries(void)
{
	static const struct { const char *in; int want; } cases[] = {
		/* blank, letters with their name */
		{ "", 0 }, { "　", 0 }, { " \xe2\x80\x8b ", 0 },
		{ "G 情報通信業", 'G' }, { "G:情報通信業", 'G' },
		{ "Ｇ　情報通信業", 'G' }, { "G情報通信業", 'G' },
		{ "A 情報通信業", -1 }, { "U", -1 }, { "Z", -1 },
		/* names written other ways, 業 dropped, prefixes */
		{ "卸売業、小売業", 'I' }, { "卸売業・小売業", 'I' },
		{ "卸売業/小売業", 'I' }, { "小売業", 'I' }, { "卸売業", 'I' },
		{ "情報通信", 'G' }, { "情報", 'G' }, { "医療・福祉", 'P' },
		{ "医療福祉", 'P' }, { "宿泊業", 'M' }, { "娯楽業", 'N' },
		{ "学習支援", 'O' }, { "水道", 'F' }, { "ガス", 'F' },
		{ "郵便業", 'H' }, { "複合サービス", 'Q' },
		{ "サービス業(他に分類されないもの)", 'R' },
		{ "製造", 'E' }, { "建設", 'D' },
		/* ambiguous prefixes and lone characters stay unknown */
		{ "サービス", -1 }, { "サービス業", -1 }, { "分類", -1 },
		{ "業", -1 }, { "情", -1 }, { "技術", 'L' },
		/* 中分類 codes */
		{ "01", 'A' }, { "1", 'A' }, { "5", 'C' }, { "05", 'C' },
		{ "08", 'D' }, { "09", 'E' }, { "32", 'E' }, { "33", 'F' },
		{ "39", 'G' }, { "41", 'G' }, { "42", 'H' }, { "61", 'I' },
		{ "62", 'J' }, { "96", 'R' }, { "97", 'S' }, { "98", 'S' },
		{ "99", 'T' }, { "３９", 'G' }, { "0", -1 }, { "00", -1 },
		{ "100", -1 }, { "391", -1 },
		{ "39 情報サービス業", 'G' }, { "39:情報サービス業", 'G' },
		{ "06 建設業", 'D' }, { "E09 食料品製造業", 'E' },
		{ "06 総合工事業", -1 }, { "1. 鉄鋼", -1 }, { "1. 建設業", -1 },
		{ "G39", 'G' }, { "E39", -1 }, { "39 建設業", -1 },
		{ "24時間営業", -1 }, { "Eコマース", -1 },
		/* SPEC's aliases and what consultants meet */
		{ "建設", 'D' }, { "IT・ソフトウェア", 'G' }, { "it", 'G' },
		{ "IT/ソフトウェア", 'G' }, { "小売・卸売", 'I' },
		{ "飲食", 'M' }, { "医療・介護", 'P' }, { "士業", 'L' },
		{ "製造業（金属）", 'E' }, { "製造業(金属)", 'E' },
		{ "製造業（精密機器）", 'E' }, { "建設業（土木）", 'D' },
		{ "サービス業（飲食）", -1 },
		{ "食品製造", 'E' }, { "税理士事務所", 'L' },
		{ "社会保険労務士", 'L' }, { "歯科", 'P' }, { "美容室", 'N' },
		{ "不動産仲介", 'K' }, { "ソフトウェア開発", 'G' },
		{ "Web制作", 'G' }, { "ＷＥＢ制作", 'G' }, { "介護事業", 'P' },
		{ "通信業", 'G' }, { "美容業", 'N' }, { "その他", 'T' },
		/* aliases never match inside a longer cell */
		{ "通信機器製造", -1 }, { "ITコンサル", -1 },
		{ "建設コンサルタント", -1 }, { "保険薬局", -1 },
		{ "通信販売", 'I' }, { "通信販売業", 'I' },
		{ "Real Estate", 'K' }, { "Manufacturing", 'E' },
		{ "実施している", -1 }, { "株式会社テスト", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		TAP_INT(jsic_classify(cases[i].in), cases[i].want,
			"industry '%s'", cases[i].in);
}

/* Every built-in alias must land on its division, not be shadowed. */
static void
test_builtin_aliases(void)
{
	char *buf = xstrdup(embedded_industry_aliases), *line, *save = NULL;
	int n = 0, bad = 0;

	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');

		if (line[0] == '#' || !tab || !strcmp(line, "alias\tdivision"))
			continue;
		*tab = '\0';
		n++;
		if (jsic_classify(line) != tab[1]) {
			printf("# alias '%s' gives %d, want %c\n", line,
			       jsic_classify(line), tab[1]);
			bad++;
		}
	}
	TAP_OK(n > 150, "%d built-in aliases", n);
	TAP_INT(bad, 0, "every built-in alias gives its division");
	free(buf);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		die("%s: cannot create:", path);
	fputs(text, fp);
	fclose(fp);
}

static void
test_user_aliases(void)
{
	char dir[] = "/tmp/t-values.XXXXXX", path[64];

	if (!mkdtemp(dir))
		die("mkdtemp:");
	snprintf(path, sizeof path, "%s/aliases.tsv", dir);

	/* a bad line adds nothing from its file */
	write_file(path, "alias\tdivision\nうどん屋\tM\n珍味\tX\n");
	TAP_INT(jsic_load_aliases(path), -1, "unknown division refused");
	TAP_INT(jsic_classify("うどん屋"), -1,
		"nothing added from a file with a bad line");
	write_file(path, "うどん屋 M\n");
	TAP_INT(jsic_load_aliases(path), -1, "a line without a tab refused");
	write_file(path, "\tM\n");
	TAP_INT(jsic_load_aliases(path), -1, "an empty alias refused");
	snprintf(path, sizeof path, "%s/missing.tsv", dir);
	TAP_INT(jsic_load_aliases(path), -1, "a missing file refused");

	/* users win over built-in aliases and names */
	snprintf(path, sizeof path, "%s/aliases.tsv", dir);
	write_file(path, "\xef\xbb\xbf" "alias\tdivision\r\n"
		   "# our clients\r\n\r\nうどん屋\tm\r\n"
		   "その他\tR\r\nＩＴコンサル\tＬ\r\n");
	TAP_INT(jsic_load_aliases(path), 0, "a good alias file loads");
	TAP_INT(jsic_classify("うどん屋"), 'M', "user alias うどん屋 is M");
	TAP_INT(jsic_classify("その他"), 'R', "user alias wins over built-in");
	TAP_INT(jsic_classify("ITコンサル"), 'L', "full-width user alias");
	TAP_INT(jsic_classify("建設"), 'D', "built-in aliases still work");
	unlink(path);
	rmdir(dir);
}

static void
test_sizes(void)
{
	static const struct { const char *in; const char *want; } cases[] = {
		/* every class boundary */
		{ "1", "1-5" }, { "5", "1-5" }, { "6", "6-20" },
		{ "20", "6-20" }, { "21", "21-50" }, { "50", "21-50" },
		{ "51", "51-100" }, { "100", "51-100" }, { "101", "101-300" },
		{ "300", "101-300" }, { "301", "301+" }, { "5000", "301+" },
		/* numbers as people write them */
		{ "15", "6-20" }, { "15人", "6-20" }, { "約15名", "6-20" },
		{ "１５名", "6-20" }, { "1,200", "301+" },
		{ "1,200人", "301+" },
		{ "15人程度", "6-20" }, { "15.0", "6-20" }, { "5.4", "1-5" },
		{ "5.5", "6-20" }, { " 15 人 ", "6-20" },
		/* bands */
		{ "6〜20人", "6-20" }, { "6～20人", "6-20" },
		{ "6-20", "6-20" },
		{ "6−20人", "6-20" }, { "6人〜20人", "6-20" },
		{ "21-50人", "21-50" }, { "21～50名", "21-50" },
		{ "51～100人", "51-100" }, { "101〜300人", "101-300" },
		{ "1〜5名", "1-5" }, { "〜5人", "1-5" }, { "～5人", "1-5" },
		{ "0〜5人", "1-5" }, { "5人以下", "1-5" }, { "6人未満", "1-5" },
		{ "301人以上", "301+" }, { "300名超", "301+" },
		{ "301+", "301+" },
		{ "301〜", "301+" }, { "6人以上20人以下", "6-20" },
		{ "5人超20人以下", "6-20" }, { "21人以上51人未満", "21-50" },
		{ "6から20人", "6-20" },
		/* bands that straddle classes, and nonsense */
		{ "300人以上", "unknown" }, { "10〜30人", "unknown" },
		{ "20人以下", "unknown" }, { "5人以上20人未満", "unknown" },
		{ "1-300", "unknown" }, { "20-6", "unknown" },
		{ "0", "unknown" }, { "0人", "unknown" }, { "", "unknown" },
		{ "　", "unknown" }, { "不明", "unknown" },
		{ "多数", "unknown" },
		{ "-5", "unknown" }, { "1,20", "unknown" },
		{ "12,3456", "unknown" }, { "15人くらいかな", "unknown" },
		{ "99999999999", "unknown" }, { "6〜", "unknown" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		TAP_STR(size_classify(cases[i].in), cases[i].want,
			"employees '%s'", cases[i].in);
}

static void
test_stars(void)
{
	static const struct { const char *in; const char *want; } cases[] = {
		{ "★★", "two" }, { "☆☆", "two" }, { "二つ星", "two" },
		{ "2つ星", "two" }, { "２つ星", "two" }, { "★★二つ星", "two" },
		{ "★★ 二つ星", "two" }, { "★★（二つ星）", "two" },
		{ "二つ星宣言", "two" }, { "二つ星（★★）", "two" }, { "2", "two" }, { "２", "two" },
		{ "two", "two" }, { "Two", "two" },
		{ "SECURITY ACTION ★★", "two" },
		{ "★", "one" }, { "☆", "one" }, { "一つ星", "one" },
		{ "1つ星", "one" }, { "★一つ星", "one" }, { "★ 一つ星", "one" },
		{ "1", "one" }, { "one", "one" }, { "一つ星宣言", "one" },
		{ "なし", "none" }, { "未宣言", "none" },
		{ "宣言していない", "none" }, { "0", "none" },
		{ "none", "none" }, { "NONE", "none" },
		{ "", "unknown" }, { "　", "unknown" }, { "不明", "unknown" },
		{ "わからない", "unknown" }, { "分からない", "unknown" },
		{ "★★★", NULL }, { "3", NULL }, { "三つ星", NULL },
		{ "★☆", NULL }, { "★二つ星", NULL }, { "★★一つ星", NULL },
		{ "一つ星★★", NULL }, { "二つ星★★★", NULL },
		{ "なし宣言", NULL }, { "-1", NULL }, { "はい", NULL },
		{ "SECURITY ACTION", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *level = NULL, *why = NULL;
		int rc = star_parse(cases[i].in, &level, &why);

		if (cases[i].want) {
			TAP_INT(rc, 0, "star '%s' is accepted", cases[i].in);
			TAP_STR(level, cases[i].want, "star '%s'",
				cases[i].in);
		} else {
			TAP_INT(rc, -1, "star '%s' is refused", cases[i].in);
			TAP_STR(why, "unrecognised star level",
				"star '%s' says why", cases[i].in);
		}
	}
	TAP_STR(star_label("two"), "★★ 二つ星", "label of two");
	TAP_STR(star_label("one"), "★ 一つ星", "label of one");
	TAP_STR(star_label("none"), "宣言なし", "label of none");
	TAP_STR(star_label("unknown"), "不明", "label of unknown");
	TAP_STR(star_label("three"), "", "no label for three");
}

/* What we print must read back as itself. */
static void
test_round_trips(void)
{
	static const char *const levels[] = { "two", "one", "none",
					      "unknown" };
	static const int numbers[] = { STAR_TWO, STAR_ONE, STAR_NONE,
				       STAR_UNKNOWN };
	size_t i;

	for (i = 0; i < SIZE_NCLASSES; i++)
		TAP_STR(size_classify(size_classes[i]), size_classes[i],
			"class label '%s' reads as itself", size_classes[i]);
	for (i = 0; i < sizeof levels / sizeof *levels; i++) {
		const char *level = NULL, *why = NULL;

		TAP_STR(star_level_name(numbers[i]), levels[i],
			"level number of '%s'", levels[i]);
		star_parse(star_label(levels[i]), &level, &why);
		TAP_STR(level, levels[i], "label '%s' reads back as %s",
			star_label(levels[i]), levels[i]);
		level = NULL;
		star_parse(levels[i], &level, &why);
		TAP_STR(level, levels[i], "level '%s' reads as itself",
			levels[i]);
	}
	TAP_STR(star_level_name(STAR_NLEVELS), "", "no level beyond unknown");
}

/*
 * Random cells from pieces of real values and junk (deterministic
 * xorshift): every answer must be one the callers handle, and a refused
 * star level must say why.  Under SANITIZE=1 this hunts overreads.
 */
static void
test_random(void)
{
	static const char *const pieces[] = {
		"1", "5", "20", "300", ",", "000", ".", "-", "〜", "～", "人",
		"名", "以上", "以下", "超", "未満", "約", "程度", " ", "　",
		"★", "☆", "二つ星", "宣言", "なし", "G", "Ｅ", "39", "情報",
		"業", "サービス", "（", "）", "(", ")", "、", "・", "IT", ":",
		"\xe3\x80", "\xff", "\xef\xbb\xbf", "製造", "通信",
	};
	uint32_t x = 88172645u;
	int i, j, bad_jsic = 0, bad_size = 0, bad_star = 0;

	for (i = 0; i < 100000; i++) {
		char cell[300] = "";
		const char *level = NULL, *why = NULL, *size;
		int n, d, k, rc;

		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		n = 1 + (int)(x % 10);
		for (j = 0; j < n; j++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			strcat(cell, pieces[x % (sizeof pieces /
						 sizeof *pieces)]);
		}
		d = jsic_classify(cell);
		bad_jsic += !(d == -1 || d == 0 || (d >= 'A' && d <= 'T'));
		size = size_classify(cell);
		for (k = 0; k < SIZE_NCLASSES; k++)
			if (!strcmp(size, size_classes[k]))
				break;
		bad_size += k == SIZE_NCLASSES && strcmp(size, "unknown");
		rc = star_parse(cell, &level, &why);
		bad_star += rc == 0 ? !*star_label(level) :
			    (why == NULL || rc != -1);
	}
	TAP_INT(bad_jsic, 0, "random industry cells give -1, 0 or A-T");
	TAP_INT(bad_size, 0, "random employee cells give a class or unknown");
	TAP_INT(bad_star, 0, "random star cells give a level or a reason");
}

int
main(void)
{
	/* whole lines, so that expected errors on stderr never split one */
	setvbuf(stdout, NULL, _IOLBF, 0);
	err_setprog("t-values");
	test_divisions();
	test_industries();
	test_builtin_aliases();
	test_user_aliases();
	test_sizes();
	test_stars();
	test_round_trips();
	test_random();
	return tap_done();
}
