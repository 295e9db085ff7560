/*
 * commands.c — the table of subcommands and what they share: usage and
 * --help/--version, error printing, opening the database, and turning
 * DEPT YEAR PROJECT arguments into records.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/paths.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "dev"
#endif

int jx_cmd_init(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_import(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_export(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_ls(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_show(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_stats(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_compare(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_search(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_log(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_check(struct jx_cli *cli, int argc, char **argv);
int jx_cmd_templates(struct jx_cli *cli, int argc, char **argv);

/* Option help is aligned at column 18, like the common -h/-V lines. */
const struct jx_command jx_commands[] = {
	{ "init", jx_cmd_init, "[--samples | --demo]",
	  N_("Create the database (and import the bundled samples)"),
	  N_("  --samples       also import the sample tables shipped with"
	     " jixiao\n"
	     "  --demo          the samples and a fictional second year of"
	     " 441001,\n"
	     "                  for trying the comparison of years\n") },
	{ "import", jx_cmd_import, "[--replace] [--encoding ENC] FILE...",
	  N_("Import department-year YAML files, all or nothing"),
	  N_("  --replace       replace a department-year that is already there\n"
	     "  --encoding ENC  the files are in ENC (e.g. GB18030), not UTF-8\n") },
	{ "export", jx_cmd_export,
	  "[--dept DEPT] [--year YEAR] [-o FILE | -d DIR]",
	  N_("Write department-years as YAML (stdout, a file or a directory)"),
	  N_("  --dept DEPT     only this department (code, name or part of it)\n"
	     "  --year YEAR     only this year\n"
	     "  -o FILE         write the one selected department-year to FILE\n"
	     "  -d DIR          write one file per department-year into DIR\n") },
	{ "ls", jx_cmd_ls, "[--tsv] [DEPT [YEAR [PROJECT]]]",
	  N_("List departments, a department's years, projects or indicators"),
	  N_("  --tsv           tab-separated output with a header line\n") },
	{ "show", jx_cmd_show, "[--tsv] DEPT YEAR PROJECT",
	  N_("Show one project in full, laid out like the published table"),
	  N_("  --tsv           field<TAB>value lines, then the indicator rows\n") },
	{ "stats", jx_cmd_stats, "[--tsv] [DEPT]",
	  N_("Projects, indicator rows and budget per department-year"),
	  N_("  --tsv           tab-separated output with a header line\n") },
	{ "compare", jx_cmd_compare,
	  "[--indicators] [--tsv] DEPT YEAR_A YEAR_B | --all YEAR_A YEAR_B",
	  N_("What changed between two years: projects, budgets, targets"),
	  N_("  --indicators    also each matched project's indicators with"
	     " both targets\n"
	     "                  and a verdict (更严 stricter, 更松 looser, 相同"
	     " same,\n"
	     "                  改写 reworded, 类型变化 changed kind)\n"
	     "  --all           one summary row per department that has both"
	     " years\n"
	     "  --tsv           tab-separated output with a header line\n") },
	{ "search", jx_cmd_search, "[--count] [--limit N] TEXT",
	  N_("Indicators anywhere whose name, target, description or basis"
	     " contains TEXT"),
	  N_("  --count         print only how many (exit 1 when none)\n"
	     "  --limit N       stop after N hits\n"
	     "Hits are printed as they are found, tab-separated, with a header"
	     " line.\n") },
	{ "log", jx_cmd_log,
	  "[--tsv] [--who NAME] [--since DATE] [--limit N] [--newest]"
	  " [DEPT [YEAR [PROJECT]]]",
	  N_("The change log: who changed what and when"),
	  N_("  --who NAME      only the changes NAME made\n"
	     "  --since DATE    only changes from DATE on (2026-01-31, or"
	     " 2026-01-31T08:00)\n"
	     "  --limit N       only the N latest changes\n"
	     "  --newest        newest first (the default is oldest first)\n"
	     "  --tsv           tab-separated, with a header line and the full"
	     " text\n"
	     "With PROJECT, its indicators' changes are included. Times are"
	     " UTC.\n") },
	{ "check", jx_cmd_check, "[--tsv] [DEPT [YEAR]]",
	  N_("Check projects against the indicator framework and library"),
	  N_("  --tsv           tab-separated output with a header line\n"
	     "Rules: missing-level2, empty-level2 (only placeholders such as"
	     " 无),\n"
	     "missing-level1, unknown-level1, unknown-level2, unit (a target"
	     " that does\n"
	     "not fit the library's unit), framework. Exit 1 when anything is"
	     " found.\n") },
	{ "templates", jx_cmd_templates, "[--tsv] [NAME]",
	  N_("List the indicator templates and their files, or show one"),
	  N_("  --tsv           tab-separated output with a header line\n"
	     "Templates are read from the shipped data/templates and then"
	     " from\n"
	     "$XDG_CONFIG_HOME/jixiao/templates (~/.config/jixiao/templates);"
	     " a user\n"
	     "template with the name of a shipped one overrides it.\n") },
	{ NULL, NULL, NULL, NULL, NULL }
};

