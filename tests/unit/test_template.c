#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * test_template.c — unit tests of the indicator templates: the model and
 * its lookups (core/template.h) and loading them (io/template_read.h).
 *
 * Covers: the shipped set ($JX_SRCDIR/data/templates) loads cleanly, with
 * both frameworks (required level-2s, order, short forms, aliases such as
 * 效果指标 and 社会影响指标), a library that holds every indicator name
 * that recurs in the three samples, and project templates whose rows cover
 * their framework; lookups by name, alias and substring; a user directory
 * that overrides shipped templates by name and adds its own; and every
 * kind of mistake with its exact file:line:column message, all mistakes of
 * all files collected, nothing loaded.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/error.h"
#include "core/record.h"
#include "core/template.h"
#include "core/text.h"
#include "io/template_read.h"
#include "io/yaml_doc.h"

#ifndef JX_SRCDIR
#define JX_SRCDIR "."
#endif

/* ---- Helpers ------------------------------------------------------------- */

static char g_tmp[512];       /* a mkdtemp directory for user files */

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

static const char *
shipped_dir(void)
{
	static char dir[512];

	snprintf(dir, sizeof dir, "%s/data/templates",
		 env_or("JX_SRCDIR", JX_SRCDIR));
	return dir;
}

/* Removes every file of dir (not recursive: the tests make flat ones). */
static void
empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[1024];

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		assert_int_equal(unlink(path), 0);
	}
	closedir(d);
}

static int
setup_dir(void **state)
{
	(void)state;
	empty_dir(g_tmp);
	return 0;
}

/* Writes text to g_tmp/name. */
static void
write_file(const char *name, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", g_tmp, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The shipped set alone. */
static void
load_shipped(struct jx_templates *t)
{
	struct jx_errlist errors;
	enum jx_status st;

	jx_errlist_init(&errors);
	st = jx_templates_load(t, shipped_dir(), NULL, &errors);
	for (size_t i = 0; i < errors.count; i++) {
		char buf[1024];

		jx_error_format(&errors.items[i], buf, sizeof buf);
		print_error("%s\n", buf);
	}
	assert_int_equal(errors.count, 0);
	assert_int_equal(st, JX_OK);
	jx_errlist_free(&errors);
}

/* Takes every "dir/" out of buf. */
static void
drop_dir(char *buf, const char *dir)
{
	char prefix[600];
	size_t k;
	char *p;

	snprintf(prefix, sizeof prefix, "%s/", dir);
	k = strlen(prefix);
	while ((p = strstr(buf, prefix)) != NULL)
		memmove(p, p + k, strlen(p + k) + 1);
}

/* Every error formatted, with the directories taken out (so that the
 * expected texts name just the files), one per line. */
static void
errors_text(const struct jx_errlist *errors, char *out, size_t size)
{
	char buf[1200];
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < errors->count; i++) {
		jx_error_format(&errors->items[i], buf, sizeof buf);
		drop_dir(buf, g_tmp);
		drop_dir(buf, shipped_dir());
		snprintf(out + len, size - len, "%s\n", buf);
		len += strlen(out + len);
	}
}

/* Loads the shipped set and the user files written into g_tmp, expecting
 * it to fail with exactly the errors `want` (one per line). */
static void
expect_errors(const char *want)
{
	struct jx_templates t;
	struct jx_errlist errors;
	char got[8192];
	enum jx_status st;

	jx_errlist_init(&errors);
	st = jx_templates_load(&t, shipped_dir(), g_tmp, &errors);
	errors_text(&errors, got, sizeof got);
	assert_string_equal(got, want);
	assert_int_not_equal(st, JX_OK);
	/* nothing half-read */
	assert_int_equal(t.n_files + t.n_frameworks + t.n_indicators +
			 t.n_projects, 0);
	jx_errlist_free(&errors);
}

/* Loads the shipped set and the user files in g_tmp, expecting success. */
static void
load_user(struct jx_templates *t)
{
	struct jx_errlist errors;
	char got[8192];
	enum jx_status st;

	jx_errlist_init(&errors);
	st = jx_templates_load(t, shipped_dir(), g_tmp, &errors);
	errors_text(&errors, got, sizeof got);
	assert_string_equal(got, "");
	assert_int_equal(st, JX_OK);
	jx_errlist_free(&errors);
}

/* ---- The shipped set ------------------------------------------------------- */

