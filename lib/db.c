/*
 * Database open, schema and migrations.  The schema version lives in
 * PRAGMA user_version; migrations[i] takes a database from version i to
 * i + 1 and runs in the same transaction as the version bump, so a
 * database is always at one version or the next, never between.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "answer.h"
#include "catalogue.h"
#include "db.h"
#include "err.h"

#define BUSY_TIMEOUT_MS 3000

static const char schema_v1[] =
	"CREATE TABLE question ("
	" question_no INTEGER PRIMARY KEY, part INTEGER NOT NULL,"
	" short_label TEXT NOT NULL, question_text TEXT NOT NULL);"

	"CREATE TABLE file ("
	" file_id INTEGER PRIMARY KEY,"
	" path TEXT NOT NULL,"
	" sha256 TEXT NOT NULL,"
	" bytes INTEGER NOT NULL,"
	" encoding TEXT, dialect TEXT, header_line INTEGER,"
	" status TEXT NOT NULL CHECK (status IN"
	"  ('imported', 'partial', 'rejected', 'skipped')),"
	" rows_read INTEGER NOT NULL DEFAULT 0,"
	" rows_new INTEGER NOT NULL DEFAULT 0,"
	" rows_duplicate INTEGER NOT NULL DEFAULT 0,"
	" rows_rejected INTEGER NOT NULL DEFAULT 0,"
	" reason TEXT,"
	" imported_at TEXT NOT NULL);"
	"CREATE INDEX file_sha256 ON file (sha256);"

	"CREATE TABLE reject ("
	" reject_id INTEGER PRIMARY KEY,"
	" file_id INTEGER NOT NULL REFERENCES file (file_id),"
	" line INTEGER NOT NULL, col INTEGER,"
	" reason TEXT NOT NULL, raw TEXT NOT NULL);"
	"CREATE INDEX reject_file ON reject (file_id);"

	"CREATE TABLE response ("
	" response_id INTEGER PRIMARY KEY,"
	" company_key TEXT NOT NULL,"
	" department TEXT NOT NULL DEFAULT '',"
	" submitted_at TEXT NOT NULL,"
	" company_name TEXT, corporate_number TEXT,"
	" industry_code TEXT NOT NULL, industry_raw TEXT,"
	" size_class TEXT NOT NULL, star_level TEXT NOT NULL,"
	" answers TEXT NOT NULL,"
	" base_score INTEGER NOT NULL,"
	" n_unknown INTEGER NOT NULL, n_na INTEGER NOT NULL,"
	" n_missing INTEGER NOT NULL,"
	" file_id INTEGER NOT NULL REFERENCES file (file_id),"
	" line INTEGER NOT NULL,"
	" superseded INTEGER NOT NULL DEFAULT 0);"
	/* identity lookups at ingest and the ordered scan of aggregate */
	"CREATE INDEX response_identity ON response"
	" (company_key, department, submitted_at);"

	/* aggregate's output: one run per as_of date */
	"CREATE TABLE run ("
	" run_id INTEGER PRIMARY KEY,"
	" as_of TEXT NOT NULL UNIQUE,"
	" created_at TEXT NOT NULL,"
	" n_companies INTEGER NOT NULL, n_incomplete INTEGER NOT NULL,"
	" min_group INTEGER NOT NULL, na_points INTEGER NOT NULL);"

	"CREATE TABLE group_stat ("
	" run_id INTEGER NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,"
	" industry_code TEXT NOT NULL, size_class TEXT NOT NULL,"
	" star_level TEXT NOT NULL,"
	" n INTEGER NOT NULL, n_incomplete INTEGER NOT NULL,"
	" mean REAL, sd REAL, median REAL, p25 REAL, p75 REAL,"
	" min INTEGER, max INTEGER,"
	" band_100 INTEGER NOT NULL, band_70_99 INTEGER NOT NULL,"
	" band_50_69 INTEGER NOT NULL, band_le49 INTEGER NOT NULL,"
	" part1_mean REAL, part2_mean REAL, part3_mean REAL,"
	" suppressed INTEGER NOT NULL,"
	" PRIMARY KEY (run_id, industry_code, size_class, star_level))"
	" WITHOUT ROWID;"

	"CREATE TABLE question_stat ("
	" run_id INTEGER NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,"
	" industry_code TEXT NOT NULL, size_class TEXT NOT NULL,"
	" star_level TEXT NOT NULL, question_no INTEGER NOT NULL,"
	" n INTEGER NOT NULL, implemented INTEGER NOT NULL,"
	" partial INTEGER NOT NULL, not_implemented INTEGER NOT NULL,"
	" unknown INTEGER NOT NULL, na INTEGER NOT NULL,"
	" implemented_rate REAL, mean_points REAL,"
	" rank INTEGER NOT NULL, below_overall INTEGER NOT NULL,"
	" PRIMARY KEY (run_id, industry_code, size_class, star_level,"
	"  question_no)) WITHOUT ROWID;"

	/* score histogram per group: percentiles of a company among peers */
	"CREATE TABLE score_hist ("
	" run_id INTEGER NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,"
	" industry_code TEXT NOT NULL, size_class TEXT NOT NULL,"
	" star_level TEXT NOT NULL, score INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (run_id, industry_code, size_class, star_level, score))"
	" WITHOUT ROWID;"

	/* companies as of the latest run, rewritten by aggregate */
	"CREATE TABLE company ("
	" company_key TEXT PRIMARY KEY,"
	" company_name TEXT, corporate_number TEXT,"
	" industry_code TEXT NOT NULL, size_class TEXT NOT NULL,"
	" star_level TEXT NOT NULL, submitted_at TEXT NOT NULL,"
	" answers TEXT NOT NULL, n_departments INTEGER NOT NULL,"
	" complete INTEGER NOT NULL, total_score INTEGER, band TEXT,"
	" as_of TEXT NOT NULL) WITHOUT ROWID;"

	"CREATE VIEW responses AS SELECT"
	" r.response_id, r.company_key, r.company_name, r.corporate_number,"
	" r.industry_code, r.industry_raw, r.size_class, r.star_level,"
	" NULLIF(r.department, '') AS department, r.submitted_at,"
	" r.n_missing = 0 AS complete,"
	" CASE WHEN r.n_missing = 0 THEN r.base_score + 4 * r.n_na END"
	"  AS total_score,"
	" r.n_unknown, r.n_na, f.path AS source_file, r.line AS source_line,"
	" r.superseded"
	" FROM response r JOIN file f USING (file_id);"

	"CREATE VIEW answers AS SELECT"
	" r.response_id, q.question_no,"
	" CASE substr(r.answers, q.question_no, 1)"
	"  WHEN 'I' THEN 'implemented' WHEN 'P' THEN 'partial'"
	"  WHEN 'N' THEN 'not_implemented' WHEN 'U' THEN 'unknown'"
	"  WHEN 'A' THEN 'na' END AS answer,"
	" CASE substr(r.answers, q.question_no, 1)"
	"  WHEN 'I' THEN 4 WHEN 'P' THEN 2 WHEN 'N' THEN 0 WHEN 'U' THEN -1"
	"  WHEN 'A' THEN 4 END AS points"
	" FROM response r CROSS JOIN question q;"

	"CREATE VIEW files AS SELECT file_id, path, sha256, bytes, encoding,"
	" status, rows_read, rows_new, rows_duplicate, rows_rejected, reason,"
	" imported_at, dialect, header_line FROM file;"

	"CREATE VIEW rejects AS SELECT r.file_id, f.path, r.line, r.reason,"
	" r.raw, r.col FROM reject r JOIN file f USING (file_id);"

	"CREATE VIEW companies AS SELECT company_key, company_name,"
	" industry_code, size_class, star_level, submitted_at, complete,"
	" total_score, band, corporate_number, n_departments, as_of"
	" FROM company;"

	"CREATE VIEW runs AS SELECT run_id, as_of, created_at, n_companies,"
	" n_incomplete, min_group, na_points FROM run;"

	"CREATE VIEW group_stats AS SELECT g.run_id, r.as_of,"
	" g.industry_code, g.size_class, g.star_level, g.n, g.n_incomplete,"
	" g.mean, g.sd, g.median, g.p25, g.p75, g.min, g.max,"
	" g.band_100, g.band_70_99, g.band_50_69, g.band_le49,"
	" g.part1_mean, g.part2_mean, g.part3_mean, g.suppressed"
	" FROM group_stat g JOIN run r USING (run_id);"

	"CREATE VIEW question_stats AS SELECT q.run_id, r.as_of,"
	" q.industry_code, q.size_class, q.star_level, q.question_no, q.n,"
	" q.implemented, q.partial, q.not_implemented, q.unknown, q.na,"
	" q.implemented_rate, q.mean_points, q.rank, q.below_overall"
	" FROM question_stat q JOIN run r USING (run_id);"

	"CREATE VIEW current_group_stats AS SELECT * FROM group_stats"
	" WHERE as_of = (SELECT max(as_of) FROM run);"
	"CREATE VIEW current_question_stats AS SELECT * FROM question_stats"
	" WHERE as_of = (SELECT max(as_of) FROM run);";

