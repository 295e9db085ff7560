/*
 * form.h — forms: one record's fields, labelled as in the published
 * tables, typed into with the line editor (core/editbuf.h).
 *
 * A form is a list of text fields. What they mean is in form_record.c,
 * which fills a form from a record and reads a record back (money as 万元,
 * repeated groups such as the spending plan's checkpoints as numbered
 * items with always one blank item at the end to type into). form.c runs
 * the keys of a form and form_draw.c draws it; saving is the caller's, by
 * a callback, so that undo and conflicts stay with the editing code.
 */
#ifndef JX_TUI_FORM_H
#define JX_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/validate.h"
#include "core/editbuf.h"
#include "core/record.h"

enum jx_field_kind {
	JX_FK_LINE,    /* one line */
	JX_FK_TEXT,    /* several lines (资金用途, goals …) */
	JX_FK_MONEY,   /* 万元, up to four decimals */
	JX_FK_YEAR
};

struct jx_field_def {
	const char *key;      /* interchange key; "plan.percent" in a group */
	const char *label;    /* as in the published tables */
	enum jx_field_kind kind;
	bool required;
	int group;            /* 0: none; else fields of one repeated group */
};

struct jx_field {
	const struct jx_field_def *def;
	int item;             /* index in its group, -1 when none */
	char *value;          /* as typed, "" when empty */
	char *orig;           /* as the form was opened */
	char note[JX_FINDING_MSG];   /* finding shown under the field */
	bool note_warning;
};

enum jx_form_kind { JX_FORM_YEAR, JX_FORM_PROJECT, JX_FORM_INDICATOR };

struct jx_form {
	enum jx_form_kind kind;
	bool is_new;          /* a record not yet in the store */
	int64_t record_id;    /* 0 when new */
	int64_t parent_id;    /* project's dept_year, indicator's project */
	int64_t after_id;     /* new records: insert after this sibling */
	int64_t version;      /* the version the form was read at */
	char title[256];
	struct jx_field *fields;
	size_t n, cap;
	size_t cur;           /* focused field */
	int top;              /* first body line shown (scrolling) */
	struct jx_editbuf eb; /* the focused field being typed */
	size_t first_col;     /* horizontal scroll of the focused line */
	bool ambiguous_wide;
	bool accept_warnings; /* the user saw the warnings and saves again */
	bool bad_paste;       /* invalid UTF-8 arrived: field restored */
};

/* ---- form_record.c: records to forms and back ---------------------- */

void jx_form_init(struct jx_form *f, enum jx_form_kind kind,
		  bool ambiguous_wide);
void jx_form_free(struct jx_form *f);

/* Fill a form from a record (NULL: a blank record). JX_NOMEM. */
enum jx_status jx_form_from_year(struct jx_form *f, const struct jx_doc *h);
enum jx_status jx_form_from_project(struct jx_form *f,
				    const struct jx_project *p);
enum jx_status jx_form_from_indicator(struct jx_form *f,
				      const struct jx_indicator *ind);

/* Read the record back; text that does not parse (money, year) becomes
 * a finding of that field. The record is initialised here. */
enum jx_status jx_form_to_year(const struct jx_form *f, struct jx_doc *h,
			       struct jx_findings *out);
enum jx_status jx_form_to_project(const struct jx_form *f,
				  struct jx_project *p,
				  struct jx_findings *out);
enum jx_status jx_form_to_indicator(const struct jx_form *f,
				    struct jx_indicator *ind,
				    struct jx_findings *out);

/* Sets a field's value (the focused one too). Adds the blank item at the
 * end of a group when the last one gets text. */
enum jx_status jx_form_set(struct jx_form *f, size_t i, const char *value);
/* The field with this key and item, or f->n. */
size_t jx_form_find(const struct jx_form *f, const char *key, int item);
/* True when some field differs from what the form was opened with. */
bool jx_form_dirty(const struct jx_form *f);
/* Puts the findings under their fields (clearing earlier notes); returns
 * the index of the first field with an error, or of the first with a
 * warning when there is no error, or f->n. */
size_t jx_form_notes(struct jx_form *f, const struct jx_findings *found);

/* Drafts: the fields as "key\0item\0value\0" triples, and back onto a form
 * already filled from the record (unknown keys are ignored). */
enum jx_status jx_form_pack(const struct jx_form *f, char **out, size_t *len);
enum jx_status jx_form_unpack(struct jx_form *f, const char *data,
			      size_t len);

/* ---- form.c: running a form -------------------------------------------- */

struct jx_app;

enum jx_form_result {
	JX_FORM_SAVED,
	JX_FORM_CANCELLED,
	JX_FORM_STOPPED       /* a signal: the caller keeps a draft */
};

/* Checks and saves the form: returns JX_OK when saved, JX_CONFLICT when
 * the user chose to go on editing after a conflict, JX_INVALID when
 * findings were put on the form, or another status with err set. */
typedef enum jx_status (*jx_form_save_fn)(struct jx_app *app,
					  struct jx_form *f, void *ctx,
					  struct jx_error *err);

enum jx_form_result jx_form_run(struct jx_app *app, struct jx_form *f,
				jx_form_save_fn save, void *ctx);

/* Moves the focus to field i, keeping what was typed in the field left. */
void jx_form_focus(struct jx_form *f, size_t i);

/* Typing actions on the focused field (shared with the grid): applies
 * action a, or inserts key when it is a printable character. Returns true
 * when the key was used. */
bool jx_field_key(struct jx_app *app, struct jx_editbuf *eb, int action,
		  int key, bool *bad_utf8);

/* Opens $VISUAL or $EDITOR on the buffer's text and takes the result back
 * (refused, with a message, when it is not UTF-8). */
void jx_field_external(struct jx_app *app, struct jx_editbuf *eb);

/* ---- form_draw.c ----------------------------------------------------- */

void jx_form_draw(struct jx_app *app, struct jx_form *f);

#endif
