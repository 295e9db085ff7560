/*
 * store.c — opening and closing a database, transactions, the statement
 * cache and the change log.
 *
 * Opening checks the file before SQLite sees it, so that a typo, a directory
 * or somebody else's file gives a clear message and nothing is created or
 * changed: SQLite itself would happily create an empty file for a mistyped
 * path, or fail only on the first query of a file that is not a database.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/schema.h"
#include "store/store_internal.h"

static const char *const stmt_sql[JX_STMT_COUNT] = {
#define JX_STMT_SQL(name, sql) [JX_STMT_##name] = sql,
	JX_STMT_LIST(JX_STMT_SQL)
#undef JX_STMT_SQL
};

/* The fields of the 100-byte SQLite file header we look at before SQLite
 * opens the file (all big-endian). */
#define HDR_SIZE 100
#define HDR_WRITE_VERSION 18    /* 2 = WAL */
#define HDR_USER_VERSION 60
#define HDR_APPLICATION_ID 68

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Refuses, from the header alone, what must not be opened at all: opening a
 * WAL-mode file creates -wal and -shm files next to it, and a refused file
 * must be left exactly as it was. */
static enum jx_status
check_header(const char *path, const unsigned char *h, struct jx_error *err)
{
	uint32_t app = be32(h + HDR_APPLICATION_ID);
	uint32_t version = be32(h + HDR_USER_VERSION);

	if (app == JX_APPLICATION_ID && version > JX_SCHEMA_VERSION)
		return jx_error_set(err, JX_TOONEW,
				    _("%s: written by a newer jixiao (schema %u;"
				    " this program knows up to %d); not opened,"
				    " nothing changed"), path, (unsigned)version,
				    JX_SCHEMA_VERSION);
	if (app != JX_APPLICATION_ID && (app != 0 || h[HDR_WRITE_VERSION] == 2))
		return jx_error_set(err, JX_NOTDB, _("%s: an SQLite database,"
				    " but not a jixiao one"), path);
	return JX_OK;
}

/* A file that will be created needs a directory to go in. */
static enum jx_status
check_parent(const char *path, struct jx_error *err)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	struct stat sb;

	if (!slash)
		return JX_OK;
	snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (!*dir || (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)))
		return JX_OK;
	return jx_error_set(err, JX_IO, _("%s: cannot create the database: %s:"
			    " %s"), path, dir, stat(dir, &sb) == 0
			    ? strerror(ENOTDIR) : strerror(errno));
}

/* What is at path, before SQLite opens it. */
static enum jx_status
check_path(const char *path, enum jx_open_mode mode, bool *exists,
	   struct jx_error *err)
{
	static const char magic[16] = "SQLite format 3";
	unsigned char head[HDR_SIZE];
	struct stat sb;
	FILE *f;
	size_t got;

	*exists = stat(path, &sb) == 0;
	if (!*exists) {
		if (errno != ENOENT)
			return jx_error_set(err, JX_IO, _("%s: %s"), path,
					    strerror(errno));
		if (mode != JX_OPEN_CREATE)
			return jx_error_set(err, JX_NOTFOUND,
					    _("%s: no such database (create it"
					    " with 'jixiao --db %s init')"),
					    path, path);
		return check_parent(path, err);
	}
	if (S_ISDIR(sb.st_mode))
		return jx_error_set(err, JX_IO, _("%s: is a directory, not a"
				    " database file"), path);
	f = fopen(path, "rb");
	if (!f)
		return jx_error_set(err, JX_IO, _("%s: %s"), path,
				    strerror(errno));
	got = fread(head, 1, sizeof head, f);
	fclose(f);
	if (got == 0 && sb.st_size == 0)
		return JX_OK;   /* an empty file: initialised like a new one */
	if (got < sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return jx_error_set(err, JX_NOTDB, _("%s: not an SQLite"
				    " database"), path);
	return check_header(path, head, err);
}

static char *
login_name(void)
{
	const char *name = getenv("JIXIAO_USER");
	struct passwd *pw;

	if (!name || !*name)
		name = getenv("USER");
	if ((!name || !*name) && (pw = getpwuid(getuid())) != NULL)
		name = pw->pw_name;
	return jx_strdup(name && *name ? name : "unknown");
}

static enum jx_status
configure(struct jx_store *st, struct jx_error *err)
{
	enum jx_status rc;

	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON;", NULL, NULL,
			 NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB)
			return jx_error_set(err, JX_NOTDB, _("%s: not an SQLite"
					    " database"), st->path);
		return jx_db_error(st, err, "opening");
	}
	rc = st->readonly ? jx_schema_check(st->db, st->path, err)
			  : jx_schema_migrate(st->db, st->path, err);
	/* Only once the file is known to be ours: switching to WAL rewrites
	 * the file header, which would alter somebody else's database or one
	 * written by a newer version. */
	if (rc == JX_OK && !st->readonly &&
	    sqlite3_exec(st->db, "PRAGMA journal_mode = WAL;"
			 " PRAGMA synchronous = NORMAL;", NULL, NULL, NULL)
	    != SQLITE_OK)
		rc = jx_db_error(st, err, "opening");
	return rc;
}

