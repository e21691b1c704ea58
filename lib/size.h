#ifndef SHINDAN_SIZE_H
#define SHINDAN_SIZE_H
/*
 * Company size classes from employee numbers or bands.
 */
#define SIZE_NCLASSES 6

/* "1-5", "6-20", "21-50", "51-100", "101-300", "301+" */
extern const char *const size_classes[SIZE_NCLASSES];

/*
 * Classify an employees cell: a number ("15", "15人", "約15名", "1,200")
 * or a band ("6〜20人", "21-50", "301人以上", "5人以下").  Returns one of
 * size_classes, or "unknown" for blank, zero or unrecognised values and
 * bands that straddle two classes.
 */
const char *size_classify(const char *raw);
#endif
