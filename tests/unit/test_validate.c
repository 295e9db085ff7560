/*
 * test_validate.c — unit tests for analysis/validate.c: the checks run when
 * a department-year head, a project or an indicator is saved from a form.
 *
 * Every rule is tested on both sides of its boundary (percentages 0, 100,
 * 100.01, a fall of 0.01; years 1899/1900/2999/3000), with full-width
 * digits, with blank and zero amounts told apart, and with the exact
 * message, which must name the field by its label in the tables. The
 * published samples (data/samples/NAME.yaml) are run through every check and
 * the exact set of findings is asserted: no errors, and warnings only on
 * targets that the parser flags (≥90使用率) or cannot read (质量).
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

#include "analysis/validate.h"
#include "core/error.h"
#include "core/money.h"
#include "core/record.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/yaml_doc.h"

#ifndef JX_SRCDIR
#define JX_SRCDIR "."
#endif

#define N_OF(a) (sizeof (a) / sizeof (a)[0])

/* ---- helpers ------------------------------------------------------------ */

static char *
dup(const char *s)
{
	char *d = jx_strdup(s);

	if (s != NULL)
		assert_non_null(d);
	return d;
}

/* A 万元 amount as typed; NULL is a blank cell. */
static struct jx_amount
wan(const char *text)
{
	struct jx_amount a = { false, 0 };

	if (text != NULL) {
		assert_int_equal(jx_money_parse_wan(text, &a.yuan, NULL), JX_OK);
		a.present = true;
	}
	return a;
}

/* The one finding in f, checked: field, index, kind and message. */
static void
check_only(const struct jx_findings *f, const char *field, int index,
	   bool warning, const char *message)
{
	if (f->n != 1) {
		for (size_t i = 0; i < f->n; i++)
			print_message("finding %zu: %s[%d] %s\n", i,
				      f->v[i].field, f->v[i].index,
				      f->v[i].message);
		fail_msg("%zu findings, expected 1 (%s)", f->n, message);
	}
	assert_string_equal(f->v[0].field, field);
	assert_int_equal(f->v[0].index, index);
	assert_int_equal(f->v[0].warning, warning);
	assert_string_equal(f->v[0].message, message);
	assert_int_equal(jx_findings_errors(f), warning ? 0 : 1);
}

static void
check_none(const struct jx_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		print_message("unexpected: %s[%d] %s\n", f->v[i].field,
			      f->v[i].index, f->v[i].message);
	assert_int_equal(f->n, 0);
}

/* ---- plan percentages ---------------------------------------------------- */

static void
percent_is(const char *text, int want, int line)
{
	int h = -12345;

	if (!jx_plan_percent(text, &h))
		fail_msg("line %d: \"%s\" not read", line, text);
	if (h != want)
		fail_msg("line %d: \"%s\" read as %d, expected %d", line, text,
			 h, want);
}

static void
not_percent(const char *text, int line)
{
	int h = 0;

	if (jx_plan_percent(text, &h))
		fail_msg("line %d: \"%s\" read as %d", line,
			 text ? text : "(null)", h);
}

#define PERCENT(t, w) percent_is(t, w, __LINE__)
#define NOT_PERCENT(t) not_percent(t, __LINE__)

static void
test_plan_percent(void **state)
{
	(void)state;
	/* As the samples write them. */
	PERCENT("25.00%", 2500);
	PERCENT("100.00%", 10000);
	PERCENT("100%", 10000);
	PERCENT("60%", 6000);
	PERCENT("25", 2500);
	/* Decimals. */
	PERCENT("25.5", 2550);
	PERCENT("33.33%", 3333);
	PERCENT("0.01", 1);
	PERCENT("25.000%", 2500);       /* further zeros are exact */
	PERCENT("100.01", 10001);
	PERCENT("0", 0);
	PERCENT("007", 700);
	/* Full-width digits, point and sign; spaces, ASCII and U+3000. */
	PERCENT("２５", 2500);
	PERCENT("２５．５０％", 2550);
	PERCENT("１００％", 10000);
	PERCENT(" 25 % ", 2500);
	PERCENT("\xE3\x80\x80" "75%" "\xE3\x80\x80", 7500);
	PERCENT("２５%", 2500);
	/* Negative numbers are numbers (out of range, said so elsewhere). */
	PERCENT("-5", -500);
	PERCENT("－０．０１％", -1);
	/* Huge values are held at a cap, still above 100. */
	PERCENT("99999999999999999999%", 1000000000);
	/* Not a percentage. */
	NOT_PERCENT(NULL);
	NOT_PERCENT("");
	NOT_PERCENT("   ");
	NOT_PERCENT("%");
	NOT_PERCENT("abc");
	NOT_PERCENT("25.001");          /* not exact in hundredths */
	NOT_PERCENT("33.333%");
	NOT_PERCENT(".5");
	NOT_PERCENT("5.");
	NOT_PERCENT("25%%");
	NOT_PERCENT("25%x");
	NOT_PERCENT("2 5");
	NOT_PERCENT("25,5");
	NOT_PERCENT("1e2");
	NOT_PERCENT("+25");
	NOT_PERCENT("≥25%");
	NOT_PERCENT("二十五");
	NOT_PERCENT("--5");
	NOT_PERCENT("\xEF\xBC");        /* a cut full-width character */
}

