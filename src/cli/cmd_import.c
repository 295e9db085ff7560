/*
 * cmd_import.c — `jixiao import [--replace] [--encoding ENC] FILE...`.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <iconv.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/import_files.h"

int jx_cmd_import(struct jx_cli *cli, int argc, char **argv);

/* The database file did not exist before this command: if the import
 * fails, the file the command created is removed again, so that a failed
 * first import leaves nothing behind. */
static void
remove_new_db(const char *path)
{
	char side[4096];

	if (!path)
		return;
	remove(path);
	snprintf(side, sizeof side, "%s-wal", path);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", path);
	remove(side);
}

static bool
encoding_known(const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);

	if (cd == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

int
jx_cmd_import(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "replace", no_argument, NULL, 'R' },
		{ "encoding", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct jx_import_opts opts = { false, false, NULL };
	struct jx_store *st;
	struct stat sb;
	bool existed;
	int c, status;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'R')
			opts.replace = true;
		else if (c == 'e')
			opts.encoding = optarg;
		else
			return jx_cli_failf(cli, _("import: unknown option '%s'"
						   " (see 'jixiao import"
						   " --help')"),
					    argv[optind - 1]);
	}
	if (optind >= argc)
		return jx_cli_failf(cli, _("import: no FILE given (see"
					   " 'jixiao import --help')"));
	if (cli->readonly)
		return jx_cli_failf(cli, _("import writes to the database; it"
					   " cannot run with --read-only"));
	if (opts.encoding && !encoding_known(opts.encoding))
		return jx_cli_failf(cli, _("import: unknown encoding '%s' (try"
					   " GB18030, GBK or UTF-8)"),
				    opts.encoding);
	existed = !cli->db_path || stat(cli->db_path, &sb) == 0;
	st = jx_cli_open(cli, JX_CLI_WRITE);
	if (!st)
		return JX_EXIT_USAGE;
	status = jx_import_files(cli, st, argv + optind, argc - optind, &opts);
	jx_store_close(st);
	if (status != JX_EXIT_OK && !existed)
		remove_new_db(cli->db_path);
	return status;
}
