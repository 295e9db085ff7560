/*
 * term.h — the terminal: locale, curses start and stop, signals, input.
 *
 * Over SSH the locale is often unset and the client's terminfo entry may be
 * missing on the server; both are handled here with a fallback and a notice
 * rather than garbled text or a refusal to start.
 */
#ifndef JX_TUI_TERM_H
#define JX_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/keymap.h"

/* Makes sure the C library speaks UTF-8 (needed by ncursesw to draw Chinese
 * text); the caller has set LC_CTYPE from the environment (main does).
 * When LANG/LC_ALL give no UTF-8 locale, switches LC_CTYPE to one
 * that exists and writes a notice; returns false with an explanation of
 * what to set when none exists. */
bool jx_term_locale(char *notice, size_t size);

/* Starts curses. An unknown TERM falls back to xterm-256color, then vt100,
 * with a notice (appended to notice). Returns false (with a message in
 * notice) if no terminal could be started. */
bool jx_term_start(char *notice, size_t size);
void jx_term_stop(void);

/* True after SIGTERM, SIGHUP or SIGINT: the program should restore the
 * terminal and exit. */
bool jx_term_should_stop(void);
/* The signal that asked to stop, or 0. */
int jx_term_signal(void);

/* Colours are used unless NO_COLOR is set or the terminal has none. */
bool jx_term_colors(void);

/* The next key (rows_read: rows read from the store so far, for replay
 * timings), or -1 when `timeout_ms` passed with none (so that the
 * caller can look at signals), or -2 when replayed keys are used up.
 * Resizes come as JX_KEY_FN + KEY_RESIZE. */
jx_keycode jx_term_key(int timeout_ms, long long rows_read);

#endif
