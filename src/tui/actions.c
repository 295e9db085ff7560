#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * actions.c — the table of actions generated from JX_ACTION_LIST.
 *
 * Exports jx_actions[] (one entry per action, in list order, ended by an
 * entry whose name is NULL), jx_action_by_name, jx_action_info and
 * jx_action_edits (see actions.h). Names are matched exactly: keymap files
 * write "move-down", never "Move-Down".
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/actions.h"

const struct jx_action_info jx_actions[] = {
#define JX_ACTION_INFO(id, name, group, help) \
	{ JX_ACT_##id, name, group, help },
	JX_ACTION_LIST(JX_ACTION_INFO)
#undef JX_ACTION_INFO
	{ JX_ACT_NONE, NULL, NULL, NULL }
};

enum jx_action
jx_action_by_name(const char *name)
{
	if (!name)
		return JX_ACT_NONE;
	for (const struct jx_action_info *a = jx_actions; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a->action;
	return JX_ACT_NONE;
}

/* The table is in enum order, so an action is found by its index. Returns
 * NULL for JX_ACT_NONE and anything outside the list. */
const struct jx_action_info *
jx_action_info(enum jx_action action)
{
	if (action <= JX_ACT_NONE || action >= JX_ACT_END)
		return NULL;
	return &jx_actions[action - JX_ACT_NONE - 1];
}

bool
jx_action_edits(enum jx_action action)
{
	switch (action) {
	case JX_ACT_EDIT: case JX_ACT_ADD: case JX_ACT_DELETE:
	case JX_ACT_DUPLICATE: case JX_ACT_MOVE_REC_UP:
	case JX_ACT_MOVE_REC_DOWN: case JX_ACT_GRID: case JX_ACT_NEW_YEAR:
	case JX_ACT_FROM_TEMPLATE:
	case JX_ACT_UNDO: case JX_ACT_REDO:
		return true;
	default:
		return false;
	}
}
