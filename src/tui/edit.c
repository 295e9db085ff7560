/*
 * edit.c — what the editing keys of the panes do: open a form on the
 * focused record (or a blank one to add), delete, duplicate, move, start
 * a new year, undo and redo, and show a record's history.
 *
 * Every change goes through store_edit (one transaction each, logged,
 * version-checked) and is recorded in the session's undo. A form that a
 * signal interrupts is kept as a draft (drafts.c).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "store/store_edit.h"
#include "tui/app.h"
#include "tui/edit.h"
#include "tui/form.h"
#include "tui/grid.h"
#include "tui/template_edit.h"
#include "tui/term.h"
#include "tui/undo.h"

static void
report(struct jx_app *app, const struct jx_error *err)
{
	char buf[JX_ERR_MSG + JX_ERR_FILE + 32];

	jx_error_format(err, buf, sizeof buf);
	jx_app_message(app, true, "%s", buf);
}

static const struct jx_wrow *
focused_row(const struct jx_app *app, enum jx_pane p)
{
	return jx_wlist_current(&app->lists[p]);
}

/* The row above the focused one in pane p (a new or restored record goes
 * after it), or 0. */
static int64_t
row_above(const struct jx_app *app, enum jx_pane p)
{
	const struct jx_wlist *wl = &app->lists[p];
	const struct jx_wrow *r = wl->cursor > 0
		? jx_wlist_row(wl, wl->cursor - 1) : NULL;

	return r ? r->id : 0;
}

enum jx_rec_kind
jx_edit_pane_rec(enum jx_pane p)
{
	return p == JX_PANE_DEPTS ? JX_REC_YEAR
	       : p == JX_PANE_PROJECTS ? JX_REC_PROJECT : JX_REC_INDICATOR;
}

static enum jx_pane
rec_pane(enum jx_rec_kind rec)
{
	return rec == JX_REC_YEAR ? JX_PANE_DEPTS
	       : rec == JX_REC_PROJECT ? JX_PANE_PROJECTS : JX_PANE_INDICATORS;
}

/* ---- loading records ------------------------------------------------- */

void *
jx_edit_new_record(enum jx_rec_kind rec)
{
	size_t size = rec == JX_REC_YEAR ? sizeof(struct jx_doc)
		      : rec == JX_REC_PROJECT ? sizeof(struct jx_project)
		      : sizeof(struct jx_indicator);
	void *r = calloc(1, size);

	if (r && rec == JX_REC_YEAR)
		jx_doc_init(r);
	return r;
}

void
jx_edit_free_record(enum jx_rec_kind rec, void *r)
{
	if (!r)
		return;
	if (rec == JX_REC_YEAR)
		jx_doc_free(r);
	else if (rec == JX_REC_PROJECT)
		jx_project_free(r);
	else
		jx_indicator_free(r);
	free(r);
}

enum jx_status
jx_edit_load(struct jx_store *st, enum jx_rec_kind rec, int64_t id,
	     void **out, struct jx_rec_meta *meta, int64_t **ids,
	     struct jx_error *err)
{
	void *r = jx_edit_new_record(rec);
	enum jx_status rc;

	if (ids)
		*ids = NULL;
	if (!r)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (rec == JX_REC_YEAR)
		rc = jx_store_load_year(st, id, r, meta, err);
	else if (rec == JX_REC_PROJECT)
		rc = jx_store_load_project(st, id, r, meta, ids, err);
	else
		rc = jx_store_load_indicator(st, id, r, meta, err);
	if (rc != JX_OK) {
		jx_edit_free_record(rec, r);
		r = NULL;
	}
	*out = r;
	return rc;
}

/* A short name of a record for messages and undo. */
void
jx_edit_describe(enum jx_rec_kind rec, const void *r, char *buf, size_t size)
{
	if (rec == JX_REC_YEAR) {
		const struct jx_doc *d = r;
		snprintf(buf, size, "%s %d", d->dept_name ? d->dept_name : "",
			 d->year);
	} else if (rec == JX_REC_PROJECT) {
		const struct jx_project *p = r;
		snprintf(buf, size, "%s", p->name ? p->name : "");
	} else {
		const struct jx_indicator *i = r;
		snprintf(buf, size, "%s", i->name ? i->name : "");
	}
}

