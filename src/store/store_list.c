/*
 * store_list.c — windows of rows for lists, and finding records from what a
 * user typed (a code, a name, a part of a name, a position).
 *
 * Windows are keyset-paginated: each call asks for rows strictly after the
 * last key seen, ordered by an index, with a LIMIT; nothing is counted or
 * read beyond the window.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

void
jx_key_first(struct jx_key *key)
{
	key->first = true;
	key->last = false;
	key->seq = INT64_MIN;
	key->name = NULL;
	key->id = INT64_MIN;
}

void
jx_key_last(struct jx_key *key)
{
	jx_key_first(key);
	key->first = false;
	key->last = true;
	key->seq = INT64_MAX;
	key->id = INT64_MAX;
}

void
jx_key_free(struct jx_key *key)
{
	free(key->name);
	key->name = NULL;
}

enum jx_status
jx_key_copy(struct jx_key *dst, const struct jx_key *src)
{
	char *name = src->name ? jx_strdup(src->name) : NULL;

	if (src->name && !name)
		return JX_NOMEM;
	free(dst->name);
	*dst = *src;
	dst->name = name;
	return JX_OK;
}

static enum jx_status
key_set_name(struct jx_key *key, const char *name, int64_t id,
	     struct jx_error *err)
{
	char *copy = jx_strdup(name ? name : "");

	if (!copy)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	free(key->name);
	key->name = copy;
	key->id = id;
	key->first = key->last = false;
	return JX_OK;
}

static void
key_set_seq(struct jx_key *key, int64_t seq, int64_t id)
{
	key->first = key->last = false;
	key->seq = seq;
	key->id = id;
}

/* Binds a text key (departments): before every name is "", after every
 * name is a BLOB, which SQLite sorts after all TEXT. The bound text must
 * be a private copy (SQLITE_TRANSIENT): the key moves while rows are read. */
static void
bind_name_key(sqlite3_stmt *s, const struct jx_key *key)
{
	static const unsigned char top = 0xff;

	if (key->last)
		sqlite3_bind_blob(s, 1, &top, 1, SQLITE_STATIC);
	else
		sqlite3_bind_text(s, 1, key->first || !key->name ? "" : key->name,
				  -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, key->id);
}

static void
bind_seq_key(sqlite3_stmt *s, int64_t parent, const struct jx_key *key)
{
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_int64(s, 2, key->seq);
	sqlite3_bind_int64(s, 3, key->id);
}

static const struct jx_window forward_all = { 0, false, NULL };

/* The statement of a sequence-keyed list (projects, indicators), chosen by
 * direction and bound to the parent, the key, the filter and the limit. */
static sqlite3_stmt *
seq_window(struct jx_store *st, enum jx_stmt_id forward, enum jx_stmt_id back,
	   int64_t parent, const struct jx_key *key, const struct jx_window *w,
	   struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, w->backward ? back : forward, err);

	if (!s)
		return NULL;
	bind_seq_key(s, parent, key);
	jx_bind_text(s, 4, w->match && *w->match ? w->match : NULL);
	sqlite3_bind_int(s, 5, w->limit);
	return s;
}

enum jx_status
jx_store_departments_win(struct jx_store *st, struct jx_key *key,
			 const struct jx_window *w, jx_dept_cb cb, void *ctx,
			 int *n, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, w->backward ? JX_STMT_LIST_DEPTS_BACK
						  : JX_STMT_LIST_DEPTS, err);
	enum jx_status rc = JX_OK;
	int step;

	*n = 0;
	if (!s)
		return JX_DB;
	bind_name_key(s, key);
	jx_bind_text(s, 3, w->match && *w->match ? w->match : NULL);
	sqlite3_bind_int(s, 4, w->limit);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_dept_row row = {
			.id = sqlite3_column_int64(s, 0),
			.code = jx_col_text(s, 1),
			.name = jx_col_text(s, 2),
			.years = jx_col_text(s, 3),
		};
		(*n)++;
		rc = key_set_name(key, row.name, row.id, err);
		if (rc != JX_OK || cb(ctx, &row) != 0)
			break;
	}
	if (rc == JX_OK && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = jx_db_error(st, err, "listing departments");
	sqlite3_reset(s);
	return rc;
}

enum jx_status
jx_store_departments(struct jx_store *st, struct jx_key *key, int limit,
		     jx_dept_cb cb, void *ctx, int *n, struct jx_error *err)
{
	struct jx_window w = forward_all;

	w.limit = limit;
	return jx_store_departments_win(st, key, &w, cb, ctx, n, err);
}

enum jx_status
jx_store_projects_win(struct jx_store *st, int64_t dept_year_id,
		      struct jx_key *key, const struct jx_window *w,
		      jx_project_cb cb, void *ctx, int *n,
		      struct jx_error *err)
{
	sqlite3_stmt *s = seq_window(st, JX_STMT_LIST_PROJECTS,
				     JX_STMT_LIST_PROJECTS_BACK, dept_year_id,
				     key, w, err);
	int step;

