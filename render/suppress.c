/*
 * Secondary suppression of the faces of a run; see suppress.h.  The rule
 * is the one statistical offices apply to a table's rows and columns: no
 * hidden cell may be alone in its line, and the hidden cells together
 * must be as large as the smallest group that may be shown.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "jsic.h"
#include "size.h"
#include "suppress.h"

/* Axes, each with its codes in order and "*" last. */
#define NIND (JSIC_NDIVISIONS + 2)	/* A..T, unknown, * */
#define NSIZE (SIZE_NCLASSES + 2)	/* six classes, unknown, * */
#define NSTAR 5				/* two one none unknown * */
#define LONGEST NIND

static const char *const star_codes[NSTAR] = {
	"two", "one", "none", "unknown", "*"
};

struct supp {
	int min_group;
	long long n[NIND][NSIZE][NSTAR];
	int hide[NIND][NSIZE][NSTAR];
};

int
suppress_line(const long long *n, int *hide, int count, int parent,
	      int min_group)
{
	long long hidden_n = 0;	/* of the siblings */
	int i, nh = 0, added = 0;

	for (i = 0; i < count; i++)
		if (hide[i] > 0) {
			if (i != parent)
				hidden_n += n[i];
			nh++;
		}
	while (nh > 0 && (nh < 2 || (parent >= 0 && hide[parent] <= 0 &&
				     hidden_n < min_group))) {
		int best = -1;

		for (i = 0; i < count; i++)
			if (i != parent && hide[i] == SUPP_SHOWN &&
			    (best < 0 || n[i] < n[best]))
				best = i;
		if (best < 0 && parent >= 0 && hide[parent] == SUPP_SHOWN)
			best = parent;	/* no sibling left: hide the parent */
		if (best < 0)
			break;
		hide[best] = SUPP_PROTECT;
		if (best != parent)
			hidden_n += n[best];
		nh++;
		added++;
	}
	return added;
}

static int
ind_index(const char *code)
{
	if (!strcmp(code, "*"))
		return NIND - 1;
	if (code[0] >= 'A' && code[0] < 'A' + JSIC_NDIVISIONS && !code[1])
		return code[0] - 'A';
	return NIND - 2;
}

static int
size_index(const char *code)
{
	int i;

	if (!strcmp(code, "*"))
		return NSIZE - 1;
	for (i = 0; i < SIZE_NCLASSES; i++)
		if (!strcmp(code, size_classes[i]))
			return i;
	return NSIZE - 2;
}

static int
star_index(const char *code)
{
	int i;

	for (i = 0; i < NSTAR - 1; i++)
		if (!strcmp(code, star_codes[i]))
			return i;
	return strcmp(code, "*") ? NSTAR - 2 : NSTAR - 1;
}

/*
 * Protect the line along axis (0 industry, 1 size, 2 star) through the
 * indexes a and b of the other two axes, in axis order; the parent is
 * the axis's last ("*") index.  Returns how many it hid.
 */
static int
protect(struct supp *sp, int axis, int a, int b)
{
	static const int len[3] = { NIND, NSIZE, NSTAR };
	long long n[LONGEST] = { 0 };
	int hide[LONGEST], i, added;

	for (i = 0; i < len[axis]; i++) {
		int *h = axis == 0 ? &sp->hide[i][a][b] :
			 axis == 1 ? &sp->hide[a][i][b] : &sp->hide[a][b][i];

		n[i] = axis == 0 ? sp->n[i][a][b] :
		       axis == 1 ? sp->n[a][i][b] : sp->n[a][b][i];
		hide[i] = *h;
	}
	added = suppress_line(n, hide, len[axis], len[axis] - 1,
			      sp->min_group);
	for (i = 0; i < len[axis]; i++)
		if (hide[i] == SUPP_PROTECT) {
			if (axis == 0)
				sp->hide[i][a][b] = SUPP_PROTECT;
			else if (axis == 1)
				sp->hide[a][i][b] = SUPP_PROTECT;
			else
				sp->hide[a][b][i] = SUPP_PROTECT;
		}
	return added;
}

/* Every line of the three faces (one of the other two axes at "*"). */
static void
protect_faces(struct supp *sp)
{
	int x, y, z, changed;

	do {
		changed = 0;
		for (y = 0; y < NSIZE; y++)
			for (z = 0; z < NSTAR; z++)
				if (y == NSIZE - 1 || z == NSTAR - 1)
					changed += protect(sp, 0, y, z);
		for (x = 0; x < NIND; x++)
			for (z = 0; z < NSTAR; z++)
				if (x == NIND - 1 || z == NSTAR - 1)
					changed += protect(sp, 1, x, z);
		for (x = 0; x < NIND; x++)
			for (y = 0; y < NSIZE; y++)
				if (x == NIND - 1 || y == NSIZE - 1)
					changed += protect(sp, 2, x, y);
	} while (changed);
}

struct supp *
supp_load(sqlite3 *db, long long run_id, int min_group)
{
	struct supp *sp = xcalloc(1, sizeof *sp);
	sqlite3_stmt *st;
	int rc, x, y, z;

	sp->min_group = min_group;
	for (x = 0; x < NIND; x++)
		for (y = 0; y < NSIZE; y++)
			for (z = 0; z < NSTAR; z++)
				sp->hide[x][y][z] = SUPP_ABSENT;
	if (db_prepare(db, &st, "SELECT industry_code, size_class,"
		       " star_level, n, suppressed FROM group_stat"
		       " WHERE run_id = ?1 AND (industry_code = '*'"
		       " OR size_class = '*' OR star_level = '*')")) {
		free(sp);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ind = (const char *)sqlite3_column_text(st, 0);
		const char *size = (const char *)sqlite3_column_text(st, 1);
		const char *star = (const char *)sqlite3_column_text(st, 2);

		if (!ind || !size || !star)
			continue;
		x = ind_index(ind);
		y = size_index(size);
		z = star_index(star);
		sp->n[x][y][z] = sqlite3_column_int64(st, 3);
		sp->hide[x][y][z] = sqlite3_column_int(st, 4) ||
				    sp->n[x][y][z] <= 0 ? SUPP_SMALL :
						      SUPP_SHOWN;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(db));
		free(sp);
		return NULL;
	}
	protect_faces(sp);
	return sp;
}

int
supp_hide(const struct supp *sp, const char *ind, const char *size,
	  const char *star)
{
	return sp->hide[ind_index(ind)][size_index(size)][star_index(star)];
}
