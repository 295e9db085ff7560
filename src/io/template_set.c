#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * template_set.c — loading the whole template set: the shipped files, then
 * the user's, which replace shipped templates of the same name; then what
 * only the whole set can tell (a name defined twice, a level the framework
 * does not have, a project row that names no library indicator), checked
 * against the places the reader kept.
 *
 * Exports jx_templates_load and jx_templates_error_files (see
 * io/template_read.h). Nothing is loaded when anything is wrong.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/i18n.h"
#include "core/template.h"
#include "core/text.h"
#include "io/template_internal.h"
#include "io/template_read.h"

/* ---- The set as a whole ------------------------------------------------------ */

struct set_check {
	struct jx_templates *set;    /* every item, and the files */
	struct jx_errlist *errors;
	enum jx_status status;       /* of the first mistake */
};

static void set_error(struct set_check *c, struct jx_tplace p,
		      const char *fmt, ...) JX_PRINTF(3, 4);

static void
set_error(struct set_check *c, struct jx_tplace p, const char *fmt, ...)
{
	char msg[JX_ERR_MSG];
	struct jx_error e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	jx_error_clear(&e);
	jx_error_at(&e, JX_INVALID, c->set->files[p.file].path, p.line,
		    p.column, "%s", msg);
	if (jx_errlist_add(c->errors, &e) != JX_OK)
		c->status = JX_NOMEM;
	else if (c->status == JX_OK)
		c->status = JX_INVALID;
}

static const char *
file_of(const struct set_check *c, struct jx_tplace p)
{
	return c->set->files[p.file].path;
}

static int
place_cmp(struct jx_tplace a, struct jx_tplace b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.column < b.column ? -1 : a.column > b.column;
}

/* One name or alias of an item, for finding the same key twice. */
struct key_ref {
	const char *key, *text, *item_name;
	size_t item;                 /* index in its array */
	bool is_name;                /* the name, not an alias */
	struct jx_tplace where;
};

static int
key_ref_cmp(const void *pa, const void *pb)
{
	const struct key_ref *a = pa, *b = pb;
	int d = strcmp(a->key, b->key);

	return d ? d : place_cmp(a->where, b->where);
}

/* Adds the keys of one item (names: the name, then the aliases). */
static bool
push_keys(struct key_ref **refs, size_t *n, size_t *cap,
	  const struct jx_tnames *keys, const char *name,
	  const struct jx_tnames *aliases, size_t count, size_t item,
	  struct jx_tplace where)
{
	for (size_t k = 0; k < keys->n && k < count; k++) {
		if (*n == *cap) {
			struct key_ref *p = realloc(*refs, (*cap = *cap ? *cap * 2
								  : 64) *
							   sizeof **refs);
			if (!p)
				return false;
			*refs = p;
		}
		(*refs)[(*n)++] = (struct key_ref){
			keys->v[k], k ? aliases->v[k - 1] : name, name, item,
			k == 0, where };
	}
	return true;
}

/* Reports every item that has a name or alias an earlier one has. */
static void
report_clashes(struct set_check *c, struct key_ref *refs, size_t n,
	       const char *what)
{
	qsort(refs, n, sizeof *refs, key_ref_cmp);
	for (size_t i = 0, first = 0; i < n; i++) {
		const struct key_ref *a, *b = &refs[i];

		if (i == 0 || strcmp(refs[i - 1].key, b->key) != 0)
			first = i;
		a = &refs[first];
		if (a->item == b->item || (i > first + 1 &&
					   refs[i - 1].item == b->item))
			continue;
		if (a->is_name && b->is_name)
			set_error(c, b->where, _("duplicate %s '%s' (first at"
						 " %s:%ld)"), what, b->text,
				  file_of(c, a->where), a->where.line);
		else
			set_error(c, b->where, _("%s '%s': '%s' already names"
						 " %s '%s' (%s:%ld)"), what,
				  b->item_name, b->text, what, a->item_name,
				  file_of(c, a->where), a->where.line);
	}
}

