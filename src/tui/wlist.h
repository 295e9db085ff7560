/*
 * wlist.h — a windowed list: the rows of one pane, read from the store a
 * window at a time around the cursor, never the whole list.
 *
 * The cache holds a contiguous run of rows [base, base + n) of the list;
 * moving the cursor outside it reads the next window in that direction by
 * keyset (from the key of the cache's edge row), and a long jump (last row,
 * a search hit) reseeds the cache at the target. The list length comes from
 * an index range count (jx_store_rank), so no row is read to know it.
 */
#ifndef JX_TUI_WLIST_H
#define JX_TUI_WLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define JX_WLIST_MAX_COLS 8

struct jx_wrow {
	int64_t id;
	int64_t seq;                    /* key of projects and indicators */
	char *keyname;                  /* key of departments */
	char *cells[JX_WLIST_MAX_COLS]; /* formatted columns, owned */
	char *search;                   /* extra text shown nowhere (unused) */
};

struct jx_wlist;

/* What a pane supplies: how to read a window of its list into the wlist
 * (calling jx_wlist_add for each row, in the order the store gives them). */
struct jx_wlist_source {
	enum jx_list list;
	int64_t parent;          /* dept_year or project id; 0 for departments */
	enum jx_status (*fetch)(struct jx_wlist *wl, struct jx_key *key,
				const struct jx_window *w,
				struct jx_error *err);
	void *ctx;
};

struct jx_wlist {
	struct jx_store *st;
	struct jx_wlist_source src;
	struct jx_wrow *rows;
	size_t n, cap;
	int64_t base;       /* list index of rows[0] */
	int64_t count;      /* rows in the list */
	int64_t cursor;     /* list index of the selected row */
	int64_t top;        /* list index of the first visible row */
	bool adding_back;   /* a backward fetch is being added (prepend) */
	int64_t fetched;    /* rows read from the store so far (for tests and
	                       benchmarks: windows must stay bounded) */
};

void jx_wlist_init(struct jx_wlist *wl, struct jx_store *st);
void jx_wlist_free(struct jx_wlist *wl);

/* Points the list at a new source and loads its first window; the cursor
 * goes to row 0. */
enum jx_status jx_wlist_open(struct jx_wlist *wl,
			     const struct jx_wlist_source *src,
			     struct jx_error *err);

/* Called by a source's fetch for each row read. Takes ownership of the
 * cells. Returns false when out of memory. */
bool jx_wlist_add(struct jx_wlist *wl, struct jx_wrow *row);

/* The row at list index i if it is cached, else NULL. */
const struct jx_wrow *jx_wlist_row(const struct jx_wlist *wl, int64_t i);
const struct jx_wrow *jx_wlist_current(const struct jx_wlist *wl);

/* Makes rows [from, to] (clamped to the list) cached. */
enum jx_status jx_wlist_cover(struct jx_wlist *wl, int64_t from, int64_t to,
			      struct jx_error *err);

/* Moves the cursor by delta rows (clamped) or to an index, keeping it
 * inside a view of `height` rows by scrolling `top`. */
enum jx_status jx_wlist_move(struct jx_wlist *wl, int64_t delta, int height,
			     struct jx_error *err);
enum jx_status jx_wlist_goto(struct jx_wlist *wl, int64_t index, int height,
			     struct jx_error *err);

/* Selects the row with this id if it is in the list (found by the store by
 * key and text), returning JX_NOTFOUND otherwise. */
enum jx_status jx_wlist_goto_row(struct jx_wlist *wl, const struct jx_key *at,
				 int height, struct jx_error *err);

/* The key of a cached row (for continuing a search from it). */
void jx_wlist_key_of(const struct jx_wlist *wl, const struct jx_wrow *row,
		     struct jx_key *key);

/* Finds the next (or previous) row containing text, starting after (or
 * before) the cursor, wrapping around once; include_current starts at the
 * cursor itself (incremental search). Moves the cursor there, or returns
 * JX_NOTFOUND leaving it. */
enum jx_status jx_wlist_search(struct jx_wlist *wl, const char *text,
			       bool backward, bool include_current,
			       int height, struct jx_error *err);

#endif
