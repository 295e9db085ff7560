/*
 * store_copy.c — whole department-years from the interface
 * (store/store_edit.h: jx_store_new_year, jx_store_copy_year,
 * jx_store_delete_year).
 *
 * Copying "the new year from the previous" is done in SQL, row set by row
 * set (a project at a time, for its new id), inside one transaction, and
 * logged as one 'copy' row for the year, not a row per record: the copies
 * are new records with version 1, and the log says where they came from.
 * The copied projects are marked not reviewed until saved from a form.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "store/store_internal.h"

#define NOMEM(err) jx_error_set(err, JX_NOMEM, _("out of memory"))

/* Runs statement sid bound to (a, b, now) — the shape of the COPY_*
 * statements; the others here take fewer, and binding a parameter a
 * statement does not have is harmless — and gives the new row's id. */
static enum jx_status
run3(struct jx_store *st, enum jx_stmt_id sid, int64_t a, int64_t b,
     const char *now, int64_t *id, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, sid, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	jx_bind_text(s, 3, now);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "copying a year");
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return JX_OK;
}

/* JX_EXISTS when the department already has the year. */
static enum jx_status
year_free(struct jx_store *st, int64_t dept_id, int year, const char *name,
	  struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_FIND_YEAR, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_id);
	sqlite3_bind_int(s, 2, year);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step == SQLITE_ROW)
		return jx_error_set(err, JX_EXISTS, _("%s already has the year"
				    " %d"), name, year);
	return step == SQLITE_DONE ? JX_OK
				   : jx_db_error(st, err, "finding a year");
}

/* "12 projects, 96 indicators" of a department-year, into buf. */
static enum jx_status
year_counts(struct jx_store *st, int64_t year_id, char *buf, size_t size,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_YEAR_COUNTS, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		snprintf(buf, size, "%lld projects, %lld indicators",
			 (long long)sqlite3_column_int64(s, 0),
			 (long long)sqlite3_column_int64(s, 1));
	sqlite3_reset(s);
	return step == SQLITE_ROW ? JX_OK
				  : jx_db_error(st, err, "counting a year");
}

/* ---- a new, empty year ------------------------------------------------- */

static enum jx_status
add_year(struct jx_store *st, const struct jx_doc *head, int64_t *year_id,
	 struct jx_error *err)
{
	char now[32], label[512];
	struct jx_change_row row = { .action = "insert", .tbl = "dept_year",
				     .label = label };
	int64_t dept_id = 0;
	bool created;
	enum jx_status rc;

	jx_store_now(now);
	rc = jx_put_department(st, head, now, &dept_id, &created, err);
	if (rc == JX_OK)
		rc = year_free(st, dept_id, head->year, head->dept_name, err);
	if (rc == JX_OK)
		rc = jx_put_year_row(st, head, dept_id, now, year_id, err);
	if (rc == JX_OK)
		rc = jx_put_subgoals(st, head, *year_id, now, err);
	snprintf(label, sizeof label, "%s %d", head->dept_name, head->year);
	row.record_id = row.dept_year_id = *year_id;
	return rc == JX_OK ? jx_log_row(st, &row, err) : rc;
}

enum jx_status
jx_store_new_year(struct jx_store *st, const struct jx_doc *head,
		  int64_t *dept_year_id, struct jx_error *err)
{
	struct jx_txn txn;
	int64_t id = 0;
	enum jx_status rc = jx_require_year(head, err);

	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc != JX_OK)
		return rc;
	rc = jx_txn_end(st, &txn, add_year(st, head, &id, err), err);
	if (rc == JX_OK && dept_year_id)
		*dept_year_id = id;
	return rc;
}

/* ---- a year copied from another ------------------------------------------ */

/* The ids of the year's projects, in order: read whole before copying,
 * since the copies go into the same table. */
static enum jx_status
project_ids(struct jx_store *st, int64_t year_id, int64_t **ids, size_t *n,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_PROJECT_IDS, err);
	size_t cap = 0;
	int step;

	*ids = NULL;
	*n = 0;
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			int64_t *grown = realloc(*ids, (cap = cap ? 2 * cap : 64)
						 * sizeof **ids);
			if (!grown) {
				sqlite3_reset(s);
				return NOMEM(err);
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	return step == SQLITE_DONE ? JX_OK
				   : jx_db_error(st, err, "listing projects");
}

static enum jx_status
copy_projects(struct jx_store *st, int64_t from, int64_t to, const char *now,
	      struct jx_error *err)
{
	int64_t *ids, copy = 0;
	size_t n;
	enum jx_status rc = project_ids(st, from, &ids, &n, err);

