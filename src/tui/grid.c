/*
 * grid.c — the indicator grid (see grid.h): its rows, its keys and saving
 * it. Drawing is in grid_draw.c.
 *
 * The grid holds the indicators as text cells, with the id and version
 * each was read at. Saving compares each row with what was read: changed
 * rows are saved, new rows inserted after the row above them, deleted rows
 * deleted — all in one transaction and one undo group, so a conflict or an
 * error in any row leaves the store as it was.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/i18n.h"
#include "core/template.h"
#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/grid_internal.h"
#include "tui/template_edit.h"

const char *const jx_grid_labels[JX_GRID_COLS] = {
	"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
	"指标值确定依据"
};

static char **
cell_of(struct jx_indicator *ind, int c)
{
	char **cells[JX_GRID_COLS] = { &ind->level1, &ind->level2, &ind->name,
				       &ind->description, &ind->target,
				       &ind->basis };
	return cells[c];
}

static void
row_free(struct jx_grid_row *r)
{
	for (int c = 0; c < JX_GRID_COLS; c++) {
		free(r->cell[c]);
		free(r->orig[c]);
	}
}

static void
grid_free(struct jx_grid *g)
{
	for (size_t i = 0; i < g->n; i++)
		row_free(&g->rows[i]);
	free(g->rows);
	jx_editbuf_free(&g->eb);
}

/* Appends a row; the cells are copies of ind's (NULL: blank). */
static struct jx_grid_row *
add_row(struct jx_grid *g, struct jx_indicator *ind, int64_t id,
	int64_t version)
{
	struct jx_grid_row *r = JX_APPEND(g->rows, g->n, g->cap);

	if (!r)
		return NULL;
	r->id = id;
	r->version = version;
	for (int c = 0; c < JX_GRID_COLS; c++) {
		const char *v = ind && *cell_of(ind, c) ? *cell_of(ind, c) : "";
		r->cell[c] = strdup(v);
		r->orig[c] = strdup(v);
	}
	return r;
}

bool
jx_grid_row_blank(const struct jx_grid_row *r)
{
	for (int c = 0; c < JX_GRID_COLS; c++)
		if (r->cell[c] && r->cell[c][0])
			return false;
	return true;
}

static bool
row_changed(const struct jx_grid_row *r)
{
	for (int c = 0; c < JX_GRID_COLS; c++)
		if (strcmp(r->cell[c], r->orig[c]) != 0)
			return true;
	return false;
}

/* The typed cell back into its row; a blank row follows the last one
 * as soon as it has text. */
static void
commit(struct jx_grid *g)
{
	struct jx_grid_row *r = &g->rows[g->row];
	char *copy;

	if (strcmp(r->cell[g->col], g->eb.text) != 0 &&
	    (copy = strdup(g->eb.text))) {
		free(r->cell[g->col]);
		r->cell[g->col] = copy;
		g->accept_warnings = false;
	}
	if (g->row == g->n - 1 && !jx_grid_row_blank(r))
		add_row(g, NULL, 0, 0);
}

static void
focus_cell(struct jx_grid *g, size_t row, int col)
{
	commit(g);
	if (row >= g->n)
		row = g->n - 1;
	g->row = row;
	g->col = col;
	g->eb.multiline = strchr(g->rows[row].cell[col], '\n') != NULL;
	jx_editbuf_set(&g->eb, g->rows[row].cell[col]);
	g->first_col = 0;
}

bool
jx_grid_dirty(const struct jx_grid *g)
{
	if (strcmp(g->eb.text, g->rows[g->row].cell[g->col]) != 0)
		return true;
	for (size_t i = 0; i < g->n; i++)
		if (g->rows[i].deleted ||
		    (g->rows[i].id ? row_changed(&g->rows[i])
				   : !jx_grid_row_blank(&g->rows[i])))
			return true;
	return false;
}

static enum jx_status
load(struct jx_app *app, struct jx_grid *g, int64_t project_id,
     struct jx_error *err)
{
	struct jx_project p;
	struct jx_rec_meta meta;
	int64_t *ids = NULL;
	enum jx_status rc;