	*n = 0;
	if (!s)
		return JX_DB;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_project_row row = {
			.id = sqlite3_column_int64(s, 0),
			.seq = sqlite3_column_int64(s, 1),
			.code = jx_col_text(s, 2),
			.name = jx_col_text(s, 3),
			.annual_total = jx_col_amount(s, 4),
			.indicators = sqlite3_column_int64(s, 5),
			.unreviewed = sqlite3_column_int(s, 6) == 0,
		};
		(*n)++;
		key_set_seq(key, row.seq, row.id);
		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "listing projects");
	return JX_OK;
}

enum jx_status
jx_store_projects(struct jx_store *st, int64_t dept_year_id,
		  struct jx_key *key, int limit, jx_project_cb cb, void *ctx,
		  int *n, struct jx_error *err)
{
	struct jx_window w = forward_all;

	w.limit = limit;
	return jx_store_projects_win(st, dept_year_id, key, &w, cb, ctx, n,
				     err);
}

enum jx_status
jx_store_indicators_win(struct jx_store *st, int64_t project_id,
			struct jx_key *key, const struct jx_window *w,
			jx_indicator_cb cb, void *ctx, int *n,
			struct jx_error *err)
{
	sqlite3_stmt *s = seq_window(st, JX_STMT_LIST_INDICATORS,
				     JX_STMT_LIST_INDICATORS_BACK, project_id,
				     key, w, err);
	int step;

	*n = 0;
	if (!s)
		return JX_DB;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_indicator_row row = {
			.id = sqlite3_column_int64(s, 0),
			.seq = sqlite3_column_int64(s, 1),
			.level1 = jx_col_text(s, 2),
			.level2 = jx_col_text(s, 3),
			.name = jx_col_text(s, 4),
			.description = jx_col_text(s, 5),
			.target = jx_col_text(s, 6),
			.basis = jx_col_text(s, 7),
		};
		(*n)++;
		key_set_seq(key, row.seq, row.id);
		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "listing indicators");
	return JX_OK;
}

enum jx_status
jx_store_indicators(struct jx_store *st, int64_t project_id,
		    struct jx_key *key, int limit, jx_indicator_cb cb,
		    void *ctx, int *n, struct jx_error *err)
{
	struct jx_window w = forward_all;

	w.limit = limit;
	return jx_store_indicators_win(st, project_id, key, &w, cb, ctx, n,
				       err);
}

enum jx_status
jx_store_rank(struct jx_store *st, enum jx_list list, int64_t parent,
	      const struct jx_key *key, int64_t *out, struct jx_error *err)
{
	static const enum jx_stmt_id ids[] = {
		[JX_LIST_DEPARTMENTS] = JX_STMT_COUNT_DEPTS,
		[JX_LIST_PROJECTS] = JX_STMT_COUNT_PROJECTS,
		[JX_LIST_INDICATORS] = JX_STMT_COUNT_INDICATORS,
	};
	/* Every department (the pane's total, before the first frame): a
	 * bare count(*), which SQLite answers from the B-tree pages' cell
	 * counts instead of comparing a key with each row (a third of a
	 * millisecond at 2 000 departments). */
	bool all = list == JX_LIST_DEPARTMENTS && key->last;
	sqlite3_stmt *s = jx_stmt(st, all ? JX_STMT_COUNT_ALL_DEPTS : ids[list],
				  err);
	int step;

	*out = 0;
	if (!s)
		return JX_DB;
	if (list != JX_LIST_DEPARTMENTS)
		bind_seq_key(s, parent, key);
	else if (!all)
		bind_name_key(s, key);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return step == SQLITE_ROW ? JX_OK : jx_db_error(st, err, "counting");
}

/* One row of a years statement: JX_YEAR_SELECT's columns, or (id, year)
 * only when brief. */
static struct jx_year_row
year_row(sqlite3_stmt *s, bool brief, int64_t department_id)
{
	if (brief)
		return (struct jx_year_row){
			.id = sqlite3_column_int64(s, 0),
			.department_id = department_id,
			.year = sqlite3_column_int(s, 1),
		};
	return (struct jx_year_row){
		.id = sqlite3_column_int64(s, 0),
		.department_id = sqlite3_column_int64(s, 1),
		.year = sqlite3_column_int(s, 2),
		.projects = sqlite3_column_int64(s, 3),
		.indicators = sqlite3_column_int64(s, 4),
		.total = jx_col_amount(s, 5),
		.dept_code = jx_col_text(s, 6),
		.dept_name = jx_col_text(s, 7),
	};
}

