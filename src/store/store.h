/*
 * store.h — the SQLite store: the only code in jixiao that speaks SQL.
 *
 * A jx_store is one open database file (WAL, foreign keys on, busy timeout),
 * created and migrated by the program (PRAGMA user_version). Writes are
 * transactions that also write the change log; reads come in bounded windows
 * ordered by an indexed key (keyset pagination), so no list is ever read
 * whole into memory.
 */
#ifndef JX_STORE_STORE_H
#define JX_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/record.h"

struct jx_store;

enum jx_open_mode {
	JX_OPEN_READONLY,  /* SQLITE_OPEN_READONLY: the file must exist */
	JX_OPEN_WRITE,     /* read-write: the file must exist */
	JX_OPEN_CREATE     /* read-write, created (and initialised) if missing */
};

/* Opens path. Refuses, with a message naming the path: a directory, a file
 * that is not SQLite, an SQLite file that is not jixiao's, a file written by
 * a newer version (never altered), a missing file unless JX_OPEN_CREATE.
 * An existing empty file or an uninitialised database is initialised in the
 * write modes. */
enum jx_status jx_store_open(const char *path, enum jx_open_mode mode,
			     struct jx_store **out, struct jx_error *err);
void jx_store_close(struct jx_store *st);

/* Who is written into the change log (default: the login name). */
void jx_store_set_user(struct jx_store *st, const char *who);
const char *jx_store_user(const struct jx_store *st);
bool jx_store_readonly(const struct jx_store *st);
const char *jx_store_path(const struct jx_store *st);
int jx_store_schema_version(void);

/* Explicit transactions, for commands that write several documents as one
 * unit. Nesting is not supported. */
enum jx_status jx_store_begin(struct jx_store *st, struct jx_error *err);
enum jx_status jx_store_commit(struct jx_store *st, struct jx_error *err);
void jx_store_rollback(struct jx_store *st);

/* Several reads as of one moment: between these, every read sees the file
 * as it was at the first one (and SQLite takes its locks once, not once
 * per statement). Pairs nest; inside a transaction they change nothing.
 * Keep them short: a writer cannot checkpoint past an open snapshot. */
void jx_store_read_begin(struct jx_store *st);
void jx_store_read_end(struct jx_store *st);

/* The parsed form of a target (jx_target_parse), from the handle's cache
 * of the texts parsed last: a file holds a few thousand distinct targets
 * among millions of rows. */
struct jx_target;
void jx_store_parse_target(struct jx_store *st, const char *text,
			   struct jx_target *out);

/* ---- documents (one department and year) ------------------------------ */

struct jx_import_counts {
	size_t departments;   /* departments created */
	size_t years;         /* department-years written */
	size_t projects;
	size_t indicators;
};

/* Writes doc as a department-year. The department is found by code, or by
 * normalised name when the document has no code, and created if new.
 * An existing department-year is refused (JX_EXISTS) unless replace, which
 * deletes it whole first. Must be called inside jx_store_begin/commit; adds
 * what it wrote (or would have written) to *counts. origin is recorded in
 * the change log (e.g. the file name). */
enum jx_status jx_store_put_doc(struct jx_store *st, const struct jx_doc *doc,
				bool replace, const char *origin,
				struct jx_import_counts *counts,
				struct jx_error *err);

/* Reads department-year `dept_year_id` whole into doc (for export). */
enum jx_status jx_store_get_doc(struct jx_store *st, int64_t dept_year_id,
				struct jx_doc *doc, struct jx_error *err);

/* Reads the department and year fields of a department-year, without its
 * sub-goals and projects (a heading for `show`). */
enum jx_status jx_store_get_year_head(struct jx_store *st,
				      int64_t dept_year_id, struct jx_doc *doc,
				      struct jx_error *err);

/* Reads one project with its plan and indicators. On error *out is left
 * zeroed (safe to jx_project_free). */
enum jx_status jx_store_get_project(struct jx_store *st, int64_t project_id,
				    struct jx_project *out,
				    struct jx_error *err);

/* Reads one indicator. On error *out is left zeroed. */
enum jx_status jx_store_get_indicator(struct jx_store *st,
				      int64_t indicator_id,
				      struct jx_indicator *out,
				      struct jx_error *err);

/* ---- windows of rows ------------------------------------------------- */

/* Strings in rows are borrowed: valid only during the callback. A callback
 * returns 0 to go on, non-zero to stop early. */

struct jx_dept_row {
	int64_t id;
	const char *code;     /* NULL when the department has none */
	const char *name;
	const char *years;    /* "2021,2023", ascending */
};

struct jx_year_row {
	int64_t id;           /* dept_year id */
	int64_t department_id;
	int year;
	int64_t projects;
	int64_t indicators;
	struct jx_amount total;   /* sum of annual totals; absent if none */
	const char *dept_code;
	const char *dept_name;
};

