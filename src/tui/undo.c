/*
 * undo.c — the session's undo and redo (see undo.h).
 *
 * Steps live in one array: [0, done) can be undone, [done, n) redone.
 * A group is undone inside one store transaction, so it goes back whole or
 * not at all; versions learnt during it are kept only after the commit.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/i18n.h"
#include "store/store_edit.h"
#include "tui/edit.h"
#include "tui/undo.h"

enum step_kind { S_SAVE, S_INSERT, S_DELETE, S_MOVE, S_YEAR };

struct step {
	enum step_kind kind;
	enum jx_rec_kind rec;
	int group;
	int64_t id, parent_id, after_id;
	int64_t version;       /* of the record in the state after the step */
	int64_t new_version;   /* learnt while applying, kept on commit */
	void *before, *after;  /* records (owned) */
	int64_t *ids;          /* a project's indicator ids (owned) */
	int dir;               /* moves */
	int64_t source_id;     /* copied years */
	int year;
	char what[160];
};

struct jx_undo {
	struct step *v;
	size_t n, done, cap;
	int group, depth;
};

static void
step_free(struct step *s)
{
	jx_edit_free_record(s->rec, s->before);
	jx_edit_free_record(s->rec, s->after);
	free(s->ids);
}

struct jx_undo *
jx_undo_new(void)
{
	return calloc(1, sizeof(struct jx_undo));
}

void
jx_undo_free(struct jx_undo *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++)
		step_free(&u->v[i]);
	free(u->v);
	free(u);
}

void
jx_undo_begin(struct jx_undo *u)
{
	if (u->depth++ == 0)
		u->group++;
}

void
jx_undo_end(struct jx_undo *u)
{
	if (u->depth > 0)
		u->depth--;
}

void
jx_undo_cancel(struct jx_undo *u)
{
	bool removed = false;

	while (u->depth > 0 && u->n > 0 && u->v[u->n - 1].group == u->group) {
		step_free(&u->v[--u->n]);
		removed = true;
	}
	if (removed)
		u->done = u->n;   /* pushing had emptied the redo steps */
	u->depth = 0;
}

/* A new step at the end (what was undone is forgotten); NULL when out
 * of memory. */
static struct step *
push(struct jx_undo *u)
{
	struct step *s;

	while (u->n > u->done)
		step_free(&u->v[--u->n]);
	if (!(s = JX_APPEND(u->v, u->n, u->cap)))
		return NULL;
	s->group = u->depth > 0 ? u->group : ++u->group;
	u->done = u->n;
	return s;
}

void
jx_undo_saved(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
	      void *before, void *after, int64_t version, const char *what)
{
	struct step *s = push(u);

	if (!s) {
		jx_edit_free_record(rec, before);
		jx_edit_free_record(rec, after);
		return;
	}
	s->kind = S_SAVE;
	s->rec = rec;
	s->id = id;
	s->before = before;
	s->after = after;
	s->version = version;
	snprintf(s->what, sizeof s->what, "%s", what);
}

static void
record_step(struct jx_undo *u, enum step_kind kind, enum jx_rec_kind rec,
	    int64_t id, int64_t parent_id, int64_t after_id, void *record,
	    int64_t *ids, int64_t version, const char *what)
{
	struct step *s = push(u);

	if (!s) {
		jx_edit_free_record(rec, record);
		free(ids);
		return;
	}
	s->kind = kind;
	s->rec = rec;
	s->id = id;
	s->parent_id = parent_id;
	s->after_id = after_id;
	s->after = record;
	s->ids = ids;
	s->version = version;
	snprintf(s->what, sizeof s->what, "%s", what);
}

void
jx_undo_inserted(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		 int64_t parent_id, int64_t after_id, void *record,
		 int64_t *ids, int64_t version, const char *what)
{
	record_step(u, S_INSERT, rec, id, parent_id, after_id, record, ids,
		    version, what);
}

void
jx_undo_deleted(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		int64_t parent_id, int64_t after_id, void *record,
		int64_t *ids, int64_t version, const char *what)
{
	record_step(u, S_DELETE, rec, id, parent_id, after_id, record, ids,
		    version, what);
}

void
jx_undo_moved(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
	      int64_t parent_id, int dir, const char *what)
{
	record_step(u, S_MOVE, rec, id, parent_id, 0, NULL, NULL, 0, what);
	if (u->n && u->v[u->n - 1].kind == S_MOVE)
		u->v[u->n - 1].dir = dir;
}

void
jx_undo_year_added(struct jx_undo *u, int64_t id, struct jx_doc *head,
		   int64_t source_id, int year, const char *what)
{
	record_step(u, S_YEAR, JX_REC_YEAR, id, 0, 0, head, NULL, 0, what);
	if (u->n && u->v[u->n - 1].kind == S_YEAR) {
		u->v[u->n - 1].source_id = source_id;
		u->v[u->n - 1].year = year;
	}
}

bool
jx_undo_can_undo(const struct jx_undo *u)
{
	return u && u->done > 0;
}

bool
jx_undo_can_redo(const struct jx_undo *u)
{
	return u && u->done < u->n;
}

/* ---- applying steps ------------------------------------------------- */

static enum jx_status
save_record(struct jx_store *st, struct step *s, const void *rec,
	    struct jx_error *err)
{
	int64_t v = s->version;
	enum jx_status rc;

	if (s->rec == JX_REC_YEAR)
		rc = jx_store_save_year(st, s->id, &v, rec, err);
	else if (s->rec == JX_REC_PROJECT)
		rc = jx_store_save_project(st, s->id, &v, rec, err);
	else
		rc = jx_store_save_indicator(st, s->id, &v, rec, err);
	s->new_version = v;
	return rc;
}