	rc = jx_store_load_project(app->st, project_id, &p, &meta, &ids, err);
	if (rc != JX_OK)
		return rc;
	snprintf(g->title, sizeof g->title, _("Indicators of %s"),
		 p.name ? p.name : "");
	snprintf(g->name, sizeof g->name, "%s", p.name ? p.name : "");
	for (size_t i = 0; rc == JX_OK && i < p.n_indicators; i++) {
		struct jx_indicator one;
		struct jx_rec_meta m;

		/* Each row keeps the version it was read at. */
		rc = jx_store_load_indicator(app->st, ids[i], &one, &m, err);
		if (rc == JX_OK && !add_row(g, &one, ids[i], m.version))
			rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
		jx_indicator_free(&one);
	}
	if (rc == JX_OK && !add_row(g, NULL, 0, 0))
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	free(ids);
	jx_project_free(&p);
	return rc;
}

/* ---- saving ---------------------------------------------------------- */

static struct jx_indicator *
indicator_of(const struct jx_grid_row *r, bool orig)
{
	struct jx_indicator *ind = calloc(1, sizeof *ind);

	for (int c = 0; ind && c < JX_GRID_COLS; c++) {
		const char *v = orig ? r->orig[c] : r->cell[c];
		*cell_of(ind, c) = v[0] ? strdup(v) : NULL;
	}
	return ind;
}

/* Validates every row that will be written; false (with notes on the
 * rows and the cursor on the first) when saving must wait. */
static bool
check_rows(struct jx_app *app, struct jx_grid *g)
{
	size_t errors = 0, warnings = 0, first = g->n;

	for (size_t i = 0; i < g->n; i++) {
		struct jx_grid_row *r = &g->rows[i];
		struct jx_findings found = { 0 };
		struct jx_indicator *ind;

		r->note[0] = '\0';
		/* Rows left as they were read are not written: a warning on
		 * one (a published target jixiao reads as free text) must
		 * not hold up the rows that were typed. */
		if (r->deleted || (!r->id && jx_grid_row_blank(r)) ||
		    (r->id && !row_changed(r)))
			continue;
		ind = indicator_of(r, false);
		if (ind && jx_validate_indicator(ind, &found) == JX_OK &&
		    found.n) {
			snprintf(r->note, sizeof r->note, "%s",
				 found.v[0].message);
			r->note_warning = jx_findings_errors(&found) == 0;
			errors += jx_findings_errors(&found);
			warnings += found.n - jx_findings_errors(&found);
			if (first == g->n)
				first = i;
		}
		jx_findings_free(&found);
		jx_edit_free_record(JX_REC_INDICATOR, ind);
	}
	if (first < g->n)
		focus_cell(g, first, g->col);
	if (errors) {
		jx_app_message(app, true, _("Not saved: rows marked ✗ need"
					    " fixing (the line above the keys"
					    " says what)"));
		return false;
	}
	if (warnings && !g->accept_warnings) {
		g->accept_warnings = true;
		jx_app_message(app, true, _("Rows marked ⚠ have warnings: save"
					    " again to keep them so"));
		return false;
	}
	return true;
}

static enum jx_status
write_row(struct jx_app *app, struct jx_grid *g, struct jx_grid_row *r,
	  int64_t after, struct jx_error *err)
{
	struct jx_indicator *now = indicator_of(r, false);
	struct jx_indicator *was = indicator_of(r, true);
	char what[200];
	enum jx_status rc = JX_OK;
	int64_t v = r->version, id;

	snprintf(what, sizeof what, _("the grid's changes to the indicators"
				      " of %s"), g->name);
	if (r->deleted) {
		rc = jx_store_delete_indicator(app->st, r->id, r->version, err);
		if (rc == JX_OK)
			jx_undo_deleted(app->undo, JX_REC_INDICATOR, r->id,
					g->project_id, after, was, NULL,
					r->version, what), was = NULL;
	} else if (r->id && row_changed(r)) {
		rc = jx_store_save_indicator(app->st, r->id, &v, now, err);
		if (rc == JX_OK)
			jx_undo_saved(app->undo, JX_REC_INDICATOR, r->id, was,
				      now, v, what), was = now = NULL;
	} else if (!r->id && !jx_grid_row_blank(r)) {
		rc = jx_store_insert_indicator(app->st, g->project_id, after,
					       now, 0, &id, err);
		if (rc == JX_OK)
			jx_undo_inserted(app->undo, JX_REC_INDICATOR, id,
					 g->project_id, after, now, NULL, 1,
					 what), now = NULL, r->id = id;
	}
	jx_edit_free_record(JX_REC_INDICATOR, now);
	jx_edit_free_record(JX_REC_INDICATOR, was);
	return rc;
}

