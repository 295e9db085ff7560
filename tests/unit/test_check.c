#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * test_check.c — unit tests of checking department-years against the
 * framework and the library (analysis/check.h), with the shipped templates
 * ($JX_SRCDIR/data/templates).
 *
 * Covers each rule on small hand-made documents (what is found, what is
 * not: aliases, placeholders under optional levels, units of one kind,
 * qualitative entries), the 2021 framework and an unknown one, every field
 * of a finding, and the three samples: what the seeds really lack.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/check.h"
#include "core/error.h"
#include "core/record.h"
#include "core/template.h"
#include "core/text.h"
#include "io/template_read.h"
#include "io/yaml_doc.h"

#ifndef JX_SRCDIR
#define JX_SRCDIR "."
#endif

static struct jx_templates g_t;

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

static int
load_templates(void **state)
{
	char dir[512];
	struct jx_errlist errors;
	enum jx_status st;

	(void)state;
	snprintf(dir, sizeof dir, "%s/data/templates",
		 env_or("JX_SRCDIR", JX_SRCDIR));
	jx_errlist_init(&errors);
	st = jx_templates_load(&g_t, dir, NULL, &errors);
	jx_errlist_free(&errors);
	return st == JX_OK ? 0 : -1;
}

static int
free_templates(void **state)
{
	(void)state;
	jx_templates_free(&g_t);
	return 0;
}

/* ---- building documents ---------------------------------------------------- */

static char *
dup(const char *s)
{
	char *copy = jx_strdup(s);

	if (s)
		assert_non_null(copy);
	return copy;
}

static void
new_doc(struct jx_doc *doc, const char *framework)
{
	jx_doc_init(doc);
	doc->dept_name = dup("测试街道");
	doc->dept_code = dup("900001");
	doc->year = 2025;
	doc->framework = dup(framework);
}

static struct jx_project *
add_project(struct jx_doc *doc, const char *code, const char *name)
{
	struct jx_project *p = jx_doc_add_project(doc);

	assert_non_null(p);
	p->code = dup(code);
	p->name = dup(name);
	return p;
}

static void
row(struct jx_project *p, const char *l1, const char *l2, const char *name,
    const char *target)
{
	struct jx_indicator *ind = jx_project_add_indicator(p);

	assert_non_null(ind);
	ind->level1 = dup(l1);
	ind->level2 = dup(l2);
	ind->name = dup(name);
	ind->target = dup(target);
}

