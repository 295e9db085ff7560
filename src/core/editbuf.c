/*
 * editbuf.c — the text model of the line editor: a UTF-8 buffer, a cursor
 * that stays on grapheme-cluster boundaries, Emacs moves and kills, and the
 * display columns the interface draws by.
 *
 * Exports the jx_editbuf_* functions of editbuf.h.
 *
 * Grapheme boundaries come from utf8proc. Its rules carry state along a run
 * of code points (regional-indicator pairs, emoji ZWJ sequences), so every
 * question about a boundary starts from an "anchor": the nearest position
 * before it where a break is certain whatever came earlier. In real text
 * that is the code point just before, so a keystroke costs a few steps, not
 * a scan from the start of a 100 000-character line. Widths are summed per
 * code point with jx_cp_width, exactly as jx_str_width measures, so the
 * columns computed here agree with what the interface measures when it
 * draws.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/editbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/utf8.h"

/* Columns of context kept beside the cursor when a long line scrolls. */
#define SCROLL_CONTEXT_MAX 5

enum word_class { W_SEP, W_ALNUM, W_HAN };

/* ---- code points and grapheme boundaries ------------------------------ */

/* The code point at pos (< b->len); returns its length in bytes. The text
 * is always valid UTF-8, checked when it came in. */
static size_t
cp_at(const struct jx_editbuf *b, size_t pos, int32_t *cp)
{
	return (size_t)jx_utf8_decode(b->text + pos, b->len - pos, cp);
}

/* Start of the code point that ends at pos (> 0). */
static size_t
prev_cp(const struct jx_editbuf *b, size_t pos)
{
	do
		pos--;
	while (pos > 0 && ((unsigned char)b->text[pos] & 0xC0) == 0x80);
	return pos;
}

static int
bound_class(int32_t cp)
{
	return utf8proc_get_property(cp)->boundclass;
}

/*
 * True when there is a grapheme break between a and b whatever precedes a:
 * a is a plain character (no Prepend, Hangul jamo, regional indicator or
 * joiner that rules with state could extend) and b does not attach to it.
 * A line break always separates, so lines never share a cluster (not even
 * "\r\n": the cursor must be able to stand at the end of a line).
 */
static bool
certain_break(int32_t a, int32_t b)
{
	int ca, cb;

	if (a == '\n' || b == '\n')
		return true;
	ca = bound_class(a);
	cb = bound_class(b);
	if (ca == UTF8PROC_BOUNDCLASS_CONTROL)
		return true;
	if (ca != UTF8PROC_BOUNDCLASS_OTHER &&
	    ca != UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC)
		return false;
	return cb != UTF8PROC_BOUNDCLASS_EXTEND &&
	       cb != UTF8PROC_BOUNDCLASS_ZWJ &&
	       cb != UTF8PROC_BOUNDCLASS_SPACINGMARK &&
	       cb != UTF8PROC_BOUNDCLASS_E_MODIFIER;
}

/* utf8proc's break between consecutive code points, with '\n' always a
 * break. The state may restart after any break (utf8proc.h). */
static bool
breaks(int32_t a, int32_t b, int32_t *state)
{
	if (a == '\n' || b == '\n') {
		*state = 0;
		return true;
	}
	return utf8proc_grapheme_break_stateful(a, b, state);
}

/* The greatest position <= pos (< b->len) with a certain break before it
 * (0 counts as one). */
static size_t
anchor(const struct jx_editbuf *b, size_t pos)
{
	int32_t here, before;

	cp_at(b, pos, &here);
	while (pos > 0) {
		size_t q = prev_cp(b, pos);

		cp_at(b, q, &before);
		if (certain_break(before, here))
			break;
		here = before;
		pos = q;
	}
	return pos;
}

/*
 * Walks the clusters from `from`, a certain boundary, to past pos (>= from):
 * returns the first boundary after pos (b->len at the end) and stores the
 * last boundary at or before pos in *last.
 */
static size_t
walk(const struct jx_editbuf *b, size_t from, size_t pos, size_t *last)
{
	int32_t state = 0, prev, cp;
	size_t at = from;

	*last = from;
	if (at >= b->len)
		return b->len;
	at += cp_at(b, at, &prev);
	while (at < b->len) {
		size_t n = cp_at(b, at, &cp);

		if (breaks(prev, cp, &state)) {
			if (at > pos)
				return at;
			*last = at;
		}
		prev = cp;
		at += n;
	}
	return b->len;
}

