/*
 * Writing the sample's exports: a buffer of bytes and the files it
 * becomes, in each of the encodings and containers the shapes use.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include <zip.h>

#include "err.h"
#include "files.h"

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2 + 4096;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
write_plain(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("'%s': cannot create:", path);
	if (fwrite(b->p, 1, b->len, f) != b->len || fclose(f) != 0)
		die("'%s': cannot write:", path);
}

void
write_cp932(const char *path, const struct buf *b)
{
	iconv_t cd = iconv_open("CP932", "UTF-8");
	struct buf out = { 0 };
	char *in = b->p, *o;
	size_t inleft = b->len, outleft;

	if (cd == (iconv_t)-1)
		die("iconv: cannot convert UTF-8 to CP932:");
	out.cap = b->len + 16;
	out.p = xmalloc(out.cap);
	o = out.p;
	outleft = out.cap;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		die("'%s': cannot encode in CP932 at byte %zu:", path,
		    (size_t)(in - b->p));
	iconv_close(cd);
	out.len = out.cap - outleft;
	write_plain(path, &out);
	free(out.p);
}

void
write_zip(const char *path, const char *name, const struct buf *b)
{
	zipFile zf = zipOpen64(path, APPEND_STATUS_CREATE);
	zip_fileinfo zi;

	if (!zf)
		die("'%s': cannot create:", path);
	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 2024;
	zi.tmz_date.tm_mday = 1;
	if (zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL,
				Z_DEFLATED, 6) != ZIP_OK ||
	    zipWriteInFileInZip(zf, b->p, (unsigned)b->len) != ZIP_OK ||
	    zipCloseFileInZip(zf) != ZIP_OK || zipClose(zf, NULL) != ZIP_OK)
		die("'%s': cannot write", path);
}

void
write_gzip(const char *path, const struct buf *b)
{
	gzFile gz = gzopen(path, "wb9");
	size_t off = 0;

	if (!gz)
		die("'%s': cannot create:", path);
	while (off < b->len) {
		unsigned n = b->len - off > (1u << 30) ? 1u << 30 :
			(unsigned)(b->len - off);

		if (gzwrite(gz, b->p + off, n) != (int)n)
			die("'%s': cannot write", path);
		off += n;
	}
	if (gzclose(gz) != Z_OK)
		die("'%s': cannot write", path);
}

void
mkdir_or_die(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		die("'%s': cannot create:", path);
}
