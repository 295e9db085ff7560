/*
 * store_rows.c — adding, deleting and moving projects and indicators
 * (store/store_edit.h: jx_store_insert_*, jx_store_delete_*,
 * jx_store_move_*).
 *
 * Order within a list is the seq column. An insert takes the place right
 * after its sibling and pushes the later ones down by one; a delete leaves
 * a gap (order is all that matters); a move swaps two neighbours' seq.
 * Inserted indicators are indexed for search here, since no trigger does
 * it (schema 4); deleted ones leave the index by the delete trigger.
 * Whatever adds, removes or moves an indicator also refreshes its
 * project's digest (schema 6, jx_refresh_digest).
 * Inserts and deletes are logged whole: one row for the record and, for a
 * project, one for each of its indicators, whose text is a one-line
 * summary. Those rows also lift the version of a record whose id is later
 * re-used (store_doc.c: reuse_version).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

#define NOMEM(err) jx_error_set(err, JX_NOMEM, _("out of memory"))

/* ---- summaries: what a whole-record log row says ---------------------- */

/* "产出指标/数量指标/资金使用率: ≥90使用率" (sqlite3_free it). */
static char *
indicator_summary(const char *level1, const char *level2, const char *name,
		  const char *target)
{
	return sqlite3_mprintf("%s/%s/%s: %s", level1 ? level1 : "",
			       level2 ? level2 : "", name ? name : "",
			       target ? target : "");
}

/* "130304213ZR3W5GRVM5IR 春节慰问金, annual_total 4.34, 4 indicators". */
static char *
project_summary(const struct jx_project *p)
{
	char money[48];

	jx_amount_format_wan(p->annual_total, money, sizeof money);
	/* SQLite's printf has no %zu. */
	return sqlite3_mprintf("%s%s%s%s%s, %lld indicators",
			       p->code && *p->code ? p->code : "",
			       p->code && *p->code ? " " : "",
			       p->name ? p->name : "",
			       *money ? ", annual_total " : "", money,
			       (long long)p->n_indicators);
}

/* Logs one whole-record row; text is the summary (sqlite3_free'd here):
 * what was deleted (old) or inserted (new). */
static enum jx_status
log_whole(struct jx_store *st, struct jx_change_row *row, char *text,
	  struct jx_error *err)
{
	bool deleted = strcmp(row->action, "delete") == 0;
	enum jx_status rc;

	if (!text)
		return NOMEM(err);
	if (deleted)
		row->old = text;
	else
		row->new_ = text;
	rc = jx_log_row(st, row, err);
	row->old = row->new_ = NULL;
	sqlite3_free(text);
	return rc;
}

/* ---- places in a list --------------------------------------------------- */

/* The seq a record inserted after after_id (0: first; not a sibling:
 * last) takes, with the later siblings pushed down to make room. */
static enum jx_status
make_room(struct jx_store *st, bool project, int64_t parent,
	  int64_t after_id, int64_t *seq, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, project ? JX_STMT_PROJECT_NEW_SEQ
					      : JX_STMT_INDICATOR_NEW_SEQ, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_int64(s, 2, after_id);
	step = sqlite3_step(s);
	*seq = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (step != SQLITE_ROW)
		return jx_db_error(st, err, "finding a place");
	if (!(s = jx_stmt(st, project ? JX_STMT_SHIFT_PROJECTS
				      : JX_STMT_SHIFT_INDICATORS, err)))
		return JX_DB;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_int64(s, 2, *seq);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	return step == SQLITE_DONE ? JX_OK
				   : jx_db_error(st, err, "making a place");
}

/* A re-used id must be free: JX_EXISTS when a record holds it. */
static enum jx_status
id_free(struct jx_store *st, enum jx_rec_kind kind, int64_t id,
	struct jx_error *err)
{
	struct jx_meta_row m;
	struct jx_error ignored;
	enum jx_status rc;

	if (!id)
		return JX_OK;
	rc = jx_meta_read(st, kind, id, &m, &ignored);
	jx_meta_free(&m);
	if (rc == JX_NOTFOUND)
		return JX_OK;
	if (rc != JX_OK)
		return jx_error_set(err, rc, "%s", ignored.message);
	return jx_error_set(err, JX_EXISTS, _("the %s id %lld is in use; only"
			    " the id of a deleted record can be re-used"),
			    jx_rec_table(kind), (long long)id);
}

/* Indexes for search what an insert added under key (a project's
 * indicators, or one indicator), unless the commit will (see
 * jx_index_limit). */