/* The end of the cluster that starts at (or holds) pos < b->len. */
static size_t
next_boundary(const struct jx_editbuf *b, size_t pos)
{
	size_t last;

	return walk(b, anchor(b, pos), pos, &last);
}

/* The start of the cluster that ends at (or holds the byte before) pos. */
static size_t
prev_boundary(const struct jx_editbuf *b, size_t pos)
{
	size_t q = prev_cp(b, pos), last;

	walk(b, anchor(b, q), q, &last);
	return last;
}

static bool
is_boundary(const struct jx_editbuf *b, size_t pos)
{
	size_t last;

	if (pos == 0 || pos >= b->len)
		return true;
	walk(b, anchor(b, pos), pos, &last);
	return last == pos;
}

/* jx_cp_width, with the two commonest cases of this program's text
 * answered without a table look-up: printable ASCII and the CJK Unified
 * Ideographs block (never ambiguous). Columns are counted on every
 * keystroke over the whole cursor line, which may be very long. */
static size_t
cp_width(const struct jx_editbuf *b, int32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	return (size_t)jx_cp_width(cp, b->ambiguous_wide);
}

/* Display width of the bytes [s, e), as jx_str_width counts it. */
static size_t
width_of(const struct jx_editbuf *b, size_t s, size_t e)
{
	size_t w = 0;
	int32_t cp;

	while (s < e) {
		s += cp_at(b, s, &cp);
		w += cp_width(b, cp);
	}
	return w;
}

/* ---- lines and words --------------------------------------------------- */

static size_t
line_start(const struct jx_editbuf *b, size_t pos)
{
	while (pos > 0 && b->text[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t
line_end(const struct jx_editbuf *b, size_t pos)
{
	const char *nl = memchr(b->text + pos, '\n', b->len - pos);

	return nl != NULL ? (size_t)(nl - b->text) : b->len;
}

static bool
is_han(int32_t cp)
{
	return cp == 0x3005 || cp == 0x3007 ||          /* 々 〇 */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||        /* Ext. A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||        /* compatibility */
	       (cp >= 0x20000 && cp <= 0x3FFFF);        /* Ext. B and on */
}

/*
 * Words are runs of letters and digits, or runs of CJK ideographs: Chinese
 * has no spaces, so a run of ideographs between punctuation is as far as a
 * word move can sensibly go, and a change from ideographs to Latin letters
 * or digits ("使用率95") is a word boundary too. Everything else —
 * spaces, ASCII and full-width punctuation, symbols like ≥ and % — only
 * separates. A cluster is classed by its first code point.
 */
static enum word_class
class_at(const struct jx_editbuf *b, size_t pos)
{
	int32_t cp;

	cp_at(b, pos, &cp);
	if (is_han(cp))
		return W_HAN;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return W_ALNUM;
	default:
		return W_SEP;
	}
}

/* Where M-f from pos goes: past separators, then past one word. */
static size_t
word_end_after(const struct jx_editbuf *b, size_t pos)
{
	enum word_class k;

	while (pos < b->len && class_at(b, pos) == W_SEP)
		pos = next_boundary(b, pos);
	if (pos == b->len)
		return pos;
	k = class_at(b, pos);
	while (pos < b->len && class_at(b, pos) == k)
		pos = next_boundary(b, pos);
	return pos;
}

/* Where M-b from pos goes: back over separators, then to a word's start. */
static size_t
word_start_before(const struct jx_editbuf *b, size_t pos)
{
	enum word_class k = W_SEP;

	while (pos > 0) {
		size_t p = prev_boundary(b, pos);
		enum word_class c = class_at(b, p);

		if (c != k && k != W_SEP)
			break;
		if (c != W_SEP)
			k = c;
		pos = p;
	}
	return pos;
}

/*
 * The start of the cluster of the line [s, e) that covers display column
 * goal (counted from s), or e when the line is narrower. One pass with
 * utf8proc's state, as a line start is a certain boundary.
 */
static size_t
at_column(const struct jx_editbuf *b, size_t s, size_t e, size_t goal)
{
	size_t start = s, pos = s, col = 0, w = 0;
	int32_t state = 0, prev = 0, cp;

	while (pos < e) {
		size_t n = cp_at(b, pos, &cp);

		if (pos > start && breaks(prev, cp, &state)) {
			if (col + w > goal)
				return start;
			col += w;
			w = 0;
			start = pos;
		}
		w += cp_width(b, cp);
		prev = cp;
		pos += n;
	}
	return start < e && col + w > goal ? start : e;
}

/* ---- storage ------------------------------------------------------------ */

/* Room for `extra` more bytes and the NUL. */
static enum jx_status
reserve(struct jx_editbuf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > SIZE_MAX / 2 - b->len)
		return JX_NOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap && b->text != NULL)
		return JX_OK;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap *= 2;
	p = realloc(b->text, cap);
	if (p == NULL)
		return JX_NOMEM;
	b->text = p;
	b->cap = cap;
	return JX_OK;
}

