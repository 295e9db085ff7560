/*
 * test_compare.c — unit tests for analysis/compare.c: the verdict on a pair
 * of targets for every kind and rule (targets taken from the seeds where
 * they have one: `grep target: data/samples/NAME.yaml`), project matching
 * across years (link, code, name, duplicates, order, budgets, percent,
 * 500 × 500 projects), indicator matching (level aliases, suffixes,
 * duplicates) and the auditor's flag. A seed document is compared with
 * itself and with an edited copy.
 *
 * Every verdict is checked both ways: b → a must give the mirror verdict
 * (STRICTER ↔ LOOSER, the others unchanged).
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

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "analysis/level_keys.h"
#include "core/error.h"
#include "core/record.h"
#include "io/template_read.h"
#include "io/yaml_doc.h"

#ifndef JX_SRCDIR
#define JX_SRCDIR "."
#endif

#define N_OF(a) (sizeof (a) / sizeof (a)[0])

/* ---- verdicts ----------------------------------------------------------- */

static enum jx_verdict
mirror(enum jx_verdict v)
{
	return v == JX_V_STRICTER ? JX_V_LOOSER
	       : v == JX_V_LOOSER ? JX_V_STRICTER : v;
}

/* a → b must give want, and b → a its mirror. */
static void
check_verdict(const char *a, const char *b, enum jx_verdict want, int line)
{
	enum jx_verdict got = jx_compare_targets(a, b);
	enum jx_verdict back = jx_compare_targets(b, a);

	if (got != want)
		fail_msg("line %d: \"%s\" -> \"%s\": %s, expected %s", line,
			 a ? a : "(null)", b ? b : "(null)",
			 jx_verdict_name(got), jx_verdict_name(want));
	if (back != mirror(want))
		fail_msg("line %d: \"%s\" -> \"%s\": %s, expected %s", line,
			 b ? b : "(null)", a ? a : "(null)",
			 jx_verdict_name(back),
			 jx_verdict_name(mirror(want)));
}

#define SAME(a, b)     check_verdict(a, b, JX_V_SAME, __LINE__)
#define STRICTER(a, b) check_verdict(a, b, JX_V_STRICTER, __LINE__)
#define LOOSER(a, b)   check_verdict(a, b, JX_V_LOOSER, __LINE__)
#define REWORDED(a, b) check_verdict(a, b, JX_V_REWORDED, __LINE__)
#define KIND(a, b)     check_verdict(a, b, JX_V_KIND, __LINE__)

static void
test_the_issue_examples(void **state)
{
	(void)state;
	STRICTER("≥90%", "≥95%");
	STRICTER("≤6万元", "≤5万元");
	KIND("提高", "良好");
}

static void
test_same_text(void **state)
{
	(void)state;
	SAME(NULL, NULL);
	SAME(NULL, "");
	SAME("≥90%", "≥90%");
	SAME("服务质量的好坏", "服务质量的好坏");      /* TEXT */
	SAME("\xff\xfe", "\xff\xfe");                  /* not UTF-8 */
}

static void
test_empty(void **state)
{
	(void)state;
	SAME("", "无");
	SAME(NULL, "无");
	SAME("无", "/");
	SAME("无", " 无 ");
	SAME("—", "-");
}

/* Different spellings of one parsed number. */
static void
test_number_same(void **state)
{
	(void)state;
	SAME("100%", "100 百分比");
	SAME("≥95 百分比", "≥95%");
	SAME("≥90 百分比", "≥90%");
	SAME("≥９５％", "≥95%");
	SAME("≥90%", "90%以上");
	SAME("=14个", "14个");
	SAME("≥90使用率", "≥ 90使用率");
	SAME("≥10000 人", "≥1万人");
	SAME("≤4万元", "≤40000元");
	SAME("≤120 万元", "≤0.012亿元");
	SAME("≥4个月", "≥4月");
	SAME("≥346天", "≥346日");
}

static void
test_number_lower_bounds(void **state)
{
	(void)state;
	STRICTER("≥85%", "≥90%");
	STRICTER("≥95 百分比", "≥98 百分比");
	STRICTER("≥90使用率", "≥95使用率");
	STRICTER("≥90完成率", "≥95完成率");
	STRICTER("≥30人", "≥56人");
	STRICTER("≥49个", "≥100个");
	STRICTER("≥60 次", "≥168次");
	STRICTER("≥1次", ">1次");        /* same value: > over ≥ */
	STRICTER("≥1年", ">1年");
	STRICTER(">90%", "≥91%");
	LOOSER(">90%", "≥90%");
	LOOSER("≥10000 人", "≥0.9万人");
	STRICTER("≥80 是否积极发展党员", "≥90 是否积极发展党员");
}

static void
test_number_upper_bounds(void **state)
{
	(void)state;
	STRICTER("≤6万元", "≤50000元");
	STRICTER("≤5000元", "≤3000元");
	LOOSER("≤5000元", "≤6万元");
	LOOSER("≤2000元", "≤0.3万元");
	STRICTER("≤123人", "≤122人");
	STRICTER("≤20元/人/天", "≤18元/人/天");
	STRICTER("≤1200元/人", "<1200元/人");
	STRICTER("≤3000元", "<3000元");
	LOOSER("<3000元", "≤3000元");
	STRICTER("≤1 人", "<1 人");
	/* a product beyond int64_t still compares */
	STRICTER("≤999999999999亿元", "≤1元");
	LOOSER("≤1元", "≤999999999999亿元");
	STRICTER("≤999999999999元", "≤0.0001元");
}

/* = against =: only percentages have a direction. */
static void
test_number_exact(void **state)
{
	(void)state;
	LOOSER("100%", "95%");
	STRICTER("95%", "100 百分比");
	STRICTER("=90%", "=95%");
	REWORDED("=14个", "=16个");
	REWORDED("14个", "12 个");
	REWORDED("=5000元", "=4000元");
	REWORDED("=90使用率", "=95使用率");   /* a unit word is not % */
}

/* = against a bound: the = reads as that bound. */
static void
test_number_exact_vs_bound(void **state)
{
	(void)state;
	LOOSER("100%", "≥95%");
	STRICTER("≥95%", "100 百分比");
	LOOSER("100 百分比", "≥90 百分比");
	REWORDED("100%", "≥100%");
	REWORDED("14个", "≥14个");
	STRICTER("=14个", "≥16个");
	LOOSER("=14个", ">10个");
	STRICTER("≤5000元", "=4000元");
	LOOSER("=4000元", "≤5000元");
	REWORDED("≤5000元", "5000元");
}

static void
test_number_kind(void **state)
{
	(void)state;
	KIND("≥90%", "≤90%");
	KIND("≥90%", "<95%");
	KIND(">1年", "≤1年");
	KIND("≥90%", "≥90个");
	KIND("≥95使用率", "≥95%");       /* a unit word is not taken for % */
	/* Two nouns in the unit's place name the same measure differently:
	 * reworded, for the reader to judge (the demo's 产期 → 长期 typo). */
	REWORDED("≥90使用率", "≥90完成率");
	REWORDED("≥90产期使用性", "≥90长期使用性");
	KIND("≥90", "≥90%");              /* no unit is not % either */
	KIND("≤6万元", "≤6万元/公里");
	KIND("≤20元/人/天", "≤20元");
	KIND("≥1年", "≥12个月");          /* 年 and 月 are not converted */
	KIND("≥56人", "≥56人次");
	KIND("=14个", "14项");
}

