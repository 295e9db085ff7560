/*
 * app.c — the full-screen interface's state and what each action does.
 *
 * The main loop reads a key, asks the keymap for the action in the focused
 * pane's context, and runs that action's function. Selection flows one
 * way, master to detail: a department (and year) scopes the projects, a
 * project scopes the indicators, and the focused row fills the detail text.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif


#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/app.h"
#include "tui/term.h"
#include "tui/tui.h"
#include "tui/template_edit.h"
#include "tui/undo.h"

void
jx_app_message(struct jx_app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_is_error = error;
}

static void
report(struct jx_app *app, const struct jx_error *err)
{
	char buf[JX_ERR_MSG + JX_ERR_FILE + 32];

	jx_error_format(err, buf, sizeof buf);
	jx_app_message(app, true, "%s", buf);
}

/* ---- selection -------------------------------------------------------- */

static int
collect_year(void *data, const struct jx_year_row *row)
{
	struct jx_app *app = data;

	if (app->n_years < JX_MAX_YEARS) {
		app->years[app->n_years] = row->year;
		app->year_ids[app->n_years] = row->id;
		app->n_years++;
	}
	return 0;
}

/* The years on file of the selected department; the latest is selected. */
static void
load_years(struct jx_app *app)
{
	const struct jx_wrow *dept = jx_wlist_current(&app->lists[JX_PANE_DEPTS]);
	struct jx_error err;

	jx_error_clear(&err);
	app->n_years = 0;
	app->year_index = -1;
	app->dept_id = dept ? dept->id : 0;
	if (!dept)
		return;
	if (jx_store_year_ids(app->st, dept->id, collect_year, app, &err)
	    != JX_OK)
		report(app, &err);
	app->year_index = app->n_years - 1;
}

static int64_t
selected_year_id(const struct jx_app *app)
{
	return app->year_index >= 0 ? app->year_ids[app->year_index] : 0;
}

static void
open_list(struct jx_app *app, enum jx_pane p, int64_t parent)
{
	struct jx_wlist_source src = jx_pane_source(p, parent);
	struct jx_error err;

	jx_error_clear(&err);
	if (parent == 0 && p != JX_PANE_DEPTS) {
		src.parent = -1;   /* nothing selected: an empty list */
	}
	if (jx_wlist_open(&app->lists[p], &src, &err) != JX_OK)
		report(app, &err);
}

/* Adds text to the detail (after a blank line). */
static void
append_detail(struct jx_app *app, const char *text)
{
	size_t len = strlen(app->detail), n = strlen(text);
	char *p = realloc(app->detail, len + n + 2);

	if (!p)
		return;
	p[len] = '\n';
	memcpy(p + len + 1, text, n + 1);
	app->detail = p;
}

/* Puts a line before the detail, where a small screen still shows it. */
static void
prepend_detail(struct jx_app *app, const char *line)
{
	size_t len = strlen(app->detail), n = strlen(line);
	char *p = malloc(n + len + 2);

	if (!p)
		return;
	memcpy(p, line, n);
	p[n] = '\n';
	memcpy(p + n + 1, app->detail, len + 1);
	free(app->detail);
	app->detail = p;
}

