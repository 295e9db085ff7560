#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * test_keymap.c — unit tests of the action table (tui/actions.h) and of key
 * bindings (tui/keymap.h).
 *
 * Covers: the built-in keymap loads cleanly and is the same as
 * keymaps/default.yaml ($JX_SRCDIR, or the source directory the build was
 * configured from); keymaps/vi.yaml over the default changes only what it
 * names; lookups and their fallback to generic; key order; overriding,
 * `none`, and a pane context replacing generic's keys; every key name both
 * ways; every kind of mistake with its exact file:line:column message
 * (inline texts, and the fixtures in $JX_TEST_DATA/keymap), always leaving
 * the keymap unchanged; and that every action has a name, a help text and
 * a default key.
 */
#define _POSIX_C_SOURCE 200809L

#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/error.h"
#include "tui/actions.h"
#include "tui/keymap.h"

#ifndef TEST_DATA_DIR
#define TEST_DATA_DIR "tests/data"
#endif
#ifndef JX_SRCDIR
#define JX_SRCDIR "."
#endif

#define MAX_KEYS 16
#define MAX_WANT 16

/* ---- Helpers ------------------------------------------------------------- */

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

/* dir/name in buf. */
static const char *
join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", dir, name);

	assert_true(n >= 0 && (size_t)n < size);
	return buf;
}

static const char *
keymap_file(char *buf, size_t size, const char *name)
{
	char dir[512];

	return join(buf, size,
		    join(dir, sizeof dir, env_or("JX_SRCDIR", JX_SRCDIR),
			 "keymaps"), name);
}

static const char *
fixture(char *buf, size_t size, const char *name)
{
	char dir[512];

	return join(buf, size,
		    join(dir, sizeof dir, env_or("JX_TEST_DATA",
						 TEST_DATA_DIR), "keymap"),
		    name);
}

static jx_keycode
key(const char *name)
{
	jx_keycode k = 0;

	if (!jx_key_parse(name, &k)) {
		print_error("key name '%s' does not parse\n", name);
		fail();
	}
	return k;
}

static enum jx_action
act(const char *name)
{
	enum jx_action a = jx_action_by_name(name);

	if (a == JX_ACT_NONE) {
		print_error("no action '%s'\n", name);
		fail();
	}
	return a;
}

static void
print_errors(const struct jx_errlist *el)
{
	char buf[JX_ERR_MSG + JX_ERR_FILE + 64];

	for (size_t i = 0; i < el->count; i++) {
		jx_error_format(&el->items[i], buf, sizeof buf);
		print_error("  %s\n", buf);
	}
}

/* Loads text (named "t.yaml") and expects no error. */
static void
load_ok(struct jx_keymap *km, const char *text)
{
	struct jx_errlist el;
	enum jx_status st;

	jx_errlist_init(&el);
	st = jx_keymap_load(km, text, strlen(text), "t.yaml", &el);
	if (st != JX_OK || el.count) {
		print_error("loading failed:\n");
		print_errors(&el);
	}
	assert_int_equal(st, JX_OK);
	assert_int_equal(el.count, 0);
	jx_errlist_free(&el);
}

static void
load_file_ok(struct jx_keymap *km, const char *path)
{
	struct jx_errlist el;
	enum jx_status st;

	jx_errlist_init(&el);
	st = jx_keymap_load_file(km, path, &el);
	if (st != JX_OK || el.count) {
		print_error("loading %s failed:\n", path);
		print_errors(&el);
	}
	assert_int_equal(st, JX_OK);
	assert_int_equal(el.count, 0);
	jx_errlist_free(&el);
}

static struct jx_keymap *
new_keymap(void)
{
	struct jx_keymap *km = jx_keymap_new();

	assert_non_null(km);
	return km;
}

static struct jx_keymap *
default_keymap(void)
{
	struct jx_keymap *km = new_keymap();
	struct jx_errlist el;

	jx_errlist_init(&el);
	assert_int_equal(jx_keymap_load_builtin(km, &el), JX_OK);
	assert_int_equal(el.count, 0);
	jx_errlist_free(&el);
	return km;
}

/* The keys of action in ctx as names joined by spaces ("PgDn Space"). */
static void
keys_text(const jx_keycode *keys, size_t n, char *buf, size_t size)
{
	size_t used = 0;
	char name[32];

	buf[0] = '\0';
	for (size_t i = 0; i < n && i < MAX_KEYS; i++) {
		assert_true(jx_key_name(keys[i], name, sizeof name));
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i ? " " : "", name);
		assert_true(used < size);
	}
}

static void
assert_keys_are(size_t (*get)(const struct jx_keymap *, enum jx_context,
			      enum jx_action, jx_keycode *, size_t),
		const struct jx_keymap *km, enum jx_context ctx,
		const char *action, const char *want)
{
	jx_keycode keys[MAX_KEYS];
	char got[256];
	size_t n = get(km, ctx, act(action), keys, MAX_KEYS);

	assert_true(n <= MAX_KEYS);
	keys_text(keys, n, got, sizeof got);
	if (strcmp(got, want) != 0) {
		print_error("%s in %s: want keys '%s', got '%s'\n", action,
			    jx_context_name(ctx), want, got);
		fail();
	}
}

