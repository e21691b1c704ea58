/*
 * Zip reading through minizip (zlib's contrib/minizip, Debian's
 * libminizip): minizip reads the central directory and inflates; this
 * module adds what an unattended nightly run needs on top, namely limits.
 * A member may not declare or yield more than ZIPIN_MAX_MEMBER bytes, the
 * archive not more than ZIPIN_MAX_TOTAL, and no member may expand more
 * than ZIPIN_MAX_RATIO times once past ZIPIN_RATIO_FLOOR: the sizes in a
 * zip's directory are written by whoever made it, so the bytes actually
 * inflated are counted too.  A member's CRC is checked when its end is
 * read (minizip does this in unzCloseCurrentFile).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unzip.h>

#include "err.h"
#include "zipin.h"

struct member {
	char *name;
	unz64_file_pos pos;
	uint64_t size, csize;
	unsigned long flag, method;
};

struct zipin {
	unzFile uf;
	struct member *m;
	size_t n;
	long cur;		/* the member being read, or -1 */
	int cur_open;		/* unzOpenCurrentFile done */
	uint64_t cur_done;	/* its bytes read */
	uint64_t total;		/* all members' bytes read */
	int failed;
	char why[256];
};

static void
set_why(struct zipin *z, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
set_why(struct zipin *z, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(z->why, sizeof z->why, fmt, ap);
	va_end(ap);
}

int
zipin_magic(const unsigned char *p, size_t len)
{
	return len >= 4 && p[0] == 'P' && p[1] == 'K' &&
	       ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

/* Does member m declare a bomb?  Returns 0, or -1 with why. */
static int
declared_bomb(struct zipin *z, const struct member *m)
{
	if (m->size > ZIPIN_MAX_MEMBER) {
		set_why(z, "'%s': declares %llu bytes uncompressed, over the "
			"limit of %llu: refused as a zip bomb", m->name,
			(unsigned long long)m->size,
			(unsigned long long)ZIPIN_MAX_MEMBER);
		return -1;
	}
	if (m->size > ZIPIN_RATIO_FLOOR &&
	    m->size / ZIPIN_MAX_RATIO > m->csize) {
		set_why(z, "'%s': expands more than %d times (%llu bytes from"
			" %llu): refused as a zip bomb", m->name,
			ZIPIN_MAX_RATIO, (unsigned long long)m->size,
			(unsigned long long)m->csize);
		return -1;
	}
	return 0;
}

struct zipin *
zipin_open(const char *path, char why[256])
{
	struct zipin *z;
	unz_global_info64 gi;
	uint64_t declared = 0;
	int rc;

	unzFile uf = unzOpen64(path);
	if (!uf) {
		snprintf(why, 256, "not a readable zip: truncated or damaged "
			 "(no central directory)");
		return NULL;
	}
	z = xcalloc(1, sizeof *z);
	z->uf = uf;
	z->cur = -1;
	if (unzGetGlobalInfo64(uf, &gi) != UNZ_OK) {
		set_why(z, "not a readable zip: damaged central directory");
		goto fail;
	}
	if (gi.number_entry > ZIPIN_MAX_MEMBERS) {
		set_why(z, "%llu members, over the limit of %d",
			(unsigned long long)gi.number_entry,
			ZIPIN_MAX_MEMBERS);
		goto fail;
	}
	z->m = xcalloc(gi.number_entry ? gi.number_entry : 1, sizeof *z->m);
	for (rc = unzGoToFirstFile(uf); rc == UNZ_OK;
	     rc = unzGoToNextFile(uf)) {
		unz_file_info64 fi;
		char name[1024];
		struct member *m;

		if (z->n == gi.number_entry) {
			set_why(z, "not a readable zip: more members than its "
				"directory counts");
			goto fail;
		}
		if (unzGetCurrentFileInfo64(uf, &fi, name, sizeof name, NULL,
					    0, NULL, 0) != UNZ_OK) {
			set_why(z, "not a readable zip: damaged entry %zu in "
				"its directory", z->n + 1);
			goto fail;
		}
		m = &z->m[z->n++];
		m->name = xstrdup(name);
		m->size = fi.uncompressed_size;
		m->csize = fi.compressed_size;
		m->flag = fi.flag;
		m->method = fi.compression_method;
		unzGetFilePos64(uf, &m->pos);
		if (declared_bomb(z, m))
			goto fail;
		declared += m->size;
		if (declared > ZIPIN_MAX_TOTAL) {
			set_why(z, "members declare more than %llu bytes "
				"uncompressed: refused as a zip bomb",
				(unsigned long long)ZIPIN_MAX_TOTAL);
			goto fail;
		}
	}
	if (rc != UNZ_END_OF_LIST_OF_FILE) {
		set_why(z, "not a readable zip: damaged central directory");
		goto fail;
	}
	return z;
fail:
	snprintf(why, 256, "%s", z->why);
	zipin_close(z);
	return NULL;
}

size_t
zipin_count(const struct zipin *z)
{
	return z->n;
}

const char *
zipin_name(const struct zipin *z, size_t i)
{
	return z->m[i].name;
}

uint64_t
zipin_size(const struct zipin *z, size_t i)
{
	return z->m[i].size;
}

long
zipin_find(const struct zipin *z, const char *name)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		if (strcmp(z->m[i].name, name) == 0)
			return (long)i;
	return -1;
}

static void
member_end(struct zipin *z)
{
	if (z->cur_open)
		unzCloseCurrentFile(z->uf);
	z->cur_open = 0;
	z->cur = -1;
}

int
zipin_member(struct zipin *z, size_t i)
{
	struct member *m = &z->m[i];

	member_end(z);
	z->failed = 0;
	z->cur_done = 0;
	if (m->flag & 1) {
		set_why(z, "'%s': encrypted, cannot read", m->name);
		return -1;
	}
	if (m->method != 0 && m->method != Z_DEFLATED) {
		set_why(z, "'%s': compression method %lu, not stored or "
			"deflate: cannot read", m->name, m->method);
		return -1;
	}
	if (unzGoToFilePos64(z->uf, &m->pos) != UNZ_OK ||
	    unzOpenCurrentFile(z->uf) != UNZ_OK) {
		set_why(z, "'%s': damaged entry, cannot read", m->name);
		return -1;
	}
	z->cur = (long)i;
	z->cur_open = 1;
	return 0;
}

/* Fail the member being read with why; -1. */
static ssize_t
read_fail(struct zipin *z)
{
	z->failed = 1;
	member_end(z);
	return -1;
}

ssize_t
zipin_read(void *ctx, char *dst, size_t cap)
{
	struct zipin *z = ctx;
	struct member *m;
	int n;

	if (z->failed)
		return -1;
	if (z->cur < 0)
		return 0;
	m = &z->m[z->cur];
	if (cap > (1u << 30))
		cap = 1u << 30;
	n = unzReadCurrentFile(z->uf, dst, (unsigned)cap);
	if (n < 0) {
		set_why(z, "'%s': corrupt data at byte %llu (%s)", m->name,
			(unsigned long long)z->cur_done,
			n == UNZ_ERRNO ? "read error or truncated" :
			"inflate failed");
		return read_fail(z);
	}
	if (n == 0) {
		int rc = unzCloseCurrentFile(z->uf);

		z->cur_open = 0;
		if (rc == UNZ_CRCERROR) {
			set_why(z, "'%s': bad CRC: the archive is damaged",
				m->name);
			return read_fail(z);
		}
		if (rc != UNZ_OK) {
			set_why(z, "'%s': damaged entry", m->name);
			return read_fail(z);
		}
		if (z->cur_done != m->size) {
			set_why(z, "'%s': %llu bytes where the directory says "
				"%llu: the archive is damaged", m->name,
				(unsigned long long)z->cur_done,
				(unsigned long long)m->size);
			return read_fail(z);
		}
		z->cur = -1;
		return 0;
	}
	z->cur_done += (uint64_t)n;
	z->total += (uint64_t)n;
	if (z->cur_done > ZIPIN_MAX_MEMBER || z->cur_done > m->size) {
		set_why(z, "'%s': expands past %llu bytes, more than its "
			"directory says: refused as a zip bomb", m->name,
			(unsigned long long)(z->cur_done - (uint64_t)n));
		return read_fail(z);
	}
	if (z->cur_done > ZIPIN_RATIO_FLOOR &&
	    z->cur_done / ZIPIN_MAX_RATIO > m->csize) {
		set_why(z, "'%s': expands more than %d times: refused as a "
			"zip bomb", m->name, ZIPIN_MAX_RATIO);
		return read_fail(z);
	}
	if (z->total > ZIPIN_MAX_TOTAL) {
		set_why(z, "members expand past %llu bytes: refused as a zip "
			"bomb", (unsigned long long)ZIPIN_MAX_TOTAL);
		return read_fail(z);
	}
	return n;
}

uint64_t
zipin_done(const void *ctx)
{
	return ((const struct zipin *)ctx)->total;
}

const char *
zipin_why(const struct zipin *z)
{
	return z->why;
}

void
zipin_close(struct zipin *z)
{
	size_t i;

	if (!z)
		return;
	member_end(z);
	unzClose(z->uf);
	for (i = 0; i < z->n; i++)
		free(z->m[i].name);
	free(z->m);
	free(z);
}