static void
load_detail(struct jx_app *app)
{
	const struct jx_wrow *row = jx_wlist_current(&app->lists[app->focus]);
	const struct jx_wrow *dept = jx_wlist_current(&app->lists[JX_PANE_DEPTS]);
	struct jx_error err;

	jx_error_clear(&err);
	free(app->detail);
	app->detail = NULL;
	if (!row)
		return;
	if (app->focus == JX_PANE_DEPTS)
		app->detail = jx_detail_department(app->st,
						   selected_year_id(app),
						   dept ? dept->cells[1] : "",
						   &err);
	else if (app->focus == JX_PANE_PROJECTS)
		app->detail = jx_detail_project(app->st, row->id, &err);
	else
		app->detail = jx_detail_indicator(app->st, row->id, &err);
	if (app->detail && app->focus == JX_PANE_PROJECTS && app->check_text) {
		/* The whole list at the end, the first finding on top where
		 * a small screen still shows it. */
		char first[600];
		const char *nl = strchr(app->check_text, '\n');
		const char *second = nl ? strchr(nl + 1, '\n') : NULL;

		append_detail(app, app->check_text);
		snprintf(first, sizeof first, "%.*s",
			 second ? (int)(second - app->check_text) : 0,
			 app->check_text);
		for (char *p = strchr(first, '\n'); p; p = strchr(p, '\n'))
			*p = ' ';
		if (first[0])
			prepend_detail(app, first);
	}
	if (app->detail && app->focus == JX_PANE_INDICATORS &&
	    jx_checks_flagged(app, app->lists[JX_PANE_INDICATORS].cursor + 1))
		prepend_detail(app, _("⚠ The project's checks concern this row"
				      " (its details list them)"));
	if (!app->detail && err.status != JX_OK)
		report(app, &err);
}

void
jx_app_selection_changed(struct jx_app *app, enum jx_pane from)
{
	const struct jx_wrow *project;

	if (from == JX_PANE_DEPTS) {
		load_years(app);
		open_list(app, JX_PANE_PROJECTS, selected_year_id(app));
	}
	if (from <= JX_PANE_PROJECTS) {
		project = jx_wlist_current(&app->lists[JX_PANE_PROJECTS]);
		open_list(app, JX_PANE_INDICATORS, project ? project->id : 0);
		jx_checks_load(app, selected_year_id(app),
			       project ? project->id : 0);
	}
	load_detail(app);
}

/* Puts the cursor of pane p on the row of record id (a project or an
 * indicator, whose key is its sequence number; a department, whose key
 * is its name). */
static void
goto_record(struct jx_app *app, enum jx_pane p, int64_t id, int64_t seq,
	    char *name)
{
	struct jx_key key;
	struct jx_error err;

	jx_error_clear(&err);
	jx_key_first(&key);
	key.first = false;
	key.seq = seq;
	key.name = name;
	key.id = id;
	if (jx_wlist_goto_row(&app->lists[p], &key, jx_app_pane_height(app),
			      &err) != JX_OK && err.status != JX_NOTFOUND)
		report(app, &err);
}

/* Reopens list p where its cursor was (the row at the same position). */
static void
reopen_at(struct jx_app *app, enum jx_pane p, int64_t parent)
{
	int64_t at = app->lists[p].cursor;
	struct jx_error err;

	open_list(app, p, parent);
	jx_error_clear(&err);
	jx_wlist_goto(&app->lists[p], at, jx_app_pane_height(app), &err);
}

void
jx_app_reload(struct jx_app *app, enum jx_pane p, int64_t id,
	      int64_t seq, const char *dept_name)
{
	int64_t year_id = selected_year_id(app);
	char *name = dept_name ? strdup(dept_name) : NULL;
	const struct jx_wrow *row;

	reopen_at(app, JX_PANE_DEPTS, 0);
	if (p == JX_PANE_DEPTS && id)
		goto_record(app, JX_PANE_DEPTS, id, 0, name);
	free(name);
	load_years(app);
	for (int i = 0; p != JX_PANE_DEPTS && i < app->n_years; i++)
		if (app->year_ids[i] == year_id)
			app->year_index = i;
	if (p == JX_PANE_DEPTS && year_id && id == 0)
		for (int i = 0; i < app->n_years; i++)
			if (app->year_ids[i] == year_id)
				app->year_index = i;
	reopen_at(app, JX_PANE_PROJECTS, selected_year_id(app));
	if (p == JX_PANE_PROJECTS && id)
		goto_record(app, JX_PANE_PROJECTS, id, seq, NULL);
	row = jx_wlist_current(&app->lists[JX_PANE_PROJECTS]);
	reopen_at(app, JX_PANE_INDICATORS, row ? row->id : 0);
	jx_checks_load(app, selected_year_id(app), row ? row->id : 0);
	if (p == JX_PANE_INDICATORS && id)
		goto_record(app, JX_PANE_INDICATORS, id, seq, NULL);
	load_detail(app);
}