static enum jx_status
list_years(struct jx_store *st, enum jx_stmt_id id, int64_t department_id,
	   jx_year_cb cb, void *ctx, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, id, err);
	bool brief = id == JX_STMT_LIST_YEAR_IDS;
	int step;

	if (!s)
		return JX_DB;
	if (department_id)
		sqlite3_bind_int64(s, 1, department_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_year_row row = year_row(s, brief, department_id);

		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "listing years");
	return JX_OK;
}

enum jx_status
jx_store_years(struct jx_store *st, int64_t department_id, jx_year_cb cb,
	       void *ctx, struct jx_error *err)
{
	return list_years(st, department_id ? JX_STMT_LIST_YEARS_OF
					    : JX_STMT_LIST_YEARS,
			  department_id, cb, ctx, err);
}

enum jx_status
jx_store_year_ids(struct jx_store *st, int64_t department_id, jx_year_cb cb,
		  void *ctx, struct jx_error *err)
{
	return list_years(st, JX_STMT_LIST_YEAR_IDS, department_id, cb, ctx,
			  err);
}

/* Runs a one-column id query bound to (parent?, text); 0 when no row. */
static enum jx_status
lookup(struct jx_store *st, enum jx_stmt_id id, int64_t parent,
       const char *text, int64_t *out, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, id, err);
	int i = 1, step;

	*out = 0;
	if (!s)
		return JX_DB;
	if (parent)
		sqlite3_bind_int64(s, i++, parent);
	jx_bind_text(s, i, text);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "looking up");
	return JX_OK;
}

/* A unique match of a normalised substring, or an error listing up to five
 * candidates. */
static enum jx_status
lookup_like(struct jx_store *st, enum jx_stmt_id id, int64_t parent,
	    const char *what, const char *kind, int64_t *out,
	    struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, id, err);
	char *key = jx_text_key(what), names[JX_ERR_MSG / 2] = "";
	int i = 1, found = 0, step;

	*out = 0;
	if (!s || !key) {
		free(key);
		return s ? jx_error_set(err, JX_NOMEM, _("out of memory")) : JX_DB;
	}
	if (parent)
		sqlite3_bind_int64(s, i++, parent);
	jx_bind_text(s, i, key);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = jx_col_text(s, 1);
		if (found++ == 0)
			*out = sqlite3_column_int64(s, 0);
		if (found <= 5 && strlen(names) + strlen(name) + 4 < sizeof names) {
			strcat(names, found > 1 ? "; " : "");
			strcat(names, name);
		}
	}
	sqlite3_reset(s);
	free(key);
	if (step != SQLITE_DONE)
		return jx_db_error(st, err, "looking up");
	if (found == 0)
		return jx_error_set(err, JX_NOTFOUND, _("no %s matches '%s'"),
				    kind, what);
	if (found > 1)
		return jx_error_set(err, JX_INVALID, _("'%s' matches %s%d %ss:"
				    " %s%s"), what, found > 5 ? "more than " : "",
				    found > 5 ? 5 : found, kind, names,
				    found > 5 ? "; …" : "");
	return JX_OK;
}

enum jx_status
jx_store_find_department(struct jx_store *st, const char *what, int64_t *id,
			 struct jx_error *err)
{
	enum jx_status rc = lookup(st, JX_STMT_FIND_DEPT_BY_CODE, 0, what, id,
				   err);
	if (rc == JX_OK && *id == 0)
		rc = lookup(st, JX_STMT_FIND_DEPT_BY_NAME, 0, what, id, err);
	if (rc == JX_OK && *id == 0)
		rc = lookup_like(st, JX_STMT_FIND_DEPT_LIKE, 0, what,
				 "department", id, err);
	return rc;
}

enum jx_status
jx_store_find_year(struct jx_store *st, int64_t department_id, int year,
		   int64_t *dept_year_id, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_FIND_YEAR, err);
	int step;

	*dept_year_id = 0;
	if (!s)
		return JX_DB;
	sqlite3_bind_int64(s, 1, department_id);
	sqlite3_bind_int(s, 2, year);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*dept_year_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (step == SQLITE_DONE)
		return jx_error_set(err, JX_NOTFOUND, _("the department has no"
				    " year %d on file"), year);
	return step == SQLITE_ROW ? JX_OK
				  : jx_db_error(st, err, "finding a year");
}

static bool
all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

enum jx_status
jx_store_find_project(struct jx_store *st, int64_t dept_year_id,
		      const char *what, int64_t *project_id,
		      struct jx_error *err)
{
	enum jx_status rc = lookup(st, JX_STMT_FIND_PROJECT_BY_CODE,
				   dept_year_id, what, project_id, err);

