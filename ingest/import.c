/*
 * The import path: a file is opened and decoded (input.c), its layout
 * detected from the first records (layout.c), then every record is parsed
 * (row.c) and becomes a response, a duplicate or a reject (store.c) inside
 * one transaction per file, so that a crash at any moment leaves the file
 * either wholly imported or not started.  A file already imported (same
 * SHA-256) is skipped.  Here: the files, archives and workbooks as jobs,
 * their transactions and bookkeeping, and the walk through folders.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "dirlist.h"
#include "err.h"
#include "extsort.h"
#include "import.h"
#include "input.h"
#include "jsic.h"
#include "layout.h"
#include "num.h"
#include "prefetch.h"
#include "progress.h"
#include "reader.h"
#include "row.h"
#include "store.h"
#include "when.h"
#include "xlsx.h"
#include "zipin.h"

#define MAX_WARN 10		/* rejected rows printed per file */

struct totals {
	long files, rows_read, rows_new, rows_dup, rows_rejected;
	long files_rejected, files_skipped;
	long dated_by_name, dated_by_mtime;	/* files without a time column */
};

struct importer {
	const struct ingest_opts *o;
	sqlite3 *db;
	struct colmap map;
	struct store st;
	struct totals t;
	struct progress prog;
	int busy;
};

/* Where a job's rows come from. */
enum { SRC_FILE, SRC_MEMBER, SRC_SHEET };

/* One file, archive member or workbook being imported. */
struct job {
	const char *path;	/* as messages and the files view name it */
	int src;
	struct zipin *zip;	/* SRC_MEMBER: the archive, */
	size_t member;		/* and the member */
	struct xlsx *xlsx;	/* SRC_SHEET: the workbook */
	const char *sheet_name;
	const char *outer;	/* SRC_MEMBER: the archive's path */
	const char *sha;	/* SRC_SHEET: the workbook's SHA-256 */
	uint64_t bytes;		/* and size */
	int nested;		/* inside an archive's transaction */
	int in_txn;		/* its transaction (or savepoint) is open */
	int archive_bad;	/* rejected for the archive's bytes */
	struct input *in;
	struct layout lo;
	int64_t mtime;		/* the file's; then the time of every row */
	const char *time_source;	/* "column", "filename" or "mtime" */
	char time_date[11];	/* the JST date the last two give */
	int64_t latest_ok;	/* later times are typos: the import + 1 day */
	long long file_id;
	long rows_read, rows_new, rows_dup, rows_rejected;
	int warned;
	int bad_bytes;		/* rejected for bytes invalid in its encoding */
	char reason[1200];	/* why the file is rejected */
};


/*
 * A sheet's name as Excel writes it in a reference: quoted, with its
 * quotes doubled, when it holds a space or punctuation.
 */
static void
sheet_ref(char *dst, size_t cap, const char *name)
{
	const char *p;
	size_t n = 0;
	int quote = 0;

	for (p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		/* letters, digits, _ and . and any non-ASCII character */
		if (c < 0x80 && !isalnum(c) && c != '_' && c != '.')
			quote = 1;
	}
	if (quote)
		dst[n++] = '\'';
	for (p = name; *p && n + 4 < cap; p++) {
		if (*p == '\'')
			dst[n++] = '\'';
		dst[n++] = *p;
	}
	if (quote)
		dst[n++] = '\'';
	dst[n] = '\0';
}

/* Store a rejected row, and say why for the first few of a file. */
static int
reject_note(struct importer *im, struct job *j, long line, int col,
	    const char *why, const char *raw, size_t rawlen)
{
	char where[600];

	if (j->src == SRC_SHEET) {
		/* where a person finds it in Excel: Sheet1!M7, or row 7:7 */
		char cellname[16];

		if (col > 0)
			xlsx_cell_name(cellname, col, line);
		else
			snprintf(cellname, sizeof cellname, "%ld:%ld", line,
				 line);
		sheet_ref(where, 200, j->sheet_name);
		snprintf(where + strlen(where), sizeof where - strlen(where),
			 "!%s: %.500s", cellname, why);
		why = where;
	}
	if (j->warned++ < MAX_WARN)
		warn("%s:%ld: %s", j->path, line, why);
	return store_reject(&im->st, j->file_id, line, col, why, raw, rawlen);
}

