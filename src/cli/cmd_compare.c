/*
 * cmd_compare.c — `jixiao compare DEPT YEAR_A YEAR_B`: what changed between
 * two years of a department — projects matched across years with their
 * budgets, change and status, a totals row; with --indicators, each matched
 * project's indicators with the targets of both years and a verdict.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/level_keys.h"
#include "analysis/year_compare.h"
#include "cli/cli.h"
#include "cli/cli_templates.h"
#include "cli/table.h"
#include "core/money.h"
#include "core/text.h"

int jx_cmd_compare(struct jx_cli *cli, int argc, char **argv);

static const char *
match_label(enum jx_cmp_match m)
{
	static const char *const labels[] = { "", N_("链接"), N_("编码"),
					      N_("名称") };
	return m == JX_CM_NONE ? "" : _(labels[m]);
}

static void
project_row(struct jx_table *t, const struct jx_cmp_row *r, bool tsv)
{
	char ma[48] = "", mb[48] = "", change[64], pct[64];
	const char *name = r->b ? r->b->name : r->a->name;
	const char *cells[8];

	if (r->a)
		jx_amount_format_wan(r->a->budget, ma, sizeof ma);
	if (r->b)
		jx_amount_format_wan(r->b->budget, mb, sizeof mb);
	if (tsv) {
		/* Scripts get signed numbers, not arrows. */
		jx_money_format_wan(r->change_yuan, change, sizeof change);
		pct[0] = '\0';
		if (r->has_percent)
			snprintf(pct, sizeof pct, "%s%lld.%02lld",
				 r->change_bp < 0 ? "-" : "",
				 (long long)(r->change_bp < 0 ? -r->change_bp
						: r->change_bp) / 100,
				 (long long)(r->change_bp < 0 ? -r->change_bp
						: r->change_bp) % 100);
	} else {
		jx_cmp_change_text(r->change_yuan, change, sizeof change);
		jx_cmp_percent_text(r, pct, sizeof pct);
	}
	cells[0] = tsv ? jx_cmp_status_name(r->status) : jx_cmp_status_label(r->status);
	cells[1] = tsv ? (r->match == JX_CM_NONE ? "" : r->match == JX_CM_LINK
			  ? "link" : r->match == JX_CM_CODE ? "code" : "name")
		       : match_label(r->match);
	cells[2] = name;
	cells[3] = ma;
	cells[4] = mb;
	cells[5] = change;
	cells[6] = pct;
	cells[7] = r->flagged ? (tsv ? "flag" : "⚑") : "";
	jx_table_row(t, cells);
}

static void
totals_row(struct jx_table *t, const struct jx_cmp_result *res)
{
	struct jx_cmp_row total;
	char ma[48], mb[48], change[64], pct[64];
	const char *cells[8] = { _("合计"), "", "", ma, mb, change, pct, "" };

	jx_cmp_totals(res, &total);
	jx_money_format_wan(res->total_a, ma, sizeof ma);
	jx_money_format_wan(res->total_b, mb, sizeof mb);
	jx_cmp_change_text(total.change_yuan, change, sizeof change);
	jx_cmp_percent_text(&total, pct, sizeof pct);
	jx_table_row(t, cells);
}

static void
print_projects(struct jx_cli *cli, const struct jx_year_compare *c, bool tsv)
{
	char ya[16], yb[16];
	struct jx_column cols[] = {
		{ N_("状态"), "status", false }, { N_("匹配"), "match", false },
		{ N_("项目"), "project", false }, { ya, "budget_a_wan", true },
		{ yb, "budget_b_wan", true }, { N_("变化（万元）"), "change_wan", true },
		{ N_("变化%"), "change_pct", true }, { "", "flag", false } };
	struct jx_table *t;

	snprintf(ya, sizeof ya, "%d", c->year_a);
	snprintf(yb, sizeof yb, "%d", c->year_b);
	t = jx_table_new(cols, 8, tsv, cli->out);
	if (!t)
		return;
	for (size_t i = 0; i < c->result.n; i++)
		project_row(t, &c->result.rows[i], tsv);
	if (!tsv)
		totals_row(t, &c->result);
	jx_table_finish(t);
}

/* Every matched pair judged: the load reads the indicators only of pairs
 * that differ. */
static enum jx_status
judge_every_pair(struct jx_store *st, struct jx_year_compare *c,
		 struct jx_error *err)
{
	enum jx_status rc = JX_OK;

	for (size_t i = 0; rc == JX_OK && i < c->result.n; i++)
		rc = jx_year_compare_pair(st, c, i, err);
	return rc;
}