/* The keys of action in exactly ctx, as "k1 k2". */
static void
assert_keys(const struct jx_keymap *km, enum jx_context ctx,
	    const char *action, const char *want)
{
	assert_keys_are(jx_keymap_keys, km, ctx, action, want);
}

static void
assert_effective(const struct jx_keymap *km, enum jx_context ctx,
		 const char *action, const char *want)
{
	assert_keys_are(jx_keymap_effective_keys, km, ctx, action, want);
}

/* Key name runs action name ("" for none) in ctx. */
static void
assert_runs(const struct jx_keymap *km, enum jx_context ctx,
	    const char *key_name, const char *action)
{
	enum jx_action got = jx_keymap_lookup(km, ctx, key(key_name));
	enum jx_action want = *action ? act(action) : JX_ACT_NONE;

	if (got != want) {
		const struct jx_action_info *gi = jx_action_info(got);

		print_error("%s in %s: want '%s', got '%s'\n", key_name,
			    jx_context_name(ctx), action,
			    gi ? gi->name : "");
		fail();
	}
}

/* The errors, formatted, are exactly want (NULL-terminated). */
static void
assert_messages(const struct jx_errlist *el, const char *const *want)
{
	char got[JX_ERR_MSG + JX_ERR_FILE + 64];
	size_t n = 0;

	while (want[n])
		n++;
	if (el->count != n) {
		print_error("want %zu errors, got %zu:\n", n, el->count);
		print_errors(el);
		fail();
	}
	for (size_t i = 0; i < n; i++) {
		jx_error_format(&el->items[i], got, sizeof got);
		if (strcmp(got, want[i]) != 0) {
			print_error("error %zu:\n  want %s\n  got  %s\n", i,
				    want[i], got);
			fail();
		}
	}
}

/* ---- The built-in keymap and the shipped files ---------------------------- */

static void
test_builtin_loads(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	assert_runs(km, JX_CTX_GENERIC, "q", "quit");
	assert_runs(km, JX_CTX_GENERIC, "PgDn", "page-down");
	assert_runs(km, JX_CTX_GENERIC, "[", "year-prev");
	assert_runs(km, JX_CTX_GENERIC, "?", "help");
	assert_runs(km, JX_CTX_PROMPT, "Enter", "accept");
	jx_keymap_free(km);
}

static void
test_builtin_equals_file(void **state)
{
	struct jx_keymap *builtin = default_keymap();
	struct jx_keymap *file = new_keymap();
	char path[1024];

	(void)state;
	load_file_ok(file, keymap_file(path, sizeof path, "default.yaml"));
	assert_true(jx_keymap_equal(builtin, file));
	assert_true(jx_keymap_equal(file, builtin));
	jx_keymap_free(builtin);
	jx_keymap_free(file);
}

/* vi.yaml over the default: what vi.yaml names has exactly vi's keys,
 * everything else is the default's. */
static void
test_vi_over_default(void **state)
{
	struct jx_keymap *def = default_keymap(), *vi = default_keymap();
	struct jx_keymap *vi_only = new_keymap();
	char path[1024];

	(void)state;
	keymap_file(path, sizeof path, "vi.yaml");
	load_file_ok(vi, path);
	load_file_ok(vi_only, path);
	assert_false(jx_keymap_equal(def, vi));
	for (int c = 0; c < JX_CTX_COUNT; c++) {
		for (const struct jx_action_info *a = jx_actions; a->name;
		     a++) {
			jx_keycode want[MAX_KEYS], got[MAX_KEYS];
			size_t n = jx_keymap_keys(vi_only, c, a->action, want,
						  MAX_KEYS);

			if (n == 0)
				n = jx_keymap_keys(def, c, a->action, want,
						   MAX_KEYS);
			assert_true(n <= MAX_KEYS);
			assert_int_equal(jx_keymap_keys(vi, c, a->action, got,
							MAX_KEYS), n);
			assert_memory_equal(want, got, n * sizeof *want);
		}
	}
	assert_runs(vi, JX_CTX_GENERIC, "j", "move-down");
	assert_runs(vi, JX_CTX_GENERIC, "Down", "move-down");
	assert_runs(vi, JX_CTX_GENERIC, "h", "focus-prev");
	assert_runs(vi, JX_CTX_GENERIC, "Space", "page-down");
	assert_runs(vi, JX_CTX_DEPARTMENTS, "G", "last");
	assert_runs(vi, JX_CTX_PROMPT, "j", "");
	assert_runs(vi, JX_CTX_PROMPT, "C-n", "move-down");
	assert_runs(vi, JX_CTX_GENERIC, "z", "zoom");
	jx_keymap_free(def);
	jx_keymap_free(vi);
	jx_keymap_free(vi_only);
}

