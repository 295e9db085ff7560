/*
 * compare_view.c — two years of the selected department side by side.
 *
 * Three modes: the projects (status, budgets, change, ⚑ for more money
 * with no stricter target), the indicators of one matched project (targets
 * of both years and a verdict), and one project's history over every year
 * on file with a bar chart of its budget. The figures come from
 * analysis/year_compare.c, the same code as `jixiao compare`.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/year_compare.h"
#include "core/i18n.h"
#include "core/money.h"
#include "tui/app.h"

enum mode { M_PROJECTS, M_INDICATORS, M_HISTORY };

struct jx_compare_view {
	int64_t dept_id;
	char title[512];
	bool demo;                 /* a year is the fictional demo */
	int year_a, year_b;
	struct jx_year_compare c;
	size_t *order;             /* shown rows: indices into c.result */
	size_t n_order;
	bool only_diff, sorted;
	enum mode mode;
	size_t cursor, top;        /* in the list of the current mode */
	size_t pair;               /* result row shown in M_INDICATORS */
	char *history;             /* text of M_HISTORY */
};

static int
list_height(void)
{
	return LINES - 1 - 7 - 3;   /* status, detail, title/header/total */
}

static const struct jx_cmp_row *
row_at(const struct jx_compare_view *v, size_t i)
{
	return i < v->n_order ? &v->c.result.rows[v->order[i]] : NULL;
}

static int64_t
abs64(int64_t x)
{
	return x < 0 ? -x : x;
}

/* Rows in view order: all or only differences, table order or by the size
 * of the change (largest first). */
/* The id that names a result row across rebuilds: B's project, else A's. */
static int64_t
row_id(const struct jx_cmp_row *r)
{
	return r ? (r->b ? r->b->id : r->a->id) : 0;
}

static void move_to(struct jx_compare_view *v, long long target);

/* Puts the cursor on the row of project `id` if it is shown, else first. */
static void
focus_id(struct jx_compare_view *v, int64_t id)
{
	v->cursor = v->top = 0;
	for (size_t i = 0; id && i < v->n_order; i++)
		if (row_id(row_at(v, i)) == id)
			move_to(v, (long long)i);
}

static void
build_order(struct jx_compare_view *v)
{
	int64_t keep = v->n_order ? row_id(row_at(v, v->cursor)) : 0;
	size_t n = 0;

	for (size_t i = 0; i < v->c.result.n; i++)
		if (!v->only_diff || v->c.result.rows[i].status != JX_CS_SAME)
			v->order[n++] = i;
	v->n_order = n;
	for (size_t i = 1; v->sorted && i < n; i++) {
		size_t k = v->order[i], j = i;
		int64_t ck = abs64(v->c.result.rows[k].change_yuan);
		while (j > 0 &&
		       abs64(v->c.result.rows[v->order[j - 1]].change_yuan) < ck) {
			v->order[j] = v->order[j - 1];
			j--;
		}
		v->order[j] = k;
	}
	focus_id(v, keep);
}

static bool
is_demo(struct jx_app *app, int64_t dept_id, int year)
{
	struct jx_error err;
	struct jx_doc head;
	int64_t year_id;
	bool demo = false;

	jx_error_clear(&err);
	if (jx_store_find_year(app->st, dept_id, year, &year_id, &err) == JX_OK &&
	    jx_store_get_year_head(app->st, year_id, &head, &err) == JX_OK) {
		demo = head.source && strstr(head.source, "fictional demo");
		jx_doc_free(&head);
	}
	return demo;
}

/* (Re)computes the comparison for the view's years. */
static bool
load(struct jx_app *app, struct jx_compare_view *v)
{
	int64_t keep = v->mode == M_PROJECTS && v->n_order
		       ? row_id(row_at(v, v->cursor)) : 0;
	struct jx_error err;
	size_t *order;

	jx_error_clear(&err);
	v->n_order = 0;
	jx_year_compare_free(&v->c);
	if (jx_year_compare_load(app->st, v->dept_id, v->year_a, v->year_b,
				 app->level_keys, &v->c, &err) != JX_OK) {
		jx_app_message(app, true, "%s", err.message);
		return false;
	}
	order = realloc(v->order, (v->c.result.n + 1) * sizeof *order);
	if (!order) {
		jx_app_message(app, true, "out of memory");
		return false;
	}
	v->order = order;
	v->demo = is_demo(app, v->dept_id, v->year_a) ||
		  is_demo(app, v->dept_id, v->year_b);
	v->mode = M_PROJECTS;
	build_order(v);
	focus_id(v, keep);
	return true;
}