/* Selects the year with this id of the selected department. */
void
jx_app_select_year_id(struct jx_app *app, int64_t year_id)
{
	for (int i = 0; i < app->n_years; i++)
		if (app->year_ids[i] == year_id)
			jx_app_set_year(app, i);
}

int64_t
jx_app_year_id(const struct jx_app *app)
{
	return selected_year_id(app);
}

/* ---- actions ---------------------------------------------------------- */

static void
move_cursor(struct jx_app *app, int64_t delta, bool absolute)
{
	struct jx_wlist *wl = &app->lists[app->focus];
	int h = jx_app_pane_height(app);
	int64_t before = wl->cursor;
	struct jx_error err;

	jx_error_clear(&err);
	if ((absolute ? jx_wlist_goto(wl, delta, h, &err)
		      : jx_wlist_move(wl, delta, h, &err)) != JX_OK)
		report(app, &err);
	if (wl->cursor != before)
		jx_app_selection_changed(app, app->focus);
}

static void
focus(struct jx_app *app, int delta)
{
	int p = (int)app->focus + delta;

	if (p < 0 || p >= JX_PANE_COUNT)
		return;
	app->focus = (enum jx_pane)p;
	load_detail(app);
}

static void
step_year(struct jx_app *app, int delta)
{
	int i = app->year_index + delta;

	if (app->n_years == 0) {
		jx_app_message(app, true, _("This department has no years on"
					    " file"));
		return;
	}
	if (i < 0 || i >= app->n_years) {
		jx_app_message(app, false, _("No %s year on file (years: %d"
					     " to %d)"), delta < 0
			       ? _("earlier") : _("later"), app->years[0],
			       app->years[app->n_years - 1]);
		return;
	}
	jx_app_set_year(app, i);
}

void
jx_app_set_year(struct jx_app *app, int index)
{
	if (index < 0 || index >= app->n_years)
		return;
	app->year_index = index;
	open_list(app, JX_PANE_PROJECTS, selected_year_id(app));
	jx_app_selection_changed(app, JX_PANE_PROJECTS);
}

/* Selects the department, year and project that have this project code,
 * wherever they are in the database. */
void
jx_app_jump_code(struct jx_app *app, const char *code)
{
	struct jx_project_place place;
	struct jx_key key;
	struct jx_error err;
	int h = jx_app_pane_height(app);

	jx_error_clear(&err);
	if (jx_store_find_code(app->st, code, &place, &err) != JX_OK) {
		if (err.status == JX_NOTFOUND)
			jx_app_message(app, true, _("Not found: no project in"
						    " any department or year has"
						    " the code %s"), code);
		else
			report(app, &err);
		return;
	}
	jx_key_first(&key);
	key.first = false;
	key.name = place.dept_name;
	key.id = place.department_id;
	if (jx_wlist_goto_row(&app->lists[JX_PANE_DEPTS], &key, h, &err)
	    == JX_OK) {
		jx_app_selection_changed(app, JX_PANE_DEPTS);
		for (int i = 0; i < app->n_years; i++)
			if (app->years[i] == place.year)
				jx_app_set_year(app, i);
		key.name = NULL;
		key.seq = place.seq;
		key.id = place.project_id;
		jx_wlist_goto_row(&app->lists[JX_PANE_PROJECTS], &key, h, &err);
		app->focus = JX_PANE_PROJECTS;
		jx_app_selection_changed(app, JX_PANE_PROJECTS);
	}
	free(place.dept_name);
	if (err.status != JX_OK)
		report(app, &err);
}

