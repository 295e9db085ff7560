#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * keymap.c — key bindings per context, and the YAML loader for them.
 *
 * Exports jx_keymap_new/free/load/load_file/load_builtin, the lookups
 * (jx_keymap_lookup, jx_keymap_keys, jx_keymap_effective_keys),
 * jx_keymap_equal and jx_context_name (see keymap.h); key names are in
 * keys.c, the built-in text in the generated keymap_builtin.c.
 *
 * Loading happens in two steps. The text is walked with libyaml's event
 * parser through io/yaml_events.h (as io/yaml_read.c does: each function
 * starts on the first event of the node it reads and leaves that node's last
 * event current), and every binding is staged, every mistake collected.
 * Only when the whole text is free of mistakes are the staged bindings
 * applied, to a copy of the keymap that then replaces it, so a bad file or
 * running out of memory never leaves a half-loaded keymap.
 *
 * A context keeps its bindings as (key, action) pairs in the order they were
 * given: a lookup is a linear scan over a few dozen pairs per keystroke.
 * Each key appears at most once per context.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/error.h"
#include "io/yaml_events.h"
#include "tui/actions.h"
#include "tui/keymap.h"

/* ---- The keymap ---------------------------------------------------------- */

struct binding {
	jx_keycode key;
	enum jx_action action;
};

struct ctxmap {
	struct binding *items;         /* in the order given */
	size_t count, cap;
	bool named[JX_ACTION_COUNT];   /* the context gave keys (or none) */
};

struct jx_keymap {
	struct ctxmap ctx[JX_CTX_COUNT];
};

static const char *const context_names[JX_CTX_COUNT] = {
	[JX_CTX_GENERIC] = "generic",
	[JX_CTX_DEPARTMENTS] = "departments",
	[JX_CTX_PROJECTS] = "projects",
	[JX_CTX_INDICATORS] = "indicators",
	[JX_CTX_PROMPT] = "prompt",
	[JX_CTX_HELP] = "help",
	[JX_CTX_COMPARE] = "compare",
	[JX_CTX_FORM] = "form",
	[JX_CTX_GRID] = "grid",
};

const char *
jx_context_name(enum jx_context ctx)
{
	return (unsigned)ctx < JX_CTX_COUNT ? context_names[ctx] : NULL;
}

static size_t
action_index(enum jx_action action)
{
	return (size_t)(action - JX_ACT_NONE - 1);
}

static bool
valid_action(enum jx_action action)
{
	return action > JX_ACT_NONE && action < JX_ACT_END;
}

/* The context a context falls back to: the grid to the form, pane
 * contexts, help and compare to generic; generic, prompt and form (where
 * unbound keys are typed) to none (JX_CTX_COUNT). */
static enum jx_context
parent_of(enum jx_context ctx)
{
	switch (ctx) {
	case JX_CTX_GENERIC: case JX_CTX_PROMPT: case JX_CTX_FORM:
		return JX_CTX_COUNT;
	case JX_CTX_GRID:
		return JX_CTX_FORM;
	default:
		return JX_CTX_GENERIC;
	}
}

static bool
falls_back(enum jx_context ctx)
{
	return parent_of(ctx) != JX_CTX_COUNT;
}

struct jx_keymap *
jx_keymap_new(void)
{
	return calloc(1, sizeof(struct jx_keymap));
}

static void
keymap_clear(struct jx_keymap *km)
{
	for (size_t c = 0; c < JX_CTX_COUNT; c++)
		free(km->ctx[c].items);
	memset(km, 0, sizeof *km);
}

void
jx_keymap_free(struct jx_keymap *km)
{
	if (!km)
		return;
	keymap_clear(km);
	free(km);
}

/* Deep copy of src into dst (which holds nothing). False on no memory, with
 * dst left empty. */
