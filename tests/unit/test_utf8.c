/*
 * test_utf8.c — unit tests for core/utf8.c: strict validation and decoding,
 * display widths (CJK, combining marks, emoji, controls, East Asian
 * Ambiguous with and without ambiguous_wide), the generated ambiguous table
 * and its search, and fitting, cutting and padding Chinese text to odd
 * column budgets and tiny buffers.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/eaw_ambiguous.h"
#include "core/utf8.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Texts in UTF-8 escapes, so the file reads the same in any editor. */
#define SHE "\xE7\xA4\xBE"          /* 社 */
#define QU "\xE5\x8C\xBA"           /* 区 */
#define GONG "\xE5\xB7\xA5"         /* 工 */
#define ZUO "\xE4\xBD\x9C"          /* 作 */
#define SQGZ SHE QU GONG ZUO        /* 社区工作, 8 columns */
#define ACUTE "\xCC\x81"            /* U+0301 COMBINING ACUTE ACCENT */
#define GE "\xE2\x89\xA5"           /* ≥ U+2265, ambiguous */
#define CIRCLED1 "\xE2\x91\xA0"     /* ① U+2460, ambiguous */
#define FW_PERCENT "\xEF\xBC\x85"   /* ％ U+FF05, wide */
#define GRIN "\xF0\x9F\x98\x80"     /* 😀 U+1F600 */
#define ELLIPSIS "\xE2\x80\xA6"     /* … */

struct bad_case {
	const char *bytes;
	size_t len;
	size_t offset;
};

#define BAD(s, off) { s, sizeof(s) - 1, off }

/* A text field's controls: found at their first byte, whatever comes
 * around them; tab, line feed and CR, and the characters that merely look
 * alike (NBSP, CJK), are not controls. */
struct control_case {
	const char *bytes;
	size_t len;
	size_t offset;  /* == len: none */
	int32_t cp;
};

#define CTL(s, off, c) { s, sizeof(s) - 1, off, c }
#define NONE(s) { s, sizeof(s) - 1, sizeof(s) - 1, -1 }

static const struct control_case control_cases[] = {
	NONE(""),
	NONE("plain ASCII ~!@#$%^&*()"),
	NONE(SQGZ GE CIRCLED1 FW_PERCENT GRIN),
	NONE("tab\there\nand a line feed"),
	NONE("\xC2\xA0 NBSP, \xC2\xA9, \xC3\x80"),   /* C2 A0.. is not C1 */
	NONE("ends in a lead byte \xC2"),           /* cut short: not C1 */
	CTL(SQGZ "\x1B[31m", 12, 0x1B),              /* ESC after CJK */
	CTL("\x07", 0, 0x07),
	NONE("a\r\nb\r"),                          /* CR: Windows line breaks */
	CTL("x\x7F", 1, 0x7F),                       /* DEL */
	CTL(SHE "\xC2\x80", 3, 0x80),                /* first C1 */
	CTL(SHE "\xC2\x9B" "1m", 3, 0x9B),           /* CSI */
	CTL("ok\xC2\x9F", 2, 0x9F),                  /* last C1 */
	CTL("a\x01" "b\x02", 1, 0x01),              /* the first of two */
	CTL("nul \0 inside", 4, 0x00),
};

static void
find_control_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(control_cases); i++) {
		const struct control_case *c = &control_cases[i];
		int32_t cp = -1;
		size_t at = jx_utf8_find_control(c->bytes, c->len, &cp);
		if (at != c->offset || cp != c->cp)
			fail_msg("case %zu: found %zu (U+%04X), want %zu "
				 "(U+%04X)", i, at, (unsigned)cp, c->offset,
				 (unsigned)c->cp);
	}
	/* Only len bytes are looked at. */
	int32_t cp = -1;
	assert_int_equal(jx_utf8_find_control("ab\x1B", 2, &cp), 2);
	assert_int_equal(jx_utf8_find_control("ab\xC2\x9B", 3, &cp), 3);
}