/* Record a file that was skipped or rejected, in its own transaction. */
static int
file_note(struct importer *im, const char *path, const char *sha,
	  uint64_t bytes, const char *enc, const char *status,
	  const char *reason)
{
	int rc;

	if (im->o->dry_run)
		return 0;
	if ((rc = db_begin(im->db)) != 0) {
		if (rc == DB_BUSY)
			im->busy = 1;
		return -1;
	}
	if (store_file_new(&im->st, path, sha, bytes, enc, 0, 0, status,
			   reason, NULL) || db_commit(im->db)) {
		db_rollback(im->db);
		return -1;
	}
	return 0;
}

/* --- one file ----------------------------------------------------------- */

static uint64_t
raw_done(const void *in)
{
	return input_raw_done(in);
}

enum { FILE_DONE, FILE_REJECTED, FILE_RETRY, FILE_FAILED, FILE_NOT_SURVEY };

/* Does name end in ext (".txt"), in any case? */
static int
has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

/*
 * Open a job's transaction: BEGIN for a file of its own, a savepoint
 * inside an archive's.  Returns 0 or -1 (im->busy set when locked).
 */
static int
txn_begin(struct importer *im, struct job *j)
{
	int rc;

	if (j->nested) {
		if (db_exec(im->db, "SAVEPOINT member"))
			return -1;
	} else if ((rc = db_begin(im->db)) != 0) {
		if (rc == DB_BUSY) {
			error("'%s': locked by another run; try later",
			      im->o->db_path);
			im->busy = 1;
		}
		return -1;
	}
	j->in_txn = 1;
	return 0;
}

/* Keep (or, for a dry run, drop) the job's work; -1 on failure. */
static int
txn_commit(struct importer *im, struct job *j)
{
	j->in_txn = 0;
	if (j->nested)
		return db_exec(im->db, "RELEASE member");
	if (im->o->dry_run) {
		db_rollback(im->db);
		return 0;
	}
	return db_commit(im->db);
}

static void
txn_rollback(struct importer *im, struct job *j)
{
	if (!j->in_txn)
		return;
	j->in_txn = 0;
	if (j->nested)
		db_exec(im->db, "ROLLBACK TO member; RELEASE member");
	else
		db_rollback(im->db);
}

static const char *
zip_why(const void *z)
{
	return zipin_why(z);
}

int
import_sheet_pick(struct xlsx *x, const char *want, const struct colmap *map,
		  struct layout *lo, size_t *sheet, char *why, size_t cap)
{
	size_t i, from = 0, to = xlsx_sheets(x);
	char first[1100] = "";
	long k;

	if (want) {
		if ((k = xlsx_sheet_find(x, want)) < 0) {
			int n = snprintf(why, cap, "--sheet '%s': no such sheet"
					 " (the workbook has", want);

			for (i = 0; i < to && n > 0 && (size_t)n < cap; i++)
				n += snprintf(why + n, cap - (size_t)n,
					      "%s '%s'", i ? "," : "",
					      xlsx_sheet_name(x, i));
			if (n > 0 && (size_t)n < cap)
				snprintf(why + n, cap - (size_t)n, ")");
			return -1;
		}
		from = (size_t)k;
		to = from + 1;
	}
	for (i = from; i < to; i++) {
		struct peeked pk;
		struct record *rec;
		int rc = 0;

		memset(&pk, 0, sizeof pk);
		if (xlsx_start(x, i, 0)) {
			snprintf(why, cap, "%s", xlsx_why(x));
			return -1;
		}
		while (pk.n < LAYOUT_PEEK && (rc = xlsx_next(x, &rec)) == 1)
			peeked_add(&pk, rec);
		if (rc < 0) {
			snprintf(why, cap, "%s", xlsx_why(x));
			peeked_release(&pk);
			xlsx_stop(x);
			return -1;
		}
		xlsx_stop(x);
		rc = layout_detect(lo, &pk, map, 0);
		peeked_release(&pk);
		if (rc == 0) {
			*sheet = i;
			return 0;
		}
		if (!first[0])
			snprintf(first, sizeof first, "sheet '%.64s': %.1000s",
				 xlsx_sheet_name(x, i), lo->why);
		layout_release(lo);
	}
	snprintf(why, cap, "%s%s", first, to - from > 1 ?
		 " (nor any other sheet; --sheet chooses one)" : "");
	return -1;
}

/* The next record of the job's rows: as reader_next. */
static int
rows_next(struct job *j, struct reader *rd, struct record **rec)
{
	if (j->src == SRC_SHEET)
		return xlsx_next(j->xlsx, rec);
	return reader_next(rd, rec);
}

/* -v: the map used, and the columns of the header that nothing reads,
 * by their text. */