/* ---- Lookups ---------------------------------------------------------------- */

static void
test_lookup_fallback(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	/* Panes fall back to generic. */
	assert_runs(km, JX_CTX_DEPARTMENTS, "q", "quit");
	assert_runs(km, JX_CTX_PROJECTS, "Enter", "enter");
	assert_runs(km, JX_CTX_INDICATORS, "e", "edit");
	/* The prompt does not: letters are typed there. */
	assert_runs(km, JX_CTX_PROMPT, "q", "");
	assert_runs(km, JX_CTX_PROMPT, "e", "");
	assert_runs(km, JX_CTX_PROMPT, "Enter", "accept");
	assert_runs(km, JX_CTX_PROMPT, "C-n", "move-down");
	assert_runs(km, JX_CTX_PROMPT, "Esc", "cancel");
	/* Help has its own quit keys, then falls back. */
	assert_runs(km, JX_CTX_HELP, "?", "quit");
	assert_runs(km, JX_CTX_HELP, "Esc", "quit");
	assert_runs(km, JX_CTX_HELP, "Down", "move-down");
	assert_runs(km, JX_CTX_HELP, "F1", "help");
	/* Nothing bound; nonsense contexts. */
	assert_runs(km, JX_CTX_GENERIC, "x", "");
	assert_int_equal(jx_keymap_lookup(km, JX_CTX_COUNT, key("q")),
			 JX_ACT_NONE);
	assert_int_equal(jx_keymap_lookup(NULL, JX_CTX_GENERIC, key("q")),
			 JX_ACT_NONE);
	jx_keymap_free(km);
}

/* An action a pane names has the pane's keys there, not generic's. */
static void
test_pane_replaces_generic(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	load_ok(km, "departments:\n  zoom: Z\nprojects:\n  edit: z\n");
	assert_runs(km, JX_CTX_DEPARTMENTS, "Z", "zoom");
	assert_runs(km, JX_CTX_DEPARTMENTS, "z", "");
	assert_runs(km, JX_CTX_DEPARTMENTS, "e", "edit");
	assert_runs(km, JX_CTX_PROJECTS, "z", "edit");
	assert_runs(km, JX_CTX_PROJECTS, "e", "");
	assert_runs(km, JX_CTX_INDICATORS, "z", "zoom");
	assert_runs(km, JX_CTX_GENERIC, "Z", "");
	assert_keys(km, JX_CTX_DEPARTMENTS, "zoom", "Z");
	assert_keys(km, JX_CTX_DEPARTMENTS, "edit", "");
	assert_effective(km, JX_CTX_DEPARTMENTS, "zoom", "Z");
	assert_effective(km, JX_CTX_DEPARTMENTS, "edit", "e");
	assert_effective(km, JX_CTX_PROJECTS, "zoom", "");
	assert_effective(km, JX_CTX_PROJECTS, "edit", "z");
	assert_effective(km, JX_CTX_INDICATORS, "zoom", "z");
	assert_effective(km, JX_CTX_PROMPT, "zoom", "");
	assert_effective(km, JX_CTX_HELP, "quit", "q Esc ?");
	assert_effective(km, JX_CTX_HELP, "help", "F1");
	jx_keymap_free(km);
}

/* Every key effective_keys gives for ctx runs that action in ctx. */
static void
test_effective_keys_agree(void **state)
{
	struct jx_keymap *km = default_keymap();
	char path[1024];

	(void)state;
	load_file_ok(km, keymap_file(path, sizeof path, "vi.yaml"));
	load_ok(km, "projects:\n  search: none\n  zoom: '/'\n");
	for (int c = 0; c < JX_CTX_COUNT; c++) {
		for (const struct jx_action_info *a = jx_actions; a->name;
		     a++) {
			jx_keycode keys[MAX_KEYS];
			size_t n = jx_keymap_effective_keys(km, c, a->action,
							    keys, MAX_KEYS);

			assert_true(n <= MAX_KEYS);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(jx_keymap_lookup(km, c,
								  keys[i]),
						 a->action);
		}
	}
	assert_effective(km, JX_CTX_PROJECTS, "search", "");
	assert_effective(km, JX_CTX_PROJECTS, "zoom", "/");
	jx_keymap_free(km);
}

