/*
 * template.c — the template set in memory: building, freeing, keys, and the
 * lookups the checks and the forms use (see template.h).
 *
 * Lookups compare keys computed once by jx_templates_prepare, so that
 * checking a national database does not fold the library's names again for
 * every row. The library is small (tens to a few hundred entries): a linear
 * scan over precomputed keys is fast enough and keeps file order, which is
 * the order people see.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/template.h"
#include "core/array.h"
#include "core/pinyin.h"
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- building and freeing ------------------------------------------------ */

bool
jx_tnames_add(struct jx_tnames *names, const char *s)
{
	char *copy = jx_strdup(s);
	char **slot;

	if (copy == NULL)
		return false;
	slot = JX_APPEND(names->v, names->n, names->cap);
	if (slot == NULL) {
		free(copy);
		return false;
	}
	*slot = copy;
	return true;
}

void
jx_tnames_free(struct jx_tnames *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	*names = (struct jx_tnames){0};
}

void
jx_templates_init(struct jx_templates *t)
{
	*t = (struct jx_templates){0};
}

static void
level1_free(struct jx_tlevel1 *l1)
{
	for (size_t i = 0; i < l1->n_level2; i++) {
		struct jx_tlevel2 *l2 = &l1->level2[i];

		free(l2->name);
		free(l2->short_name);
		jx_tnames_free(&l2->aliases);
		jx_tnames_free(&l2->keys);
	}
	free(l1->level2);
	free(l1->name);
	free(l1->short_name);
	jx_tnames_free(&l1->aliases);
	jx_tnames_free(&l1->keys);
}

void
jx_framework_free(struct jx_framework *fw)
{
	if (fw == NULL)
		return;
	for (size_t i = 0; i < fw->n_levels; i++)
		level1_free(&fw->levels[i]);
	free(fw->levels);
	free(fw->name);
	free(fw->title);
	jx_tnames_free(&fw->aliases);
	jx_tnames_free(&fw->keys);
	*fw = (struct jx_framework){0};
}

void
jx_tindicator_free(struct jx_tindicator *ind)
{
	if (ind == NULL)
		return;
	free(ind->name);
	free(ind->level1);
	free(ind->level2);
	free(ind->framework);
	free(ind->description);
	free(ind->unit);
	free(ind->basis);
	jx_tnames_free(&ind->aliases);
	jx_tnames_free(&ind->examples);
	jx_tnames_free(&ind->keys);
	*ind = (struct jx_tindicator){0};
}

void
jx_tproject_free(struct jx_tproject *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n_rows; i++) {
		struct jx_trow *r = &p->rows[i];

		free(r->level1);
		free(r->level2);
		free(r->name);
		free(r->description);
		free(r->target);
		free(r->basis);
	}
	free(p->rows);
	free(p->name);
	free(p->title);
	free(p->framework);
	free(p->from);
	jx_tnames_free(&p->keys);
	*p = (struct jx_tproject){0};
}

void
jx_templates_free(struct jx_templates *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n_frameworks; i++)
		jx_framework_free(&t->frameworks[i]);
	for (size_t i = 0; i < t->n_indicators; i++)
		jx_tindicator_free(&t->indicators[i]);
	for (size_t i = 0; i < t->n_projects; i++)
		jx_tproject_free(&t->projects[i]);
	for (size_t i = 0; i < t->n_files; i++)
		free(t->files[i].path);
	free(t->frameworks);
	free(t->indicators);
	free(t->projects);
	free(t->files);
	jx_templates_init(t);
}

struct jx_framework *
jx_templates_add_framework(struct jx_templates *t)
{
	return JX_APPEND(t->frameworks, t->n_frameworks, t->frameworks_cap);
}

struct jx_tindicator *
jx_templates_add_indicator(struct jx_templates *t)
{
	return JX_APPEND(t->indicators, t->n_indicators, t->indicators_cap);
}

struct jx_tproject *
jx_templates_add_project(struct jx_templates *t)
{
	return JX_APPEND(t->projects, t->n_projects, t->projects_cap);
}

struct jx_tlevel1 *
jx_framework_add_level1(struct jx_framework *fw)
{
	return JX_APPEND(fw->levels, fw->n_levels, fw->levels_cap);
}

struct jx_tlevel2 *
jx_tlevel1_add_level2(struct jx_tlevel1 *l1)
{
	return JX_APPEND(l1->level2, l1->n_level2, l1->level2_cap);
}

struct jx_trow *
jx_tproject_add_row(struct jx_tproject *p)
{
	return JX_APPEND(p->rows, p->n_rows, p->rows_cap);
}

/* ---- keys ------------------------------------------------------------------ */

char *
jx_template_key(const char *s, bool level)
{
	static const char suffix[] = "指标";
	size_t k = sizeof suffix - 1, n;
	char *key = jx_text_key(s);

	if (key == NULL || !level)
		return key;
	n = strlen(key);
	if (n > k && memcmp(key + n - k, suffix, k) == 0)
		key[n - k] = '\0';
	return key;
}

