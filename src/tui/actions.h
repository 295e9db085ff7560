/*
 * actions.h — every action a key can be bound to, in one table.
 *
 * JX_ACTION_LIST expands into the enum (starting above KEY_MAX, so an action
 * never collides with a curses key code), the name table used by keymap
 * files ("move-down"), and the help screen, which is generated from the
 * active keymap and this table: there is no second, hand-written list.
 *
 *   _(ID, "name", "group", "help text")
 */
#ifndef JX_TUI_ACTIONS_H
#define JX_TUI_ACTIONS_H

#include <stdbool.h>

#define JX_ACTION_LIST(_) \
	_(MOVE_UP,       "move-up",        N_("Moving"), N_("Move up one row")) \
	_(MOVE_DOWN,     "move-down",      N_("Moving"), N_("Move down one row")) \
	_(PAGE_UP,       "page-up",        N_("Moving"), N_("Move up one page")) \
	_(PAGE_DOWN,     "page-down",      N_("Moving"), N_("Move down one page")) \
	_(FIRST,         "first",          N_("Moving"), N_("Go to the first row")) \
	_(LAST,          "last",           N_("Moving"), N_("Go to the last row")) \
	_(FOCUS_NEXT,    "focus-next",     N_("Panes"),  N_("Focus the pane to the right")) \
	_(FOCUS_PREV,    "focus-prev",     N_("Panes"),  N_("Focus the pane to the left")) \
	_(ENTER,         "enter",          N_("Panes"),  N_("Go down a level (departments → projects → indicators)")) \
	_(BACK,          "back",           N_("Panes"),  N_("Return to the level above")) \
	_(ZOOM,          "zoom",           N_("Panes"),  N_("Zoom the focused pane to the full width, and back")) \
	_(YEAR_PREV,     "year-prev",      N_("Years"),  N_("Previous year on file of this department")) \
	_(YEAR_NEXT,     "year-next",      N_("Years"),  N_("Next year on file of this department")) \
	_(YEAR_PICK,     "year-pick",      N_("Years"),  N_("Pick a year from a list")) \
	_(SEARCH,        "search",         N_("Search"), N_("Search the focused pane as you type")) \
	_(SEARCH_NEXT,   "search-next",    N_("Search"), N_("Next match")) \
	_(SEARCH_PREV,   "search-prev",    N_("Search"), N_("Previous match")) \
	_(JUMP_CODE,     "jump-code",      N_("Search"), N_("Jump to a project by its code")) \
	_(EDIT,          "edit",           N_("Editing"), N_("Edit the focused record in a form")) \
	_(ADD,           "add",            N_("Editing"), N_("Add a record after the focused one (or a department)")) \
	_(DELETE,        "delete",         N_("Editing"), N_("Delete the focused record (asks first)")) \
	_(DUPLICATE,     "duplicate",      N_("Editing"), N_("Duplicate the focused project or indicator")) \
	_(MOVE_REC_UP,   "move-record-up", N_("Editing"), N_("Move the focused project or indicator up")) \
	_(MOVE_REC_DOWN, "move-record-down", N_("Editing"), N_("Move the focused project or indicator down")) \
	_(GRID,          "grid",           N_("Editing"), N_("Key the project's indicators as a table")) \
	_(FROM_TEMPLATE, "from-template",  N_("Editing"), N_("Add a project from a project template")) \
	_(NEW_YEAR,      "new-year",       N_("Editing"), N_("Start the next year of the department from this one")) \
	_(UNDO,          "undo",           N_("Editing"), N_("Undo the last change of this session")) \
	_(REDO,          "redo",           N_("Editing"), N_("Redo the change last undone")) \
	_(RECORD_LOG,    "record-log",     N_("Editing"), N_("Show the change history of the focused record")) \
	_(HELP,          "help",           N_("View"),   N_("Show every key binding")) \
	_(REDRAW,        "redraw",         N_("View"),   N_("Redraw the screen")) \
	_(QUIT,          "quit",           N_("View"),   N_("Quit (or close the help or a list)")) \
	_(COMPARE,       "compare",        N_("Compare"), N_("Compare the department's year with the one before")) \
	_(DIFF_NEXT,     "diff-next",      N_("Compare"), N_("Next difference")) \
	_(DIFF_PREV,     "diff-prev",      N_("Compare"), N_("Previous difference")) \
	_(DIFF_ONLY,     "diff-only",      N_("Compare"), N_("Show only differences, or everything")) \
	_(SORT_CHANGE,   "sort-change",    N_("Compare"), N_("Sort by change of budget, or in table order")) \
	_(SWAP_YEARS,    "swap-years",     N_("Compare"), N_("Swap the two years")) \
	_(LINK,          "link",           N_("Compare"), N_("Link a new project to a gone one it continues")) \
	_(UNLINK,        "unlink",         N_("Compare"), N_("Remove the link of the focused project")) \
	_(HISTORY,       "history",        N_("Compare"), N_("Budget and targets of the project over all years")) \
	_(ACCEPT,        "accept",         N_("Prompt"), N_("Accept; in a form, next field (new line in a text)")) \
	_(CANCEL,        "cancel",         N_("Prompt"), N_("Cancel the input, the list or the form")) \
	_(SAVE,          "save",           N_("Forms"),  N_("Save the form")) \
	_(FIELD_NEXT,    "field-next",     N_("Forms"),  N_("Next field")) \
	_(FIELD_PREV,    "field-prev",     N_("Forms"),  N_("Previous field")) \
	_(EXTERNAL_EDITOR, "external-editor", N_("Forms"), N_("Edit the field in $VISUAL or $EDITOR")) \
	_(PICK_INDICATOR, "pick-indicator", N_("Forms"), N_("Pick from the indicator library (fills name, unit, basis …)")) \
	_(COMPLETE,      "complete",       N_("Forms"),  N_("Complete target or basis from values used before")) \
	_(CHAR_LEFT,     "char-left",      N_("Typing"), N_("Cursor one character left")) \
	_(CHAR_RIGHT,    "char-right",     N_("Typing"), N_("Cursor one character right")) \
	_(LINE_START,    "line-start",     N_("Typing"), N_("Cursor to the start of the line")) \
	_(LINE_END,      "line-end",       N_("Typing"), N_("Cursor to the end of the line")) \
	_(WORD_LEFT,     "word-left",      N_("Typing"), N_("Cursor one word left")) \
	_(WORD_RIGHT,    "word-right",     N_("Typing"), N_("Cursor one word right")) \
	_(DELETE_CHAR,   "delete-char",    N_("Typing"), N_("Delete the character under the cursor")) \
	_(DELETE_BACK,   "delete-back",    N_("Typing"), N_("Delete the character before the cursor")) \
	_(KILL_END,      "kill-end",       N_("Typing"), N_("Cut to the end of the line")) \
	_(KILL_START,    "kill-start",     N_("Typing"), N_("Cut to the start of the line")) \
	_(KILL_WORD,     "kill-word",      N_("Typing"), N_("Cut the word before the cursor")) \
	_(YANK,          "yank",           N_("Typing"), N_("Paste what was cut last")) \
	_(ACCEPT_DOWN,   "accept-down",    N_("Grid"),   N_("Accept the cell and move down (a new row after the last)")) \
	_(ACCEPT_RIGHT,  "accept-right",   N_("Grid"),   N_("Accept the cell and move right")) \
	_(FILL_ABOVE,    "fill-above",     N_("Grid"),   N_("Fill the cell from the row above (merged cells)")) \
	_(FILL_LEVELS,   "fill-levels",    N_("Grid"),   N_("Level 1 and level 2 as in the row above, then type the name")) \
	_(DELETE_ROW,    "delete-row",     N_("Grid"),   N_("Delete the row"))

/* Actions are numbered above every curses key code; JX_ACT_NONE means
 * "not bound" (and is what `none` in a keymap file binds). */
#define JX_ACTION_BASE 0x1000

enum jx_action {
	JX_ACT_NONE = JX_ACTION_BASE,
#define JX_ACTION_ENUM(id, name, group, help) JX_ACT_##id,
	JX_ACTION_LIST(JX_ACTION_ENUM)
#undef JX_ACTION_ENUM
	JX_ACT_END
};

#define JX_ACTION_COUNT (JX_ACT_END - JX_ACT_NONE - 1)

struct jx_action_info {
	enum jx_action action;
	const char *name;    /* as written in keymap files */
	const char *group;   /* N_() marked, translate when shown */
	const char *help;    /* N_() marked */
};

/* Info for every action, in table order; NULL-terminated by name. */
extern const struct jx_action_info jx_actions[];

/* The action called `name`, or JX_ACT_NONE. */
enum jx_action jx_action_by_name(const char *name);
const struct jx_action_info *jx_action_info(enum jx_action action);

/* Editing actions are refused in read-only mode. */
bool jx_action_edits(enum jx_action action);

#endif
