/*
 * Unit tests of lib/labels.c: the one spelling of size classes, the
 * industry labels and the score bands, and the band colours that the
 * charts, the reports and the site's stylesheet must agree on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "score.h"
#include "size.h"
#include "tap.h"

static void
test_sizes(void)
{
	static const char *const want[SIZE_NCLASSES] = {
		"1〜5人", "6〜20人", "21〜50人", "51〜100人", "101〜300人",
		"301人以上",
	};
	int i;

	for (i = 0; i < SIZE_NCLASSES; i++)
		TAP_STR(label_size(size_classes[i]), want[i],
			"size class %s is written %s", size_classes[i],
			want[i]);
	TAP_STR(label_size("unknown"), "不明", "unknown size is 不明");
	TAP_STR(label_size("*"), "全体", "all sizes is 全体");
	TAP_STR(label_size("1〜5"), "不明", "a label is no code");
	/* what size_classify returns always has a label */
	TAP_STR(label_size(size_classify("約15名")), "6〜20人",
		"15 employees read and labelled 6〜20人");
}

static void
test_industries(void)
{
	char buf[64];

	TAP_STR(label_industry("*", buf, sizeof buf), "全業種",
		"all industries");
	TAP_STR(label_industry("unknown", buf, sizeof buf), "業種不明",
		"unknown industry in charts and pages");
	TAP_STR(label_industry_name("unknown"), "業種不明",
		"the same word in the export's 業種名");
	TAP_STR(label_industry("G", buf, sizeof buf), "G 情報通信業",
		"a division with its letter");
	TAP_STR(label_industry_name("G"), "情報通信業",
		"a division's short name");
}

/* "#rrggbb" of c, as a stylesheet writes it. */
static void
hex(char *buf, struct rgb c)
{
	snprintf(buf, 8, "#%02x%02x%02x", (int)lround(c.r * 255),
		 (int)lround(c.g * 255), (int)lround(c.b * 255));
}

static void
test_bands(void)
{
	static const char *const want[NBANDS] = {
		"100点", "70〜99点", "50〜69点", "49点以下"
	};
	static const char *const colour[NBANDS] = {
		"#009e73", "#56b4e9", "#e69f00", "#d55e00"
	};
	char css[16384], got[8], rule[64];
	size_t n = 0;
	FILE *f = fopen("render/site/site.css", "r");
	int b;

	if (f) {
		n = fread(css, 1, sizeof css - 1, f);
		fclose(f);
	}
	css[n] = '\0';
	TAP_OK(n > 0, "the site's stylesheet is readable");
	for (b = 0; b < NBANDS; b++) {
		TAP_STR(label_band(b), want[b], "band %d is %s", b, want[b]);
		hex(got, label_band_rgb(b));
		TAP_STR(got, colour[b], "band %s is %s", want[b], colour[b]);
		snprintf(rule, sizeof rule, ".band%d{background:%s}", b, got);
		TAP_OK(strstr(css, rule) != NULL,
		       "site.css paints band %d the same: %s", b, rule);
	}
	TAP_INT(label_band_dark_text(1), 1, "dark text on sky blue");
	TAP_INT(label_band_dark_text(3), 0, "white text on vermilion");
	TAP_STR(label_band(NBANDS), "", "no band past the last");
}

static void
test_counts(void)
{
	static const struct {
		long long v;
		const char *want;
	} c[] = {
		{ 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" },
		{ 12345, "12,345" }, { 100000, "100,000" },
		{ 3400000, "3,400,000" }, { -1234, "-1,234" },
		{ 9223372036854775807LL, "9,223,372,036,854,775,807" },
	};
	char buf[LABEL_COUNT_SIZE], small[6];
	size_t i;

	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		TAP_STR(label_count(c[i].v, buf, sizeof buf), c[i].want,
			"%lld is written %s", c[i].v, c[i].want);
	TAP_STR(label_count(1234567, small, sizeof small), "1,234",
		"a short buffer is cut, still terminated");
}

int
main(void)
{
	test_sizes();
	test_industries();
	test_bands();
	test_counts();
	return tap_done();
}
