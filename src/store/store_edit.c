/*
 * store_edit.c — one record read for a form, and the form saved back
 * (store/store_edit.h: jx_store_load_*, jx_store_save_*).
 *
 * A save compares the stored record with the form's, field by field, and
 * writes one change-log row per changed field (interchange keys, money as
 * 万元 text, the plan and the sub-goals rendered as one text); only then
 * is the row updated, its version raised and its updated_at set. The
 * version the form was read at is checked first, inside the transaction:
 * another program's change is a JX_CONFLICT, never overwritten.
 *
 * Also what the other editing files share (store_internal.h): a record's
 * meta (jx_meta_read), the conflict check and message (jx_meta_check).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

#define NOMEM(err) jx_error_set(err, JX_NOMEM, _("out of memory"))

/* ---- meta and conflicts ---------------------------------------------- */

static const enum jx_stmt_id meta_stmt[] = {
	[JX_REC_YEAR] = JX_STMT_META_YEAR,
	[JX_REC_PROJECT] = JX_STMT_META_PROJECT,
	[JX_REC_INDICATOR] = JX_STMT_META_INDICATOR,
};
static const char *const rec_table[] = {
	[JX_REC_YEAR] = "dept_year",
	[JX_REC_PROJECT] = "project",
	[JX_REC_INDICATOR] = "indicator",
};
/* How messages name a kind of record. */
static const char *const rec_what[] = {
	[JX_REC_YEAR] = N_("department-year"),
	[JX_REC_PROJECT] = N_("project"),
	[JX_REC_INDICATOR] = N_("indicator"),
};

const char *
jx_rec_table(enum jx_rec_kind kind)
{
	return rec_table[kind];
}

static bool
meta_columns(sqlite3_stmt *s, struct jx_meta_row *m)
{
	const char *at = jx_col_text(s, 4);

	m->version = sqlite3_column_int64(s, 0);
	m->parent = sqlite3_column_int64(s, 1);
	m->seq = sqlite3_column_int64(s, 2);
	m->reviewed = sqlite3_column_int(s, 3) != 0;
	snprintf(m->updated_at, sizeof m->updated_at, "%s", at ? at : "");
	m->dept_year_id = sqlite3_column_int64(s, 6);
	m->project_id = sqlite3_column_int64(s, 7);
	return jx_col_dup(s, 5, &m->label);
}

enum jx_status
jx_meta_read(struct jx_store *st, enum jx_rec_kind kind, int64_t id,
	     struct jx_meta_row *m, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, meta_stmt[kind], err);
	enum jx_status rc = JX_OK;
	int step;

	*m = (struct jx_meta_row){ 0 };
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && !meta_columns(s, m))
		rc = NOMEM(err);
	else if (step == SQLITE_DONE)
		rc = jx_error_set(err, JX_NOTFOUND, _("the %s with id %lld is"
				  " no longer in the database (deleted"
				  " meanwhile)"), _(rec_what[kind]),
				  (long long)id);
	else if (step != SQLITE_ROW)
		rc = jx_db_error(st, err, "reading a record");
	sqlite3_reset(s);
	return rc;
}

void
jx_meta_free(struct jx_meta_row *m)
{
	free(m->label);
	m->label = NULL;
}

enum jx_status
jx_meta_check(struct jx_store *st, enum jx_rec_kind kind, int64_t id,
	      const struct jx_meta_row *m, int64_t version,
	      struct jx_error *err)
{
	sqlite3_stmt *s;
	enum jx_status rc;
	bool found;

	if (m->version == version)
		return JX_OK;
	if (!(s = jx_stmt(st, JX_STMT_LAST_CHANGE, err)))
		return JX_DB;
	jx_bind_text(s, 1, rec_table[kind]);
	sqlite3_bind_int64(s, 2, id);
	found = sqlite3_step(s) == SQLITE_ROW;
	rc = jx_error_set(err, JX_CONFLICT, _("%s %s was changed by %s at %s"
			  " (version %lld, you read version %lld)"),
			  _(rec_what[kind]), m->label ? m->label : "",
			  found ? jx_col_text(s, 0) : _("another program"),
			  found ? jx_col_text(s, 1) : m->updated_at,
			  (long long)m->version, (long long)version);
	sqlite3_reset(s);
	return rc;
}

