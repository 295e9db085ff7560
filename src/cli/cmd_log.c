/*
 * cmd_log.c — `jixiao log [DEPT [YEAR [PROJECT]]]`: the change log, who
 * changed what and when, oldest first: imports and replacements, edits
 * field by field (old → new), records added, deleted, moved, copied,
 * links between years. Narrowed to a department, a department-year or a
 * project (with its indicators), to one person (--who), to changes since
 * a date (--since), to the latest N (--limit).
 *
 * The aligned table keeps every change on one line: long text is cut
 * with …, a line break shows as ⏎. --tsv gives the full text, escaped.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/table.h"
#include "core/text.h"
#include "core/utf8.h"
#include "store/store_edit.h"

int jx_cmd_log(struct jx_cli *cli, int argc, char **argv);

#define RECORD_WIDTH 32   /* columns for "项目 name" */
#define VALUE_WIDTH 30    /* columns for each side of old → new */
#define N_CELLS 9

/* One change, owned: at, who, action, tbl, record_id, label, field, old,
 * new — the TSV columns. */
struct change {
	char *cell[N_CELLS];
};

struct changes {
	struct change *items;
	size_t n, cap;
	bool nomem;
};

static const struct jx_column tsv_columns[N_CELLS] = {
	{ "", "at", false }, { "", "who", false }, { "", "action", false },
	{ "", "table", false }, { "", "record_id", true },
	{ "", "label", false }, { "", "field", false }, { "", "old", false },
	{ "", "new", false },
};

static const struct jx_column columns[] = {
	{ N_("时间"), "", false }, { N_("用户"), "", false },
	{ N_("操作"), "", false }, { N_("记录"), "", false },
	{ N_("字段"), "", false }, { N_("变化"), "", false },
};

static int
on_change(void *ctx, const struct jx_change_row *r)
{
	struct changes *cs = ctx;
	char id[24];
	const char *src[N_CELLS] = { r->at, r->who, r->action, r->tbl, id,
				     r->label, r->field, r->old, r->new_ };
	struct change *c;

	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? 2 * cs->cap : 64;
		struct change *grown = realloc(cs->items, cap * sizeof *grown);
		if (!grown) {
			cs->nomem = true;
			return 1;
		}
		cs->items = grown;
		cs->cap = cap;
	}
	snprintf(id, sizeof id, "%" PRId64, r->record_id);
	c = &cs->items[cs->n++];
	for (int i = 0; i < N_CELLS; i++)
		if (!(c->cell[i] = jx_strdup(src[i])) && src[i])
			cs->nomem = true;
	return cs->nomem;
}

static void
free_changes(struct changes *cs)
{
	for (size_t i = 0; i < cs->n; i++)
		for (int k = 0; k < N_CELLS; k++)
			free(cs->items[i].cell[k]);
	free(cs->items);
}

/* ---- the aligned table ------------------------------------------------- */

/* The words a reader of the table sees for the log's keys. */
static const char *
word_for(const char *key)
{
	static const char *const words[][2] = {
		{ "import", N_("导入") }, { "replace", N_("替换") },
		{ "insert", N_("新增") }, { "update", N_("修改") },
		{ "delete", N_("删除") }, { "move", N_("移动") },
		{ "copy", N_("复制") }, { "link", N_("关联") },
		{ "unlink", N_("取消关联") },
		{ "department", N_("单位") }, { "dept_year", N_("年度") },
		{ "project", N_("项目") }, { "indicator", N_("指标") },
	};

	for (size_t i = 0; key && i < sizeof words / sizeof *words; i++)
		if (strcmp(key, words[i][0]) == 0)
			return _(words[i][1]);
	return key ? key : "";
}

/* text on one line (⏎ for a line break) and cut to width columns. */
static void
one_line(const char *text, size_t width, char *buf, size_t size)
{
	char flat[4096];
	size_t n = 0;

	for (const char *p = text ? text : ""; *p && n + 4 < sizeof flat; p++) {
		if (*p == '\n') {
			memcpy(flat + n, "⏎", 3);
			n += 3;
		} else {
			flat[n++] = *p == '\t' || *p == '\r' ? ' ' : *p;
		}
	}
	flat[n] = '\0';
	jx_utf8_cut(flat, width, false, buf, size);
}

/* "old → new"; a side that is blank is "—" when a field changed, and a
 * whole-record row shows what it has. */
static void
change_cell(const struct change *c, char *buf, size_t size)
{
	const char *field = c->cell[6], *old = c->cell[7], *new_ = c->cell[8];
	char a[256], b[256];

	if (!field && (!old || !new_)) {
		/* One side: it may take the width of both. */
		one_line(old ? old : new_, 2 * VALUE_WIDTH + 3, buf, size);
		return;
	}
	one_line(old, VALUE_WIDTH, a, sizeof a);
	one_line(new_, VALUE_WIDTH, b, sizeof b);
	snprintf(buf, size, "%s → %s", old ? a : "—", new_ ? b : "—");
}

