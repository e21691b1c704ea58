/*
 * A folder's names, sorted: see dirlist.h.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "err.h"

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
dirlist(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names;
	int e;

	*n = 0;
	if (!d)
		return NULL;
	names = xmalloc(sizeof *names);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			names = xrealloc(names, (*n + 1) * sizeof *names);
			names[(*n)++] = xstrdup(de->d_name);
		}
	e = errno;
	closedir(d);
	errno = e;
	if (*n > 1)
		qsort(names, *n, sizeof *names, cmp_names);
	return names;
}

void
dirlist_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}
