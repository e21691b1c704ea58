#ifndef SHINDAN_RENDER_OUT_H
#define SHINDAN_RENDER_OUT_H
/*
 * Safe output for render: every file lands inside one output folder,
 * is written under a temporary name created 0600 with O_EXCL|O_NOFOLLOW
 * beside its final name, and is renamed into place only when complete.
 * Folders are created 0700 and never entered through a symlink, so a link
 * planted in the output folder cannot redirect a write elsewhere.
 *
 * A file whose new bytes are those of the file already in place is not
 * replaced: the temporary file goes and the old one keeps its inode and
 * mtime, so that a render over an unchanged run rewrites nothing.  With a
 * link folder (out_start), an earlier render's folder, a file identical
 * to the one of the same name there is hard-linked from it instead of
 * written: a new dated folder each night then shares what did not change.
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
	char *rel;		/* the relative name out_open was given */
	char *shown;		/* out_dir path + relative name, for messages */
	int failed;		/* a write failed: commit will refuse */
};

/* What the commits of one render did, the forked workers' included. */
struct out_counts {
	long long written;	/* renamed into place: new or changed */
	long long unchanged;	/* identical to the file in place: kept */
	long long linked;	/* identical to the link folder's: linked */
};

/*
 * Once per render, before the first out_open and before forking any
 * worker: count commits in memory the workers share, and when link_dest
 * is not NULL, open that folder (an earlier render's) to link unchanged
 * files from.  Returns 0, or -1 after saying why link_dest cannot be
 * opened (counting works either way).
 */
int out_start(const char *link_dest);
/* The counts so far, over every process since out_start. */
void out_get_counts(struct out_counts *c);

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
 * Flush, close and rename the file into place, replacing an older one,
 * unless the file in place (or the link folder's, linked then) holds the
 * same bytes: then the temporary file is removed and nothing else
 * changes.  Returns 0, or -1 after printing why and removing the
 * temporary file.  Releases f either way.
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