static bool
keymap_copy(struct jx_keymap *dst, const struct jx_keymap *src)
{
	*dst = *src;
	for (size_t c = 0; c < JX_CTX_COUNT; c++) {
		struct ctxmap *d = &dst->ctx[c];
		size_t bytes = src->ctx[c].count * sizeof *d->items;

		d->items = NULL;
		d->cap = d->count;
		if (bytes && !(d->items = malloc(bytes))) {
			for (size_t i = 0; i < c; i++)
				free(dst->ctx[i].items);
			memset(dst, 0, sizeof *dst);
			return false;
		}
		if (bytes)
			memcpy(d->items, src->ctx[c].items, bytes);
	}
	return true;
}

static const struct binding *
find_key(const struct ctxmap *m, jx_keycode key)
{
	for (size_t i = 0; i < m->count; i++)
		if (m->items[i].key == key)
			return &m->items[i];
	return NULL;
}

static enum jx_action
bound_to(const struct ctxmap *m, jx_keycode key)
{
	const struct binding *b = find_key(m, key);

	return b ? b->action : JX_ACT_NONE;
}

enum jx_action
jx_keymap_lookup(const struct jx_keymap *km, enum jx_context ctx,
		 jx_keycode key)
{
	const struct ctxmap *m;
	enum jx_action a;

	if (!km || (unsigned)ctx >= JX_CTX_COUNT)
		return JX_ACT_NONE;
	m = &km->ctx[ctx];
	a = bound_to(m, key);
	if (a != JX_ACT_NONE || !falls_back(ctx))
		return a;
	a = bound_to(&km->ctx[parent_of(ctx)], key);
	if (a != JX_ACT_NONE && m->named[action_index(a)])
		return JX_ACT_NONE;
	return a;
}

/* The keys of action in m, skipping those that ctx `mask` binds itself
 * (mask may be NULL). */
static size_t
keys_of(const struct ctxmap *m, const struct ctxmap *mask,
	enum jx_action action, jx_keycode *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < m->count; i++) {
		const struct binding *b = &m->items[i];

		if (b->action != action || (mask && find_key(mask, b->key)))
			continue;
		if (out && n < max)
			out[n] = b->key;
		n++;
	}
	return n;
}

size_t
jx_keymap_keys(const struct jx_keymap *km, enum jx_context ctx,
	       enum jx_action action, jx_keycode *out, size_t max)
{
	if (!km || (unsigned)ctx >= JX_CTX_COUNT)
		return 0;
	return keys_of(&km->ctx[ctx], NULL, action, out, max);
}

size_t
jx_keymap_effective_keys(const struct jx_keymap *km, enum jx_context ctx,
			 enum jx_action action, jx_keycode *out, size_t max)
{
	const struct ctxmap *m;

	if (!km || (unsigned)ctx >= JX_CTX_COUNT || !valid_action(action))
		return 0;
	m = &km->ctx[ctx];
	if (!falls_back(ctx) || m->named[action_index(action)])
		return keys_of(m, NULL, action, out, max);
	return keys_of(&km->ctx[parent_of(ctx)], m, action, out, max);
}

static bool
ctxmap_equal(const struct ctxmap *a, const struct ctxmap *b)
{
	if (a->count != b->count ||
	    memcmp(a->named, b->named, sizeof a->named) != 0)
		return false;
	/* Keys are unique in a context, so same size + inclusion is equality. */
	for (size_t i = 0; i < a->count; i++)
		if (bound_to(b, a->items[i].key) != a->items[i].action)
			return false;
	return true;
}

bool
jx_keymap_equal(const struct jx_keymap *a, const struct jx_keymap *b)
{
	if (!a || !b)
		return a == b;
	for (size_t c = 0; c < JX_CTX_COUNT; c++)
		if (!ctxmap_equal(&a->ctx[c], &b->ctx[c]))
			return false;
	return true;
}

/* ---- Staged bindings ------------------------------------------------------ */

/* One key of a binding, with where the text gave it. */
struct staged_key {
	jx_keycode key;
	long line;
};