struct jx_project_row {
	int64_t id;
	int64_t seq;
	const char *code;
	const char *name;
	struct jx_amount annual_total;
	int64_t indicators;
	bool unreviewed;      /* copied into a new year, not yet reviewed */
};

struct jx_indicator_row {
	int64_t id;
	int64_t seq;
	const char *level1, *level2, *name, *description, *target, *basis;
};

/* Keyset position: list rows strictly after (a, id). For departments a is
 * the sort name; for projects and indicators it is the sequence number.
 * Start with jx_key_first(). */
struct jx_key {
	bool first;        /* before every row */
	bool last;         /* after every row */
	int64_t seq;
	char *name;        /* owned copy, for text keys */
	int64_t id;
};
void jx_key_first(struct jx_key *key);
void jx_key_last(struct jx_key *key);
void jx_key_free(struct jx_key *key);
/* dst := a copy of src (dst's old name is freed). JX_NOMEM on failure. */
enum jx_status jx_key_copy(struct jx_key *dst, const struct jx_key *src);

typedef int (*jx_dept_cb)(void *ctx, const struct jx_dept_row *row);
typedef int (*jx_year_cb)(void *ctx, const struct jx_year_row *row);
typedef int (*jx_project_cb)(void *ctx, const struct jx_project_row *row);
typedef int (*jx_indicator_cb)(void *ctx, const struct jx_indicator_row *row);

/* Each lists at most `limit` rows after *key, calls cb for each, advances
 * *key past the last row given, and stores the number of rows in *n. */
enum jx_status jx_store_departments(struct jx_store *st, struct jx_key *key,
				    int limit, jx_dept_cb cb, void *ctx,
				    int *n, struct jx_error *err);
enum jx_status jx_store_projects(struct jx_store *st, int64_t dept_year_id,
				 struct jx_key *key, int limit,
				 jx_project_cb cb, void *ctx, int *n,
				 struct jx_error *err);
enum jx_status jx_store_indicators(struct jx_store *st, int64_t project_id,
				   struct jx_key *key, int limit,
				   jx_indicator_cb cb, void *ctx, int *n,
				   struct jx_error *err);

/* The same lists, read in either direction and optionally filtered: with
 * backward, the rows strictly before *key, nearest first (start from the
 * end with jx_key_last); with match, only rows containing that text (in a
 * name, code, target … — what the list shows). */
struct jx_window {
	int limit;
	bool backward;
	const char *match;   /* NULL or "": every row */
};
enum jx_status jx_store_departments_win(struct jx_store *st,
					struct jx_key *key,
					const struct jx_window *w,
					jx_dept_cb cb, void *ctx, int *n,
					struct jx_error *err);
enum jx_status jx_store_projects_win(struct jx_store *st,
				     int64_t dept_year_id, struct jx_key *key,
				     const struct jx_window *w,
				     jx_project_cb cb, void *ctx, int *n,
				     struct jx_error *err);
enum jx_status jx_store_indicators_win(struct jx_store *st,
				       int64_t project_id, struct jx_key *key,
				       const struct jx_window *w,
				       jx_indicator_cb cb, void *ctx, int *n,
				       struct jx_error *err);

enum jx_list { JX_LIST_DEPARTMENTS, JX_LIST_PROJECTS, JX_LIST_INDICATORS };

/* How many rows of a list (departments; projects of dept-year `parent`;
 * indicators of project `parent`) come before *key: the position of the
 * row a key was taken from, or with jx_key_last the length of the list.
 * An index range count: no row is read. */
enum jx_status jx_store_rank(struct jx_store *st, enum jx_list list,
			     int64_t parent, const struct jx_key *key,
			     int64_t *out, struct jx_error *err);

/* Years of one department (ascending), or of every department when
 * department_id is 0 (ordered by department name, then year), with counts
 * and totals. Not windowed: a department has few years, and the whole list
 * is one row per department-year. */
enum jx_status jx_store_years(struct jx_store *st, int64_t department_id,
			      jx_year_cb cb, void *ctx, struct jx_error *err);

/* The same years of one department with only id, department_id and year
 * set (counts 0, total absent, names NULL): what the interface's year bar
 * needs when a department is selected, read from the (department, year)
 * index alone instead of counting every project and indicator. */
enum jx_status jx_store_year_ids(struct jx_store *st, int64_t department_id,
				 jx_year_cb cb, void *ctx,
				 struct jx_error *err);

/* ---- comparing years ------------------------------------------------- */

/* A project in brief, for matching across years. */
struct jx_brief_row {
	int64_t id;
	const char *code;         /* NULL when none */
	const char *name;
	struct jx_amount budget;  /* annual total */
	int64_t predecessor_id;   /* manual link into other_year, or 0 */
	/* The digest of its indicators (core/digest.h: 0 when it has none),
	 * when known. */
	bool has_digest;
	int64_t digest;
};
typedef int (*jx_brief_cb)(void *ctx, const struct jx_brief_row *row);

