/*
 * Layout detection.  Exports put their header anywhere in the first rows
 * (titles above it, two or three header rows in SurveyMonkey and
 * Qualtrics), so the header is the first of the first ten records where
 * every question can be identified exactly once; the rows right after it
 * that hold no answers but descriptors ("Response", {"ImportId":...}, the
 * question texts again) are skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answer.h"
#include "dirlist.h"
#include "err.h"
#include "header.h"
#include "layout.h"
#include "text.h"

#define HEADER_ROWS 10
#define MAX_DESCRIPTORS 2

static int
colmap_load_file(struct colmap *m, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	memset(m, 0, sizeof *m);
	if (!f)
		return error("'%s': cannot open:", path);
	m->name = xstrdup(path);
	while ((n = getline(&line, &cap, f)) > 0) {
		char *tab, key[512];
		int field;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if (!(tab = strchr(line, '\t'))) {
			rc = error("%s:%ld: expected 'header<TAB>field'",
				   path, lineno);
			break;
		}
		*tab = '\0';
		if ((field = header_field_by_name(tab + 1)) == -2) {
			rc = error("%s:%ld: unknown field '%s' (Q1..Q25, time,"
				   " corporate_number, company_id, "
				   "company_name, industry, employees, "
				   "star_level, department, ignore)",
				   path, lineno, tab + 1);
			break;
		}
		text_fold(key, sizeof key, line, strlen(line), TEXT_LOWER);
		m->headers = xrealloc(m->headers,
				      (m->n + 1) * sizeof *m->headers);
		m->fields = xrealloc(m->fields, (m->n + 1) * sizeof *m->fields);
		m->headers[m->n] = xstrdup(key);
		m->fields[m->n] = field;
		m->n++;
	}
	free(line);
	fclose(f);
	if (rc)
		colmap_release(m);
	return rc;
}

/* Every map of the folder dir, the first in m, the others after it. */
static int
colmap_load_dir(struct colmap *m, const char *dir)
{
	struct colmap *tail = m, *c;
	size_t n, i;
	char **names = dirlist(dir, &n);
	int rc = 0;

	memset(m, 0, sizeof *m);
	m->by_header = 1;
	if (!names)
		return error("'%s': cannot open:", dir);
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;

		if (rc == 0 && names[i][0] != '.' && stat(path, &st) == 0 &&
		    S_ISREG(st.st_mode)) {
			c = tail == m && !m->name ? m : xcalloc(1, sizeof *c);
			if ((rc = colmap_load_file(c, path)) == 0) {
				c->by_header = 1;
				if (c != m)
					tail = tail->next = c;
			} else if (c != m) {
				free(c);
			}
		}
		free(path);
	}
	dirlist_free(names, n);
	if (rc)
		colmap_release(m);
	return rc;
}

int
colmap_load(struct colmap *m, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return colmap_load_dir(m, path);
	return colmap_load_file(m, path);
}

/* One map's own memory, not the maps after it. */
static void
colmap_free_one(struct colmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->headers[i]);
	free(m->headers);
	free(m->fields);
	free(m->name);
}

void
colmap_release(struct colmap *m)
{
	struct colmap *c = m->next, *next;

	for (; c; c = next) {
		next = c->next;
		colmap_free_one(c);
		free(c);
	}
	colmap_free_one(m);
	memset(m, 0, sizeof *m);
}

/* Does record k of pk hold every header map m names? */
static int
covers(const struct colmap *m, const struct peeked *pk, int k)
{
	char key[512];
	size_t i, c;

	for (i = 0; i < m->n; i++) {
		for (c = 0; c < pk->rec[k].nfields; c++) {
			const char *cell = pk->rec[k].fields[c];

			text_fold(key, sizeof key, cell, strlen(cell),
				  TEXT_LOWER);
			if (strcmp(key, m->headers[i]) == 0)
				break;
		}
		if (c == pk->rec[k].nfields)
			return 0;
	}
	return 1;
}

/*
 * The map for record k as a header: a map given alone; of a folder's,
 * the one whose headers the record holds all of (the one naming most
 * when several do, the first by name at a tie), else none.
 */
static const struct colmap *
pick(const struct colmap *map, const struct peeked *pk, int k)
{
	const struct colmap *m, *best = NULL;

	if (!map || !map->by_header)
		return map && map->n ? map : NULL;
	for (m = map; m; m = m->next)
		if (m->n && (!best || m->n > best->n) && covers(m, pk, k))
			best = m;
	return best;
}