/* A project with a good row under each level-2 of the 2012 framework. */
static struct jx_project *
complete_2012(struct jx_doc *doc, const char *name)
{
	struct jx_project *p = add_project(doc, NULL, name);

	row(p, "产出指标", "数量指标", "资金使用率", "≥90%");
	row(p, "产出指标", "质量指标", "专款专用率", "100%");
	row(p, "产出指标", "时效指标", "完成时间", "12月底前");
	row(p, "产出指标", "成本指标", "完成工作需要的资金", "≤130.97万元");
	row(p, "效益指标", "社会效益指标", "社会稳定水平", "≥90%");
	row(p, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%");
	return p;
}

/* Findings of doc as "project/row rule: message" lines. */
static void
check_text(const struct jx_doc *doc, char *out, size_t size)
{
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;
	size_t len = 0;

	jx_error_clear(&err);
	assert_int_equal(jx_check_doc(&g_t, doc, &list, &err), JX_OK);
	out[0] = '\0';
	for (size_t i = 0; i < list.n; i++) {
		const struct jx_check_finding *f = &list.v[i];

		snprintf(out + len, size - len, "%zu/%zu %s: %s\n", f->project,
			 f->indicator, jx_check_rule_id(f->rule), f->message);
		len += strlen(out + len);
	}
	jx_check_list_free(&list);
}

static void
expect(const struct jx_doc *doc, const char *want)
{
	char got[16384];

	check_text(doc, got, sizeof got);
	assert_string_equal(got, want);
}

/* ---- rules -------------------------------------------------------------------- */

static void
test_clean(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;

	(void)state;
	new_doc(&doc, NULL);
	complete_2012(&doc, "一");
	/* aliases, split cells and short forms are the framework's names */
	p = complete_2012(&doc, "二");
	free(p->indicators[4].level1);
	p->indicators[4].level1 = dup("效果指标");
	free(p->indicators[4].level2);
	p->indicators[4].level2 = dup("社会影响指标");
	row(p, "效 果指标", "经济效果指标", "按照预算指标完成", "100%");
	row(p, "产出", "数量", "社区数量", "=14个");
	/* a placeholder under an optional level-2 says it does not apply */
	row(p, "效益指标", "生态效益指标", "无", "无");
	/* qualitative entries and names not in the library take any target */
	row(p, "产出指标", "质量指标", "服务质量", "服务质量的好坏");
	row(p, "产出指标", "质量指标", "自编的指标", "≥90使用率");
	/* units of one kind fit: 元 for 万元, 个月 for 年 */
	row(p, "产出指标", "成本指标", "年度办公经费支出", "≤60000元");
	row(p, "效益指标", "可持续影响指标", "设备使用年限", "≥36个月");
	/* 百分比 is % */
	row(p, "满意度指标", "服务对象满意度指标", "群众满意度", "≥95 百分比");
	expect(&doc, "");
	jx_doc_free(&doc);
}

static void
test_missing_and_empty(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;

	(void)state;
	new_doc(&doc, NULL);
	/* 1: no 成本指标, no 满意度 */
	p = add_project(&doc, "P1", "缺成本");
	row(p, "产出指标", "数量指标", "资金使用率", "≥90%");
	row(p, "产出指标", "质量指标", "专款专用率", "100%");
	row(p, "产出指标", "时效指标", "完成时间", "12月底前");
	row(p, "效益指标", "社会效益指标", "社会稳定水平", "≥90%");
	/* 2: 成本指标 only 无 (seed 003), 效益 only placeholders */
	p = complete_2012(&doc, "成本为无");
	free(p->indicators[3].name);
	p->indicators[3].name = dup("无");
	free(p->indicators[3].target);
	p->indicators[3].target = dup("无");
	free(p->indicators[4].target);
	p->indicators[4].target = dup("");
	row(p, "产出指标", "成本指标", "无", "/");
	/* 3: nothing at all */
	add_project(&doc, NULL, "空");
	expect(&doc,
	       "1/0 missing-level2: no 成本指标 row under 产出指标 (the 2012"
	       " framework requires one)\n"
	       "1/0 missing-level2: no 服务对象满意度指标 row under 满意度指标"
	       " (the 2012 framework requires one)\n"
	       "2/4 empty-level2: 成本指标 under 产出指标 has no target, only"
	       " placeholders (the 2012 framework requires one)\n"
	       "2/0 missing-level1: no 效益指标 row with a target (the 2012"
	       " framework requires at least one)\n"
	       "3/0 missing-level2: no 数量指标 row under 产出指标 (the 2012"
	       " framework requires one)\n"
	       "3/0 missing-level2: no 质量指标 row under 产出指标 (the 2012"
	       " framework requires one)\n"
	       "3/0 missing-level2: no 时效指标 row under 产出指标 (the 2012"
	       " framework requires one)\n"
	       "3/0 missing-level2: no 成本指标 row under 产出指标 (the 2012"
	       " framework requires one)\n"
	       "3/0 missing-level1: no 效益指标 row with a target (the 2012"
	       " framework requires at least one)\n"
	       "3/0 missing-level2: no 服务对象满意度指标 row under 满意度指标"
	       " (the 2012 framework requires one)\n");
	jx_doc_free(&doc);
}

static void
test_unknown_levels(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;

	(void)state;
	new_doc(&doc, NULL);
	p = complete_2012(&doc, "一");
	row(p, "效应指标", "数量指标", "甲", "1个");
	row(p, "效应指标", "数量指标", "乙", "2个");   /* same: once */
	row(p, "效益指标", "数量指标", "丙", "3个");
	row(p, "效益指标", "数量指标", "丁", "4个");   /* same: once */
	row(p, "效益指标", "质量指标", "戊", "5个");
	row(p, "成本指标", "经济成本指标", "项目总成本", "≤100万元");
	expect(&doc,
	       "1/7 unknown-level1: level-1 效应指标 is not in the 2012"
	       " framework\n"
	       "1/9 unknown-level2: level-2 数量指标 is not under 效益指标 in the"
	       " 2012 framework\n"
	       "1/11 unknown-level2: level-2 质量指标 is not under 效益指标 in"
	       " the 2012 framework\n"
	       "1/12 unknown-level1: level-1 成本指标 is not in the 2012"
	       " framework (it is in 2021)\n");
	jx_doc_free(&doc);
}

static void
test_framework_2021(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;

	(void)state;
	new_doc(&doc, "2021");
	/* a 2012-style table in a 2021 year */
	complete_2012(&doc, "旧式");
	/* a 2021 table */
	p = add_project(&doc, NULL, "新式");
	row(p, "产出指标", "数量指标", "资金使用率", "≥90%");
	row(p, "产出指标", "质量指标", "专款专用率", "100%");
	row(p, "产出指标", "时效指标", "完成时间", "12月底前");
	row(p, "成本指标", "经济成本指标", "项目总成本", "≤100万元");
	row(p, "成本指标", "社会成本指标", "社会负面影响", "无");
	row(p, "效益指标", "可持续影响指标", "长期使用性", "≥90%");
	row(p, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%");
	expect(&doc,
	       "1/4 unknown-level2: level-2 成本指标 is not under 产出指标 in the"
	       " 2021 framework (it is in 2012)\n"
	       "1/0 missing-level2: no 经济成本指标 row under 成本指标 (the 2021"
	       " framework requires one)\n");
	jx_doc_free(&doc);

	/* a framework nobody knows: said once, the default is used */
	new_doc(&doc, "部门整体支出绩效目标表（2025版）");
	complete_2012(&doc, "一");
	expect(&doc,
	       "0/0 framework: framework 部门整体支出绩效目标表（2025版） is not"
	       " one jixiao knows; checked against 2012\n");
	jx_doc_free(&doc);
}

static void
test_units(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;

	(void)state;
	new_doc(&doc, NULL);
	p = complete_2012(&doc, "一");
	row(p, "产出指标", "数量指标", "资金使用率", "≥90使用率");
	row(p, "产出指标", "数量指标", "资金使用率（%）", "≥90");
	row(p, "产出指标", "数量指标", "资金到位率", "≥3个");
	row(p, "满意度指标", "服务对象满意度指标", "工作人员对设备满意度",
	    "良好");
	row(p, "产出指标", "时效指标", "完成时间", "≥90控制在时间内");
	row(p, "产出指标", "成本指标", "餐费标准", "≤20元/人");
	row(p, "产出指标", "成本指标", "餐费标准", "");     /* empty: no */
	row(p, "产出指标", "时效指标", "完成时间", "2025年12月31日前");
	expect(&doc,
	       "1/7 unit: target ≥90使用率 is in 使用率; 资金使用率 is measured"
	       " in %\n"
	       "1/8 unit: target ≥90 has no unit; 资金使用率（%） (资金使用率 in"
	       " the library) is measured in %\n"
	       "1/9 unit: target ≥3个 is in 个; 资金到位率 is measured in %\n"
	       "1/10 unit: target 良好 is not a figure; 工作人员对设备满意度"
	       " (工作人员满意度 in the library) is measured in %\n"
	       "1/11 unit: target ≥90控制在时间内 is not a date; 完成时间 is a"
	       " deadline (e.g. 12月底前)\n"
	       "1/12 unit: target ≤20元/人 is in 元/人; 餐费标准 is measured in"
	       " 元/人/天\n");
	jx_doc_free(&doc);
}

/* Every field of a finding; a project without a code, a doc without one. */
static void
test_finding_fields(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;
	const struct jx_check_finding *f;

	(void)state;
	new_doc(&doc, NULL);
	complete_2012(&doc, "一");
	p = complete_2012(&doc, "二");
	free(p->code);
	p->code = dup("C2");
	row(p, "产出指标", "数量指标", "资金到位率", "≥3个");
	jx_error_clear(&err);
	assert_int_equal(jx_check_doc(&g_t, &doc, &list, &err), JX_OK);
	assert_int_equal(list.n, 1);
	f = &list.v[0];
	assert_int_equal(f->rule, JX_CHECK_UNIT);
	assert_string_equal(f->dept_name, "测试街道");
	assert_string_equal(f->dept_code, "900001");
	assert_int_equal(f->year, 2025);
	assert_int_equal(f->project, 2);
	assert_string_equal(f->project_code, "C2");
	assert_string_equal(f->project_name, "二");
	assert_int_equal(f->indicator, 7);
	assert_string_equal(f->indicator_name, "资金到位率");
	jx_check_list_free(&list);

	/* one project on its own, and a missing-level2 has no indicator */
	free(doc.dept_code);
	doc.dept_code = NULL;
	p = add_project(&doc, NULL, "三");
	row(p, "产出指标", "数量指标", "资金使用率", "≥90%");
	assert_int_equal(jx_check_project(&g_t,
					  jx_templates_default_framework(&g_t),
					  &doc, p, 3, &list, &err), JX_OK);
	assert_int_equal(list.n, 5);
	f = &list.v[0];
	assert_int_equal(f->rule, JX_CHECK_MISSING_LEVEL2);
	assert_null(f->dept_code);
	assert_null(f->project_code);
	assert_int_equal(f->project, 3);
	assert_int_equal(f->indicator, 0);
	assert_null(f->indicator_name);
	jx_check_list_free(&list);
	jx_check_list_free(&list);   /* twice is harmless */

	for (int r = 0; r < JX_CHECK_RULE_COUNT; r++)
		assert_true(jx_check_rule_id(r)[0] != '\0');
	assert_string_equal(jx_check_rule_id(JX_CHECK_EMPTY_LEVEL2),
			    "empty-level2");
	jx_doc_free(&doc);
}

static void
test_no_framework(void **state)
{
	struct jx_templates empty;
	struct jx_doc doc;
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;

	(void)state;
	jx_templates_init(&empty);
	new_doc(&doc, NULL);
	jx_error_clear(&err);
	assert_int_equal(jx_check_doc(&empty, &doc, &list, &err),
			 JX_NOTFOUND);
	assert_string_equal(err.message, "the templates define no framework");
	jx_doc_free(&doc);
}

/* ---- the samples -------------------------------------------------------------- */

static void
read_sample(const char *name, struct jx_doc *doc)
{
	char path[1024];
	struct jx_errlist errors;

	snprintf(path, sizeof path, "%s/%s",
		 env_or("JX_SAMPLES_DIR", JX_SRCDIR "/data/samples"), name);
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_file(path, NULL, doc, &errors), JX_OK);
	jx_errlist_free(&errors);
}

/* Seed 003: ten projects whose 成本指标 is only 无, and the five rows of
 * 社区党组织工作经费 (project 7, whose cost row is real) whose target is a
 * number with a phrase. */
static void
test_sample_chengde(void **state)
{
	struct jx_doc doc;

	(void)state;
	read_sample("chengde-125001-2023.yaml", &doc);
	expect(&doc,
#define EMPTY_COST(n) n "/4 empty-level2: 成本指标 under 产出指标 has no" \
	" target, only placeholders (the 2012 framework requires one)\n"
	       EMPTY_COST("1") EMPTY_COST("2") EMPTY_COST("3")
	       EMPTY_COST("4") EMPTY_COST("6")
	       "7/1 unit: target 100 资金使用是否合规 is not a figure;"
	       " 资金使用合规率 (资金支付合规率 in the library) is measured"
	       " in %\n"
	       "7/2 unit: target 100 资金发放是否及时 is not a figure; 及时性 is"
	       " measured in %\n"
	       "7/3 unit: target ≥80 是否积极发展党员 has no unit; 发展党员数量"
	       " is measured in 人\n"
	       "7/8 unit: target ≥95 党员参政议政、建言献策的比例 has no unit;"
	       " 党员参政议政、建言献策的比例 (党员参与活动比例 in the library)"
	       " is measured in %\n"
	       "7/9 unit: target ≥95 服务对象是否满意 has no unit; 服务对象满意度"
	       " is measured in %\n"
	       EMPTY_COST("8") EMPTY_COST("9") EMPTY_COST("10")
	       EMPTY_COST("11") EMPTY_COST("13"));
#undef EMPTY_COST
	jx_doc_free(&doc);
}

/* Seed 000 is the cleanest: only a satisfaction stated as a word. */
static void
test_sample_qixianling(void **state)
{
	struct jx_doc doc;

	(void)state;
	read_sample("qixianling-2026.yaml", &doc);
	expect(&doc,
	       "10/7 unit: target 良好 is not a figure; 工作人员对设备满意度"
	       " (工作人员满意度 in the library) is measured in %\n");
	jx_doc_free(&doc);
}

/* Seed 001 writes almost every target as ≥90 and a word (≥90使用率):
 * 170 of its 189 rows are library indicators whose unit is not there;
 * its levels are all complete. */
static void
test_sample_xishan(void **state)
{
	struct jx_doc doc;
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;
	size_t per_project[22] = { 0 };

	(void)state;
	read_sample("xishan-441001-2021.yaml", &doc);
	jx_error_clear(&err);
	assert_int_equal(jx_check_doc(&g_t, &doc, &list, &err), JX_OK);
	assert_int_equal(list.n, 170);
	for (size_t i = 0; i < list.n; i++) {
		assert_int_equal(list.v[i].rule, JX_CHECK_UNIT);
		assert_true(list.v[i].indicator > 0);
		per_project[list.v[i].project]++;
	}
	/* project 1: all but 资金拨付率 and 资金支出率 (not in the library) */
	assert_int_equal(per_project[1], 7);
	assert_string_equal(list.v[0].message,
			    "target ≥90使用率 is in 使用率; 资金使用率 is"
			    " measured in %");
	assert_string_equal(list.v[0].project_code, "130304213ZR3W5GRVM5IR");
	jx_check_list_free(&list);
	jx_doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_missing_and_empty),
		cmocka_unit_test(test_unknown_levels),
		cmocka_unit_test(test_framework_2021),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_finding_fields),
		cmocka_unit_test(test_no_framework),
		cmocka_unit_test(test_sample_chengde),
		cmocka_unit_test(test_sample_qixianling),
		cmocka_unit_test(test_sample_xishan),
	};

	return cmocka_run_group_tests(tests, load_templates, free_templates);
}