/* ---- department-year ----------------------------------------------------- */

static void
year_head(struct jx_doc *d)
{
	jx_doc_init(d);
	d->dept_name = dup("秦皇岛市北戴河区西山街道办事处（本级）");
	d->year = 2021;
}

static void
test_year_valid(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_doc d;
	struct jx_subgoal *g;

	(void)state;
	year_head(&d);
	assert_int_equal(jx_validate_year(&d, &f), JX_OK);
	check_none(&f);
	/* A title alone, and a wholly blank sub-goal, are fine. */
	assert_non_null(g = jx_doc_add_subgoal(&d));
	g->title = dup("坚持党建工作主线，创新党员管理模式");
	assert_non_null(g = jx_doc_add_subgoal(&d));
	assert_non_null(g = jx_doc_add_subgoal(&d));
	g->goal = dup("  ");
	assert_int_equal(jx_validate_year(&d, &f), JX_OK);
	check_none(&f);
	jx_doc_free(&d);
	jx_findings_free(&f);
}

static void
test_year_name(void **state)
{
	static const char *const blanks[] = { NULL, "", " \t",
					      "\xE3\x80\x80" };
	struct jx_findings f = { 0 };
	struct jx_doc d;

	(void)state;
	for (size_t i = 0; i < N_OF(blanks); i++) {
		year_head(&d);
		free(d.dept_name);
		d.dept_name = dup(blanks[i]);
		assert_int_equal(jx_validate_year(&d, &f), JX_OK);
		check_only(&f, "department.name", -1, false,
			   "部门名称 is missing");
		jx_doc_free(&d);
		jx_findings_free(&f);
	}
}

static void
test_year_range(void **state)
{
	static const struct { int year; const char *message; } cases[] = {
		{ 1900, NULL }, { 2999, NULL }, { 2026, NULL },
		{ 1899, "年度 1899 is not a year from 1900 to 2999" },
		{ 3000, "年度 3000 is not a year from 1900 to 2999" },
		{ -1, "年度 -1 is not a year from 1900 to 2999" },
		{ 0, "年度 is missing" },
	};
	struct jx_findings f = { 0 };
	struct jx_doc d;

	(void)state;
	for (size_t i = 0; i < N_OF(cases); i++) {
		year_head(&d);
		d.year = cases[i].year;
		assert_int_equal(jx_validate_year(&d, &f), JX_OK);
		if (cases[i].message)
			check_only(&f, "year", -1, false, cases[i].message);
		else
			check_none(&f);
		jx_doc_free(&d);
		jx_findings_free(&f);
	}
}

static void
test_year_subgoal_title(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_doc d;
	struct jx_subgoal *g;

	(void)state;
	year_head(&d);
	assert_non_null(g = jx_doc_add_subgoal(&d));
	g->title = dup("加强城市社区建设");
	g->goal = dup("继续开展党员走访慰问");
	assert_non_null(g = jx_doc_add_subgoal(&d));
	g->indicator = dup("组织开展教育学习");
	assert_int_equal(jx_validate_year(&d, &f), JX_OK);
	check_only(&f, "subgoals.title", 1, false,
		   "分项目标 2 has a goal or indicator text but no title");
	jx_findings_free(&f);

	/* A title of spaces is no title; a goal of its own is enough. */
	g->title = dup("　");
	free(g->indicator);
	g->indicator = NULL;
	g->goal = dup("x");
	assert_int_equal(jx_validate_year(&d, &f), JX_OK);
	check_only(&f, "subgoals.title", 1, false,
		   "分项目标 2 has a goal or indicator text but no title");
	jx_findings_free(&f);
	jx_doc_free(&d);
}

