/*
 * test_pinyin.c — unit tests for core/pinyin.c and its generated table:
 * the initials of indicator names from the seed tables, mixed Chinese,
 * Latin, digits and punctuation, readings that start with a toned vowel or
 * nasal, code points outside the table or without a reading, invalid
 * UTF-8, polyphones (the first kMandarin reading), matching and prefixes,
 * and buffers too small for the initials.
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

#include <string.h>

#include "core/pinyin.h"

/* Asserts the initials of s are want, and that the returned length says
 * so. */
static void
check(const char *s, const char *want)
{
	char buf[128];

	assert_int_equal(jx_pinyin_initials(s, buf, sizeof buf), strlen(want));
	assert_string_equal(buf, want);
}

/* ---- initials ------------------------------------------------------------ */

static void
seed_indicator_names(void **state)
{
	(void)state;
	check("满意度", "myd");
	check("资金使用率", "zjsyl");
	check("社区工作人员人数", "sqgzryrs");
	check("服务对象满意度", "fwdxmyd");
	check("项目验收通过率", "xmystgl");
	check("七贤岭街道食堂运行费用", "qxljdstyxfy");
	check("采暖费缴纳及时率", "cnfjnjsl");
	check("居民对楼长的知晓率", "jmdlzdzxl");
}

static void
mixed_text(void **state)
{
	(void)state;
	/* letters lowered and digits kept; spaces and punctuation skipped */
	check("Hello 世界", "hellosj");
	check("综合服务站 1 年系统日常维护", "zhfwz1nxtrcwh");
	check("资金使用率（%）", "zjsyl");
	check("2021年度", "2021nd");
	check("≥90%使用率", "90syl");
	/* full-width letters are not ASCII: fold them first (jx_text_key) */
	check("ＡＢ资金", "zj");
	/* kana and an emoji are skipped */
	check("かな资金😀", "zj");
	check("", "");
	check(NULL, "");
}

static void
toned_vowel_readings(void **state)
{
	(void)state;
	/* kMandarin: 爱 ài, 恶 è, 饿 è, 二 èr, 欧 ōu, 安 ān, 哦 ó */
	assert_int_equal(jx_pinyin_initial(0x7231), 'a');
	assert_int_equal(jx_pinyin_initial(0x6076), 'e');
	assert_int_equal(jx_pinyin_initial(0x997F), 'e');
	assert_int_equal(jx_pinyin_initial(0x4E8C), 'e');
	assert_int_equal(jx_pinyin_initial(0x6B27), 'o');
	assert_int_equal(jx_pinyin_initial(0x5B89), 'a');
	assert_int_equal(jx_pinyin_initial(0x54E6), 'o');
	/* nasals: 嗯 ń, 呣 ḿ */
	assert_int_equal(jx_pinyin_initial(0x55EF), 'n');
	assert_int_equal(jx_pinyin_initial(0x5463), 'm');
	/* Extension A: U+354C ài */
	assert_int_equal(jx_pinyin_initial(0x354C), 'a');
	check("爱二恶欧", "aeeo");
}

static void
outside_the_table(void **state)
{
	(void)state;
	/* the edges: U+3400 qiū, U+9FA5 龥 yù */
	assert_int_equal(jx_pinyin_initial(0x3400), 'q');
	assert_int_equal(jx_pinyin_initial(0x9FA5), 'y');
	assert_int_equal(jx_pinyin_initial(0x33FF), 0);
	assert_int_equal(jx_pinyin_initial(0xA000), 0);
	/* in the table but without a reading: a hexagram, 兙, U+9FFF */
	assert_int_equal(jx_pinyin_initial(0x4DC0), 0);
	assert_int_equal(jx_pinyin_initial(0x5159), 0);
	assert_int_equal(jx_pinyin_initial(0x9FFF), 0);
	/* 〇, a compatibility ideograph, Extension B, ASCII, nonsense */
	assert_int_equal(jx_pinyin_initial(0x3007), 0);
	assert_int_equal(jx_pinyin_initial(0xF900), 0);
	assert_int_equal(jx_pinyin_initial(0x20BBE), 0);
	assert_int_equal(jx_pinyin_initial('a'), 0);
	assert_int_equal(jx_pinyin_initial(-1), 0);
	assert_int_equal(jx_pinyin_initial(0x110000), 0);
	check("兙资\xF0\xA0\xAE\xBE金", "zj");
	/* every code point the table covers gives a letter or nothing */
	for (int32_t cp = JX_PINYIN_FIRST; cp <= JX_PINYIN_LAST; cp++) {
		char c = jx_pinyin_initial(cp);

		assert_true(c == 0 || (c >= 'a' && c <= 'z'));
	}
}

static void
invalid_utf8_is_skipped(void **state)
{
	(void)state;
	check("\xFF资\x80金", "zj");
	check("资\xE9", "z");            /* a truncated sequence at the end */
	check("\xE8\xB5zj", "zj");       /* and one in the middle */
}

static void
polyphones_take_the_first_reading(void **state)
{
	(void)state;
	/* 行 xíng: right for 运行 and 执行, wrong for 银行 (háng) */
	check("运行", "yx");
	check("银行", "yx");
	/* 重 zhòng: 重点, not 重复 (chóng) */
	check("政法重点工作经费", "zfzdgzjf");
	/* 长 zhǎng: right for 楼长, wrong for 长期 (cháng) */
	check("楼长", "lz");
	check("长期使用性", "zqsyx");
	assert_false(jx_pinyin_match("长期使用性", "cqsyx"));
	/* 率 lǜ, as in every …率 of the seeds */
	check("效率", "xl");
}