/* ---- forms ---------------------------------------------------------- */

static enum jx_form_kind
form_kind(enum jx_rec_kind rec)
{
	return rec == JX_REC_YEAR ? JX_FORM_YEAR
	       : rec == JX_REC_PROJECT ? JX_FORM_PROJECT : JX_FORM_INDICATOR;
}

enum jx_status
jx_edit_fill(struct jx_form *f, enum jx_rec_kind rec, const void *r)
{
	if (rec == JX_REC_YEAR)
		return jx_form_from_year(f, r);
	if (rec == JX_REC_PROJECT)
		return jx_form_from_project(f, r);
	return jx_form_from_indicator(f, r);
}

/* The record a form holds, and the findings on it (parse + validation). */
static enum jx_status
read_form(const struct jx_form *f, enum jx_rec_kind rec, void *r,
	  struct jx_findings *found)
{
	enum jx_status rc;

	if (rec == JX_REC_YEAR)
		rc = jx_form_to_year(f, r, found);
	else if (rec == JX_REC_PROJECT)
		rc = jx_form_to_project(f, r, found);
	else
		rc = jx_form_to_indicator(f, r, found);
	/* Text that did not parse is the finding; checking the record read
	 * without it would report the same field twice. */
	if (rc != JX_OK || found->n)
		return rc;
	if (rec == JX_REC_YEAR)
		return jx_validate_year(r, found);
	if (rec == JX_REC_PROJECT)
		return jx_validate_project(r, found);
	return jx_validate_indicator(r, found);
}

/* Puts the findings on the form. True when the record may be saved:
 * no errors, and warnings only when the user saw them and saves again. */
static bool
check_form(struct jx_app *app, struct jx_form *f,
	   const struct jx_findings *found)
{
	size_t first = jx_form_notes(f, found);
	size_t errors = jx_findings_errors(found);

	if (first < f->n)
		jx_form_focus(f, first);
	if (errors) {
		jx_app_message(app, true, ngettext("Not saved: %zu problem,"
						   " marked ✗ under its field",
						   "Not saved: %zu problems,"
						   " marked ✗ under their"
						   " fields", errors), errors);
		return false;
	}
	if (found->n && !f->accept_warnings) {
		f->accept_warnings = true;
		jx_app_message(app, true, _("Warnings are marked ⚠: save"
					    " again to keep the record so,"
					    " or change it"));
		return false;
	}
	return true;
}

static enum jx_status
store_save(struct jx_store *st, enum jx_rec_kind rec, int64_t id,
	   int64_t *version, const void *r, struct jx_error *err)
{
	if (rec == JX_REC_YEAR)
		return jx_store_save_year(st, id, version, r, err);
	if (rec == JX_REC_PROJECT)
		return jx_store_save_project(st, id, version, r, err);
	return jx_store_save_indicator(st, id, version, r, err);
}

static enum jx_status
store_insert(struct jx_store *st, enum jx_rec_kind rec, int64_t parent,
	     int64_t after, const void *r, int64_t *id, struct jx_error *err)
{
	if (rec == JX_REC_YEAR)
		return jx_store_new_year(st, r, id, err);
	if (rec == JX_REC_PROJECT)
		return jx_store_insert_project(st, parent, after, r, 0, NULL,
					       id, err);
	return jx_store_insert_indicator(st, parent, after, r, 0, id, err);
}

/* Adds the record of a new form, with its undo step. */
static enum jx_status
save_new(struct jx_app *app, struct jx_form *f, struct jx_edit_ctx *c,
	 void *r, struct jx_error *err)
{
	int64_t id;
	enum jx_status rc = store_insert(app->st, c->rec, f->parent_id,
					 f->after_id, r, &id, err);
	char what[200];

	if (rc != JX_OK)
		return rc;
	c->saved_id = id;
	jx_edit_describe(c->rec, r, c->what, sizeof c->what);
	snprintf(what, sizeof what, _("adding %s"), c->what);
	if (c->rec == JX_REC_YEAR)
		jx_undo_year_added(app->undo, id, r, 0, 0, what);
	else
		jx_undo_inserted(app->undo, c->rec, id, f->parent_id,
				 f->after_id, r, NULL, 1, what);
	return JX_OK;
}

