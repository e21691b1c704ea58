/*
 * Column recognition.  Every survey tool heads its columns differently:
 * Google Forms and LimeSurvey write the whole question, SurveyMonkey and
 * Qualtrics prefix it with "Q1 - ", consultants retype it with their own
 * particles and typos, and hand-made sheets just say Q1, 問1 or （1）.  A
 * header cell is read in this order:
 *
 *  1. a leading question number 1..25 ("Q01", "問1", "【1】", "1. ...");
 *     when a number is followed by text, the number wins, except in a
 *     Google Forms grid header "title [row]", where the row decides;
 *  2. a metadata name of SPEC §2.1 (会社名, Timestamp, End Date ...);
 *  3. the question's text, compared with the catalogue by the Dice
 *     coefficient of character bigrams, weighted by how rare each bigram
 *     is in the catalogue, after folding away punctuation and a few
 *     spelling variants (時/とき, 気を付け/気をつけ ...);
 *  4. a metadata name followed by an instruction ("貴社名を入力して
 *     ください", "SECURITY ACTIONの宣言状況").
 *
 * Between 1 and 2, a reading of the company name ("会社名（フリガナ）",
 * "企業名ふりがな", a bare "フリガナ") is told apart from the name: the
 * reading word is taken out and what is left must name the company or
 * nothing.  Readings of anything else (担当者名フリガナ, 氏名（カナ）) are
 * refused like any second column about a field.
 *
 * Step 4 comes after 3 so that a question starting with a metadata word
 * is still read as the question.  The catalogue side of step 3 is
 * prepared once per process.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "err.h"
#include "header.h"
#include "text.h"

#define CELL_MAX 1024		/* bytes of a folded header cell we read */
#define GRAMS_MAX 400		/* code points (and bigrams) compared */

/*
 * Text similarity thresholds, set by the cases in tests/unit/t-header.c
 * (scores are the weighted Dice coefficient of resemblance() below):
 * retyped questions (particles, typos, 時/とき, notes) score 0.69 and more
 * against their own text, abbreviations of them ("長く複雑なパスワードを
 * 設定していますか") 0.57 to 0.69; other survey questions that are not in
 * the catalogue ("情報セキュリティに関する相談窓口を知っていますか") reach
 * 0.47, and the two closest questions of the catalogue (Q12, Q13) 0.48
 * against each other.  A cell must reach SIM_ACCEPT and lead the
 * runner-up by SIM_MARGIN; two questions glued together reach both
 * equally and are ambiguous.
 */
#define SIM_ACCEPT 0.55
#define SIM_MARGIN 0.15
/* Containment of a whole question counts a little less than equality. */
#define CONTAIN_WEIGHT 0.9
/*
 * Our short labels ("無線LANの安全な利用") are recognised only when nearly
 * exact: a single word such as "バックアップ" is too weak a sign.
 */
#define LABEL_ACCEPT 0.8