/* Several findings at once: all reported, in order, errors counted. */
static void
test_year_all_findings(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_doc d;
	struct jx_subgoal *g;

	(void)state;
	jx_doc_init(&d);
	d.year = 1066;
	assert_non_null(g = jx_doc_add_subgoal(&d));
	g->goal = dup("目标");
	assert_int_equal(jx_validate_year(&d, &f), JX_OK);
	assert_int_equal(f.n, 3);
	assert_string_equal(f.v[0].field, "department.name");
	assert_string_equal(f.v[1].field, "year");
	assert_string_equal(f.v[2].field, "subgoals.title");
	assert_int_equal(f.v[2].index, 0);
	assert_int_equal(jx_findings_errors(&f), 3);
	jx_doc_free(&d);
	jx_findings_free(&f);
}

/* ---- project: name and money --------------------------------------------- */

static void
project_named(struct jx_project *p)
{
	memset(p, 0, sizeof *p);
	p->name = dup("直选人员及社区工作者工资及保险");
}

static void
test_project_name(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_project p;

	(void)state;
	project_named(&p);
	assert_int_equal(jx_validate_project(&p, &f), JX_OK);
	check_none(&f);
	free(p.name);
	p.name = dup(" ");
	assert_int_equal(jx_validate_project(&p, &f), JX_OK);
	check_only(&f, "name", -1, false, "项目名称 is missing");
	jx_project_free(&p);
	jx_findings_free(&f);
}

struct money_case {
	const char *total, *fiscal, *other;   /* 万元 as typed; NULL blank */
	const char *message;                  /* NULL: no finding */
};

/* The message with its "%s" replaced by label. */
static void
fill_label(char *buf, size_t size, const char *message, const char *label)
{
	const char *at = strstr(message, "%s");

	assert_non_null(at);
	snprintf(buf, size, "%.*s%s%s", (int)(at - message), message, label,
		 at + 2);
}

/* Runs each case on the annual and on the period amounts. */
static void
check_money(const struct money_case *c, int line)
{
	struct jx_findings f = { 0 };
	struct jx_project p;
	char want[JX_FINDING_MSG];

	for (int period = 0; period < 2; period++) {
		const char *label = period ? "实施期资金总额" : "年度资金总额";
		const char *field = period ? "period_total" : "annual_total";

		project_named(&p);
		if (period) {
			p.period_total = wan(c->total);
			p.period_fiscal = wan(c->fiscal);
			p.period_other = wan(c->other);
		} else {
			p.annual_total = wan(c->total);
			p.annual_fiscal = wan(c->fiscal);
			p.annual_other = wan(c->other);
		}
		assert_int_equal(jx_validate_project(&p, &f), JX_OK);
		if (c->message == NULL) {
			if (f.n != 0)
				fail_msg("line %d: %s", line, f.v[0].message);
		} else {
			fill_label(want, sizeof want, c->message, label);
			if (f.n != 1)
				fail_msg("line %d: %zu findings", line, f.n);
			check_only(&f, field, -1, true, want);
		}
		jx_project_free(&p);
		jx_findings_free(&f);
	}
}

static void
test_project_money(void **state)
{
	static const struct money_case cases[] = {
		/* The example. */
		{ "50", "30", "10",
		  "财政资金 + 其他资金 ≠ %s: 30 + 10 ≠ 50 万元" },
		{ "50", "40", "10", NULL },
		/* As in the samples: 其他资金 blank, fiscal = total. */
		{ "130.97", "130.97", NULL, NULL },
		{ "1661", "1661", "0", NULL },
		/* A blank part counts as nothing, and the message says it was
		 * blank, not 0. */
		{ "50", "30", NULL,
		  "财政资金 ≠ %s: 30 ≠ 50 万元 (其他资金 blank)" },
		{ "50", NULL, "0",
		  "其他资金 ≠ %s: 0 ≠ 50 万元 (财政资金 blank)" },
		{ "50", NULL, "50", NULL },
		{ "50", "30", "0", "财政资金 + 其他资金 ≠ %s: 30 + 0 ≠ 50 万元" },
		/* Nothing to compare: no total, or no part. */
		{ NULL, "30", "10", NULL },
		{ "50", NULL, NULL, NULL },
		{ NULL, NULL, NULL, NULL },
		/* Zero is a value. */
		{ "0", "0", "0", NULL },
		{ "0", "0", NULL, NULL },
		{ "0", "0.0001", NULL,
		  "财政资金 ≠ %s: 0.0001 ≠ 0 万元 (其他资金 blank)" },
		{ "0.0001", "0", "0",
		  "财政资金 + 其他资金 ≠ %s: 0 + 0 ≠ 0.0001 万元" },
		/* Exact to the yuan, shortest figures in the message. */
		{ "371.58", "371.5799", "0.0001", NULL },
		{ "371.58", "371.57", "0.0001",
		  "财政资金 + 其他资金 ≠ %s: 371.57 + 0.0001 ≠ 371.58 万元" },
		{ "１００", "９０．５", "９．５", NULL },
		{ "1,000", "999.99", NULL,
		  "财政资金 ≠ %s: 999.99 ≠ 1000 万元 (其他资金 blank)" },
	};

	(void)state;
	for (size_t i = 0; i < N_OF(cases); i++)
		check_money(&cases[i], (int)i);
}