static void
test_keys_order(void **state)
{
	struct jx_keymap *km = default_keymap();
	jx_keycode keys[MAX_KEYS];

	(void)state;
	assert_keys(km, JX_CTX_GENERIC, "page-down", "PgDn Space");
	assert_keys(km, JX_CTX_GENERIC, "focus-prev", "S-Tab Left");
	assert_keys(km, JX_CTX_GENERIC, "help", "? F1");
	assert_keys(km, JX_CTX_HELP, "quit", "q Esc ?");
	assert_keys(km, JX_CTX_PROMPT, "cancel", "Esc C-g");
	assert_keys(km, JX_CTX_DEPARTMENTS, "quit", "");
	/* The count is the whole count; only max keys are written. */
	keys[1] = -1;
	assert_int_equal(jx_keymap_keys(km, JX_CTX_GENERIC, act("back"),
					keys, 1), 2);
	assert_int_equal(keys[0], key("Backspace"));
	assert_int_equal(keys[1], -1);
	assert_int_equal(jx_keymap_keys(km, JX_CTX_GENERIC, act("back"),
					NULL, 0), 2);
	/* Replacing keeps the new order, wherever the action was. */
	load_ok(km, "generic:\n  page-down: [C-f, Space, PgDn]\n");
	assert_keys(km, JX_CTX_GENERIC, "page-down", "C-f Space PgDn");
	jx_keymap_free(km);
}

/* Binding a key takes it from the action that had it. */
static void
test_override_takes_key(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	load_ok(km, "generic:\n  search: z\n");
	assert_runs(km, JX_CTX_GENERIC, "z", "search");
	assert_runs(km, JX_CTX_GENERIC, "/", "");
	assert_keys(km, JX_CTX_GENERIC, "search", "z");
	assert_keys(km, JX_CTX_GENERIC, "zoom", "");
	assert_keys(km, JX_CTX_GENERIC, "quit", "q");
	/* A later file may give the key back. */
	load_ok(km, "generic:\n  zoom: [z, Z]\n");
	assert_keys(km, JX_CTX_GENERIC, "zoom", "z Z");
	assert_keys(km, JX_CTX_GENERIC, "search", "");
	/* Other contexts keep theirs. */
	load_ok(km, "generic:\n  move-down: C-n\n");
	assert_runs(km, JX_CTX_PROMPT, "C-n", "move-down");
	assert_keys(km, JX_CTX_GENERIC, "move-down", "C-n");
	jx_keymap_free(km);
}

static void
test_none_unbinds(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	load_ok(km, "generic:\n  quit: none\n  zoom: [none]\n  help: []\n");
	assert_keys(km, JX_CTX_GENERIC, "quit", "");
	assert_keys(km, JX_CTX_GENERIC, "zoom", "");
	assert_keys(km, JX_CTX_GENERIC, "help", "");
	assert_runs(km, JX_CTX_GENERIC, "q", "");
	assert_runs(km, JX_CTX_GENERIC, "F1", "");
	assert_runs(km, JX_CTX_HELP, "q", "quit");
	/* In a pane, none hides generic's keys too. */
	load_ok(km, "departments:\n  search: none\n");
	assert_runs(km, JX_CTX_DEPARTMENTS, "/", "");
	assert_runs(km, JX_CTX_PROJECTS, "/", "search");
	assert_runs(km, JX_CTX_GENERIC, "/", "search");
	jx_keymap_free(km);
}

/* Texts that bind nothing are fine and change nothing. */
static void
test_empty_texts(void **state)
{
	static const char *const texts[] = {
		"", "# only a comment\n", "~\n", "---\n", "departments:\n",
		"help: ~\nprompt: {}\n", "generic: {}\n",
	};
	struct jx_keymap *km = default_keymap(), *def = default_keymap();

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		load_ok(km, texts[i]);
		assert_true(jx_keymap_equal(km, def));
	}
	jx_keymap_free(km);
	jx_keymap_free(def);
}

static void
test_equal(void **state)
{
	struct jx_keymap *a = new_keymap(), *b = new_keymap();

	(void)state;
	assert_true(jx_keymap_equal(a, b));
	load_ok(a, "generic:\n  quit: [q, x]\n");
	load_ok(b, "generic:\n  quit: [x, q]\n");
	assert_true(jx_keymap_equal(a, b));
	load_ok(b, "generic:\n  quit: [x]\n");
	assert_false(jx_keymap_equal(a, b));
	load_ok(b, "generic:\n  quit: [q, x]\nhelp:\n  zoom: none\n");
	assert_false(jx_keymap_equal(a, b));
	assert_true(jx_keymap_equal(NULL, NULL));
	assert_false(jx_keymap_equal(a, NULL));
	jx_keymap_free(a);
	jx_keymap_free(b);
}

/* ---- Key names ----------------------------------------------------------- */

static void
assert_round_trip(const char *name)
{
	char back[32];
	jx_keycode k = key(name);

	assert_true(jx_key_name(k, back, sizeof back));
	if (strcmp(back, name) != 0) {
		print_error("'%s' prints back as '%s'\n", name, back);
		fail();
	}
}