/* Metadata names, compared after compact(): no spaces, '_' or '-'. */
static const struct meta {
	const char *name;
	int field;
} metas[] = {
	{ "タイムスタンプ", FIELD_TIME }, { "timestamp", FIELD_TIME },
	{ "回答日時", FIELD_TIME }, { "回答日", FIELD_TIME },
	{ "診断日", FIELD_TIME }, { "診断日時", FIELD_TIME },
	{ "実施日", FIELD_TIME }, { "実施日時", FIELD_TIME },
	{ "完了時刻", FIELD_TIME }, { "completiontime", FIELD_TIME },
	{ "enddate", FIELD_TIME }, { "submitdate", FIELD_TIME },
	{ "datesubmitted", FIELD_TIME }, { "submittedat", FIELD_TIME },
	{ "送信日時", FIELD_TIME }, { "送信時刻", FIELD_TIME },
	{ "回答時刻", FIELD_TIME }, { "回答日付", FIELD_TIME },
	{ "回答した日時", FIELD_TIME }, { "回答した日", FIELD_TIME },
	{ "記入日", FIELD_TIME }, { "記入日時", FIELD_TIME },
	{ "提出日", FIELD_TIME }, { "提出日時", FIELD_TIME },
	{ "作成日", FIELD_TIME }, { "作成日時", FIELD_TIME },
	{ "日付", FIELD_TIME }, { "日時", FIELD_TIME }, { "date", FIELD_TIME },
	/* when the response was started: only when no column says when
	   it was finished (Microsoft Forms has both) */
	{ "開始時刻", FIELD_TIME_START }, { "開始日時", FIELD_TIME_START },
	{ "starttime", FIELD_TIME_START }, { "startdate", FIELD_TIME_START },
	{ "法人番号", FIELD_CORPNO }, { "corporatenumber", FIELD_CORPNO },
	{ "企業id", FIELD_COMPANY_ID }, { "会社id", FIELD_COMPANY_ID },
	{ "事業者id", FIELD_COMPANY_ID }, { "顧客番号", FIELD_COMPANY_ID },
	{ "顧客id", FIELD_COMPANY_ID }, { "顧客コード", FIELD_COMPANY_ID },
	{ "企業コード", FIELD_COMPANY_ID }, { "会社コード", FIELD_COMPANY_ID },
	{ "companyid", FIELD_COMPANY_ID }, { "clientid", FIELD_COMPANY_ID },
	{ "会社名", FIELD_COMPANY_NAME }, { "企業名", FIELD_COMPANY_NAME },
	{ "事業者名", FIELD_COMPANY_NAME }, { "法人名", FIELD_COMPANY_NAME },
	{ "組織名", FIELD_COMPANY_NAME }, { "貴社名", FIELD_COMPANY_NAME },
	{ "御社名", FIELD_COMPANY_NAME }, { "会社名称", FIELD_COMPANY_NAME },
	{ "企業名称", FIELD_COMPANY_NAME }, { "法人名称", FIELD_COMPANY_NAME },
	{ "company", FIELD_COMPANY_NAME },
	{ "companyname", FIELD_COMPANY_NAME },
	{ "業種", FIELD_INDUSTRY }, { "業種コード", FIELD_INDUSTRY },
	{ "業種分類", FIELD_INDUSTRY }, { "産業分類", FIELD_INDUSTRY },
	{ "industry", FIELD_INDUSTRY }, { "industrycode", FIELD_INDUSTRY },
	{ "従業員数", FIELD_EMPLOYEES }, { "従業員規模", FIELD_EMPLOYEES },
	{ "従業員", FIELD_EMPLOYEES }, { "従業者数", FIELD_EMPLOYEES },
	{ "社員数", FIELD_EMPLOYEES }, { "employees", FIELD_EMPLOYEES },
	{ "numberofemployees", FIELD_EMPLOYEES },
	{ "securityaction", FIELD_STAR },
	{ "セキュリティアクション", FIELD_STAR },
	{ "宣言", FIELD_STAR }, { "自己宣言", FIELD_STAR },
	{ "star", FIELD_STAR }, { "starlevel", FIELD_STAR },
	{ "部署", FIELD_DEPARTMENT }, { "部門", FIELD_DEPARTMENT },
	{ "事業所", FIELD_DEPARTMENT }, { "拠点", FIELD_DEPARTMENT },
	{ "所属", FIELD_DEPARTMENT }, { "所属部署", FIELD_DEPARTMENT },
	{ "所属部門", FIELD_DEPARTMENT }, { "department", FIELD_DEPARTMENT },
	{ "dept", FIELD_DEPARTMENT },
};

/*
 * After a metadata name, one of these words may follow ("部署名",
 * "宣言状況"), and then an instruction must start with one of the openers
 * ("会社名を入力してください", "SECURITY ACTIONの宣言状況").
 */
static const char *const meta_suffixes[] = {
	"名称", "名", "状況", "有無", "区分", "レベル", "段階", "宣言",
};
static const char *const meta_openers[] = {
	"を", "の", "は", "が", ":", "(", "[", "【", "「", "※", "*", "、", "/",
};
/*
 * A name with one of these is a second column about the same thing (its
 * reading, the free text of その他), never the value itself.
 */
