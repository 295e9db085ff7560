/*
 * template_edit.h — templates where typing happens: a new project from a
 * project template, the indicator picker (one key fills name, description,
 * unit and basis from the library) and completion of targets and bases
 * from the values already used for the same indicator.
 */
#ifndef JX_TUI_TEMPLATE_EDIT_H
#define JX_TUI_TEMPLATE_EDIT_H

struct jx_app;
struct jx_form;
struct jx_grid;

/* Picks a project template, opens a blank project form, and when it is
 * saved the grid with the template's indicator rows to fill in. */
void jx_template_new_project(struct jx_app *app);

/* In an indicator form / the grid: the picker on the name typed so far. */
void jx_form_pick_indicator(struct jx_app *app, struct jx_form *f);
void jx_grid_pick(struct jx_app *app, struct jx_grid *g);

/* In the target or basis field / cell: the next value used before with an
 * indicator of the same name that starts as typed (again: the next). */
void jx_form_complete(struct jx_app *app, struct jx_form *f);
void jx_grid_complete(struct jx_app *app, struct jx_grid *g);

/* Frees what completion keeps between keys. */
void jx_completion_free(struct jx_app *app);

#endif
