/*
 * form_draw.c — draws a form: a title line, then each field with its
 * label on the left and its value on the right, the focused one with the
 * cursor; a finding is shown under its field. Long forms scroll so that
 * the focused field is always whole on screen.
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
#include "tui/form.h"
#include "tui/term.h"

#define LABEL_W 17        /* 7 CJK characters, an item number, a space */
#define TEXT_SHOWN 3      /* lines of an unfocused text */
#define TEXT_FOCUSED 8    /* lines of the text being typed */

/* Lines a field takes on screen, its note included. */
static int
field_height(const struct jx_form *f, size_t i, int width)
{
	const struct jx_field *fl = &f->fields[i];
	int h = 1;

	if (fl->def->kind == JX_FK_TEXT || strchr(fl->value, '\n')) {
		if (i == f->cur) {
			size_t n = jx_editbuf_lines(&f->eb);
			h = n < 3 ? 3 : n > TEXT_FOCUSED ? TEXT_FOCUSED : (int)n;
		} else {
			size_t w = jx_str_width(fl->value, f->ambiguous_wide);
			int lines = 1;
			for (const char *p = fl->value; *p; p++)
				lines += *p == '\n';
			if (width > 0)
				lines += (int)(w / (size_t)width);
			h = lines > TEXT_SHOWN ? TEXT_SHOWN : lines;
		}
	}
	return h + (fl->note[0] ? 1 : 0);
}

/* Keeps the focused field whole within `body` lines. */
static void
scroll_to_focus(struct jx_form *f, int body, int width)
{
	int y = 0, h;

	for (size_t i = 0; i < f->cur; i++)
		y += field_height(f, i, width);
	h = field_height(f, f->cur, width);
	if (y < f->top)
		f->top = y;
	if (y + h > f->top + body)
		f->top = y + h - body;
	if (f->top < 0)
		f->top = 0;
}

static void
label_of(const struct jx_field *fl, char *buf, size_t size)
{
	if (fl->item >= 0)
		snprintf(buf, size, "%s %d", fl->def->label, fl->item + 1);
	else
		snprintf(buf, size, "%s%s", fl->def->label,
			 fl->def->required ? "*" : "");
}

/* One line of the focused field's editor: the range [s, e) of the text,
 * scrolled when it holds the cursor. Places the cursor. */
static void
draw_edit_line(struct jx_app *app, struct jx_form *f, int y, int x, int w,
	       size_t line, size_t cur_line)
{
	size_t s, e;
	char *text;

	jx_editbuf_line(&f->eb, line, &s, &e);
	if (line == cur_line) {
		size_t from = jx_editbuf_scroll(&f->eb, (size_t)w,
						&f->first_col);
		char *before;

		if (from > s && from <= e)
			s = from;
		before = jx_strndup(f->eb.text + s, f->eb.cursor - s);
		app->cursor_y = y;
		app->cursor_x = x + (int)jx_str_width(before,
						      f->ambiguous_wide);
		free(before);
	}
	text = jx_strndup(f->eb.text + s, e - s);
	jx_cell(app, y, x, w, text, false, A_UNDERLINE);
	free(text);
}

static void
draw_focused(struct jx_app *app, struct jx_form *f, int y, int x, int w,
	     int h)
{
	size_t line, col, first = 0, n = jx_editbuf_lines(&f->eb);

	jx_editbuf_cursor_pos(&f->eb, &line, &col);
	if (line >= (size_t)h)
		first = line - (size_t)h + 1;
	for (int k = 0; k < h; k++) {
		if (first + (size_t)k < n)
			draw_edit_line(app, f, y + k, x, w, first + (size_t)k,
				       line);
		else
			jx_cell(app, y + k, x, w, "", false, A_UNDERLINE);
	}
}

static void
draw_note(struct jx_app *app, const struct jx_field *fl, int y, int x, int w)
{
	char buf[JX_FINDING_MSG + 8];
	unsigned attr = A_BOLD;

	if (jx_term_colors())
		attr |= COLOR_PAIR(fl->note_warning ? 2 : 3);
	snprintf(buf, sizeof buf, "%s %s", fl->note_warning ? "⚠" : "✗",
		 fl->note);
	jx_cell(app, y, x, w, buf, false, attr);
}

/* Draws field i at screen line y (of the body starting at y0). */
static void
draw_field(struct jx_app *app, struct jx_form *f, size_t i, int y, int y0,
	   int body, int vw)
{
	const struct jx_field *fl = &f->fields[i];
	int h = field_height(f, i, vw) - (fl->note[0] ? 1 : 0);
	char label[96];
	bool focused = i == f->cur;

	if (y >= y0 && y < y0 + body) {
		label_of(fl, label, sizeof label);
		jx_cell(app, y, 0, LABEL_W, label, false,
			focused ? jx_title_attr(true) | A_BOLD : A_DIM);
	}
	if (focused)
		draw_focused(app, f, y, LABEL_W + 1, vw, h);
	else
		jx_draw_wrapped(app, fl->value, y, LABEL_W + 1, h, vw);
	if (fl->note[0] && y + h < y0 + body)
		draw_note(app, fl, y + h, LABEL_W + 1, vw);
}

void
jx_form_draw(struct jx_app *app, struct jx_form *f)
{
	int body = LINES - 2, vw = COLS - LABEL_W - 1, y;
	const char *flag = jx_form_dirty(f) ? _("  [changed]") : "";
	size_t room = (size_t)COLS, fw = jx_str_width(flag, f->ambiguous_wide);
	char title[400], name[300];

	/* A long record name is cut, never the [changed] mark after it. */
	room = room > fw + 2 ? room - fw - 1 : 1;
	jx_utf8_cut(f->title, room, f->ambiguous_wide, name, sizeof name);
	snprintf(title, sizeof title, " %s%s", name, flag);
	jx_cell(app, 0, 0, COLS, title, false, jx_title_attr(true) | A_REVERSE);
	scroll_to_focus(f, body, vw);
	y = 1 - f->top;
	for (size_t i = 0; i < f->n && y < 1 + body; i++) {
		int h = field_height(f, i, vw);

		/* Only fields wholly or partly on screen are drawn, and a
		 * field above the top is skipped whole. */
		if (y >= 1)
			draw_field(app, f, i, y, 1, body, vw);
		y += h;
	}
}
