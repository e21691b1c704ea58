/*
 * Workbook reading.  Everything is read in place through zipin.c and
 * libxml2's streaming xmlTextReader, so a sheet of any size is parsed in
 * fixed memory; only the shared strings (the text of the cells that
 * point into sharedStrings.xml) are held, because any row may refer to
 * any of them, and they are bounded by XLSX_MAX_SST_BYTES.
 *
 * The parts are hostile input: libxml2 is asked for no entity
 * substitution (no XML_PARSE_NOENT), no DTD loading (no
 * XML_PARSE_DTDLOAD), no network (XML_PARSE_NONET) and keeps its limits
 * on text node size and depth (no XML_PARSE_HUGE); a part with a DOCTYPE
 * at all is refused, since OOXML never has one and a DOCTYPE is where
 * entity bombs live.
 *
 * Cells become text as Excel would show it to the reader of a CSV:
 * shared and inline strings (rich-text runs joined, phonetic guides
 * <rPh> left out, _xHHHH_ escapes decoded), numbers as written, TRUE and
 * FALSE, formulas' cached values, and numbers under a date format as
 * "YYYY/MM/DD HH:MM:SS" in either date system (the 1900 system's
 * serial 60 becomes the 1900/02/29 that never was).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "err.h"
#include "num.h"
#include "prefetch.h"
#include "strtab.h"
#include "when.h"
#include "xlsx.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
		     XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

struct sheet {
	char *name;
	char *rid;
	char *path;		/* member name */
};

/* A growing byte buffer. */
struct buf {
	char *p;
	size_t len, cap;
};

struct xlsx {
	struct zipin *z;
	int date1904;
	struct sheet *sh;
	size_t nsh;
	unsigned char *is_date;	/* per cell style (cellXfs index) */
	size_t nxf;
	struct strtab *sst;	/* shared strings, spilled to disk when many */
	uint64_t sst_bytes;	/* under XLSX_MAX_SST_BYTES */
	size_t nsst;

	/* the sheet being read */
	long cur;
	xmlTextReaderPtr rd;
	struct prefetch *pf;
	int src_failed;
	uint64_t size;
	const xmlNode *node;	/* the reader's current node */
	const xmlChar *nm_row, *nm_c, *nm_v, *nm_is, *nm_t, *nm_rph;
	const xmlNode *in_row;	/* the open <row>, else NULL */
	const xmlNode *in_c;	/* the open <c> in it, else NULL */
	long row, prev_row;
	int col;		/* last column filled in the row */
	int ended;
	char ctype;		/* the cell's t: s, n, b, e, i(nlineStr), ... */
	long cstyle;
	int ccol;
	struct buf val;		/* the cell's text */
	struct buf num;		/* a number made text */
	uint64_t done0;		/* zipin_done() when the sheet began */
	struct buf cells;	/* the row's fields, each NUL-terminated */
	size_t *offs, *lens;
	char **fields;
	size_t nf, fcap;
	struct buf raw;
	size_t pad;		/* fields a row has at least */
	struct record rec;
	char xmlwhy[256];
	char why[512];
};

static void
set_why(struct xlsx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
set_why(struct xlsx *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->why, sizeof x->why, fmt, ap);
	va_end(ap);
}

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
xlsx_cell_name(char buf[16], int col, long row)
{
	char letters[8];
	int n = 0, i;

	while (col > 0 && n < 7) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n / 2; i++) {
		char c = letters[i];

		letters[i] = letters[n - 1 - i];
		letters[n - 1 - i] = c;
	}
	letters[n] = '\0';
	snprintf(buf, 16, "%s%ld", letters, row);
}

/* --- reading a part ------------------------------------------------------ */

static int
io_read(void *ctx, char *dst, int len)
{
	struct xlsx *x = ctx;
	ssize_t n = x->pf ? prefetch_read(x->pf, dst, (size_t)len) :
			    zipin_read(x->z, dst, (size_t)len);

	if (n < 0)
		x->src_failed = 1;
	return (int)n;
}