/*
 * v2: response clustered on its identity (WITHOUT ROWID), which drops the
 * index response_identity: ingest's inserts in identity order touch one
 * B-tree instead of two, and aggregate's ordered scan reads the table in
 * the order it is stored instead of jumping from the index to each row.
 * response_id becomes the last part of the key (the versions of a
 * response in the order they were stored) and comes from next_id, as
 * nothing else can give the highest id without a scan.  The views are
 * left alone: they name the table, which keeps its name and columns
 * (legacy_alter_table, so that renaming does not rewrite them).
 */
static const char schema_v2[] =
	"CREATE TABLE response_v2 ("
	" response_id INTEGER NOT NULL,"
	" company_key TEXT NOT NULL,"
	" department TEXT NOT NULL DEFAULT '',"
	" submitted_at TEXT NOT NULL,"
	" company_name TEXT, corporate_number TEXT,"
	" industry_code TEXT NOT NULL, industry_raw TEXT,"
	" size_class TEXT NOT NULL, star_level TEXT NOT NULL,"
	" answers TEXT NOT NULL,"
	" base_score INTEGER NOT NULL,"
	" n_unknown INTEGER NOT NULL, n_na INTEGER NOT NULL,"
	" n_missing INTEGER NOT NULL,"
	" file_id INTEGER NOT NULL REFERENCES file (file_id),"
	" line INTEGER NOT NULL,"
	" superseded INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (company_key, department, submitted_at, response_id))"
	" WITHOUT ROWID;"
	"INSERT INTO response_v2 SELECT * FROM response"
	" ORDER BY company_key, department, submitted_at, response_id;"
	"CREATE TABLE next_id (name TEXT PRIMARY KEY, id INTEGER NOT NULL)"
	" WITHOUT ROWID;"
	"INSERT INTO next_id SELECT 'response', coalesce(max(response_id), 0)"
	" + 1 FROM response;"
	"DROP TABLE response;"
	"PRAGMA legacy_alter_table = ON;"
	"ALTER TABLE response_v2 RENAME TO response;"
	"PRAGMA legacy_alter_table = OFF;";