static enum jx_status
index_added(struct jx_store *st, enum jx_stmt_id sid, int64_t key,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, sid, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, key);
	sqlite3_bind_int64(s, 2, jx_index_limit(st));
	step = sqlite3_step(s);
	sqlite3_reset(s);
	return step == SQLITE_DONE ? JX_OK
				   : jx_db_error(st, err, "indexing for search");
}

/* ---- inserting ------------------------------------------------------------ */

static enum jx_status
check_new_project(struct jx_store *st, const struct jx_project *p,
		  int64_t want_id, const int64_t *want_ids,
		  struct jx_error *err)
{
	enum jx_status rc = jx_require_project(p, err);

	for (size_t i = 0; rc == JX_OK && i < p->n_indicators; i++)
		rc = jx_require_indicator(&p->indicators[i], err);
	if (rc == JX_OK)
		rc = id_free(st, JX_REC_PROJECT, want_id, err);
	for (size_t i = 0; rc == JX_OK && want_ids && i < p->n_indicators; i++)
		rc = id_free(st, JX_REC_INDICATOR, want_ids[i], err);
	return rc;
}

static enum jx_status
log_project_insert(struct jx_store *st, const struct jx_project *p,
		   int64_t dept_year_id, int64_t id, const int64_t *ind_ids,
		   struct jx_error *err)
{
	struct jx_change_row row = {
		.action = "insert", .tbl = "project", .record_id = id,
		.label = p->name, .dept_year_id = dept_year_id,
		.project_id = id,
	};
	enum jx_status rc = log_whole(st, &row, project_summary(p), err);

	row.tbl = "indicator";
	for (size_t i = 0; rc == JX_OK && i < p->n_indicators; i++) {
		const struct jx_indicator *ind = &p->indicators[i];
		row.record_id = ind_ids[i];
		row.label = ind->name;
		rc = log_whole(st, &row, indicator_summary(ind->level1,
			       ind->level2, ind->name, ind->target), err);
	}
	return rc;
}

static enum jx_status
add_project(struct jx_store *st, int64_t dept_year_id, int64_t after_id,
	    const struct jx_project *p, int64_t want_id,
	    const int64_t *want_ids, int64_t *id, struct jx_error *err)
{
	int64_t *ind_ids = calloc(p->n_indicators + 1, sizeof *ind_ids);
	struct jx_meta_row m;
	int64_t seq = 0;
	char now[32];
	enum jx_status rc;

	if (!ind_ids)
		return NOMEM(err);
	jx_store_now(now);
	rc = jx_meta_read(st, JX_REC_YEAR, dept_year_id, &m, err);
	jx_meta_free(&m);
	if (rc == JX_OK)
		rc = check_new_project(st, p, want_id, want_ids, err);
	if (rc == JX_OK)
		rc = make_room(st, true, dept_year_id, after_id, &seq, err);
	if (rc == JX_OK)
		rc = jx_put_project(st, p, dept_year_id, seq, now, want_id,
				    want_ids, id, ind_ids, err);
	if (rc == JX_OK)
		rc = index_added(st, JX_STMT_INDEX_PROJECT_FTS, *id, err);
	if (rc == JX_OK)
		rc = log_project_insert(st, p, dept_year_id, *id, ind_ids,
					err);
	free(ind_ids);
	return rc;
}

enum jx_status
jx_store_insert_project(struct jx_store *st, int64_t dept_year_id,
			int64_t after_id, const struct jx_project *p,
			int64_t want_id, const int64_t *want_ids,
			int64_t *new_id, struct jx_error *err)
{
	struct jx_txn txn;
	int64_t id = 0;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	rc = add_project(st, dept_year_id, after_id, p, want_id, want_ids,
			 &id, err);
	rc = jx_txn_end(st, &txn, rc, err);
	if (rc == JX_OK && new_id)
		*new_id = id;
	return rc;
}

static enum jx_status
add_indicator(struct jx_store *st, int64_t project_id, int64_t after_id,
	      const struct jx_indicator *ind, int64_t want_id, int64_t *id,
	      struct jx_error *err)
{
	struct jx_meta_row m;
	struct jx_change_row row;
	int64_t seq = 0;
	char now[32];
	enum jx_status rc = jx_require_indicator(ind, err);