struct jx_change_row
jx_meta_change(enum jx_rec_kind kind, int64_t id, const struct jx_meta_row *m,
	       const char *action)
{
	struct jx_change_row row = {
		.action = action, .tbl = rec_table[kind], .record_id = id,
		.label = m->label, .dept_year_id = m->dept_year_id,
		.project_id = m->project_id,
	};
	return row;
}

static void
public_meta(int64_t id, const struct jx_meta_row *m, struct jx_rec_meta *out)
{
	if (!out)
		return;
	*out = (struct jx_rec_meta){
		.id = id, .version = m->version, .parent_id = m->parent,
		.seq = m->seq, .reviewed = m->reviewed,
	};
	snprintf(out->updated_at, sizeof out->updated_at, "%s",
		 m->updated_at);
}

/* ---- loading ------------------------------------------------------------ */

enum jx_status
jx_store_load_year(struct jx_store *st, int64_t dept_year_id,
		   struct jx_doc *head, struct jx_rec_meta *meta,
		   struct jx_error *err)
{
	struct jx_meta_row m;
	enum jx_status rc;

	jx_doc_init(head);
	jx_read_begin(st);
	rc = jx_meta_read(st, JX_REC_YEAR, dept_year_id, &m, err);
	if (rc == JX_OK)
		rc = jx_read_year(st, dept_year_id, head, err);
	if (rc == JX_OK)
		rc = jx_read_subgoals(st, dept_year_id, head, err);
	jx_read_end(st);
	if (rc == JX_OK)
		public_meta(dept_year_id, &m, meta);
	else
		jx_doc_free(head);
	jx_meta_free(&m);
	return rc;
}

static enum jx_status
indicator_ids(struct jx_store *st, int64_t project_id, size_t n,
	      int64_t **ids, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_GET_INDICATOR_IDS, err);
	size_t i = 0;
	int step;

	if (!s)
		return JX_DB;
	if (!(*ids = calloc(n ? n : 1, sizeof **ids)))
		return NOMEM(err);
	sqlite3_bind_int64(s, 1, project_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW && i < n)
		(*ids)[i++] = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (step == SQLITE_ROW || step == SQLITE_DONE)
		return JX_OK;
	free(*ids);
	*ids = NULL;
	return jx_db_error(st, err, "reading indicators");
}

enum jx_status
jx_store_load_project(struct jx_store *st, int64_t id, struct jx_project *p,
		      struct jx_rec_meta *meta, int64_t **ids,
		      struct jx_error *err)
{
	struct jx_meta_row m;
	enum jx_status rc;

	*p = (struct jx_project){ 0 };
	if (ids)
		*ids = NULL;
	jx_read_begin(st);
	rc = jx_meta_read(st, JX_REC_PROJECT, id, &m, err);
	if (rc == JX_OK)
		rc = jx_store_get_project(st, id, p, err);
	if (rc == JX_OK && ids)
		rc = indicator_ids(st, id, p->n_indicators, ids, err);
	jx_read_end(st);
	if (rc == JX_OK)
		public_meta(id, &m, meta);
	else
		jx_project_free(p);
	jx_meta_free(&m);
	return rc;
}

enum jx_status
jx_store_load_indicator(struct jx_store *st, int64_t id,
			struct jx_indicator *ind, struct jx_rec_meta *meta,
			struct jx_error *err)
{
	struct jx_meta_row m;
	enum jx_status rc;

	*ind = (struct jx_indicator){ 0 };
	jx_read_begin(st);
	rc = jx_meta_read(st, JX_REC_INDICATOR, id, &m, err);
	if (rc == JX_OK)
		rc = jx_store_get_indicator(st, id, ind, err);
	jx_read_end(st);
	if (rc == JX_OK)
		public_meta(id, &m, meta);
	jx_meta_free(&m);
	return rc;
}

/* ---- comparing field by field ----------------------------------------- */

/* Optional text as stored: "" is a blank cell, like NULL. */
static const char *
opt(const char *s)
{
	return s && *s ? s : NULL;
}