/* SQLite counts the memory it holds under a global mutex at every
 * allocation; nothing here reads those counts, and an import spends about
 * 5 % of its time in that mutex. Only possible before SQLite's first use
 * (later it is refused, harmlessly); stores are opened on one thread. */
static void
no_memory_statistics(void)
{
	static bool done;

	if (!done)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = true;
}

enum jx_status
jx_store_open(const char *path, enum jx_open_mode mode,
	      struct jx_store **out, struct jx_error *err)
{
	struct jx_store *st;
	bool exists;
	int flags;
	enum jx_status rc;

	*out = NULL;
	rc = check_path(path, mode, &exists, err);
	if (rc != JX_OK)
		return rc;
	st = calloc(1, sizeof *st);
	if (!st || !(st->path = jx_strdup(path)) || !(st->user = login_name())) {
		jx_store_close(st);
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	}
	st->readonly = mode == JX_OPEN_READONLY;
	/* A handle is used by one thread: SQLite's own locking is not
	 * needed (it costs several percent of an import). */
	flags = (st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		SQLITE_OPEN_NOMUTEX;
	if (mode == JX_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	no_memory_statistics();
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		rc = jx_error_set(err, JX_DB, _("%s: %s"), path,
				  st->db ? sqlite3_errmsg(st->db)
					 : "cannot open");
		jx_store_close(st);
		return rc;
	}
	/* A file the user may only read (an auditor's copy) opens read-only
	 * even when asked for read-write; treat it as read-only from here. */
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1)
		st->readonly = true;
	rc = configure(st, err);
	if (rc != JX_OK) {
		jx_store_close(st);
		/* We created it and could not initialise it: leave nothing. */
		if (!exists)
			remove(path);
		return rc;
	}
	*out = st;
	return JX_OK;
}

void
jx_store_close(struct jx_store *st)
{
	if (!st)
		return;
	for (int i = 0; i < JX_STMT_COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	for (int i = 0; i <= JX_INDICATOR_BATCH; i++)
		sqlite3_finalize(st->add_indicators[i]);
	for (int i = 0; st->targets && i < JX_TARGET_CACHE; i++)
		free(st->targets[i].text);
	free(st->targets);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st->user);
	free(st);
}

const char *
jx_store_user(const struct jx_store *st)
{
	return st->user;
}

void
jx_store_set_user(struct jx_store *st, const char *who)
{
	char *copy = jx_strdup(who);
	if (copy) {
		free(st->user);
		st->user = copy;
	}
}

bool
jx_store_readonly(const struct jx_store *st)
{
	return st->readonly;
}

const char *
jx_store_path(const struct jx_store *st)
{
	return st->path;
}

int
jx_store_schema_version(void)
{
	return JX_SCHEMA_VERSION;
}

enum jx_status
jx_db_error(struct jx_store *st, struct jx_error *err, const char *doing)
{
	int code = sqlite3_errcode(st->db);
	enum jx_status status = JX_DB;

	if ((code & 0xff) == SQLITE_READONLY)
		status = JX_READONLY;
	return jx_error_set(err, status, _("%s: %s: %s"), st->path, doing,
			    sqlite3_errmsg(st->db));
}

