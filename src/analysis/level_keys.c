/*
 * level_keys.c — level names matched by the template files (see
 * level_keys.h). A level the framework knows (by name or alias) is keyed
 * by the framework's own name; one it does not know, by its text as
 * jx_level_key folds it, as without templates.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/level_keys.h"
#include "core/text.h"

static char *
fold(const char *s)
{
	char *k = jx_level_key(s ? s : "");

	return k ? k : jx_strdup(s ? s : "");
}

static char *
resolve(const struct jx_framework *fw, const char *level1,
	const char *level2)
{
	const struct jx_tlevel1 *l1 = NULL;
	const struct jx_tlevel2 *l2 = NULL;

	jx_framework_resolve(fw, level1 ? level1 : "", level2 ? level2 : "",
			     &l1, &l2);
	if (!level2)
		return fold(l1 ? l1->name : level1);
	return fold(l2 ? l2->name : level2);
}

static bool
same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void
forget(struct jx_level_memo *m)
{
	free(m->level1);
	free(m->level2);
	free(m->key);
	*m = (struct jx_level_memo){ NULL, NULL, NULL };
}

/* The key of a pair (a copy, the caller's): remembered, or resolved and
 * remembered in place of the oldest. */
static char *
template_key(void *ctx, const char *level1, const char *level2)
{
	struct jx_template_levels *l = ctx;
	struct jx_level_memo *m;

	for (size_t i = 0; i < JX_LEVEL_MEMO; i++) {
		m = &l->memo[i];
		if (m->key && same(m->level1, level1) &&
		    same(m->level2, level2))
			return jx_strdup(m->key);
	}
	m = &l->memo[l->next];
	forget(m);
	m->key = resolve(l->fw, level1, level2);
	m->level1 = level1 ? jx_strdup(level1) : NULL;
	m->level2 = level2 ? jx_strdup(level2) : NULL;
	if (!m->key || (level1 && !m->level1) || (level2 && !m->level2)) {
		char *key = m->key;   /* out of memory: not remembered */

		m->key = NULL;
		forget(m);
		return key;
	}
	l->next = (l->next + 1) % JX_LEVEL_MEMO;
	return jx_strdup(m->key);
}

const struct jx_level_keys *
jx_template_levels_init(struct jx_template_levels *l,
			const struct jx_templates *t)
{
	memset(l, 0, sizeof *l);
	l->fw = t ? jx_templates_default_framework(t) : NULL;
	l->keys.key = template_key;
	l->keys.ctx = l;
	return l->fw ? &l->keys : NULL;
}

void
jx_template_levels_free(struct jx_template_levels *l)
{
	for (size_t i = 0; i < JX_LEVEL_MEMO; i++)
		forget(&l->memo[i]);
	l->next = 0;
}
