/*
 * record.h — the records of a performance target table, in memory.
 *
 * A jx_doc is one department and one year with everything under it: the
 * unit of import and export (doc/interchange.md). Strings are owned UTF-8,
 * NULL when absent. Money is integer yuan with a presence flag, because a
 * blank cell and a printed 0 are different facts.
 *
 * Arrays (projects, indicators, …) have a count and a capacity (*_cap).
 * Fill them with the jx_*_add_* functions; an array built by hand must be
 * malloc'd, with its capacity set to its count (or 0). A pointer returned by
 * an add function is valid until the next add on the same array.
 */
#ifndef JX_CORE_RECORD_H
#define JX_CORE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct jx_amount {
	bool present;
	int64_t yuan;
};

struct jx_checkpoint {
	char *label;      /* "3月底", "第一季度" */
	char *percent;    /* cumulative, as written ("25.00%"); NULL if blank */
};

struct jx_indicator {
	char *level1;       /* 一级指标 */
	char *level2;       /* 二级指标 */
	char *name;         /* 三级指标 */
	char *description;  /* 绩效指标描述 */
	char *target;       /* 指标值, as written */
	char *basis;        /* 指标值确定依据 */
};

struct jx_project {
	char *code, *name, *title;
	char *competent;    /* 主管部门 */
	char *unit;         /* 实施单位 */
	char *attribute;    /* 项目属性 */
	char *category;     /* 项目类别 */
	char *period;       /* 项目实施期 */
	struct jx_amount period_total, period_fiscal, period_other;
	struct jx_amount annual_total, annual_fiscal, annual_other;
	char *purpose;      /* 资金用途 */
	char *period_goal;  /* 实施期目标 */
	char *annual_goal;  /* 年度目标 */
	char *goal;         /* 绩效目标 (not split by period) */
	char *note;
	bool unreviewed;    /* copied into a new year and not yet looked at
			       (stored as project.reviewed = 0) */
	struct jx_checkpoint *plan;
	size_t n_plan, plan_cap;
	struct jx_indicator *indicators;
	size_t n_indicators, indicators_cap;
};

struct jx_subgoal {
	char *title;
	char *goal;
	char *indicator;
};

struct jx_doc {
	char *dept_code;
	char *dept_name;
	char *dept_competent;
	int year;
	char *framework;
	char *source;
	char *note;
	char *goals;        /* 总体绩效目标 */
	char *measures;     /* 工作保障措施 */
	struct jx_subgoal *subgoals;
	size_t n_subgoals, subgoals_cap;
	struct jx_project *projects;
	size_t n_projects, projects_cap;
};

/* An empty document: every pointer NULL, every count 0, year 0. */
void jx_doc_init(struct jx_doc *doc);

/* Free what the record owns (strings, arrays and their elements), not the
 * record itself, and leave it empty, so freeing twice is harmless. NULL is
 * accepted. */
void jx_doc_free(struct jx_doc *doc);
void jx_project_free(struct jx_project *p);
void jx_indicator_free(struct jx_indicator *ind);

/* Append a zeroed element; returns a pointer to it or NULL when out of
 * memory (the array is then unchanged). The arrays grow geometrically. */
struct jx_project *jx_doc_add_project(struct jx_doc *doc);
struct jx_subgoal *jx_doc_add_subgoal(struct jx_doc *doc);
struct jx_indicator *jx_project_add_indicator(struct jx_project *p);
struct jx_checkpoint *jx_project_add_checkpoint(struct jx_project *p);

/* An amount as 万元 text (jx_money_format_wan), or "" when the cell is
 * blank. Writes into buf (size > 0). */
void jx_amount_format_wan(struct jx_amount a, char *buf, size_t size);

/* Counts over the document, used by import messages and stats: the
 * indicators of all projects. */
size_t jx_doc_indicator_count(const struct jx_doc *doc);

#endif
