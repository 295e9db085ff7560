/*
 * store_doc.c — writing and reading whole department-years.
 *
 * jx_store_put_doc is what import uses: it runs inside the caller's
 * transaction, so that a command importing many files either writes all of
 * them or nothing. The change log gets one row per department-year written
 * (or replaced), naming the origin and what it held.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/digest.h"
#include "core/i18n.h"
#include "core/target.h"
#include "core/text.h"
#include "store/store_internal.h"

#define STEP_DONE(st, s, err, doing) \
	(sqlite3_step(s) == SQLITE_DONE ? JX_OK : jx_db_error(st, err, doing))

static enum jx_status
find_id(struct jx_store *st, enum jx_stmt_id id, const char *text,
	int64_t *out, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, id, err);
	int rc;

	if (!s)
		return JX_DB;
	jx_bind_text(s, 1, text);
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jx_db_error(st, err, "finding a department");
	return JX_OK;
}

enum jx_status
jx_put_department(struct jx_store *st, const struct jx_doc *doc,
		  const char *now, int64_t *id, bool *created,
		  struct jx_error *err)
{
	char *key = jx_text_key(doc->dept_name);
	sqlite3_stmt *s;
	struct jx_change_row row = { .action = "insert", .tbl = "department",
				     .label = doc->dept_name };
	enum jx_status rc;

	*created = false;
	if (!key)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	rc = doc->dept_code
		? find_id(st, JX_STMT_FIND_DEPT_BY_CODE, doc->dept_code, id, err)
		: find_id(st, JX_STMT_FIND_DEPT_BY_KEY, key, id, err);
	if (rc != JX_OK || *id != 0 || !(s = jx_stmt(st, JX_STMT_INSERT_DEPT, err))) {
		free(key);
		return rc != JX_OK || *id != 0 ? rc : JX_DB;
	}
	jx_bind_text(s, 1, doc->dept_code);
	jx_bind_text(s, 2, doc->dept_name);
	jx_bind_text(s, 3, key);
	jx_bind_text(s, 4, doc->dept_competent);
	jx_bind_text(s, 5, now);
	rc = STEP_DONE(st, s, err, "adding a department");
	free(key);
	if (rc != JX_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	*created = true;
	row.record_id = *id;
	row.new_ = doc->dept_name;
	return jx_log_row(st, &row, err);
}

/* Existing department-year: refused, or deleted whole when replacing. */
static enum jx_status
clear_year(struct jx_store *st, const struct jx_doc *doc, int64_t dept_id,
	   bool replace, bool *replaced, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_FIND_YEAR, err);
	int64_t year_id = 0;
	char old[96], label[512];
	struct jx_change_row row = { .action = "delete", .tbl = "dept_year",
				     .old = old, .label = label,
				     .department_id = dept_id };
	int rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_id);
	sqlite3_bind_int(s, 2, doc->year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		year_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? JX_OK
					 : jx_db_error(st, err, "finding a year");
	if (!replace)
		return jx_error_set(err, JX_EXISTS, _("%s %d is already in the"
				    " database (use --replace to replace it"
				    " whole)"), doc->dept_name, doc->year);
	if (!(s = jx_stmt(st, JX_STMT_YEAR_COUNTS, err)))
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(old, sizeof old, "%lld projects, %lld indicators",
			 (long long)sqlite3_column_int64(s, 0),
			 (long long)sqlite3_column_int64(s, 1));
	else
		snprintf(old, sizeof old, "?");
	sqlite3_reset(s);
	if (!(s = jx_stmt(st, JX_STMT_DELETE_YEAR, err)))
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	rc = STEP_DONE(st, s, err, "replacing a year");
	if (rc != JX_OK)
		return rc;
	*replaced = true;
	snprintf(label, sizeof label, "%s %d", doc->dept_name, doc->year);
	row.record_id = row.dept_year_id = year_id;
	return jx_log_row(st, &row, err);
}

enum jx_status
jx_put_year_row(struct jx_store *st, const struct jx_doc *doc,
		int64_t dept_id, const char *now, int64_t *year_id,
		struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_INSERT_YEAR, err);
	enum jx_status rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, dept_id);
	sqlite3_bind_int(s, 2, doc->year);
	jx_bind_text(s, 3, doc->framework);
	jx_bind_text(s, 4, doc->source);
	jx_bind_text(s, 5, doc->note);
	jx_bind_text(s, 6, doc->goals);
	jx_bind_text(s, 7, doc->measures);
	jx_bind_text(s, 8, now);
	rc = STEP_DONE(st, s, err, "adding a year");
	*year_id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum jx_status
