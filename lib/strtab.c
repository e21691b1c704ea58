/*
 * The string table of strtab.h.  In memory: one arena of NUL-terminated
 * strings and their offsets.  Past the limit (bytes, or a string count
 * whose offsets would outgrow it): a temporary file of records
 * "length (4 bytes) string", written through a buffer, and a second
 * file of 8-byte record offsets, so nothing grows in memory with the
 * spilled strings.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "strtab.h"

#define DEFAULT_MEM (16UL << 20)
#define WBUF (64 * 1024)

struct strtab {
	size_t limit;
	char *arena;
	size_t used, cap;
	uint32_t *off;
	size_t nmem, offcap;
	/* beyond the limit */
	int data, index;	/* -1 until the first spill */
	uint64_t data_len;
	size_t nspill;
	char *wbuf, *ibuf;	/* pending writes to data and index */
	size_t wlen, ilen;
	char *val;		/* strtab_get's result when spilled */
	size_t valcap;
};

int
spill_open(const char *tag)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd, e;

	if (!dir || !*dir)
		dir = "/tmp";
	path = xasprintf("%s/shindan-%s-XXXXXX", dir, tag);
	fd = mkstemp(path);	/* 0600 */
	e = errno;
	if (fd >= 0)
		unlink(path);
	free(path);
	errno = e;
	return fd;
}

struct strtab *
strtab_new(size_t mem_bytes)
{
	struct strtab *t = xcalloc(1, sizeof *t);

	t->limit = mem_bytes ? mem_bytes : DEFAULT_MEM;
	t->data = t->index = -1;
	return t;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
flush(struct strtab *t)
{
	if ((t->wlen && write_all(t->data, t->wbuf, t->wlen)) ||
	    (t->ilen && write_all(t->index, t->ibuf, t->ilen)))
		return -1;
	t->wlen = t->ilen = 0;
	return 0;
}

static int
spill(struct strtab *t, const char *s, size_t n)
{
	uint32_t len = (uint32_t)n;
	uint64_t at = t->data_len;

	if ((t->data < 0 && (t->data = spill_open("strings")) < 0) ||
	    (t->index < 0 && (t->index = spill_open("strings")) < 0))
		return -1;
	if (!t->wbuf) {
		t->wbuf = xmalloc(WBUF);
		t->ibuf = xmalloc(WBUF);
	}
	if (t->ilen + sizeof at > WBUF || t->wlen + sizeof len + n > WBUF)
		if (flush(t))
			return -1;
	memcpy(t->ibuf + t->ilen, &at, sizeof at);
	t->ilen += sizeof at;
	if (sizeof len + n > WBUF) {	/* a long one goes straight out */
		if (write_all(t->data, (const char *)&len, sizeof len) ||
		    write_all(t->data, s, n))
			return -1;
	} else {
		memcpy(t->wbuf + t->wlen, &len, sizeof len);
		memcpy(t->wbuf + t->wlen + sizeof len, s, n);
		t->wlen += sizeof len + n;
	}
	t->data_len += sizeof len + n;
	t->nspill++;
	return 0;
}

int
strtab_add(struct strtab *t, const char *s, size_t n)
{
	if (n > UINT32_MAX) {
		errno = EFBIG;
		return -1;
	}
	if (t->nspill || t->used + n + 1 > t->limit ||
	    (t->nmem + 1) * sizeof *t->off > t->limit / 4)
		return spill(t, s, n);
	if (t->used + n + 1 > t->cap) {
		while (t->used + n + 1 > t->cap)
			t->cap = t->cap ? 2 * t->cap : 4096;
		t->arena = xrealloc(t->arena, t->cap);
	}
	if (t->nmem == t->offcap) {
		t->offcap = t->offcap ? 2 * t->offcap : 1024;
		t->off = xrealloc(t->off, t->offcap * sizeof *t->off);
	}
	t->off[t->nmem++] = (uint32_t)t->used;
	memcpy(t->arena + t->used, s, n);
	t->arena[t->used + n] = '\0';
	t->used += n + 1;
	return 0;
}

size_t
strtab_count(const struct strtab *t)
{
	return t->nmem + t->nspill;
}

size_t
strtab_spilled(const struct strtab *t)
{
	return t->nspill;
}

static int
read_at(int fd, void *p, size_t n, uint64_t at)
{
	while (n > 0) {
		ssize_t r = pread(fd, p, n, (off_t)at);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;	/* the file is shorter */
			return -1;
		}
		p = (char *)p + r;
		n -= (size_t)r;
		at += (uint64_t)r;
	}
	return 0;
}

const char *
strtab_get(struct strtab *t, size_t i, size_t *len)
{
	uint64_t at;
	uint32_t n;

	if (i < t->nmem) {
		const char *s = t->arena + t->off[i];

		*len = (i + 1 < t->nmem ? t->off[i + 1] : t->used) -
		       t->off[i] - 1;
		return s;
	}
	i -= t->nmem;
	if (flush(t) || read_at(t->index, &at, sizeof at, (uint64_t)i * 8) ||
	    read_at(t->data, &n, sizeof n, at))
		return NULL;
	if ((size_t)n + 1 > t->valcap) {
		t->valcap = (size_t)n + 1;
		t->val = xrealloc(t->val, t->valcap);
	}
	if (read_at(t->data, t->val, n, at + sizeof n))
		return NULL;
	t->val[n] = '\0';
	*len = n;
	return t->val;
}

void
strtab_free(struct strtab *t)
{
	if (!t)
		return;
	if (t->data >= 0)
		close(t->data);
	if (t->index >= 0)
		close(t->index);
	free(t->arena);
	free(t->off);
	free(t->wbuf);
	free(t->ibuf);
	free(t->val);
	free(t);
}
