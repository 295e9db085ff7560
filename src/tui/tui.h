/*
 * tui.h — the full-screen interface: three panes (departments, projects,
 * indicators), the text of the focused record, and a status line.
 */
#ifndef JX_TUI_TUI_H
#define JX_TUI_TUI_H

#include <stdbool.h>

#include "store/store.h"
#include "tui/keymap.h"

struct jx_templates;

struct jx_tui_opts {
	bool ambiguous_wide;     /* ≥ ≤ ① … take two columns */
	const char *notice;      /* shown on the status line at start */
	/* The templates (picker, checks), read elsewhere meanwhile: called
	 * once, before the first frame; true with *out set (NULL: no
	 * templates), false when they could not be read, and then the
	 * interface ends before its first frame. NULL: no templates. */
	bool (*await_templates)(void *ctx, const struct jx_templates **out);
	void *templates_ctx;
};

/* Runs until the user quits or a signal arrives. The terminal is restored
 * on every way out. Returns an exit status (0, or 2 if the terminal could
 * not be started — the message is then on stderr — or the templates could
 * not be read: the caller reports that). */
int jx_tui_run(struct jx_store *st, const struct jx_keymap *km,
	       const struct jx_tui_opts *opts);

#endif