void
jx_app_help_key(struct jx_app *app, jx_keycode key)
{
	enum jx_action a = jx_keymap_lookup(app->km, JX_CTX_HELP, key);
	int page = LINES - 2, last = jx_help_lines() - page;

	if (a == JX_ACT_QUIT || a == JX_ACT_HELP || a == JX_ACT_BACK ||
	    a == JX_ACT_CANCEL)
		app->help = false;
	else if (a == JX_ACT_MOVE_DOWN)
		app->help_top++;
	else if (a == JX_ACT_MOVE_UP)
		app->help_top--;
	else if (a == JX_ACT_PAGE_DOWN)
		app->help_top += page;
	else if (a == JX_ACT_PAGE_UP)
		app->help_top -= page;
	else if (a == JX_ACT_FIRST)
		app->help_top = 0;
	else if (a == JX_ACT_LAST)
		app->help_top = last;
	/* Never scroll past the last line or above the first. */
	if (app->help_top > last)
		app->help_top = last;
	if (app->help_top < 0)
		app->help_top = 0;
}

static void
pane_action(struct jx_app *app, enum jx_action a)
{
	int h = jx_app_pane_height(app);

	switch (a) {
	case JX_ACT_MOVE_UP: move_cursor(app, -1, false); break;
	case JX_ACT_MOVE_DOWN: move_cursor(app, 1, false); break;
	case JX_ACT_PAGE_UP: move_cursor(app, -h, false); break;
	case JX_ACT_PAGE_DOWN: move_cursor(app, h, false); break;
	case JX_ACT_FIRST: move_cursor(app, 0, true); break;
	case JX_ACT_LAST: move_cursor(app, app->lists[app->focus].count - 1, true); break;
	case JX_ACT_FOCUS_NEXT: case JX_ACT_ENTER: focus(app, 1); break;
	case JX_ACT_FOCUS_PREV: case JX_ACT_BACK: focus(app, -1); break;
	case JX_ACT_ZOOM: app->zoom = !app->zoom; break;
	case JX_ACT_YEAR_PREV: step_year(app, -1); break;
	case JX_ACT_YEAR_NEXT: step_year(app, 1); break;
	case JX_ACT_YEAR_PICK: jx_prompt_year(app); break;
	case JX_ACT_SEARCH: jx_prompt_search(app, false); break;
	case JX_ACT_JUMP_CODE: jx_prompt_search(app, true); break;
	case JX_ACT_HELP: app->help = true; app->help_top = 0; break;
	case JX_ACT_REDRAW: clearok(curscr, TRUE); break;
	case JX_ACT_COMPARE: jx_compare_open(app); break;
	case JX_ACT_QUIT: app->quit = true; break;
	default: break;
	}
}

static void
search_again(struct jx_app *app, bool backward)
{
	struct jx_error err;
	enum jx_status rc;

	if (!app->search[0]) {
		jx_app_message(app, false, _("No search yet: press / to search"));
		return;
	}
	jx_error_clear(&err);
	rc = jx_wlist_search(&app->lists[app->focus], app->search, backward,
			     false, jx_app_pane_height(app), &err);
	if (rc == JX_NOTFOUND)
		jx_app_message(app, true, _("Not found: %s"), app->search);
	else if (rc != JX_OK)
		report(app, &err);
	else
		jx_app_selection_changed(app, app->focus);
}

static enum jx_context
pane_context(enum jx_pane p)
{
	static const enum jx_context ctx[] = {
		JX_CTX_DEPARTMENTS, JX_CTX_PROJECTS, JX_CTX_INDICATORS };
	return ctx[p];
}

static void
dispatch(struct jx_app *app, jx_keycode key)
{
	enum jx_action a;

	if (app->help) {
		jx_app_help_key(app, key);
		return;
	}
	if (jx_compare_active(app)) {
		jx_compare_action(app, jx_keymap_lookup(app->km,
							JX_CTX_COMPARE, key));
		return;
	}
	a = jx_keymap_lookup(app->km, pane_context(app->focus), key);
	if (a == JX_ACT_SEARCH_NEXT || a == JX_ACT_SEARCH_PREV)
		search_again(app, a == JX_ACT_SEARCH_PREV);
	else if (jx_action_edits(a) || a == JX_ACT_RECORD_LOG)
		jx_edit_action(app, a);
	else
		pane_action(app, a);
}

/* ---- the loop --------------------------------------------------------- */

/* Tests poll this file: it holds the number of keys handled, written each
 * time the program has drawn everything and waits for the next key. */
