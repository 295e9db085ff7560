/*
 * store_read.c — reading whole records back: a department-year for export,
 * one project (with plan and indicators) for `show` and the detail pane.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>

#include "core/i18n.h"
#include "store/store_internal.h"

#define NOMEM(err) jx_error_set(err, JX_NOMEM, _("out of memory"))

static enum jx_status
read_checkpoints(struct jx_store *st, int64_t project_id,
		 struct jx_project *p, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_CHECKPOINTS, err);
	int rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, project_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_checkpoint *c = jx_project_add_checkpoint(p);
		if (!c || !jx_col_dup(s, 0, &c->label) ||
		    !jx_col_dup(s, 1, &c->percent)) {
			sqlite3_reset(s);
			return NOMEM(err);
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? JX_OK
				 : jx_db_error(st, err, "reading a plan");
}

/* The six text columns of an indicator query into ind. */
static bool
indicator_columns(sqlite3_stmt *s, struct jx_indicator *ind)
{
	char **fields[] = { &ind->level1, &ind->level2, &ind->name,
			    &ind->description, &ind->target, &ind->basis };

	for (int i = 0; i < 6; i++)
		if (!jx_col_dup(s, i, fields[i]))
			return false;
	return true;
}

enum jx_status
jx_store_get_indicator(struct jx_store *st, int64_t indicator_id,
		       struct jx_indicator *out, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_INDICATOR, err);
	enum jx_status rc = JX_OK;
	int step;

	*out = (struct jx_indicator){ 0 };
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, indicator_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && !indicator_columns(s, out))
		rc = NOMEM(err);
	else if (step == SQLITE_DONE)
		rc = jx_error_set(err, JX_NOTFOUND, _("no indicator with id %lld"),
				  (long long)indicator_id);
	else if (step != SQLITE_ROW)
		rc = jx_db_error(st, err, "reading an indicator");
	sqlite3_reset(s);
	if (rc != JX_OK) {
		jx_indicator_free(out);
		*out = (struct jx_indicator){ 0 };
	}
	return rc;
}

static enum jx_status
read_indicators(struct jx_store *st, int64_t project_id,
		struct jx_project *p, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_INDICATORS, err);
	int rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, project_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_indicator *ind = jx_project_add_indicator(p);

		if (!ind || !indicator_columns(s, ind)) {
			sqlite3_reset(s);
			return NOMEM(err);
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? JX_OK
				 : jx_db_error(st, err, "reading indicators");
}

/* Columns of GET_PROJECT, in order. */
static bool
project_columns(sqlite3_stmt *s, struct jx_project *p)
{
	char **texts[] = { &p->code, &p->name, &p->title, &p->competent,
			   &p->unit, &p->attribute, &p->category, &p->period };
	struct jx_amount *money[] = {
		&p->period_total, &p->period_fiscal, &p->period_other,
		&p->annual_total, &p->annual_fiscal, &p->annual_other };
	char **tail[] = { &p->purpose, &p->period_goal, &p->annual_goal,
			  &p->goal, &p->note };
	int col = 0;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (!jx_col_dup(s, col++, texts[i]))
			return false;
	for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
		*money[i] = jx_col_amount(s, col++);
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		if (!jx_col_dup(s, col++, tail[i]))
			return false;
	p->unreviewed = sqlite3_column_int(s, col) == 0;
	return true;
}

static enum jx_status
read_project(struct jx_store *st, int64_t project_id, struct jx_project *p,
	     struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_PROJECT, err);
	enum jx_status rc = JX_OK;
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, project_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && !project_columns(s, p))
		rc = NOMEM(err);
	else if (step == SQLITE_DONE)
		rc = jx_error_set(err, JX_NOTFOUND, _("no project with id %lld"),
				  (long long)project_id);
	else if (step != SQLITE_ROW)
		rc = jx_db_error(st, err, "reading a project");
	sqlite3_reset(s);
	if (rc == JX_OK)
		rc = read_checkpoints(st, project_id, p, err);
	if (rc == JX_OK)
		rc = read_indicators(st, project_id, p, err);
	return rc;
}