static void
view_free(struct jx_compare_view *v)
{
	jx_year_compare_free(&v->c);
	free(v->order);
	free(v->history);
	free(v);
}

void
jx_compare_open(struct jx_app *app)
{
	const struct jx_wrow *dept = jx_wlist_current(&app->lists[JX_PANE_DEPTS]);
	struct jx_compare_view *v;

	if (!dept || app->year_index < 0) {
		jx_app_message(app, true, _("Select a department first"));
		return;
	}
	if (app->n_years < 2) {
		jx_app_message(app, true, _("Only one year on file (%d): nothing"
					    " to compare for %s"), app->years[0],
			       dept->cells[0]);
		return;
	}
	if (!(v = calloc(1, sizeof *v)))
		return;
	v->dept_id = app->dept_id;
	snprintf(v->title, sizeof v->title, "%s", dept->cells[0]);
	v->year_b = app->years[app->year_index];
	v->year_a = app->years[app->year_index > 0 ? app->year_index - 1
						    : app->year_index + 1];
	if (!load(app, v)) {
		view_free(v);
		return;
	}
	app->cmp = v;
}

bool
jx_compare_active(const struct jx_app *app)
{
	return app->cmp != NULL;
}

void
jx_compare_close(struct jx_app *app)
{
	if (app->cmp)
		view_free(app->cmp);
	app->cmp = NULL;
}

/* ---- moving ----------------------------------------------------------- */

static size_t
mode_rows(const struct jx_compare_view *v)
{
	if (v->mode == M_INDICATORS)
		return v->c.indicators[v->pair].n;
	return v->n_order;
}

static void
move_to(struct jx_compare_view *v, long long target)
{
	long long n = (long long)mode_rows(v), h = list_height();

	if (target >= n)
		target = n - 1;
	if (target < 0)
		target = 0;
	v->cursor = (size_t)target;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if ((long long)v->cursor >= (long long)v->top + h)
		v->top = v->cursor - (size_t)h + 1;
}

static bool
row_differs(const struct jx_compare_view *v, size_t i)
{
	if (v->mode == M_INDICATORS)
		return v->c.indicators[v->pair].rows[i].verdict != JX_V_SAME;
	return row_at(v, i)->status != JX_CS_SAME;
}

static void
next_difference(struct jx_app *app, struct jx_compare_view *v, int dir)
{
	size_t n = mode_rows(v);

	for (size_t k = 1; k <= n; k++) {
		size_t i = (v->cursor + n + (size_t)dir * k) % n;
		if ((dir > 0 && i <= v->cursor) || (dir < 0 && i >= v->cursor))
			break;
		if (row_differs(v, i)) {
			move_to(v, (long long)i);
			return;
		}
	}
	jx_app_message(app, false, dir > 0 ? _("No difference below")
					   : _("No difference above"));
}

/* ---- actions ---------------------------------------------------------- */

static void
open_indicators(struct jx_app *app, struct jx_compare_view *v)
{
	const struct jx_cmp_row *r = row_at(v, v->cursor);
	struct jx_error err;

	if (!r || !r->a || !r->b) {
		jx_app_message(app, true, _("Only a project found in both years"
					    " has indicators to compare"));
		return;
	}
	/* A pair whose indicators are the same was not read to build the
	 * list: read it now. */
	jx_error_clear(&err);
	if (jx_year_compare_pair(app->st, &v->c, v->order[v->cursor], &err)
	    != JX_OK) {
		jx_app_message(app, true, "%s", err.message);
		return;
	}
	v->pair = v->order[v->cursor];
	v->mode = M_INDICATORS;
	v->cursor = v->top = 0;
}

static void
back(struct jx_app *app, struct jx_compare_view *v)
{
	if (v->mode == M_PROJECTS) {
		jx_compare_close(app);
		return;
	}
	v->mode = M_PROJECTS;
	v->cursor = v->top = 0;
	for (size_t i = 0; i < v->n_order; i++)
		if (v->order[i] == v->pair)
			move_to(v, (long long)i);
}

static void
swap_years(struct jx_app *app, struct jx_compare_view *v)
{
	int y = v->year_a;

	v->year_a = v->year_b;
	v->year_b = y;
	load(app, v);
}