/* Trailing words after the number are part of the target. */
static void
test_number_words(void **state)
{
	(void)state;
	REWORDED("≥80 是否积极发展党员", "≥80 是否按期开展党员培训");
	REWORDED("≥95 服务对象是否满意", "≥98 是否按期开展党组织工作经费");
	KIND("≥95 服务对象是否满意", "≥95%");
	SAME("≥90 党员参与活动的比例", "≥90党员参与活动的比例");
}

static void
test_deadlines(void **state)
{
	(void)state;
	SAME("12月底前", "12月底");
	SAME("年底前", "12月底前");
	SAME("6月30日前", "6月底前");
	SAME("2022年底", "2022年12月31日");
	SAME("2月底", "2月29日");            /* year 0: February may have 29 */
	SAME("2023年2月底", "2023年2月28日");
	STRICTER("12月底前", "6月底前");
	STRICTER("12月底前", "12月15日前");
	STRICTER("第三季度末", "上半年");
	LOOSER("6月30日前", "7月1日前");
	STRICTER("2022年底", "2022年6月30日");
	STRICTER("12月31日前", "<12月31日");
	REWORDED("2022年底", "2023年底");       /* each relative to its table */
	REWORDED("12月底前", "2022年底");       /* the table's year unknown */
	REWORDED("2022年前", "2022年底");       /* a year alone vs a month */
}

static void
test_words_ordered(void **state)
{
	(void)state;
	STRICTER("良好", "优秀");
	STRICTER("合格", "良好");
	STRICTER("达标", "优");
	STRICTER("较好", "优秀");
	STRICTER("基本满意", "满意");
	STRICTER("满意", "非常满意");
	STRICTER("较高", "高");
	STRICTER("高", "很高");
	STRICTER("较低", "低");
	LOOSER("稳定", "基本稳定");
	SAME("良 好", "良好");
	SAME("良好。", "良好");
}

static void
test_words_reworded(void **state)
{
	(void)state;
	REWORDED("提高", "有所提高");
	REWORDED("提高", "提升");
	REWORDED("逐步提高", "改善");
	REWORDED("降低", "减少");
	REWORDED("合格", "达标");
	REWORDED("良", "良好");
	REWORDED("稳定", "保持稳定");
	REWORDED("及时", "按时");
	REWORDED("长期", "可持续");
	REWORDED("是", "有");
	REWORDED("完成", "全部完成");
	REWORDED("明显", "显著");
	REWORDED("健全", "完善");
}

static void
test_words_kind(void **state)
{
	(void)state;
	KIND("提高", "良好");
	KIND("提高", "降低");
	KIND("是", "否");
	KIND("良好", "满意");
	KIND("高", "提高");
	KIND("按时", "完成");
	KIND("安全", "有效");
}

/* A copy of qualitative_words[] in core/target.c: every word must be in
 * compare.c's categories. Against 否 (alone in its category) a known word
 * is KIND; a word compare.c does not know would be REWORDED. */
static void
test_words_all_classified(void **state)
{
	static const char *const words[] = {
		"提高", "提升", "有所提高", "有所提升", "明显提高",
		"明显提升", "显著提高", "显著提升", "逐步提高", "逐步提升",
		"稳步提高", "稳步提升", "持续提高", "持续提升", "不断提高",
		"不断提升", "进一步提高", "进一步提升", "改善", "有所改善",
		"明显改善", "显著改善", "持续改善", "增强", "有所增强",
		"明显增强", "增加", "有所增加", "降低", "有所降低", "明显降低",
		"下降", "减少", "优秀", "优", "良好", "良", "较好", "好",
		"合格", "达标", "是", "有", "高", "较高", "很高", "低",
		"较低", "显著", "明显", "稳定", "基本稳定", "保持稳定", "持续",
		"长期", "长效", "按时", "及时", "准时", "按期", "有效", "完成",
		"按时完成", "全部完成", "全覆盖", "满意", "基本满意",
		"非常满意", "规范", "安全", "正常", "符合要求", "符合标准",
		"达到要求", "达到标准", "可持续", "健全", "完善", "顺利",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_OF(words); i++)
		check_verdict(words[i], "否", JX_V_KIND, (int)i);
	SAME("否", "否");
}

static void
test_kinds_differ(void **state)
{
	(void)state;
	KIND("≥90%", "良好");
	KIND("=14个", "提高");
	KIND("12月底前", "≥90%");
	KIND("12月底前", "完成");
	KIND("无", "≥90%");
	KIND("", "良好");
	KIND("无", "12月底前");
}

/* Targets that do not parse compare as text, never as numbers. */
static void
test_texts(void **state)
{
	(void)state;
	REWORDED("工作效率有所提高", "工作效率提高");
	SAME("工作效率有 所提高", "工作效率有所提高");
	SAME("服务质量的好坏", " 服务质量的好坏　");
	SAME("工作是否更好的开展 提高工作效率", "工作是否更好的开展提高工作效率");
	SAME("ＡＢＣ质量", "abc质量");
	REWORDED("工作质量", "工作效率");
	REWORDED("物业服务质量的好坏", "服务质量的好坏");
	REWORDED("质量", "≥90%");                 /* text vs number */
	REWORDED("质量", "良好");
	REWORDED("质量", "无");                   /* text vs empty */
	REWORDED("90-95%", "≥90%");               /* a range is text */
	REWORDED("100余人", "≥100人");            /* an approximation too */
	REWORDED("100 资金使用是否合规", "100 资金发放是否及时");
	REWORDED("\xff", "\xfe");
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(jx_cmp_status_name(JX_CS_SAME), "same");
	assert_string_equal(jx_cmp_status_name(JX_CS_CHANGED), "changed");
	assert_string_equal(jx_cmp_status_name(JX_CS_NEW), "new");
	assert_string_equal(jx_cmp_status_name(JX_CS_GONE), "gone");
	assert_string_equal(jx_cmp_status_name((enum jx_cmp_status)99), "");
	assert_string_equal(jx_verdict_name(JX_V_SAME), "same");
	assert_string_equal(jx_verdict_name(JX_V_STRICTER), "stricter");
	assert_string_equal(jx_verdict_name(JX_V_LOOSER), "looser");
	assert_string_equal(jx_verdict_name(JX_V_REWORDED), "reworded");
	assert_string_equal(jx_verdict_name(JX_V_KIND), "kind");
	assert_string_equal(jx_verdict_name(JX_V_NEW), "new");
	assert_string_equal(jx_verdict_name(JX_V_GONE), "gone");
	assert_string_equal(jx_verdict_name((enum jx_verdict)99), "");
}

/* ---- projects ----------------------------------------------------------- */

