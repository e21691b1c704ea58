/*
 * Unit tests of lib/strtab.c: every string comes back as added, from
 * memory and from the temporary file past the limit, including empty
 * strings, strings longer than the write buffer and lookups in any order
 * between additions; the temporary file is gone from $TMPDIR while open.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strtab.h"
#include "tap.h"

#define N 20000

/* The i-th test string: empty every 97th, 100 KiB every 5000th (from the 4999th). */
static size_t
make(size_t i, char *buf, size_t cap)
{
	size_t n;

	if (i % 97 == 0)
		return 0;
	if (i % 5000 == 4999) {
		n = 100 * 1024 < cap ? 100 * 1024 : cap;
		memset(buf, 'a' + (int)(i % 26), n);
		snprintf(buf, 24, "%zu", i);
		buf[strlen(buf)] = '-';
		return n;
	}
	return (size_t)snprintf(buf, cap, "株式会社テスト%zu商事", i);
}

static int
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

int
main(void)
{
	static char want[128 * 1024];
	char dir[] = "/tmp/t-strtab.XXXXXX";
	struct strtab *t;
	size_t i, n, len, bad = 0, badlen = 0;
	const char *s;

	if (!mkdtemp(dir))
		return 1;
	setenv("TMPDIR", dir, 1);
	t = strtab_new(4096);
	for (i = 0; i < N; i++) {
		n = make(i, want, sizeof want);
		if (strtab_add(t, want, n))
			bad++;
		if (i % 1000 == 999) {	/* a lookup between additions */
			size_t j = i / 3;

			n = make(j, want, sizeof want);
			s = strtab_get(t, j, &len);
			bad += !s || len != n || memcmp(s, want, n);
		}
	}
	TAP_INT(bad, 0, "20000 strings added, lookups between additions right");
	TAP_INT(strtab_count(t), N, "all counted");
	TAP_OK(strtab_spilled(t) > N - 200 && strtab_spilled(t) < N - 50,
	       "past 4 KiB they went to disk (%zu of %d)", strtab_spilled(t),
	       N);
	TAP_INT(count_files(dir), 0, "no file left in TMPDIR while open");
	bad = 0;
	for (i = N; i-- > 0;) {		/* backwards: no reading ahead */
		n = make(i, want, sizeof want);
		s = strtab_get(t, i, &len);
		if (!s || memcmp(s, want, n) || s[n] != '\0')
			bad++;
		if (!s || len != n)
			badlen++;
	}
	TAP_INT(bad, 0, "every string comes back, NUL-terminated");
	TAP_INT(badlen, 0, "with its length (empty and 100 KiB ones too)");
	s = strtab_get(t, 0, &len);
	TAP_OK(s && len == 0 && *s == '\0', "the first (empty) one from memory");
	strtab_free(t);

	t = strtab_new(0);
	for (i = 0; i < 1000; i++) {
		n = make(i, want, sizeof want);
		strtab_add(t, want, n);
	}
	TAP_INT(strtab_spilled(t), 0, "1000 strings stay in memory by default");
	strtab_free(t);
	rmdir(dir);
	return tap_done();
}