/* keys := the keys of name and of each alias. */
static bool
make_keys(struct jx_tnames *keys, const char *name,
	  const struct jx_tnames *aliases, bool level)
{
	jx_tnames_free(keys);
	for (size_t i = 0; i <= (aliases ? aliases->n : 0); i++) {
		const char *s = i == 0 ? name : aliases->v[i - 1];
		char *key = jx_template_key(s ? s : "", level);
		bool ok = key && jx_tnames_add(keys, key);

		free(key);
		if (!ok)
			return false;
	}
	return true;
}

static bool
prepare_framework(struct jx_framework *fw)
{
	if (!make_keys(&fw->keys, fw->name, &fw->aliases, false))
		return false;
	for (size_t i = 0; i < fw->n_levels; i++) {
		struct jx_tlevel1 *l1 = &fw->levels[i];

		if (!make_keys(&l1->keys, l1->name, &l1->aliases, true))
			return false;
		for (size_t j = 0; j < l1->n_level2; j++)
			if (!make_keys(&l1->level2[j].keys, l1->level2[j].name,
				       &l1->level2[j].aliases, true))
				return false;
	}
	return true;
}

bool
jx_templates_prepare(struct jx_templates *t)
{
	for (size_t i = 0; i < t->n_frameworks; i++)
		if (!prepare_framework(&t->frameworks[i]))
			return false;
	for (size_t i = 0; i < t->n_indicators; i++) {
		struct jx_tindicator *ind = &t->indicators[i];

		if (!make_keys(&ind->keys, ind->name, &ind->aliases, false))
			return false;
	}
	for (size_t i = 0; i < t->n_projects; i++) {
		struct jx_tproject *p = &t->projects[i];
		struct jx_tnames title = { &p->title, p->title ? 1 : 0, 0 };

		if (!make_keys(&p->keys, p->name, &title, false))
			return false;
	}
	return true;
}

/* key is one of keys. */
static bool
has_key(const struct jx_tnames *keys, const char *key)
{
	for (size_t i = 0; i < keys->n; i++)
		if (strcmp(keys->v[i], key) == 0)
			return true;
	return false;
}

/* ---- frameworks -------------------------------------------------------------- */

const struct jx_framework *
jx_templates_framework(const struct jx_templates *t, const char *name)
{
	char *key = jx_template_key(name, false);
	const struct jx_framework *found = NULL;

	for (size_t i = 0; key && *key && i < t->n_frameworks && !found; i++)
		if (has_key(&t->frameworks[i].keys, key))
			found = &t->frameworks[i];
	free(key);
	return found;
}

const struct jx_framework *
jx_templates_default_framework(const struct jx_templates *t)
{
	for (size_t i = 0; i < t->n_frameworks; i++)
		if (t->frameworks[i].is_default)
			return &t->frameworks[i];
	return t->n_frameworks ? &t->frameworks[0] : NULL;
}

const struct jx_framework *
jx_templates_framework_for(const struct jx_templates *t,
			   const char *doc_framework, bool *known)
{
	const struct jx_framework *fw = NULL;

	*known = true;
	if (doc_framework && *doc_framework) {
		fw = jx_templates_framework(t, doc_framework);
		*known = fw != NULL;
	}
	return fw ? fw : jx_templates_default_framework(t);
}

const struct jx_tlevel1 *
jx_framework_level1(const struct jx_framework *fw, const char *text)
{
	char *key = jx_template_key(text, true);
	const struct jx_tlevel1 *found = NULL;

	for (size_t i = 0; key && *key && i < fw->n_levels && !found; i++)
		if (has_key(&fw->levels[i].keys, key))
			found = &fw->levels[i];
	free(key);
	return found;
}

const struct jx_tlevel2 *
jx_tlevel1_level2(const struct jx_tlevel1 *l1, const char *text)
{
	char *key = jx_template_key(text, true);
	const struct jx_tlevel2 *found = NULL;

	for (size_t i = 0; key && *key && i < l1->n_level2 && !found; i++)
		if (has_key(&l1->level2[i].keys, key))
			found = &l1->level2[i];
	free(key);
	return found;
}

bool
jx_framework_resolve(const struct jx_framework *fw, const char *level1,
		     const char *level2, const struct jx_tlevel1 **l1,
		     const struct jx_tlevel2 **l2)
{
	*l1 = jx_framework_level1(fw, level1);
	*l2 = *l1 ? jx_tlevel1_level2(*l1, level2) : NULL;
	return *l2 != NULL;
}

size_t
jx_framework_required(const struct jx_framework *fw,
		      struct jx_tlevel_ref *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < fw->n_levels; i++)
		for (size_t j = 0; j < fw->levels[i].n_level2; j++) {
			if (!fw->levels[i].level2[j].required)
				continue;
			if (n < max)
				out[n] = (struct jx_tlevel_ref){
					&fw->levels[i],
					&fw->levels[i].level2[j] };
			n++;
		}
	return n;
}

