/*
 * The writer of tools/xlsxw.h.  The sheet is streamed into the zip as
 * its rows come; shared strings are collected in a hash table (the
 * answers repeat, so it stays small) and written after the sheet, which
 * a zip allows: its members may come in any order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "err.h"
#include "xlsxw.h"

struct xlsxw {
	zipFile zf;
	int flags;
	char *sheet;
	long row;
	char *buf;		/* a row's XML */
	size_t len, cap;
	/* shared strings: open addressing over strs */
	char **strs;
	size_t nstr, capstr;
	long *slot;		/* index into strs + 1, 0 empty */
	size_t nslot;
};

static void
put(struct xlsxw *w, const char *s, size_t n)
{
	if (w->len + n > w->cap) {
		while (w->len + n > w->cap)
			w->cap = w->cap ? 2 * w->cap : 4096;
		w->buf = xrealloc(w->buf, w->cap);
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void
puts_(struct xlsxw *w, const char *s)
{
	put(w, s, strlen(s));
}

/* s with XML's five characters escaped. */
static void
put_text(struct xlsxw *w, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': puts_(w, "&amp;"); break;
		case '<': puts_(w, "&lt;"); break;
		case '>': puts_(w, "&gt;"); break;
		case '"': puts_(w, "&quot;"); break;
		default: put(w, s, 1);
		}
}

static int
member(struct xlsxw *w, const char *name)
{
	zip_fileinfo zi;

	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 2024;
	zi.tmz_date.tm_mday = 1;
	if (zipOpenNewFileInZip(w->zf, name, &zi, NULL, 0, NULL, 0, NULL,
				Z_DEFLATED, 6) != ZIP_OK)
		return error("xlsxw: cannot add '%s'", name);
	return 0;
}

static int
flush(struct xlsxw *w)
{
	int rc = w->len ? zipWriteInFileInZip(w->zf, w->buf,
					      (unsigned)w->len) : ZIP_OK;

	w->len = 0;
	return rc == ZIP_OK ? 0 : error("xlsxw: write error");
}

static int
part(struct xlsxw *w, const char *name, const char *text)
{
	if (member(w, name))
		return -1;
	puts_(w, text);
	if (flush(w) || zipCloseFileInZip(w->zf) != ZIP_OK)
		return error("xlsxw: cannot write '%s'", name);
	return 0;
}

struct xlsxw *
xlsxw_open(const char *path, const char *sheet, int flags)
{
	struct xlsxw *w = xcalloc(1, sizeof *w);

	w->zf = zipOpen64(path, APPEND_STATUS_CREATE);
	if (!w->zf) {
		error("'%s': cannot create:", path);
		free(w);
		return NULL;
	}
	w->flags = flags;
	w->sheet = xstrdup(sheet);
	if (member(w, "xl/worksheets/sheet1.xml")) {
		zipClose(w->zf, NULL);
		free(w->sheet);
		free(w);
		return NULL;
	}
	puts_(w, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	      "\n<worksheet xmlns=\"http://schemas.openxmlformats.org/"
	      "spreadsheetml/2006/main\"><sheetData>");
	return w;
}

static unsigned long
hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Index of s among the shared strings, added if new. */
static long
shared(struct xlsxw *w, const char *s)
{
	size_t i;

	if (2 * (w->nstr + 1) > w->nslot) {
		size_t n = w->nslot ? 2 * w->nslot : 1024, k;
		long *slot = xcalloc(n, sizeof *slot);

		for (k = 0; k < w->nstr; k++) {
			i = hash(w->strs[k]) & (n - 1);
			while (slot[i])
				i = (i + 1) & (n - 1);
			slot[i] = (long)k + 1;
		}
		free(w->slot);
		w->slot = slot;
		w->nslot = n;
	}
	for (i = hash(s) & (w->nslot - 1); w->slot[i];
	     i = (i + 1) & (w->nslot - 1))
		if (!strcmp(w->strs[w->slot[i] - 1], s))
			return w->slot[i] - 1;
	if (w->nstr == w->capstr) {
		w->capstr = w->capstr ? 2 * w->capstr : 1024;
		w->strs = xrealloc(w->strs, w->capstr * sizeof *w->strs);
	}
	w->strs[w->nstr] = xstrdup(s);
	w->slot[i] = (long)++w->nstr;
	return (long)w->nstr - 1;
}

/*
 * The Excel serial (1900 system) of s when it is "YYYY/M/D" with an
 * optional " H:MM" or " H:MM:SS", written into buf; 0 when it is not.
 */
static int
date_serial(const char *s, char *buf, size_t cap)
{
	int y, m, d, hh = 0, mm = 0, ss = 0, n = 0, k;
	long days, era;
	unsigned yoe, doy, doe;

	k = sscanf(s, "%4d/%2d/%2d%n %2d:%2d%n:%2d%n", &y, &m, &d, &n, &hh,
		   &mm, &n, &ss, &n);
	if (k < 3 || s[n] || y < 1901 || m < 1 || m > 12 || d < 1 || d > 31 ||
	    (k > 3 && k < 5))
		return 0;
	/* days from 1970-01-01 (Howard Hinnant's days_from_civil) */
	y -= m <= 2;
	era = y / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + (long)doe - 719468;
	if (k == 3)
		snprintf(buf, cap, "%ld", days + 25569);
	else
		snprintf(buf, cap, "%.10f", (double)(days + 25569) +
			 (hh * 3600 + mm * 60 + ss) / 86400.0);
	return 1;
}

static int
is_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p < '1' || *p > '9')
		return *p == '0' && (p[1] == '\0' || p[1] == '.') &&
		       strspn(p + 2, "0123456789") == strlen(p + 2) &&
		       (p[1] == '\0' || p[2]);
	p += strspn(p, "0123456789");
	if (*p == '.')
		p++, p += strspn(p, "0123456789");
	return *p == '\0' && p - s < 16;
}

