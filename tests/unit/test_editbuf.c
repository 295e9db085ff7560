/*
 * test_editbuf.c — unit tests for core/editbuf.c, the line editor's text:
 * moves by grapheme cluster over Chinese text, combining marks, flags and
 * emoji sequences; display columns of wide and ambiguous characters; word
 * moves over mixed ideographs, Latin, digits and full-width punctuation;
 * kills and yank; up/down keeping a goal column in multi-line text;
 * horizontal scrolling of a long line at widths 10 and 80; refused input;
 * and a 100 000-character text.
 *
 * Texts are written with '|' where the cursor is: check(&b, "资金|使用率")
 * asserts both the text and the cursor.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/editbuf.h"
#include "core/utf8.h"

#define ACUTE "\xCC\x81"        /* U+0301 COMBINING ACUTE ACCENT */
#define DOT_BELOW "\xCC\xA3"    /* U+0323 COMBINING DOT BELOW */
#define DIAERESIS "\xCC\x88"    /* U+0308 COMBINING DIAERESIS */
#define FLAG_CN "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3"   /* 🇨🇳 */
#define FLAG_US "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8"   /* 🇺🇸 */
/* 👨‍👩‍👧: man, ZWJ, woman, ZWJ, girl — one cluster */
#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D" \
	       "\xF0\x9F\x91\xA7"

#define RATE "资金使用率≥95%"   /* 14 columns, 15 with ≥ wide */

/* ---- helpers ------------------------------------------------------------ */

/* Starts b with `marked`, the cursor where its '|' is. */
static void
load(struct jx_editbuf *b, const char *marked, bool multiline, bool amb)
{
	const char *bar = strchr(marked, '|');
	size_t at = (size_t)(bar - marked), len = strlen(marked);
	char *text = malloc(len);

	assert_non_null(bar);
	assert_non_null(text);
	memcpy(text, marked, at);
	memcpy(text + at, bar + 1, len - at);      /* with the NUL */
	assert_int_equal(jx_editbuf_init(b, text, multiline, amb), JX_OK);
	b->cursor = at;
	free(text);
}

/* The buffer written back with a '|' at the cursor, compared with want. */
static void
check_at(const struct jx_editbuf *b, const char *want, const char *file,
	 int line)
{
	char got[1024];

	assert_true(b->len + 2 <= sizeof got);
	assert_int_equal(strlen(b->text), b->len);
	assert_true(b->cursor <= b->len);
	memcpy(got, b->text, b->cursor);
	got[b->cursor] = '|';
	memcpy(got + b->cursor + 1, b->text + b->cursor,
	       b->len - b->cursor + 1);
	_assert_string_equal(got, want, file, line);
}

#define check(b, want) check_at((b), (want), __FILE__, __LINE__)

static size_t
cursor_col(const struct jx_editbuf *b)
{
	size_t line, col;

	jx_editbuf_cursor_pos(b, &line, &col);
	return col;
}

static size_t
cursor_line(const struct jx_editbuf *b)
{
	size_t line, col;

	jx_editbuf_cursor_pos(b, &line, &col);
	return line;
}

/* ---- life cycle --------------------------------------------------------- */

static void
init_and_set(void **state)
{
	struct jx_editbuf b;

	(void)state;
	assert_int_equal(jx_editbuf_init(&b, RATE, false, false), JX_OK);
	check(&b, RATE "|");
	assert_false(b.changed);
	assert_int_equal(cursor_col(&b), 14);
	assert_int_equal(jx_editbuf_set(&b, "项目"), JX_OK);
	check(&b, "项目|");
	assert_true(b.changed);
	/* Refused: the old text stays. */
	assert_int_equal(jx_editbuf_set(&b, "\xE8\xB5"), JX_INVALID);
	assert_int_equal(jx_editbuf_set(&b, "第一行\n第二行"), JX_INVALID);
	check(&b, "项目|");
	assert_int_equal(jx_editbuf_set(&b, NULL), JX_OK);
	check(&b, "|");
	jx_editbuf_free(&b);

	/* A refused init leaves a usable empty buffer. */
	assert_int_equal(jx_editbuf_init(&b, "资\xE9\x87", false, false),
			 JX_INVALID);
	check(&b, "|");
	assert_int_equal(jx_editbuf_insert(&b, "金", strlen("金")), JX_OK);
	check(&b, "金|");
	jx_editbuf_free(&b);
	assert_int_equal(jx_editbuf_init(&b, "a\nb", false, false),
			 JX_INVALID);
	check(&b, "|");
	jx_editbuf_free(&b);

	assert_int_equal(jx_editbuf_init(&b, "第一行\n第二行", true, false),
			 JX_OK);
	check(&b, "第一行\n第二行|");
	assert_int_equal(jx_editbuf_lines(&b), 2);
	jx_editbuf_free(&b);
	assert_int_equal(jx_editbuf_init(&b, NULL, true, false), JX_OK);
	check(&b, "|");
	assert_int_equal(jx_editbuf_lines(&b), 1);
	jx_editbuf_free(&b);
}