sqlite3_stmt *
jx_stmt(struct jx_store *st, enum jx_stmt_id id, struct jx_error *err)
{
	sqlite3_stmt *s = st->stmts[id];

	if (!s) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &s,
				       NULL) != SQLITE_OK) {
			jx_db_error(st, err, "preparing a query");
			return NULL;
		}
		st->stmts[id] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

enum jx_status
jx_store_begin(struct jx_store *st, struct jx_error *err)
{
	if (st->readonly)
		return jx_error_set(err, JX_READONLY, _("%s: opened read-only;"
				    " nothing can be changed"), st->path);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
	    != SQLITE_OK)
		return jx_db_error(st, err, "starting a transaction");
	st->in_txn = true;
	return JX_OK;
}

enum jx_status
jx_store_will_add_indicators(struct jx_store *st, struct jx_error *err)
{
	sqlite3_stmt *s;

	if (st->index_pending)
		return JX_OK;
	if (!(s = jx_stmt(st, JX_STMT_MAX_INDICATOR_ID, err)))
		return JX_DB;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return jx_db_error(st, err, "preparing the search index");
	}
	st->index_after = sqlite3_column_int64(s, 0);
	st->index_pending = true;
	sqlite3_reset(s);
	return JX_OK;
}

/* One statement for everything the transaction added: FTS5 writes its
 * pending terms at the end of each statement. */
static enum jx_status
index_new_indicators(struct jx_store *st, struct jx_error *err)
{
	sqlite3_stmt *s;

	if (!st->index_pending)
		return JX_OK;
	if (!(s = jx_stmt(st, JX_STMT_INDEX_NEW, err)))
		return JX_DB;
	sqlite3_bind_int64(s, 1, st->index_after);
	st->index_pending = false;
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return jx_db_error(st, err, "indexing for search");
	}
	sqlite3_reset(s);
	return JX_OK;
}

enum jx_status
jx_store_commit(struct jx_store *st, struct jx_error *err)
{
	enum jx_status rc = index_new_indicators(st, err);

	if (rc != JX_OK) {
		jx_store_rollback(st);
		return rc;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		rc = jx_db_error(st, err, "committing");
		jx_store_rollback(st);
		return rc;
	}
	st->in_txn = false;
	return JX_OK;
}

void
jx_store_rollback(struct jx_store *st)
{
	st->index_pending = false;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_txn = false;
}

void
jx_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (text)
		sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

void
jx_bind_amount(sqlite3_stmt *s, int i, struct jx_amount a)
{
	if (a.present)
		sqlite3_bind_int64(s, i, a.yuan);
	else
		sqlite3_bind_null(s, i);
}

const char *
jx_col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

bool
jx_col_dup(sqlite3_stmt *s, int i, char **out)
{
	const char *text = jx_col_text(s, i);

	*out = NULL;
	if (!text)
		return true;
	*out = jx_strdup(text);
	return *out != NULL;
}

struct jx_amount
jx_col_amount(sqlite3_stmt *s, int i)
{
	struct jx_amount a = { false, 0 };

	if (sqlite3_column_type(s, i) != SQLITE_NULL) {
		a.present = true;
		a.yuan = sqlite3_column_int64(s, i);
	}
	return a;
}

