/*
 * schema.c — the database schema and its migrations.
 *
 * The schema version lives in PRAGMA user_version and the file is marked as
 * jixiao's by PRAGMA application_id. Each migration is one SQL script that
 * takes version N-1 to N; they run in order inside one transaction, so a
 * failure leaves the file as it was. A file with a higher version than this
 * program knows is refused, never altered.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdbool.h>
#include <stdio.h>

#include "core/digest.h"
#include "core/i18n.h"
#include "store/schema.h"

/* Common columns of every record: optimistic locking and timestamps. */
#define JX_RECORD_COLUMNS \
	" version INTEGER NOT NULL DEFAULT 1," \
	" created_at TEXT NOT NULL," \
	" updated_at TEXT NOT NULL"

static const char *const migrations[] = {
	/* 0 -> 1: the records of DESIGN.md. */
	"CREATE TABLE department ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" code TEXT UNIQUE,"
	" name TEXT NOT NULL,"
	" name_key TEXT NOT NULL,"
	" competent TEXT,"
	JX_RECORD_COLUMNS ");"
	"CREATE INDEX department_by_name ON department(name, id);"
	"CREATE INDEX department_by_key ON department(name_key);"

	"CREATE TABLE dept_year ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" department_id INTEGER NOT NULL REFERENCES department(id)"
	"  ON DELETE CASCADE,"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),"
	" framework TEXT, source TEXT, note TEXT, goals TEXT, measures TEXT,"
	JX_RECORD_COLUMNS ","
	" UNIQUE (department_id, year));"

	"CREATE TABLE subgoal ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" dept_year_id INTEGER NOT NULL REFERENCES dept_year(id)"
	"  ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" title TEXT NOT NULL, goal TEXT, indicator TEXT,"
	JX_RECORD_COLUMNS ");"
	"CREATE INDEX subgoal_by_year ON subgoal(dept_year_id, seq, id);"

	/* Money columns are integer yuan; NULL is a blank cell. */
	"CREATE TABLE project ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" dept_year_id INTEGER NOT NULL REFERENCES dept_year(id)"
	"  ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" code TEXT, name TEXT NOT NULL, name_key TEXT NOT NULL, title TEXT,"
	" competent TEXT, unit TEXT, attribute TEXT, category TEXT, period TEXT,"
	" period_total INTEGER, period_fiscal INTEGER, period_other INTEGER,"
	" annual_total INTEGER, annual_fiscal INTEGER, annual_other INTEGER,"
	" purpose TEXT, period_goal TEXT, annual_goal TEXT, goal TEXT, note TEXT,"
	JX_RECORD_COLUMNS ");"
	"CREATE INDEX project_by_year ON project(dept_year_id, seq, id);"
	"CREATE INDEX project_by_code ON project(code);"
	"CREATE INDEX project_by_key ON project(name_key);"

	/* Spending plan: ordered checkpoints, part of their project. */
	"CREATE TABLE checkpoint ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" label TEXT NOT NULL, percent TEXT);"
	"CREATE INDEX checkpoint_by_project ON checkpoint(project_id, seq, id);"

	/* target is kept as written; t_* is its parsed form (core/target.h),
	 * stored so that checks and comparisons can query it. */
	"CREATE TABLE indicator ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" level1 TEXT NOT NULL, level2 TEXT NOT NULL, name TEXT NOT NULL,"
	" description TEXT, target TEXT NOT NULL, basis TEXT,"
	" t_kind INTEGER NOT NULL, t_cmp INTEGER NOT NULL, t_value INTEGER,"
	" t_unit TEXT, t_year INTEGER, t_month INTEGER, t_day INTEGER,"
	" t_word TEXT, t_warn INTEGER NOT NULL DEFAULT 0,"
	JX_RECORD_COLUMNS ");"
	"CREATE INDEX indicator_by_project ON indicator(project_id, seq, id);"

	/* Who changed what, written in the same transaction as the change. */
	"CREATE TABLE change_log ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,"
	" tbl TEXT NOT NULL, record_id INTEGER, field TEXT, old TEXT, new TEXT);"
	"CREATE INDEX change_by_record ON change_log(tbl, record_id, id);",

	/* 1 -> 2: manual links between a project and its predecessor in an
	 * earlier year, for projects renamed and re-coded. Keyed by what
	 * identifies a project across imports (its code, else its normalised
	 * name), not by row ids, so that a link survives `import --replace`. */
	"CREATE TABLE project_link ("
	" department_id INTEGER NOT NULL REFERENCES department(id)"
	"  ON DELETE CASCADE,"
	" year INTEGER NOT NULL,"
	" project_key TEXT NOT NULL,"
	" predecessor_year INTEGER NOT NULL,"
	" predecessor_key TEXT NOT NULL,"
	" created_at TEXT NOT NULL, who TEXT NOT NULL,"
	" PRIMARY KEY (department_id, year, project_key));",

	/* 2 -> 3: a trigram index over the text a search looks at, so that
	 * "which indicators mention 满意度" is answered from an index, not a
	 * scan of every row. External content (no second copy of the text),
	 * kept by triggers in the same transaction as every change, and
	 * case-sensitive like the instr() it stands in for. */
	"CREATE VIRTUAL TABLE indicator_fts USING fts5(name, target,"
	" description, basis, content='indicator', content_rowid='id',"
	" tokenize='trigram case_sensitive 1');"
	"CREATE TRIGGER indicator_fts_insert AFTER INSERT ON indicator BEGIN"
	" INSERT INTO indicator_fts(rowid, name, target, description, basis)"
	" VALUES (new.id, new.name, new.target, new.description, new.basis);"
	" END;"
	"CREATE TRIGGER indicator_fts_delete AFTER DELETE ON indicator BEGIN"
	" INSERT INTO indicator_fts(indicator_fts, rowid, name, target,"
	" description, basis) VALUES ('delete', old.id, old.name, old.target,"
	" old.description, old.basis);"
	" END;"
	"CREATE TRIGGER indicator_fts_update AFTER UPDATE ON indicator BEGIN"
	" INSERT INTO indicator_fts(indicator_fts, rowid, name, target,"
	" description, basis) VALUES ('delete', old.id, old.name, old.target,"
	" old.description, old.basis);"
	" INSERT INTO indicator_fts(rowid, name, target, description, basis)"
	" VALUES (new.id, new.name, new.target, new.description, new.basis);"
	" END;"
	"INSERT INTO indicator_fts(indicator_fts) VALUES ('rebuild');",

	/* 3 -> 4: new indicators are indexed by the store, one statement per
	 * department-year, not by a trigger per row: FTS5 writes its pending
	 * terms out at every statement, so a row trigger made an import four
	 * times slower. (Deletes and updates keep their triggers.) */
	"DROP TRIGGER indicator_fts_insert;",

	/* 4 -> 5: editing. A project copied into a new year is not reviewed
	 * until saved from a form. Change-log rows carry what the record was
	 * called and where it was (label, department, year, project), so
	 * that history reads well after the record is deleted; rows already
	 * there get what can still be found. Drafts keep forms of a program
	 * that was stopped, as the form wrote them. The search index is
	 * only touched when indexed text changes, not when an edit moves
	 * rows (seq) or raises versions. */
	"ALTER TABLE project ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE change_log ADD COLUMN label TEXT;"
	"ALTER TABLE change_log ADD COLUMN dept_year_id INTEGER;"
	"ALTER TABLE change_log ADD COLUMN project_id INTEGER;"
	"ALTER TABLE change_log ADD COLUMN department_id INTEGER;"
	"UPDATE change_log SET dept_year_id = record_id,"
	" label = (SELECT d.name || ' ' || y.year FROM dept_year y"
	"  JOIN department d ON d.id = y.department_id"
	"  WHERE y.id = change_log.record_id)"
	" WHERE tbl = 'dept_year';"
	"UPDATE change_log SET project_id = record_id,"
	" dept_year_id = (SELECT dept_year_id FROM project"
	"  WHERE id = change_log.record_id),"
	" label = (SELECT name FROM project WHERE id = change_log.record_id)"
	" WHERE tbl = 'project';"
	"UPDATE change_log SET label = (SELECT name FROM department"
	"  WHERE id = change_log.record_id) WHERE tbl = 'department';"
	"UPDATE change_log SET department_id = CASE WHEN tbl = 'department'"
	" THEN record_id ELSE (SELECT department_id FROM dept_year"
	"  WHERE id = change_log.dept_year_id) END;"
	"CREATE INDEX change_by_year ON change_log(dept_year_id, id);"
	"CREATE INDEX change_by_department ON change_log(department_id, id);"
	"CREATE INDEX change_by_project ON change_log(project_id, id);"
	"CREATE TABLE draft ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" who TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,"
	" record_id INTEGER, parent_id INTEGER, after_id INTEGER,"
	" base_version INTEGER, body BLOB);"
	"CREATE INDEX draft_by_who ON draft(who, id);"
	"DROP TRIGGER indicator_fts_update;"
	"CREATE TRIGGER indicator_fts_update AFTER UPDATE OF name, target,"
	" description, basis ON indicator BEGIN"
	" INSERT INTO indicator_fts(indicator_fts, rowid, name, target,"
	" description, basis) VALUES ('delete', old.id, old.name, old.target,"
	" old.description, old.basis);"
	" INSERT INTO indicator_fts(rowid, name, target, description, basis)"
	" VALUES (new.id, new.name, new.target, new.description, new.basis);"
	" END;",

	/* 5 -> 6: each project carries the digest of its indicators
	 * (core/digest.h), kept by every write, so that comparing years reads
	 * the indicators only of pairs whose digests differ. NULL is "not
	 * known" and makes the comparison read them; fill_digests gives the
	 * rows already there theirs. */
	"ALTER TABLE project ADD COLUMN digest INTEGER;",

	/* 6 -> 7: the search index without the size of every column of
	 * every row (columnsize=0). Nothing ranks or sizes matches (a search
	 * lists them in record order), and writing the sizes was a third of
	 * building the index, the part of an import nothing can overlap. */
	"DROP TABLE indicator_fts;"
	"CREATE VIRTUAL TABLE indicator_fts USING fts5(name, target,"
	" description, basis, content='indicator', content_rowid='id',"
	" tokenize='trigram case_sensitive 1', columnsize=0);"
	"INSERT INTO indicator_fts(indicator_fts) VALUES ('rebuild');",
};