static void
test_key_names_round_trip(void **state)
{
	static const char *const more[] = {
		"年", "é", "q", "N", "?", "/", "[", "]", "-", "M-x", "M-X",
		"M-Up", "M-C-x", "M-年", "M-Enter", "M-S-Tab", "C-a", "C-z",
	};
	char name[8];
	size_t n = 0;

	(void)state;
	for (const char *s; (s = jx_key_named(n)) != NULL; n++)
		assert_round_trip(s);
	assert_int_equal(n, 28);
	for (char c = 'a'; c <= 'z'; c++) {
		snprintf(name, sizeof name, "C-%c", c);
		if (c != 'i' && c != 'm')
			assert_round_trip(name);
	}
	for (char c = '!'; c <= '~'; c++) {
		snprintf(name, sizeof name, "%c", c);
		assert_round_trip(name);
	}
	for (size_t i = 0; i < sizeof more / sizeof *more; i++)
		assert_round_trip(more[i]);
}

static void
test_key_parse(void **state)
{
	static const char *const refused[] = {
		"", "ab", "C-", "C-1", "C-ab", "M-", "M-M-x", "F0", "F13",
		"Ctrl-x", "S-a", "S-Up", "<Enter>", "\t", "\x7f", "\xc2\x85",
		"\xff", "年年", "none",
	};
	jx_keycode k;

	(void)state;
	assert_int_equal(key("年"), 0x5e74);
	assert_int_equal(key("PgDn"), JX_KEY_FN + KEY_NPAGE);
	assert_int_equal(key("pgdn"), key("PgDn"));
	assert_int_equal(key("F12"), JX_KEY_FN + KEY_F(12));
	assert_int_equal(key("S-Tab"), JX_KEY_FN + KEY_BTAB);
	assert_int_equal(key("s-tab"), key("S-Tab"));
	assert_int_equal(key("ESC"), 27);
	assert_int_equal(key("Enter"), 13);
	assert_int_equal(key("Tab"), 9);
	assert_int_equal(key("Backspace"), 127);
	assert_int_equal(key("Space"), ' ');
	assert_int_equal(key(" "), ' ');
	assert_int_equal(key("C-l"), 12);
	assert_int_equal(key("c-L"), 12);
	assert_int_equal(key("C-i"), key("Tab"));
	assert_int_equal(key("C-m"), key("Enter"));
	assert_int_equal(key("M-x"), JX_KEY_META + 'x');
	assert_int_equal(key("m-x"), key("M-x"));
	assert_true(key("M-X") != key("M-x"));
	assert_true(key("n") != key("N"));
	assert_int_equal(key("M-Up"), JX_KEY_META + JX_KEY_FN + KEY_UP);
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		if (jx_key_parse(refused[i], &k)) {
			print_error("'%s' parsed\n", refused[i]);
			fail();
		}
	}
	assert_false(jx_key_parse(NULL, &k));
}

static void
test_key_name_refuses(void **state)
{
	static const jx_keycode refused[] = {
		0, -1, 28, 31, 0x85, 0xd800, JX_KEY_FN,
		JX_KEY_FN + KEY_F(13), JX_KEY_FN + KEY_MAX, JX_KEY_META,
		2 * JX_KEY_META + 'x', JX_KEY_META + JX_KEY_META - 1,
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		if (jx_key_name(refused[i], buf, sizeof buf)) {
			print_error("0x%x has the name '%s'\n",
				    (unsigned)refused[i], buf);
			fail();
		}
		assert_string_equal(buf, "");
	}
	/* Too small a buffer. */
	assert_false(jx_key_name(key("Backspace"), buf, 4));
	assert_string_equal(buf, "");
	assert_false(jx_key_name(key("q"), buf, 0));
	assert_true(jx_key_name(key("q"), buf, 2));
	assert_string_equal(buf, "q");
}

static void
assert_hint(const char *name, const char *want)
{
	char buf[128];
	bool got = jx_key_hint(name, buf, sizeof buf);

	if (got != (*want != '\0') || strcmp(buf, want) != 0) {
		print_error("hint for '%s': want '%s', got '%s'\n", name, want,
			    buf);
		fail();
	}
}

static void
test_key_hints(void **state)
{
	(void)state;
	assert_hint("Ctrl-x", "write C-x");
	assert_hint("ctrl-X", "write C-x");
	assert_hint("Control-a", "write C-a");
	assert_hint("^L", "write C-l");
	assert_hint("Alt-x", "write M-x");
	assert_hint("Meta+Up", "write M-Up");
	assert_hint("Shift-Tab", "write S-Tab");
	assert_hint("Shift-n", "write N");
	assert_hint("S-a", "write A");
	assert_hint("S-Up", "S- only combines with Tab: S-Tab");
	assert_hint("Return", "write Enter");
	assert_hint("escape", "write Esc");
	assert_hint("PageDown", "write PgDn");
	assert_hint("<Esc>", "write Esc");
	assert_hint("<C-x>", "write C-x");
	assert_hint("C-1", "control keys are C-a … C-z");
	assert_hint("Ctrl-F1", "control keys are C-a … C-z");
	assert_hint("F13", "function keys are F1 … F12");
	assert_hint("j k", "to bind several keys, write a list: [a, b]");
	assert_hint("xyz", "");
	assert_hint("q", "");
	assert_hint("^", "");
}

/* ---- Mistakes -------------------------------------------------------------- */

