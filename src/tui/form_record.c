/*
 * form_record.c — what the fields of each form are, and how a record
 * becomes a form and a form a record again.
 *
 * One table per record kind names each field (the interchange key, so
 * findings and drafts name fields the same way), its label as printed in
 * the tables, its kind and where it lives in the record. Repeated groups
 * (the spending plan, the sub-goals) are numbered items; a form always
 * ends a group with one blank item, which is where a new one is typed.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/i18n.h"
#include "core/money.h"
#include "tui/form.h"

#define GROUP_PLAN 1
#define GROUP_SUBGOAL 2

struct slot {
	struct jx_field_def def;
	size_t offset;          /* in the record, or in the group's item */
};

#define LINE(rec, m, key, label) \
	{ { key, label, JX_FK_LINE, false, 0 }, offsetof(rec, m) }
#define NEED(rec, m, key, label) \
	{ { key, label, JX_FK_LINE, true, 0 }, offsetof(rec, m) }
#define TEXT(rec, m, key, label) \
	{ { key, label, JX_FK_TEXT, false, 0 }, offsetof(rec, m) }
#define MONEY(m, label) \
	{ { #m, label, JX_FK_MONEY, false, 0 }, offsetof(struct jx_project, m) }
#define ITEM(rec, m, key, label, kind, g) \
	{ { key, label, kind, false, g }, offsetof(rec, m) }

static const struct slot project_slots[] = {
	LINE(struct jx_project, code, "code", "项目编码"),
	NEED(struct jx_project, name, "name", "项目名称"),
	LINE(struct jx_project, title, "title", "表题"),
	LINE(struct jx_project, competent, "competent", "主管部门"),
	LINE(struct jx_project, unit, "unit", "实施单位"),
	LINE(struct jx_project, attribute, "attribute", "项目属性"),
	LINE(struct jx_project, category, "category", "项目类别"),
	LINE(struct jx_project, period, "period", "项目实施期"),
	MONEY(period_total, "实施期资金总额"),
	MONEY(period_fiscal, "实施期财政拨款"),
	MONEY(period_other, "实施期其他资金"),
	MONEY(annual_total, "年度资金总额"),
	MONEY(annual_fiscal, "年度财政拨款"),
	MONEY(annual_other, "年度其他资金"),
	TEXT(struct jx_project, purpose, "purpose", "资金用途"),
	ITEM(struct jx_checkpoint, label, "plan.label", "支出计划时点",
	     JX_FK_LINE, GROUP_PLAN),
	ITEM(struct jx_checkpoint, percent, "plan.percent", "累计支出比例",
	     JX_FK_LINE, GROUP_PLAN),
	TEXT(struct jx_project, period_goal, "period_goal", "实施期目标"),
	TEXT(struct jx_project, annual_goal, "annual_goal", "年度目标"),
	TEXT(struct jx_project, goal, "goal", "绩效目标"),
	TEXT(struct jx_project, note, "note", "备注"),
	{ { NULL, NULL, 0, false, 0 }, 0 }
};

static const struct slot indicator_slots[] = {
	NEED(struct jx_indicator, level1, "level1", "一级指标"),
	NEED(struct jx_indicator, level2, "level2", "二级指标"),
	NEED(struct jx_indicator, name, "name", "三级指标"),
	TEXT(struct jx_indicator, description, "description", "绩效指标描述"),
	NEED(struct jx_indicator, target, "target", "指标值"),
	LINE(struct jx_indicator, basis, "basis", "指标值确定依据"),
	{ { NULL, NULL, 0, false, 0 }, 0 }
};

static const struct slot year_slots[] = {
	LINE(struct jx_doc, dept_code, "department.code", "部门编码"),
	NEED(struct jx_doc, dept_name, "department.name", "部门名称"),
	LINE(struct jx_doc, dept_competent, "department.competent", "主管部门"),
	{ { "year", "年度", JX_FK_YEAR, true, 0 }, offsetof(struct jx_doc, year) },
	LINE(struct jx_doc, framework, "framework", "指标框架"),
	LINE(struct jx_doc, source, "source", "来源"),
	TEXT(struct jx_doc, note, "note", "备注"),
	TEXT(struct jx_doc, goals, "goals", "总体绩效目标"),
	ITEM(struct jx_subgoal, title, "subgoals.title", "分项目标",
	     JX_FK_LINE, GROUP_SUBGOAL),
	ITEM(struct jx_subgoal, goal, "subgoals.goal", "分项目标内容",
	     JX_FK_TEXT, GROUP_SUBGOAL),
	ITEM(struct jx_subgoal, indicator, "subgoals.indicator", "分项指标",
	     JX_FK_TEXT, GROUP_SUBGOAL),
	TEXT(struct jx_doc, measures, "measures", "工作保障措施"),
	{ { NULL, NULL, 0, false, 0 }, 0 }
};

static const struct slot *
slots_of(enum jx_form_kind kind)
{
	return kind == JX_FORM_YEAR ? year_slots
	       : kind == JX_FORM_PROJECT ? project_slots : indicator_slots;
}

static const struct slot *
slot_of(const struct jx_field_def *def)
{
	return (const struct slot *)(const void *)def;
}

static char **
text_at(void *rec, size_t offset)
{
	return (char **)(void *)((char *)rec + offset);
}

static const char *
ctext_at(const void *rec, size_t offset)
{
	const char *s = *(char *const *)(const void *)((const char *)rec +
						       offset);
	return s ? s : "";
}

void
jx_form_init(struct jx_form *f, enum jx_form_kind kind, bool ambiguous_wide)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->ambiguous_wide = ambiguous_wide;
	jx_editbuf_init(&f->eb, "", false, ambiguous_wide);
}

void
jx_form_free(struct jx_form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->fields[i].value);
		free(f->fields[i].orig);
	}
	free(f->fields);
	jx_editbuf_free(&f->eb);
	f->fields = NULL;
	f->n = f->cap = 0;
}

