#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * keys.c — key names, both ways: "C-l" <-> 12, "PgDn" <-> JX_KEY_FN +
 * KEY_NPAGE, "年" <-> U+5E74.
 *
 * Exports jx_key_parse, jx_key_name, jx_key_named and jx_key_hint (see
 * keymap.h). One table, named_keys[], serves both directions, so a name that
 * parses always prints back the same way. curses.h is included for its KEY_*
 * constants only; nothing here calls curses.
 */
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "tui/keymap.h"

#define FN(k) (JX_KEY_FN + (k))
#define CTRL(c) ((c) & 0x1f)

struct named_key {
	const char *name;
	jx_keycode code;
};

/* Every key with a name of more than one character, except C-x and M-x. */
static const struct named_key named_keys[] = {
	{ "Up", FN(KEY_UP) },         { "Down", FN(KEY_DOWN) },
	{ "Left", FN(KEY_LEFT) },     { "Right", FN(KEY_RIGHT) },
	{ "Home", FN(KEY_HOME) },     { "End", FN(KEY_END) },
	{ "PgUp", FN(KEY_PPAGE) },    { "PgDn", FN(KEY_NPAGE) },
	{ "Insert", FN(KEY_IC) },     { "Delete", FN(KEY_DC) },
	{ "Backspace", 127 },         { "Enter", 13 },
	{ "Tab", 9 },                 { "S-Tab", FN(KEY_BTAB) },
	{ "Esc", 27 },                { "Space", ' ' },
	{ "F1", FN(KEY_F(1)) },       { "F2", FN(KEY_F(2)) },
	{ "F3", FN(KEY_F(3)) },       { "F4", FN(KEY_F(4)) },
	{ "F5", FN(KEY_F(5)) },       { "F6", FN(KEY_F(6)) },
	{ "F7", FN(KEY_F(7)) },       { "F8", FN(KEY_F(8)) },
	{ "F9", FN(KEY_F(9)) },       { "F10", FN(KEY_F(10)) },
	{ "F11", FN(KEY_F(11)) },     { "F12", FN(KEY_F(12)) },
	{ NULL, 0 }
};

/* Spellings from other programs, and what to write instead. */
static const struct { const char *wrong, *right; } spellings[] = {
	{ "Return", "Enter" },     { "Ret", "Enter" },   { "CR", "Enter" },
	{ "Escape", "Esc" },       { "PageUp", "PgUp" }, { "PageDown", "PgDn" },
	{ "PgDown", "PgDn" },      { "Prior", "PgUp" },  { "Next", "PgDn" },
	{ "Del", "Delete" },       { "Ins", "Insert" },  { "BS", "Backspace" },
	{ "BackTab", "S-Tab" },    { "Spc", "Space" },
};

/* Modifier spellings, and the prefix this file uses. */
static const struct { const char *wrong, *right; } prefixes[] = {
	{ "Ctrl-", "C-" },  { "Ctrl+", "C-" }, { "Control-", "C-" },
	{ "Ctl-", "C-" },   { "C+", "C-" },    { "^", "C-" },
	{ "Alt-", "M-" },   { "Alt+", "M-" },  { "Meta-", "M-" },
	{ "Meta+", "M-" },  { "A-", "M-" },    { "M+", "M-" },
	{ "Shift-", "S-" }, { "Shift+", "S-" }, { "S+", "S-" },
	{ "C-", "C-" },     { "M-", "M-" },    { "S-", "S-" },
};

#define N_OF(a) (sizeof (a) / sizeof *(a))

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Compares ASCII letters without case, whatever the locale. */
static bool
same_name(const char *a, const char *b)
{
	while (*a && ascii_lower((unsigned char)*a) ==
		     ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == *b;
}

/* True when s starts with prefix, ignoring ASCII case. */
static bool
has_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (ascii_lower((unsigned char)*s) !=
		    ascii_lower((unsigned char)*prefix))
			return false;
	return true;
}

static bool
is_ascii_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A code point that is typed as itself: not a control character, not a
 * surrogate, inside Unicode. Space counts. */
static bool
printable(int32_t cp)
{
	return cp >= 0x20 && cp != 0x7f && (cp < 0x80 || cp > 0x9f) &&
	       (cp < 0xd800 || cp > 0xdfff) && cp <= 0x10ffff;
}

/* name as exactly one printable character. */
static bool
parse_char(const char *name, jx_keycode *out)
{
	int32_t cp;
	int n = jx_utf8_decode(name, SIZE_MAX, &cp);

	if (name[n] != '\0' || !printable(cp))
		return false;
	*out = cp;
	return true;
}

static bool
parse_named(const char *name, jx_keycode *out)
{
	for (const struct named_key *k = named_keys; k->name; k++) {
		if (same_name(name, k->name)) {
			*out = k->code;
			return true;
		}
	}
	return false;
}

bool
jx_key_parse(const char *name, jx_keycode *out)
{
	jx_keycode inner;

	if (!name || !*name)
		return false;
	if (parse_char(name, out) || parse_named(name, out))
		return true;
	if (has_prefix(name, "C-") && is_ascii_letter(name[2]) && !name[3]) {
		*out = CTRL(name[2]);
		return true;
	}
	if (has_prefix(name, "M-") && jx_key_parse(name + 2, &inner) &&
	    inner < JX_KEY_META) {
		*out = JX_KEY_META + inner;
		return true;
	}
	return false;
}