static bool
same_text(const char *a, const char *b)
{
	a = opt(a);
	b = opt(b);
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* A save in progress: the row the next changed field is logged with. */
struct diff {
	struct jx_store *st;
	struct jx_change_row row;
	int changed;
	enum jx_status rc;
	struct jx_error *err;
};

static void
diff_text(struct diff *d, const char *field, const char *old,
	  const char *new_)
{
	if (d->rc != JX_OK || same_text(old, new_))
		return;
	d->row.field = field;
	d->row.old = opt(old);
	d->row.new_ = opt(new_);
	d->rc = jx_log_row(d->st, &d->row, d->err);
	d->changed++;
}

static void
diff_money(struct diff *d, const char *field, struct jx_amount old,
	   struct jx_amount new_)
{
	char a[48], b[48];

	jx_amount_format_wan(old, a, sizeof a);
	jx_amount_format_wan(new_, b, sizeof b);
	diff_text(d, field, a, b);
}

/* Logs a field whose old and new texts were rendered (plan, sub-goals);
 * they are sqlite3_str results, freed here. */
static void
diff_rendered(struct diff *d, const char *field, bool same, char *old,
	      char *new_)
{
	if (!same && d->rc == JX_OK) {
		d->row.field = field;
		d->row.old = old;
		d->row.new_ = new_;
		d->rc = jx_log_row(d->st, &d->row, d->err);
		d->changed++;
	}
	sqlite3_free(old);
	sqlite3_free(new_);
}

static const char *
text_at(const void *rec, size_t offset)
{
	return *(char *const *)(const void *)((const char *)rec + offset);
}

struct text_field {
	const char *key;
	size_t offset;
};

static void
diff_texts(struct diff *d, const struct text_field *f, size_t n,
	   const void *old, const void *new_)
{
	for (size_t i = 0; i < n; i++)
		diff_text(d, f[i].key, text_at(old, f[i].offset),
			  text_at(new_, f[i].offset));
}

/* ---- rendering lists as one text ------------------------------------ */

static char *
finish(sqlite3_str *str)
{
	if (sqlite3_str_length(str) == 0) {
		sqlite3_free(sqlite3_str_finish(str));
		return NULL;
	}
	return sqlite3_str_finish(str);
}

/* "3月底 25.00%; 6月底 50.00%"; NULL for no plan. */
static char *
plan_text(sqlite3 *db, const struct jx_project *p)
{
	sqlite3_str *str = sqlite3_str_new(db);

	for (size_t i = 0; i < p->n_plan; i++) {
		const struct jx_checkpoint *c = &p->plan[i];
		sqlite3_str_appendf(str, "%s%s%s%s", i ? "; " : "",
				    c->label ? c->label : "",
				    opt(c->percent) ? " " : "",
				    opt(c->percent) ? c->percent : "");
	}
	return finish(str);
}

static bool
same_plan(const struct jx_project *a, const struct jx_project *b)
{
	if (a->n_plan != b->n_plan)
		return false;
	for (size_t i = 0; i < a->n_plan; i++)
		if (!same_text(a->plan[i].label, b->plan[i].label) ||
		    !same_text(a->plan[i].percent, b->plan[i].percent))
			return false;
	return true;
}

/* One line per sub-goal: "title — goal — indicator" (blank parts left
 * out); NULL for none. */
static char *
subgoals_text(sqlite3 *db, const struct jx_doc *doc)
{
	sqlite3_str *str = sqlite3_str_new(db);

	for (size_t i = 0; i < doc->n_subgoals; i++) {
		const struct jx_subgoal *g = &doc->subgoals[i];
		sqlite3_str_appendf(str, "%s%s", i ? "\n" : "",
				    g->title ? g->title : "");
		if (opt(g->goal))
			sqlite3_str_appendf(str, " — %s", g->goal);
		if (opt(g->indicator))
			sqlite3_str_appendf(str, " — %s", g->indicator);
	}
	return finish(str);
}

static bool
same_subgoals(const struct jx_doc *a, const struct jx_doc *b)
{
	if (a->n_subgoals != b->n_subgoals)
		return false;
	for (size_t i = 0; i < a->n_subgoals; i++) {
		const struct jx_subgoal *x = &a->subgoals[i];
		const struct jx_subgoal *y = &b->subgoals[i];
		if (!same_text(x->title, y->title) ||
		    !same_text(x->goal, y->goal) ||
		    !same_text(x->indicator, y->indicator))
			return false;
	}
	return true;
}

/* ---- what a record must have ------------------------------------------ */

static enum jx_status
missing(struct jx_error *err, const char *what, const char *field)
{
	return jx_error_set(err, JX_MISSING, _("%s has no '%s'"), what, field);
}

enum jx_status
jx_require_project(const struct jx_project *p, struct jx_error *err)
{
	if (!opt(p->name))
		return missing(err, _("the project"), "name");
	for (size_t i = 0; i < p->n_plan; i++)
		if (!opt(p->plan[i].label))
			return missing(err, _("a plan item"), "label");
	return JX_OK;
}

enum jx_status
jx_require_indicator(const struct jx_indicator *ind, struct jx_error *err)
{
	const char *need[] = { ind->level1, ind->level2, ind->name,
			       ind->target };
	const char *keys[] = { "level1", "level2", "name", "target" };

	for (size_t i = 0; i < 4; i++)
		if (!opt(need[i]))
			return missing(err, _("the indicator"), keys[i]);
	return JX_OK;
}

enum jx_status
jx_require_year(const struct jx_doc *head, struct jx_error *err)
{
	if (!opt(head->dept_name))
		return missing(err, _("the department"), "name");
	if (head->year < 1900 || head->year > 2999)
		return jx_error_set(err, JX_INVALID, _("'year' must be from"
				    " 1900 to 2999, not %d"), head->year);
	for (size_t i = 0; i < head->n_subgoals; i++)
		if (!opt(head->subgoals[i].title))
			return missing(err, _("a sub-goal"), "title");
	return JX_OK;
}

/* ---- saving a project ------------------------------------------------- */

#define PF(key, member) { key, offsetof(struct jx_project, member) }

static const struct text_field project_head[] = {
	PF("code", code), PF("name", name), PF("title", title),
	PF("competent", competent), PF("unit", unit),
	PF("attribute", attribute), PF("category", category),
	PF("period", period),
};
static const struct text_field project_goals[] = {
	PF("period_goal", period_goal), PF("annual_goal", annual_goal),
	PF("goal", goal), PF("note", note),
};

/* Logs what differs, in the order of the interchange format. */
static void
diff_project(struct diff *d, const struct jx_project *o,
	     const struct jx_project *n, bool reviewed, bool *plan_changed)
{
	const char *money_keys[] = { "period_total", "period_fiscal",
				     "period_other", "annual_total",
				     "annual_fiscal", "annual_other" };
	const struct jx_amount om[] = { o->period_total, o->period_fiscal,
					o->period_other, o->annual_total,
					o->annual_fiscal, o->annual_other };
	const struct jx_amount nm[] = { n->period_total, n->period_fiscal,
					n->period_other, n->annual_total,
					n->annual_fiscal, n->annual_other };

	diff_texts(d, project_head, sizeof project_head / sizeof *project_head,
		   o, n);
	for (size_t i = 0; i < 6; i++)
		diff_money(d, money_keys[i], om[i], nm[i]);
	diff_text(d, "purpose", o->purpose, n->purpose);
	*plan_changed = !same_plan(o, n);
	diff_rendered(d, "plan", !*plan_changed, plan_text(d->st->db, o),
		      plan_text(d->st->db, n));
	diff_texts(d, project_goals,
		   sizeof project_goals / sizeof *project_goals, o, n);
	if (reviewed == n->unreviewed)
		diff_text(d, "reviewed", reviewed ? "true" : "false",
			  reviewed ? "false" : "true");
}

static enum jx_status
update_project(struct jx_store *st, int64_t id, const struct jx_project *p,
	       const char *now, struct jx_error *err)
{
	const char *texts[] = { p->title, p->competent, p->unit, p->attribute,
				p->category, p->period };
	const struct jx_amount money[] = {
		p->period_total, p->period_fiscal, p->period_other,
		p->annual_total, p->annual_fiscal, p->annual_other };
	const char *tail[] = { p->purpose, p->period_goal, p->annual_goal,
			       p->goal, p->note, now };
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_UPDATE_PROJECT, err);
	char *key = jx_text_key(p->name);
	enum jx_status rc;
	int col = 5;

	if (!s || !key) {
		free(key);
		return s ? NOMEM(err) : JX_DB;
	}
	sqlite3_bind_int64(s, 1, id);
	jx_bind_text(s, 2, opt(p->code));
	jx_bind_text(s, 3, p->name);
	jx_bind_text(s, 4, key);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		jx_bind_text(s, col++, opt(texts[i]));
	for (size_t i = 0; i < sizeof money / sizeof *money; i++)
		jx_bind_amount(s, col++, money[i]);
	for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
		jx_bind_text(s, col++, opt(tail[i]));
	/* A form's record is reviewed; undo puts back what it was. */
	sqlite3_bind_int(s, col, !p->unreviewed);
	rc = sqlite3_step(s) == SQLITE_DONE
		? JX_OK : jx_db_error(st, err, "saving a project");
	sqlite3_reset(s);
	free(key);
	return rc;
}