/* Year A from the department's other years: each press takes the next. */
static void
pick_year(struct jx_app *app, struct jx_compare_view *v)
{
	int i, k;

	for (i = 0; i < app->n_years && app->years[i] != v->year_a; i++)
		;
	for (k = 1; k <= app->n_years; k++) {
		int y = app->years[(i + k) % app->n_years];
		if (y != v->year_b) {
			v->year_a = y;
			break;
		}
	}
	load(app, v);
}

void jx_compare_link(struct jx_app *app, struct jx_compare_view *v,
		     bool unlink);
char *jx_compare_history(struct jx_app *app, int64_t dept_id,
			 const struct jx_cmp_row *row, int year_a, int year_b);

static void
history(struct jx_app *app, struct jx_compare_view *v)
{
	const struct jx_cmp_row *r = row_at(v, v->cursor);

	if (!r)
		return;
	free(v->history);
	v->history = jx_compare_history(app, v->dept_id, r, v->year_a,
					v->year_b);
	if (v->history) {
		v->mode = M_HISTORY;
		v->cursor = v->top = 0;
	}
}

void
jx_compare_action(struct jx_app *app, enum jx_action a)
{
	struct jx_compare_view *v = app->cmp;
	int h = list_height();

	switch (a) {
	case JX_ACT_MOVE_UP: move_to(v, (long long)v->cursor - 1); break;
	case JX_ACT_MOVE_DOWN: move_to(v, (long long)v->cursor + 1); break;
	case JX_ACT_PAGE_UP: move_to(v, (long long)v->cursor - h); break;
	case JX_ACT_PAGE_DOWN: move_to(v, (long long)v->cursor + h); break;
	case JX_ACT_FIRST: move_to(v, 0); break;
	case JX_ACT_LAST: move_to(v, (long long)mode_rows(v) - 1); break;
	case JX_ACT_DIFF_NEXT: next_difference(app, v, 1); break;
	case JX_ACT_DIFF_PREV: next_difference(app, v, -1); break;
	case JX_ACT_DIFF_ONLY:
		if (v->mode == M_PROJECTS) {
			v->only_diff = !v->only_diff;
			build_order(v);
		}
		break;
	case JX_ACT_SORT_CHANGE:
		if (v->mode == M_PROJECTS) {
			v->sorted = !v->sorted;
			build_order(v);
		}
		break;
	case JX_ACT_SWAP_YEARS: swap_years(app, v); break;
	case JX_ACT_YEAR_PICK: pick_year(app, v); break;
	case JX_ACT_ENTER:
		if (v->mode == M_PROJECTS)
			open_indicators(app, v);
		break;
	case JX_ACT_LINK: jx_compare_link(app, v, false); break;
	case JX_ACT_UNLINK: jx_compare_link(app, v, true); break;
	case JX_ACT_HISTORY:
		if (v->mode == M_PROJECTS)
			history(app, v);
		break;
	case JX_ACT_BACK: case JX_ACT_QUIT: case JX_ACT_COMPARE:
		back(app, v);
		break;
	case JX_ACT_HELP: app->help = true; app->help_top = 0; break;
	case JX_ACT_REDRAW: clearok(curscr, TRUE); break;
	default: break;
	}
}

/* ---- links -------------------------------------------------------------- */

/* Link: the focused new project continues a gone one, picked with the
 * move keys from the gone projects; Enter links, Esc cancels. Unlink: the
 * focused project's link is removed. Either way the comparison is
 * recomputed. */