/* A step of a migration that SQL alone cannot do, run right after the
 * script of the same index (NULL: none). */
typedef enum jx_status (*migrate_fn)(sqlite3 *db, const char *path,
				     struct jx_error *err);
static enum jx_status fill_digests(sqlite3 *db, const char *path,
				   struct jx_error *err);
static const migrate_fn migrate_steps[] = {
	NULL, NULL, NULL, NULL, NULL, fill_digests, NULL,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))
_Static_assert(sizeof migrations / sizeof migrations[0] == JX_SCHEMA_VERSION,
	       "one migration per schema version");
_Static_assert(sizeof migrate_steps / sizeof migrate_steps[0] ==
	       JX_SCHEMA_VERSION, "one (or no) step per schema version");

static int
pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
	sqlite3_finalize(s);
	return rc;
}

static int
count_tables(sqlite3 *db, int *out)
{
	return pragma_int(db, "SELECT count(*) FROM sqlite_schema"
			  " WHERE type = 'table'", out);
}

/* Reads version and ownership. Sets *fresh when the file holds nothing yet
 * (a new file, or an SQLite file with no tables and no marks). */
static enum jx_status
inspect(sqlite3 *db, const char *path, int *version, int *fresh,
	struct jx_error *err)
{
	int app = 0, tables = 0;
	int rc = pragma_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = count_tables(db, &tables);
	if (rc == SQLITE_NOTADB)
		return jx_error_set(err, JX_NOTDB,
				    _("%s: not an SQLite database"), path);
	if (rc != SQLITE_OK)
		return jx_error_set(err, JX_DB, _("%s: %s"), path,
				    sqlite3_errmsg(db));
	*fresh = app == 0 && *version == 0 && tables == 0;
	if (!*fresh && app != JX_APPLICATION_ID)
		return jx_error_set(err, JX_NOTDB,
				    _("%s: an SQLite database, but not a jixiao one"
				    " (it has %d tables of another program)"),
				    path, tables);
	if (*version > JX_SCHEMA_VERSION)
		return jx_error_set(err, JX_TOONEW,
				    _("%s: written by a newer jixiao (schema %d;"
				    " this program knows up to %d); not opened,"
				    " nothing changed"), path, *version,
				    JX_SCHEMA_VERSION);
	return JX_OK;
}

