/*
 * form.c — the keys of a form: moving between fields, typing with the
 * line editor, saving through the caller's callback, and the guard that
 * asks before unsaved typing is thrown away.
 *
 * The focused field is typed into an editbuf; its text goes back into the
 * field whenever the focus moves or the form is saved, so nothing typed is
 * lost on a change of focus.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/template_edit.h"

/* Puts what was typed into the focused field back into the form. */
static void
commit(struct jx_form *f)
{
	if (f->cur < f->n)
		jx_form_set(f, f->cur, f->eb.text);
}

/* Focuses field i: what was typed goes into the field that had the
 * focus, and the editor takes field i's text, cursor at the end. */
void
jx_form_focus(struct jx_form *f, size_t i)
{
	const struct jx_field *fl;

	if (i >= f->n)
		return;
	commit(f);
	f->cur = i;
	fl = &f->fields[i];
	/* A one-line field holding a line break (read from a file) is
	 * edited as text rather than refused. */
	f->eb.multiline = fl->def->kind == JX_FK_TEXT ||
			  strchr(fl->value, '\n') != NULL;
	jx_editbuf_set(&f->eb, fl->value);
	f->eb.changed = false;
	f->first_col = 0;
}

static void
step(struct jx_form *f, int delta)
{
	long i = (long)f->cur + delta;

	if (i < 0)
		i = 0;
	if (i >= (long)f->n)
		i = (long)f->n - 1;
	jx_form_focus(f, (size_t)i);
}

/* Encodes a code point as UTF-8 into buf (5 bytes); returns the length. */
static size_t
encode(int32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xC0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | cp >> 12);
		buf[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | cp >> 18);
	buf[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	buf[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	buf[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
jx_field_key(struct jx_app *app, struct jx_editbuf *eb, int action, int key,
	     bool *bad_utf8)
{
	char buf[5];

	(void)app;
	*bad_utf8 = false;
	switch (action) {
	case JX_ACT_CHAR_LEFT: jx_editbuf_left(eb); return true;
	case JX_ACT_CHAR_RIGHT: jx_editbuf_right(eb); return true;
	case JX_ACT_LINE_START: jx_editbuf_home(eb); return true;
	case JX_ACT_LINE_END: jx_editbuf_end(eb); return true;
	case JX_ACT_WORD_LEFT: jx_editbuf_word_left(eb); return true;
	case JX_ACT_WORD_RIGHT: jx_editbuf_word_right(eb); return true;
	case JX_ACT_DELETE_CHAR: jx_editbuf_delete(eb); return true;
	case JX_ACT_DELETE_BACK: jx_editbuf_backspace(eb); return true;
	case JX_ACT_KILL_END: jx_editbuf_kill_end(eb); return true;
	case JX_ACT_KILL_START: jx_editbuf_kill_start(eb); return true;
	case JX_ACT_KILL_WORD: jx_editbuf_kill_word(eb); return true;
	case JX_ACT_YANK: jx_editbuf_yank(eb); return true;
	default: break;
	}
	if (key == JX_KEY_BAD) {
		*bad_utf8 = true;
		return true;
	}
	/* Tab is a key (next field); other control keys are not text. */
	if (action != JX_ACT_NONE || key < 0x20 || key == 0x7F ||
	    key >= JX_KEY_FN || (key >= 0x80 && key < 0xA0))
		return false;
	jx_editbuf_insert(eb, buf, encode(key, buf));
	return true;
}

/* Asks a yes/no question on the status line; false on anything but y. */
bool
jx_app_confirm(struct jx_app *app, const char *question)
{
	jx_keycode key;

	jx_app_message(app, false, "%s %s", question, _("(y/n)"));
	key = jx_app_key(app);
	app->message[0] = '\0';
	return key == 'y' || key == 'Y';
}

static void
text_move(struct jx_form *f, int dir)
{
	bool moved = f->eb.multiline && (dir < 0 ? jx_editbuf_up(&f->eb)
						 : jx_editbuf_down(&f->eb));
	if (!moved)
		step(f, dir);
}

/* Keys that act on the form as a whole; false when the key is the
 * field's. */
static bool
form_action(struct jx_app *app, struct jx_form *f, enum jx_action a)
{
	switch (a) {
	case JX_ACT_FIELD_NEXT: step(f, 1); return true;
	case JX_ACT_FIELD_PREV: step(f, -1); return true;
	case JX_ACT_MOVE_DOWN: text_move(f, 1); return true;
	case JX_ACT_MOVE_UP: text_move(f, -1); return true;
	case JX_ACT_PAGE_DOWN: step(f, 8); return true;
	case JX_ACT_PAGE_UP: step(f, -8); return true;
	case JX_ACT_ACCEPT:
		if (f->eb.multiline)
			jx_editbuf_insert(&f->eb, "\n", 1);
		else
			step(f, 1);
		return true;
	case JX_ACT_EXTERNAL_EDITOR:
		jx_field_external(app, &f->eb);
		return true;
	case JX_ACT_PICK_INDICATOR:
		jx_form_pick_indicator(app, f);
		return true;
	case JX_ACT_COMPLETE:
		jx_form_complete(app, f);
		return true;
	case JX_ACT_HELP:
		app->help = true;
		app->help_top = 0;
		return true;
	default:
		return false;
	}
}

/* Runs the save callback; true when the form is done. */
static bool
try_save(struct jx_app *app, struct jx_form *f, jx_form_save_fn save,
	 void *ctx)
{
	struct jx_error err;
	enum jx_status rc;

	commit(f);
	jx_error_clear(&err);
	rc = save(app, f, ctx, &err);
	if (rc == JX_OK)
		return true;
	if (rc != JX_INVALID && rc != JX_CONFLICT) {
		char buf[JX_ERR_MSG + JX_ERR_FILE + 32];
		jx_error_format(&err, buf, sizeof buf);
		jx_app_message(app, true, "%s", buf);
	}
	return false;
}

enum jx_form_result
jx_form_run(struct jx_app *app, struct jx_form *f, jx_form_save_fn save,
	    void *ctx)
{
	enum jx_form_result result = JX_FORM_CANCELLED;
	struct jx_form *outer = app->form;

	app->form = f;
	jx_form_focus(f, f->cur);
	for (;;) {
		jx_keycode key = jx_app_key(app);
		enum jx_action a;
		bool bad;

		if (key < 0) {
			commit(f);
			result = JX_FORM_STOPPED;
			break;
		}
		app->message[0] = '\0';
		if (app->help) {
			jx_app_help_key(app, key);
			continue;
		}
		a = jx_keymap_lookup(app->km, JX_CTX_FORM, key);
		if (a == JX_ACT_SAVE) {
			if (try_save(app, f, save, ctx)) {
				result = JX_FORM_SAVED;
				break;
			}
		} else if (a == JX_ACT_CANCEL) {
			commit(f);
			if (!jx_form_dirty(f) ||
			    jx_app_confirm(app, _("Throw away what was typed in"
						  " this form?")))
				break;
		} else if (!form_action(app, f, a) &&
			   jx_field_key(app, &f->eb, a, key, &bad) && bad) {
			/* Nothing was inserted: the field keeps its last
			 * good value, with what was typed before it. */
			jx_app_message(app, true, _("Not UTF-8: the text that"
						    " arrived was refused, and"
						    " %s keeps its last good"
						    " value"),
				       f->fields[f->cur].def->label);
		}
	}
	app->form = outer;
	return result;
}
