/*
 * test_error.c — unit tests for core/error.c: status texts, setting and
 * formatting caller-owned errors (with and without a position), cutting
 * long messages on a UTF-8 boundary, and the error list.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/error.h"

static void
status_texts(void **state)
{
	(void)state;
	assert_string_equal(jx_status_text(JX_OK), "ok");
	assert_string_equal(jx_status_text(JX_NOMEM), "out of memory");
	assert_string_equal(jx_status_text(JX_INVALID), "invalid value");
	assert_string_equal(jx_status_text(JX_TOONEW),
			    "database from a newer version");
	assert_string_equal(jx_status_text(JX_USAGE), "usage error");
	assert_string_equal(jx_status_text((enum jx_status)(JX_USAGE + 1)),
			    "unknown status");
	assert_string_equal(jx_status_text((enum jx_status)-1),
			    "unknown status");
}

static void
set_keeps_position(void **state)
{
	struct jx_error err;

	(void)state;
	jx_error_clear(&err);
	assert_int_equal(jx_error_at(&err, JX_SYNTAX, "keymaps/default.yaml",
				     7, 3, "unknown action \"%s\"", "quit-all"),
			 JX_SYNTAX);
	assert_string_equal(err.file, "keymaps/default.yaml");
	assert_int_equal(err.line, 7);
	assert_int_equal(err.column, 3);
	assert_int_equal(jx_error_set(&err, JX_INVALID, "bad %d", 42),
			 JX_INVALID);
	assert_int_equal(err.status, JX_INVALID);
	assert_string_equal(err.message, "bad 42");
	assert_string_equal(err.file, "keymaps/default.yaml");
	assert_int_equal(err.line, 7);
	assert_int_equal(err.column, 3);

	jx_error_clear(&err);
	assert_int_equal(err.status, JX_OK);
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	assert_int_equal(err.column, 0);
	assert_string_equal(err.message, "");
}

static void
null_error_only_returns_status(void **state)
{
	(void)state;
	assert_int_equal(jx_error_set(NULL, JX_NOMEM, "x"), JX_NOMEM);
	assert_int_equal(jx_error_at(NULL, JX_IO, "f", 1, 2, "y"), JX_IO);
	jx_error_clear(NULL);
}

static void
at_without_file_or_position(void **state)
{
	struct jx_error err;

	(void)state;
	jx_error_clear(&err);
	jx_error_at(&err, JX_IO, NULL, -5, -1, "%s", "gone");
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	assert_int_equal(err.column, 0);
}

struct format_case {
	const char *file;
	long line, column;
	const char *message;
	const char *text;
};

static const struct format_case format_cases[] = {
	{ "a.yaml", 3, 9, "bad key", "a.yaml:3:9: bad key" },
	{ "a.yaml", 3, 0, "bad key", "a.yaml:3: bad key" },
	{ "a.yaml", 0, 9, "bad key", "a.yaml: bad key" },
	{ "", 3, 9, "bad key", "line 3, column 9: bad key" },
	{ "", 3, 0, "bad key", "line 3: bad key" },
	{ "", 0, 0, "bad key", "bad key" },
	{ "", 0, 0, "", "syntax error" },   /* empty message: status text */
	{ "\xE7\xA4\xBE.yaml", 1, 1, "\xE6\x97\xA0",
	  "\xE7\xA4\xBE.yaml:1:1: \xE6\x97\xA0" },
};

static void
format_leaves_out_unknown_parts(void **state)
{
	char buf[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
		const struct format_case *c = &format_cases[i];
		struct jx_error err;

		jx_error_clear(&err);
		jx_error_at(&err, JX_SYNTAX, c->file, c->line, c->column, "%s",
			    c->message);
		jx_error_format(&err, buf, sizeof buf);
		assert_string_equal(buf, c->text);
	}
	jx_error_format(NULL, buf, sizeof buf);
	assert_string_equal(buf, "");
}

static void
format_tiny_buffer(void **state)
{
	char buf[16];
	struct jx_error err;

	(void)state;
	jx_error_clear(&err);
	jx_error_at(&err, JX_SYNTAX, "f.yaml", 12, 4, "oops");
	memset(buf, 'X', sizeof buf);
	jx_error_format(&err, buf, 6);
	assert_string_equal(buf, "f.yam");
	assert_int_equal(buf[6], 'X');
	jx_error_format(&err, buf, 1);
	assert_string_equal(buf, "");
	buf[0] = 'Z';
	jx_error_format(&err, buf, 0);   /* writes nothing */
	assert_int_equal(buf[0], 'Z');
	jx_error_format(&err, NULL, 0);
}

/* A message or file name longer than its buffer ends on a whole character. */
static void
long_text_cut_on_character(void **state)
{
	char big[2000], buf[10];
	struct jx_error err;
	size_t i, len;

	(void)state;
	big[0] = '\0';
	for (i = 0; i < 600; i++)
		strcat(big, "\xE7\xA4\xBE");   /* 社, 3 bytes */
	jx_error_clear(&err);
	jx_error_at(&err, JX_INVALID, big, 1, 1, "x%s", big);
	len = strlen(err.message);
	assert_true(len < JX_ERR_MSG);
	assert_true(len > JX_ERR_MSG - 5);
	assert_int_equal((len - 1) % 3, 0);   /* "x" then whole 社 */
	len = strlen(err.file);
	assert_true(len < JX_ERR_FILE && len > JX_ERR_FILE - 5);
	assert_int_equal(len % 3, 0);

	jx_error_format(&err, buf, sizeof buf);   /* 9 bytes: three 社 */
	assert_int_equal(strlen(buf), 9);
	jx_error_format(&err, buf, 9);            /* 8 bytes: two 社 */
	assert_int_equal(strlen(buf), 6);
}

/* The message may be formatted from itself. */
static void
message_from_itself(void **state)
{
	struct jx_error err;

	(void)state;
	jx_error_clear(&err);
	jx_error_set(&err, JX_IO, "cannot open \"%s\"", "a.db");
	jx_error_set(&err, err.status, "while importing: %s", err.message);
	assert_string_equal(err.message,
			    "while importing: cannot open \"a.db\"");
}

static void
list_collects_every_error(void **state)
{
	struct jx_errlist list;
	struct jx_error err;
	long i;

	(void)state;
	jx_errlist_init(&list);
	assert_null(list.items);
	assert_int_equal(list.count, 0);
	for (i = 1; i <= 100; i++) {
		jx_error_clear(&err);
		jx_error_at(&err, JX_SYNTAX, "k.yaml", i, 1, "mistake %ld", i);
		assert_int_equal(jx_errlist_add(&list, &err), JX_OK);
	}
	assert_int_equal(list.count, 100);
	assert_true(list.cap >= 100);
	for (i = 0; i < 100; i++) {
		char want[32];

		snprintf(want, sizeof want, "mistake %ld", i + 1);
		assert_string_equal(list.items[i].message, want);
		assert_int_equal(list.items[i].line, i + 1);
	}
	jx_errlist_free(&list);
	assert_null(list.items);
	assert_int_equal(list.count, 0);
	jx_errlist_free(&list);   /* twice is harmless */
	jx_errlist_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_texts),
		cmocka_unit_test(set_keeps_position),
		cmocka_unit_test(null_error_only_returns_status),
		cmocka_unit_test(at_without_file_or_position),
		cmocka_unit_test(format_leaves_out_unknown_parts),
		cmocka_unit_test(format_tiny_buffer),
		cmocka_unit_test(long_text_cut_on_character),
		cmocka_unit_test(message_from_itself),
		cmocka_unit_test(list_collects_every_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
