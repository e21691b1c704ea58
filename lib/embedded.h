#ifndef SHINDAN_EMBEDDED_H
#define SHINDAN_EMBEDDED_H
/*
 * The files of data/, compiled in by scripts/embed-data (lib/embedded.c).
 * Each is the whole TSV file, header line included, NUL-terminated.
 */
extern const char embedded_questions[];
extern const char embedded_jsic[];
extern const char embedded_industry_aliases[];
extern const char embedded_question_chapters[];
#endif