/* ---- moves by character ------------------------------------------------- */

static void
left_right_by_character(void **state)
{
	static const char *const steps[] = {
		"资金使用率≥95|%", "资金使用率≥9|5%", "资金使用率≥|95%",
		"资金使用率|≥95%", "资金使用|率≥95%", "资金使|用率≥95%",
		"资金|使用率≥95%", "资|金使用率≥95%", "|资金使用率≥95%",
	};
	static const size_t cols[] = { 13, 12, 11, 10, 8, 6, 4, 2, 0 };
	struct jx_editbuf b;
	size_t i;

	(void)state;
	assert_int_equal(jx_editbuf_init(&b, RATE, false, false), JX_OK);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		assert_true(jx_editbuf_left(&b));
		check(&b, steps[i]);
		assert_int_equal(cursor_col(&b), cols[i]);
	}
	assert_false(jx_editbuf_left(&b));
	check(&b, "|" RATE);
	for (i = sizeof steps / sizeof steps[0] - 1; i-- > 0;) {
		assert_true(jx_editbuf_right(&b));
		check(&b, steps[i]);
	}
	assert_true(jx_editbuf_right(&b));
	assert_false(jx_editbuf_right(&b));
	check(&b, RATE "|");
	assert_false(b.changed);        /* moves are not edits */
	jx_editbuf_free(&b);
}

static void
columns_of_wide_and_ambiguous(void **state)
{
	struct jx_editbuf b;

	(void)state;
	/* ≥ is East Asian Ambiguous: one column, or two when drawn wide. */
	load(&b, "资金使用率≥|95%", false, false);
	assert_int_equal(cursor_col(&b), 11);
	jx_editbuf_free(&b);
	load(&b, "资金使用率≥|95%", false, true);
	assert_int_equal(cursor_col(&b), 12);
	assert_true(jx_editbuf_end(&b));
	assert_int_equal(cursor_col(&b), 15);
	jx_editbuf_free(&b);
	/* Full-width ％ and ，are two columns either way. */
	load(&b, "95％，|", false, false);
	assert_int_equal(cursor_col(&b), 6);
	jx_editbuf_free(&b);
	/* A second line counts from its own start. */
	load(&b, "资金\n使用|率", true, false);
	assert_int_equal(cursor_line(&b), 1);
	assert_int_equal(cursor_col(&b), 4);
	jx_editbuf_free(&b);
}

/* Every printable ASCII character and every ideograph of the CJK Unified
 * block: the cursor column at the end is the width jx_str_width gives,
 * with and without wide ambiguous characters. */
static void
columns_agree_with_str_width(void **state)
{
	char *text = malloc(0x5200 * 3 + 0x60 + 1), *q = text;
	struct jx_editbuf b;
	int32_t cp;
	int amb;

	(void)state;
	assert_non_null(text);
	for (cp = 0x20; cp < 0x7F; cp++)
		*q++ = (char)cp;
	for (cp = 0x4E00; cp <= 0x9FFF; cp++) {
		*q++ = (char)(0xE0 | (cp >> 12));
		*q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*q++ = (char)(0x80 | (cp & 0x3F));
	}
	*q = '\0';
	for (amb = 0; amb <= 1; amb++) {
		assert_int_equal(jx_editbuf_init(&b, text, false, amb), JX_OK);
		assert_int_equal(cursor_col(&b), jx_str_width(text, amb));
		assert_int_equal(cursor_col(&b), 0x5F + 2 * 0x5200);
		jx_editbuf_free(&b);
	}
	free(text);
}

