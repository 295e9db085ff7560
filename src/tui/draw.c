/*
 * draw.c — everything the screen shows, and the only place with curses
 * output calls. Widths are display columns (core/utf8.h): a CJK character
 * takes two, text is cut with an ellipsis on a character boundary, and each
 * cell is placed at its own column so that nothing shifts into the next.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif


#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/grid.h"
#include "tui/picker.h"
#include "tui/term.h"

#define MIN_COLS 80
#define MIN_LINES 24

struct rect {
	int y, x, h, w;
};

unsigned
jx_title_attr(bool focused)
{
	attr_t a = focused ? A_BOLD | A_UNDERLINE : A_BOLD;
	return jx_term_colors() ? a | COLOR_PAIR(1) : a;
}

/* Text cut (with "…") or padded to exactly `width` columns at (y, x). */
/*
 * Text as it may go to the terminal: a control character would move the
 * cursor or be drawn by curses as two cells the widths never counted, so
 * a tab becomes a space and others caret notation (^A, ^?); C1 controls
 * become U+FFFD. Returns text itself when it has none (the usual case),
 * else a copy in buf (cut when long: a cell shows little of it anyway).
 */
static const char *
visible(const char *text, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t j = 0;

	for (; *p; p++)
		if (*p < 0x20 || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 &&
						p[1] < 0xA0))
			break;
	if (!*p)
		return text;
	for (p = (const unsigned char *)text; *p; p++) {
		/* Stop only before a character, never inside one. */
		if (j + 8 >= size && (*p & 0xC0) != 0x80)
			break;
		if (*p == '\t') {
			buf[j++] = ' ';
		} else if (*p < 0x20 || *p == 0x7F) {
			j += jx_control_shown(*p, buf + j);
		} else if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0) {
			j += jx_control_shown(*++p, buf + j);
		} else {
			buf[j++] = (char)*p;
		}
	}
	buf[j] = '\0';
	return buf;
}

/*
 * Text at (y, x) handed to curses as wide characters: given bytes, curses
 * decodes every character again (mbrtowc, one call per cell), which was a
 * fifth of drawing a frame. A byte that is not UTF-8 — one column for
 * core/utf8's widths — is drawn as U+FFFD, also one column.
 */
static void
put_text(int y, int x, const char *s)
{
	wchar_t w[512];
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < sizeof w / sizeof w[0]; ) {
		int32_t cp;

		i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
		w[n++] = cp < 0 ? (wchar_t)0xFFFD : (wchar_t)cp;
	}
	mvaddnwstr(y, x, w, (int)n);
}

void
jx_cell(const struct jx_app *app, int y, int x, int width, const char *text,
	bool right, unsigned attr)
{
	char buf[1024], safe[1024];

	if (width <= 0)
		return;
	text = visible(text ? text : "", safe, sizeof safe);
	/* A text composed into a buffer (a status line, a title) may end in
	 * half a character where the buffer ended: not drawn. */
	if (text != safe) {
		size_t len = strlen(text), whole = jx_utf8_whole_len(text, len);

		if (whole < len && whole < sizeof safe) {
			memcpy(safe, text, whole);
			safe[whole] = '\0';
			text = safe;
		}
	} else {
		jx_utf8_drop_cut(safe);
	}
	jx_utf8_pad(text, (size_t)width, right, app->ambiguous_wide,
		    buf, sizeof buf);
	attrset(attr);
	put_text(y, x, buf);
	attrset(A_NORMAL);
}

/* Column widths for a pane of width w: each column its width, the flexible
 * one (max_width 0) what is left; a column that does not fit gets 0. */
static void
column_widths(const struct jx_pane_layout *lay, int w, int *out)
{
	int used = 0, flex = -1;

	for (size_t c = 0; c < lay->ncolumns; c++) {
		const struct jx_pane_column *col = &lay->columns[c];
		int want = col->max_width ? col->max_width : col->min_width;

		if (col->max_width == 0)
			flex = (int)c;
		if (used + want + 1 > w)
			want = 0;
		out[c] = want;
		used += want ? want + 1 : 0;
	}
	if (flex >= 0 && w - used > 0)
		out[flex] += w - used;
}