static struct jx_cmp_project
proj(int64_t id, const char *code, const char *name, int64_t yuan)
{
	struct jx_cmp_project p = { id, code, name, { true, yuan }, 0 };

	return p;
}

static struct jx_cmp_project
linked(int64_t id, const char *code, const char *name, int64_t yuan,
       int64_t pred)
{
	struct jx_cmp_project p = proj(id, code, name, yuan);

	p.predecessor_id = pred;
	return p;
}

static struct jx_cmp_project
no_budget(int64_t id, const char *code, const char *name)
{
	struct jx_cmp_project p = { id, code, name, { false, 0 }, 0 };

	return p;
}

static void
compare_ok(const struct jx_cmp_project *a, size_t na,
	   const struct jx_cmp_project *b, size_t nb, struct jx_cmp_result *r)
{
	assert_true(jx_compare_projects(a, na, b, nb, r));
}

/* Row i pairs A's project with id ida (0: none) and B's with idb. */
static void
check_row(const struct jx_cmp_result *r, size_t i, int64_t ida, int64_t idb,
	  enum jx_cmp_match how)
{
	assert_true(i < r->n);
	if (ida == 0)
		assert_null(r->rows[i].a);
	else
		assert_int_equal(r->rows[i].a->id, ida);
	if (idb == 0)
		assert_null(r->rows[i].b);
	else
		assert_int_equal(r->rows[i].b->id, idb);
	assert_int_equal(r->rows[i].match, how);
}

static void
test_match_code(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "441001210000000012345", "社区党建经费", 100),
		proj(2, "441001210000000012346", "办公经费", 200),
	};
	struct jx_cmp_project b[] = {
		proj(11, "441001210000000012346", "日常办公经费", 200),
		proj(12, "441001210000000012345", "社区党建工作经费", 100),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 2, b, 2, &r);
	assert_int_equal(r.n, 2);
	check_row(&r, 0, 2, 11, JX_CM_CODE);
	check_row(&r, 1, 1, 12, JX_CM_CODE);
	jx_cmp_result_free(&r);
	jx_cmp_result_free(&r);     /* twice is harmless */
}

/* Names match after NFKC, white space removal and ASCII lowering. */
static void
test_match_name_folded(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, NULL, "社区 党建经费", 1),
		proj(2, NULL, "ＬＥＤ显示屏维护", 1),
		proj(3, NULL, "七贤岭社区\xE3\x80\x80工作经费", 1),
	};
	struct jx_cmp_project b[] = {
		proj(11, NULL, "七贤岭社区工作经费", 1),
		proj(12, NULL, "led显示屏维护", 1),
		proj(13, NULL, "社区党建经费 ", 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 3, b, 3, &r);
	assert_int_equal(r.n, 3);
	check_row(&r, 0, 3, 11, JX_CM_NAME);
	check_row(&r, 1, 2, 12, JX_CM_NAME);
	check_row(&r, 2, 1, 13, JX_CM_NAME);
	jx_cmp_result_free(&r);
}

/* Codes first: a code match takes A's project before a name could. */
static void
test_match_code_before_name(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "X", "旧名称", 1),
		proj(2, "Y", "新名称", 1),
	};
	struct jx_cmp_project b[] = {
		proj(11, "Z", "新名称", 1),     /* name of A2, but A2 … */
		proj(12, "Y", "别的名称", 1),   /* … is taken by code here */
		proj(13, " x ", "其他", 1),     /* codes fold like names */
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 2, b, 3, &r);
	assert_int_equal(r.n, 3);
	check_row(&r, 0, 0, 11, JX_CM_NONE);
	check_row(&r, 1, 2, 12, JX_CM_CODE);
	check_row(&r, 2, 1, 13, JX_CM_CODE);
	assert_int_equal(r.rows[0].status, JX_CS_NEW);
	jx_cmp_result_free(&r);
}

/* NULL and empty codes never match each other; names still do. */
static void
test_match_no_code(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, NULL, "甲", 1), proj(2, "", "乙", 1),
		proj(3, " ", "丙", 1),
	};
	struct jx_cmp_project b[] = {
		proj(11, NULL, "丙", 1), proj(12, "", "甲", 1),
		proj(13, NULL, "丁", 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 3, b, 3, &r);
	assert_int_equal(r.n, 4);
	check_row(&r, 0, 3, 11, JX_CM_NAME);
	check_row(&r, 1, 1, 12, JX_CM_NAME);
	check_row(&r, 2, 0, 13, JX_CM_NONE);
	check_row(&r, 3, 2, 0, JX_CM_NONE);
	jx_cmp_result_free(&r);
}

/* Renamed and re-coded: only the manual link finds the predecessor. */
static void
test_match_link(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "A-001", "民兵训练经费", 50000),
	};
	struct jx_cmp_project b[] = {
		linked(11, "B-777", "民兵整组及训练保障经费", 60000, 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 1, b, 1, &r);
	assert_int_equal(r.n, 1);
	check_row(&r, 0, 1, 11, JX_CM_LINK);
	assert_int_equal(r.rows[0].status, JX_CS_CHANGED);
	assert_int_equal(r.rows[0].change_yuan, 10000);
	jx_cmp_result_free(&r);
}

/* A link beats a code match: the code partner goes to someone else. */
static void
test_match_link_beats_code(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "X", "甲", 1),
		proj(2, "Z", "乙", 1),
	};
	struct jx_cmp_project b[] = {
		linked(11, "X", "丙", 1, 2),
		proj(12, "X", "丁", 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 2, b, 2, &r);
	assert_int_equal(r.n, 2);
	check_row(&r, 0, 2, 11, JX_CM_LINK);
	check_row(&r, 1, 1, 12, JX_CM_CODE);
	jx_cmp_result_free(&r);
}

/* The linked predecessor also matches another B project by name: the link
 * wins, that one is new and A's project is not gone. */
static void
test_match_link_and_name_elsewhere(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, NULL, "社区党建经费", 1),
		proj(2, NULL, "办公经费", 1),
	};
	struct jx_cmp_project b[] = {
		proj(11, NULL, "社区党建经费", 1),
		linked(12, NULL, "党建工作经费", 1, 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 2, b, 2, &r);
	assert_int_equal(r.n, 3);
	check_row(&r, 0, 0, 11, JX_CM_NONE);
	check_row(&r, 1, 1, 12, JX_CM_LINK);
	check_row(&r, 2, 2, 0, JX_CM_NONE);
	assert_int_equal(r.n_new, 1);
	assert_int_equal(r.n_gone, 1);
	jx_cmp_result_free(&r);
}

/* A link to an id not in year A, or to one already linked, falls back to
 * code and name. */
static void
test_match_link_fallback(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "X", "甲", 1),
		proj(2, "Y", "乙", 1),
	};
	struct jx_cmp_project b[] = {
		linked(11, "X", "甲", 1, 99),
		linked(12, "Q", "丙", 1, 2),
		linked(13, "Y", "乙", 1, 2),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 2, b, 3, &r);
	assert_int_equal(r.n, 3);
	check_row(&r, 0, 1, 11, JX_CM_CODE);
	check_row(&r, 1, 2, 12, JX_CM_LINK);
	check_row(&r, 2, 0, 13, JX_CM_NONE);
	jx_cmp_result_free(&r);
}