static void
combining_marks_move_with_their_base(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "Ae" ACUTE DOT_BELOW "x|", false, false);
	assert_true(jx_editbuf_left(&b));
	check(&b, "Ae" ACUTE DOT_BELOW "|x");
	assert_int_equal(cursor_col(&b), 2);
	assert_true(jx_editbuf_left(&b));
	check(&b, "A|e" ACUTE DOT_BELOW "x");
	assert_true(jx_editbuf_right(&b));
	check(&b, "Ae" ACUTE DOT_BELOW "|x");
	assert_true(jx_editbuf_backspace(&b));         /* the whole cluster */
	check(&b, "A|x");
	jx_editbuf_free(&b);

	load(&b, "A|e" ACUTE DOT_BELOW "x", false, false);
	assert_true(jx_editbuf_delete(&b));
	check(&b, "A|x");
	jx_editbuf_free(&b);

	/* An ideograph with a mark is one two-column character. */
	load(&b, "|资" DIAERESIS "金", false, false);
	assert_true(jx_editbuf_right(&b));
	check(&b, "资" DIAERESIS "|金");
	assert_int_equal(cursor_col(&b), 2);
	jx_editbuf_free(&b);

	/* A mark typed after a letter joins it; the cursor stays after both. */
	load(&b, "cafe|", false, false);
	assert_int_equal(jx_editbuf_insert(&b, ACUTE, 2), JX_OK);
	check(&b, "cafe" ACUTE "|");
	assert_true(jx_editbuf_left(&b));
	check(&b, "caf|e" ACUTE);
	jx_editbuf_free(&b);

	/* A letter typed before a lone mark takes it: the cursor goes past. */
	load(&b, "|" ACUTE "bc", false, false);
	assert_int_equal(jx_editbuf_insert(&b, "a", 1), JX_OK);
	check(&b, "a" ACUTE "|bc");
	jx_editbuf_free(&b);

	/* Deleting what kept a mark apart lands on the start of the new
	 * cluster, not inside it. */
	load(&b, "e|\t" ACUTE, false, false);
	assert_true(jx_editbuf_delete(&b));
	check(&b, "|e" ACUTE);
	jx_editbuf_free(&b);
}

static void
flags_and_emoji_sequences(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, FLAG_CN FLAG_US "|", false, false);
	assert_true(jx_editbuf_left(&b));
	check(&b, FLAG_CN "|" FLAG_US);
	assert_true(jx_editbuf_left(&b));
	check(&b, "|" FLAG_CN FLAG_US);
	assert_true(jx_editbuf_right(&b));
	check(&b, FLAG_CN "|" FLAG_US);
	assert_true(jx_editbuf_delete(&b));
	check(&b, FLAG_CN "|");
	jx_editbuf_free(&b);

	load(&b, "a|" FAMILY "b", false, false);
	assert_true(jx_editbuf_right(&b));
	check(&b, "a" FAMILY "|b");
	assert_true(jx_editbuf_left(&b));
	check(&b, "a|" FAMILY "b");
	assert_true(jx_editbuf_delete(&b));
	check(&b, "a|b");
	jx_editbuf_free(&b);
}

static void
line_moves(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "第一行\n资金|使用率\nabc", true, false);
	assert_true(jx_editbuf_home(&b));
	check(&b, "第一行\n|资金使用率\nabc");
	assert_false(jx_editbuf_home(&b));
	assert_true(jx_editbuf_end(&b));
	check(&b, "第一行\n资金使用率|\nabc");
	assert_false(jx_editbuf_end(&b));
	assert_true(jx_editbuf_right(&b));      /* over the line break */
	check(&b, "第一行\n资金使用率\n|abc");
	assert_true(jx_editbuf_left(&b));
	check(&b, "第一行\n资金使用率|\nabc");
	assert_true(jx_editbuf_start(&b));
	check(&b, "|第一行\n资金使用率\nabc");
	assert_false(jx_editbuf_start(&b));
	assert_true(jx_editbuf_finish(&b));
	check(&b, "第一行\n资金使用率\nabc|");
	assert_false(jx_editbuf_finish(&b));
	jx_editbuf_free(&b);
}

/* ---- words ------------------------------------------------------------- */

static void
word_moves_over_mixed_text(void **state)
{
	static const char *const forward[] = {
		"资金使用率|≥95%，项目abc完成。",
		"资金使用率≥95|%，项目abc完成。",
		"资金使用率≥95%，项目|abc完成。",
		"资金使用率≥95%，项目abc|完成。",
		"资金使用率≥95%，项目abc完成|。",
		"资金使用率≥95%，项目abc完成。|",
	};
	static const char *const backward[] = {
		"资金使用率≥95%，项目abc|完成。",
		"资金使用率≥95%，项目|abc完成。",
		"资金使用率≥95%，|项目abc完成。",
		"资金使用率≥|95%，项目abc完成。",
		"|资金使用率≥95%，项目abc完成。",
	};
	struct jx_editbuf b;
	size_t i;

	(void)state;
	load(&b, "|资金使用率≥95%，项目abc完成。", false, false);
	for (i = 0; i < sizeof forward / sizeof forward[0]; i++) {
		assert_true(jx_editbuf_word_right(&b));
		check(&b, forward[i]);
	}
	assert_false(jx_editbuf_word_right(&b));
	for (i = 0; i < sizeof backward / sizeof backward[0]; i++) {
		assert_true(jx_editbuf_word_left(&b));
		check(&b, backward[i]);
	}
	assert_false(jx_editbuf_word_left(&b));
	jx_editbuf_free(&b);
}