static enum jx_status
replace_plan(struct jx_store *st, int64_t id, const struct jx_project *p,
	     struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_DELETE_CHECKPOINTS, err);

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		return jx_db_error(st, err, "saving a plan");
	return jx_put_plan(st, p, id, err);
}

/* The checked part of a save: compare, log, write. *changed tells. */
static enum jx_status
write_project(struct jx_store *st, int64_t id, const struct jx_meta_row *m,
	      const struct jx_project *p, int *changed, struct jx_error *err)
{
	struct jx_project old = { 0 };
	struct diff d = { st, jx_meta_change(JX_REC_PROJECT, id, m, "update"),
			  0, JX_OK, err };
	bool plan_changed = false;
	char now[32];

	d.rc = jx_store_get_project(st, id, &old, err);
	d.row.label = p->name;
	if (d.rc == JX_OK)
		diff_project(&d, &old, p, m->reviewed, &plan_changed);
	jx_project_free(&old);
	jx_store_now(now);
	if (d.rc == JX_OK && d.changed)
		d.rc = update_project(st, id, p, now, err);
	if (d.rc == JX_OK && plan_changed)
		d.rc = replace_plan(st, id, p, err);
	*changed = d.changed;
	return d.rc;
}

enum jx_status
jx_store_save_project(struct jx_store *st, int64_t id, int64_t *version,
		      const struct jx_project *p, struct jx_error *err)
{
	struct jx_meta_row m = { 0 };
	struct jx_txn txn;
	int changed = 0;
	enum jx_status rc = jx_require_project(p, err);

	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc != JX_OK)
		return rc;
	rc = jx_meta_read(st, JX_REC_PROJECT, id, &m, err);
	if (rc == JX_OK)
		rc = jx_meta_check(st, JX_REC_PROJECT, id, &m, *version, err);
	if (rc == JX_OK)
		rc = write_project(st, id, &m, p, &changed, err);
	rc = jx_txn_end(st, &txn, rc, err);
	if (rc == JX_OK && changed)
		*version = m.version + 1;
	jx_meta_free(&m);
	return rc;
}

