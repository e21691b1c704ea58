#ifndef SHINDAN_STORE_H
#define SHINDAN_STORE_H
/*
 * The database side of an import: the prepared statements, a file's
 * sorted rows stored as new responses or duplicates, its rejects, and its
 * row in the file table.  Transactions are the caller's.
 */
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct extsort;

/* The statements of one ingest run on db. */
struct store {
	sqlite3 *db;
	sqlite3_stmt *find, *insert, *supersede, *reject, *file_new;
	sqlite3_stmt *file_done, *same_size, *same_hash, *last;
	sqlite3_stmt *id_get, *id_set, *insert_batch, *latest, *archive;
	long long next_id;	/* of the next response stored */
};

/* The file whose rows are stored, and what became of them. */
struct store_file {
	long long id;		/* its row in the file table */
	int by_column;		/* its rows' times come from a time column */
	long rows_new, rows_dup;
};

/* Prepare s's statements on db; 0, or -1 after printing why. */
int store_prepare(struct store *s, sqlite3 *db);
/* Finalize the statements (those prepared, after a failure too). */
void store_finalize(struct store *s);

/*
 * Store the rows that row_pack handed to sort, in the response table's
 * key order: a duplicate of a version already stored changes nothing, a
 * changed one supersedes it.  Counts them in f.  Returns 0, or -1 after
 * printing why.
 */
int store_rows(struct store *s, struct store_file *f, struct extsort *sort);
/*
 * Store a rejected row of file file_id: its line, the 1-based column at
 * fault (0: the row as a whole), why, and its raw text.  0 or -1.
 */
int store_reject(struct store *s, long long file_id, long line, int col,
		 const char *why, const char *raw, size_t rawlen);

/*
 * Add a file's row: its path, SHA-256 ("" until known), size, encoding
 * and delimiter (NULL and 0 when none), header line (0: none), status
 * and reason (NULL: none).  Sets *id, when not NULL, to its file_id.
 * Returns 0, or -1 after printing why.
 */
int store_file_new(struct store *s, const char *path, const char *sha,
		   uint64_t bytes, const char *enc, int delim,
		   long header_line, const char *status, const char *reason,
		   long long *id);
/*
 * The file id imported: its SHA-256, size, status, row counts and where
 * its times came from (NULL: not said).  0, or -1 after printing why.
 */
int store_file_done(struct store *s, long long id, const char *sha,
		    uint64_t bytes, const char *status, long rows_read,
		    long rows_new, long rows_dup, long rows_rejected,
		    const char *time_source);

/*
 * Mark the file id as an archive: a row for its SHA-256 and status, whose
 * members' rows hold the counts.  0, or -1 after printing why.
 */
int store_file_archive(struct store *s, long long id);

/* Has a file of this size been imported?  1 or 0. */
int store_size_seen(struct store *s, uint64_t bytes);
/*
 * The path an imported file with this SHA-256 was imported as, to free,
 * or NULL when none was.
 */
char *store_sha_seen(struct store *s, const char *sha);
#endif