static void
word_moves_over_full_width_punctuation(void **state)
{
	static const char *const forward[] = {
		"（一|）预算执行率：１００％ of　plan",
		"（一）预算执行率|：１００％ of　plan",
		"（一）预算执行率：１００|％ of　plan",
		"（一）预算执行率：１００％ of|　plan",
		"（一）预算执行率：１００％ of　plan|",
	};
	static const char *const backward[] = {
		"（一）预算执行率：１００％ of　|plan",
		"（一）预算执行率：１００％ |of　plan",
		"（一）预算执行率：|１００％ of　plan",
		"（一）|预算执行率：１００％ of　plan",
		"（|一）预算执行率：１００％ of　plan",
		"|（一）预算执行率：１００％ of　plan",
	};
	struct jx_editbuf b;
	size_t i;

	(void)state;
	load(&b, "|（一）预算执行率：１００％ of　plan", false, false);
	for (i = 0; i < sizeof forward / sizeof forward[0]; i++) {
		assert_true(jx_editbuf_word_right(&b));
		check(&b, forward[i]);
	}
	for (i = 0; i < sizeof backward / sizeof backward[0]; i++) {
		assert_true(jx_editbuf_word_left(&b));
		check(&b, backward[i]);
	}
	jx_editbuf_free(&b);

	/* Line breaks separate words too, and word moves cross them. */
	load(&b, "|第一\n  第二", true, false);
	assert_true(jx_editbuf_word_right(&b));
	check(&b, "第一|\n  第二");
	assert_true(jx_editbuf_word_right(&b));
	check(&b, "第一\n  第二|");
	assert_true(jx_editbuf_word_left(&b));
	check(&b, "第一\n  |第二");
	assert_true(jx_editbuf_word_left(&b));
	check(&b, "|第一\n  第二");
	jx_editbuf_free(&b);

	/* Accented words stay whole. */
	load(&b, "|café" ACUTE " ok", false, false);
	assert_true(jx_editbuf_word_right(&b));
	check(&b, "café" ACUTE "| ok");
	jx_editbuf_free(&b);
}

/* ---- deletions, kills and yank ---------------------------------------- */

static void
delete_and_backspace(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "资金|使用率", false, false);
	assert_true(jx_editbuf_delete(&b));
	check(&b, "资金|用率");
	assert_true(b.changed);
	assert_true(jx_editbuf_backspace(&b));
	check(&b, "资|用率");
	assert_true(jx_editbuf_backspace(&b));
	assert_false(jx_editbuf_backspace(&b));
	check(&b, "|用率");
	assert_true(jx_editbuf_end(&b));
	assert_false(jx_editbuf_delete(&b));
	jx_editbuf_free(&b);

	/* Backspace at a line start joins the lines. */
	load(&b, "资金\n|使用", true, false);
	assert_true(jx_editbuf_backspace(&b));
	check(&b, "资金|使用");
	assert_int_equal(jx_editbuf_lines(&b), 1);
	jx_editbuf_free(&b);
}

static void
kills_and_yank(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "资金使用|率≥95%", false, false);
	assert_false(jx_editbuf_yank(&b));      /* nothing killed yet */
	assert_true(jx_editbuf_kill_end(&b));   /* C-k */
	check(&b, "资金使用|");
	assert_string_equal(b.kill, "率≥95%");
	assert_false(jx_editbuf_kill_end(&b));
	assert_string_equal(b.kill, "率≥95%");  /* an empty kill keeps it */
	assert_true(jx_editbuf_yank(&b));       /* C-y */
	check(&b, "资金使用率≥95%|");
	assert_true(jx_editbuf_home(&b));
	assert_true(jx_editbuf_yank(&b));
	check(&b, "率≥95%|资金使用率≥95%");
	jx_editbuf_free(&b);

	load(&b, "资金使用|率≥95%", false, false);
	assert_true(jx_editbuf_kill_start(&b)); /* C-u */
	check(&b, "|率≥95%");
	assert_string_equal(b.kill, "资金使用");
	assert_false(jx_editbuf_kill_start(&b));
	assert_true(jx_editbuf_end(&b));
	assert_true(jx_editbuf_yank(&b));
	check(&b, "率≥95%资金使用|");
	jx_editbuf_free(&b);

	load(&b, "资金使用率≥95|%", false, false);
	assert_true(jx_editbuf_kill_word(&b));  /* C-w */
	check(&b, "资金使用率≥|%");
	assert_string_equal(b.kill, "95");
	assert_true(jx_editbuf_kill_word(&b));
	check(&b, "|%");
	assert_string_equal(b.kill, "资金使用率≥");
	assert_false(jx_editbuf_kill_word(&b));
	assert_true(jx_editbuf_yank(&b));
	check(&b, "资金使用率≥|%");
	jx_editbuf_free(&b);
}

