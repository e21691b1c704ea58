/*
 * Submission times as survey tools write them, turned into UTC seconds.
 *
 * Every export spells a timestamp its own way: Google Forms writes
 * "2024/01/07 7:41:40 午後 GMT+9", SurveyMonkey "01/15/2024 10:23:45 AM",
 * Qualtrics "2024-01-15 10:23:45", Excel leaves serial numbers, and people
 * type 和暦 by hand.  The cell is folded (text_fold) and then read by one
 * small recursive-descent parser: a date, optionally a time with 午前/午後
 * or AM/PM before or after it, optionally a zone.  A time without a zone
 * is JST; a date without a time is JST midnight.
 *
 * Calendar arithmetic is done here (Howard Hinnant's days_from_civil and
 * civil_from_days, proleptic Gregorian) rather than with mktime/timegm,
 * so the result never depends on TZ, the locale or the C library.
 * 和暦 dates before 明治6年 (1873) are read in the Gregorian calendar too,
 * although Japan then still used the lunisolar one; no survey is that old.
 */
#include <string.h>
#include <time.h>

#include "text.h"
#include "when.h"

#define JST_OFFSET (9 * 3600)
#define DAY 86400

/* Excel's 1900 date system: serial 1 is 1900-01-01, 2958465 9999-12-31. */
#define EXCEL_MAX 2958465

struct era {
	const char *kanji;
	char letter;		/* lower case, as the cell is folded */
	int y, m, d;		/* first day of the era */
};

/* In order; an era ends the day before the next one starts. */
static const struct era eras[] = {
	{ "明治", 'm', 1868, 1, 1 },
	{ "大正", 't', 1912, 7, 30 },
	{ "昭和", 's', 1926, 12, 25 },
	{ "平成", 'h', 1989, 1, 8 },
	{ "令和", 'r', 2019, 5, 1 },
};
#define NERAS ((int)(sizeof eras / sizeof *eras))

struct stamp {
	int y, mo, d;
	int h, mi, s;
	int ampm;		/* 0 none, 1 AM, 2 PM */
	int zone;		/* seconds east of UTC */
	int era;		/* index into eras[], or -1 */
};

/*
 * Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
 * days_from_civil; valid for any year here).
 */
int64_t
when_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of when_days_from_civil. */
void
when_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

/* Floor division, so that instants before 1970 land on the right day. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/*
 * Read a run of between min and max ASCII digits at *p into *val.  A longer
 * or shorter run is not consumed.  Returns the number of digits, or 0.
 */
static int
digits(const char **p, int min, int max, int *val)
{
	const char *s = *p;
	int n = 0, v = 0;

	while (s[n] >= '0' && s[n] <= '9') {
		if (n < 9)
			v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min || n > max)
		return 0;
	*p = s + n;
	*val = v;
	return n;
}

