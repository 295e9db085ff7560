/*
 * template_loader.h — the templates read on a second thread while the
 * interface starts.
 *
 * Reading the template files (libyaml) takes about as long as everything
 * else before the first frame; on a machine with two cores the two overlap.
 * The interface waits for the set where it first needs it, before its
 * first frame, so it still never shows a frame from a half-read set.
 */
#ifndef JX_CLI_TEMPLATE_LOADER_H
#define JX_CLI_TEMPLATE_LOADER_H

#include <stdbool.h>

#include "cli/cli.h"
#include "core/template.h"

struct jx_template_loader;

/* Starts reading the shipped and the user's templates (the directories are
 * worked out here, on the calling thread). When no thread can be made they
 * are read at once. NULL only when out of memory. */
struct jx_template_loader *jx_template_loader_start(void);

/* Waits for the reading to end. true with *out set to the set (owned by
 * the loader) when it read without mistakes; false otherwise. Fits
 * jx_tui_opts.await_templates. */
bool jx_template_loader_await(void *loader, const struct jx_templates **out);

/* Waits, then prints the mistakes (as jx_cli_load_templates does) and
 * returns false when there were any. Call once the terminal is back to
 * normal, so the messages stay on the screen. */
bool jx_template_loader_report(struct jx_cli *cli,
			       struct jx_template_loader *l);

/* Waits and frees. NULL is accepted. */
void jx_template_loader_free(struct jx_template_loader *l);

#endif