enum jx_status
jx_store_get_project(struct jx_store *st, int64_t project_id,
		     struct jx_project *out, struct jx_error *err)
{
	enum jx_status rc;

	*out = (struct jx_project){ 0 };
	rc = read_project(st, project_id, out, err);
	if (rc != JX_OK) {
		jx_project_free(out);
		*out = (struct jx_project){ 0 };
	}
	return rc;
}

enum jx_status
jx_read_year(struct jx_store *st, int64_t year_id, struct jx_doc *doc,
	     struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_YEAR, err);
	enum jx_status rc = JX_OK;
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		doc->year = sqlite3_column_int(s, 3);
		if (!jx_col_dup(s, 0, &doc->dept_code) ||
		    !jx_col_dup(s, 1, &doc->dept_name) ||
		    !jx_col_dup(s, 2, &doc->dept_competent) ||
		    !jx_col_dup(s, 4, &doc->framework) ||
		    !jx_col_dup(s, 5, &doc->source) ||
		    !jx_col_dup(s, 6, &doc->note) ||
		    !jx_col_dup(s, 7, &doc->goals) ||
		    !jx_col_dup(s, 8, &doc->measures))
			rc = NOMEM(err);
	} else {
		rc = step == SQLITE_DONE
			? jx_error_set(err, JX_NOTFOUND, _("no department-year"
				       " with id %lld"), (long long)year_id)
			: jx_db_error(st, err, "reading a year");
	}
	sqlite3_reset(s);
	return rc;
}

enum jx_status
jx_read_subgoals(struct jx_store *st, int64_t year_id, struct jx_doc *doc,
		 struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_SUBGOALS, err);
	int rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_subgoal *g = jx_doc_add_subgoal(doc);
		if (!g || !jx_col_dup(s, 0, &g->title) ||
		    !jx_col_dup(s, 1, &g->goal) ||
		    !jx_col_dup(s, 2, &g->indicator)) {
			sqlite3_reset(s);
			return NOMEM(err);
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? JX_OK
				 : jx_db_error(st, err, "reading sub-goals");
}

/* Project ids of a year, in order. The year's projects are read one at a
 * time after this, so the id list is the only thing held for the whole
 * year besides the document being built. */
static enum jx_status
read_projects(struct jx_store *st, int64_t year_id, struct jx_doc *doc,
	      struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_PROJECT_IDS, err);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	enum jx_status rc = JX_OK;
	int step;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, year_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *grown;
			cap = cap ? 2 * cap : 32;
			grown = realloc(ids, cap * sizeof *ids);
			if (!grown) {
				rc = NOMEM(err);
				break;
			}
			ids = grown;
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	if (rc == JX_OK && step != SQLITE_DONE)
		rc = jx_db_error(st, err, "listing projects");
	sqlite3_reset(s);
	for (size_t i = 0; rc == JX_OK && i < n; i++) {
		struct jx_project *p = jx_doc_add_project(doc);
		rc = p ? read_project(st, ids[i], p, err) : NOMEM(err);
	}
	free(ids);
	return rc;
}

enum jx_status
jx_store_get_year_head(struct jx_store *st, int64_t dept_year_id,
		       struct jx_doc *doc, struct jx_error *err)
{
	enum jx_status rc;

	jx_doc_init(doc);
	rc = jx_read_year(st, dept_year_id, doc, err);
	if (rc != JX_OK) {
		jx_doc_free(doc);
		jx_doc_init(doc);
	}
	return rc;
}

enum jx_status
jx_store_get_doc(struct jx_store *st, int64_t dept_year_id,
		 struct jx_doc *doc, struct jx_error *err)
{
	enum jx_status rc;

	jx_doc_init(doc);
	rc = jx_read_year(st, dept_year_id, doc, err);
	if (rc == JX_OK)
		rc = jx_read_subgoals(st, dept_year_id, doc, err);
	if (rc == JX_OK)
		rc = read_projects(st, dept_year_id, doc, err);
	if (rc != JX_OK) {
		jx_doc_free(doc);
		jx_doc_init(doc);
	}
	return rc;
}