void
jx_store_now(char buf[32])
{
	const char *fixed = getenv("JIXIAO_NOW");
	time_t now = fixed && *fixed ? (time_t)strtoll(fixed, NULL, 10)
				     : time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
bind_id(sqlite3_stmt *s, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

/* The department a change-log row is about, so that its history can be
 * asked for after the year is gone (0 when unknown). */
static int64_t
department_of(struct jx_store *st, const struct jx_change_row *row)
{
	sqlite3_stmt *s;
	int64_t id = 0;

	if (row->department_id)
		return row->department_id;
	if (row->tbl && strcmp(row->tbl, "department") == 0)
		return row->record_id;
	if (!row->dept_year_id ||
	    !(s = jx_stmt(st, JX_STMT_DEPT_OF_YEAR, NULL)))
		return 0;
	sqlite3_bind_int64(s, 1, row->dept_year_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return id;
}

enum jx_status
jx_log_row(struct jx_store *st, const struct jx_change_row *row,
	   struct jx_error *err)
{
	char now[32];
	int64_t dept = department_of(st, row);
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_INSERT_CHANGE, err);

	if (!s)
		return err ? err->status : JX_DB;
	jx_store_now(now);
	sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
	jx_bind_text(s, 2, st->user);
	jx_bind_text(s, 3, row->action);
	jx_bind_text(s, 4, row->tbl);
	sqlite3_bind_int64(s, 5, row->record_id);
	jx_bind_text(s, 6, row->field);
	jx_bind_text(s, 7, row->old);
	jx_bind_text(s, 8, row->new_);
	jx_bind_text(s, 9, row->label);
	bind_id(s, 10, row->dept_year_id);
	bind_id(s, 11, row->project_id);
	bind_id(s, 12, dept);
	if (sqlite3_step(s) != SQLITE_DONE)
		return jx_db_error(st, err, "writing the change log");
	return JX_OK;
}

enum jx_status
jx_log_change(struct jx_store *st, const char *action, const char *table,
	      int64_t record_id, const char *field, const char *old_value,
	      const char *new_value, struct jx_error *err)
{
	struct jx_change_row row = {
		.action = action, .tbl = table, .record_id = record_id,
		.field = field, .old = old_value, .new_ = new_value,
	};

	return jx_log_row(st, &row, err);
}

enum jx_status
jx_txn_begin(struct jx_store *st, struct jx_txn *t, struct jx_error *err)
{
	t->own = !st->in_txn;
	if (t->own)
		return jx_store_begin(st, err);
	if (sqlite3_exec(st->db, "SAVEPOINT jx_call", NULL, NULL, NULL)
	    != SQLITE_OK)
		return jx_db_error(st, err, "starting a change");
	return JX_OK;
}

enum jx_status
jx_txn_end(struct jx_store *st, struct jx_txn *t, enum jx_status rc,
	   struct jx_error *err)
{
	if (t->own) {
		if (rc == JX_OK)
			return jx_store_commit(st, err);
		jx_store_rollback(st);
		return rc;
	}
	if (rc != JX_OK)
		sqlite3_exec(st->db, "ROLLBACK TO jx_call", NULL, NULL, NULL);
	if (sqlite3_exec(st->db, "RELEASE jx_call", NULL, NULL, NULL)
	    != SQLITE_OK && rc == JX_OK)
		rc = jx_db_error(st, err, "ending a change");
	return rc;
}

void
jx_read_begin(struct jx_store *st)
{
	/* Outside a transaction a savepoint begins a deferred one: the reads
	 * that follow see one snapshot. A failure only loses that. */
	sqlite3_exec(st->db, "SAVEPOINT jx_read", NULL, NULL, NULL);
}

void
jx_read_end(struct jx_store *st)
{
	sqlite3_exec(st->db, "RELEASE jx_read", NULL, NULL, NULL);
}

void
jx_store_read_begin(struct jx_store *st)
{
	jx_read_begin(st);
}

void
jx_store_read_end(struct jx_store *st)
{
	jx_read_end(st);
}

int64_t
jx_index_limit(const struct jx_store *st)
{
	return st->index_pending ? st->index_after : INT64_MAX;
}

void
jx_store_parse_target(struct jx_store *st, const char *text,
		      struct jx_target *out)
{
	uint32_t h = 2166136261u;
	struct jx_target_slot *slot;

	if (!text)
		text = "";
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = (h ^ *p) * 16777619u;
	if (!st->targets)
		st->targets = calloc(JX_TARGET_CACHE, sizeof *st->targets);
	if (!st->targets) {
		jx_target_parse(text, out);
		return;
	}
	slot = &st->targets[h & (JX_TARGET_CACHE - 1)];
	if (slot->text && strcmp(slot->text, text) == 0) {
		*out = slot->parsed;
		return;
	}
	jx_target_parse(text, out);
	free(slot->text);
	slot->text = jx_strdup(text);   /* NULL (out of memory): not cached */
	slot->parsed = *out;
}