static void
check_clashes(struct set_check *c)
{
	struct jx_templates *t = c->set;
	struct key_ref *refs = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;

	for (size_t i = 0; ok && i < t->n_frameworks; i++)
		ok = push_keys(&refs, &n, &cap, &t->frameworks[i].keys,
			       t->frameworks[i].name,
			       &t->frameworks[i].aliases, SIZE_MAX, i,
			       t->frameworks[i].where);
	if (ok)
		report_clashes(c, refs, n, _("framework"));
	n = 0;
	for (size_t i = 0; ok && i < t->n_indicators; i++)
		ok = push_keys(&refs, &n, &cap, &t->indicators[i].keys,
			       t->indicators[i].name,
			       &t->indicators[i].aliases, SIZE_MAX, i,
			       t->indicators[i].where);
	if (ok)
		report_clashes(c, refs, n, _("indicator"));
	n = 0;
	for (size_t i = 0; ok && i < t->n_projects; i++)
		ok = push_keys(&refs, &n, &cap, &t->projects[i].keys,
			       t->projects[i].name, NULL, 1, i,
			       t->projects[i].where);
	if (ok)
		report_clashes(c, refs, n, _("project template"));
	free(refs);
	if (!ok)
		c->status = JX_NOMEM;
}

/* keys a and b share a key. */
static bool
share_key(const struct jx_tnames *a, const struct jx_tnames *b)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (strcmp(a->v[i], b->v[j]) == 0)
				return true;
	return false;
}

/* Inside each framework: a level-1 named twice, a level-2 named twice
 * under one level-1. */
static void
check_levels(struct set_check *c, const struct jx_framework *fw)
{
	for (size_t i = 0; i < fw->n_levels; i++) {
		const struct jx_tlevel1 *l1 = &fw->levels[i];

		for (size_t j = 0; j < i; j++)
			if (share_key(&fw->levels[j].keys, &l1->keys)) {
				set_error(c, l1->where, _("duplicate level-1 "
							  "'%s' in framework"
							  " '%s' (first at "
							  "line %ld)"),
					  l1->name, fw->name,
					  fw->levels[j].where.line);
				break;
			}
		for (size_t k = 0; k < l1->n_level2; k++)
			for (size_t j = 0; j < k; j++)
				if (share_key(&l1->level2[j].keys,
					      &l1->level2[k].keys)) {
					set_error(c, l1->level2[k].where,
						  _("duplicate level-2 '%s' "
						    "under %s (first at line "
						    "%ld)"),
						  l1->level2[k].name, l1->name,
						  l1->level2[j].where.line);
					break;
				}
	}
}

static void
check_defaults(struct set_check *c)
{
	const struct jx_framework *first = NULL;

	for (size_t i = 0; i < c->set->n_frameworks; i++) {
		const struct jx_framework *fw = &c->set->frameworks[i];

		if (!fw->is_default)
			continue;
		if (first)
			set_error(c, fw->where, _("framework '%s' is marked "
						  "default, and so is '%s' "
						  "(%s:%ld); only one can be"),
				  fw->name, first->name,
				  file_of(c, first->where), first->where.line);
		else
			first = fw;
	}
}

/* "产出指标, 效益指标, 满意度指标" (the level-1s of fw, or the level-2s of
 * l1 when l1 is given). */
static void
level_names(const struct jx_framework *fw, const struct jx_tlevel1 *l1,
	    char *buf, size_t size)
{
	size_t len = 0, n = l1 ? l1->n_level2 : fw->n_levels;

	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
			 l1 ? l1->level2[i].name : fw->levels[i].name);
		len += strlen(buf + len);
	}
}

/* A place of a level name: where it was written, else (from the library)
 * where the row is. */
static struct jx_tplace
level_place(struct jx_tplace written, struct jx_tplace row)
{
	return written.line ? written : row;
}

/* Replaces *name with canonical (the framework's spelling). */
static bool
canonical(char **name, const char *canonical_name)
{
	char *copy;

	if (strcmp(*name, canonical_name) == 0)
		return true;
	if (!(copy = jx_strdup(canonical_name)))
		return false;
	free(*name);
	*name = copy;
	return true;
}

/*
 * Resolves *level1 / *level2 in fw, or when fw is NULL in the first
 * framework that has the level-1 (and then the level-2); reports a name
 * that none has at p1 / p2, saying it came from the library entry from1 /
 * from2 when that is given. On success both become the framework's names.
 */
static void
resolve_levels(struct set_check *c, const struct jx_framework *fw,
	       char **level1, char **level2, struct jx_tplace p1,
	       struct jx_tplace p2, const char *from1, const char *from2)
{
	char whence1[JX_ERR_MSG / 4] = "", whence2[JX_ERR_MSG / 4] = "";
	const struct jx_templates *t = c->set;
	const struct jx_tlevel1 *l1 = NULL, *seen = NULL;
	const struct jx_tlevel2 *l2 = NULL;
	const struct jx_framework *in = fw;
	char names[JX_ERR_MSG / 2];