/* One "action: keys" line of the text. */
struct entry {
	enum jx_context ctx;
	enum jx_action action;
	long line;          /* of the action's name */
	bool none;          /* `none` was given */
	size_t first, n;    /* its keys in loader.keys */
};

/* Replaces e's keys in m: the action loses its old keys, each new key is
 * taken from whatever action had it. m has room for e->n more bindings. */
static void
apply_entry(struct ctxmap *m, const struct entry *e,
	    const struct staged_key *keys)
{
	size_t kept = 0;

	for (size_t i = 0; i < m->count; i++) {
		const struct binding *b = &m->items[i];
		bool taken = b->action == e->action;

		for (size_t k = 0; k < e->n && !taken; k++)
			taken = keys[e->first + k].key == b->key;
		if (!taken)
			m->items[kept++] = *b;
	}
	m->count = kept;
	for (size_t k = 0; k < e->n; k++)
		m->items[m->count++] = (struct binding){ keys[e->first + k].key,
							 e->action };
	m->named[action_index(e->action)] = true;
}

/* Makes room for need items of `size` bytes in items, an array of *cap
 * (NULL when *cap is 0), and stores the array in *out. False when out of
 * memory; items is then unchanged. */
static bool
grow(void *items, size_t *cap, size_t need, size_t size, void **out)
{
	size_t cap2 = *cap ? *cap : 8;

	*out = items;
	if (need <= *cap)
		return true;
	while (cap2 < need)
		cap2 *= 2;
	if (!(*out = realloc(items, cap2 * size))) {
		*out = items;
		return false;
	}
	*cap = cap2;
	return true;
}

/* Applies every entry to a copy of km, then swaps the copy in. */
static bool
apply_all(struct jx_keymap *km, const struct entry *entries, size_t n,
	  const struct staged_key *keys)
{
	struct jx_keymap copy;

	if (!keymap_copy(&copy, km))
		return false;
	for (size_t i = 0; i < n; i++) {
		struct ctxmap *m = &copy.ctx[entries[i].ctx];
		void *p;
		bool ok = grow(m->items, &m->cap, m->count + entries[i].n,
			       sizeof *m->items, &p);

		m->items = p;
		if (!ok) {
			keymap_clear(&copy);
			return false;
		}
		apply_entry(m, &entries[i], keys);
	}
	keymap_clear(km);
	*km = copy;
	return true;
}

/* ---- The loader ------------------------------------------------------------ */

#define SHOWN 80        /* bytes of a name quoted in a message */
#define DISTANCE_MAX 64 /* longest name compared for "did you mean" */

/* The text being read (io/yaml_events.h), and what it stages. */
struct loader {
	struct jx_yaml_events y;
	struct entry *entries;
	size_t n_entries, cap_entries;
	struct staged_key *keys;
	size_t n_keys, cap_keys;
	long ctx_line[JX_CTX_COUNT]; /* where each context was given; 0: not */
};

/* The current scalar holds no NUL byte, so it reads as a C string. */
static bool
scalar_is_string(const struct loader *l)
{
	return strlen(jx_yaml_events_scalar(&l->y)) ==
	       l->y.ev.data.scalar.length;
}

/* Copies the current scalar for a message: at most SHOWN bytes, cut on a
 * character boundary, "…" when cut; a NUL shows as "\0". */
static void
shown(const struct loader *l, char *buf, size_t size)
{
	const char *s = jx_yaml_events_scalar(&l->y);
	size_t n = jx_yaml_events_cut(&l->y, SHOWN), out = 0;

	for (size_t i = 0; i < n && out + 3 < size; i++) {
		if (s[i] == '\0') {
			buf[out++] = '\\';
			buf[out++] = '0';
		} else {
			buf[out++] = s[i];
		}
	}
	buf[out] = '\0';
	if (n < l->y.ev.data.scalar.length)
		snprintf(buf + out, size - out, "…");
}