const struct jx_command *
jx_cli_find(const char *name)
{
	for (const struct jx_command *c = jx_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void
jx_cli_usage(struct jx_cli *cli, const struct jx_command *cmd, FILE *to)
{
	fprintf(to, _("Usage: %s [--db FILE] [-r] %s %s\n%s.\n"), cli->prog,
		cmd->name, cmd->args, _(cmd->summary));
	if (strstr(cmd->args, "DEPT"))
		fprintf(to, _("\nDEPT is a department code, its name or a part"
			      " of the name that matches one department.\n"));
	if (strstr(cmd->args, "PROJECT"))
		fprintf(to, _("PROJECT is a project code, its position in the"
			      " year's list (1, 2, ...), its name or a part of"
			      " it.\n"));
	fprintf(to, _("\nOptions:\n"));
	if (cmd->help)
		fprintf(to, "%s", _(cmd->help));
	fprintf(to, _("  -h, --help      show this help\n"
		      "  -V, --version   show the version\n"));
}

int
jx_cli_common_option(struct jx_cli *cli, const struct jx_command *cmd,
		     int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			jx_cli_usage(cli, cmd, cli->out);
			return 1;
		}
		if (strcmp(argv[i], "--version") == 0 ||
		    strcmp(argv[i], "-V") == 0) {
			fprintf(cli->out, "jixiao %s %s\n", cmd->name,
				PACKAGE_VERSION);
			return 1;
		}
	}
	return 0;
}

int
jx_cli_fail(struct jx_cli *cli, const struct jx_error *err)
{
	char buf[JX_ERR_MSG + JX_ERR_FILE + 64];

	jx_error_format(err, buf, sizeof buf);
	fprintf(cli->err, "%s: %s\n", cli->prog, buf);
	return JX_EXIT_USAGE;
}

int
jx_cli_failf(struct jx_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(cli->err, "%s: ", cli->prog);
	va_start(ap, fmt);
	vfprintf(cli->err, fmt, ap);
	va_end(ap);
	fputc('\n', cli->err);
	return JX_EXIT_USAGE;
}

struct jx_store *
jx_cli_open(struct jx_cli *cli, enum jx_cli_access access)
{
	char fallback[4096];
	const char *path = cli->db_path;
	enum jx_open_mode mode = access == JX_CLI_WRITE ? JX_OPEN_CREATE
							: JX_OPEN_WRITE;
	struct jx_store *st = NULL;
	struct jx_error err;

	jx_error_clear(&err);
	if (!path) {
		/* The default database is made on first use; a path the user
		 * typed is only created by commands that write. */
		if (!jx_default_db(fallback, sizeof fallback) ||
		    !jx_make_parent_dirs(fallback)) {
			jx_cli_failf(cli, _("no place for the default database"
					    " (set HOME, XDG_DATA_HOME or use"
					    " --db FILE)"));
			return NULL;
		}
		path = fallback;
		mode = JX_OPEN_CREATE;
	}
	if (cli->readonly)
		mode = JX_OPEN_READONLY;
	if (jx_store_open(path, mode, &st, &err) != JX_OK) {
		jx_cli_fail(cli, &err);
		return NULL;
	}
	return st;
}

bool
jx_cli_year(struct jx_cli *cli, const char *text, int *year)
{
	char *end;
	long y = strtol(text, &end, 10);

	if (*text == '\0' || *end != '\0' || y < 1900 || y > 2999) {
		jx_cli_failf(cli, _("'%s' is not a year (1900..2999)"), text);
		return false;
	}
	*year = (int)y;
	return true;
}

struct years_ctx {
	char list[256];
	char name[256];
};

static int
collect_year(void *data, const struct jx_year_row *row)
{
	struct years_ctx *ctx = data;
	size_t len = strlen(ctx->list);

	snprintf(ctx->name, sizeof ctx->name, "%s", row->dept_name);
	if (len + 8 < sizeof ctx->list)
		snprintf(ctx->list + len, sizeof ctx->list - len, "%s%d",
			 len ? ", " : "", row->year);
	return 0;
}

/* "西山街道办事处 has no year 2020 on file (it has: 2021)". */
static void
year_not_found(struct jx_cli *cli, struct jx_store *st, int64_t dept_id,
	       int year)
{
	struct years_ctx ctx = { "", "" };
	struct jx_error err;

	jx_error_clear(&err);
	jx_store_years(st, dept_id, collect_year, &ctx, &err);
	jx_cli_failf(cli, _("%s has no year %d on file (years on file: %s)"),
		     ctx.name, year, ctx.list[0] ? ctx.list : _("none"));
}

bool
jx_cli_select(struct jx_cli *cli, struct jx_store *st, int argc,
	      char **argv, struct jx_selection *sel)
{
	struct jx_error err;
	int year;

	jx_error_clear(&err);
	*sel = (struct jx_selection){ 0, 0, 0 };
	for (int i = 0; i < argc && i < 3; i++)
		if (!*argv[i])
			return jx_cli_failf(cli, _("an empty %s was given"),
					    i == 0 ? "DEPT" : i == 1 ? "YEAR"
					    : "PROJECT"), false;
	if (argc >= 1 &&
	    jx_store_find_department(st, argv[0], &sel->department_id, &err))
		return jx_cli_fail(cli, &err), false;
	if (argc >= 2 && !jx_cli_year(cli, argv[1], &year))
		return false;
	if (argc >= 2 && jx_store_find_year(st, sel->department_id, year,
					    &sel->dept_year_id, &err))
		return year_not_found(cli, st, sel->department_id, year), false;
	if (argc >= 3 && jx_store_find_project(st, sel->dept_year_id, argv[2],
					       &sel->project_id, &err))
		return jx_cli_fail(cli, &err), false;
	return true;
}
