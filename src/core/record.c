/*
 * record.c — building and freeing the in-memory records of a table.
 *
 * Exports jx_doc_init, jx_doc_free, jx_project_free, jx_indicator_free,
 * the jx_*_add_* functions that append a zeroed element to an array, and
 * jx_doc_indicator_count (see record.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/array.h"
#include "core/money.h"
#include "core/record.h"

#include <stdint.h>
#include <stdlib.h>

void
jx_doc_init(struct jx_doc *doc)
{
	*doc = (struct jx_doc){0};
}

void
jx_indicator_free(struct jx_indicator *ind)
{
	if (ind == NULL)
		return;
	free(ind->level1);
	free(ind->level2);
	free(ind->name);
	free(ind->description);
	free(ind->target);
	free(ind->basis);
	*ind = (struct jx_indicator){0};
}

static void
checkpoint_free(struct jx_checkpoint *c)
{
	free(c->label);
	free(c->percent);
}

static void
project_free_strings(struct jx_project *p)
{
	free(p->code);
	free(p->name);
	free(p->title);
	free(p->competent);
	free(p->unit);
	free(p->attribute);
	free(p->category);
	free(p->period);
	free(p->purpose);
	free(p->period_goal);
	free(p->annual_goal);
	free(p->goal);
	free(p->note);
}

void
jx_project_free(struct jx_project *p)
{
	size_t i;

	if (p == NULL)
		return;
	project_free_strings(p);
	for (i = 0; i < p->n_plan; i++)
		checkpoint_free(&p->plan[i]);
	free(p->plan);
	for (i = 0; i < p->n_indicators; i++)
		jx_indicator_free(&p->indicators[i]);
	free(p->indicators);
	*p = (struct jx_project){0};
}

static void
subgoal_free(struct jx_subgoal *g)
{
	free(g->title);
	free(g->goal);
	free(g->indicator);
}

void
jx_doc_free(struct jx_doc *doc)
{
	size_t i;

	if (doc == NULL)
		return;
	free(doc->dept_code);
	free(doc->dept_name);
	free(doc->dept_competent);
	free(doc->framework);
	free(doc->source);
	free(doc->note);
	free(doc->goals);
	free(doc->measures);
	for (i = 0; i < doc->n_subgoals; i++)
		subgoal_free(&doc->subgoals[i]);
	free(doc->subgoals);
	for (i = 0; i < doc->n_projects; i++)
		jx_project_free(&doc->projects[i]);
	free(doc->projects);
	jx_doc_init(doc);
}

struct jx_project *
jx_doc_add_project(struct jx_doc *doc)
{
	return JX_APPEND(doc->projects, doc->n_projects, doc->projects_cap);
}

struct jx_subgoal *
jx_doc_add_subgoal(struct jx_doc *doc)
{
	return JX_APPEND(doc->subgoals, doc->n_subgoals, doc->subgoals_cap);
}

struct jx_indicator *
jx_project_add_indicator(struct jx_project *p)
{
	return JX_APPEND(p->indicators, p->n_indicators, p->indicators_cap);
}

struct jx_checkpoint *
jx_project_add_checkpoint(struct jx_project *p)
{
	return JX_APPEND(p->plan, p->n_plan, p->plan_cap);
}

size_t
jx_doc_indicator_count(const struct jx_doc *doc)
{
	size_t i, n = 0;

	for (i = 0; i < doc->n_projects; i++)
		n += doc->projects[i].n_indicators;
	return n;
}

void
jx_amount_format_wan(struct jx_amount a, char *buf, size_t size)
{
	buf[0] = '\0';
	if (a.present)
		jx_money_format_wan(a.yuan, buf, size);
}