/* Both totals off: two warnings, no error. */
static void
test_project_money_both(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_project p;

	(void)state;
	project_named(&p);
	p.period_total = wan("100");
	p.period_fiscal = wan("90");
	p.annual_total = wan("50");
	p.annual_other = wan("60");
	assert_int_equal(jx_validate_project(&p, &f), JX_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].field, "period_total");
	assert_string_equal(f.v[0].message, "财政资金 ≠ 实施期资金总额: 90 ≠ 100 万元"
			    " (其他资金 blank)");
	assert_string_equal(f.v[1].field, "annual_total");
	assert_string_equal(f.v[1].message, "其他资金 ≠ 年度资金总额: 60 ≠ 50 万元"
			    " (财政资金 blank)");
	assert_int_equal(jx_findings_errors(&f), 0);
	jx_project_free(&p);
	jx_findings_free(&f);
}

/* ---- project: spending plan ----------------------------------------------- */

/* A project whose plan has these checkpoints: "label|percent" (either side
 * may be empty: blank). */
static void
project_plan(struct jx_project *p, const char *const *points, size_t n)
{
	project_named(p);
	for (size_t i = 0; i < n; i++) {
		struct jx_checkpoint *c = jx_project_add_checkpoint(p);
		const char *bar = strchr(points[i], '|');

		assert_non_null(c);
		assert_non_null(bar);
		if (bar > points[i]) {
			size_t len = (size_t)(bar - points[i]);
			assert_non_null(c->label = malloc(len + 1));
			memcpy(c->label, points[i], len);
			c->label[len] = '\0';
		}
		if (bar[1])
			c->percent = dup(bar + 1);
	}
}

struct plan_case {
	const char *points[5];
	const char *field;          /* NULL: no finding */
	int index;
	const char *message;
};

