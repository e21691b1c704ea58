/*
 * Unit tests of lib/state.c: which response of each department counts as
 * of a date, how departments combine, where the attributes come from, and
 * the totals.  Expected values are worked out by hand in the comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "err.h"
#include "state.h"
#include "tap.h"

/* 2024-04-01 00:00 JST = 2024-03-31T15:00:00Z */
#define END_2024_03_31 1711897200

struct seen {
	char key[32], name[32], industry[16], size[16], star[16];
	char at[21], answers[NQUESTIONS + 1];
	int ndept, complete, total, part[3];
};

struct seen_list {
	struct seen s[8];
	int n;
	int stop_at;	/* return non-zero at this call (1-based), 0: never */
};

static int
collect(const struct company_state *c, void *arg)
{
	struct seen_list *l = arg;
	struct seen *s = &l->s[l->n++];

	snprintf(s->key, sizeof s->key, "%s", c->company_key);
	snprintf(s->name, sizeof s->name, "%s",
		 c->company_name ? c->company_name : "(null)");
	snprintf(s->industry, sizeof s->industry, "%s", c->industry_code);
	snprintf(s->size, sizeof s->size, "%s", c->size_class);
	snprintf(s->star, sizeof s->star, "%s", c->star_level);
	memcpy(s->at, c->submitted_at, sizeof s->at);
	memcpy(s->answers, c->answers, sizeof s->answers);
	s->ndept = c->n_departments;
	s->complete = c->complete;
	s->total = c->total;
	memcpy(s->part, c->part_points, sizeof s->part);
	return l->n == l->stop_at ? 7 : 0;
}

/* 25 answers: all `fill`, then "Qn=c" edits given as n, c pairs. */
static const char *
answers(char fill, const char *edits)
{
	static char buf[NQUESTIONS + 1];

	memset(buf, fill, NQUESTIONS);
	buf[NQUESTIONS] = '\0';
	while (edits && *edits) {
		int q = (edits[0] - '0') * 10 + (edits[1] - '0');

		buf[q - 1] = edits[2];
		edits += 3;
	}
	return buf;
}

