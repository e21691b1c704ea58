/*
 * gen-sample: a realistic, deterministic sample of survey exports, so that
 * `make demo`, the tests and the benchmark have data that looks like what
 * a consultant receives: many companies across all JSIC divisions, several
 * export shapes and encodings (Google Forms, Excel CP932, SurveyMonkey, a
 * gzip'ed sheet), departments, companies answering again months later,
 * cumulative daily exports, a few bad rows and one bad file.
 *
 * Answers follow a latent-trait model.  Each company has a strength that
 * its industry, size and star level shift; each response varies around
 * it; a question is done (実施 or 一部実施) with probability
 * sigmoid(b_q + SLOPE * strength).  b_q is calibrated at start-up against
 * a fixed population so that the share of done answers matches IPA's 2024
 * survey (../shared/reference/README.md).  Every draw comes from one
 * xoshiro256** stream seeded by --seed: a seed always gives the same bytes.
 */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include <zip.h>

#include "answer.h"
#include "catalogue.h"
#include "when.h"
#include "embedded.h"
#include "err.h"
#include "num.h"
#include "xlsxw.h"

#define NDIV 20
#define NSIZE 7			/* six classes and unknown */
#define SIZE_UNKNOWN 6
#define SPAN_DAYS 300		/* first to last submission */
#define SLOPE 1.1		/* how strongly strength drives answers */
#define CALIB_N 8192		/* companies in the calibration population */

enum star { STAR_NONE, STAR_ONE, STAR_TWO, STAR_UNKNOWN, NSTAR };
/*
 * The first NSHAPE_DRAWN shapes are drawn at random; the two after them
 * take some companies of Google Forms and of the Excel sheet by their
 * number, without a draw, so that adding them left every other draw of
 * a seed as it was.
 */
enum shape {
	SHAPE_FORMS, SHAPE_EXCEL, SHAPE_MONKEY, SHAPE_SHEET, NSHAPE_DRAWN,
	SHAPE_MSFORMS = NSHAPE_DRAWN, SHAPE_FORMS_ZIP, NSHAPE
};
enum bad { BAD_NONE, BAD_ANSWER, BAD_CORPNO, BAD_TIME };
enum form {
	FORM_KK, FORM_KK_POST, FORM_KK_ABBR, FORM_KK_MARK, FORM_YK,
	FORM_YK_ABBR, FORM_GK, FORM_PLAIN, FORM_IRYO, FORM_SHAFUKU,
	FORM_KUMIAI, NFORM
};

struct gen_opts {
	long companies;
	long seed;
	long days;
	long bench;		/* > 0: write this many rows to stdout */
	const char *outdir;
};

struct rng {
	uint64_t s[4];
};

struct division {
	char letter;
	const char *name;
	const char *short_name;
	int mid_lo, mid_hi;
	const char *alias[8];
	int naliases;
};

struct company {
	int shape, division, size, star, employees, form, style;
	int ndepts, dept[3];
	int bad;
	char corpno[14];
	char name[192];
	char name2[192];	/* how it writes its name the second time */
	double strength;
};

struct response {
	int company;
	int dept;		/* index into dept_names, -1 for none */
	int day;		/* days after the first day of the sample */
	int secs;		/* seconds into that day, JST */
	int second;		/* the company answering again */
	char answers[NQUESTIONS];
};

struct buf {
	char *p;
	size_t len, cap;
};

/*
 * A CSV row being written: cells separated, quoted as the shape does; or,
 * when x is set, a workbook's row, its cells collected until row_end().
 */
