/*
 * picker.h — a list filtered as you type, to pick one item: a project
 * template, a library indicator. The caller gives a function that finds
 * the items for what has been typed (Chinese substring, pinyin initials —
 * the template lookups decide); Enter picks, Esc leaves.
 */
#ifndef JX_TUI_PICKER_H
#define JX_TUI_PICKER_H

#include <stddef.h>

#include "core/editbuf.h"

#define JX_PICK_MAX 200

struct jx_pick_item {
	const char *label;     /* the name, shown first */
	const char *detail;    /* what else helps choose (levels, unit …) */
	const void *data;      /* handed back when picked */
};

/* Fills out (up to max) with the items matching query; returns how many
 * match in all. */
typedef size_t (*jx_pick_find)(void *ctx, const char *query,
			       struct jx_pick_item *out, size_t max);

struct jx_picker {
	const char *title;
	struct jx_editbuf query;
	struct jx_pick_item items[JX_PICK_MAX];
	size_t n, total;
	size_t cur, top;
	size_t first_col;
};

struct jx_app;

/* Runs the picker, the query starting as `initial`; returns the data of
 * the item picked, or NULL when the user left (or a signal came). */
const void *jx_pick(struct jx_app *app, const char *title,
		    const char *initial, jx_pick_find find, void *ctx);

void jx_picker_draw(struct jx_app *app);

#endif