/* Checks a whole text for init/set: valid UTF-8, and no newline unless
 * multi-line. */
static bool
acceptable_text(const char *text, size_t len, bool multiline)
{
	return jx_utf8_valid(text, len, NULL) &&
	       (multiline || memchr(text, '\n', len) == NULL);
}

/* Checks typed or yanked bytes: valid UTF-8 and nothing a field cannot
 * hold (C0 and C1 controls, DEL, NUL; '\n' only when multi-line). */
static bool
acceptable_input(const struct jx_editbuf *b, const char *s, size_t len)
{
	size_t pos = 0;
	int32_t cp;

	if (!jx_utf8_valid(s, len, NULL))
		return false;
	while (pos < len) {
		pos += (size_t)jx_utf8_decode(s + pos, len - pos, &cp);
		if (cp == '\t' || (cp == '\n' && b->multiline))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return false;
	}
	return true;
}

/* Removes [s, e) and puts the cursor at s, or at the start of the cluster
 * s now falls in (when what followed attaches to what preceded). */
static void
remove_range(struct jx_editbuf *b, size_t s, size_t e)
{
	memmove(b->text + s, b->text + e, b->len - e + 1);
	b->len -= e - s;
	b->cursor = s;
	if (!is_boundary(b, s))
		b->cursor = prev_boundary(b, s);
	b->changed = true;
}

/* Removes [s, e) and keeps it for yank. False when the range is empty (the
 * last kill is then kept) or there is no memory for the copy. */
static bool
kill_range(struct jx_editbuf *b, size_t s, size_t e)
{
	char *k;

	if (s >= e)
		return false;
	k = malloc(e - s + 1);
	if (k == NULL)
		return false;
	memcpy(k, b->text + s, e - s);
	k[e - s] = '\0';
	free(b->kill);
	b->kill = k;
	remove_range(b, s, e);
	return true;
}

/* ---- life cycle --------------------------------------------------------- */

enum jx_status
jx_editbuf_init(struct jx_editbuf *b, const char *text, bool multiline,
		bool ambiguous_wide)
{
	enum jx_status rc;

	memset(b, 0, sizeof *b);
	b->multiline = multiline;
	b->ambiguous_wide = ambiguous_wide;
	rc = reserve(b, 0);
	if (rc != JX_OK)
		return rc;
	b->text[0] = '\0';
	rc = jx_editbuf_set(b, text);
	b->changed = false;
	return rc;
}

void
jx_editbuf_free(struct jx_editbuf *b)
{
	free(b->text);
	free(b->kill);
	memset(b, 0, sizeof *b);
}

enum jx_status
jx_editbuf_set(struct jx_editbuf *b, const char *text)
{
	size_t len = text != NULL ? strlen(text) : 0;
	enum jx_status rc;

	if (!acceptable_text(text != NULL ? text : "", len, b->multiline))
		return JX_INVALID;
	/* Copy into a fresh buffer so that a failure keeps the old text. */
	if (len + 1 > b->cap || b->text == NULL) {
		struct jx_editbuf tmp = { 0 };

		rc = reserve(&tmp, len);
		if (rc != JX_OK)
			return rc;
		free(b->text);
		b->text = tmp.text;
		b->cap = tmp.cap;
	}
	if (len > 0)
		memmove(b->text, text, len);    /* text may be b->text */
	b->text[len] = '\0';
	b->len = len;
	b->cursor = len;
	b->has_goal = false;
	b->changed = true;
	return JX_OK;
}

/* ---- editing ------------------------------------------------------------ */

