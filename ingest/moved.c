/*
 * ingest --moved ID PATH: the file recorded as ID now lies at PATH.  The
 * nightly run moves each file out of the inbox after importing it (to
 * archive/DAY/ or quarantine/, renamed NAME.1 when the name is taken);
 * without this, the files and rejects views would keep naming
 * inbox/回答.csv for two different uploads, neither of which is there.
 * The members of an archive, recorded as "OLD:member" just before the
 * archive's own row, become "PATH:member".
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "err.h"
#include "import.h"
#include "moved.h"

/* The members' rows: the run of "OLD:..." rows right before row ?1. */
#define MEMBERS "UPDATE file SET path = ?2 || substr(path, length(?3) + 1)" \
	" WHERE file_id < ?1 AND substr(path, 1, length(?3) + 1) = ?3 || ':'" \
	" AND file_id > (SELECT coalesce(max(file_id), 0) FROM file" \
	"  WHERE file_id < ?1 AND substr(path, 1, length(?3) + 1) <>" \
	"  ?3 || ':')"

static int
moved_update(sqlite3 *db, long id, const char *to)
{
	sqlite3_stmt *find = NULL, *members = NULL, *one = NULL;
	const char *old;
	int rc = -1;

	if (db_prepare(db, &find, "SELECT path FROM file WHERE file_id = ?1") ||
	    db_prepare(db, &members, MEMBERS) ||
	    db_prepare(db, &one, "UPDATE file SET path = ?2 WHERE file_id = "
		       "?1"))
		goto out;
	sqlite3_bind_int64(find, 1, id);
	if (sqlite3_step(find) != SQLITE_ROW) {
		error("--moved %ld: no file recorded with that id", id);
		goto out;
	}
	old = (const char *)sqlite3_column_text(find, 0);
	sqlite3_bind_int64(members, 1, id);
	sqlite3_bind_text(members, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(members, 3, old, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(one, 1, id);
	sqlite3_bind_text(one, 2, to, -1, SQLITE_STATIC);
	if (sqlite3_step(members) != SQLITE_DONE ||
	    sqlite3_step(one) != SQLITE_DONE) {
		error("database: %s", sqlite3_errmsg(db));
		goto out;
	}
	info("file %ld: '%s' now lies at '%s'", id, old, to);
	rc = 0;
out:
	sqlite3_finalize(find);
	sqlite3_finalize(members);
	sqlite3_finalize(one);
	return rc;
}

int
moved_run(const struct ingest_opts *o)
{
	struct stat st;
	sqlite3 *db;
	int busy = 0, rc;

	if (stat(o->paths[0], &st) != 0) {
		error("'%s': cannot read:", o->paths[0]);
		return EXIT_USAGE;
	}
	if (access(o->db_path, F_OK) != 0) {
		error("'%s': no database here", o->db_path);
		return EXIT_FAIL;
	}
	if (!(db = db_open(o->db_path, DB_WRITE, &busy)))
		return busy ? EXIT_BUSY : EXIT_FAIL;
	if ((rc = db_begin(db)) != 0) {
		if (rc == DB_BUSY)
			error("'%s': locked by another run; try later",
			      o->db_path);
		db_close(db);
		return rc == DB_BUSY ? EXIT_BUSY : EXIT_FAIL;
	}
	rc = moved_update(db, o->moved, o->paths[0]);
	if (rc == 0)
		rc = db_commit(db);
	if (rc)
		db_rollback(db);
	db_close(db);
	return rc ? EXIT_FAIL : EXIT_OK;
}
