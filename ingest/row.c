/*
 * One data record of an export turned into a response's values: the 25
 * answers scored, the time, the 法人番号 checked, the company key, the
 * industry, size class and star level classified, the reading of the
 * company name kept as written.  Rejected rows say why
 * and at which column.  Parsed rows travel to the storing side packed, in
 * the order of the response table's key (see row_pack).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "company.h"
#include "corpno.h"
#include "err.h"
#include "extsort.h"
#include "jsic.h"
#include "layout.h"
#include "reader.h"
#include "row.h"
#include "size.h"
#include "star.h"
#include "text.h"
#include "when.h"

static const char *
cell(const struct record *rec, int col)
{
	return col >= 0 && (size_t)col < rec->nfields ? rec->fields[col] : "";
}

static void
fold(char *dst, size_t cap, const char *s)
{
	text_fold(dst, cap, s, strlen(s), 0);
}

/* Shown text (a company name, a raw industry): spaces tidied, else as
 * written; the company key folds the name on its own. */
static void
tidy(char *dst, size_t cap, const char *s)
{
	text_fold(dst, cap, s, strlen(s), TEXT_AS_WRITTEN);
}

/* Copy one of the short fixed words (size class, star level). */
static void
copy_word(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

int
row_parse(struct row_file *f, const struct record *rec, struct row *r,
	  char *why, size_t wcap, int *col)
{
	const struct layout *lo = f->lo;
	const char *v, *reason, *star;
	char id[256];
	int64_t t;
	int q, c, rc;
	size_t i;

	*col = 0;
	if (rec->unterminated) {
		snprintf(why, wcap, "quoted field not closed before the end "
			 "of the file");
		return -1;
	}
	if (rec->nfields < lo->ncols) {
		snprintf(why, wcap, "%zu fields, the header has %zu",
			 rec->nfields, lo->ncols);
		return -1;
	}
	for (i = lo->ncols; i < rec->nfields; i++)
		if (rec->lens[i] > 0) {
			snprintf(why, wcap, "%zu fields, the header has %zu",
				 rec->nfields, lo->ncols);
			return -1;
		}
	if (memchr(rec->raw, '\0', rec->rawlen)) {
		snprintf(why, wcap, "NUL byte in the row");
		return -1;
	}

	r->base = r->n_unknown = r->n_na = r->n_missing = 0;
	for (q = 1; q <= NQUESTIONS; q++) {
		v = cell(rec, lo->q[q]);
		/* a row with a NUL is rejected above: lens[] is strlen() */
		c = answer_parse_n(v, *v ? rec->lens[lo->q[q]] : 0);
		if (!c) {
			*col = lo->q[q] + 1;
			snprintf(why, wcap, "unrecognised answer '%.80s' for "
				 "Q%d (column %d)", v, q, *col);
			return -1;
		}
		r->answers[q - 1] = (char)c;
		if (c == ANS_MISSING)
			r->n_missing++;
		else if (c == ANS_NA)
			r->n_na++;
		else
			r->base += answer_points(c, 0);
		r->n_unknown += c == ANS_UNKNOWN;
	}
	r->answers[NQUESTIONS] = '\0';

	if (lo->meta[META_TIME] < 0) {
		t = f->mtime;
	} else {
		v = cell(rec, lo->meta[META_TIME]);
		*col = lo->meta[META_TIME] + 1;
		if (when_parse(v, &t, &reason) < 0) {
			if (!*v)
				snprintf(why, wcap, "blank submission time "
					 "(column %d)", *col);
			else
				snprintf(why, wcap, "unparseable submission "
					 "time '%.80s' (column %d): %s", v,
					 *col, reason);
			return -1;
		}
	}
	if (t > f->latest_ok) {
		/* 2052 for 2025: aggregate would leave it out silently */
		if (lo->meta[META_TIME] >= 0)
			snprintf(why, wcap, "submission time '%.80s' (column "
				 "%d) is in the future",
				 cell(rec, lo->meta[META_TIME]), *col);
		else
			snprintf(why, wcap, "no time column, and the %s's "
				 "date %s is in the future", f->time_source[0]
				 == 'f' ? "file name" : "file's modification "
				 "time", f->time_date);
		return -1;
	}
	when_format(t, r->when);

	r->corpno[0] = '\0';
	if (lo->meta[META_CORPNO] >= 0) {
		v = cell(rec, lo->meta[META_CORPNO]);
		*col = lo->meta[META_CORPNO] + 1;
		if (corpno_parse(v, r->corpno, &reason) < 0) {
			snprintf(why, wcap, "invalid 法人番号 '%.40s' (column "
				 "%d): %s", v, *col, reason);
			return -1;
		}
	}
	fold(id, sizeof id, cell(rec, lo->meta[META_COMPANY_ID]));
	tidy(r->name, sizeof r->name, cell(rec, lo->meta[META_COMPANY_NAME]));
	if (company_key(r->key, sizeof r->key, r->corpno, id, r->name) < 0) {
		*col = 0;
		snprintf(why, wcap, "no company: 法人番号, company id and "
			 "company name are all blank");
		return -1;
	}

	tidy(r->industry_raw, sizeof r->industry_raw,
	     cell(rec, lo->meta[META_INDUSTRY]));
	rc = jsic_classify(r->industry_raw);
	if (rc > 0) {
		r->industry[0] = (char)rc;
		r->industry[1] = '\0';
	} else {
		strcpy(r->industry, "unknown");
		if (rc < 0) {
			int k;

			for (k = 0; k < f->nseen_industry; k++)
				if (!strncmp(f->seen_industry[k],
					     r->industry_raw, 63))
					break;
			if (k == f->nseen_industry && k < 8) {
				snprintf(f->seen_industry[k], 64, "%.63s",
					 r->industry_raw);
				f->nseen_industry++;
				warn("%s:%ld: unrecognised industry '%s' "
				     "(column %d): stored as unknown", f->path,
				     rec->line, r->industry_raw,
				     lo->meta[META_INDUSTRY] + 1);
			}
		}
	}
	copy_word(r->size, sizeof r->size,
		  size_classify(cell(rec, lo->meta[META_EMPLOYEES])));
	v = cell(rec, lo->meta[META_STAR]);
	if (star_parse(v, &star, &reason) < 0) {
		*col = lo->meta[META_STAR] + 1;
		snprintf(why, wcap, "unrecognised star level '%.40s' (column "
			 "%d)", v, *col);
		return -1;
	}
	copy_word(r->star, sizeof r->star, star);
	fold(r->department, sizeof r->department,
	     cell(rec, lo->meta[META_DEPARTMENT]));
	/* kept as written, kana or not: never a reason to reject a row */
	tidy(r->reading, sizeof r->reading,
	     cell(rec, lo->meta[META_COMPANY_READING]));
	*col = 0;
	return 0;
}

/*
 * Rows are sorted (extsort.c) and stored in the order of the response
 * table's key.  Stored in file order, a large file would insert at random
 * places of a B-tree far larger than the page cache; in key order every
 * page is visited once, and a first import only appends.
 *
 * A row travels through the sorter packed: its sort key, company key NUL
 * department NUL submission time NUL and the line as 8 bytes big-endian
 * (rows of one identity keep their file order), then the base score + 25
 * and the three counts as one byte each, the 25 answer codes, and the
 * other seven values each as a 16-bit length, its bytes and a NUL.  The
 * storing side binds the values where they lie in the packed bytes.
 */

static const char *
row_text(const struct row *r, int i)
{
	switch (i) {
	case V_KEY: return r->key;
	case V_DEPT: return r->department;
	case V_WHEN: return r->when;
	case V_NAME: return r->name;
	case V_CORPNO: return r->corpno;
	case V_INDUSTRY: return r->industry;
	case V_INDUSTRY_RAW: return r->industry_raw;
	case V_SIZE: return r->size;
	case V_STAR: return r->star;
	default: return r->reading;
	}
}

int
row_pack(struct extsort *sort, long line, const struct row *r)
{
	size_t len[NVALUES], keylen, total, i;
	uint64_t l = (uint64_t)line;
	char *p;

	for (i = 0; i < NVALUES; i++)
		len[i] = strlen(row_text(r, i));
	keylen = len[V_KEY] + len[V_DEPT] + len[V_WHEN] + 3 + 8;
	total = keylen + 4 + NQUESTIONS;
	for (i = V_NAME; i < NVALUES; i++)
		total += 2 + len[i] + 1;
	if (!(p = extsort_add(sort, keylen, total)))
		return -1;
	for (i = 0; i < NVALUES; i++) {
		if (i == V_NAME) {
			for (int b = 8; b-- > 0;)
				*p++ = (char)(l >> (8 * b));
			*p++ = (char)(r->base + NQUESTIONS);
			*p++ = (char)r->n_unknown;
			*p++ = (char)r->n_na;
			*p++ = (char)r->n_missing;
			memcpy(p, r->answers, NQUESTIONS);
			p += NQUESTIONS;
		}
		if (i >= V_NAME) {
			uint16_t n = (uint16_t)len[i];

			memcpy(p, &n, 2);
			p += 2;
		}
		memcpy(p, row_text(r, i), len[i] + 1);
		p += len[i] + 1;
	}
	return 0;
}

void
row_unpack(const char *rec, struct packed *w)
{
	const unsigned char *p = (const unsigned char *)rec;
	uint64_t l = 0;
	int i, b;

	for (i = 0; i < NVALUES; i++) {
		if (i == V_NAME) {
			for (b = 0; b < 8; b++)
				l = l << 8 | *p++;
			w->line = (long)l;
			w->base = (int)*p++ - NQUESTIONS;
			w->n_unknown = *p++;
			w->n_na = *p++;
			w->n_missing = *p++;
			w->answers = (const char *)p;
			p += NQUESTIONS;
		}
		if (i >= V_NAME) {
			uint16_t n;

			memcpy(&n, p, 2);
			p += 2;
			w->len[i] = n;
		} else {
			w->len[i] = (int)strlen((const char *)p);
		}
		w->v[i] = (const char *)p;
		p += w->len[i] + 1;
	}
}
