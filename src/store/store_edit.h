/*
 * store_edit.h — changing single records: what the interface's forms,
 * record keys and undo ask of the store.
 *
 * Every call is one transaction (or joins the caller's jx_store_begin) and
 * writes the change log in it: one row per changed field with the old and
 * new text, who (jx_store_set_user) and when. Saves and deletes carry the
 * version the caller read; when the stored version differs, another
 * program changed the record since, and the call refuses with JX_CONFLICT
 * and changes nothing — there is never a silent overwrite.
 */
#ifndef JX_STORE_STORE_EDIT_H
#define JX_STORE_STORE_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/record.h"
#include "store/store.h"

/* Where a record sits and which version of it was read. */
struct jx_rec_meta {
	int64_t id;
	int64_t version;
	int64_t parent_id;    /* dept_year for a project, project for an
				 indicator, department for a year */
	int64_t seq;
	bool reviewed;        /* projects: false after "new year from the
				 previous" until saved from a form */
	char updated_at[24];  /* "2026-11-21T10:00:00Z" */
};

/* ---- reading a record for a form ------------------------------------ */

/* Each reads as of one moment, also on a read-only store. The record is
 * written over (not freed first); on error it is left empty. */

/* The department and year fields and sub-goals of a department-year (no
 * projects); meta is the year's. */
enum jx_status jx_store_load_year(struct jx_store *st, int64_t dept_year_id,
				  struct jx_doc *head, struct jx_rec_meta *meta,
				  struct jx_error *err);
/* A project with its plan and indicators; when ids is not NULL, *ids gets
 * a malloc'd array of the indicators' ids (p->n_indicators of them). */
enum jx_status jx_store_load_project(struct jx_store *st, int64_t id,
				     struct jx_project *p,
				     struct jx_rec_meta *meta, int64_t **ids,
				     struct jx_error *err);
enum jx_status jx_store_load_indicator(struct jx_store *st, int64_t id,
				       struct jx_indicator *ind,
				       struct jx_rec_meta *meta,
				       struct jx_error *err);

/* ---- saving a form ------------------------------------------------------ */

/* Writes the changed fields; *version is the version the form was read
 * at and becomes the new one. Nothing changed: nothing written, JX_OK.
 * JX_CONFLICT: stored version differs. JX_NOTFOUND: deleted meanwhile.
 * save_year also writes the department's code, name and competent dept
 * and replaces the sub-goals when they differ. save_project writes the
 * fields and the plan (not the indicators) and its reviewed mark from
 * !p->unreviewed: a form's record is reviewed, an undo puts back the mark. */
enum jx_status jx_store_save_year(struct jx_store *st, int64_t dept_year_id,
				  int64_t *version, const struct jx_doc *head,
				  struct jx_error *err);
enum jx_status jx_store_save_project(struct jx_store *st, int64_t id,
				     int64_t *version,
				     const struct jx_project *p,
				     struct jx_error *err);
enum jx_status jx_store_save_indicator(struct jx_store *st, int64_t id,
				       int64_t *version,
				       const struct jx_indicator *ind,
				       struct jx_error *err);

/* ---- adding, deleting, moving -------------------------------------- */

/*
 * Inserts a record right after sibling `after_id` (0: first; an id not
 * under that parent: last). A project is inserted with its plan and its
 * indicators. want_id (and want_ids for the project's indicators, may be
 * NULL) re-use the ids of deleted records, so that undoing a delete gives
 * back the same records (0: a new id). A re-used record gets a version
 * above any it had before; an id in use is JX_EXISTS. The new id goes to
 * *new_id. JX_NOTFOUND when the parent is gone.
 */
enum jx_status jx_store_insert_project(struct jx_store *st,
				       int64_t dept_year_id, int64_t after_id,
				       const struct jx_project *p,
				       int64_t want_id, const int64_t *want_ids,
				       int64_t *new_id, struct jx_error *err);
enum jx_status jx_store_insert_indicator(struct jx_store *st,
					 int64_t project_id, int64_t after_id,
					 const struct jx_indicator *ind,
					 int64_t want_id, int64_t *new_id,
					 struct jx_error *err);

