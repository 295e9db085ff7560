/*
 * cmd_search.c — `jixiao search TEXT`: every indicator, in any department
 * and year, whose name, target, description or basis contains TEXT, with
 * where it is; `--count` prints only how many. Rows stream in windows, so
 * the first hits show at once on a large database.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/table.h"

int jx_cmd_search(struct jx_cli *cli, int argc, char **argv);

#define WINDOW 256

struct search_ctx {
	FILE *out;
	int64_t shown, limit;
};

/* One line per hit, tab-separated (the list can be long and streams, so
 * it is not aligned): department, year, project, level 2, name, target. */
static int
on_hit(void *data, const struct jx_search_row *r)
{
	struct search_ctx *ctx = data;
	const char *cells[] = { r->dept_name, NULL, r->project_code,
				r->project_name, r->level2, r->name,
				r->target };
	char year[16];

	snprintf(year, sizeof year, "%d", r->year);
	cells[1] = year;
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (i)
			fputc('\t', ctx->out);
		jx_tsv_cell(ctx->out, cells[i]);
	}
	fputc('\n', ctx->out);
	return ++ctx->shown >= ctx->limit;
}

static int
run(struct jx_cli *cli, struct jx_store *st, const char *text, bool count,
    int64_t limit)
{
	struct search_ctx ctx = { cli->out, 0, limit };
	struct jx_error err;
	int64_t after = 0, total;
	int n = WINDOW;

	jx_error_clear(&err);
	if (count) {
		if (jx_store_search_count(st, text, &total, &err) != JX_OK)
			return jx_cli_fail(cli, &err);
		fprintf(cli->out, "%" PRId64 "\n", total);
		return total ? JX_EXIT_OK : JX_EXIT_FINDINGS;
	}
	fputs("department\tyear\tproject_code\tproject\tlevel2\tindicator"
	      "\ttarget\n", cli->out);
	while (n == WINDOW && ctx.shown < limit) {
		if (jx_store_search(st, text, &after, WINDOW, on_hit, &ctx, &n,
				    &err) != JX_OK)
			return jx_cli_fail(cli, &err);
		fflush(cli->out);
	}
	return ctx.shown ? JX_EXIT_OK : JX_EXIT_FINDINGS;
}

int
jx_cmd_search(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "count", no_argument, NULL, 'c' },
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	bool count = false;
	int64_t limit = INT64_MAX;
	struct jx_store *st;
	int c, status;
	char *end;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'c') {
			count = true;
		} else if (c == 'n') {
			limit = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end || limit < 1)
				return jx_cli_failf(cli, _("search: --limit"
							   " takes a number"
							   " above 0"));
		} else {
			return jx_cli_failf(cli, _("search: unknown option"
						   " '%s'"), argv[optind - 1]);
		}
	}
	if (argc - optind != 1 || !argv[optind][0])
		return jx_cli_failf(cli, _("search: give one TEXT to look for"
					   " (see 'jixiao search --help')"));
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	status = run(cli, st, argv[optind], count, limit);
	jx_store_close(st);
	return status;
}