static void
kills_in_multiline_text(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "第一|行\n第二行\n第三行", true, false);
	assert_true(jx_editbuf_kill_end(&b));
	check(&b, "第一|\n第二行\n第三行");
	assert_string_equal(b.kill, "行");
	assert_true(jx_editbuf_kill_end(&b));   /* at the end: the newline */
	check(&b, "第一|第二行\n第三行");
	assert_string_equal(b.kill, "\n");
	assert_true(jx_editbuf_down(&b));
	check(&b, "第一第二行\n第三|行");
	assert_true(jx_editbuf_kill_start(&b)); /* to the line start only */
	check(&b, "第一第二行\n|行");
	assert_string_equal(b.kill, "第三");
	assert_true(jx_editbuf_finish(&b));
	assert_false(jx_editbuf_kill_end(&b));  /* nothing after the end */
	jx_editbuf_free(&b);

	/* A killed line break cannot be yanked into a one-line field. */
	load(&b, "ab|\ncd", true, false);
	assert_true(jx_editbuf_kill_end(&b));
	b.multiline = false;
	b.changed = false;
	assert_false(jx_editbuf_yank(&b));
	check(&b, "ab|cd");
	assert_false(b.changed);
	jx_editbuf_free(&b);
}

/* ---- up and down -------------------------------------------------------- */

#define L0 "资金使用率≥95%"
#define L1 "ab"
#define L2 "项目完成情况良好"

static void
up_down_keep_the_goal_column(void **state)
{
	struct jx_editbuf b;

	(void)state;
	load(&b, "资金使用率≥|95%\n" L1 "\n" L2, true, false);
	assert_int_equal(cursor_col(&b), 11);
	assert_true(jx_editbuf_down(&b));       /* a short line: its end */
	check(&b, L0 "\nab|\n" L2);
	assert_true(jx_editbuf_down(&b));       /* column 11 is inside 况 */
	check(&b, L0 "\n" L1 "\n项目完成情|况良好");
	assert_int_equal(cursor_col(&b), 10);
	assert_false(jx_editbuf_down(&b));      /* the last line */
	check(&b, L0 "\n" L1 "\n项目完成情|况良好");
	assert_true(jx_editbuf_up(&b));
	assert_true(jx_editbuf_up(&b));         /* back to column 11 */
	check(&b, "资金使用率≥|95%\n" L1 "\n" L2);
	assert_false(jx_editbuf_up(&b));
	/* A sideways move sets a new goal. */
	assert_true(jx_editbuf_right(&b));
	assert_true(jx_editbuf_down(&b));
	assert_true(jx_editbuf_down(&b));
	check(&b, L0 "\n" L1 "\n项目完成情况|良好");
	assert_int_equal(cursor_line(&b), 2);
	assert_int_equal(cursor_col(&b), 12);
	/* So does an edit. */
	assert_int_equal(jx_editbuf_insert(&b, "x", 1), JX_OK);
	assert_true(jx_editbuf_up(&b));
	assert_true(jx_editbuf_up(&b));
	check(&b, "资金使用率≥95|%\n" L1 "\n项目完成情况x良好");
	jx_editbuf_free(&b);

	/* With ≥ drawn wide, 9 is at column 12, right above 良. */
	load(&b, "资金使用率≥|95%\n" L1 "\n" L2, true, true);
	assert_true(jx_editbuf_down(&b));
	assert_true(jx_editbuf_down(&b));
	check(&b, L0 "\n" L1 "\n项目完成情况|良好");
	jx_editbuf_free(&b);

	/* Empty lines and a trailing newline. */
	load(&b, "资|金\n\n", true, false);
	assert_true(jx_editbuf_down(&b));
	check(&b, "资金\n|\n");
	assert_true(jx_editbuf_down(&b));
	check(&b, "资金\n\n|");
	assert_true(jx_editbuf_up(&b));
	assert_true(jx_editbuf_up(&b));
	check(&b, "资|金\n\n");
	jx_editbuf_free(&b);

	/* A one-line buffer has no up or down. */
	load(&b, "资金|使用", false, false);
	assert_false(jx_editbuf_up(&b));
	assert_false(jx_editbuf_down(&b));
	check(&b, "资金|使用");
	jx_editbuf_free(&b);
}

static void
lines_as_byte_ranges(void **state)
{
	struct jx_editbuf b;
	size_t s, e;

	(void)state;
	assert_int_equal(jx_editbuf_init(&b, "资金\n\n使用率\n", true, false),
			 JX_OK);
	assert_int_equal(jx_editbuf_lines(&b), 4);
	jx_editbuf_line(&b, 0, &s, &e);
	assert_int_equal(s, 0);
	assert_int_equal(e, 6);
	jx_editbuf_line(&b, 1, &s, &e);
	assert_int_equal(s, 7);
	assert_int_equal(e, 7);
	jx_editbuf_line(&b, 2, &s, &e);
	assert_int_equal(s, 8);
	assert_int_equal(e, 17);
	jx_editbuf_line(&b, 3, &s, &e);
	assert_int_equal(s, 18);
	assert_int_equal(e, 18);
	jx_editbuf_line(&b, 4, &s, &e);         /* past the end: empty */
	assert_int_equal(s, b.len);
	assert_int_equal(e, b.len);
	assert_int_equal(cursor_line(&b), 3);
	assert_int_equal(cursor_col(&b), 0);
	jx_editbuf_free(&b);
}