static void
skip_space(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* "午前", "午後", "am", "pm", "a.m.", "p.m.": 1 for AM, 2 for PM, else 0. */
static int
ampm(const char **p)
{
	if (text_eat(p, "午前") || text_eat(p, "a.m.") || text_eat(p, "am"))
		return 1;
	if (text_eat(p, "午後") || text_eat(p, "p.m.") || text_eat(p, "pm"))
		return 2;
	return 0;
}

/* The month and day after a year: "M<sep>D", or "M月D日" when sep is 年. */
static int
month_day(const char **p, char sep, struct stamp *st)
{
	if (sep == 0) {
		skip_space(p);
		if (!digits(p, 1, 2, &st->mo))
			return -1;
		skip_space(p);
		if (!text_eat(p, "月"))
			return -1;
		skip_space(p);
		if (!digits(p, 1, 2, &st->d))
			return -1;
		skip_space(p);
		return text_eat(p, "日") ? 0 : -1;
	}
	if (!digits(p, 1, 2, &st->mo) || **p != sep)
		return -1;
	(*p)++;
	return digits(p, 1, 2, &st->d) ? 0 : -1;
}

/* A separator between year, month and day: '/', '-', '.', or 0 for 年. */
static int
date_sep(const char **p, char *sep)
{
	const char *s = *p;

	skip_space(&s);
	if (text_eat(&s, "年")) {
		*p = s;
		*sep = 0;
		return 0;
	}
	if (**p == '/' || **p == '-' || **p == '.') {
		*sep = *(*p)++;
		return 0;
	}
	return -1;
}

/*
 * 和暦: "令和6年1月15日", "令和元年5月1日", "R6.1.15", "R06/01/15".
 * Returns 1 when an era was read, 0 when there is none at *p, -1 when it
 * starts like one and then goes wrong.
 */
static int
era_date(const char **p, struct stamp *st)
{
	const char *s = *p;
	int i, n;
	char sep;

	if (*s >= '0' && *s <= '9')
		return 0;
	for (i = 0; i < NERAS; i++) {
		if (text_eat(&s, eras[i].kanji)) {
			skip_space(&s);
			if (text_eat(&s, "元"))
				n = 1;
			else if (!digits(&s, 1, 2, &n))
				return -1;
			break;
		}
		if (*s == eras[i].letter && s[1] >= '0' && s[1] <= '9') {
			s++;
			if (!digits(&s, 1, 2, &n))
				return -1;
			break;
		}
	}
	if (i == NERAS)
		return 0;
	if (n < 1 || date_sep(&s, &sep) < 0 || month_day(&s, sep, st) < 0)
		return -1;
	st->era = i;
	st->y = eras[i].y + n - 1;
	*p = s;
	return 1;
}

/*
 * A Western date: "2024/01/15", "2024-1-5", "2024.01.15", "2024年1月15日",
 * "20240115", or SurveyMonkey's "01/15/2024" (month first when the last
 * part has four digits).
 */
static int
civil_date(const char **p, struct stamp *st)
{
	const char *s = *p;
	int a, b, c, na, nc;
	char sep;

	if (digits(&s, 8, 8, &a)) {
		st->y = a / 10000;
		st->mo = a / 100 % 100;
		st->d = a % 100;
		*p = s;
		return 0;
	}
	if (!(na = digits(&s, 1, 4, &a)) || date_sep(&s, &sep) < 0)
		return -1;
	if (na == 4) {
		st->y = a;
		if (month_day(&s, sep, st) < 0)
			return -1;
		*p = s;
		return 0;
	}
	if (sep != '/' || na > 2 || !digits(&s, 1, 2, &b) || *s++ != '/' ||
	    !(nc = digits(&s, 1, 4, &c)) || nc != 4)
		return -1;
	st->mo = a;
	st->d = b;
	st->y = c;
	*p = s;
	return 0;
}

/*
 * A zone: "Z", "JST", "UTC", "GMT", "GMT+9", "UTC-5", "GMT+5:30",
 * "+09:00", "+0900", "+09".  Returns 1 and sets st->zone, 0 when there is
 * no zone at *p, -1 for a malformed or impossible one.
 */
static int
zone(const char **p, struct stamp *st)
{
	const char *s = *p;
	int sign, h, m = 0, n;

	if (text_eat(&s, "z")) {
		st->zone = 0;
		*p = s;
		return 1;
	}
	if (text_eat(&s, "jst")) {
		st->zone = JST_OFFSET;
		*p = s;
		return 1;
	}
	if (text_eat(&s, "gmt") || text_eat(&s, "utc")) {
		if (*s != '+' && *s != '-') {
			st->zone = 0;
			*p = s;
			return 1;
		}
	} else if (*s != '+' && *s != '-') {
		return 0;
	}
	sign = *s++ == '-' ? -1 : 1;
	if (!(n = digits(&s, 1, 4, &h)))
		return -1;
	if (n > 2) {		/* "+0900", "+530" */
		m = h % 100;
		h /= 100;
	} else if (*s == ':') {
		s++;
		if (!digits(&s, 2, 2, &m))
			return -1;
	}
	if (h > 14 || m > 59 || (h == 14 && m > 0))
		return -1;
	st->zone = sign * (h * 3600 + m * 60);
	*p = s;
	return 1;
}

/*
 * A time of day: "10:23", "10:23:45", "10:23:45.123", "10時23分45秒",
 * "10時", with 午前/午後/AM/PM before or after it.  Checks the ranges.
 */
static int
time_of_day(const char **p, struct stamp *st, const char **why)
{
	const char *s = *p;
	int frac;

	st->ampm = ampm(&s);
	skip_space(&s);
	if (!digits(&s, 1, 2, &st->h))
		goto syntax;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, 2, &st->mi))
			goto syntax;
		if (*s == ':') {
			s++;
			if (!digits(&s, 2, 2, &st->s))
				goto syntax;
			if (*s == '.' || *s == ',') {
				s++;
				if (!digits(&s, 1, 9, &frac))
					goto syntax;
			}
		}
	} else if (text_eat(&s, "時")) {
		if (digits(&s, 1, 2, &st->mi)) {
			if (!text_eat(&s, "分"))
				goto syntax;
			if (digits(&s, 1, 2, &st->s) && !text_eat(&s, "秒"))
				goto syntax;
		}
	} else {
		goto syntax;
	}
	if (!st->ampm) {
		const char *t = s;

		skip_space(&t);
		if ((st->ampm = ampm(&t)))
			s = t;
	}
	if (st->ampm) {
		if (st->h > 12) {
			*why = "no such time";
			return -1;
		}
		st->h = st->h % 12 + (st->ampm == 2 ? 12 : 0);
	}
	if (st->h > 23 || st->mi > 59 || st->s > 59) {
		*why = "no such time";
		return -1;
	}
	*p = s;
	return 0;
