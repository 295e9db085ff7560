/*
 * test_money.c — unit tests for core/money.c: parsing 万元 as printed in the
 * seed tables into integer yuan, the messages for bad amounts, and both
 * formatters (shortest exact and fixed with rounding), including tiny
 * buffers.
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

#include "core/money.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

struct good {
	const char *text;
	int64_t yuan;
};

/* Amounts as they appear in seeds/000 and seeds/003. */
static const struct good seed_amounts[] = {
	{ "1661", 16610000 },
	{ "79", 790000 },
	{ "210", 2100000 },
	{ "371.58", 3715800 },
	{ "115.73", 1157300 },
	{ "130.97", 1309700 },
	{ "2.00", 20000 },
	{ "0", 0 },
	{ "1.58", 15800 },
	{ "0.6", 6000 },
	{ "91.39", 913900 },
	{ "0.1234", 1234 },
	{ "0.0001", 1 },
};

static void
parse_seed_amounts(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(seed_amounts); i++) {
		struct jx_error err;
		int64_t yuan = -42;

		jx_error_clear(&err);
		if (jx_money_parse_wan(seed_amounts[i].text, &yuan, &err) != JX_OK)
			fail_msg("\"%s\": %s", seed_amounts[i].text, err.message);
		if (yuan != seed_amounts[i].yuan)
			fail_msg("\"%s\" gave %lld yuan", seed_amounts[i].text,
				 (long long)yuan);
		assert_int_equal(err.status, JX_OK);
	}
}

static const struct good written_forms[] = {
	{ "1,234.5", 12345000 },
	{ "1,234,567", 12345670000 },
	{ "\xEF\xBC\x93\xEF\xBC\x97\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95\xEF\xBC\x98",
	  3715800 },                                    /* ３７１．５８ */
	{ "371.58\xE4\xB8\x87\xE5\x85\x83", 3715800 },  /* 371.58万元 */
	{ "371.58 \xE4\xB8\x87\xE5\x85\x83 ", 3715800 },
	{ " 12 ", 120000 },
	{ "\xE3\x80\x80" "12\xE3\x80\x80\xE3\x80\x80", 120000 },  /* U+3000 */
	{ "\t5\r\n", 50000 },
	{ "-0.05", -500 },
	{ "\xEF\xBC\x8D\xEF\xBC\x90\xEF\xBC\x8E\xEF\xBC\x90\xEF\xBC\x95", -500 },
	{ "-0", 0 },
	{ "007", 70000 },
	{ "130.97000", 1309700 },           /* zeros past 4 decimals lose nothing */
	{ "3\xEF\xBC\x97" "1.58", 3715800 }, /* mixed full-width and ASCII */
	{ "100000000000", JX_MONEY_MAX_YUAN },
	{ "-100,000,000,000.0000", -JX_MONEY_MAX_YUAN },
};

static void
parse_written_forms(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(written_forms); i++) {
		struct jx_error err;
		int64_t yuan = -42;

		jx_error_clear(&err);
		if (jx_money_parse_wan(written_forms[i].text, &yuan, &err) != JX_OK)
			fail_msg("\"%s\": %s", written_forms[i].text, err.message);
		if (yuan != written_forms[i].yuan)
			fail_msg("\"%s\" gave %lld yuan", written_forms[i].text,
				 (long long)yuan);
	}
}

struct bad {
	const char *text;
	const char *says;       /* must appear in the message */
};

static const struct bad bad_amounts[] = {
	{ "", "is empty" },
	{ "   ", "is empty" },
	{ "\xE3\x80\x80", "is empty" },
	{ "\xE4\xB8\x87\xE5\x85\x83", "no number before" },
	{ "abc", "unexpected \"a\"" },
	{ "1.23456", "more than four decimals" },
	{ "0.00001", "more than four decimals" },
	{ "1..2", "more than one decimal point" },
	{ "1.2.3", "more than one decimal point" },
	{ "1,23", "thousands separator" },
	{ "1234,567", "thousands separator" },
	{ ",123", "thousands separator" },
	{ "1,2345", "thousands separator" },
	{ "1,,234", "thousands separator" },
	{ "1,234.5,6", "thousands separator" },
	{ "12,34.5", "thousands separator" },
	{ "100000000000.0001", "too large" },
	{ "100000000001", "too large" },
	{ "-100000000001", "too large" },
	{ "99999999999999999999999999", "too large" },
	{ "\xEF\xBC\x91\xEF\xBC\x92" "a", "unexpected \"a\"" },   /* １２a */
	{ "-", "no digits" },
	{ "--1", "unexpected \"-\"" },
	{ "1-", "unexpected \"-\"" },
	{ "+1", "unexpected \"+\"" },
	{ ".5", "no digit before the decimal point" },
	{ "5.", "no digit after the decimal point" },
	{ "1 2", "unexpected \" \"" },
	{ "371.58\xE5\x85\x83", "unexpected \"\xE5\x85\x83\"" },  /* 371.58元 */
	{ "12%", "unexpected \"%\"" },
	{ "1e3", "unexpected \"e\"" },
	{ "\xFF" "1", "unexpected \"\\xFF\"" },   /* a stray byte, in hex */
};

