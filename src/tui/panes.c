/*
 * panes.c — the departments, projects and indicators lists (columns, how a
 * row is formatted) and the detail text of the focused record.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/money.h"
#include "core/target.h"
#include "core/text.h"
#include "tui/panes.h"

/* ---- columns ---------------------------------------------------------- */

/* Each pane has a layout for the three-pane screen and one for zoom. */
static const struct jx_pane_column dept_columns[] = {
	{ N_("单位"), 8, 0, false, 0 },
	{ N_("年度"), 4, 4, false, 3 },
};

static const struct jx_pane_column dept_zoom_columns[] = {
	{ N_("编码"), 8, 8, false, 2 },
	{ N_("单位"), 8, 0, false, 0 },
	{ N_("年度"), 24, 24, false, 1 },
};

static const struct jx_pane_column project_columns[] = {
	{ N_("项目"), 8, 0, false, 1 },
	{ N_("万元"), 7, 7, true, 2 },
	{ N_("指标"), 4, 4, true, 3 },
};

static const struct jx_pane_column project_zoom_columns[] = {
	{ N_("编码"), 22, 22, false, 0 },
	{ N_("项目"), 8, 0, false, 1 },
	{ N_("预算（万元）"), 12, 12, true, 2 },
	{ N_("指标"), 4, 4, true, 3 },
};

static const struct jx_pane_column indicator_columns[] = {
	{ N_("一级"), 4, 4, false, 0 },
	{ N_("二级"), 4, 4, false, 1 },
	{ N_("三级指标"), 8, 0, false, 2 },
	{ N_("指标值"), 9, 9, false, 3 },
};

static const struct jx_pane_column indicator_zoom_columns[] = {
	{ N_("一级指标"), 10, 10, false, 4 },
	{ N_("二级指标"), 18, 18, false, 5 },
	{ N_("三级指标"), 8, 0, false, 2 },
	{ N_("指标值"), 14, 14, false, 3 },
	{ N_("指标值确定依据"), 16, 16, false, 6 },
};

#define LAYOUT(cols) { cols, sizeof cols / sizeof cols[0] }

static const struct jx_pane_layout layouts[JX_PANE_COUNT][2] = {
	{ LAYOUT(dept_columns), LAYOUT(dept_zoom_columns) },
	{ LAYOUT(project_columns), LAYOUT(project_zoom_columns) },
	{ LAYOUT(indicator_columns), LAYOUT(indicator_zoom_columns) },
};

const struct jx_pane_layout *
jx_pane_layout(enum jx_pane pane, bool zoom)
{
	return &layouts[pane][zoom ? 1 : 0];
}

void
jx_level_short(const char *level, char *buf, size_t size)
{
	static const char suffix[] = "指标";
	size_t len = level ? strlen(level) : 0, cut = 0;
	int chars = 0;

	if (len > sizeof suffix - 1 &&
	    strcmp(level + len - (sizeof suffix - 1), suffix) == 0)
		len -= sizeof suffix - 1;
	/* Two characters tell the framework's names apart (产出, 效益, 满意;
	 * 数量, 质量, 时效, 成本, 经济, 社会, 生态, 可持, 服务). */
	while (cut < len && chars < 2) {
		cut++;
		while (cut < len && ((unsigned char)level[cut] & 0xC0) == 0x80)
			cut++;
		chars++;
	}
	snprintf(buf, size, "%.*s", (int)cut, level ? level : "");
}

/* ---- rows ------------------------------------------------------------- */

