/*
 * Writing render's files safely (see out.h).  Everything is relative to
 * one open folder descriptor: openat/mkdirat/renameat with O_NOFOLLOW on
 * every component, so nothing outside the output folder can be touched
 * whatever a company name or a planted symlink says.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

/* Create one folder level at (at, name) unless it exists; open it. */
static int
open_subdir(int at, const char *name, const char *shown)
{
	int fd;

	if (mkdirat(at, name, 0700) != 0 && errno != EEXIST)
		return error("'%s': cannot create folder:", shown);
	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return error("'%s': not a folder (or a symlink):", shown);
	return fd;
}

int
out_dir_open(struct out_dir *d, const char *path)
{
	char *p = xstrdup(path), *s;
	int at, fd;

	d->fd = -1;
	d->path = NULL;
	if (!*path) {
		free(p);
		return error("empty output folder name");
	}
	/* the folder the user names may be reached through a link of
	 * theirs (reports/latest); we only refuse links we create below */
	at = open(*p == '/' ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (at < 0) {
		free(p);
		return error("'%s': cannot open:", path);
	}
	for (s = p; *s == '/'; s++)
		;
	while (*s) {
		char *e = strchr(s, '/');

		if (e)
			*e = 0;
		if (*s) {
			if (mkdirat(at, s, 0700) != 0 && errno != EEXIST) {
				error("'%s': cannot create folder:", path);
				goto fail;
			}
			fd = openat(at, s, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (fd < 0) {
				error("'%s': cannot open folder:", path);
				goto fail;
			}
			close(at);
			at = fd;
		}
		if (!e)
			break;
		s = e + 1;
	}
	free(p);
	d->fd = at;
	d->path = xstrdup(path);
	return 0;
fail:
	close(at);
	free(p);
	return -1;
}

void
out_dir_release(struct out_dir *d)
{
	if (d->fd >= 0)
		close(d->fd);
	free(d->path);
	d->fd = -1;
	d->path = NULL;
}

static int
bad_component(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || s[0] == '.')
		return 1;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '\\')
			return 1;
	return 0;
}

int
out_open(struct out_file *f, const struct out_dir *d, const char *rel)
{
	static unsigned counter;
	const char *s = rel, *e;
	int at, fd = -1, i;

	memset(f, 0, sizeof *f);
	f->dirfd = -1;
	f->shown = xasprintf("%s/%s", d->path, rel);
	at = dup(d->fd);
	if (at < 0) {
		error("'%s': cannot open:", f->shown);
		goto fail;
	}
	f->dirfd = at;
	/* walk the folders of rel, creating them 0700 */
	while ((e = strchr(s, '/')) != NULL) {
		char *part;
		int sub;

		if (bad_component(s, e - s)) {
			error("'%s': unsafe output name", f->shown);
			goto fail;
		}
		part = xstrndup(s, e - s);
		sub = open_subdir(f->dirfd, part, f->shown);
		free(part);
		if (sub < 0)
			goto fail;
		close(f->dirfd);
		f->dirfd = sub;
		s = e + 1;
	}
	if (bad_component(s, strlen(s)) || strlen(s) > 200) {
		error("'%s': unsafe output name", f->shown);
		goto fail;
	}
	f->name = xstrdup(s);
	for (i = 0; i < 100 && fd < 0; i++) {
		free(f->tmp);
		f->tmp = xasprintf(".%s.%ld.%u.tmp", s, (long)getpid(),
				   counter++);
		fd = openat(f->dirfd, f->tmp, O_WRONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		error("'%s': cannot create:", f->shown);
		goto fail;
	}
	if (!(f->fp = fdopen(fd, "w"))) {
		close(fd);
		unlinkat(f->dirfd, f->tmp, 0);
		error("'%s': cannot write:", f->shown);
		goto fail;
	}
	return 0;
fail:
	if (f->dirfd >= 0)
		close(f->dirfd);
	free(f->tmp);
	free(f->name);
	free(f->shown);
	memset(f, 0, sizeof *f);
	f->dirfd = -1;
	return -1;
}

void
out_write(struct out_file *f, const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, f->fp) != len)
		f->failed = 1;
}

void
out_puts(struct out_file *f, const char *s)
{
	out_write(f, s, strlen(s));
}

void
out_printf(struct out_file *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vfprintf(f->fp, fmt, ap) < 0)
		f->failed = 1;
	va_end(ap);
}

cairo_status_t
out_cairo_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct out_file *f = closure;

	out_write(f, data, len);
	return f->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void
release(struct out_file *f)
{
	if (f->dirfd >= 0)
		close(f->dirfd);
	free(f->tmp);
	free(f->name);
	free(f->shown);
	memset(f, 0, sizeof *f);
	f->dirfd = -1;
}

int
out_commit(struct out_file *f)
{
	int rc = 0;

	if (fflush(f->fp) != 0)
		f->failed = 1;
	if (f->failed) {
		rc = error("'%s': cannot write:", f->shown);
	}
	if (fclose(f->fp) != 0 && rc == 0)
		rc = error("'%s': cannot write:", f->shown);
	f->fp = NULL;
	if (rc == 0 && renameat(f->dirfd, f->tmp, f->dirfd, f->name) != 0)
		rc = error("'%s': cannot rename into place:", f->shown);
	if (rc != 0)
		unlinkat(f->dirfd, f->tmp, 0);
	release(f);
	return rc;
}

void
out_abort(struct out_file *f)
{
	if (f->fp) {
		fclose(f->fp);
		unlinkat(f->dirfd, f->tmp, 0);
	}
	release(f);
}

int
out_via_file(const struct out_dir *d, const char *rel,
	     int (*fn)(const char *path, void *arg), void *arg)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir = xasprintf("%s/shindan.XXXXXX", tmpdir && *tmpdir ?
			      tmpdir : "/tmp");
	char *path = NULL, buf[8192];
	struct out_file f;
	FILE *in = NULL;
	size_t n;
	int rc = -1;

	if (!mkdtemp(dir)) {
		error("'%s': cannot create a temporary folder:", dir);
		free(dir);
		return -1;
	}
	path = xasprintf("%s/file", dir);
	if (fn(path, arg) != 0)
		goto out;
	if (!(in = fopen(path, "rb"))) {
		error("'%s': cannot open:", path);
		goto out;
	}
	if (out_open(&f, d, rel) != 0)
		goto out;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		out_write(&f, buf, n);
	if (ferror(in)) {
		error("'%s': cannot read:", path);
		out_abort(&f);
		goto out;
	}
	rc = out_commit(&f);
out:
	if (in)
		fclose(in);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return rc;
}
