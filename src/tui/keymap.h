/*
 * keymap.h — key bindings: which key runs which action, per context.
 *
 * Bindings come from YAML files (keymaps/default.yaml is the default and is
 * compiled into the program; a user file overrides single bindings). Every
 * file is read with the same loader; a mistake is reported as
 * file:line:column and the program does not start on a half-read keymap.
 *
 * File format (see keymaps/default.yaml):
 *
 *   generic:                  # a context
 *     move-down: [Down, j]    # action: a key or a list of keys
 *     zoom: z
 *     search: none            # `none` unbinds the action in this context
 *
 * Contexts: generic (every pane), departments, projects, indicators (one
 * pane; they win over generic), prompt (a line being typed or a list to
 * pick from: no fallback to generic), help (the help screen; falls back to
 * generic), compare (the compare view; falls back to generic), form (a
 * form being filled in: keys that are not bound type themselves; no
 * fallback), grid (the indicator table; falls back to form). In a context
 * that falls back, an action the context names has
 * exactly the keys the context gives it: generic's keys for that action do
 * not run it there (so `search: none` under departments really turns search
 * off in that pane).
 *
 * Key names: a single character ("q", "?", "/", "[", "年"), C-a … C-z
 * (control), M-x (Alt/Meta, sent as Esc then x), F1 … F12, Up, Down, Left,
 * Right, Home, End, PgUp, PgDn, Insert, Delete, Backspace, Enter, Tab, S-Tab,
 * Esc, Space. Names are case-sensitive for single characters ("n" and "N"
 * differ, and so do M-n and M-N) and case-insensitive otherwise ("pgdn" is
 * PgDn, "c-L" is C-l). C-i is Tab and C-m is Enter, as in a terminal.
 */
#ifndef JX_TUI_KEYMAP_H
#define JX_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "tui/actions.h"

/* A key: a Unicode code point (control keys are 1..31, Esc 27, Tab 9,
 * Enter 13, Backspace 127), or JX_KEY_FN + a curses KEY_* code for function
 * and cursor keys, with JX_KEY_META added for Alt/Meta. */
typedef int32_t jx_keycode;
#define JX_KEY_FN   0x110000
#define JX_KEY_META 0x400000
/* Input that was not UTF-8 (one key for the whole bad sequence). */
#define JX_KEY_BAD  JX_KEY_FN

enum jx_context {
	JX_CTX_GENERIC,
	JX_CTX_DEPARTMENTS,
	JX_CTX_PROJECTS,
	JX_CTX_INDICATORS,
	JX_CTX_PROMPT,
	JX_CTX_HELP,
	JX_CTX_COMPARE,
	JX_CTX_FORM,
	JX_CTX_GRID,
	JX_CTX_COUNT
};

struct jx_keymap;

struct jx_keymap *jx_keymap_new(void);
void jx_keymap_free(struct jx_keymap *km);

/* Loads bindings from YAML text. Every action named in the text replaces
 * that action's keys in that context (so a user file overrides single
 * bindings); a key taken by the new binding is taken away from any other
 * action of the same context. Within one text, a key bound twice in one
 * context is an error. On any error nothing of this text is applied, and
 * every problem is appended to errors (file:line:column: message). */
enum jx_status jx_keymap_load(struct jx_keymap *km, const char *data,
			      size_t len, const char *filename,
			      struct jx_errlist *errors);
enum jx_status jx_keymap_load_file(struct jx_keymap *km, const char *path,
				   struct jx_errlist *errors);
/* The default keymap compiled into the program (keymaps/default.yaml). */
enum jx_status jx_keymap_load_builtin(struct jx_keymap *km,
				      struct jx_errlist *errors);
extern const char jx_keymap_builtin_text[];

/* The action bound to key in ctx (falling back to generic for the pane and
 * help contexts), or JX_ACT_NONE. */
enum jx_action jx_keymap_lookup(const struct jx_keymap *km,
				enum jx_context ctx, jx_keycode key);

/* The keys bound to action in exactly ctx (no fallback), in the order the
 * file gave them; returns how many there are (may exceed max). */
size_t jx_keymap_keys(const struct jx_keymap *km, enum jx_context ctx,
		      enum jx_action action, jx_keycode *out, size_t max);

/* The keys that run action when ctx is active, after the fallback to
 * generic: ctx's own keys when ctx names the action, otherwise generic's
 * keys that ctx does not bind to something else. Same return as
 * jx_keymap_keys; this is what a help screen for ctx shows. */
size_t jx_keymap_effective_keys(const struct jx_keymap *km,
				enum jx_context ctx, enum jx_action action,
				jx_keycode *out, size_t max);

/* True when both keymaps bind the same keys to the same actions (and name
 * the same actions in each context; the order of keys does not count). */
bool jx_keymap_equal(const struct jx_keymap *a, const struct jx_keymap *b);

/* Key names, both ways: "C-l", "PgDn", "?", "M-b". jx_key_name writes into
 * buf (NUL-terminated) and returns false for a key with no name. */
bool jx_key_parse(const char *name, jx_keycode *out);
bool jx_key_name(jx_keycode key, char *buf, size_t size);

/* The i-th name of the key-name table ("Up", "PgDn", "S-Tab", "F12"…: every
 * named key except C-x, M-x and single characters), NULL past the end. */
const char *jx_key_named(size_t i);

/* For a name jx_key_parse refuses, writes advice into buf ("write C-x" for
 * "Ctrl-x", "write PgDn" for "PageDown", "control keys are C-a … C-z") and
 * returns true; returns false (buf "") when it has none. */
bool jx_key_hint(const char *name, char *buf, size_t size);

/* "generic", "departments", …; NULL outside the enum. */
const char *jx_context_name(enum jx_context ctx);

/* The context whose keys the help screen shows for an action: prompt for
 * accept/cancel, compare for the compare view's own actions, form for
 * forms and typing, grid for the grid's, else generic. */
enum jx_context jx_action_home_context(enum jx_action action);

#endif
