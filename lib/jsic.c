/* stub: replaced by the industry work */
#include "jsic.h"
int jsic_classify(const char *r) { (void)r; return -1; }
const char *jsic_name(int d) { (void)d; return ""; }
const char *jsic_short_name(int d) { (void)d; return ""; }
int jsic_load_aliases(const char *p) { (void)p; return -1; }
