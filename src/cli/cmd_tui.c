/*
 * cmd_tui.c — `jixiao` with no command: load the keymap, check the locale
 * and the database, all before curses starts, so that every problem is a
 * plain message on the normal screen; then open the full-screen interface.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/template_loader.h"
#include "tui/replay.h"
#include "tui/term.h"
#include "tui/tui.h"

int jx_cmd_tui(struct jx_cli *cli, const char *keymap_path,
	       bool ambiguous_wide);

/* The user's keymap: --keymap FILE, else $XDG_CONFIG_HOME/jixiao/
 * keymap.yaml (or ~/.config/…) when it exists. */
static const char *
user_keymap(const char *given, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (given)
		return given;
	if (xdg && *xdg == '/')
		snprintf(buf, size, "%s/jixiao/keymap.yaml", xdg);
	else if (home && *home)
		snprintf(buf, size, "%s/.config/jixiao/keymap.yaml", home);
	else
		return NULL;
	return access(buf, F_OK) == 0 ? buf : NULL;
}

/* Builtin bindings, then the user's; any error stops the program. */
static struct jx_keymap *
load_keymap(struct jx_cli *cli, const char *given)
{
	struct jx_keymap *km = jx_keymap_new();
	struct jx_errlist errors;
	char buf[4096];
	const char *path = user_keymap(given, buf, sizeof buf);
	enum jx_status rc;

	if (!km) {
		jx_cli_failf(cli, "out of memory");
		return NULL;
	}
	jx_errlist_init(&errors);
	rc = jx_keymap_load_builtin(km, &errors);
	if (rc == JX_OK && path)
		rc = jx_keymap_load_file(km, path, &errors);
	for (size_t i = 0; i < errors.count; i++)
		jx_cli_fail(cli, &errors.items[i]);
	jx_errlist_free(&errors);
	if (rc != JX_OK) {
		jx_cli_failf(cli, _("the keymap %s has errors; not starting"),
			     path ? path : _("(built in)"));
		jx_keymap_free(km);
		return NULL;
	}
	return km;
}

int
jx_cmd_tui(struct jx_cli *cli, const char *keymap_path, bool ambiguous_wide)
{
	struct jx_tui_opts opts = { ambiguous_wide, NULL, NULL, NULL };
	struct jx_template_loader *templates;
	char notice[512] = "";
	struct jx_keymap *km;
	struct jx_store *st;
	struct jx_error err;
	int status;

	jx_error_clear(&err);
	if (jx_replay_init(&err) != JX_OK)
		return jx_cli_fail(cli, &err);
	if (!jx_replay_active() &&
	    (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return jx_cli_failf(cli, _("the full-screen interface needs a"
					   " terminal; see '%s --help' for the"
					   " commands"), cli->prog);
	if (!jx_term_locale(notice, sizeof notice))
		return jx_cli_failf(cli, "%s", notice);
	/* Templates drive the picker and the checks: they are read while the
	 * rest starts, and a mistake in one stops the start before the first
	 * frame (a half-read set would show wrong findings). */
	if (!(templates = jx_template_loader_start()))
		return jx_cli_failf(cli, "out of memory");
	if (!(km = load_keymap(cli, keymap_path))) {
		jx_template_loader_free(templates);
		return JX_EXIT_USAGE;
	}
	if (!(st = jx_cli_open(cli, JX_CLI_READ))) {
		jx_template_loader_free(templates);
		jx_keymap_free(km);
		return JX_EXIT_USAGE;
	}
	opts.notice = notice[0] ? notice : NULL;
	opts.await_templates = jx_template_loader_await;
	opts.templates_ctx = templates;
	status = jx_tui_run(st, km, &opts);
	jx_store_close(st);
	/* On the normal screen again: the templates' mistakes, if any. */
	if (!jx_template_loader_report(cli, templates))
		status = JX_EXIT_USAGE;
	jx_template_loader_free(templates);
	jx_keymap_free(km);
	return status;
}
