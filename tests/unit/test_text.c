/*
 * test_text.c — unit tests for core/text.c: NFKC folding of full-width
 * forms, matching keys (white space of every kind removed, ASCII lowered),
 * trimming ASCII and ideographic spaces, and jx_strdup.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

#define IDEO_SPACE "\xE3\x80\x80"   /* U+3000 */
#define SHE "\xE7\xA4\xBE"          /* 社 */
#define QU "\xE5\x8C\xBA"           /* 区 */
/* 社会效益指标 and the PDF's broken 社会效益指 标 */
#define SHXYZ "\xE7\xA4\xBE\xE4\xBC\x9A\xE6\x95\x88\xE7\x9B\x8A\xE6\x8C\x87"
#define BIAO "\xE6\xA0\x87"

struct fold {
	const char *in, *out;
};

static const struct fold nfkc_cases[] = {
	{ "", "" },
	{ SHE QU, SHE QU },
	{ "\xEF\xBC\x93\xEF\xBC\x97\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95"
	  "\xEF\xBC\x98", "371.58" },                   /* ３７１．５８ */
	{ IDEO_SPACE, " " },
	{ "100\xEF\xBC\x85", "100%" },                  /* ％ */
	{ "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "ABC" },  /* ＡＢＣ */
	{ "\xEF\xBC\x9E\xEF\xBC\x9D" "90", ">=90" },     /* ＞＝90 */
	{ "\xE2\x89\xA5" "90", "\xE2\x89\xA5" "90" },    /* ≥ stays */
	{ "\xE2\x91\xA0", "1" },                        /* ① */
	{ "e\xCC\x81", "\xC3\xA9" },                    /* composed é */
	{ "\xEF\xBC\x88\xE6\x9C\xAC\xE7\xBA\xA7\xEF\xBC\x89",
	  "(\xE6\x9C\xAC\xE7\xBA\xA7)" },               /* （本级） */
};

static void
nfkc_folds_full_width(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(nfkc_cases); i++) {
		char *out = jx_text_nfkc(nfkc_cases[i].in);

		assert_non_null(out);
		assert_string_equal(out, nfkc_cases[i].out);
		free(out);
	}
}

static void
nfkc_refuses_invalid(void **state)
{
	(void)state;
	assert_null(jx_text_nfkc(NULL));
	assert_null(jx_text_nfkc("\xFF"));
	assert_null(jx_text_nfkc("ok\xED\xA0\x80"));   /* surrogate */
	assert_null(jx_text_nfkc("\xC0\x80"));         /* overlong */
	assert_null(jx_text_key("abc\xE4\xB8"));       /* truncated */
	assert_null(jx_text_key(NULL));
}

static const struct fold key_cases[] = {
	{ SHXYZ " " BIAO, SHXYZ BIAO },
	{ SHXYZ "\n" BIAO, SHXYZ BIAO },
	{ IDEO_SPACE SHE IDEO_SPACE QU "\t\r\n", SHE QU },
	{ "\xEF\xBC\xA1\xEF\xBC\xA2 abc", "ababc" },       /* ＡＢ abc */
	{ "A\xC2\xA0" "B", "ab" },                         /* NBSP */
	{ "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "abc" },    /* U+2028/2029 */
	{ "a\xE1\x9A\x80" "b", "ab" },                     /* U+1680 */
	{ "a\xE2\x80\x8B" "b\xEF\xBB\xBF" "c", "abc" },    /* ZWSP, BOM */
	{ "a\xC2\x85" "b", "ab" },                         /* NEL */
	{ "\xC3\x89t\xC3\xA9", "\xC3\x89t\xC3\xA9" },      /* only ASCII lowered */
	{ "1,234 %", "1,234%" },
	{ "", "" },
	{ " \t" IDEO_SPACE, "" },
};

static void
key_removes_space_and_case(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(key_cases); i++) {
		char *key = jx_text_key(key_cases[i].in);

		assert_non_null(key);
		if (strcmp(key, key_cases[i].out) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, key,
				 key_cases[i].out);
		free(key);
	}
}

/* The published spelling and the PDF's broken one match. */
static void
key_matches_broken_cells(void **state)
{
	char *a = jx_text_key(SHXYZ BIAO);
	char *b = jx_text_key(SHXYZ " " BIAO);
	char *c = jx_text_key(IDEO_SPACE "\xEF\xBC\xB3" "hequ" SHXYZ BIAO);
	char *d = jx_text_key("SheQu" SHXYZ BIAO);

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(c, d);
	free(a);
	free(b);
	free(c);
	free(d);
}

static const struct fold trim_cases[] = {
	{ "  " SHE QU " " IDEO_SPACE, SHE QU },
	{ IDEO_SPACE IDEO_SPACE, "" },
	{ "", "" },
	{ "a b", "a b" },
	{ SHE IDEO_SPACE QU, SHE IDEO_SPACE QU },
	{ "\t\nx\r\n", "x" },
	{ "x\xE3\x80", "x\xE3\x80" },        /* half a U+3000 is not space */
	{ "\xE3", "\xE3" },
	{ "\x80\x80", "\x80\x80" },
};

static void
trim_both_ends(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(trim_cases); i++) {
		/* An exact-size copy, so a sanitizer sees any read past it. */
		char *s = jx_strdup(trim_cases[i].in);

		assert_ptr_equal(jx_text_trim(s), s);
		if (strcmp(s, trim_cases[i].out) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, s,
				 trim_cases[i].out);
		free(s);
	}
	assert_null(jx_text_trim(NULL));
}

static void
strdup_copies(void **state)
{
	const char *src = SHE QU;
	char *copy = jx_strdup(src);

	(void)state;
	assert_non_null(copy);
	assert_ptr_not_equal(copy, src);
	assert_string_equal(copy, src);
	free(copy);
	assert_null(jx_strdup(NULL));
	copy = jx_strdup("");
	assert_string_equal(copy, "");
	free(copy);
}

/* The fast path (no utf8proc) and the NFKC path give the same keys: text
 * of the tables' usual characters, full-width forms, and characters only
 * NFKC folds (①, Ⅱ, ﬁ) mixed in. */
static void
key_fast_and_slow_agree(void **state)
{
	static const struct { const char *in, *key; } cases[] = {
		{ "社会效益指 标", "社会效益指标" },
		{ "人员满意度（%）", "人员满意度(%)" },
		{ "ＡＢＣ１２３", "abc123" },
		{ "≥９０％", "≥90%" },
		{ "《条例》、。", "《条例》、。" },
		{ "社区\u3000工作", "社区工作" },
		{ "第①项", "第1项" },
		{ "Ⅱ类", "ii类" },
		{ "ﬁle 社区", "file社区" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *key = jx_text_key(cases[i].in);
		assert_non_null(key);
		assert_string_equal(key, cases[i].key);
		free(key);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_fast_and_slow_agree),
		cmocka_unit_test(nfkc_folds_full_width),
		cmocka_unit_test(nfkc_refuses_invalid),
		cmocka_unit_test(key_removes_space_and_case),
		cmocka_unit_test(key_matches_broken_cells),
		cmocka_unit_test(trim_both_ends),
		cmocka_unit_test(strdup_copies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