static const char *const meta_refusals[] = {
	"フリガナ", "ふりがな", "カナ", "かな", "読み", "よみ", "英語", "英字",
	"english", "ローマ字", "その他", "other",
};

/*
 * The words that make a column a reading, longest first so that カタカナ
 * is taken whole rather than as カナ.
 */
static const char *const reading_words[] = {
	"読み仮名", "読みがな", "よみがな", "ヨミガナ", "フリガナ", "ふりがな",
	"カタカナ", "かたかな", "furigana", "reading", "読み", "よみ", "ヨミ",
	"カナ", "かな", "kana",
};
/* Brackets left behind when a reading word is taken out of its note. */
static const char *const reading_brackets[] = {
	"(", ")", "[", "]", "【", "】", "「", "」", "〔", "〕", "<", ">",
};

/* Prefixes of a question number, longest first. */
static const char *const number_prefixes[] = {
	"question", "設問", "質問", "問題", "問", "no.", "no", "q", "#", "第",
};
static const char *const open_brackets[] = {
	"(", "[", "【", "「", "〔", "《", "〈", "<",
};
/* What may follow a bare number: brackets, separators, 第1問's 問. */
static const char *const number_enders[] = {
	")", "]", "】", "」", "〕", "》", "〉", ">", ".", ":", " ", "-", "_",
	",", "、", "。", "問",
};

/*
 * Spelling variants, folded to one form on both sides before comparing.
 * Matching is bytewise, which is safe in UTF-8: a pattern that starts
 * with a lead byte cannot match inside another character.
 */
static const struct {
	const char *from, *to;
} spellings[] = {
	{ "とき", "時" }, { "付け", "つけ" },
	{ "取り組み", "取組" }, { "取組み", "取組" }, { "取り組", "取組" },
	{ "ウィルス", "ウイルス" }, { "スマートフォン", "スマホ" },
	{ "ソフトウエア", "ソフトウェア" }, { "出来", "でき" },
	{ "行な", "行" },
	{ "下さい", "ください" }, { "電子メール", "メール" },
	{ "eメール", "メール" }, { "e-mail", "メール" }, { "email", "メール" },
	{ "pc", "パソコン" }, { "持ち出", "持出" }, { "立ち入", "立入" },
	{ "取り扱", "取扱" }, { "書き込", "書込" }, { "覗き", "のぞき" },
	{ "てますか", "ていますか" }, { "等", "など" },
};

/*
 * The catalogue side of the comparison: sorted bigrams of each text with
 * their weights, and the catalogue's vocabulary of bigrams with the number
 * of questions each occurs in.
 */
struct grams {
	uint64_t *v;
	double *w;		/* weight of each bigram */
	size_t n;
	double sum;		/* of the weights */
};
static struct grams texts[NQUESTIONS], labels[NQUESTIONS];
static uint64_t *vocab;
static double *vocab_weight;
static size_t nvocab;
static int prepared;

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Length of the first string of list that s starts with, else 0. */
static size_t
starts_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (starts(s, list[i]))
			return strlen(list[i]);
	return 0;
}

#define STARTS_ANY(s, list) starts_any(s, list, sizeof list / sizeof *list)

/*
 * The value of a circled number ①..⑳, ㉑..㉟ at *s (advancing *s past
 * it), else 0.
 */
static int
circled_number(const char **s)
{
	const char *p = *s;
	int32_t cp;

	if (!*p)
		return 0;
	cp = utf8_next(&p, p + strnlen(p, 4));
	if (cp >= 0x2460 && cp <= 0x2473)
		cp -= 0x2460 - 1;
	else if (cp >= 0x3251 && cp <= 0x325f)
		cp -= 0x3251 - 21;
	else
		return 0;
	*s = p;
	return (int)cp;
}

