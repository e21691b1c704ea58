#ifndef SHINDAN_RENDER_OUT_H
#define SHINDAN_RENDER_OUT_H
/*
 * Safe output for render: every file lands inside one output folder,
 * is written under a temporary name created 0600 with O_EXCL|O_NOFOLLOW
 * beside its final name, and is renamed into place only when complete.
 * Folders are created 0700 and never entered through a symlink, so a link
 * planted in the output folder cannot redirect a write elsewhere.
 */
#include <stddef.h>
#include <stdio.h>

#include <cairo.h>

struct out_dir {
	int fd;			/* the folder, opened O_DIRECTORY */
	char *path;		/* as given, for messages */
};

struct out_file {
	FILE *fp;		/* buffered writes to the temporary file */
	int dirfd;		/* folder holding it (owned) */
	char *tmp;		/* temporary name inside that folder */
	char *name;		/* final name inside that folder */
	char *shown;		/* out_dir path + relative name, for messages */
	int failed;		/* a write failed: commit will refuse */
};

/*
 * Create path (and missing parents) with mode 0700 and open it.  Returns
 * 0, or -1 after printing why (not a folder, no permission).
 */
int out_dir_open(struct out_dir *d, const char *path);
void out_dir_release(struct out_dir *d);

/*
 * Start writing rel inside d: rel is a relative path such as "index.html"
 * or "companies/x.pdf" whose components are not empty, ".", ".." or
 * hidden; missing folders on the way are created 0700, and none may be a
 * symlink.  Returns 0, or -1 after printing why.
 */
int out_open(struct out_file *f, const struct out_dir *d, const char *rel);
/* Append bytes; a failure is remembered and reported by out_commit. */
void out_write(struct out_file *f, const void *buf, size_t len);
void out_puts(struct out_file *f, const char *s);
void out_printf(struct out_file *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A cairo_write_func_t whose closure is a struct out_file. */
cairo_status_t out_cairo_write(void *closure, const unsigned char *data,
			       unsigned int len);
/*
 * Flush, close and rename the file into place, replacing an older one.
 * Returns 0, or -1 after printing why and removing the temporary file.
 * Releases f either way.
 */
int out_commit(struct out_file *f);
/* Give up: remove the temporary file and release f. */
void out_abort(struct out_file *f);
/*
 * Write rel inside d with a library that writes only to a named file
 * (libxlsxwriter, minizip): fn(path, arg) writes path, inside a fresh
 * 0700 folder under $TMPDIR, and returns 0 or -1 after saying why; the
 * file is then copied to rel as out_open/out_commit do, and removed.
 * Returns 0, or -1 after saying why.
 */
int out_via_file(const struct out_dir *d, const char *rel,
		 int (*fn)(const char *path, void *arg), void *arg);
#endif
