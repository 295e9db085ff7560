/*
 * checks_view.c — the framework checks (analysis/check.h) on the record
 * in view: when a project is selected its findings are listed under its
 * details and the indicator rows they concern are marked ⚠ in the
 * indicator pane. Only the selected project is checked, so the cost does
 * not grow with the size of the file.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/check.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "tui/app.h"

void
jx_checks_clear(struct jx_app *app)
{
	free(app->check_text);
	free(app->flagged);
	app->check_text = NULL;
	app->flagged = NULL;
	app->n_flagged = 0;
}

/* The findings as text and the rows they mark. */
static void
keep(struct jx_app *app, const struct jx_check_list *list)
{
	struct jx_strbuf text = JX_STRBUF_INIT;
	char line[600];

	if (list->n == 0)
		return;
	app->flagged = calloc(list->n, sizeof *app->flagged);
	snprintf(line, sizeof line, ngettext("Checks: %zu finding\n",
					     "Checks: %zu findings\n", list->n),
		 list->n);
	jx_strbuf_add(&text, line);
	for (size_t i = 0; i < list->n; i++) {
		const struct jx_check_finding *x = &list->v[i];
		snprintf(line, sizeof line, " ⚠ %s: %s\n",
			 jx_check_rule_id(x->rule), x->message);
		jx_strbuf_add(&text, line);
		if (app->flagged && x->indicator)
			app->flagged[app->n_flagged++] = x->indicator;
	}
	if (text.oom)
		jx_strbuf_free(&text);
	app->check_text = text.s;
}

void
jx_checks_load(struct jx_app *app, int64_t year_id, int64_t project_id)
{
	struct jx_doc head;
	struct jx_project p;
	struct jx_check_list list = { NULL, 0, 0 };
	struct jx_error err;
	const struct jx_framework *fw;
	bool known;

	jx_checks_clear(app);
	if (!jx_app_templates_ready(app) || !year_id || !project_id)
		return;
	jx_error_clear(&err);
	jx_doc_init(&head);
	memset(&p, 0, sizeof p);
	if (jx_store_get_year_head(app->st, year_id, &head, &err) == JX_OK &&
	    jx_store_get_project(app->st, project_id, &p, &err) == JX_OK &&
	    (fw = jx_templates_framework_for(app->templates, head.framework,
					     &known)) != NULL &&
	    jx_check_project(app->templates, fw, &head, &p, 0, &list, &err)
	    == JX_OK)
		keep(app, &list);
	jx_check_list_free(&list);
	jx_project_free(&p);
	jx_doc_free(&head);
}

bool
jx_checks_flagged(const struct jx_app *app, int64_t position)
{
	for (size_t i = 0; i < app->n_flagged; i++)
		if ((int64_t)app->flagged[i] == position)
			return true;
	return false;
}
