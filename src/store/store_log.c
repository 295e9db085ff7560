/*
 * store_log.c — reading the change log, and drafts (store/store_edit.h:
 * jx_store_log, jx_store_put_draft, jx_store_drafts,
 * jx_store_delete_draft).
 *
 * The log query is put together from the filter, so that each filter is
 * answered from its index (change_by_record, change_by_project,
 * change_by_year, change_by_department) rather than from one statement
 * full of "?1 IS NULL OR" that SQLite could not plan well. It runs once
 * per call; the log of a record is asked for when a user opens it, not
 * per key.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

#define NOMEM(err) jx_error_set(err, JX_NOMEM, _("out of memory"))

/* ---- the change log ------------------------------------------------------ */

/* The WHERE clauses of f, with named parameters (:tbl :rid :year :dept
 * :who :since :limit). */
static void
log_where(sqlite3_str *q, const struct jx_log_filter *f)
{
	bool record = f->tbl && f->record_id;

	if (record && f->with_children && strcmp(f->tbl, "project") == 0)
		sqlite3_str_appendall(q, " AND (project_id = :rid OR"
				      " (tbl = 'project' AND record_id = :rid))");
	else if (record && f->with_children &&
		 strcmp(f->tbl, "dept_year") == 0)
		sqlite3_str_appendall(q, " AND (dept_year_id = :rid OR"
				      " (tbl = 'dept_year' AND"
				      " record_id = :rid))");
	else if (record)
		sqlite3_str_appendall(q, " AND tbl = :tbl AND record_id = :rid");
	if (f->dept_year_id)
		sqlite3_str_appendall(q, " AND dept_year_id = :year");
	if (f->department_id)
		sqlite3_str_appendall(q, " AND department_id = :dept");
	if (f->who)
		sqlite3_str_appendall(q, " AND who = :who");
	if (f->since)
		sqlite3_str_appendall(q, " AND at >= :since");
}

static void
bind_named(sqlite3_stmt *s, const char *name, const char *text, int64_t id)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i && text)
		sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
	else if (i)
		sqlite3_bind_int64(s, i, id);
}

static enum jx_status
prepare_log(struct jx_store *st, const struct jx_log_filter *f,
	    sqlite3_stmt **out, struct jx_error *err)
{
	sqlite3_str *q = sqlite3_str_new(st->db);
	char *sql;
	int rc;

	sqlite3_str_appendall(q, "SELECT id, at, who, action, tbl, record_id,"
			      " field, old, new, label, dept_year_id,"
			      " project_id, department_id FROM change_log"
			      " WHERE 1");
	log_where(q, f);
	sqlite3_str_appendf(q, " ORDER BY id%s", f->newest_first ? " DESC"
								  : "");
	if (f->limit > 0)
		sqlite3_str_appendall(q, " LIMIT :limit");
	if (!(sql = sqlite3_str_finish(q)))
		return NOMEM(err);
	rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return jx_db_error(st, err, "reading the change log");
	bind_named(*out, ":tbl", f->tbl, 0);
	bind_named(*out, ":rid", NULL, f->record_id);
	bind_named(*out, ":year", NULL, f->dept_year_id);
	bind_named(*out, ":dept", NULL, f->department_id);
	bind_named(*out, ":who", f->who, 0);
	bind_named(*out, ":since", f->since, 0);
	bind_named(*out, ":limit", NULL, f->limit);
	return JX_OK;
}

enum jx_status
jx_store_log(struct jx_store *st, const struct jx_log_filter *f,
	     jx_change_cb cb, void *ctx, struct jx_error *err)
{
	static const struct jx_log_filter everything = { 0 };
	sqlite3_stmt *s;
	enum jx_status rc = prepare_log(st, f ? f : &everything, &s, err);
	int step;

	if (rc != JX_OK)
		return rc;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_change_row row = {
			.id = sqlite3_column_int64(s, 0),
			.at = jx_col_text(s, 1), .who = jx_col_text(s, 2),
			.action = jx_col_text(s, 3), .tbl = jx_col_text(s, 4),
			.record_id = sqlite3_column_int64(s, 5),
			.field = jx_col_text(s, 6), .old = jx_col_text(s, 7),
			.new_ = jx_col_text(s, 8), .label = jx_col_text(s, 9),
			.dept_year_id = sqlite3_column_int64(s, 10),
			.project_id = sqlite3_column_int64(s, 11),
			.department_id = sqlite3_column_int64(s, 12),
		};
		if (cb(ctx, &row) != 0)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = jx_db_error(st, err, "reading the change log");
	sqlite3_finalize(s);
	return rc;
}

/* ---- drafts ---------------------------------------------------------------- */

static enum jx_status
write_draft(struct jx_store *st, const struct jx_draft *d, int64_t *id,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PUT_DRAFT, err);
	const int64_t ints[] = { d->record_id, d->parent_id, d->after_id,
				 d->base_version };
	char now[32];
	int step;

	if (!s)
		return JX_DB;
	jx_store_now(now);
	if (d->id)
		sqlite3_bind_int64(s, 1, d->id);
	jx_bind_text(s, 2, d->who ? d->who : st->user);
	jx_bind_text(s, 3, now);
	jx_bind_text(s, 4, d->kind ? d->kind : "");
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(s, 5 + i, ints[i]);
	if (d->body)
		sqlite3_bind_blob64(s, 9, d->body, d->body_len, SQLITE_STATIC);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "saving a draft");
	*id = sqlite3_last_insert_rowid(st->db);
	return JX_OK;
}

enum jx_status
jx_store_put_draft(struct jx_store *st, const struct jx_draft *d,
		   int64_t *id, struct jx_error *err)
{
	struct jx_txn txn;
	int64_t got = 0;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	rc = jx_txn_end(st, &txn, write_draft(st, d, &got, err), err);
	if (rc == JX_OK && id)
		*id = got;
	return rc;
}

enum jx_status
jx_store_drafts(struct jx_store *st, const char *who, jx_draft_cb cb,
		void *ctx, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_LIST_DRAFTS, err);
	int step;

	if (!s)
		return JX_DB;
	jx_bind_text(s, 1, who);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_draft d = {
			.id = sqlite3_column_int64(s, 0),
			.who = jx_col_text(s, 1), .at = jx_col_text(s, 2),
			.kind = jx_col_text(s, 3),
			.record_id = sqlite3_column_int64(s, 4),
			.parent_id = sqlite3_column_int64(s, 5),
			.after_id = sqlite3_column_int64(s, 6),
			.base_version = sqlite3_column_int64(s, 7),
			.body = sqlite3_column_blob(s, 8),
		};
		d.body_len = (size_t)sqlite3_column_bytes(s, 8);
		if (cb(ctx, &d) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "reading drafts");
	return JX_OK;
}

static enum jx_status
remove_draft(struct jx_store *st, int64_t id, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_DELETE_DRAFT, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "deleting a draft");
	if (sqlite3_changes(st->db) == 0)
		return jx_error_set(err, JX_NOTFOUND, _("no draft with id %lld"),
				    (long long)id);
	return JX_OK;
}

enum jx_status
jx_store_delete_draft(struct jx_store *st, int64_t id, struct jx_error *err)
{
	struct jx_txn txn;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	return jx_txn_end(st, &txn, remove_draft(st, id, err), err);
}
