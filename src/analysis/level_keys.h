/*
 * level_keys.h — matching indicator levels across years by the template
 * files: a level written as an alias (效果指标, 社会影响指标, 生态环境效益指标 …)
 * matches the framework's name for it, so two years that write the same
 * level differently are compared row by row. The text as published is
 * kept and shown; only the matching uses the names.
 */
#ifndef JX_ANALYSIS_LEVEL_KEYS_H
#define JX_ANALYSIS_LEVEL_KEYS_H

#include "analysis/compare.h"
#include "core/template.h"

/* Levels matched lately. A department's indicators use a dozen pairs of
 * levels, and matching one against the framework (folding its text,
 * every alias compared) cost a fifth of opening the compare view. */
#define JX_LEVEL_MEMO 32

struct jx_level_memo {
	char *level1, *level2;           /* as asked; level2 NULL: level 1 */
	char *key;
};

struct jx_template_levels {
	struct jx_level_keys keys;       /* hand &keys to the comparison */
	const struct jx_framework *fw;   /* the default framework */
	struct jx_level_memo memo[JX_LEVEL_MEMO];
	size_t next;                     /* the slot to fill next */
};

/* Sets up level matching by t's default framework (t may be NULL or hold
 * no framework: levels then match by jx_level_key alone). Returns &l->keys,
 * or NULL when there is nothing to match by. l needs
 * jx_template_levels_free afterwards either way. */
const struct jx_level_keys *jx_template_levels_init(
	struct jx_template_levels *l, const struct jx_templates *t);

/* Frees what matching remembered; l can be set up again. A zeroed l, one
 * never set up, is accepted. */
void jx_template_levels_free(struct jx_template_levels *l);

#endif