static void
test_shipped_frameworks(void **state)
{
	struct jx_templates t;
	const struct jx_framework *old, *new;
	struct jx_tlevel_ref req[16];
	bool known;

	(void)state;
	load_shipped(&t);
	assert_int_equal(t.n_frameworks, 2);
	old = jx_templates_framework(&t, "2012");
	new = jx_templates_framework(&t, "2021");
	assert_non_null(old);
	assert_non_null(new);
	assert_ptr_equal(jx_templates_default_framework(&t), old);
	assert_ptr_equal(jx_templates_framework(&t, "财预〔2021〕101号"), new);
	assert_ptr_equal(jx_templates_framework(&t, "2015"), old);
	assert_null(jx_templates_framework(&t, "2030"));
	assert_ptr_equal(jx_templates_framework_for(&t, NULL, &known), old);
	assert_true(known);
	assert_ptr_equal(jx_templates_framework_for(&t, "", &known), old);
	assert_true(known);
	assert_ptr_equal(jx_templates_framework_for(&t, "2021", &known), new);
	assert_true(known);
	assert_ptr_equal(jx_templates_framework_for(&t, "部门整体（2025版）",
						    &known), old);
	assert_false(known);

	/* The 2012 framework: three level-1s in order, 成本 under 产出. */
	assert_int_equal(old->n_levels, 3);
	assert_string_equal(old->levels[0].name, "产出指标");
	assert_string_equal(old->levels[1].name, "效益指标");
	assert_string_equal(old->levels[2].name, "满意度指标");
	assert_int_equal(old->levels[0].n_level2, 4);
	assert_string_equal(old->levels[0].level2[3].name, "成本指标");
	assert_int_equal(old->levels[1].n_level2, 4);
	assert_string_equal(old->levels[1].level2[3].name, "可持续影响指标");
	assert_int_equal(jx_framework_required(old, req, 16), 5);
	assert_string_equal(req[0].l2->name, "数量指标");
	assert_string_equal(req[3].l2->name, "成本指标");
	assert_string_equal(req[3].l1->name, "产出指标");
	assert_string_equal(req[4].l2->name, "服务对象满意度指标");
	assert_false(old->levels[1].level2[0].required);
	assert_true(old->levels[1].required);
	/* max 2: counts all, fills two */
	assert_int_equal(jx_framework_required(old, req, 2), 5);

	/* The 2021 framework: 成本指标 is a level-1 with three level-2s. */
	assert_int_equal(new->n_levels, 4);
	assert_string_equal(new->levels[1].name, "成本指标");
	assert_int_equal(new->levels[1].n_level2, 3);
	assert_string_equal(new->levels[1].level2[0].name, "经济成本指标");
	assert_string_equal(new->levels[1].level2[1].name, "社会成本指标");
	assert_string_equal(new->levels[1].level2[2].name, "生态环境成本指标");
	assert_int_equal(new->levels[0].n_level2, 3);
	assert_int_equal(jx_framework_required(new, req, 16), 5);
	assert_string_equal(req[3].l2->name, "经济成本指标");
	jx_templates_free(&t);
}

static void
test_aliases(void **state)
{
	struct jx_templates t;
	const struct jx_framework *old, *new;
	const struct jx_tlevel1 *l1;
	const struct jx_tlevel2 *l2;

	(void)state;
	load_shipped(&t);
	old = jx_templates_framework(&t, "2012");
	new = jx_templates_framework(&t, "2021");
	assert_true(jx_framework_resolve(old, "效果指标", "社会效果指标", &l1,
					 &l2));
	assert_string_equal(l1->name, "效益指标");
	assert_string_equal(l2->name, "社会效益指标");
	/* seed 000's 社会影响指标 */
	assert_true(jx_framework_resolve(old, "效益指标", "社会影响指标", &l1,
					 &l2));
	assert_string_equal(l2->name, "社会效益指标");
	/* a cell the PDF split, the short form, full-width space */
	assert_true(jx_framework_resolve(old, "效益指标", "社会效益指 标", &l1,
					 &l2));
	assert_string_equal(l2->name, "社会效益指标");
	assert_true(jx_framework_resolve(old, "产出", "数量", &l1, &l2));
	assert_string_equal(l2->name, "数量指标");
	assert_true(jx_framework_resolve(old, "满意度指标", "满意度指标", &l1,
					 &l2));
	assert_string_equal(l2->name, "服务对象满意度指标");
	/* not there */
	assert_false(jx_framework_resolve(old, "效应指标", "数量指标", &l1,
					  &l2));
	assert_null(l1);
	assert_false(jx_framework_resolve(old, "效益指标", "数量指标", &l1,
					  &l2));
	assert_non_null(l1);
	assert_null(l2);
	/* "指标" alone is not made empty, and matches nothing */
	assert_null(jx_framework_level1(old, "指标"));
	/* 成本指标 is a level-2 of 2012 and a level-1 of 2021 */
	assert_true(jx_framework_resolve(old, "产出指标", "成本指标", &l1, &l2));
	assert_false(jx_framework_resolve(new, "产出指标", "成本指标", &l1,
					  &l2));
	assert_true(jx_framework_resolve(new, "成本指标", "生态成本指标", &l1,
					 &l2));
	assert_string_equal(l2->name, "生态环境成本指标");
	/* short forms */
	assert_string_equal(jx_framework_short(old, "产出指标", NULL), "产出");
	assert_string_equal(jx_framework_short(old, "效果指标", "可持续影响指标"),
			    "可持");
	assert_string_equal(jx_framework_short(old, "效益指标", "别的"), "别的");
	assert_string_equal(jx_framework_short(new, "成本指标", "经济成本指标"),
			    "经济");
	jx_templates_free(&t);
}

/* Every indicator name that occurs at least twice in the three samples
 * (placeholders 无 aside) is in the library, by name or alias. */
static void
test_library_has_recurring(void **state)
{
	static const char *const samples[] = {
		"chengde-125001-2023.yaml", "qixianling-2026.yaml",
		"xishan-441001-2021.yaml"
	};
	struct jx_templates t;
	char *names[512];
	int counts[512];
	size_t n = 0, recurring = 0;

	(void)state;
	load_shipped(&t);
	for (size_t s = 0; s < 3; s++) {
		char path[1024];
		struct jx_doc doc;
		struct jx_errlist errors;

		snprintf(path, sizeof path, "%s/%s",
			 env_or("JX_SAMPLES_DIR",
				JX_SRCDIR "/data/samples"), samples[s]);
		jx_errlist_init(&errors);
		assert_int_equal(jx_yaml_read_file(path, NULL, &doc, &errors),
				 JX_OK);
		for (size_t p = 0; p < doc.n_projects; p++)
			for (size_t i = 0; i < doc.projects[p].n_indicators;
			     i++) {
				char *key = jx_template_key(
					doc.projects[p].indicators[i].name,
					false);
				size_t k;

				for (k = 0; k < n && strcmp(names[k], key); k++)
					;
				if (k == n) {
					assert_true(n < 512);
					names[n] = key;
					counts[n++] = 0;
				} else {
					free(key);
				}
				counts[k]++;
			}
		jx_doc_free(&doc);
		jx_errlist_free(&errors);
	}
	for (size_t k = 0; k < n; k++) {
		if (counts[k] >= 2 && strcmp(names[k], "无") != 0) {
			recurring++;
			if (!jx_templates_indicator(&t, names[k]))
				fail_msg("'%s' (%d times) is not in the "
					 "library", names[k], counts[k]);
		}
		free(names[k]);
	}
	assert_int_equal(recurring, 34);
	jx_templates_free(&t);
}

