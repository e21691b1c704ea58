/*
 * The sample's population.  Many companies across all JSIC divisions,
 * sizes and star levels, with names, 法人番号 and departments, some
 * answering again months later, and three whose response ingest must
 * reject.
 *
 * Answers follow a latent-trait model.  Each company has a strength that
 * its industry, size and star level shift; each response varies around
 * it; a question is done (実施 or 一部実施) with probability
 * sigmoid(b_q + SLOPE * strength).  b_q is calibrated at start-up against
 * a fixed population so that the share of done answers matches IPA's 2024
 * survey (../shared/reference/README.md).  The industries, star levels and
 * the 法人番号 check digit are lib/'s, so the sample says what the tools
 * read.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "catalogue.h"
#include "corpno.h"
#include "err.h"
#include "jsic.h"
#include "population.h"
#include "rng.h"
#include "star.h"
#include "when.h"

#define SLOPE 1.1		/* how strongly strength drives answers */
#define CALIB_N 8192		/* companies in the calibration population */

enum form {
	FORM_KK, FORM_KK_POST, FORM_KK_ABBR, FORM_KK_MARK, FORM_YK,
	FORM_YK_ABBR, FORM_GK, FORM_PLAIN, FORM_IRYO, FORM_SHAFUKU,
	FORM_KUMIAI, NFORM
};

/*
 * Share of 実施 or 一部実施 per question: IPA's 2024 SME survey for Q1,
 * Q2 (highest) and Q5, Q24, Q25 (lowest); the others lie in between.
 */
static const double target_done[NQUESTIONS] = {
	0.730, 0.714, 0.640, 0.580, 0.379, 0.650, 0.550, 0.460, 0.570,
	0.520, 0.620, 0.560, 0.480, 0.530, 0.600, 0.500, 0.610, 0.590,
	0.640, 0.470, 0.440, 0.630, 0.450, 0.398, 0.392,
};

/* Of the answers not done: share of 該当しない (no wireless LAN, ...). */
static const double na_odds[NQUESTIONS] = {
	0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.03, 0.05, 0.30, 0.02,
	0.02, 0.02, 0.08, 0.02, 0.03, 0.05, 0.03, 0.02, 0.02, 0.02,
	0.35, 0.04, 0.15, 0.02, 0.02,
};

/* Of the answers not done: share of わからない, by part. */
static const double unknown_odds[NPARTS] = { 0.08, 0.10, 0.18 };

/* Divisions A..T among declarers: many D E I M P R, few B C F S. */
static const double div_weight[JSIC_NDIVISIONS] = {
	1.0, 0.3, 0.2, 14.0, 15.0, 0.3, 6.0, 4.0, 16.0, 1.5,
	4.0, 5.0, 7.0, 4.0, 2.0, 9.0, 0.6, 9.0, 0.2, 0.6,
};

static const double div_effect[JSIC_NDIVISIONS] = {
	-0.30, -0.30, -0.10, -0.15, 0.00, 0.30, 0.45, -0.10, -0.05, 0.60,
	0.05, 0.25, -0.35, -0.25, 0.10, 0.10, 0.20, -0.05, 0.50, -0.20,
};

/* 1-5 26 %, 6-20 27 %, 21-50 20 % (declarer survey 2023), the rest. */
static const double size_weight[NSIZE] = {
	26.0, 27.0, 20.0, 12.0, 9.0, 3.0, 3.0,
};

static const double size_effect[NSIZE] = {
	-0.25, -0.10, 0.00, 0.15, 0.30, 0.45, -0.10,
};

static const int size_lo[NSIZE] = { 1, 6, 21, 51, 101, 301, 0 };

static const int size_hi[NSIZE] = { 5, 20, 50, 100, 300, 1200, 0 };

/* By enum star_level: none, one, two, unknown. */
static const double star_weight[STAR_NLEVELS] = { 2.0, 85.0, 10.0, 3.0 };
static const double star_effect[STAR_NLEVELS] = {
	-0.50, 0.00, 1.00, -0.30,
};

