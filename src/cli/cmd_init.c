/*
 * cmd_init.c — `jixiao init [--samples | --demo]`: create (or migrate) the
 * database and optionally import the sample tables shipped with jixiao
 * (and, with --demo, the fictional second year for trying comparison).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "cli/import_files.h"
#include "cli/paths.h"

int jx_cmd_init(struct jx_cli *cli, int argc, char **argv);

/* Imports the YAML files of data/DIR (samples, demo); those already there
 * are left alone, so running the set-up command twice is harmless. */
static int
import_dir(struct jx_cli *cli, struct jx_store *st, const char *dir)
{
	struct jx_import_opts opts = { false, true, NULL };
	char pattern[4096];
	glob_t g;
	int status;

	snprintf(pattern, sizeof pattern, "%s/data/%s/*.yaml",
		 jx_data_root(), dir);
	if (glob(pattern, 0, NULL, &g) != 0 || g.gl_pathc == 0) {
		globfree(&g);
		return jx_cli_failf(cli, _("no files found (%s); set"
					   " JIXIAO_DATADIR to the directory"
					   " that holds data/%s"),
				    pattern, dir);
	}
	status = jx_import_files(cli, st, g.gl_pathv, (int)g.gl_pathc, &opts);
	globfree(&g);
	return status;
}

int
jx_cmd_init(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "samples", no_argument, NULL, 's' },
		{ "demo", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	bool samples = false, demo = false;
	struct jx_store *st;
	int c, status = JX_EXIT_OK;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 's')
			samples = true;
		else if (c == 'd')
			samples = demo = true;
		else
			return jx_cli_failf(cli, _("init: unknown option '%s'"),
					    argv[optind - 1]);
	}
	if (optind < argc)
		return jx_cli_failf(cli, _("init: unexpected argument '%s'"),
				    argv[optind]);
	if (cli->readonly)
		return jx_cli_failf(cli, _("init writes to the database; it"
					   " cannot run with --read-only"));
	st = jx_cli_open(cli, JX_CLI_WRITE);
	if (!st)
		return JX_EXIT_USAGE;
	fprintf(cli->out, _("database %s is ready (schema %d)\n"),
		jx_store_path(st), jx_store_schema_version());
	if (samples)
		status = import_dir(cli, st, "samples");
	if (demo && status == JX_EXIT_OK)
		status = import_dir(cli, st, "demo");
	jx_store_close(st);
	return status;
}
