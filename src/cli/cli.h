/*
 * cli.h — what the subcommands share: the parsed global options, the
 * command table and the exit codes.
 */
#ifndef JX_CLI_CLI_H
#define JX_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/error.h"
#include "core/i18n.h"
#include "store/store.h"

enum jx_exit {
	JX_EXIT_OK = 0,
	JX_EXIT_FINDINGS = 1,   /* the command ran and found something */
	JX_EXIT_USAGE = 2       /* usage, input or database error */
};

struct jx_cli {
	const char *prog;       /* argv[0] as shown in messages: "jixiao" */
	const char *db_path;    /* --db, $JIXIAO_DB, or NULL for the default */
	bool readonly;          /* -r/--read-only */
	FILE *out;
	FILE *err;
};

struct jx_command {
	const char *name;
	int (*run)(struct jx_cli *cli, int argc, char **argv);
	const char *args;       /* "[--replace] FILE…" */
	const char *summary;    /* one line */
	const char *help;       /* the rest of --help, may be NULL */
};

extern const struct jx_command jx_commands[];

/* Prints "jixiao: message" to cli->err; returns JX_EXIT_USAGE. */
int jx_cli_fail(struct jx_cli *cli, const struct jx_error *err);
int jx_cli_failf(struct jx_cli *cli, const char *fmt, ...) JX_PRINTF(2, 3);

/* Handles --help/-h and --version/-V for a command (as its only option
 * check before its own parsing): returns 1 when it printed and the command
 * should exit 0, else 0. */
int jx_cli_common_option(struct jx_cli *cli, const struct jx_command *cmd,
			 int argc, char **argv);
void jx_cli_usage(struct jx_cli *cli, const struct jx_command *cmd,
		  FILE *to);
const struct jx_command *jx_cli_find(const char *name);

/* Opens the database for a command that reads (creating the default file
 * on first use) or writes (creating any file). Prints the error itself. */
enum jx_cli_access { JX_CLI_READ, JX_CLI_WRITE };
struct jx_store *jx_cli_open(struct jx_cli *cli, enum jx_cli_access access);

/* Parses a year argument (1900..2999); prints and returns false if bad. */
bool jx_cli_year(struct jx_cli *cli, const char *text, int *year);

/* Resolves DEPT [YEAR [PROJECT]] arguments to ids (0 where not given). */
struct jx_selection {
	int64_t department_id;
	int64_t dept_year_id;
	int64_t project_id;
};
bool jx_cli_select(struct jx_cli *cli, struct jx_store *st, int argc,
		   char **argv, struct jx_selection *sel);

#endif