/*
 * v3: file.time_source says where the answer times of a file came from:
 * 'column' (its time column), 'filename' (a date in the name of a file
 * without one) or 'mtime' (neither: the file's modification time).  NULL
 * for a file not read (rejected, skipped) and for files recorded before
 * v3, whose source nobody noted.  The files view shows it last.
 */
static const char schema_v3[] =
	"ALTER TABLE file ADD COLUMN time_source TEXT CHECK (time_source IN"
	" ('column', 'filename', 'mtime'));"
	"DROP VIEW files;"
	"CREATE VIEW files AS SELECT file_id, path, sha256, bytes, encoding,"
	" status, rows_read, rows_new, rows_duplicate, rows_rejected, reason,"
	" imported_at, dialect, header_line, time_source FROM file;";

/*
 * v4: pooled runs (aggregate --pool) beside local ones.  run gains kind
 * ('local' or 'pooled') and is unique per (as_of, kind), so a date has at
 * most one run of each kind; run_org lists the organisations behind a
 * pooled run.  SQLite cannot change a UNIQUE constraint in place, so run
 * is rebuilt, with foreign keys off (migrate turns them off) so that
 * dropping the old table does not cascade into the rows that point at
 * it.  The public views keep their meaning: group_stats, question_stats
 * and the current_ views show local runs only, the pooled figures have
 * views of their own, and runs shows every run with its kind.
 */
