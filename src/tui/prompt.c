/*
 * prompt.c — input on the status line (incremental search, jump to a
 * project code) and a small list to pick a year from.
 *
 * The line keeps UTF-8 text and drops whole characters on Backspace, so
 * Chinese input works; the full line editor comes with editing.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif


#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/app.h"

/* Appends code point cp to the UTF-8 text s (of capacity size). */
static void
append_cp(char *s, size_t size, jx_keycode cp)
{
	char enc[5] = { 0 };
	size_t len = strlen(s);

	if (cp < 0x80) {
		enc[0] = (char)cp;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | cp >> 6);
		enc[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | cp >> 12);
		enc[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		enc[0] = (char)(0xF0 | cp >> 18);
		enc[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		enc[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
	}
	if (len + strlen(enc) < size)
		memcpy(s + len, enc, strlen(enc) + 1);
}

/* Drops the last character of the UTF-8 text s. */
static void
drop_last(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && ((unsigned char)s[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	s[len] = '\0';
}

static bool
printable(jx_keycode key)
{
	return key >= 0x20 && key != 0x7F && key < JX_KEY_FN;
}

/* Moves to the first row matching text from where the search started;
 * false when there is none. */
static bool
find(struct jx_app *app, const char *text, int64_t origin)
{
	struct jx_wlist *wl = &app->lists[app->focus];
	struct jx_error err;
	int h = jx_app_pane_height(app);
	enum jx_status rc;

	jx_error_clear(&err);
	jx_wlist_goto(wl, origin, h, &err);
	rc = jx_wlist_search(wl, text, false, true, h, &err);
	if (rc != JX_OK && rc != JX_NOTFOUND)
		jx_app_message(app, true, "%s", err.message);
	return rc == JX_OK;
}

void
jx_prompt_search(struct jx_app *app, bool jump_code)
{
	struct jx_wlist *wl;
	char text[256] = "";
	bool found = true;
	int64_t origin;
	const char *label = jump_code ? _("Project code: ") : "/";

	if (jump_code)
		app->focus = JX_PANE_PROJECTS;
	wl = &app->lists[app->focus];
	origin = wl->cursor;
	for (;;) {
		jx_keycode key;
		enum jx_action a;

		/* The line being typed stays visible, with the outcome. */
		jx_app_message(app, !found, "%s%s%s", label, text,
			       found ? "" : _("   (not found)"));
		key = jx_app_key(app);
		if (key < 0)
			return;
		a = jx_keymap_lookup(app->km, JX_CTX_PROMPT, key);
		if (a == JX_ACT_CANCEL) {
			struct jx_error err;
			jx_error_clear(&err);
			jx_wlist_goto(wl, origin, jx_app_pane_height(app), &err);
			text[0] = '\0';   /* a cancelled search is not repeated */
			break;
		}
		if (a == JX_ACT_ACCEPT)
			break;
		if (key == 127)
			drop_last(text);
		else if (printable(key))
			append_cp(text, sizeof text, key);
		else
			continue;
		/* A code is looked up in the whole database on Enter; a search
		 * moves through the focused list as it is typed. */
		found = !text[0] || (jump_code
				     ? jx_store_code_prefix(app->st, text)
				     : find(app, text, origin));
		if (found && text[0])
			jx_app_selection_changed(app, app->focus);
	}
	app->message[0] = '\0';
	if (jump_code) {
		if (text[0])
			jx_app_jump_code(app, text);   /* may say not found */
		return;
	}
	if (text[0])
		snprintf(app->search, sizeof app->search, "%s", text);
	jx_app_selection_changed(app, app->focus);
}

void
jx_prompt_year(struct jx_app *app)
{
	int choice = app->year_index;

	if (app->n_years == 0) {
		jx_app_message(app, true, _("This department has no years on"
					    " file"));
		return;
	}
	for (;;) {
		char list[JX_MSG] = "";
		size_t len = 0;
		jx_keycode key;
		enum jx_action a;

		for (int i = 0; i < app->n_years && len < sizeof list - 16; i++)
			len += (size_t)snprintf(list + len, sizeof list - len,
						i == choice ? " [%d]" : "  %d ",
						app->years[i]);
		jx_app_message(app, false, "%s%s", _("Year:"), list);
		key = jx_app_key(app);
		if (key < 0)
			return;
		a = jx_keymap_lookup(app->km, JX_CTX_PROMPT, key);
		/* A list takes no typing, so quit closes it as help says. */
		if (a == JX_ACT_CANCEL ||
		    (a == JX_ACT_NONE && jx_keymap_lookup(app->km, JX_CTX_GENERIC,
							  key) == JX_ACT_QUIT))
			break;
		if (a == JX_ACT_ACCEPT) {
			jx_app_set_year(app, choice);
			break;
		}
		if (a == JX_ACT_MOVE_UP || key == JX_KEY_FN + KEY_LEFT)
			choice = choice > 0 ? choice - 1 : 0;
		else if (a == JX_ACT_MOVE_DOWN || key == JX_KEY_FN + KEY_RIGHT)
			choice = choice + 1 < app->n_years ? choice + 1 : choice;
	}
	app->message[0] = '\0';
}
