/*
 * cmd_stats.c — `jixiao stats [DEPT]`: per department-year, the number of
 * projects and indicator rows and the total budget in 万元.
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

int jx_cmd_stats(struct jx_cli *cli, int argc, char **argv);

struct stats_ctx {
	struct jx_table *table;
	int64_t projects, indicators, yuan, rows;
	bool oom;
};

static const struct jx_column columns[] = {
	{ N_("单位"), "department", false },
	{ N_("编码"), "code", false },
	{ N_("年度"), "year", true },
	{ N_("项目"), "projects", true },
	{ N_("指标"), "indicators", true },
	{ N_("预算（万元）"), "budget_wan", true },
};
#define NCOLS (sizeof columns / sizeof columns[0])

static bool
add_row(struct stats_ctx *ctx, const char *name, const char *code,
	const char *year, int64_t projects, int64_t indicators,
	struct jx_amount total)
{
	char np[24], ni[24], money[48];
	const char *cells[NCOLS] = { name, code, year, np, ni, money };

	snprintf(np, sizeof np, "%" PRId64, projects);
	snprintf(ni, sizeof ni, "%" PRId64, indicators);
	jx_amount_format_wan(total, money, sizeof money);
	return jx_table_row(ctx->table, cells);
}

static int
on_year(void *data, const struct jx_year_row *row)
{
	struct stats_ctx *ctx = data;
	char year[16];

	snprintf(year, sizeof year, "%d", row->year);
	ctx->rows++;
	ctx->projects += row->projects;
	ctx->indicators += row->indicators;
	ctx->yuan += row->total.present ? row->total.yuan : 0;
	if (!add_row(ctx, row->dept_name, row->dept_code, year, row->projects,
		     row->indicators, row->total))
		ctx->oom = true;
	return ctx->oom;
}

int
jx_cmd_stats(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 }
	};
	struct stats_ctx ctx = { NULL, 0, 0, 0, 0, false };
	struct jx_selection sel = { 0, 0, 0 };
	struct jx_error err;
	struct jx_store *st;
	bool tsv = false;
	int c, status = JX_EXIT_OK;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't')
			return jx_cli_failf(cli, _("stats: unknown option '%s'"),
					    argv[optind - 1]);
		tsv = true;
	}
	if (argc - optind > 1)
		return jx_cli_failf(cli, _("stats: too many arguments"));
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	jx_error_clear(&err);
	if (!jx_cli_select(cli, st, argc - optind, argv + optind, &sel)) {
		jx_store_close(st);
		return JX_EXIT_USAGE;
	}
	ctx.table = jx_table_new(columns, NCOLS, tsv, cli->out);
	if (!ctx.table ||
	    jx_store_years(st, sel.department_id, on_year, &ctx, &err) != JX_OK)
		status = ctx.table ? jx_cli_fail(cli, &err)
				   : jx_cli_failf(cli, "out of memory");
	else if (ctx.oom)
		status = jx_cli_failf(cli, "out of memory");
	else if (ctx.rows > 1 && !tsv)
		add_row(&ctx, _("合计"), "", "", ctx.projects, ctx.indicators,
			(struct jx_amount){ true, ctx.yuan });
	jx_table_finish(ctx.table);
	if (ctx.rows == 0 && status == JX_EXIT_OK)
		fprintf(cli->err, _("%s: the database holds no department-years"
				    " yet; try 'jixiao init --samples'\n"),
			cli->prog);
	jx_store_close(st);
	return status;
}