/* ---- "Did you mean" -------------------------------------------------------- */

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Levenshtein distance, ignoring ASCII case; SIZE_MAX for long names. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[DISTANCE_MAX + 1];

	if (la > DISTANCE_MAX || lb > DISTANCE_MAX)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = ascii_lower((unsigned char)a[i - 1]) !=
				      ascii_lower((unsigned char)b[j - 1]);
			size_t best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The candidate closest to name: at most 2 edits away, and no more edits
 * than a third of the longer name (so "ab" does not suggest "Up").
 * nth(i) gives the candidates and NULL after the last. */
static const char *
closest(const char *name, const char *(*nth)(size_t i))
{
	const char *best = NULL, *cand;
	size_t best_d = 3;

	for (size_t i = 0; (cand = nth(i)) != NULL; i++) {
		size_t d = distance(name, cand);
		size_t longer = strlen(name) > strlen(cand) ? strlen(name)
							    : strlen(cand);

		if (d < best_d && 3 * d <= longer) {
			best = cand;
			best_d = d;
		}
	}
	return best;
}

static const char *
nth_action(size_t i)
{
	return i < JX_ACTION_COUNT ? jx_actions[i].name : NULL;
}

static const char *
nth_context(size_t i)
{
	return jx_context_name((enum jx_context)i);
}

/* ---- Reading ---------------------------------------------------------------- */

static struct entry *
new_entry(struct loader *l, enum jx_context ctx, enum jx_action action,
	  long line)
{
	struct entry *e;
	void *p;
	bool ok = grow(l->entries, &l->cap_entries, l->n_entries + 1,
		       sizeof *l->entries, &p);

	l->entries = p;
	if (!ok) {
		jx_yaml_events_out_of_memory(&l->y);
		return NULL;
	}
	e = &l->entries[l->n_entries++];
	*e = (struct entry){ .ctx = ctx, .action = action, .line = line,
			     .first = l->n_keys };
	return e;
}

/* The entry (other than `self`) of this text that binds key in ctx, and
 * which of its keys it is. */
static const struct entry *
staged_owner(const struct loader *l, const struct entry *self,
	     jx_keycode key, const struct staged_key **at)
{
	for (size_t i = 0; i < l->n_entries; i++) {
		const struct entry *e = &l->entries[i];

		if (e == self || e->ctx != self->ctx)
			continue;
		for (size_t k = 0; k < e->n; k++) {
			if (l->keys[e->first + k].key == key) {
				*at = &l->keys[e->first + k];
				return e;
			}
		}
	}
	return NULL;
}

static bool
listed_in(const struct loader *l, const struct entry *e, jx_keycode key)
{
	for (size_t k = 0; k < e->n; k++)
		if (l->keys[e->first + k].key == key)
			return true;
	return false;
}

/* Reports a key the current text binds twice; true when it does. */
static bool
check_twice(struct loader *l, const struct entry *e, jx_keycode key)
{
	struct jx_yaml_events *y = &l->y;
	const char *ctx = context_names[e->ctx];
	const char *act = jx_action_info(e->action)->name;
	const struct staged_key *at;
	const struct entry *other;
	char name[32];

	jx_key_name(key, name, sizeof name);
	if (listed_in(l, e, key)) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("key '%s' is listed twice for %s in %s"),
				      name, act, ctx);
		return true;
	}
	if (!(other = staged_owner(l, e, key, &at)))
		return false;
	jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
			      _("key '%s' is bound twice in %s: to %s "
			      "(line %ld) and to %s"), name, ctx,
			      jx_action_info(other->action)->name, at->line,
			      act);
	return true;
}