/* Inserts a field at position at (f->n: at the end). */
static enum jx_status
insert_field(struct jx_form *f, size_t at, const struct jx_field_def *def,
	     int item, const char *value)
{
	struct jx_field *fl;
	void *p = jx_array_grow(f->fields, f->n, &f->cap, sizeof *f->fields);

	if (!p)
		return JX_NOMEM;
	f->fields = p;
	memmove(f->fields + at + 1, f->fields + at,
		(f->n - at) * sizeof *f->fields);
	fl = &f->fields[at];
	memset(fl, 0, sizeof *fl);
	fl->def = def;
	fl->item = item;
	fl->value = strdup(value ? value : "");
	fl->orig = strdup(value ? value : "");
	f->n++;
	if (f->n > 1 && at <= f->cur)
		f->cur++;
	return fl->value && fl->orig ? JX_OK : JX_NOMEM;
}

/* The value of a field from a record (or its group's item). */
static void
format_slot(const struct slot *s, const void *rec, char *buf, size_t size)
{
	if (s->def.kind == JX_FK_MONEY) {
		const struct jx_amount *a = (const void *)((const char *)rec +
							   s->offset);
		jx_amount_format_wan(*a, buf, size);
	} else if (s->def.kind == JX_FK_YEAR) {
		int y = *(const int *)(const void *)((const char *)rec +
						     s->offset);
		if (y)
			snprintf(buf, size, "%d", y);
		else
			buf[0] = '\0';
	} else {
		snprintf(buf, size, "%s", ctext_at(rec, s->offset));
	}
}

/* Appends the fields of one group item (items NULL: blank). */
static enum jx_status
add_item(struct jx_form *f, const struct slot *first, const void *item,
	 int index)
{
	enum jx_status rc = JX_OK;

	for (const struct slot *s = first;
	     rc == JX_OK && s->def.key && s->def.group == first->def.group; s++)
		rc = insert_field(f, f->n, &s->def, index,
				  item ? ctext_at(item, s->offset) : "");
	return rc;
}