static enum jx_status
save_form(struct jx_app *app, struct jx_form *f, void *vctx,
	  struct jx_error *err)
{
	struct jx_edit_ctx *c = vctx;
	struct jx_findings found = { 0 };
	void *r = jx_edit_new_record(c->rec);
	enum jx_status rc = r ? read_form(f, c->rec, r, &found) : JX_NOMEM;
	char what[200];

	if (rc == JX_OK && !check_form(app, f, &found))
		rc = JX_INVALID;
	jx_findings_free(&found);
	if (rc == JX_OK && f->is_new) {
		rc = save_new(app, f, c, r, err);
		if (rc == JX_OK)
			return rc;    /* r belongs to the undo now */
	} else if (rc == JX_OK) {
		int64_t v = f->version;
		rc = store_save(app->st, c->rec, f->record_id, &v, r, err);
		if (rc == JX_CONFLICT)
			rc = jx_edit_conflict(app, f, c, r, err);
		else if (rc == JX_OK) {
			/* Named as saved: the name may be what changed. */
			jx_edit_describe(c->rec, r, c->what, sizeof c->what);
			snprintf(what, sizeof what, _("the edit of %s"),
				 c->what);
			jx_undo_saved(app->undo, c->rec, f->record_id,
				      c->before, r, v, what);
			c->before = NULL;
			c->saved_id = f->record_id;
			return JX_OK;
		}
	}
	jx_edit_free_record(c->rec, r);
	return rc == JX_NOMEM ? jx_error_set(err, rc, _("out of memory")) : rc;
}

/* Runs form f (filled) for record kind c->rec; on a save, reloads the
 * panes with the cursor on the record. */
void
jx_edit_run_form(struct jx_app *app, struct jx_form *f,
		 struct jx_edit_ctx *c)
{
	enum jx_form_result res = jx_form_run(app, f, save_form, c);

	if (res == JX_FORM_STOPPED) {
		/* A signal (not the end of replayed keys) is a session cut
		 * short: what was typed is kept. */
		if (jx_term_signal())
			jx_drafts_keep_form(app, f, c->rec);
		return;
	}
	if (res == JX_FORM_SAVED)
		jx_edit_show(app, c->rec, c->saved_id);
	jx_app_message(app, false, res == JX_FORM_SAVED ? _("Saved %s")
		       : _("Closed the form; nothing saved (%s)"), c->what);
}

/* Puts the panes' cursor on record id of kind rec (0: where it was). */
void
jx_edit_show(struct jx_app *app, enum jx_rec_kind rec, int64_t id)
{
	struct jx_rec_meta meta = { 0 };
	struct jx_error err;
	void *r = NULL;

	jx_error_clear(&err);
	if (id && jx_edit_load(app->st, rec, id, &r, &meta, NULL, &err)
	    != JX_OK)
		id = 0;
	if (rec == JX_REC_YEAR && r) {
		const struct jx_doc *d = r;
		jx_app_reload(app, JX_PANE_DEPTS, meta.parent_id, 0,
			      d->dept_name);
		jx_app_select_year_id(app, id);
	} else {
		jx_app_reload(app, rec_pane(rec), id, meta.seq, NULL);
	}
	jx_edit_free_record(rec, r);
}

