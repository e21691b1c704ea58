/*
 * Unit tests of lib/when.c: every timestamp form SPEC §2.1 lists, with the
 * UTC instant worked out by hand (JST is UTC+9, so JST midnight is 15:00Z
 * the day before), the 和暦 era boundaries, leap days, Excel serials, and
 * the near misses that must be refused.
 */
#include <stdint.h>
#include <time.h>

#include "tap.h"
#include "when.h"

struct good {
	const char *in;
	const char *utc;
};

static const struct good goods[] = {
	/* Google Sheets / Forms, JST implied */
	{ "2024/01/15 10:23:45", "2024-01-15T01:23:45Z" },
	{ "2024/1/5 9:03", "2024-01-05T00:03:00Z" },
	{ "2024/01/15", "2024-01-14T15:00:00Z" },
	/* Qualtrics, LimeSurvey */
	{ "2024-01-15 10:23:45", "2024-01-15T01:23:45Z" },
	/* Google Forms with 午前/午後 and a zone: 7:41:40 PM JST = 10:41:40Z */
	{ "2024/01/07 7:41:40 午後 GMT+9", "2024-01-07T10:41:40Z" },
	{ "2024/01/07 7:41:40 午前 GMT+9", "2024-01-06T22:41:40Z" },
	{ "2024/01/07 午後 7:41:40", "2024-01-07T10:41:40Z" },
	{ "2024/01/07 10:09:52 AM UTC+3", "2024-01-07T07:09:52Z" },
	{ "2024/01/07 10:09:52 PM GMT-5", "2024-01-08T03:09:52Z" },
	{ "2024/01/07 10:09:52 PM GMT−5", "2024-01-08T03:09:52Z" },
	{ "2024/01/07 10:09:52 AM GMT+5:30", "2024-01-07T04:39:52Z" },
	/* 12 AM is midnight, 12 PM noon; 午前0時 midnight, 午後0時 noon */
	{ "2024/01/07 12:00:00 AM GMT+9", "2024-01-06T15:00:00Z" },
	{ "2024/01/07 12:30:00 PM GMT+9", "2024-01-07T03:30:00Z" },
	{ "2024/01/07 12:05:00 午前", "2024-01-06T15:05:00Z" },
	{ "2024/01/07 0:05:00 午後", "2024-01-07T03:05:00Z" },
	/* SurveyMonkey: month first when the year comes last */
	{ "01/15/2024 10:23:45 AM", "2024-01-15T01:23:45Z" },
	{ "01/15/2024 10:23:45 PM", "2024-01-15T13:23:45Z" },
	{ "01/15/2024 10:23", "2024-01-15T01:23:00Z" },
	{ "1/5/2024", "2024-01-04T15:00:00Z" },
	/* ISO 8601 */
	{ "2024-01-15T10:23:45", "2024-01-15T01:23:45Z" },
	{ "2024-01-15T10:23:45Z", "2024-01-15T10:23:45Z" },
	{ "2024-01-15T10:23:45+09:00", "2024-01-15T01:23:45Z" },
	{ "2024-01-15T10:23:45+0900", "2024-01-15T01:23:45Z" },
	{ "2024-01-15T10:23:45.123Z", "2024-01-15T10:23:45Z" },
	{ "2024-01-15T10:23:45.5-05:00", "2024-01-15T15:23:45Z" },
	{ "2024-01-15 10:23:45 UTC", "2024-01-15T10:23:45Z" },
	{ "2024-01-15", "2024-01-14T15:00:00Z" },
	{ "20240115", "2024-01-14T15:00:00Z" },
	/* Japanese dates, full-width digits, padding */
	{ "2024年1月15日", "2024-01-14T15:00:00Z" },
	{ "2024年1月15日 10時23分", "2024-01-15T01:23:00Z" },
	{ "2024年1月15日 10:23", "2024-01-15T01:23:00Z" },
	{ "2024年01月15日10時23分45秒", "2024-01-15T01:23:45Z" },
	{ "２０２４年１月１５日", "2024-01-14T15:00:00Z" },
	{ "2024年1月7日 午後7時41分", "2024-01-07T10:41:00Z" },
	{ "2024年1月7日 10時", "2024-01-07T01:00:00Z" },
	{ "２０２４／０１／１５　１０：２３", "2024-01-15T01:23:00Z" },
	{ "2024-01-15 10:23:45 +0900", "2024-01-15T01:23:45Z" },
	{ "2024-01-15 10:23:45 JST", "2024-01-15T01:23:45Z" },
	{ "\xe3\x80\x80" "2024/01/15 10:23:45\xe2\x80\x8b",
	  "2024-01-15T01:23:45Z" },
	/* 和暦 */
	{ "令和6年1月15日", "2024-01-14T15:00:00Z" },
	{ "令和元年5月1日", "2019-04-30T15:00:00Z" },
	{ "令和 6年 1月 15日", "2024-01-14T15:00:00Z" },
	{ "R6.1.15", "2024-01-14T15:00:00Z" },
	{ "R6/1/15", "2024-01-14T15:00:00Z" },
	{ "R06.01.15", "2024-01-14T15:00:00Z" },
	{ "r6.1.15", "2024-01-14T15:00:00Z" },
	{ "Ｒ６．１．１５", "2024-01-14T15:00:00Z" },
	{ "令和6年1月15日 10:23", "2024-01-15T01:23:00Z" },
	{ "R1.5.1", "2019-04-30T15:00:00Z" },
	{ "H31.4.30", "2019-04-29T15:00:00Z" },
	{ "平成31年4月30日", "2019-04-29T15:00:00Z" },
	{ "平成元年1月8日", "1989-01-07T15:00:00Z" },
	{ "H1.1.8", "1989-01-07T15:00:00Z" },
	{ "昭和64年1月7日", "1989-01-06T15:00:00Z" },
	{ "S64.1.7", "1989-01-06T15:00:00Z" },
	{ "昭和元年12月25日", "1926-12-24T15:00:00Z" },
	{ "大正15年12月24日", "1926-12-23T15:00:00Z" },
	{ "T15.12.24", "1926-12-23T15:00:00Z" },
	{ "大正元年7月30日", "1912-07-29T15:00:00Z" },
	{ "明治45年7月29日", "1912-07-28T15:00:00Z" },
	{ "M1.1.1", "1867-12-31T15:00:00Z" },
	/* Excel serials, 1900 date system, JST */
	{ "45306", "2024-01-14T15:00:00Z" },
	{ "45306.5", "2024-01-15T03:00:00Z" },
	{ "45306.75", "2024-01-15T09:00:00Z" },
	{ "1", "1899-12-31T15:00:00Z" },
	{ "59", "1900-02-27T15:00:00Z" },
	{ "61", "1900-02-28T15:00:00Z" },
	{ "2958465", "9999-12-30T15:00:00Z" },
	/* leap days, and a JST time that is the day before in UTC */
	{ "2024/2/29", "2024-02-28T15:00:00Z" },
	{ "2000/2/29", "2000-02-28T15:00:00Z" },
	{ "R6.2.29", "2024-02-28T15:00:00Z" },
	{ "2024-03-01 08:59:59", "2024-02-29T23:59:59Z" },
	{ "2024-12-31 23:59:59", "2024-12-31T14:59:59Z" },
	{ "2025-01-01 08:00", "2024-12-31T23:00:00Z" },
	/* before the epoch */
	{ "1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z" },
};

