/*
 * cmd_check.c — `jixiao check [DEPT [YEAR]]`: every department-year (or one
 * department's, or one) checked against the indicator framework and
 * library (analysis/check.h); one line per finding with department, year,
 * project, indicator, rule and what is wrong. Exit 1 when anything is
 * found, 0 when all is clean, 2 on errors (templates, database, usage).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis/check.h"
#include "cli/cli.h"
#include "cli/cli_templates.h"
#include "cli/table.h"
#include "core/array.h"

int jx_cmd_check(struct jx_cli *cli, int argc, char **argv);

static const struct jx_column columns[] = {
	{ N_("单位"), "department", false },
	{ N_("编码"), "code", false },
	{ N_("年度"), "year", true },
	{ N_("序号"), "project_index", true },
	{ N_("项目"), "project", false },
	{ N_("指标"), "indicator", false },
	{ N_("规则"), "rule", false },
	{ N_("说明"), "message", false },
};
#define NCOLS (sizeof columns / sizeof columns[0])

/* The department-years to check, collected before any is read. */
struct years {
	int64_t *ids;
	size_t n, cap;
	bool oom;
};

static int
collect(void *data, const struct jx_year_row *row)
{
	struct years *y = data;

	int64_t *ids = jx_array_grow(y->ids, y->n, &y->cap, sizeof *ids);

	if (!ids) {
		y->oom = true;
		return 1;
	}
	y->ids = ids;
	y->ids[y->n++] = row->id;
	return 0;
}

/* Prints list into *tb, made on the first finding (so that a clean
 * aligned check prints nothing; TSV makes it at once for its header). */
static bool
print_findings(struct jx_cli *cli, struct jx_table **tb,
	       const struct jx_check_list *list)
{
	if (list->n && !*tb &&
	    !(*tb = jx_table_new(columns, NCOLS, false, cli->out)))
		return false;
	for (size_t i = 0; i < list->n; i++) {
		const struct jx_check_finding *f = &list->v[i];
		char year[16], index[24];
		const char *cells[NCOLS] = {
			f->dept_name, f->dept_code, year, index,
			f->project_name, f->indicator_name,
			jx_check_rule_id(f->rule), f->message };

		snprintf(year, sizeof year, "%d", f->year);
		if (f->project)
			snprintf(index, sizeof index, "%zu", f->project);
		else
			index[0] = '\0';
		if (!jx_table_row(*tb, cells))
			return false;
	}
	return true;
}

/* Checks the department-years ids; adds to *found. */
static int
check_years(struct jx_cli *cli, struct jx_store *st,
	    const struct jx_templates *t, const struct years *y, bool tsv,
	    size_t *found)
{
	struct jx_table *tb = NULL;
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;
	int status = JX_EXIT_OK;

	if (tsv && !(tb = jx_table_new(columns, NCOLS, true, cli->out)))
		return jx_cli_failf(cli, "out of memory");
	jx_error_clear(&err);
	for (size_t i = 0; i < y->n && status == JX_EXIT_OK; i++) {
		struct jx_doc doc;

		jx_doc_init(&doc);
		if (jx_store_get_doc(st, y->ids[i], &doc, &err) != JX_OK ||
		    jx_check_doc(t, &doc, &list, &err) != JX_OK)
			status = jx_cli_fail(cli, &err);
		else if (!print_findings(cli, &tb, &list))
			status = jx_cli_failf(cli, "out of memory");
		*found += list.n;
		jx_check_list_free(&list);
		jx_doc_free(&doc);
	}
	if (tb)
		jx_table_finish(tb);
	return status;
}

int
jx_cmd_check(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 }
	};
	struct jx_selection sel = { 0, 0, 0 };
	struct years y = { NULL, 0, 0, false };
	struct jx_templates t;
	struct jx_error err;
	struct jx_store *st;
	bool tsv = false;
	size_t found = 0;
	int c, status;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't')
			return jx_cli_failf(cli, _("check: unknown option '%s'"),
					    argv[optind - 1]);
		tsv = true;
	}
	if (argc - optind > 2)
		return jx_cli_failf(cli, _("check: too many arguments (give"
					   " DEPT and YEAR at most)"));
	if (!jx_cli_load_templates(cli, &t))
		return JX_EXIT_USAGE;
	if (!(st = jx_cli_open(cli, JX_CLI_READ))) {
		jx_templates_free(&t);
		return JX_EXIT_USAGE;
	}
	jx_error_clear(&err);
	status = jx_cli_select(cli, st, argc - optind, argv + optind, &sel)
			 ? JX_EXIT_OK : JX_EXIT_USAGE;
	if (status == JX_EXIT_OK && sel.dept_year_id)
		status = collect(&y, &(struct jx_year_row){
				.id = sel.dept_year_id }) ? JX_EXIT_USAGE
							  : JX_EXIT_OK;
	else if (status == JX_EXIT_OK &&
		 jx_store_years(st, sel.department_id, collect, &y, &err))
		status = y.oom ? jx_cli_failf(cli, "out of memory")
			       : jx_cli_fail(cli, &err);
	if (status == JX_EXIT_OK && y.oom)
		status = jx_cli_failf(cli, "out of memory");
	if (status == JX_EXIT_OK)
		status = check_years(cli, st, &t, &y, tsv, &found);
	if (status == JX_EXIT_OK && y.n == 0)
		fprintf(cli->err, _("%s: the database holds no department-years"
				    " yet; try 'jixiao init --samples'\n"),
			cli->prog);
	if (status == JX_EXIT_OK && y.n && !found)
		fprintf(cli->err, ngettext("%s: no findings in %zu"
					   " department-year\n",
					   "%s: no findings in %zu"
					   " department-years\n", y.n),
			cli->prog, y.n);
	if (status == JX_EXIT_OK && found) {
		fprintf(cli->err, ngettext("%s: %zu finding", "%s: %zu findings",
					   found), cli->prog, found);
		fprintf(cli->err, ngettext(" in %zu department-year\n",
					   " in %zu department-years\n", y.n),
			y.n);
		status = JX_EXIT_FINDINGS;
	}
	free(y.ids);
	jx_store_close(st);
	jx_templates_free(&t);
	return status;
}