static void
info_ignored(const struct job *j)
{
	if (j->lo.map_name)
		info("%s: columns read with the map '%s'", j->path,
		     j->lo.map_name);
	for (size_t c = 0; c < j->lo.ncols; c++)
		if (!j->lo.field[c] && j->lo.names && *j->lo.names[c])
			info("%s: column %zu '%.80s' ignored", j->path, c + 1,
			     j->lo.names[c]);
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

const char *
import_time_source(const struct layout *lo, const char *name,
		   const char *outer, int64_t mtime, int64_t *t,
		   char date[11])
{
	if (lo->meta[META_TIME] >= 0)
		return "column";
	if (when_from_name(base_name(name), t, date) ||
	    (outer && when_from_name(base_name(outer), t, date)))
		return "filename";
	*t = mtime;
	when_jst_date(mtime, date);
	return "mtime";
}

/* Where the job's answer times come from, said with -v. */
static void
job_time(struct job *j)
{
	j->time_source = import_time_source(&j->lo, j->src == SRC_MEMBER ?
					    zipin_name(j->zip, j->member) :
					    j->path, j->outer, j->mtime,
					    &j->mtime, j->time_date);
	if (j->time_source[0] == 'f')
		info("%s: no time column; every answer dated %s, the date in "
		     "the file name", j->path, j->time_date);
	else if (j->time_source[0] == 'm')
		info("%s: no time column and no date in the file name; every "
		     "answer dated %s, the file's modification time", j->path,
		     j->time_date);
}

/* Open the job's text and find its layout: FILE_DONE or as file_attempt. */
static int
job_open(struct importer *im, struct job *j, int enc)
{
	const char *text;
	char why[256];
	size_t len, sheet;

	if (j->src == SRC_SHEET) {
		if (import_sheet_pick(j->xlsx, im->o->sheet, &im->map, &j->lo,
				      &sheet, j->reason, sizeof j->reason))
			return FILE_REJECTED;
		j->sheet_name = xlsx_sheet_name(j->xlsx, sheet);
		info("%s: sheet '%s', header at row %ld", j->path,
		     j->sheet_name, j->lo.header_line);
		info_ignored(j);
		if (xlsx_start(j->xlsx, sheet, 1)) {
			snprintf(j->reason, sizeof j->reason, "%s",
				 xlsx_why(j->xlsx));
			return FILE_REJECTED;
		}
		xlsx_pad(j->xlsx, j->lo.ncols);
		return FILE_DONE;
	}
	if (j->src == SRC_MEMBER) {
		if (zipin_member(j->zip, j->member)) {
			snprintf(j->reason, sizeof j->reason, "%s",
				 zipin_why(j->zip));
			j->archive_bad = 1;
			return FILE_REJECTED;
		}
		j->in = input_open_fn(zipin_read, zip_why, j->zip,
				      zipin_size(j->zip, j->member), enc, why);
	} else {
		j->in = input_open(j->path, enc, why);
	}
	if (!j->in) {
		snprintf(j->reason, sizeof j->reason, "%s", why);
		j->archive_bad = j->src == SRC_MEMBER;
		return FILE_REJECTED;
	}
	if (!(text = input_peek(j->in, &len))) {
		j->bad_bytes = input_bad_bytes(j->in);
		j->archive_bad = j->src == SRC_MEMBER && !j->bad_bytes;
		snprintf(j->reason, sizeof j->reason, "%s", input_why(j->in));
		if (j->bad_bytes && input_encoding_guessed(j->in) &&
		    enc == ENC_AUTO && strcmp(input_encoding_name(j->in),
					      "UTF-8") == 0)
			return FILE_RETRY;
		return FILE_REJECTED;
	}
	if (len == 0) {
		snprintf(j->reason, sizeof j->reason, "empty file");
		return FILE_REJECTED;
	}
	if (layout_sniff(&j->lo, text, len, &im->map)) {
		snprintf(j->reason, sizeof j->reason, "%s", j->lo.why);
		/* a README.txt beside the exports is no export gone wrong */
		if (j->src == SRC_FILE && j->lo.questions == 0 &&
		    has_ext(j->path, ".txt"))
			return FILE_NOT_SURVEY;
		return FILE_REJECTED;
	}
	info("%s: %s, %s-separated, header at line %ld",
	     j->path, input_encoding_name(j->in), layout_delim_name(j->lo.delim),
	     j->lo.header_line);
	info_ignored(j);
	return FILE_DONE;
}

/*
 * Read and store one file, archive member or workbook with the given
 * encoding inside a transaction (a savepoint inside an archive's).
 * FILE_RETRY: a guessed UTF-8 met an invalid byte, try CP932.
 */
static int
file_attempt(struct importer *im, struct job *j, int enc)
{
	struct reader *rd = NULL;
	struct record *rec;
	struct extsort *sort = NULL;
	struct prefetch *pf = NULL;
	struct row row;
	struct row_file rf;
	struct store_file sf;
	char why[512], sha[65];
	int rc, result, n, col, stored = 0, sheet = j->src == SRC_SHEET;

	if ((result = job_open(im, j, enc)) != FILE_DONE)
		goto out;
	job_time(j);
	result = FILE_FAILED;
	if (txn_begin(im, j))
		goto out;
	if (store_file_new(&im->st, j->path, "", sheet ? j->bytes :
			   input_raw_size(j->in), sheet ? "xlsx" :
			   input_encoding_name(j->in), j->lo.delim,
			   j->lo.header_line, "imported", NULL, &j->file_id))
		goto out;

	if (!sheet) {
		pf = prefetch_start(input_read_fn, j->in, raw_done);
		rd = reader_new(prefetch_read, pf, j->lo.delim);
	}
	for (n = 0; n < j->lo.skip; n++) {
		if (rows_next(j, rd, &rec) != 1)
			break;
		/* detection saw only the first INPUT_PEEK bytes */
		if (!sheet && n == j->lo.header_rec &&
		    rec->nfields != j->lo.ncols) {
			snprintf(j->reason, sizeof j->reason, "line %ld: "
				 "header row longer than %d KiB (%zu fields)",
				 rec->line, INPUT_PEEK >> 10, rec->nfields);
			result = FILE_REJECTED;
			goto out;
		}
	}
	rf = (struct row_file){ .path = j->path, .lo = &j->lo,
		.mtime = j->mtime, .latest_ok = j->latest_ok,
		.time_source = j->time_source, .time_date = j->time_date };
	sf = (struct store_file){ .id = j->file_id,
		.by_column = strcmp(j->time_source, "column") == 0 };
	progress_start(&im->prog, j->path, sheet ? xlsx_size(j->xlsx) :
		       input_raw_size(j->in));
	sort = extsort_new(0);
	while ((rc = rows_next(j, rd, &rec)) == 1) {
		j->rows_read++;
		if (row_parse(&rf, rec, &row, why, sizeof why, &col) == 0) {
			if (row_pack(sort, rec->line, &row)) {
				stored = error("%s", extsort_why(sort));
				break;
			}
		} else {
			j->rows_rejected++;
			if ((stored = reject_note(im, j, rec->line, col, why,
						  rec->raw, rec->rawlen)))
				break;
		}
		progress_update(&im->prog, sheet ? xlsx_done(j->xlsx) :
				prefetch_done(pf), (uint64_t)j->rows_read);
	}
	/* the input is the caller's again */
	if (sheet)
		xlsx_stop(j->xlsx);
	prefetch_stop(pf);
	pf = NULL;
	info("%s: %ld rows parsed in %.2f s", j->path, j->rows_read,
	     progress_now() - im->prog.start);
	if (stored == 0 && rc >= 0)
		stored = store_rows(&im->st, &sf, sort);
	j->rows_new = sf.rows_new;
	j->rows_dup = sf.rows_dup;
	info("%s: stored in identity order (%zu sorted runs on disk), %.2f s "
	     "in all", j->path, extsort_runs(sort),
	     progress_now() - im->prog.start);
	progress_end(&im->prog);
	if (stored < 0)
		goto out;
	if (rc < 0 && sheet) {
		snprintf(j->reason, sizeof j->reason, "%s", xlsx_why(j->xlsx));
		result = FILE_REJECTED;
		goto out;
	}
	if (rc < 0) {
		j->bad_bytes = reader_source_failed(rd) &&
			       input_bad_bytes(j->in);
		j->archive_bad = j->src == SRC_MEMBER &&
				 reader_source_failed(rd) && !j->bad_bytes;
		if (reader_source_failed(rd))
			snprintf(j->reason, sizeof j->reason, "line %ld: %s",
				 reader_line(rd), input_why(j->in));
		else
			snprintf(j->reason, sizeof j->reason, "%s",
				 reader_why(rd));
		result = FILE_REJECTED;
		if (j->bad_bytes && input_encoding_guessed(j->in) &&
		    enc == ENC_AUTO &&
		    strcmp(input_encoding_name(j->in), "UTF-8") == 0)
			result = FILE_RETRY;
		goto out;
	}
	if (sheet) {
		snprintf(sha, sizeof sha, "%s", j->sha);
	} else if (input_sha256(j->in, sha)) {
		snprintf(j->reason, sizeof j->reason, "%s", input_why(j->in));
		j->archive_bad = j->src == SRC_MEMBER;
		result = FILE_REJECTED;
		goto out;
	}
	if (store_file_done(&im->st, j->file_id, sha, sheet ? j->bytes :
			    input_raw_done(j->in), j->rows_rejected ?
			    "partial" : "imported", j->rows_read, j->rows_new,
			    j->rows_dup, j->rows_rejected, j->time_source))
		goto out;
	if (txn_commit(im, j))
		goto out;
	result = FILE_DONE;
out:
	progress_end(&im->prog);
	if (result != FILE_DONE)
		txn_rollback(im, j);
	if (sheet)
		xlsx_stop(j->xlsx);
	prefetch_stop(pf);
	reader_free(rd);
	extsort_free(sort);
	layout_release(&j->lo);
	input_close(j->in);
	j->in = NULL;
	return result;
}

/*
 * Skip a file whose bytes were imported before.  Hashing a whole file
 * first costs a pass, so it is done only when some imported file has the
 * same size.  Returns 1 when skipped, 0 to import, -1 on error.
 */
static int
already_imported(struct importer *im, const char *path, uint64_t size)
{
	char sha[65], why[256], *as;
	uint64_t bytes;

	if (im->o->force)
		return 0;
	if (!store_size_seen(&im->st, size))
		return 0;
	if (input_hash_file(path, sha, &bytes, why))
		return 0;	/* the import attempt will say why */
	if (!(as = store_sha_seen(&im->st, sha)))
		return 0;
	info("%s: already imported as '%s'; skipped (--force imports it "
	     "again)", path, as);
	free(as);
	im->t.files_skipped++;
	if (file_note(im, path, sha, bytes, NULL, "skipped", NULL))
		return -1;
	return 1;
}

/*
 * Run a job to its end: its attempts (a second one as CP932 when a
 * guessed UTF-8 met a byte UTF-8 cannot have).  j holds the source; the
 * rest of it is reset for each attempt.  Returns the last attempt's.
 */
static int
job_run(struct importer *im, struct job *j)
{
	struct job src = *j;
	int enc = im->o->encoding, result;
	char first[1024] = "";

	for (;;) {
		memset(j, 0, sizeof *j);
		j->path = src.path;
		j->src = src.src;
		j->zip = src.zip;
		j->member = src.member;
		j->xlsx = src.xlsx;
		j->sha = src.sha;
		j->bytes = src.bytes;
		j->nested = src.nested;
		j->mtime = src.mtime;
		j->outer = src.outer;
		j->latest_ok = (int64_t)time(NULL) + 86400;
		result = file_attempt(im, j, enc);
		if (first[0] && result == FILE_REJECTED && j->bad_bytes)
			snprintf(j->reason, sizeof j->reason, "%.1000s (and "
				 "not CP932 either)", first);
		if (result != FILE_RETRY)
			return result;
		info("%s: %s; reading it as CP932", j->path, j->reason);
		snprintf(first, sizeof first, "%.1000s", j->reason);
		enc = ENC_CP932;
	}
}

static void
totals_add(struct totals *t, const struct job *j)
{
	t->rows_read += j->rows_read;
	t->rows_new += j->rows_new;
	t->rows_dup += j->rows_dup;
	t->rows_rejected += j->rows_rejected;
	t->dated_by_name += j->time_source[0] == 'f';
	t->dated_by_mtime += j->time_source[0] == 'm';
}

/* Say how a finished job went. */
static void
job_report(const struct job *j, int dry_run)
{
	if (j->warned > MAX_WARN)
		warn(dry_run ? "%s: %d more rejected rows (a dry run stores "
		     "none; --inspect --rows shows them)" : "%s: %d more "
		     "rejected rows (see the rejects view)", j->path,
		     j->warned - MAX_WARN);
}

/* Is an archive member one to import (CSV, TSV, text, gzip)? */
static int wanted(const char *name);

/*
 * Import the CSV members of the archive z at path, all in one
 * transaction: each member is a file of its own in the files view,
 * named "path:member", and the archive has a row after them with its
 * SHA-256, by which the archive is skipped when seen again, and no
 * counts of its own: its members' rows hold them, each row once.  A member that is no survey export is rejected on its
 * own, like a file in a folder; a member whose bytes cannot be read
 * (encrypted, bad CRC, a bomb) rejects the whole archive, and nothing of
 * it is kept.  Returns as file_attempt; j->reason says why.
 */
static int
archive_run(struct importer *im, struct job *j, struct zipin *z,
	    const char *path, const char *sha, uint64_t bytes,
	    struct totals *sub)
{
	struct job *m = xcalloc(1, sizeof *m);
	size_t i, n = 0;
	int result = FILE_FAILED;
	long long id;

	if (txn_begin(im, j))
		goto out;
	for (i = 0; i < zipin_count(z); i++) {
		const char *name = zipin_name(z, i);
		const char *base = strrchr(name, '/');
		char *label;

		base = base ? base + 1 : name;
		if (!wanted(base) || !strncmp(name, "__MACOSX/", 9)) {
			info("%s: member '%s' is not CSV, TSV or text; "
			     "ignored", path, name);
			continue;
		}
		n++;
		label = xasprintf("%s:%s", path, name);
		memset(m, 0, sizeof *m);
		m->path = label;
		m->src = SRC_MEMBER;
		m->zip = z;
		m->member = i;
		m->nested = 1;
		m->mtime = j->mtime;
		m->outer = path;
		result = job_run(im, m);
		if (result == FILE_DONE) {
			totals_add(sub, m);
			job_report(m, im->o->dry_run);
		} else if (result == FILE_REJECTED && !m->archive_bad) {
			sub->files_rejected++;
			error("%s: rejected: %s", label, m->reason);
			if (store_file_new(&im->st, label, "", zipin_size(z, i),
					   NULL, 0, 0, "rejected", m->reason,
					   NULL))
				result = FILE_FAILED;
			else
				result = FILE_DONE;
		} else if (result == FILE_REJECTED) {
			snprintf(j->reason, sizeof j->reason, "%.1100s",
				 m->reason);
		}
		free(label);
		if (result != FILE_DONE)
			goto out;
	}
	if (n == 0) {
		snprintf(j->reason, sizeof j->reason, "no CSV, TSV or text "
			 "member in the archive");
		result = FILE_REJECTED;
		goto out;
	}
	result = FILE_FAILED;
	if (store_file_new(&im->st, path, sha, bytes, NULL, 0, 0,
			   sub->rows_rejected || sub->files_rejected ?
			   "partial" : "imported", NULL, &id) ||
	    store_file_archive(&im->st, id) || txn_commit(im, j))
		goto out;
	result = FILE_DONE;
out:
	if (result != FILE_DONE)
		txn_rollback(im, j);
	free(m);
	return result;
}

/* Does the file at path start with a zip's magic bytes? */
static int
is_zip(const char *path)
{
	unsigned char magic[4];
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (f) {
		n = fread(magic, 1, sizeof magic, f);
		fclose(f);
	}
	return zipin_magic(magic, n);
}

/*
 * A zip: a workbook when it holds xl/workbook.xml, otherwise an archive
 * of CSV files.  Returns as file_attempt.
 */
static int
zip_run(struct importer *im, struct job *j, const char *sha,
	uint64_t bytes)
{
	struct totals sub = { 0 };
	struct zipin *z;
	char why[512];
	int result;

	if (!(z = zipin_open(j->path, why))) {
		snprintf(j->reason, sizeof j->reason, "%s", why);
		return FILE_REJECTED;
	}
	if (xlsx_is_workbook(z)) {
		j->src = SRC_SHEET;
		j->sha = sha;
		j->bytes = bytes;
		if (!(j->xlsx = xlsx_open(z, why))) {
			snprintf(j->reason, sizeof j->reason, "%s", why);
			result = FILE_REJECTED;
		} else {
			result = job_run(im, j);
			if (result == FILE_DONE)
				job_report(j, im->o->dry_run);
			xlsx_free(j->xlsx);
		}
		zipin_close(z);
		if (result == FILE_DONE)
			totals_add(&im->t, j);
		return result;
	}
	result = archive_run(im, j, z, j->path, sha, bytes, &sub);
	zipin_close(z);
	if (result == FILE_DONE) {
		im->t.rows_read += sub.rows_read;
		im->t.rows_new += sub.rows_new;
		im->t.rows_dup += sub.rows_dup;
		im->t.rows_rejected += sub.rows_rejected;
		im->t.files_rejected += sub.files_rejected;
		im->t.dated_by_name += sub.dated_by_name;
		im->t.dated_by_mtime += sub.dated_by_mtime;
	}
	return result;
}

/*
 * The reason a file that is no survey export is skipped with: never a
 * rejected export.  The nightly run looks for these words.
 */
#define NOT_SURVEY "not a survey file"

/* Say that path is not a survey file (why: how we know it). */
static void
not_survey(struct importer *im, const char *path, const char *why)
{
	im->t.files_skipped++;
	warn("%s: " NOT_SURVEY " (%s); skipped", path, why);
}

/* Import one file.  Returns 0, or -1 when the run must stop. */
static int
import_file(struct importer *im, const char *path)
{
	struct job *j;
	struct stat st;
	int result, rc;
	char sha[65] = "", why[256];
	uint64_t bytes = 0;

	im->t.files++;
	memset(&st, 0, sizeof st);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((rc = already_imported(im, path, (uint64_t)st.st_size)))
			return rc < 0 ? -1 : 0;
	}
	j = xcalloc(1, sizeof *j);
	j->path = path;
	j->mtime = (int64_t)st.st_mtime;
	if (S_ISREG(st.st_mode) && is_zip(path)) {
		/* random access: the hash is taken first, in a pass of its own */
		if (input_hash_file(path, sha, &bytes, why)) {
			snprintf(j->reason, sizeof j->reason, "%s", why);
			result = FILE_REJECTED;
		} else {
			result = zip_run(im, j, sha, bytes);
		}
	} else {
		result = job_run(im, j);
		if (result == FILE_DONE) {
			totals_add(&im->t, j);
			job_report(j, im->o->dry_run);
		}
	}
	if (result == FILE_NOT_SURVEY) {
		/* recorded, so that the nightly run knows what it was */
		not_survey(im, path, "no question column");
		result = FILE_DONE;
		if (input_hash_file(path, sha, &bytes, why))
			sha[0] = '\0';
		if (file_note(im, path, sha, bytes, NULL, "skipped",
			      NOT_SURVEY ": no question column"))
			result = FILE_FAILED;
	}
	if (result == FILE_REJECTED) {
		im->t.files_rejected++;
		error("%s: rejected: %s", path, j->reason);
		if (!sha[0] && input_hash_file(path, sha, &bytes, why))
			sha[0] = '\0';
		if (file_note(im, path, sha, bytes, NULL, "rejected",
			      j->reason))
			result = FILE_FAILED;
	}
	free(j);
	return result == FILE_FAILED ? -1 : 0;
}

