/*
 * test_term_out.c — the stream put in front of a terminal shows control
 * characters (caret notation, U+FFFD for C1) and passes everything else,
 * however the writes cut the text (cli/term_out.h).
 */
#define _POSIX_C_SOURCE 200809L

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/term_out.h"

#define FFFD "\xEF\xBF\xBD"

/* What comes out of the stream when `pieces` are written to it, each
 * flushed on its own (so each is one write of the stream). */
static char *
through(const char *const *pieces, size_t n)
{
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	FILE *t;

	assert_non_null(mem);
	t = jx_term_out_open(mem);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++) {
		fputs(pieces[i], t);
		assert_int_equal(fflush(t), 0);
	}
	assert_int_equal(fclose(t), 0);
	assert_int_equal(fclose(mem), 0);
	return text;
}

static void
expect(const char *const *pieces, size_t n, const char *want)
{
	char *got = through(pieces, n);

	assert_string_equal(got, want);
	free(got);
}

#define EXPECT(want, ...) do { \
	static const char *const p_[] = { __VA_ARGS__ }; \
	expect(p_, sizeof p_ / sizeof *p_, want); \
} while (0)

static void
test_plain_text_passes(void **state)
{
	(void)state;
	EXPECT("", "");
	EXPECT("单位\t编码\n社区工作经费 ≥90% ©\n",
	       "单位\t编码\n社区工作经费 ≥90% \xC2\xA9\n");
}

static void
test_controls_shown(void **state)
{
	(void)state;
	EXPECT("资金^[]0;pwned^G尾\n", "资金\x1B]0;pwned\x07尾\n");
	EXPECT("a^Mb^?c^A\td\n", "a\rb\x7F" "c\x01\td\n");
	EXPECT("x" FFFD "1m" FFFD "\n", "x\xC2\x9B" "1m\xC2\x80\n");
}

/* 0xC2 at the end of one write: the next write's first byte says whether
 * it was C1, and a 0xC2 at the very end is passed as it was. */
static void
test_c1_cut_between_writes(void **state)
{
	(void)state;
	EXPECT("a" FFFD "b", "a\xC2", "\x9B" "b");
	EXPECT("a\xC2\xA9" "b", "a\xC2", "\xA9" "b");
	EXPECT("a\xC2", "a\xC2");
	EXPECT("a\xC2^[", "a\xC2", "\x1B");
	EXPECT("a" FFFD, "a\xC2", "\x85", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_controls_shown),
		cmocka_unit_test(test_c1_cut_between_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