void
peeked_load(struct peeked *pk, const char *text, size_t len, int delim)
{
	struct reader_mem mem = { text, len, 0 };
	struct reader *r = reader_new(reader_mem_read, &mem, delim);
	struct record *rec;
	size_t i;

	memset(pk, 0, sizeof *pk);
	while (pk->n < LAYOUT_PEEK && reader_next(r, &rec) == 1) {
		pk->rec[pk->n].line = rec->line;
		pk->rec[pk->n].nfields = rec->nfields;
		pk->rec[pk->n].fields = xcalloc(rec->nfields,
						sizeof(char *));
		for (i = 0; i < rec->nfields; i++)
			pk->rec[pk->n].fields[i] = xstrdup(rec->fields[i]);
		pk->n++;
	}
	reader_free(r);
}

void
peeked_add(struct peeked *pk, const struct record *rec)
{
	size_t i;

	if (pk->n == LAYOUT_PEEK)
		return;
	pk->rec[pk->n].line = rec->line;
	pk->rec[pk->n].nfields = rec->nfields;
	pk->rec[pk->n].fields = xcalloc(rec->nfields ? rec->nfields : 1,
					sizeof(char *));
	for (i = 0; i < rec->nfields; i++)
		pk->rec[pk->n].fields[i] = xstrdup(rec->fields[i]);
	pk->n++;
}

void
peeked_release(struct peeked *pk)
{
	int i;
	size_t j;

	for (i = 0; i < pk->n; i++) {
		for (j = 0; j < pk->rec[i].nfields; j++)
			free(pk->rec[i].fields[j]);
		free(pk->rec[i].fields);
	}
	memset(pk, 0, sizeof *pk);
}

/* The field a --map gives cell, or -2 when it names no such header. */
static int
mapped(const char *cell, const struct colmap *map)
{
	char key[512];
	size_t i;

	if (map && map->n) {
		text_fold(key, sizeof key, cell, strlen(cell), TEXT_LOWER);
		for (i = 0; i < map->n; i++)
			if (strcmp(key, map->headers[i]) == 0)
				return map->fields[i];
	}
	return -2;
}

static int
classify(const char *cell, const struct colmap *map)
{
	int f = mapped(cell, map);

	return f != -2 ? f : header_classify(cell, NULL);
}

/* Fields of every cell of one record; returns questions seen once. */
static int
classify_row(const struct peeked *pk, int k, const struct colmap *map,
	     int *field, int count[NQUESTIONS + 1])
{
	size_t i;
	int q, found = 0;

	memset(count, 0, (NQUESTIONS + 1) * sizeof *count);
	map = pick(map, pk, k);
	for (i = 0; i < pk->rec[k].nfields; i++) {
		field[i] = classify(pk->rec[k].fields[i], map);
		if (field[i] >= 1 && field[i] <= NQUESTIONS)
			count[field[i]]++;
	}
	for (q = 1; q <= NQUESTIONS; q++)
		found += count[q] == 1;
	return found;
}

/*
 * A row right after the header that carries no answer but descriptors:
 * SurveyMonkey's "Response" row, Qualtrics' question texts and ImportIds.
 */
static int
is_descriptor(const struct layout *lo, const struct peeked *pk, int k)
{
	int q, desc = 0;

	for (q = 1; q <= NQUESTIONS; q++) {
		const char *cell;
		int code;

		if ((size_t)lo->q[q] >= pk->rec[k].nfields)
			continue;
		cell = pk->rec[k].fields[lo->q[q]];
		code = answer_parse(cell);
		if (code && code != ANS_MISSING)
			return 0;
		if (strstr(cell, "ImportId") ||
		    strcmp(cell, "Response") == 0 ||
		    strcmp(cell, "Open-Ended Response") == 0 ||
		    header_classify(cell, NULL) == q)
			desc++;
	}
	return desc > 0;
}

static void
explain(struct layout *lo, const struct peeked *pk, int best,
	const struct colmap *map)
{
	int *field, count[NQUESTIONS + 1], q, nmissing = 0, found = 0;
	size_t i, off = 0;
	char *w = lo->why;
	size_t cap = sizeof lo->why;

#define SAY(...) do { if (off < cap) off += (size_t)snprintf(w + off, \
	cap - off, __VA_ARGS__); } while (0)
	if (pk->n == 0) {
		snprintf(w, cap, "no records: the file is empty");
		return;
	}
	field = xcalloc(pk->rec[best].nfields + 1, sizeof *field);
	classify_row(pk, best, map, field, count);
	for (q = 1; q <= NQUESTIONS; q++)
		found += count[q] > 0;
	SAY("no header row with all 25 questions in the first %d rows",
	    HEADER_ROWS);
	if (found == 0) {
		SAY("; no question column recognised");
	} else {
		SAY("; line %ld comes closest", pk->rec[best].line);
		for (q = 1; q <= NQUESTIONS; q++)
			if (count[q] == 0)
				SAY("%s Q%d", nmissing++ ? "," : ": missing", q);
		for (q = 1; q <= NQUESTIONS; q++)
			if (count[q] > 1)
				SAY("; Q%d in %d columns", q, count[q]);
	}
	for (i = 0; i < pk->rec[best].nfields; i++)
		if (field[i] == FIELD_AMBIGUOUS)
			SAY("; column %zu '%.60s' matches several questions",
			    i + 1, pk->rec[best].fields[i]);
	SAY("; see ingest --inspect and --map");