/* Several projects with one key pair in order; the rest are new/gone. */
static void
test_match_duplicates(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, NULL, "慰问经费", 1), proj(2, "C", "其他", 1),
		proj(3, NULL, "慰问经费", 1), proj(4, "C", "另外", 1),
		proj(5, "C", "再一个", 1),
	};
	struct jx_cmp_project b[] = {
		proj(11, NULL, "慰问经费", 1), proj(12, NULL, "慰问 经费", 1),
		proj(13, NULL, "慰问经费", 1), proj(14, "C", "x", 1),
		proj(15, "C", "y", 1),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 5, b, 5, &r);
	assert_int_equal(r.n, 6);
	check_row(&r, 0, 1, 11, JX_CM_NAME);
	check_row(&r, 1, 3, 12, JX_CM_NAME);
	check_row(&r, 2, 0, 13, JX_CM_NONE);
	check_row(&r, 3, 2, 14, JX_CM_CODE);
	check_row(&r, 4, 4, 15, JX_CM_CODE);
	check_row(&r, 5, 5, 0, JX_CM_NONE);
	jx_cmp_result_free(&r);
}

/* B's order for the rows, then the gone ones in A's order. */
static void
test_order_new_gone(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "1", "一", 10), proj(2, "2", "二", 20),
		proj(3, "3", "三", 30), proj(4, "4", "四", 40),
	};
	struct jx_cmp_project b[] = {
		proj(13, "3", "三", 30), proj(15, "5", "五", 50),
		proj(11, "1", "一", 10),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 4, b, 3, &r);
	assert_int_equal(r.n, 5);
	check_row(&r, 0, 3, 13, JX_CM_CODE);
	check_row(&r, 1, 0, 15, JX_CM_NONE);
	check_row(&r, 2, 1, 11, JX_CM_CODE);
	check_row(&r, 3, 2, 0, JX_CM_NONE);
	check_row(&r, 4, 4, 0, JX_CM_NONE);
	assert_int_equal(r.rows[1].status, JX_CS_NEW);
	assert_int_equal(r.rows[1].change_yuan, 50);
	assert_false(r.rows[1].has_percent);
	assert_int_equal(r.rows[3].status, JX_CS_GONE);
	assert_int_equal(r.rows[3].change_yuan, -20);
	assert_true(r.rows[3].has_percent);
	assert_int_equal(r.rows[3].change_bp, -10000);
	assert_int_equal(r.n_same, 2);
	assert_int_equal(r.n_new, 1);
	assert_int_equal(r.n_gone, 2);
	assert_int_equal(r.n_changed, 0);
	assert_int_equal(r.total_a, 100);
	assert_int_equal(r.total_b, 90);
	jx_cmp_result_free(&r);
}

static void
test_empty_years(void **state)
{
	struct jx_cmp_project a[] = { proj(1, "1", "一", 10) };
	struct jx_cmp_result r;

	(void)state;
	compare_ok(NULL, 0, NULL, 0, &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.total_a, 0);
	jx_cmp_result_free(&r);
	compare_ok(a, 1, NULL, 0, &r);
	assert_int_equal(r.n, 1);
	check_row(&r, 0, 1, 0, JX_CM_NONE);
	assert_int_equal(r.n_gone, 1);
	jx_cmp_result_free(&r);
	compare_ok(NULL, 0, a, 1, &r);
	check_row(&r, 0, 0, 1, JX_CM_NONE);
	assert_int_equal(r.n_new, 1);
	assert_int_equal(r.total_b, 10);
	jx_cmp_result_free(&r);
	jx_cmp_result_free(NULL);
}

/* Statuses from budgets: absent equals absent, a blank is not a 0. */
static void
test_status_and_totals(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "1", "一", 3715800), no_budget(2, "2", "二"),
		no_budget(3, "3", "三"), proj(4, "4", "四", 100),
		proj(5, "5", "五", 0),
	};
	struct jx_cmp_project b[] = {
		proj(11, "1", "一", 3715800), no_budget(12, "2", "二"),
		proj(13, "3", "三", 0), proj(14, "4", "四", 99),
		no_budget(15, "5", "五"),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 5, b, 5, &r);
	assert_int_equal(r.n, 5);
	assert_int_equal(r.rows[0].status, JX_CS_SAME);
	assert_int_equal(r.rows[0].change_yuan, 0);
	assert_true(r.rows[0].has_percent);
	assert_int_equal(r.rows[0].change_bp, 0);
	assert_int_equal(r.rows[1].status, JX_CS_SAME);
	assert_false(r.rows[1].has_percent);
	assert_int_equal(r.rows[2].status, JX_CS_CHANGED);
	assert_int_equal(r.rows[2].change_yuan, 0);
	assert_false(r.rows[2].has_percent);
	assert_int_equal(r.rows[3].status, JX_CS_CHANGED);
	assert_int_equal(r.rows[3].change_yuan, -1);
	assert_int_equal(r.rows[3].change_bp, -100);
	assert_int_equal(r.rows[4].status, JX_CS_CHANGED);
	assert_false(r.rows[4].has_percent);    /* a is 0 */
	assert_int_equal(r.n_same, 2);
	assert_int_equal(r.n_changed, 3);
	assert_int_equal(r.total_a, 3715900);
	assert_int_equal(r.total_b, 3715899);
	/* the caller refines a status, then recounts */
	r.rows[0].status = JX_CS_CHANGED;
	jx_cmp_result_count(&r);
	assert_int_equal(r.n_same, 1);
	assert_int_equal(r.n_changed, 4);
	jx_cmp_result_free(&r);
}

/* The change in percent of a, in basis points (hundredths of a percent),
 * rounded half away from zero. */
static void
check_percent(int64_t ya, int64_t yb, bool has, int64_t bp)
{
	struct jx_cmp_project a = proj(1, "c", "n", ya);
	struct jx_cmp_project b = proj(2, "c", "n", yb);
	struct jx_cmp_result r;

	compare_ok(&a, 1, &b, 1, &r);
	assert_int_equal(r.n, 1);
	if (r.rows[0].has_percent != has)
		fail_msg("%" PRId64 " -> %" PRId64 ": has_percent %d", ya, yb,
			 (int)r.rows[0].has_percent);
	if (has && r.rows[0].change_bp != bp)
		fail_msg("%" PRId64 " -> %" PRId64 ": %" PRId64 " bp, expected "
			 "%" PRId64, ya, yb, r.rows[0].change_bp, bp);
	jx_cmp_result_free(&r);
}

