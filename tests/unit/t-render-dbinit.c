/*
 * Two jobs in one binary.  With a PATH argument it creates an empty
 * shindan database there (schema only) and exits: render's shell tests
 * build their fixtures on it with sqlite3 INSERTs, since render itself
 * only reads.  Without arguments it is a unit test of that same path: the
 * new database is 0600 and carries the views render reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "err.h"
#include "tap.h"

static int
count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	if (db_prepare(db, &st, sql))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
main(int argc, char **argv)
{
	char path[] = "/tmp/t-render-dbinit.XXXXXX";
	struct stat sb;
	sqlite3 *db;
	int fd;

	err_setprog(argv[0]);
	if (argc == 2) {
		if (!(db = db_open(argv[1], DB_WRITE, NULL)))
			return 1;
		db_close(db);
		return 0;
	}
	if ((fd = mkstemp(path)) < 0)
		die("mkstemp:");
	close(fd);
	unlink(path);
	db = db_open(path, DB_WRITE, NULL);
	TAP_OK(db != NULL, "an empty database is created");
	TAP_OK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	       "created 0600");
	TAP_INT(count(db, "SELECT count(*) FROM sqlite_master WHERE"
		      " type = 'view' AND name IN ('runs', 'companies',"
		      " 'group_stats', 'question_stats')"), 4,
		"the views render reads exist");
	TAP_INT(count(db, "SELECT count(*) FROM run"), 0, "with no run");
	db_close(db);
	unlink(path);
	return tap_done();
}
