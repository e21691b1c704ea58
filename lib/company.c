/* stub */
#include <string.h>
#include <stdio.h>
#include "company.h"
size_t company_name_normalise(char *d, size_t c, const char *s) { snprintf(d, c, "%s", s); return strlen(d); }
int company_key(char *d, size_t c, const char *a, const char *b, const char *n) { (void)a; (void)b; if (!n || !*n) return -1; snprintf(d, c, "name:%s", n); return 0; }
