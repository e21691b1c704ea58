/*
 * Each survey tool's export as it really arrives: its header, its time
 * format, how it writes the 法人番号, the industry, the size and the star
 * level, its quoting and line ends, or a workbook's cells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "catalogue.h"
#include "err.h"
#include "files.h"
#include "jsic.h"
#include "population.h"
#include "rng.h"
#include "shapes.h"
#include "star.h"
#include "../tools/xlsxw.h"

static const char *const size_band[NSIZE] = {
	"1〜5人", "6〜20人", "21〜50人", "51〜100人", "101〜300人",
	"301人以上", "",
};

void
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

void
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

const char *
star_cell(int shape, int star)
{
	static const char *const forms[STAR_NLEVELS] = { "なし", "★", "★★", "" };
	static const char *const excel[STAR_NLEVELS] = {
		"未宣言", "一つ星", "二つ星", "不明"
	};
	static const char *const digits[STAR_NLEVELS] = { "0", "1", "2", "" };

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

/*
 * Industry as each shape writes it: names, codes, free text, letters.
 * Aliases are drawn from the first eight of a division's, as samples
 * always were, so that a seed keeps its bytes when aliases are added.
 */
static void
industry_cell(char *dst, size_t cap, int shape, const struct company *c)
{
	int letter = 'A' + c->division, naliases = 0, lo, hi;

	while (naliases < 8 && jsic_alias(letter, (size_t)naliases))
		naliases++;
	switch (shape) {
	case SHAPE_FORMS:
		if (c->style < 80 || naliases == 0)
			snprintf(dst, cap, "%s", jsic_name(letter));
		else
			snprintf(dst, cap, "%s", jsic_alias(letter,
				 (size_t)(c->style % naliases)));
		break;
	case SHAPE_EXCEL:
		if (jsic_middle_codes(letter, &lo, &hi))
			die("no 中分類 codes for division %c", letter);
		snprintf(dst, cap, "%02d", lo + c->style % (hi - lo + 1));
		break;
	case SHAPE_MONKEY:
		if (c->style < 2)
			snprintf(dst, cap, "%s", "");
		else if (c->style < 50 && naliases > 0)
			snprintf(dst, cap, "%s", jsic_alias(letter,
				 (size_t)(c->style % naliases)));
		else
			snprintf(dst, cap, "%s", jsic_short_name(letter));
		break;
	default:
		snprintf(dst, cap, "%c", letter);
	}
}

void
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

void
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
	row_cell(w, dept_name(rs->dept));
	answer_cells(w, c, rs);
	row_end(w);
}

void
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

void
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

void
header_msforms(struct row *w)
{
	static const char *const meta[] = {
		"ID", "開始時刻", "完了時刻", "メール", "名前", "会社名",
		"会社名（フリガナ）", "法人番号", "業種", "従業員数",
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

/* Its times are date cells (xlsxw writes "YYYY/M/D H:MM:SS" as serials). */
void
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
	row_cell(w, c->reading);
	corpno_cell(cell, sizeof cell, c);
	row_cell(w, cell);
	company_cells(w, SHAPE_FORMS, c, rs);
}

void
header_excel(struct row *w)
{
	static const char *const meta[] = {
		"回答日時", "顧客番号", "企業名", "フリガナ", "法人番号",
		"業種コード", "従業員数", "宣言", "部門",
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

void
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
	row_cell(w, c->reading);
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

void
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

void
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

void
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

void
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

void
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
		legacy_name(cell, sizeof cell, r, i);
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

const char *
shape_name(int shape)
{
	static const char *const names[NSHAPE] = {
		"Google Forms", "Excel CP932", "SurveyMonkey", "sheet .csv.gz",
		"Microsoft Forms .xlsx", "Google Forms .zip",
	};

	return shape >= 0 && shape < NSHAPE ? names[shape] : "";
}
