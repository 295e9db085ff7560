/*
 * wlist.c — the windowed list behind each pane (see wlist.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/wlist.h"

/* Rows read per store call, and the most kept in memory at once. A
 * window is a little more than a screen's pane at 80×24: the first frame
 * reads no more than it shows plus a page (64 rows of departments were
 * 0.8 M of the 11 M instructions before it), and a page key reads at
 * most this many. */
#define WINDOW 32
#define KEEP (4 * WINDOW)

static void
row_free(struct jx_wrow *row)
{
	for (int c = 0; c < JX_WLIST_MAX_COLS; c++)
		free(row->cells[c]);
	free(row->keyname);
	free(row->search);
}

static void
drop_rows(struct jx_wlist *wl, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		row_free(&wl->rows[i]);
}

static void
clear_cache(struct jx_wlist *wl)
{
	drop_rows(wl, 0, wl->n);
	wl->n = 0;
	wl->base = 0;
}

void
jx_wlist_init(struct jx_wlist *wl, struct jx_store *st)
{
	memset(wl, 0, sizeof *wl);
	wl->st = st;
}

void
jx_wlist_free(struct jx_wlist *wl)
{
	clear_cache(wl);
	free(wl->rows);
	wl->rows = NULL;
	wl->cap = 0;
}

bool
jx_wlist_add(struct jx_wlist *wl, struct jx_wrow *row)
{
	if (wl->n == wl->cap) {
		size_t cap = wl->cap ? 2 * wl->cap : WINDOW;
		struct jx_wrow *grown = realloc(wl->rows, cap * sizeof *grown);
		if (!grown) {
			row_free(row);
			return false;
		}
		wl->rows = grown;
		wl->cap = cap;
	}
	if (wl->adding_back) {
		memmove(wl->rows + 1, wl->rows, wl->n * sizeof *wl->rows);
		wl->rows[0] = *row;
		wl->base--;
	} else {
		wl->rows[wl->n] = *row;
	}
	wl->n++;
	wl->fetched++;
	return true;
}

void
jx_wlist_key_of(const struct jx_wlist *wl, const struct jx_wrow *row,
		struct jx_key *key)
{
	jx_key_first(key);
	key->first = false;
	key->seq = row->seq;
	key->id = row->id;
	if (wl->src.list == JX_LIST_DEPARTMENTS)
		key->name = jx_strdup(row->keyname ? row->keyname : "");
}

/* Reads up to limit rows after (or before) *key into the cache edge. */
static enum jx_status
fetch(struct jx_wlist *wl, struct jx_key *key, bool backward, int limit,
      struct jx_error *err)
{
	struct jx_window w = { limit, backward, NULL };
	enum jx_status rc;

	wl->adding_back = backward;
	rc = wl->src.fetch(wl, key, &w, err);
	wl->adding_back = false;
	return rc;
}

/* Keeps at most KEEP rows, dropping those farthest from index `keep`. */
static void
trim(struct jx_wlist *wl, int64_t keep)
{
	if (wl->n <= KEEP)
		return;
	if (keep - wl->base >= (int64_t)wl->n / 2) {
		size_t drop = wl->n - KEEP;
		drop_rows(wl, 0, drop);
		memmove(wl->rows, wl->rows + drop, KEEP * sizeof *wl->rows);
		wl->base += (int64_t)drop;
	} else {
		drop_rows(wl, KEEP, wl->n);
	}
	wl->n = KEEP;
}

static enum jx_status
extend(struct jx_wlist *wl, bool backward, struct jx_error *err)
{
	struct jx_key key;
	enum jx_status rc;

	jx_wlist_key_of(wl, &wl->rows[backward ? 0 : wl->n - 1], &key);
	rc = fetch(wl, &key, backward, WINDOW, err);
	jx_key_free(&key);
	return rc;
}

/* Empties the cache and reads the window at the start or the end. */
static enum jx_status
seed_edge(struct jx_wlist *wl, bool at_end, struct jx_error *err)
{
	struct jx_key key;
	enum jx_status rc;

	clear_cache(wl);
	if (at_end) {
		jx_key_last(&key);
		wl->base = wl->count;
	} else {
		jx_key_first(&key);
	}
	rc = fetch(wl, &key, at_end, WINDOW, err);
	jx_key_free(&key);
	return rc;
}

enum jx_status
jx_wlist_cover(struct jx_wlist *wl, int64_t from, int64_t to,
	       struct jx_error *err)
{
	enum jx_status rc = JX_OK;
	size_t before;

	if (from < 0)
		from = 0;
	if (to >= wl->count)
		to = wl->count - 1;
	if (from > to)
		return JX_OK;
	if (wl->n == 0 || to < wl->base - WINDOW ||
	    from >= wl->base + (int64_t)wl->n + WINDOW) {
		/* Far from the cache: start again from the nearer end. */
		rc = seed_edge(wl, from > wl->count / 2, err);
	}
	while (rc == JX_OK && wl->n > 0 && from < wl->base) {
		before = wl->n;
		rc = extend(wl, true, err);
		trim(wl, from);
		if (wl->n == before)
			break;
	}
	while (rc == JX_OK && wl->n > 0 && to >= wl->base + (int64_t)wl->n) {
		before = wl->n;
		rc = extend(wl, false, err);
		trim(wl, to);
		if (wl->n == before && wl->base + (int64_t)wl->n <= to)
			break;
	}
	return rc;
}

const struct jx_wrow *
jx_wlist_row(const struct jx_wlist *wl, int64_t i)
{
	if (i < wl->base || i >= wl->base + (int64_t)wl->n)
		return NULL;
	return &wl->rows[i - wl->base];
}