/*
 * The question number a folded cell starts with, or -1.  A bare number
 * must be followed by the end of the cell, a closing bracket or a
 * separator ("1.", "(1)", "1 - ..."), so that "5分でできる..." is not
 * question 5; after a prefix ("Q1パソコン...") or a circled number
 * ("①パソコン...") anything may follow.  The number may be outside 1..25;
 * the caller decides.  When a number is found, *rest is left after it.
 */
static int
leading_number(const char *s, const char **rest)
{
	size_t k;
	int prefixed, ordinal, digits = 0, val = 0;

	if ((k = STARTS_ANY(s, open_brackets)))
		s += k;
	while (*s == ' ')
		s++;
	prefixed = (k = STARTS_ANY(s, number_prefixes)) != 0;
	ordinal = starts(s, "第");	/* 第3問, but not 第2部 */
	s += k;
	while (*s == ' ')
		s++;
	if ((val = circled_number(&s)) > 0) {
		*rest = s;
		return val;
	}
	while (*s >= '0' && *s <= '9') {
		if (++digits > 3)
			return -1;
		val = val * 10 + (*s++ - '0');
	}
	if (digits == 0)
		return -1;
	*rest = s;
	if (ordinal)
		return starts(s, "問") ? val : -1;
	if (*s == '\0')
		return val;
	if (*s == '.' && s[1] >= '0' && s[1] <= '9')
		return -1;	/* 1.5, 1.15: a decimal or a date */
	if (prefixed || STARTS_ANY(s, number_enders))
		return val;
	return -1;
}

/* Brackets a note is written in. */
static const char *const note_brackets[][2] = {
	{ "(", ")" }, { "[", "]" }, { "【", "】" }, { "「", "」" },
	{ "〔", "〕" }, { "<", ">" },
};

/*
 * If s (*len bytes) ends with a bracketed group of at most 12 characters
 * that has text before it, cut the group off and return 1.
 */
static int
cut_trailing_group(char *s, size_t *len)
{
	size_t i, n = sizeof note_brackets / sizeof *note_brackets;

	for (i = 0; i < n; i++) {
		const char *o = note_brackets[i][0], *c = note_brackets[i][1];
		size_t ol = strlen(o), cl = strlen(c);
		char *close, *open = NULL, *p;

		if (*len <= cl || strcmp(s + *len - cl, c) != 0)
			continue;
		close = s + *len - cl;
		for (p = strstr(s, o); p && p < close; p = strstr(p + ol, o))
			open = p;
		if (!open || open == s ||
		    utf8_len(open + ol, (size_t)(close - open) - ol) > 12)
			return 0;
		*open = '\0';
		*len = (size_t)(open - s);
		return 1;
	}
	return 0;
}

/* If s starts with a mark of a required field, cut it and return 1. */
static int
cut_leading_mark(char *s, size_t *len)
{
	static const char *const marks[] = { "*", "【必須】", "(必須)", " " };
	size_t k = STARTS_ANY(s, marks);

	if (k == 0)
		return 0;
	memmove(s, s + k, *len - k + 1);
	*len -= k;
	return 1;
}

/*
 * Remove the notes around a name or question, in place: trailing
 * bracketed groups ("（必須）", "(13桁)"), trailing '*' and ':', leading
 * '*' and "【必須】", and the spaces they leave.
 */
static void
strip_notes(char *s)
{
	size_t len = strlen(s);
	int cut;

	do {
		cut = 0;
		while (len > 0 && (s[len - 1] == '*' || s[len - 1] == ':' ||
		       s[len - 1] == ' ')) {
			s[--len] = '\0';
			cut = 1;
		}
		cut |= cut_trailing_group(s, &len);
		cut |= cut_leading_mark(s, &len);
	} while (cut && len > 0);
}

/* Drop spaces, '_' and '-' so that "End Date" reads as "enddate". */
static void
compact(char *dst, const char *src)
{
	for (; *src; src++)
		if (*src != ' ' && *src != '_' && *src != '-')
			*dst++ = *src;
	*dst = '\0';
}