static void
test_library_lookups(void **state)
{
	struct jx_templates t;
	const struct jx_tindicator *ind, *found[100];
	size_t n;

	(void)state;
	load_shipped(&t);
	ind = jx_templates_indicator(&t, "资金使用率");
	assert_non_null(ind);
	assert_string_equal(ind->level1, "产出指标");
	assert_string_equal(ind->level2, "数量指标");
	assert_string_equal(jx_tindicator_unit(ind), "%");
	assert_int_equal(ind->direction, JX_DIR_HIGHER);
	assert_string_equal(ind->basis, "工作记录");
	assert_string_equal(ind->examples.v[0], "≥90%");
	/* by alias, full-width or not */
	assert_ptr_equal(jx_templates_indicator(&t, "资金使用率（%）"), ind);
	assert_ptr_equal(jx_templates_indicator(&t, "资金使用率(%)"), ind);
	assert_ptr_equal(jx_templates_indicator(&t, " 资金使用率 "), ind);
	assert_null(jx_templates_indicator(&t, "资金"));
	assert_null(jx_templates_indicator(&t, ""));
	assert_string_equal(
		jx_tindicator_unit(jx_templates_indicator(&t, "餐费标准")),
		"元/人/天");
	assert_string_equal(
		jx_tindicator_unit(jx_templates_indicator(&t, "完成时间")), "");
	assert_int_equal(jx_templates_indicator(&t, "完成时间")->direction,
			 JX_DIR_DEADLINE);
	assert_int_equal(jx_templates_indicator(&t, "服务质量")->direction,
			 JX_DIR_QUALITATIVE);
	/* a 2021 entry keeps its levels */
	ind = jx_templates_indicator(&t, "项目总成本");
	assert_string_equal(ind->level1, "成本指标");
	assert_string_equal(ind->framework, "2021");

	/* substring: names starting with it first, each group in order */
	n = jx_templates_find_indicators(&t, "满意", NULL, NULL, found, 100);
	assert_int_equal(n, 5);
	assert_string_equal(found[0]->name, "服务对象满意度");
	assert_string_equal(found[4]->name, "工作人员满意度");
	n = jx_templates_find_indicators(&t, "资金", NULL, NULL, found, 100);
	assert_true(n >= 6);
	for (size_t i = 0; i < n; i++)
		if (strncmp(found[i]->name, "资金", strlen("资金")) != 0) {
			/* after the prefix group only */
			for (size_t j = i; j < n; j++)
				assert_true(strncmp(found[j]->name, "资金",
						    strlen("资金")) != 0);
			break;
		}
	/* by alias text: 使用率 is an alias of 资金使用率 */
	n = jx_templates_find_indicators(&t, "使用率", NULL, NULL, found, 100);
	assert_true(n >= 1);
	assert_string_equal(found[0]->name, "资金使用率");
	/* a level filter, by short form too; max smaller than the count */
	n = jx_templates_find_indicators(&t, "", "产出", "时效", found, 2);
	assert_int_equal(n, 10);
	assert_string_equal(found[0]->name, "完成时间");
	assert_string_equal(found[1]->name, "按时完成率");
	assert_int_equal(jx_templates_find_indicators(&t, "没有这个", NULL,
						      NULL, found, 100), 0);
	assert_int_equal(jx_direction_parse("lower"), JX_DIR_LOWER);
	assert_int_equal(jx_direction_parse("Lower"), JX_DIR_NONE);
	assert_string_equal(jx_direction_name(JX_DIR_QUALITATIVE),
			    "qualitative");
	jx_templates_free(&t);
}

