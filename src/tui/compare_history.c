/*
 * compare_history.c — one project over every year on file: its budget as
 * a bar chart and its targets year by year, as text for the compare view.
 * The project is followed from year to year with the same matching as the
 * comparison (links, code, name).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/year_compare.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/money.h"
#include "core/text.h"
#include "core/utf8.h"
#include "tui/app.h"

#define MAX_YEARS JX_MAX_YEARS
#define BAR_WIDTH 40

struct track {
	int years[MAX_YEARS];
	int64_t ids[MAX_YEARS];     /* project id per year, 0 when absent */
	int n;
};

static int
collect(void *ctx, const struct jx_year_row *row)
{
	struct track *t = ctx;

	if (t->n < MAX_YEARS)
		t->years[t->n++] = row->year;
	return 0;
}

/* The project of year `to` matched with project `id` of year `from`. */
static int64_t
follow(struct jx_store *st, int64_t dept, int from, int64_t id, int to)
{
	struct jx_year_compare c;
	struct jx_error err;
	int64_t found = 0;

	jx_error_clear(&err);
	/* Projects match by code or name: levels do not count here. */
	if (jx_year_compare_load(st, dept, to, from, NULL, &c, &err) != JX_OK)
		return 0;
	for (size_t i = 0; i < c.result.n && !found; i++)
		if (c.result.rows[i].b && c.result.rows[i].b->id == id &&
		    c.result.rows[i].a)
			found = c.result.rows[i].a->id;
	jx_year_compare_free(&c);
	return found;
}

static void
trace(struct jx_store *st, int64_t dept, struct track *t, int anchor)
{
	for (int i = anchor; i > 0 && t->ids[i]; i--)
		t->ids[i - 1] = follow(st, dept, t->years[i], t->ids[i],
				       t->years[i - 1]);
	for (int i = anchor; i + 1 < t->n && t->ids[i]; i++)
		t->ids[i + 1] = follow(st, dept, t->years[i], t->ids[i],
				       t->years[i + 1]);
}

/* A bar of `eighths` eighth-columns, drawn with block characters. */
static void
bar(struct jx_strbuf *t, int64_t eighths)
{
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊",
					    "▉" };
	for (int64_t i = 0; i < eighths / 8; i++)
		jx_strbuf_add(t, "█");
	jx_strbuf_add(t, part[eighths % 8]);
}

static void
budget_chart(struct jx_strbuf *t, const struct track *tr,
	     const struct jx_project *p)
{
	int64_t max = 1;
	char line[128], m[48];

	for (int i = 0; i < tr->n; i++)
		if (tr->ids[i] && p[i].annual_total.present &&
		    p[i].annual_total.yuan > max)
			max = p[i].annual_total.yuan;
	jx_strbuf_add(t, _("年度  预算（万元）\n"));
	for (int i = 0; i < tr->n; i++) {
		const struct jx_amount *a = &p[i].annual_total;
		if (!tr->ids[i]) {
			snprintf(line, sizeof line, "%d  %12s  %s\n",
				 tr->years[i], "", _("(not on file this year)"));
			jx_strbuf_add(t, line);
			continue;
		}
		m[0] = '\0';
		if (a->present)
			jx_money_format_wan(a->yuan, m, sizeof m);
		snprintf(line, sizeof line, "%d  %12s  ", tr->years[i], m);
		jx_strbuf_add(t, line);
		if (a->present && a->yuan > 0)
			bar(t, a->yuan * BAR_WIDTH * 8 / max);
		jx_strbuf_add(t, "\n");
	}
}

/* An indicator's level 2 and name as the comparison matches them (by the
 * template files' names when lk is given). */
static char *
key_of(const struct jx_indicator *ind, const struct jx_level_keys *lk)
{
	char *l2 = lk ? lk->key(lk->ctx, ind->level1, ind->level2)
		      : jx_level_key(ind->level2);
	char *name = jx_text_key(ind->name);
	size_t size = (l2 ? strlen(l2) : 0) + (name ? strlen(name) : 0) + 2;
	char *key = malloc(size);

	if (key)
		snprintf(key, size, "%s|%s", l2 ? l2 : "", name ? name : "");
	free(l2);
	free(name);
	return key;
}

static const char *
target_in(const struct jx_project *p, const char *key,
	  const struct jx_level_keys *lk)
{
	for (size_t k = 0; k < p->n_indicators; k++) {
		char *other = key_of(&p->indicators[k], lk);
		bool same = other && strcmp(other, key) == 0;
		free(other);
		if (same)
			return p->indicators[k].target;
	}
	return "";
}

/* Rows: the indicators of the anchor year's project; columns: years. */
static void
target_table(struct jx_strbuf *t, const struct track *tr,
	     const struct jx_project *p, int anchor,
	     const struct jx_level_keys *lk)
{
	char cell[160];

	jx_utf8_pad(_("指标值"), 20, false, false, cell, sizeof cell);
	jx_strbuf_add(t, "\n");
	jx_strbuf_add(t, cell);
	for (int i = 0; i < tr->n; i++) {
		char y[16];
		snprintf(y, sizeof y, "%d", tr->years[i]);
		jx_utf8_pad(y, 14, false, false, cell, sizeof cell);
		jx_strbuf_add(t, "  ");
		jx_strbuf_add(t, cell);
	}
	jx_strbuf_add(t, "\n");
	for (size_t k = 0; k < p[anchor].n_indicators; k++) {
		char *key = key_of(&p[anchor].indicators[k], lk);
		jx_utf8_pad(p[anchor].indicators[k].name, 20, false, false,
			    cell, sizeof cell);
		jx_strbuf_add(t, cell);
		for (int i = 0; key && i < tr->n; i++) {
			jx_utf8_pad(tr->ids[i] ? target_in(&p[i], key, lk) : "",
				    14, false, false, cell, sizeof cell);
			jx_strbuf_add(t, "  ");
			jx_strbuf_add(t, cell);
		}
		jx_strbuf_add(t, "\n");
		free(key);
	}
}

char *jx_compare_history(struct jx_app *app, int64_t dept_id,
			 const struct jx_cmp_row *row, int year_a,
			 int year_b);

char *
jx_compare_history(struct jx_app *app, int64_t dept_id,
		   const struct jx_cmp_row *row, int year_a, int year_b)
{
	struct track tr = { { 0 }, { 0 }, 0 };
	struct jx_project p[MAX_YEARS];
	struct jx_strbuf t = JX_STRBUF_INIT;
	struct jx_error err;
	int anchor = -1, year = row->b ? year_b : year_a;

	jx_error_clear(&err);
	memset(p, 0, sizeof p);
	jx_store_years(app->st, dept_id, collect, &tr, &err);
	for (int i = 0; i < tr.n; i++)
		if (tr.years[i] == year)
			anchor = i;
	if (anchor < 0)
		return NULL;
	tr.ids[anchor] = row->b ? row->b->id : row->a->id;
	trace(app->st, dept_id, &tr, anchor);
	for (int i = 0; i < tr.n; i++)
		if (tr.ids[i])
			jx_store_get_project(app->st, tr.ids[i], &p[i], &err);
	jx_strbuf_add(&t, p[anchor].name ? p[anchor].name : "");
	jx_strbuf_add(&t, "\n\n");
	budget_chart(&t, &tr, p);
	target_table(&t, &tr, p, anchor, app->level_keys);
	for (int i = 0; i < tr.n; i++)
		jx_project_free(&p[i]);
	if (t.oom)
		jx_strbuf_free(&t);
	return t.s;
}
