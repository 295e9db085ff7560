/*
 * cmd_show.c — `jixiao show DEPT YEAR PROJECT`: one project in full, laid
 * out like the published table (title, fields, money, spending plan, goals,
 * then the indicator table with merged level cells left blank as printed).
 * `--tsv` prints field<TAB>value lines instead, for scripts.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/table.h"
#include "core/money.h"
#include "core/utf8.h"

int jx_cmd_show(struct jx_cli *cli, int argc, char **argv);

#define LABEL_WIDTH 18

/* "label   value"; continuation lines of a multi-line value are indented
 * under the value. */
static void
field(FILE *out, const char *label, const char *value)
{
	char pad[64];

	if (!value || !*value) {
		/* A blank cell: the label alone, no padding at the line end. */
		fprintf(out, "%s\n", label);
		return;
	}
	jx_utf8_pad(label, LABEL_WIDTH, false, false, pad, sizeof pad);
	fputs(pad, out);
	for (const char *p = value ? value : ""; *p; p++) {
		fputc(*p, out);
		if (*p == '\n')
			fprintf(out, "%*s", LABEL_WIDTH, "");
	}
	fputc('\n', out);
}

/* Two label/amount pairs side by side, as the table prints them. */
static void
money_pair(FILE *out, const char *l1, struct jx_amount a1, const char *l2,
	   struct jx_amount a2)
{
	char m1[48], m2[48], left[160], lab[64], line[320];
	size_t len;

	jx_amount_format_wan(a1, m1, sizeof m1);
	jx_amount_format_wan(a2, m2, sizeof m2);
	jx_utf8_pad(l1, LABEL_WIDTH, false, false, lab, sizeof lab);
	snprintf(left, sizeof left, "  %s%s", lab, m1);
	jx_utf8_pad(left, 36, false, false, lab, sizeof lab);
	jx_utf8_pad(l2, LABEL_WIDTH, false, false, left, sizeof left);
	snprintf(line, sizeof line, "%s  %s%s", lab, left, m2);
	/* A blank amount must not leave spaces at the end of the line. */
	for (len = strlen(line); len > 0 && line[len - 1] == ' '; len--)
		line[len - 1] = '\0';
	fprintf(out, "%s\n", line);
}

static void
money_block(FILE *out, const struct jx_project *p)
{
	char m[48];

	if (p->period_total.present || p->period_fiscal.present ||
	    p->period_other.present) {
		fprintf(out, "%s\n", _("资金投入（万元）"));
		money_pair(out, _("实施期金额"), p->period_total,
			   _("年度金额"), p->annual_total);
		money_pair(out, _("其中：财政拨款"), p->period_fiscal,
			   _("其中：财政拨款"), p->annual_fiscal);
		money_pair(out, _("其他资金"), p->period_other,
			   _("其他资金"), p->annual_other);
		return;
	}
	fprintf(out, "%s\n", _("预算规模（万元）"));
	jx_amount_format_wan(p->annual_total, m, sizeof m);
	field(out, _("  预算数"), m);
	jx_amount_format_wan(p->annual_fiscal, m, sizeof m);
	field(out, _("  其中：财政资金"), m);
	jx_amount_format_wan(p->annual_other, m, sizeof m);
	field(out, _("  其他资金"), m);
}

static void
plan_block(FILE *out, const struct jx_project *p)
{
	char cell[128];

	if (p->n_plan == 0)
		return;
	fprintf(out, "%s\n ", _("资金支出计划（%）"));
	for (size_t i = 0; i < p->n_plan; i++) {
		jx_utf8_pad(p->plan[i].label, 10, true, false, cell, sizeof cell);
		fprintf(out, " %s", cell);
	}
	fputs("\n ", out);
	for (size_t i = 0; i < p->n_plan; i++) {
		jx_utf8_pad(p->plan[i].percent ? p->plan[i].percent : "", 10,
			    true, false, cell, sizeof cell);
		fprintf(out, " %s", cell);
	}
	fputc('\n', out);
}

static void
text_block(FILE *out, const char *label, const char *text)
{
	if (!text)
		return;
	fprintf(out, "%s\n  ", label);
	for (const char *c = text; *c; c++) {
		fputc(*c, out);
		if (*c == '\n')
			fputs("  ", out);
	}
	fputc('\n', out);
}

static bool
any(const struct jx_project *p, size_t offset)
{
	for (size_t i = 0; i < p->n_indicators; i++)
		if (*(char **)((char *)&p->indicators[i] + offset))
			return true;
	return false;
}

static bool
same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The indicator table; a level cell equal to the one above is left blank,
 * as merged cells print. Description and basis columns only when used. */
static void
indicator_block(FILE *out, const struct jx_project *p)
{
	struct jx_column cols[6] = {
		{ N_("一级指标"), "", false }, { N_("二级指标"), "", false },
		{ N_("三级指标"), "", false } };
	bool desc = any(p, offsetof(struct jx_indicator, description));
	bool basis = any(p, offsetof(struct jx_indicator, basis));
	size_t n = 3;
	struct jx_table *t;

	if (desc)
		cols[n++] = (struct jx_column){ N_("绩效指标描述"), "", false };
	cols[n++] = (struct jx_column){ N_("指标值"), "", false };
	if (basis)
		cols[n++] = (struct jx_column){ N_("指标值确定依据"), "", false };
	if (!(t = jx_table_new(cols, n, false, out)))
		return;
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct jx_indicator *r = &p->indicators[i];
		const struct jx_indicator *up = i ? r - 1 : NULL;
		bool same1 = up && same(up->level1, r->level1);
		const char *cells[6];
		size_t c = 0;

		cells[c++] = same1 ? "" : r->level1;
		cells[c++] = same1 && same(up->level2, r->level2) ? "" : r->level2;
		cells[c++] = r->name;
		if (desc)
			cells[c++] = r->description;
		cells[c++] = r->target;
		if (basis)
			cells[c++] = r->basis;
		jx_table_row(t, cells);
	}
	jx_table_finish(t);
}