static void
test_project_templates(void **state)
{
	struct jx_templates t;
	const struct jx_tproject *p, *found[20];
	const struct jx_framework *fw;

	(void)state;
	load_shipped(&t);
	assert_int_equal(t.n_projects, 9);
	p = jx_templates_project(&t, "工资及保险");
	assert_non_null(p);
	assert_int_equal(p->n_rows, 8);
	/* rows filled from the library */
	assert_string_equal(p->rows[1].name, "资金使用率");
	assert_string_equal(p->rows[1].level1, "产出指标");
	assert_string_equal(p->rows[1].level2, "数量指标");
	assert_string_equal(p->rows[1].description,
			    "实际支出的金额占应支出金额的比率");
	assert_string_equal(p->rows[1].basis, "工作记录");
	assert_null(p->rows[1].target);
	/* a row's own text wins */
	p = jx_templates_project(&t, "慰问金及补贴发放");
	assert_string_equal(p->rows[3].description, "按规定时间发放的比率");
	/* the 2021 template moves the cost row */
	p = jx_templates_project(&t, "办公运行经费（2021）");
	assert_string_equal(p->framework, "2021");
	assert_string_equal(p->rows[3].level1, "成本指标");
	assert_string_equal(p->rows[3].level2, "经济成本指标");
	/* search by name or title */
	/* names that start with it, then titles that hold it */
	assert_int_equal(jx_templates_find_projects(&t, "办公", found, 20), 4);
	assert_string_equal(found[0]->name, "办公运行经费");
	assert_string_equal(found[1]->name, "办公运行经费（2021）");
	assert_string_equal(found[2]->name, "资产采购");
	assert_string_equal(found[3]->name, "维修修缮");
	assert_int_equal(jx_templates_find_projects(&t, "律师", found, 20), 0);
	assert_int_equal(jx_templates_find_projects(&t, "法律顾问", found, 20),
			 1);
	assert_string_equal(found[0]->name, "购买服务");

	/* Every template has a row under each required level-2 of its
	 * framework, and at least one under each required level-1. */
	for (size_t i = 0; i < t.n_projects; i++) {
		p = &t.projects[i];
		fw = p->framework ? jx_templates_framework(&t, p->framework)
				  : jx_templates_default_framework(&t);
		for (size_t a = 0; a < fw->n_levels; a++) {
			const struct jx_tlevel1 *l1 = &fw->levels[a];
			bool any = false;

			for (size_t b = 0; b < l1->n_level2; b++) {
				bool has = false;

				for (size_t r = 0; r < p->n_rows; r++)
					has |= strcmp(p->rows[r].level1,
						      l1->name) == 0 &&
					       strcmp(p->rows[r].level2,
						      l1->level2[b].name) == 0;
				any |= has;
				if (l1->level2[b].required && !has)
					fail_msg("%s lacks %s", p->name,
						 l1->level2[b].name);
			}
			if (l1->required && !any)
				fail_msg("%s lacks %s", p->name, l1->name);
		}
	}
	jx_templates_free(&t);
}

static void
test_files_and_places(void **state)
{
	struct jx_templates t;
	const struct jx_tindicator *ind;

	(void)state;
	load_shipped(&t);
	assert_int_equal(t.n_files, 4);
	/* in name order */
	assert_non_null(strstr(t.files[0].path, "/framework-2012.yaml"));
	assert_non_null(strstr(t.files[1].path, "/framework-2021.yaml"));
	assert_non_null(strstr(t.files[2].path, "/library.yaml"));
	assert_non_null(strstr(t.files[3].path, "/projects.yaml"));
	for (size_t i = 0; i < t.n_files; i++)
		assert_false(t.files[i].user);
	ind = jx_templates_indicator(&t, "资金使用率");
	assert_int_equal(ind->where.file, 2);
	assert_int_equal(ind->where.line, 16);
	assert_int_equal(ind->where.column, 3);
	assert_int_equal(ind->overrode, 0);
	jx_templates_free(&t);
}

/* ---- The user's directory ------------------------------------------------ */

static void
test_override(void **state)
{
	struct jx_templates t, shipped;
	const struct jx_framework *fw;
	const struct jx_tindicator *ind;
	const struct jx_tproject *p;

	(void)state;
	load_shipped(&shipped);
	write_file("mine.yaml",
		   "format: jixiao-templates/1\n"
		   "frameworks:\n"
		   "- name: '2012'\n"
		   "  default: true\n"
		   "  levels:\n"
		   "  - name: 产出指标\n"
		   "    level2:\n"
		   "    - { name: 数量指标, required: true }\n"
		   "    - { name: 质量指标 }\n"
		   "    - { name: 时效指标 }\n"
		   "    - { name: 成本指标 }\n"
		   "  - name: 效益指标\n"
		   "    level2:\n"
		   "    - { name: 经济效益指标 }\n"
		   "    - { name: 社会效益指标 }\n"
		   "    - { name: 生态效益指标 }\n"
		   "    - { name: 可持续影响指标 }\n"
		   "  - name: 满意度指标\n"
		   "    level2:\n"
		   "    - { name: 服务对象满意度指标 }\n"
		   "indicators:\n"
		   "- name: 资金使用率\n"
		   "  level1: 产出\n"
		   "  level2: 数量\n"
		   "  unit: 百分比\n"
		   "  direction: higher\n"
		   "- name: 绿化面积\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "  unit: 平方米\n"
		   "projects:\n"
		   "- name: 工资及保险\n"
		   "  rows:\n"
		   "  - name: 资金使用率\n"
		   "  - name: 绿化面积\n");
	load_user(&t);
	assert_int_equal(t.n_files, 5);
	assert_true(t.files[4].user);
	assert_int_equal(t.n_frameworks, shipped.n_frameworks);
	assert_int_equal(t.n_projects, shipped.n_projects);
	assert_int_equal(t.n_indicators, shipped.n_indicators + 1);

	fw = jx_templates_framework(&t, "2012");
	assert_int_equal(fw->where.file, 4);
	assert_int_equal(fw->where.line, 3);
	assert_int_equal(fw->overrode, 1);   /* framework-2012.yaml */
	assert_int_equal(fw->n_levels, 3);
	assert_false(fw->levels[0].level2[1].required);
	assert_ptr_equal(jx_templates_default_framework(&t), fw);
	/* in the place of the one it replaced */
	assert_ptr_equal(fw, &t.frameworks[0]);
	assert_string_equal(fw->levels[0].short_name, "产出");

	ind = jx_templates_indicator(&t, "资金使用率");
	assert_int_equal(ind->overrode, 3);  /* library.yaml */
	assert_int_equal(ind->where.file, 4);
	assert_string_equal(ind->level1, "产出指标"); /* canonical */
	assert_string_equal(ind->level2, "数量指标");
	assert_string_equal(ind->unit, "百分比");
	assert_string_equal(jx_tindicator_unit(ind), "%");
	assert_null(ind->description);  /* replaced whole, not merged */
	/* its alias went with the shipped entry */
	assert_null(jx_templates_indicator(&t, "资金使用率（%）"));

	ind = jx_templates_indicator(&t, "绿化面积");
	assert_int_equal(ind->overrode, 0);
	assert_string_equal(jx_tindicator_unit(ind), "平方米");

	p = jx_templates_project(&t, "工资及保险");
	assert_int_equal(p->overrode, 4);    /* projects.yaml */
	assert_int_equal(p->n_rows, 2);
	assert_string_equal(p->rows[1].level2, "数量指标");
	/* the others are still the shipped ones */
	assert_int_equal(jx_templates_framework(&t, "2021")->overrode, 0);
	assert_int_equal(jx_templates_project(&t, "资产采购")->where.file, 3);
	jx_templates_free(&t);
	jx_templates_free(&shipped);
}