struct bad_text {
	const char *text;
	const char *want[MAX_WANT]; /* formatted, for file "t.yaml" */
};

/* Loading text over the default fails with exactly the wanted errors and
 * leaves the keymap as it was. */
static void
test_bad_text(void **state)
{
	const struct bad_text *t = *state;
	struct jx_keymap *km = default_keymap(), *def = default_keymap();
	struct jx_errlist el;

	jx_errlist_init(&el);
	assert_int_not_equal(jx_keymap_load(km, t->text, strlen(t->text),
					    "t.yaml", &el), JX_OK);
	assert_messages(&el, t->want);
	assert_true(jx_keymap_equal(km, def));
	jx_errlist_free(&el);
	jx_keymap_free(km);
	jx_keymap_free(def);
}

#define KNOWN "(known: generic, departments, projects, indicators, " \
	"prompt, help, compare, form, grid)"
#define NO_KEY "(a key is one character or a name such as C-x, M-x, F1, " \
	"PgDn)"

static struct bad_text bad_syntax = {
	"generic:\n  zoom: x\n  quit: [q\n", {
	"t.yaml:4:1: did not find expected ',' or ']' (while parsing a flow "
	"sequence at line 3, column 9)" } };
static struct bad_text bad_not_mapping = { "- generic\n", {
	"t.yaml:1:1: a keymap must be a mapping of contexts (generic: …), "
	"not a list" } };
static struct bad_text bad_text_top = { "generic\n", {
	"t.yaml:1:1: a keymap must be a mapping of contexts (generic: …), "
	"not text" } };
static struct bad_text bad_second_document = {
	"generic:\n  quit: x\n---\nhelp:\n  quit: x\n", {
	"t.yaml:3:1: a second document starts here; a keymap file holds "
	"one" } };
static struct bad_text bad_unknown_context = {
	"generic:\n  quit: x\nfoo:\n  quit: x\n", {
	"t.yaml:3:1: unknown context 'foo' " KNOWN } };
static struct bad_text bad_close_context = { "generc:\n  quit: x\n", {
	"t.yaml:1:1: unknown context 'generc'; did you mean 'generic'?" } };
static struct bad_text bad_context_twice = {
	"generic:\n  quit: x\ngeneric:\n  zoom: Z\n", {
	"t.yaml:3:1: context 'generic' is given twice (first at line 1)" } };
static struct bad_text bad_context_list = { "generic: [quit]\n", {
	"t.yaml:1:10: context 'generic' must be a mapping of actions to keys, "
	"not a list" } };
static struct bad_text bad_context_alias = {
	"generic: &g\n  quit: x\nhelp: *g\n", {
	"t.yaml:3:7: context 'help' must be a mapping of actions to keys, "
	"not an alias" } };
static struct bad_text bad_context_name_list = { "[a]: {quit: x}\n", {
	"t.yaml:1:1: a context name must be text, not a list" } };
static struct bad_text bad_unknown_action = {
	"generic:\n  quit: x\n  mvoe-down: j\n", {
	"t.yaml:3:3: unknown action 'mvoe-down'; did you mean "
	"'move-down'?" } };
static struct bad_text bad_far_action = { "generic:\n  frobnicate: x\n", {
	"t.yaml:2:3: unknown action 'frobnicate'" } };
static struct bad_text bad_action_twice = {
	"generic:\n  quit: x\n  zoom: Z\n  quit: Q\n", {
	"t.yaml:4:3: action 'quit' is listed twice in generic (first at "
	"line 2)" } };
static struct bad_text bad_action_name_list = { "generic:\n  [quit]: x\n", {
	"t.yaml:2:3: an action name must be text, not a list" } };
static struct bad_text bad_value_mapping = { "generic:\n  quit: {q: 1}\n", {
	"t.yaml:2:9: quit in generic must be a key or a list of keys, not a "
	"mapping" } };
static struct bad_text bad_item_list = { "generic:\n  quit: [q, [x]]\n", {
	"t.yaml:2:13: the keys of quit in generic must be key names, not a "
	"list" } };
static struct bad_text bad_no_keys = { "generic:\n  quit:\n  zoom: Z\n", {
	"t.yaml:2:8: quit in generic has no keys (write none to unbind "
	"it)" } };
static struct bad_text bad_key_twice = {
	"# the same key for two actions\ngeneric:\n  zoom: z\n"
	"  move-down: [Down, j]\n  first: j\n", {
	"t.yaml:5:10: key 'j' is bound twice in generic: to move-down "
	"(line 4) and to first" } };
static struct bad_text bad_key_twice_spelled = {
	"generic:\n  focus-next: Tab\n  zoom: C-i\n", {
	"t.yaml:3:9: key 'Tab' is bound twice in generic: to focus-next "
	"(line 2) and to zoom" } };
static struct bad_text bad_key_listed_twice = {
	"generic:\n  quit: [q, Esc, q]\n", {
	"t.yaml:2:18: key 'q' is listed twice for quit in generic" } };