static void
open_edit(struct jx_app *app, enum jx_rec_kind rec, int64_t id)
{
	struct jx_edit_ctx c = { .rec = rec };
	struct jx_form f;
	struct jx_rec_meta meta;
	struct jx_error err;

	jx_error_clear(&err);
	if (jx_edit_load(app->st, rec, id, &c.before, &meta, NULL, &err)
	    != JX_OK) {
		report(app, &err);
		return;
	}
	jx_form_init(&f, form_kind(rec), app->ambiguous_wide);
	jx_edit_describe(rec, c.before, c.what, sizeof c.what);
	snprintf(f.title, sizeof f.title, "%s · %s",
		 rec == JX_REC_YEAR ? _("Department and year")
		 : rec == JX_REC_PROJECT ? _("Project") : _("Indicator"),
		 c.what);
	jx_utf8_drop_cut(f.title);
	f.record_id = id;
	f.parent_id = meta.parent_id;
	f.version = meta.version;
	if (jx_edit_fill(&f, rec, c.before) == JX_OK)
		jx_edit_run_form(app, &f, &c);
	jx_form_free(&f);
	jx_edit_free_record(rec, c.before);
}

/* A blank form to add a record after the focused one; returns the new
 * record's id, or 0 when nothing was added. */
int64_t
jx_edit_add(struct jx_app *app, enum jx_rec_kind rec, const char *title)
{
	struct jx_edit_ctx c = { .rec = rec };
	const struct jx_wrow *row = focused_row(app, rec_pane(rec));
	struct jx_form f;

	jx_form_init(&f, form_kind(rec), app->ambiguous_wide);
	f.is_new = true;
	f.after_id = row ? row->id : 0;
	if (rec == JX_REC_PROJECT) {
		f.parent_id = jx_app_year_id(app);
	} else if (rec == JX_REC_INDICATOR) {
		const struct jx_wrow *p = focused_row(app, JX_PANE_PROJECTS);
		f.parent_id = p ? p->id : 0;
	}
	if (rec != JX_REC_YEAR && f.parent_id == 0) {
		jx_app_message(app, true, rec == JX_REC_PROJECT
			       ? _("Add a department and year first (a in the"
				   " departments pane)")
			       : _("Add a project first"));
		jx_form_free(&f);
		return 0;
	}
	snprintf(c.what, sizeof c.what, "%s", rec == JX_REC_YEAR
		 ? _("a new department-year") : rec == JX_REC_PROJECT
		 ? _("a new project") : _("a new indicator"));
	snprintf(f.title, sizeof f.title, "%s", title ? title : c.what);
	if (jx_edit_fill(&f, rec, NULL) == JX_OK) {
		/* A new indicator starts in the levels of the one above it,
		 * as merged cells of a printed table read. */
		if (rec == JX_REC_INDICATOR && row)
			jx_edit_prefill_levels(app, &f, row->id);
		jx_edit_run_form(app, &f, &c);
	}
	jx_form_free(&f);
	return c.saved_id;
}

void
jx_edit_prefill_levels(struct jx_app *app, struct jx_form *f, int64_t id)
{
	struct jx_indicator ind;
	struct jx_rec_meta meta;
	struct jx_error err;

	if (jx_store_load_indicator(app->st, id, &ind, &meta, &err) != JX_OK)
		return;
	jx_form_set(f, jx_form_find(f, "level1", -1), ind.level1 ? ind.level1
		    : "");
	jx_form_set(f, jx_form_find(f, "level2", -1), ind.level2 ? ind.level2
		    : "");
	/* Filled in for the user, not typed: leaving at once loses nothing. */
	for (size_t i = 0; i < f->n; i++) {
		char *copy = strdup(f->fields[i].value);
		if (copy) {
			free(f->fields[i].orig);
			f->fields[i].orig = copy;
		}
	}
	jx_form_focus(f, jx_form_find(f, "name", -1));
	jx_indicator_free(&ind);
}

/* ---- the other record keys ----------------------------------------- */