/*
 * The metadata field a compacted cell names: exactly, or (prefix set)
 * as a name followed by a suffix word and an instruction.  The longest
 * name wins.  FIELD_NONE when none.
 */
static int
meta_field(const char *s, int prefix)
{
	size_t i, best_len = 0;
	int best = FIELD_NONE;

	for (i = 0; i < sizeof metas / sizeof *metas; i++) {
		size_t len = strlen(metas[i].name);
		const char *rest;

		if (strcmp(s, metas[i].name) == 0)
			return metas[i].field;
		if (!prefix || len <= best_len || !starts(s, metas[i].name))
			continue;
		rest = s + len;
		rest += STARTS_ANY(rest, meta_suffixes);
		if (*rest && !STARTS_ANY(rest, meta_openers))
			continue;
		best = metas[i].field;
		best_len = len;
	}
	return best;
}

/* Whether s speaks of a second column about a field (meta_refusals,
 * reading_words). */
static int
refused(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof meta_refusals / sizeof *meta_refusals; i++)
		if (strstr(s, meta_refusals[i]))
			return 1;
	for (i = 0; i < sizeof reading_words / sizeof *reading_words; i++)
		if (strstr(s, reading_words[i]))
			return 1;
	return 0;
}

/*
 * FIELD_COMPANY_READING when a compacted cell is a reading of the company
 * name: the cell less its reading word, the notes and brackets around it
 * and a particle (会社名のフリガナ) names the company or is empty (a bare
 * フリガナ).  Otherwise FIELD_NONE, also for a reading of another field.
 */
static int
reading_field(const char *s, int *bare)
{
	char rest[CELL_MAX], *p;
	const char *w = NULL;
	size_t i, k, n = 0, wl = 0;

	for (i = 0; i < sizeof reading_words / sizeof *reading_words; i++)
		if ((w = strstr(s, reading_words[i]))) {
			wl = strlen(reading_words[i]);
			break;
		}
	if (!w)
		return FIELD_NONE;
	snprintf(rest, sizeof rest, "%.*s%s", (int)(w - s), s, w + wl);
	strip_notes(rest);
	for (p = rest; *p; ) {
		if ((k = STARTS_ANY(p, reading_brackets)) == 0) {
			rest[n++] = *p++;
			continue;
		}
		p += k;
	}
	rest[n] = '\0';
	/* 会社名のフリガナ, フリガナの会社名 */
	if (n >= 3 && strcmp(rest + n - 3, "の") == 0)
		rest[n -= 3] = '\0';
	if (n >= 3 && starts(rest, "の")) {
		n -= 3;
		memmove(rest, rest + 3, n + 1);
	}
	if (bare)
		*bare = n == 0;
	if (n == 0 || meta_field(rest, 0) == FIELD_COMPANY_NAME ||
	    meta_field(rest, 1) == FIELD_COMPANY_NAME)
		return FIELD_COMPANY_READING;
	return FIELD_NONE;
}

/* Apply the spelling table to src, writing at most cap bytes to dst. */
static void
respell(char *dst, size_t cap, const char *src)
{
	size_t n = 0, i, len;

	while (*src && n + 1 < cap) {
		for (i = 0; i < sizeof spellings / sizeof *spellings; i++)
			if (*src == *spellings[i].from &&
			    starts(src, spellings[i].from))
				break;
		if (i == sizeof spellings / sizeof *spellings) {
			dst[n++] = *src++;
			continue;
		}
		len = strlen(spellings[i].to);
		if (n + len >= cap)
			break;
		memcpy(dst + n, spellings[i].to, len);
		n += len;
		src += strlen(spellings[i].from);
	}
	dst[n] = '\0';
}

/*
 * Characters that carry no meaning for the comparison: ASCII other than
 * letters (numbering, punctuation, spaces), Japanese punctuation and
 * brackets, the long vowel mark (サーバー/サーバ), symbols like ★ ●.
 */