enum jx_status
jx_editbuf_insert(struct jx_editbuf *b, const char *s, size_t len)
{
	enum jx_status rc;

	b->has_goal = false;
	if (len == 0)
		return JX_OK;
	if (s == NULL || !acceptable_input(b, s, len))
		return JX_INVALID;
	rc = reserve(b, len);
	if (rc != JX_OK)
		return rc;
	memmove(b->text + b->cursor + len, b->text + b->cursor,
		b->len - b->cursor + 1);
	memcpy(b->text + b->cursor, s, len);
	b->len += len;
	b->cursor += len;
	/* Marks that followed the cursor now attach to what was typed. */
	if (!is_boundary(b, b->cursor))
		b->cursor = next_boundary(b, b->cursor);
	b->changed = true;
	return JX_OK;
}

bool
jx_editbuf_delete(struct jx_editbuf *b)
{
	b->has_goal = false;
	if (b->cursor >= b->len)
		return false;
	remove_range(b, b->cursor, next_boundary(b, b->cursor));
	return true;
}

bool
jx_editbuf_backspace(struct jx_editbuf *b)
{
	b->has_goal = false;
	if (b->cursor == 0)
		return false;
	remove_range(b, prev_boundary(b, b->cursor), b->cursor);
	return true;
}

bool
jx_editbuf_kill_end(struct jx_editbuf *b)
{
	size_t e = line_end(b, b->cursor);

	b->has_goal = false;
	if (e == b->cursor && e < b->len)
		e++;                    /* at the end of a line: its newline */
	return kill_range(b, b->cursor, e);
}

bool
jx_editbuf_kill_start(struct jx_editbuf *b)
{
	b->has_goal = false;
	return kill_range(b, line_start(b, b->cursor), b->cursor);
}

bool
jx_editbuf_kill_word(struct jx_editbuf *b)
{
	b->has_goal = false;
	return kill_range(b, word_start_before(b, b->cursor), b->cursor);
}

bool
jx_editbuf_yank(struct jx_editbuf *b)
{
	b->has_goal = false;
	if (b->kill == NULL || b->kill[0] == '\0')
		return false;
	return jx_editbuf_insert(b, b->kill, strlen(b->kill)) == JX_OK;
}

/* ---- moves -------------------------------------------------------------- */

/* Puts the cursor at pos; false when it was there already. */
static bool
move_to(struct jx_editbuf *b, size_t pos)
{
	bool moved = pos != b->cursor;

	b->cursor = pos;
	b->has_goal = false;
	return moved;
}

bool
jx_editbuf_left(struct jx_editbuf *b)
{
	return move_to(b, b->cursor > 0 ? prev_boundary(b, b->cursor) : 0);
}

bool
jx_editbuf_right(struct jx_editbuf *b)
{
	return move_to(b, b->cursor < b->len ? next_boundary(b, b->cursor)
					     : b->len);
}

bool
jx_editbuf_home(struct jx_editbuf *b)
{
	return move_to(b, line_start(b, b->cursor));
}

bool
jx_editbuf_end(struct jx_editbuf *b)
{
	return move_to(b, line_end(b, b->cursor));
}

bool
jx_editbuf_word_left(struct jx_editbuf *b)
{
	return move_to(b, word_start_before(b, b->cursor));
}

bool
jx_editbuf_word_right(struct jx_editbuf *b)
{
	return move_to(b, word_end_after(b, b->cursor));
}

bool
jx_editbuf_start(struct jx_editbuf *b)
{
	return move_to(b, 0);
}

bool
jx_editbuf_finish(struct jx_editbuf *b)
{
	return move_to(b, b->len);
}

/* The goal column of a run of up/down moves: where the first one started,
 * so that passing a short line does not lose the column. */
static size_t
goal(struct jx_editbuf *b)
{
	if (!b->has_goal) {
		b->goal_col = width_of(b, line_start(b, b->cursor), b->cursor);
		b->has_goal = true;
	}
	return b->goal_col;
}

bool
jx_editbuf_up(struct jx_editbuf *b)
{
	size_t s = line_start(b, b->cursor), ps;

	if (!b->multiline || s == 0)
		return false;
	ps = line_start(b, s - 1);
	b->cursor = at_column(b, ps, s - 1, goal(b));
	return true;
}