/* Deletes (a project with its plan and indicators). version as for saves. */
enum jx_status jx_store_delete_project(struct jx_store *st, int64_t id,
				       int64_t version, struct jx_error *err);
enum jx_status jx_store_delete_indicator(struct jx_store *st, int64_t id,
					 int64_t version,
					 struct jx_error *err);

/* Swaps a project (indicator) with its neighbour: dir -1 up, +1 down.
 * JX_NOTFOUND when there is no neighbour that way. Logged ('move', field
 * seq); versions stay, so open forms stay valid. */
enum jx_status jx_store_move_project(struct jx_store *st, int64_t id,
				     int dir, struct jx_error *err);
enum jx_status jx_store_move_indicator(struct jx_store *st, int64_t id,
				       int dir, struct jx_error *err);

/* A new department-year from head (department fields, year, goals …,
 * sub-goals; projects ignored). The department is found by code (or
 * normalised name without a code) or created. JX_EXISTS when that
 * department already has the year. */
enum jx_status jx_store_new_year(struct jx_store *st,
				 const struct jx_doc *head,
				 int64_t *dept_year_id, struct jx_error *err);

/* A new year `year` of the department of dept_year_id, copied from it:
 * goals, measures, framework, sub-goals, projects (plan, indicators), the
 * projects marked not reviewed. JX_EXISTS when the year is on file. */
enum jx_status jx_store_copy_year(struct jx_store *st, int64_t dept_year_id,
				  int year, int64_t *new_id,
				  struct jx_error *err);

/* Deletes a department-year whole, and its department when it has no year
 * left (the undo of new_year and copy_year). */
enum jx_status jx_store_delete_year(struct jx_store *st, int64_t dept_year_id,
				    struct jx_error *err);

/* ---- the change log ------------------------------------------------- */

struct jx_change_row {
	int64_t id;
	const char *at, *who;
	const char *action;    /* import, insert, update, delete, move, link … */
	const char *tbl;       /* department, dept_year, project, indicator … */
	int64_t record_id;
	const char *field;     /* NULL for whole-record actions */
	const char *old, *new_;
	const char *label;     /* what the record was called then (name) */
	int64_t dept_year_id, project_id;  /* context, 0 when none */
	int64_t department_id; /* context; filled in by the store when 0 */
};
typedef int (*jx_change_cb)(void *ctx, const struct jx_change_row *row);

struct jx_log_filter {
	const char *tbl;        /* with record_id: one record's history */
	int64_t record_id;
	bool with_children;     /* a project's history includes its indicators,
				   a dept_year's everything logged in it */
	int64_t dept_year_id;   /* 0: any */
	int64_t department_id;  /* 0: any; else the department's own rows and
				   those of its years */
	const char *who;        /* NULL: anyone */
	const char *since;      /* NULL, or an ISO date/time prefix bound */
	int limit;              /* 0: no limit */
	bool newest_first;
};
enum jx_status jx_store_log(struct jx_store *st,
			    const struct jx_log_filter *f, jx_change_cb cb,
			    void *ctx, struct jx_error *err);

/* ---- drafts: forms saved when the program was stopped ------------ */

struct jx_draft {
	int64_t id;
	const char *who, *at;
	const char *kind;       /* "year", "project", "indicator" */
	int64_t record_id;      /* 0: a record not yet added */
	int64_t parent_id;
	int64_t after_id;
	int64_t base_version;
	const void *body;       /* the form's fields, as the form wrote them */
	size_t body_len;
};
typedef int (*jx_draft_cb)(void *ctx, const struct jx_draft *d);

enum jx_status jx_store_put_draft(struct jx_store *st,
				  const struct jx_draft *d, int64_t *id,
				  struct jx_error *err);
/* The drafts of who (NULL: everyone's), oldest first. */
enum jx_status jx_store_drafts(struct jx_store *st, const char *who,
			       jx_draft_cb cb, void *ctx,
			       struct jx_error *err);
enum jx_status jx_store_delete_draft(struct jx_store *st, int64_t id,
				     struct jx_error *err);

#endif