/* The indicator pairs of every matched project, one table. */
static void
print_indicators(struct jx_cli *cli, const struct jx_year_compare *c,
		 bool tsv)
{
	char ya[16], yb[16];
	struct jx_column cols[] = {
		{ N_("项目"), "project", false }, { N_("二级指标"), "level2",
						     false },
		{ N_("三级指标"), "name", false }, { ya, "target_a", false },
		{ yb, "target_b", false }, { N_("判断"), "verdict", false } };
	struct jx_table *t;

	snprintf(ya, sizeof ya, "%d", c->year_a);
	snprintf(yb, sizeof yb, "%d", c->year_b);
	fputc('\n', cli->out);
	if (!(t = jx_table_new(cols, 6, tsv, cli->out)))
		return;
	for (size_t i = 0; i < c->result.n; i++) {
		const struct jx_cmp_indicators *ind = &c->indicators[i];
		for (size_t k = 0; k < ind->n; k++) {
			const struct jx_cmp_indicator_row *r = &ind->rows[k];
			const struct jx_indicator *any = r->b ? r->b : r->a;
			const char *cells[6] = {
				c->result.rows[i].b->name, any->level2,
				any->name, r->a ? r->a->target : "",
				r->b ? r->b->target : "",
				tsv ? jx_verdict_name(r->verdict)
				    : jx_verdict_label(r->verdict) };
			jx_table_row(t, cells);
		}
	}
	jx_table_finish(t);
}

static void
summary(struct jx_cli *cli, const struct jx_year_compare *c)
{
	fprintf(cli->out, _("\n%d → %d: %zu same, %zu changed, %zu new, %zu"
			    " gone"), c->year_a, c->year_b, c->result.n_same,
		c->result.n_changed, c->result.n_new, c->result.n_gone);
	size_t flagged = 0;
	for (size_t i = 0; i < c->result.n; i++)
		flagged += c->result.rows[i].flagged;
	if (flagged)
		fprintf(cli->out, _("; ⚑ %zu with more money but no stricter"
				    " target"), flagged);
	fputc('\n', cli->out);
}

static int
run(struct jx_cli *cli, struct jx_store *st, char **args, bool tsv,
    bool indicators, const struct jx_level_keys *levels)
{
	struct jx_selection sel;
	struct jx_year_compare c;
	struct jx_error err;
	int ya, yb;

	jx_error_clear(&err);
	if (!jx_cli_year(cli, args[1], &ya) || !jx_cli_year(cli, args[2], &yb)
	    || !jx_cli_select(cli, st, 1, args, &sel))
		return JX_EXIT_USAGE;
	if (jx_year_compare_load(st, sel.department_id, ya, yb, levels, &c,
				 &err) != JX_OK) {
		if (err.status == JX_NOTFOUND) {
			/* Says which year is missing and which are on file. */
			char *first[2] = { args[0], args[1] };
			char *second[2] = { args[0], args[2] };
			if (jx_cli_select(cli, st, 2, first, &sel))
				jx_cli_select(cli, st, 2, second, &sel);
			return JX_EXIT_USAGE;
		}
		return jx_cli_fail(cli, &err);
	}
	if (indicators && judge_every_pair(st, &c, &err) != JX_OK) {
		jx_year_compare_free(&c);
		return jx_cli_fail(cli, &err);
	}
	print_projects(cli, &c, tsv);
	if (indicators)
		print_indicators(cli, &c, tsv);
	if (!tsv)
		summary(cli, &c);
	jx_year_compare_free(&c);
	return JX_EXIT_OK;
}

/* ---- every department ------------------------------------------------- */

/* The departments that have both years, in name order. */
struct both_years {
	int64_t *ids;
	char **names;
	size_t n, cap;
	bool oom;
};

static int
on_year_pair(void *ctx, const struct jx_year_pair_row *row)
{
	struct both_years *b = ctx;
	char *name;

	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		int64_t *ids = realloc(b->ids, cap * sizeof *ids);
		char **names;

		if (ids)
			b->ids = ids;
		if (!ids || !(names = realloc(b->names, cap * sizeof *names)))
			return b->oom = true;
		b->names = names;
		b->cap = cap;
	}
	if (!(name = jx_strdup(row->dept_name)))
		return b->oom = true;
	b->ids[b->n] = row->department_id;
	b->names[b->n++] = name;
	return 0;
}

static void
both_years_free(struct both_years *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->names[i]);
	free(b->names);
	free(b->ids);
}

static void
all_row(struct jx_table *t, const struct jx_year_compare *c, const char *name,
	bool tsv, size_t *flagged)
{
	char ns[16], nc[16], nn[16], ng[16], nf[16], ma[48], mb[48], ch[64];
	const char *cells[9] = { name, ns, nc, nn, ng, ma, mb, ch, nf };
	size_t f = 0;

	for (size_t i = 0; i < c->result.n; i++)
		f += c->result.rows[i].flagged;
	*flagged += f;
	snprintf(ns, sizeof ns, "%zu", c->result.n_same);
	snprintf(nc, sizeof nc, "%zu", c->result.n_changed);
	snprintf(nn, sizeof nn, "%zu", c->result.n_new);
	snprintf(ng, sizeof ng, "%zu", c->result.n_gone);
	snprintf(nf, sizeof nf, "%zu", f);
	jx_money_format_wan(c->result.total_a, ma, sizeof ma);
	jx_money_format_wan(c->result.total_b, mb, sizeof mb);
	if (tsv)
		jx_money_format_wan(c->result.total_b - c->result.total_a, ch,
				    sizeof ch);
	else
		jx_cmp_change_text(c->result.total_b - c->result.total_a, ch,
				   sizeof ch);
	jx_table_row(t, cells);
}

