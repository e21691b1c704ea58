/*
 * One table of the labels and band colours that charts, reports, the site
 * and the export share (see labels.h).  Size bands are written with the
 * wave dash 〜, the Japanese typographic norm for a range; the export
 * needs words there anyway, since Excel reads "1-5" as a date.  The
 * 70〜99点 band is sky blue: the darker blue is the ★★ series of the
 * charts, and the band must not be read as a star level.
 */
#include <stdio.h>
#include <string.h>

#include "jsic.h"
#include "labels.h"
#include "score.h"
#include "size.h"

const struct rgb label_okabe_ito[OI_NCOLOURS] = {
	{ 0.000, 0.000, 0.000 },	/* black */
	{ 0.902, 0.624, 0.000 },	/* orange #E69F00 */
	{ 0.337, 0.706, 0.914 },	/* sky blue #56B4E9 */
	{ 0.000, 0.620, 0.451 },	/* bluish green #009E73 */
	{ 0.941, 0.894, 0.259 },	/* yellow #F0E442 */
	{ 0.000, 0.447, 0.698 },	/* blue #0072B2 */
	{ 0.835, 0.369, 0.000 },	/* vermilion #D55E00 */
	{ 0.800, 0.475, 0.655 },	/* reddish purple #CC79A7 */
};

/* In the order of size_classes. */
static const char *const size_labels[SIZE_NCLASSES] = {
	"1〜5人", "6〜20人", "21〜50人", "51〜100人", "101〜300人",
	"301人以上",
};

static const struct {
	const char *label;
	int colour;		/* index into label_okabe_ito */
	int dark_text;
} bands[NBANDS] = {
	{ "100点", OI_GREEN, 0 },
	{ "70〜99点", OI_SKYBLUE, 1 },
	{ "50〜69点", OI_ORANGE, 1 },
	{ "49点以下", OI_VERMILION, 0 },
};

const char *
label_size(const char *cls)
{
	int i;

	if (strcmp(cls, "*") == 0)
		return LABEL_SIZE_ALL;
	for (i = 0; i < SIZE_NCLASSES; i++)
		if (strcmp(cls, size_classes[i]) == 0)
			return size_labels[i];
	return LABEL_SIZE_UNKNOWN;
}

const char *
label_industry_name(const char *code)
{
	if (strcmp(code, "*") == 0)
		return LABEL_INDUSTRY_ALL;
	if (strlen(code) != 1)		/* "unknown" */
		return LABEL_INDUSTRY_UNKNOWN;
	return jsic_short_name((unsigned char)code[0]);
}

const char *
label_count(long long v, char *buf, size_t n)
{
	char digits[24];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
			       (unsigned long long)v;
	size_t len, i, o = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%llu", u);
	if (n == 0)
		return buf;
	if (v < 0 && o + 1 < n)
		buf[o++] = '-';
	for (i = 0; i < len && o + 1 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			buf[o++] = ',';
			if (o + 1 >= n)
				break;
		}
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

const char *
label_industry(const char *code, char *buf, size_t n)
{
	const char *name = label_industry_name(code);

	if (strcmp(code, "*") == 0 || strlen(code) != 1)
		snprintf(buf, n, "%s", name);
	else if (*name)
		snprintf(buf, n, "%s %s", code, name);
	else
		snprintf(buf, n, "%s", code);
	return buf;
}

const char *
label_band(int band)
{
	return band >= 0 && band < NBANDS ? bands[band].label : "";
}

struct rgb
label_band_rgb(int band)
{
	if (band < 0 || band >= NBANDS)
		return label_okabe_ito[OI_BLACK];
	return label_okabe_ito[bands[band].colour];
}

int
label_band_dark_text(int band)
{
	return band >= 0 && band < NBANDS && bands[band].dark_text;
}