/* The items of a group in a record: array, size of one, count. */
static const void *
group_items(enum jx_form_kind kind, int group, const void *rec, size_t *n,
	    size_t *size)
{
	*n = 0;
	*size = 0;
	if (!rec)
		return NULL;
	if (kind == JX_FORM_PROJECT && group == GROUP_PLAN) {
		const struct jx_project *p = rec;
		*n = p->n_plan;
		*size = sizeof *p->plan;
		return p->plan;
	}
	if (kind == JX_FORM_YEAR && group == GROUP_SUBGOAL) {
		const struct jx_doc *d = rec;
		*n = d->n_subgoals;
		*size = sizeof *d->subgoals;
		return d->subgoals;
	}
	return NULL;
}

static enum jx_status
fill(struct jx_form *f, const void *rec)
{
	enum jx_status rc = JX_OK;
	char buf[64];

	for (const struct slot *s = slots_of(f->kind); rc == JX_OK && s->def.key;
	     s++) {
		size_t n, size;
		const char *items;

		if (!s->def.group) {
			if (!rec)
				buf[0] = '\0';
			else if (s->def.kind == JX_FK_MONEY ||
				 s->def.kind == JX_FK_YEAR)
				format_slot(s, rec, buf, sizeof buf);
			rc = insert_field(f, f->n, &s->def, -1, !rec ? ""
					  : s->def.kind == JX_FK_MONEY ||
					    s->def.kind == JX_FK_YEAR ? buf
					  : ctext_at(rec, s->offset));
			continue;
		}
		items = group_items(f->kind, s->def.group, rec, &n, &size);
		for (size_t i = 0; rc == JX_OK && i < n; i++)
			rc = add_item(f, s, items + i * size, (int)i);
		if (rc == JX_OK)
			rc = add_item(f, s, NULL, (int)n);
		while (s[1].def.key && s[1].def.group == s->def.group)
			s++;
	}
	f->cur = 0;
	if (rc == JX_OK)
		rc = jx_editbuf_set(&f->eb, f->n ? f->fields[0].value : "");
	return rc;
}

enum jx_status
jx_form_from_year(struct jx_form *f, const struct jx_doc *h)
{
	return fill(f, h);
}

enum jx_status
jx_form_from_project(struct jx_form *f, const struct jx_project *p)
{
	return fill(f, p);
}

enum jx_status
jx_form_from_indicator(struct jx_form *f, const struct jx_indicator *ind)
{
	return fill(f, ind);
}

/* ---- reading a record back ------------------------------------------- */

/* What did not parse in field fl, as a finding of that field. */
static enum jx_status
finding(struct jx_findings *out, const struct jx_field *fl, const char *msg)
{
	return jx_findings_add(out, fl->def->key, fl->item, false, "%s", msg);
}

static char *
dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

/* Stores one non-group field into rec. */
static enum jx_status
store_slot(const struct jx_field *fl, void *rec, struct jx_findings *out)
{
	const struct slot *s = slot_of(fl->def);
	struct jx_error err;

	if (fl->def->kind == JX_FK_MONEY) {
		struct jx_amount *a = (void *)((char *)rec + s->offset);
		a->present = fl->value[0] != '\0';
		if (a->present && jx_money_parse_wan(fl->value, &a->yuan, &err)
		    != JX_OK)
			return finding(out, fl, err.message);
		return JX_OK;
	}
	if (fl->def->kind == JX_FK_YEAR) {
		char *end;
		long y = strtol(fl->value, &end, 10);
		int *p = (void *)((char *)rec + s->offset);
		*p = 0;
		if (!fl->value[0] || *end || y < 1900 || y > 2999)
			return finding(out, fl, _("a year is four digits, 1900"
						  " to 2999"));
		*p = (int)y;
		return JX_OK;
	}
	*text_at(rec, s->offset) = dup_or_null(fl->value);
	return JX_OK;
}