/* One row per department of b, all read as of one moment. */
static int
all_rows(struct jx_cli *cli, struct jx_store *st, const struct both_years *b,
	 int ya, int yb, const struct jx_level_keys *levels,
	 struct jx_table *t, bool tsv, size_t *flagged)
{
	struct jx_error err;
	int status = JX_EXIT_OK;

	jx_error_clear(&err);
	jx_store_read_begin(st);
	for (size_t i = 0; i < b->n; i++) {
		struct jx_year_compare c;

		if (jx_year_compare_load(st, b->ids[i], ya, yb, levels, &c,
					 &err)) {
			status = jx_cli_fail(cli, &err);
			break;
		}
		all_row(t, &c, b->names[i], tsv, flagged);
		jx_year_compare_free(&c);
	}
	jx_store_read_end(st);
	return status;
}

/* One summary row per department that has both years. */
static int
run_all(struct jx_cli *cli, struct jx_store *st, int ya, int yb, bool tsv,
	const struct jx_level_keys *levels)
{
	struct both_years b = { NULL, NULL, 0, 0, false };
	struct jx_column cols[] = {
		{ N_("单位"), "department", false }, { N_("相同"), "same", true },
		{ N_("变化"), "changed", true }, { N_("新增"), "new", true },
		{ N_("取消"), "gone", true }, { N_("预算A"), "budget_a_wan", true },
		{ N_("预算B"), "budget_b_wan", true },
		{ N_("变化（万元）"), "change_wan", true },
		{ "⚑", "flagged", true } };
	struct jx_error err;
	struct jx_table *t;
	size_t flagged = 0;
	int status;

	jx_error_clear(&err);
	if (ya == yb)
		return jx_cli_failf(cli, _("comparing %d with itself: give two"
					   " different years"), ya);
	if (jx_store_year_pairs(st, ya, yb, on_year_pair, &b, &err) != JX_OK) {
		both_years_free(&b);
		return jx_cli_fail(cli, &err);
	}
	if (b.oom || !(t = jx_table_new(cols, 9, tsv, cli->out))) {
		both_years_free(&b);
		return jx_cli_failf(cli, "out of memory");
	}
	status = all_rows(cli, st, &b, ya, yb, levels, t, tsv, &flagged);
	jx_table_finish(t);
	if (!tsv && status == JX_EXIT_OK)
		fprintf(cli->out, _("\n%zu departments have both %d and %d; ⚑ %zu"
				    " projects with more money but no stricter"
				    " target\n"), b.n, ya, yb, flagged);
	both_years_free(&b);
	return status;
}

int
jx_cmd_compare(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' },
		{ "indicators", no_argument, NULL, 'i' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	bool tsv = false, indicators = false, all = false;
	struct jx_templates templates;
	struct jx_template_levels tl;
	const struct jx_level_keys *levels;
	struct jx_store *st;
	int c, status;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 't')
			tsv = true;
		else if (c == 'i')
			indicators = true;
		else if (c == 'a')
			all = true;
		else
			return jx_cli_failf(cli, _("compare: unknown option"
						   " '%s'"), argv[optind - 1]);
	}
	if (argc - optind != (all ? 2 : 3))
		return jx_cli_failf(cli, _("compare: give DEPT YEAR_A YEAR_B, or"
					   " --all YEAR_A YEAR_B (see 'jixiao"
					   " compare --help')"));
	/* Levels match by the template files' names and aliases. */
	if (!jx_cli_load_templates(cli, &templates))
		return JX_EXIT_USAGE;
	levels = jx_template_levels_init(&tl, &templates);
	if (!(st = jx_cli_open(cli, JX_CLI_READ))) {
		jx_template_levels_free(&tl);
		jx_templates_free(&templates);
		return JX_EXIT_USAGE;
	}
	if (all) {
		int ya, yb;
		status = jx_cli_year(cli, argv[optind], &ya) &&
			 jx_cli_year(cli, argv[optind + 1], &yb)
			 ? run_all(cli, st, ya, yb, tsv, levels)
			 : JX_EXIT_USAGE;
	} else {
		status = run(cli, st, argv + optind, tsv, indicators, levels);
	}
	jx_store_close(st);
	jx_template_levels_free(&tl);
	jx_templates_free(&templates);
	return status;
}
