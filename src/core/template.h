/*
 * template.h — indicator templates in memory: the frameworks (which level-1
 * and level-2 indicators a table has, in which order, which are required,
 * their short forms and aliases), the library of level-3 indicators, and
 * project templates (the rows a kind of project starts with).
 *
 * Pure data and lookups, no I/O: io/template_read.c fills a jx_templates
 * from the YAML files of data/templates and the user's directory
 * (doc/templates.md).
 * Names are matched by a key — NFKC, white space removed, ASCII lowered
 * (jx_text_key), and for level names a final 指标 dropped — so that
 * "社会效益指 标", "数量" and "数量指标" find the same level.
 */
#ifndef JX_CORE_TEMPLATE_H
#define JX_CORE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/target.h"

/* Where a template was defined: a file of jx_templates.files, 1-based line
 * and column of its first key. */
struct jx_tplace {
	size_t file;
	long line, column;
};

/* Where some values were written, for messages about them found once every
 * file is read (a level no framework has, an unknown framework). */
struct jx_tmarks {
	struct jx_tplace level1, level2, framework, unit;
};

/* A list of owned strings. */
struct jx_tnames {
	char **v;
	size_t n, cap;
};

struct jx_tlevel2 {
	char *name;              /* 数量指标 */
	char *short_name;        /* 数量 (the name without 指标 when not given) */
	struct jx_tnames aliases;
	bool required;           /* every project must have a row with a target */
	struct jx_tplace where;
	struct jx_tnames keys;   /* of name and aliases (jx_templates_prepare) */
};

struct jx_tlevel1 {
	char *name;              /* 产出指标 */
	char *short_name;
	struct jx_tnames aliases;
	bool required;           /* a project must have a row under it */
	struct jx_tlevel2 *level2;
	size_t n_level2, level2_cap;
	struct jx_tplace where;
	struct jx_tnames keys;
};

struct jx_framework {
	char *name;              /* '2012', '2021': what a doc's framework says */
	char *title;
	struct jx_tnames aliases;
	bool is_default;         /* for a doc that names no framework */
	struct jx_tlevel1 *levels;
	size_t n_levels, levels_cap;
	struct jx_tplace where;
	size_t overrode;         /* 0, or 1 + the file whose one it replaced */
	struct jx_tnames keys;
};

enum jx_direction {
	JX_DIR_NONE = 0,         /* not given */
	JX_DIR_HIGHER,           /* more is better */
	JX_DIR_LOWER,            /* less is better (costs, caps) */
	JX_DIR_DEADLINE,         /* done by a date */
	JX_DIR_QUALITATIVE       /* a word: 提高, 良好 */
};

/* A level-3 indicator of the library. */
struct jx_tindicator {
	char *name;
	char *level1, *level2;   /* canonical names of the framework */
	char *framework;         /* the vintage its levels belong to, or NULL */
	struct jx_tnames aliases;
	char *description;
	char *unit;              /* as written ('%', 万元, 元/人/天), or NULL */
	char unit_norm[JX_TARGET_UNIT_MAX]; /* as jx_target_parse names it */
	enum jx_direction direction;
	char *basis;
	struct jx_tnames examples;
	struct jx_tplace where;
	struct jx_tmarks at;
	size_t overrode;
	struct jx_tnames keys;
};

/* One row of a project template. */
struct jx_trow {
	char *level1, *level2, *name, *description, *target, *basis;
	struct jx_tplace where;
	struct jx_tmarks at;
};

struct jx_tproject {
	char *name;              /* 工资及保险 */
	char *title;
	char *framework;         /* the vintage of its rows; NULL: the default */
	char *from;              /* which published projects it was drawn from */
	struct jx_trow *rows;
	size_t n_rows, rows_cap;
	struct jx_tplace where;
	struct jx_tmarks at;
	size_t overrode;
	struct jx_tnames keys;   /* of name and title */
};

struct jx_tfile {
	char *path;
	bool user;               /* from the user's directory, not shipped */
};

struct jx_templates {
	struct jx_tfile *files;
	size_t n_files, files_cap;
	struct jx_framework *frameworks;
	size_t n_frameworks, frameworks_cap;
	struct jx_tindicator *indicators;
	size_t n_indicators, indicators_cap;
	struct jx_tproject *projects;
	size_t n_projects, projects_cap;
};

/* An empty set. */
void jx_templates_init(struct jx_templates *t);
/* Frees what the set owns and leaves it empty (NULL is accepted). */
void jx_templates_free(struct jx_templates *t);
void jx_framework_free(struct jx_framework *fw);
void jx_tindicator_free(struct jx_tindicator *ind);
void jx_tproject_free(struct jx_tproject *p);

/* Appending: a zeroed element, or NULL when out of memory. A pointer is
 * valid until the next append to the same array. */
