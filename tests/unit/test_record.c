/*
 * test_record.c — unit tests for core/record.c: an empty document, appending
 * zeroed projects, indicators, checkpoints and sub-goals (with growth past
 * many doublings), counting indicators, and freeing everything (run under
 * valgrind or ASan to see that nothing leaks).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/record.h"
#include "core/text.h"

static void
init_is_empty(void **state)
{
	struct jx_doc doc;

	(void)state;
	memset(&doc, 0xAB, sizeof doc);
	jx_doc_init(&doc);
	assert_null(doc.dept_code);
	assert_null(doc.dept_name);
	assert_null(doc.goals);
	assert_int_equal(doc.year, 0);
	assert_null(doc.projects);
	assert_int_equal(doc.n_projects, 0);
	assert_int_equal(doc.projects_cap, 0);
	assert_null(doc.subgoals);
	assert_int_equal(doc.n_subgoals, 0);
	assert_int_equal(jx_doc_indicator_count(&doc), 0);
	jx_doc_free(&doc);
}

static void
added_elements_are_zeroed(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;
	struct jx_indicator *ind;
	struct jx_checkpoint *c;
	struct jx_subgoal *g;

	(void)state;
	jx_doc_init(&doc);
	p = jx_doc_add_project(&doc);
	assert_non_null(p);
	assert_null(p->code);
	assert_null(p->name);
	assert_false(p->annual_total.present);
	assert_int_equal(p->annual_total.yuan, 0);
	assert_false(p->period_other.present);
	assert_null(p->plan);
	assert_null(p->indicators);
	assert_int_equal(p->n_indicators, 0);

	ind = jx_project_add_indicator(p);
	assert_non_null(ind);
	assert_null(ind->level1);
	assert_null(ind->target);
	assert_null(ind->basis);
	c = jx_project_add_checkpoint(p);
	assert_non_null(c);
	assert_null(c->label);
	assert_null(c->percent);
	g = jx_doc_add_subgoal(&doc);
	assert_non_null(g);
	assert_null(g->title);
	assert_int_equal(doc.n_projects, 1);
	assert_int_equal(doc.n_subgoals, 1);
	assert_int_equal(p->n_plan, 1);
	assert_int_equal(p->n_indicators, 1);
	jx_doc_free(&doc);
}

/* One project filled like seed 000's first table. */
static void
fill_project(struct jx_project *p, int serial, int n_ind)
{
	static const char *const labels[] = { "3\xE6\x9C\x88\xE5\xBA\x95",
		"6\xE6\x9C\x88\xE5\xBA\x95", "9\xE6\x9C\x88\xE5\xBA\x95",
		"12\xE6\x9C\x88\xE5\xBA\x95" };   /* 3月底 … 12月底 */
	static const char *const percents[] = { "25.00%", "50.00%", "75.00%",
		"100.00%" };
	char name[64];
	int i;

	snprintf(name, sizeof name, "project %d", serial);
	p->name = jx_strdup(name);
	p->code = jx_strdup("130304213ZR3W5GRVM5IR");
	p->purpose = jx_strdup("\xE7\xA4\xBE\xE5\x8C\xBA");
	p->period_total = (struct jx_amount){ true, 16610000 };
	p->annual_total = (struct jx_amount){ true, 16610000 };
	p->annual_other = (struct jx_amount){ true, 0 };
	for (i = 0; i < 4; i++) {
		struct jx_checkpoint *c = jx_project_add_checkpoint(p);

		assert_non_null(c);
		c->label = jx_strdup(labels[i]);
		c->percent = i == 3 ? NULL : jx_strdup(percents[i]);
	}
	for (i = 0; i < n_ind; i++) {
		struct jx_indicator *ind = jx_project_add_indicator(p);

		assert_non_null(ind);
		snprintf(name, sizeof name, "indicator %d.%d", serial, i);
		ind->level1 = jx_strdup("\xE4\xBA\xA7\xE5\x87\xBA");  /* 产出 */
		ind->level2 = jx_strdup("\xE6\x95\xB0\xE9\x87\x8F");  /* 数量 */
		ind->name = jx_strdup(name);
		ind->target = jx_strdup("\xE2\x89\xA5" "90%");
		ind->description = i % 2 ? jx_strdup("d") : NULL;
	}
}