static enum jx_status
save(struct jx_app *app, struct jx_grid *g, struct jx_error *err)
{
	int64_t after = 0;
	bool *fresh = calloc(g->n, sizeof *fresh);
	enum jx_status rc = fresh ? jx_store_begin(app->st, err)
				  : jx_error_set(err, JX_NOMEM,
						 _("out of memory"));

	if (rc != JX_OK) {
		free(fresh);
		return rc;
	}
	jx_undo_begin(app->undo);
	for (size_t i = 0; rc == JX_OK && i < g->n; i++) {
		struct jx_grid_row *r = &g->rows[i];

		fresh[i] = r->id == 0;
		rc = write_row(app, g, r, after, err);
		if (rc == JX_OK && !r->deleted && r->id)
			after = r->id;
	}
	if (rc == JX_OK)
		rc = jx_store_commit(app->st, err);
	if (rc != JX_OK) {
		jx_store_rollback(app->st);
		jx_undo_cancel(app->undo);
		/* Rows inserted in the rolled-back transaction are new again. */
		for (size_t i = 0; i < g->n; i++)
			if (fresh[i])
				g->rows[i].id = 0;
	} else {
		jx_undo_end(app->undo);
	}
	free(fresh);
	return rc;
}

/* ---- keys ---------------------------------------------------------- */

static void
fill_above(struct jx_grid *g, int col)
{
	if (g->row == 0)
		return;
	jx_editbuf_set(&g->eb, g->rows[g->row - 1].cell[col]);
}

static void
step_right(struct jx_grid *g, int delta)
{
	int col = g->col + delta;
	size_t row = g->row;

	if (col >= JX_GRID_COLS) {
		commit(g);
		col = 0;
		row++;
	} else if (col < 0) {
		col = row > 0 ? JX_GRID_COLS - 1 : 0;
		row = row > 0 ? row - 1 : 0;
	}
	focus_cell(g, row, col);
}

static void
step_down(struct jx_grid *g, long delta)
{
	long row = (long)g->row + delta;

	commit(g);
	if (row < 0)
		row = 0;
	focus_cell(g, (size_t)row, g->col);
}

static void
toggle_delete(struct jx_app *app, struct jx_grid *g)
{
	struct jx_grid_row *r = &g->rows[g->row];

	if (!r->id) {
		for (int c = 0; c < JX_GRID_COLS; c++)
			r->cell[c][0] = '\0';
		jx_editbuf_set(&g->eb, "");
		return;
	}
	r->deleted = !r->deleted;
	jx_app_message(app, false, r->deleted
		       ? _("Row marked for deletion when the grid is saved"
			   " (the same key again keeps it)")
		       : _("The row is kept"));
}