static void
test_user_dir_missing_or_empty(void **state)
{
	struct jx_templates t;
	struct jx_errlist errors;
	char dir[700];

	(void)state;
	jx_errlist_init(&errors);
	snprintf(dir, sizeof dir, "%s/no-such-dir", g_tmp);
	assert_int_equal(jx_templates_load(&t, shipped_dir(), dir, &errors),
			 JX_OK);
	assert_int_equal(t.n_files, 4);
	jx_templates_free(&t);
	/* a directory with no files (nothing to sort) */
	snprintf(dir, sizeof dir, "%s/empty-dir", g_tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(jx_templates_load(&t, shipped_dir(), dir, &errors),
			 JX_OK);
	assert_int_equal(t.n_files, 4);
	jx_templates_free(&t);
	assert_int_equal(rmdir(dir), 0);
	/* an empty file and files that are not *.yaml are fine */
	write_file("empty.yaml", "");
	write_file("notes.txt", "not: [yaml");
	write_file(".hidden.yaml", "not: [yaml");
	load_user(&t);
	assert_int_equal(t.n_files, 5);
	jx_templates_free(&t);
	/* the shipped directory must be there */
	assert_int_not_equal(jx_templates_load(&t, dir, NULL, &errors), JX_OK);
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.items[0].file, dir);
	assert_non_null(strstr(errors.items[0].message,
			       "cannot read the template directory"));
	jx_errlist_free(&errors);
}

/* ---- Mistakes ------------------------------------------------------------- */

static void
test_error_syntax(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 资金: 使用率\n");
	expect_errors("a.yaml:3:11: mapping values are not allowed in this "
		      "context\n");
}

static void
test_error_unknown_level(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 甲\n"
		   "  level1: 效应指标\n"
		   "  level2: 数量指标\n"
		   "- name: 乙\n"
		   "  level1: 效益指标\n"
		   "  level2: 数量指标\n"
		   "- name: 丙\n"
		   "  level1: 产出指标\n"
		   "  level2: 经济成本指标\n"
		   "  framework: '2012'\n"
		   "- name: 丁\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "  framework: '1999'\n");
	expect_errors(
		"a.yaml:4:11: unknown level-1 '效应指标': no framework has it\n"
		"a.yaml:8:11: unknown level-2 '数量指标' under 效益指标 (it has:"
		" 经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标)\n"
		"a.yaml:11:11: unknown level-2 '经济成本指标' under 产出指标 (it"
		" has: 数量指标, 质量指标, 时效指标, 成本指标)\n"
		"a.yaml:16:14: unknown framework '1999' (known: 2012, 2021)\n");
}

static void
test_error_duplicate_indicator(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 绿化面积\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n");
	write_file("b.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 绿化面积\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "- name: 植树数量\n"
		   "  aliases: [绿化 面积]\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "- name: 资金使用率新\n"
		   "  aliases: [资金使用率（%）]\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n");
	expect_errors(
		"b.yaml:3:3: duplicate indicator '绿化面积' (first at"
		" a.yaml:3)\n"
		"b.yaml:6:3: indicator '植树数量': '绿化 面积' already names"
		" indicator '绿化面积' (a.yaml:3)\n"
		"b.yaml:10:3: indicator '资金使用率新': '资金使用率（%）' already"
		" names indicator '资金使用率' ("
		"library.yaml:16)\n");
}

static void
test_error_types(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "frameworks:\n"
		   "- name: x\n"
		   "  default: maybe\n"
		   "  aliases: { a: b }\n"
		   "  levels: 产出指标\n"
		   "indicators:\n"
		   "- name: [甲, 乙]\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "  examples: [≥90%, [1]]\n"
		   "  direction: up\n"
		   "- 资金使用率\n");
	expect_errors(
		"a.yaml:4:12: 'default' in framework 1 must be true or false,"
		" not 'maybe'\n"
		"a.yaml:5:12: 'aliases' in framework 1 must be text or a list"
		" of text, not a mapping\n"
		"a.yaml:6:11: 'levels' in framework 1 must be a list, not"
		" text\n"
		"a.yaml:8:9: 'name' in indicator 1 must be text, not a list\n"
		"a.yaml:11:20: item 2 of 'examples' in indicator 1 must be"
		" text\n"
		"a.yaml:12:14: 'direction' in indicator 1 must be higher,"
		" lower, deadline or qualitative, not 'up'\n"
		"a.yaml:13:3: indicator 2 must be a mapping, not text\n");
}

/* Mistakes three records deep (a level-2 of a level-1 of a framework) name
 * the whole way to them, though the reader makes that text only when it
 * reports one. */