jx_put_subgoals(struct jx_store *st, const struct jx_doc *doc,
		int64_t year_id, const char *now, struct jx_error *err)
{
	for (size_t i = 0; i < doc->n_subgoals; i++) {
		const struct jx_subgoal *g = &doc->subgoals[i];
		sqlite3_stmt *s = jx_stmt(st, JX_STMT_INSERT_SUBGOAL, err);
		enum jx_status rc;

		if (!s)
			return JX_DB;
		sqlite3_bind_int64(s, 1, year_id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		jx_bind_text(s, 3, g->title);
		jx_bind_text(s, 4, g->goal);
		jx_bind_text(s, 5, g->indicator);
		jx_bind_text(s, 6, now);
		if ((rc = STEP_DONE(st, s, err, "adding a sub-goal")) != JX_OK)
			return rc;
	}
	return JX_OK;
}

void
jx_bind_target(struct jx_store *st, sqlite3_stmt *s, int col,
	       const char *target)
{
	struct jx_target t;

	jx_store_parse_target(st, target, &t);
	sqlite3_bind_int(s, col, (int)t.kind);
	sqlite3_bind_int(s, col + 1, (int)t.cmp);
	if (t.kind == JX_TK_NUMBER)
		sqlite3_bind_int64(s, col + 2, t.value);
	else
		sqlite3_bind_null(s, col + 2);
	/* The unit text lives in t, which goes out of scope: copied. */
	if (t.unit[0])
		sqlite3_bind_text(s, col + 3, t.unit, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, col + 3);
	for (int i = 0; i < 3; i++)
		sqlite3_bind_null(s, col + 4 + i);
	if (t.kind == JX_TK_DEADLINE) {
		sqlite3_bind_int(s, col + 4, t.year);
		sqlite3_bind_int(s, col + 5, t.month);
		sqlite3_bind_int(s, col + 6, t.day);
	}
	if (t.word[0])
		sqlite3_bind_text(s, col + 7, t.word, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, col + 7);
	sqlite3_bind_int(s, col + 8, (int)t.warnings);
}

/* The version a re-used id starts at: above any it had, since every
 * version it had came with at least one change-log row. */
static enum jx_status
reuse_version(struct jx_store *st, const char *tbl, int64_t id,
	      int64_t *version, struct jx_error *err)
{
	sqlite3_stmt *s;
	int step;

	*version = 1;
	if (!id)
		return JX_OK;
	if (!(s = jx_stmt(st, JX_STMT_COUNT_CHANGES, err)))
		return JX_DB;
	jx_bind_text(s, 1, tbl);
	sqlite3_bind_int64(s, 2, id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*version = 1 + sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return step == SQLITE_ROW ? JX_OK
				  : jx_db_error(st, err, "reading the log");
}

/* An explicit id (re-used) or NULL, which makes a new one. */
static void
bind_want(sqlite3_stmt *s, int col, int64_t want_id)
{
	if (want_id)
		sqlite3_bind_int64(s, col, want_id);
	else
		sqlite3_bind_null(s, col);
}

/* Binds one indicator row of JX_INSERT_INDICATORS from parameter base+1. */
static void
bind_indicator(struct jx_store *st, sqlite3_stmt *s, int base,
	       const struct jx_indicator *ind, int64_t project_id,
	       int64_t seq, const char *now, int64_t want_id, int64_t version)
{
	sqlite3_bind_int64(s, base + 1, project_id);
	sqlite3_bind_int64(s, base + 2, seq);
	jx_bind_text(s, base + 3, ind->level1);
	jx_bind_text(s, base + 4, ind->level2);
	jx_bind_text(s, base + 5, ind->name);
	jx_bind_text(s, base + 6, ind->description);
	jx_bind_text(s, base + 7, ind->target ? ind->target : "");
	jx_bind_text(s, base + 8, ind->basis);
	jx_bind_target(st, s, base + 9, ind->target);
	jx_bind_text(s, base + 18, now);
	bind_want(s, base + 19, want_id);
	sqlite3_bind_int64(s, base + 20, version);
}

enum jx_status
jx_put_indicator(struct jx_store *st, const struct jx_indicator *ind,
		 int64_t project_id, int64_t seq, const char *now,
		 int64_t want_id, int64_t *id, struct jx_error *err)
{
	sqlite3_stmt *s;
	int64_t version;
	enum jx_status rc = reuse_version(st, "indicator", want_id, &version,
					  err);

	if (rc != JX_OK)
		return rc;
	if (!(s = jx_stmt(st, JX_STMT_INSERT_INDICATOR, err)))
		return JX_DB;
	bind_indicator(st, s, 0, ind, project_id, seq, now, want_id, version);
	rc = STEP_DONE(st, s, err, "adding an indicator");
	if (rc == JX_OK && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* The statement adding k indicators (2 <= k <= JX_INDICATOR_BATCH),
 * prepared the first time, reset. */
static sqlite3_stmt *
add_indicators_stmt(struct jx_store *st, size_t k, struct jx_error *err)
{
	char sql[sizeof JX_INSERT_INDICATORS + JX_INDICATOR_BATCH * 160];
	size_t len = sizeof JX_INSERT_INDICATORS - 1;
	sqlite3_stmt **s = &st->add_indicators[k];

	if (*s) {
		sqlite3_reset(*s);
		return *s;
	}
	memcpy(sql, JX_INSERT_INDICATORS, len + 1);
	for (size_t r = 0; r < k; r++) {
		int b = (int)r * JX_INDICATOR_PARAMS;

		/* 21 columns, 20 parameters: the 18th, the time, goes to
		 * both created_at and updated_at (as in INSERT_INDICATOR). */
		for (int c = 1; c <= JX_INDICATOR_PARAMS + 1; c++)
			len += (size_t)snprintf(sql + len, sizeof sql - len,
						"%s?%d",
						c > 1 ? "," : r ? ",(" : "(",
						b + (c <= 18 ? c : c - 1));
		len += (size_t)snprintf(sql + len, sizeof sql - len, ")");
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, s,
			       NULL) != SQLITE_OK) {
		jx_db_error(st, err, "preparing a query");
		return NULL;
	}
	return *s;
}

/* A new project's indicators, new ids, up to JX_INDICATOR_BATCH a
 * statement: a statement's own cost (the AUTOINCREMENT counter, its start
 * and end) was half of adding a row one at a time. */
static enum jx_status
add_indicators(struct jx_store *st, const struct jx_project *p,
	       int64_t project_id, const char *now, struct jx_error *err)
{
	for (size_t i = 0; i < p->n_indicators; ) {
		size_t k = p->n_indicators - i;
		sqlite3_stmt *s;
		enum jx_status rc;

		if (k > JX_INDICATOR_BATCH)
			k = JX_INDICATOR_BATCH;
		if (k == 1)
			return jx_put_indicator(st, &p->indicators[i],
						project_id, (int64_t)i + 1,
						now, 0, NULL, err);
		if (!(s = add_indicators_stmt(st, k, err)))
			return JX_DB;
		for (size_t r = 0; r < k; r++, i++)
			bind_indicator(st, s, (int)r * JX_INDICATOR_PARAMS,
				       &p->indicators[i], project_id,
				       (int64_t)i + 1, now, 0, 1);
		if ((rc = STEP_DONE(st, s, err, "adding indicators")) != JX_OK)
			return rc;
	}
	return JX_OK;
}

enum jx_status
jx_refresh_digest(struct jx_store *st, int64_t project_id,
		  struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_PROJECT_INDICATOR_BRIEF, err);
	struct jx_digest d;
	int step;

	if (!s)
		return JX_DB;
	jx_digest_init(&d);
	sqlite3_bind_int64(s, 1, project_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		jx_digest_add(&d, jx_col_text(s, 1), jx_col_text(s, 2),
			      jx_col_text(s, 3), jx_col_text(s, 4));
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "reading indicators");
	if (!(s = jx_stmt(st, JX_STMT_SET_DIGEST, err)))
		return JX_DB;
	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, jx_digest_value(&d));
	return STEP_DONE(st, s, err, "updating a project");
}

static void
bind_project(sqlite3_stmt *s, const struct jx_project *p, int64_t year_id,
	     int64_t seq, const char *key, const char *now)
{
	const char *texts[] = { p->code, p->name, key, p->title, p->competent,
				p->unit, p->attribute, p->category, p->period };
	const struct jx_amount money[] = {
		p->period_total, p->period_fiscal, p->period_other,
		p->annual_total, p->annual_fiscal, p->annual_other };
	const char *tail[] = { p->purpose, p->period_goal, p->annual_goal,
			       p->goal, p->note, now };
	int col = 1;

	sqlite3_bind_int64(s, col++, year_id);
	sqlite3_bind_int64(s, col++, seq);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		jx_bind_text(s, col++, texts[i]);
	for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
		jx_bind_amount(s, col++, money[i]);
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		jx_bind_text(s, col++, tail[i]);
}

enum jx_status
jx_put_plan(struct jx_store *st, const struct jx_project *p,
	    int64_t project_id, struct jx_error *err)
{
	for (size_t i = 0; i < p->n_plan; i++) {
		sqlite3_stmt *s = jx_stmt(st, JX_STMT_INSERT_CHECKPOINT, err);
		enum jx_status rc;

		if (!s)
			return JX_DB;
		sqlite3_bind_int64(s, 1, project_id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		jx_bind_text(s, 3, p->plan[i].label);
		jx_bind_text(s, 4, p->plan[i].percent);
		if ((rc = STEP_DONE(st, s, err, "adding a checkpoint")) != JX_OK)
			return rc;
	}
	return JX_OK;
}

enum jx_status
jx_put_project(struct jx_store *st, const struct jx_project *p,
	       int64_t year_id, int64_t seq, const char *now, int64_t want_id,
	       const int64_t *want_ids, int64_t *id, int64_t *ind_ids,
	       struct jx_error *err)
{
	sqlite3_stmt *s;
	char *key = jx_text_key(p->name);
	int64_t project_id, version;
	enum jx_status rc;

	if (!key)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	rc = reuse_version(st, "project", want_id, &version, err);
	if (rc != JX_OK || !(s = jx_stmt(st, JX_STMT_INSERT_PROJECT, err))) {
		free(key);
		return rc != JX_OK ? rc : JX_DB;
	}
	bind_project(s, p, year_id, seq, key, now);
	bind_want(s, 24, want_id);
	sqlite3_bind_int64(s, 25, version);
	sqlite3_bind_int(s, 26, !p->unreviewed);
	sqlite3_bind_int64(s, 27, jx_indicators_digest(p->indicators,
						       p->n_indicators));
	rc = STEP_DONE(st, s, err, "adding a project");
	free(key);
	if (rc != JX_OK)
		return rc;
	project_id = sqlite3_last_insert_rowid(st->db);
	if (id)
		*id = project_id;
	rc = jx_put_plan(st, p, project_id, err);
	if (rc == JX_OK && !want_ids && !ind_ids)
		return add_indicators(st, p, project_id, now, err);
	for (size_t i = 0; rc == JX_OK && i < p->n_indicators; i++)
		rc = jx_put_indicator(st, &p->indicators[i], project_id,
				      (int64_t)i + 1, now,
				      want_ids ? want_ids[i] : 0,
				      ind_ids ? &ind_ids[i] : NULL, err);
	return rc;
}

enum jx_status
jx_store_put_doc(struct jx_store *st, const struct jx_doc *doc, bool replace,
		 const char *origin, struct jx_import_counts *counts,
		 struct jx_error *err)
{
	char now[32], what[512], label[512];
	int64_t dept_id = 0, year_id = 0;
	bool replaced = false, created = false;
	struct jx_change_row row = { .tbl = "dept_year", .new_ = what,
				     .label = label };
	size_t n_ind = jx_doc_indicator_count(doc);
	enum jx_status rc;

	/* Count first: on failure the caller reports what would have been
	 * written. */
	counts->years++;
	counts->projects += doc->n_projects;
	counts->indicators += n_ind;
	if (!st->in_txn)
		return jx_error_set(err, JX_USAGE, _("internal: put_doc outside"
				    " a transaction"));
	jx_store_now(now);
	rc = jx_store_will_add_indicators(st, err);
	if (rc == JX_OK)
		rc = jx_put_department(st, doc, now, &dept_id, &created, err);
	if (created)
		counts->departments++;
	if (rc == JX_OK)
		rc = clear_year(st, doc, dept_id, replace, &replaced, err);
	if (rc == JX_OK)
		rc = jx_put_year_row(st, doc, dept_id, now, &year_id, err);
	if (rc == JX_OK)
		rc = jx_put_subgoals(st, doc, year_id, now, err);
	for (size_t i = 0; rc == JX_OK && i < doc->n_projects; i++)
		rc = jx_put_project(st, &doc->projects[i], year_id,
				    (int64_t)i + 1, now, 0, NULL, NULL, NULL,
				    err);
	if (rc != JX_OK)
		return rc;
	snprintf(what, sizeof what, "%s: %zu projects, %zu indicators",
		 origin ? origin : "import", doc->n_projects, n_ind);
	snprintf(label, sizeof label, "%s %d", doc->dept_name, doc->year);
	row.action = replaced ? "replace" : "import";
	row.record_id = row.dept_year_id = year_id;
	return jx_log_row(st, &row, err);
}