int
xlsxw_row(struct xlsxw *w, char *const *fields, size_t n)
{
	char ref[128];
	char num[40];
	size_t i;

	w->row++;
	snprintf(ref, sizeof ref, "<row r=\"%ld\">", w->row);
	puts_(w, ref);
	for (i = 0; i < n; i++) {
		char col[8];
		size_t c = i + 1, k = 0, a, b;

		if (!fields[i][0])
			continue;	/* sparse, as Excel writes */
		while (c > 0) {
			col[k++] = (char)('A' + (c - 1) % 26);
			c = (c - 1) / 26;
		}
		for (a = 0, b = k - 1; a < b; a++, b--) {
			char t = col[a];

			col[a] = col[b];
			col[b] = t;
		}
		col[k] = '\0';
		if ((w->flags & XLSXW_DATES) &&
		    date_serial(fields[i], num, sizeof num)) {
			snprintf(ref, sizeof ref, "<c r=\"%s%ld\" s=\"1\"><v>%s"
				 "</v></c>", col, w->row, num);
			puts_(w, ref);
		} else 		if ((w->flags & XLSXW_NUMBERS) && is_number(fields[i])) {
			snprintf(ref, sizeof ref, "<c r=\"%s%ld\"><v>", col,
				 w->row);
			puts_(w, ref);
			puts_(w, fields[i]);
			puts_(w, "</v></c>");
		} else if (w->flags & XLSXW_SHARED) {
			snprintf(ref, sizeof ref, "<c r=\"%s%ld\" t=\"s\"><v>"
				 "%ld</v></c>", col, w->row,
				 shared(w, fields[i]));
			puts_(w, ref);
		} else {
			snprintf(ref, sizeof ref, "<c r=\"%s%ld\" t=\""
				 "inlineStr\"><is><t xml:space=\"preserve\">",
				 col, w->row);
			puts_(w, ref);
			put_text(w, fields[i]);
			puts_(w, "</t></is></c>");
		}
	}
	puts_(w, "</row>");
	return w->len > (1 << 20) ? flush(w) : 0;
}