static void
test_plan_rules(void **state)
{
	static const struct plan_case cases[] = {
		/* As published. */
		{ { "3月底|25.00%", "6月底|50.00%", "10月底|75.00%",
		    "12月底|100.00%" }, NULL, 0, NULL },
		{ { "3月底|", "6月底|30%", "10月底|", "12月底|100%" },
		  NULL, 0, NULL },
		{ { "3月底|", "6月底|", "10月底|", "12月底|" }, NULL, 0, NULL },
		/* The ends of the range. */
		{ { "3月底|0", "12月底|100" }, NULL, 0, NULL },
		{ { "3月底|0.00%", "12月底|100.00%" }, NULL, 0, NULL },
		{ { "3月底|50%", "12月底|100.01%" }, "plan.percent", 1,
		  "累计支出比例 \"100.01%\" is outside 0–100%" },
		{ { "3月底|-0.01" }, "plan.percent", 0,
		  "累计支出比例 \"-0.01\" is outside 0–100%" },
		{ { "3月底|１０１" }, "plan.percent", 0,
		  "累计支出比例 \"１０１\" is outside 0–100%" },
		/* Cumulative: equal is fine, 0.01 less is not. */
		{ { "3月底|50%", "6月底|50.00%", "12月底|100%" },
		  NULL, 0, NULL },
		{ { "3月底|50.00%", "6月底|49.99%" }, "plan.percent", 1,
		  "累计支出比例 decreases: 49.99% at checkpoint 2 after"
		  " 50.00% at checkpoint 1 (it is cumulative)" },
		{ { "3月底|100%", "12月底|0" }, "plan.percent", 1,
		  "累计支出比例 decreases: 0 at checkpoint 2 after 100% at"
		  " checkpoint 1 (it is cumulative)" },
		/* Full-width, against ASCII. */
		{ { "3月底|２５％", "6月底|50", "12月底|１００．００％" },
		  NULL, 0, NULL },
		{ { "3月底|２５％", "6月底|２４．９９" }, "plan.percent", 1,
		  "累计支出比例 decreases: ２４．９９ at checkpoint 2 after"
		  " ２５％ at checkpoint 1 (it is cumulative)" },
		/* A blank cell is skipped: compared with the one before. */
		{ { "3月底|60%", "6月底|", "10月底|55%" }, "plan.percent", 2,
		  "累计支出比例 decreases: 55% at checkpoint 3 after 60% at"
		  " checkpoint 1 (it is cumulative)" },
		/* Not a number. */
		{ { "3月底|二成" }, "plan.percent", 0,
		  "累计支出比例 \"二成\" is not a percentage such as 25, 25%"
		  " or 25.00% (at most two decimals)" },
		{ { "3月底|33.333%" }, "plan.percent", 0,
		  "累计支出比例 \"33.333%\" is not a percentage such as 25,"
		  " 25% or 25.00% (at most two decimals)" },
		/* A percentage needs its checkpoint's label; a label alone
		 * (a blank cell) is fine. */
		{ { "|25%", "6月底|50%" }, "plan.label", 0,
		  "checkpoint 1 has a 累计支出比例 but no 支出计划时点" },
		{ { "3月底|25%", "　|50%" }, "plan.label", 1,
		  "checkpoint 2 has a 累计支出比例 but no 支出计划时点" },
		{ { "3月底|25%", "6月底| " }, NULL, 0, NULL },
	};

	(void)state;
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct jx_findings f = { 0 };
		struct jx_project p;
		size_t n = 0;

		while (n < N_OF(cases[i].points) && cases[i].points[n])
			n++;
		project_plan(&p, cases[i].points, n);
		assert_int_equal(jx_validate_project(&p, &f), JX_OK);
		if (cases[i].field == NULL) {
			if (f.n != 0)
				fail_msg("case %zu: %s", i, f.v[0].message);
		} else {
			if (f.n != 1)
				fail_msg("case %zu: %zu findings", i, f.n);
			check_only(&f, cases[i].field, cases[i].index, false,
				   cases[i].message);
		}
		jx_project_free(&p);
		jx_findings_free(&f);
	}
}

/* A value that is out of range or not a number is reported once and does
 * not become the value the next ones are held to. */
static void
test_plan_bad_value_not_a_floor(void **state)
{
	static const char *const points[] = {
		"3月底|50%", "6月底|150%", "10月底|x", "12月底|60%",
	};
	struct jx_findings f = { 0 };
	struct jx_project p;

	(void)state;
	project_plan(&p, points, N_OF(points));
	assert_int_equal(jx_validate_project(&p, &f), JX_OK);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.v[0].index, 1);
	assert_int_equal(f.v[1].index, 2);
	assert_int_equal(jx_findings_errors(&f), 2);
	jx_project_free(&p);
	jx_findings_free(&f);
}

/* A long value is quoted cut, with an ellipsis, and the message stays
 * valid UTF-8 within its buffer. */
static void
test_plan_long_value(void **state)
{
	char big[600];
	const char *points[1];
	struct jx_findings f = { 0 };
	struct jx_project p;
	char line[700];

	(void)state;
	big[0] = '\0';
	for (int i = 0; i < 60; i++)
		strcat(big, "百分之");
	snprintf(line, sizeof line, "3月底|%s", big);
	points[0] = line;
	project_plan(&p, points, 1);
	assert_int_equal(jx_validate_project(&p, &f), JX_OK);
	assert_int_equal(f.n, 1);
	assert_non_null(strstr(f.v[0].message,
			       "累计支出比例 \"百分之百分之百分之百分…\" is not"));
	assert_true(jx_utf8_valid(f.v[0].message, strlen(f.v[0].message),
				  NULL));
	assert_true(strlen(f.v[0].message) < JX_FINDING_MSG);
	jx_project_free(&p);
	jx_findings_free(&f);
}

/* ---- indicator ------------------------------------------------------------ */

static void
indicator(struct jx_indicator *ind, const char *target)
{
	memset(ind, 0, sizeof *ind);
	ind->level1 = dup("产出指标");
	ind->level2 = dup("数量指标");
	ind->name = dup("资金使用率");
	ind->target = dup(target);
}

