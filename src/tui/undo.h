/*
 * undo.h — the changes of this session, undone and redone record by record.
 *
 * Each step keeps what is needed to go both ways: the record before and
 * after a save, the whole record (a project with its indicators and their
 * ids) for an insert or a delete, the direction of a move. A delete is
 * undone by putting the record back under its old id, so later steps that
 * name it still find it. Steps taken together (one save of the grid) form
 * a group and are undone together. Undoing goes through the store like any
 * change: versions are checked, so a record that someone else changed
 * since is not overwritten — the undo stops with a message instead.
 */
#ifndef JX_TUI_UNDO_H
#define JX_TUI_UNDO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/record.h"
#include "store/store.h"

enum jx_rec_kind { JX_REC_YEAR, JX_REC_PROJECT, JX_REC_INDICATOR };

/* Where the cursor goes after an undo or redo. */
struct jx_undo_place {
	enum jx_rec_kind rec;
	int64_t id;            /* the record (0 when it is gone) */
	int64_t parent_id;
	char what[160];        /* "edit of 项目 X", for the message */
};

struct jx_undo;

struct jx_undo *jx_undo_new(void);
void jx_undo_free(struct jx_undo *u);

/* Steps pushed between begin and end are one group; cancel drops the
 * steps of the open group (its transaction was rolled back) and ends it. */
void jx_undo_begin(struct jx_undo *u);
void jx_undo_end(struct jx_undo *u);
void jx_undo_cancel(struct jx_undo *u);

/*
 * Recording. The undo takes ownership of the records passed (and frees
 * them, also on failure); `version` is the record's version after the
 * change. Pushing forgets what was undone (no redo past a new change).
 */
void jx_undo_saved(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		   void *before, void *after, int64_t version,
		   const char *what);
/* An insert (also a duplicate) and a delete: rec is the whole record
 * (a project with its indicators; ids their ids, owned, may be NULL). */
void jx_undo_inserted(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		      int64_t parent_id, int64_t after_id, void *record,
		      int64_t *ids, int64_t version, const char *what);
void jx_undo_deleted(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		     int64_t parent_id, int64_t after_id, void *record,
		     int64_t *ids, int64_t version, const char *what);
void jx_undo_moved(struct jx_undo *u, enum jx_rec_kind rec, int64_t id,
		   int64_t parent_id, int dir, const char *what);
/* A department-year added: from a form (head, owned) or copied from
 * source_id as year `year`. */
void jx_undo_year_added(struct jx_undo *u, int64_t id, struct jx_doc *head,
			int64_t source_id, int year, const char *what);

bool jx_undo_can_undo(const struct jx_undo *u);
bool jx_undo_can_redo(const struct jx_undo *u);

/* Undoes (redoes) the last group. On failure the store is as the failed
 * step found it, the step stays to be tried again, and err says why. */
enum jx_status jx_undo_undo(struct jx_undo *u, struct jx_store *st,
			    struct jx_undo_place *where, struct jx_error *err);
enum jx_status jx_undo_redo(struct jx_undo *u, struct jx_store *st,
			    struct jx_undo_place *where, struct jx_error *err);

#endif