static const char schema_v4[] =
	"DROP VIEW runs;"
	"DROP VIEW current_group_stats;"
	"DROP VIEW current_question_stats;"
	"DROP VIEW group_stats;"
	"DROP VIEW question_stats;"
	"CREATE TABLE run_v3 ("
	" run_id INTEGER PRIMARY KEY,"
	" as_of TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" n_companies INTEGER NOT NULL, n_incomplete INTEGER NOT NULL,"
	" min_group INTEGER NOT NULL, na_points INTEGER NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'local'"
	"  CHECK (kind IN ('local', 'pooled')),"
	" UNIQUE (as_of, kind));"
	"INSERT INTO run_v3 (run_id, as_of, created_at, n_companies,"
	" n_incomplete, min_group, na_points) SELECT run_id, as_of,"
	" created_at, n_companies, n_incomplete, min_group, na_points"
	" FROM run;"
	"DROP TABLE run;"
	"PRAGMA legacy_alter_table = ON;"
	"ALTER TABLE run_v3 RENAME TO run;"
	"PRAGMA legacy_alter_table = OFF;"

	"CREATE TABLE run_org ("
	" run_id INTEGER NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,"
	" org TEXT NOT NULL,"
	" n_companies INTEGER NOT NULL, n_incomplete INTEGER NOT NULL,"
	" PRIMARY KEY (run_id, org)) WITHOUT ROWID;"

	"CREATE VIEW runs AS SELECT r.run_id, r.as_of, r.created_at,"
	" r.n_companies, r.n_incomplete, r.min_group, r.na_points, r.kind,"
	" (SELECT count(*) FROM run_org o WHERE o.run_id = r.run_id)"
	"  AS n_orgs,"
	" (SELECT group_concat(o.org, ',') FROM run_org o"
	"  WHERE o.run_id = r.run_id) AS orgs"
	" FROM run r;"

	"CREATE VIEW group_stats AS SELECT g.run_id, r.as_of,"
	" g.industry_code, g.size_class, g.star_level, g.n, g.n_incomplete,"
	" g.mean, g.sd, g.median, g.p25, g.p75, g.min, g.max,"
	" g.band_100, g.band_70_99, g.band_50_69, g.band_le49,"
	" g.part1_mean, g.part2_mean, g.part3_mean, g.suppressed"
	" FROM group_stat g JOIN run r USING (run_id)"
	" WHERE r.kind = 'local';"
	"CREATE VIEW question_stats AS SELECT q.run_id, r.as_of,"
	" q.industry_code, q.size_class, q.star_level, q.question_no, q.n,"
	" q.implemented, q.partial, q.not_implemented, q.unknown, q.na,"
	" q.implemented_rate, q.mean_points, q.rank, q.below_overall"
	" FROM question_stat q JOIN run r USING (run_id)"
	" WHERE r.kind = 'local';"
	"CREATE VIEW current_group_stats AS SELECT * FROM group_stats"
	" WHERE as_of = (SELECT max(as_of) FROM run WHERE kind = 'local');"
	"CREATE VIEW current_question_stats AS SELECT * FROM question_stats"
	" WHERE as_of = (SELECT max(as_of) FROM run WHERE kind = 'local');"

	"CREATE VIEW pooled_group_stats AS SELECT g.run_id, r.as_of,"
	" g.industry_code, g.size_class, g.star_level, g.n, g.n_incomplete,"
	" g.mean, g.sd, g.median, g.p25, g.p75, g.min, g.max,"
	" g.band_100, g.band_70_99, g.band_50_69, g.band_le49,"
	" g.part1_mean, g.part2_mean, g.part3_mean, g.suppressed"
	" FROM group_stat g JOIN run r USING (run_id)"
	" WHERE r.kind = 'pooled';"
	"CREATE VIEW pooled_question_stats AS SELECT q.run_id, r.as_of,"
	" q.industry_code, q.size_class, q.star_level, q.question_no, q.n,"
	" q.implemented, q.partial, q.not_implemented, q.unknown, q.na,"
	" q.implemented_rate, q.mean_points, q.rank, q.below_overall"
	" FROM question_stat q JOIN run r USING (run_id)"
	" WHERE r.kind = 'pooled';";

/*
 * v5: what an incremental aggregate needs (aggregate/run.c).
 * - response_seq finds the responses stored since a run (response_id
 *   above its high-water mark) without a scan; ids only grow, so ingest
 *   appends to it.
 * - cube_state holds the integer state of the latest run's cube, one row
 *   tied to its run: replacing or deleting the run drops it (a trigger,
 *   as the foreign key only acts where foreign_keys is on).
 * - cube_dirty collects the companies whose stored responses were
 *   changed or deleted in place (ingest's supersession, a hand edit),
 *   which the high-water mark cannot see.  The company table has no
 *   such trigger: one firing per row doubled the cost of a first run at
 *   1M companies; aggregate checks each row it reads back instead.
 * - the companies view takes as_of from the latest local run, so that
 *   a run with a new date need not rewrite every company row to restamp
 *   it; company.as_of now says which run last wrote the row.
 */