static struct bad_text bad_none_after_key = {
	"generic:\n  quit: [q, none]\n", {
	"t.yaml:2:13: none cannot be mixed with keys (quit in generic)" } };
static struct bad_text bad_key_after_none = {
	"help:\n  quit: [none, q]\n", {
	"t.yaml:2:16: none cannot be mixed with keys (quit in help)" } };
static struct bad_text bad_unknown_keys = {
	"generic:\n"
	"  quit: Ctrl-x\n"
	"  zoom: [Alt-x, Shift-Tab, PageDown, <Enter>, C-1, F13]\n"
	"  help: [Hme, xyz, 'j, k', '', \"a\\0b\"]\n", {
	"t.yaml:2:9: unknown key 'Ctrl-x' (write C-x)",
	"t.yaml:3:10: unknown key 'Alt-x' (write M-x)",
	"t.yaml:3:17: unknown key 'Shift-Tab' (write S-Tab)",
	"t.yaml:3:28: unknown key 'PageDown' (write PgDn)",
	"t.yaml:3:38: unknown key '<Enter>' (write Enter)",
	"t.yaml:3:47: unknown key 'C-1' (control keys are C-a … C-z)",
	"t.yaml:3:52: unknown key 'F13' (function keys are F1 … F12)",
	"t.yaml:4:10: unknown key 'Hme'; did you mean 'Home'?",
	"t.yaml:4:15: unknown key 'xyz' " NO_KEY,
	"t.yaml:4:20: unknown key 'j, k' (to bind several keys, write a "
	"list: [a, b])",
	"t.yaml:4:28: unknown key '' " NO_KEY,
	"t.yaml:4:32: unknown key 'a\\0b' " NO_KEY } };
/* Valid bindings before a mistake are not applied either. */
static struct bad_text bad_after_good = {
	"generic:\n  quit: x\n  zoom: Z\nprompt:\n  cancel: q\n  accept: "
	"Ctrl-m\n", {
	"t.yaml:6:11: unknown key 'Ctrl-m' (write Enter)" } };

/* ---- Fixture files ---------------------------------------------------------- */

static void
test_bad_files(void **state)
{
	static const struct {
		const char *file;
		enum jx_status status;
		const char *want[8]; /* without the "path:" prefix */
	} cases[] = {
		{ "errors.yaml", JX_UNKNOWN, {
		  "3:3: unknown action 'mvoe-down'; did you mean "
		  "'move-down'?",
		  "4:9: unknown key 'Ctrl-x' (write C-x)",
		  "6:10: key 'j' is bound twice in generic: to move-down "
		  "(line 5) and to first",
		  "7:9: zoom in generic must be a key or a list of keys, not "
		  "a mapping",
		  "8:3: action 'zoom' is listed twice in generic (first at "
		  "line 7)",
		  "9:15: none cannot be mixed with keys (search in generic)",
		  "10:1: unknown context 'foo' " KNOWN } },
		{ "syntax.yaml", JX_SYNTAX, {
		  "4:1: found unexpected end of stream (while scanning a "
		  "quoted scalar at line 3, column 9)" } },
		{ "bad_utf8.yaml", JX_ENCODING, {
		  "2:9: byte 17: not valid UTF-8" } },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct jx_keymap *km = default_keymap(), *def = default_keymap();
		char path[512], want[MAX_WANT][1024];
		const char *wants[MAX_WANT + 1] = { NULL };
		struct jx_errlist el;

		fixture(path, sizeof path, cases[i].file);
		for (size_t j = 0; cases[i].want[j]; j++) {
			int n = snprintf(want[j], sizeof want[j], "%s:%s",
					 path, cases[i].want[j]);

			assert_true(n > 0 && (size_t)n < sizeof want[j]);
			wants[j] = want[j];
		}
		jx_errlist_init(&el);
		assert_int_equal(jx_keymap_load_file(km, path, &el),
				 cases[i].status);
		assert_messages(&el, wants);
		assert_true(jx_keymap_equal(km, def));
		jx_errlist_free(&el);
		jx_keymap_free(km);
		jx_keymap_free(def);
	}
}

static void
test_missing_file(void **state)
{
	struct jx_keymap *km = default_keymap();
	struct jx_errlist el;
	char path[1024];

	(void)state;
	fixture(path, sizeof path, "no-such-file.yaml");
	jx_errlist_init(&el);
	assert_int_equal(jx_keymap_load_file(km, path, &el), JX_IO);
	assert_int_equal(el.count, 1);
	assert_string_equal(el.items[0].file, path);
	jx_errlist_free(&el);
	jx_keymap_free(km);
}

