/*
 * Writing render's files safely (see out.h).  Everything is relative to
 * one open folder descriptor: openat/mkdirat/renameat with O_NOFOLLOW on
 * every component, so nothing outside the output folder can be touched
 * whatever a company name or a planted symlink says.
 *
 * Before a file is renamed into place it is compared with the one it
 * would replace (and with the link folder's): rewriting identical bytes
 * would only cost writes and tell rsync, backups and a browser's cache
 * that a page changed when it did not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

/* The counts, in memory shared with the workers forked after out_start. */
struct shared_counts {
	atomic_llong written, unchanged, linked;
};

static struct shared_counts own_counts;
static struct shared_counts *counts = &own_counts;
static int link_fd = -1;	/* out_start's link folder, or -1 */

int
out_start(const char *link_dest)
{
	void *p = mmap(NULL, sizeof *counts, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	/* without it, the workers' commits go uncounted, and only that */
	if (p != MAP_FAILED)
		counts = p;
	if (!link_dest)
		return 0;
	link_fd = open(link_dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (link_fd < 0)
		return error("'%s': cannot open the link folder:", link_dest);
	return 0;
}

void
out_get_counts(struct out_counts *c)
{
	c->written = atomic_load(&counts->written);
	c->unchanged = atomic_load(&counts->unchanged);
	c->linked = atomic_load(&counts->linked);
}

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
	f->rel = xstrdup(rel);
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
	free(f->rel);
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
	free(f->rel);
	free(f->shown);
	memset(f, 0, sizeof *f);
	f->dirfd = -1;
}

/*
 * 1 when name in folder dir is a regular file (not a symlink) of size
 * bytes equal to those of fd, else 0 (also when it cannot be read: then
 * it is replaced, as it always was).
 */
static int
same_bytes(int dir, const char *name, int fd, off_t size)
{
	char a[16384], b[16384];	/* on the stack: no state shared */
	int other = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat sb;
	off_t at = 0;
	int same = 0;

	if (other < 0)
		return 0;
	if (fstat(other, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size != size)
		goto out;
	while (at < size) {
		size_t want = size - at < (off_t)sizeof a ? (size_t)(size - at) :
			      sizeof a;
		ssize_t n = pread(fd, a, want, at);

		if (n <= 0 || pread(other, b, (size_t)n, at) != n ||
		    memcmp(a, b, (size_t)n) != 0)
			goto out;
		at += n;
	}
	same = 1;
out:
	close(other);
	return same;
}

/*
 * The folder of rel inside the link folder, opened without following a
 * symlink, or -1 when there is none.
 */
static int
link_subdir(const char *rel)
{
	const char *s = rel, *e;
	int at = dup(link_fd);

	while (at >= 0 && (e = strchr(s, '/')) != NULL) {
		char *part = xstrndup(s, e - s);
		int sub = openat(at, part, O_RDONLY | O_DIRECTORY |
				 O_NOFOLLOW | O_CLOEXEC);

		free(part);
		close(at);
		at = sub;
		s = e + 1;
	}
	return at;
}

/*
 * Instead of renaming f's complete temporary file into place: keep the
 * file in place when it holds the same bytes, or link the link folder's
 * when that one does and nothing is in place.  Returns 1 when done so
 * (the temporary file is removed), 0 when f is to be renamed.
 */
static int
keep_same(struct out_file *f)
{
	int fd = openat(f->dirfd, f->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat sb;
	int kept = 0, sub;

	if (fd < 0)
		return 0;
	if (fstat(fd, &sb) != 0)
		goto out;
	if (same_bytes(f->dirfd, f->name, fd, sb.st_size)) {
		atomic_fetch_add(&counts->unchanged, 1);
		kept = 1;
	} else if (link_fd >= 0 && (sub = link_subdir(f->rel)) >= 0) {
		/* linkat fails, and the file is written, when a file is in
		 * place or the link folder is on another file system */
		if (same_bytes(sub, f->name, fd, sb.st_size) &&
		    linkat(sub, f->name, f->dirfd, f->name, 0) == 0) {
			atomic_fetch_add(&counts->linked, 1);
			kept = 1;
		}
		close(sub);
	}
out:
	close(fd);
	if (kept)
		unlinkat(f->dirfd, f->tmp, 0);
	return kept;
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
	if (rc == 0 && keep_same(f)) {
		release(f);
		return 0;
	}
	if (rc == 0 && renameat(f->dirfd, f->tmp, f->dirfd, f->name) != 0)
		rc = error("'%s': cannot rename into place:", f->shown);
	if (rc == 0)
		atomic_fetch_add(&counts->written, 1);
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
