#ifndef GEN_SAMPLE_SHAPES_H
#define GEN_SAMPLE_SHAPES_H
/*
 * The exports' shapes: the header and the rows of each survey tool's
 * export, every cell written the way that tool writes it.
 */
#include <stddef.h>

struct buf;
struct company;
struct response;
struct rng;
struct xlsxw;

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

/* Add the cell s to the row w. */
void row_cell(struct row *w, const char *s);
/* End the row w: its line end, or the workbook row written. */
void row_end(struct row *w);

/* Google Forms: "2024/01/07 7:41:40 午後 GMT+9", question texts. */
void header_forms(struct row *w);
void row_forms(struct row *w, const struct company *c,
	       const struct response *rs);
/*
 * Microsoft Forms' 「Excelで開く」 workbook: ID, 開始時刻, 完了時刻,
 * メール, 名前, then a column per question headed by its text; id is the
 * response's number in it.
 */
void header_msforms(struct row *w);
void row_msforms(struct row *w, const struct company *c, long id,
		 const struct response *rs);
/* A consultant's Excel sheet: Q1..Q25, "YYYY/MM/DD HH:MM", 顧客番号. */
void header_excel(struct row *w);
void row_excel(struct row *w, const struct company *c, long index,
	       const struct response *rs);
/* SurveyMonkey: question texts, then a row of "Response" descriptors. */
void header_monkey(struct row *w);
void row_monkey(struct row *w, const struct company *c, long index,
		const struct response *rs);
/* A linked sheet exported and gzip'ed: ISO 8601 with zone, letters. */
void header_sheet(struct row *w);
void row_sheet(struct row *w, const struct company *c,
	       const struct response *rs);

/* The 25 answer cells of rs (a bad one for a company with BAD_ANSWER). */
void answer_cells(struct row *w, const struct company *c,
		  const struct response *rs);
/* The employees cell as shape writes it. */
void employees_cell(char *dst, size_t cap, int shape,
		    const struct company *c);
/* The star level (enum star_level) as shape writes it. */
const char *star_cell(int shape, int star);
/* The shape's name for people: "Google Forms", ... */
const char *shape_name(int shape);

/*
 * The bad file: an old template that stops at Q23, so no header row
 * names all 25 questions and ingest must reject it whole.  Written into
 * dir, dated export_day.
 */
void write_legacy(const char *dir, struct rng *r, int export_day);
#endif