/* The version the store gave a record just put back. */
static enum jx_status
learn_version(struct jx_store *st, struct step *s, struct jx_error *err)
{
	struct jx_rec_meta meta;
	enum jx_status rc;

	if (s->rec == JX_REC_PROJECT) {
		struct jx_project p;
		rc = jx_store_load_project(st, s->id, &p, &meta, NULL, err);
		jx_project_free(&p);
	} else {
		struct jx_indicator ind;
		rc = jx_store_load_indicator(st, s->id, &ind, &meta, err);
		jx_indicator_free(&ind);
	}
	s->new_version = meta.version;
	return rc;
}

static enum jx_status
put_back(struct jx_store *st, struct step *s, struct jx_error *err)
{
	int64_t id;
	enum jx_status rc;

	if (s->rec == JX_REC_PROJECT)
		rc = jx_store_insert_project(st, s->parent_id, s->after_id,
					     s->after, s->id, s->ids, &id, err);
	else
		rc = jx_store_insert_indicator(st, s->parent_id, s->after_id,
					       s->after, s->id, &id, err);
	return rc == JX_OK ? learn_version(st, s, err) : rc;
}

static enum jx_status
take_away(struct jx_store *st, struct step *s, struct jx_error *err)
{
	if (s->rec == JX_REC_PROJECT)
		return jx_store_delete_project(st, s->id, s->version, err);
	return jx_store_delete_indicator(st, s->id, s->version, err);
}

static enum jx_status
move(struct jx_store *st, struct step *s, int dir, struct jx_error *err)
{
	if (s->rec == JX_REC_PROJECT)
		return jx_store_move_project(st, s->id, dir, err);
	return jx_store_move_indicator(st, s->id, dir, err);
}

static enum jx_status
add_year_again(struct jx_store *st, struct step *s, struct jx_error *err)
{
	int64_t id;
	enum jx_status rc = s->source_id
		? jx_store_copy_year(st, s->source_id, s->year, &id, err)
		: jx_store_new_year(st, s->after, &id, err);

	if (rc == JX_OK)
		s->id = id;   /* a new id: the old one is not re-used */
	return rc;
}

/* Applies step s backwards (undo) or forwards (redo). */
static enum jx_status
apply(struct jx_store *st, struct step *s, bool undo, struct jx_error *err)
{
	s->new_version = s->version;
	switch (s->kind) {
	case S_SAVE:
		return save_record(st, s, undo ? s->before : s->after, err);
	case S_INSERT:
		return undo ? take_away(st, s, err) : put_back(st, s, err);
	case S_DELETE:
		return undo ? put_back(st, s, err) : take_away(st, s, err);
	case S_MOVE:
		return move(st, s, undo ? -s->dir : s->dir, err);
	case S_YEAR:
		return undo ? jx_store_delete_year(st, s->id, err)
			    : add_year_again(st, s, err);
	}
	return JX_INVALID;
}

static void
place_of(const struct step *s, bool undo, struct jx_undo_place *where)
{
	bool gone = (s->kind == S_INSERT && undo) ||
		    (s->kind == S_DELETE && !undo) ||
		    (s->kind == S_YEAR && undo);

	where->rec = s->rec;
	where->id = gone ? 0 : s->id;
	where->parent_id = s->parent_id;
	snprintf(where->what, sizeof where->what, "%s", s->what);
}

/* Applies the steps of one group: [from, to) of the array, in reverse
 * for undo. */
static enum jx_status
apply_group(struct jx_undo *u, struct jx_store *st, size_t from, size_t to,
	    bool undo, struct jx_undo_place *where, struct jx_error *err)
{
	enum jx_status rc = jx_store_begin(st, err);

	for (size_t k = 0; rc == JX_OK && k < to - from; k++) {
		struct step *s = &u->v[undo ? to - 1 - k : from + k];
		rc = apply(st, s, undo, err);
		if (rc == JX_OK)
			place_of(s, undo, where);
	}
	if (rc == JX_OK)
		rc = jx_store_commit(st, err);
	if (rc != JX_OK) {
		jx_store_rollback(st);
		return rc;
	}
	for (size_t i = from; i < to; i++)
		u->v[i].version = u->v[i].new_version;
	return JX_OK;
}

enum jx_status
jx_undo_undo(struct jx_undo *u, struct jx_store *st,
	     struct jx_undo_place *where, struct jx_error *err)
{
	size_t from;
	enum jx_status rc;

	if (!jx_undo_can_undo(u))
		return jx_error_set(err, JX_NOTFOUND,
				    _("Nothing to undo in this session"));
	from = u->done - 1;
	while (from > 0 && u->v[from - 1].group == u->v[u->done - 1].group)
		from--;
	rc = apply_group(u, st, from, u->done, true, where, err);
	if (rc == JX_OK)
		u->done = from;
	return rc;
}

enum jx_status
jx_undo_redo(struct jx_undo *u, struct jx_store *st,
	     struct jx_undo_place *where, struct jx_error *err)
{
	size_t to;
	enum jx_status rc;

	if (!jx_undo_can_redo(u))
		return jx_error_set(err, JX_NOTFOUND, _("Nothing to redo"));
	to = u->done + 1;
	while (to < u->n && u->v[to].group == u->v[u->done].group)
		to++;
	rc = apply_group(u, st, u->done, to, false, where, err);
	if (rc == JX_OK)
		u->done = to;
	return rc;
}