static void
write_idle(const struct jx_app *app)
{
	const char *path = getenv("JIXIAO_IDLE_FILE");
	FILE *f;

	if (!path || !*path || !(f = fopen(path, "w")))
		return;
	fprintf(f, "%ld\n", app->keys);
	fclose(f);
}

/* Rows the panes have read from the store so far. */
static long long
rows_read(const struct jx_app *app)
{
	long long n = 0;

	for (int p = 0; p < JX_PANE_COUNT; p++)
		n += app->lists[p].fetched;
	return n;
}

jx_keycode
jx_app_key(struct jx_app *app)
{
	long drawn = -1;

	for (;;) {
		jx_keycode key;

		/* Stopped, or the replayed keys are used up: whatever view
		 * is open closes without drawing again, so a replay's dump
		 * shows the screen its last key left. */
		if (jx_term_should_stop() || app->ended)
			return -1;
		if (drawn != app->keys) {
			jx_draw(app);
			write_idle(app);
			drawn = app->keys;
		}
		key = jx_term_key(250, rows_read(app));
		if (key == -2) {
			app->ended = true;   /* the replayed keys are used up */
			return -1;
		}
		if (key < 0)
			continue;
		app->keys++;
		if (key == JX_KEY_FN + KEY_RESIZE) {
			struct jx_error err;
			jx_error_clear(&err);
			for (int p = 0; p < JX_PANE_COUNT; p++)
				jx_wlist_goto(&app->lists[p],
					      app->lists[p].cursor,
					      jx_app_pane_height(app), &err);
			continue;
		}
		return key;
	}
}

bool
jx_app_templates_ready(struct jx_app *app)
{
	if (app->await_templates) {
		if (!app->await_templates(app->templates_ctx, &app->templates)) {
			app->templates = NULL;
			app->templates_failed = true;
			app->quit = true;
		}
		app->await_templates = NULL;
		app->level_keys = jx_template_levels_init(&app->tlevels,
							  app->templates);
	}
	return app->templates != NULL;
}

static void
app_free(struct jx_app *app)
{
	jx_compare_close(app);
	jx_undo_free(app->undo);
	jx_completion_free(app);
	jx_checks_clear(app);
	jx_template_levels_free(&app->tlevels);
	for (int p = 0; p < JX_PANE_COUNT; p++)
		jx_wlist_free(&app->lists[p]);
	free(app->detail);
}

int
jx_tui_run(struct jx_store *st, const struct jx_keymap *km,
	   const struct jx_tui_opts *opts)
{
	struct jx_app app;
	char notice[1024] = "";
	jx_keycode key;

	memset(&app, 0, sizeof app);
	app.st = st;
	app.km = km;
	app.await_templates = opts->await_templates;
	app.templates_ctx = opts->templates_ctx;
	app.ambiguous_wide = opts->ambiguous_wide;
	app.readonly = jx_store_readonly(st);
	app.year_index = -1;
	for (int p = 0; p < JX_PANE_COUNT; p++)
		jx_wlist_init(&app.lists[p], st);
	if (opts->notice)
		snprintf(notice, sizeof notice, "%s", opts->notice);
	if (!jx_term_start(notice, sizeof notice)) {
		fprintf(stderr, "jixiao: %s\n", notice);
		return 2;
	}
	if (notice[0])
		jx_app_message(&app, false, "%s", notice);
	open_list(&app, JX_PANE_DEPTS, 0);
	jx_app_selection_changed(&app, JX_PANE_DEPTS);
	jx_app_templates_ready(&app);   /* an empty file has no checks */
	if (!app.quit)
		jx_drafts_offer(&app);
	while (!app.quit && (key = jx_app_key(&app)) >= 0) {
		app.message[0] = '\0';
		dispatch(&app, key);
	}
	jx_term_stop();
	app_free(&app);
	if (app.templates_failed)
		return 2;
	/* Stopped by a signal: say so to a calling script, as a shell does. */
	return jx_term_signal() ? 128 + jx_term_signal() : 0;
}