static const char *const surnames[] = {
	"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村",
	"小林", "加藤", "吉田", "山本", "松本", "井上", "木村", "清水",
	"山崎", "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川",
	"岡田", "後藤", "長谷川", "村上", "東洋", "北斗", "大和", "富士",
	"三河", "浪速", "湘南", "信州", "若葉", "青葉", "桜川", "常盤",
	"日の出", "光陽", "旭", "瑞穂", "千代田", "明和", "協和", "昭栄",
	"アルファ", "ミライ", "サクラ", "ヒカリ", "グリーン", "エース",
	"ユニオン", "テクノ",
};
#define NSURNAMES (sizeof surnames / sizeof *surnames)
/* Their readings, in katakana, in the same order. */
static const char *const surname_kana[NSURNAMES] = {
	"ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ",
	"ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマモト", "マツモト",
	"イノウエ", "キムラ", "シミズ", "ヤマザキ", "イケダ", "ハシモト", "アベ",
	"イシカワ", "マエダ", "フジタ", "オガワ", "オカダ", "ゴトウ", "ハセガワ",
	"ムラカミ", "トウヨウ", "ホクト", "ヤマト", "フジ", "ミカワ", "ナニワ",
	"ショウナン", "シンシュウ", "ワカバ", "アオバ", "サクラガワ", "トキワ",
	"ヒノデ", "コウヨウ", "アサヒ", "ミズホ", "チヨダ", "メイワ", "キョウワ",
	"ショウエイ", "アルファ", "ミライ", "サクラ", "ヒカリ", "グリーン",
	"エース", "ユニオン", "テクノ",
};

static const char *const prefectures[] = {
	"札幌", "仙台", "秋田", "山形", "福島", "水戸", "宇都宮", "前橋",
	"大宮", "千葉", "横浜", "新潟", "富山", "金沢", "福井", "甲府",
	"長野", "岐阜", "静岡", "名古屋", "津", "大津", "京都", "神戸",
	"奈良", "和歌山", "鳥取", "松江", "岡山", "広島", "山口", "徳島",
	"高松", "松山", "高知", "福岡", "佐賀", "長崎", "熊本", "大分",
	"宮崎", "鹿児島", "那覇",
};
#define NPREFECTURES (sizeof prefectures / sizeof *prefectures)
static const char *const prefecture_kana[NPREFECTURES] = {
	"サッポロ", "センダイ", "アキタ", "ヤマガタ", "フクシマ", "ミト",
	"ウツノミヤ", "マエバシ", "オオミヤ", "チバ", "ヨコハマ", "ニイガタ",
	"トヤマ", "カナザワ", "フクイ", "コウフ", "ナガノ", "ギフ", "シズオカ",
	"ナゴヤ", "ツ", "オオツ", "キョウト", "コウベ", "ナラ", "ワカヤマ",
	"トットリ", "マツエ", "オカヤマ", "ヒロシマ", "ヤマグチ", "トクシマ",
	"タカマツ", "マツヤマ", "コウチ", "フクオカ", "サガ", "ナガサキ",
	"クマモト", "オオイタ", "ミヤザキ", "カゴシマ", "ナハ",
};

/* Business words by division, NULL-terminated. */
static const char *const words[JSIC_NDIVISIONS][8] = {
	{ "農園", "ファーム", "林業", "園芸", NULL },
	{ "水産", "漁業", "海産", NULL },
	{ "砕石", "鉱業", "砂利", NULL },
	{ "建設", "工務店", "土木", "設備工業", "電設", "塗装", NULL },
	{ "製作所", "工業", "精機", "化成", "金属工業", "食品工業", "印刷",
	  NULL },
	{ "電力", "ガス", "水道設備", NULL },
	{ "システム", "ソフトウェア", "情報サービス", "ネットワークス",
	  "デジタル", NULL },
	{ "運輸", "運送", "物流", "交通", NULL },
	{ "商事", "商店", "物産", "販売", "酒店", "薬局", NULL },
	{ "保険サービス", "ファイナンス", "信用保証", NULL },
	{ "不動産", "地所", "ハウジング", "リース", NULL },
	{ "会計事務所", "設計事務所", "特許事務所", "コンサルティング",
	  "技研", NULL },
	{ "食堂", "フーズ", "旅館", "ホテル", "珈琲店", "寿司", NULL },
	{ "美容室", "クリーニング", "観光", "温泉", "スポーツ", NULL },
	{ "学習塾", "教育センター", "英会話スクール", NULL },
	{ "クリニック", "介護サービス", "歯科", "福祉会", "調剤薬局", NULL },
	{ "農業協同", "事業協同", "商工会", NULL },
	{ "サービス", "ビルメンテナンス", "警備保障", "人材センター",
	  "環境サービス", NULL },
	{ "町役場", "市水道局", "広域事務組合", NULL },
	{ "企画", "総合サービス", NULL },
};