static void
test_indicator_required(void **state)
{
	static const struct { size_t offset; const char *field, *message; }
	cases[] = {
		{ offsetof(struct jx_indicator, level1), "level1",
		  "一级指标 is missing" },
		{ offsetof(struct jx_indicator, level2), "level2",
		  "二级指标 is missing" },
		{ offsetof(struct jx_indicator, name), "name",
		  "三级指标 is missing" },
		{ offsetof(struct jx_indicator, target), "target",
		  "指标值 is missing" },
	};
	struct jx_findings f = { 0 };
	struct jx_indicator ind;

	(void)state;
	for (size_t i = 0; i < N_OF(cases); i++) {
		for (int blank = 0; blank < 2; blank++) {
			char **slot;

			indicator(&ind, "≥90%");
			slot = (char **)(void *)((char *)&ind +
						 cases[i].offset);
			free(*slot);
			*slot = blank ? dup(" \n ") : NULL;
			assert_int_equal(jx_validate_indicator(&ind, &f),
					 JX_OK);
			check_only(&f, cases[i].field, -1, false,
				   cases[i].message);
			jx_indicator_free(&ind);
			jx_findings_free(&f);
		}
	}
	/* Description and basis are optional. */
	indicator(&ind, "≥90%");
	assert_int_equal(jx_validate_indicator(&ind, &f), JX_OK);
	check_none(&f);
	jx_indicator_free(&ind);
}

static void
test_indicator_targets(void **state)
{
	static const struct { const char *target, *message; } cases[] = {
		/* Read without a doubt. */
		{ "≥90%", NULL },
		{ "100%", NULL },               /* an implied = is not asked */
		{ "=14个", NULL },
		{ "≤6万元", NULL },
		{ "≥95 百分比", NULL },
		{ "12月底前", NULL },
		{ "提高", NULL },
		{ "无", NULL },                 /* a placeholder, as published */
		{ "＞＝９０％", NULL },          /* full-width */
		/* Read, with the parser's doubts. */
		{ "≥90使用率", "指标值 \"≥90使用率\": unit is a word; check it" },
		{ "≥90", "指标值 \"≥90\": no unit; check it" },
		{ "≥80 是否积极发展党员",
		  "指标值 \"≥80 是否积极发展党员\": no unit; words after the"
		  " value; check it" },
		{ "≥120%", "指标值 \"≥120%\": value out of the usual range;"
		  " check it" },
		/* Not understood: kept as text once confirmed. */
		{ "质量", "指标值 \"质量\" is not understood as a number, date"
		  " or word: confirm to keep it as free text" },
		{ "90-95%", "指标值 \"90-95%\" is not understood as a number,"
		  " date or word: confirm to keep it as free text" },
		{ "工作效率有所提高", "指标值 \"工作效率有所提高\" is not"
		  " understood as a number, date or word: confirm to keep it"
		  " as free text" },
	};
	struct jx_findings f = { 0 };
	struct jx_indicator ind;

	(void)state;
	for (size_t i = 0; i < N_OF(cases); i++) {
		indicator(&ind, cases[i].target);
		assert_int_equal(jx_validate_indicator(&ind, &f), JX_OK);
		if (cases[i].message)
			check_only(&f, "target", -1, true, cases[i].message);
		else
			check_none(&f);
		jx_indicator_free(&ind);
		jx_findings_free(&f);
	}
}

/* A long target is quoted cut to one line. */
static void
test_indicator_long_target(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_indicator ind;

	(void)state;
	indicator(&ind, "居民可以到卫生服务点买到\n常用药品并得到及时的基本医疗服务");
	assert_int_equal(jx_validate_indicator(&ind, &f), JX_OK);
	check_only(&f, "target", -1, true,
		   "指标值 \"居民可以到卫生服务点买…\" is not understood as a"
		   " number, date or word: confirm to keep it as free text");
	jx_indicator_free(&ind);
	jx_findings_free(&f);
}

/* ---- the list ------------------------------------------------------------- */

/* Findings are appended to what the list holds (the form's own, e.g. an
 * amount that does not parse); freeing twice is harmless. */
