/*
 * picker.c — the filtered list of picker.h: its keys and its screen.
 *
 * The list is found again after every key that changes the query; it is
 * small (templates, the library), so that costs nothing to notice.
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
#include "tui/picker.h"

static void
refind(struct jx_picker *pk, jx_pick_find find, void *ctx)
{
	pk->total = find(ctx, pk->query.text, pk->items, JX_PICK_MAX);
	pk->n = pk->total < JX_PICK_MAX ? pk->total : JX_PICK_MAX;
	pk->cur = 0;
	pk->top = 0;
}

static void
step(struct jx_picker *pk, long delta)
{
	long cur = (long)pk->cur + delta;

	if (cur >= (long)pk->n)
		cur = (long)pk->n - 1;
	if (cur < 0)
		cur = 0;
	pk->cur = (size_t)cur;
}

/* One key; returns 1 when picked, -1 when left, 0 to go on. */
static int
pick_key(struct jx_app *app, struct jx_picker *pk, jx_keycode key,
	 jx_pick_find find, void *ctx)
{
	enum jx_action a = jx_keymap_lookup(app->km, JX_CTX_PROMPT, key);
	char *before;
	bool bad;

	switch (a) {
	case JX_ACT_ACCEPT: return pk->n ? 1 : 0;
	case JX_ACT_CANCEL: return -1;
	case JX_ACT_MOVE_DOWN: step(pk, 1); return 0;
	case JX_ACT_MOVE_UP: step(pk, -1); return 0;
	case JX_ACT_PAGE_DOWN: step(pk, 10); return 0;
	case JX_ACT_PAGE_UP: step(pk, -10); return 0;
	default: break;
	}
	before = jx_strdup(pk->query.text);
	jx_field_key(app, &pk->query, jx_keymap_lookup(app->km, JX_CTX_FORM,
						       key), key, &bad);
	if (bad)
		jx_app_message(app, true, _("Not UTF-8: refused"));
	if (before && strcmp(before, pk->query.text) != 0)
		refind(pk, find, ctx);
	free(before);
	return 0;
}

const void *
jx_pick(struct jx_app *app, const char *title, const char *initial,
	jx_pick_find find, void *ctx)
{
	struct jx_picker pk;
	struct jx_picker *outer = app->picker;
	const void *chosen = NULL;

	memset(&pk, 0, sizeof pk);
	pk.title = title;
	jx_editbuf_init(&pk.query, initial && !strchr(initial, '\n') ? initial
			: "", false, app->ambiguous_wide);
	refind(&pk, find, ctx);
	app->picker = &pk;
	for (;;) {
		jx_keycode key = jx_app_key(app);
		int r;

		if (key < 0)
			break;
		app->message[0] = '\0';
		r = pick_key(app, &pk, key, find, ctx);
		if (r < 0)
			break;
		if (r > 0) {
			chosen = pk.items[pk.cur].data;
			break;
		}
	}
	app->picker = outer;
	jx_editbuf_free(&pk.query);
	return chosen;
}

void
jx_picker_draw(struct jx_app *app)
{
	struct jx_picker *pk = app->picker;
	int body = LINES - 4, lw = COLS / 2;
	char line[256], *before;
	size_t from;

	snprintf(line, sizeof line, " %s  (%zu)", pk->title, pk->total);
	jx_cell(app, 0, 0, COLS, line, false, jx_title_attr(true) | A_REVERSE);
	jx_cell(app, 1, 0, 2, "> ", false, A_BOLD);
	from = jx_editbuf_scroll(&pk->query, (size_t)COLS - 3, &pk->first_col);
	jx_cell(app, 1, 2, COLS - 2, pk->query.text + from, false,
		A_UNDERLINE);
	before = jx_strndup(pk->query.text + from, pk->query.cursor - from);
	app->cursor_y = 1;
	app->cursor_x = 2 + (before ? (int)jx_str_width(before,
							 app->ambiguous_wide)
				    : 0);
	free(before);
	if (pk->cur < pk->top)
		pk->top = pk->cur;
	if (body > 0 && pk->cur >= pk->top + (size_t)body)
		pk->top = pk->cur - (size_t)body + 1;
	for (int k = 0; k < body && pk->top + (size_t)k < pk->n; k++) {
		const struct jx_pick_item *it = &pk->items[pk->top + (size_t)k];
		unsigned attr = pk->top + (size_t)k == pk->cur ? A_REVERSE
							       : A_NORMAL;
		jx_cell(app, 2 + k, 0, lw, it->label, false, attr);
		jx_cell(app, 2 + k, lw, COLS - lw, it->detail, false,
			attr | A_DIM);
	}
	if (pk->n == 0)
		jx_cell(app, 2, 0, COLS, _("(nothing matches: change the text"
					   " or Esc)"), false, A_DIM);
}