static void
test_percent(void **state)
{
	(void)state;
	check_percent(1000000, 1125000, true, 1250);    /* +12.50 % */
	check_percent(3715800, 3715800, true, 0);
	check_percent(3, 4, true, 3333);                /* 33.333… */
	check_percent(3, 5, true, 6667);                /* 66.666… up */
	check_percent(3, 2, true, -3333);
	check_percent(3, 1, true, -6667);
	check_percent(20000, 20001, true, 1);           /* 0.5 bp: up */
	check_percent(20000, 19999, true, -1);          /* −0.5: away */
	check_percent(40000, 40001, true, 0);           /* 0.25 bp */
	check_percent(40000, 39999, true, 0);
	check_percent(60000, 60001, true, 0);           /* 0.1666 bp */
	check_percent(1, 1000001, true, 10000000000);   /* ×10^6 */
	check_percent(100, 0, true, -10000);
	check_percent(0, 100, false, 0);
	check_percent(-100, 50, true, -15000);          /* change / a */
	check_percent(1000000000000000, 2000000000000000, true, 10000);
	check_percent(INT64_MAX, 1, false, 0);          /* too large */
	check_percent(1, INT64_MAX, false, 0);
	check_percent(INT64_MIN, 0, false, 0);
}

/* Saturating arithmetic at the int64_t edges: no overflow (the sanitizer
 * build would stop on one). */
static void
test_extreme_amounts(void **state)
{
	struct jx_cmp_project a[] = {
		proj(1, "1", "一", INT64_MIN), proj(2, "2", "二", INT64_MAX),
		proj(3, "3", "三", INT64_MAX),
	};
	struct jx_cmp_project b[] = {
		proj(11, "1", "一", INT64_MAX), proj(12, "2", "二", INT64_MIN),
	};
	struct jx_cmp_result r;

	(void)state;
	compare_ok(a, 3, b, 2, &r);
	assert_int_equal(r.rows[0].change_yuan, INT64_MAX);
	assert_int_equal(r.rows[1].change_yuan, INT64_MIN);
	/* summed in order, held at the limits: MIN, then −1, then MAX − 1 */
	assert_int_equal(r.total_a, INT64_MAX - 1);
	assert_int_equal(r.total_b, -1);
	jx_cmp_result_free(&r);
}

/* A small deterministic generator (an LCG): the test is reproducible. */
static uint32_t
next_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

#define BIG 500

struct big_year {
	struct jx_cmp_project p[BIG];
	char code[BIG][16];
	char name[BIG][40];
	int64_t want_a[BIG];          /* B only: expected partner id, or 0 */
	enum jx_cmp_match want_how[BIG];
};

/* Year A: ids 1..500, every 7th without a code. */
static void
big_year_a(struct big_year *y)
{
	int i;

	for (i = 0; i < BIG; i++) {
		snprintf(y->code[i], sizeof y->code[i], "C%03d", i);
		snprintf(y->name[i], sizeof y->name[i], "项目%03d", i);
		y->p[i] = proj(i + 1, i % 7 == 0 ? NULL : y->code[i],
			       y->name[i], (int64_t)(i + 1) * 1000);
	}
}

/* One B project continuing A's project i in the given way. */
static void
big_continue(struct big_year *y, int k, int i, int how,
	     const struct big_year *ya)
{
	const char *code = ya->p[i].code;

	if (how == 1 && code == NULL)
		how = 0;
	y->want_a[k] = i + 1;
	y->want_how[k] = code != NULL ? JX_CM_CODE : JX_CM_NAME;
	snprintf(y->code[k], sizeof y->code[k], "%s", code ? code : "");
	snprintf(y->name[k], sizeof y->name[k], "%s", ya->name[i]);
	if (how == 1) {                 /* renamed, code kept */
		snprintf(y->name[k], sizeof y->name[k], "改名%03d", i);
	} else if (how == 2) {          /* re-coded, name with a space */
		snprintf(y->code[k], sizeof y->code[k], "D%03d", i);
		snprintf(y->name[k], sizeof y->name[k], "项目 %03d", i);
		y->want_how[k] = JX_CM_NAME;
	} else if (how == 3) {          /* both changed: linked */
		snprintf(y->code[k], sizeof y->code[k], "L%03d", i);
		snprintf(y->name[k], sizeof y->name[k], "链接%03d", i);
		y->want_how[k] = JX_CM_LINK;
	}
	y->p[k] = linked(1000 + k, y->code[k][0] ? y->code[k] : NULL,
			 y->name[k], (int64_t)k * 999, how == 3 ? i + 1 : 0);
}

/* Year B: 450 of A's projects in a shuffled order, continued in one of
 * four ways, with 50 new ones mixed in. */
static void
big_year_b(struct big_year *y, const struct big_year *ya, bool *kept)
{
	int order[BIG], i, k, t;
	uint32_t seed = 20260101u;

	for (i = 0; i < BIG; i++)
		order[i] = i;
	for (i = BIG - 1; i > 0; i--) {
		k = (int)(next_rand(&seed) % (uint32_t)(i + 1));
		t = order[i];
		order[i] = order[k];
		order[k] = t;
	}
	/* Every 10th B project is new; the others continue order[0..450),
	 * so A's order[450..500) are gone. */
	memset(kept, 0, BIG * sizeof *kept);
	for (k = 0, t = 0; k < BIG; k++) {
		if (k % 10 == 9) {
			snprintf(y->code[k], sizeof y->code[k], "N%03d", k);
			snprintf(y->name[k], sizeof y->name[k], "新项目%03d", k);
			y->p[k] = proj(1000 + k, y->code[k], y->name[k], 1);
			y->want_a[k] = 0;
			y->want_how[k] = JX_CM_NONE;
			continue;
		}
		i = order[t++];
		kept[i] = true;
		big_continue(y, k, i, (int)(next_rand(&seed) % 4), ya);
	}
}

static void
test_many_projects(void **state)
{
	struct big_year *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
	bool kept[BIG];
	struct jx_cmp_result r;
	size_t k, n_gone = 0, i;
	int64_t total_a = 0, total_b = 0;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	big_year_a(a);
	big_year_b(b, a, kept);
	compare_ok(a->p, BIG, b->p, BIG, &r);
	for (k = 0; k < BIG; k++) {
		check_row(&r, k, b->want_a[k], b->p[k].id, b->want_how[k]);
		total_b += b->p[k].budget.yuan;
	}
	for (i = 0, k = BIG; i < BIG; i++) {
		total_a += a->p[i].budget.yuan;
		if (!kept[i]) {
			check_row(&r, k++, a->p[i].id, 0, JX_CM_NONE);
			n_gone++;
		}
	}
	assert_int_equal(n_gone, 50);
	assert_int_equal(r.n, BIG + 50);
	assert_int_equal(r.n_new, 50);
	assert_int_equal(r.n_gone, 50);
	assert_int_equal(r.n_same + r.n_changed, 450);
	assert_int_equal(r.total_a, total_a);
	assert_int_equal(r.total_b, total_b);
	jx_cmp_result_free(&r);
	free(a);
	free(b);
}

/* ---- indicators --------------------------------------------------------- */

static struct jx_indicator
ind(const char *l1, const char *l2, const char *name, const char *target)
{
	struct jx_indicator i = { (char *)l1, (char *)l2, (char *)name, NULL,
				  (char *)target, NULL };

	return i;
}