static void
test_findings_append(void **state)
{
	struct jx_findings f = { 0 };
	struct jx_indicator ind;

	(void)state;
	assert_int_equal(jx_findings_errors(&f), 0);
	assert_int_equal(jx_findings_errors(NULL), 0);
	for (int round = 0; round < 10; round++) {
		indicator(&ind, "质量");
		free(ind.name);
		ind.name = NULL;
		assert_int_equal(jx_validate_indicator(&ind, &f), JX_OK);
		jx_indicator_free(&ind);
	}
	assert_int_equal(f.n, 20);
	assert_true(f.cap >= 20);
	assert_int_equal(jx_findings_errors(&f), 10);
	for (size_t i = 0; i < f.n; i++) {
		assert_string_equal(f.v[i].field, i % 2 ? "target" : "name");
		assert_int_equal(f.v[i].warning, i % 2 == 1);
	}
	jx_findings_free(&f);
	assert_null(f.v);
	assert_int_equal(f.n, 0);
	jx_findings_free(&f);
	jx_findings_free(NULL);
}

/* ---- the published samples ----------------------------------------------- */

/* What a sample's indicators give. */
enum expect { NOTHING, UNIT_WORD, NOT_UNDERSTOOD, NO_UNIT_TRAILING };

/* The findings on seed 003 (承德): 46 targets that are a phrase rather
 * than a value ("质量", "服务质量的好坏", "次"), and in table 7 seven
 * values followed by a clause ("≥80 是否积极发展党员"). */
static const struct { int project, indicator; enum expect e; } chengde[] = {
	{ 1, 1, NOT_UNDERSTOOD }, { 1, 2, NOT_UNDERSTOOD },
	{ 1, 8, NOT_UNDERSTOOD }, { 2, 2, NOT_UNDERSTOOD },
	{ 2, 3, NOT_UNDERSTOOD }, { 2, 7, NOT_UNDERSTOOD },
	{ 2, 8, NOT_UNDERSTOOD }, { 3, 1, NOT_UNDERSTOOD },
	{ 3, 2, NOT_UNDERSTOOD }, { 3, 3, NOT_UNDERSTOOD },
	{ 3, 8, NOT_UNDERSTOOD }, { 4, 2, NOT_UNDERSTOOD },
	{ 4, 6, NOT_UNDERSTOOD }, { 4, 8, NOT_UNDERSTOOD },
	{ 5, 2, NOT_UNDERSTOOD }, { 5, 4, NOT_UNDERSTOOD },
	{ 5, 6, NOT_UNDERSTOOD }, { 5, 8, NOT_UNDERSTOOD },
	{ 6, 6, NOT_UNDERSTOOD }, { 6, 7, NOT_UNDERSTOOD },
	{ 7, 1, NOT_UNDERSTOOD }, { 7, 2, NOT_UNDERSTOOD },
	{ 7, 3, NO_UNIT_TRAILING }, { 7, 4, NO_UNIT_TRAILING },
	{ 7, 5, NO_UNIT_TRAILING }, { 7, 6, NO_UNIT_TRAILING },
	{ 7, 7, NO_UNIT_TRAILING }, { 7, 8, NO_UNIT_TRAILING },
	{ 7, 9, NO_UNIT_TRAILING },
	{ 8, 2, NOT_UNDERSTOOD }, { 8, 7, NOT_UNDERSTOOD },
	{ 8, 8, NOT_UNDERSTOOD }, { 9, 1, NOT_UNDERSTOOD },
	{ 9, 6, NOT_UNDERSTOOD }, { 9, 7, NOT_UNDERSTOOD },
	{ 9, 8, NOT_UNDERSTOOD }, { 10, 2, NOT_UNDERSTOOD },
	{ 10, 8, NOT_UNDERSTOOD }, { 11, 1, NOT_UNDERSTOOD },
	{ 11, 2, NOT_UNDERSTOOD }, { 11, 3, NOT_UNDERSTOOD },
	{ 11, 7, NOT_UNDERSTOOD }, { 11, 8, NOT_UNDERSTOOD },
	{ 12, 2, NOT_UNDERSTOOD }, { 12, 3, NOT_UNDERSTOOD },
	{ 12, 4, NOT_UNDERSTOOD }, { 12, 6, NOT_UNDERSTOOD },
	{ 12, 8, NOT_UNDERSTOOD }, { 13, 1, NOT_UNDERSTOOD },
	{ 13, 2, NOT_UNDERSTOOD }, { 13, 3, NOT_UNDERSTOOD },
	{ 13, 6, NOT_UNDERSTOOD }, { 13, 8, NOT_UNDERSTOOD },
};

