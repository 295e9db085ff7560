/*
 * check.c — a department-year against the framework and the library of
 * indicators (see check.h for the rules).
 *
 * Exports jx_check_doc, jx_check_project, jx_check_rule_id and
 * jx_check_list_free. Each row of a project is resolved once (its level
 * names in the framework, its target parsed, its library entry); the rules
 * then read those.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/check.h"
#include "core/array.h"
#include "core/i18n.h"
#include "core/target.h"
#include "core/text.h"

static const char *const rule_ids[JX_CHECK_RULE_COUNT] = {
	"framework", "unknown-level1", "unknown-level2", "missing-level2",
	"empty-level2", "missing-level1", "unit"
};

const char *
jx_check_rule_id(enum jx_check_rule rule)
{
	return (size_t)rule < JX_CHECK_RULE_COUNT ? rule_ids[rule] : "";
}

static void
finding_free(struct jx_check_finding *f)
{
	free(f->dept_name);
	free(f->dept_code);
	free(f->project_code);
	free(f->project_name);
	free(f->indicator_name);
	free(f->message);
}

void
jx_check_list_free(struct jx_check_list *list)
{
	if (list == NULL)
		return;
	for (size_t i = 0; i < list->n; i++)
		finding_free(&list->v[i]);
	free(list->v);
	*list = (struct jx_check_list){0};
}

/* What the rules know about one row. */
struct row {
	const struct jx_tlevel1 *l1;     /* NULL: not in the framework */
	const struct jx_tlevel2 *l2;
	struct jx_target target;
	const struct jx_tindicator *lib; /* NULL: not in the library */
};

struct ctx {
	const struct jx_templates *t;
	const struct jx_framework *fw;
	const struct jx_doc *head;
	const struct jx_project *p;      /* NULL for the year's findings */
	size_t index;
	struct row *rows;
	struct jx_check_list *out;
	bool oom;
};

static void add(struct ctx *c, enum jx_check_rule rule, size_t row,
		const char *fmt, ...) JX_PRINTF(4, 5);

/* Appends a finding about row (1-based; 0: the project or the year). */
static void
add(struct ctx *c, enum jx_check_rule rule, size_t row, const char *fmt,
    ...)
{
	struct jx_check_list *l = c->out;
	struct jx_check_finding *f;
	char msg[512];
	va_list ap;

	void *v = jx_array_grow(l->v, l->n, &l->cap, sizeof *l->v);

	if (!v) {
		c->oom = true;
		return;
	}
	l->v = v;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	f = &l->v[l->n];
	*f = (struct jx_check_finding){
		.rule = rule,
		.dept_name = jx_strdup(c->head->dept_name ? c->head->dept_name
							  : ""),
		.dept_code = jx_strdup(c->head->dept_code),
		.year = c->head->year,
		.project = c->p ? c->index : 0,
		.project_code = c->p ? jx_strdup(c->p->code) : NULL,
		.project_name = c->p ? jx_strdup(c->p->name ? c->p->name : "")
				     : NULL,
		.indicator = row,
		.indicator_name = row ? jx_strdup(c->p->indicators[row - 1].name
						  ? c->p->indicators[row - 1].name
						  : "")
				      : NULL,
		.message = jx_strdup(msg),
	};
	if (!f->dept_name || !f->message ||
	    (c->head->dept_code && !f->dept_code) ||
	    (c->p && (!f->project_name || (c->p->code && !f->project_code))) ||
	    (row && !f->indicator_name)) {
		finding_free(f);
		c->oom = true;
		return;
	}
	l->n++;
}

/* ---- levels ------------------------------------------------------------- */

/* The name of another framework of the set that has level1 (and level2,
 * when given), or NULL. */
static const char *
other_framework(const struct ctx *c, const char *level1, const char *level2)
{
	for (size_t i = 0; i < c->t->n_frameworks; i++) {
		const struct jx_framework *fw = &c->t->frameworks[i];
		const struct jx_tlevel1 *l1;
		const struct jx_tlevel2 *l2;

		if (fw == c->fw)
			continue;
		if (level2 ? jx_framework_resolve(fw, level1, level2, &l1, &l2)
			   : jx_framework_level1(fw, level1) != NULL)
			return fw->name;
	}
	return NULL;
}