/* The text of a cell: an indicator row that the checks concern has ⚠
 * before its name (cell 2). */
static const char *
marked(const struct jx_app *app, enum jx_pane p, const struct jx_wrow *row,
       int64_t index, size_t cell, char *buf, size_t size)
{
	if (!row)
		return "";
	if (p != JX_PANE_INDICATORS || cell != 2 ||
	    !jx_checks_flagged(app, index + 1))
		return row->cells[cell];
	snprintf(buf, size, "⚠%s", row->cells[cell] ? row->cells[cell] : "");
	return buf;
}

static void
pane_rows(struct jx_app *app, enum jx_pane p, struct rect r, const int *cw)
{
	const struct jx_pane_layout *lay = jx_pane_layout(p, app->zoom);
	struct jx_wlist *wl = &app->lists[p];
	bool focused = app->focus == p;

	for (int i = 0; i < r.h; i++) {
		int64_t index = wl->top + i;
		const struct jx_wrow *row = jx_wlist_row(wl, index);
		attr_t attr = A_NORMAL;
		char mark[1024];
		int x = r.x;

		if (row && index == wl->cursor)
			attr = focused ? A_REVERSE : A_BOLD;
		for (size_t c = 0; c < lay->ncolumns; c++) {
			if (!cw[c])
				continue;
			/* The text gets its width; the blank after it always
			 * separates it from the next column. */
			jx_cell(app, r.y + i, x, cw[c],
				marked(app, p, row, index, lay->columns[c].cell,
				       mark, sizeof mark),
				lay->columns[c].right, attr);
			jx_cell(app, r.y + i, x + cw[c], 1, "", false, attr);
			x += cw[c] + 1;
		}
		if (x < r.x + r.w)
			jx_cell(app, r.y + i, x, r.x + r.w - x, "", false, attr);
	}
}

static void
pane_title(struct jx_app *app, enum jx_pane p, char *buf, size_t size)
{
	static const char *const names[] = { N_("单位"), N_("项目"),
					     N_("指标") };
	struct jx_wlist *wl = &app->lists[p];
	char year[16] = "";

	if (p == JX_PANE_PROJECTS && app->year_index >= 0)
		snprintf(year, sizeof year, " %d", app->years[app->year_index]);
	snprintf(buf, size, "%s%s  %" PRId64 "/%" PRId64, _(names[p]), year,
		 wl->count ? wl->cursor + 1 : 0, wl->count);
}


static void
empty_hint(struct jx_app *app, enum jx_pane p, struct rect r)
{
	const char *text = NULL;

	if (p == JX_PANE_DEPTS && app->lists[p].count == 0)
		text = _("No data yet.");
	else if (p == JX_PANE_PROJECTS && app->lists[p].count == 0 &&
		 app->lists[JX_PANE_DEPTS].count > 0)
		text = _("No projects in this year");
	if (text)
		jx_draw_wrapped(app, text, r.y + 2, r.x + 1, r.h - 2, r.w - 1);
}

static void
draw_pane(struct jx_app *app, enum jx_pane p, struct rect r)
{
	const struct jx_pane_layout *lay = jx_pane_layout(p, app->zoom);
	int cw[JX_WLIST_MAX_COLS] = { 0 };
	char title[128];
	int x = r.x;

	pane_title(app, p, title, sizeof title);
	jx_cell(app, r.y, r.x, r.w, title, false, jx_title_attr(app->focus == p));
	column_widths(lay, r.w, cw);
	for (size_t c = 0; c < lay->ncolumns; c++) {
		if (!cw[c])
			continue;
		jx_cell(app, r.y + 1, x, cw[c], _(lay->columns[c].header),
			lay->columns[c].right, A_DIM);
		x += cw[c] + 1;
	}
	pane_rows(app, p, (struct rect){ r.y + 2, r.x, r.h - 2, r.w }, cw);
	empty_hint(app, p, r);
}

/* Wraps text to width columns, line breaks kept, into the rectangle; what
 * does not fit is cut. */