/* Row i pairs a[ia] (-1: none) with b[ib] (-1: none), verdict v. */
static void
check_ind(const struct jx_cmp_indicators *r, size_t i,
	  const struct jx_indicator *a, int ia, const struct jx_indicator *b,
	  int ib, enum jx_verdict v)
{
	assert_true(i < r->n);
	if (ia < 0)
		assert_null(r->rows[i].a);
	else
		assert_ptr_equal(r->rows[i].a, &a[ia]);
	if (ib < 0)
		assert_null(r->rows[i].b);
	else
		assert_ptr_equal(r->rows[i].b, &b[ib]);
	if (r->rows[i].verdict != v)
		fail_msg("row %zu: %s, expected %s", i,
			 jx_verdict_name(r->rows[i].verdict),
			 jx_verdict_name(v));
}

static void
check_level_key(const char *level, const char *want)
{
	char *k = jx_level_key(level);

	assert_non_null(k);
	assert_string_equal(k, want);
	free(k);
}

static void
test_level_key(void **state)
{
	(void)state;
	check_level_key("效益指标", "效益");
	check_level_key("效果指标", "效益");
	check_level_key("效 果 指 标", "效益");
	check_level_key("产出指标", "产出");
	check_level_key("产出", "产出");
	check_level_key("满意度指标", "满意度");
	check_level_key("服务对象满意度指标", "服务对象满意度");
	check_level_key("社会效益指标", "社会效益");
	check_level_key("社会影响指标", "社会效益");
	check_level_key("社会效果指标", "社会效益");
	check_level_key("可持续影响指标", "可持续影响");
	check_level_key("指标", "");
	check_level_key("", "");
	assert_null(jx_level_key(NULL));
}

/* 效果指标 ≡ 效益指标; 社会影响指标 ≡ 社会效益指标 (seed 000). */
static void
test_ind_alias(void **state)
{
	struct jx_indicator a[] = {
		ind("效果指标", "社会效益指标", "群众知晓率", "≥90%"),
		ind("效益指标", "社会影响指标", "律师为街道法治建设发展发挥作用",
		    "良好"),
	};
	struct jx_indicator b[] = {
		ind("效益指标", "社会效益指标", "律师为街道法治建设发展发挥作用",
		    "优秀"),
		ind("效益指标", "社会效益指标", "群众知晓率", "≥90%"),
	};
	struct jx_cmp_indicators r;

	(void)state;
	assert_true(jx_compare_indicators(a, 2, b, 2, &r));
	assert_int_equal(r.n, 2);
	check_ind(&r, 0, a, 1, b, 0, JX_V_STRICTER);
	check_ind(&r, 1, a, 0, b, 1, JX_V_SAME);
	assert_int_equal(r.n_stricter, 1);
	assert_int_equal(r.n_same, 1);
	assert_true(jx_cmp_indicators_differ(&r));
	jx_cmp_indicators_free(&r);
	jx_cmp_indicators_free(&r);
	jx_cmp_indicators_free(NULL);
}

/* Levels written as aliases of the template files (生态环境效益指标 for
 * 生态效益指标, 满意度指标 as a level-2 for 服务对象满意度指标) match by
 * the framework's names; without the templates they do not, while the
 * two rules of jx_level_key (效果 → 效益, 社会影响 → 社会效益) still do. */
static void
test_ind_template_aliases(void **state)
{
	struct jx_indicator a[] = {
		ind("效益指标", "生态环境效益指标", "辖区环境整洁度", "提高"),
		ind("满意度指标", "满意度指标", "群众满意度", "≥90%"),
		ind("效果指标", "社会影响指标", "社会稳定水平", "稳定"),
	};
	struct jx_indicator b[] = {
		ind("效益指标", "生态效益指标", "辖区环境整洁度", "提高"),
		ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥95%"),
		ind("效益指标", "社会效益指标", "社会稳定水平", "稳定"),
	};
	struct jx_templates t;
	struct jx_errlist errors;
	struct jx_template_levels tl;
	struct jx_target_parser p = { NULL, NULL, NULL };
	struct jx_cmp_indicators r;

	(void)state;
	jx_templates_init(&t);
	jx_errlist_init(&errors);
	assert_int_equal(jx_templates_load(&t, TEST_DATA_DIR
					   "/../../data/templates", NULL,
					   &errors), JX_OK);
	jx_errlist_free(&errors);

	assert_true(jx_compare_indicators(a, 3, b, 3, &r));
	assert_int_equal(r.n_new, 2);
	assert_int_equal(r.n_gone, 2);
	assert_int_equal(r.n_same, 1);       /* the two rules of level_key */
	jx_cmp_indicators_free(&r);

	p.levels = jx_template_levels_init(&tl, &t);
	assert_non_null(p.levels);
	assert_true(jx_compare_indicators_with(a, 3, b, 3, &p, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.n_new + r.n_gone, 0);
	assert_int_equal(r.n_same, 2);
	assert_int_equal(r.n_stricter, 1);   /* ≥90% → ≥95% */
	/* The text as published stays with each row. */
	assert_string_equal(r.rows[1].a->level2, "满意度指标");
	assert_string_equal(r.rows[1].b->level2, "服务对象满意度指标");
	jx_cmp_indicators_free(&r);

	/* Matched again from what was remembered: the same rows. */
	assert_true(jx_compare_indicators_with(a, 3, b, 3, &p, &r));
	assert_int_equal(r.n_same, 2);
	assert_int_equal(r.n_stricter, 1);
	jx_cmp_indicators_free(&r);

	/* More pairs than are remembered, twice over: every key the same as
	 * when it was first asked for, aliases still the framework's name. */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 2 * JX_LEVEL_MEMO; i++) {
			char l2[32];
			char *k, *alias, *name, *one;

			snprintf(l2, sizeof l2, "第%d类指标", i);
			k = p.levels->key(p.levels->ctx, "产出指标", l2);
			alias = p.levels->key(p.levels->ctx, "效益指标",
					      "生态环境效益指标");
			name = p.levels->key(p.levels->ctx, "效益指标",
					     "生态效益指标");
			one = p.levels->key(p.levels->ctx, "效果指标", NULL);
			assert_non_null(k);
			assert_non_null(strstr(k, "类"));
			assert_string_equal(alias, name);
			assert_string_equal(one, "效益");
			free(k);
			free(alias);
			free(name);
			free(one);
		}
	jx_template_levels_free(&tl);

	/* No framework in the set: nothing to match by but level_key. */
	assert_null(jx_template_levels_init(&tl, NULL));
	jx_template_levels_free(&tl);
	jx_templates_free(&t);
}

/* "…指标" suffix, spaces (the PDF's "社会效益指 标") and width. */
static void
test_ind_suffix_space(void **state)
{
	struct jx_indicator a[] = {
		ind("产出", "数量", "办公设备采购数量", "=14个"),
		ind("效益指标", "社会效益指 标", "社区 治安情况", "治安情况"),
		ind("满意度指标", "服务对象满意度指标", "居民满意度（％）",
		    "≥90满意度"),
	};
	struct jx_indicator b[] = {
		ind("产出指标", "数量 指标", "办公设备采购数量", "14个"),
		ind("效益 指标", "社会效益指标", "社区治安情况", "治安 情况"),
		ind("满意度", "服务对象满意度", "居民满意度(%)", "≥95满意度"),
	};
	struct jx_cmp_indicators r;

	(void)state;
	assert_true(jx_compare_indicators(a, 3, b, 3, &r));
	assert_int_equal(r.n, 3);
	check_ind(&r, 0, a, 0, b, 0, JX_V_SAME);
	check_ind(&r, 1, a, 1, b, 1, JX_V_SAME);
	check_ind(&r, 2, a, 2, b, 2, JX_V_STRICTER);
	jx_cmp_indicators_free(&r);
}