static const char schema_v5[] =
	"CREATE INDEX response_seq ON response (response_id);"
	"CREATE TABLE cube_state ("
	" run_id INTEGER PRIMARY KEY REFERENCES run (run_id)"
	"  ON DELETE CASCADE,"
	" as_of TEXT NOT NULL, created_at TEXT NOT NULL,"
	" high_id INTEGER NOT NULL, pending TEXT,"
	" na_points INTEGER NOT NULL, min_group INTEGER NOT NULL,"
	" format INTEGER NOT NULL, cells BLOB NOT NULL);"
	"CREATE TABLE cube_dirty (company_key TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TRIGGER run_forget AFTER DELETE ON run"
	" BEGIN DELETE FROM cube_state WHERE run_id = old.run_id; END;"
	"CREATE TRIGGER response_edit AFTER UPDATE ON response BEGIN"
	" INSERT OR IGNORE INTO cube_dirty VALUES (old.company_key),"
	"  (new.company_key); END;"
	"CREATE TRIGGER response_drop AFTER DELETE ON response BEGIN"
	" INSERT OR IGNORE INTO cube_dirty VALUES (old.company_key); END;"
	"DROP VIEW companies;"
	"CREATE VIEW companies AS SELECT company_key, company_name,"
	" industry_code, size_class, star_level, submitted_at, complete,"
	" total_score, band, corporate_number, n_departments,"
	" (SELECT max(as_of) FROM run WHERE kind = 'local') AS as_of"
	" FROM company;";

/*
 * v6: file.archive is 1 for a zip archive's own row, which is there for
 * the archive's SHA-256 (an archive seen again is skipped) and holds no
 * rows of its own: its members, 'archive.zip:member.csv', hold them.
 * Before v6 the archive's row repeated its members' sums, so that a sum
 * over the files view counted each row twice; an archive row of an older
 * database (one with member rows before it) is marked and its copies of
 * the sums are zeroed.  The files view shows the flag last.
 */
static const char schema_v6[] =
	"ALTER TABLE file ADD COLUMN archive INTEGER NOT NULL DEFAULT 0"
	" CHECK (archive IN (0, 1));"
	"UPDATE file SET archive = 1, rows_read = 0, rows_new = 0,"
	" rows_duplicate = 0, rows_rejected = 0"
	" WHERE status IN ('imported', 'partial') AND EXISTS (SELECT 1"
	"  FROM file m WHERE m.file_id < file.file_id"
	"  AND substr(m.path, 1, length(file.path) + 1) = file.path || ':');"
	"DROP VIEW files;"
	"CREATE VIEW files AS SELECT file_id, path, sha256, bytes, encoding,"
	" status, rows_read, rows_new, rows_duplicate, rows_rejected, reason,"
	" imported_at, dialect, header_line, time_source, archive FROM file;";

/*
 * v7: the responses and answers views count 該当しない at the na_points
 * of the latest local run (aggregate --na-points), so that a response's
 * total_score there is the one the companies view and the reports show;
 * before any run, at ANSWER_NA_POINTS.  They had it fixed at 4, which an
 * aggregate with another setting never reached.  The answer column keeps
 * the raw code ('na') for whoever wants their own points.
 */
#define NA_POINTS_SQL "coalesce((SELECT na_points FROM run" \
	" WHERE kind = 'local' ORDER BY as_of DESC LIMIT 1), " \
	DB_STR(ANSWER_NA_POINTS) ")"
