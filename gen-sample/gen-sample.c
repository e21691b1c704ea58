/*
 * gen-sample: a realistic, deterministic sample of survey exports, so that
 * `make demo`, the tests and the benchmark have data that looks like what
 * a consultant receives: many companies across all JSIC divisions, several
 * export shapes and encodings (Google Forms, Excel CP932, SurveyMonkey, a
 * gzip'ed sheet, Microsoft Forms' workbook, a zipped CSV), departments,
 * companies answering again months later, cumulative daily exports, a few
 * bad rows and one bad file.
 *
 * The companies and their answers are drawn in population.c, written as
 * each shape writes them in shapes.c, into files by files.c.  Every draw
 * comes from one xoshiro256** stream (rng.c) seeded by --seed: a seed
 * always gives the same bytes.
 */
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalogue.h"
#include "err.h"
#include "files.h"
#include "jsic.h"
#include "num.h"
#include "population.h"
#include "rng.h"
#include "shapes.h"
#include "../tools/xlsxw.h"

struct gen_opts {
	long companies;
	long seed;
	long days;
	long bench;		/* > 0: write this many rows to stdout */
	const char *outdir;
};

/* The day (since the first) on which export k of days was taken. */
static int
export_day(int k, int days)
{
	return (int)((long)k * SPAN_DAYS / days);
}

/* Write every shape's cumulative export for day k into OUTDIR/dayK. */
static int
write_day(const struct gen_opts *o, const struct sample *s, int k,
	  struct rng *r)
{
	int eday = export_day(k, (int)o->days), sh, files = 0;
	struct stamp t = stamp_of(eday, 0);
	char *dir = xasprintf("%s/day%d", o->outdir, k);

	mkdir_or_die(dir);
	for (sh = 0; sh < NSHAPE; sh++) {
		struct buf b = { 0 };
		struct row w = { &b, 0, 0, "\n", NULL, NULL, 0 };
		char *path;
		long i;
		long id = 0;

		switch (sh) {
		case SHAPE_FORMS:
		case SHAPE_FORMS_ZIP:
			w.quote_all = 1;
			header_forms(&w);
			break;
		case SHAPE_MSFORMS:
			/* named as Forms names it: responses 1 to n */
			for (i = 0; i < s->nrs; i++)
				id += s->co[s->rs[i].company].shape == sh &&
				      s->rs[i].day < eday;
			path = xasprintf("%s/自社診断(1-%ld).xlsx", dir, id);
			id = 0;
			w.x = xlsxw_open(path, "Sheet1", XLSXW_SHARED |
					 XLSXW_NUMBERS | XLSXW_DATES);
			if (!w.x)
				exit(1);
			free(path);
			header_msforms(&w);
			break;
		case SHAPE_EXCEL:
			w.eol = "\r\n";
			header_excel(&w);
			break;
		case SHAPE_MONKEY:
			buf_puts(&b, "\xef\xbb\xbf");
			w.quote_all = 1;
			w.eol = "\r\n";
			header_monkey(&w);
			break;
		default:
			header_sheet(&w);
		}
		for (i = 0; i < s->nrs; i++) {
			const struct response *rs = &s->rs[i];
			const struct company *c = &s->co[rs->company];

			if (c->shape != sh || rs->day >= eday)
				continue;
			if (sh == SHAPE_FORMS || sh == SHAPE_FORMS_ZIP)
				row_forms(&w, c, rs);
			else if (sh == SHAPE_MSFORMS)
				row_msforms(&w, c, ++id, rs);
			else if (sh == SHAPE_EXCEL)
				row_excel(&w, c, rs->company, rs);
			else if (sh == SHAPE_MONKEY)
				row_monkey(&w, c, rs->company, rs);
			else
				row_sheet(&w, c, rs);
		}
		if (sh == SHAPE_MSFORMS) {
			if (xlsxw_close(w.x))
				exit(1);
			free(w.cells);
			path = NULL;
		} else if (sh == SHAPE_FORMS_ZIP) {
			path = xasprintf("%s/セキュリティ診断 %04d-%02d-%02d"
					 ".csv.zip", dir, t.y, t.mo, t.d);
			write_zip(path, "セキュリティ診断.csv", &b);
		} else 		if (sh == SHAPE_FORMS) {
			path = xasprintf("%s/自社診断 (回答) %04d-%02d-%02d"
					 ".csv", dir, t.y, t.mo, t.d);
			write_plain(path, &b);
		} else if (sh == SHAPE_EXCEL) {
			path = xasprintf("%s/診断結果_%04d%02d%02d.csv", dir,
					 t.y, t.mo, t.d);
			write_cp932(path, &b);
		} else if (sh == SHAPE_MONKEY) {
			path = xasprintf("%s/surveymonkey_%04d%02d%02d.csv",
					 dir, t.y, t.mo, t.d);
			write_plain(path, &b);
		} else {
			path = xasprintf("%s/sheet-export-%04d-%02d-%02d"
					 ".csv.gz", dir, t.y, t.mo, t.d);
			write_gzip(path, &b);
		}
		files++;
		free(path);
		free(b.p);
	}
	if (k == 1) {
		write_legacy(dir, r, eday);
		files++;
	}
	free(dir);
	return files;
}

