/*
 * The settings file (see settings.h): read whole at start (a consultant's
 * list of clients, small), before the report workers fork, so that every
 * worker sees the same rows.  Values keep no control characters, so they
 * can go into a PDF, an HTML page or a .docx as they are (each escapes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "settings.h"
#include "text.h"
#include "when.h"

enum { COL_KEY, COL_TITLE, COL_REP, COL_EST, COL_PUB, COL_REV, COL_ENG,
       NCOLS };

static const char *const colnames[NCOLS] = {
	"company_key", "title", "representative", "established", "published",
	"revised", "engaged",
};

/* Split line into its tab-separated cells, in place; returns how many. */
static int
split(char *line, char **cells, int max)
{
	int n = 0;

	while (n < max) {
		cells[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

/* A kept copy of a cell: NULL when empty; control characters dropped. */
static char *
cell_copy(const char *s)
{
	char *c, *q;

	if (!s || !*s)
		return NULL;
	c = q = xstrdup(s);
	for (; *s; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			*q++ = *s;
	*q = '\0';
	return c;
}

/* Is the cell of column i, when given, a date YYYY-MM-DD?  Says why not. */
static int
date_ok(const char *v, const int *col, int i, const char *path, long lineno)
{
	int64_t end;

	if (!v || (strlen(v) == 10 && when_as_of(v, &end) == 0))
		return 1;
	error("%s:%ld: %s '%s' (column %d) is not a date YYYY-MM-DD", path,
	      lineno, colnames[i], v, col[i] + 1);
	return 0;
}

/* Parse one data line into s; lineno for messages.  Returns 0 or 2. */
static int
add_row(struct settings *s, const int *col, char *line, const char *path,
	long lineno)
{
	char *cells[64];
	int n = split(line, cells, 64), i;
	struct settings_row r = { 0 };
	char **fields[NCOLS] = { &r.company_key, &r.title, &r.representative,
				 &r.established, &r.published, &r.revised,
				 &r.engaged };

	for (i = 0; i < NCOLS; i++)
		if (col[i] >= 0 && col[i] < n)
			*fields[i] = cell_copy(cells[col[i]]);
	if (!r.company_key) {
		for (i = 0; i < NCOLS; i++)
			free(*fields[i]);
		return 0;	/* a blank line */
	}
	if (!date_ok(r.established, col, COL_EST, path, lineno) ||
	    !date_ok(r.revised, col, COL_REV, path, lineno) ||
	    !date_ok(r.engaged, col, COL_ENG, path, lineno))
		goto bad;
	if (r.established && r.revised &&
	    strcmp(r.revised, r.established) < 0) {
		error("%s:%ld: revised '%s' (column %d) is before established "
		      "'%s'", path, lineno, r.revised, col[COL_REV] + 1,
		      r.established);
		goto bad;
	}
	if (settings_find(s, r.company_key)) {
		error("%s:%ld: company '%s' is listed twice", path, lineno,
		      r.company_key);
		goto bad;
	}
	s->rows = xrealloc(s->rows, (s->n + 1) * sizeof *s->rows);
	s->rows[s->n++] = r;
	return 0;
bad:
	for (i = 0; i < NCOLS; i++)
		free(*fields[i]);
	return 2;
}

int
settings_load(struct settings **out, const char *path)
{
	struct settings *s = xcalloc(1, sizeof *s);
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t size = 0;
	ssize_t len;
	long lineno = 0;
	int col[NCOLS], rc = 0, i;

	*out = NULL;
	if (!fp) {
		free(s);
		error("'%s': cannot open:", path);
		return 1;
	}
	for (i = 0; i < NCOLS; i++)
		col[i] = -1;
	while (rc == 0 && (len = getline(&line, &size, fp)) >= 0) {
		char *p = line;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
				   line[len - 1] == '\r'))
			line[--len] = '\0';
		if (utf8_valid_prefix(line, len) != (size_t)len) {
			error("%s:%ld: not UTF-8 (save the file as UTF-8)",
			      path, lineno);
			rc = 2;
			break;
		}
		if (lineno == 1 && !strncmp(p, "\xEF\xBB\xBF", 3))
			p += 3;
		if (lineno == 1) {
			char *cells[64];
			int n = split(p, cells, 64), j;

			for (j = 0; j < n; j++)
				for (i = 0; i < NCOLS; i++)
					if (!strcmp(cells[j], colnames[i]))
						col[i] = j;
			if (col[COL_KEY] < 0) {
				error("%s:1: no company_key column", path);
				rc = 2;
			}
			continue;
		}
		rc = add_row(s, col, p, path, lineno);
	}
	if (rc == 0 && ferror(fp)) {
		error("'%s': cannot read:", path);
		rc = 1;
	} else if (rc == 0 && lineno == 0) {
		error("'%s': empty (no header line)", path);
		rc = 2;
	}
	free(line);
	fclose(fp);
	if (rc != 0) {
		settings_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

const struct settings_row *
settings_find(const struct settings *s, const char *company_key)
{
	int i;

	for (i = 0; s && i < s->n; i++)
		if (!strcmp(s->rows[i].company_key, company_key))
			return &s->rows[i];
	return NULL;
}

int
settings_engaged(const struct settings *s)
{
	int i;

	for (i = 0; s && i < s->n; i++)
		if (s->rows[i].engaged)
			return 1;
	return 0;
}

void
settings_free(struct settings *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->rows[i].company_key);
		free(s->rows[i].title);
		free(s->rows[i].representative);
		free(s->rows[i].established);
		free(s->rows[i].published);
		free(s->rows[i].revised);
		free(s->rows[i].engaged);
	}
	free(s->rows);
	free(s);
}
