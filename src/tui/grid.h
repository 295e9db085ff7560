/*
 * grid.h — a project's indicators keyed as a table, as a clerk copies a
 * printed table: one row per indicator, Enter accepts a cell and moves
 * down, a blank row at the end to type the next one into, cells filled
 * from the row above with one key. Saved as one transaction and one undo
 * step.
 */
#ifndef JX_TUI_GRID_H
#define JX_TUI_GRID_H

#include <stddef.h>
#include <stdint.h>

struct jx_app;

/* Runs the grid on the indicators of project_id until saved or left. */
void jx_grid_run(struct jx_app *app, int64_t project_id);

/* The same, with rows of a project template added as new rows (not yet
 * saved) and the cursor on the first one's target. */
struct jx_trow;
void jx_grid_run_rows(struct jx_app *app, int64_t project_id,
		      const struct jx_trow *rows, size_t n);
/* Draws app->grid (draw.c calls it). */
void jx_grid_draw(struct jx_app *app);

#endif
