#ifndef SHINDAN_HEADER_H
#define SHINDAN_HEADER_H
/*
 * Column recognition: what a header cell of an export means.  Question
 * columns are recognised by number (Q1, Q01, 問1, 設問1, No.1, 1, 1.,
 * 【1】, (1), ①, "Q1. パソコンや…"; in a Google Forms grid header
 * "title [row]" the row decides) or by the question's text matched to the
 * catalogue tolerantly; metadata columns by the names of SPEC §2.1, and
 * the reading of the company name (会社名（フリガナ）, a bare フリガナ) apart
 * from the name itself.
 */

/* Field codes: 1..25 are the questions. */
enum field {
	FIELD_NONE = 0,			/* not a column we use */
	FIELD_TIME = 100,		/* submission time */
	FIELD_CORPNO,			/* 法人番号 */
	FIELD_COMPANY_ID,		/* 企業ID ... (never a bare ID) */
	FIELD_COMPANY_NAME,		/* 会社名 ... */
	FIELD_INDUSTRY,			/* 業種 ... */
	FIELD_EMPLOYEES,		/* 従業員数 ... */
	FIELD_STAR,			/* SECURITY ACTION ... */
	FIELD_DEPARTMENT,		/* 部署 ... */
	FIELD_COMPANY_READING,		/* 会社名（フリガナ） ... */
	FIELD_TIME_START,		/* 開始時刻: the time when none else */
	FIELD_AMBIGUOUS = -1,		/* resembles two questions equally */
};

/*
 * Classify one header cell (raw UTF-8 as read).  Returns a question number
 * 1..25, one of the FIELD_ codes, FIELD_NONE or FIELD_AMBIGUOUS.  When the
 * question was recognised by its text, *similarity (if given) is set to
 * the match score in (0, 1]; 1 for numbered and metadata headers.
 */
int header_classify(const char *cell, double *similarity);
/*
 * The field a --map file names: "Q7", "7", "q07", "time", "submitted_at",
 * "corporate_number", "company_id", "company_name", "industry",
 * "employees", "star_level", "department", "company_reading", "ignore"
 * (FIELD_NONE).
 * Returns -2 for a name it does not know.
 */
int header_field_by_name(const char *name);
/*
 * 1 when a header cell is a reading word alone (フリガナ, ふりがな): whose
 * reading it is, the company's or a person's, only its neighbour says.
 */
int header_reading_bare(const char *cell);
/* Name of a field for messages and --inspect: "Q7", "time", ... */
const char *header_field_name(int field);
#endif