/* The same (level 1, level 2, name) twice: paired in order. Level 2
 * matters: the same name under another level 2 is a different
 * indicator. */
static void
test_ind_duplicates(void **state)
{
	struct jx_indicator a[] = {
		ind("产出指标", "质量指标", "资金使用", "≥90使用率"),
		ind("产出指标", "质量指标", "资金使用", "≥90%"),
		ind("产出指标", "时效指标", "资金使用", "12月底前"),
	};
	struct jx_indicator b[] = {
		ind("产出指标", "质量指标", "资金使用", "≥95使用率"),
		ind("产出指标", "时效指标", "资金使用", "6月底前"),
		ind("产出指标", "质量指标", "资金使用", "≥85%"),
		ind("产出指标", "质量指标", "资金使用", "100%"),
	};
	struct jx_cmp_indicators r;

	(void)state;
	assert_true(jx_compare_indicators(a, 3, b, 4, &r));
	assert_int_equal(r.n, 4);
	check_ind(&r, 0, a, 0, b, 0, JX_V_STRICTER);
	check_ind(&r, 1, a, 2, b, 1, JX_V_STRICTER);
	check_ind(&r, 2, a, 1, b, 2, JX_V_LOOSER);
	check_ind(&r, 3, a, -1, b, 3, JX_V_NEW);
	assert_int_equal(r.n_stricter, 2);
	assert_int_equal(r.n_looser, 1);
	assert_int_equal(r.n_new, 1);
	jx_cmp_indicators_free(&r);
}

static void
test_ind_new_gone(void **state)
{
	struct jx_indicator a[] = {
		ind("产出指标", "数量指标", "甲", "≥1次"),
		ind("产出指标", "成本指标", "乙", "≤3000元"),
		ind("效益指标", "可持续影响指标", "丙", "≥90长期性"),
		ind(NULL, NULL, NULL, NULL),
	};
	struct jx_indicator b[] = {
		ind("满意度指标", "服务对象满意度指标", "丁", "≥90满意度"),
		ind("效益指标", "可持续影响指标", "丙", "提高"),
		ind("产出指标", "数量指标", "甲", "工作效率有所提高"),
		ind(NULL, NULL, NULL, ""),
	};
	struct jx_cmp_indicators r;

	(void)state;
	assert_true(jx_compare_indicators(a, 4, b, 4, &r));
	assert_int_equal(r.n, 5);
	check_ind(&r, 0, a, -1, b, 0, JX_V_NEW);
	check_ind(&r, 1, a, 2, b, 1, JX_V_KIND);
	check_ind(&r, 2, a, 0, b, 2, JX_V_REWORDED);
	check_ind(&r, 3, a, 3, b, 3, JX_V_SAME);
	check_ind(&r, 4, a, 1, b, -1, JX_V_GONE);
	assert_int_equal(r.n_new, 1);
	assert_int_equal(r.n_gone, 1);
	assert_int_equal(r.n_kind, 1);
	assert_int_equal(r.n_reworded, 1);
	assert_int_equal(r.n_same, 1);
	jx_cmp_indicators_free(&r);

	assert_true(jx_compare_indicators(NULL, 0, NULL, 0, &r));
	assert_int_equal(r.n, 0);
	assert_false(jx_cmp_indicators_differ(&r));
	jx_cmp_indicators_free(&r);
}

static void
test_ind_differ(void **state)
{
	struct jx_indicator a[] = {
		ind("产出指标", "数量指标", "甲", "≥95 百分比"),
		ind("产出指标", "数量指标", "乙", "无"),
	};
	struct jx_indicator b[] = {
		ind("产出指标", "数量指标", "甲", "≥95%"),
		ind("产出指标", "数量指标", "乙", ""),
	};
	struct jx_cmp_indicators r;

	(void)state;
	assert_true(jx_compare_indicators(a, 2, b, 2, &r));
	assert_false(jx_cmp_indicators_differ(&r));
	jx_cmp_indicators_free(&r);
	assert_true(jx_compare_indicators(a, 2, b, 1, &r));  /* one gone */
	assert_true(jx_cmp_indicators_differ(&r));
	jx_cmp_indicators_free(&r);
	assert_true(jx_compare_indicators(a, 1, b, 2, &r));  /* one new */
	assert_true(jx_cmp_indicators_differ(&r));
	jx_cmp_indicators_free(&r);
}

/* ---- the auditor's flag ------------------------------------------------- */

/* Flag on a matched row whose budget went from ya to yb, with indicator
 * targets ta[i] → tb[i] (NULL: that side has no such indicator). */
static bool
flag_for(int64_t ya, int64_t yb, const char *const *ta,
	 const char *const *tb, size_t n)
{
	struct jx_cmp_project pa = proj(1, "c", "n", ya);
	struct jx_cmp_project pb = proj(2, "c", "n", yb);
	struct jx_indicator a[8], b[8];
	static const char *const names[] = { "一", "二", "三", "四", "五",
					     "六", "七", "八" };
	struct jx_cmp_result r;
	struct jx_cmp_indicators ir;
	size_t i, na = 0, nb = 0;
	bool flagged;

	assert_true(n <= 8);
	for (i = 0; i < n; i++) {
		if (ta[i] != NULL)
			a[na++] = ind("产出指标", "数量指标", names[i], ta[i]);
		if (tb[i] != NULL)
			b[nb++] = ind("产出指标", "数量指标", names[i], tb[i]);
	}
	compare_ok(&pa, 1, &pb, 1, &r);
	assert_true(jx_compare_indicators(a, na, b, nb, &ir));
	r.rows[0].flagged = true;       /* must be reset when not flagged */
	jx_compare_flag(&r.rows[0], &ir);
	flagged = r.rows[0].flagged;
	jx_cmp_indicators_free(&ir);
	jx_cmp_result_free(&r);
	return flagged;
}

static void
test_flag(void **state)
{
	const char *same_a[] = { "≥90%", "良好", "12月底前" };
	const char *same_b[] = { "≥90 百分比", "良好", "12月底" };
	const char *one_stricter[] = { "≥90%", "优秀", "12月底前" };
	const char *looser[] = { "≥85%", "合格", "12月底前" };
	const char *reworded_kind[] = { "质量", "提高", "12月底前" };
	const char *with_new_a[] = { "≥90%", NULL };
	const char *with_new_b[] = { "≥90%", "≥95%" };
	const char *only_new_a[] = { NULL };
	const char *only_new_b[] = { "≥95%" };
	const char *gone_a[] = { "≥90%", "≥95%" };
	const char *gone_b[] = { "≥90%", NULL };

	(void)state;
	assert_true(flag_for(100, 200, same_a, same_b, 3));
	assert_false(flag_for(100, 200, same_a, one_stricter, 3));
	assert_true(flag_for(100, 200, same_a, looser, 3));
	assert_true(flag_for(100, 200, same_a, reworded_kind, 3));
	assert_false(flag_for(200, 200, same_a, same_b, 3));  /* not up */
	assert_false(flag_for(200, 100, same_a, looser, 3));  /* down */
	assert_true(flag_for(100, 101, with_new_a, with_new_b, 2));
	assert_false(flag_for(100, 200, only_new_a, only_new_b, 1));
	assert_false(flag_for(100, 200, NULL, NULL, 0));      /* none */
	assert_true(flag_for(100, 200, gone_a, gone_b, 2));
}

