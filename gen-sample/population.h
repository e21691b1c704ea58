#ifndef GEN_SAMPLE_POPULATION_H
#define GEN_SAMPLE_POPULATION_H
/*
 * The companies of a sample and their responses, drawn from a
 * latent-trait model (see population.c), and the sample's calendar.
 */
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

struct rng;

#define SPAN_DAYS 300		/* first to last submission */
#define NSIZE 7			/* six classes and unknown */
#define SIZE_UNKNOWN 6

/*
 * The export a company answers through.  The first NSHAPE_DRAWN shapes
 * are drawn at random; the two after them take some companies of Google
 * Forms and of the Excel sheet by their number, without a draw, so that
 * adding them left every other draw of a seed as it was.
 */
enum shape {
	SHAPE_FORMS, SHAPE_EXCEL, SHAPE_MONKEY, SHAPE_SHEET, NSHAPE_DRAWN,
	SHAPE_MSFORMS = NSHAPE_DRAWN, SHAPE_FORMS_ZIP, NSHAPE
};
/* The fault of a response that ingest must reject. */
enum bad { BAD_NONE, BAD_ANSWER, BAD_CORPNO, BAD_TIME };

struct company {
	int shape, division, size, star, employees, form, style;
	int ndepts, dept[3];
	int bad;
	char corpno[14];
	char name[192];
	char name2[192];	/* how it writes its name the second time */
	char reading[256];	/* its フリガナ as it types it, or "" */
	double strength;
};

struct response {
	int company;
	int dept;		/* index into dept_names, -1 for none */
	int day;		/* days after the first day of the sample */
	int secs;		/* seconds into that day, JST */
	int second;		/* the company answering again */
	char answers[NQUESTIONS];
};

/* A sample: its companies and their responses in time order. */
struct sample {
	struct company *co;
	long nco;		/* companies, the bad rows' ones included */
	struct response *rs;
	long nrs, caprs;
	long ndept_companies, nsecond;
};

/* Calibrate the model (see calibrate); once, before any draw. */
void population_init(void);
/*
 * Draw a sample of n companies from r, their 法人番号 offset by
 * cn_offset, and three more with a response ingest must reject; the
 * responses sorted by time.  sample_release frees it.
 */
void sample_draw(struct sample *s, struct rng *r, long n, uint64_t cn_offset);
void sample_release(struct sample *s);
/*
 * Company i of the plain bench population: its traits, size, a
 * 法人番号 and a name in the form 株式会社 or 有限会社 + root.
 */
void company_draw_plain(struct rng *r, struct company *c, long i,
			uint64_t cn_offset);
/*
 * The 25 answers of a response of the given strength.  The uniforms come
 * from useed, so the same useed with a higher strength (a company
 * answering again after working on it) gives answers that are the same or
 * better, question by question.
 */
void answers_draw(char out[NQUESTIONS], double strength, uint64_t useed);

/* The name of department dept (an index into the sample's list). */
const char *dept_name(int dept);
/* Company i of the bad file: 株式会社 + a drawn surname + a maker's word. */
void legacy_name(char *dst, size_t cap, struct rng *r, int i);

/* Civil date and time of (day, secs) after the sample's first day. */
struct stamp {
	int y, mo, d, h, mi, s;
};
struct stamp stamp_of(int day, int secs);
#endif