static void
report_unknown_key(struct loader *l)
{
	struct jx_yaml_events *y = &l->y;
	const char *s = jx_yaml_events_scalar(y);
	char text[SHOWN * 2 + 8], hint[128];
	const char *close = NULL;

	shown(l, text, sizeof text);
	if (scalar_is_string(l) && jx_key_hint(s, hint, sizeof hint)) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("unknown key '%s' (%s)"), text, hint);
		return;
	}
	if (scalar_is_string(l) && y->ev.data.scalar.length > 1)
		close = closest(s, jx_key_named);
	if (close)
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("unknown key '%s'; did you mean '%s'?"),
				      text, close);
	else
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("unknown key '%s' (a key is one "
				      "character or a name such as C-x, M-x, "
				      "F1, PgDn)"), text);
}

static bool
is_none(const struct loader *l)
{
	return l->y.ev.type == YAML_SCALAR_EVENT &&
	       strcmp(jx_yaml_events_scalar(&l->y), "none") == 0 &&
	       scalar_is_string(l);
}

/* Stages the current scalar, a key name or `none`, as one of e's keys. */
static void
read_key(struct loader *l, struct entry *e)
{
	struct jx_yaml_events *y = &l->y;
	jx_keycode key;
	bool none = is_none(l);

	if (none ? e->n > 0 : e->none) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("none cannot be mixed with keys (%s in "
				      "%s)"), jx_action_info(e->action)->name,
				      context_names[e->ctx]);
		return;
	}
	if (none) {
		e->none = true;
		return;
	}
	if (!scalar_is_string(l) ||
	    !jx_key_parse(jx_yaml_events_scalar(y), &key)) {
		report_unknown_key(l);
		return;
	}
	if (check_twice(l, e, key))
		return;
	void *p;
	bool ok = grow(l->keys, &l->cap_keys, l->n_keys + 1, sizeof *l->keys,
		       &p);

	l->keys = p;
	if (!ok) {
		jx_yaml_events_out_of_memory(y);
		return;
	}
	l->keys[l->n_keys++] = (struct staged_key){
		key, (long)y->ev.start_mark.line + 1 };
	e->n++;
}

/* A list of keys; the sequence start is current. */
static bool
read_key_list(struct loader *l, struct entry *e)
{
	struct jx_yaml_events *y = &l->y;

	while (jx_yaml_events_next(y) &&
	       y->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (y->ev.type == YAML_SCALAR_EVENT) {
			read_key(l, e);
			continue;
		}
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("the keys of %s in %s must be key "
				      "names, not %s"),
				      jx_action_info(e->action)->name,
				      context_names[e->ctx],
				      jx_yaml_events_kind(y));
		if (!jx_yaml_events_skip_node(y))
			return false;
	}
	return !y->stop;
}

/* The value of "action: …" (a key, a list of keys or none); its first
 * event is current. The entry is staged even when the value is wrong, so
 * that a second "action:" is still reported. Keys are staged right after
 * their entry, so an entry's keys stay contiguous. */
static bool
read_binding(struct loader *l, enum jx_context ctx, enum jx_action action,
	     long line)
{
	struct jx_yaml_events *y = &l->y;
	const char *act = jx_action_info(action)->name;
	struct entry *e = new_entry(l, ctx, action, line);

	if (!e)
		return false;
	if (jx_yaml_events_is_null(y)) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("%s in %s has no keys (write none to "
				      "unbind it)"), act, context_names[ctx]);
		return true;
	}
	if (y->ev.type == YAML_SEQUENCE_START_EVENT)
		return read_key_list(l, e);
	if (y->ev.type == YAML_SCALAR_EVENT) {
		read_key(l, e);
		return !y->stop;
	}
	jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
			      _("%s in %s must be a key or a list of keys, "
			      "not %s"), act, context_names[ctx],
			      jx_yaml_events_kind(y));
	return jx_yaml_events_skip_node(y);
}

/* The entry of this text for action in ctx, if there is one already. */
static const struct entry *
staged_action(const struct loader *l, enum jx_context ctx,
	      enum jx_action action)
{
	for (size_t i = 0; i < l->n_entries; i++)
		if (l->entries[i].ctx == ctx && l->entries[i].action == action)
			return &l->entries[i];
	return NULL;
}