	for (size_t i = 0; rc == JX_OK && i < n; i++) {
		rc = run3(st, JX_STMT_COPY_PROJECT, ids[i], to, now, &copy,
			  err);
		if (rc == JX_OK)
			rc = run3(st, JX_STMT_COPY_CHECKPOINTS, ids[i], copy,
				  now, NULL, err);
		if (rc == JX_OK)
			rc = run3(st, JX_STMT_COPY_INDICATORS, ids[i], copy,
				  now, NULL, err);
	}
	free(ids);
	return rc;
}

static enum jx_status
copy_year(struct jx_store *st, int64_t from, int year, int64_t *to,
	  struct jx_error *err)
{
	struct jx_doc head;
	struct jx_meta_row m;
	char now[32], what[96], label[512];
	struct jx_change_row row = { .action = "copy", .tbl = "dept_year",
				     .new_ = what, .label = label };
	enum jx_status rc;

	jx_doc_init(&head);
	jx_store_now(now);
	rc = jx_meta_read(st, JX_REC_YEAR, from, &m, err);
	if (rc == JX_OK)
		rc = jx_read_year(st, from, &head, err);
	if (rc == JX_OK)
		rc = year_free(st, m.parent, year, head.dept_name, err);
	if (rc == JX_OK)
		rc = run3(st, JX_STMT_COPY_YEAR, from, year, now, to, err);
	if (rc == JX_OK)
		rc = run3(st, JX_STMT_COPY_SUBGOALS, from, *to, now, NULL, err);
	if (rc == JX_OK)
		rc = copy_projects(st, from, *to, now, err);
	if (rc == JX_OK)
		rc = run3(st, JX_STMT_INDEX_YEAR_FTS, *to, jx_index_limit(st),
			  NULL, NULL, err);
	if (rc == JX_OK)
		rc = year_counts(st, *to, what, sizeof what, err);
	if (rc == JX_OK) {
		snprintf(label, sizeof label, "%s %d", head.dept_name, year);
		row.old = m.label;      /* the year it was copied from */
		row.record_id = row.dept_year_id = *to;
		rc = jx_log_row(st, &row, err);
	}
	jx_meta_free(&m);
	jx_doc_free(&head);
	return rc;
}

enum jx_status
jx_store_copy_year(struct jx_store *st, int64_t dept_year_id, int year,
		   int64_t *new_id, struct jx_error *err)
{
	struct jx_txn txn;
	int64_t id = 0;
	enum jx_status rc;

	if (year < 1900 || year > 2999)
		return jx_error_set(err, JX_INVALID, _("'year' must be from"
				    " 1900 to 2999, not %d"), year);
	if ((rc = jx_txn_begin(st, &txn, err)) != JX_OK)
		return rc;
	rc = jx_txn_end(st, &txn, copy_year(st, dept_year_id, year, &id, err),
			err);
	if (rc == JX_OK && new_id)
		*new_id = id;
	return rc;
}

/* ---- deleting a year ------------------------------------------------------ */

/* The department goes too when this was its last year. */
static enum jx_status
drop_empty_department(struct jx_store *st, int64_t dept_id, const char *name,
		      struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_DELETE_DEPT_IF_EMPTY, err);
	struct jx_change_row row = { .action = "delete", .tbl = "department",
				     .record_id = dept_id, .old = name,
				     .label = name };
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_id);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "deleting a department");
	return sqlite3_changes(st->db) ? jx_log_row(st, &row, err) : JX_OK;
}

static enum jx_status
remove_year(struct jx_store *st, int64_t id, struct jx_error *err)
{
	struct jx_doc head;
	struct jx_meta_row m;
	char what[96];
	struct jx_change_row row;
	enum jx_status rc;

	jx_doc_init(&head);
	rc = jx_meta_read(st, JX_REC_YEAR, id, &m, err);
	if (rc == JX_OK)
		rc = jx_read_year(st, id, &head, err);
	if (rc == JX_OK)
		rc = year_counts(st, id, what, sizeof what, err);
	row = jx_meta_change(JX_REC_YEAR, id, &m, "delete");
	row.old = what;
	if (rc == JX_OK)
		rc = jx_log_row(st, &row, err);
	if (rc == JX_OK)
		rc = run3(st, JX_STMT_DELETE_YEAR, id, 0, NULL, NULL, err);
	if (rc == JX_OK)
		rc = drop_empty_department(st, m.parent, head.dept_name, err);
	jx_meta_free(&m);
	jx_doc_free(&head);
	return rc;
}

enum jx_status
jx_store_delete_year(struct jx_store *st, int64_t dept_year_id,
		     struct jx_error *err)
{
	struct jx_txn txn;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	return jx_txn_end(st, &txn, remove_year(st, dept_year_id, err), err);
}
