#ifndef SHINDAN_LABELS_H
#define SHINDAN_LABELS_H
/*
 * The words and colours every output shows for the same things: size
 * classes, industries, IPA's score bands and the colour of each band.
 * Charts, company reports, the HTML site and the CSV export all take
 * them from here, so that "1〜5人" or the 70〜99点 band reads and looks
 * the same wherever a reader meets it.
 */
#include <stddef.h>

/* A colour, each component 0..1. */
struct rgb {
	double r, g, b;
};

/* Okabe & Ito's colour-blind-safe palette. */
enum {
	OI_BLACK, OI_ORANGE, OI_SKYBLUE, OI_GREEN, OI_YELLOW, OI_BLUE,
	OI_VERMILION, OI_PURPLE, OI_NCOLOURS
};
extern const struct rgb label_okabe_ito[OI_NCOLOURS];

#define LABEL_INDUSTRY_ALL "全業種"
#define LABEL_INDUSTRY_UNKNOWN "業種不明"
#define LABEL_SIZE_ALL "全体"
#define LABEL_SIZE_UNKNOWN "不明"

/*
 * Label of a size class code (size_classes of size.h): "1〜5人" ...
 * "101〜300人", "301人以上"; "全体" for "*" and "不明" for anything else
 * ("unknown").  Static storage.
 */
const char *label_size(const char *cls);

/*
 * Name of an industry code: its JSIC short name ("情報通信業"; "" for a
 * letter outside A..T), "全業種" for "*", "業種不明" for "unknown".
 */
const char *label_industry_name(const char *code);
/*
 * The same with the letter in front for a known division ("G 情報通信業",
 * the letter alone until the short name is known), into buf (size n);
 * returns buf.
 */
const char *label_industry(const char *code, char *buf, size_t n);

/*
 * A count with its thousands grouped, as Japanese documents write them
 * ("12,345" in 12,345社), into buf (size n, LABEL_COUNT_SIZE is enough);
 * returns buf.
 */
#define LABEL_COUNT_SIZE 32
const char *label_count(long long v, char *buf, size_t n);

/* Band of score_band (0 = 100 ... 3 = <=49): "100点", "70〜99点", ... */
const char *label_band(int band);
/*
 * The band's colour (green, sky blue, orange, vermilion; Okabe & Ito),
 * and whether text on it should be dark (1) rather than white (0).
 */
struct rgb label_band_rgb(int band);
int label_band_dark_text(int band);
#endif