syntax:
	*why = "not a date";
	return -1;
}

/*
 * Excel serial number, 1900 date system, read as JST.  Serial 60 is
 * Excel's 1900-02-29, kept for Lotus 1-2-3 compatibility, which never
 * existed; serials after it are one day off from a plain count.
 */
static int
excel_serial(const char *s, int64_t *utc, const char **why)
{
	int64_t whole = 0, days, secs;
	double frac = 0, scale = 0.1;
	int n = 0;

	for (; *s >= '0' && *s <= '9'; s++, n++)
		if (n < 10)
			whole = whole * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
			frac += (*s - '0') * scale;
	if (n > 9 || whole < 1 || whole > EXCEL_MAX) {
		*why = "excel serial number out of range";
		return -1;
	}
	if (whole == 60) {
		*why = "excel serial 60 is 1900-02-29, which did not exist";
		return -1;
	}
	days = when_days_from_civil(1899, 12, whole < 60 ? 31 : 30) + whole;
	secs = (int64_t)(frac * DAY + 0.5);
	*utc = days * DAY + secs - JST_OFFSET;
	return 0;
}

/*
 * Is s a plain decimal number ("45306", "45306.5")?  Excel never writes a
 * leading zero, so "0600" is not taken for a serial.
 */
static int
is_number(const char *s)
{
	int n = 0;

	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		s++, n++;
	if (n == 0)
		return 0;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	return *s == '\0';
}

/* Check the calendar and era; set *why and return -1 when impossible. */
static int
check_date(const struct stamp *st, const char **why)
{
	int64_t day, first, next;
	const struct era *e;

	if (st->y < 1 || st->mo < 1 || st->mo > 12 || st->d < 1 ||
	    st->d > days_in_month(st->y, st->mo)) {
		*why = "no such date";
		return -1;
	}
	if (st->era < 0)
		return 0;
	e = &eras[st->era];
	day = when_days_from_civil(st->y, st->mo, st->d);
	first = when_days_from_civil(e->y, e->m, e->d);
	if (st->era + 1 < NERAS) {
		e = &eras[st->era + 1];
		next = when_days_from_civil(e->y, e->m, e->d);
	} else {
		next = INT64_MAX;
	}
	if (day < first || day >= next) {
		*why = "date outside its era";
		return -1;
	}
	return 0;
}

static int
two(const unsigned char *u, int *v)
{
	if (u[0] < '0' || u[0] > '9' || u[1] < '0' || u[1] > '9')
		return 0;
	*v = (u[0] - '0') * 10 + (u[1] - '0');
	return 1;
}

/*
 * "YYYY/MM/DD HH:MM:SS" or "YYYY-MM-DD HH:MM" (the shape nearly every
 * export writes) read as it is, without folding: 0 with the date and time
 * in *st, or -1 to take the general way, which reads these the same.
 */
static int
common_shape(const char *s, struct stamp *st)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s);
	struct stamp t = *st;
	int hi, lo;

	if ((len != 16 && len != 19) || (u[4] != '/' && u[4] != '-') ||
	    u[7] != u[4] || u[10] != ' ' || u[13] != ':' ||
	    (len == 19 && u[16] != ':'))
		return -1;
	if (!two(u, &hi) || !two(u + 2, &lo) || !two(u + 5, &t.mo) ||
	    !two(u + 8, &t.d) || !two(u + 11, &t.h) ||
	    !two(u + 14, &t.mi) || (len == 19 && !two(u + 17, &t.s)))
		return -1;
	t.y = hi * 100 + lo;
	*st = t;
	return 0;
}

int
when_parse(const char *s, int64_t *utc, const char **why)
{
	char buf[128];
	const char *p = buf;
	struct stamp st = { .zone = JST_OFFSET, .era = -1 };
	int64_t t;
	size_t len;
	int y, m, d, r;

	if (common_shape(s, &st) == 0) {
		if (check_date(&st, why) < 0)
			return -1;
		if (st.h > 23 || st.mi > 59 || st.s > 59) {
			*why = "no such time";
			return -1;
		}
		goto convert;
	}
	len = text_fold(buf, sizeof buf, s, strlen(s), TEXT_LOWER | TEXT_DASH);
	if (len == 0) {
		*why = "blank";
		return -1;
	}
	if (len >= sizeof buf - 4)	/* possibly cut short: never a date */
		goto syntax;
	/* a bare number is an Excel serial, except eight digits: YYYYMMDD */
	if (is_number(buf) && strspn(buf, "0123456789") != 8)
		return excel_serial(buf, utc, why);
	if ((r = era_date(&p, &st)) == 0)
		r = civil_date(&p, &st) < 0 ? -1 : 1;
	if (r < 0)
		goto syntax;
	if (check_date(&st, why) < 0)
		return -1;
	if (*p) {
		/* "T", a space, or nothing ("2024年1月15日10時23分") */
		if (*p == 't' || *p == ' ')
			p++;
		if (time_of_day(&p, &st, why) < 0)
			return -1;
		skip_space(&p);
		if (zone(&p, &st) < 0) {
			*why = "bad time zone";
			return -1;
		}
	}
	if (*p)
		goto syntax;
convert:
	t = when_days_from_civil(st.y, st.mo, st.d) * DAY + st.h * 3600 +
	    st.mi * 60 + st.s - st.zone;
	when_civil_from_days(floor_div(t, DAY), &y, &m, &d);
	if (y < 1 || y > 9999) {
		*why = "date out of range";
		return -1;
	}
	*utc = t;
	return 0;
syntax:
	*why = "not a date";
	return -1;
}