static bool
item_blank(const struct jx_form *f, size_t i)
{
	for (size_t j = i; j < f->n && f->fields[j].item == f->fields[i].item &&
	     f->fields[j].def->group == f->fields[i].def->group; j++)
		if (f->fields[j].value[0])
			return false;
	return true;
}

/* A new item in the record's group array. */
static void *
new_item(enum jx_form_kind kind, int group, void *rec)
{
	if (kind == JX_FORM_PROJECT && group == GROUP_PLAN)
		return jx_project_add_checkpoint(rec);
	if (kind == JX_FORM_YEAR && group == GROUP_SUBGOAL)
		return jx_doc_add_subgoal(rec);
	return NULL;
}

static enum jx_status
to_record(const struct jx_form *f, void *rec, struct jx_findings *out)
{
	enum jx_status rc = JX_OK;

	for (size_t i = 0; rc == JX_OK && i < f->n; i++) {
		const struct jx_field *fl = &f->fields[i];
		void *item;

		if (!fl->def->group) {
			rc = store_slot(fl, rec, out);
			continue;
		}
		/* A group item starts here: blank items are dropped. */
		if (item_blank(f, i)) {
			while (i + 1 < f->n && f->fields[i + 1].item == fl->item
			       && f->fields[i + 1].def->group == fl->def->group)
				i++;
			continue;
		}
		if (!(item = new_item(f->kind, fl->def->group, rec)))
			return JX_NOMEM;
		for (; i < f->n && f->fields[i].item == fl->item &&
		     f->fields[i].def->group == fl->def->group; i++)
			*text_at(item, slot_of(f->fields[i].def)->offset) =
				dup_or_null(f->fields[i].value);
		i--;
	}
	return rc;
}

enum jx_status
jx_form_to_year(const struct jx_form *f, struct jx_doc *h,
		struct jx_findings *out)
{
	jx_doc_init(h);
	return to_record(f, h, out);
}

enum jx_status
jx_form_to_project(const struct jx_form *f, struct jx_project *p,
		   struct jx_findings *out)
{
	memset(p, 0, sizeof *p);
	return to_record(f, p, out);
}

enum jx_status
jx_form_to_indicator(const struct jx_form *f, struct jx_indicator *ind,
		     struct jx_findings *out)
{
	memset(ind, 0, sizeof *ind);
	return to_record(f, ind, out);
}

/* ---- changing fields ----------------------------------------------- */

size_t
jx_form_find(const struct jx_form *f, const char *key, int item)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].def->key, key) == 0 &&
		    f->fields[i].item == item)
			return i;
	return f->n;
}

/* When the last item of field i's group has text, adds a blank one. */
static enum jx_status
grow_group(struct jx_form *f, size_t i)
{
	const struct jx_field_def *def = f->fields[i].def;
	size_t end = i, start;
	const struct slot *first;

	if (!def->group)
		return JX_OK;
	while (end + 1 < f->n && f->fields[end + 1].def->group == def->group)
		end++;
	start = end;
	while (start > 0 && f->fields[start - 1].def->group == def->group &&
	       f->fields[start - 1].item == f->fields[end].item)
		start--;
	if (item_blank(f, start))
		return JX_OK;
	first = slot_of(f->fields[end].def);
	while (first > slots_of(f->kind) && first[-1].def.group == def->group)
		first--;
	for (const struct slot *s = first; s->def.key &&
	     s->def.group == def->group; s++) {
		enum jx_status rc = insert_field(f, ++end, &s->def,
						 f->fields[i].item + 1, "");
		if (rc != JX_OK)
			return rc;
	}
	return JX_OK;
}