/* Row i repeats the unknown level of an earlier row (same texts). */
static bool
reported_before(const struct ctx *c, size_t i, bool level2)
{
	const struct jx_indicator *a = &c->p->indicators[i];

	for (size_t j = 0; j < i; j++) {
		const struct jx_indicator *b = &c->p->indicators[j];

		if ((level2 ? c->rows[j].l1 && !c->rows[j].l2
			    : !c->rows[j].l1) &&
		    strcmp(a->level1 ? a->level1 : "",
			   b->level1 ? b->level1 : "") == 0 &&
		    (!level2 || strcmp(a->level2 ? a->level2 : "",
				       b->level2 ? b->level2 : "") == 0))
			return true;
	}
	return false;
}

static void
unknown_level1(struct ctx *c, size_t i)
{
	const struct jx_indicator *ind = &c->p->indicators[i];
	const char *level1 = ind->level1 ? ind->level1 : "";
	const char *other = other_framework(c, level1, NULL);

	if (reported_before(c, i, false))
		return;
	if (other)
		add(c, JX_CHECK_UNKNOWN_LEVEL1, i + 1,
		    _("level-1 %s is not in the %s framework (it is in %s)"),
		    level1, c->fw->name, other);
	else
		add(c, JX_CHECK_UNKNOWN_LEVEL1, i + 1,
		    _("level-1 %s is not in the %s framework"), level1,
		    c->fw->name);
}

static void
unknown_level2(struct ctx *c, size_t i)
{
	const struct jx_indicator *ind = &c->p->indicators[i];
	const char *level2 = ind->level2 ? ind->level2 : "";
	const char *other = other_framework(c, ind->level1, level2);

	if (reported_before(c, i, true))
		return;
	if (other)
		add(c, JX_CHECK_UNKNOWN_LEVEL2, i + 1,
		    _("level-2 %s is not under %s in the %s framework (it is"
		      " in %s)"), level2, c->rows[i].l1->name, c->fw->name,
		    other);
	else
		add(c, JX_CHECK_UNKNOWN_LEVEL2, i + 1,
		    _("level-2 %s is not under %s in the %s framework"),
		    level2, c->rows[i].l1->name, c->fw->name);
}

/* The rows under l2 (or, l2 NULL, under l1): how many, how many with a
 * target, and the first. */
static void
count_rows(const struct ctx *c, const struct jx_tlevel1 *l1,
	   const struct jx_tlevel2 *l2, size_t *rows, size_t *with_target,
	   size_t *first)
{
	*rows = *with_target = *first = 0;
	for (size_t i = 0; i < c->p->n_indicators; i++) {
		if (c->rows[i].l1 != l1 || (l2 && c->rows[i].l2 != l2))
			continue;
		if (!(*rows)++)
			*first = i + 1;
		if (c->rows[i].target.kind != JX_TK_EMPTY)
			(*with_target)++;
	}
}

static void
required_levels(struct ctx *c)
{
	const struct jx_framework *fw = c->fw;
	size_t rows, with_target, first;

	for (size_t i = 0; i < fw->n_levels; i++) {
		const struct jx_tlevel1 *l1 = &fw->levels[i];
		bool some_required = false;

		for (size_t j = 0; j < l1->n_level2; j++) {
			const struct jx_tlevel2 *l2 = &l1->level2[j];

			if (!l2->required)
				continue;
			some_required = true;
			count_rows(c, l1, l2, &rows, &with_target, &first);
			if (!rows)
				add(c, JX_CHECK_MISSING_LEVEL2, 0,
				    _("no %s row under %s (the %s framework"
				      " requires one)"), l2->name, l1->name,
				    fw->name);
			else if (!with_target)
				add(c, JX_CHECK_EMPTY_LEVEL2, first,
				    _("%s under %s has no target, only"
				      " placeholders (the %s framework"
				      " requires one)"), l2->name, l1->name,
				    fw->name);
		}
		if (!l1->required || some_required)
			continue;
		count_rows(c, l1, NULL, &rows, &with_target, &first);
		if (!with_target)
			add(c, JX_CHECK_MISSING_LEVEL1, 0,
			    _("no %s row with a target (the %s framework"
			      " requires at least one)"), l1->name, fw->name);
	}
}

/* ---- units ----------------------------------------------------------------- */

/* Units that measure the same thing, so that a target may use any of them. */
static const char *const unit_kinds[][10] = {
	{ "元", "千元", "万元", "亿元", NULL },
	{ "人", "万人", "名", "位", NULL },
	{ "人次", "万人次", NULL },
	{ "户", "万户", NULL },
	{ "年", "月", "个月", "周", "天", "日", "工作日", "个工作日", "小时",
	  NULL },
	{ "亩", "万亩", NULL },
};