	jx_store_now(now);
	if (rc == JX_OK)
		rc = jx_meta_read(st, JX_REC_PROJECT, project_id, &m, err);
	else
		m = (struct jx_meta_row){ 0 };
	if (rc == JX_OK)
		rc = id_free(st, JX_REC_INDICATOR, want_id, err);
	if (rc == JX_OK)
		rc = make_room(st, false, project_id, after_id, &seq, err);
	if (rc == JX_OK)
		rc = jx_put_indicator(st, ind, project_id, seq, now, want_id,
				      id, err);
	if (rc == JX_OK)
		rc = index_added(st, JX_STMT_INDEX_INDICATOR_FTS, *id, err);
	if (rc == JX_OK)
		rc = jx_refresh_digest(st, project_id, err);
	row = jx_meta_change(JX_REC_INDICATOR, *id, &m, "insert");
	row.label = ind->name;
	if (rc == JX_OK)
		rc = log_whole(st, &row, indicator_summary(ind->level1,
			       ind->level2, ind->name, ind->target), err);
	jx_meta_free(&m);
	return rc;
}

enum jx_status
jx_store_insert_indicator(struct jx_store *st, int64_t project_id,
			  int64_t after_id, const struct jx_indicator *ind,
			  int64_t want_id, int64_t *new_id,
			  struct jx_error *err)
{
	struct jx_txn txn;
	int64_t id = 0;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	rc = add_indicator(st, project_id, after_id, ind, want_id, &id, err);
	rc = jx_txn_end(st, &txn, rc, err);
	if (rc == JX_OK && new_id)
		*new_id = id;
	return rc;
}

/* ---- deleting -------------------------------------------------------------- */

static enum jx_status
delete_row(struct jx_store *st, enum jx_stmt_id sid, int64_t id,
	   struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, sid, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	return step == SQLITE_DONE ? JX_OK : jx_db_error(st, err, "deleting");
}

/* One delete row per indicator of the project, before they go. */
static enum jx_status
log_indicators_deleted(struct jx_store *st, int64_t project_id,
		       const struct jx_meta_row *m, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PROJECT_INDICATOR_BRIEF, err);
	struct jx_change_row row = jx_meta_change(JX_REC_PROJECT, project_id,
						  m, "delete");
	enum jx_status rc = JX_OK;
	int step;

	if (!s)
		return JX_DB;
	row.tbl = "indicator";
	sqlite3_bind_int64(s, 1, project_id);
	while (rc == JX_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		row.record_id = sqlite3_column_int64(s, 0);
		row.label = jx_col_text(s, 3);
		rc = log_whole(st, &row, indicator_summary(jx_col_text(s, 1),
			       jx_col_text(s, 2), jx_col_text(s, 3),
			       jx_col_text(s, 4)), err);
	}
	if (rc == JX_OK && step != SQLITE_DONE)
		rc = jx_db_error(st, err, "reading indicators");
	sqlite3_reset(s);
	return rc;
}

static enum jx_status
remove_project(struct jx_store *st, int64_t id, int64_t version,
	       struct jx_error *err)
{
	struct jx_project p = { 0 };
	struct jx_meta_row m;
	struct jx_change_row row;
	enum jx_status rc = jx_meta_read(st, JX_REC_PROJECT, id, &m, err);

	if (rc == JX_OK)
		rc = jx_meta_check(st, JX_REC_PROJECT, id, &m, version, err);
	if (rc == JX_OK)
		rc = jx_store_get_project(st, id, &p, err);
	if (rc == JX_OK)
		rc = log_indicators_deleted(st, id, &m, err);
	row = jx_meta_change(JX_REC_PROJECT, id, &m, "delete");
	if (rc == JX_OK)
		rc = log_whole(st, &row, project_summary(&p), err);
	/* Its plan and indicators go with it (ON DELETE CASCADE). */
	if (rc == JX_OK)
		rc = delete_row(st, JX_STMT_DELETE_PROJECT, id, err);
	jx_project_free(&p);
	jx_meta_free(&m);
	return rc;
}

enum jx_status
jx_store_delete_project(struct jx_store *st, int64_t id, int64_t version,
			struct jx_error *err)
{
	struct jx_txn txn;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	return jx_txn_end(st, &txn, remove_project(st, id, version, err), err);
}

static enum jx_status
remove_indicator(struct jx_store *st, int64_t id, int64_t version,
		 struct jx_error *err)
{
	struct jx_indicator ind = { 0 };
	struct jx_meta_row m;
	struct jx_change_row row;
	enum jx_status rc = jx_meta_read(st, JX_REC_INDICATOR, id, &m, err);

	if (rc == JX_OK)
		rc = jx_meta_check(st, JX_REC_INDICATOR, id, &m, version, err);
	if (rc == JX_OK)
		rc = jx_store_get_indicator(st, id, &ind, err);
	row = jx_meta_change(JX_REC_INDICATOR, id, &m, "delete");
	if (rc == JX_OK)
		rc = log_whole(st, &row, indicator_summary(ind.level1,
			       ind.level2, ind.name, ind.target), err);
	if (rc == JX_OK)
		rc = delete_row(st, JX_STMT_DELETE_INDICATOR, id, err);
	if (rc == JX_OK)
		rc = jx_refresh_digest(st, m.parent, err);
	jx_indicator_free(&ind);
	jx_meta_free(&m);
	return rc;
}