/* ---- matching ------------------------------------------------------------- */

static void
match_cases(void **state)
{
	(void)state;
	assert_true(jx_pinyin_match("资金使用率", "zjsyl"));
	assert_true(jx_pinyin_match("资金使用率", "ZJSYL"));
	assert_true(jx_pinyin_match("资金使用率", "jsy"));
	assert_true(jx_pinyin_match("资金使用率", "syl"));
	assert_true(jx_pinyin_match("资金使用率", "l"));
	assert_true(jx_pinyin_match("资金使用率（%）", "zjsyl"));
	assert_true(jx_pinyin_match("服务对象满意度", "myd"));
	assert_true(jx_pinyin_match("社区工作人员人数", "SqGz"));
	assert_false(jx_pinyin_match("资金使用率", "zjsyll"));
	assert_false(jx_pinyin_match("资金使用率", "zs"));
	assert_false(jx_pinyin_match("资金使用率", "mgd"));
	assert_false(jx_pinyin_match("满意度", "mgd"));
	/* a partial match at one start does not hide a later one: ryrs */
	assert_true(jx_pinyin_match("人员人数", "rs"));
	assert_false(jx_pinyin_match("人员人数", "rrs"));
	/* digits and letters of the text take part */
	assert_true(jx_pinyin_match("2021年度", "21nd"));
	assert_true(jx_pinyin_match("Hello 世界", "osj"));
	/* an empty query matches; anything but letters and digits never does */
	assert_true(jx_pinyin_match("资金", ""));
	assert_true(jx_pinyin_match("资金", NULL));
	assert_true(jx_pinyin_match(NULL, ""));
	assert_false(jx_pinyin_match(NULL, "z"));
	assert_false(jx_pinyin_match("", "z"));
	assert_false(jx_pinyin_match("资金使用率", "zj sy"));
	assert_false(jx_pinyin_match("资金使用率", "资金"));
	assert_false(jx_pinyin_match("资金（%）", "zj%"));
}

static void
prefix_cases(void **state)
{
	(void)state;
	assert_true(jx_pinyin_prefix("资金使用率", "zj"));
	assert_true(jx_pinyin_prefix("资金使用率", "ZJSYL"));
	assert_true(jx_pinyin_prefix("（%）资金", "zj"));
	assert_false(jx_pinyin_prefix("资金使用率", "sy"));
	assert_false(jx_pinyin_prefix("资金使用率", "zjsyll"));
	assert_false(jx_pinyin_prefix("资金使用率", "z-j"));
	assert_true(jx_pinyin_prefix("资金", ""));
	assert_true(jx_pinyin_prefix(NULL, NULL));
	assert_false(jx_pinyin_prefix(NULL, "z"));
}

/* The initials of a name match it, and so does each of their substrings;
 * exactly those equal to their start are prefixes. */
static void
match_agrees_with_initials(void **state)
{
	static const char *const names[] = {
		"社区工作人员人数", "综合服务站 1 年系统日常维护",
		"七贤岭街道食堂运行费用", "Hello 世界", "资金使用率（%）",
	};
	char ini[64], sub[64];

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t n = jx_pinyin_initials(names[i], ini, sizeof ini);

		assert_true(n < sizeof ini);
		for (size_t a = 0; a < n; a++)
			for (size_t b = a + 1; b <= n; b++) {
				memcpy(sub, ini + a, b - a);
				sub[b - a] = '\0';
				assert_true(jx_pinyin_match(names[i], sub));
				assert_int_equal(jx_pinyin_prefix(names[i], sub),
						 strncmp(ini, sub, b - a) == 0);
			}
	}
}

/* ---- buffers ----------------------------------------------------------------- */

static void
tiny_buffers(void **state)
{
	char buf[8];

	(void)state;
	/* size 0: nothing written, out may be NULL; the length is still told */
	assert_int_equal(jx_pinyin_initials("资金使用率", NULL, 0), 5);
	memset(buf, '#', sizeof buf);
	assert_int_equal(jx_pinyin_initials("资金使用率", buf, 0), 5);
	assert_int_equal(buf[0], '#');
	/* size 1: just the NUL */
	assert_int_equal(jx_pinyin_initials("资金使用率", buf, 1), 5);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], '#');
	/* cut, always NUL-terminated, nothing written past size */
	memset(buf, '#', sizeof buf);
	assert_int_equal(jx_pinyin_initials("资金使用率", buf, 3), 5);
	assert_string_equal(buf, "zj");
	assert_int_equal(buf[3], '#');
	memset(buf, '#', sizeof buf);
	assert_int_equal(jx_pinyin_initials("资金使用率", buf, 5), 5);
	assert_string_equal(buf, "zjsy");
	assert_int_equal(buf[5], '#');
	/* exactly enough room */
	memset(buf, '#', sizeof buf);
	assert_int_equal(jx_pinyin_initials("资金使用率", buf, 6), 5);
	assert_string_equal(buf, "zjsyl");
	assert_int_equal(buf[6], '#');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_indicator_names),
		cmocka_unit_test(mixed_text),
		cmocka_unit_test(toned_vowel_readings),
		cmocka_unit_test(outside_the_table),
		cmocka_unit_test(invalid_utf8_is_skipped),
		cmocka_unit_test(polyphones_take_the_first_reading),
		cmocka_unit_test(match_cases),
		cmocka_unit_test(prefix_cases),
		cmocka_unit_test(match_agrees_with_initials),
		cmocka_unit_test(tiny_buffers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