void
jx_draw_wrapped(struct jx_app *app, const char *text, int y0, int x0, int h,
		int w)
{
	struct rect r = { y0, x0, h, w };
	int y = r.y;
	const char *p = text ? text : "";

	while (y < r.y + r.h) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[2048];
		bool trimmed;
		size_t fit;

		snprintf(line, sizeof line, "%.*s", (int)len, p);
		fit = jx_utf8_fit(line, (size_t)r.w, 0, app->ambiguous_wide,
				  &trimmed, NULL);
		if (fit == 0 && trimmed)
			fit = strlen(line);   /* a too-wide character: cut it */
		line[fit] = '\0';
		jx_cell(app, y++, r.x, r.w, line, false, A_NORMAL);
		if (trimmed && fit < len)
			p += fit;
		else if (nl)
			p = nl + 1;
		else
			break;
	}
	while (y < r.y + r.h)
		jx_cell(app, y++, r.x, r.w, "", false, A_NORMAL);
}

struct hint_set {
	enum jx_context ctx;
	const enum jx_action *actions;
	const char *const *labels;
	size_t n;
};

#define HINT_SET(ctx, a, l) { ctx, a, l, sizeof a / sizeof a[0] }

/* The hints of what is on screen, most useful first. */
static struct hint_set
hint_set(const struct jx_app *app)
{
	static const enum jx_action pane[] = {
		JX_ACT_HELP, JX_ACT_QUIT, JX_ACT_ENTER, JX_ACT_SEARCH,
		JX_ACT_EDIT, JX_ACT_ZOOM, JX_ACT_COMPARE, JX_ACT_YEAR_PREV,
		JX_ACT_YEAR_NEXT, JX_ACT_UNDO };
	static const char *const pane_l[] = {
		N_("help"), N_("quit"), N_("open"), N_("search"), N_("edit"),
		N_("zoom"), N_("compare"), N_("year-"), N_("year+"),
		N_("undo") };
	static const enum jx_action cmp[] = {
		JX_ACT_ENTER, JX_ACT_DIFF_NEXT, JX_ACT_DIFF_ONLY,
		JX_ACT_SORT_CHANGE, JX_ACT_SWAP_YEARS, JX_ACT_HISTORY,
		JX_ACT_BACK };
	static const char *const cmp_l[] = {
		N_("targets"), N_("next diff"), N_("diffs only"),
		N_("sort"), N_("swap"), N_("years"), N_("back") };
	static const enum jx_action form[] = {
		JX_ACT_SAVE, JX_ACT_CANCEL, JX_ACT_FIELD_NEXT,
		JX_ACT_EXTERNAL_EDITOR, JX_ACT_HELP };
	static const char *const form_l[] = {
		N_("save"), N_("cancel"), N_("next field"), N_("$EDITOR"),
		N_("help") };
	static const enum jx_action grid[] = {
		JX_ACT_SAVE, JX_ACT_CANCEL, JX_ACT_ACCEPT_DOWN,
		JX_ACT_ACCEPT_RIGHT, JX_ACT_FILL_ABOVE, JX_ACT_FILL_LEVELS,
		JX_ACT_DELETE_ROW, JX_ACT_HELP };
	static const char *const grid_l[] = {
		N_("save"), N_("cancel"), N_("down"), N_("right"),
		N_("ditto"), N_("levels"), N_("delete row"), N_("help") };
	static const enum jx_action pick[] = {
		JX_ACT_ACCEPT, JX_ACT_CANCEL, JX_ACT_MOVE_DOWN };
	static const char *const pick_l[] = {
		N_("pick"), N_("cancel"), N_("next") };
	static const struct hint_set sets[] = {
		HINT_SET(JX_CTX_GENERIC, pane, pane_l),
		HINT_SET(JX_CTX_COMPARE, cmp, cmp_l),
		HINT_SET(JX_CTX_FORM, form, form_l),
		HINT_SET(JX_CTX_GRID, grid, grid_l),
		HINT_SET(JX_CTX_PROMPT, pick, pick_l) };

	if (app->picker)
		return sets[4];
	if (app->grid)
		return sets[3];
	if (app->form)
		return sets[2];
	return jx_compare_active(app) ? sets[1] : sets[0];
}

