/*
 * store_compare.c — what comparing two years needs from the store: a
 * year's projects in brief with their manual links resolved and the
 * digests of their indicators, one project's indicators as compared, and
 * making or removing a link (in a transaction, with the change log).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

/* Whether some project of the department-year is linked to one of
 * other_year (*linked); most years have no link at all. */
static enum jx_status
has_links(struct jx_store *st, int64_t dept_year_id, int other_year,
	  bool *linked, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_YEAR_HAS_LINKS, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_year_id);
	sqlite3_bind_int(s, 2, other_year);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	*linked = step == SQLITE_ROW;
	return step == SQLITE_ROW || step == SQLITE_DONE
		? JX_OK : jx_db_error(st, err, "reading links");
}

enum jx_status
jx_store_brief_projects(struct jx_store *st, int64_t dept_year_id,
			int other_year, jx_brief_cb cb, void *ctx,
			struct jx_error *err)
{
	sqlite3_stmt *s;
	bool linked = false;
	int step;
	enum jx_status rc = has_links(st, dept_year_id, other_year, &linked,
				      err);

	if (rc != JX_OK)
		return rc;
	s = jx_stmt(st, linked ? JX_STMT_COMPARE_PROJECTS
			       : JX_STMT_COMPARE_PROJECTS_UNLINKED, err);
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_year_id);
	if (linked)
		sqlite3_bind_int(s, 2, other_year);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_brief_row row = {
			.id = sqlite3_column_int64(s, 0),
			.code = jx_col_text(s, 1),
			.name = jx_col_text(s, 2),
			.budget = jx_col_amount(s, 3),
			.has_digest = sqlite3_column_type(s, 4) != SQLITE_NULL,
			.digest = sqlite3_column_int64(s, 4),
			.predecessor_id = sqlite3_column_int64(s, 5),
		};
		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "reading projects to compare");
	return JX_OK;
}

enum jx_status
jx_store_year_pairs(struct jx_store *st, int year_a, int year_b,
		    jx_year_pair_cb cb, void *ctx, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_YEAR_PAIRS, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int(s, 1, year_a);
	sqlite3_bind_int(s, 2, year_b);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_year_pair_row row = {
			.department_id = sqlite3_column_int64(s, 0),
			.dept_name = jx_col_text(s, 1),
			.year_a_id = sqlite3_column_int64(s, 2),
			.year_b_id = sqlite3_column_int64(s, 3),
		};
		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "listing departments");
	return JX_OK;
}

/* One batch: up to JX_TARGETS_BATCH ids (the other places bound to 0,
 * which no project has). *stop when the callback asked to. */
static enum jx_status
targets_batch(struct jx_store *st, const int64_t *ids, size_t n,
	      jx_target_cb cb, void *ctx, bool *stop, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PROJECTS_TARGETS, err);
	int step;

	if (!s)
		return JX_DB;
	for (size_t i = 0; i < JX_TARGETS_BATCH; i++)
		sqlite3_bind_int64(s, (int)i + 1, i < n ? ids[i] : 0);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_target_row row = {
			.project_id = sqlite3_column_int64(s, 0),
			.level1 = jx_col_text(s, 1),
			.level2 = jx_col_text(s, 2),
			.name = jx_col_text(s, 3),
			.target = jx_col_text(s, 4),
		};
		if ((*stop = cb(ctx, &row) != 0))
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "reading indicators to compare");
	return JX_OK;
}

enum jx_status
jx_store_project_targets(struct jx_store *st, const int64_t *ids, size_t n,
			 jx_target_cb cb, void *ctx, struct jx_error *err)
{
	enum jx_status rc = JX_OK;
	bool stop = false;

	for (size_t at = 0; rc == JX_OK && !stop && at < n;
	     at += JX_TARGETS_BATCH)
		rc = targets_batch(st, ids + at, n - at < JX_TARGETS_BATCH
				   ? n - at : JX_TARGETS_BATCH, cb, ctx, &stop,
				   err);
	return rc;
}

struct identity {
	int64_t department_id;
	int year;
	char *key;
	int64_t dept_year_id;
	char *name;
};