#undef SAY
	free(field);
}

int
layout_score(const struct peeked *pk, const struct colmap *map)
{
	int k, best = 0, count[NQUESTIONS + 1];

	for (k = 0; k < pk->n && k < HEADER_ROWS; k++) {
		int *field = xcalloc(pk->rec[k].nfields + 1, sizeof *field);
		int found = classify_row(pk, k, map, field, count);

		if (found > best)
			best = found;
		free(field);
	}
	return best;
}

int
layout_detect(struct layout *lo, const struct peeked *pk,
	      const struct colmap *map, int delim)
{
	int k, best = 0, best_found = -1, count[NQUESTIONS + 1];
	size_t i;

	memset(lo, 0, sizeof *lo);
	lo->delim = delim;
	for (k = 0; k < pk->n && k < HEADER_ROWS; k++) {
		int *field = xcalloc(pk->rec[k].nfields + 1, sizeof *field);
		int found = classify_row(pk, k, map, field, count);

		if (found > best_found) {
			best_found = found;
			best = k;
		}
		if (found == NQUESTIONS) {
			lo->field = field;
			lo->ncols = pk->rec[k].nfields;
			lo->header_rec = k;
			lo->header_line = pk->rec[k].line;
			map = pick(map, pk, k);
			lo->map_name = map ? map->name : NULL;
			lo->names = xcalloc(lo->ncols + 1, sizeof *lo->names);
			for (i = 0; i < lo->ncols; i++)
				lo->names[i] = xstrdup(pk->rec[k].fields[i]);
			break;
		}
		free(field);
	}
	lo->questions = best_found > 0 ? best_found : 0;
	if (!lo->field) {
		explain(lo, pk, best, map);
		return -1;
	}
	for (i = 0; i < NMETA; i++)
		lo->meta[i] = -1;
	for (i = 0; i < lo->ncols; i++) {
		int f = lo->field[i];

		if (f >= 1 && f <= NQUESTIONS)
			lo->q[f] = (int)i;
		else if (f >= FIELD_TIME && f <= FIELD_COMPANY_READING &&
			 lo->meta[f - FIELD_TIME] < 0)
			lo->meta[f - FIELD_TIME] = (int)i;
	}
	/*
	 * A bare フリガナ reads the column before it: after 会社名 it is the
	 * company's, after 氏名 a person's, which is ignored rather than
	 * guessed.  A --map says what it means and is taken as it is.
	 */
	i = (size_t)lo->meta[META_COMPANY_READING];
	if (lo->meta[META_COMPANY_READING] >= 0 &&
	    mapped(lo->names[i], map) == -2 &&
	    header_reading_bare(lo->names[i]) &&
	    (i == 0 || lo->field[i - 1] != FIELD_COMPANY_NAME)) {
		lo->field[i] = FIELD_NONE;
		lo->meta[META_COMPANY_READING] = -1;
	}
	for (i = 0; i < lo->ncols && lo->meta[META_TIME] < 0; i++)
		if (lo->field[i] == FIELD_TIME_START)
			lo->meta[META_TIME] = (int)i;
	lo->skip = lo->header_rec + 1;
	for (k = lo->header_rec + 1; k < pk->n &&
	     k <= lo->header_rec + MAX_DESCRIPTORS; k++) {
		if (!is_descriptor(lo, pk, k))
			break;
		lo->skip = k + 1;
	}
	return 0;
}

void
layout_release(struct layout *lo)
{
	free(lo->field);
	lo->field = NULL;
	for (size_t i = 0; lo->names && i < lo->ncols; i++)
		free(lo->names[i]);
	free(lo->names);
	lo->names = NULL;
}

const char *
layout_delim_name(int d)
{
	return d == '\t' ? "tab" : d == ';' ? "semicolon" : "comma";
}

int
layout_sniff(struct layout *lo, const char *text, size_t len,
	     const struct colmap *map)
{
	static const char delims[] = ",\t;";
	struct peeked pk;
	int i, best = -1, best_delim = ',', rc;
	size_t best_fields = 0;

	for (i = 0; delims[i]; i++) {
		int score;

		peeked_load(&pk, text, len, delims[i]);
		score = layout_score(&pk, map);
		/* most questions; at a tie, most fields in the first record */
		if (score > best || (score == best && pk.n > 0 &&
		    pk.rec[0].nfields > best_fields)) {
			best = score;
			best_delim = delims[i];
			best_fields = pk.n > 0 ? pk.rec[0].nfields : 0;
		}
		peeked_release(&pk);
	}
	peeked_load(&pk, text, len, best_delim);
	rc = layout_detect(lo, &pk, map, best_delim);
	peeked_release(&pk);
	return rc;
}