const struct jx_wrow *
jx_wlist_current(const struct jx_wlist *wl)
{
	return jx_wlist_row(wl, wl->cursor);
}

enum jx_status
jx_wlist_open(struct jx_wlist *wl, const struct jx_wlist_source *src,
	      struct jx_error *err)
{
	struct jx_key last;
	enum jx_status rc;

	clear_cache(wl);
	wl->src = *src;
	wl->cursor = wl->top = 0;
	wl->count = 0;
	jx_key_last(&last);
	rc = jx_store_rank(wl->st, src->list, src->parent, &last, &wl->count,
			   err);
	if (rc == JX_OK && wl->count > 0)
		rc = seed_edge(wl, false, err);
	return rc;
}

enum jx_status
jx_wlist_goto(struct jx_wlist *wl, int64_t index, int height,
	      struct jx_error *err)
{
	if (height < 1)
		height = 1;
	if (index >= wl->count)
		index = wl->count - 1;
	if (index < 0)
		index = 0;
	wl->cursor = index;
	if (wl->cursor < wl->top)
		wl->top = wl->cursor;
	if (wl->cursor >= wl->top + height)
		wl->top = wl->cursor - height + 1;
	if (wl->top > wl->count - height)
		wl->top = wl->count - height;
	if (wl->top < 0)
		wl->top = 0;
	return jx_wlist_cover(wl, wl->top, wl->top + height, err);
}

enum jx_status
jx_wlist_move(struct jx_wlist *wl, int64_t delta, int height,
	      struct jx_error *err)
{
	return jx_wlist_goto(wl, wl->cursor + delta, height, err);
}

/* Reseeds the cache around the row at `at` (list index `index`): the rows
 * before it backward, then it and the rows after forward. */
static enum jx_status
seed_at(struct jx_wlist *wl, const struct jx_key *at, int64_t index,
	struct jx_error *err)
{
	struct jx_key key;
	enum jx_status rc;

	clear_cache(wl);
	wl->base = index;
	key = *at;
	key.name = at->name ? jx_strdup(at->name) : NULL;
	rc = fetch(wl, &key, true, WINDOW / 2, err);
	jx_key_free(&key);
	if (rc != JX_OK)
		return rc;
	if (wl->n > 0)
		jx_wlist_key_of(wl, &wl->rows[wl->n - 1], &key);
	else
		jx_key_first(&key);
	rc = fetch(wl, &key, false, WINDOW, err);
	jx_key_free(&key);
	return rc;
}

enum jx_status
jx_wlist_goto_row(struct jx_wlist *wl, const struct jx_key *at, int height,
		  struct jx_error *err)
{
	int64_t index;
	enum jx_status rc;

	rc = jx_store_rank(wl->st, wl->src.list, wl->src.parent, at, &index,
			   err);
	if (rc != JX_OK)
		return rc;
	if (index >= wl->count)
		return jx_error_set(err, JX_NOTFOUND, "not in this list");
	if (index < wl->base - WINDOW ||
	    index >= wl->base + (int64_t)wl->n + WINDOW)
		rc = seed_at(wl, at, index, err);
	if (rc == JX_OK)
		rc = jx_wlist_goto(wl, index, height, err);
	return rc;
}

/* One row matching text after (before) *from, into *hit. */
static enum jx_status
find_one(struct jx_wlist *wl, struct jx_key *from, const char *text,
	 bool backward, struct jx_key *hit, bool *found, struct jx_error *err)
{
	struct jx_wlist probe;
	struct jx_window w = { 1, backward, text };
	enum jx_status rc;

	jx_wlist_init(&probe, wl->st);
	probe.src = wl->src;
	rc = wl->src.fetch(&probe, from, &w, err);
	*found = rc == JX_OK && probe.n == 1;
	if (*found)
		jx_wlist_key_of(wl, &probe.rows[0], hit);
	wl->fetched += probe.fetched;
	jx_wlist_free(&probe);
	return rc;
}

/* The key to search from: the cursor row, or the row before it (so that
 * the cursor row itself is the first candidate). */
static enum jx_status
search_start(struct jx_wlist *wl, bool backward, bool include_current,
	     struct jx_key *from, struct jx_error *err)
{
	int64_t i = wl->cursor;
	enum jx_status rc;

	if (include_current)
		i += backward ? 1 : -1;
	if (i < 0 || i >= wl->count) {
		if (i < 0)
			jx_key_first(from);
		else
			jx_key_last(from);
		return JX_OK;
	}
	rc = jx_wlist_cover(wl, i, i, err);
	if (rc == JX_OK && jx_wlist_row(wl, i))
		jx_wlist_key_of(wl, jx_wlist_row(wl, i), from);
	else if (rc == JX_OK)
		jx_key_first(from);
	return rc;
}

enum jx_status
jx_wlist_search(struct jx_wlist *wl, const char *text, bool backward,
		bool include_current, int height, struct jx_error *err)
{
	struct jx_key from, hit;
	bool found = false;
	enum jx_status rc;

	if (wl->count == 0 || !text || !*text)
		return JX_NOTFOUND;
	rc = search_start(wl, backward, include_current, &from, err);
	if (rc == JX_OK)
		rc = find_one(wl, &from, text, backward, &hit, &found, err);
	jx_key_free(&from);
	if (rc == JX_OK && !found) {
		/* Wrap around once. */
		if (backward)
			jx_key_last(&from);
		else
			jx_key_first(&from);
		rc = find_one(wl, &from, text, backward, &hit, &found, err);
	}
	if (rc != JX_OK || !found)
		return rc != JX_OK ? rc : JX_NOTFOUND;
	rc = jx_wlist_goto_row(wl, &hit, height, err);
	jx_key_free(&hit);
	return rc;
}