struct row {
	struct buf *b;
	int quote_all;
	int ncells;
	const char *eol;
	struct xlsxw *x;
	char **cells;
	size_t cap;
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
static const double div_weight[NDIV] = {
	1.0, 0.3, 0.2, 14.0, 15.0, 0.3, 6.0, 4.0, 16.0, 1.5,
	4.0, 5.0, 7.0, 4.0, 2.0, 9.0, 0.6, 9.0, 0.2, 0.6,
};
static const double div_effect[NDIV] = {
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
static const char *const size_band[NSIZE] = {
	"1〜5人", "6〜20人", "21〜50人", "51〜100人", "101〜300人",
	"301人以上", "",
};

static const double star_weight[NSTAR] = { 2.0, 85.0, 10.0, 3.0 };
static const double star_effect[NSTAR] = { -0.50, 0.00, 1.00, -0.30 };

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

static const char *const prefectures[] = {
	"札幌", "仙台", "秋田", "山形", "福島", "水戸", "宇都宮", "前橋",
	"大宮", "千葉", "横浜", "新潟", "富山", "金沢", "福井", "甲府",
	"長野", "岐阜", "静岡", "名古屋", "津", "大津", "京都", "神戸",
	"奈良", "和歌山", "鳥取", "松江", "岡山", "広島", "山口", "徳島",
	"高松", "松山", "高知", "福岡", "佐賀", "長崎", "熊本", "大分",
	"宮崎", "鹿児島", "那覇",
};
#define NPREFECTURES (sizeof prefectures / sizeof *prefectures)

/* Business words by division, NULL-terminated. */
static const char *const words[NDIV][8] = {
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

static const char *const dept_names[] = {
	"本社", "営業部", "製造部", "総務部", "東京支店", "大阪支店",
	"名古屋営業所", "第二工場", "物流センター", "店舗事業部",
};
#define NDEPTS (sizeof dept_names / sizeof *dept_names)

static const char *const shape_name[NSHAPE] = {
	"Google Forms", "Excel CP932", "SurveyMonkey", "sheet .csv.gz",
	"Microsoft Forms .xlsx", "Google Forms .zip",
};
static const double shape_weight[NSHAPE_DRAWN] = { 40.0, 25.0, 20.0, 15.0 };

static struct division divisions[NDIV];
/* the parsed copies of the TSV files the division strings point into */
static char *jsic_text, *alias_text;
static double calib_b[NQUESTIONS];
static const int first_year = 2024, first_month = 1, first_mday = 9;

/* splitmix64: expands one seed into the generator's state. */
static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_init(struct rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** by Blackman and Vigna. */
static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, 1). */
static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [lo, hi]. */
static int
rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_unit(r) * (hi - lo + 1));
}

/* Standard normal (Box-Muller, one of the pair). */
static double
rng_normal(struct rng *r)
{
	double u1 = 1.0 - rng_unit(r), u2 = rng_unit(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* Index drawn with the given weights. */
static int
rng_weighted(struct rng *r, const double *w, int n)
{
	double total = 0, x;
	int i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = rng_unit(r) * total;
	for (i = 0; i < n - 1; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

static double
sigmoid(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2 + 4096;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
row_cell(struct row *w, const char *s)
{
	const char *p;

	if (w->x) {
		if ((size_t)w->ncells == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 64;
			w->cells = xrealloc(w->cells, w->cap * sizeof *w->cells);
		}
		w->cells[w->ncells++] = xstrdup(s);
		return;
	}
	if (w->ncells++ > 0)
		buf_add(w->b, ",", 1);
	if (!w->quote_all && !s[strcspn(s, ",\"\r\n")]) {
		buf_puts(w->b, s);
		return;
	}
	buf_add(w->b, "\"", 1);
	for (p = s; *p; p++) {
		if (*p == '"')
			buf_add(w->b, "\"", 1);
		buf_add(w->b, p, 1);
	}
	buf_add(w->b, "\"", 1);
}

static void
row_end(struct row *w)
{
	if (w->x) {
		int i;

		if (xlsxw_row(w->x, w->cells, (size_t)w->ncells))
			die("cannot write a workbook row");
		for (i = 0; i < w->ncells; i++)
			free(w->cells[i]);
		w->ncells = 0;
		return;
	}
	buf_puts(w->b, w->eol);
	w->ncells = 0;
}

/* Split the next tab-separated field off *p, in place. */
static char *
tsv_field(char **p)
{
	char *s = *p, *e = s + strcspn(s, "\t\n");

	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

/*
 * Read the division names and middle codes from data/jsic.tsv and the
 * aliases from data/industry_aliases.tsv, both compiled into the library,
 * so the sample writes industries the way the tools know them.
 */
static void
divisions_load(void)
{
	char *p, *line, *f;
	int n = 0;

	jsic_text = xstrdup(embedded_jsic);
	p = strchr(jsic_text, '\n') + 1;
	while (*p && n < NDIV) {
		struct division *d = &divisions[n];
		char *end = strchr(p, '\n');

		line = p;
		p = end ? end + 1 : p + strlen(p);
		if (end)
			*end = '\0';
		d->letter = *tsv_field(&line);
		d->name = tsv_field(&line);
		d->short_name = tsv_field(&line);
		f = tsv_field(&line);
		if (d->letter != 'A' + n ||
		    sscanf(f, "%d-%d", &d->mid_lo, &d->mid_hi) != 2)
			die("data/jsic.tsv: bad line for division %c",
			    'A' + n);
		n++;
	}
	if (n != NDIV)
		die("data/jsic.tsv: %d divisions, want %d", n, NDIV);

	alias_text = xstrdup(embedded_industry_aliases);
	p = strchr(alias_text, '\n') + 1;
	while (*p) {
		char *end = strchr(p, '\n'), *alias;
		int letter;

		line = p;
		p = end ? end + 1 : p + strlen(p);
		if (end)
			*end = '\0';
		if (*line == '#' || !*line)
			continue;
		alias = tsv_field(&line);
		letter = *tsv_field(&line);
		if (letter >= 'A' && letter < 'A' + NDIV) {
			struct division *d = &divisions[letter - 'A'];

			if (d->naliases < 8)
				d->alias[d->naliases++] = alias;
		}
	}
}

/* Draw industry, size and star level and the strength they imply. */
static void
company_draw_traits(struct rng *r, struct company *c)
{
	c->division = rng_weighted(r, div_weight, NDIV);
	c->size = rng_weighted(r, size_weight, NSIZE);
	c->star = rng_weighted(r, star_weight, NSTAR);
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

/*
 * The 25 answers of a response of the given strength.  The uniforms come
 * from useed, so the same useed with a higher strength (a company
 * answering again after working on it) gives answers that are the same or
 * better, question by question.
 */
static void
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

/* 法人番号: the check digit of 12 base digits, see lib/corpno.h. */
static int
corpno_check_digit(const char *base)
{
	int i, sum = 0;

	for (i = 0; i < 12; i++)
		sum += (base[11 - i] - '0') * (i % 2 == 0 ? 1 : 2);
	return 9 - sum % 9;
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
	int nwords = 0, attempt;

	while (w[nwords])
		nwords++;
	for (attempt = 0;; attempt++) {
		const char *sur = surnames[rng_range(r, 0, NSURNAMES - 1)];
		const char *word = w[rng_range(r, 0, nwords - 1)];

		if (attempt < 8)
			snprintf(root, sizeof root, "%s%s", sur, word);
		else if (attempt < 40)
			snprintf(root, sizeof root, "%s%s%s",
				 prefectures[rng_range(r, 0,
						       NPREFECTURES - 1)],
				 sur, word);
		else
			snprintf(root, sizeof root, "%s%s%ld", sur, word,
				 index);
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

/* Civil date and time of (day, secs) after the sample's first day. */
struct stamp {
	int y, mo, d, h, mi, s;
};

static struct stamp
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

/* Digits of s in full width (０-９), as some respondents type them. */
static void
fullwidth_digits(char *dst, size_t cap, const char *s)
{
	size_t n = 0;

	for (; *s && n + 4 < cap; s++) {
		if (*s >= '0' && *s <= '9') {
			dst[n++] = (char)0xef;
			dst[n++] = (char)0xbc;
			dst[n++] = (char)(0x90 + (*s - '0'));
		} else {
			dst[n++] = *s;
		}
	}
	dst[n] = '\0';
}

/* The 法人番号 cell: wrong check digit for the bad row. */
static void
corpno_cell(char *dst, size_t cap, const struct company *c)
{
	snprintf(dst, cap, "%s", c->corpno);
	if (c->bad == BAD_CORPNO && dst[0])
		dst[0] = (char)('1' + (dst[0] - '0') % 9);
}

static const char *
star_cell(int shape, int star)
{
	static const char *const forms[NSTAR] = { "なし", "★", "★★", "" };
	static const char *const excel[NSTAR] = {
		"未宣言", "一つ星", "二つ星", "不明"
	};
	static const char *const digits[NSTAR] = { "0", "1", "2", "" };

	switch (shape) {
	case SHAPE_FORMS:
	case SHAPE_SHEET:
		return forms[star];
	case SHAPE_EXCEL:
		return excel[star];
	default:
		return digits[star];
	}
}

/* Industry as each shape writes it: names, codes, free text, letters. */
static void
industry_cell(char *dst, size_t cap, int shape, const struct company *c)
{
	const struct division *d = &divisions[c->division];

	switch (shape) {
	case SHAPE_FORMS:
		if (c->style < 80 || d->naliases == 0)
			snprintf(dst, cap, "%s", d->name);
		else
			snprintf(dst, cap, "%s",
				 d->alias[c->style % d->naliases]);
		break;
	case SHAPE_EXCEL:
		snprintf(dst, cap, "%02d", d->mid_lo +
			 c->style % (d->mid_hi - d->mid_lo + 1));
		break;
	case SHAPE_MONKEY:
		if (c->style < 2)
			snprintf(dst, cap, "%s", "");
		else if (c->style < 50 && d->naliases > 0)
			snprintf(dst, cap, "%s",
				 d->alias[c->style % d->naliases]);
		else
			snprintf(dst, cap, "%s", d->short_name);
		break;
	default:
		snprintf(dst, cap, "%c", d->letter);
	}
}

static void
employees_cell(char *dst, size_t cap, int shape, const struct company *c)
{
	if (c->size == SIZE_UNKNOWN) {
		snprintf(dst, cap, "%s", shape == SHAPE_MONKEY ? "不明" : "");
		return;
	}
	switch (shape) {
	case SHAPE_FORMS:
		snprintf(dst, cap, "%s", size_band[c->size]);
		break;
	case SHAPE_MONKEY:
		snprintf(dst, cap, c->style % 2 ? "約%d名" : "%d人",
			 c->employees);
		break;
	default:
		snprintf(dst, cap, "%d", c->employees);
	}
}

static void
answer_cells(struct row *w, const struct company *c,
	     const struct response *rs)
{
	int q;

	for (q = 0; q < NQUESTIONS; q++)
		row_cell(w, c->bad == BAD_ANSWER && q == 6 ? "実施中" :
			 answer_label(rs->answers[q]));
}

/*
 * The cells every shape ends with, as shape writes them: industry,
 * employees, star level, department and the 25 answers; then the row ends.
 */
static void
company_cells(struct row *w, int shape, const struct company *c,
	      const struct response *rs)
{
	char cell[256];

	industry_cell(cell, sizeof cell, shape, c);
	row_cell(w, cell);
	employees_cell(cell, sizeof cell, shape, c);
	row_cell(w, cell);
	row_cell(w, star_cell(shape, c->star));
	row_cell(w, rs->dept < 0 ? "" : dept_names[rs->dept]);
	answer_cells(w, c, rs);
	row_end(w);
}

static void
header_forms(struct row *w)
{
	static const char *const meta[] = {
		"タイムスタンプ", "会社名", "法人番号", "業種", "従業員数",
		"SECURITY ACTION", "部署",
	};
	size_t i;
	int q;

	for (i = 0; i < sizeof meta / sizeof *meta; i++)
		row_cell(w, meta[i]);
	for (q = 1; q <= NQUESTIONS; q++)
		row_cell(w, catalogue_question(q)->text);
	row_end(w);
}

/* Google Forms: "2024/01/07 7:41:40 午後 GMT+9", question texts. */
static void
row_forms(struct row *w, const struct company *c, const struct response *rs)
{
	struct stamp t = stamp_of(rs->day, rs->secs);
	char cell[256];

	if (c->bad == BAD_TIME)
		cell[0] = '\0';
	else
		snprintf(cell, sizeof cell,
			 "%04d/%02d/%02d %d:%02d:%02d %s GMT+9", t.y, t.mo,
			 t.d, t.h % 12 ? t.h % 12 : 12, t.mi, t.s,
			 t.h < 12 ? "午前" : "午後");
	row_cell(w, cell);
	row_cell(w, rs->second ? c->name2 : c->name);
	corpno_cell(cell, sizeof cell, c);
	row_cell(w, cell);
	company_cells(w, SHAPE_FORMS, c, rs);
}

/*
 * Microsoft Forms' 「Excelで開く」 workbook: ID, 開始時刻, 完了時刻,
 * メール, 名前, then a column per question headed by its text.
 */
static void
header_msforms(struct row *w)
{
	static const char *const meta[] = {
		"ID", "開始時刻", "完了時刻", "メール", "名前", "会社名",
		"法人番号", "業種", "従業員数", "SECURITY ACTION", "部署",
	};
	size_t i;
	int q;

	for (i = 0; i < sizeof meta / sizeof *meta; i++)
		row_cell(w, meta[i]);
	for (q = 1; q <= NQUESTIONS; q++)
		row_cell(w, catalogue_question(q)->text);
	row_end(w);
}

/* Its times are date cells (xlsxw writes "YYYY/M/D H:MM:SS" as serials). */
static void
row_msforms(struct row *w, const struct company *c, long id,
	    const struct response *rs)
{
	int took = 120 + 60 * (c->style % 6);
	struct stamp t = stamp_of(rs->day, rs->secs), t0;
	char cell[256];

	t0 = stamp_of(rs->day, rs->secs >= took ? rs->secs - took : 0);
	snprintf(cell, sizeof cell, "%ld", id);
	row_cell(w, cell);
	snprintf(cell, sizeof cell, "%d/%d/%d %d:%02d:%02d", t0.y, t0.mo,
		 t0.d, t0.h, t0.mi, t0.s);
	row_cell(w, cell);
	snprintf(cell, sizeof cell, "%d/%d/%d %d:%02d:%02d", t.y, t.mo, t.d,
		 t.h, t.mi, t.s);
	row_cell(w, cell);
	row_cell(w, "anonymous");
	row_cell(w, "");
	row_cell(w, rs->second ? c->name2 : c->name);
	corpno_cell(cell, sizeof cell, c);
	row_cell(w, cell);
	company_cells(w, SHAPE_FORMS, c, rs);
}

static void
header_excel(struct row *w)
{
	static const char *const meta[] = {
		"回答日時", "顧客番号", "企業名", "法人番号", "業種コード",
		"従業員数", "宣言", "部門",
	};
	char cell[16];
	size_t i;
	int q;

	for (i = 0; i < sizeof meta / sizeof *meta; i++)
		row_cell(w, meta[i]);
	for (q = 1; q <= NQUESTIONS; q++) {
		snprintf(cell, sizeof cell, "Q%d", q);
		row_cell(w, cell);
	}
	row_end(w);
}

/* A consultant's Excel sheet: Q1..Q25, "YYYY/MM/DD HH:MM", 顧客番号. */
static void
row_excel(struct row *w, const struct company *c, long index,
	  const struct response *rs)
{
	struct stamp t = stamp_of(rs->day, rs->secs);
	char cell[256];

	snprintf(cell, sizeof cell, "%04d/%02d/%02d %02d:%02d", t.y, t.mo,
		 t.d, t.h, t.mi);
	row_cell(w, cell);
	snprintf(cell, sizeof cell, "K%05ld", index + 1);
	row_cell(w, cell);
	row_cell(w, rs->second ? c->name2 : c->name);
	corpno_cell(cell, sizeof cell, c);
	row_cell(w, cell);
	company_cells(w, SHAPE_EXCEL, c, rs);
}

static const char *const monkey_meta[] = {
	"Respondent ID", "Collector ID", "Start Date", "End Date",
	"IP Address", "Email Address", "First Name", "Last Name",
	"Custom Data 1",
};
static const char *const monkey_fields[] = {
	"会社名", "法人番号", "業種", "従業員数", "SECURITY ACTION", "部署",
};
#define NMONKEY_META (sizeof monkey_meta / sizeof *monkey_meta)
#define NMONKEY_FIELDS (sizeof monkey_fields / sizeof *monkey_fields)

/* SurveyMonkey: question texts, then a row of "Response" descriptors. */
static void
header_monkey(struct row *w)
{
	size_t i;
	int q;

	for (i = 0; i < NMONKEY_META; i++)
		row_cell(w, monkey_meta[i]);
	for (i = 0; i < NMONKEY_FIELDS; i++)
		row_cell(w, monkey_fields[i]);
	for (q = 1; q <= NQUESTIONS; q++)
		row_cell(w, catalogue_question(q)->text);
	row_end(w);
	for (i = 0; i < NMONKEY_META; i++)
		row_cell(w, "");
	for (i = 0; i < NMONKEY_FIELDS; i++)
		row_cell(w, "Open-Ended Response");
	for (q = 1; q <= NQUESTIONS; q++)
		row_cell(w, "Response");
	row_end(w);
}

/* "01/15/2024 10:23:45 AM" */
static void
monkey_time(char *dst, size_t cap, int day, int secs)
{
	struct stamp t = stamp_of(day, secs);

	snprintf(dst, cap, "%02d/%02d/%04d %02d:%02d:%02d %s", t.mo, t.d,
		 t.y, t.h % 12 ? t.h % 12 : 12, t.mi, t.s,
		 t.h < 12 ? "AM" : "PM");
}

static void
row_monkey(struct row *w, const struct company *c, long index,
	   const struct response *rs)
{
	char cell[256], raw[32];

	snprintf(cell, sizeof cell, "%lld",
		 114000000000LL + index * 4 + rs->second * 2 +
		 (rs->dept > 0));
	row_cell(w, cell);
	row_cell(w, "431234567");
	monkey_time(cell, sizeof cell, rs->day,
		    rs->secs - 180 - (c->style % 7) * 60);
	row_cell(w, cell);
	monkey_time(cell, sizeof cell, rs->day, rs->secs);
	row_cell(w, cell);
	snprintf(cell, sizeof cell, "203.0.113.%ld", 1 + index % 254);
	row_cell(w, cell);
	row_cell(w, "");
	row_cell(w, "");
	row_cell(w, "");
	row_cell(w, "");
	row_cell(w, rs->second ? c->name2 : c->name);
	corpno_cell(raw, sizeof raw, c);
	if (c->style % 10 == 3 && c->bad == BAD_NONE)
		fullwidth_digits(cell, sizeof cell, raw);
	else
		snprintf(cell, sizeof cell, "%s", raw);
	row_cell(w, cell);
	company_cells(w, SHAPE_MONKEY, c, rs);
}

static void
header_sheet(struct row *w)
{
	static const char *const meta[] = {
		"submitted_at", "company_name", "corporate_number",
		"industry", "employees", "star_level", "department",
	};
	char cell[512];
	size_t i;
	int q;

	for (i = 0; i < sizeof meta / sizeof *meta; i++)
		row_cell(w, meta[i]);
	for (q = 1; q <= NQUESTIONS; q++) {
		snprintf(cell, sizeof cell, "Q%d. %s", q,
			 catalogue_question(q)->text);
		row_cell(w, cell);
	}
	row_end(w);
}

/* A linked sheet exported and gzip'ed: ISO 8601 with zone, letters. */
static void
row_sheet(struct row *w, const struct company *c, const struct response *rs)
{
	struct stamp t = stamp_of(rs->day, rs->secs);
	char cell[256];

	snprintf(cell, sizeof cell, "%04d-%02d-%02dT%02d:%02d:%02d+09:00",
		 t.y, t.mo, t.d, t.h, t.mi, t.s);
	row_cell(w, cell);
	row_cell(w, rs->second ? c->name2 : c->name);
	corpno_cell(cell, sizeof cell, c);
	row_cell(w, cell);
	company_cells(w, SHAPE_SHEET, c, rs);
}

/* Write b to path as it is. */
static void
write_plain(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("'%s': cannot create:", path);
	if (fwrite(b->p, 1, b->len, f) != b->len || fclose(f) != 0)
		die("'%s': cannot write:", path);
}

/* Write b (UTF-8) to path in CP932, as Excel on Japanese Windows saves. */
static void
write_cp932(const char *path, const struct buf *b)
{
	iconv_t cd = iconv_open("CP932", "UTF-8");
	struct buf out = { 0 };
	char *in = b->p, *o;
	size_t inleft = b->len, outleft;

	if (cd == (iconv_t)-1)
		die("iconv: cannot convert UTF-8 to CP932:");
	out.cap = b->len + 16;
	out.p = xmalloc(out.cap);
	o = out.p;
	outleft = out.cap;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		die("'%s': cannot encode in CP932 at byte %zu:", path,
		    (size_t)(in - b->p));
	iconv_close(cd);
	out.len = out.cap - outleft;
	write_plain(path, &out);
	free(out.p);
}

/*
 * Write b as the one member called name of a zip at path, as Google
 * Forms' "Download responses" does (a fixed time stamp: reproducible).
 */
static void
write_zip(const char *path, const char *name, const struct buf *b)
{
	zipFile zf = zipOpen64(path, APPEND_STATUS_CREATE);
	zip_fileinfo zi;

	if (!zf)
		die("'%s': cannot create:", path);
	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 2024;
	zi.tmz_date.tm_mday = 1;
	if (zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL,
				Z_DEFLATED, 6) != ZIP_OK ||
	    zipWriteInFileInZip(zf, b->p, (unsigned)b->len) != ZIP_OK ||
	    zipCloseFileInZip(zf) != ZIP_OK || zipClose(zf, NULL) != ZIP_OK)
		die("'%s': cannot write", path);
}

/* Write b gzip-compressed (zlib writes a fixed header: reproducible). */
static void
write_gzip(const char *path, const struct buf *b)
{
	gzFile gz = gzopen(path, "wb9");
	size_t off = 0;

	if (!gz)
		die("'%s': cannot create:", path);
	while (off < b->len) {
		unsigned n = b->len - off > (1u << 30) ? 1u << 30 :
			(unsigned)(b->len - off);

		if (gzwrite(gz, b->p + off, n) != (int)n)
			die("'%s': cannot write", path);
		off += n;
	}
	if (gzclose(gz) != Z_OK)
		die("'%s': cannot write", path);
}

/*
 * The bad file: an old template that stops at Q23, so no header row
 * names all 25 questions and ingest must reject it whole.
 */
static void
write_legacy(const char *dir, struct rng *r, int export_day)
{
	struct buf b = { 0 };
	struct row w = { &b, 0, 0, "\r\n", NULL, NULL, 0 };
	char cell[64], *path;
	struct stamp t = stamp_of(export_day, 0);
	int q, i;

	row_cell(&w, "回答日");
	row_cell(&w, "会社名");
	for (q = 1; q <= 23; q++) {
		snprintf(cell, sizeof cell, "Q%d", q);
		row_cell(&w, cell);
	}
	row_end(&w);
	for (i = 0; i < 5; i++) {
		struct stamp d = stamp_of(rng_range(r, 0, export_day - 1), 0);

		snprintf(cell, sizeof cell, "%04d/%02d/%02d", d.y, d.mo, d.d);
		row_cell(&w, cell);
		snprintf(cell, sizeof cell, "株式会社%s%s",
			 surnames[rng_range(r, 0, NSURNAMES - 1)],
			 words[4][i % 5]);
		row_cell(&w, cell);
		for (q = 1; q <= 23; q++)
			row_cell(&w, rng_unit(r) < 0.6 ? "○" : "×");
		row_end(&w);
	}
	path = xasprintf("%s/旧様式_%04d%02d%02d.csv", dir, t.y, t.mo, t.d);
	write_plain(path, &b);
	free(path);
	free(b.p);
}

static void
mkdir_or_die(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		die("'%s': cannot create:", path);
}

struct sample {
	struct company *co;
	long nco;		/* companies, the bad rows' ones included */
	struct response *rs;
	long nrs, caprs;
	long ndept_companies, nsecond;
};

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
	if (i < NDIV) {
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

/* The day (since the first) on which export k of days was taken. */
static int
export_day(int k, int days)
{
	return (int)((long)k * SPAN_DAYS / days);
}

/* Write every shape's cumulative export for day k into OUTDIR/dayK. */
static int
write_day(const struct gen_opts *o, const struct sample *s, int k,
	  struct rng *r)
{
	int eday = export_day(k, (int)o->days), sh, files = 0;
	struct stamp t = stamp_of(eday, 0);
	char *dir = xasprintf("%s/day%d", o->outdir, k);

	mkdir_or_die(dir);
	for (sh = 0; sh < NSHAPE; sh++) {
		struct buf b = { 0 };
		struct row w = { &b, 0, 0, "\n", NULL, NULL, 0 };
		char *path;
		long i;
		long id = 0;

		switch (sh) {
		case SHAPE_FORMS:
		case SHAPE_FORMS_ZIP:
			w.quote_all = 1;
			header_forms(&w);
			break;
		case SHAPE_MSFORMS:
			/* named as Forms names it: responses 1 to n */
			for (i = 0; i < s->nrs; i++)
				id += s->co[s->rs[i].company].shape == sh &&
				      s->rs[i].day < eday;
			path = xasprintf("%s/自社診断(1-%ld).xlsx", dir, id);
			id = 0;
			w.x = xlsxw_open(path, "Sheet1", XLSXW_SHARED |
					 XLSXW_NUMBERS | XLSXW_DATES);
			if (!w.x)
				exit(1);
			free(path);
			header_msforms(&w);
			break;
		case SHAPE_EXCEL:
			w.eol = "\r\n";
			header_excel(&w);
			break;
		case SHAPE_MONKEY:
			buf_puts(&b, "\xef\xbb\xbf");
			w.quote_all = 1;
			w.eol = "\r\n";
			header_monkey(&w);
			break;
		default:
			header_sheet(&w);
		}
		for (i = 0; i < s->nrs; i++) {
			const struct response *rs = &s->rs[i];
			const struct company *c = &s->co[rs->company];

			if (c->shape != sh || rs->day >= eday)
				continue;
			if (sh == SHAPE_FORMS || sh == SHAPE_FORMS_ZIP)
				row_forms(&w, c, rs);
			else if (sh == SHAPE_MSFORMS)
				row_msforms(&w, c, ++id, rs);
			else if (sh == SHAPE_EXCEL)
				row_excel(&w, c, rs->company, rs);
			else if (sh == SHAPE_MONKEY)
				row_monkey(&w, c, rs->company, rs);
			else
				row_sheet(&w, c, rs);
		}
		if (sh == SHAPE_MSFORMS) {
			if (xlsxw_close(w.x))
				exit(1);
			free(w.cells);
			path = NULL;
		} else if (sh == SHAPE_FORMS_ZIP) {
			path = xasprintf("%s/セキュリティ診断 %04d-%02d-%02d"
					 ".csv.zip", dir, t.y, t.mo, t.d);
			write_zip(path, "セキュリティ診断.csv", &b);
		} else 		if (sh == SHAPE_FORMS) {
			path = xasprintf("%s/自社診断 (回答) %04d-%02d-%02d"
					 ".csv", dir, t.y, t.mo, t.d);
			write_plain(path, &b);
		} else if (sh == SHAPE_EXCEL) {
			path = xasprintf("%s/診断結果_%04d%02d%02d.csv", dir,
					 t.y, t.mo, t.d);
			write_cp932(path, &b);
		} else if (sh == SHAPE_MONKEY) {
			path = xasprintf("%s/surveymonkey_%04d%02d%02d.csv",
					 dir, t.y, t.mo, t.d);
			write_plain(path, &b);
		} else {
			path = xasprintf("%s/sheet-export-%04d-%02d-%02d"
					 ".csv.gz", dir, t.y, t.mo, t.d);
			write_gzip(path, &b);
		}
		files++;
		free(path);
		free(b.p);
	}
	if (k == 1) {
		write_legacy(dir, r, eday);
		files++;
	}
	free(dir);
	return files;
}

/* The sample: companies, their responses, the exports of every day. */
static int
gen_sample(const struct gen_opts *o)
{
	struct rng r;
	struct sample s = { 0 };
	struct nameset used = { 0 };
	uint64_t cn_offset;
	long i;
	int k, files = 0;

	rng_init(&r, (uint64_t)o->seed);
	cn_offset = rng_next(&r) % 1000000000000ULL;
	s.co = xcalloc((size_t)o->companies + 3, sizeof *s.co);
	for (used.cap = 64; used.cap < 2 * (size_t)o->companies;)
		used.cap *= 2;
	used.slot = xcalloc(used.cap, sizeof *used.slot);
	for (i = 0; i < o->companies; i++) {
		company_draw(&r, &s.co[i], i, cn_offset);
		company_name(&r, &s.co[i], &used, i);
		company_respond(&r, &s, i);
	}
	s.nco = o->companies;
	sample_add_bad(&r, &s, cn_offset);
	qsort(s.rs, (size_t)s.nrs, sizeof *s.rs, response_cmp);

	mkdir_or_die(o->outdir);
	for (k = 1; k <= o->days; k++)
		files += write_day(o, &s, k, &r);

	printf("gen-sample: %ld companies (%ld with departments, %ld "
	       "answering again), %ld responses, 3 bad rows, 1 bad file\n",
	       o->companies, s.ndept_companies, s.nsecond, s.nrs - 3);
	printf("gen-sample: %d files in %s/day1", files, o->outdir);
	if (o->days > 1)
		printf(" .. %s/day%ld", o->outdir, o->days);
	printf(" (%s, %s, %s, %s, %s, %s)\n", shape_name[0], shape_name[1],
	       shape_name[2], shape_name[3], shape_name[4], shape_name[5]);

	for (i = 0; i < (long)used.cap; i++)
		free(used.slot[i]);
	free(used.slot);
	free(s.co);
	free(s.rs);
	return 0;
}

/*
 * --bench N: N companies, one response each, in the plain wide UTF-8
 * shape on stdout, as fast as the disk takes it.  Every company has a
 * 法人番号 so the keys are unique without a name set.
 */
static int
gen_bench(const struct gen_opts *o)
{
	struct rng r;
	struct buf b = { 0 };
	struct row w = { &b, 0, 0, "\n", NULL, NULL, 0 };
	uint64_t cn_offset;
	long i;

	rng_init(&r, (uint64_t)o->seed);
	cn_offset = rng_next(&r) % 1000000000000ULL;
	row_cell(&w, "回答日時");
	row_cell(&w, "法人番号");
	row_cell(&w, "会社名");
	row_cell(&w, "業種");
	row_cell(&w, "従業員数");
	row_cell(&w, "SECURITY ACTION");
	row_cell(&w, "部署");
	for (i = 1; i <= NQUESTIONS; i++)
		row_cell(&w, catalogue_question((int)i)->text);
	row_end(&w);
	for (i = 0; i < o->bench; i++) {
		struct company c = { 0 };
		struct response rs = { 0 };
		long secs = (long)((double)i / o->bench * SPAN_DAYS * 86400);
		struct stamp t = stamp_of((int)(secs / 86400),
					  (int)(secs % 86400));
		char cell[256];

		company_draw_traits(&r, &c);
		c.style = rng_range(&r, 0, 99);
		c.employees = c.size == SIZE_UNKNOWN ? 0 :
			rng_range(&r, size_lo[c.size], size_hi[c.size]);
		c.form = c.style < 70 ? FORM_KK : FORM_YK;
		corpno_make(c.corpno, i, cn_offset);
		snprintf(cell, sizeof cell, "%04d/%02d/%02d %02d:%02d:%02d",
			 t.y, t.mo, t.d, t.h, t.mi, t.s);
		row_cell(&w, cell);
		row_cell(&w, c.corpno);
		snprintf(c.name, sizeof c.name, "%s%s%s",
			 form_prefix[c.form],
			 surnames[rng_range(&r, 0, NSURNAMES - 1)],
			 words[c.division][0]);
		row_cell(&w, c.name);
		row_cell(&w, divisions[c.division].name);
		employees_cell(cell, sizeof cell, SHAPE_FORMS, &c);
		row_cell(&w, cell);
		row_cell(&w, star_cell(SHAPE_FORMS, c.star));
		row_cell(&w, "");
		answers_draw(rs.answers, c.strength + 0.35 * rng_normal(&r),
			     rng_next(&r));
		answer_cells(&w, &c, &rs);
		row_end(&w);
		if (b.len > (1 << 20)) {
			if (fwrite(b.p, 1, b.len, stdout) != b.len)
				die("stdout: cannot write:");
			b.len = 0;
		}
	}
	if (fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout) != 0)
		die("stdout: cannot write:");
	free(b.p);
	return 0;
}

static const struct option longopts[] = {
	{ "companies", required_argument, NULL, 'n' },
	{ "seed", required_argument, NULL, 's' },
	{ "days", required_argument, NULL, 'd' },
	{ "bench", required_argument, NULL, 'b' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *f)
{
	fputs("usage: gen-sample [--companies N] [--seed S] [--days D] "
	      "OUTDIR\n"
	      "       gen-sample --bench N [--seed S] > FILE.csv\n"
	      "\n"
	      "Write a realistic sample of survey exports into OUTDIR/day1 "
	      ".. OUTDIR/dayD\n"
	      "(cumulative: each day repeats the rows of the days before).\n"
	      "\n"
	      "  -n, --companies N  companies (default 2000)\n"
	      "  -s, --seed S       seed; the same seed gives the same files "
	      "(default 1)\n"
	      "  -d, --days D       daily exports (default 2)\n"
	      "  -b, --bench N      N rows of the plain wide UTF-8 shape to "
	      "stdout\n"
	      "  -h, --help         this text\n"
	      "  -V, --version      print the version\n", f);
}

int
main(int argc, char **argv)
{
	struct gen_opts o = { 2000, 1, 2, 0, NULL };
	int c;

	err_setprog(argv[0]);
	while ((c = getopt_long(argc, argv, "n:s:d:b:hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'n':
			if (num_opt("--companies", optarg, 1, 10000000,
				    &o.companies))
				return 2;
			break;
		case 's':
			if (num_opt("--seed", optarg, 0, LONG_MAX, &o.seed))
				return 2;
			break;
		case 'd':
			if (num_opt("--days", optarg, 1, 30, &o.days))
				return 2;
			break;
		case 'b':
			if (num_opt("--bench", optarg, 1, 100000000, &o.bench))
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("gen-sample %s\n", SHINDAN_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (o.bench == 0 && optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	if (o.bench > 0 && optind != argc) {
		usage(stderr);
		return 2;
	}
	o.outdir = o.bench ? NULL : argv[optind];
	divisions_load();
	calibrate();
	c = o.bench ? gen_bench(&o) : gen_sample(&o);
	free(jsic_text);
	free(alias_text);
	return c;
}