/* ---- horizontal scroll ------------------------------------------------- */

/* Width of the cluster at the cursor, 1 at the end of the line. */
static size_t
cursor_cell(struct jx_editbuf *b)
{
	size_t at = b->cursor, line, col, w;

	if (at == b->len || b->text[at] == '\n')
		return 1;
	jx_editbuf_cursor_pos(b, &line, &col);
	jx_editbuf_right(b);
	w = cursor_col(b) - col;
	b->cursor = at;
	return w;
}

/*
 * Scrolls at every cursor position of a one-line text, walking left from
 * the end and then right from the start, and checks what a user sees: the
 * cursor cell is inside the window, with `ctx` columns of context on the
 * side where more text is hidden; drawing starts on a character boundary
 * at *first_col; and the window does not move while the cursor still has
 * its context in it.
 */
static void
scroll_walk(const char *text, size_t width, size_t ctx)
{
	struct jx_editbuf b;
	size_t first = 0, total = jx_str_width(text, false) + 1, moves = 0;
	int dir;

	assert_int_equal(jx_editbuf_init(&b, text, false, false), JX_OK);
	for (dir = -1; dir <= 1; dir += 2) {
		do {
			size_t col = cursor_col(&b), cw = cursor_cell(&b);
			size_t old = first, from;
			bool keep = col + cw <= old + width &&
				    (col >= old + ctx || old == 0) &&
				    (col + cw + ctx <= old + width ||
				     old + width >= total);
			char *head;

			from = jx_editbuf_scroll(&b, width, &first);
			if (keep)
				assert_int_equal(first, old);
			moves += first != old;
			assert_true(first <= col);
			assert_true(col + cw <= first + width);
			if (first > 0)
				assert_true(col - first >= ctx);
			if (first + width < total)
				assert_true(first + width - (col + cw) >= ctx);
			if (total <= width)
				assert_int_equal(first, 0);
			head = malloc(from + 1);
			assert_non_null(head);
			memcpy(head, b.text, from);
			head[from] = '\0';
			assert_int_equal(jx_str_width(head, false), first);
			free(head);
		} while (dir < 0 ? jx_editbuf_left(&b) : jx_editbuf_right(&b));
	}
	if (total > width)
		assert_true(moves > 0);
	jx_editbuf_free(&b);
}

static void
scroll_keeps_cursor_visible(void **state)
{
	char line[2048] = "";
	int i;

	(void)state;
	for (i = 0; i < 15; i++)
		strcat(line, "资金使用率≥95%，");  /* 16 columns */
	strcat(line, "abc");
	scroll_walk(line, 10, 2);
	scroll_walk(line, 80, 5);
	scroll_walk(RATE, 10, 2);
	scroll_walk(RATE, 80, 5);
	scroll_walk("预算 budget execution rate 预算执行率 ≥ 95% 的项目", 10, 2);
}

static void
scroll_positions(void **state)
{
	struct jx_editbuf b;
	size_t first = 0;
	char line[1024] = "";
	int i;

	(void)state;
	assert_int_equal(jx_editbuf_init(&b, RATE, false, false), JX_OK);
	/* At the end of 14 columns in 10: 用率≥95% and the cursor. The
	 * window's edge would cut 使 in two, so it starts after it. */
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 9);
	assert_int_equal(first, 6);
	jx_editbuf_home(&b);
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 0);
	assert_int_equal(first, 0);
	for (i = 0; i < 3; i++) {               /* to 用: no need to move */
		jx_editbuf_right(&b);
		assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 0);
	}
	jx_editbuf_right(&b);                   /* to 率: two columns left */
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 3);
	assert_int_equal(first, 2);
	/* Going back left keeps the window until the context runs out. */
	jx_editbuf_left(&b);
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 3);
	jx_editbuf_left(&b);
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 3);
	jx_editbuf_left(&b);
	assert_int_equal(jx_editbuf_scroll(&b, 10, &first), 0);
	assert_int_equal(first, 0);
	/* Wide enough: never scrolled, whatever the last value was. */
	first = 7;
	assert_int_equal(jx_editbuf_scroll(&b, 80, &first), 0);
	assert_int_equal(first, 0);
	jx_editbuf_end(&b);
	first = 3;
	assert_int_equal(jx_editbuf_scroll(&b, 80, &first), 0);
	assert_int_equal(first, 0);
	jx_editbuf_free(&b);

	/* 240 columns at 80: the end shows the last 79 and the cursor; 161
	 * would cut the 资 of the eleventh repeat, so 162 (金). */
	for (i = 0; i < 15; i++)
		strcat(line, "资金使用率≥95%，");  /* 16 columns, 24 bytes */
	assert_int_equal(jx_editbuf_init(&b, line, false, false), JX_OK);
	first = 0;
	assert_int_equal(jx_editbuf_scroll(&b, 80, &first), 243);
	assert_int_equal(first, 162);
	/* The cursor's line in a multi-line buffer. */
	assert_int_equal(jx_editbuf_set(&b, "短\n"), JX_INVALID);
	b.multiline = true;
	assert_int_equal(jx_editbuf_insert(&b, "\nab", 3), JX_OK);
	first = 162;
	assert_int_equal(jx_editbuf_scroll(&b, 80, &first), b.len - 2);
	assert_int_equal(first, 0);
	jx_editbuf_free(&b);
}