/* The rule, one byte at a time, as jx_utf8_find_control states it. */
static size_t
naive_find_control(const unsigned char *u, size_t len, int32_t *cp)
{
	for (size_t i = 0; i < len; i++) {
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9F) {
			*cp = u[i + 1];
			return i;
		}
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		     u[i] != '\r') || u[i] == 0x7F) {
			*cp = u[i];
			return i;
		}
	}
	return len;
}

/* Eight bytes are looked at together: every control at every place of
 * a few words (C1's two bytes across a word's end too), and random texts
 * drawn from the bytes that matter, agree with the rule. */
static void
find_control_at_every_place(void **state)
{
	static const char *const controls[] = {
		"\x1B", "\x01", "\x1F", "\x7F", "\xC2\x80", "\xC2\x9B", "\xC2\x9F",
	};
	static const unsigned char alphabet[] = {
		'a', ' ', '~', '\t', '\n', '\r', 0x1B, 0x00, 0x1F, 0x20, 0x7E,
		0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3, 0xE4, 0xB8,
	};
	unsigned char buf[40];
	uint32_t seed = 12345;
	int32_t cp, want_cp;

	(void)state;
	for (size_t k = 0; k < N_ELEMS(controls); k++) {
		size_t n = strlen(controls[k]);
		for (size_t at = 0; at + n <= 27; at++) {
			/* 社a社a… around it: no byte the eight-byte test
			 * stops at but the control's */
			for (size_t i = 0; i < 27; i++)
				buf[i] = (unsigned char)(i % 4 == 3 ? 'a'
					 : SHE[i % 4]);
			memcpy(buf + at, controls[k], n);
			size_t got = jx_utf8_find_control((char *)buf, 27, &cp);
			size_t want = naive_find_control(buf, 27, &want_cp);
			if (got != want || (want < 27 && cp != want_cp))
				fail_msg("control %zu at %zu: found %zu, want "
					 "%zu", k, at, got, want);
		}
	}
	for (int round = 0; round < 20000; round++) {
		size_t len = round % N_ELEMS(buf);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			/* mostly harmless bytes, so controls come late too */
			buf[i] = (seed >> 16) % 8 ? 'x'
				 : alphabet[(seed >> 8) % N_ELEMS(alphabet)];
		}
		cp = want_cp = -1;
		size_t got = jx_utf8_find_control((char *)buf, len, &cp);
		size_t want = naive_find_control(buf, len, &want_cp);
		if (got != want || cp != want_cp)
			fail_msg("round %d: found %zu (U+%04X), want %zu (U+%04X)",
				 round, got, (unsigned)cp, want,
				 (unsigned)want_cp);
	}
}

static const struct bad_case bad_cases[] = {
	BAD("ab\xC0\x80", 2),                 /* overlong NUL */
	BAD("\xC1\xBF", 0),                   /* overlong '\x7F' */
	BAD("\xE0\x80\xAF", 0),               /* overlong '/' */
	BAD("\xF0\x80\x80\x80", 0),           /* overlong */
	BAD("\xED\xA0\x80", 0),               /* surrogate U+D800 */
	BAD("x" SHE "\xED\xBF\xBF", 4),       /* surrogate U+DFFF */
	BAD("x\xF5\x80\x80\x80", 1),          /* F5+: above U+10FFFF */
	BAD("\xF4\x90\x80\x80", 0),           /* U+110000 */
	BAD("\xFF", 0),
	BAD("\xFE", 0),
	BAD("abc\xE4\xB8", 3),                /* truncated at the end */
	BAD("abc\xF0\x9F\x98", 3),
	BAD("abc\xC3", 3),
	BAD("\x80", 0),                       /* lone continuation byte */
	BAD(SHE "\x80" QU, 3),
	BAD(SHE "\xE4\xB8x", 3),              /* truncated in the middle */
};