/* --- paths -------------------------------------------------------------- */

static int
wanted(const char *name)
{
	static const char *const exts[] = {
		".csv", ".tsv", ".txt", ".gz", ".xlsx", ".zip"
	};
	size_t i;

	if (name[0] == '.')
		return 0;
	for (i = 0; i < sizeof exts / sizeof *exts; i++)
		if (has_ext(name, exts[i]))
			return 1;
	return 0;
}

/*
 * Import a directory's files in bytewise name order, recursively; any
 * file that is no survey export by its name is skipped and named.
 * Symbolic links to directories are not followed (no loops).
 */
static int
import_dir(struct importer *im, const char *dir)
{
	size_t n, i;
	char **names = dirlist(dir, &n);
	int rc = 0;

	if (!names) {
		im->t.files_rejected++;
		error("%s: cannot open directory: %s", dir, strerror(errno));
		return 0;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;

		/* names starting with '.' are left alone, folders too */
		if (rc == 0 && names[i][0] != '.' && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = import_dir(im, path);
			else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
				 S_ISDIR(st.st_mode))
				info("%s: symbolic link to a directory; not "
				     "followed", path);
			else if (wanted(names[i]))
				rc = import_file(im, path);
			else {
				im->t.files++;
				not_survey(im, path, "not .csv, .tsv, .txt, "
					   ".gz, .xlsx or .zip");
			}
		}
		free(path);
	}
	dirlist_free(names, n);
	return rc;
}

