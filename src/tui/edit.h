/*
 * edit.h — what edit.c, conflict.c, history.c, drafts.c and grid.c share:
 * loading records for forms and the context of a form being saved.
 * Not for other layers.
 */
#ifndef JX_TUI_EDIT_H
#define JX_TUI_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store_edit.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/undo.h"

/* A form being saved: which kind of record, the record as it was read
 * (for undo; the undo takes it on a save), what it is called. */
struct jx_edit_ctx {
	enum jx_rec_kind rec;
	void *before;
	char what[160];
	int64_t saved_id;     /* set on a save */
};

enum jx_rec_kind jx_edit_pane_rec(enum jx_pane p);
void *jx_edit_new_record(enum jx_rec_kind rec);
void jx_edit_free_record(enum jx_rec_kind rec, void *r);
/* Reads a record (malloc'd into *out) with its meta; ids as
 * jx_store_load_project (may be NULL). */
enum jx_status jx_edit_load(struct jx_store *st, enum jx_rec_kind rec,
			    int64_t id, void **out, struct jx_rec_meta *meta,
			    int64_t **ids, struct jx_error *err);
void jx_edit_describe(enum jx_rec_kind rec, const void *r, char *buf,
		      size_t size);
enum jx_status jx_edit_fill(struct jx_form *f, enum jx_rec_kind rec,
			    const void *r);
/* Level 1 and level 2 of indicator id into a new indicator's form. */
void jx_edit_prefill_levels(struct jx_app *app, struct jx_form *f,
			    int64_t id);
void jx_edit_run_form(struct jx_app *app, struct jx_form *f,
		      struct jx_edit_ctx *c);
/* A blank form (titled title, or by kind when NULL) adding a record after
 * the focused one; the new id, or 0 when nothing was added. */
int64_t jx_edit_add(struct jx_app *app, enum jx_rec_kind rec,
		    const char *title);
void jx_edit_show(struct jx_app *app, enum jx_rec_kind rec, int64_t id);

/* conflict.c: the record changed in the store since the form read it.
 * Shows the other version under each field that differs and lets the
 * user keep theirs (saved over it), take the other (the form closes) or
 * go back to editing (JX_CONFLICT). r is the form's record (not taken). */
enum jx_status jx_edit_conflict(struct jx_app *app, struct jx_form *f,
				struct jx_edit_ctx *c, const void *r,
				struct jx_error *err);

/* history.c: the change log of a record, into the detail text. */
void jx_history_show(struct jx_app *app, enum jx_rec_kind rec, int64_t id);

/* drafts.c: keep an interrupted form in the store. */
void jx_drafts_keep_form(struct jx_app *app, const struct jx_form *f,
			 enum jx_rec_kind rec);

#endif