static void
delete_focused(struct jx_app *app, enum jx_rec_kind rec, int64_t id)
{
	struct jx_rec_meta meta;
	struct jx_error err;
	void *r;
	int64_t *ids = NULL;
	char q[400], what[200];
	enum jx_status rc;

	jx_error_clear(&err);
	if (jx_edit_load(app->st, rec, id, &r, &meta, &ids, &err) != JX_OK) {
		report(app, &err);
		return;
	}
	jx_edit_describe(rec, r, what, sizeof what);
	if (rec == JX_REC_PROJECT)
		snprintf(q, sizeof q, _("Delete the project %s with its %zu"
					" indicators?"), what,
			 ((struct jx_project *)r)->n_indicators);
	else
		snprintf(q, sizeof q, _("Delete the indicator %s?"), what);
	if (!jx_app_confirm(app, q)) {
		jx_app_message(app, false, _("Nothing deleted"));
		jx_edit_free_record(rec, r);
		free(ids);
		return;
	}
	rc = rec == JX_REC_PROJECT
		? jx_store_delete_project(app->st, id, meta.version, &err)
		: jx_store_delete_indicator(app->st, id, meta.version, &err);
	if (rc != JX_OK) {
		report(app, &err);
		jx_edit_free_record(rec, r);
		free(ids);
		return;
	}
	snprintf(q, sizeof q, _("deleting %s"), what);
	jx_undo_deleted(app->undo, rec, id, meta.parent_id,
			row_above(app, rec_pane(rec)), r, ids, meta.version, q);
	jx_app_reload(app, rec_pane(rec), 0, 0, NULL);
	jx_app_message(app, false, _("Deleted %s (u undoes)"), what);
}

static void
duplicate_focused(struct jx_app *app, enum jx_rec_kind rec, int64_t id)
{
	struct jx_rec_meta meta;
	struct jx_error err;
	void *r;
	int64_t new_id, *ids = NULL;
	char what[200], step[260];
	enum jx_status rc;

	jx_error_clear(&err);
	if (jx_edit_load(app->st, rec, id, &r, &meta, NULL, &err) != JX_OK) {
		report(app, &err);
		return;
	}
	if (rec == JX_REC_PROJECT) {
		/* Two projects with one code would be one project to every
		 * comparison: the copy starts without a code. */
		struct jx_project *p = r;
		free(p->code);
		p->code = NULL;
		rc = jx_store_insert_project(app->st, meta.parent_id, id, p, 0,
					     NULL, &new_id, &err);
	} else {
		rc = jx_store_insert_indicator(app->st, meta.parent_id, id, r,
					       0, &new_id, &err);
	}
	if (rc == JX_OK && rec == JX_REC_PROJECT) {
		struct jx_project again;
		struct jx_rec_meta m2;
		if (jx_store_load_project(app->st, new_id, &again, &m2, &ids,
					  &err) == JX_OK)
			jx_project_free(&again);
	}
	if (rc != JX_OK) {
		report(app, &err);
		jx_edit_free_record(rec, r);
		return;
	}
	jx_edit_describe(rec, r, what, sizeof what);
	snprintf(step, sizeof step, _("duplicating %s"), what);
	jx_undo_inserted(app->undo, rec, new_id, meta.parent_id, id, r, ids, 1,
			 step);
	jx_edit_show(app, rec, new_id);
	jx_app_message(app, false, rec == JX_REC_PROJECT
		       ? _("Duplicated %s with its indicators; the copy has no"
			   " code yet")
		       : _("Duplicated %s"), what);
}

static void
move_focused(struct jx_app *app, enum jx_rec_kind rec, int64_t id, int dir)
{
	struct jx_error err;
	const struct jx_wrow *row = focused_row(app, rec_pane(rec));
	char what[200];
	enum jx_status rc;

	jx_error_clear(&err);
	/* The name is the second column of a project row, the third of an
	 * indicator row (after the two levels). */
	snprintf(what, sizeof what, _("moving %s"),
		 row ? row->cells[rec == JX_REC_PROJECT ? 1 : 2] : "");
	rc = rec == JX_REC_PROJECT ? jx_store_move_project(app->st, id, dir, &err)
				   : jx_store_move_indicator(app->st, id, dir,
							     &err);
	if (rc == JX_NOTFOUND) {
		jx_app_message(app, false, dir < 0 ? _("Already the first")
			       : _("Already the last"));
		return;
	}
	if (rc != JX_OK) {
		report(app, &err);
		return;
	}
	jx_undo_moved(app->undo, rec, id, 0, dir, what);
	jx_edit_show(app, rec, id);
}