/* Their readings, in the same places. */
static const char *const word_kana[JSIC_NDIVISIONS][8] = {
	{ "ノウエン", "ファーム", "リンギョウ", "エンゲイ", NULL },
	{ "スイサン", "ギョギョウ", "カイサン", NULL },
	{ "サイセキ", "コウギョウ", "ジャリ", NULL },
	{ "ケンセツ", "コウムテン", "ドボク", "セツビコウギョウ", "デンセツ",
	  "トソウ", NULL },
	{ "セイサクショ", "コウギョウ", "セイキ", "カセイ", "キンゾクコウギョウ",
	  "ショクヒンコウギョウ", "インサツ", NULL },
	{ "デンリョク", "ガス", "スイドウセツビ", NULL },
	{ "システム", "ソフトウェア", "ジョウホウサービス", "ネットワークス",
	  "デジタル", NULL },
	{ "ウンユ", "ウンソウ", "ブツリュウ", "コウツウ", NULL },
	{ "ショウジ", "ショウテン", "ブッサン", "ハンバイ", "サケテン",
	  "ヤッキョク", NULL },
	{ "ホケンサービス", "ファイナンス", "シンヨウホショウ", NULL },
	{ "フドウサン", "ジショ", "ハウジング", "リース", NULL },
	{ "カイケイジムショ", "セッケイジムショ", "トッキョジムショ",
	  "コンサルティング", "ギケン", NULL },
	{ "ショクドウ", "フーズ", "リョカン", "ホテル", "コーヒーテン", "スシ",
	  NULL },
	{ "ビヨウシツ", "クリーニング", "カンコウ", "オンセン", "スポーツ",
	  NULL },
	{ "ガクシュウジュク", "キョウイクセンター", "エイカイワスクール", NULL },
	{ "クリニック", "カイゴサービス", "シカ", "フクシカイ",
	  "チョウザイヤッキョク", NULL },
	{ "ノウギョウキョウドウ", "ジギョウキョウドウ", "ショウコウカイ", NULL },
	{ "サービス", "ビルメンテナンス", "ケイビホショウ", "ジンザイセンター",
	  "カンキョウサービス", NULL },
	{ "マチヤクバ", "シスイドウキョク", "コウイキジムクミアイ", NULL },
	{ "キカク", "ソウゴウサービス", NULL },
};

/* Legal forms: weights for most divisions, and the prefix or suffix. */
static const double form_weight[NFORM] = {
	45.0, 20.0, 6.0, 3.0, 12.0, 4.0, 5.0, 5.0, 0.0, 0.0, 0.0,
};
static const char *const form_prefix[NFORM] = {
	"株式会社", "", "（株）", "㈱", "有限会社", "(有)", "合同会社", "",
	"医療法人社団", "社会福祉法人", "",
};
static const char *const form_suffix[NFORM] = {
	"", "株式会社", "", "", "", "", "", "", "", "", "組合",
};

/* The reading of a form, as some write it before the name; "" none. */
static const char *const form_kana[NFORM] = {
	"カブシキガイシャ", "カブシキガイシャ", "カブシキガイシャ",
	"カブシキガイシャ", "ユウゲンガイシャ", "ユウゲンガイシャ",
	"ゴウドウガイシャ", "", "イリョウホウジンシャダン",
	"シャカイフクシホウジン", "",
};