/* Key hints for what is on screen, from the active keymap: as many as fit
 * in `width` columns. */
static void
hints(struct jx_app *app, size_t width, char *buf, size_t size)
{
	struct hint_set set = hint_set(app);
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < set.n; i++) {
		char name[32], item[96];
		jx_keycode key;

		if (jx_keymap_effective_keys(app->km, set.ctx, set.actions[i],
					     &key, 1) == 0
		    || !jx_key_name(key, name, sizeof name))
			continue;
		snprintf(item, sizeof item, "%s%s %s", len ? "  " : "", name,
			 _(set.labels[i]));
		if (jx_str_width(buf, false) + jx_str_width(item, false) > width
		    || len + strlen(item) >= size)
			continue;
		strcpy(buf + len, item);
		len += strlen(item);
	}
}

/* The status line: read-only mark, database, department, year on the
 * left (at most half the width), key hints on the right in what is left;
 * a message takes the whole line until the next key. */
void
jx_draw_status(struct jx_app *app, int y)
{
	const struct jx_wrow *dept = jx_wlist_current(&app->lists[JX_PANE_DEPTS]);
	char left[512], right[512], year[16] = "";
	size_t lw, rw;

	if (app->message[0]) {
		attr_t a = A_BOLD;
		if (jx_term_colors())
			a |= COLOR_PAIR(app->message_is_error ? 3 : 2);
		jx_cell(app, y, 0, COLS, app->message, false, a);
		return;
	}
	if (jx_compare_active(app) || app->form || app->grid || app->picker) {
		/* The view's title says what is shown: the line is all keys. */
		hints(app, (size_t)COLS, right, sizeof right);
		jx_cell(app, y, 0, COLS, right, false, A_REVERSE);
		return;
	}
	/* The year before the department's name: a long name is cut first. */
	if (app->year_index >= 0)
		snprintf(year, sizeof year, "%d ", app->years[app->year_index]);
	snprintf(left, sizeof left, " %s%s  %s%s", app->readonly
		 ? _("[read-only] ") : "", jx_store_path(app->st), year,
		 dept ? dept->cells[0] : "");
	lw = jx_str_width(left, app->ambiguous_wide);
	if (lw > (size_t)COLS / 2)
		lw = (size_t)COLS / 2;
	hints(app, (size_t)COLS - lw - 2, right, sizeof right);
	rw = jx_str_width(right, app->ambiguous_wide);
	jx_cell(app, y, 0, COLS - (int)rw - 1, left, false, A_REVERSE);
	jx_cell(app, y, COLS - (int)rw - 1, (int)rw + 1, right, true, A_REVERSE);
}

int
jx_help_lines(void)
{
	const char *group = NULL;
	int n = 0;

	for (const struct jx_action_info *a = jx_actions; a->name; a++) {
		if (group != a->group) {
			group = a->group;
			n++;
		}
		n++;
	}
	return n;
}

static void
draw_help(struct jx_app *app)
{
	int y = 0, line = 0;
	const char *group = NULL;

	erase();
	jx_cell(app, y++, 0, COLS, _("Keys (from the active keymap; q closes)"),
	     false, jx_title_attr(true));
	for (const struct jx_action_info *a = jx_actions; a->name; a++) {
		jx_keycode keys[8];
		char names[128] = "", name[32];
		size_t n = jx_keymap_effective_keys(app->km,
				jx_action_home_context(a->action), a->action,
				keys, 8);
		char text[512];
		size_t len = 0;

		for (size_t k = 0; k < n && k < 8; k++)
			if (jx_key_name(keys[k], name, sizeof name))
				len += (size_t)snprintf(names + len,
							sizeof names - len,
							"%s%s", len ? " " : "",
							name);
		if (group != a->group) {
			group = a->group;
			if (line++ >= app->help_top && y < LINES - 1)
				jx_cell(app, y++, 0, COLS, _(group), false, A_BOLD);
		}
		snprintf(text, sizeof text, "  %-16s %s", names[0] ? names : "-",
			 _(a->help));
		if (line++ >= app->help_top && y < LINES - 1)
			jx_cell(app, y++, 0, COLS, text, false, A_NORMAL);
	}
	jx_draw_status(app, LINES - 1);
}