enum jx_status
jx_form_set(struct jx_form *f, size_t i, const char *value)
{
	char *copy;

	if (i >= f->n)
		return JX_NOTFOUND;
	if (strcmp(f->fields[i].value, value) == 0)
		return JX_OK;
	if (!(copy = strdup(value)))
		return JX_NOMEM;
	free(f->fields[i].value);
	f->fields[i].value = copy;
	f->accept_warnings = false;
	if (i == f->cur && strcmp(f->eb.text, value) != 0)
		jx_editbuf_set(&f->eb, value);
	return value[0] ? grow_group(f, i) : JX_OK;
}

bool
jx_form_dirty(const struct jx_form *f)
{
	if (f->cur < f->n && strcmp(f->eb.text, f->fields[f->cur].value) != 0)
		return true;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].value, f->fields[i].orig) != 0)
			return true;
	return false;
}

size_t
jx_form_notes(struct jx_form *f, const struct jx_findings *found)
{
	size_t first_error = f->n, first_warning = f->n;

	for (size_t i = 0; i < f->n; i++)
		f->fields[i].note[0] = '\0';
	for (size_t k = 0; k < found->n; k++) {
		const struct jx_finding *x = &found->v[k];
		size_t i = jx_form_find(f, x->field, x->index);

		/* A group finding without an item goes on the first item; an
		 * item's finding names the item's first field. */
		if (i == f->n) {
			for (i = 0; i < f->n; i++) {
				const char *key = f->fields[i].def->key;
				size_t len = strlen(x->field);
				if (strncmp(key, x->field, len) == 0 &&
				    key[len] == '.' && (x->index < 0 ||
				    f->fields[i].item == x->index))
					break;
			}
		}
		if (i == f->n)
			i = 0;
		if (f->fields[i].note[0])
			continue;   /* one note per field: the first */
		snprintf(f->fields[i].note, sizeof f->fields[i].note, "%s",
			 x->message);
		f->fields[i].note_warning = x->warning;
		if (!x->warning && i < first_error)
			first_error = i;
		if (x->warning && i < first_warning)
			first_warning = i;
	}
	return first_error < f->n ? first_error : first_warning;
}

/* ---- drafts ---------------------------------------------------------- */

enum jx_status
jx_form_pack(const struct jx_form *f, char **out, size_t *len)
{
	size_t size = 1, at = 0;
	char *buf;

	for (size_t i = 0; i < f->n; i++)
		size += strlen(f->fields[i].def->key) + 16 +
			strlen(i == f->cur ? f->eb.text : f->fields[i].value);
	if (!(buf = malloc(size)))
		return JX_NOMEM;
	for (size_t i = 0; i < f->n; i++) {
		const char *v = i == f->cur ? f->eb.text : f->fields[i].value;
		int n = snprintf(buf + at, size - at, "%s%c%d%c%s",
				 f->fields[i].def->key, 0, f->fields[i].item, 0,
				 v);
		at += (size_t)n + 1;
	}
	*out = buf;
	*len = at;
	return JX_OK;
}

enum jx_status
jx_form_unpack(struct jx_form *f, const char *data, size_t len)
{
	size_t at = 0;

	while (at < len) {
		const char *key = data + at, *item, *value;
		size_t i;

		item = memchr(key, 0, len - at);
		if (!item || (size_t)(++item - data) >= len)
			return JX_INVALID;
		value = memchr(item, 0, len - (size_t)(item - data));
		if (!value || (size_t)(++value - data) > len)
			return JX_INVALID;
		if (!memchr(value, 0, len - (size_t)(value - data)))
			return JX_INVALID;
		i = jx_form_find(f, key, atoi(item));
		if (i < f->n && jx_form_set(f, i, value) != JX_OK)
			return JX_NOMEM;
		at = (size_t)(value - data) + strlen(value) + 1;
	}
	return jx_editbuf_set(&f->eb, f->n ? f->fields[f->cur].value : "");
}