bool
jx_editbuf_down(struct jx_editbuf *b)
{
	size_t e = line_end(b, b->cursor);

	if (!b->multiline || e == b->len)
		return false;
	goal(b);
	b->cursor = at_column(b, e + 1, line_end(b, e + 1), b->goal_col);
	return true;
}

/* ---- geometry ----------------------------------------------------------- */

size_t
jx_editbuf_lines(const struct jx_editbuf *b)
{
	size_t n = 1, pos = 0;
	const char *nl;

	while ((nl = memchr(b->text + pos, '\n', b->len - pos)) != NULL) {
		n++;
		pos = (size_t)(nl - b->text) + 1;
	}
	return n;
}

void
jx_editbuf_line(const struct jx_editbuf *b, size_t n, size_t *start,
		size_t *end)
{
	size_t pos = 0;

	while (n > 0 && pos < b->len) {
		pos = line_end(b, pos);
		if (pos < b->len)
			pos++;
		else
			break;
		n--;
	}
	if (n > 0) {                    /* past the last line: empty */
		*start = *end = b->len;
		return;
	}
	*start = pos;
	*end = line_end(b, pos);
}

void
jx_editbuf_cursor_pos(const struct jx_editbuf *b, size_t *line, size_t *col)
{
	size_t s = line_start(b, b->cursor), n = 0, pos = 0;
	const char *nl;

	while (pos < s &&
	       (nl = memchr(b->text + pos, '\n', s - pos)) != NULL) {
		n++;
		pos = (size_t)(nl - b->text) + 1;
	}
	*line = n;
	*col = width_of(b, s, b->cursor);
}

/* Context beside the cursor for a window `width` wide and a cursor cell
 * `cw` wide: a fifth of the window, at most SCROLL_CONTEXT_MAX, and small
 * enough that context on both sides and the cursor fit, with a column to
 * spare for a wide character cut by the left edge. */
static size_t
scroll_context(size_t width, size_t cw)
{
	size_t ctx = width / 5;

	if (ctx > SCROLL_CONTEXT_MAX)
		ctx = SCROLL_CONTEXT_MAX;
	while (ctx > 0 && 2 * ctx + cw + 1 > width)
		ctx--;
	return ctx;
}

/* Width of [s, e), counting no further than just past cap. */
static size_t
width_upto(const struct jx_editbuf *b, size_t s, size_t e, size_t cap)
{
	size_t w = 0;
	int32_t cp;

	while (s < e && w <= cap) {
		s += cp_at(b, s, &cp);
		w += cp_width(b, cp);
	}
	return w;
}

/*
 * Moves the window only when the cursor (with its context) leaves it, by
 * as little as brings it back; never leaves blank columns at the right
 * while text is hidden at the left. Then starts the window on a cluster
 * boundary: a wide character the left edge would cut is shown whole when
 * the window moved left (so the context is not lost), else left out.
 * Only the cursor's column needs the line from its start; the rest looks
 * no further than a window's width around the cursor.
 */
size_t
jx_editbuf_scroll(const struct jx_editbuf *b, size_t width,
		  size_t *first_col)
{
	size_t s = line_start(b, b->cursor), e = line_end(b, b->cursor);
	size_t col = width_of(b, s, b->cursor), cw = 1, total, ctx;
	size_t first = *first_col, pos, at;
	bool left = false;

	if (b->cursor < e) {
		cw = width_of(b, b->cursor, next_boundary(b, b->cursor));
		if (cw == 0)
			cw = 1;
	}
	/* The line and a cell for the cursor after its last character (only
	 * exact while it matters: up to a window past the cursor). */
	total = col + width_upto(b, b->cursor, e, width) + 1;
	ctx = scroll_context(width, cw);
	if (col < first + ctx) {
		first = col > ctx ? col - ctx : 0;
		left = true;
	} else if (col + cw + ctx > first + width) {
		first = col + cw + ctx - width;
	}
	if (total <= width)
		first = 0;
	else if (first > total - width)
		first = total - width;
	if (first > col)                /* a window narrower than the cursor */
		first = col;

	/* Back from the cursor to the first cluster at or after `first`, or
	 * to the one covering it. */
	pos = b->cursor;
	at = col;
	while (pos > s && at > first) {
		size_t q = prev_boundary(b, pos);
		size_t w = width_of(b, q, pos);

		if (at - w < first && !left)
			break;
		at -= w;
		pos = q;
	}
	*first_col = at;
	return pos;
}