static void
show_table(FILE *out, const struct jx_project *p, const struct jx_doc *head)
{
	fprintf(out, "%s\n", p->title ? p->title : p->name);
	fprintf(out, "%s%s%s  %d%s\n\n", head->dept_code ? head->dept_code : "",
		head->dept_code ? " " : "", head->dept_name, head->year,
		_("年度"));
	if (p->code)
		field(out, _("项目编码"), p->code);
	field(out, _("项目名称"), p->name);
	if (p->competent)
		field(out, _("主管部门"), p->competent);
	if (p->unit)
		field(out, _("实施单位"), p->unit);
	if (p->attribute)
		field(out, _("项目属性"), p->attribute);
	if (p->category)
		field(out, _("项目类别"), p->category);
	if (p->period)
		field(out, _("项目实施期"), p->period);
	money_block(out, p);
	text_block(out, _("资金用途"), p->purpose);
	plan_block(out, p);
	text_block(out, _("实施期目标"), p->period_goal);
	text_block(out, _("年度目标"), p->annual_goal);
	text_block(out, _("绩效目标"), p->goal);
	fputc('\n', out);
	indicator_block(out, p);
	if (p->note)
		fprintf(out, "\n%s%s\n", _("备注："), p->note);
}

static void
kv(FILE *out, const char *key, const char *value)
{
	if (!value)
		return;
	fprintf(out, "%s\t", key);
	jx_tsv_cell(out, value);
	fputc('\n', out);
}

static void
kv_amount(FILE *out, const char *key, struct jx_amount a)
{
	char m[48];

	if (!a.present)
		return;
	jx_money_format_wan(a.yuan, m, sizeof m);
	kv(out, key, m);
}

static void
show_tsv(FILE *out, const struct jx_project *p)
{
	const char *keys[] = { "code", "name", "title", "competent", "unit",
			       "attribute", "category", "period" };
	const char *vals[] = { p->code, p->name, p->title, p->competent,
			       p->unit, p->attribute, p->category, p->period };
	char key[64];

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		kv(out, keys[i], vals[i]);
	kv_amount(out, "period_total", p->period_total);
	kv_amount(out, "period_fiscal", p->period_fiscal);
	kv_amount(out, "period_other", p->period_other);
	kv_amount(out, "annual_total", p->annual_total);
	kv_amount(out, "annual_fiscal", p->annual_fiscal);
	kv_amount(out, "annual_other", p->annual_other);
	kv(out, "purpose", p->purpose);
	for (size_t i = 0; i < p->n_plan; i++) {
		snprintf(key, sizeof key, "plan.%zu.label", i + 1);
		kv(out, key, p->plan[i].label);
		snprintf(key, sizeof key, "plan.%zu.percent", i + 1);
		kv(out, key, p->plan[i].percent);
	}
	kv(out, "period_goal", p->period_goal);
	kv(out, "annual_goal", p->annual_goal);
	kv(out, "goal", p->goal);
	kv(out, "note", p->note);
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct jx_indicator *r = &p->indicators[i];
		const char *ik[] = { "level1", "level2", "name", "description",
				     "target", "basis" };
		const char *iv[] = { r->level1, r->level2, r->name,
				     r->description, r->target, r->basis };
		for (size_t k = 0; k < 6; k++) {
			snprintf(key, sizeof key, "indicator.%zu.%s", i + 1, ik[k]);
			kv(out, key, iv[k]);
		}
	}
}

int
jx_cmd_show(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 }
	};
	struct jx_selection sel;
	struct jx_project p = { 0 };
	struct jx_doc head;
	struct jx_error err;
	struct jx_store *st;
	bool tsv = false;
	int c, status = JX_EXIT_OK;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't')
			return jx_cli_failf(cli, _("show: unknown option '%s'"),
					    argv[optind - 1]);
		tsv = true;
	}
	if (argc - optind != 3)
		return jx_cli_failf(cli, _("show: give DEPT YEAR PROJECT (see"
					   " 'jixiao show --help')"));
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	jx_error_clear(&err);
	if (!jx_cli_select(cli, st, 3, argv + optind, &sel)) {
		jx_store_close(st);
		return JX_EXIT_USAGE;
	}
	jx_doc_init(&head);
	if (jx_store_get_project(st, sel.project_id, &p, &err) != JX_OK)
		status = jx_cli_fail(cli, &err);
	else if (!tsv && jx_store_get_year_head(st, sel.dept_year_id, &head,
						&err) != JX_OK)
		status = jx_cli_fail(cli, &err);
	if (status == JX_EXIT_OK) {
		if (tsv)
			show_tsv(cli->out, &p);
		else
			show_table(cli->out, &p, &head);
	}
	jx_project_free(&p);
	jx_doc_free(&head);
	jx_store_close(st);
	return status;
}
