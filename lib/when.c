/* stub: replaced by the date work */
#include "when.h"
int when_parse(const char *s, int64_t *u, const char **why) { (void)s; (void)u; *why = "not implemented"; return -1; }
void when_format(int64_t u, char b[21]) { (void)u; b[0] = 0; }
int when_as_of(const char *d, int64_t *e) { (void)d; (void)e; return -1; }
void when_today_jst(char b[11]) { b[0] = 0; }
void when_jst_date(int64_t u, char b[11]) { (void)u; b[0] = 0; }