static int
unit_kind(const char *unit)
{
	for (size_t k = 0; k < sizeof unit_kinds / sizeof *unit_kinds; k++)
		for (size_t i = 0; unit_kinds[k][i]; i++)
			if (strcmp(unit, unit_kinds[k][i]) == 0)
				return (int)k;
	return -1;
}

static bool
units_fit(const char *a, const char *b)
{
	int k = unit_kind(a);

	return strcmp(a, b) == 0 || (k >= 0 && k == unit_kind(b));
}

static void
check_unit(struct ctx *c, size_t i)
{
	const struct jx_indicator *ind = &c->p->indicators[i];
	const struct jx_tindicator *lib = c->rows[i].lib;
	const struct jx_target *t = &c->rows[i].target;
	const char *target = ind->target ? ind->target : "";
	const char *unit;
	char what[256];

	if (!lib || t->kind == JX_TK_EMPTY)
		return;
	unit = jx_tindicator_unit(lib);
	/* Found by an alias: say which entry of the library it is. */
	if (strcmp(ind->name, lib->name) == 0)
		snprintf(what, sizeof what, "%s", lib->name);
	else
		snprintf(what, sizeof what, _("%s (%s in the library)"),
			 ind->name, lib->name);
	if (lib->direction == JX_DIR_DEADLINE) {
		if (t->kind != JX_TK_DEADLINE)
			add(c, JX_CHECK_UNIT, i + 1,
			    _("target %s is not a date; %s is a deadline"
			      " (e.g. 12月底前)"), target, what);
		return;
	}
	if (!unit[0])
		return;
	if (t->kind != JX_TK_NUMBER)
		add(c, JX_CHECK_UNIT, i + 1,
		    _("target %s is not a figure; %s is measured in %s"),
		    target, what, unit);
	else if (!t->unit[0])
		add(c, JX_CHECK_UNIT, i + 1,
		    _("target %s has no unit; %s is measured in %s"), target,
		    what, unit);
	else if (!units_fit(t->unit, unit))
		add(c, JX_CHECK_UNIT, i + 1,
		    _("target %s is in %s; %s is measured in %s"), target,
		    t->unit, what, unit);
}

/* ---- a project, a year --------------------------------------------------- */

enum jx_status
jx_check_project(const struct jx_templates *t, const struct jx_framework *fw,
		 const struct jx_doc *head, const struct jx_project *p,
		 size_t index, struct jx_check_list *out,
		 struct jx_error *err)
{
	struct ctx c = { t, fw, head, p, index, NULL, out, false };

	if (p->n_indicators &&
	    !(c.rows = calloc(p->n_indicators, sizeof *c.rows)))
		return jx_error_set(err, JX_NOMEM, "out of memory");
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct jx_indicator *ind = &p->indicators[i];

		jx_framework_resolve(fw, ind->level1 ? ind->level1 : "",
				     ind->level2 ? ind->level2 : "",
				     &c.rows[i].l1, &c.rows[i].l2);
		jx_target_parse(ind->target, &c.rows[i].target);
		c.rows[i].lib = ind->name ? jx_templates_indicator(t, ind->name)
					  : NULL;
	}
	for (size_t i = 0; i < p->n_indicators; i++) {
		if (!c.rows[i].l1)
			unknown_level1(&c, i);
		else if (!c.rows[i].l2)
			unknown_level2(&c, i);
	}
	required_levels(&c);
	for (size_t i = 0; i < p->n_indicators; i++)
		check_unit(&c, i);
	free(c.rows);
	if (c.oom)
		return jx_error_set(err, JX_NOMEM, "out of memory");
	return JX_OK;
}

enum jx_status
jx_check_doc(const struct jx_templates *t, const struct jx_doc *doc,
	     struct jx_check_list *out, struct jx_error *err)
{
	bool known;
	const struct jx_framework *fw =
		jx_templates_framework_for(t, doc->framework, &known);
	struct ctx c = { t, fw, doc, NULL, 0, NULL, out, false };
	enum jx_status st = JX_OK;

	if (!fw)
		return jx_error_set(err, JX_NOTFOUND,
				    _("the templates define no framework"));
	if (!known)
		add(&c, JX_CHECK_FRAMEWORK, 0,
		    _("framework %s is not one jixiao knows; checked against"
		      " %s"), doc->framework, fw->name);
	if (c.oom)
		return jx_error_set(err, JX_NOMEM, "out of memory");
	for (size_t i = 0; i < doc->n_projects && st == JX_OK; i++)
		st = jx_check_project(t, fw, doc, &doc->projects[i], i + 1, out,
				      err);
	return st;
}