static void
test_error_nested_labels(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "frameworks:\n"
		   "- name: x\n"
		   "  levels:\n"
		   "  - name: 产出指标\n"
		   "    level2:\n"
		   "    - name: 数量指标\n"
		   "      required: maybe\n"
		   "      unit: '%'\n"
		   "    - 质量指标\n"
		   "    - short: 时效\n"
		   "  - name: 效益指标\n"
		   "    level2:\n"
		   "    - name: 社会效益指标\n"
		   "      aliases: [社会效益, [x], \"a\\0b\", \"\\e[0m\"]\n"
		   "      name: 社会\n"
		   "  - name: ''\n"
		   "    level2: []\n");
	expect_errors(
		"a.yaml:8:17: 'required' in level-2 1 of level-1 1 of"
		" framework 1 must be true or false, not 'maybe'\n"
		"a.yaml:9:7: unknown key 'unit' in level-2 1 of level-1 1 of"
		" framework 1 (known: name, short, required, aliases)\n"
		"a.yaml:10:7: level-2 2 of level-1 1 of framework 1 must be a"
		" mapping, not text\n"
		"a.yaml:11:7: level-2 3 of level-1 1 of framework 1 has no"
		" 'name'\n"
		"a.yaml:15:23: item 2 of 'aliases' in level-2 1 of level-1 2"
		" of framework 1 must be text\n"
		"a.yaml:15:28: item 3 of 'aliases' in level-2 1 of level-1 2"
		" of framework 1 contains a NUL character\n"
		"a.yaml:15:36: item 4 of 'aliases' in level-2 1 of level-1 2"
		" of framework 1 contains the control character U+001B (a text"
		" may hold tabs and line breaks, no other)\n"
		"a.yaml:16:7: duplicate key 'name' in level-2 1 of level-1 2"
		" of framework 1 (first at line 14)\n"
		"a.yaml:17:11: 'name' in level-1 3 of framework 1 is empty\n");
}

static void
test_error_keys(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/2\n"
		   "indicator:\n"
		   "- name: 甲\n"
		   "projects:\n"
		   "- name: 甲\n"
		   "  rows:\n"
		   "  - name: 资金使用率\n"
		   "    target: ≥90%\n"
		   "    unit: '%'\n"
		   "    target: 100%\n"
		   "  - name: ''\n");
	expect_errors(
		"a.yaml:1:9: 'format' must be 'jixiao-templates/1', not"
		" 'jixiao-templates/2'\n"
		"a.yaml:2:1: unknown key 'indicator' in the file (known:"
		" format, frameworks, indicators, projects)\n"
		"a.yaml:9:5: unknown key 'unit' in row 1 of project template 1"
		" (known: name, level1, level2, description, target, basis)\n"
		"a.yaml:10:5: duplicate key 'target' in row 1 of project"
		" template 1 (first at line 8)\n"
		"a.yaml:11:11: 'name' in row 2 of project template 1 is"
		" empty\n");
}

static void
test_error_missing_format(void **state)
{
	(void)state;
	write_file("a.yaml", "projects: []\n");
	write_file("b.yaml", "- a list\n");
	write_file("c.yaml", "format: jixiao-templates/1\n---\nformat: x\n");
	expect_errors(
		"a.yaml:1:1: the file has no 'format'\n"
		"b.yaml:1:1: a template file must be a mapping (format:"
		" jixiao-templates/1, frameworks: …, indicators: …, projects:"
		" …), not a list\n"
		"c.yaml:2:1: a second document starts here; a template file"
		" holds one\n");
}

static void
test_error_frameworks(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "frameworks:\n"
		   "- name: x\n"
		   "  default: true\n"
		   "  levels:\n"
		   "  - name: 产出指标\n"
		   "    level2:\n"
		   "    - { name: 数量指标 }\n"
		   "    - { name: 数量 }\n"
		   "  - name: 产出\n"
		   "    level2: [{ name: 质量指标 }]\n"
		   "- name: y\n"
		   "  aliases: [X]\n"
		   "  levels:\n"
		   "  - name: 满意度指标\n"
		   "    level2: []\n");
	expect_errors(
		"a.yaml:3:3: framework 'x' is marked default, and so is"
		" '2012' (framework-2012.yaml:14); only one"
		" can be\n"
		"a.yaml:9:7: duplicate level-2 '数量' under 产出指标 (first at"
		" line 8)\n"
		"a.yaml:10:5: duplicate level-1 '产出' in framework 'x' (first"
		" at line 6)\n"
		"a.yaml:12:3: framework 'y': 'X' already names framework 'x'"
		" (a.yaml:3)\n");
}

static void
test_error_units(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 甲\n"
		   "  level1: 产出指标\n"
		   "  level2: 数量指标\n"
		   "  unit: 使用率\n"
		   "- name: 乙\n"
		   "  level1: 产出指标\n"
		   "  level2: 质量指标\n"
		   "  unit: '%'\n"
		   "  direction: qualitative\n"
		   "- name: 丙\n"
		   "  level1: 产出指标\n"
		   "  level2: 质量指标\n"
		   "  unit: '% 以上的人'\n");
	expect_errors(
		"a.yaml:6:9: 'unit' in indicator 1: '使用率' does not read as"
		" a unit (write it as a target would: %, 个, 万元, 元/人/天)\n"
		"a.yaml:10:9: 'unit' in indicator 2: a qualitative indicator"
		" has no unit\n"
		"a.yaml:15:9: 'unit' in indicator 3: '% 以上的人' does not read"
		" as a unit (write it as a target would: %, 个, 万元,"
		" 元/人/天)\n");
}