static void
parse_rejects_with_message(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(bad_amounts); i++) {
		const struct bad *b = &bad_amounts[i];
		char quoted[128];
		struct jx_error err;
		int64_t yuan = -42;

		jx_error_clear(&err);
		if (jx_money_parse_wan(b->text, &yuan, &err) != JX_INVALID)
			fail_msg("\"%s\" was accepted", b->text);
		assert_int_equal(err.status, JX_INVALID);
		assert_int_equal(yuan, -42);   /* *out untouched */
		if (strstr(err.message, b->says) == NULL)
			fail_msg("\"%s\": message \"%s\" does not say \"%s\"",
				 b->text, err.message, b->says);
		/* The message quotes the text (control characters as '?'). */
		if (strchr(b->text, '\t') == NULL && b->text[0] != '\xFF') {
			snprintf(quoted, sizeof quoted, "\"%s\"", b->text);
			if (strstr(err.message, quoted) == NULL)
				fail_msg("message \"%s\" does not quote %s",
					 err.message, quoted);
		}
	}
}

static void
parse_null_and_no_error_struct(void **state)
{
	int64_t yuan = 7;

	(void)state;
	assert_int_equal(jx_money_parse_wan(NULL, &yuan, NULL), JX_INVALID);
	assert_int_equal(jx_money_parse_wan("abc", &yuan, NULL), JX_INVALID);
	assert_int_equal(yuan, 7);
	assert_int_equal(jx_money_parse_wan("1.5", &yuan, NULL), JX_OK);
	assert_int_equal(yuan, 15000);
}

/* A long cell is quoted only in part, cut on a character boundary. */
static void
parse_long_text_is_quoted_in_part(void **state)
{
	char text[400];
	struct jx_error err;
	int64_t yuan;
	size_t i, len;

	(void)state;
	text[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(text, "\xE7\xA4\xBE");  /* 社 */
	jx_error_clear(&err);
	assert_int_equal(jx_money_parse_wan(text, &yuan, &err), JX_INVALID);
	assert_non_null(strstr(err.message, "\xE2\x80\xA6\""));  /* …" */
	len = strlen(err.message);
	assert_true(len < 200);
	/* Every 社 in the quote is whole: the quote is 3-byte characters. */
	assert_non_null(strstr(err.message, "\"\xE7\xA4\xBE"));
	assert_null(strstr(err.message, "\xE7\xA4\xE2"));
	assert_null(strstr(err.message, "\xE7\xE2"));
}

/* The seed 000 projects add up to the 2821.68 the table's summary states. */
static void
seed_sum_is_exact(void **state)
{
	static const char *const amounts[] = {
		"1661", "79", "210", "371.58", "91.39", "161.26", "16.29",
		"0.6", "114.83", "115.73"
	};
	int64_t sum = 0, yuan, total;
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(amounts); i++) {
		assert_int_equal(jx_money_parse_wan(amounts[i], &yuan, NULL),
				 JX_OK);
		sum += yuan;
	}
	assert_int_equal(jx_money_parse_wan("2821.68", &total, NULL), JX_OK);
	assert_int_equal(sum, total);
	assert_int_equal(sum, 28216800);
	assert_int_equal(jx_money_format_wan(sum, buf, sizeof buf), 7);
	assert_string_equal(buf, "2821.68");
}

static const struct good shortest_forms[] = {
	{ "371.58", 3715800 },
	{ "1661", 16610000 },
	{ "0", 0 },
	{ "-0.05", -500 },
	{ "0.0001", 1 },
	{ "-0.0001", -1 },
	{ "0.001", 10 },
	{ "130.97", 1309700 },
	{ "2", 20000 },
	{ "0.6", 6000 },
	{ "100000000000", JX_MONEY_MAX_YUAN },
	{ "922337203685477.5807", INT64_MAX },
	{ "-922337203685477.5808", INT64_MIN },
};

static void
format_shortest(void **state)
{
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(shortest_forms); i++) {
		int n = jx_money_format_wan(shortest_forms[i].yuan, buf,
					    sizeof buf);
		assert_string_equal(buf, shortest_forms[i].text);
		assert_int_equal(n, (int)strlen(shortest_forms[i].text));
	}
}