static void
add(sqlite3 *db, int id, const char *key, const char *dept, const char *at,
    const char *name, const char *industry, const char *size,
    const char *star, const char *ans, int superseded)
{
	sqlite3_stmt *st;

	if (db_prepare(db, &st, "INSERT INTO response (response_id,"
		       " company_key, department, submitted_at, company_name,"
		       " industry_code, size_class, star_level, answers,"
		       " base_score, n_unknown, n_na, n_missing, file_id, line,"
		       " superseded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
		       " 0, 0, 0, 0, 1, 1, ?)"))
		exit(1);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, dept, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, industry, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, size, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, star, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ans, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, superseded);
	if (sqlite3_step(st) != SQLITE_DONE)
		die("insert %d: %s", id, sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

static void
fill(sqlite3 *db)
{
	db_exec(db, "INSERT INTO file (file_id, path, sha256, bytes, status,"
		" imported_at) VALUES (1, 'x.csv', '', 0, 'imported',"
		" '2024-01-01T00:00:00Z')");
	/*
	 * corp:A, three departments.  本社: the 03-10 response replaces the
	 * 03-01 one (all N); its 04-01 response is after the date.  支店:
	 * the superseded 03-25 row never counts.  工場 is the latest
	 * response, so its attributes win.
	 */
	add(db, 1, "corp:A", "本社", "2024-03-01T00:00:00Z", "A本社",
	    "D", "6-20", "one", answers('N', NULL), 0);
	add(db, 2, "corp:A", "本社", "2024-03-10T00:00:00Z", "A本社",
	    "D", "6-20", "one", answers('I', "01N03A"), 0);
	add(db, 3, "corp:A", "支店", "2024-03-05T00:00:00Z", "A支店",
	    "D", "6-20", "one", answers('I', "02U03P"), 0);
	add(db, 4, "corp:A", "工場", "2024-03-20T00:00:00Z", "A工場",
	    "E", "21-50", "two", answers('I', "04P25A"), 0);
	add(db, 5, "corp:A", "本社", "2024-03-31T15:00:00Z", "A後",
	    "F", "301+", "none", answers('-', NULL), 0);
	add(db, 6, "corp:A", "支店", "2024-03-25T00:00:00Z", "A旧",
	    "F", "301+", "none", answers('N', NULL), 1);
	/*
	 * corp:B, two departments answering at the same second: the higher
	 * response_id (8, department x) gives the attributes although y is
	 * read after x.  x at 15:00:00Z is exactly 2024-04-01 JST: too late.
	 */
	add(db, 7, "corp:B", "y", "2024-03-31T14:59:59Z", "Y社",
	    "G", "1-5", "none", answers('A', NULL), 0);
	add(db, 8, "corp:B", "x", "2024-03-31T14:59:59Z", "X社",
	    "H", "51-100", "one", answers('I', "05-"), 0);
	add(db, 9, "corp:B", "x", "2024-03-31T15:00:00Z", "X後",
	    "I", "51-100", "one", answers('N', NULL), 0);
	/* corp:C misses Q10; corp:D's answers are damaged (too short) */
	add(db, 10, "corp:C", "", "2024-02-01T00:00:00Z", "C社",
	    "unknown", "unknown", "unknown", answers('I', "10-"), 0);
	add(db, 11, "corp:D", "", "2024-02-01T00:00:00Z", "D社",
	    "A", "1-5", "two", "IIII", 0);
	/* corp:E has only a response after the date */
	add(db, 12, "corp:E", "", "2024-05-01T00:00:00Z", "E社",
	    "A", "1-5", "two", answers('I', NULL), 0);
}

int
main(void)
{
	char path[] = "/tmp/t-state.XXXXXX";
	struct seen_list l;
	sqlite3 *db;
	int fd = mkstemp(path);

	if (fd < 0)
		die("mkstemp:");
	close(fd);
	if (!(db = db_open(path, DB_WRITE, NULL)))
		return 1;
	fill(db);

	memset(&l, 0, sizeof l);
	TAP_INT(state_scan(db, END_2024_03_31, 4, NULL, collect, &l), 0,
		"scan succeeds");
	TAP_INT(l.n, 4, "four companies before 2024-04-01 JST");
	TAP_STR(l.s[0].key, "corp:A", "company_key order: A first");
	/* Q1 N (本社), Q2 U (支店), Q3 P beats na, Q4 P (工場), Q25 I */
	TAP_STR(l.s[0].answers, "NUPPIIIIIIIIIIIIIIIIIIIII",
		"three departments: weakest answer wins");
	TAP_INT(l.s[0].ndept, 3, "A has three departments");
	TAP_INT(l.s[0].complete, 1, "A is complete");
	/* 0 - 1 + 2 + 2 + 4 = 7; 13 x 4 = 52; 7 x 4 = 28 */
	TAP_INT(l.s[0].total, 87, "A scores 87");
	TAP_INT(l.s[0].part[0], 7, "A part 1");
	TAP_INT(l.s[0].part[1], 52, "A part 2");
	TAP_INT(l.s[0].part[2], 28, "A part 3");
	TAP_STR(l.s[0].name, "A工場", "name from the latest response");
	TAP_STR(l.s[0].industry, "E", "industry from the latest response");
	TAP_STR(l.s[0].size, "21-50", "size from the latest response");
	TAP_STR(l.s[0].star, "two", "star from the latest response");
	TAP_STR(l.s[0].at, "2024-03-20T00:00:00Z", "submitted_at is latest");

	TAP_STR(l.s[1].key, "corp:B", "then B");
	TAP_STR(l.s[1].name, "X社", "tie on time: higher response_id");
	TAP_STR(l.s[1].industry, "H", "tie: industry of response 8");
	TAP_INT(l.s[1].ndept, 2, "B has two departments before the date");
	TAP_STR(l.s[1].answers, "IIIIAIIIIIIIIIIIIIIIIIIII",
		"missing in one department, na in the other: na");
	TAP_INT(l.s[1].total, 100, "B scores 100 with na = 4");

	TAP_STR(l.s[2].key, "corp:C", "then C");
	TAP_INT(l.s[2].complete, 0, "C missing Q10 is incomplete");
	TAP_INT(l.s[3].complete, 0, "D with damaged answers is incomplete");
	TAP_STR(l.s[3].answers, "IIII---------------------",
		"damaged answers read as missing");

	memset(&l, 0, sizeof l);
	TAP_INT(state_scan(db, END_2024_03_31, 0, "corp:B", collect, &l), 0,
		"scan of one company");
	TAP_INT(l.n, 1, "only corp:B");
	/* na worth 0 points is weaker than implemented: y's na wins */
	TAP_STR(l.s[0].answers, "AAAAAAAAAAAAAAAAAAAAAAAAA",
		"na = 0: na is the weaker answer everywhere");
	TAP_INT(l.s[0].total, 0, "B scores 0 with na = 0");

	memset(&l, 0, sizeof l);
	TAP_INT(state_scan(db, END_2024_03_31 + 86400 * 60, 4, "corp:E",
			   collect, &l), 0, "scan of corp:E later");
	TAP_INT(l.n, 1, "corp:E once its response counts");

	memset(&l, 0, sizeof l);
	l.stop_at = 2;
	TAP_INT(state_scan(db, END_2024_03_31, 4, NULL, collect, &l), 7,
		"the callback's value stops the scan");
	TAP_INT(l.n, 2, "no call after the stop");

	memset(&l, 0, sizeof l);
	TAP_INT(state_scan(db, 0, 4, NULL, collect, &l), 0, "empty scan");
	TAP_INT(l.n, 0, "nothing before 1970");

	db_close(db);
	unlink(path);
	return tap_done();
}