/* The action named by the current scalar (a mapping key), or JX_ACT_NONE
 * after reporting why not. */
static enum jx_action
read_action_name(struct loader *l, enum jx_context ctx)
{
	struct jx_yaml_events *y = &l->y;
	const char *s = jx_yaml_events_scalar(y);
	char text[SHOWN * 2 + 8];
	const char *close;
	const struct entry *seen;
	enum jx_action a;

	shown(l, text, sizeof text);
	a = scalar_is_string(l) ? jx_action_by_name(s) : JX_ACT_NONE;
	if (a == JX_ACT_NONE) {
		close = scalar_is_string(l) ? closest(s, nth_action) : NULL;
		if (close)
			jx_yaml_events_report(y, JX_UNKNOWN, y->ev.start_mark,
					      _("unknown action '%s'; did you "
					      "mean '%s'?"), text, close);
		else
			jx_yaml_events_report(y, JX_UNKNOWN, y->ev.start_mark,
					      _("unknown action '%s'"), text);
	} else if ((seen = staged_action(l, ctx, a)) != NULL) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("action '%s' is listed twice in %s "
				      "(first at line %ld)"), text,
				      context_names[ctx], seen->line);
		a = JX_ACT_NONE;
	}
	return a;
}

/* One context's "action: keys" mapping; the mapping start is current. */
static bool
read_context_body(struct loader *l, enum jx_context ctx)
{
	struct jx_yaml_events *y = &l->y;

	while (jx_yaml_events_next(y) &&
	       y->ev.type != YAML_MAPPING_END_EVENT) {
		enum jx_action a = JX_ACT_NONE;
		long line = (long)y->ev.start_mark.line + 1;

		if (y->ev.type == YAML_SCALAR_EVENT)
			a = read_action_name(l, ctx);
		else
			jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
					      _("an action name must be text, "
					      "not %s"),
					      jx_yaml_events_kind(y));
		if (!jx_yaml_events_skip_node(y) || !jx_yaml_events_next(y))
			return false;
		if (a == JX_ACT_NONE ? !jx_yaml_events_skip_node(y)
				     : !read_binding(l, ctx, a, line))
			return false;
	}
	return !y->stop;
}

/* The context named by the current scalar (a mapping key), or
 * JX_CTX_COUNT after reporting why not. */
static enum jx_context
read_context_name(struct loader *l)
{
	struct jx_yaml_events *y = &l->y;
	const char *s = jx_yaml_events_scalar(y);
	char text[SHOWN * 2 + 8];
	const char *close = NULL;

	shown(l, text, sizeof text);
	for (size_t c = 0; c < JX_CTX_COUNT; c++) {
		if (!scalar_is_string(l) || strcmp(s, context_names[c]) != 0)
			continue;
		if (l->ctx_line[c]) {
			jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
					      _("context '%s' is given twice "
					      "(first at line %ld)"), text,
					      l->ctx_line[c]);
			return JX_CTX_COUNT;
		}
		l->ctx_line[c] = (long)y->ev.start_mark.line + 1;
		return (enum jx_context)c;
	}
	if (scalar_is_string(l))
		close = closest(s, nth_context);
	if (close)
		jx_yaml_events_report(y, JX_UNKNOWN, y->ev.start_mark,
				      _("unknown context '%s'; did you mean "
				      "'%s'?"), text, close);
	else
		jx_yaml_events_report(y, JX_UNKNOWN, y->ev.start_mark,
				      _("unknown context '%s' (known: generic, "
				      "departments, projects, indicators, "
				      "prompt, help, compare, form, grid)"),
				      text);
	return JX_CTX_COUNT;
}

/* The value of "context: …"; its first event is current. */
static bool
read_context(struct loader *l, enum jx_context ctx)
{
	struct jx_yaml_events *y = &l->y;

	if (ctx == JX_CTX_COUNT || jx_yaml_events_is_null(y))
		return jx_yaml_events_skip_node(y);
	if (y->ev.type == YAML_MAPPING_START_EVENT)
		return read_context_body(l, ctx);
	jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
			      _("context '%s' must be a mapping of actions to "
			      "keys, not %s"), context_names[ctx],
			      jx_yaml_events_kind(y));
	return jx_yaml_events_skip_node(y);
}