const char *
jx_framework_short(const struct jx_framework *fw, const char *level1,
		   const char *level2)
{
	const struct jx_tlevel1 *l1 = jx_framework_level1(fw, level1);
	const struct jx_tlevel2 *l2;

	if (level2 == NULL)
		return l1 ? l1->short_name : level1;
	l2 = l1 ? jx_tlevel1_level2(l1, level2) : NULL;
	return l2 ? l2->short_name : level2;
}

/* ---- the library ----------------------------------------------------------------- */

const struct jx_tindicator *
jx_templates_indicator(const struct jx_templates *t, const char *text)
{
	char *key = jx_template_key(text, false);
	const struct jx_tindicator *found = NULL;

	for (size_t i = 0; key && *key && i < t->n_indicators && !found; i++)
		if (has_key(&t->indicators[i].keys, key))
			found = &t->indicators[i];
	free(key);
	return found;
}

/* The query key is a run of ASCII letters, which may be pinyin initials
 * ("zjsyl" for 资金使用率). */
static bool
is_initials(const char *key)
{
	if (*key == '\0')
		return false;
	for (; *key; key++)
		if (*key < 'a' || *key > 'z')
			return false;
	return true;
}

/* How keys match key, best first: 4 the name starts with it, 3 a key
 * contains it; then, when pinyin is set, by the initials of the pinyin
 * (pinyin.h): 2 the name's initials start with it, 1 a key's contain it;
 * 0 none.
 * Direct matches rank first because the letters may be meant as letters. */
static int
match_rank(const struct jx_tnames *keys, const char *key, bool pinyin)
{
	size_t k = strlen(key);

	if (keys->n && strncmp(keys->v[0], key, k) == 0)
		return 4;
	for (size_t i = 0; i < keys->n; i++)
		if (strstr(keys->v[i], key))
			return 3;
	if (!pinyin)
		return 0;
	if (keys->n && jx_pinyin_prefix(keys->v[0], key))
		return 2;
	for (size_t i = 0; i < keys->n; i++)
		if (jx_pinyin_match(keys->v[i], key))
			return 1;
	return 0;
}

/* The entry sits under the level named by want (NULL: any). */
static bool
level_is(const char *level, const char *want)
{
	char *a, *b;
	bool same;

	if (want == NULL)
		return true;
	a = jx_template_key(level, true);
	b = jx_template_key(want, true);
	same = a && b && strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

size_t
jx_templates_find_indicators(const struct jx_templates *t, const char *query,
			     const char *level1, const char *level2,
			     const struct jx_tindicator **out, size_t max)
{
	char *key = jx_template_key(query ? query : "", false);
	size_t n = 0;
	bool pinyin;

	if (key == NULL)
		return 0;
	pinyin = is_initials(key);
	/* A pass per rank keeps each group in library order. */
	for (int want = 4; want >= 1; want--)
		for (size_t i = 0; i < t->n_indicators; i++) {
			const struct jx_tindicator *ind = &t->indicators[i];
			int rank = match_rank(&ind->keys, key, pinyin);

			if (rank != want ||
			    !level_is(ind->level1, level1) ||
			    !level_is(ind->level2, level2))
				continue;
			if (n < max)
				out[n] = ind;
			n++;
		}
	free(key);
	return n;
}

const char *
jx_tindicator_unit(const struct jx_tindicator *ind)
{
	return ind->unit_norm;
}

static const char *const direction_names[] = {
	"", "higher", "lower", "deadline", "qualitative"
};

const char *
jx_direction_name(enum jx_direction d)
{
	size_t i = (size_t)d;

	return i < sizeof direction_names / sizeof *direction_names
		       ? direction_names[i] : "";
}

enum jx_direction
jx_direction_parse(const char *s)
{
	for (size_t i = 1; s && i < sizeof direction_names /
					    sizeof *direction_names; i++)
		if (strcmp(s, direction_names[i]) == 0)
			return (enum jx_direction)i;
	return JX_DIR_NONE;
}

/* ---- project templates ------------------------------------------------------------ */

const struct jx_tproject *
jx_templates_project(const struct jx_templates *t, const char *name)
{
	char *key = jx_template_key(name, false);
	const struct jx_tproject *found = NULL;

	for (size_t i = 0; key && *key && i < t->n_projects && !found; i++)
		if (t->projects[i].keys.n &&
		    strcmp(t->projects[i].keys.v[0], key) == 0)
			found = &t->projects[i];
	free(key);
	return found;
}

size_t
jx_templates_find_projects(const struct jx_templates *t, const char *query,
			   const struct jx_tproject **out, size_t max)
{
	char *key = jx_template_key(query ? query : "", false);
	size_t n = 0;
	bool pinyin;

	if (key == NULL)
		return 0;
	pinyin = is_initials(key);
	for (int want = 4; want >= 1; want--)
		for (size_t i = 0; i < t->n_projects; i++) {
			if (match_rank(&t->projects[i].keys, key, pinyin) !=
			    want)
				continue;
			if (n < max)
				out[n] = &t->projects[i];
			n++;
		}
	free(key);
	return n;
}
