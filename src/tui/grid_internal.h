/*
 * grid_internal.h — the grid's state, shared by grid.c (keys, saving)
 * and grid_draw.c. Not for other files.
 */
#ifndef JX_TUI_GRID_INTERNAL_H
#define JX_TUI_GRID_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/validate.h"
#include "core/editbuf.h"

/* Columns in the order of the printed tables. */
#define JX_GRID_COLS 6
enum { JX_GC_LEVEL1, JX_GC_LEVEL2, JX_GC_NAME, JX_GC_DESCRIPTION,
       JX_GC_TARGET, JX_GC_BASIS };
extern const char *const jx_grid_labels[JX_GRID_COLS];

struct jx_grid_row {
	int64_t id;                /* 0: typed in this grid */
	int64_t version;           /* as read */
	char *cell[JX_GRID_COLS];  /* as typed */
	char *orig[JX_GRID_COLS];  /* as read */
	bool deleted;              /* deleted when the grid is saved */
	char note[JX_FINDING_MSG];
	bool note_warning;
};

struct jx_grid {
	int64_t project_id;
	char title[256];
	char name[200];           /* the project's */
	struct jx_grid_row *rows;
	size_t n, cap;
	size_t row;
	int col;
	size_t top;               /* first row shown */
	struct jx_editbuf eb;     /* the focused cell being typed */
	size_t first_col;
	bool accept_warnings;
	bool ambiguous_wide;
};

bool jx_grid_row_blank(const struct jx_grid_row *r);
bool jx_grid_dirty(const struct jx_grid *g);

#endif