	if (from1)
		snprintf(whence1, sizeof whence1, _("; the row takes it from"
						    " the library's %s"), from1);
	if (from2)
		snprintf(whence2, sizeof whence2, _("; the row takes it from"
						    " the library's %s"), from2);
	for (size_t i = 0; !l2 && i < (fw ? 1 : t->n_frameworks); i++) {
		in = fw ? fw : &t->frameworks[i];
		if (jx_framework_resolve(in, *level1, *level2, &l1, &l2))
			break;
		if (l1 && !seen)
			seen = l1;
	}
	if (l2) {
		if (!canonical(level1, l1->name) ||
		    !canonical(level2, l2->name))
			c->status = JX_NOMEM;
		return;
	}
	if (seen) {
		level_names(NULL, seen, names, sizeof names);
		set_error(c, p2, _("unknown level-2 '%s' under %s (it has: %s)"
				   "%s"), *level2, seen->name, names, whence2);
	} else if (fw) {
		level_names(fw, NULL, names, sizeof names);
		set_error(c, p1, _("unknown level-1 '%s' in framework '%s' "
				   "(it has: %s)%s"), *level1, fw->name, names,
			  whence1);
	} else {
		set_error(c, p1, _("unknown level-1 '%s': no framework has it%s"),
			  *level1, whence1);
	}
}

/* The framework named at p, or NULL after reporting that there is none. */
static const struct jx_framework *
named_framework(struct set_check *c, const char *name, struct jx_tplace p)
{
	const struct jx_framework *fw = jx_templates_framework(c->set, name);
	char names[JX_ERR_MSG / 2];
	size_t len = 0;

	if (fw)
		return fw;
	names[0] = '\0';
	for (size_t i = 0; i < c->set->n_frameworks && len < sizeof names;
	     i++) {
		snprintf(names + len, sizeof names - len, "%s%s",
			 i ? ", " : "", c->set->frameworks[i].name);
		len += strlen(names + len);
	}
	set_error(c, p, _("unknown framework '%s' (known: %s)"), name, names);
	return NULL;
}

static void
resolve_indicator(struct set_check *c, struct jx_tindicator *ind)
{
	const struct jx_framework *fw = NULL;

	if (!ind->name || !ind->level1 || !ind->level2)
		return;  /* reported while reading */
	if (ind->framework &&
	    !(fw = named_framework(c, ind->framework, ind->at.framework)))
		return;
	resolve_levels(c, fw, &ind->level1, &ind->level2, ind->at.level1,
		       ind->at.level2, NULL, NULL);
}

/* Fills what a row leaves out from its library entry. */
static bool
fill_row(struct jx_trow *row, const struct jx_tindicator *ind)
{
	struct { char **to; const char *from; } fill[] = {
		{ &row->level1, ind->level1 }, { &row->level2, ind->level2 },
		{ &row->description, ind->description },
		{ &row->basis, ind->basis },
	};

	for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
		if (!*fill[i].to && fill[i].from &&
		    !(*fill[i].to = jx_strdup(fill[i].from)))
			return false;
	return true;
}

/* What tells the rows of a project template apart: each row's name key
 * and library entry, worked out once per template (comparing every pair
 * of rows would otherwise look both up again for each pair). */
struct row_ids {
	char **keys;
	const struct jx_tindicator **lib;
};

static bool
row_ids_make(const struct jx_templates *t, const struct jx_tproject *p,
	     struct row_ids *ids)
{
	ids->keys = calloc(p->n_rows ? p->n_rows : 1, sizeof *ids->keys);
	ids->lib = calloc(p->n_rows ? p->n_rows : 1, sizeof *ids->lib);
	if (!ids->keys || !ids->lib)
		return false;
	for (size_t i = 0; i < p->n_rows; i++) {
		if (!p->rows[i].name)
			continue;
		ids->keys[i] = jx_template_key(p->rows[i].name, false);
		ids->lib[i] = jx_templates_indicator(t, p->rows[i].name);
	}
	return true;
}

static void
row_ids_free(struct row_ids *ids, size_t n)
{
	for (size_t i = 0; ids->keys && i < n; i++)
		free(ids->keys[i]);
	free(ids->keys);
	free(ids->lib);
}

/* Row j is the same indicator as row i: the same name, or names of the
 * same library entry. */
static bool
same_row(const struct row_ids *ids, size_t i, size_t j)
{
	if (ids->keys[i] && ids->keys[j] &&
	    strcmp(ids->keys[i], ids->keys[j]) == 0)
		return true;
	return ids->lib[i] && ids->lib[i] == ids->lib[j];
}

/* One row of project template p, whose rows follow fw. */
static void
resolve_row(struct set_check *c, const struct jx_tproject *p,
	    const struct jx_framework *fw, const struct row_ids *ids,
	    struct jx_trow *row, size_t i)
{
	const struct jx_tindicator *ind;
	bool own1 = row->level1 != NULL, own2 = row->level2 != NULL;

