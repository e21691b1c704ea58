#ifndef SHINDAN_LAYOUT_H
#define SHINDAN_LAYOUT_H
/*
 * The shape of an export: which delimiter, which record is the header,
 * how many descriptor rows follow it, and which column holds what.
 */
#include <stddef.h>

#include "catalogue.h"
#include "reader.h"

/* Metadata fields, indexes into layout.meta[] (FIELD_TIME ... in order). */
enum meta {
	META_TIME,
	META_CORPNO,
	META_COMPANY_ID,
	META_COMPANY_NAME,
	META_INDUSTRY,
	META_EMPLOYEES,
	META_STAR,
	META_DEPARTMENT,
	META_COMPANY_READING,
	NMETA
};

/*
 * An explicit header → field map (--map FILE), or a folder of them (--map
 * DIR, the nightly run's SHINDAN_MAPS): a folder's map is used for a
 * header row that holds every header it names (its fingerprint), the one
 * naming most when several do; a map given alone is used for every file.
 */
struct colmap {
	size_t n;
	char **headers;		/* folded with text_fold(TEXT_LOWER) */
	int *fields;
	char *name;		/* the file it was read from */
	int by_header;		/* one of a folder's: chosen by fingerprint */
	struct colmap *next;	/* the folder's next map */
};

/* The first records of a file, copied, for detection. */
#define LAYOUT_PEEK 12
struct peeked {
	int n;
	struct {
		long line;
		size_t nfields;
		char **fields;
	} rec[LAYOUT_PEEK];
};

struct layout {
	int delim;
	int header_rec;		/* index of the header among the records */
	long header_line;
	int skip;		/* records before the data: header+descriptors */
	size_t ncols;
	int *field;		/* per column: question 1..25, FIELD_..., 0 */
	char **names;		/* per column: the header cell as written */
	int q[NQUESTIONS + 1];	/* column of each question */
	int meta[NMETA];	/* column of each metadata field or -1 */
	int questions;		/* questions found once in the best row */
	const char *map_name;	/* the --map file used, or NULL */
	char why[1024];		/* why detection failed */
};

/*
 * Read a --map file: lines "header<TAB>field" (blank lines and lines
 * starting with '#' skipped); or a folder of them, every file in it whose
 * name does not start with '.', in name order.  Returns 0, or -1 after
 * printing "file:line: why".
 */
int colmap_load(struct colmap *m, const char *path);
void colmap_release(struct colmap *m);

/* Copy up to LAYOUT_PEEK records of text with delimiter delim. */
void peeked_load(struct peeked *pk, const char *text, size_t len, int delim);
/* Copy rec as the next of pk's records (up to LAYOUT_PEEK; pk zeroed first). */
void peeked_add(struct peeked *pk, const struct record *rec);
void peeked_release(struct peeked *pk);

/*
 * Find the header among pk's records (the first where all 25 questions
 * are identified exactly once), the descriptor rows after it, and the
 * column of every field.  Returns 0, or -1 with why naming the missing or
 * ambiguous questions of the best candidate row.
 */
int layout_detect(struct layout *lo, const struct peeked *pk,
		  const struct colmap *map, int delim);
/* Count of questions identified in the best row (to rank delimiters). */
int layout_score(const struct peeked *pk, const struct colmap *map);
void layout_release(struct layout *lo);
/*
 * Detect the layout of a file from its first text: try comma, tab and
 * semicolon, keep the one under which the header shows the most questions
 * (at a tie, the most fields in the first record).  lo->delim is set
 * even on failure.  Returns as layout_detect.
 */
int layout_sniff(struct layout *lo, const char *text, size_t len,
		 const struct colmap *map);
/* "comma", "tab" or "semicolon". */
const char *layout_delim_name(int delim);
#endif
