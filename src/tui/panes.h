/*
 * panes.h — the three lists of the main screen and the text of the focused
 * record: what each pane reads from the store and how its rows read.
 * No curses here: panes produce strings; draw.c puts them on the screen.
 */
#ifndef JX_TUI_PANES_H
#define JX_TUI_PANES_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/wlist.h"

enum jx_pane { JX_PANE_DEPTS, JX_PANE_PROJECTS, JX_PANE_INDICATORS,
	       JX_PANE_COUNT };

/* A column of a pane: header, width, alignment. The column with
 * max_width 0 takes what the others leave (at least min_width); a column
 * that does not fit is left out. */
struct jx_pane_column {
	const char *header;    /* N_() marked */
	int min_width;         /* columns */
	int max_width;         /* columns; 0 = takes what is left */
	bool right;
	int cell;              /* index into jx_wrow.cells */
};

struct jx_pane_layout {
	const struct jx_pane_column *columns;
	size_t ncolumns;
};

/* The columns of a pane on the three-pane screen, or zoomed (wider, with
 * codes, full level names and basis). */
const struct jx_pane_layout *jx_pane_layout(enum jx_pane pane, bool zoom);

/* Sources for jx_wlist_open: departments; projects of a department-year;
 * indicators of a project. */
struct jx_wlist_source jx_pane_source(enum jx_pane pane, int64_t parent);

/* Short display form of a level-1/level-2 name: its first two characters
 * once the trailing 指标 is dropped ("数量指标" → "数量", "服务对象满意度
 * 指标" → "服务"). Writes into buf. */
void jx_level_short(const char *level, char *buf, size_t size);

/* The full text of the focused record, for the detail area: label lines
 * and paragraphs separated by '\n'. Returns a new string (caller frees),
 * or NULL with err set. */
char *jx_detail_department(struct jx_store *st, int64_t dept_year_id,
			   const char *years, struct jx_error *err);
char *jx_detail_project(struct jx_store *st, int64_t project_id,
			struct jx_error *err);
char *jx_detail_indicator(struct jx_store *st, int64_t indicator_id,
			  struct jx_error *err);

#endif