enum jx_status
jx_schema_check(sqlite3 *db, const char *path, struct jx_error *err)
{
	int version = 0, fresh = 0;
	enum jx_status rc = inspect(db, path, &version, &fresh, err);
	if (rc != JX_OK)
		return rc;
	if (fresh || version < JX_SCHEMA_VERSION)
		return jx_error_set(err, JX_NOTDB,
				    _("%s: not initialised for this version of"
				    " jixiao (schema %d of %d); open it without"
				    " --read-only or run 'jixiao init'"),
				    path, version, JX_SCHEMA_VERSION);
	return JX_OK;
}

/* ---- 5 -> 6: digests of the projects already there -------------------- */

static bool
put_digest(sqlite3_stmt *wr, int64_t project_id, const struct jx_digest *d)
{
	int step;

	sqlite3_bind_int64(wr, 1, project_id);
	sqlite3_bind_int64(wr, 2, jx_digest_value(d));
	step = sqlite3_step(wr);
	sqlite3_reset(wr);
	return step == SQLITE_DONE;
}

/* Walks rd (indicators in project order) and writes each project's digest
 * with wr. False on a database error. */
static bool
digest_rows(sqlite3_stmt *rd, sqlite3_stmt *wr)
{
	struct jx_digest d;
	int64_t project = 0;
	int step;

	jx_digest_init(&d);
	while ((step = sqlite3_step(rd)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(rd, 0);

		if (id != project) {
			if (project && !put_digest(wr, project, &d))
				return false;
			project = id;
			jx_digest_init(&d);
		}
		jx_digest_add(&d, (const char *)sqlite3_column_text(rd, 1),
			      (const char *)sqlite3_column_text(rd, 2),
			      (const char *)sqlite3_column_text(rd, 3),
			      (const char *)sqlite3_column_text(rd, 4));
	}
	return step == SQLITE_DONE && (!project || put_digest(wr, project, &d));
}

/* Every project gets the digest of its indicators (0 without any), in one
 * pass over the indicators in the order of their index. */
static enum jx_status
fill_digests(sqlite3 *db, const char *path, struct jx_error *err)
{
	sqlite3_stmt *rd = NULL, *wr = NULL;
	bool ok = sqlite3_exec(db, "UPDATE project SET digest = 0", NULL, NULL,
			       NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(db, "SELECT project_id, level1, level2,"
				     " name, target FROM indicator"
				     " ORDER BY project_id, seq, id", -1, &rd,
				     NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(db, "UPDATE project SET digest = ?2"
				     " WHERE id = ?1", -1, &wr, NULL)
		  == SQLITE_OK &&
		  digest_rows(rd, wr);
	enum jx_status rc = ok ? JX_OK
		: jx_error_set(err, JX_DB, _("%s: migrating to schema %d: %s"),
			       path, 6, sqlite3_errmsg(db));

	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	return rc;
}

static enum jx_status
run_migrations(sqlite3 *db, const char *path, int from, struct jx_error *err)
{
	char sql[96];
	for (int v = from; v < N_MIGRATIONS; v++) {
		enum jx_status rc;

		if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK)
			return jx_error_set(err, JX_DB,
					    _("%s: migrating to schema %d: %s"),
					    path, v + 1, sqlite3_errmsg(db));
		if (migrate_steps[v] &&
		    (rc = migrate_steps[v](db, path, err)) != JX_OK)
			return rc;
	}
	snprintf(sql, sizeof sql,
		 "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		 JX_APPLICATION_ID, N_MIGRATIONS);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return jx_error_set(err, JX_DB, _("%s: %s"), path,
				    sqlite3_errmsg(db));
	return JX_OK;
}

enum jx_status
jx_schema_migrate(sqlite3 *db, const char *path, struct jx_error *err)
{
	int version = 0, fresh = 0;
	enum jx_status rc;

	/* Most opens find the schema current: a read tells, without taking
	 * the write lock that a migration needs. */
	rc = inspect(db, path, &version, &fresh, err);
	if (rc != JX_OK || (!fresh && version == JX_SCHEMA_VERSION))
		return rc;
	/* BEGIN IMMEDIATE: two programs opening a new file at once must not
	 * both create the schema. Inspect again inside the lock. */
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return jx_error_set(err, sqlite3_errcode(db) == SQLITE_NOTADB
				    ? JX_NOTDB : JX_DB, _("%s: %s"), path,
				    sqlite3_errcode(db) == SQLITE_NOTADB
				    ? "not an SQLite database"
				    : sqlite3_errmsg(db));
	rc = inspect(db, path, &version, &fresh, err);
	if (rc == JX_OK && version < N_MIGRATIONS)
		rc = run_migrations(db, path, version, err);
	if (rc != JX_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return jx_error_set(err, JX_DB, _("%s: %s"), path,
				    sqlite3_errmsg(db));
	return JX_OK;
}