/* ---- saving an indicator ---------------------------------------------- */

#define IF(key, member) { key, offsetof(struct jx_indicator, member) }

static const struct text_field indicator_fields[] = {
	IF("level1", level1), IF("level2", level2), IF("name", name),
	IF("description", description), IF("target", target),
	IF("basis", basis),
};

static enum jx_status
update_indicator(struct jx_store *st, int64_t id,
		 const struct jx_indicator *ind, const char *now,
		 struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_UPDATE_INDICATOR, err);
	enum jx_status rc;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	jx_bind_text(s, 2, ind->level1);
	jx_bind_text(s, 3, ind->level2);
	jx_bind_text(s, 4, ind->name);
	jx_bind_text(s, 5, opt(ind->description));
	jx_bind_text(s, 6, ind->target);
	jx_bind_text(s, 7, opt(ind->basis));
	/* The parsed target follows the text (the update trigger keeps the
	 * search index right). */
	jx_bind_target(st, s, 8, ind->target);
	jx_bind_text(s, 17, now);
	rc = sqlite3_step(s) == SQLITE_DONE
		? JX_OK : jx_db_error(st, err, "saving an indicator");
	sqlite3_reset(s);
	return rc;
}

static enum jx_status
write_indicator(struct jx_store *st, int64_t id, const struct jx_meta_row *m,
		const struct jx_indicator *ind, int *changed,
		struct jx_error *err)
{
	struct jx_indicator old = { 0 };
	struct diff d = { st, jx_meta_change(JX_REC_INDICATOR, id, m,
					     "update"), 0, JX_OK, err };
	char now[32];