/*
 * The end of the summary line: when some file had no time column, how
 * its answers were dated, so that a guess is never silent.
 */
static void
summary_dates(const struct totals *t)
{
	if (t->dated_by_name || t->dated_by_mtime)
		fputs("; no time column in ", stderr);
	if (t->dated_by_name)
		fprintf(stderr, "%ld file%s dated by %s name%s", t->dated_by_name,
			t->dated_by_name > 1 ? "s" : "",
			t->dated_by_name > 1 ? "their" : "its",
			t->dated_by_mtime ? ", " : "");
	if (t->dated_by_mtime)
		fprintf(stderr, "%ld file%s dated by %s modification time",
			t->dated_by_mtime, t->dated_by_mtime > 1 ? "s" : "",
			t->dated_by_mtime > 1 ? "their" : "its");
	fputc('\n', stderr);
}

/*
 * Inputs of this many bytes or more are imported with a rollback journal
 * instead of the WAL: pages appended to the database are then written
 * once, where the WAL writes each twice (into the log, then into the
 * database at the checkpoint).  1M rows took 3.0-3.7 s against 4.2-4.5 s.
 * Readers that come meanwhile wait for the import (the busy timeout), so
 * the nightly's small files keep the WAL.
 */
#define BULK_BYTES (16L << 20)