#define DB_STR(x) DB_STR_(x)
#define DB_STR_(x) #x
static const char schema_v7[] =
	"DROP VIEW responses;"
	"DROP VIEW answers;"
	"CREATE VIEW responses AS SELECT"
	" r.response_id, r.company_key, r.company_name, r.corporate_number,"
	" r.industry_code, r.industry_raw, r.size_class, r.star_level,"
	" NULLIF(r.department, '') AS department, r.submitted_at,"
	" r.n_missing = 0 AS complete,"
	" CASE WHEN r.n_missing = 0 THEN r.base_score + " NA_POINTS_SQL
	"  * r.n_na END AS total_score,"
	" r.n_unknown, r.n_na, f.path AS source_file, r.line AS source_line,"
	" r.superseded"
	" FROM response r JOIN file f USING (file_id);"
	"CREATE VIEW answers AS SELECT"
	" r.response_id, q.question_no,"
	" CASE substr(r.answers, q.question_no, 1)"
	"  WHEN 'I' THEN 'implemented' WHEN 'P' THEN 'partial'"
	"  WHEN 'N' THEN 'not_implemented' WHEN 'U' THEN 'unknown'"
	"  WHEN 'A' THEN 'na' END AS answer,"
	" CASE substr(r.answers, q.question_no, 1)"
	"  WHEN 'I' THEN 4 WHEN 'P' THEN 2 WHEN 'N' THEN 0 WHEN 'U' THEN -1"
	"  WHEN 'A' THEN " NA_POINTS_SQL " END AS points"
	" FROM response r CROSS JOIN question q;";

/*
 * v8: response.company_reading, the reading of the company name
 * (会社名（フリガナ）) as the export wrote it, NULL where it had none;
 * it is no part of a response's identity.  Responses stored before v8
 * have none.  The responses view shows it last.
 */
static const char schema_v8[] =
	"ALTER TABLE response ADD COLUMN company_reading TEXT;"
	"DROP VIEW responses;"
	"CREATE VIEW responses AS SELECT"
	" r.response_id, r.company_key, r.company_name, r.corporate_number,"
	" r.industry_code, r.industry_raw, r.size_class, r.star_level,"
	" NULLIF(r.department, '') AS department, r.submitted_at,"
	" r.n_missing = 0 AS complete,"
	" CASE WHEN r.n_missing = 0 THEN r.base_score + " NA_POINTS_SQL
	"  * r.n_na END AS total_score,"
	" r.n_unknown, r.n_na, f.path AS source_file, r.line AS source_line,"
	" r.superseded, r.company_reading"
	" FROM response r JOIN file f USING (file_id);";

static const char *const migrations[DB_SCHEMA_VERSION] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
};

const char *
db_default_path(void)
{
	const char *p = getenv("SHINDAN_DB");

	return p && *p ? p : "shindan.db";
}