/* New and gone projects are never flagged, nor without indicators. */
static void
test_flag_rows(void **state)
{
	struct jx_cmp_project b = proj(2, "c", "n", 100);
	struct jx_indicator ib[] = { ind("产出指标", "数量指标", "甲", "≥90%") };
	struct jx_cmp_result r;
	struct jx_cmp_indicators ir;

	(void)state;
	compare_ok(NULL, 0, &b, 1, &r);
	assert_true(jx_compare_indicators(ib, 1, ib, 1, &ir));
	jx_compare_flag(&r.rows[0], &ir);       /* pairs, but a new row */
	assert_false(r.rows[0].flagged);
	jx_compare_flag(&r.rows[0], NULL);
	assert_false(r.rows[0].flagged);
	jx_cmp_indicators_free(&ir);
	jx_cmp_result_free(&r);
}

/* ---- a seed document against itself and an edited copy ------------------ */

static const char *
samples_dir(void)
{
	const char *dir = getenv("JX_SAMPLES_DIR");

	return dir != NULL && *dir != '\0' ? dir : JX_SRCDIR "/data/samples";
}

static void
load_seed(const char *file, struct jx_doc *doc)
{
	char path[1024];
	struct jx_errlist errs;

	snprintf(path, sizeof path, "%s/%s", samples_dir(), file);
	jx_errlist_init(&errs);
	if (jx_yaml_read_file(path, NULL, doc, &errs) != JX_OK)
		fail_msg("%s: cannot read", path);
	jx_errlist_free(&errs);
}

static struct jx_cmp_project *
briefs(const struct jx_doc *doc, int64_t first_id)
{
	struct jx_cmp_project *p = calloc(doc->n_projects + 1, sizeof *p);
	size_t i;

	assert_non_null(p);
	for (i = 0; i < doc->n_projects; i++)
		p[i] = (struct jx_cmp_project){
			first_id + (int64_t)i, doc->projects[i].code,
			doc->projects[i].name, doc->projects[i].annual_total, 0
		};
	return p;
}

static void
set_target(struct jx_indicator *i, const char *target)
{
	free(i->target);
	i->target = malloc(strlen(target) + 1);
	assert_non_null(i->target);
	memcpy(i->target, target, strlen(target) + 1);
}

/* Compares project k of both documents' indicators and flags its row. */
static void
judge(const struct jx_doc *da, const struct jx_doc *db,
      struct jx_cmp_result *r, size_t k, struct jx_cmp_indicators *ir)
{
	size_t ia = (size_t)(r->rows[k].a->id - 1);
	size_t ib = (size_t)(r->rows[k].b->id - 1001);

	assert_true(jx_compare_indicators(da->projects[ia].indicators,
					  da->projects[ia].n_indicators,
					  db->projects[ib].indicators,
					  db->projects[ib].n_indicators, ir));
	jx_compare_flag(&r->rows[k], ir);
}

static void
test_seed_against_itself(void **state)
{
	struct jx_doc a, b;
	struct jx_cmp_project *pa, *pb;
	struct jx_cmp_result r;
	struct jx_cmp_indicators ir;
	size_t k;

	(void)state;
	load_seed("qixianling-2026.yaml", &a);
	load_seed("qixianling-2026.yaml", &b);
	assert_true(a.n_projects >= 3);
	assert_true(a.projects[1].n_indicators >= 2);
	/* the edits: more money for project 0; more money and a stricter
	 * target (≥90% → ≥95%) for project 1 */
	b.projects[0].annual_total.yuan += 10000;
	b.projects[1].annual_total.yuan += 10000;
	set_target(&a.projects[1].indicators[0], "≥90%");
	set_target(&b.projects[1].indicators[0], "≥95%");
	pa = briefs(&a, 1);
	pb = briefs(&b, 1001);
	compare_ok(pa, a.n_projects, pb, b.n_projects, &r);
	assert_int_equal(r.n, a.n_projects);
	assert_int_equal(r.n_changed, 2);
	for (k = 0; k < r.n; k++) {
		assert_non_null(r.rows[k].a);
		assert_int_equal(r.rows[k].b->id - 1000, r.rows[k].a->id);
		judge(&a, &b, &r, k, &ir);
		assert_int_equal(jx_cmp_indicators_differ(&ir), k == 1);
		assert_int_equal(ir.n_stricter, k == 1);
		assert_int_equal(r.rows[k].flagged, k == 0);
		jx_cmp_indicators_free(&ir);
	}
	jx_cmp_result_free(&r);
	free(pa);
	free(pb);
	jx_doc_free(&a);
	jx_doc_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_issue_examples),
		cmocka_unit_test(test_same_text),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_number_same),
		cmocka_unit_test(test_number_lower_bounds),
		cmocka_unit_test(test_number_upper_bounds),
		cmocka_unit_test(test_number_exact),
		cmocka_unit_test(test_number_exact_vs_bound),
		cmocka_unit_test(test_number_kind),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_words_ordered),
		cmocka_unit_test(test_words_reworded),
		cmocka_unit_test(test_words_kind),
		cmocka_unit_test(test_words_all_classified),
		cmocka_unit_test(test_kinds_differ),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_match_code),
		cmocka_unit_test(test_match_name_folded),
		cmocka_unit_test(test_match_code_before_name),
		cmocka_unit_test(test_match_no_code),
		cmocka_unit_test(test_match_link),
		cmocka_unit_test(test_match_link_beats_code),
		cmocka_unit_test(test_match_link_and_name_elsewhere),
		cmocka_unit_test(test_match_link_fallback),
		cmocka_unit_test(test_match_duplicates),
		cmocka_unit_test(test_order_new_gone),
		cmocka_unit_test(test_empty_years),
		cmocka_unit_test(test_status_and_totals),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_extreme_amounts),
		cmocka_unit_test(test_many_projects),
		cmocka_unit_test(test_level_key),
		cmocka_unit_test(test_ind_alias),
		cmocka_unit_test(test_ind_suffix_space),
		cmocka_unit_test(test_ind_duplicates),
		cmocka_unit_test(test_ind_new_gone),
		cmocka_unit_test(test_ind_differ),
		cmocka_unit_test(test_ind_template_aliases),
		cmocka_unit_test(test_flag),
		cmocka_unit_test(test_flag_rows),
		cmocka_unit_test(test_seed_against_itself),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