	d.rc = jx_store_get_indicator(st, id, &old, err);
	d.row.label = ind->name;
	if (d.rc == JX_OK)
		diff_texts(&d, indicator_fields, sizeof indicator_fields /
			   sizeof *indicator_fields, &old, ind);
	jx_indicator_free(&old);
	jx_store_now(now);
	if (d.rc == JX_OK && d.changed)
		d.rc = update_indicator(st, id, ind, now, err);
	if (d.rc == JX_OK && d.changed)
		d.rc = jx_refresh_digest(st, m->parent, err);
	*changed = d.changed;
	return d.rc;
}

enum jx_status
jx_store_save_indicator(struct jx_store *st, int64_t id, int64_t *version,
			const struct jx_indicator *ind, struct jx_error *err)
{
	struct jx_meta_row m = { 0 };
	struct jx_txn txn;
	int changed = 0;
	enum jx_status rc = jx_require_indicator(ind, err);

	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc != JX_OK)
		return rc;
	rc = jx_meta_read(st, JX_REC_INDICATOR, id, &m, err);
	if (rc == JX_OK)
		rc = jx_meta_check(st, JX_REC_INDICATOR, id, &m, *version,
				   err);
	if (rc == JX_OK)
		rc = write_indicator(st, id, &m, ind, &changed, err);
	rc = jx_txn_end(st, &txn, rc, err);
	if (rc == JX_OK && changed)
		*version = m.version + 1;
	jx_meta_free(&m);
	return rc;
}

/* ---- saving a department-year ------------------------------------------ */

#define YF(key, member) { key, offsetof(struct jx_doc, member) }

static const struct text_field dept_fields[] = {
	YF("code", dept_code), YF("name", dept_name),
	YF("competent", dept_competent),
};
static const struct text_field year_head[] = {
	YF("framework", framework), YF("source", source), YF("note", note),
	YF("goals", goals),
};

/* A failed UNIQUE constraint: what it means to the user is said by the
 * caller (JX_EXISTS); anything else is a database error. */
static bool
not_unique(struct jx_store *st)
{
	return sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE;
}

static enum jx_status
update_department(struct jx_store *st, int64_t dept_id, int64_t year_id,
		  const struct jx_doc *h, const char *now,
		  struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_UPDATE_DEPT, err);
	char *key = jx_text_key(h->dept_name);
	enum jx_status rc = JX_OK;

	if (!s || !key) {
		free(key);
		return s ? NOMEM(err) : JX_DB;
	}
	sqlite3_bind_int64(s, 1, dept_id);
	jx_bind_text(s, 2, opt(h->dept_code));
	jx_bind_text(s, 3, h->dept_name);
	jx_bind_text(s, 4, key);
	jx_bind_text(s, 5, opt(h->dept_competent));
	jx_bind_text(s, 6, now);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = not_unique(st)
			? jx_error_set(err, JX_EXISTS, _("the department code"
				       " %s is already used by another"
				       " department"), h->dept_code)
			: jx_db_error(st, err, "saving a department");
	sqlite3_reset(s);
	free(key);
	if (rc != JX_OK || !(s = jx_stmt(st, JX_STMT_BUMP_DEPT_YEARS, err)))
		return rc != JX_OK ? rc : JX_DB;
	/* Every form of the department's other years shows these fields:
	 * a form opened there before this save must not write them back. */
	sqlite3_bind_int64(s, 1, dept_id);
	sqlite3_bind_int64(s, 2, year_id);
	rc = sqlite3_step(s) == SQLITE_DONE
		? JX_OK : jx_db_error(st, err, "saving a department");
	sqlite3_reset(s);
	return rc;
}

