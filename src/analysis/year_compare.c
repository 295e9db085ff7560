/*
 * year_compare.c — loading two years from the store and comparing them
 * (see year_compare.h). No SQL here: the store gives the rows.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "analysis/year_compare.h"
#include "core/money.h"
#include "core/text.h"

/* ---- loading a year's projects ------------------------------------------ */

struct brief_list {
	struct jx_cmp_year *y;
	size_t cap;
	bool oom;
};

static bool
grow_year(struct jx_cmp_year *y, size_t *cap)
{
	size_t n = *cap ? 2 * *cap : 32;
	struct jx_cmp_project *p = realloc(y->p, n * sizeof *p);
	int64_t *d;

	if (!p)
		return false;
	y->p = p;
	if (!(d = realloc(y->digest, n * sizeof *d)))
		return false;
	y->digest = d;
	*cap = n;
	return true;
}

static int
on_brief(void *ctx, const struct jx_brief_row *row)
{
	struct brief_list *l = ctx;
	struct jx_cmp_project *p;

	if (l->y->n == l->cap && !grow_year(l->y, &l->cap))
		return l->oom = true;
	l->y->digest[l->y->n] = row->has_digest ? row->digest : -1;
	p = &l->y->p[l->y->n++];
	p->id = row->id;
	p->code = jx_strdup(row->code);
	p->name = jx_strdup(row->name);
	p->budget = row->budget;
	p->predecessor_id = row->predecessor_id;
	if (!p->name || (row->code && !p->code))
		l->oom = true;
	return l->oom;
}

/* ---- strings of the indicators read ------------------------------------ */

/* Blocks of strings freed together: a comparison reads thousands of short
 * texts, and a malloc and a free for each was a tenth of its time. */
struct jx_text_block {
	struct jx_text_block *next;
	size_t used, size;
	char text[];
};

#define TEXT_BLOCK 16384

/* A copy of s in y's blocks (NULL for NULL, or when out of memory). */
static const char *
text_copy(struct jx_cmp_year *y, const char *s)
{
	struct jx_text_block *b = y->texts;
	size_t len;
	char *out;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	if (!b || b->size - b->used < len) {
		size_t size = len > TEXT_BLOCK ? len : TEXT_BLOCK;
		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		b->next = y->texts;
		b->used = 0;
		b->size = size;
		y->texts = b;
	}
	out = memcpy(b->text + b->used, s, len);
	b->used += len;
	return out;
}

static void
free_texts(struct jx_text_block *b)
{
	while (b) {
		struct jx_text_block *next = b->next;
		free(b);
		b = next;
	}
}

static void
free_year(struct jx_cmp_year *y)
{
	for (size_t i = 0; i < y->n; i++) {
		free((char *)y->p[i].code);
		free((char *)y->p[i].name);
		if (y->ind)
			free(y->ind[i].indicators);   /* texts: below */
	}
	free_texts(y->texts);
	free(y->p);
	free(y->digest);
	free(y->ind);
	free(y->read);
	memset(y, 0, sizeof *y);
}

static enum jx_status
load_year(struct jx_store *st, int64_t dept_id, int year, int other,
	  struct jx_cmp_year *y, struct jx_error *err)
{
	struct brief_list l = { y, 0, false };
	int64_t year_id;
	enum jx_status rc = jx_store_find_year(st, dept_id, year, &year_id,
					       err);

	if (rc == JX_OK)
		rc = jx_store_brief_projects(st, year_id, other, on_brief, &l,
					     err);
	if (rc == JX_OK && l.oom)
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (rc == JX_OK && (!(y->ind = calloc(y->n + 1, sizeof *y->ind)) ||
			    !(y->read = calloc(y->n + 1, sizeof *y->read))))
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	return rc;
}

/* ---- reading a project's indicators ------------------------------------- */

/* Projects whose indicators are to be read, and where each goes: read
 * together, a few dozen per statement, in the order of their ids. */
struct wanted {
	int64_t id;
	struct jx_cmp_year *y;
	size_t i;
};

struct reads {
	struct wanted *w;
	size_t n, at;      /* at: the project the rows are coming for */
	bool oom;
};

static int
by_id(const void *x, const void *y)
{
	const struct wanted *a = x, *b = y;

	return (a->id > b->id) - (a->id < b->id);
}

/* Adds project i of y to rd unless it was read before. */
static void
want(struct reads *rd, struct jx_cmp_year *y, size_t i)
{
	if (!y->read[i])
		rd->w[rd->n++] = (struct wanted){ y->p[i].id, y, i };
}

