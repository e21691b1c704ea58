/*
 * ingest --export-rejects FILE: the rejected rows as a CSV for Excel, so
 * that whoever fixes the exports can open them without sqlite3.  The raw
 * rows come from strangers' files, so the writer (lib/csvout.c) turns any
 * formula-looking cell (=HYPERLINK(...), +, -, @) into text, and the file
 * is written 0600 under a temporary name and renamed into place: a reader
 * never sees half a file, and a symbolic link planted at FILE is replaced,
 * never followed.
 */
#include <stdio.h>

#include "csvout.h"
#include "db.h"
#include "err.h"
#include "export.h"
#include "import.h"

int
export_rejects(const struct ingest_opts *o)
{
	struct csvout c;
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	long rows = 0;
	int rc, status = EXIT_FAIL;

	if (!(db = db_open(o->db_path, DB_READ, NULL)))
		return EXIT_FAIL;
	if (db_prepare(db, &st, "SELECT path, line, col, reason, raw FROM"
		       " rejects ORDER BY file_id, line, rowid"))
		goto out;
	if (csvout_open(&c, o->export_rejects))
		goto out;
	csvout_text(&c, "file");
	csvout_text(&c, "line");
	csvout_text(&c, "column");
	csvout_text(&c, "reason");
	csvout_text(&c, "raw");
	csvout_endrow(&c);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		csvout_text(&c, (const char *)sqlite3_column_text(st, 0));
		csvout_int(&c, sqlite3_column_int64(st, 1));
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			csvout_empty(&c);
		else
			csvout_int(&c, sqlite3_column_int64(st, 2));
		csvout_text(&c, (const char *)sqlite3_column_text(st, 3));
		/* raw may hold NUL bytes: take it by length */
		csvout_textn(&c, (const char *)sqlite3_column_blob(st, 4),
			     (size_t)sqlite3_column_bytes(st, 4));
		csvout_endrow(&c);
		rows++;
	}
	if (rc != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(db));
		csvout_abort(&c);
		goto out;
	}
	if (csvout_commit(&c))
		goto out;
	if (err_verbosity >= 0)
		fprintf(stderr, "%s: %s: %ld rejected rows written\n",
			err_prog(), o->export_rejects, rows);
	status = EXIT_OK;
out:
	sqlite3_finalize(st);
	db_close(db);
	return status;
}