struct jx_framework *jx_templates_add_framework(struct jx_templates *t);
struct jx_tindicator *jx_templates_add_indicator(struct jx_templates *t);
struct jx_tproject *jx_templates_add_project(struct jx_templates *t);
struct jx_tlevel1 *jx_framework_add_level1(struct jx_framework *fw);
struct jx_tlevel2 *jx_tlevel1_add_level2(struct jx_tlevel1 *l1);
struct jx_trow *jx_tproject_add_row(struct jx_tproject *p);
/* Appends a copy of s; false when out of memory. */
bool jx_tnames_add(struct jx_tnames *names, const char *s);
void jx_tnames_free(struct jx_tnames *names);

/* Computes the keys of every name and alias (the `keys` members), which
 * the lookups below need; call it after filling or changing the set. False
 * when out of memory or a name is not UTF-8. */
bool jx_templates_prepare(struct jx_templates *t);

/* The key names are matched by: jx_text_key, and for levels (level true)
 * without a final 指标 ("数量" for 数量指标, but 指标 stays 指标). New
 * string, or NULL when out of memory or s is NULL or not UTF-8. */
char *jx_template_key(const char *s, bool level);

/* ---- frameworks ---------------------------------------------------------- */

/* The framework called `name` (or by an alias), or NULL. */
const struct jx_framework *jx_templates_framework(const struct jx_templates *t,
						  const char *name);
/* The default framework (marked default, else the first), or NULL when
 * there is none. */
const struct jx_framework *
jx_templates_default_framework(const struct jx_templates *t);
/* The framework a department-year follows: its `framework` text, or the
 * default when that is empty or NULL. *known is false when the text names
 * no framework (the default is returned then too). */
const struct jx_framework *jx_templates_framework_for(
	const struct jx_templates *t, const char *doc_framework, bool *known);

/* The level-1 of fw that text names (name or alias), or NULL. */
const struct jx_tlevel1 *jx_framework_level1(const struct jx_framework *fw,
					     const char *text);
/* The level-2 of l1 that text names, or NULL. */
const struct jx_tlevel2 *jx_tlevel1_level2(const struct jx_tlevel1 *l1,
					   const char *text);
/* Both at once: true when level1 and level2 resolve in fw; *l1 is set
 * whenever level1 resolves (else NULL), *l2 when both do. */
bool jx_framework_resolve(const struct jx_framework *fw, const char *level1,
			  const char *level2, const struct jx_tlevel1 **l1,
			  const struct jx_tlevel2 **l2);

/* The required level-2s of fw in table order: up to max into out (each
 * with its level-1); returns how many there are. */
struct jx_tlevel_ref {
	const struct jx_tlevel1 *l1;
	const struct jx_tlevel2 *l2;
};
size_t jx_framework_required(const struct jx_framework *fw,
			     struct jx_tlevel_ref *out, size_t max);

/* The short display form of a level name under fw: the short form of the
 * level-1 (level2 NULL) or of the level-2 it names, else `level` itself
 * when it names nothing. Static storage of fw or the argument. */
const char *jx_framework_short(const struct jx_framework *fw,
			       const char *level1, const char *level2);

/* ---- the library ---------------------------------------------------------- */

/* The library entry that text names (name or alias, by key), or NULL. */
const struct jx_tindicator *
jx_templates_indicator(const struct jx_templates *t, const char *text);

/*
 * Library entries whose name or an alias contains query (by key; an empty
 * query matches all), those under level1/level2 only when given (NULL for
 * any; matched as level names). Entries whose name starts with the query
 * come first, then the rest, each group in library order. A query of ASCII
 * letters only also matches by the initials of the pinyin (pinyin.h:
 * "zjsyl" finds 资金使用率), after every direct match: names whose initials
 * start with it, then those where a name's or alias's initials hold it.
 * Up to max go into out; returns how many match in all (0 also when out
 * of memory).
 */
size_t jx_templates_find_indicators(const struct jx_templates *t,
				    const char *query, const char *level1,
				    const char *level2,
				    const struct jx_tindicator **out,
				    size_t max);

/* The entry's unit as jx_target_parse normalises it ("%" for '百分比'), ""
 * when it has none. */
const char *jx_tindicator_unit(const struct jx_tindicator *ind);

/* "higher", "lower", "deadline", "qualitative", "" — as in the files. */
const char *jx_direction_name(enum jx_direction d);
/* The direction named s (one of those above, not ""), or JX_DIR_NONE. */
enum jx_direction jx_direction_parse(const char *s);

/* ---- project templates ----------------------------------------------------- */

/* The project template called name (by key), or NULL. */
const struct jx_tproject *jx_templates_project(const struct jx_templates *t,
					       const char *name);
/* Project templates whose name or title contains query (by key), or whose
 * initials do, in order; as jx_templates_find_indicators. */
size_t jx_templates_find_projects(const struct jx_templates *t,
				  const char *query,
				  const struct jx_tproject **out, size_t max);

#endif