static void
aligned_row(struct jx_table *t, const struct change *c)
{
	char when[32], record[512], label[256], change[600];
	const char *cells[6];

	/* "2026-01-31T08:00:00Z" -> "2026-01-31 08:00:00" */
	snprintf(when, sizeof when, "%.19s", c->cell[0] ? c->cell[0] : "");
	if (strlen(when) > 10 && when[10] == 'T')
		when[10] = ' ';
	if (c->cell[5])
		snprintf(label, sizeof label, "%s", c->cell[5]);
	else
		snprintf(label, sizeof label, "#%s", c->cell[4]);
	snprintf(record, sizeof record, "%s %s", word_for(c->cell[3]), label);
	one_line(record, RECORD_WIDTH, label, sizeof label);
	change_cell(c, change, sizeof change);
	cells[0] = when;
	cells[1] = c->cell[1];
	cells[2] = word_for(c->cell[2]);
	cells[3] = label;
	cells[4] = c->cell[6];
	cells[5] = change;
	jx_table_row(t, cells);
}

/* Oldest first, whichever way they were read. */
static void
print_changes(struct jx_cli *cli, const struct changes *cs, bool tsv,
	      bool reversed)
{
	struct jx_table *t = tsv ? jx_table_new(tsv_columns, N_CELLS, true,
						cli->out)
				 : jx_table_new(columns, 6, false, cli->out);

	for (size_t i = 0; t && i < cs->n; i++) {
		const struct change *c = &cs->items[reversed ? cs->n - 1 - i
							     : i];
		if (tsv)
			jx_table_row(t, (const char *const *)c->cell);
		else
			aligned_row(t, c);
	}
	jx_table_finish(t);
}

/* ---- options ------------------------------------------------------------ */

struct options {
	bool tsv, newest;
	const char *who, *since;
	int limit;
};

/* An ISO date, optionally with a time: 2026-01-31, 2026-01-31T08:00,
 * 2026-01-31 08:00:00 (a space is read as T). A year or a month (2026,
 * 2026-01) is allowed too: times in the log are compared as text. */
static bool
iso_prefix(char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t n = strlen(s);

	if (n < 4 || n > sizeof shape - 1)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (i == 10 && s[i] == ' ')
			s[i] = 'T';
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9'
				    : s[i] != shape[i])
			return false;
	}
	/* Whole parts only: 2026, 2026-01, …, 2026-01-31T08:00:00. */
	return n == 4 || (n - 4) % 3 == 0;
}

static int
parse_options(struct jx_cli *cli, int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "tsv", no_argument, NULL, 't' },
		{ "who", required_argument, NULL, 'w' },
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ "newest", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long n;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 't': o->tsv = true; break;
		case 'N': o->newest = true; break;
		case 'w': o->who = optarg; break;
		case 's':
			if (!iso_prefix(optarg))
				return jx_cli_failf(cli, _("log: --since takes"
					" a date such as 2026-01-31 (or"
					" 2026-01-31T08:00), not '%s'"),
					optarg);
			o->since = optarg;
			break;
		case 'n':
			n = strtol(optarg, &end, 10);
			if (!*optarg || *end || n < 1 || n > 1000000000)
				return jx_cli_failf(cli, _("log: --limit takes"
							   " a number above"
							   " 0"));
			o->limit = (int)n;
			break;
		default:
			return jx_cli_failf(cli, _("log: unknown option '%s'"),
					    argv[optind - 1]);
		}
	}
	if (argc - optind > 3)
		return jx_cli_failf(cli, _("log: give at most DEPT YEAR PROJECT"
					   " (see 'jixiao log --help')"));
	return JX_EXIT_OK;
}

/* The filter for what the positional arguments selected. */
static void
narrow(struct jx_log_filter *f, const struct jx_selection *sel)
{
	if (sel->project_id) {
		f->tbl = "project";
		f->record_id = sel->project_id;
		f->with_children = true;
	} else if (sel->dept_year_id) {
		f->dept_year_id = sel->dept_year_id;
	} else {
		f->department_id = sel->department_id;
	}
}

int
jx_cmd_log(struct jx_cli *cli, int argc, char **argv)
{
	struct options o = { false, false, NULL, NULL, 0 };
	struct jx_log_filter f = { 0 };
	struct changes cs = { NULL, 0, 0, false };
	struct jx_selection sel;
	struct jx_error err;
	struct jx_store *st;
	int status = parse_options(cli, argc, argv, &o);

	if (status != JX_EXIT_OK)
		return status;
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	if (!jx_cli_select(cli, st, argc - optind, argv + optind, &sel)) {
		jx_store_close(st);
		return JX_EXIT_USAGE;
	}
	narrow(&f, &sel);
	f.who = o.who;
	f.since = o.since;
	f.limit = o.limit;
	/* The latest N are read newest first, and printed oldest first. */
	f.newest_first = o.newest || o.limit;
	jx_error_clear(&err);
	if (jx_store_log(st, &f, on_change, &cs, &err) != JX_OK)
		status = jx_cli_fail(cli, &err);
	else if (cs.nomem)
		status = jx_cli_failf(cli, _("out of memory"));
	else
		print_changes(cli, &cs, o.tsv, f.newest_first && !o.newest);
	free_changes(&cs);
	jx_store_close(st);
	return status;
}
