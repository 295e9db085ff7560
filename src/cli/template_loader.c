/*
 * template_loader.c — reading the templates on a second thread
 * (template_loader.h).
 *
 * The thread only reads files and builds l->set and l->errors; nothing
 * else is shared with it, and everything it made is read only after
 * pthread_join, which orders its writes before those reads.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <pthread.h>
#include <stdlib.h>

#include "cli/cli_templates.h"
#include "cli/paths.h"
#include "cli/template_loader.h"
#include "io/template_read.h"

struct jx_template_loader {
	char shipped[4096], user[4096];
	bool has_user;
	pthread_t thread;
	bool threaded;     /* thread started and not yet joined */
	struct jx_templates set;
	struct jx_errlist errors;
	enum jx_status status;
};

static void *
load(void *arg)
{
	struct jx_template_loader *l = arg;

	l->status = jx_templates_load(&l->set, l->shipped,
				      l->has_user ? l->user : NULL,
				      &l->errors);
	return NULL;
}

static void
wait_for(struct jx_template_loader *l)
{
	if (l->threaded) {
		pthread_join(l->thread, NULL);
		l->threaded = false;
	}
}

struct jx_template_loader *
jx_template_loader_start(void)
{
	struct jx_template_loader *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	jx_cli_shipped_templates(l->shipped, sizeof l->shipped);
	l->has_user = jx_user_templates_dir(l->user, sizeof l->user);
	jx_templates_init(&l->set);
	jx_errlist_init(&l->errors);
	l->threaded = pthread_create(&l->thread, NULL, load, l) == 0;
	if (!l->threaded)
		load(l);
	return l;
}

bool
jx_template_loader_await(void *loader, const struct jx_templates **out)
{
	struct jx_template_loader *l = loader;

	wait_for(l);
	*out = l->status == JX_OK ? &l->set : NULL;
	return l->status == JX_OK;
}

bool
jx_template_loader_report(struct jx_cli *cli, struct jx_template_loader *l)
{
	wait_for(l);
	jx_cli_report_templates(cli, l->status, &l->errors, l->shipped);
	return l->status == JX_OK;
}

void
jx_template_loader_free(struct jx_template_loader *l)
{
	if (!l)
		return;
	wait_for(l);
	jx_templates_free(&l->set);
	jx_errlist_free(&l->errors);
	free(l);
}