static void
test_error_project_rows(void **state)
{
	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "projects:\n"
		   "- name: 新项目\n"
		   "  framework: '2021'\n"
		   "  rows:\n"
		   "  - name: 资金使用率\n"
		   "  - name: 没有这个指标\n"
		   "  - name: 完成工作需要的资金\n"
		   "  - name: 资金使用率（%）\n"
		   "  - name: 别的\n"
		   "    level1: 成本指标\n"
		   "    level2: 时效指标\n");
	expect_errors(
		"a.yaml:7:5: '没有这个指标' in project template '新项目' is not"
		" in the indicator library; give its level1 and level2\n"
		"a.yaml:8:5: unknown level-2 '成本指标' under 产出指标 (it has:"
		" 数量指标, 质量指标, 时效指标); the row takes it from the"
		" library's 完成工作需要的资金\n"
		"a.yaml:9:5: duplicate indicator '资金使用率（%）' in project"
		" template '新项目' (first at line 6)\n"
		"a.yaml:12:13: unknown level-2 '时效指标' under 成本指标 (it has:"
		" 经济成本指标, 社会成本指标, 生态环境成本指标)\n");
}

/* Mistakes in several files are all reported, in file order, and the
 * files to fix are named. What only the whole set can tell is looked for
 * once every file reads cleanly (a framework file with a syntax error
 * would otherwise make every level unknown). */
static void
test_errors_collected(void **state)
{
	struct jx_templates t;
	struct jx_errlist errors;
	char files[1024], want[1400];

	(void)state;
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 甲\n"
		   "  level1: 产出指标\n"
		   "  level2: 乙指标\n"
		   "  colour: red\n");
	write_file("b.yaml",
		   "format: jixiao-templates/1\n"
		   "projects:\n"
		   "- rows: []\n");
	write_file("c.yaml", "format: jixiao-templates/1\n");
	expect_errors(
		"a.yaml:6:3: unknown key 'colour' in indicator 1 (known: name,"
		" level1, level2, framework, aliases, description, unit,"
		" direction, basis, examples)\n"
		"b.yaml:3:3: project template 1 has no 'name'\n");
	jx_errlist_init(&errors);
	assert_int_not_equal(jx_templates_load(&t, shipped_dir(), g_tmp,
					       &errors), JX_OK);
	jx_templates_error_files(&errors, 0, files, sizeof files);
	snprintf(want, sizeof want, "%s/a.yaml, %s/b.yaml", g_tmp, g_tmp);
	assert_string_equal(files, want);
	jx_errlist_free(&errors);

	/* set-wide mistakes in two files, and one in a shipped file that a
	 * user's framework brings about */
	write_file("a.yaml",
		   "format: jixiao-templates/1\n"
		   "indicators:\n"
		   "- name: 甲\n"
		   "  level1: 产出指标\n"
		   "  level2: 乙指标\n");
	write_file("b.yaml",
		   "format: jixiao-templates/1\n"
		   "frameworks:\n"
		   "- name: '2021'\n"
		   "  levels:\n"
		   "  - name: 产出指标\n"
		   "    level2: [{ name: 数量指标 }, { name: 质量指标 }]\n"
		   "  - name: 成本指标\n"
		   "    level2: [{ name: 经济成本指标 }, { name: 社会成本指标 },\n"
		   "             { name: 生态环境成本指标 }]\n"
		   "  - name: 效益指标\n"
		   "    level2: [{ name: 经济效益指标 }, { name: 社会效益指标 },\n"
		   "             { name: 生态效益指标 }, { name: 可持续影响指标 }]\n"
		   "  - name: 满意度指标\n"
		   "    level2: [{ name: 服务对象满意度指标 }]\n"
		   "projects:\n"
		   "- name: 甲\n"
		   "  rows: [{ name: 甲, level2: 丙指标 }]\n");
	expect_errors(
		"projects.yaml:118:5: unknown level-2 '时效指标' under 产出指标"
		" (it has: 数量指标, 质量指标); the row takes it from the"
		" library's 资金支付及时率\n"
		"a.yaml:5:11: unknown level-2 '乙指标' under 产出指标 (it has:"
		" 数量指标, 质量指标, 时效指标, 成本指标)\n"
		"b.yaml:17:29: unknown level-2 '丙指标' under 产出指标 (it has:"
		" 数量指标, 质量指标, 时效指标, 成本指标)\n");
}

/* ---- Finding by the initials of the pinyin ---------------------------------- */

/* Asserts that query finds exactly the indicator names want (NULL-ended),
 * in that order. */
static void
assert_finds(const struct jx_templates *t, const char *query,
	     const char *const *want)
{
	const struct jx_tindicator *found[100];
	size_t n = jx_templates_find_indicators(t, query, NULL, NULL, found,
						100), i;

	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < n);
		assert_string_equal(found[i]->name, want[i]);
	}
	assert_int_equal(n, i);
}