static int
io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xlsx *x = ctx;

	if (e && e->level >= XML_ERR_ERROR && !x->xmlwhy[0]) {
		size_t n;

		snprintf(x->xmlwhy, sizeof x->xmlwhy, "line %d: %s", e->line,
			 e->message ? e->message : "malformed XML");
		n = strlen(x->xmlwhy);
		while (n > 0 && x->xmlwhy[n - 1] == '\n')
			x->xmlwhy[--n] = '\0';
	}
}

/*
 * Start reading member name as XML (with a thread reading ahead when
 * ahead).  Returns 0; 1 when there is no such member and !must; or -1.
 */
static int
part_open(struct xlsx *x, const char *name, int must, int ahead)
{
	long i = zipin_find(x->z, name);

	x->src_failed = 0;
	x->xmlwhy[0] = '\0';
	if (i < 0) {
		if (!must)
			return 1;
		set_why(x, "no '%s' in the workbook", name);
		return -1;
	}
	if (zipin_member(x->z, (size_t)i)) {
		set_why(x, "%s", zipin_why(x->z));
		return -1;
	}
	x->size = zipin_size(x->z, (size_t)i);
	x->done0 = zipin_done(x->z);
	if (ahead)
		x->pf = prefetch_start(zipin_read, x->z, zipin_done);
	x->rd = xmlReaderForIO(io_read, io_close, x, name, NULL, XML_OPTIONS);
	if (!x->rd) {
		set_why(x, "'%s': cannot start the XML reader", name);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(x->rd, on_xml_error, x);
	return 0;
}

static void
part_close(struct xlsx *x)
{
	if (x->rd)
		xmlFreeTextReader(x->rd);
	x->rd = NULL;
	prefetch_stop(x->pf);
	x->pf = NULL;
}

/* Say why reading the part failed: the source's failure or the XML's. */
static void
part_failed(struct xlsx *x, const char *name)
{
	if (x->src_failed && x->pf) {
		prefetch_stop(x->pf);	/* zipin is ours again */
		x->pf = NULL;
	}
	if (x->src_failed)
		set_why(x, "%s", zipin_why(x->z));
	else
		set_why(x, "'%s': %s", name, x->xmlwhy[0] ? x->xmlwhy :
			"malformed XML");
}

/*
 * Next node of the part, left in x->node: 1, 0 at its end, -1 with why
 * (the source's failure, the XML error, a DOCTYPE).
 */
static int
part_next(struct xlsx *x, const char *name)
{
	int rc = xmlTextReaderRead(x->rd);

	x->node = rc == 1 ? xmlTextReaderCurrentNode(x->rd) : NULL;
	if (x->node && (x->node->type == XML_DTD_NODE ||
			x->node->type == XML_DOCUMENT_TYPE_NODE)) {
		set_why(x, "'%s': a DOCTYPE, which no workbook has (entity "
			"declarations are refused)", name);
		return -1;
	}
	if (rc < 0) {
		part_failed(x, name);
		return -1;
	}
	return rc;
}

static const char *
local_name(struct xlsx *x)
{
	return (const char *)xmlTextReaderConstLocalName(x->rd);
}

static int
is_elem(struct xlsx *x, const char *name)
{
	return xmlTextReaderNodeType(x->rd) == XML_READER_TYPE_ELEMENT &&
	       strcmp(local_name(x), name) == 0;
}

static int
is_end(struct xlsx *x, const char *name)
{
	return xmlTextReaderNodeType(x->rd) == XML_READER_TYPE_END_ELEMENT &&
	       strcmp(local_name(x), name) == 0;
}

/* The attribute of the current element by local name, or NULL (a copy). */
static char *
attr(struct xlsx *x, const char *name)
{
	char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(x->rd) != 1)
		return NULL;
	do {
		if (strcmp(local_name(x), name) == 0) {
			v = xstrdup((const char *)
				    xmlTextReaderConstValue(x->rd));
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(x->rd) == 1);
	xmlTextReaderMoveToElement(x->rd);
	return v;
}

static int
is_text(struct xlsx *x)
{
	int t = xmlTextReaderNodeType(x->rd);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	       t == XML_READER_TYPE_WHITESPACE;
}

/*
 * Decode Excel's _xHHHH_ escapes (characters XML cannot carry, and
 * _x005F_ for an underscore) in b, in place.
 */
static void
unescape(struct buf *b)
{
	size_t i, o = 0;

	if (!memchr(b->p ? b->p : "", '_', b->len))
		return;
	for (i = 0; i < b->len;) {
		unsigned v;
		char hex[5];

		if (i + 7 <= b->len && b->p[i] == '_' && b->p[i + 1] == 'x' &&
		    b->p[i + 6] == '_' && strspn(b->p + i + 2,
		    "0123456789abcdefABCDEF") >= 4) {
			memcpy(hex, b->p + i + 2, 4);
			hex[4] = '\0';
			v = (unsigned)strtoul(hex, NULL, 16);
			if (v < 0x80 && v != 0) {
				b->p[o++] = (char)v;
			} else if (v >= 0x80 && v < 0x800) {
				b->p[o++] = (char)(0xc0 | v >> 6);
				b->p[o++] = (char)(0x80 | (v & 0x3f));
			} else if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
				b->p[o++] = (char)(0xe0 | v >> 12);
				b->p[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
				b->p[o++] = (char)(0x80 | (v & 0x3f));
			}
			i += 7;
			continue;
		}
		b->p[o++] = b->p[i++];
	}
	b->len = o;
	b->p[o] = '\0';
}

/* --- the workbook's parts ---------------------------------------------- */

static int
read_workbook(struct xlsx *x)
{
	const char *part = "xl/workbook.xml";
	int rc;

	if (part_open(x, part, 1, 0))
		return -1;
	while ((rc = part_next(x, part)) == 1) {
		if (is_elem(x, "workbookPr")) {
			char *v = attr(x, "date1904");

			x->date1904 = v && (!strcmp(v, "1") ||
					    !strcasecmp(v, "true"));
			free(v);
		} else if (is_elem(x, "sheet")) {
			struct sheet *s;

			x->sh = xrealloc(x->sh, (x->nsh + 1) * sizeof *x->sh);
			s = &x->sh[x->nsh++];
			s->name = attr(x, "name");
			s->rid = attr(x, "id");
			s->path = NULL;
			if (!s->name)
				s->name = xasprintf("Sheet%zu", x->nsh);
		}
	}
	part_close(x);
	if (rc < 0)
		return -1;
	if (x->nsh == 0) {
		set_why(x, "the workbook has no sheets");
		return -1;
	}
	return 0;
}

/* Member name of a relationship target, relative to xl/. */
static char *
target_path(const char *t)
{
	if (t[0] == '/')
		return xstrdup(t + 1);
	return xasprintf("xl/%s", t);
}

static int
read_rels(struct xlsx *x, char **sst_path, char **styles_path)
{
	const char *part = "xl/_rels/workbook.xml.rels";
	size_t i;
	int rc;

	rc = part_open(x, part, 0, 0);
	if (rc < 0)
		return -1;
	while (rc == 0 && (rc = part_next(x, part)) == 1) {
		char *id, *type, *target;
		size_t n;

		if (!is_elem(x, "Relationship"))
			continue;
		id = attr(x, "Id");
		type = attr(x, "Type");
		target = attr(x, "Target");
		n = type ? strlen(type) : 0;
		if (id && target && type) {
			if (n >= 14 && !strcmp(type + n - 14,
					       "/sharedStrings") && !*sst_path)
				*sst_path = target_path(target);
			else if (n >= 7 && !strcmp(type + n - 7, "/styles") &&
				 !*styles_path)
				*styles_path = target_path(target);
			for (i = 0; i < x->nsh; i++)
				if (x->sh[i].rid && !x->sh[i].path &&
				    !strcmp(x->sh[i].rid, id))
					x->sh[i].path = target_path(target);
		}
		free(id);
		free(type);
		free(target);
	}
	part_close(x);
	if (rc < 0)
		return -1;
	/* without relationships, the names Excel gives them */
	for (i = 0; i < x->nsh; i++)
		if (!x->sh[i].path)
			x->sh[i].path = xasprintf("xl/worksheets/sheet%zu.xml",
						  i + 1);
	if (!*sst_path)
		*sst_path = xstrdup("xl/sharedStrings.xml");
	if (!*styles_path)
		*styles_path = xstrdup("xl/styles.xml");
	return 0;
}

/* Is the custom number format f one for dates or times? */
static int
format_is_date(const char *f)
{
	const char *p;

	if (!strcasecmp(f, "General"))
		return 0;
	for (p = f; *p; p++) {
		char c = *p;

		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (c == '[') {
			while (p[1] && p[1] != ']')
				p++;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (p[1])
				p++;
		} else if (strchr("dDyYhHsSgG", c)) {
			return 1;
		} else if ((c == 'e' || c == 'E') && p[1] != '+' &&
			   p[1] != '-') {
			return 1;	/* Japanese era year */
		}
	}
	return 0;
}

/* Excel's built-in date formats, with the Japanese locale's 27-36, 50-58. */
static int
builtin_is_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	       (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static int
read_styles(struct xlsx *x, const char *part)
{
	long *ids = NULL;
	char **codes = NULL;
	size_t nfmt = 0, i;
	int rc, in_xfs = 0;

	if ((rc = part_open(x, part, 0, 0)) != 0)
		return rc < 0 ? -1 : 0;
	while ((rc = part_next(x, part)) == 1) {
		if (is_elem(x, "numFmt")) {
			char *id = attr(x, "numFmtId");
			char *code = attr(x, "formatCode");

			ids = xrealloc(ids, (nfmt + 1) * sizeof *ids);
			codes = xrealloc(codes, (nfmt + 1) * sizeof *codes);
			ids[nfmt] = id ? strtol(id, NULL, 10) : -1;
			codes[nfmt++] = code ? code : xstrdup("");
			free(id);
		} else if (is_elem(x, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(x->rd);
		} else if (is_end(x, "cellXfs")) {
			in_xfs = 0;
		} else if (in_xfs && is_elem(x, "xf")) {
			char *v = attr(x, "numFmtId");
			long id = v ? strtol(v, NULL, 10) : 0;
			int date = builtin_is_date(id);

			for (i = 0; i < nfmt; i++)
				if (ids[i] == id)
					date = format_is_date(codes[i]);
			free(v);
			if (x->nxf < 1000000) {
				x->is_date = xrealloc(x->is_date, x->nxf + 1);
				x->is_date[x->nxf++] = (unsigned char)date;
			}
		}
	}
	part_close(x);
	for (i = 0; i < nfmt; i++)
		free(codes[i]);
	free(codes);
	free(ids);
	return rc < 0 ? -1 : 0;
}

static int
read_sst(struct xlsx *x, const char *part)
{
	int rc, in_si = 0, in_t = 0, in_rph = 0;

	if ((rc = part_open(x, part, 0, 0)) != 0)
		return rc < 0 ? -1 : 0;
	x->val.len = 0;
	while ((rc = part_next(x, part)) == 1) {
		int type = xmlTextReaderNodeType(x->rd);
		int empty = type == XML_READER_TYPE_ELEMENT &&
			    xmlTextReaderIsEmptyElement(x->rd);
		int si_end = is_end(x, "si");

		if (is_elem(x, "si")) {
			in_si = 1;
			x->val.len = 0;
			buf_add(&x->val, "", 0);
			si_end = empty;
		} else if (in_si && is_elem(x, "rPh")) {
			in_rph = !empty;
		} else if (is_end(x, "rPh")) {
			in_rph = 0;
		} else if (in_si && is_elem(x, "t")) {
			in_t = !empty;
		} else if (is_end(x, "t")) {
			in_t = 0;
		} else if (in_t && !in_rph && is_text(x)) {
			const char *v = (const char *)
				xmlTextReaderConstValue(x->rd);

			buf_add(&x->val, v, strlen(v));
		}
		if (in_si && si_end) {
			in_si = 0;
			unescape(&x->val);
			if (x->sst_bytes + x->val.len + 1 > XLSX_MAX_SST_BYTES) {
				set_why(x, "'%s': shared strings over %lu MiB:"
					" too large to hold", part,
					XLSX_MAX_SST_BYTES >> 20);
				rc = -1;
				break;
			}
			if (strtab_add(x->sst, x->val.p, x->val.len)) {
				set_why(x, "'%s': shared strings: cannot keep"
					" them in a temporary file: %s", part,
					strerror(errno));
				rc = -1;
				break;
			}
			x->sst_bytes += x->val.len + 1;
			x->nsst++;
		}
	}
	part_close(x);
	return rc < 0 ? -1 : 0;
}

/* SHINDAN_STRINGS_MEMORY, else 0: strtab's default. */
static size_t
sst_memory(void)
{
	const char *env = getenv("SHINDAN_STRINGS_MEMORY");
	long v;

	return env && num_parse(env, 1024, 1L << 30, &v) == 0 ? (size_t)v : 0;
}

int
xlsx_is_workbook(const struct zipin *z)
{
	return zipin_find(z, "xl/workbook.xml") >= 0;
}

struct xlsx *
xlsx_open(struct zipin *z, char why[512])
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	char *sst = NULL, *styles = NULL;

	x->z = z;
	x->sst = strtab_new(sst_memory());
	x->cur = -1;
	if (read_workbook(x) || read_rels(x, &sst, &styles) ||
	    read_styles(x, styles) || read_sst(x, sst)) {
		snprintf(why, 512, "%s", x->why);
		free(sst);
		free(styles);
		xlsx_free(x);
		return NULL;
	}
	free(sst);
	free(styles);
	return x;
}

size_t
xlsx_sheets(const struct xlsx *x)
{
	return x->nsh;
}

const char *
xlsx_sheet_name(const struct xlsx *x, size_t i)
{
	return x->sh[i].name;
}

int
xlsx_date1904(const struct xlsx *x)
{
	return x->date1904;
}

long
xlsx_sheet_find(const struct xlsx *x, const char *s)
{
	char *end;
	long n;
	size_t i;

	for (i = 0; i < x->nsh; i++)
		if (!strcmp(x->sh[i].name, s))
			return (long)i;
	n = strtol(s, &end, 10);
	if (*s && !*end && n >= 1 && (size_t)n <= x->nsh)
		return n - 1;
	return -1;
}

/* --- a sheet's rows ---------------------------------------------------- */

int
xlsx_start(struct xlsx *x, size_t i, int ahead)
{
	xlsx_stop(x);
	x->cur = (long)i;
	x->row = x->prev_row = 0;
	x->ended = 0;
	x->pad = 0;
	x->in_row = x->in_c = NULL;
	if (part_open(x, x->sh[i].path, 1, ahead)) {
		x->ended = 1;
		return -1;
	}
	/* the reader's own copies, so that names compare as pointers */
	x->nm_row = xmlTextReaderConstString(x->rd, BAD_CAST "row");
	x->nm_c = xmlTextReaderConstString(x->rd, BAD_CAST "c");
	x->nm_v = xmlTextReaderConstString(x->rd, BAD_CAST "v");
	x->nm_is = xmlTextReaderConstString(x->rd, BAD_CAST "is");
	x->nm_t = xmlTextReaderConstString(x->rd, BAD_CAST "t");
	x->nm_rph = xmlTextReaderConstString(x->rd, BAD_CAST "rPh");
	return 0;
}

/* Column number of a cell reference "AB12", or 0. */
static int
ref_col(const char *r)
{
	int col = 0;

	while (*r >= 'A' && *r <= 'Z') {
		col = col * 26 + (*r++ - 'A' + 1);
		if (col > XLSX_MAX_COL)
			return 0;
	}
	return col;
}

static void
field_add(struct xlsx *x, const char *s, size_t n)
{
	if (x->nf == x->fcap) {
		x->fcap = x->fcap ? 2 * x->fcap : 64;
		x->offs = xrealloc(x->offs, x->fcap * sizeof *x->offs);
		x->lens = xrealloc(x->lens, x->fcap * sizeof *x->lens);
		x->fields = xrealloc(x->fields, x->fcap * sizeof *x->fields);
	}
	x->offs[x->nf] = x->cells.len;
	x->lens[x->nf] = n;
	x->nf++;
	buf_add(&x->cells, s, n);
	x->cells.len++;		/* keep the NUL */
}

/*
 * A serial under a date format as text: the 1900 system counts from
 * 1899-12-31 with a 1900-02-29 at 60; the 1904 system from 1904-01-01.
 * Anything out of Excel's range is left as the number.
 */
static void
serial_text(struct xlsx *x, const char *v, struct buf *out)
{
	char *end, s[40];
	double f = strtod(v, &end);
	long days, secs;
	int y, m, d;

	out->len = 0;
	if (end == v || *end || !isfinite(f) || f < 0 || f >= 2958466) {
		buf_add(out, v, strlen(v));
		return;
	}
	days = (long)floor(f);
	secs = lround((f - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (x->date1904) {
		when_civil_from_days(days - 24107, &y, &m, &d);	/* 1904-01-01 */
	} else if (days == 60) {
		y = 1900, m = 2, d = 29;
	} else {
		when_civil_from_days(days - (days < 60 ? 25568 : 25569),
				     &y, &m, &d);
	}
	if (days == 0 && !x->date1904)
		snprintf(s, sizeof s, "%02ld:%02ld:%02ld", secs / 3600,
			 secs / 60 % 60, secs % 60);
	else if (secs == 0 && f == floor(f))
		snprintf(s, sizeof s, "%04d/%02d/%02d", y, m, d);
	else
		snprintf(s, sizeof s, "%04d/%02d/%02d %02ld:%02ld:%02ld", y, m,
			 d, secs / 3600, secs / 60 % 60, secs % 60);
	buf_add(out, s, strlen(s));
}

/* A number as Excel shows it in General: 7.01E+12 as 7010001012345. */
static void
number_text(const char *v, struct buf *out)
{
	char *end, s[40];
	double f;

	out->len = 0;
	if (strpbrk(v, "eE")) {
		f = strtod(v, &end);
		if (!*end && isfinite(f) && f == floor(f) && fabs(f) < 1e15) {
			snprintf(s, sizeof s, "%.0f", f);
			buf_add(out, s, strlen(s));
			return;
		}
	}
	buf_add(out, v, strlen(v));
}

/*
 * A shared string's index, as strtoul would read it: plain digits are
 * counted here, a cell in every row being worth it, the rest by strtoul.
 * Returns 0, or -1 when v is not wholly a number.
 */
static int
sst_index(const char *v, unsigned long *i)
{
	const char *p;
	char *end;

	*i = 0;
	for (p = v; *p >= '0' && *p <= '9' && p - v < 9; p++)
		*i = *i * 10 + (unsigned long)(*p - '0');
	if (!*p && p > v)
		return 0;
	*i = strtoul(v, &end, 10);
	return *end ? -1 : 0;
}

/* The cell just closed as a field; -1 with why. */
static int
cell_end(struct xlsx *x)
{
	char name[16];
	const char *v = x->val.p ? x->val.p : "";
	int c;

	for (c = x->col + 1; c < x->ccol; c++)
		field_add(x, "", 0);
	switch (x->ctype) {
	case 's': {
		unsigned long i;
		size_t n;

		if (!*v) {
			field_add(x, "", 0);
			break;
		}
		if (sst_index(v, &i) || i >= x->nsst) {
			xlsx_cell_name(name, x->ccol, x->row);
			set_why(x, "%s!%s: shared string '%.20s' not among the"
				" %zu the workbook has", x->sh[x->cur].name,
				name, v, x->nsst);
			return -1;
		}
		if (!(v = strtab_get(x->sst, i, &n))) {
			set_why(x, "shared strings: cannot read the temporary"
				" file: %s", strerror(errno));
			return -1;
		}
		field_add(x, v, n);
		break;
	}
	case 'b':
		field_add(x, !strcmp(v, "1") ? "TRUE" : !strcmp(v, "0") ?
			  "FALSE" : v, strlen(!strcmp(v, "1") ? "TRUE" :
			  !strcmp(v, "0") ? "FALSE" : v));
		break;
	case 'i':
	case 't':	/* t="str": a formula's text */
		unescape(&x->val);
		field_add(x, x->val.p ? x->val.p : "", x->val.len);
		break;
	case 'n':
		if (*v && x->cstyle >= 0 && (size_t)x->cstyle < x->nxf &&
		    x->is_date[x->cstyle])
			serial_text(x, v, &x->num);
		else
			number_text(v, &x->num);
		field_add(x, x->num.p, x->num.len);
		break;
	default:	/* e: an error such as #N/A; d: ISO 8601 */
		field_add(x, v, strlen(v));
	}
	x->col = x->ccol;
	if (x->cells.len > READER_MAX_RECORD) {
		set_why(x, "%s!%ld: row longer than %d MiB", x->sh[x->cur].name,
			x->row, READER_MAX_RECORD >> 20);
		return -1;
	}
	return 0;
}

/* A cell's t attribute as one letter: s, n, b, e, i(nlineStr), t (str), d. */
static char
cell_type(const char *t)
{
	return !strcmp(t, "n") ? 'n' : !strcmp(t, "s") ? 's' :
	       !strcmp(t, "inlineStr") ? 'i' : !strcmp(t, "str") ? 't' :
	       !strcmp(t, "b") ? 'b' : !strcmp(t, "e") ? 'e' : 'd';
}

/*
 * Does the text node n belong to the open cell's value?  It does under
 * a <v> of the cell, and under a <t> inside the cell's <is> (an inline
 * string's runs) unless a phonetic guide <rPh> or another <t> lies
 * between.
 */
static int
cell_text(const struct xlsx *x, const xmlNode *n)
{
	const xmlNode *p = n->parent, *q;

	if (!p || p == x->in_c)
		return 0;
	if (p->name == x->nm_v)
		return p->parent == x->in_c;
	if (p->name != x->nm_t)
		return 0;
	for (q = p->parent; q && q != x->in_c; q = q->parent) {
		if (q->parent == x->in_c)
			return q->name == x->nm_is;
		if (q->name == x->nm_t || q->name == x->nm_rph)
			return 0;
	}
	return 0;
}

/* An attribute's value as parsed (one text node), else "". */
static const char *
attr_value(const xmlAttr *a)
{
	if (a->children && a->children->type == XML_TEXT_NODE &&
	    a->children->content)
		return (const char *)a->children->content;
	return "";
}

/* A <c>'s r, t and s, where libxml2 holds them (nothing is copied). */
static int
cell_start(struct xlsx *x, const xmlNode *c)
{
	const xmlAttr *a;
	const char *ref = "";
	char name[16];
	int col = x->col + 1;

	x->cstyle = 0;
	x->ctype = 'n';
	for (a = c->properties; a; a = a->next) {
		const char *n = (const char *)a->name;
		const char *v = attr_value(a);

		if (!n[0] || n[1])
			continue;
		if (n[0] == 'r') {
			col = ref_col(v);
			ref = v;
		} else if (n[0] == 's') {
			x->cstyle = strtol(v, NULL, 10);
		} else if (n[0] == 't') {
			x->ctype = cell_type(v);
		}
	}
	x->ccol = col;
	x->val.len = 0;
	buf_add(&x->val, "", 0);
	if (col == 0 || col <= x->col || col > XLSX_MAX_COL) {
		xlsx_cell_name(name, x->col + 1, x->row);
		set_why(x, "%s!%s: cell reference '%.20s' out of order or "
			"beyond column XFD", x->sh[x->cur].name, name, ref);
		return -1;
	}
	return 0;
}

static int
row_start(struct xlsx *x)

{
	char *r = attr(x, "r");
	long n = r ? strtol(r, NULL, 10) : x->prev_row + 1;

	free(r);
	if (n <= x->prev_row || n > XLSX_MAX_ROW) {
		set_why(x, "%s!%ld: row number out of order or beyond row %ld",
			x->sh[x->cur].name, n, XLSX_MAX_ROW);
		return -1;
	}
	x->row = x->prev_row = n;
	x->col = 0;
	x->nf = 0;
	x->cells.len = 0;
	return 0;
}

static int
row_blank(const struct xlsx *x)
{
	size_t i, j;

	for (i = 0; i < x->nf; i++)
		for (j = 0; j < x->lens[i]; j++) {
			char c = x->cells.p[x->offs[i] + j];

			if (c != ' ' && c != '\t')
				return 0;
		}
	return 1;
}

/* The row's fields as one CSV line, for rejects. */
static void
row_finish(struct xlsx *x)
{
	size_t i;

	while (x->nf < x->pad)
		field_add(x, "", 0);
	x->raw.len = 0;
	buf_add(&x->raw, "", 0);
	for (i = 0; i < x->nf; i++) {
		const char *f = x->cells.p + x->offs[i];

		x->fields[i] = (char *)f;
		if (i)
			buf_add(&x->raw, ",", 1);
		if (strpbrk(f, ",\"\r\n")) {
			const char *q;

			buf_add(&x->raw, "\"", 1);
			for (q = f; *q; q++)
				if (*q == '"')
					buf_add(&x->raw, "\"\"", 2);
				else
					buf_add(&x->raw, q, 1);
			buf_add(&x->raw, "\"", 1);
		} else {
			buf_add(&x->raw, f, x->lens[i]);
		}
	}
	x->rec.line = x->row;
	x->rec.raw = x->raw.p;
	x->rec.rawlen = x->raw.len;
	x->rec.nfields = x->nf;
	x->rec.fields = x->fields;
	x->rec.lens = x->lens;
	x->rec.unterminated = 0;
}

/*
 * One node of a sheet, met in document order: a <row> opens, its <c>
 * children open and close, their text is gathered.  Returns 1 when a
 * row has closed, 0 to go on, -1 with why.
 */
static int
sheet_node(struct xlsx *x)
{
	const xmlNode *n = x->node;
	int empty;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (x->in_c && n->content && cell_text(x, n))
			buf_add(&x->val, (const char *)n->content,
				strlen((const char *)n->content));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (xmlTextReaderNodeType(x->rd) != XML_READER_TYPE_ELEMENT) {
		/* an end tag: the cell's or the row's, else nothing to do */
		if (n == x->in_c) {
			x->in_c = NULL;
			return cell_end(x) ? -1 : 0;
		}
		if (n == x->in_row) {
			x->in_row = NULL;
			return 1;
		}
		return 0;
	}
	if (x->in_row ? n->name != x->nm_c || n->parent != x->in_row :
			n->name != x->nm_row)
		return 0;
	empty = xmlTextReaderIsEmptyElement(x->rd);
	if (!x->in_row) {
		if (row_start(x))
			return -1;
		if (empty)
			return 1;
		x->in_row = n;
		return 0;
	}
	if (cell_start(x, n))
		return -1;
	if (empty)
		return cell_end(x) ? -1 : 0;
	x->in_c = n;
	return 0;
}

int
xlsx_next(struct xlsx *x, struct record **rec)
{
	const char *part;
	int rc;

	if (x->ended || !x->rd)
		return x->why[0] ? -1 : 0;
	part = x->sh[x->cur].path;
	while ((rc = part_next(x, part)) == 1) {
		if ((rc = sheet_node(x)) < 0)
			break;
		if (rc == 0 || row_blank(x))
			continue;
		row_finish(x);
		*rec = &x->rec;
		return 1;
	}
	x->ended = 1;
	x->in_row = x->in_c = NULL;
	part_close(x);
	if (rc == 0 && !x->why[0])
		return 0;
	return -1;
}

void
xlsx_pad(struct xlsx *x, size_t n)
{
	x->pad = n;
}

uint64_t
xlsx_done(const struct xlsx *x)
{
	uint64_t d = x->pf ? prefetch_done(x->pf) : zipin_done(x->z);

	return d > x->done0 ? d - x->done0 : 0;
}

uint64_t
xlsx_size(const struct xlsx *x)
{
	return x->size;
}

const char *
xlsx_why(const struct xlsx *x)
{
	return x->why;
}

void
xlsx_stop(struct xlsx *x)
{
	part_close(x);
	x->why[0] = '\0';
}

void
xlsx_free(struct xlsx *x)
{
	size_t i;

	if (!x)
		return;
	part_close(x);
	for (i = 0; i < x->nsh; i++) {
		free(x->sh[i].name);
		free(x->sh[i].rid);
		free(x->sh[i].path);
	}
	free(x->sh);
	free(x->is_date);
	strtab_free(x->sst);
	free(x->val.p);
	free(x->num.p);
	free(x->cells.p);
	free(x->offs);
	free(x->lens);
	free(x->fields);
	free(x->raw.p);
	free(x);
}