void
jx_compare_link(struct jx_app *app, struct jx_compare_view *v, bool unlink)
{
	const struct jx_cmp_row *r = v->mode == M_PROJECTS
				     ? row_at(v, v->cursor) : NULL;
	struct jx_error err;
	int64_t gone[256];
	size_t n = 0, choice = 0;

	jx_error_clear(&err);
	if (!r)
		return;
	if (unlink) {
		if (r->match != JX_CM_LINK) {
			jx_app_message(app, true, _("This project is not"
						    " matched by a link"));
			return;
		}
		if (jx_store_unlink_project(app->st, r->b->id, &err) != JX_OK)
			jx_app_message(app, true, "%s", err.message);
		else if (load(app, v))
			jx_app_message(app, false, _("Link removed"));
		return;
	}
	if (r->status != JX_CS_NEW) {
		jx_app_message(app, true, _("Only a new project can be linked"
					    " to a gone one"));
		return;
	}
	if (v->year_b < v->year_a) {
		jx_app_message(app, true, _("A link goes from a later year to an"
					    " earlier one: swap the years (w)"
					    " first"));
		return;
	}
	for (size_t i = 0; i < v->c.result.n && n < 256; i++)
		if (v->c.result.rows[i].status == JX_CS_GONE)
			gone[n++] = (int64_t)i;
	if (n == 0) {
		jx_app_message(app, true, _("No project of %d is unmatched"),
			       v->year_a);
		return;
	}
	int64_t b_id = r->b->id;
	for (;;) {
		const struct jx_cmp_row *g = &v->c.result.rows[gone[choice]];
		jx_keycode key;
		enum jx_action a;

		jx_app_message(app, false, _("Continues which project of %d?"
					     " (%zu/%zu, Up/Down, Enter) %s"),
			       v->year_a, choice + 1, n, g->a->name);
		if ((key = jx_app_key(app)) < 0)
			return;
		a = jx_keymap_lookup(app->km, JX_CTX_PROMPT, key);
		if (a == JX_ACT_CANCEL) {
			app->message[0] = '\0';
			return;
		}
		if (a == JX_ACT_MOVE_DOWN)
			choice = (choice + 1) % n;
		else if (a == JX_ACT_MOVE_UP)
			choice = (choice + n - 1) % n;
		else if (a == JX_ACT_ACCEPT)
			break;
	}
	if (jx_store_link_project(app->st, b_id,
				  v->c.result.rows[gone[choice]].a->id,
				  &err) != JX_OK) {
		jx_app_message(app, true, "%s", err.message);
		return;
	}
	if (!load(app, v))
		return;
	focus_id(v, b_id);
	jx_app_message(app, false, _("Linked; the link is kept in the"
				     " database (U removes it)"));
}

/* ---- drawing ------------------------------------------------------------ */

/* A list's columns: fixed widths, one flexible (0) that takes what the
 * others leave. Header and rows are drawn from the same table, so they
 * cannot drift apart. */
struct col {
	int width;
	bool right;
};

/* status, name, year A, year B, change, %, ⚑ */
static const struct col project_cols[] = {
	{ 5, false }, { 0, false }, { 10, true }, { 10, true }, { 10, true },
	{ 9, true }, { 3, false } };
/* level 2, name, target A, target B, verdict */
static const struct col indicator_cols[] = {
	{ 10, false }, { 0, false }, { 16, false }, { 16, false },
	{ 10, false } };

#define NCOLS(c) (sizeof (c) / sizeof (c)[0])

static void
draw_cols(struct jx_app *app, int y, const struct col *cols, size_t n,
	  const char *const *texts, unsigned attr)
{
	int fixed = 0, x = 0;

	for (size_t i = 0; i < n; i++)
		fixed += cols[i].width;
	for (size_t i = 0; i < n; i++) {
		int w = cols[i].width ? cols[i].width : COLS - fixed;
		jx_cell(app, y, x, w, texts[i], cols[i].right, attr);
		x += w;
	}
}

static void
project_line(struct jx_app *app, int y, const struct jx_cmp_row *r,
	     bool selected, bool total, const struct jx_cmp_result *res)
{
	char ma[48] = "", mb[48] = "", change[64], pct[64];
	unsigned attr = selected ? A_REVERSE : total ? A_BOLD : A_NORMAL;

	char counts[128] = "";

	if (total) {
		struct jx_cmp_row t;
		jx_cmp_totals(res, &t);
		jx_money_format_wan(res->total_a, ma, sizeof ma);
		jx_money_format_wan(res->total_b, mb, sizeof mb);
		jx_cmp_change_text(t.change_yuan, change, sizeof change);
		jx_cmp_percent_text(&t, pct, sizeof pct);
		snprintf(counts, sizeof counts, "%s%zu %s%zu %s%zu %s%zu",
			 jx_cmp_status_label(JX_CS_SAME), res->n_same,
			 jx_cmp_status_label(JX_CS_CHANGED), res->n_changed,
			 jx_cmp_status_label(JX_CS_NEW), res->n_new,
			 jx_cmp_status_label(JX_CS_GONE), res->n_gone);
	} else {
		if (r->a)
			jx_amount_format_wan(r->a->budget, ma, sizeof ma);
		if (r->b)
			jx_amount_format_wan(r->b->budget, mb, sizeof mb);
		jx_cmp_change_text(r->change_yuan, change, sizeof change);
		jx_cmp_percent_text(r, pct, sizeof pct);
	}
	const char *cells[] = {
		total ? _("合计") : jx_cmp_status_label(r->status),
		total ? counts : r->b ? r->b->name : r->a->name,
		ma, mb, change, pct, !total && r->flagged ? " ⚑" : "" };

	draw_cols(app, y, project_cols, NCOLS(project_cols), cells, attr);
}