/* A cell is one line: line breaks and tabs become spaces. */
static char *
cell(const char *text)
{
	char *copy = jx_strdup(text ? text : "");

	for (char *p = copy; p && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return copy;
}

static bool
add_row(struct jx_wlist *wl, struct jx_wrow *row, int ncells)
{
	for (int c = 0; c < ncells; c++)
		if (!row->cells[c]) {
			for (int k = 0; k < ncells; k++)
				free(row->cells[k]);
			free(row->keyname);
			return false;
		}
	return jx_wlist_add(wl, row);
}

static int
on_dept(void *ctx, const struct jx_dept_row *r)
{
	struct jx_wrow row = { .id = r->id, .keyname = jx_strdup(r->name) };

	const char *comma = r->years ? strrchr(r->years, ',') : NULL;

	row.cells[0] = cell(r->name);
	row.cells[1] = cell(r->years);
	row.cells[2] = cell(r->code);
	/* The three-pane screen has room for the latest year only. */
	row.cells[3] = cell(comma ? comma + 1 : r->years);
	return !row.keyname || !add_row(ctx, &row, 4);
}

static int
on_project(void *ctx, const struct jx_project_row *r)
{
	struct jx_wrow row = { .id = r->id, .seq = r->seq };
	char money[48] = "", count[24];

	jx_amount_format_wan(r->annual_total, money, sizeof money);
	snprintf(count, sizeof count, "%" PRId64, r->indicators);
	char name[1024];

	/* A project copied into a new year and not yet looked at is marked,
	 * so that nobody takes last year's figures for this year's. */
	snprintf(name, sizeof name, "%s%s", r->unreviewed ? "◇" : "",
		 r->name ? r->name : "");
	row.cells[0] = cell(r->code);
	row.cells[1] = cell(name);
	row.cells[2] = cell(money);
	row.cells[3] = cell(count);
	return !add_row(ctx, &row, 4);
}

static int
on_indicator(void *ctx, const struct jx_indicator_row *r)
{
	struct jx_wrow row = { .id = r->id, .seq = r->seq };
	char l1[128], l2[128];

	jx_level_short(r->level1, l1, sizeof l1);
	jx_level_short(r->level2, l2, sizeof l2);
	row.cells[0] = cell(l1);
	row.cells[1] = cell(l2);
	row.cells[2] = cell(r->name);
	row.cells[3] = cell(r->target);
	row.cells[4] = cell(r->level1);
	row.cells[5] = cell(r->level2);
	row.cells[6] = cell(r->basis);
	return !add_row(ctx, &row, 7);
}

static enum jx_status
fetch_depts(struct jx_wlist *wl, struct jx_key *key,
	    const struct jx_window *w, struct jx_error *err)
{
	int n;
	return jx_store_departments_win(wl->st, key, w, on_dept, wl, &n, err);
}

static enum jx_status
fetch_projects(struct jx_wlist *wl, struct jx_key *key,
	       const struct jx_window *w, struct jx_error *err)
{
	int n;
	return jx_store_projects_win(wl->st, wl->src.parent, key, w,
				     on_project, wl, &n, err);
}

static enum jx_status
fetch_indicators(struct jx_wlist *wl, struct jx_key *key,
		 const struct jx_window *w, struct jx_error *err)
{
	int n;
	return jx_store_indicators_win(wl->st, wl->src.parent, key, w,
				       on_indicator, wl, &n, err);
}

struct jx_wlist_source
jx_pane_source(enum jx_pane pane, int64_t parent)
{
	static const struct {
		enum jx_list list;
		enum jx_status (*fetch)(struct jx_wlist *, struct jx_key *,
					const struct jx_window *,
					struct jx_error *);
	} kinds[JX_PANE_COUNT] = {
		{ JX_LIST_DEPARTMENTS, fetch_depts },
		{ JX_LIST_PROJECTS, fetch_projects },
		{ JX_LIST_INDICATORS, fetch_indicators },
	};
	struct jx_wlist_source src = { kinds[pane].list, parent,
				       kinds[pane].fetch, NULL };
	return src;
}

/* ---- detail text ------------------------------------------------------ */

/* "label：value\n", or nothing when value is absent. */
static void
line(struct jx_strbuf *b, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	jx_strbuf_add(b, label);
	jx_strbuf_add(b, "：");
	jx_strbuf_add(b, value);
	jx_strbuf_add(b, "\n");
}

static void
amount(struct jx_strbuf *b, const char *label, struct jx_amount a)
{
	char m[48];

	if (!a.present)
		return;
	jx_money_format_wan(a.yuan, m, sizeof m);
	jx_strbuf_add(b, label);
	jx_strbuf_add(b, "：");
	jx_strbuf_add(b, m);
	jx_strbuf_add(b, _(" 万元"));
	jx_strbuf_add(b, "  ");
}

static char *
finish(struct jx_strbuf *b, struct jx_error *err)
{
	if (b->oom || !b->s) {
		free(b->s);
		jx_error_set(err, JX_NOMEM, "out of memory");
		return NULL;
	}
	return b->s;
}

char *
jx_detail_department(struct jx_store *st, int64_t dept_year_id,
		     const char *years, struct jx_error *err)
{
	struct jx_strbuf b = JX_STRBUF_INIT;
	struct jx_doc doc;
	char year[16];

	jx_strbuf_add(&b, "");
	if (dept_year_id == 0 ||
	    jx_store_get_year_head(st, dept_year_id, &doc, err) != JX_OK)
		return dept_year_id ? (free(b.s), NULL) : finish(&b, err);
	snprintf(year, sizeof year, "%d", doc.year);
	line(&b, _("单位"), doc.dept_name);
	line(&b, _("编码"), doc.dept_code);
	line(&b, _("年度"), years);
	line(&b, _("备注"), doc.note);
	line(&b, _("总体绩效目标"), doc.goals);
	line(&b, _("工作保障措施"), doc.measures);
	jx_doc_free(&doc);
	return finish(&b, err);
}

static void
plan(struct jx_strbuf *b, const struct jx_project *p)
{
	if (p->n_plan == 0)
		return;
	jx_strbuf_add(b, _("资金支出计划"));
	jx_strbuf_add(b, "：");
	for (size_t i = 0; i < p->n_plan; i++) {
		jx_strbuf_add(b, i ? "，" : "");
		jx_strbuf_add(b, p->plan[i].label);
		jx_strbuf_add(b, " ");
		jx_strbuf_add(b, p->plan[i].percent ? p->plan[i].percent : "—");
	}
	jx_strbuf_add(b, "\n");
}

char *
jx_detail_project(struct jx_store *st, int64_t project_id,
		  struct jx_error *err)
{
	struct jx_strbuf b = JX_STRBUF_INIT;
	struct jx_project p;

	if (jx_store_get_project(st, project_id, &p, err) != JX_OK)
		return NULL;
	if (p.unreviewed)
		line(&b, _("状态"), _("◇ copied from the year before, not yet"
				      " reviewed (saving its form marks it"
				      " reviewed)"));
	line(&b, _("项目名称"), p.name);
	line(&b, _("项目编码"), p.code);
	line(&b, _("主管部门"), p.competent);
	line(&b, _("实施单位"), p.unit);
	line(&b, _("项目属性"), p.attribute);
	line(&b, _("项目类别"), p.category);
	line(&b, _("项目实施期"), p.period);
	amount(&b, _("实施期金额"), p.period_total);
	amount(&b, _("财政"), p.period_fiscal);
	amount(&b, _("其他"), p.period_other);
	amount(&b, _("年度金额"), p.annual_total);
	amount(&b, _("财政"), p.annual_fiscal);
	amount(&b, _("其他"), p.annual_other);
	jx_strbuf_add(&b, "\n");
	line(&b, _("资金用途"), p.purpose);
	plan(&b, &p);
	line(&b, _("实施期目标"), p.period_goal);
	line(&b, _("年度目标"), p.annual_goal);
	line(&b, _("绩效目标"), p.goal);
	line(&b, _("备注"), p.note);
	jx_project_free(&p);
	return finish(&b, err);
}

/* "≥ 90 %", "by 12-31", "qualitative: 提高" — what the program understood
 * of a target, shown under it so a reader can check. */
static void
parsed_target(struct jx_strbuf *b, const char *text)
{
	struct jx_target t;
	char num[48], warn[160];

	jx_target_parse(text, &t);
	jx_strbuf_add(b, _("解析"));
	jx_strbuf_add(b, "：");
	jx_strbuf_add(b, jx_target_kind_name(t.kind));
	if (t.kind == JX_TK_NUMBER) {
		jx_money_format_wan(t.value, num, sizeof num);
		jx_strbuf_add(b, " ");
		jx_strbuf_add(b, jx_cmp_symbol(t.cmp));
		jx_strbuf_add(b, num);
		jx_strbuf_add(b, t.unit);
	} else if (t.kind == JX_TK_DEADLINE) {
		snprintf(num, sizeof num, " %s %04d-%02d-%02d",
			 jx_cmp_symbol(t.cmp), t.year, t.month, t.day);
		jx_strbuf_add(b, num);
	} else if (t.kind == JX_TK_QUALITATIVE) {
		jx_strbuf_add(b, " ");
		jx_strbuf_add(b, t.word);
	}
	jx_target_warnings_text(t.warnings, warn, sizeof warn);
	if (*warn) {
		jx_strbuf_add(b, "  (");
		jx_strbuf_add(b, warn);
		jx_strbuf_add(b, ")");
	}
	jx_strbuf_add(b, "\n");
}

char *
jx_detail_indicator(struct jx_store *st, int64_t indicator_id,
		    struct jx_error *err)
{
	struct jx_strbuf b = JX_STRBUF_INIT;
	struct jx_indicator ind;

	if (jx_store_get_indicator(st, indicator_id, &ind, err) != JX_OK)
		return NULL;
	line(&b, _("一级指标"), ind.level1);
	line(&b, _("二级指标"), ind.level2);
	line(&b, _("三级指标"), ind.name);
	line(&b, _("指标值"), ind.target);
	parsed_target(&b, ind.target);
	line(&b, _("绩效指标描述"), ind.description);
	line(&b, _("指标值确定依据"), ind.basis);
	jx_indicator_free(&ind);
	return finish(&b, err);
}
