/*
 * drafts.c — nothing typed is lost when the connection drops.
 *
 * A form open when SIGHUP or SIGTERM arrives is stored in the database as
 * a draft (the form's fields, the record it edits and the version it read)
 * before the program exits. At the next start, the drafts of this user are
 * offered: reopened, the form has the text as it was; saving it goes
 * through the usual version check, so a record changed meanwhile shows a
 * conflict rather than being overwritten.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/edit.h"
#include "tui/term.h"

static const char *const kind_names[] = { "year", "project", "indicator" };

void
jx_drafts_keep_form(struct jx_app *app, const struct jx_form *f,
		    enum jx_rec_kind rec)
{
	struct jx_draft d = { 0 };
	struct jx_error err;
	char *body;
	size_t len;
	int64_t id;

	if (jx_form_pack(f, &body, &len) != JX_OK)
		return;
	d.kind = kind_names[rec];
	d.record_id = f->is_new ? 0 : f->record_id;
	d.parent_id = f->parent_id;
	d.after_id = f->after_id;
	d.base_version = f->version;
	d.body = body;
	d.body_len = len;
	jx_error_clear(&err);
	/* The terminal is going away: there is no one to tell if this
	 * fails, and the program exits either way. */
	jx_store_put_draft(app->st, &d, &id, &err);
	free(body);
}

struct found {
	struct jx_draft d;
	char *body, *at, *kind;
	bool any;
};

static void
found_free(struct found *x)
{
	free(x->body);
	free(x->at);
	free(x->kind);
}

static int
first_draft(void *ctx, const struct jx_draft *d)
{
	struct found *x = ctx;

	x->d = *d;
	x->body = malloc(d->body_len ? d->body_len : 1);
	x->at = strdup(d->at ? d->at : "");
	x->kind = strdup(d->kind ? d->kind : "");
	if (x->body)
		memcpy(x->body, d->body, d->body_len);
	/* The row's strings are the store's until the callback returns. */
	x->d.body = x->body;
	x->d.at = x->at;
	x->d.kind = x->kind;
	x->d.who = NULL;
	x->any = x->body && x->at && x->kind;
	return 1;
}

static enum jx_rec_kind
kind_of(const char *name)
{
	for (int k = 0; k < 3; k++)
		if (strcmp(kind_names[k], name ? name : "") == 0)
			return (enum jx_rec_kind)k;
	return JX_REC_INDICATOR;
}

/* Opens the draft's form, filled from the record as it is now and then
 * with the draft's text, and runs it as any form (a save checks the
 * version the draft was read at). */
static void
reopen(struct jx_app *app, const struct jx_draft *d)
{
	enum jx_rec_kind rec = kind_of(d->kind);
	struct jx_edit_ctx c = { .rec = rec };
	struct jx_rec_meta meta;
	struct jx_error err;
	struct jx_form f;

	jx_error_clear(&err);
	jx_form_init(&f, rec == JX_REC_YEAR ? JX_FORM_YEAR
		     : rec == JX_REC_PROJECT ? JX_FORM_PROJECT
		     : JX_FORM_INDICATOR, app->ambiguous_wide);
	f.is_new = d->record_id == 0;
	f.record_id = d->record_id;
	f.parent_id = d->parent_id;
	f.after_id = d->after_id;
	f.version = d->base_version;
	if (!f.is_new && jx_edit_load(app->st, rec, d->record_id, &c.before,
				      &meta, NULL, &err) != JX_OK) {
		/* Deleted meanwhile: what was typed can still be added. */
		f.is_new = true;
		f.record_id = 0;
	}
	if (c.before)
		jx_edit_describe(rec, c.before, c.what, sizeof c.what);
	else
		snprintf(c.what, sizeof c.what, "%s", _("a new record"));
	snprintf(f.title, sizeof f.title, _("Draft kept %s · %s"), d->at,
		 c.what);
	jx_utf8_drop_cut(f.title);
	if (jx_edit_fill(&f, rec, c.before) == JX_OK &&
	    jx_form_unpack(&f, d->body, d->body_len) == JX_OK)
		jx_edit_run_form(app, &f, &c);
	jx_form_free(&f);
	jx_edit_free_record(rec, c.before);
}

/* Asks about one draft: true when it was dealt with (reopened or
 * thrown away) and should be deleted. */
static bool
ask(struct jx_app *app, const struct jx_draft *d)
{
	for (;;) {
		jx_keycode key;

		jx_app_message(app, false, _("Draft (%s, %s): Enter reopen"
					     " · d throw away · Esc later"),
			       d->kind, d->at);
		key = jx_app_key(app);
		app->message[0] = '\0';
		if (key < 0 || key == 27)
			return false;
		if (key == 13) {
			reopen(app, d);
			return true;
		}
		if ((key == 'd' || key == 'D') &&
		    jx_app_confirm(app, _("Throw the draft away?")))
			return true;
	}
}

void
jx_drafts_offer(struct jx_app *app)
{
	struct jx_error err;

	if (app->readonly)
		return;
	/* A reopened form is saved as any other, into the session's undo,
	 * which the editing keys would otherwise only create later. */
	if (!app->undo && !(app->undo = jx_undo_new()))
		return;
	for (int shown = 0; shown < 100; shown++) {
		struct found x = { .any = false };

		jx_error_clear(&err);
		if (jx_store_drafts(app->st, jx_store_user(app->st),
				    first_draft, &x, &err) != JX_OK ||
		    !x.any) {
			found_free(&x);
			return;
		}
		if (!ask(app, &x.d)) {
			found_free(&x);
			return;
		}
		/* Reopened (and saved, closed or kept again as a new
		 * draft) or thrown away: this one is done. */
		jx_store_delete_draft(app->st, x.d.id, &err);
		found_free(&x);
		if (jx_term_should_stop())
			return;
	}
}