static enum jx_status
identity_of(struct jx_store *st, int64_t project_id, struct identity *id,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PROJECT_IDENTITY, err);
	enum jx_status rc = JX_OK;
	int step;

	id->key = id->name = NULL;
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, project_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		id->department_id = sqlite3_column_int64(s, 0);
		id->year = sqlite3_column_int(s, 1);
		id->dept_year_id = sqlite3_column_int64(s, 3);
		if (!jx_col_dup(s, 2, &id->key) || !jx_col_dup(s, 4, &id->name))
			rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	} else {
		rc = step == SQLITE_DONE
			? jx_error_set(err, JX_NOTFOUND, _("no project with id"
				       " %lld"), (long long)project_id)
			: jx_db_error(st, err, "finding a project");
	}
	sqlite3_reset(s);
	return rc;
}

static enum jx_status
write_link(struct jx_store *st, const struct identity *p,
	   const struct identity *pred, int64_t project_id,
	   struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PUT_LINK, err);
	struct jx_change_row row = {
		.action = "link", .tbl = "project", .record_id = project_id,
		.field = "predecessor", .new_ = pred->key, .label = p->name,
		.dept_year_id = p->dept_year_id, .project_id = project_id,
	};
	char now[32];

	if (!s)
		return JX_DB;
	jx_store_now(now);
	sqlite3_bind_int64(s, 1, p->department_id);
	sqlite3_bind_int(s, 2, p->year);
	jx_bind_text(s, 3, p->key);
	sqlite3_bind_int(s, 4, pred->year);
	jx_bind_text(s, 5, pred->key);
	sqlite3_bind_text(s, 6, now, -1, SQLITE_TRANSIENT);
	jx_bind_text(s, 7, st->user);
	if (sqlite3_step(s) != SQLITE_DONE)
		return jx_db_error(st, err, "linking projects");
	return jx_log_row(st, &row, err);
}

enum jx_status
jx_store_link_project(struct jx_store *st, int64_t project_id,
		      int64_t predecessor_id, struct jx_error *err)
{
	struct identity p = { 0 }, pred = { 0 };
	struct jx_txn txn;
	enum jx_status rc = identity_of(st, project_id, &p, err);

	if (rc == JX_OK)
		rc = identity_of(st, predecessor_id, &pred, err);
	if (rc == JX_OK && (pred.department_id != p.department_id ||
			    pred.year >= p.year))
		rc = jx_error_set(err, JX_INVALID, _("a project can only be"
				  " linked to one of the same department in"
				  " an earlier year"));
	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc == JX_OK)
		rc = jx_txn_end(st, &txn, write_link(st, &p, &pred, project_id,
						     err), err);
	free(p.key);
	free(p.name);
	free(pred.key);
	free(pred.name);
	return rc;
}

enum jx_status
jx_store_unlink_project(struct jx_store *st, int64_t project_id,
			struct jx_error *err)
{
	struct identity p = { 0 };
	struct jx_change_row row = {
		.action = "unlink", .tbl = "project", .record_id = project_id,
		.field = "predecessor", .project_id = project_id,
	};
	struct jx_txn txn;
	sqlite3_stmt *s;
	enum jx_status rc = identity_of(st, project_id, &p, err);

	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc != JX_OK) {
		free(p.key);
		free(p.name);
		return rc;
	}
	s = jx_stmt(st, JX_STMT_DELETE_LINK, err);
	if (!s) {
		rc = JX_DB;
	} else {
		sqlite3_bind_int64(s, 1, p.department_id);
		sqlite3_bind_int(s, 2, p.year);
		jx_bind_text(s, 3, p.key);
		rc = sqlite3_step(s) == SQLITE_DONE
			? JX_OK : jx_db_error(st, err, "removing a link");
		if (rc == JX_OK && sqlite3_changes(st->db) == 0)
			rc = jx_error_set(err, JX_NOTFOUND, _("this project has"
					  " no link to remove"));
	}
	row.old = p.key;
	row.label = p.name;
	row.dept_year_id = p.dept_year_id;
	if (rc == JX_OK)
		rc = jx_log_row(st, &row, err);
	rc = jx_txn_end(st, &txn, rc, err);
	free(p.key);
	free(p.name);
	return rc;
}
