/*
 * conflict.c — two people, one record: the form's save found that the
 * record changed in the store since the form read it.
 *
 * Both versions are shown in the form itself: the user's text in each
 * field, the other version under every field where it differs. Then the
 * user keeps theirs (saved over the other, now that it has been seen),
 * takes the other (the form closes, nothing of theirs is written) or goes
 * back to editing. Nothing is ever overwritten without this choice.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/edit.h"

struct last_change {
	char who[64];
	char at[32];
};

static int
take_last(void *ctx, const struct jx_change_row *row)
{
	struct last_change *l = ctx;

	snprintf(l->who, sizeof l->who, "%s", row->who ? row->who : "");
	snprintf(l->at, sizeof l->at, "%s", row->at ? row->at : "");
	return 1;
}

static const char *
table_of(enum jx_rec_kind rec)
{
	return rec == JX_REC_YEAR ? "dept_year"
	       : rec == JX_REC_PROJECT ? "project" : "indicator";
}

/* Marks every field whose other version differs; returns how many. */
static size_t
mark_differences(struct jx_form *f, const struct jx_form *theirs)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++) {
		struct jx_field *fl = &f->fields[i];
		size_t k = jx_form_find(theirs, fl->def->key, fl->item);
		const char *other = k < theirs->n ? theirs->fields[k].value : "";

		fl->note[0] = '\0';
		if (strcmp(fl->value, other) == 0)
			continue;
		snprintf(fl->note, sizeof fl->note, _("other version: %s"),
			 other[0] ? other : _("(empty)"));
		fl->note_warning = true;
		n++;
	}
	return n;
}

static void
clear_notes(struct jx_form *f)
{
	for (size_t i = 0; i < f->n; i++)
		f->fields[i].note[0] = '\0';
}

/* Saves the form's record over the version now in the store. */
static enum jx_status
keep_mine(struct jx_app *app, struct jx_form *f, struct jx_edit_ctx *c,
	  const void *r, void *theirs, int64_t version, struct jx_error *err)
{
	int64_t v = version;
	enum jx_status rc;
	void *mine = jx_edit_new_record(c->rec);
	struct jx_findings found = { 0 };
	char what[200];

	if (!mine)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (c->rec == JX_REC_YEAR)
		rc = jx_store_save_year(app->st, f->record_id, &v, r, err);
	else if (c->rec == JX_REC_PROJECT)
		rc = jx_store_save_project(app->st, f->record_id, &v, r, err);
	else
		rc = jx_store_save_indicator(app->st, f->record_id, &v, r, err);
	/* The undo needs a record of its own: read the form again. */
	if (rc == JX_OK) {
		if (c->rec == JX_REC_YEAR)
			jx_form_to_year(f, mine, &found);
		else if (c->rec == JX_REC_PROJECT)
			jx_form_to_project(f, mine, &found);
		else
			jx_form_to_indicator(f, mine, &found);
		jx_findings_free(&found);
		snprintf(what, sizeof what, _("the edit of %s"), c->what);
		jx_undo_saved(app->undo, c->rec, f->record_id, theirs, mine, v,
			      what);
		c->saved_id = f->record_id;
		return JX_OK;
	}
	jx_edit_free_record(c->rec, mine);
	jx_edit_free_record(c->rec, theirs);
	return rc;
}

enum jx_status
jx_edit_conflict(struct jx_app *app, struct jx_form *f, struct jx_edit_ctx *c,
		 const void *r, struct jx_error *err)
{
	struct jx_log_filter lf = { .tbl = table_of(c->rec),
				    .record_id = f->record_id, .limit = 1,
				    .newest_first = true };
	struct last_change last = { "", "" };
	struct jx_rec_meta meta;
	struct jx_form theirs;
	void *other;
	jx_keycode key;

	jx_error_clear(err);
	if (jx_edit_load(app->st, c->rec, f->record_id, &other, &meta, NULL,
			 err) != JX_OK)
		return err->status;
	jx_store_log(app->st, &lf, take_last, &last, err);
	jx_form_init(&theirs, f->kind, f->ambiguous_wide);
	jx_edit_fill(&theirs, c->rec, other);
	mark_differences(f, &theirs);
	jx_form_free(&theirs);
	for (;;) {
		/* Short enough for 80 columns with a name and a time. */
		jx_app_message(app, true, _("Changed by %s %s: m keep mine ·"
					    " t take theirs · e edit"),
			       last.who, last.at);
		key = jx_app_key(app);
		if (key < 0 || key == 'e' || key == 'E' || key == 27)
			break;
		if (key == 'm' || key == 'M') {
			clear_notes(f);
			return keep_mine(app, f, c, r, other, meta.version,
					 err);
		}
		if (key == 't' || key == 'T') {
			clear_notes(f);
			jx_edit_free_record(c->rec, other);
			c->saved_id = f->record_id;
			snprintf(c->what + strlen(c->what),
				 sizeof c->what - strlen(c->what), "%s",
				 _(" — took the other version"));
			return JX_OK;
		}
	}
	app->message[0] = '\0';
	jx_edit_free_record(c->rec, other);
	return JX_CONFLICT;
}