/* One key; true when the grid is done. */
static bool
grid_key(struct jx_app *app, struct jx_grid *g, jx_keycode key)
{
	enum jx_action a = jx_keymap_lookup(app->km, JX_CTX_GRID, key);
	struct jx_error err;
	bool bad;

	switch (a) {
	case JX_ACT_SAVE:
		commit(g);
		if (!check_rows(app, g))
			return false;
		jx_error_clear(&err);
		if (save(app, g, &err) == JX_OK)
			return true;
		jx_app_message(app, true, "%s", err.message);
		return false;
	case JX_ACT_CANCEL:
		commit(g);
		return !jx_grid_dirty(g) ||
		       jx_app_confirm(app, _("Throw away what was typed in the"
					     " grid?"));
	case JX_ACT_ACCEPT: case JX_ACT_ACCEPT_DOWN:
	case JX_ACT_MOVE_DOWN: step_down(g, 1); return false;
	case JX_ACT_MOVE_UP: step_down(g, -1); return false;
	case JX_ACT_PAGE_DOWN: step_down(g, 10); return false;
	case JX_ACT_PAGE_UP: step_down(g, -10); return false;
	case JX_ACT_ACCEPT_RIGHT: case JX_ACT_FIELD_NEXT:
		step_right(g, 1);
		return false;
	case JX_ACT_FIELD_PREV: step_right(g, -1); return false;
	case JX_ACT_FILL_ABOVE: fill_above(g, g->col); return false;
	case JX_ACT_FILL_LEVELS:
		if (g->row > 0) {
			focus_cell(g, g->row, 0);
			fill_above(g, 0);
			focus_cell(g, g->row, 1);
			fill_above(g, 1);
			focus_cell(g, g->row, 2);
		}
		return false;
	case JX_ACT_DELETE_ROW: toggle_delete(app, g); return false;
	case JX_ACT_EXTERNAL_EDITOR: jx_field_external(app, &g->eb);
		return false;
	case JX_ACT_HELP: app->help = true; app->help_top = 0; return false;
	case JX_ACT_PICK_INDICATOR: jx_grid_pick(app, g); return false;
	case JX_ACT_COMPLETE: jx_grid_complete(app, g); return false;
	default: break;
	}
	if (jx_field_key(app, &g->eb, a, key, &bad) && bad) {
		/* Nothing was inserted: what was typed before stays. */
		jx_app_message(app, true, _("Not UTF-8: the text that arrived"
					    " was refused, and the cell keeps"
					    " its last good value"));
	}
	return false;
}

/* Template rows become new rows before the blank last one. */
static void
add_template_rows(struct jx_grid *g, const struct jx_trow *rows, size_t n)
{
	size_t first = g->n - 1;

	row_free(&g->rows[--g->n]);
	for (size_t i = 0; i < n; i++) {
		struct jx_indicator tmp = {
			.level1 = rows[i].level1, .level2 = rows[i].level2,
			.name = rows[i].name, .description = rows[i].description,
			.target = rows[i].target, .basis = rows[i].basis };
		struct jx_grid_row *r = add_row(g, &tmp, 0, 0);

		/* Not read from the store: typed, as far as saving goes. */
		for (int c = 0; r && c < JX_GRID_COLS; c++)
			r->orig[c][0] = '\0';
	}
	add_row(g, NULL, 0, 0);
	if (n) {
		g->row = first;
		g->col = JX_GC_TARGET;
	}
}

void
jx_grid_run(struct jx_app *app, int64_t project_id)
{
	jx_grid_run_rows(app, project_id, NULL, 0);
}

void
jx_grid_run_rows(struct jx_app *app, int64_t project_id,
		 const struct jx_trow *rows, size_t n)
{
	struct jx_grid g;
	struct jx_error err;
	bool saved = false;

	memset(&g, 0, sizeof g);
	g.project_id = project_id;
	g.ambiguous_wide = app->ambiguous_wide;
	jx_editbuf_init(&g.eb, "", false, app->ambiguous_wide);
	jx_error_clear(&err);
	if (load(app, &g, project_id, &err) != JX_OK) {
		jx_app_message(app, true, "%s", err.message);
		grid_free(&g);
		return;
	}
	add_template_rows(&g, rows, n);
	/* The editor starts on the first cell (focus_cell would first put
	 * the editor's empty text into it). */
	jx_editbuf_set(&g.eb, g.rows[g.row].cell[g.col]);
	app->grid = &g;
	for (;;) {
		jx_keycode key = jx_app_key(app);

		if (key < 0)
			break;
		app->message[0] = '\0';
		if (app->help) {
			jx_app_help_key(app, key);
			continue;
		}
		if (grid_key(app, &g, key)) {
			saved = jx_keymap_lookup(app->km, JX_CTX_GRID, key)
				== JX_ACT_SAVE;
			break;
		}
	}
	app->grid = NULL;
	jx_app_reload(app, JX_PANE_INDICATORS, 0, 0, NULL);
	if (saved)
		jx_app_message(app, false, _("Saved the grid (u undoes it"
					     " whole)"));
	grid_free(&g);
}