static enum expect
expected(const char *file, size_t project, size_t ind)
{
	if (strcmp(file, "xishan-441001-2021.yaml") == 0)
		return UNIT_WORD;       /* every one is ≥90 + a noun */
	if (strcmp(file, "chengde-125001-2023.yaml") != 0)
		return NOTHING;
	for (size_t i = 0; i < N_OF(chengde); i++)
		if (chengde[i].project == (int)project + 1 &&
		    chengde[i].indicator == (int)ind + 1)
			return chengde[i].e;
	return NOTHING;
}

static void
check_sample_indicator(const char *file, size_t pi, size_t ii,
		       const struct jx_indicator *ind)
{
	static const char *const reasons[] = {
		[UNIT_WORD] = "\": unit is a word; check it",
		[NOT_UNDERSTOOD] = "\" is not understood as a number, date or"
				   " word: confirm to keep it as free text",
		[NO_UNIT_TRAILING] = "\": no unit; words after the value;"
				     " check it",
	};
	struct jx_findings f = { 0 };
	enum expect e = expected(file, pi, ii);
	const char *m;

	assert_int_equal(jx_validate_indicator(ind, &f), JX_OK);
	if (e == NOTHING) {
		if (f.n != 0)
			fail_msg("%s project %zu indicator %zu: %s", file,
				 pi + 1, ii + 1, f.v[0].message);
		jx_findings_free(&f);
		return;
	}
	if (f.n != 1)
		fail_msg("%s project %zu indicator %zu (%s): %zu findings",
			 file, pi + 1, ii + 1, ind->target, f.n);
	m = f.v[0].message;
	assert_string_equal(f.v[0].field, "target");
	assert_true(f.v[0].warning);
	assert_true(strncmp(m, "指标值 \"", strlen("指标值 \"")) == 0);
	if (strlen(m) < strlen(reasons[e]) ||
	    strcmp(m + strlen(m) - strlen(reasons[e]), reasons[e]) != 0)
		fail_msg("%s project %zu indicator %zu: %s", file, pi + 1,
			 ii + 1, m);
	jx_findings_free(&f);
}

/* Every head, project and indicator of one sample; returns the number of
 * warnings. */
static size_t
check_sample(const char *file)
{
	char path[1024];
	struct jx_errlist errors;
	struct jx_findings f = { 0 };
	struct jx_doc doc;
	size_t warnings = 0;

	snprintf(path, sizeof path, "%s/data/samples/%s",
		 getenv("JX_SRCDIR") ? getenv("JX_SRCDIR") : JX_SRCDIR, file);
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_file(path, NULL, &doc, &errors), JX_OK);
	jx_errlist_free(&errors);

	assert_int_equal(jx_validate_year(&doc, &f), JX_OK);
	check_none(&f);
	for (size_t pi = 0; pi < doc.n_projects; pi++) {
		const struct jx_project *p = &doc.projects[pi];

		assert_int_equal(jx_validate_project(p, &f), JX_OK);
		check_none(&f);
		for (size_t ii = 0; ii < p->n_indicators; ii++) {
			check_sample_indicator(file, pi, ii,
					       &p->indicators[ii]);
			if (expected(file, pi, ii) != NOTHING)
				warnings++;
		}
	}
	jx_doc_free(&doc);
	return warnings;
}

static void
test_samples(void **state)
{
	(void)state;
	assert_int_equal(check_sample("qixianling-2026.yaml"), 0);
	assert_int_equal(check_sample("xishan-441001-2021.yaml"), 189);
	assert_int_equal(check_sample("chengde-125001-2023.yaml"), 53);
}

/* ---- main ----------------------------------------------------------------- */

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_percent),
		cmocka_unit_test(test_year_valid),
		cmocka_unit_test(test_year_name),
		cmocka_unit_test(test_year_range),
		cmocka_unit_test(test_year_subgoal_title),
		cmocka_unit_test(test_year_all_findings),
		cmocka_unit_test(test_project_name),
		cmocka_unit_test(test_project_money),
		cmocka_unit_test(test_project_money_both),
		cmocka_unit_test(test_plan_rules),
		cmocka_unit_test(test_plan_bad_value_not_a_floor),
		cmocka_unit_test(test_plan_long_value),
		cmocka_unit_test(test_indicator_required),
		cmocka_unit_test(test_indicator_targets),
		cmocka_unit_test(test_indicator_long_target),
		cmocka_unit_test(test_findings_append),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