/* format(parse(x)) is the shortest form, parse(format(y)) is y. */
static void
format_parse_round_trip(void **state)
{
	uint64_t seed = 12345;
	char buf[32];
	int64_t back;
	int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		int64_t yuan;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		yuan = (int64_t)(seed >> 14) % JX_MONEY_MAX_YUAN;
		if (i % 3 == 0)
			yuan %= 100000;  /* many small amounts with decimals */
		if (i % 2)
			yuan = -yuan;
		jx_money_format_wan(yuan, buf, sizeof buf);
		if (jx_money_parse_wan(buf, &back, NULL) != JX_OK || back != yuan)
			fail_msg("%lld -> \"%s\" did not come back",
				 (long long)yuan, buf);
	}
	assert_int_equal(jx_money_parse_wan("2.00", &back, NULL), JX_OK);
	jx_money_format_wan(back, buf, sizeof buf);
	assert_string_equal(buf, "2");
}

struct fixed_case {
	int64_t yuan;
	int decimals;
	const char *text;
};

static const struct fixed_case fixed_cases[] = {
	{ 3715800, 2, "371.58" },
	{ 3715800, 4, "371.5800" },
	{ 3715800, 0, "372" },
	{ 16610000, 2, "1661.00" },
	{ 0, 2, "0.00" },
	{ 3715000, 0, "372" },          /* 371.5: half away from zero */
	{ -3715000, 0, "-372" },
	{ -3714999, 0, "-371" },
	{ 1309750, 2, "130.98" },       /* 130.975 */
	{ -1309750, 2, "-130.98" },
	{ 1309749, 2, "130.97" },
	{ 1309745, 3, "130.975" },      /* 130.9745 */
	{ 1309744, 3, "130.974" },
	{ 99995, 2, "10.00" },          /* carry into the whole part */
	{ -4, 0, "0" },                 /* rounds to zero: no sign */
	{ -49, 2, "0.00" },
	{ -50, 2, "-0.01" },
	{ 5, 3, "0.001" },
	{ INT64_MIN, 0, "-922337203685478" },
	{ INT64_MAX, 4, "922337203685477.5807" },
};

static void
format_fixed_rounds_half_away(void **state)
{
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(fixed_cases); i++) {
		const struct fixed_case *c = &fixed_cases[i];
		int n = jx_money_format_wan_fixed(c->yuan, c->decimals, buf,
						  sizeof buf);

		if (strcmp(buf, c->text) != 0)
			fail_msg("%lld with %d decimals gave \"%s\", not \"%s\"",
				 (long long)c->yuan, c->decimals, buf, c->text);
		assert_int_equal(n, (int)strlen(c->text));
	}
}

static void
format_fixed_bad_decimals(void **state)
{
	char buf[8] = "xxxxxxx";

	(void)state;
	assert_int_equal(jx_money_format_wan_fixed(100, 5, buf, sizeof buf), -1);
	assert_string_equal(buf, "");
	strcpy(buf, "xx");
	assert_int_equal(jx_money_format_wan_fixed(100, -1, buf, sizeof buf), -1);
	assert_string_equal(buf, "");
	assert_int_equal(jx_money_format_wan_fixed(100, 9, NULL, 0), -1);
}

/* Like snprintf: the full length is returned, and nothing past size. */
static void
format_tiny_buffers(void **state)
{
	char buf[16];
	size_t size;

	(void)state;
	assert_int_equal(jx_money_format_wan(3715800, NULL, 0), 6);
	assert_int_equal(jx_money_format_wan_fixed(3715800, 4, NULL, 0), 8);
	for (size = 0; size <= 8; size++) {
		memset(buf, 'X', sizeof buf);
		assert_int_equal(jx_money_format_wan(-3715800, buf, size), 7);
		if (size > 0) {
			assert_int_equal(strlen(buf), size - 1 < 7 ? size - 1 : 7);
			assert_memory_equal(buf, "-371.58", strlen(buf));
		}
		assert_int_equal(buf[size], 'X');
		memset(buf, 'X', sizeof buf);
		assert_int_equal(jx_money_format_wan_fixed(3715800, 4, buf, size),
				 8);
		assert_int_equal(buf[size], 'X');
		if (size > 0)
			assert_int_equal(buf[size - 1 < 8 ? size - 1 : 8], '\0');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_seed_amounts),
		cmocka_unit_test(parse_written_forms),
		cmocka_unit_test(parse_rejects_with_message),
		cmocka_unit_test(parse_null_and_no_error_struct),
		cmocka_unit_test(parse_long_text_is_quoted_in_part),
		cmocka_unit_test(seed_sum_is_exact),
		cmocka_unit_test(format_shortest),
		cmocka_unit_test(format_parse_round_trip),
		cmocka_unit_test(format_fixed_rounds_half_away),
		cmocka_unit_test(format_fixed_bad_decimals),
		cmocka_unit_test(format_tiny_buffers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