static const char *const dept_names[] = {
	"本社", "営業部", "製造部", "総務部", "東京支店", "大阪支店",
	"名古屋営業所", "第二工場", "物流センター", "店舗事業部",
};
#define NDEPTS (sizeof dept_names / sizeof *dept_names)

static const double shape_weight[NSHAPE_DRAWN] = { 40.0, 25.0, 20.0, 15.0 };

static double calib_b[NQUESTIONS];
static const int first_year = 2024, first_month = 1, first_mday = 9;

static double
sigmoid(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

/* Draw industry, size and star level and the strength they imply. */
static void
company_draw_traits(struct rng *r, struct company *c)
{
	c->division = rng_weighted(r, div_weight, JSIC_NDIVISIONS);
	c->size = rng_weighted(r, size_weight, NSIZE);
	c->star = rng_weighted(r, star_weight, STAR_NLEVELS);
	c->strength = rng_normal(r) + div_effect[c->division] +
		size_effect[c->size] + star_effect[c->star];
}

/*
 * Solve b_q so that the mean of sigmoid(b_q + SLOPE * s) over a fixed
 * population of strengths s equals the target share.  The population has
 * its own seed, so b_q is the same for every --seed and every size: the
 * sample then scatters around the target as a real sample would.
 */
static void
calibrate(void)
{
	static double s[CALIB_N];
	struct rng r;
	struct company c;
	int i, q, it;

	rng_init(&r, 0x5348494e44414eULL);
	for (i = 0; i < CALIB_N; i++) {
		company_draw_traits(&r, &c);
		s[i] = SLOPE * (c.strength + 0.35 * rng_normal(&r));
	}
	for (q = 0; q < NQUESTIONS; q++) {
		double lo = -10, hi = 10;

		for (it = 0; it < 50; it++) {
			double mid = (lo + hi) / 2, sum = 0;

			for (i = 0; i < CALIB_N; i++)
				sum += sigmoid(mid + s[i]);
			if (sum / CALIB_N < target_done[q])
				lo = mid;
			else
				hi = mid;
		}
		calib_b[q] = (lo + hi) / 2;
	}
}

void
answers_draw(char out[NQUESTIONS], double strength, uint64_t useed)
{
	struct rng r;
	int q;

	rng_init(&r, useed);
	for (q = 0; q < NQUESTIONS; q++) {
		double u_done = rng_unit(&r), u_impl = rng_unit(&r);
		double u_kind = rng_unit(&r);
		double p_done = sigmoid(calib_b[q] + SLOPE * strength);
		double p_unknown;

		if (u_done < p_done) {
			out[q] = u_impl < sigmoid(0.4 + strength) ?
				ANS_IMPLEMENTED : ANS_PARTIAL;
			continue;
		}
		p_unknown = unknown_odds[catalogue_question(q + 1)->part - 1];
		if (u_kind < na_odds[q])
			out[q] = ANS_NA;
		else if (u_kind < na_odds[q] + p_unknown)
			out[q] = ANS_UNKNOWN;
		else
			out[q] = ANS_NOT;
	}
}

/*
 * A valid 法人番号 unique to index i: the base digits are an affine
 * permutation of i modulo 10^12 (the multiplier is prime to 10), so no
 * two companies of one sample share a number.
 */
static void
corpno_make(char out[14], long i, uint64_t offset)
{
	const uint64_t mod = 1000000000000ULL;
	uint64_t base = ((uint64_t)i * 6364136223ULL + offset) % mod;

	snprintf(out + 1, 13, "%012llu", (unsigned long long)base);
	out[0] = (char)('0' + corpno_check_digit(out + 1));
}

/* The form of a company's name, by its division. */
static int
form_draw(struct rng *r, int division)
{
	double u = rng_unit(r);

	switch ('A' + division) {
	case 'P':
		if (u < 0.25)
			return FORM_IRYO;
		if (u < 0.40)
			return FORM_SHAFUKU;
		break;
	case 'L':
		if (u < 0.30)
			return FORM_PLAIN;
		break;
	case 'Q':
		return FORM_KUMIAI;
	case 'S':
		return FORM_PLAIN;
	}
	return rng_weighted(r, form_weight, NFORM);
}

/* Name with a form: prefix + root + suffix. */
static void
name_with_form(char *dst, size_t cap, int form, const char *root)
{
	snprintf(dst, cap, "%s%s%s", form_prefix[form], root,
		 form_suffix[form]);
}

/* The form a name normalises to, for telling name-keyed companies apart. */
static int
form_canonical(int form)
{
	switch (form) {
	case FORM_KK_ABBR:
	case FORM_KK_MARK:
		return FORM_KK;
	case FORM_YK_ABBR:
		return FORM_YK;
	default:
		return form;
	}
}

/* A small string set, to keep names of name-keyed companies apart. */
struct nameset {
	char **slot;
	size_t cap;
};

static uint64_t
name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Add s unless present; returns 1 when added, 0 when already there. */
static int
nameset_add(struct nameset *set, const char *s)
{
	size_t i = name_hash(s) & (set->cap - 1);

	while (set->slot[i]) {
		if (strcmp(set->slot[i], s) == 0)
			return 0;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = xstrdup(s);
	return 1;
}

/* Half-width forms of ァ..ヴ (U+30A1..U+30F4), as old systems type them. */
static const char *const halfwidth_kana[] = {
	"ｧ", "ｱ", "ｨ", "ｲ", "ｩ", "ｳ", "ｪ", "ｴ", "ｫ", "ｵ", "ｶ", "ｶﾞ",
	"ｷ", "ｷﾞ", "ｸ", "ｸﾞ", "ｹ", "ｹﾞ", "ｺ", "ｺﾞ", "ｻ", "ｻﾞ", "ｼ",
	"ｼﾞ", "ｽ", "ｽﾞ", "ｾ", "ｾﾞ", "ｿ", "ｿﾞ", "ﾀ", "ﾀﾞ", "ﾁ", "ﾁﾞ",
	"ｯ", "ﾂ", "ﾂﾞ", "ﾃ", "ﾃﾞ", "ﾄ", "ﾄﾞ", "ﾅ", "ﾆ", "ﾇ", "ﾈ", "ﾉ",
	"ﾊ", "ﾊﾞ", "ﾊﾟ", "ﾋ", "ﾋﾞ", "ﾋﾟ", "ﾌ", "ﾌﾞ", "ﾌﾟ", "ﾍ", "ﾍﾞ",
	"ﾍﾟ", "ﾎ", "ﾎﾞ", "ﾎﾟ", "ﾏ", "ﾐ", "ﾑ", "ﾒ", "ﾓ", "ｬ", "ﾔ", "ｭ",
	"ﾕ", "ｮ", "ﾖ", "ﾗ", "ﾘ", "ﾙ", "ﾚ", "ﾛ", "ﾜ", "ﾜ", "ｲ", "ｴ",
	"ｦ", "ﾝ", "ｳﾞ",
};

enum kana_style { KANA_FULL, KANA_HIRA, KANA_HALF };

/* Append katakana src to dst (cap bytes) in style; ー and spaces too. */
static void
kana_append(char *dst, size_t cap, const char *src, enum kana_style style)
{
	size_t n = strlen(dst);
	const unsigned char *p = (const unsigned char *)src;

	while (*p && n + 7 < cap) {
		/* katakana and ー are three bytes: E3 82 A1 .. E3 83 BC; what
		 * is not E3 may be shorter, so its next bytes are not read */
		unsigned cp = p[0] != 0xe3 ? 0 :
			      (unsigned)(p[0] & 0x0f) << 12 |
			      (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);

		if (p[0] != 0xe3 || style == KANA_FULL ||
		    !((cp >= 0x30a1 && cp <= 0x30f4) || cp == 0x30fc)) {
			size_t len = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 :
				     p[0] < 0xf0 ? 3 : 4;

			memcpy(dst + n, p, len);
			n += len;
			p += len;
			continue;
		}
		if (cp == 0x30fc) {
			n += (size_t)snprintf(dst + n, cap - n, "%s",
					      style == KANA_HALF ? "ｰ" : "ー");
		} else if (style == KANA_HALF) {
			n += (size_t)snprintf(dst + n, cap - n, "%s",
					      halfwidth_kana[cp - 0x30a1]);
		} else if (cp <= 0x30f6) {
			cp -= 0x60;	/* hiragana */
			dst[n++] = (char)0xe3;
			dst[n++] = (char)(0x80 | (cp >> 6 & 0x3f));
			dst[n++] = (char)(0x80 | (cp & 0x3f));
		}
		p += 3;
	}
	dst[n] = '\0';
}

/*
 * The company's reading, from the parts of its name (pref may be -1), as
 * its style has it typed: mostly katakana without the legal form; some
 * in hiragana, in half-width kana, or with the form's reading before
 * the name; some leave it blank.  No draw: the style decides, so that
 * every other draw of a seed is as it was.
 */
static void
reading_of(struct company *c, int pref, int sur, int word)
{
	enum kana_style style = c->style % 10 == 4 ? KANA_HIRA :
				c->style % 10 == 7 ? KANA_HALF : KANA_FULL;

	c->reading[0] = '\0';
	if (c->style % 10 == 9)
		return;
	if (c->style % 10 == 2 && *form_kana[c->form]) {
		kana_append(c->reading, sizeof c->reading,
			    form_kana[c->form], style);
		kana_append(c->reading, sizeof c->reading, " ", style);
	}
	if (pref >= 0)
		kana_append(c->reading, sizeof c->reading,
			    prefecture_kana[pref], style);
	kana_append(c->reading, sizeof c->reading, surname_kana[sur], style);
	kana_append(c->reading, sizeof c->reading,
		    word_kana[c->division][word], style);
}

/*
 * Name a company.  Companies without a 法人番号 are known by their name,
 * so their names must differ after normalisation: a clash draws again,
 * then tries a city in front, then a number.
 */
static void
company_name(struct rng *r, struct company *c, struct nameset *used,
	     long index)
{
	const char *const *w = words[c->division];
	char root[128], key[192];
	int nwords = 0, attempt, pref;

	while (w[nwords])
		nwords++;
	for (attempt = 0;; attempt++) {
		int si = rng_range(r, 0, NSURNAMES - 1);
		int wi = rng_range(r, 0, nwords - 1);
		const char *sur = surnames[si], *word = w[wi];

		pref = -1;
		if (attempt < 8) {
			snprintf(root, sizeof root, "%s%s", sur, word);
		} else if (attempt < 40) {
			pref = rng_range(r, 0, NPREFECTURES - 1);
			snprintf(root, sizeof root, "%s%s%s",
				 prefectures[pref], sur, word);
		} else {
			snprintf(root, sizeof root, "%s%s%ld", sur, word,
				 index);
		}
		reading_of(c, pref, si, wi);
		if (attempt >= 40)
			c->reading[0] = '\0';	/* its number has no reading */
		name_with_form(c->name, sizeof c->name, c->form, root);
		if (c->corpno[0] || !used)
			break;
		name_with_form(key, sizeof key, form_canonical(c->form),
			       root);
		if (nameset_add(used, key))
			break;
	}
	/* the second time, some write 株式会社 as (株) or the reverse */
	if (c->form == FORM_KK && rng_unit(r) < 0.5)
		name_with_form(c->name2, sizeof c->name2, FORM_KK_ABBR, root);
	else if (c->form == FORM_KK_ABBR)
		name_with_form(c->name2, sizeof c->name2, FORM_KK, root);
	else
		snprintf(c->name2, sizeof c->name2, "%s", c->name);
}

struct stamp
stamp_of(int day, int secs)
{
	struct stamp t;

	when_civil_from_days(when_days_from_civil(first_year, first_month,
					first_mday) + day,
			&t.y, &t.mo, &t.d);
	t.h = secs / 3600;
	t.mi = secs / 60 % 60;
	t.s = secs % 60;
	return t;
}

/* A working-hours time of day, in seconds. */
static int
draw_secs(struct rng *r)
{
	double h = 13.5 + 2.8 * rng_normal(r);

	if (h < 8)
		h = 8 + rng_unit(r);
	if (h > 21)
		h = 20 + rng_unit(r);
	return (int)(h * 3600);
}

/* A day in [lo, hi), moved off most weekends. */
static int
draw_day(struct rng *r, int lo, int hi)
{
	int day = rng_range(r, lo, hi - 1);
	long dow = (when_days_from_civil(first_year, first_month, first_mday) +
		    day + 4) % 7;	/* 0 = Sunday */

	if (dow == 0 && rng_unit(r) < 0.8 && day + 1 < hi)
		day += 1;
	else if (dow == 6 && rng_unit(r) < 0.8 && day + 2 < hi)
		day += 2;
	return day;
}

static int
response_cmp(const void *a, const void *b)
{
	const struct response *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->secs != y->secs)
		return x->secs < y->secs ? -1 : 1;
	if (x->company != y->company)
		return x->company < y->company ? -1 : 1;
	return (x->dept > y->dept) - (x->dept < y->dept);
}

static struct response *
sample_add(struct sample *s)
{
	if (s->nrs == s->caprs) {
		s->caprs = s->caprs ? s->caprs * 2 : 1024;
		s->rs = xrealloc(s->rs, s->caprs * sizeof *s->rs);
	}
	memset(&s->rs[s->nrs], 0, sizeof *s->rs);
	return &s->rs[s->nrs++];
}

/* Draw everything about company i but its name. */
static void
company_draw(struct rng *r, struct company *c, long i, uint64_t cn_offset)
{
	company_draw_traits(r, c);
	/* the first companies cover every division, so a demo shows all */
	if (i < JSIC_NDIVISIONS) {
		c->strength += div_effect[i] - div_effect[c->division];
		c->division = (int)i;
	}
	c->style = rng_range(r, 0, 99);
	c->shape = rng_weighted(r, shape_weight, NSHAPE_DRAWN);
	if (c->shape == SHAPE_FORMS && i % 4 == 1)
		c->shape = SHAPE_FORMS_ZIP;
	else if (c->shape == SHAPE_EXCEL && i % 3 == 1)
		c->shape = SHAPE_MSFORMS;
	c->form = form_draw(r, c->division);
	c->employees = c->size == SIZE_UNKNOWN ? 0 :
		rng_range(r, size_lo[c->size], size_hi[c->size]);
	/* sole proprietors have no 法人番号; some companies leave it out */
	if (c->form != FORM_PLAIN && rng_unit(r) < 0.9)
		corpno_make(c->corpno, i, cn_offset);
	else
		c->corpno[0] = '\0';
}

/*
 * The company's responses: one per department (2-3 departments for some),
 * and for some single-site companies a better second answer months later.
 */
static void
company_respond(struct rng *r, struct sample *s, long ci)
{
	struct company *c = &s->co[ci];
	int first = draw_day(r, 0, SPAN_DAYS - 1), d;
	double u = rng_unit(r);

	c->ndepts = u < 0.07 ? 2 + (rng_unit(r) < 0.35) : 1;
	for (d = 0; d < c->ndepts; d++) {
		struct response *rs = sample_add(s);
		int k, clash;

		rs->company = (int)ci;
		rs->dept = -1;
		if (c->ndepts > 1) {
			do {
				rs->dept = rng_range(r, 0, NDEPTS - 1);
				for (clash = 0, k = 0; k < d; k++)
					clash |= c->dept[k] == rs->dept;
			} while (clash);
			c->dept[d] = rs->dept;
		}
		rs->day = first + (d == 0 ? 0 : rng_range(r, 1, 10));
		if (rs->day >= SPAN_DAYS)
			rs->day = first;
		rs->secs = draw_secs(r) + d * 61;
		answers_draw(rs->answers,
			     c->strength + 0.35 * rng_normal(r), rng_next(r));
	}
	if (c->ndepts > 1)
		s->ndept_companies++;
	if (c->ndepts == 1 && rng_unit(r) < 0.2) {
		int later = first + rng_range(r, 60, 200);
		const struct response *one = &s->rs[s->nrs - 1];
		double strength = c->strength + 0.3 + 0.4 * rng_unit(r);
		uint64_t useed = rng_next(r);

		if (later < SPAN_DAYS) {
			struct response *rs;
			char keep[NQUESTIONS];
			int q;

			memcpy(keep, one->answers, NQUESTIONS);
			rs = sample_add(s);
			rs->company = (int)ci;
			rs->dept = -1;
			rs->day = later;
			rs->secs = draw_secs(r);
			rs->second = 1;
			answers_draw(rs->answers, strength, useed);
			/* never worse than before on any question */
			for (q = 0; q < NQUESTIONS; q++)
				if (answer_points(keep[q], 4) >
				    answer_points(rs->answers[q], 4))
					rs->answers[q] = keep[q];
			s->nsecond++;
		}
	}
}

/* Three extra companies, each with one response that ingest must reject. */
static void
sample_add_bad(struct rng *r, struct sample *s, uint64_t cn_offset)
{
	static const struct {
		int bad, shape, day;
	} bad[] = {
		{ BAD_TIME, SHAPE_FORMS, 12 },
		{ BAD_ANSWER, SHAPE_EXCEL, 23 },
		{ BAD_CORPNO, SHAPE_MONKEY, 31 },
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		long ci = s->nco++;
		struct company *c = &s->co[ci];
		struct response *rs;

		company_draw(r, c, ci, cn_offset);
		c->bad = bad[i].bad;
		c->shape = bad[i].shape;
		c->form = FORM_KK;
		corpno_make(c->corpno, ci, cn_offset);
		company_name(r, c, NULL, ci);
		c->ndepts = 1;
		rs = sample_add(s);
		rs->company = (int)ci;
		rs->dept = -1;
		rs->day = bad[i].day;
		rs->secs = draw_secs(r);
		answers_draw(rs->answers, c->strength, rng_next(r));
	}
}

void
sample_draw(struct sample *s, struct rng *r, long n, uint64_t cn_offset)
{
	struct nameset used = { 0 };
	long i;

	memset(s, 0, sizeof *s);
	s->co = xcalloc((size_t)n + 3, sizeof *s->co);
	for (used.cap = 64; used.cap < 2 * (size_t)n;)
		used.cap *= 2;
	used.slot = xcalloc(used.cap, sizeof *used.slot);
	for (i = 0; i < n; i++) {
		company_draw(r, &s->co[i], i, cn_offset);
		company_name(r, &s->co[i], &used, i);
		company_respond(r, s, i);
	}
	s->nco = n;
	sample_add_bad(r, s, cn_offset);
	qsort(s->rs, (size_t)s->nrs, sizeof *s->rs, response_cmp);
	for (i = 0; i < (long)used.cap; i++)
		free(used.slot[i]);
	free(used.slot);
}

void
sample_release(struct sample *s)
{
	free(s->co);
	free(s->rs);
}

void
company_draw_plain(struct rng *r, struct company *c, long i,
		   uint64_t cn_offset)
{
	company_draw_traits(r, c);
	c->style = rng_range(r, 0, 99);
	c->employees = c->size == SIZE_UNKNOWN ? 0 :
		rng_range(r, size_lo[c->size], size_hi[c->size]);
	c->form = c->style < 70 ? FORM_KK : FORM_YK;
	corpno_make(c->corpno, i, cn_offset);
	snprintf(c->name, sizeof c->name, "%s%s%s", form_prefix[c->form],
		 surnames[rng_range(r, 0, NSURNAMES - 1)],
		 words[c->division][0]);
}

const char *
dept_name(int dept)
{
	return dept >= 0 && (size_t)dept < NDEPTS ? dept_names[dept] : "";
}

void
legacy_name(char *dst, size_t cap, struct rng *r, int i)
{
	snprintf(dst, cap, "株式会社%s%s",
		 surnames[rng_range(r, 0, NSURNAMES - 1)], words[4][i % 5]);
}

void
population_init(void)
{
	calibrate();
}
