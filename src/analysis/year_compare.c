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

struct brief_list {
	struct jx_cmp_project *items;
	size_t n, cap;
	bool oom;
};

static int
on_brief(void *ctx, const struct jx_brief_row *row)
{
	struct brief_list *l = ctx;
	struct jx_cmp_project *p;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		struct jx_cmp_project *grown = realloc(l->items,
						       cap * sizeof *grown);
		if (!grown)
			return l->oom = true;
		l->items = grown;
		l->cap = cap;
	}
	p = &l->items[l->n++];
	p->id = row->id;
	p->code = jx_strdup(row->code);
	p->name = jx_strdup(row->name);
	p->budget = row->budget;
	p->predecessor_id = row->predecessor_id;
	if (!p->name || (row->code && !p->code))
		l->oom = true;
	return l->oom;
}

static void
free_briefs(struct jx_cmp_project *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)items[i].code);
		free((char *)items[i].name);
	}
	free(items);
}

static enum jx_status
load_year(struct jx_store *st, int64_t dept_id, int year, int other,
	  struct jx_cmp_project **out, size_t *n, struct jx_error *err)
{
	struct brief_list l = { NULL, 0, 0, false };
	int64_t year_id;
	enum jx_status rc = jx_store_find_year(st, dept_id, year, &year_id,
					       err);

	if (rc == JX_OK)
		rc = jx_store_brief_projects(st, year_id, other, on_brief, &l,
					     err);
	if (rc == JX_OK && l.oom)
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (rc != JX_OK) {
		free_briefs(l.items, l.n);
		return rc;
	}
	*out = l.items;
	*n = l.n;
	return JX_OK;
}

/* Indicators of a year, into the project (same index as the briefs) that
 * holds them: the rows come in the briefs' project order, so one cursor
 * walks both. */
struct fill {
	const struct jx_cmp_project *briefs;
	struct jx_project *into;
	size_t n, at;
	bool oom;
};

static bool
copy_indicator(struct jx_indicator *to, const struct jx_year_indicator_row *r)
{
	to->level1 = jx_strdup(r->level1);
	to->level2 = jx_strdup(r->level2);
	to->name = jx_strdup(r->name);
	to->description = jx_strdup(r->description);
	to->target = jx_strdup(r->target);
	to->basis = jx_strdup(r->basis);
	return to->level1 && to->level2 && to->name && to->target &&
	       (!r->description || to->description) &&
	       (!r->basis || to->basis);
}

static int
on_indicator(void *ctx, const struct jx_year_indicator_row *r)
{
	struct fill *f = ctx;
	struct jx_indicator *ind;

	while (f->at < f->n && f->briefs[f->at].id != r->project_id)
		f->at++;
	if (f->at == f->n)
		return 0;   /* cannot happen: same order as the briefs */
	ind = jx_project_add_indicator(&f->into[f->at]);
	if (!ind || !copy_indicator(ind, r))
		return f->oom = true;
	return 0;
}

static enum jx_status
load_indicators(struct jx_store *st, int64_t dept_id, int year,
		const struct jx_cmp_project *briefs, size_t n,
		struct jx_project **out, struct jx_error *err)
{
	struct fill f = { briefs, NULL, n, 0, false };
	int64_t year_id;
	enum jx_status rc;

	*out = f.into = calloc(n ? n : 1, sizeof *f.into);
	if (!f.into)
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	rc = jx_store_find_year(st, dept_id, year, &year_id, err);
	if (rc == JX_OK)
		rc = jx_store_year_indicators(st, year_id, on_indicator, &f,
					      err);
	if (rc == JX_OK && f.oom)
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	return rc;
}

/* The index of p in the array it belongs to. */
static size_t
index_of(const struct jx_cmp_project *base, const struct jx_cmp_project *p)
{
	return (size_t)(p - base);
}

static enum jx_status
judge_all(struct jx_store *st, int64_t dept_id, struct jx_year_compare *c,
	  struct jx_error *err)
{
	size_t n = c->result.n;
	enum jx_status rc;

	rc = load_indicators(st, dept_id, c->year_a, c->a, c->na, &c->ind_a,
			     err);
	if (rc == JX_OK)
		rc = load_indicators(st, dept_id, c->year_b, c->b, c->nb,
				     &c->ind_b, err);
	if (rc == JX_OK && !(c->indicators = calloc(n ? n : 1,
						    sizeof *c->indicators)))
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	for (size_t i = 0; rc == JX_OK && i < n; i++) {
		struct jx_cmp_row *row = &c->result.rows[i];
		const struct jx_project *pa, *pb;

		if (!row->a || !row->b)
			continue;
		pa = &c->ind_a[index_of(c->a, row->a)];
		pb = &c->ind_b[index_of(c->b, row->b)];
		if (!jx_compare_indicators(pa->indicators, pa->n_indicators,
					   pb->indicators, pb->n_indicators,
					   &c->indicators[i]))
			return jx_error_set(err, JX_NOMEM, _("out of memory"));
		if (row->status == JX_CS_SAME &&
		    jx_cmp_indicators_differ(&c->indicators[i]))
			row->status = JX_CS_CHANGED;
		jx_compare_flag(row, &c->indicators[i]);
	}
	if (rc == JX_OK)
		jx_cmp_result_count(&c->result);
	return rc;
}

enum jx_status
jx_year_compare_load(struct jx_store *st, int64_t dept_id, int year_a,
		     int year_b, struct jx_year_compare *out,
		     struct jx_error *err)
{
	enum jx_status rc;

	memset(out, 0, sizeof *out);
	out->year_a = year_a;
	out->year_b = year_b;
	if (year_a == year_b)
		return jx_error_set(err, JX_USAGE, _("comparing %d with itself:"
				    " give two different years"), year_a);
	rc = load_year(st, dept_id, year_a, year_b, &out->a, &out->na, err);
	if (rc == JX_OK)
		rc = load_year(st, dept_id, year_b, year_a, &out->b, &out->nb,
			       err);
	if (rc == JX_OK && !jx_compare_projects(out->a, out->na, out->b,
						out->nb, &out->result))
		rc = jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (rc == JX_OK)
		rc = judge_all(st, dept_id, out, err);
	if (rc != JX_OK)
		jx_year_compare_free(out);
	return rc;
}

void
jx_year_compare_free(struct jx_year_compare *c)
{
	for (size_t i = 0; c->indicators && i < c->result.n; i++)
		jx_cmp_indicators_free(&c->indicators[i]);
	for (size_t i = 0; c->ind_a && i < c->na; i++)
		jx_project_free(&c->ind_a[i]);
	for (size_t i = 0; c->ind_b && i < c->nb; i++)
		jx_project_free(&c->ind_b[i]);
	free(c->indicators);
	free(c->ind_a);
	free(c->ind_b);
	jx_cmp_result_free(&c->result);
	free_briefs(c->a, c->na);
	free_briefs(c->b, c->nb);
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