static void
test_find_by_pinyin(void **state)
{
	struct jx_templates t;
	const struct jx_tindicator *found[100], *by_text[100];
	const struct jx_tproject *projects[20];
	size_t n;

	(void)state;
	load_shipped(&t);
	assert_finds(&t, "zjsyl", (const char *const[]){ "资金使用率", NULL });
	/* case and full width folded, as for the Chinese text */
	assert_finds(&t, "ZJSYL", (const char *const[]){ "资金使用率", NULL });
	assert_finds(&t, "ｚｊｓｙｌ",
		     (const char *const[]){ "资金使用率", NULL });
	assert_finds(&t, "sqgzryrs",
		     (const char *const[]){ "社区工作人员人数", NULL });
	/* myd finds what 满意度 finds, in the same order */
	n = jx_templates_find_indicators(&t, "myd", NULL, NULL, found, 100);
	assert_int_equal(n, jx_templates_find_indicators(&t, "满意度", NULL,
							 NULL, by_text, 100));
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(found[i], by_text[i]);
	/* initials that start the name first: the six 资金… entries */
	n = jx_templates_find_indicators(&t, "zj", NULL, NULL, found, 100);
	assert_true(n > 6);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strncmp(found[i]->name, "资金",
					 strlen("资金")) == 0, i < 6);
	/* a level filter still applies */
	assert_int_equal(jx_templates_find_indicators(&t, "zjsyl", "效益",
						      NULL, found, 100), 0);
	/* letters only: with a digit it is not initials (white space is
	 * dropped from every key) */
	assert_int_equal(jx_templates_find_indicators(&t, "zjsyl1", NULL,
						      NULL, found, 100), 0);
	assert_finds(&t, "zj syl", (const char *const[]){ "资金使用率", NULL });
	assert_finds(&t, "mgd", (const char *const[]){ NULL });
	/* polyphones read as their first kMandarin reading: 长 zhǎng */
	assert_finds(&t, "zqsyx", (const char *const[]){ "长期使用性", NULL });
	assert_finds(&t, "cqsyx", (const char *const[]){ NULL });
	/* project templates by name (or title) */
	assert_int_equal(jx_templates_find_projects(&t, "bgyxjf", projects,
						    20), 2);
	assert_string_equal(projects[0]->name, "办公运行经费");
	assert_string_equal(projects[1]->name, "办公运行经费（2021）");
	jx_templates_free(&t);
}

/* Direct matches of the letters come before matches by initials, and
 * initials that start a name before those inside one. */
static void
test_pinyin_ranks_after_text(void **state)
{
	static const char *const names[] = { "项目资金", "资金使用率", "zj测试" };
	struct jx_templates t;

	(void)state;
	jx_templates_init(&t);
	for (size_t i = 0; i < 3; i++)
		assert_non_null(jx_templates_add_indicator(&t)->name =
					jx_strdup(names[i]));
	assert_true(jx_templates_prepare(&t));
	assert_finds(&t, "ZJ", (const char *const[]){ "zj测试", "资金使用率",
						      "项目资金", NULL });
	assert_finds(&t, "xmzj", (const char *const[]){ "项目资金", NULL });
	jx_templates_free(&t);
}

/* ---- The model by hand ------------------------------------------------------ */

static void
test_model_by_hand(void **state)
{
	struct jx_templates t;
	struct jx_framework *fw;
	struct jx_tlevel1 *l1;
	struct jx_tlevel2 *l2;
	struct jx_tindicator *ind;
	const struct jx_tindicator *found[4];

	(void)state;
	jx_templates_init(&t);
	fw = jx_templates_add_framework(&t);
	fw->name = jx_strdup("甲");
	l1 = jx_framework_add_level1(fw);
	l1->name = jx_strdup("产出指标");
	l1->short_name = jx_strdup("产出");
	l2 = jx_tlevel1_add_level2(l1);
	l2->name = jx_strdup("数量指标");
	l2->short_name = jx_strdup("数量");
	assert_true(jx_tnames_add(&l2->aliases, "件数指标"));
	ind = jx_templates_add_indicator(&t);
	ind->name = jx_strdup("Hello 世界");
	ind->level1 = jx_strdup("产出指标");
	ind->level2 = jx_strdup("数量指标");
	assert_true(jx_templates_prepare(&t));
	/* keys: case and width folded, spaces dropped */
	assert_ptr_equal(jx_templates_indicator(&t, "ｈｅｌｌｏ世界"),
			 &t.indicators[0]);
	assert_int_equal(jx_templates_find_indicators(&t, "LO世", NULL,
						      "数量", found, 4), 1);
	assert_int_equal(jx_templates_find_indicators(&t, "LO世", NULL,
						      "质量", found, 4), 0);
	assert_ptr_equal(jx_templates_default_framework(&t), &t.frameworks[0]);
	assert_string_equal(jx_framework_short(&t.frameworks[0], "产出",
					       "件数"), "数量");
	jx_templates_free(&t);
	jx_templates_free(&t); /* twice is harmless */
	assert_null(jx_templates_default_framework(&t));
}

/* ---- main ---------------------------------------------------------------- */

static void
remove_tmp(void)
{
	empty_dir(g_tmp);
	rmdir(g_tmp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_frameworks),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_library_has_recurring),
		cmocka_unit_test(test_library_lookups),
		cmocka_unit_test(test_project_templates),
		cmocka_unit_test(test_find_by_pinyin),
		cmocka_unit_test(test_pinyin_ranks_after_text),
		cmocka_unit_test(test_files_and_places),
		cmocka_unit_test_setup(test_override, setup_dir),
		cmocka_unit_test_setup(test_user_dir_missing_or_empty,
				       setup_dir),
		cmocka_unit_test_setup(test_error_syntax, setup_dir),
		cmocka_unit_test_setup(test_error_unknown_level, setup_dir),
		cmocka_unit_test_setup(test_error_duplicate_indicator,
				       setup_dir),
		cmocka_unit_test_setup(test_error_types, setup_dir),
		cmocka_unit_test_setup(test_error_nested_labels, setup_dir),
		cmocka_unit_test_setup(test_error_keys, setup_dir),
		cmocka_unit_test_setup(test_error_missing_format, setup_dir),
		cmocka_unit_test_setup(test_error_frameworks, setup_dir),
		cmocka_unit_test_setup(test_error_units, setup_dir),
		cmocka_unit_test_setup(test_error_project_rows, setup_dir),
		cmocka_unit_test_setup(test_errors_collected, setup_dir),
		cmocka_unit_test(test_model_by_hand),
	};
	const char *tmp = getenv("TMPDIR");
	int failed;

	snprintf(g_tmp, sizeof g_tmp, "%s/jx_tmpl_XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g_tmp)) {
		perror("mkdtemp");
		return 1;
	}
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	remove_tmp();
	return failed;
}
