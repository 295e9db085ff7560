/*
 * cli_templates.h — loading the indicator templates for a command: the
 * shipped ones (data/templates under jx_data_root) and the user's
 * ($XDG_CONFIG_HOME/jixiao/templates).
 */
#ifndef JX_CLI_CLI_TEMPLATES_H
#define JX_CLI_CLI_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"
#include "core/template.h"

/* The shipped template directory, into buf. */
void jx_cli_shipped_templates(char *buf, size_t size);

/* Loads the set into t. On a mistake prints every one as
 * file:line:column: message, then which files to fix, and returns false
 * (t is then empty). */
bool jx_cli_load_templates(struct jx_cli *cli, struct jx_templates *t);

/* Prints what jx_templates_load returned: every mistake in errors, then,
 * when rc is not JX_OK, which files to fix (shipped: the shipped
 * directory, named when no file is). */
void jx_cli_report_templates(struct jx_cli *cli, enum jx_status rc,
			     const struct jx_errlist *errors,
			     const char *shipped);

#endif