struct bad {
	const char *in;
	const char *why;
};

static const struct bad bads[] = {
	{ "", "blank" },
	{ "\xe3\x80\x80 ", "blank" },
	{ "abc", "not a date" },
	{ "2025/2/30", "no such date" },
	{ "2023/2/29", "no such date" },
	{ "1900/2/29", "no such date" },
	{ "2100-02-29", "no such date" },
	{ "2024/04/31", "no such date" },
	{ "2024/00/10", "no such date" },
	{ "2024/01/00", "no such date" },
	{ "R6.13.1", "no such date" },
	/* the common shape, read without folding, checked the same */
	{ "2025/02/30 10:00:00", "no such date" },
	{ "2024/13/01 00:00", "no such date" },
	{ "0000/01/01 00:00:00", "no such date" },
	{ "2024/01-15 10:00", "not a date" },
	{ "2024/01/15 10:00:0x", "not a date" },
	{ "2024/01/15 23:59:60", "no such time" },
	{ "2024/01/15 25:00", "no such time" },
	{ "2024/01/15 24:00", "no such time" },
	{ "2024/01/15 10:60", "no such time" },
	{ "2024/01/15 10:00:60", "no such time" },
	{ "2024/01/15 13:00 PM", "no such time" },
	{ "令和1年4月30日", "date outside its era" },
	{ "R1.4.30", "date outside its era" },
	{ "平成31年5月1日", "date outside its era" },
	{ "平成32年1月1日", "date outside its era" },
	{ "昭和64年1月8日", "date outside its era" },
	{ "大正15年12月25日", "date outside its era" },
	{ "大正元年7月29日", "date outside its era" },
	{ "明治45年7月30日", "date outside its era" },
	{ "令和0年5月1日", "not a date" },
	{ "24/01/15", "not a date" },
	{ "15/01/24", "not a date" },
	{ "2024/01/15 10:23 foo", "not a date" },
	{ "2024/01/15 10", "not a date" },
	{ "2024/01-15", "not a date" },
	{ "2024/01/15 10:23:45 GMT+15", "bad time zone" },
	{ "2024-01-15T10:23:45+09:60", "bad time zone" },
	{ "60", "excel serial 60 is 1900-02-29, which did not exist" },
	{ "0", "excel serial number out of range" },
	{ "2958466", "excel serial number out of range" },
	{ "-45306", "not a date" },
	{ "45306 days", "not a date" },
	{ "045306", "not a date" },
	{ "2024 -01-15", "not a date" },
	{ "Q1", "not a date" },
};

