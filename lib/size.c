/* stub: replaced by the size work */
#include "size.h"
const char *const size_classes[SIZE_NCLASSES] = { "1-5", "6-20", "21-50", "51-100", "101-300", "301+" };
const char *size_classify(const char *r) { (void)r; return "unknown"; }