/* Write v as width zero-padded digits (v is in range by construction). */
static char *
put_digits(char *dst, int v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--, v /= 10)
		dst[i] = (char)('0' + v % 10);
	return dst + width;
}

/* "YYYY-MM-DD" of a day number, clamped to years 0000..9999; 10 bytes. */
static char *
put_date(char *dst, int64_t day)
{
	int y, m, d;

	when_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	dst = put_digits(dst, y, 4);
	*dst++ = '-';
	dst = put_digits(dst, m, 2);
	*dst++ = '-';
	return put_digits(dst, d, 2);
}

void
when_format(int64_t utc, char buf[21])
{
	int64_t day = floor_div(utc, DAY);
	int sec = (int)(utc - day * DAY);
	char *p = put_date(buf, day);

	*p++ = 'T';
	p = put_digits(p, sec / 3600, 2);
	*p++ = ':';
	p = put_digits(p, sec / 60 % 60, 2);
	*p++ = ':';
	p = put_digits(p, sec % 60, 2);
	*p++ = 'Z';
	*p = '\0';
}

int
when_as_of(const char *date, int64_t *end_utc)
{
	const char *p = date;
	int y, m, d;

	if (!digits(&p, 4, 4, &y) || *p++ != '-' || !digits(&p, 2, 2, &m) ||
	    *p++ != '-' || !digits(&p, 2, 2, &d) || *p)
		return -1;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*end_utc = (when_days_from_civil(y, m, d) + 1) * DAY - JST_OFFSET;
	return 0;
}

void
when_jst_date(int64_t utc, char buf[11])
{
	*put_date(buf, floor_div(utc + JST_OFFSET, DAY)) = '\0';
}

void
when_today_jst(char buf[11])
{
	when_jst_date((int64_t)time(NULL), buf);
}

/*
 * One date written in a file name at p: YYYY-MM-DD (or with '_', '.' or
 * '/' throughout), YYYYMMDD alone in its run of digits, or YYYY年M月D日.
 * Returns the day number and moves *p past it, or moves *p past the run
 * of digits and returns -1 when that run is no such date.
 */
static int64_t
name_date(const char **p)
{
	const char *s = *p;
	int y, m = 0, d = 0, n;
	char sep;

	n = digits(&s, 1, 99, &y);
	if (n == 8) {
		d = y % 100;
		m = y / 100 % 100;
		y /= 10000;
	} else if (n == 4 && strchr("-_./", *s) && *s) {
		sep = *s++;
		if (!digits(&s, 1, 2, &m) || *s++ != sep ||
		    !digits(&s, 1, 2, &d))
			m = 0;
	} else if (n == 4 && !strncmp(s, "年", 3)) {
		s += 3;
		if (!digits(&s, 1, 2, &m) || strncmp(s, "月", 3) ||
		    (s += 3, !digits(&s, 1, 2, &d)) || strncmp(s, "日", 3))
			m = 0;
		else
			s += 3;
	}
	if (n == 0)
		s++;
	*p = s;
	/* a digit right after the date makes it a longer, other number */
	if (*s >= '0' && *s <= '9')
		return -1;
	if ((n != 8 && n != 4) || y < 1990 || y > 2099 || m < 1 || m > 12 ||
	    d < 1 || d > days_in_month(y, m))
		return -1;
	return when_days_from_civil(y, m, d);
}

int
when_from_name(const char *name, int64_t *utc, char date[11])
{
	char folded[1024];
	const char *p = folded;
	int64_t day, found = -1;

	text_fold(folded, sizeof folded, name, strlen(name), 0);
	while (*p) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		if ((day = name_date(&p)) < 0)
			continue;
		if (found >= 0 && day != found)
			return 0;	/* two dates: which one? */
		found = day;
	}
	if (found < 0)
		return 0;
	*utc = found * DAY - JST_OFFSET;
	*put_date(date, found) = '\0';
	return 1;
}
