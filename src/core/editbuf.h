/*
 * editbuf.h — the text being typed into one field: a UTF-8 buffer with a
 * cursor, and the Emacs-style moves and kills of a line editor.
 *
 * No curses here: the interface turns keys into these calls and draws what
 * jx_editbuf_line/jx_editbuf_scroll say. The cursor is a byte offset that
 * always sits on a grapheme-cluster boundary, so it moves by what a reader
 * sees as one character (a CJK ideograph, a letter with its combining
 * marks), and it is placed on screen by display column (a CJK character is
 * two columns wide).
 *
 * A single-line buffer refuses newlines; a multi-line buffer holds lines
 * separated by '\n' and moves between them by display column.
 */
#ifndef JX_CORE_EDITBUF_H
#define JX_CORE_EDITBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct jx_editbuf {
	char *text;          /* NUL-terminated UTF-8, owned */
	size_t len, cap;
	size_t cursor;       /* byte offset, on a grapheme boundary */
	bool multiline;
	bool ambiguous_wide; /* width of East Asian Ambiguous characters */
	size_t goal_col;     /* wanted display column for up/down */
	bool has_goal;
	char *kill;          /* the last killed text (for yank), owned */
	bool changed;        /* set by every edit, cleared by the caller */
};

/* Starts with a copy of text (NULL is ""), cursor at the end.
 * JX_INVALID when text is not valid UTF-8 or a single-line text holds a
 * newline (the buffer is then empty); JX_NOMEM. Other control characters
 * are accepted here (a text read from a file may hold them, and a form must
 * show what is stored); only typing them in is refused. */
enum jx_status jx_editbuf_init(struct jx_editbuf *b, const char *text,
			       bool multiline, bool ambiguous_wide);
void jx_editbuf_free(struct jx_editbuf *b);
/* Replaces the whole text (cursor at the end; sets changed, keeps the
 * kill); same checks as init, and on failure the buffer keeps its old
 * text. */
enum jx_status jx_editbuf_set(struct jx_editbuf *b, const char *text);

/* Inserts len bytes at the cursor and moves after them (and after any
 * combining marks of the text that now attach to them). Refused with
 * JX_INVALID, changing nothing, when they are not valid UTF-8, or hold a
 * newline in a single-line buffer, or a control character other than
 * '\n' and '\t'. */
enum jx_status jx_editbuf_insert(struct jx_editbuf *b, const char *s,
				 size_t len);

/* Moves. Each returns false when the cursor could not move. A word is a
 * run of letters and digits or a run of CJK ideographs (so 项目abc is
 * three words); spaces and punctuation (full-width too) separate words. */
bool jx_editbuf_left(struct jx_editbuf *b);      /* C-b, Left */
bool jx_editbuf_right(struct jx_editbuf *b);     /* C-f, Right */
bool jx_editbuf_home(struct jx_editbuf *b);      /* C-a: start of line */
bool jx_editbuf_end(struct jx_editbuf *b);       /* C-e: end of line */
bool jx_editbuf_word_left(struct jx_editbuf *b); /* M-b */
bool jx_editbuf_word_right(struct jx_editbuf *b);/* M-f */
bool jx_editbuf_up(struct jx_editbuf *b);        /* multi-line only */
bool jx_editbuf_down(struct jx_editbuf *b);
bool jx_editbuf_start(struct jx_editbuf *b);     /* whole text */
bool jx_editbuf_finish(struct jx_editbuf *b);

/* Deletions, by grapheme cluster. Kills (C-k, C-u, C-w) keep what they
 * removed for yank. Each returns false when there was nothing to remove. */
bool jx_editbuf_delete(struct jx_editbuf *b);    /* C-d, Delete */
bool jx_editbuf_backspace(struct jx_editbuf *b); /* Backspace */
bool jx_editbuf_kill_end(struct jx_editbuf *b);  /* C-k: to end of line,
						    or the newline there */
bool jx_editbuf_kill_start(struct jx_editbuf *b);/* C-u: to line start */
bool jx_editbuf_kill_word(struct jx_editbuf *b); /* C-w: word before */
bool jx_editbuf_yank(struct jx_editbuf *b);      /* C-y */

/* Geometry for drawing. Lines are counted from 0. */
size_t jx_editbuf_lines(const struct jx_editbuf *b);
/* Line n as a byte range [*start, *end) of b->text (without its '\n'). */
void jx_editbuf_line(const struct jx_editbuf *b, size_t n, size_t *start,
		     size_t *end);
/* The cursor's line and its display column within that line. */
void jx_editbuf_cursor_pos(const struct jx_editbuf *b, size_t *line,
			   size_t *col);
/*
 * Horizontal scrolling of the cursor's line in a window `width` columns
 * wide: *first_col is the first display column shown (kept from the last
 * call so the view does not jump), adjusted so the cursor is visible with a
 * little context. Returns the byte offset in b->text to draw the line from:
 * the first grapheme starting at or after that column, whose column is then
 * stored in *first_col.
 */
size_t jx_editbuf_scroll(const struct jx_editbuf *b, size_t width,
			 size_t *first_col);

#endif
