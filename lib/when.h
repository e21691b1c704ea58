#ifndef SHINDAN_WHEN_H
#define SHINDAN_WHEN_H
/*
 * Dates and times as exports write them, stored as UTC.  A time without a
 * zone is JST (UTC+9); a date without a time is JST midnight.
 */
#include <stdint.h>

/*
 * Parse a submission time: "2024/01/15 10:23:45", "2024/1/5 9:03",
 * Google Forms' "2024/01/07 7:41:40 午後 GMT+9" and "10:09:52 AM UTC+3",
 * SurveyMonkey's "01/15/2024 10:23:45 AM", ISO 8601 with or without zone,
 * "2024-01-15", "2024年1月15日", 和暦 (令和6年1月15日, R6.1.15, R6/1/15,
 * 平成31年4月30日) and Excel serial numbers (1900 date system).
 * Returns 0 and sets *utc (seconds since the epoch), or -1 and sets *why
 * to a static reason ("no such date", "not a date", ...).
 */
int when_parse(const char *s, int64_t *utc, const char **why);
/*
 * Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
 * Hinnant's algorithms; no time zone, no libc).
 */
int64_t when_days_from_civil(int64_t y, int m, int d);
void when_civil_from_days(int64_t days, int *y, int *m, int *d);
/* Format as "YYYY-MM-DDTHH:MM:SSZ" into buf (21 bytes). */
void when_format(int64_t utc, char buf[21]);
/*
 * Parse an --as-of date "YYYY-MM-DD".  Returns 0 and sets *end_utc to the
 * first second after that JST day (submissions strictly before it count),
 * or -1 for anything else, including impossible dates.
 */
int when_as_of(const char *date, int64_t *end_utc);
/* Today's date in JST as "YYYY-MM-DD" into buf (11 bytes). */
void when_today_jst(char buf[11]);
/* The JST date of a UTC instant, "YYYY-MM-DD" into buf (11 bytes). */
void when_jst_date(int64_t utc, char buf[11]);
/*
 * The date a file name carries, for a file without a time column:
 * "回答_2025-06-02.csv" (also with '_', '.' or '/'), "20250602" as a run
 * of exactly eight digits, "2025年6月2日".  Strict: an impossible date, a
 * year outside 1990..2099, a longer or shorter run of digits ("202506",
 * "202506021030") is no date, and a name with two different dates has
 * none.  Returns 1 with JST midnight of that day in *utc and the date as
 * "YYYY-MM-DD" in date, or 0.
 */
int when_from_name(const char *name, int64_t *utc, char date[11]);
#endif