/* ---- refused input ------------------------------------------------------ */

static void
insert_refuses_bad_input(void **state)
{
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{ "\xE8\xB5", 2 },              /* truncated 资 */
		{ "a\x80", 2 },                 /* stray continuation byte */
		{ "\xC0\xAF", 2 },              /* overlong '/' */
		{ "\xED\xA0\x80", 3 },          /* surrogate */
		{ "\xF4\x90\x80\x80", 4 },      /* above U+10FFFF */
		{ "a\nb", 3 },                  /* newline in one line */
		{ "\r", 1 },
		{ "\x01", 1 },
		{ "\x1B[A", 3 },                /* an escape sequence */
		{ "\x7F", 1 },                  /* DEL */
		{ "\xC2\x85", 2 },              /* NEL, a C1 control */
		{ "a\0b", 3 },                  /* NUL */
	};
	struct jx_editbuf b;
	size_t i;

	(void)state;
	load(&b, "资金|使用率", false, false);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (jx_editbuf_insert(&b, bad[i].s, bad[i].len) != JX_INVALID)
			fail_msg("case %zu accepted", i);
		check(&b, "资金|使用率");
		assert_false(b.changed);
	}
	assert_int_equal(jx_editbuf_insert(&b, NULL, 3), JX_INVALID);
	/* Tab is text; nothing is nothing. */
	assert_int_equal(jx_editbuf_insert(&b, "\t", 1), JX_OK);
	check(&b, "资金\t|使用率");
	b.changed = false;
	assert_int_equal(jx_editbuf_insert(&b, "", 0), JX_OK);
	assert_false(b.changed);
	jx_editbuf_free(&b);

	/* A multi-line buffer takes newlines but still no other controls. */
	load(&b, "资金|使用率", true, false);
	assert_int_equal(jx_editbuf_insert(&b, "\n", 1), JX_OK);
	check(&b, "资金\n|使用率");
	assert_int_equal(jx_editbuf_insert(&b, "\r\n", 2), JX_INVALID);
	check(&b, "资金\n|使用率");
	jx_editbuf_free(&b);
}

/* ---- a long text -------------------------------------------------------- */

#define LONG_CHARS 100000
#define PATTERN "资金使用率≥95%，项目abc完成。"  /* 18 characters */
#define PATTERN_CHARS 18
#define PATTERN_COLS 29

/* A 100 000-character line, typed one character at a time, then edited in
 * the middle: each keystroke must stay cheap (no scan that grows with the
 * square of the text). Results are checked against what was typed. */
