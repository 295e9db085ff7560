/*
 * cmd_templates.c — `jixiao templates [NAME]`: the indicator templates in
 * effect (frameworks, project templates, library indicators) with the file
 * each comes from and which shipped one a user's file replaced; with NAME,
 * one of them in full. Also the loading that `check` shares
 * (cli_templates.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_templates.h"
#include "cli/paths.h"
#include "cli/table.h"
#include "io/template_read.h"

int jx_cmd_templates(struct jx_cli *cli, int argc, char **argv);

void
jx_cli_shipped_templates(char *buf, size_t size)
{
	snprintf(buf, size, "%s/data/templates", jx_data_root());
}

void
jx_cli_report_templates(struct jx_cli *cli, enum jx_status rc,
			const struct jx_errlist *errors, const char *shipped)
{
	char files[1024];

	for (size_t i = 0; i < errors->count; i++)
		jx_cli_fail(cli, &errors->items[i]);
	if (rc == JX_OK)
		return;
	jx_templates_error_files(errors, 0, files, sizeof files);
	jx_cli_failf(cli, _("the templates have errors; nothing was loaded"
			    " (fix %s)"), files[0] ? files : shipped);
}

bool
jx_cli_load_templates(struct jx_cli *cli, struct jx_templates *t)
{
	char shipped[4096], user[4096];
	bool has_user = jx_user_templates_dir(user, sizeof user);
	struct jx_errlist errors;
	enum jx_status rc;

	jx_cli_shipped_templates(shipped, sizeof shipped);
	jx_errlist_init(&errors);
	rc = jx_templates_load(t, shipped, has_user ? user : NULL, &errors);
	jx_cli_report_templates(cli, rc, &errors, shipped);
	jx_errlist_free(&errors);
	return rc == JX_OK;
}

/* ---- the list -------------------------------------------------------------- */

static const struct jx_column list_columns[] = {
	{ N_("种类"), "kind", false },
	{ N_("名称"), "name", false },
	{ N_("文件"), "file", false },
	{ N_("备注"), "note", false },
};
#define LIST_COLS (sizeof list_columns / sizeof list_columns[0])

/* The note of an item: "default", "overrides FILE", both, or "". */
static void
note(const struct jx_templates *t, size_t overrode, bool is_default,
     char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", is_default ? _("default") : "",
		 is_default && overrode ? "; " : "",
		 overrode ? _("overrides ") : "",
		 overrode ? t->files[overrode - 1].path : "");
}

static bool
list_row(struct jx_table *tb, const struct jx_templates *t,
	 const char *kind, const char *name, struct jx_tplace where,
	 size_t overrode, bool is_default)
{
	char buf[4200];
	const char *cells[LIST_COLS] = { kind, name, t->files[where.file].path,
					 buf };

	note(t, overrode, is_default, buf, sizeof buf);
	return jx_table_row(tb, cells);
}

static int
list_all(struct jx_cli *cli, const struct jx_templates *t, bool tsv)
{
	struct jx_table *tb = jx_table_new(list_columns, LIST_COLS, tsv,
					   cli->out);
	const struct jx_framework *def = jx_templates_default_framework(t);
	bool ok = tb != NULL;

	for (size_t i = 0; ok && i < t->n_frameworks; i++)
		ok = list_row(tb, t, "framework", t->frameworks[i].name,
			      t->frameworks[i].where, t->frameworks[i].overrode,
			      &t->frameworks[i] == def);
	for (size_t i = 0; ok && i < t->n_projects; i++)
		ok = list_row(tb, t, "project", t->projects[i].name,
			      t->projects[i].where, t->projects[i].overrode,
			      false);
	for (size_t i = 0; ok && i < t->n_indicators; i++)
		ok = list_row(tb, t, "indicator", t->indicators[i].name,
			      t->indicators[i].where,
			      t->indicators[i].overrode, false);
	if (tb)
		jx_table_finish(tb);
	return ok ? JX_EXIT_OK : jx_cli_failf(cli, "out of memory");
}

/* ---- one template ------------------------------------------------------------ */

/* "label: value" when there is a value. */
static void
line(FILE *out, const char *label, const char *value)
{
	if (value && *value)
		fprintf(out, "%s: %s\n", label, value);
}

static void
names_line(FILE *out, const char *label, const struct jx_tnames *names)
{
	if (!names->n)
		return;
	fprintf(out, "%s: ", label);
	for (size_t i = 0; i < names->n; i++)
		fprintf(out, "%s%s", i ? ", " : "", names->v[i]);
	fputc('\n', out);
}

static void
source_lines(FILE *out, const struct jx_templates *t, struct jx_tplace where,
	     size_t overrode)
{
	fprintf(out, _("file: %s:%ld\n"), t->files[where.file].path,
		where.line);
	if (overrode)
		fprintf(out, _("overrides: %s\n"), t->files[overrode - 1].path);
}