static int
ignorable(int32_t cp)
{
	if (cp < 0x80)
		return !(cp >= 'a' && cp <= 'z') && !(cp >= 'A' && cp <= 'Z');
	if (cp >= 0x3000 && cp <= 0x303f)
		return cp != 0x3005 && cp != 0x3006 && cp != 0x3007;
	return (cp >= 0x80 && cp <= 0xbf) || cp == 0x30fb || cp == 0x30fc ||
	       (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2190 &&
	       cp <= 0x27bf) || (cp >= 0xff5f && cp <= 0xff65) ||
	       (cp >= 0xffe0 && cp <= 0xffee);
}

static int
cmp_gram(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Sorted character bigrams of a folded text into g (GRAMS_MAX room);
 * returns their number.
 */
static size_t
bigrams(uint64_t *g, const char *folded)
{
	char noted[CELL_MAX], spelt[CELL_MAX];
	const char *p, *end;
	int32_t prev = -1;
	size_t n = 0;

	snprintf(noted, sizeof noted, "%s", folded);
	strip_notes(noted);
	respell(spelt, sizeof spelt, noted);
	p = spelt;
	end = spelt + strlen(spelt);
	while (p < end && n < GRAMS_MAX) {
		int32_t cp = utf8_next(&p, end);

		if (cp < 0 || ignorable(cp))
			continue;
		if (prev >= 0)
			g[n++] = (uint64_t)prev << 32 | (uint32_t)cp;
		prev = cp;
	}
	qsort(g, n, sizeof *g, cmp_gram);
	return n;
}

/*
 * The weight of a bigram: log(1 + 25 / the number of questions it occurs
 * in), so that the endings every question shares (ていますか) count little
 * and the words that tell questions apart (暗号化, 施錠) much.  A bigram
 * the catalogue does not have weighs as one unique to a question.
 */
static double
weight_of(uint64_t g)
{
	size_t lo = 0, hi = nvocab;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (vocab[mid] < g)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nvocab && vocab[lo] == g)
		return vocab_weight[lo];
	return log(1.0 + NQUESTIONS);
}

/* Weight of the bigrams shared by two sorted multisets (weights of a). */
static double
common(const uint64_t *a, const double *wa, size_t na, const uint64_t *b,
       size_t nb)
{
	size_t i = 0, j = 0;
	double sum = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (a[i] > b[j]) {
			j++;
		} else {
			sum += wa[i];
			i++;
			j++;
		}
	}
	return sum;
}

/* Fill the weights of g's n bigrams into w; returns their sum. */
static double
weigh(double *w, const uint64_t *g, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += w[i] = weight_of(g[i]);
	return sum;
}

static void
grams_of(struct grams *g, const char *text)
{
	char folded[CELL_MAX];
	uint64_t buf[GRAMS_MAX];

	text_fold(folded, sizeof folded, text, strlen(text), TEXT_LOWER);
	g->n = bigrams(buf, folded);
	g->v = xmalloc((g->n ? g->n : 1) * sizeof *g->v);
	g->w = xmalloc((g->n ? g->n : 1) * sizeof *g->w);
	memcpy(g->v, buf, g->n * sizeof *g->v);
}

/*
 * The vocabulary: every bigram of the question texts once, sorted, with
 * its weight from the number of texts it occurs in.
 */
static void
build_vocab(void)
{
	size_t total = 0, i, n = 0;
	uint64_t *all;
	int q;

	for (q = 0; q < NQUESTIONS; q++)
		total += texts[q].n;
	all = xmalloc((total ? total : 1) * sizeof *all);
	for (q = 0; q < NQUESTIONS; q++)
		for (i = 0; i < texts[q].n; i++)
			if (i == 0 || texts[q].v[i] != texts[q].v[i - 1])
				all[n++] = texts[q].v[i];
	qsort(all, n, sizeof *all, cmp_gram);
	vocab = xmalloc((n ? n : 1) * sizeof *vocab);
	vocab_weight = xmalloc((n ? n : 1) * sizeof *vocab_weight);
	for (i = 0; i < n; ) {
		size_t j = i;

		while (j < n && all[j] == all[i])
			j++;
		vocab[nvocab] = all[i];
		vocab_weight[nvocab++] = log(1.0 + (double)NQUESTIONS /
					     (double)(j - i));
		i = j;
	}
	free(all);
}