static void
test_parse(void)
{
	size_t i;

	for (i = 0; i < sizeof goods / sizeof *goods; i++) {
		int64_t t = 0;
		const char *why = "";
		char buf[21] = "";
		int rc = when_parse(goods[i].in, &t, &why);

		if (rc == 0)
			when_format(t, buf);
		else
			printf("# '%s': %s\n", goods[i].in, why);
		TAP_STR(buf, goods[i].utc, "'%s' is %s", goods[i].in,
			goods[i].utc);
	}
	for (i = 0; i < sizeof bads / sizeof *bads; i++) {
		int64_t t = 0;
		const char *why = "";
		int rc = when_parse(bads[i].in, &t, &why);

		TAP_INT(rc, -1, "'%s' is refused", bads[i].in);
		TAP_STR(why, bads[i].why, "'%s': %s", bads[i].in,
			bads[i].why);
	}
}

static void
test_as_of(void)
{
	int64_t end = 0, now = (int64_t)time(NULL);
	char buf[21], day[11];

	TAP_INT(when_as_of("2024-01-15", &end), 0, "as-of 2024-01-15 parses");
	when_format(end, buf);
	TAP_STR(buf, "2024-01-15T15:00:00Z",
		"as-of 2024-01-15 ends at JST midnight after it");
	TAP_INT(when_as_of("2024-02-29", &end), 0, "as-of leap day parses");
	when_format(end, buf);
	TAP_STR(buf, "2024-02-29T15:00:00Z", "as-of 2024-02-29 ends 15:00Z");
	TAP_INT(when_as_of("2024-12-31", &end), 0, "as-of new year's eve");
	when_format(end, buf);
	TAP_STR(buf, "2024-12-31T15:00:00Z", "as-of 2024-12-31 ends 15:00Z");
	TAP_INT(when_as_of("2023-02-29", &end), -1, "as-of 2023-02-29 refused");
	TAP_INT(when_as_of("2024-1-5", &end), -1, "as-of needs YYYY-MM-DD");
	TAP_INT(when_as_of("2024-01-15x", &end), -1, "as-of trailing junk");
	TAP_INT(when_as_of("", &end), -1, "as-of blank refused");

	/* 2024-01-15T14:59:59Z is 23:59:59 JST, one second later the 16th */
	when_jst_date(1705330799, day);
	TAP_STR(day, "2024-01-15", "14:59:59Z is still the 15th in JST");
	when_jst_date(1705330800, day);
	TAP_STR(day, "2024-01-16", "15:00:00Z is the 16th in JST");
	when_jst_date(0, day);
	TAP_STR(day, "1970-01-01", "the epoch is 09:00 JST");
	when_jst_date(-32401, day);
	TAP_STR(day, "1969-12-31", "one second before JST 1970 midnight");

	when_format(1705330800, buf);
	TAP_STR(buf, "2024-01-15T15:00:00Z", "format of a known instant");

	when_today_jst(day);
	TAP_INT(when_as_of(day, &end), 0, "today '%s' is a valid as-of", day);
	TAP_OK(end > now && end - now <= 86400,
	       "today's JST day ends within a day from now");
}

/*
 * Random cells built from pieces of real timestamps, truncated UTF-8 and
 * junk (a deterministic xorshift, so a failure repeats): the parser must
 * either refuse with a reason or give an instant that survives a round
 * trip through when_format.  Under SANITIZE=1 this also hunts overreads.
 */
static void
test_random(void)
{
	static const char *const pieces[] = {
		"2024", "1", "12", "31", "29", "2", "/", "-", ".", ":", " ",
		"T", "Z", "+09:00", "+0900", "-5", "午前", "午後", "AM", "PM",
		"GMT", "UTC", "+", "令和", "平成", "元", "年", "月", "日", "時",
		"分", "秒", "R", "H", "S", "\xe3\x80", "\xff", "45306", ".5",
		"60", "0", "99", "９", "．", "　", "\xe2\x88\x92",
	};
	uint32_t x = 2463534242u;
	int i, j, ok = 0, bad = 0, roundtrip = 0;

	for (i = 0; i < 100000; i++) {
		char cell[256] = "", buf[21];
		const char *why = NULL;
		int64_t t, back;
		int n;

		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		n = 1 + (int)(x % 12);
		for (j = 0; j < n; j++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			strcat(cell, pieces[x % (sizeof pieces /
						 sizeof *pieces)]);
		}
		if (when_parse(cell, &t, &why) < 0) {
			bad += why == NULL || why[0] == '\0';
			continue;
		}
		ok++;
		when_format(t, buf);
		if (when_parse(buf, &back, &why) == 0 && back == t)
			roundtrip++;
		else
			printf("# '%s' gave %s, which does not read back\n",
			       cell, buf);
	}
	TAP_INT(bad, 0, "every refusal of a random cell gives a reason");
	TAP_OK(ok > 100, "%d random cells parsed", ok);
	TAP_INT(roundtrip, ok, "every parsed instant survives a round trip");
}

int
main(void)
{
	test_parse();
	test_as_of();
	test_random();
	return tap_done();
}