static void
long_single_line(void **state)
{
	struct jx_editbuf b;
	const char *p;
	char *want;
	size_t n = 0, i, line, col, first = 0, words = 0, at, cut;

	(void)state;
	assert_int_equal(jx_editbuf_init(&b, "", false, false), JX_OK);
	for (p = PATTERN; n < LONG_CHARS; n++) {
		int32_t cp;
		int k = jx_utf8_decode(p, SIZE_MAX, &cp);

		assert_int_equal(jx_editbuf_insert(&b, p, (size_t)k), JX_OK);
		p += k;
		if (*p == '\0')
			p = PATTERN;
	}
	/* 100 000 = 5555 patterns and 10 characters (资金使用率≥95%，项). */
	jx_editbuf_cursor_pos(&b, &line, &col);
	assert_int_equal(line, 0);
	assert_int_equal(col, 5555 * PATTERN_COLS + 16);
	assert_int_equal(jx_str_width(b.text, false), col);

	/* To the middle by words (five a pattern), then type there. */
	assert_true(jx_editbuf_start(&b));
	while (words < 2500 * 5 && jx_editbuf_word_right(&b))
		words++;
	at = b.cursor;
	assert_int_equal(at, 2500 * strlen(PATTERN) - strlen("。"));
	for (i = 0; i < 500; i++) {
		assert_int_equal(jx_editbuf_insert(&b, "预", 3), JX_OK);
		jx_editbuf_scroll(&b, 80, &first);
	}
	jx_editbuf_cursor_pos(&b, &line, &col);
	assert_int_equal(col, 2500 * PATTERN_COLS - 2 + 500 * 2);
	for (i = 0; i < 500; i++) {     /* the 预 are removed again */
		assert_true(jx_editbuf_left(&b));
		assert_true(jx_editbuf_delete(&b));
	}
	assert_int_equal(b.cursor, at);
	/* Then the next 500 characters, one C-f Backspace at a time. */
	want = malloc(b.len + 1);
	assert_non_null(want);
	for (cut = at, i = 0; i < 500; i++) {
		int32_t cp;

		cut += (size_t)jx_utf8_decode(b.text + cut, b.len - cut, &cp);
	}
	memcpy(want, b.text, at);
	memcpy(want + at, b.text + cut, b.len - cut + 1);
	for (i = 0; i < 500; i++) {
		assert_true(jx_editbuf_right(&b));
		assert_true(jx_editbuf_backspace(&b));
		jx_editbuf_scroll(&b, 80, &first);
	}
	assert_string_equal(b.text, want);
	assert_int_equal(b.cursor, at);
	/* C-a C-k kills the whole line; C-y puts it back. */
	assert_true(jx_editbuf_home(&b));
	assert_true(jx_editbuf_kill_end(&b));
	assert_int_equal(b.len, 0);
	assert_true(jx_editbuf_yank(&b));
	assert_false(jx_editbuf_end(&b));
	assert_string_equal(b.text, want);
	free(want);
	/* By words back to the start. */
	words = 0;
	while (jx_editbuf_word_left(&b))
		words++;
	assert_int_equal(b.cursor, 0);
	assert_true(words > 5555 * 4);
	jx_editbuf_free(&b);
}

/* 2 000 lines of 50 characters: down to the bottom and up again, keeping
 * the goal column through every line. */
static void
long_multiline(void **state)
{
	struct jx_editbuf b;
	char *text = malloc(2000 * (50 * 3 + 1) + 1), *q = text;
	size_t i, line, col;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < 2000; i++) {
		for (int k = 0; k < 50; k++) {
			const char *c = i % 2 ? "资" : k % 2 ? "a" : "金";

			memcpy(q, c, strlen(c));
			q += strlen(c);
		}
		*q++ = i < 1999 ? '\n' : '\0';
	}
	assert_int_equal(jx_editbuf_init(&b, text, true, false), JX_OK);
	free(text);
	assert_int_equal(jx_editbuf_lines(&b), 2000);
	assert_true(jx_editbuf_start(&b));
	for (i = 0; i < 7; i++)
		assert_true(jx_editbuf_right(&b));
	jx_editbuf_cursor_pos(&b, &line, &col);
	assert_int_equal(col, 11);      /* 金a金a金a金: 2+1+2+1+2+1+2 */
	for (i = 1; i < 2000; i++) {
		assert_true(jx_editbuf_down(&b));
		jx_editbuf_cursor_pos(&b, &line, &col);
		assert_int_equal(line, i);
		/* 资 lines: 11 is inside the sixth, so its start, 10. */
		assert_int_equal(col, i % 2 ? 10 : 11);
	}
	assert_false(jx_editbuf_down(&b));
	while (jx_editbuf_up(&b))
		;
	jx_editbuf_cursor_pos(&b, &line, &col);
	assert_int_equal(line, 0);
	assert_int_equal(col, 11);
	jx_editbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_and_set),
		cmocka_unit_test(left_right_by_character),
		cmocka_unit_test(columns_of_wide_and_ambiguous),
		cmocka_unit_test(columns_agree_with_str_width),
		cmocka_unit_test(combining_marks_move_with_their_base),
		cmocka_unit_test(flags_and_emoji_sequences),
		cmocka_unit_test(line_moves),
		cmocka_unit_test(word_moves_over_mixed_text),
		cmocka_unit_test(word_moves_over_full_width_punctuation),
		cmocka_unit_test(delete_and_backspace),
		cmocka_unit_test(kills_and_yank),
		cmocka_unit_test(kills_in_multiline_text),
		cmocka_unit_test(up_down_keep_the_goal_column),
		cmocka_unit_test(lines_as_byte_ranges),
		cmocka_unit_test(scroll_keeps_cursor_visible),
		cmocka_unit_test(scroll_positions),
		cmocka_unit_test(insert_refuses_bad_input),
		cmocka_unit_test(long_single_line),
		cmocka_unit_test(long_multiline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