static int
on_target(void *ctx, const struct jx_target_row *r)
{
	struct reads *rd = ctx;
	struct jx_indicator *ind;
	struct wanted *w;

	while (rd->at < rd->n && rd->w[rd->at].id < r->project_id)
		rd->at++;
	if (rd->at == rd->n || rd->w[rd->at].id != r->project_id)
		return 0;          /* cannot happen: only these were asked */
	w = &rd->w[rd->at];
	if (!(ind = jx_project_add_indicator(&w->y->ind[w->i])))
		return rd->oom = true;
	/* Not owned (see free_year): the casts only fit struct jx_indicator. */
	ind->level1 = (char *)text_copy(w->y, r->level1);
	ind->level2 = (char *)text_copy(w->y, r->level2);
	ind->name = (char *)text_copy(w->y, r->name);
	ind->target = (char *)text_copy(w->y, r->target);
	rd->oom = !ind->level1 || !ind->level2 || !ind->name || !ind->target;
	return rd->oom;
}

/* Reads the indicators of every project in rd (each then marked read). */
static enum jx_status
read_wanted(struct jx_store *st, struct reads *rd, struct jx_error *err)
{
	int64_t *ids = malloc((rd->n + 1) * sizeof *ids);
	enum jx_status rc;

	if (!ids)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	qsort(rd->w, rd->n, sizeof *rd->w, by_id);
	for (size_t k = 0; k < rd->n; k++)
		ids[k] = rd->w[k].id;
	rd->at = 0;
	rc = jx_store_project_targets(st, ids, rd->n, on_target, rd, err);
	free(ids);
	if (rc == JX_OK && rd->oom)
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	for (size_t k = 0; rc == JX_OK && k < rd->n; k++)
		rd->w[k].y->read[rd->w[k].i] = true;
	return rc;
}

/* ---- judging pairs ------------------------------------------------------- */

/* The index of p in the projects of y. */
static size_t
index_of(const struct jx_cmp_year *y, const struct jx_cmp_project *p)
{
	return (size_t)(p - y->p);
}

/* Equal digests: the same indicators (level 1, level 2, name, target in
 * order), so every pair is SAME and nothing needs reading. */
static bool
same_digests(const struct jx_year_compare *c, const struct jx_cmp_row *row,
	     int64_t *digest)
{
	int64_t da = c->ya.digest[index_of(&c->ya, row->a)];
	int64_t db = c->yb.digest[index_of(&c->yb, row->b)];

	*digest = db;
	return da >= 0 && da == db;
}

/* What jx_compare_flag says of a pair whose indicators are all the same:
 * flagged when the budget went up and there is at least one indicator. */
static void
flag_same(struct jx_cmp_row *row, int64_t digest)
{
	row->flagged = row->change_yuan > 0 && digest != 0;
}

static void
parse_cached(void *ctx, const char *text, struct jx_target *out)
{
	jx_store_parse_target(ctx, text, out);
}

/* Compares the indicators of result row i (a matched pair, both read),
 * and refines its status and flag from them. */
static enum jx_status
judge_pair(struct jx_store *st, struct jx_year_compare *c, size_t i,
	   struct jx_error *err)
{
	struct jx_cmp_row *row = &c->result.rows[i];
	size_t ia = index_of(&c->ya, row->a), ib = index_of(&c->yb, row->b);
	const struct jx_project *pa = &c->ya.ind[ia], *pb = &c->yb.ind[ib];
	const struct jx_target_parser parser = { parse_cached, st, c->levels };

	if (!jx_compare_indicators_with(pa->indicators, pa->n_indicators,
					pb->indicators, pb->n_indicators,
					&parser, &c->indicators[i]))
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	c->judged[i] = true;
	if (row->status == JX_CS_SAME &&
	    jx_cmp_indicators_differ(&c->indicators[i]))
		row->status = JX_CS_CHANGED;
	jx_compare_flag(row, &c->indicators[i]);
	return JX_OK;
}

/* Whether result row i is a pair to judge now: matched, with digests
 * that differ (or are not known); the other rows are settled here. */
static bool
to_judge(struct jx_year_compare *c, size_t i)
{
	struct jx_cmp_row *row = &c->result.rows[i];
	int64_t digest;

	if (!row->a || !row->b) {
		c->judged[i] = true;
		return false;
	}
	if (same_digests(c, row, &digest)) {
		flag_same(row, digest);
		return false;
	}
	return true;
}

/* Reads the indicators of the pairs to judge, all at once, then judges
 * them. */