	/* A short number is a position in the list; project codes are long. */
	if (rc == JX_OK && *project_id == 0 && all_digits(what) &&
	    strlen(what) <= 6 && strtoll(what, NULL, 10) >= 1) {
		sqlite3_stmt *s = jx_stmt(st, JX_STMT_FIND_PROJECT_BY_POS, err);
		if (!s)
			return JX_DB;
		sqlite3_bind_int64(s, 1, dept_year_id);
		sqlite3_bind_int64(s, 2, strtoll(what, NULL, 10) - 1);
		int step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			*project_id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return jx_db_error(st, err, "finding a project");
	}
	if (rc == JX_OK && *project_id == 0)
		rc = lookup(st, JX_STMT_FIND_PROJECT_BY_NAME, dept_year_id,
			    what, project_id, err);
	if (rc == JX_OK && *project_id == 0)
		rc = lookup_like(st, JX_STMT_FIND_PROJECT_LIKE, dept_year_id,
				 what, "project", project_id, err);
	return rc;
}

enum jx_status
jx_store_find_code(struct jx_store *st, const char *code,
		   struct jx_project_place *out, struct jx_error *err)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_FIND_CODE_ANYWHERE, err);
	enum jx_status rc = JX_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (!s)
		return JX_DB;
	jx_bind_text(s, 1, code);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		out->project_id = sqlite3_column_int64(s, 0);
		out->seq = sqlite3_column_int64(s, 1);
		out->department_id = sqlite3_column_int64(s, 2);
		out->year = sqlite3_column_int(s, 3);
		if (!jx_col_dup(s, 4, &out->dept_name))
			rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	} else if (step == SQLITE_DONE) {
		rc = jx_error_set(err, JX_NOTFOUND, _("no project has the code"
				  " '%s'"), code);
	} else {
		rc = jx_db_error(st, err, "finding a project code");
	}
	sqlite3_reset(s);
	return rc;
}

bool
jx_store_code_prefix(struct jx_store *st, const char *prefix)
{
	sqlite3_stmt *s = jx_stmt(st, JX_STMT_CODE_PREFIX, NULL);
	bool found;

	if (!s)
		return true;   /* cannot tell: do not claim "not found" */
	jx_bind_text(s, 1, prefix);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return found;
}

/* The trigram index answers texts of three characters or more; a shorter
 * one (2 characters: 满意) is looked for by a scan. The text becomes one
 * FTS5 phrase, quotes doubled, so that nothing in it is query syntax. */
char *
jx_fts_phrase(const char *text)
{
	size_t chars = 0, len = strlen(text), q = 0;
	char *out, *o;

	for (const char *p = text; *p; p++) {
		chars += ((unsigned char)*p & 0xC0) != 0x80;
		q += *p == '"';
	}
	if (chars < 3 || !(out = malloc(len + q + 3)))
		return NULL;
	o = out;
	*o++ = '"';
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			*o++ = '"';
		*o++ = *p;
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

enum jx_status
jx_store_search(struct jx_store *st, const char *text, int64_t *after,
		int limit, jx_search_cb cb, void *ctx, int *n,
		struct jx_error *err)
{
	char *phrase = jx_fts_phrase(text);
	sqlite3_stmt *s = jx_stmt(st, phrase ? JX_STMT_SEARCH_INDICATORS_FTS
					     : JX_STMT_SEARCH_INDICATORS, err);
	int step;

	*n = 0;
	if (!s) {
		free(phrase);
		return JX_DB;
	}
	sqlite3_bind_int64(s, 1, *after);
	if (phrase)
		sqlite3_bind_text(s, 2, phrase, -1, free);
	else
		jx_bind_text(s, 2, text);
	sqlite3_bind_int(s, 3, limit);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct jx_search_row row = {
			.id = sqlite3_column_int64(s, 0),
			.dept_code = jx_col_text(s, 1),
			.dept_name = jx_col_text(s, 2),
			.year = sqlite3_column_int(s, 3),
			.project_code = jx_col_text(s, 4),
			.project_name = jx_col_text(s, 5),
			.level2 = jx_col_text(s, 6),
			.name = jx_col_text(s, 7),
			.target = jx_col_text(s, 8),
		};
		(*n)++;
		*after = row.id;
		if (cb(ctx, &row) != 0)
			break;
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jx_db_error(st, err, "searching");
	return JX_OK;
}

enum jx_status
jx_store_search_count(struct jx_store *st, const char *text, int64_t *count,
		      struct jx_error *err)
{
	char *phrase = jx_fts_phrase(text);
	sqlite3_stmt *s = jx_stmt(st, phrase ? JX_STMT_COUNT_SEARCH_FTS
					     : JX_STMT_COUNT_SEARCH, err);
	int step;

	*count = 0;
	if (!s) {
		free(phrase);
		return JX_DB;
	}
	if (phrase)
		sqlite3_bind_text(s, 1, phrase, -1, free);
	else
		jx_bind_text(s, 1, text);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return step == SQLITE_ROW ? JX_OK : jx_db_error(st, err, "counting");
}
