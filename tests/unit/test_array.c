/*
 * test_array.c — unit tests for core/array.c (growing arrays of records)
 * and core/strbuf.c (text built piece by piece).
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

#include "core/array.h"
#include "core/strbuf.h"

struct item {
	int a;
	char text[12];
};

/* Appends give zeroed elements in order, and the array keeps what was put
 * in earlier elements as it grows. */
static void
test_append(void **state)
{
	struct item *v = NULL;
	size_t n = 0, cap = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		struct item *it = JX_APPEND(v, n, cap);
		assert_non_null(it);
		assert_int_equal(it->a, 0);
		assert_string_equal(it->text, "");
		it->a = i;
		it->text[0] = (char)('a' + i % 26);
	}
	assert_int_equal(n, 1000);
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(v[i].a, i);
		assert_int_equal(v[i].text[0], 'a' + i % 26);
	}
	free(v);
}

/* Grow leaves a roomy array alone, and copes with an array built by hand
 * whose capacity says 0 although it holds elements. */
static void
test_grow(void **state)
{
	size_t cap = 8;
	int *v = malloc(8 * sizeof *v), *w;

	(void)state;
	assert_ptr_equal(jx_array_grow(v, 3, &cap, sizeof *v), v);
	assert_int_equal(cap, 8);
	cap = 0;
	w = jx_array_grow(v, 8, &cap, sizeof *v);
	assert_non_null(w);
	assert_true(cap > 8);
	free(w);
	/* An element size that cannot fit is refused, nothing changed. */
	cap = 1;
	v = malloc(sizeof *v);
	assert_null(jx_array_grow(v, 1, &cap, SIZE_MAX / 2 + 1));
	assert_int_equal(cap, 1);
	free(v);
}

static void
test_strbuf(void **state)
{
	struct jx_strbuf b = JX_STRBUF_INIT;

	(void)state;
	jx_strbuf_add(&b, NULL);
	assert_null(b.s);
	jx_strbuf_add(&b, "");
	assert_string_equal(b.s, "");
	for (int i = 0; i < 500; i++)
		jx_strbuf_add(&b, "资金使用率");
	assert_int_equal(b.len, 500 * strlen("资金使用率"));
	assert_int_equal(strlen(b.s), b.len);
	assert_false(b.oom);
	assert_int_equal(memcmp(b.s + b.len - strlen("资金使用率"),
				"资金使用率", strlen("资金使用率")), 0);
	jx_strbuf_free(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	/* Once out of memory, nothing more is added. */
	b.oom = true;
	jx_strbuf_add(&b, "x");
	assert_null(b.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_strbuf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