static void
new_year(struct jx_app *app)
{
	int64_t from = jx_app_year_id(app), id;
	struct jx_error err;
	char q[300], what[200];
	int year;

	if (!from) {
		jx_app_message(app, true, _("Select a department with a year"
					    " to start from"));
		return;
	}
	year = app->years[app->year_index] + 1;
	snprintf(q, sizeof q, _("Start %d of this department from %d (its"
				" projects and indicators, marked not yet"
				" reviewed)?"), year, year - 1);
	if (!jx_app_confirm(app, q))
		return;
	jx_error_clear(&err);
	if (jx_store_copy_year(app->st, from, year, &id, &err) != JX_OK) {
		report(app, &err);
		return;
	}
	snprintf(what, sizeof what, _("starting %d from %d"), year, year - 1);
	jx_undo_year_added(app->undo, id, NULL, from, year, what);
	jx_edit_show(app, JX_REC_YEAR, id);
	jx_app_message(app, false, _("%d started from %d: every project is"
				     " marked not yet reviewed until it is"
				     " saved from its form"), year, year - 1);
}

static void
undo_redo(struct jx_app *app, bool undo)
{
	struct jx_undo_place where;
	struct jx_error err;

	jx_error_clear(&err);
	if ((undo ? jx_undo_undo(app->undo, app->st, &where, &err)
		  : jx_undo_redo(app->undo, app->st, &where, &err)) != JX_OK) {
		report(app, &err);
		return;
	}
	jx_edit_show(app, where.rec, where.id);
	jx_app_message(app, false, undo ? _("Undone: %s") : _("Redone: %s"),
		       where.what);
}

/* The id of the focused record of the focused pane (the department-year
 * in the departments pane), or 0. */
static int64_t
focused_id(const struct jx_app *app)
{
	const struct jx_wrow *row = focused_row(app, app->focus);

	if (app->focus == JX_PANE_DEPTS)
		return jx_app_year_id(app);
	return row ? row->id : 0;
}

void
jx_edit_action(struct jx_app *app, enum jx_action a)
{
	enum jx_rec_kind rec = jx_edit_pane_rec(app->focus);
	int64_t id = focused_id(app);

	if (a == JX_ACT_RECORD_LOG) {
		jx_history_show(app, rec, id);
		return;
	}
	if (app->readonly) {
		jx_app_message(app, true, _("Read-only: nothing can be changed"
					    " (the database was opened with"
					    " -r)"));
		return;
	}
	if (!app->undo && !(app->undo = jx_undo_new()))
		return;
	if (a == JX_ACT_ADD) {
		jx_edit_add(app, rec, NULL);
		return;
	}
	if (a == JX_ACT_FROM_TEMPLATE) {
		jx_template_new_project(app);
		return;
	}
	if (a == JX_ACT_UNDO || a == JX_ACT_REDO) {
		undo_redo(app, a == JX_ACT_UNDO);
		return;
	}
	if (a == JX_ACT_NEW_YEAR) {
		new_year(app);
		return;
	}
	if (a == JX_ACT_GRID) {
		const struct jx_wrow *p = focused_row(app, JX_PANE_PROJECTS);
		if (p)
			jx_grid_run(app, p->id);
		else
			jx_app_message(app, true, _("No project selected"));
		return;
	}
	if (!id) {
		jx_app_message(app, true, _("Nothing is selected here"));
		return;
	}
	if (rec == JX_REC_YEAR && a != JX_ACT_EDIT) {
		jx_app_message(app, true, _("In the departments pane, e edits"
					    " the department and year, a adds"
					    " one, Y starts the next year"));
		return;
	}
	switch (a) {
	case JX_ACT_EDIT: open_edit(app, rec, id); break;
	case JX_ACT_DELETE: delete_focused(app, rec, id); break;
	case JX_ACT_DUPLICATE: duplicate_focused(app, rec, id); break;
	case JX_ACT_MOVE_REC_UP: move_focused(app, rec, id, -1); break;
	case JX_ACT_MOVE_REC_DOWN: move_focused(app, rec, id, 1); break;
	default: break;
	}
}