static void
header(struct jx_app *app, struct jx_compare_view *v, const char *what)
{
	char title[768];

	snprintf(title, sizeof title, "%s%s%s%d → %d  %s  %s",
		 v->demo ? _("【虚构示例 demo】") : "",
		 v->only_diff ? _("[仅差异] ") : "",
		 v->sorted ? _("[按变化] ") : "", v->year_a, v->year_b, what,
		 v->title);
	jx_cell(app, 0, 0, COLS, title, false, jx_title_attr(true));
}

static void
draw_projects(struct jx_app *app, struct jx_compare_view *v)
{
	char ya[16], yb[16];
	const char *heads[] = { _("状态"), _("项目"), ya, yb, _("变化"), "%",
				"" };
	int h = list_height();

	header(app, v, _("项目"));
	snprintf(ya, sizeof ya, "%d", v->year_a);
	snprintf(yb, sizeof yb, "%d", v->year_b);
	draw_cols(app, 1, project_cols, NCOLS(project_cols), heads, A_DIM);
	for (int i = 0; i < h && v->top + (size_t)i < v->n_order; i++)
		project_line(app, 2 + i, row_at(v, v->top + (size_t)i),
			     v->top + (size_t)i == v->cursor, false, NULL);
	project_line(app, 2 + h, NULL, false, true, &v->c.result);
}

static void
indicator_line(struct jx_app *app, int y, const struct jx_cmp_indicator_row *r,
	       bool selected)
{
	const struct jx_indicator *any = r->b ? r->b : r->a;
	const char *cells[] = { any->level2, any->name,
				r->a ? r->a->target : "",
				r->b ? r->b->target : "",
				jx_verdict_label(r->verdict) };

	draw_cols(app, y, indicator_cols, NCOLS(indicator_cols), cells,
		  selected ? A_REVERSE : A_NORMAL);
}

static void
draw_indicators(struct jx_app *app, struct jx_compare_view *v)
{
	const struct jx_cmp_indicators *ind = &v->c.indicators[v->pair];
	char ya[16], yb[16];
	const char *heads[] = { _("二级指标"), _("三级指标"), ya, yb,
				_("判断") };
	int h = list_height() + 1;

	header(app, v, v->c.result.rows[v->pair].b->name);
	snprintf(ya, sizeof ya, "%d", v->year_a);
	snprintf(yb, sizeof yb, "%d", v->year_b);
	draw_cols(app, 1, indicator_cols, NCOLS(indicator_cols), heads, A_DIM);
	for (int i = 0; i < h && v->top + (size_t)i < ind->n; i++)
		indicator_line(app, 2 + i, &ind->rows[v->top + (size_t)i],
			       v->top + (size_t)i == v->cursor);
}

/* What the focused row is, in words, below the list. */
static void
draw_detail(struct jx_app *app, struct jx_compare_view *v)
{
	const struct jx_cmp_row *r = row_at(v, v->cursor);
	char text[2048] = "";
	size_t len = 0;

	if (v->mode == M_PROJECTS && r) {
		static const char *const how[] = { "", N_("a link"),
			N_("the project code"), N_("the name") };
		if (r->a)
			len += (size_t)snprintf(text + len, sizeof text - len,
						"%d: %s %s\n", v->year_a,
						r->a->code ? r->a->code : "",
						r->a->name);
		if (r->b)
			len += (size_t)snprintf(text + len, sizeof text - len,
						"%d: %s %s\n", v->year_b,
						r->b->code ? r->b->code : "",
						r->b->name);
		if (r->match != JX_CM_NONE)
			len += (size_t)snprintf(text + len, sizeof text - len,
						_("matched by %s\n"),
						_(how[r->match]));
		if (r->flagged)
			snprintf(text + len, sizeof text - len, "%s",
				 _("⚑ more money, but no target is stricter"));
	}
	for (int x = 0; x < COLS; x++)
		mvaddstr(LINES - 8, x, "─");
	jx_draw_wrapped(app, text, LINES - 7, 1, 6, COLS - 2);
}

void
jx_compare_draw(struct jx_app *app)
{
	struct jx_compare_view *v = app->cmp;

	if (v->mode == M_HISTORY) {
		header(app, v, _("历年"));
		jx_draw_wrapped(app, v->history, 1, 0, LINES - 2, COLS);
		return;
	}
	if (v->mode == M_INDICATORS)
		draw_indicators(app, v);
	else
		draw_projects(app, v);
	draw_detail(app, v);
}