/* Growth through many doublings keeps every element in place. */
static void
many_projects_and_indicators(void **state)
{
	struct jx_doc doc;
	size_t i, j, total = 0;
	char want[64];

	(void)state;
	jx_doc_init(&doc);
	doc.dept_name = jx_strdup("\xE8\xA5\xBF\xE5\xB1\xB1");
	doc.year = 2021;
	for (i = 0; i < 300; i++) {
		struct jx_project *p = jx_doc_add_project(&doc);

		assert_non_null(p);
		fill_project(p, (int)i, (int)(i % 37));
		total += i % 37;
	}
	for (i = 0; i < 50; i++) {
		struct jx_subgoal *g = jx_doc_add_subgoal(&doc);

		assert_non_null(g);
		g->title = jx_strdup("t");
		g->indicator = jx_strdup("i");
	}
	assert_int_equal(doc.n_projects, 300);
	assert_true(doc.projects_cap >= 300);
	assert_int_equal(doc.n_subgoals, 50);
	assert_int_equal(jx_doc_indicator_count(&doc), total);
	for (i = 0; i < doc.n_projects; i++) {
		const struct jx_project *p = &doc.projects[i];

		snprintf(want, sizeof want, "project %zu", i);
		assert_string_equal(p->name, want);
		assert_int_equal(p->n_plan, 4);
		assert_null(p->plan[3].percent);
		assert_int_equal(p->n_indicators, i % 37);
		for (j = 0; j < p->n_indicators; j++) {
			snprintf(want, sizeof want, "indicator %zu.%zu", i, j);
			assert_string_equal(p->indicators[j].name, want);
		}
	}
	jx_doc_free(&doc);
	assert_null(doc.projects);
	assert_int_equal(doc.n_projects, 0);
	assert_int_equal(doc.projects_cap, 0);
	assert_null(doc.dept_name);
	jx_doc_free(&doc);   /* twice is harmless */
	jx_doc_free(NULL);
}

static void
count_indicators_across_projects(void **state)
{
	struct jx_doc doc;
	int i;

	(void)state;
	jx_doc_init(&doc);
	assert_non_null(jx_doc_add_project(&doc));   /* none */
	for (i = 0; i < 3; i++)
		assert_non_null(jx_project_add_indicator(&doc.projects[0]));
	assert_non_null(jx_doc_add_project(&doc));
	for (i = 0; i < 14; i++)
		assert_non_null(jx_project_add_indicator(&doc.projects[1]));
	assert_non_null(jx_doc_add_project(&doc));   /* none */
	assert_int_equal(jx_doc_indicator_count(&doc), 17);
	jx_doc_free(&doc);
}

/* A project or indicator outside a document is freed on its own. */
static void
free_single_records(void **state)
{
	struct jx_project p = {0};
	struct jx_indicator ind = {0};

	(void)state;
	fill_project(&p, 1, 5);
	jx_project_free(&p);
	assert_null(p.name);
	assert_null(p.indicators);
	assert_int_equal(p.n_indicators, 0);
	assert_int_equal(p.n_plan, 0);
	jx_project_free(&p);
	jx_project_free(NULL);

	ind.name = jx_strdup("n");
	ind.basis = jx_strdup("b");
	jx_indicator_free(&ind);
	assert_null(ind.name);
	jx_indicator_free(&ind);
	jx_indicator_free(NULL);
}

/* An array built by hand (malloc'd, capacity 0) can still be appended to,
 * even when it holds more than the first allocation would. */
static void
append_to_hand_built_array(void **state)
{
	struct jx_project p = {0};
	size_t i;

	(void)state;
	p.indicators = calloc(9, sizeof *p.indicators);
	assert_non_null(p.indicators);
	p.n_indicators = 9;
	p.indicators[8].name = jx_strdup("ninth");
	for (i = 0; i < 10; i++) {
		struct jx_indicator *ind = jx_project_add_indicator(&p);

		assert_non_null(ind);
		ind->name = jx_strdup("added");
	}
	assert_int_equal(p.n_indicators, 19);
	assert_true(p.indicators_cap >= 19);
	assert_string_equal(p.indicators[8].name, "ninth");
	assert_string_equal(p.indicators[18].name, "added");
	jx_project_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_is_empty),
		cmocka_unit_test(added_elements_are_zeroed),
		cmocka_unit_test(many_projects_and_indicators),
		cmocka_unit_test(count_indicators_across_projects),
		cmocka_unit_test(free_single_records),
		cmocka_unit_test(append_to_hand_built_array),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