/* The projects of a department-year in order, each with the project of
 * the same department in `other_year` that a manual link names as its
 * predecessor (0 when none). A year has hundreds of projects at most, so
 * this is one pass, not windowed. */
enum jx_status jx_store_brief_projects(struct jx_store *st,
				       int64_t dept_year_id, int other_year,
				       jx_brief_cb cb, void *ctx,
				       struct jx_error *err);

/* The departments that have both year_a and year_b, in the order of
 * jx_store_years (by name), with their two department-years: what
 * comparing every department reads first, without the counts and totals
 * jx_store_years adds. */
struct jx_year_pair_row {
	int64_t department_id;
	const char *dept_name;
	int64_t year_a_id, year_b_id;
};
typedef int (*jx_year_pair_cb)(void *ctx, const struct jx_year_pair_row *row);
enum jx_status jx_store_year_pairs(struct jx_store *st, int year_a,
				   int year_b, jx_year_pair_cb cb, void *ctx,
				   struct jx_error *err);

/* The indicators of the projects ids[0..n) (ascending, no duplicates), as
 * comparing reads them: what a project's digest covers (level 1, level 2,
 * name, target), by project in the order of ids and then in their own
 * order; strings borrowed for the callback. Read a few dozen projects per
 * statement. */
struct jx_target_row {
	int64_t project_id;
	const char *level1, *level2, *name, *target;
};
typedef int (*jx_target_cb)(void *ctx, const struct jx_target_row *row);
enum jx_status jx_store_project_targets(struct jx_store *st,
					const int64_t *ids, size_t n,
					jx_target_cb cb, void *ctx,
					struct jx_error *err);

/* Records that project_id continues predecessor_id (a project of the same
 * department in an earlier year), replacing an earlier link of the
 * project; or removes the link (JX_NOTFOUND when there is none). Links are
 * kept by project code (else normalised name), so they survive a
 * replacing import. Each is one transaction with the change log. */
enum jx_status jx_store_link_project(struct jx_store *st, int64_t project_id,
				     int64_t predecessor_id,
				     struct jx_error *err);
enum jx_status jx_store_unlink_project(struct jx_store *st,
				       int64_t project_id,
				       struct jx_error *err);

/* ---- finding records from what a user typed --------------------------- */

/* A department by exact code, exact name, or a normalised-name substring
 * that matches exactly one department. JX_NOTFOUND, or JX_INVALID when
 * ambiguous (the message lists candidates). */
enum jx_status jx_store_find_department(struct jx_store *st, const char *what,
					int64_t *id, struct jx_error *err);
enum jx_status jx_store_find_year(struct jx_store *st, int64_t department_id,
				  int year, int64_t *dept_year_id,
				  struct jx_error *err);
/* A project of a department-year by code, by position ("3" = third), by
 * exact name, or by a unique normalised-name substring. */
enum jx_status jx_store_find_project(struct jx_store *st, int64_t dept_year_id,
				     const char *what, int64_t *project_id,
				     struct jx_error *err);

/* ---- searching everything ------------------------------------------- */

struct jx_search_row {
	int64_t id;                    /* indicator id: the window key */
	const char *dept_code, *dept_name;
	int year;
	const char *project_code, *project_name;
	const char *level2, *name, *target;
};
typedef int (*jx_search_cb)(void *ctx, const struct jx_search_row *row);

/* Indicators containing text (in name, target, description or basis), in
 * a window of at most limit rows after indicator id *after (start with 0);
 * *after is advanced. */
enum jx_status jx_store_search(struct jx_store *st, const char *text,
			       int64_t *after, int limit, jx_search_cb cb,
			       void *ctx, int *n, struct jx_error *err);
/* How many indicators contain text. */
enum jx_status jx_store_search_count(struct jx_store *st, const char *text,
				     int64_t *count, struct jx_error *err);

/* Where the project with this exact code is (the latest year if several
 * years use it): JX_NOTFOUND when none. dept_name is owned by the caller
 * (free it). */
struct jx_project_place {
	int64_t project_id, seq, department_id;
	int year;
	char *dept_name;
};
enum jx_status jx_store_find_code(struct jx_store *st, const char *code,
				  struct jx_project_place *out,
				  struct jx_error *err);

/* ---- values used before (completion) ------------------------------ */

typedef int (*jx_value_cb)(void *ctx, const char *value, int64_t uses);

/* The targets (or with basis, the bases) given to indicators called
 * exactly `name`, those starting with prefix, most used first, at most
 * limit. Found through the search index when the name has three
 * characters or more. */
enum jx_status jx_store_used_values(struct jx_store *st, bool basis,
				    const char *name, const char *prefix,
				    int limit, jx_value_cb cb, void *ctx,
				    struct jx_error *err);

/* Does any project code start with prefix? (An index range probe, for
 * saying "not found" while a code is typed.) */
bool jx_store_code_prefix(struct jx_store *st, const char *prefix);

#endif