int
xlsxw_close(struct xlsxw *w)
{
	int rc = 0;
	size_t i;

	puts_(w, "</sheetData></worksheet>");
	if (flush(w) || zipCloseFileInZip(w->zf) != ZIP_OK)
		rc = error("xlsxw: cannot write the sheet");
	if (rc == 0 && (w->flags & XLSXW_SHARED)) {
		char head[160];

		rc = member(w, "xl/sharedStrings.xml");
		snprintf(head, sizeof head, "<?xml version=\"1.0\" encoding="
			 "\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats"
			 ".org/spreadsheetml/2006/main\" uniqueCount=\"%zu\">",
			 w->nstr);
		puts_(w, head);
		for (i = 0; rc == 0 && i < w->nstr; i++) {
			puts_(w, "<si><t xml:space=\"preserve\">");
			put_text(w, w->strs[i]);
			puts_(w, "</t></si>");
			if (w->len > (1 << 20))
				rc = flush(w);
		}
		puts_(w, "</sst>");
		if (rc || flush(w) || zipCloseFileInZip(w->zf) != ZIP_OK)
			rc = error("xlsxw: cannot write the shared strings");
	}
	if (rc == 0) {
		char *wb = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			"\n<workbook xmlns=\"http://schemas.openxmlformats.org/"
			"spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
			"openxmlformats.org/officeDocument/2006/relationships\">"
			"<sheets><sheet name=\"%s\" sheetId=\"1\" r:id=\"rId1\"/>"
			"</sheets></workbook>", w->sheet);

		rc = part(w, "[Content_Types].xml", "<?xml version=\"1.0\" "
			"encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas."
			"openxmlformats.org/package/2006/content-types\">"
			"<Default Extension=\"rels\" ContentType=\"application/"
			"vnd.openxmlformats-package.relationships+xml\"/>"
			"<Default Extension=\"xml\" ContentType=\"application/"
			"xml\"/><Override PartName=\"/xl/workbook.xml\" "
			"ContentType=\"application/vnd.openxmlformats-"
			"officedocument.spreadsheetml.sheet.main+xml\"/>"
			"<Override PartName=\"/xl/worksheets/sheet1.xml\" "
			"ContentType=\"application/vnd.openxmlformats-"
			"officedocument.spreadsheetml.worksheet+xml\"/>"
			"<Override PartName=\"/xl/sharedStrings.xml\" "
			"ContentType=\"application/vnd.openxmlformats-"
			"officedocument.spreadsheetml.sharedStrings+xml\"/>"
			"<Override PartName=\"/xl/styles.xml\" ContentType="
			"\"application/vnd.openxmlformats-officedocument."
			"spreadsheetml.styles+xml\"/>"
			"</Types>") ||
		     part(w, "_rels/.rels", "<?xml version=\"1.0\" encoding="
			"\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas."
			"openxmlformats.org/package/2006/relationships\">"
			"<Relationship Id=\"rId1\" Type=\"http://schemas."
			"openxmlformats.org/officeDocument/2006/relationships/"
			"officeDocument\" Target=\"xl/workbook.xml\"/>"
			"</Relationships>") ||
		     part(w, "xl/workbook.xml", wb) ||
		     part(w, "xl/_rels/workbook.xml.rels", "<?xml version="
			"\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns="
			"\"http://schemas.openxmlformats.org/package/2006/"
			"relationships\"><Relationship Id=\"rId1\" Type=\""
			"http://schemas.openxmlformats.org/officeDocument/2006/"
			"relationships/worksheet\" Target=\"worksheets/"
			"sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://"
			"schemas.openxmlformats.org/officeDocument/2006/"
			"relationships/sharedStrings\" Target=\"sharedStrings."
			"xml\"/><Relationship Id=\"rId3\" Type=\"http://"
			"schemas.openxmlformats.org/officeDocument/2006/"
			"relationships/styles\" Target=\"styles.xml\"/>"
			"</Relationships>") ||
		     part(w, "xl/styles.xml", "<?xml version=\"1.0\" encoding="
			"\"UTF-8\"?>\n<styleSheet xmlns=\"http://schemas."
			"openxmlformats.org/spreadsheetml/2006/main\">"
			"<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId="
			"\"22\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
		free(wb);
	}
	if (zipClose(w->zf, NULL) != ZIP_OK && rc == 0)
		rc = error("xlsxw: cannot finish the zip");
	for (i = 0; i < w->nstr; i++)
		free(w->strs[i]);
	free(w->strs);
	free(w->slot);
	free(w->buf);
	free(w->sheet);
	free(w);
	return rc;
}
