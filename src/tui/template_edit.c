/*
 * template_edit.c — templates where typing happens (see template_edit.h).
 *
 * The picker and completion work the same in an indicator form and in the
 * grid: both come down to "the six texts of the indicator being typed",
 * read and written through a small view (struct typed) over either.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/template.h"
#include "core/text.h"
#include "tui/edit.h"
#include "tui/form.h"
#include "tui/grid.h"
#include "tui/grid_internal.h"
#include "tui/picker.h"
#include "tui/template_edit.h"

#define COMPLETIONS 20

/* The indicator being typed: its six texts in the order of the printed
 * table (level1, level2, name, description, target, basis), and which of
 * them has the cursor. */
enum { T_LEVEL1, T_LEVEL2, T_NAME, T_DESCRIPTION, T_TARGET, T_BASIS, T_N };

static const char *const typed_keys[T_N] = {
	"level1", "level2", "name", "description", "target", "basis"
};

struct typed {
	struct jx_form *f;      /* one of these two */
	struct jx_grid *g;
};

static const char *
typed_get(const struct typed *t, int i)
{
	if (t->g)
		return t->g->row < t->g->n && i == t->g->col
		       ? t->g->eb.text : t->g->rows[t->g->row].cell[i];
	{
		size_t k = jx_form_find(t->f, typed_keys[i], -1);
		if (k >= t->f->n)
			return "";
		return k == t->f->cur ? t->f->eb.text : t->f->fields[k].value;
	}
}

static void
typed_set(struct typed *t, int i, const char *value)
{
	if (t->g) {
		char *copy = jx_strdup(value);
		if (i == t->g->col)
			jx_editbuf_set(&t->g->eb, value);
		if (copy) {
			free(t->g->rows[t->g->row].cell[i]);
			t->g->rows[t->g->row].cell[i] = copy;
		}
		return;
	}
	jx_form_set(t->f, jx_form_find(t->f, typed_keys[i], -1), value);
}

/* Which text has the cursor (-1: none of the six). */
static int
typed_focus(const struct typed *t)
{
	if (t->g)
		return t->g->col;
	for (int i = 0; i < T_N; i++)
		if (t->f->cur < t->f->n &&
		    strcmp(t->f->fields[t->f->cur].def->key, typed_keys[i]) == 0)
			return i;
	return -1;
}

/* Puts the cursor on text i, at its start. */
static void
typed_focus_on(struct typed *t, int i)
{
	struct jx_editbuf *eb;

	if (t->g) {
		char *copy = jx_strdup(t->g->eb.text);
		if (copy) {
			free(t->g->rows[t->g->row].cell[t->g->col]);
			t->g->rows[t->g->row].cell[t->g->col] = copy;
		}
		t->g->col = i;
		jx_editbuf_set(&t->g->eb, t->g->rows[t->g->row].cell[i]);
		eb = &t->g->eb;
	} else {
		jx_form_focus(t->f, jx_form_find(t->f, typed_keys[i], -1));
		eb = &t->f->eb;
	}
	jx_editbuf_start(eb);
}

/* ---- the indicator picker ---------------------------------------------- */

struct lib_ctx {
	const struct jx_templates *t;
	char details[JX_PICK_MAX][160];
};

static size_t
find_indicators(void *vctx, const char *query, struct jx_pick_item *out,
		size_t max)
{
	struct lib_ctx *c = vctx;
	const struct jx_tindicator *found[JX_PICK_MAX];
	size_t total = jx_templates_find_indicators(c->t, query, NULL, NULL,
						    found, max);
	size_t n = total < max ? total : max;

	for (size_t i = 0; i < n; i++) {
		const char *unit = jx_tindicator_unit(found[i]);
		snprintf(c->details[i], sizeof c->details[i], "%s / %s%s%s",
			 found[i]->level1 ? found[i]->level1 : "",
			 found[i]->level2 ? found[i]->level2 : "",
			 unit[0] ? "  · " : "", unit);
		out[i].label = found[i]->name;
		out[i].detail = c->details[i];
		out[i].data = found[i];
	}
	return total;
}

/* Fills the indicator from library entry e: its levels where none is
 * typed yet, name, description and basis, and the target with the unit
 * alone and the cursor before it, so that typing "≥95" gives "≥95%". */
static void
fill_from_library(struct typed *t, const struct jx_tindicator *e)
{
	if (!typed_get(t, T_LEVEL1)[0] && e->level1)
		typed_set(t, T_LEVEL1, e->level1);
	if (!typed_get(t, T_LEVEL2)[0] && e->level2)
		typed_set(t, T_LEVEL2, e->level2);
	typed_set(t, T_NAME, e->name);
	if (e->description)
		typed_set(t, T_DESCRIPTION, e->description);
	if (e->basis)
		typed_set(t, T_BASIS, e->basis);
	if (!typed_get(t, T_TARGET)[0] && e->unit)
		typed_set(t, T_TARGET, e->unit);
	typed_focus_on(t, T_TARGET);
}

static void
pick(struct jx_app *app, struct typed *t)
{
	struct lib_ctx *c;
	const struct jx_tindicator *e;

	if (!app->templates || app->templates->n_indicators == 0) {
		jx_app_message(app, true, _("No indicator library is loaded"
					    " (data/templates)"));
		return;
	}
	if (!(c = calloc(1, sizeof *c)))
		return;
	c->t = app->templates;
	e = jx_pick(app, _("Indicator library: type part of the name, or the"
			   " initials of its pinyin"), typed_get(t, T_NAME),
		    find_indicators, c);
	if (e) {
		fill_from_library(t, e);
		jx_app_message(app, false, e->examples.n
			       ? _("Filled from the library; type the target"
				   " (e.g. %s)") : _("Filled from the library;"
						    " type the target%s"),
			       e->examples.n ? e->examples.v[0] : "");
	}
	free(c);
}

