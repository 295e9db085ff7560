/*
 * check.h — checking a department-year against the indicator framework and
 * library (core/template.h): what `jixiao check` lists and what the
 * interface shows on a record.
 *
 * Pure functions over the records of core/record.h. The framework is the
 * one the department-year names in `framework` (by name or alias), else the
 * default one (the 2012 framework). Level names are matched after aliases
 * (效果指标 is 效益指标, 社会影响指标 is 社会效益指标, white space and a
 * final 指标 do not count). The rules, by id:
 *
 *   framework       the department-year names a framework that is not
 *                   known (the default is used instead)
 *   unknown-level1  a row's level-1 is not in the framework
 *   unknown-level2  a row's level-2 is not under its level-1 (one finding
 *                   per project and level name, at its first row)
 *   missing-level2  a project has no row under a required level-2
 *   empty-level2    a required level-2 has rows, but none has a target:
 *                   only placeholders such as 无 (seed 003's 成本指标)
 *   missing-level1  a required level-1 whose level-2s are all optional
 *                   (效益指标) has no row with a target
 *   unit            a row whose name is in the library has a target that
 *                   does not fit it: a number in another unit or without
 *                   one (≥90使用率 for a rate in %), a word or free text
 *                   where a figure is measured, a figure where a date is
 *                   due. Units of one kind (元, 万元; 天, 个月, 年) fit.
 *
 * A placeholder row (target 无) under an optional level-2 says that the
 * level does not apply, which the framework allows: it is no finding.
 */
#ifndef JX_ANALYSIS_CHECK_H
#define JX_ANALYSIS_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/record.h"
#include "core/template.h"

enum jx_check_rule {
	JX_CHECK_FRAMEWORK,
	JX_CHECK_UNKNOWN_LEVEL1,
	JX_CHECK_UNKNOWN_LEVEL2,
	JX_CHECK_MISSING_LEVEL2,
	JX_CHECK_EMPTY_LEVEL2,
	JX_CHECK_MISSING_LEVEL1,
	JX_CHECK_UNIT,
	JX_CHECK_RULE_COUNT
};

struct jx_check_finding {
	enum jx_check_rule rule;
	char *dept_name, *dept_code;  /* dept_code NULL when none */
	int year;
	size_t project;               /* 1-based position; 0: the whole year */
	char *project_code;           /* NULL when none (or project 0) */
	char *project_name;           /* NULL for project 0 */
	size_t indicator;             /* 1-based row of the project; 0: none */
	char *indicator_name;         /* NULL when indicator is 0 */
	char *message;                /* translated, one line */
};

struct jx_check_list {
	struct jx_check_finding *v;
	size_t n, cap;
};

void jx_check_list_free(struct jx_check_list *list);

/* "missing-level2" …: the rule's id, as printed. */
const char *jx_check_rule_id(enum jx_check_rule rule);

/*
 * Appends the findings of every project of doc to out, in project and row
 * order (a framework finding first). JX_NOTFOUND (err set) when t has no
 * framework at all; JX_NOMEM when a finding could not be added (those so
 * far stay).
 */
enum jx_status jx_check_doc(const struct jx_templates *t,
			    const struct jx_doc *doc,
			    struct jx_check_list *out, struct jx_error *err);

/*
 * The findings of one project p (position index, 1-based) of the
 * department-year head (its department, year and framework are used; its
 * projects are not), against framework fw (jx_templates_framework_for).
 */
enum jx_status jx_check_project(const struct jx_templates *t,
				const struct jx_framework *fw,
				const struct jx_doc *head,
				const struct jx_project *p, size_t index,
				struct jx_check_list *out,
				struct jx_error *err);

#endif
