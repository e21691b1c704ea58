#ifndef SHINDAN_DB_H
#define SHINDAN_DB_H
/*
 * The database: one SQLite file in WAL mode, created 0600, with a
 * versioned schema migrated forward on open.  Tables are internal; the
 * views (responses, answers, companies, runs, group_stats, question_stats,
 * current_group_stats, current_question_stats, files, rejects, and since
 * v3 pooled_group_stats, pooled_question_stats) are the public interface
 * of SPEC §3.
 *
 * Storage notes every module relies on:
 * - response.answers is 25 characters, one answer code per question
 *   (answer.h: I P N U A, '-' for missing);
 * - response.submitted_at is UTC "YYYY-MM-DDTHH:MM:SSZ";
 * - response.department is '' when the export has none;
 * - response is stored in the order of its key (company_key, department,
 *   submitted_at, response_id); a new response takes its id from next_id
 *   (name 'response'), which the writer advances;
 * - run.kind is 'local' (computed from this database) or 'pooled'
 *   (aggregate --pool); readers of a local run filter on it;
 * - response.base_score is the sum of points without 該当しない answers,
 *   so total = base_score + na_points * n_na when n_missing = 0; the
 *   responses and answers views take na_points from the latest local run
 *   (schema 6);
 * - response_id only grows (index response_seq): aggregate finds what was
 *   stored since its last run by it, and what was changed in place
 *   through cube_dirty, which triggers fill (schema 3);
 * - company holds the state as of the latest run, each row written only
 *   when it changed; the companies view dates it with that run;
 * - response.company_reading is the company name's reading as written,
 *   NULL when the export had none (schema 8).
 */
#include <stddef.h>

#include <sqlite3.h>

#define DB_SCHEMA_VERSION 8

enum db_mode {
	DB_READ,	/* must exist and be current; never written */
	DB_WRITE,	/* created 0600 if missing, migrated forward */
};

/* Return values beside 0 and -1 for functions that take the write lock. */
#define DB_BUSY (-4)

/* $SHINDAN_DB if set and not empty, else "shindan.db". */
const char *db_default_path(void);

/*
 * Open path.  On failure prints why and returns NULL; with DB_WRITE a
 * database held by another writer for longer than the busy timeout makes
 * *busy (if given) 1.
 */
sqlite3 *db_open(const char *path, enum db_mode mode, int *busy);
void db_close(sqlite3 *db);
/*
 * Hold the write lock of the existing database path on a connection of
 * its own (BEGIN IMMEDIATE, waited for up to the busy timeout), so that
 * no other run commits until db_unlock: for a reader that needs the
 * database to stand still across several connections.  Returns that
 * connection, or NULL with sqlite's reason in why[cap]; prints nothing,
 * since going on without the lock is the caller's choice.
 */
sqlite3 *db_lock(const char *path, char *why, size_t cap);
/* End lock's transaction and close it (NULL: nothing to do). */
void db_unlock(sqlite3 *lock);

/* Run SQL without results; prints sqlite's message and returns -1. */
int db_exec(sqlite3 *db, const char *sql);

/*
 * Set the journal mode ("wal", "delete") outside a transaction: 1 when the
 * database is now in it, 0 when it kept the old one (leaving WAL needs the
 * database to itself: another connection's read keeps it busy), -1 after
 * saying why.
 */
int db_journal(sqlite3 *db, const char *mode);
/* Prepare or print why and return -1. */
int db_prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql);
/* BEGIN IMMEDIATE: 0, DB_BUSY when another writer holds it, or -1. */
int db_begin(sqlite3 *db);
int db_commit(sqlite3 *db);
/* ROLLBACK, ignoring "no transaction is active". */
void db_rollback(sqlite3 *db);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
void db_now(char buf[21]);
#endif