void
jx_form_pick_indicator(struct jx_app *app, struct jx_form *f)
{
	struct typed t = { f, NULL };

	if (f->kind != JX_FORM_INDICATOR) {
		jx_app_message(app, true, _("The indicator library is for"
					    " indicators"));
		return;
	}
	pick(app, &t);
}

void
jx_grid_pick(struct jx_app *app, struct jx_grid *g)
{
	struct typed t = { NULL, g };

	pick(app, &t);
}

/* ---- completion ---------------------------------------------------------- */

struct values {
	char *v[COMPLETIONS];
	size_t n;
};

static int
take_value(void *ctx, const char *value, int64_t uses)
{
	struct values *vs = ctx;

	(void)uses;
	if (vs->n < COMPLETIONS && value && (vs->v[vs->n] = jx_strdup(value)))
		vs->n++;
	return 0;
}

void
jx_completion_free(struct jx_app *app)
{
	free(app->comp_prefix);
	free(app->comp_last);
	app->comp_prefix = app->comp_last = NULL;
	app->comp_index = 0;
}

static void
complete(struct jx_app *app, struct typed *t)
{
	int focus = typed_focus(t);
	const char *now = focus >= 0 ? typed_get(t, focus) : "";
	struct values vs = { { NULL }, 0 };
	struct jx_error err;

	if (focus != T_TARGET && focus != T_BASIS) {
		jx_app_message(app, true, _("Completion is for the target and"
					    " the basis"));
		return;
	}
	/* Pressed again right after a completion: the next value for the
	 * same typed text; otherwise start from what is typed now. */
	if (!app->comp_last || strcmp(app->comp_last, now) != 0) {
		/* What is typed before the cursor is the start to complete:
		 * after the picker the target holds the unit alone with the
		 * cursor before it, and everything used before fits. */
		const struct jx_editbuf *eb = t->g ? &t->g->eb : &t->f->eb;
		jx_completion_free(app);
		app->comp_prefix = jx_strndup(eb->text, eb->cursor);
	} else {
		app->comp_index++;
	}
	jx_error_clear(&err);
	if (!app->comp_prefix ||
	    jx_store_used_values(app->st, focus == T_BASIS,
				 typed_get(t, T_NAME), app->comp_prefix,
				 COMPLETIONS, take_value, &vs, &err) != JX_OK) {
		jx_app_message(app, true, "%s", err.message);
		return;
	}
	if (vs.n == 0) {
		jx_app_message(app, false, _("Nothing used before for %s starts"
					     " so"), typed_get(t, T_NAME));
	} else {
		size_t i = (size_t)app->comp_index % vs.n;
		typed_set(t, focus, vs.v[i]);
		free(app->comp_last);
		app->comp_last = jx_strdup(vs.v[i]);
		jx_app_message(app, false, _("Used before: %zu of %zu (the same"
					     " key again: the next)"), i + 1,
			       vs.n);
	}
	for (size_t i = 0; i < vs.n; i++)
		free(vs.v[i]);
}

void
jx_form_complete(struct jx_app *app, struct jx_form *f)
{
	struct typed t = { f, NULL };

	if (f->kind != JX_FORM_INDICATOR) {
		jx_app_message(app, true, _("Completion is for the target and"
					    " the basis"));
		return;
	}
	complete(app, &t);
}

void
jx_grid_complete(struct jx_app *app, struct jx_grid *g)
{
	struct typed t = { NULL, g };

	complete(app, &t);
}

/* ---- a new project from a template ---------------------------------- */

struct proj_ctx {
	const struct jx_templates *t;
	char details[JX_PICK_MAX][160];
};

static size_t
find_projects(void *vctx, const char *query, struct jx_pick_item *out,
	      size_t max)
{
	struct proj_ctx *c = vctx;
	const struct jx_tproject *found[JX_PICK_MAX];
	size_t total = jx_templates_find_projects(c->t, query, found, max);
	size_t n = total < max ? total : max;

	for (size_t i = 0; i < n; i++) {
		snprintf(c->details[i], sizeof c->details[i],
			 ngettext("%zu indicator row%s%s",
				  "%zu indicator rows%s%s", found[i]->n_rows),
			 found[i]->n_rows, found[i]->title ? " · " : "",
			 found[i]->title ? found[i]->title : "");
		out[i].label = found[i]->name;
		out[i].detail = c->details[i];
		out[i].data = found[i];
	}
	return total;
}

void
jx_template_new_project(struct jx_app *app)
{
	struct proj_ctx *c;
	const struct jx_tproject *tp;
	char title[300];
	int64_t id;

	if (!app->templates || app->templates->n_projects == 0) {
		jx_app_message(app, true, _("No project templates are loaded"
					    " (data/templates)"));
		return;
	}
	if (!(c = calloc(1, sizeof *c)))
		return;
	c->t = app->templates;
	tp = jx_pick(app, _("Project templates"), "", find_projects, c);
	free(c);
	if (!tp)
		return;
	snprintf(title, sizeof title, _("A new project from the template %s"),
		 tp->name);
	id = jx_edit_add(app, JX_REC_PROJECT, title);
	if (id)
		jx_grid_run_rows(app, id, tp->rows, tp->n_rows);
}