static void
valid_rejects_with_offset(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(bad_cases); i++) {
		size_t off = 999;

		if (jx_utf8_valid(bad_cases[i].bytes, bad_cases[i].len, &off))
			fail_msg("case %zu accepted", i);
		if (off != bad_cases[i].offset)
			fail_msg("case %zu: offset %zu, not %zu", i, off,
				 bad_cases[i].offset);
		assert_false(jx_utf8_valid(bad_cases[i].bytes, bad_cases[i].len,
					   NULL));
	}
}

static void
valid_accepts_edges(void **state)
{
	static const char ok[] = "a" SHE GRIN
		"\xC2\x80"              /* U+0080 */
		"\xDF\xBF"              /* U+07FF */
		"\xE0\xA0\x80"          /* U+0800 */
		"\xED\x9F\xBF"          /* U+D7FF */
		"\xEE\x80\x80"          /* U+E000 */
		"\xEF\xBF\xBD"          /* U+FFFD */
		"\xF0\x90\x80\x80"      /* U+10000 */
		"\xF4\x8F\xBF\xBF";     /* U+10FFFF */
	size_t off = 999;

	(void)state;
	assert_true(jx_utf8_valid(ok, sizeof ok - 1, &off));
	assert_int_equal(off, 999);
	assert_true(jx_utf8_valid("a\0b", 3, NULL));   /* NUL is valid */
	assert_true(jx_utf8_valid("", 0, NULL));
	/* Only len bytes count: a sequence cut by len is truncated. */
	assert_false(jx_utf8_valid(SHE, 2, &off));
	assert_int_equal(off, 0);
}

/* What jx_utf8_valid must say: every sequence decodes. */
static bool
valid_by_decoding(const char *s, size_t len)
{
	for (size_t pos = 0; pos < len; ) {
		int32_t cp;

		pos += (size_t)jx_utf8_decode(s + pos, len - pos, &cp);
		if (cp < 0)
			return false;
	}
	return true;
}

/* The validator's shortcut for three-byte sequences agrees with the
 * decoder on every lead byte E0..EF with every second and third byte
 * around the continuation range, whole and cut short, after ASCII. */
static void
valid_agrees_with_decode(void **state)
{
	(void)state;
	for (int a = 0xE0; a <= 0xEF; a++)
		for (int b = 0x70; b <= 0xC1; b++)
			for (int c = 0x70; c <= 0xC1; c++) {
				char buf[4] = { 'x', (char)a, (char)b,
						(char)c };

				for (size_t len = 2; len <= 4; len++)
					if (jx_utf8_valid(buf, len, NULL) !=
					    valid_by_decoding(buf, len))
						fail_msg("%02X %02X %02X, %zu"
							 " bytes", a, b, c,
							 len);
			}
}

/* What snprintf leaves when it cuts into a character is dropped; whole
 * characters and text that is not UTF-8 at all are left as they are. */
static void
drop_cut_at_the_end(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "ab" SHE, "ab" SHE },          /* whole */
		{ "ab\xE4\xB8", "ab" },           /* two bytes of three */
		{ "ab\xE4", "ab" },               /* the lead byte only */
		{ SHE "\xF0\x9F\x98", SHE },      /* three of four */
		{ "x\xC3", "x" },
		{ "x\xC3\xA9", "x\xC3\xA9" },       /* é, whole */
		{ "x\x80", "x\x80" },             /* a stray byte: not a cut */
		{ "\xB8\xAD", "\xB8\xAD" },
		{ "", "" },
		{ "abc", "abc" },
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		strcpy(buf, cases[i].in);
		assert_int_equal(jx_utf8_whole_len(buf, strlen(buf)),
				 strlen(cases[i].out));
		assert_int_equal(jx_utf8_drop_cut(buf), strlen(cases[i].out));
		assert_string_equal(buf, cases[i].out);
	}
}