enum jx_status
jx_store_delete_indicator(struct jx_store *st, int64_t id, int64_t version,
			  struct jx_error *err)
{
	struct jx_txn txn;
	enum jx_status rc = jx_txn_begin(st, &txn, err);

	if (rc != JX_OK)
		return rc;
	return jx_txn_end(st, &txn, remove_indicator(st, id, version, err),
			  err);
}

/* ---- moving ---------------------------------------------------------------- */

static enum jx_status
set_seq(struct jx_store *st, enum jx_stmt_id sid, int64_t id, int64_t seq,
	struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, sid, err);
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, seq);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	return step == SQLITE_DONE ? JX_OK : jx_db_error(st, err, "moving");
}

/* The neighbour of (seq, id) under parent, above (dir < 0) or below:
 * *nid 0 when there is none. */
static enum jx_status
neighbour(struct jx_store *st, enum jx_rec_kind kind, int dir,
	  const struct jx_meta_row *m, int64_t id, int64_t *nid,
	  int64_t *nseq, struct jx_error *err)
{
	bool project = kind == JX_REC_PROJECT;
	enum jx_stmt_id sid = dir < 0
		? (project ? JX_STMT_PROJECT_ABOVE : JX_STMT_INDICATOR_ABOVE)
		: (project ? JX_STMT_PROJECT_BELOW : JX_STMT_INDICATOR_BELOW);
	sqlite3_stmt *s = jx_stmt(st, sid, err);
	int step;

	*nid = 0;
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, m->parent);
	sqlite3_bind_int64(s, 2, m->seq);
	sqlite3_bind_int64(s, 3, id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		*nid = sqlite3_column_int64(s, 0);
		*nseq = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return step == SQLITE_ROW || step == SQLITE_DONE
		? JX_OK : jx_db_error(st, err, "finding a neighbour");
}

static enum jx_status
swap(struct jx_store *st, enum jx_rec_kind kind, int64_t id, int dir,
     struct jx_error *err)
{
	enum jx_stmt_id set = kind == JX_REC_PROJECT ? JX_STMT_SET_PROJECT_SEQ
						     : JX_STMT_SET_INDICATOR_SEQ;
	struct jx_meta_row m;
	struct jx_change_row row;
	int64_t nid = 0, nseq = 0;
	char a[24], b[24];
	enum jx_status rc = jx_meta_read(st, kind, id, &m, err);

	if (rc == JX_OK)
		rc = neighbour(st, kind, dir, &m, id, &nid, &nseq, err);
	if (rc == JX_OK && !nid)
		rc = jx_error_set(err, JX_NOTFOUND, dir < 0
				  ? _("%s is already the first") :
				  _("%s is already the last"), m.label);
	if (rc == JX_OK)
		rc = set_seq(st, set, id, nseq, err);
	if (rc == JX_OK)
		rc = set_seq(st, set, nid, m.seq, err);
	/* An indicator's place is part of its project's digest. */
	if (rc == JX_OK && kind == JX_REC_INDICATOR)
		rc = jx_refresh_digest(st, m.parent, err);
	snprintf(a, sizeof a, "%lld", (long long)m.seq);
	snprintf(b, sizeof b, "%lld", (long long)nseq);
	row = jx_meta_change(kind, id, &m, "move");
	row.field = "seq";
	row.old = a;
	row.new_ = b;
	if (rc == JX_OK)
		rc = jx_log_row(st, &row, err);
	jx_meta_free(&m);
	return rc;
}

static enum jx_status
move(struct jx_store *st, enum jx_rec_kind kind, int64_t id, int dir,
     struct jx_error *err)
{
	struct jx_txn txn;
	enum jx_status rc;

	if (dir != -1 && dir != 1)
		return jx_error_set(err, JX_USAGE, _("internal: a move is one"
				    " place up (-1) or down (+1)"));
	if ((rc = jx_txn_begin(st, &txn, err)) != JX_OK)
		return rc;
	return jx_txn_end(st, &txn, swap(st, kind, id, dir, err), err);
}

enum jx_status
jx_store_move_project(struct jx_store *st, int64_t id, int dir,
		      struct jx_error *err)
{
	return move(st, JX_REC_PROJECT, id, dir, err);
}

enum jx_status
jx_store_move_indicator(struct jx_store *st, int64_t id, int dir,
			struct jx_error *err)
{
	return move(st, JX_REC_INDICATOR, id, dir, err);
}
