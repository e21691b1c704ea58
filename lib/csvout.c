/*
 * The CSV writer behind every table shindan hands to Excel (aggregate
 * --export-csv, ingest --export-rejects).  Cells may come from survey
 * exports, so a value such as =HYPERLINK(...) must reach the user as text
 * and never run as a formula; see csvout.h for the rules.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvout.h"
#include "err.h"

static const char bom[] = "\xef\xbb\xbf";

int
csvout_open(struct csvout *c, const char *path)
{
	int fd;

	memset(c, 0, sizeof *c);
	c->path = xstrdup(path);
	c->tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(c->tmp)) < 0) {
		error("'%s': cannot create:", c->tmp);
		goto fail;
	}
	if (fchmod(fd, 0600) < 0 || !(c->fp = fdopen(fd, "w"))) {
		error("'%s': cannot write:", c->tmp);
		close(fd);
		unlink(c->tmp);
		goto fail;
	}
	fputs(bom, c->fp);
	return 0;
fail:
	free(c->path);
	free(c->tmp);
	memset(c, 0, sizeof *c);
	return -1;
}

void
csvout_init_stream(struct csvout *c, FILE *fp)
{
	memset(c, 0, sizeof *c);
	c->fp = fp;
	fputs(bom, fp);
}

static int
is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

/* [+-]digits[.digits] or [+-].digits, with an optional exponent. */
static int
is_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < len && is_digit(s[i]))
		i++, digits++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && is_digit(s[i]))
			i++, digits++;
	}
	if (digits == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && is_digit(s[i]))
			i++, e++;
		if (e == 0)
			return 0;
	}
	return i == len;
}

int
csvout_is_formula(const char *s, size_t len)
{
	if (len == 0 || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !is_number(s, len);
}

static void
separate(struct csvout *c)
{
	if (c->ncells++)
		fputc(',', c->fp);
}

void
csvout_textn(struct csvout *c, const char *s, size_t len)
{
	size_t i;
	int quote = 0;

	separate(c);
	if (!s)
		return;
	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
			s[i] == '\n';
	if (quote)
		fputc('"', c->fp);
	if (csvout_is_formula(s, len))
		fputc('\'', c->fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			fputc('"', c->fp);
		if (s[i] == '\0')	/* Excel stops at a NUL: show U+FFFD */
			fputs("\xef\xbf\xbd", c->fp);
		else
			fputc(s[i], c->fp);
	}
	if (quote)
		fputc('"', c->fp);
}

void
csvout_text(struct csvout *c, const char *s)
{
	csvout_textn(c, s, s ? strlen(s) : 0);
}

void
csvout_int(struct csvout *c, long long v)
{
	separate(c);
	fprintf(c->fp, "%lld", v);
}

void
csvout_real(struct csvout *c, double v, int prec)
{
	separate(c);
	fprintf(c->fp, "%.*f", prec, v);
}

void
csvout_empty(struct csvout *c)
{
	separate(c);
}

void
csvout_endrow(struct csvout *c)
{
	fputs("\r\n", c->fp);
	c->ncells = 0;
}

int
csvout_commit(struct csvout *c)
{
	int rc = 0;

	if (!c->fp)
		return error("csv: nothing open");
	if (!c->path) {
		if (fflush(c->fp) == EOF || ferror(c->fp))
			rc = error("cannot write:");
		c->fp = NULL;
		return rc;
	}
	if (fflush(c->fp) == EOF || ferror(c->fp) || fsync(fileno(c->fp)) < 0)
		rc = error("'%s': cannot write:", c->tmp);
	if (fclose(c->fp) == EOF && rc == 0)
		rc = error("'%s': cannot write:", c->tmp);
	c->fp = NULL;
	if (rc == 0 && rename(c->tmp, c->path) < 0)
		rc = error("'%s': cannot rename to '%s':", c->tmp, c->path);
	if (rc)
		unlink(c->tmp);
	free(c->tmp);
	free(c->path);
	c->tmp = c->path = NULL;
	return rc;
}

void
csvout_abort(struct csvout *c)
{
	if (c->fp && c->path)
		fclose(c->fp);
	if (c->tmp)
		unlink(c->tmp);
	free(c->tmp);
	free(c->path);
	memset(c, 0, sizeof *c);
}