static void
decode_code_points(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(jx_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(jx_utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(jx_utf8_decode(SHE, 3, &cp), 3);
	assert_int_equal(cp, 0x793E);
	assert_int_equal(jx_utf8_decode(GRIN, 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(jx_utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(jx_utf8_decode(SHE, 2, &cp), 1);   /* cut by len */
	assert_int_equal(cp, -1);
	assert_int_equal(jx_utf8_decode("\xE7\xA4", SIZE_MAX, &cp), 1);
	assert_int_equal(cp, -1);   /* stops at the NUL */
	assert_int_equal(jx_utf8_decode("", SIZE_MAX, &cp), 1);
	assert_int_equal(cp, 0);
	assert_int_equal(jx_utf8_decode("\x80", 1, &cp), 1);
	assert_int_equal(cp, -1);
}

struct width_case {
	int32_t cp;
	int narrow;     /* ambiguous_wide false */
	int wide;       /* ambiguous_wide true */
};

static const struct width_case width_cases[] = {
	{ 'a', 1, 1 },
	{ ' ', 1, 1 },
	{ 0x793E, 2, 2 },       /* 社 */
	{ 0x3000, 2, 2 },       /* ideographic space */
	{ 0xFF05, 2, 2 },       /* ％ */
	{ 0xFF10, 2, 2 },       /* ０ */
	{ 0x0301, 0, 0 },       /* combining acute */
	{ 0x20DD, 0, 0 },       /* combining enclosing circle (Me) */
	{ 0xFE0F, 0, 0 },       /* variation selector: ambiguous, but 0 */
	{ 0x2265, 1, 2 },       /* ≥ */
	{ 0x2264, 1, 2 },       /* ≤ */
	{ 0x2460, 1, 2 },       /* ① */
	{ 0x2026, 1, 2 },       /* … */
	{ 0x00B0, 1, 2 },       /* ° */
	{ 0x003E, 1, 1 },       /* > is not ambiguous */
	{ 0x1F600, 2, 2 },      /* 😀 */
	{ 0x1F44D, 2, 2 },      /* 👍 */
	{ '\t', 1, 1 },         /* controls are shown as a replacement */
	{ 0x00, 1, 1 },
	{ 0x7F, 1, 1 },
	{ 0x85, 1, 1 },
	{ 0x9F, 1, 1 },
	{ -1, 1, 1 },           /* invalid byte */
	{ 0xD800, 1, 1 },       /* surrogate */
	{ 0x110000, 1, 1 },
};

static void
code_point_widths(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(width_cases); i++) {
		const struct width_case *c = &width_cases[i];

		if (jx_cp_width(c->cp, false) != c->narrow ||
		    jx_cp_width(c->cp, true) != c->wide)
			fail_msg("U+%04X: %d/%d, not %d/%d", (unsigned)c->cp,
				 jx_cp_width(c->cp, false),
				 jx_cp_width(c->cp, true), c->narrow, c->wide);
	}
}

/* The generated table is sorted and merged, and the search finds exactly
 * its ranges: both ends of every range in, both neighbours out. */
static void
ambiguous_table_and_search(void **state)
{
	size_t i;

	(void)state;
	assert_true(jx_eaw_ambiguous_count > 100);
	assert_int_equal(jx_eaw_ambiguous[0].first, 0xA1);
	assert_int_equal(jx_eaw_ambiguous[jx_eaw_ambiguous_count - 1].last,
			 0x10FFFD);
	for (i = 0; i < jx_eaw_ambiguous_count; i++) {
		const struct jx_cp_range *r = &jx_eaw_ambiguous[i];

		assert_true(r->first <= r->last);
		if (i > 0)
			assert_true(r->first > jx_eaw_ambiguous[i - 1].last + 1);
		if (!jx_cp_ambiguous(r->first) || !jx_cp_ambiguous(r->last))
			fail_msg("range %zu U+%04X..U+%04X not found", i,
				 (unsigned)r->first, (unsigned)r->last);
		if (jx_cp_ambiguous(r->first - 1) ||
		    jx_cp_ambiguous(r->last + 1))
			fail_msg("neighbour of range %zu found", i);
	}
	assert_false(jx_cp_ambiguous(-1));
	assert_false(jx_cp_ambiguous(0));
	assert_false(jx_cp_ambiguous(0xA0));
	assert_true(jx_cp_ambiguous(0xA1));
	assert_true(jx_cp_ambiguous(0x10FFFD));
	assert_false(jx_cp_ambiguous(0x10FFFE));
	assert_false(jx_cp_ambiguous(0x10FFFF));
	assert_false(jx_cp_ambiguous(INT32_MAX));
	assert_false(jx_cp_ambiguous(INT32_MIN));
	assert_false(jx_cp_ambiguous(0x793E));   /* 社 is W, not A */
}

struct str_case {
	const char *s;
	size_t narrow, wide;
};

static const struct str_case str_cases[] = {
	{ "", 0, 0 },
	{ "abc", 3, 3 },
	{ SHE QU, 4, 4 },
	{ SQGZ, 8, 8 },
	{ "e" ACUTE, 1, 1 },
	{ "cafe" ACUTE "!", 5, 5 },
	{ GE "90%", 4, 5 },
	{ CIRCLED1 SHE, 3, 4 },
	{ "100" FW_PERCENT, 5, 5 },
	{ GRIN "ok", 4, 4 },
	{ "\xFF\xFE", 2, 2 },             /* each invalid byte is one */
	{ "a\tb\n", 4, 4 },
	{ "abc\xE4\xB8", 5, 5 },          /* a truncated 社 counts 2 bytes */
};

static void
string_widths(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(str_cases); i++) {
		assert_int_equal(jx_str_width(str_cases[i].s, false),
				 str_cases[i].narrow);
		assert_int_equal(jx_str_width(str_cases[i].s, true),
				 str_cases[i].wide);
	}
	assert_int_equal(jx_str_width(NULL, false), 0);
}

static void
fit_chinese_at_every_budget(void **state)
{
	/* bytes of 社区工作 that fit in 0..9 columns */
	static const size_t bytes[] = { 0, 0, 3, 3, 6, 6, 9, 9, 12, 12 };
	static const size_t widths[] = { 0, 0, 2, 2, 4, 4, 6, 6, 8, 8 };
	size_t budget, w;
	bool trimmed;

	(void)state;
	for (budget = 0; budget < N_ELEMS(bytes); budget++) {
		size_t n = jx_utf8_fit(SQGZ, budget, 0, false, &trimmed, &w);

		assert_int_equal(n, bytes[budget]);
		assert_int_equal(w, widths[budget]);
		assert_int_equal(trimmed, budget < 8);
	}
}

static void
fit_with_reserve(void **state)
{
	size_t w;
	bool trimmed;

	(void)state;
	/* 5 columns, 1 kept for "…": 社区 (4). */
	assert_int_equal(jx_utf8_fit(SQGZ, 5, 1, false, &trimmed, &w), 6);
	assert_true(trimmed);
	assert_int_equal(w, 4);
	/* 4 columns, 1 kept: 3 left, 社 only. */
	assert_int_equal(jx_utf8_fit(SQGZ, 4, 1, false, &trimmed, &w), 3);
	assert_int_equal(w, 2);
	/* No reserve taken when everything fits. */
	assert_int_equal(jx_utf8_fit(SQGZ, 8, 1, false, &trimmed, &w), 12);
	assert_false(trimmed);
	assert_int_equal(w, 8);
	/* Reserve larger than the budget. */
	assert_int_equal(jx_utf8_fit(SQGZ, 3, 5, false, &trimmed, &w), 0);
	assert_true(trimmed);
	assert_int_equal(w, 0);
	/* Pointers may be NULL; so may s. */
	assert_int_equal(jx_utf8_fit("abc", 2, 0, false, NULL, NULL), 2);
	assert_int_equal(jx_utf8_fit(NULL, 2, 0, false, &trimmed, &w), 0);
	assert_false(trimmed);
}

static void
fit_keeps_marks_with_base(void **state)
{
	static const char s[] = "cafe" ACUTE ACUTE "!";
	size_t w;
	bool trimmed;

	(void)state;
	/* The marks after e fit in zero columns and stay with it. */
	assert_int_equal(jx_utf8_fit(s, 4, 0, false, &trimmed, &w), 8);
	assert_true(trimmed);
	assert_int_equal(w, 4);
	/* Without e, its marks go too. */
	assert_int_equal(jx_utf8_fit(s, 3, 0, false, &trimmed, &w), 3);
	assert_int_equal(w, 3);
	/* With a reserve, the cut is before e and its marks. */
	assert_int_equal(jx_utf8_fit(s, 4, 1, false, &trimmed, &w), 3);
	assert_int_equal(w, 3);
	assert_int_equal(jx_utf8_fit(s, 5, 0, false, &trimmed, &w),
			 sizeof s - 1);
	assert_false(trimmed);
}

static void
fit_ambiguous_and_invalid(void **state)
{
	size_t w;
	bool trimmed;

	(void)state;
	/* ≥90%: ≥ is one column, or two on a CJK terminal. */
	assert_int_equal(jx_utf8_fit(GE "90%", 3, 0, false, &trimmed, &w), 5);
	assert_int_equal(w, 3);
	assert_int_equal(jx_utf8_fit(GE "90%", 3, 0, true, &trimmed, &w), 4);
	assert_int_equal(w, 3);
	/* Invalid bytes are one column each and are never merged. */
	assert_int_equal(jx_utf8_fit("a\xFF\xE4\xB8" "b", 3, 0, false,
				     &trimmed, &w), 3);
	assert_int_equal(w, 3);
	assert_true(trimmed);
	/* An emoji is two columns and is not split. */
	assert_int_equal(jx_utf8_fit("a" GRIN, 2, 0, false, &trimmed, &w), 1);
	assert_int_equal(w, 1);
}

struct cut_case {
	const char *s;
	size_t max_width;
	bool wide;
	const char *out;
	size_t width;
};

static const struct cut_case cut_cases[] = {
	{ SQGZ, 9, false, SQGZ, 8 },
	{ SQGZ, 8, false, SQGZ, 8 },
	{ SQGZ, 7, false, SHE QU GONG ELLIPSIS, 7 },
	{ SQGZ, 6, false, SHE QU ELLIPSIS, 5 },
	{ SQGZ, 5, false, SHE QU ELLIPSIS, 5 },
	{ SQGZ, 4, false, SHE ELLIPSIS, 3 },
	{ SQGZ, 3, false, SHE ELLIPSIS, 3 },
	{ SQGZ, 2, false, ELLIPSIS, 1 },
	{ SQGZ, 1, false, ELLIPSIS, 1 },
	{ SQGZ, 0, false, "", 0 },
	/* On a CJK terminal the ellipsis itself is two columns. */
	{ SQGZ, 5, true, SHE ELLIPSIS, 4 },
	{ SQGZ, 6, true, SHE QU ELLIPSIS, 6 },
	{ SQGZ, 2, true, ELLIPSIS, 2 },
	{ SQGZ, 1, true, "", 0 },        /* no room for a wide ellipsis */
	{ "abc", 1, true, "a", 1 },
	{ GE "90%", 4, false, GE "90%", 4 },
	{ GE "90%", 4, true, GE ELLIPSIS, 4 },
	{ "", 3, false, "", 0 },
	{ "cafe" ACUTE "s", 5, false, "cafe" ACUTE "s", 5 },
	{ "cafe" ACUTE "s!", 5, false, "cafe" ACUTE ELLIPSIS, 5 },
	{ "cafe" ACUTE "s!", 4, false, "caf" ELLIPSIS, 4 },
	{ "cafe" ACUTE "s!", 6, false, "cafe" ACUTE "s!", 6 },
	{ "a\xFF\xFE" "bcd", 4, false, "a\xFF\xFE" ELLIPSIS, 4 },
	{ GRIN GRIN, 3, false, GRIN ELLIPSIS, 3 },
};

static void
cut_with_ellipsis(void **state)
{
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cut_cases); i++) {
		const struct cut_case *c = &cut_cases[i];
		size_t w = jx_utf8_cut(c->s, c->max_width, c->wide, buf,
				       sizeof buf);

		if (strcmp(buf, c->out) != 0 || w != c->width)
			fail_msg("case %zu: \"%s\" width %zu, not \"%s\" %zu", i,
				 buf, w, c->out, c->width);
		assert_int_equal(jx_str_width(buf, c->wide), w);
	}
	assert_int_equal(jx_utf8_cut(NULL, 5, false, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
}

struct tiny_case {
	const char *s;
	size_t size;
	const char *out;
	size_t width;
};

static const struct tiny_case tiny_cases[] = {
	{ SQGZ, 13, SQGZ, 8 },
	{ SQGZ, 12, SHE QU ELLIPSIS, 5 },   /* 9 bytes + NUL */
	{ SQGZ, 10, SHE QU ELLIPSIS, 5 },
	{ SQGZ, 9, SHE ELLIPSIS, 3 },
	{ SQGZ, 8, SHE ELLIPSIS, 3 },
	{ SQGZ, 7, SHE ELLIPSIS, 3 },
	{ SQGZ, 6, ELLIPSIS, 1 },
	{ SQGZ, 4, ELLIPSIS, 1 },
	{ SQGZ, 3, "", 0 },                 /* no room for "…" either */
	{ SQGZ, 1, "", 0 },
	{ "ab", 2, "a", 1 },
	{ "e" ACUTE, 3, "", 0 },            /* never e without its mark */
	{ "xe" ACUTE, 4, ELLIPSIS, 1 },
	{ "xe" ACUTE "yz", 6, "x" ELLIPSIS, 2 },
};

/* A buffer too small for the text cuts further, on a boundary, never past
 * size; canaries check that nothing is written beyond. */
static void
cut_into_tiny_buffers(void **state)
{
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(tiny_cases); i++) {
		const struct tiny_case *c = &tiny_cases[i];
		size_t w;

		memset(buf, 'X', sizeof buf);
		w = jx_utf8_cut(c->s, 20, false, buf, c->size);
		if (strcmp(buf, c->out) != 0 || w != c->width)
			fail_msg("case %zu: \"%s\" width %zu, not \"%s\" %zu", i,
				 buf, w, c->out, c->width);
		assert_int_equal(buf[c->size], 'X');
	}
	buf[0] = 'Z';
	assert_int_equal(jx_utf8_cut(SQGZ, 20, false, buf, 0), 0);
	assert_int_equal(buf[0], 'Z');
	assert_int_equal(jx_utf8_cut(SQGZ, 20, false, NULL, 0), 0);
}

/* For every budget and buffer size: the result is a valid prefix (plus
 * "…"), its width is what was returned, and nothing overflows. */
static void
cut_invariants(void **state)
{
	static const char *const texts[] = {
		"\xE7\xA4\xBE\xE5\x8C\xBA\xE5\xB9\xB3\xE5\x9D\x87\xE5\xB9\xB4"
		"\xE5\xBA\xA6\xE5\x8A\x9E\xE5\x85\xAC\xE7\xBB\x8F\xE8\xB4\xB9"
		"\xE6\x94\xAF\xE5\x87\xBA",         /* 社区平均年度办公经费支出 */
		GE "90" FW_PERCENT "\xE4\xBD\xBF\xE7\x94\xA8\xE7\x8E\x87",
		"a" ACUTE ACUTE "b" GRIN CIRCLED1 "\xFF" SHE "\x80" "z",
		"plain ascii text",
	};
	char buf[80];
	size_t t, width, size;
	int wide;

	(void)state;
	for (t = 0; t < N_ELEMS(texts); t++)
	for (wide = 0; wide <= 1; wide++)
	for (width = 0; width <= 30; width++)
	for (size = 1; size <= 48; size++) {
		const char *s = texts[t];
		size_t w, len, keep;

		memset(buf, 'X', sizeof buf);
		w = jx_utf8_cut(s, width, wide, buf, size);
		len = strlen(buf);
		assert_true(len < size);
		assert_int_equal(buf[size], 'X');
		assert_true(w <= width);
		assert_int_equal(jx_str_width(buf, wide), w);
		keep = len;
		if (len >= 3 && memcmp(buf + len - 3, ELLIPSIS, 3) == 0 &&
		    strcmp(buf, s) != 0)
			keep = len - 3;
		assert_memory_equal(buf, s, keep);
		/* never ends before a combining mark of the kept text */
		assert_false(keep < strlen(s) && memcmp(s + keep, ACUTE, 2) == 0);
	}
}

struct pad_case {
	const char *s;
	size_t width;
	bool right, wide;
	const char *out;
};

static const struct pad_case pad_cases[] = {
	{ SHE QU, 6, false, false, SHE QU "  " },
	{ SHE QU, 6, true, false, "  " SHE QU },
	{ SQGZ, 5, false, false, SHE QU ELLIPSIS },
	{ SQGZ, 4, false, false, SHE ELLIPSIS " " },
	{ SQGZ, 4, true, false, " " SHE ELLIPSIS },
	{ SQGZ, 8, false, false, SQGZ },
	{ SQGZ, 0, false, false, "" },
	{ "", 3, false, false, "   " },
	{ GE "90", 5, false, false, GE "90  " },
	{ GE "90", 5, false, true, GE "90 " },
	{ "e" ACUTE, 3, true, false, "  e" ACUTE },
};

static void
pad_to_exact_width(void **state)
{
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(pad_cases); i++) {
		const struct pad_case *c = &pad_cases[i];
		size_t w = jx_utf8_pad(c->s, c->width, c->right, c->wide, buf,
				       sizeof buf);

		if (strcmp(buf, c->out) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, buf, c->out);
		assert_int_equal(w, c->width);
		assert_int_equal(jx_str_width(buf, c->wide), c->width);
	}
}

static void
pad_into_tiny_buffers(void **state)
{
	char buf[16];
	size_t w;

	(void)state;
	memset(buf, 'X', sizeof buf);
	w = jx_utf8_pad("ab", 6, false, false, buf, 5);
	assert_string_equal(buf, "ab  ");
	assert_int_equal(w, 4);
	assert_int_equal(buf[5], 'X');
	memset(buf, 'X', sizeof buf);
	w = jx_utf8_pad("ab", 6, true, false, buf, 5);
	assert_string_equal(buf, "  ab");
	assert_int_equal(w, 4);
	assert_int_equal(buf[5], 'X');
	memset(buf, 'X', sizeof buf);
	w = jx_utf8_pad(SQGZ, 6, true, false, buf, 8);
	assert_string_equal(buf, " " SHE ELLIPSIS);
	assert_int_equal(w, 4);
	assert_int_equal(buf[8], 'X');
	w = jx_utf8_pad("ab", 6, false, false, buf, 1);
	assert_string_equal(buf, "");
	assert_int_equal(w, 0);
	buf[0] = 'Z';
	assert_int_equal(jx_utf8_pad("ab", 6, false, false, buf, 0), 0);
	assert_int_equal(buf[0], 'Z');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_control_cases),
		cmocka_unit_test(find_control_at_every_place),
		cmocka_unit_test(valid_rejects_with_offset),
		cmocka_unit_test(valid_accepts_edges),
		cmocka_unit_test(valid_agrees_with_decode),
		cmocka_unit_test(drop_cut_at_the_end),
		cmocka_unit_test(decode_code_points),
		cmocka_unit_test(code_point_widths),
		cmocka_unit_test(ambiguous_table_and_search),
		cmocka_unit_test(string_widths),
		cmocka_unit_test(fit_chinese_at_every_budget),
		cmocka_unit_test(fit_with_reserve),
		cmocka_unit_test(fit_keeps_marks_with_base),
		cmocka_unit_test(fit_ambiguous_and_invalid),
		cmocka_unit_test(cut_with_ellipsis),
		cmocka_unit_test(cut_into_tiny_buffers),
		cmocka_unit_test(cut_invariants),
		cmocka_unit_test(pad_to_exact_width),
		cmocka_unit_test(pad_into_tiny_buffers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
