/*
 * main.c — jixiao's entry point: global options, then one subcommand.
 *
 *   jixiao [--db FILE] [-r] COMMAND [ARGS]
 *
 * The database comes from --db, else $JIXIAO_DB, else the XDG data
 * directory. Exit codes: 0 ok, 1 findings, 2 usage or input error.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/term_out.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "dev"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/share/locale"
#endif

static void
usage(struct jx_cli *cli, FILE *to)
{
	int width = 0;  /* of the longest command name */

	fprintf(to, _("Usage: %s [--db FILE] [-r] [COMMAND [ARGS]]\n"
		      "Browse and edit budget performance targets"
		      " (预算绩效目标表).\n"
		      "Without a COMMAND, opens the full-screen interface.\n\n"
		      "Options:\n"
		      "  --db FILE          the database (default: $JIXIAO_DB,"
		      " else $XDG_DATA_HOME/jixiao/jixiao.db)\n"
		      "  -r, --read-only    open the database read-only\n"
		      "  --keymap FILE      key bindings that override the"
		      " default ones\n"
		      "  --ambiguous-wide   draw ≥ ≤ ① … as two columns (CJK"
		      " terminals)\n"
		      "  -h, --help         show this help\n"
		      "  -V, --version      show the version\n\n"
		      "Commands:\n"), cli->prog);
	for (const struct jx_command *c = jx_commands; c->name; c++)
		if ((int)strlen(c->name) > width)
			width = (int)strlen(c->name);
	for (const struct jx_command *c = jx_commands; c->name; c++)
		fprintf(to, "  %-*s  %s\n", width, c->name, _(c->summary));
	fprintf(to, _("\nRun '%s COMMAND --help' for a command's options.\n"),
		cli->prog);
}

static const char *keymap_path;   /* --keymap FILE */
static bool ambiguous_wide;        /* --ambiguous-wide */

int jx_cmd_tui(struct jx_cli *cli, const char *keymap, bool wide);

/* Parses the options before COMMAND; returns the index of COMMAND, or -1
 * when the program should exit with *status. */
static int
global_options(struct jx_cli *cli, int argc, char **argv, int *status)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "read-only", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "keymap", required_argument, NULL, 'k' },
		{ "ambiguous-wide", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:rhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': cli->db_path = optarg; break;
		case 'r': cli->readonly = true; break;
		case 'k': keymap_path = optarg; break;
		case 'w': ambiguous_wide = true; break;
		case 'h': usage(cli, cli->out); *status = 0; return -1;
		case 'V':
			fprintf(cli->out, "jixiao %s\n", PACKAGE_VERSION);
			*status = 0;
			return -1;
		case ':':
			*status = jx_cli_failf(cli, _("option '%s' needs a"
						      " value: %s FILE"),
					       argv[optind - 1],
					       argv[optind - 1]);
			return -1;
		default:
			*status = jx_cli_failf(cli, _("unknown option '%s'"
						      " (see --help)"),
					       argv[optind - 1]);
			return -1;
		}
	}
	return optind;
}

/* Runs cmd. On a terminal its output goes through term_out, which shows
 * a control character held by a record (from a file another program
 * wrote) instead of letting the terminal act on it. */
static int
run_command(struct jx_cli *cli, const struct jx_command *cmd, int argc,
	    char **argv)
{
	FILE *out = NULL, *err = NULL;
	int status;

	if (isatty(STDOUT_FILENO) && (out = jx_term_out_open(stdout)))
		cli->out = out;
	if (isatty(STDERR_FILENO) && (err = jx_term_out_open(stderr)))
		cli->err = err;
	optind = 0;  /* glibc: start the command's own getopt afresh */
	status = cmd->run(cli, argc, argv);
	if (out)
		fclose(out);
	if (err)
		fclose(err);
	return status;
}

int
main(int argc, char **argv)
{
	struct jx_cli cli = { "jixiao", NULL, false, stdout, stderr };
	const struct jx_command *cmd;
	int status = 0, first;

	/* Only what the program takes from the environment's locale: the
	 * character set (wide characters, widths, curses) and the language
	 * of messages. Numbers, dates and sorting stay "C", so what a script
	 * reads does not depend on the user's locale; and each category set
	 * here is a file loaded at every start. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	cli.db_path = getenv("JIXIAO_DB");
	if (cli.db_path && !*cli.db_path)
		cli.db_path = NULL;
	first = global_options(&cli, argc, argv, &status);
	if (first < 0)
		return status;
	if (first >= argc) {
		const char *amb = getenv("JIXIAO_AMBIGUOUS_WIDE");
		return jx_cmd_tui(&cli, keymap_path, ambiguous_wide ||
				  (amb && *amb && *amb != '0'));
	}
	cmd = jx_cli_find(argv[first]);
	if (!cmd)
		return jx_cli_failf(&cli, _("unknown command '%s' (see"
					    " '%s --help')"), argv[first],
				    cli.prog);
	if (jx_cli_common_option(&cli, cmd, argc - first, argv + first))
		return 0;
	return run_command(&cli, cmd, argc - first, argv + first);
}