static enum jx_status
update_year(struct jx_store *st, int64_t id, const struct jx_doc *h,
	    const char *now, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_UPDATE_YEAR, err);
	const char *texts[] = { h->framework, h->source, h->note, h->goals,
				h->measures };
	enum jx_status rc = JX_OK;

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, h->year);
	for (int i = 0; i < 5; i++)
		jx_bind_text(s, 3 + i, opt(texts[i]));
	jx_bind_text(s, 8, now);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = not_unique(st)
			? jx_error_set(err, JX_EXISTS, _("%s already has the"
				       " year %d"), h->dept_name, h->year)
			: jx_db_error(st, err, "saving a year");
	sqlite3_reset(s);
	return rc;
}

static enum jx_status
replace_subgoals(struct jx_store *st, int64_t id, const struct jx_doc *h,
		 const char *now, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_DELETE_SUBGOALS, err);

	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		return jx_db_error(st, err, "saving sub-goals");
	return jx_put_subgoals(st, h, id, now, err);
}

/* The year's own fields, after the department's; *sub_changed tells
 * whether the sub-goals differ. */
static void
diff_year(struct diff *d, const struct jx_doc *o, const struct jx_doc *h,
	  bool *sub_changed)
{
	char a[16], b[16];

	snprintf(a, sizeof a, "%d", o->year);
	snprintf(b, sizeof b, "%d", h->year);
	diff_text(d, "year", a, b);
	diff_texts(d, year_head, sizeof year_head / sizeof *year_head, o, h);
	*sub_changed = !same_subgoals(o, h);
	diff_rendered(d, "subgoals", !*sub_changed,
		      subgoals_text(d->st->db, o),
		      subgoals_text(d->st->db, h));
	diff_text(d, "measures", o->measures, h->measures);
}

static enum jx_status
write_year(struct jx_store *st, int64_t id, const struct jx_meta_row *m,
	   const struct jx_doc *h, int *changed, struct jx_error *err)
{
	struct jx_doc old;
	struct diff d = { st, jx_meta_change(JX_REC_YEAR, id, m, "update"),
			  0, JX_OK, err };
	char now[32], label[512];
	bool sub_changed = false;
	int dept_changed;

	jx_doc_init(&old);
	d.rc = jx_read_year(st, id, &old, err);
	if (d.rc == JX_OK)
		d.rc = jx_read_subgoals(st, id, &old, err);
	d.row.tbl = "department";
	d.row.record_id = m->parent;
	d.row.label = h->dept_name;
	diff_texts(&d, dept_fields, 3, &old, h);
	dept_changed = d.changed;
	d.row.tbl = "dept_year";
	d.row.record_id = id;
	snprintf(label, sizeof label, "%s %d", h->dept_name, h->year);
	d.row.label = label;
	if (d.rc == JX_OK)
		diff_year(&d, &old, h, &sub_changed);
	jx_doc_free(&old);
	jx_store_now(now);
	if (d.rc == JX_OK && dept_changed)
		d.rc = update_department(st, m->parent, id, h, now, err);
	if (d.rc == JX_OK && d.changed)
		d.rc = update_year(st, id, h, now, err);
	if (d.rc == JX_OK && sub_changed)
		d.rc = replace_subgoals(st, id, h, now, err);
	*changed = d.changed;
	return d.rc;
}

enum jx_status
jx_store_save_year(struct jx_store *st, int64_t dept_year_id,
		   int64_t *version, const struct jx_doc *head,
		   struct jx_error *err)
{
	struct jx_meta_row m = { 0 };
	struct jx_txn txn;
	int changed = 0;
	enum jx_status rc = jx_require_year(head, err);

	if (rc == JX_OK)
		rc = jx_txn_begin(st, &txn, err);
	if (rc != JX_OK)
		return rc;
	rc = jx_meta_read(st, JX_REC_YEAR, dept_year_id, &m, err);
	if (rc == JX_OK)
		rc = jx_meta_check(st, JX_REC_YEAR, dept_year_id, &m, *version,
				   err);
	if (rc == JX_OK)
		rc = write_year(st, dept_year_id, &m, head, &changed, err);
	rc = jx_txn_end(st, &txn, rc, err);
	if (rc == JX_OK && changed)
		*version = m.version + 1;
	jx_meta_free(&m);
	return rc;
}