/* The top mapping of contexts; the mapping start is current. */
static bool
read_contexts(struct loader *l)
{
	struct jx_yaml_events *y = &l->y;

	while (jx_yaml_events_next(y) &&
	       y->ev.type != YAML_MAPPING_END_EVENT) {
		enum jx_context ctx = JX_CTX_COUNT;

		if (y->ev.type == YAML_SCALAR_EVENT)
			ctx = read_context_name(l);
		else
			jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
					      _("a context name must be text, "
					      "not %s"),
					      jx_yaml_events_kind(y));
		if (!jx_yaml_events_skip_node(y) || !jx_yaml_events_next(y) ||
		    !read_context(l, ctx))
			return false;
	}
	return !y->stop;
}

/* The stream: nothing, or one document whose root is a mapping (or
 * empty). */
static void
read_stream(struct loader *l)
{
	struct jx_yaml_events *y = &l->y;

	/* stream start, document start */
	if (!jx_yaml_events_next(y) || !jx_yaml_events_next(y))
		return;
	if (y->ev.type == YAML_STREAM_END_EVENT || !jx_yaml_events_next(y))
		return;
	if (y->ev.type == YAML_MAPPING_START_EVENT) {
		if (!read_contexts(l))
			return;
	} else if (!jx_yaml_events_is_null(y)) {
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("a keymap must be a mapping of contexts "
				      "(generic: …), not %s"),
				      jx_yaml_events_kind(y));
		if (!jx_yaml_events_skip_node(y))
			return;
	}
	jx_yaml_events_finish(y, "a keymap file holds one");
}

enum jx_status
jx_keymap_load(struct jx_keymap *km, const char *data, size_t len,
	       const char *filename, struct jx_errlist *errors)
{
	struct loader l;

	memset(&l, 0, sizeof l);
	if (jx_yaml_events_init(&l.y, data, len,
				filename ? filename : "<keymap>",
				errors) != JX_OK)
		return l.y.status;
	read_stream(&l);
	jx_yaml_events_free(&l.y);
	if (l.y.status == JX_OK &&
	    !apply_all(km, l.entries, l.n_entries, l.keys))
		jx_yaml_events_out_of_memory(&l.y);
	free(l.entries);
	free(l.keys);
	return l.y.status;
}

enum jx_status
jx_keymap_load_file(struct jx_keymap *km, const char *path,
		    struct jx_errlist *errors)
{
	char *data;
	size_t len;
	enum jx_status st;

	st = jx_yaml_events_read_file(path, NULL, &data, &len, errors);
	if (st != JX_OK)
		return st;
	st = jx_keymap_load(km, data, len, path, errors);
	free(data);
	return st;
}

enum jx_status
jx_keymap_load_builtin(struct jx_keymap *km, struct jx_errlist *errors)
{
	return jx_keymap_load(km, jx_keymap_builtin_text,
			      strlen(jx_keymap_builtin_text), "<built-in>",
			      errors);
}

enum jx_context
jx_action_home_context(enum jx_action action)
{
	const struct jx_action_info *info = jx_action_info(action);

	if (action == JX_ACT_ACCEPT || action == JX_ACT_CANCEL)
		return JX_CTX_PROMPT;
	if (info && (strcmp(info->group, "Forms") == 0 ||
		     strcmp(info->group, "Typing") == 0))
		return JX_CTX_FORM;
	if (info && strcmp(info->group, "Grid") == 0)
		return JX_CTX_GRID;
	if (info && strcmp(info->group, "Compare") == 0 &&
	    action != JX_ACT_COMPARE)
		return JX_CTX_COMPARE;
	return JX_CTX_GENERIC;
}