int
db_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("database: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
db_prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

/* Take the write lock, waiting up to the busy timeout; sqlite's code. */
static int
begin_immediate(sqlite3 *db)
{
	return sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
}

int
db_begin(sqlite3 *db)
{
	int rc = begin_immediate(db);

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return DB_BUSY;
	if (rc != SQLITE_OK)
		return error("database: %s", sqlite3_errmsg(db));
	return 0;
}

int
db_commit(sqlite3 *db)
{
	return db_exec(db, "COMMIT");
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

void
db_now(char buf[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
fill_questions(sqlite3 *db)
{
	sqlite3_stmt *st;
	int i, rc = 0;

	if (db_prepare(db, &st, "INSERT INTO question VALUES (?, ?, ?, ?)"))
		return -1;
	for (i = 1; i <= NQUESTIONS && rc == 0; i++) {
		const struct question *q = catalogue_question(i);

		sqlite3_bind_int(st, 1, q->no);
		sqlite3_bind_int(st, 2, q->part);
		sqlite3_bind_text(st, 3, q->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, q->text, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = error("database: %s", sqlite3_errmsg(db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (db_prepare(db, &st, "PRAGMA user_version"))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 1 when the database holds no table, view, index or trigger. */
static int
db_empty(sqlite3 *db)
{
	sqlite3_stmt *st;
	int n = -1;

	if (db_prepare(db, &st, "SELECT count(*) FROM sqlite_master"))
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n == 0;
}

/* Bring the schema to DB_SCHEMA_VERSION, one migration a transaction. */
static int
migrate(sqlite3 *db, const char *path, int *busy)
{
	char sql[64];
	int v, rc;

	/* a table rebuilt in a migration must not cascade (v3); the
	   pragma is a no-op inside a transaction, so it goes around them */
	if (db_exec(db, "PRAGMA foreign_keys = OFF"))
		return -1;
	for (;;) {
		if ((rc = db_begin(db)) != 0) {
			db_exec(db, "PRAGMA foreign_keys = ON");
			if (rc == DB_BUSY && busy)
				*busy = 1;
			return rc == DB_BUSY ?
			       error("'%s': locked by another run", path) : -1;
		}
		if ((v = user_version(db)) < 0)
			goto fail;
		if (v == 0 && !db_empty(db)) {
			/* never add our tables to someone else's database */
			error("not a shindan database: %s", path);
			goto fail;
		}
		if (v > DB_SCHEMA_VERSION) {
			error("'%s': schema version %d is newer than this "
			      "program's %d", path, v, DB_SCHEMA_VERSION);
			goto fail;
		}
		if (v == DB_SCHEMA_VERSION)
			break;
		if (db_exec(db, migrations[v]))
			goto fail;
		if (v == 0 && fill_questions(db))
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if (db_exec(db, sql) || db_commit(db))
			goto fail;
	}
	db_rollback(db);
	return db_exec(db, "PRAGMA foreign_keys = ON");
fail:
	db_rollback(db);
	db_exec(db, "PRAGMA foreign_keys = ON");
	return -1;
}

/*
 * sqlite3_open_v2 with what every connection shares: no mutex (one thread
 * uses a connection at a time), the busy timeout, plain result codes.
 * Returns sqlite's code; *db may be set even on failure.
 */
static int
db_connect(const char *path, int flags, sqlite3 **db)
{
	int rc = sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(*db, BUSY_TIMEOUT_MS);
		sqlite3_extended_result_codes(*db, 0);
	}
	return rc;
}

sqlite3 *
db_open(const char *path, enum db_mode mode, int *busy)
{
	sqlite3 *db = NULL;
	int v;
	int flags = mode == DB_WRITE ? SQLITE_OPEN_READWRITE :
		    SQLITE_OPEN_READONLY;

	if (busy)
		*busy = 0;
	if (mode == DB_WRITE && strcmp(path, ":memory:") != 0) {
		/* create it 0600 ourselves: sqlite would honour the umask */
		int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			      0600);

		if (fd < 0) {
			/* an existing file we may not write is not "create"
			   (a planted link is refused by O_NOFOLLOW: ELOOP) */
			int e = errno;
			int there = e != ELOOP && access(path, F_OK) == 0;

			errno = e;
			error(there ? "'%s': cannot write:" :
			      "'%s': cannot create:", path);
			return NULL;
		}
		close(fd);
	} else if (mode == DB_READ && access(path, F_OK) != 0) {
		error("'%s': no database here (run ingest first)", path);
		return NULL;
	}
	if (db_connect(path, flags, &db) != SQLITE_OK) {
		error("'%s': %s", path, db ? sqlite3_errmsg(db) : "no memory");
		goto fail;
	}
	if (sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL,
			 NULL) == SQLITE_NOTADB) {
		error("'%s': file is not a database", path);
		goto fail;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON"))
		goto fail;
	if (mode == DB_WRITE) {
		if (db_exec(db, "PRAGMA journal_mode = WAL") ||
		    db_exec(db, "PRAGMA synchronous = NORMAL"))
			goto fail;
		if (migrate(db, path, busy))
			goto fail;
	} else if ((v = user_version(db)) <= 0) {
		error("not a shindan database: %s", path);
		goto fail;
	} else if (v != DB_SCHEMA_VERSION) {
		error("'%s': schema version %d, not this program's %d (run "
		      "ingest to migrate it)", path, v, DB_SCHEMA_VERSION);
		goto fail;
	}
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}

int
db_journal(sqlite3 *db, const char *mode)
{
	sqlite3_stmt *st;
	char sql[48];
	int rc;

	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
	if (db_prepare(db, &st, sql))
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = strcasecmp((const char *)sqlite3_column_text(st, 0),
				mode) == 0;
	else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		rc = 0;		/* another connection reads: no change */
	else
		rc = error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

void
db_close(sqlite3 *db)
{
	if (db)
		sqlite3_close(db);
}

sqlite3 *
db_lock(const char *path, char *why, size_t cap)
{
	sqlite3 *db = NULL;

	if (db_connect(path, SQLITE_OPEN_READWRITE, &db) == SQLITE_OK &&
	    begin_immediate(db) == SQLITE_OK)
		return db;
	snprintf(why, cap, "%s", db ? sqlite3_errmsg(db) : "no memory");
	sqlite3_close(db);
	return NULL;
}

void
db_unlock(sqlite3 *lock)
{
	if (lock) {
		db_rollback(lock);
		sqlite3_close(lock);
	}
}