	if (!row->name)
		return;
	for (size_t j = 0; j < i; j++)
		if (p->rows[j].name && same_row(ids, i, j)) {
			set_error(c, row->where, _("duplicate indicator '%s' "
						   "in project template '%s' "
						   "(first at line %ld)"),
				  row->name, p->name, p->rows[j].where.line);
			break;
		}
	ind = ids->lib[i];
	if (ind && !fill_row(row, ind))
		c->status = JX_NOMEM;
	if (!row->level1 || !row->level2) {
		set_error(c, row->where, _("'%s' in project template '%s' is "
					   "not in the indicator library; "
					   "give its level1 and level2"),
			  row->name, p->name);
		return;
	}
	resolve_levels(c, fw, &row->level1, &row->level2,
		       level_place(row->at.level1, row->where),
		       level_place(row->at.level2, row->where),
		       own1 ? NULL : ind->name, own2 ? NULL : ind->name);
}

static void
resolve_project(struct set_check *c, struct jx_tproject *p)
{
	const struct jx_framework *fw =
		p->framework ? named_framework(c, p->framework,
					       p->at.framework)
			     : jx_templates_default_framework(c->set);

	struct row_ids ids = { NULL, NULL };

	if (!fw || !p->name)
		return;
	if (!row_ids_make(c->set, p, &ids))
		c->status = JX_NOMEM;
	else
		for (size_t i = 0; i < p->n_rows; i++)
			resolve_row(c, p, fw, &ids, &p->rows[i], i);
	row_ids_free(&ids, p->n_rows);
}

/* ---- Shipped, then the user's ------------------------------------------------ */

/* How to handle the items of one array of the set, whatever their type. */
struct kind {
	size_t size, keys, where, overrode;
	void (*free)(void *item);
};

static void free_framework(void *p) { jx_framework_free(p); }
static void free_indicator(void *p) { jx_tindicator_free(p); }
static void free_project(void *p) { jx_tproject_free(p); }

#define KIND(type, freefn) { sizeof(type), offsetof(type, keys), \
	offsetof(type, where), offsetof(type, overrode), freefn }
static const struct kind framework_kind =
	KIND(struct jx_framework, free_framework);
static const struct kind indicator_kind =
	KIND(struct jx_tindicator, free_indicator);
static const struct kind project_kind =
	KIND(struct jx_tproject, free_project);

/*
 * The user's items (uarr[0..un)) replace the shipped ones of the same name
 * (by key) in *tarr, or are appended. A name the user gives twice is
 * appended the second time, so that check_clashes reports it. Every item
 * is moved out of uarr (left zeroed). False when out of memory.
 */
static bool
merge(const struct kind *k, const struct jx_tfile *files, void **tarr,
      size_t *tn, size_t *tcap, char *uarr, size_t un)
{
	for (size_t i = 0; i < un; i++) {
		char *u = uarr + i * k->size, *t = NULL;
		const struct jx_tnames *ukeys = (void *)(u + k->keys);

		for (size_t j = 0; j < *tn && !t; j++) {
			char *cand = (char *)*tarr + j * k->size;
			const struct jx_tnames *tkeys = (void *)(cand + k->keys);
			const struct jx_tplace *w = (void *)(cand + k->where);

			if (!files[w->file].user &&
			    strcmp(tkeys->v[0], ukeys->v[0]) == 0)
				t = cand;
		}
		if (t) {
			size_t was = ((struct jx_tplace *)(void *)
				      (t + k->where))->file;

			k->free(t);
			memcpy(t, u, k->size);
			*(size_t *)(void *)(t + k->overrode) = was + 1;
		} else {
			if (*tn == *tcap) {
				size_t cap = *tcap ? *tcap * 2 : 8;
				void *p = realloc(*tarr, cap * k->size);

				if (!p)
					return false;
				*tarr = p;
				*tcap = cap;
			}
			memcpy((char *)*tarr + (*tn)++ * k->size, u, k->size);
		}
		memset(u, 0, k->size);
	}
	return true;
}

static bool
merge_user(struct jx_templates *t, struct jx_templates *u)
{
	return merge(&framework_kind, t->files, (void **)&t->frameworks,
		     &t->n_frameworks, &t->frameworks_cap,
		     (char *)u->frameworks, u->n_frameworks) &&
	       merge(&indicator_kind, t->files, (void **)&t->indicators,
		     &t->n_indicators, &t->indicators_cap,
		     (char *)u->indicators, u->n_indicators) &&
	       merge(&project_kind, t->files, (void **)&t->projects,
		     &t->n_projects, &t->projects_cap, (char *)u->projects,
		     u->n_projects);
}

