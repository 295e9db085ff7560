/*
 * grid_draw.c — draws the indicator grid: a title, the column heads, the
 * rows (cut to their columns, the focused cell highlighted), and under
 * them the focused cell in full on an edit line with the cursor, since a
 * cell is often wider than its column. The description column is shown
 * when the screen is wide enough; it is still typed into (Tab reaches it)
 * on the edit line.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"
#include "tui/app.h"
#include "tui/grid.h"
#include "tui/grid_internal.h"
#include "tui/term.h"

#define MARK_W 3
#define WIDE_SCREEN 120   /* columns from which the description shows */

/* Column widths for the screen; 0 hides a column. */
static void
widths(int cols, int *w)
{
	static const int fixed[JX_GRID_COLS] = { 8, 10, 0, 0, 12, 10 };
	int used = MARK_W;

	for (int c = 0; c < JX_GRID_COLS; c++)
		w[c] = fixed[c];
	if (cols >= WIDE_SCREEN) {
		w[JX_GC_LEVEL1] = 10;
		w[JX_GC_LEVEL2] = 14;
		w[JX_GC_TARGET] = 16;
		w[JX_GC_BASIS] = 16;
		w[JX_GC_DESCRIPTION] = (cols - 60) / 2;
	}
	for (int c = 0; c < JX_GRID_COLS; c++)
		used += w[c] ? w[c] + 1 : 0;
	w[JX_GC_NAME] = cols - used - 1 > 8 ? cols - used - 1 : 8;
}

static void
draw_heads(struct jx_app *app, const int *w)
{
	int x = MARK_W;

	jx_cell(app, 1, 0, MARK_W, "#", true, A_BOLD | A_UNDERLINE);
	for (int c = 0; c < JX_GRID_COLS; c++) {
		if (!w[c])
			continue;
		jx_cell(app, 1, x, 1, "", false, A_UNDERLINE);
		jx_cell(app, 1, x + 1, w[c], jx_grid_labels[c], false,
			A_BOLD | A_UNDERLINE);
		x += w[c] + 1;
	}
}

static unsigned
mark_attr(const struct jx_grid_row *r)
{
	unsigned a = A_BOLD;

	if (jx_term_colors())
		a |= COLOR_PAIR(r->note_warning ? 2 : 3);
	return a;
}

static void
draw_row(struct jx_app *app, struct jx_grid *g, size_t i, int y, const int *w)
{
	const struct jx_grid_row *r = &g->rows[i];
	char mark[32];
	int x = MARK_W;

	if (r->note[0])
		snprintf(mark, sizeof mark, "%s", r->note_warning ? "⚠" : "✗");
	else if (r->deleted)
		snprintf(mark, sizeof mark, "-");
	else if (i + 1 == g->n && jx_grid_row_blank(r))
		snprintf(mark, sizeof mark, "+");
	else
		snprintf(mark, sizeof mark, "%zu", i + 1);
	jx_cell(app, y, 0, MARK_W, mark, true, r->note[0] ? mark_attr(r)
		: A_DIM);
	for (int c = 0; c < JX_GRID_COLS; c++) {
		bool here = i == g->row && c == g->col;
		const char *text = here ? g->eb.text : r->cell[c];
		unsigned attr = here ? A_REVERSE : r->deleted ? A_DIM : A_NORMAL;

		if (!w[c])
			continue;
		jx_cell(app, y, x, 1, "", false, A_NORMAL);
		/* One line per row: a line break in a cell shows as ⏎. */
		if (strchr(text, '\n')) {
			char *flat = strdup(text);
			for (char *p = flat; p && (p = strchr(p, '\n'));)
				*p = ' ';
			jx_cell(app, y, x + 1, w[c], flat ? flat : "", false,
				attr);
			free(flat);
		} else {
			jx_cell(app, y, x + 1, w[c], text, false, attr);
		}
		x += w[c] + 1;
	}
}

/* The edit line: the focused cell's label, then its text scrolled to the
 * cursor. */
static void
draw_edit_line(struct jx_app *app, struct jx_grid *g, int y)
{
	char label[64];
	int lw, w;
	size_t from, line, col, s, e;
	char *text, *before;

	snprintf(label, sizeof label, "%s: ", jx_grid_labels[g->col]);
	lw = (int)jx_str_width(label, app->ambiguous_wide);
	w = COLS - lw;
	jx_cell(app, y, 0, lw, label, false, A_BOLD);
	jx_editbuf_cursor_pos(&g->eb, &line, &col);
	jx_editbuf_line(&g->eb, line, &s, &e);
	from = jx_editbuf_scroll(&g->eb, (size_t)w, &g->first_col);
	if (from > s && from <= e)
		s = from;
	text = jx_strndup(g->eb.text + s, e - s);
	before = jx_strndup(g->eb.text + s, g->eb.cursor - s);
	jx_cell(app, y, lw, w, text ? text : "", false, A_UNDERLINE);
	app->cursor_y = y;
	app->cursor_x = lw + (before ? (int)jx_str_width(before,
							  app->ambiguous_wide)
				     : 0);
	free(text);
	free(before);
}

void
jx_grid_draw(struct jx_app *app)
{
	struct jx_grid *g = app->grid;
	int w[JX_GRID_COLS], body = LINES - 5;
	char title[400];
	const struct jx_grid_row *cur = &g->rows[g->row];

	widths(COLS, w);
	snprintf(title, sizeof title, " %s%s", g->title,
		 jx_grid_dirty(g) ? _("  [changed]") : "");
	jx_cell(app, 0, 0, COLS, title, false, jx_title_attr(true) | A_REVERSE);
	draw_heads(app, w);
	if (g->row < g->top)
		g->top = g->row;
	if (body > 0 && g->row >= g->top + (size_t)body)
		g->top = g->row - (size_t)body + 1;
	for (int k = 0; k < body && g->top + (size_t)k < g->n; k++)
		draw_row(app, g, g->top + (size_t)k, 2 + k, w);
	if (cur->note[0]) {
		char note[JX_FINDING_MSG + 8];
		snprintf(note, sizeof note, "%s %s",
			 cur->note_warning ? "⚠" : "✗", cur->note);
		jx_cell(app, LINES - 3, 0, COLS, note, false, mark_attr(cur));
	}
	draw_edit_line(app, g, LINES - 2);
}