static void
prepare(void)
{
	int q;

	for (q = 0; q < NQUESTIONS; q++) {
		grams_of(&texts[q], catalogue_question(q + 1)->text);
		grams_of(&labels[q], catalogue_question(q + 1)->label);
	}
	build_vocab();
	for (q = 0; q < NQUESTIONS; q++) {
		texts[q].sum = weigh(texts[q].w, texts[q].v, texts[q].n);
		labels[q].sum = weigh(labels[q].w, labels[q].v, labels[q].n);
	}
	prepared = 1;
}

/*
 * How much a cell's bigrams resemble question q: the weighted Dice
 * coefficient against its text or our short label, or the weighted share
 * of the text found in the cell (a question with a long note or a form
 * title around it, as in Google Forms' grid headers "診断 [パソコンや…]").
 */
static double
resemblance(const struct grams *cell, int q)
{
	const struct grams *t = &texts[q - 1], *l = &labels[q - 1];
	double best, s, c;

	if (cell->n == 0)
		return 0;
	c = common(cell->v, cell->w, cell->n, t->v, t->n);
	best = 2.0 * c / (cell->sum + t->sum);
	s = CONTAIN_WEIGHT * c / t->sum;
	if (s > best)
		best = s;
	c = common(cell->v, cell->w, cell->n, l->v, l->n);
	s = 2.0 * c / (cell->sum + l->sum);
	return s >= LABEL_ACCEPT && s > best ? s : best;
}

/*
 * The question a folded cell's text resembles: 1..25, FIELD_AMBIGUOUS or
 * FIELD_NONE, with the score in *sim.
 */
static int
match_text(const char *folded, double *sim)
{
	uint64_t g[GRAMS_MAX];
	double w[GRAMS_MAX], best = 0, second = 0;
	struct grams cell = { g, w, 0, 0 };
	int q, best_q = FIELD_NONE;

	if (!prepared)
		prepare();
	cell.n = bigrams(g, folded);
	cell.sum = weigh(w, g, cell.n);
	for (q = 1; q <= NQUESTIONS; q++) {
		double s = resemblance(&cell, q);

		if (s > best) {
			second = best;
			best = s;
			best_q = q;
		} else if (s > second) {
			second = s;
		}
	}
	*sim = best;
	if (best < SIM_ACCEPT)
		return FIELD_NONE;
	if (best - second < SIM_MARGIN)
		return FIELD_AMBIGUOUS;
	return best_q;
}

/* Classify a folded cell; *sim is set as header_classify describes. */
static int
classify_folded(const char *folded, double *sim)
{
	char compacted[CELL_MAX];
	const char *rest;
	int field, n, refuse;

	*sim = 1;
	/* refusals are looked for before the notes they hide in go */
	refuse = refused(folded);
	snprintf(compacted, sizeof compacted, "%s", folded);
	strip_notes(compacted);
	n = leading_number(compacted, &rest);
	if (n >= 1 && n <= NQUESTIONS)
		return n;
	if (refuse) {
		/* the reading word is often in the note: 会社名（フリガナ） */
		char whole[CELL_MAX];

		compact(whole, folded);
		if ((field = reading_field(whole, NULL)) != FIELD_NONE)
			return field;
	}
	compact(compacted, compacted);
	if (!refuse && (field = meta_field(compacted, 0)) != FIELD_NONE)
		return field;
	if ((field = match_text(folded, sim)) != FIELD_NONE)
		return field;
	*sim = 1;
	if (!refuse && (field = meta_field(compacted, 1)) != FIELD_NONE)
		return field;
	*sim = 0;
	return FIELD_NONE;
}

/*
 * The row of a Google Forms grid header "title [row]", when the cell has
 * that shape, else NULL.  The row is copied into buf (CELL_MAX bytes).
 */
