/*
 * cmd_ls.c — `jixiao ls [DEPT [YEAR [PROJECT]]]`: departments with their
 * years; a department's years; the projects of a department-year; the
 * indicators of a project. Rows are fetched in windows from the store.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/table.h"
#include "core/money.h"

int jx_cmd_ls(struct jx_cli *cli, int argc, char **argv);

#define WINDOW 256

struct ls_ctx {
	struct jx_table *table;
	int64_t rows;
	bool oom;
};

static int
row_added(struct ls_ctx *ctx, bool ok)
{
	ctx->rows++;
	ctx->oom = !ok;
	return ctx->oom;
}

static const struct jx_column dept_columns[] = {
	{ N_("编码"), "code", false },
	{ N_("单位"), "department", false },
	{ N_("年度"), "years", false },
};

static int
on_dept(void *data, const struct jx_dept_row *row)
{
	const char *cells[] = { row->code, row->name, row->years };
	return row_added(data, jx_table_row(((struct ls_ctx *)data)->table,
					    cells));
}

static const struct jx_column year_columns[] = {
	{ N_("年度"), "year", true },
	{ N_("项目"), "projects", true },
	{ N_("指标"), "indicators", true },
	{ N_("预算（万元）"), "budget_wan", true },
};

static int
on_year(void *data, const struct jx_year_row *row)
{
	char year[16], np[24], ni[24], money[48] = "";
	const char *cells[] = { year, np, ni, money };

	snprintf(year, sizeof year, "%d", row->year);
	snprintf(np, sizeof np, "%" PRId64, row->projects);
	snprintf(ni, sizeof ni, "%" PRId64, row->indicators);
	jx_amount_format_wan(row->total, money, sizeof money);
	return row_added(data, jx_table_row(((struct ls_ctx *)data)->table,
					    cells));
}

static const struct jx_column project_columns[] = {
	{ "#", "seq", true },
	{ N_("编码"), "code", false },
	{ N_("项目名称"), "name", false },
	{ N_("预算（万元）"), "budget_wan", true },
	{ N_("指标"), "indicators", true },
};

static int
on_project(void *data, const struct jx_project_row *row)
{
	char seq[24], money[48] = "", ni[24];
	const char *cells[] = { seq, row->code, row->name, money, ni };

	snprintf(seq, sizeof seq, "%" PRId64, row->seq);
	snprintf(ni, sizeof ni, "%" PRId64, row->indicators);
	jx_amount_format_wan(row->annual_total, money, sizeof money);
	return row_added(data, jx_table_row(((struct ls_ctx *)data)->table,
					    cells));
}

static const struct jx_column indicator_columns[] = {
	{ "#", "seq", true },
	{ N_("一级指标"), "level1", false },
	{ N_("二级指标"), "level2", false },
	{ N_("三级指标"), "name", false },
	{ N_("指标值"), "target", false },
	{ N_("指标值确定依据"), "basis", false },
	{ N_("绩效指标描述"), "description", false },
};

static int
on_indicator(void *data, const struct jx_indicator_row *row)
{
	char seq[24];
	const char *cells[] = { seq, row->level1, row->level2, row->name,
				row->target, row->basis, row->description };

	snprintf(seq, sizeof seq, "%" PRId64, row->seq);
	return row_added(data, jx_table_row(((struct ls_ctx *)data)->table,
					    cells));
}

/* Pages through one list window by window until a short window. */
static enum jx_status
list(struct jx_store *st, const struct jx_selection *sel, int depth,
     struct ls_ctx *ctx, struct jx_error *err)
{
	struct jx_key key;
	enum jx_status rc = JX_OK;
	int n = WINDOW;

	if (depth == 1)
		return jx_store_years(st, sel->department_id, on_year, ctx, err);
	jx_key_first(&key);
	while (rc == JX_OK && n == WINDOW && !ctx->oom) {
		if (depth == 0)
			rc = jx_store_departments(st, &key, WINDOW, on_dept,
						  ctx, &n, err);
		else if (depth == 2)
			rc = jx_store_projects(st, sel->dept_year_id, &key,
					       WINDOW, on_project, ctx, &n,
					       err);
		else
			rc = jx_store_indicators(st, sel->project_id, &key,
						 WINDOW, on_indicator, ctx, &n,
						 err);
	}
	jx_key_free(&key);
	return rc;
}

static struct jx_table *
table_for(int depth, bool tsv, FILE *out)
{
	switch (depth) {
	case 0: return jx_table_new(dept_columns, 3, tsv, out);
	case 1: return jx_table_new(year_columns, 4, tsv, out);
	case 2: return jx_table_new(project_columns, 5, tsv, out);
	default: return jx_table_new(indicator_columns, tsv ? 7 : 6, tsv, out);
	}
}

int
jx_cmd_ls(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 }
	};
	struct ls_ctx ctx = { NULL, 0, false };
	struct jx_selection sel;
	struct jx_error err;
	struct jx_store *st;
	bool tsv = false;
	int c, depth, status = JX_EXIT_OK;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't')
			return jx_cli_failf(cli, _("ls: unknown option '%s'"),
					    argv[optind - 1]);
		tsv = true;
	}
	depth = argc - optind;
	if (depth > 3)
		return jx_cli_failf(cli, _("ls: too many arguments"));
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	jx_error_clear(&err);
	if (!jx_cli_select(cli, st, depth, argv + optind, &sel)) {
		jx_store_close(st);
		return JX_EXIT_USAGE;
	}
	ctx.table = table_for(depth, tsv, cli->out);
	if (!ctx.table)
		status = jx_cli_failf(cli, "out of memory");
	else if (list(st, &sel, depth, &ctx, &err) != JX_OK)
		status = jx_cli_fail(cli, &err);
	else if (ctx.oom)
		status = jx_cli_failf(cli, "out of memory");
	jx_table_finish(ctx.table);
	if (depth == 0 && ctx.rows == 0 && status == JX_EXIT_OK)
		fprintf(cli->err, _("%s: no departments yet; import the samples"
				    " with 'jixiao init --samples'\n"),
			cli->prog);
	jx_store_close(st);
	return status;
}
