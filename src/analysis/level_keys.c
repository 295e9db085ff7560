/*
 * level_keys.c — level names matched by the template files (see
 * level_keys.h). A level the framework knows (by name or alias) is keyed
 * by the framework's own name; one it does not know, by its text as
 * jx_level_key folds it, as without templates.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stddef.h>

#include "analysis/level_keys.h"
#include "core/text.h"

static char *
fold(const char *s)
{
	char *k = jx_level_key(s ? s : "");

	return k ? k : jx_strdup(s ? s : "");
}

static char *
template_key(void *ctx, const char *level1, const char *level2)
{
	const struct jx_template_levels *l = ctx;
	const struct jx_tlevel1 *l1 = NULL;
	const struct jx_tlevel2 *l2 = NULL;

	jx_framework_resolve(l->fw, level1 ? level1 : "",
			     level2 ? level2 : "", &l1, &l2);
	if (!level2)
		return fold(l1 ? l1->name : level1);
	return fold(l2 ? l2->name : level2);
}

const struct jx_level_keys *
jx_template_levels_init(struct jx_template_levels *l,
			const struct jx_templates *t)
{
	l->fw = t ? jx_templates_default_framework(t) : NULL;
	l->keys.key = template_key;
	l->keys.ctx = l;
	return l->fw ? &l->keys : NULL;
}