static const char *
grid_row(char *buf, const char *folded)
{
	size_t len = strlen(folded);
	const char *open;

	if (len < 3 || folded[len - 1] != ']')
		return NULL;
	open = strrchr(folded, '[');
	if (!open || open == folded || open + 1 == folded + len - 1)
		return NULL;
	snprintf(buf, CELL_MAX, "%.*s", (int)(folded + len - 2 - open),
		 open + 1);
	return buf;
}

/*
 * A grid's row decides when it names a question by itself, so that the
 * title's own numbering ("1. 基本的対策 [パソコンや…]") does not.
 */
int
header_classify(const char *cell, double *similarity)
{
	char folded[CELL_MAX], row[CELL_MAX];
	double sim = 0;
	int field;

	if (similarity)
		*similarity = 0;
	text_fold(folded, sizeof folded, cell, strlen(cell),
		  TEXT_LOWER | TEXT_DASH);
	if (!*folded)
		return FIELD_NONE;
	if (grid_row(row, folded)) {
		field = classify_folded(row, &sim);
		if ((field >= 1 && field <= NQUESTIONS) ||
		    field == FIELD_AMBIGUOUS) {
			if (similarity)
				*similarity = sim;
			return field;
		}
	}
	field = classify_folded(folded, &sim);
	if (similarity)
		*similarity = sim;
	return field;
}

/* Canonical names, as header_field_name gives them and --map takes them. */
static const struct meta field_names[] = {
	{ "time", FIELD_TIME }, { "start_time", FIELD_TIME_START },
	{ "corporate_number", FIELD_CORPNO },
	{ "company_id", FIELD_COMPANY_ID },
	{ "company_name", FIELD_COMPANY_NAME },
	{ "industry", FIELD_INDUSTRY }, { "employees", FIELD_EMPLOYEES },
	{ "star_level", FIELD_STAR }, { "department", FIELD_DEPARTMENT },
	{ "company_reading", FIELD_COMPANY_READING },
	{ "ignore", FIELD_NONE }, { "none", FIELD_NONE },
	{ "ambiguous", FIELD_AMBIGUOUS },
};

/*
 * Besides the canonical names, a map may use "Q7", "7", "q07", "問7" and
 * any metadata name the header recogniser knows ("submitted_at",
 * "会社名"), compared case-insensitively.
 */
int
header_field_by_name(const char *name)
{
	char folded[CELL_MAX], compacted[CELL_MAX];
	const char *rest = NULL;
	size_t i;
	int n;

	text_fold(folded, sizeof folded, name, strlen(name),
		  TEXT_LOWER | TEXT_DASH);
	for (i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (field_names[i].field != FIELD_AMBIGUOUS &&
		    strcmp(folded, field_names[i].name) == 0)
			return field_names[i].field;
	n = leading_number(folded, &rest);
	if (n >= 1 && n <= NQUESTIONS && *rest == '\0')
		return n;
	compact(compacted, folded);
	n = meta_field(compacted, 0);
	if (n == FIELD_NONE && refused(compacted))
		n = reading_field(compacted, NULL);
	return n != FIELD_NONE ? n : -2;
}

int
header_reading_bare(const char *cell)
{
	char folded[CELL_MAX], whole[CELL_MAX];
	int bare = 0;

	text_fold(folded, sizeof folded, cell, strlen(cell),
		  TEXT_LOWER | TEXT_DASH);
	compact(whole, folded);
	return reading_field(whole, &bare) == FIELD_COMPANY_READING && bare;
}

const char *
header_field_name(int field)
{
	static const char *const qnames[NQUESTIONS] = {
		"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10",
		"Q11", "Q12", "Q13", "Q14", "Q15", "Q16", "Q17", "Q18", "Q19",
		"Q20", "Q21", "Q22", "Q23", "Q24", "Q25",
	};
	size_t i;

	if (field >= 1 && field <= NQUESTIONS)
		return qnames[field - 1];
	for (i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (field_names[i].field == field)
			return field_names[i].name;
	return "?";
}