/* The sample: companies, their responses, the exports of every day. */
static int
gen_sample(const struct gen_opts *o)
{
	struct rng r;
	struct sample s;
	uint64_t cn_offset;
	int k, files = 0;

	rng_init(&r, (uint64_t)o->seed);
	cn_offset = rng_next(&r) % 1000000000000ULL;
	sample_draw(&s, &r, o->companies, cn_offset);

	mkdir_or_die(o->outdir);
	for (k = 1; k <= o->days; k++)
		files += write_day(o, &s, k, &r);

	printf("gen-sample: %ld companies (%ld with departments, %ld "
	       "answering again), %ld responses, 3 bad rows, 1 bad file\n",
	       o->companies, s.ndept_companies, s.nsecond, s.nrs - 3);
	printf("gen-sample: %d files in %s/day1", files, o->outdir);
	if (o->days > 1)
		printf(" .. %s/day%ld", o->outdir, o->days);
	printf(" (%s, %s, %s, %s, %s, %s)\n", shape_name(0), shape_name(1),
	       shape_name(2), shape_name(3), shape_name(4), shape_name(5));
	sample_release(&s);
	return 0;
}

/*
 * --bench N: N companies, one response each, in the plain wide UTF-8
 * shape on stdout, as fast as the disk takes it.  Every company has a
 * 法人番号 so the keys are unique without a name set.
 */
static int
gen_bench(const struct gen_opts *o)
{
	struct rng r;
	struct buf b = { 0 };
	struct row w = { &b, 0, 0, "\n", NULL, NULL, 0 };
	uint64_t cn_offset;
	long i;

	rng_init(&r, (uint64_t)o->seed);
	cn_offset = rng_next(&r) % 1000000000000ULL;
	row_cell(&w, "回答日時");
	row_cell(&w, "法人番号");
	row_cell(&w, "会社名");
	row_cell(&w, "業種");
	row_cell(&w, "従業員数");
	row_cell(&w, "SECURITY ACTION");
	row_cell(&w, "部署");
	for (i = 1; i <= NQUESTIONS; i++)
		row_cell(&w, catalogue_question((int)i)->text);
	row_end(&w);
	for (i = 0; i < o->bench; i++) {
		struct company c = { 0 };
		struct response rs = { 0 };
		long secs = (long)((double)i / o->bench * SPAN_DAYS * 86400);
		struct stamp t = stamp_of((int)(secs / 86400),
					  (int)(secs % 86400));
		char cell[256];

		company_draw_plain(&r, &c, i, cn_offset);
		snprintf(cell, sizeof cell, "%04d/%02d/%02d %02d:%02d:%02d",
			 t.y, t.mo, t.d, t.h, t.mi, t.s);
		row_cell(&w, cell);
		row_cell(&w, c.corpno);
		row_cell(&w, c.name);
		row_cell(&w, jsic_name('A' + c.division));
		employees_cell(cell, sizeof cell, SHAPE_FORMS, &c);
		row_cell(&w, cell);
		row_cell(&w, star_cell(SHAPE_FORMS, c.star));
		row_cell(&w, "");
		answers_draw(rs.answers, c.strength + 0.35 * rng_normal(&r),
			     rng_next(&r));
		answer_cells(&w, &c, &rs);
		row_end(&w);
		if (b.len > (1 << 20)) {
			if (fwrite(b.p, 1, b.len, stdout) != b.len)
				die("stdout: cannot write:");
			b.len = 0;
		}
	}
	if (fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout) != 0)
		die("stdout: cannot write:");
	free(b.p);
	return 0;
}

static const struct option longopts[] = {
	{ "companies", required_argument, NULL, 'n' },
	{ "seed", required_argument, NULL, 's' },
	{ "days", required_argument, NULL, 'd' },
	{ "bench", required_argument, NULL, 'b' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *f)
{
	fputs("usage: gen-sample [--companies N] [--seed S] [--days D] "
	      "OUTDIR\n"
	      "       gen-sample --bench N [--seed S] > FILE.csv\n"
	      "\n"
	      "Write a realistic sample of survey exports into OUTDIR/day1 "
	      ".. OUTDIR/dayD\n"
	      "(cumulative: each day repeats the rows of the days before).\n"
	      "\n"
	      "  -n, --companies N  companies (default 2000)\n"
	      "  -s, --seed S       seed; the same seed gives the same files "
	      "(default 1)\n"
	      "  -d, --days D       daily exports (default 2)\n"
	      "  -b, --bench N      N rows of the plain wide UTF-8 shape to "
	      "stdout\n"
	      "  -h, --help         this text\n"
	      "  -V, --version      print the version\n", f);
}

int
main(int argc, char **argv)
{
	struct gen_opts o = { 2000, 1, 2, 0, NULL };
	int c;

	err_setprog(argv[0]);
	while ((c = getopt_long(argc, argv, "n:s:d:b:hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'n':
			if (num_opt("--companies", optarg, 1, 10000000,
				    &o.companies))
				return 2;
			break;
		case 's':
			if (num_opt("--seed", optarg, 0, LONG_MAX, &o.seed))
				return 2;
			break;
		case 'd':
			if (num_opt("--days", optarg, 1, 30, &o.days))
				return 2;
			break;
		case 'b':
			if (num_opt("--bench", optarg, 1, 100000000, &o.bench))
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("gen-sample %s\n", SHINDAN_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (o.bench == 0 && optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	if (o.bench > 0 && optind != argc) {
		usage(stderr);
		return 2;
	}
	o.outdir = o.bench ? NULL : argv[optind];
	population_init();
	return o.bench ? gen_bench(&o) : gen_sample(&o);
}
