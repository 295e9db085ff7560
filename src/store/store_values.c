/*
 * store_values.c — values already used in the database, for completing
 * what a user types: the targets (指标值) and bases (指标值确定依据) that
 * indicators of the same name were given, most used first.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>

#include "store/store_internal.h"

enum jx_status
jx_store_used_values(struct jx_store *st, bool basis, const char *name,
		     const char *prefix, int limit, jx_value_cb cb, void *ctx,
		     struct jx_error *err)
{
	char *phrase = jx_fts_phrase(name ? name : "");
	enum jx_stmt_id id = basis
		? (phrase ? JX_STMT_USED_BASIS_FTS : JX_STMT_USED_BASIS)
		: (phrase ? JX_STMT_USED_TARGETS_FTS : JX_STMT_USED_TARGETS);
	sqlite3_stmt *s = jx_stmt(st, id, err);
	int step;

	if (!s) {
		free(phrase);
		return JX_DB;
	}
	jx_bind_text(s, 1, name ? name : "");
	jx_bind_text(s, 2, prefix ? prefix : "");
	sqlite3_bind_int(s, 3, limit);
	if (phrase)
		sqlite3_bind_text(s, 4, phrase, -1, free);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, jx_col_text(s, 0), sqlite3_column_int64(s, 1)) != 0)
			break;
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "reading the values used before");
	return JX_OK;
}