/* Puts errors[first..] in the order of the set's files, then line and
 * column (stable); an error about no file of the set comes first. */
static void
sort_errors(const struct jx_templates *t, struct jx_errlist *list,
	    size_t first)
{
	size_t *rank = NULL;
	size_t n = list->count - first;

	if (n < 2 || !(rank = malloc(n * sizeof *rank)))
		return;
	for (size_t i = 0; i < n; i++) {
		rank[i] = 0;
		for (size_t f = 0; f < t->n_files; f++)
			if (strcmp(list->items[first + i].file,
				   t->files[f].path) == 0)
				rank[i] = f + 1;
	}
	/* insertion sort: the lists are short and must stay stable */
	for (size_t i = 1; i < n; i++) {
		struct jx_error e = list->items[first + i];
		size_t r = rank[i], j = i;

		while (j > 0 && (rank[j - 1] > r ||
				 (rank[j - 1] == r &&
				  (list->items[first + j - 1].line > e.line ||
				   (list->items[first + j - 1].line == e.line &&
				    list->items[first + j - 1].column >
					    e.column))))) {
			list->items[first + j] = list->items[first + j - 1];
			rank[j] = rank[j - 1];
			j--;
		}
		list->items[first + j] = e;
		rank[j] = r;
	}
	free(rank);
}

/* What only the whole set can tell. */
static enum jx_status
check_set(struct jx_templates *t, struct jx_errlist *errors)
{
	struct set_check c = { t, errors, JX_OK };

	check_clashes(&c);
	for (size_t i = 0; i < t->n_frameworks; i++)
		check_levels(&c, &t->frameworks[i]);
	check_defaults(&c);
	for (size_t i = 0; i < t->n_indicators; i++)
		resolve_indicator(&c, &t->indicators[i]);
	for (size_t i = 0; i < t->n_projects; i++)
		resolve_project(&c, &t->projects[i]);
	return c.status;
}

/* Reads the files files[from..] into `into`; the status of the first
 * mistake, or JX_OK. */
static enum jx_status
read_files(struct jx_templates *t, size_t from, struct jx_templates *into,
	   struct jx_errlist *errors)
{
	enum jx_status first = JX_OK, st;

	for (size_t f = from; f < t->n_files; f++) {
		st = jx_template_read_file(t, f, into, errors);
		if (first == JX_OK)
			first = st;
		if (st == JX_NOMEM)
			return st;
	}
	return first;
}

enum jx_status
jx_templates_load(struct jx_templates *t, const char *shipped_dir,
		  const char *user_dir, struct jx_errlist *errors)
{
	struct jx_templates u;
	size_t first_error = errors->count, user_from;
	enum jx_status st, st2;

	jx_templates_init(t);
	jx_templates_init(&u);
	st = jx_template_list_dir(t, shipped_dir, false, true, errors);
	if (st == JX_OK)
		st = read_files(t, 0, t, errors);
	user_from = t->n_files;
	st2 = user_dir ? jx_template_list_dir(t, user_dir, true, false, errors)
		       : JX_OK;
	if (st2 == JX_OK)
		st2 = read_files(t, user_from, &u, errors);
	if (st == JX_OK)
		st = st2;
	if (st == JX_OK)
		st = jx_templates_prepare(t) && jx_templates_prepare(&u) &&
		     merge_user(t, &u) ? JX_OK : JX_NOMEM;
	if (st == JX_OK)
		st = check_set(t, errors);
	if (st == JX_OK && !jx_templates_prepare(t))
		st = JX_NOMEM;
	if (st == JX_NOMEM && errors->count == first_error) {
		struct jx_error e;

		jx_error_clear(&e);
		jx_error_set(&e, JX_NOMEM, "out of memory");
		jx_errlist_add(errors, &e);
	}
	sort_errors(t, errors, first_error);
	jx_templates_free(&u);
	if (st != JX_OK)
		jx_templates_free(t);
	return st;
}

void
jx_templates_error_files(const struct jx_errlist *errors, size_t first,
			 char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = first; i < errors->count && len < size; i++) {
		const char *f = errors->items[i].file;
		bool seen = !*f;

		for (size_t j = first; j < i && !seen; j++)
			seen = strcmp(errors->items[j].file, f) == 0;
		if (seen)
			continue;
		snprintf(buf + len, size - len, "%s%s", len ? ", " : "", f);
		len += strlen(buf + len);
	}
}