/* Errors are appended to what the list holds; a run stops after 100. */
static void
test_many_errors(void **state)
{
	struct jx_keymap *km = new_keymap();
	struct jx_errlist el;
	char text[4096] = "generic:\n  quit: [";
	struct jx_error first;

	(void)state;
	for (int i = 0; i < 120; i++)
		strcat(text, i ? ", xx" : "xx");
	strcat(text, "]\n");
	jx_errlist_init(&el);
	jx_error_clear(&first);
	jx_error_at(&first, JX_IO, "before", 1, 1, "kept");
	assert_int_equal(jx_errlist_add(&el, &first), JX_OK);
	assert_int_equal(jx_keymap_load(km, text, strlen(text), "t.yaml",
					&el), JX_INVALID);
	assert_int_equal(el.count, 1 + 100 + 1);
	assert_string_equal(el.items[0].message, "kept");
	assert_string_equal(el.items[101].message,
			    "too many errors; giving up");
	jx_errlist_free(&el);
	jx_keymap_free(km);
}

/* ---- The action table ------------------------------------------------------ */

static void
test_actions_table(void **state)
{
	size_t n = 0;

	(void)state;
	assert_true(JX_ACT_NONE > KEY_MAX);
	for (const struct jx_action_info *a = jx_actions; a->name; a++, n++) {
		assert_int_equal(a->action, JX_ACT_NONE + 1 + (int)n);
		assert_ptr_equal(jx_action_info(a->action), a);
		assert_int_equal(jx_action_by_name(a->name), a->action);
		assert_true(a->group && *a->group);
		assert_true(a->help && *a->help);
		for (const struct jx_action_info *b = jx_actions; b < a; b++)
			assert_string_not_equal(a->name, b->name);
		/* Editing: refused in read-only mode. The change history
		 * only reads, and form keys act in forms no read-only
		 * session opens. */
		assert_int_equal(jx_action_edits(a->action),
				 strcmp(a->group, "Editing") == 0 &&
				 a->action != JX_ACT_RECORD_LOG);
	}
	assert_int_equal(n, JX_ACTION_COUNT);
	assert_null(jx_action_info(JX_ACT_NONE));
	assert_null(jx_action_info(JX_ACT_END));
	assert_int_equal(jx_action_by_name("Move-Down"), JX_ACT_NONE);
	assert_int_equal(jx_action_by_name(NULL), JX_ACT_NONE);
	assert_false(jx_action_edits(JX_ACT_NONE));
}

/* The help screen never shows an action without a key. */
static void
test_default_binds_every_action(void **state)
{
	struct jx_keymap *km = default_keymap();

	(void)state;
	for (const struct jx_action_info *a = jx_actions; a->name; a++) {
		size_t n = jx_keymap_keys(km, jx_action_home_context(a->action),
					  a->action, NULL, 0);

		if (n == 0) {
			print_error("'%s' has no default key\n", a->name);
			fail();
		}
	}
	jx_keymap_free(km);
}

static void
test_context_names(void **state)
{
	(void)state;
	assert_string_equal(jx_context_name(JX_CTX_GENERIC), "generic");
	assert_string_equal(jx_context_name(JX_CTX_DEPARTMENTS),
			    "departments");
	assert_string_equal(jx_context_name(JX_CTX_PROJECTS), "projects");
	assert_string_equal(jx_context_name(JX_CTX_INDICATORS), "indicators");
	assert_string_equal(jx_context_name(JX_CTX_PROMPT), "prompt");
	assert_string_equal(jx_context_name(JX_CTX_HELP), "help");
	assert_null(jx_context_name(JX_CTX_COUNT));
}

#define BAD(name) \
	{ "bad_" #name, test_bad_text, NULL, NULL, (void *)&bad_##name }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads),
		cmocka_unit_test(test_builtin_equals_file),
		cmocka_unit_test(test_vi_over_default),
		cmocka_unit_test(test_lookup_fallback),
		cmocka_unit_test(test_pane_replaces_generic),
		cmocka_unit_test(test_effective_keys_agree),
		cmocka_unit_test(test_keys_order),
		cmocka_unit_test(test_override_takes_key),
		cmocka_unit_test(test_none_unbinds),
		cmocka_unit_test(test_empty_texts),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_key_names_round_trip),
		cmocka_unit_test(test_key_parse),
		cmocka_unit_test(test_key_name_refuses),
		cmocka_unit_test(test_key_hints),
		BAD(syntax),
		BAD(not_mapping),
		BAD(text_top),
		BAD(second_document),
		BAD(unknown_context),
		BAD(close_context),
		BAD(context_twice),
		BAD(context_list),
		BAD(context_alias),
		BAD(context_name_list),
		BAD(unknown_action),
		BAD(far_action),
		BAD(action_twice),
		BAD(action_name_list),
		BAD(value_mapping),
		BAD(item_list),
		BAD(no_keys),
		BAD(key_twice),
		BAD(key_twice_spelled),
		BAD(key_listed_twice),
		BAD(none_after_key),
		BAD(key_after_none),
		BAD(unknown_keys),
		BAD(after_good),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_actions_table),
		cmocka_unit_test(test_default_binds_every_action),
		cmocka_unit_test(test_context_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