static void
draw_small(void)
{
	char text[128];

	erase();
	snprintf(text, sizeof text, _("jixiao needs at least %dx%d (now %dx%d)"),
		 MIN_COLS, MIN_LINES, COLS, LINES);
	mvaddnstr(LINES / 2, 0, text, COLS);
}

/* Box lines as UTF-8 text, not the alternate character set: the locale
 * is always UTF-8 here, and many terminals reached as "vt100" over SSH do
 * not switch character sets under UTF-8 (they would show x and q). */
static void
draw_separators(struct jx_app *app, int panes_h, const int *xs)
{
	(void)app;
	for (int i = 0; i < 2; i++)
		for (int y = 0; xs[i] > 0 && y < panes_h; y++)
			mvaddstr(y, xs[i], "│");
	for (int x = 0; x < COLS; x++)
		mvaddstr(panes_h, x, "─");
}

int
jx_app_pane_height(const struct jx_app *app)
{
	(void)app;
	int detail = (LINES - 1) / 3;
	if (detail < 5)
		detail = 5;
	return LINES - 1 - detail - 1 - 2;
}

void
jx_draw(struct jx_app *app)
{
	int rows = jx_app_pane_height(app) + 2;
	int w = COLS - 2, xs[2] = { 0, 0 };
	struct rect r[JX_PANE_COUNT];

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_small();
		refresh();
		return;
	}
	if (app->help) {
		draw_help(app);
		refresh();
		return;
	}
	app->cursor_y = -1;
	if (app->form || app->grid || app->picker) {
		erase();
		if (app->picker)
			jx_picker_draw(app);
		else if (app->grid)
			jx_grid_draw(app);
		else
			jx_form_draw(app, app->form);
		jx_draw_status(app, LINES - 1);
		/* The text cursor shows where typing goes, and only then. */
		if (app->cursor_y >= 0)
			move(app->cursor_y, app->cursor_x);
		curs_set(app->cursor_y >= 0 ? 1 : 0);
		refresh();
		return;
	}
	curs_set(0);
	if (jx_compare_active(app)) {
		erase();
		jx_compare_draw(app);
		jx_draw_status(app, LINES - 1);
		refresh();
		return;
	}
	erase();
	r[0] = (struct rect){ 0, 0, rows, w / 4 };
	r[1] = (struct rect){ 0, r[0].w + 1, rows, w * 3 / 8 };
	r[2] = (struct rect){ 0, r[1].x + r[1].w + 1, rows,
			      COLS - (r[1].x + r[1].w + 1) };
	if (app->zoom) {
		draw_pane(app, app->focus, (struct rect){ 0, 0, rows, COLS });
	} else {
		for (int p = 0; p < JX_PANE_COUNT; p++)
			draw_pane(app, (enum jx_pane)p, r[p]);
		xs[0] = r[0].w;
		xs[1] = r[1].x + r[1].w;
	}
	draw_separators(app, rows, xs);
	if (app->lists[JX_PANE_DEPTS].count == 0) {
		char hint[1024];
		char key[32] = "a";
		jx_keycode k;

		/* The add key as the keymap has it (it may be rebound). */
		if (jx_keymap_effective_keys(app->km, JX_CTX_DEPARTMENTS,
					     JX_ACT_ADD, &k, 1) == 1)
			jx_key_name(k, key, sizeof key);
		snprintf(hint, sizeof hint, _("The database holds no tables yet."
					      " Press %s to key in a department"
					      " and year, or quit (q) and"
					      " import the samples:"
					      "\n  jixiao --db %s init --samples"
					      "\nor your own tables:\n  jixiao"
					      " --db %s import FILE…"), key,
			 jx_store_path(app->st), jx_store_path(app->st));
		jx_draw_wrapped(app, hint, rows + 1, 1, LINES - rows - 2,
				COLS - 2);
	} else {
		jx_draw_wrapped(app, app->detail, rows + 1, 1,
				LINES - rows - 2, COLS - 2);
	}
	jx_draw_status(app, LINES - 1);
	refresh();
}