static void
show_framework(FILE *out, const struct jx_templates *t,
	       const struct jx_framework *fw)
{
	fprintf(out, _("framework %s%s\n"), fw->name,
		fw == jx_templates_default_framework(t) ? _(" (default)")
							: "");
	line(out, _("title"), fw->title);
	names_line(out, _("aliases"), &fw->aliases);
	source_lines(out, t, fw->where, fw->overrode);
	for (size_t i = 0; i < fw->n_levels; i++) {
		const struct jx_tlevel1 *l1 = &fw->levels[i];

		fprintf(out, "  %s (%s)%s\n", l1->name, l1->short_name,
			l1->required ? _(" required") : "");
		for (size_t j = 0; j < l1->n_level2; j++)
			fprintf(out, "    %s (%s)%s\n", l1->level2[j].name,
				l1->level2[j].short_name,
				l1->level2[j].required ? _(" required") : "");
	}
}

static void
show_indicator(FILE *out, const struct jx_templates *t,
	       const struct jx_tindicator *ind)
{
	fprintf(out, _("indicator %s\n"), ind->name);
	fprintf(out, _("levels: %s / %s\n"), ind->level1, ind->level2);
	line(out, _("framework"), ind->framework);
	names_line(out, _("aliases"), &ind->aliases);
	line(out, _("description"), ind->description);
	line(out, _("unit"), ind->unit);
	line(out, _("direction"), jx_direction_name(ind->direction));
	line(out, _("basis"), ind->basis);
	names_line(out, _("examples"), &ind->examples);
	source_lines(out, t, ind->where, ind->overrode);
}

static const struct jx_column row_columns[] = {
	{ N_("一级指标"), "level1", false },
	{ N_("二级指标"), "level2", false },
	{ N_("三级指标"), "name", false },
	{ N_("单位"), "unit", false },
	{ N_("指标值"), "target", false },
	{ N_("指标值确定依据"), "basis", false },
};
#define ROW_COLS (sizeof row_columns / sizeof row_columns[0])

static bool
show_project(FILE *out, const struct jx_templates *t,
	     const struct jx_tproject *p)
{
	const struct jx_framework *def = jx_templates_default_framework(t);
	struct jx_table *tb;
	bool ok = true;

	fprintf(out, _("project template %s\n"), p->name);
	line(out, _("title"), p->title);
	line(out, _("framework"), p->framework ? p->framework
			: def ? def->name : NULL);
	line(out, _("from"), p->from);
	source_lines(out, t, p->where, p->overrode);
	if (!(tb = jx_table_new(row_columns, ROW_COLS, false, out)))
		return false;
	for (size_t i = 0; ok && i < p->n_rows; i++) {
		const struct jx_trow *r = &p->rows[i];
		const struct jx_tindicator *ind =
			jx_templates_indicator(t, r->name);
		const char *cells[ROW_COLS] = {
			r->level1, r->level2, r->name, ind ? ind->unit : NULL,
			r->target, r->basis };

		ok = jx_table_row(tb, cells);
	}
	jx_table_finish(tb);
	return ok;
}

static int
show_one(struct jx_cli *cli, const struct jx_templates *t, const char *name)
{
	const struct jx_framework *fw = jx_templates_framework(t, name);
	const struct jx_tproject *p = jx_templates_project(t, name);
	const struct jx_tindicator *ind = jx_templates_indicator(t, name);
	bool ok = true;

	if (!fw && !p && !ind)
		return jx_cli_failf(cli, _("no template is called '%s' (see"
					   " 'jixiao templates')"), name);
	/* A name may be used by one of each kind: show them all. */
	if (fw)
		show_framework(cli->out, t, fw);
	if (p) {
		if (fw)
			fputc('\n', cli->out);
		ok = show_project(cli->out, t, p);
	}
	if (ind) {
		if (fw || p)
			fputc('\n', cli->out);
		show_indicator(cli->out, t, ind);
	}
	return ok ? JX_EXIT_OK : jx_cli_failf(cli, "out of memory");
}

int
jx_cmd_templates(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 }
	};
	struct jx_templates t;
	bool tsv = false;
	int c, status;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't')
			return jx_cli_failf(cli, _("templates: unknown option"
						   " '%s'"), argv[optind - 1]);
		tsv = true;
	}
	if (argc - optind > 1)
		return jx_cli_failf(cli, _("templates: too many arguments"));
	if (argc - optind == 1 && tsv)
		return jx_cli_failf(cli, _("templates: --tsv is for the list,"
					   " not for one template"));
	if (!jx_cli_load_templates(cli, &t))
		return JX_EXIT_USAGE;
	status = argc - optind == 1 ? show_one(cli, &t, argv[optind])
				    : list_all(cli, &t, tsv);
	jx_templates_free(&t);
	return status;
}
