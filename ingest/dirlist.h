#ifndef SHINDAN_DIRLIST_H
#define SHINDAN_DIRLIST_H
/*
 * A folder's names in bytewise order, the order ingest reads a folder in
 * (files to import, maps of --map DIR), whatever the locale.
 */
#include <stddef.h>

/*
 * The names in folder dir but "." and "..", sorted bytewise: *n strings
 * in an array the caller frees with dirlist_free (never NULL for a
 * folder, even an empty one).  NULL with errno set when dir cannot be
 * opened.
 */
char **dirlist(const char *dir, size_t *n);
void dirlist_free(char **names, size_t n);
#endif
