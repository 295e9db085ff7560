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
	const struct jx_templates *templates;  /* picker and checks; may be
						   NULL (no templates) */
};

/* Runs until the user quits or a signal arrives. The terminal is restored
 * on every way out. Returns an exit status (0, or 2 if the terminal could
 * not be started; the message is then on stderr). */
int jx_tui_run(struct jx_store *st, const struct jx_keymap *km,
	       const struct jx_tui_opts *opts);

#endif