/* Writes cp as UTF-8 (cp is printable, so 1 to 4 bytes). */
static size_t
utf8_encode(int32_t cp, char *buf)
{
	uint32_t c = (uint32_t)cp;

	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* snprintf that reports whether everything fitted. */
static bool
put(char *buf, size_t size, const char *prefix, const char *text)
{
	int n = snprintf(buf, size, "%s%s", prefix, text);

	return n >= 0 && (size_t)n < size;
}

static bool
name_plain(jx_keycode key, const char *prefix, char *buf, size_t size)
{
	char utf8[5];

	for (const struct named_key *k = named_keys; k->name; k++)
		if (k->code == key)
			return put(buf, size, prefix, k->name);
	if (key >= 1 && key <= 26) {
		utf8[0] = 'C';
		utf8[1] = '-';
		utf8[2] = (char)('a' + key - 1);
		utf8[3] = '\0';
		return put(buf, size, prefix, utf8);
	}
	if (key >= JX_KEY_FN || !printable(key))
		return false;
	utf8[utf8_encode(key, utf8)] = '\0';
	return put(buf, size, prefix, utf8);
}

bool
jx_key_name(jx_keycode key, char *buf, size_t size)
{
	bool ok;

	if (!buf || size == 0)
		return false;
	if (key >= JX_KEY_META && key < 2 * JX_KEY_META)
		ok = name_plain(key - JX_KEY_META, "M-", buf, size);
	else
		ok = key > 0 && name_plain(key, "", buf, size);
	if (!ok)
		buf[0] = '\0';
	return ok;
}

const char *
jx_key_named(size_t i)
{
	return i < N_OF(named_keys) ? named_keys[i].name : NULL;
}

/* Writes "write <canonical name of text>" when text parses. */
static bool
hint_write(const char *text, char *buf, size_t size)
{
	jx_keycode key;
	char name[32];

	if (!jx_key_parse(text, &key) || !jx_key_name(key, name, sizeof name))
		return false;
	return put(buf, size, "write ", name);
}

/* Hints for a name that uses the C-/M-/S- prefixes (already rewritten to
 * this file's spelling) but still does not parse. */
static bool
hint_prefixed(const char *canon, char *buf, size_t size)
{
	const char *rest = canon + 2;
	char upper[2] = { 0, 0 };

	if (hint_write(canon, buf, size))
		return true;
	if (canon[0] == 'S' && is_ascii_letter(rest[0]) && !rest[1]) {
		upper[0] = (char)(ascii_lower(rest[0]) - 'a' + 'A');
		return put(buf, size, "write ", upper);
	}
	if (canon[0] == 'S')
		return put(buf, size, "", "S- only combines with Tab: S-Tab");
	if (canon[0] == 'C')
		return put(buf, size, "", "control keys are C-a … C-z");
	return false;
}

/* A prefix spelled another way ("Ctrl-x", "Alt+x", "^x", "S-a"). */
static bool
hint_prefix(const char *name, char *buf, size_t size)
{
	char canon[64];

	for (size_t i = 0; i < N_OF(prefixes); i++) {
		size_t n = strlen(prefixes[i].wrong);

		if (!has_prefix(name, prefixes[i].wrong) || !name[n])
			continue;
		if (!put(canon, sizeof canon, prefixes[i].right, name + n))
			return false;
		return hint_prefixed(canon, buf, size);
	}
	return false;
}

/* "<Enter>", as tig writes it. */
static bool
hint_brackets(const char *name, char *buf, size_t size)
{
	char inner[64];
	size_t n = strlen(name);

	if (n < 3 || n >= sizeof inner || name[0] != '<' || name[n - 1] != '>')
		return false;
	memcpy(inner, name + 1, n - 2);
	inner[n - 2] = '\0';
	return hint_write(inner, buf, size) || hint_prefix(inner, buf, size);
}

static bool
hint_function_key(const char *name, char *buf, size_t size)
{
	size_t i = 1;

	if (name[0] != 'F' && name[0] != 'f')
		return false;
	while (name[i] >= '0' && name[i] <= '9')
		i++;
	if (i == 1 || name[i])
		return false;
	return put(buf, size, "", "function keys are F1 … F12");
}

bool
jx_key_hint(const char *name, char *buf, size_t size)
{
	jx_keycode key;

	if (!buf || size == 0)
		return false;
	buf[0] = '\0';
	if (!name || !*name || jx_key_parse(name, &key))
		return false;
	for (size_t i = 0; i < N_OF(spellings); i++)
		if (same_name(name, spellings[i].wrong))
			return put(buf, size, "write ", spellings[i].right);
	if (hint_brackets(name, buf, size) || hint_prefix(name, buf, size) ||
	    hint_function_key(name, buf, size))
		return true;
	if (strpbrk(name, ", "))
		return put(buf, size, "",
			   "to bind several keys, write a list: [a, b]");
	buf[0] = '\0';
	return false;
}
