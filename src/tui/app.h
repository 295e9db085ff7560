/*
 * app.h — the state of the full-screen interface, shared by app.c (what
 * keys do), draw.c (what the screen shows) and prompt.c (lines and lists
 * typed into). Not for other layers.
 */
#ifndef JX_TUI_APP_H
#define JX_TUI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/level_keys.h"
#include "store/store.h"
#include "tui/keymap.h"
#include "tui/panes.h"
#include "tui/wlist.h"

#define JX_MAX_YEARS 64
#define JX_MSG 512

struct jx_app {
	struct jx_store *st;
	const struct jx_keymap *km;
	const struct jx_templates *templates;  /* may be NULL */
	/* Until the templates are known: how to wait for them (tui.h); set
	 * when waiting found they could not be read. */
	bool (*await_templates)(void *ctx, const struct jx_templates **out);
	void *templates_ctx;
	bool templates_failed;
	struct jx_template_levels tlevels;     /* levels matched by them */
	const struct jx_level_keys *level_keys;  /* NULL: jx_level_key */
	struct jx_picker *picker;  /* a list being picked from, drawn over all */
	bool ambiguous_wide;
	bool readonly;

	struct jx_wlist lists[JX_PANE_COUNT];
	enum jx_pane focus;
	bool zoom;
	bool help;               /* the help screen is shown */
	int help_top;

	/* The selected department and year (the project pane's scope). */
	int64_t dept_id;
	int years[JX_MAX_YEARS];
	int64_t year_ids[JX_MAX_YEARS];
	int n_years;
	int year_index;          /* into years[], -1 when none */

	char *detail;            /* text of the focused record */
	char message[JX_MSG];    /* shown on the status line until a key */
	bool message_is_error;
	char search[256];        /* the last search text */
	bool quit;
	bool ended;              /* no more keys will come (replay) */
	long keys;               /* keys handled, for the idle file */
	struct jx_compare_view *cmp;  /* non-NULL while comparing years */
	struct jx_form *form;    /* the form being filled in, drawn over all */
	struct jx_grid *grid;    /* the indicator grid, drawn over all */
	struct jx_undo *undo;    /* this session's changes (undo.c) */
	int cursor_y, cursor_x;  /* where the text cursor is shown, or -1 */
	/* Completion between keys (template_edit.c): what was typed before
	 * the first completion, the value last put in, and which it was. */
	char *comp_prefix, *comp_last;
	int comp_index;
	/* Framework checks of the selected project (checks_view.c): the
	 * findings as text, and the rows (1-based) they mark. */
	char *check_text;
	size_t *flagged;
	size_t n_flagged;
};

/* Waits for the templates the first time (they are read on another
 * thread while the interface starts) and sets templates and level_keys.
 * false when they could not be read: the interface then quits before its
 * first frame. Every use of app->templates before the first frame calls
 * this first. */
bool jx_app_templates_ready(struct jx_app *app);

/* Rows available to each pane's list on the current screen. */
int jx_app_pane_height(const struct jx_app *app);

/* Reloads what depends on the selection of pane `from` (projects after a
 * department or year change, indicators after a project change), and the
 * detail text. */
void jx_app_selection_changed(struct jx_app *app, enum jx_pane from);

/* Selects the department, year and project with this project code. */
void jx_app_jump_code(struct jx_app *app, const char *code);

/* Selects years[index] of the selected department. */
void jx_app_set_year(struct jx_app *app, int index);

void jx_app_message(struct jx_app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Drawing (draw.c): the whole screen, and the pieces other views use. */
void jx_draw(struct jx_app *app);
void jx_cell(const struct jx_app *app, int y, int x, int width,
	     const char *text, bool right, unsigned attr);
void jx_draw_wrapped(struct jx_app *app, const char *text, int y, int x,
		     int h, int w);
void jx_draw_status(struct jx_app *app, int y);
unsigned jx_title_attr(bool focused);
/* Lines of the help screen's list (groups and actions). */
int jx_help_lines(void);

/* The compare view (compare_view.c): two years of the selected
 * department side by side. */
struct jx_compare_view;
void jx_compare_open(struct jx_app *app);
bool jx_compare_active(const struct jx_app *app);
void jx_compare_action(struct jx_app *app, enum jx_action a);
void jx_compare_draw(struct jx_app *app);
void jx_compare_close(struct jx_app *app);

/* Prompts (prompt.c): a line typed on the status line with incremental
 * search; a list to pick a year from. */
void jx_prompt_search(struct jx_app *app, bool jump_code);
void jx_prompt_year(struct jx_app *app);

/* A key on the help screen (scrolls it, or closes it). */
void jx_app_help_key(struct jx_app *app, jx_keycode key);

/* Asks a yes/no question on the status line: true for y. */
bool jx_app_confirm(struct jx_app *app, const char *question);

/* Reopens the panes after a change, keeping the department and year, and
 * puts the cursor of pane p on record id (0: keep the position) whose
 * list key is seq (projects, indicators) or dept_name (departments). */
void jx_app_reload(struct jx_app *app, enum jx_pane p, int64_t id,
		   int64_t seq, const char *dept_name);
/* The selected department-year's id (0: none), and selecting one. */
int64_t jx_app_year_id(const struct jx_app *app);
void jx_app_select_year_id(struct jx_app *app, int64_t year_id);

/* Checks of the selected project (checks_view.c). */
void jx_checks_load(struct jx_app *app, int64_t year_id, int64_t project_id);
void jx_checks_clear(struct jx_app *app);
bool jx_checks_flagged(const struct jx_app *app, int64_t position);

/* Editing from the panes (edit.c): forms, records, undo, history. */
void jx_edit_action(struct jx_app *app, enum jx_action a);
/* At start: offer the drafts a stopped session kept. */
void jx_drafts_offer(struct jx_app *app);

/* Reads the next key, keeping the screen and the idle file up to date and
 * handling resize and signals. Returns -1 when the program must stop. */
jx_keycode jx_app_key(struct jx_app *app);

#endif