static enum jx_status
judge_all(struct jx_store *st, struct jx_year_compare *c,
	  struct jx_error *err)
{
	size_t n = c->result.n;
	struct reads rd = { NULL, 0, 0, false };
	enum jx_status rc;

	if (!(c->indicators = calloc(n + 1, sizeof *c->indicators)) ||
	    !(c->judged = calloc(n + 1, sizeof *c->judged)) ||
	    !(rd.w = malloc((c->ya.n + c->yb.n + 1) * sizeof *rd.w)))
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	for (size_t i = 0; i < n; i++)
		if (to_judge(c, i)) {
			const struct jx_cmp_row *row = &c->result.rows[i];
			want(&rd, &c->ya, index_of(&c->ya, row->a));
			want(&rd, &c->yb, index_of(&c->yb, row->b));
		}
	rc = read_wanted(st, &rd, err);
	free(rd.w);
	for (size_t i = 0; rc == JX_OK && i < n; i++)
		if (!c->judged[i] && to_judge(c, i))
			rc = judge_pair(st, c, i, err);
	if (rc == JX_OK)
		jx_cmp_result_count(&c->result);
	return rc;
}

enum jx_status
jx_year_compare_load(struct jx_store *st, int64_t dept_id, int year_a,
		     int year_b, const struct jx_level_keys *levels,
		     struct jx_year_compare *out, struct jx_error *err)
{
	enum jx_status rc;

	memset(out, 0, sizeof *out);
	out->levels = levels;
	out->year_a = year_a;
	out->year_b = year_b;
	if (year_a == year_b)
		return jx_error_set(err, JX_USAGE, _("comparing %d with itself:"
				    " give two different years"), year_a);
	jx_store_read_begin(st);
	rc = load_year(st, dept_id, year_a, year_b, &out->ya, err);
	if (rc == JX_OK)
		rc = load_year(st, dept_id, year_b, year_a, &out->yb, err);
	if (rc == JX_OK && !jx_compare_projects(out->ya.p, out->ya.n,
						out->yb.p, out->yb.n,
						&out->result))
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (rc == JX_OK)
		rc = judge_all(st, out, err);
	jx_store_read_end(st);
	if (rc != JX_OK)
		jx_year_compare_free(out);
	return rc;
}

enum jx_status
jx_year_compare_pair(struct jx_store *st, struct jx_year_compare *c,
		     size_t row, struct jx_error *err)
{
	struct wanted w[2];
	struct reads rd = { w, 0, 0, false };
	const struct jx_cmp_row *r;
	enum jx_status rc;

	if (row >= c->result.n || c->judged[row])
		return JX_OK;
	r = &c->result.rows[row];
	want(&rd, &c->ya, index_of(&c->ya, r->a));
	want(&rd, &c->yb, index_of(&c->yb, r->b));
	jx_store_read_begin(st);
	rc = read_wanted(st, &rd, err);
	jx_store_read_end(st);
	if (rc == JX_OK)
		rc = judge_pair(st, c, row, err);
	/* The status and flag were those of equal indicators; judging
	 * confirms them (or corrects them, should two digests collide). */
	if (rc == JX_OK)
		jx_cmp_result_count(&c->result);
	return rc;
}

void
jx_year_compare_free(struct jx_year_compare *c)
{
	for (size_t i = 0; c->indicators && i < c->result.n; i++)
		jx_cmp_indicators_free(&c->indicators[i]);
	free(c->indicators);
	free(c->judged);
	jx_cmp_result_free(&c->result);
	free_year(&c->ya);
	free_year(&c->yb);
	memset(c, 0, sizeof *c);
}

void
jx_cmp_percent_text(const struct jx_cmp_row *row, char *buf, size_t size)
{
	int64_t bp = row->change_bp < 0 ? -row->change_bp : row->change_bp;

	if (!row->has_percent) {
		snprintf(buf, size, "%s", "");
		return;
	}
	snprintf(buf, size, "%s%" PRId64 ".%02" PRId64 "%%",
		 row->change_bp > 0 ? "▲" : row->change_bp < 0 ? "▼" : "",
		 bp / 100, bp % 100);
}

void
jx_cmp_change_text(int64_t change_yuan, char *buf, size_t size)
{
	char m[48];

	jx_money_format_wan(change_yuan < 0 ? -change_yuan : change_yuan, m,
			    sizeof m);
	snprintf(buf, size, "%s%s", change_yuan > 0 ? "▲" : change_yuan < 0
		 ? "▼" : "", m);
}