/* Is the import of these bytes a bulk one?  SHINDAN_BULK_BYTES for tests. */
static int
bulk_import(uint64_t bytes)
{
	const char *env = getenv("SHINDAN_BULK_BYTES");
	long v = BULK_BYTES;

	if (env && num_parse(env, 0, LONG_MAX, &v) != 0)
		v = BULK_BYTES;
	return bytes >= (uint64_t)v;
}

int
import_run(const struct ingest_opts *o)
{
	struct importer im;
	double start = progress_now();
	int i, rc = 0, status, bulk = 0;
	const char *db_path = o->db_path;
	uint64_t bytes = 0;

	memset(&im, 0, sizeof im);
	im.o = o;
	if (o->aliases_path && jsic_load_aliases(o->aliases_path))
		return EXIT_USAGE;
	if (o->map_path && colmap_load(&im.map, o->map_path))
		return EXIT_USAGE;
	/* a path that cannot be read at all is a mistyped argument, not a
	   file to record as rejected */
	for (i = 0; i < o->npaths; i++) {
		struct stat st;

		if (stat(o->paths[i], &st) != 0) {
			error("'%s': cannot read:", o->paths[i]);
			colmap_release(&im.map);
			return EXIT_USAGE;
		}
		if (S_ISREG(st.st_mode))
			bytes += (uint64_t)st.st_size;
	}
	if (o->dry_run && access(db_path, F_OK) != 0)
		db_path = ":memory:";	/* validate without creating it */
	im.db = db_open(db_path, DB_WRITE, &im.busy);
	if (!im.db) {
		colmap_release(&im.map);
		return im.busy ? EXIT_BUSY : EXIT_FAIL;
	}
	/*
	 * Every row ingest writes refers to the file row it wrote first in
	 * the same transaction, so foreign keys are not checked: the check
	 * costs a look-up per row, and a statement that might fail halfway
	 * through a check makes SQLite journal each multi-row INSERT on its
	 * own (the INSERTs are OR ROLLBACK for the same reason).
	 */
	if (db_exec(im.db, "PRAGMA foreign_keys = OFF")) {
		rc = -1;
		goto out;
	}
	/* kept in WAL mode when another connection is open */
	if (!o->dry_run && bulk_import(bytes) &&
	    (bulk = db_journal(im.db, "delete")) < 0) {
		rc = -1;
		goto out;
	}
	if (bulk)
		info("%llu bytes: imported with a rollback journal",
		     (unsigned long long)bytes);
	if (store_prepare(&im.st, im.db)) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < o->npaths && rc == 0; i++) {
		struct stat st;

		if (stat(o->paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = import_dir(&im, o->paths[i]);
		else
			rc = import_file(&im, o->paths[i]);
	}
out:
	store_finalize(&im.st);
	/* back to the WAL; if a reader holds it off, the next tool that
	   writes (aggregate, ingest) sets it again */
	if (bulk > 0 && db_journal(im.db, "wal") != 1)
		info("the database stays in rollback-journal mode until the "
		     "next write");
	db_close(im.db);
	colmap_release(&im.map);
	if (err_verbosity >= 0)
		fprintf(stderr, "%s: %s%ld files, %ld rows read, %ld new, "
			"%ld duplicate, %ld rejected rows, %ld rejected files,"
			" %ld skipped, %.2f s", err_prog(),
			o->dry_run ? "dry run: " : "", im.t.files,
			im.t.rows_read, im.t.rows_new, im.t.rows_dup,
			im.t.rows_rejected, im.t.files_rejected,
			im.t.files_skipped, progress_now() - start);
	if (err_verbosity >= 0)
		summary_dates(&im.t);
	if (im.busy)
		status = EXIT_BUSY;
	else if (rc)
		status = EXIT_FAIL;
	else if (im.t.rows_rejected || im.t.files_rejected)
		status = EXIT_REJECTED;
	else
		status = EXIT_OK;
	return status;
}
