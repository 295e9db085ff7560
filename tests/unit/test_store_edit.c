/*
 * test_store_edit.c — unit tests for editing single records through the
 * store (store/store_edit.h), used the way the interface's forms, record
 * keys and undo use it: load a record, change it, save it with the
 * version read; add, delete, move; a new year from the previous one; the
 * change log and its filters; drafts.
 *
 * Every test imports one small department-year (fixture_doc) into a new
 * database in a mkdtemp directory, which main() removes. The file is also
 * looked at with SQL through the store's own connection (change_log
 * columns, the parsed target, the search index), and "nothing changed"
 * is checked by a fingerprint of every table, the index's included.
 * Two handles on one file stand for two programs.
 */
#define _POSIX_C_SOURCE 200809L

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/error.h"
#include "core/record.h"
#include "core/text.h"
#include "io/yaml_doc.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_edit.h"
#include "store/store_internal.h"

#define PATH_SIZE 1024
#define USER_A "编辑甲"
#define USER_B "编辑乙"
/* 2023-11-14T22:13:20Z, and a day later. */
#define T0 "1700000000"
#define T0_ISO "2023-11-14T22:13:20Z"
#define T1 "1700086400"
#define T1_ISO "2023-11-15T22:13:20Z"

static char g_dir[PATH_SIZE];

/* ---- helpers --------------------------------------------------------------- */

static char *
xdup(const char *s)
{
	char *c;

	if (!s)
		return NULL;
	c = jx_strdup(s);
	assert_non_null(c);
	return c;
}

static void
set_str(char **field, const char *value)
{
	free(*field);
	*field = xdup(value);
}

static struct jx_amount
yuan(int64_t v)
{
	struct jx_amount a = { true, v };
	return a;
}

static void
remove_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char side[PATH_SIZE + 16];

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		unlink(side);
	}
}

static struct jx_store *
open_as(const char *path, enum jx_open_mode mode, const char *user)
{
	struct jx_store *st = NULL;
	struct jx_error err;

	jx_error_clear(&err);
	if (jx_store_open(path, mode, &st, &err) != JX_OK)
		fail_msg("open %s: %s", path, err.message);
	jx_store_set_user(st, user);
	return st;
}

static void
exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[512];
		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		fail_msg("%s: %s", sql, copy);
	}
}

static int64_t
q_int(struct jx_store *st, const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	char *sql;
	int64_t v;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(st->db));
	if (sqlite3_step(s) != SQLITE_ROW)
		fail_msg("%s: no row", sql);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_free(sql);
	return v;
}

/* Every row of every table (the search index's own tables too), as one
 * text: two fingerprints are equal when nothing in the file changed. */
static char *
fingerprint(struct jx_store *st)
{
	sqlite3_str *out = sqlite3_str_new(st->db);
	sqlite3_stmt *tables, *rows;

	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT name FROM"
			 " sqlite_schema WHERE type = 'table' AND sql NOT LIKE"
			 " 'CREATE VIRTUAL%' ORDER BY name", -1, &tables,
			 NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"",
					    sqlite3_column_text(tables, 0));
		assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &rows,
						    NULL), SQLITE_OK);
		sqlite3_str_appendf(out, "== %s\n", sqlite3_column_text(tables,
									0));
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++)
				sqlite3_str_appendf(out, "%s\x1f",
						    sqlite3_column_text(rows, c));
			sqlite3_str_appendall(out, "\n");
		}
		sqlite3_finalize(rows);
		sqlite3_free(sql);
	}
	sqlite3_finalize(tables);
	return sqlite3_str_finish(out);
}

static void
assert_unchanged(struct jx_store *st, char *before, const char *what)
{
	char *now = fingerprint(st);
	bool same = strcmp(before, now) == 0;

	sqlite3_free(before);
	sqlite3_free(now);
	if (!same)
		fail_msg("%s changed the database", what);
}

/* The search index agrees with its content table. */
static void
index_ok(struct jx_store *st)
{
	exec_sql(st->db, "INSERT INTO indicator_fts(indicator_fts, rank)"
		 " VALUES ('integrity-check', 1)");
}

static int64_t
hits(struct jx_store *st, const char *text)
{
	struct jx_error err;
	int64_t n = -1;

	jx_error_clear(&err);
	assert_int_equal(jx_store_search_count(st, text, &n, &err), JX_OK);
	return n;
}

/* ---- the fixture ------------------------------------------------------------ */

static void
add_ind(struct jx_project *p, const char *l1, const char *l2,
	const char *name, const char *target)
{
	struct jx_indicator *ind = jx_project_add_indicator(p);

	assert_non_null(ind);
	ind->level1 = xdup(l1);
	ind->level2 = xdup(l2);
	ind->name = xdup(name);
	ind->target = xdup(target);
}

static void
add_cp(struct jx_project *p, const char *label, const char *percent)
{
	struct jx_checkpoint *c = jx_project_add_checkpoint(p);

	assert_non_null(c);
	c->label = xdup(label);
	c->percent = xdup(percent);
}

static void
add_sub(struct jx_doc *d, const char *title, const char *goal)
{
	struct jx_subgoal *g = jx_doc_add_subgoal(d);

	assert_non_null(g);
	g->title = xdup(title);
	g->goal = xdup(goal);
}

/*
 * 880001 编辑测试单位 2025: three projects —
 *   1 P001 国有资产管理专项经费, 130.97 万元, plan 3月底 25.00%; 6月底
 *     50.00%, note, indicators 资产盘点数量 ≥100项, 账实相符率 ≥90旧值,
 *     使用单位满意度 ≥90%;
 *   2 社区工作经费 (no code): 居民服务覆盖率 ≥80%, 服务水平 逐步提高;
 *   3 P003 办公经费, no indicators.
 */
static void
fixture_doc(struct jx_doc *d)
{
	struct jx_project *p;

	jx_doc_init(d);
	d->dept_code = xdup("880001");
	d->dept_name = xdup("编辑测试单位");
	d->dept_competent = xdup("测试主管局");
	d->year = 2025;
	d->framework = xdup("2012");
	d->goals = xdup("总体目标\n第二行");
	d->measures = xdup("保障措施");
	add_sub(d, "（一）资产管理", "管好资产");
	add_sub(d, "（二）社区服务", NULL);
	p = jx_doc_add_project(d);
	p->code = xdup("P001");
	p->name = xdup("国有资产管理专项经费");
	p->annual_total = yuan(1309700);
	p->annual_fiscal = yuan(1309700);
	p->note = xdup("原说明");
	add_cp(p, "3月底", "25.00%");
	add_cp(p, "6月底", "50.00%");
	add_ind(p, "产出指标", "数量指标", "资产盘点数量", "≥100项");
	add_ind(p, "产出指标", "质量指标", "账实相符率", "≥90旧值");
	add_ind(p, "满意度指标", "服务对象满意度指标", "使用单位满意度",
		"≥90%");
	p = jx_doc_add_project(d);
	p->name = xdup("社区工作经费");
	add_ind(p, "效益指标", "社会效益指标", "居民服务覆盖率", "≥80%");
	add_ind(p, "效益指标", "社会效益指标", "服务水平", "逐步提高");
	p = jx_doc_add_project(d);
	p->code = xdup("P003");
	p->name = xdup("办公经费");
}

static void
put_doc(struct jx_store *st, const struct jx_doc *d)
{
	struct jx_import_counts counts = { 0 };
	struct jx_error err;

	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	if (jx_store_put_doc(st, d, false, "fixture.yaml", &counts, &err)
	    != JX_OK)
		fail_msg("put_doc: %s", err.message);
	assert_int_equal(jx_store_commit(st, &err), JX_OK);
}

/* The test's database: path, a handle as USER_A, and the ids of the
 * fixture. */
struct fx {
	char path[PATH_SIZE];
	struct jx_store *st;
	int64_t year, dept;
	int64_t project[3];
	int64_t ind[3];       /* of project 1 */
	int64_t ind2[2];      /* of project 2 */
};

static int
on_project_id(void *ctx, const struct jx_project_row *row)
{
	int64_t *ids = ctx;

	for (int i = 0; i < 16; i++)
		if (!ids[i]) {
			ids[i] = row->id;
			break;
		}
	return 0;
}

static int
on_indicator_id(void *ctx, const struct jx_indicator_row *row)
{
	int64_t *ids = ctx;

	for (int i = 0; i < 16; i++)
		if (!ids[i]) {
			ids[i] = row->id;
			break;
		}
	return 0;
}

static void
list_ids(struct jx_store *st, bool projects, int64_t parent, int64_t ids[16])
{
	struct jx_key key;
	struct jx_error err;
	int n;

	memset(ids, 0, 16 * sizeof *ids);
	jx_key_first(&key);
	jx_error_clear(&err);
	if (projects)
		assert_int_equal(jx_store_projects(st, parent, &key, 16,
						   on_project_id, ids, &n,
						   &err), JX_OK);
	else
		assert_int_equal(jx_store_indicators(st, parent, &key, 16,
						     on_indicator_id, ids, &n,
						     &err), JX_OK);
	jx_key_free(&key);
}

static void
fx_open(struct fx *f, const char *name)
{
	struct jx_doc d;
	struct jx_error err;
	int64_t ids[16];

	setenv("JIXIAO_NOW", T0, 1);
	if (snprintf(f->path, sizeof f->path, "%s/%s", g_dir, name)
	    >= (int)sizeof f->path)
		fail_msg("path too long");
	remove_db(f->path);
	f->st = open_as(f->path, JX_OPEN_CREATE, USER_A);
	fixture_doc(&d);
	put_doc(f->st, &d);
	jx_doc_free(&d);
	jx_error_clear(&err);
	assert_int_equal(jx_store_find_department(f->st, "880001", &f->dept,
						  &err), JX_OK);
	assert_int_equal(jx_store_find_year(f->st, f->dept, 2025, &f->year,
					    &err), JX_OK);
	list_ids(f->st, true, f->year, ids);
	memcpy(f->project, ids, sizeof f->project);
	list_ids(f->st, false, f->project[0], ids);
	memcpy(f->ind, ids, sizeof f->ind);
	list_ids(f->st, false, f->project[1], ids);
	memcpy(f->ind2, ids, sizeof f->ind2);
	assert_true(f->project[2] && f->ind[2] && f->ind2[1]);
}

static void
fx_close(struct fx *f)
{
	index_ok(f->st);
	jx_store_close(f->st);
	remove_db(f->path);
	setenv("JIXIAO_NOW", T0, 1);
}

/* Names of a list, in order, as "a,b,c". */
struct names {
	char text[1024];
};

static int
on_ind_name(void *ctx, const struct jx_indicator_row *row)
{
	struct names *n = ctx;
	size_t len = strlen(n->text);

	if (snprintf(n->text + len, sizeof n->text - len, "%s%s",
		     len ? "," : "", row->name) >= (int)(sizeof n->text - len))
		fail_msg("names too long");
	return 0;
}

static int
on_project_name(void *ctx, const struct jx_project_row *row)
{
	struct names *n = ctx;
	size_t len = strlen(n->text);

	if (snprintf(n->text + len, sizeof n->text - len, "%s%s",
		     len ? "," : "", row->name) >= (int)(sizeof n->text - len))
		fail_msg("names too long");
	return 0;
}

static const char *
order_of(struct jx_store *st, bool projects, int64_t parent, struct names *n)
{
	struct jx_key key;
	struct jx_error err;
	int got;

	n->text[0] = '\0';
	jx_key_first(&key);
	jx_error_clear(&err);
	if (projects)
		assert_int_equal(jx_store_projects(st, parent, &key, 64,
						   on_project_name, n, &got,
						   &err), JX_OK);
	else
		assert_int_equal(jx_store_indicators(st, parent, &key, 64,
						     on_ind_name, n, &got,
						     &err), JX_OK);
	jx_key_free(&key);
	return n->text;
}

/* ---- the change log, collected --------------------------------------------- */

#define MAX_LOG 64
struct logrow {
	int64_t id, record_id, dept_year_id, project_id;
	char at[32], who[64], action[16], tbl[16], field[32];
	char old[512], new_[512], label[256];
	bool has_old, has_new, has_field;
};
struct logs {
	struct logrow rows[MAX_LOG];
	int n;
	int stop_after;
};

static int
on_log(void *ctx, const struct jx_change_row *r)
{
	struct logs *l = ctx;
	struct logrow *w;

	if (l->n >= MAX_LOG)
		return 1;
	w = &l->rows[l->n++];
	w->id = r->id;
	w->record_id = r->record_id;
	w->dept_year_id = r->dept_year_id;
	w->project_id = r->project_id;
	snprintf(w->at, sizeof w->at, "%s", r->at);
	snprintf(w->who, sizeof w->who, "%s", r->who);
	snprintf(w->action, sizeof w->action, "%s", r->action);
	snprintf(w->tbl, sizeof w->tbl, "%s", r->tbl);
	snprintf(w->field, sizeof w->field, "%s", r->field ? r->field : "");
	snprintf(w->old, sizeof w->old, "%s", r->old ? r->old : "");
	snprintf(w->new_, sizeof w->new_, "%s", r->new_ ? r->new_ : "");
	snprintf(w->label, sizeof w->label, "%s", r->label ? r->label : "");
	w->has_old = r->old != NULL;
	w->has_new = r->new_ != NULL;
	w->has_field = r->field != NULL;
	return l->stop_after && l->n >= l->stop_after;
}

/* The log as f selects it (NULL: everything), into a new struct logs. */
static struct logs *
get_log(struct jx_store *st, const struct jx_log_filter *f)
{
	struct logs *l = calloc(1, sizeof *l);
	struct jx_error err;

	assert_non_null(l);
	jx_error_clear(&err);
	if (jx_store_log(st, f, on_log, l, &err) != JX_OK)
		fail_msg("log: %s", err.message);
	return l;
}

/* The rows of action after log id `after`. */
static struct logs *
log_since(struct jx_store *st, int64_t after)
{
	struct logs *all = get_log(st, NULL), *l = calloc(1, sizeof *l);

	assert_non_null(l);
	for (int i = 0; i < all->n; i++)
		if (all->rows[i].id > after)
			l->rows[l->n++] = all->rows[i];
	free(all);
	return l;
}

static int64_t
last_log_id(struct jx_store *st)
{
	return q_int(st, "SELECT coalesce(max(id), 0) FROM change_log");
}

static const struct logrow *
find_field(const struct logs *l, const char *tbl, const char *field)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->rows[i].tbl, tbl) == 0 &&
		    strcmp(l->rows[i].field, field) == 0)
			return &l->rows[i];
	fail_msg("no log row for %s.%s", tbl, field);
	return NULL;
}

static void
assert_change(const struct logs *l, const char *tbl, const char *field,
	      const char *old, const char *new_)
{
	const struct logrow *r = find_field(l, tbl, field);

	assert_string_equal(r->action, "update");
	if (old)
		assert_string_equal(r->old, old);
	else
		assert_false(r->has_old);
	if (new_)
		assert_string_equal(r->new_, new_);
	else
		assert_false(r->has_new);
}

/* ---- loading and saving ------------------------------------------------------ */

static void
load_project(struct jx_store *st, int64_t id, struct jx_project *p,
	     struct jx_rec_meta *meta)
{
	struct jx_error err;

	jx_error_clear(&err);
	if (jx_store_load_project(st, id, p, meta, NULL, &err) != JX_OK)
		fail_msg("load project %" PRId64 ": %s", id, err.message);
}

static void
test_project_round_trip(void **state)
{
	struct fx f;
	struct jx_project p, again;
	struct jx_rec_meta meta;
	struct jx_error err;
	struct logs *l;
	int64_t *ids, version, mark, found;

	(void)state;
	fx_open(&f, "project.db");
	jx_error_clear(&err);
	assert_int_equal(jx_store_load_project(f.st, f.project[0], &p, &meta,
					       &ids, &err), JX_OK);
	assert_int_equal(meta.id, f.project[0]);
	assert_int_equal(meta.version, 1);
	assert_int_equal(meta.parent_id, f.year);
	assert_int_equal(meta.seq, 1);
	assert_true(meta.reviewed);
	assert_false(p.unreviewed);
	assert_string_equal(meta.updated_at, T0_ISO);
	assert_int_equal(p.n_indicators, 3);
	assert_memory_equal(ids, f.ind, sizeof f.ind);
	free(ids);

	/* A name, an amount, a checkpoint, a note cleared. */
	setenv("JIXIAO_NOW", T1, 1);
	set_str(&p.name, "国有资产管理经费");
	p.annual_total = yuan(1426000);
	set_str(&p.plan[0].percent, "30%");
	set_str(&p.note, "");
	mark = last_log_id(f.st);
	version = meta.version;
	assert_int_equal(jx_store_save_project(f.st, f.project[0], &version,
					       &p, &err), JX_OK);
	assert_int_equal(version, 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 4);
	assert_change(l, "project", "name", "国有资产管理专项经费",
		      "国有资产管理经费");
	assert_change(l, "project", "annual_total", "130.97", "142.6");
	assert_change(l, "project", "plan", "3月底 25.00%; 6月底 50.00%",
		      "3月底 30%; 6月底 50.00%");
	assert_change(l, "project", "note", "原说明", NULL);
	for (int i = 0; i < l->n; i++) {
		assert_string_equal(l->rows[i].who, USER_A);
		assert_string_equal(l->rows[i].at, T1_ISO);
		assert_string_equal(l->rows[i].label, "国有资产管理经费");
		assert_int_equal(l->rows[i].record_id, f.project[0]);
		assert_int_equal(l->rows[i].dept_year_id, f.year);
		assert_int_equal(l->rows[i].project_id, f.project[0]);
	}
	free(l);

	/* Read back: what was saved, the new version and time; found by
	 * its new name (the name key follows). */
	load_project(f.st, f.project[0], &again, &meta);
	assert_string_equal(again.name, "国有资产管理经费");
	assert_int_equal(again.annual_total.yuan, 1426000);
	assert_string_equal(again.plan[0].percent, "30%");
	assert_null(again.note);
	assert_int_equal(again.n_indicators, 3);
	assert_int_equal(meta.version, 2);
	assert_string_equal(meta.updated_at, T1_ISO);
	assert_int_equal(jx_store_find_project(f.st, f.year, "资产管理经费",
					       &found, &err), JX_OK);
	assert_int_equal(found, f.project[0]);
	jx_project_free(&again);

	/* Saving what is stored writes nothing, not even updated_at. */
	{
		char *before = fingerprint(f.st);
		setenv("JIXIAO_NOW", "1800000000", 1);
		version = 2;
		assert_int_equal(jx_store_save_project(f.st, f.project[0],
						       &version, &p, &err),
				 JX_OK);
		assert_int_equal(version, 2);
		assert_unchanged(f.st, before, "a save without changes");
	}
	jx_project_free(&p);
	fx_close(&f);
}

static void
test_indicator_round_trip(void **state)
{
	struct fx f;
	struct jx_indicator ind;
	struct jx_rec_meta meta;
	struct jx_error err;
	struct logs *l;
	int64_t version, mark;

	(void)state;
	fx_open(&f, "indicator.db");
	assert_int_equal(hits(f.st, "旧值"), 1);
	jx_error_clear(&err);
	assert_int_equal(jx_store_load_indicator(f.st, f.ind[1], &ind, &meta,
						 &err), JX_OK);
	assert_int_equal(meta.parent_id, f.project[0]);
	assert_int_equal(meta.seq, 2);
	assert_int_equal(meta.version, 1);
	assert_string_equal(ind.target, "≥90旧值");
	assert_int_equal(q_int(f.st, "SELECT t_value FROM indicator WHERE"
			       " id = %lld", (long long)f.ind[1]), 900000);

	set_str(&ind.target, "≥95新值");
	set_str(&ind.description, "盘点后的账实相符比例");
	mark = last_log_id(f.st);
	version = 1;
	assert_int_equal(jx_store_save_indicator(f.st, f.ind[1], &version,
						 &ind, &err), JX_OK);
	assert_int_equal(version, 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 2);
	assert_change(l, "indicator", "description", NULL,
		      "盘点后的账实相符比例");
	assert_change(l, "indicator", "target", "≥90旧值", "≥95新值");
	assert_string_equal(l->rows[0].label, "账实相符率");
	assert_int_equal(l->rows[0].project_id, f.project[0]);
	assert_int_equal(l->rows[0].dept_year_id, f.year);
	free(l);
	/* The parsed target and the search index follow the text. */
	assert_int_equal(q_int(f.st, "SELECT t_value FROM indicator WHERE"
			       " id = %lld", (long long)f.ind[1]), 950000);
	assert_int_equal(hits(f.st, "旧值"), 0);
	assert_int_equal(hits(f.st, "新值"), 1);
	assert_int_equal(hits(f.st, "账实相符比例"), 1);

	/* A required field left empty is refused, and nothing written. */
	{
		char *before = fingerprint(f.st);
		set_str(&ind.name, "");
		assert_int_equal(jx_store_save_indicator(f.st, f.ind[1],
							 &version, &ind, &err),
				 JX_MISSING);
		assert_non_null(strstr(err.message, "name"));
		assert_unchanged(f.st, before, "a refused save");
	}
	jx_indicator_free(&ind);
	fx_close(&f);
}

static void
test_year_round_trip(void **state)
{
	struct fx f;
	struct jx_doc head;
	struct jx_rec_meta meta;
	struct jx_error err;
	struct logs *l;
	int64_t version, mark, other, other_version;

	(void)state;
	fx_open(&f, "year.db");
	jx_error_clear(&err);
	/* A second year of the department, to see its version move. */
	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &other, &err),
			 JX_OK);
	other_version = q_int(f.st, "SELECT version FROM dept_year WHERE"
			      " id = %lld", (long long)other);

	assert_int_equal(jx_store_load_year(f.st, f.year, &head, &meta, &err),
			 JX_OK);
	assert_int_equal(meta.parent_id, f.dept);
	assert_int_equal(meta.version, 1);
	assert_int_equal(head.year, 2025);
	assert_int_equal(head.n_subgoals, 2);
	assert_int_equal(head.n_projects, 0);
	assert_string_equal(head.dept_name, "编辑测试单位");

	set_str(&head.dept_name, "编辑测试单位（本级）");
	set_str(&head.dept_competent, NULL);
	set_str(&head.goals, "新的总体目标");
	set_str(&head.subgoals[1].goal, "服务群众");
	mark = last_log_id(f.st);
	version = 1;
	assert_int_equal(jx_store_save_year(f.st, f.year, &version, &head,
					    &err), JX_OK);
	assert_int_equal(version, 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 4);
	assert_change(l, "department", "name", "编辑测试单位",
		      "编辑测试单位（本级）");
	assert_change(l, "department", "competent", "测试主管局", NULL);
	assert_change(l, "dept_year", "goals", "总体目标\n第二行",
		      "新的总体目标");
	assert_change(l, "dept_year", "subgoals",
		      "（一）资产管理 — 管好资产\n（二）社区服务",
		      "（一）资产管理 — 管好资产\n（二）社区服务 — 服务群众");
	assert_int_equal(find_field(l, "department", "name")->record_id,
			 f.dept);
	assert_string_equal(find_field(l, "dept_year", "goals")->label,
			    "编辑测试单位（本级） 2025");
	for (int i = 0; i < l->n; i++)
		assert_int_equal(l->rows[i].dept_year_id, f.year);
	free(l);
	jx_doc_free(&head);

	/* The department's other year: its form shows these fields too. */
	assert_int_equal(q_int(f.st, "SELECT version FROM dept_year WHERE"
			       " id = %lld", (long long)other),
			 other_version + 1);
	assert_int_equal(jx_store_load_year(f.st, f.year, &head, &meta, &err),
			 JX_OK);
	assert_string_equal(head.dept_name, "编辑测试单位（本级）");
	assert_null(head.dept_competent);
	assert_string_equal(head.subgoals[1].goal, "服务群众");
	assert_int_equal(meta.version, 2);

	/* Moving the year onto one on file: JX_EXISTS, nothing written (the
	 * log rows of the attempt are undone with it). */
	{
		char *before = fingerprint(f.st);
		head.year = 2026;
		set_str(&head.goals, "再改一次");
		assert_int_equal(jx_store_save_year(f.st, f.year, &version,
						    &head, &err), JX_EXISTS);
		assert_non_null(strstr(err.message, "2026"));
		assert_unchanged(f.st, before, "a save onto a year on file");
	}
	jx_doc_free(&head);
	fx_close(&f);
}

/* ---- two programs at once ------------------------------------------------ */

static void
test_conflict(void **state)
{
	struct fx f;
	struct jx_store *b;
	struct jx_project pa, pb;
	struct jx_rec_meta ma, mb;
	struct jx_error err;
	int64_t va, vb;
	char *before;

	(void)state;
	fx_open(&f, "conflict.db");
	b = open_as(f.path, JX_OPEN_WRITE, USER_B);
	load_project(f.st, f.project[0], &pa, &ma);
	load_project(b, f.project[0], &pb, &mb);
	assert_int_equal(ma.version, 1);
	assert_int_equal(mb.version, 1);

	setenv("JIXIAO_NOW", T1, 1);
	set_str(&pa.purpose, "甲写的用途");
	va = ma.version;
	jx_error_clear(&err);
	assert_int_equal(jx_store_save_project(f.st, f.project[0], &va, &pa,
					       &err), JX_OK);
	assert_int_equal(va, 2);

	before = fingerprint(b);
	set_str(&pb.purpose, "乙写的用途");
	set_str(&pb.name, "乙改的名字");
	vb = mb.version;
	assert_int_equal(jx_store_save_project(b, f.project[0], &vb, &pb,
					       &err), JX_CONFLICT);
	assert_int_equal(vb, 1);
	assert_string_equal(err.message, "project 国有资产管理专项经费 was"
			    " changed by " USER_A " at " T1_ISO " (version 2,"
			    " you read version 1)");
	assert_unchanged(b, before, "a refused save");
	jx_project_free(&pb);
	load_project(b, f.project[0], &pb, &mb);
	assert_string_equal(pb.purpose, "甲写的用途");
	assert_string_equal(pb.name, "国有资产管理专项经费");

	/* Deleting with the old version is refused as well. */
	assert_int_equal(jx_store_delete_project(b, f.project[0], 1, &err),
			 JX_CONFLICT);
	/* With the version just read, B's save goes through. */
	set_str(&pb.purpose, "乙写的用途");
	vb = mb.version;
	assert_int_equal(jx_store_save_project(b, f.project[0], &vb, &pb,
					       &err), JX_OK);
	assert_int_equal(vb, 3);
	jx_project_free(&pa);
	jx_project_free(&pb);
	jx_store_close(b);
	fx_close(&f);
}

static void
test_deleted_meanwhile(void **state)
{
	struct fx f;
	struct jx_store *b;
	struct jx_project p;
	struct jx_indicator ind;
	struct jx_rec_meta m;
	struct jx_error err;
	int64_t v = 1;
	char *before;

	(void)state;
	fx_open(&f, "deleted.db");
	b = open_as(f.path, JX_OPEN_WRITE, USER_B);
	load_project(b, f.project[1], &p, &m);
	jx_error_clear(&err);
	assert_int_equal(jx_store_load_indicator(b, f.ind2[0], &ind, &m, &err),
			 JX_OK);
	assert_int_equal(jx_store_delete_project(f.st, f.project[1], 1, &err),
			 JX_OK);

	before = fingerprint(b);
	set_str(&p.note, "来晚了");
	assert_int_equal(jx_store_save_project(b, f.project[1], &v, &p, &err),
			 JX_NOTFOUND);
	assert_non_null(strstr(err.message, "deleted meanwhile"));
	/* Its indicators went with it. */
	assert_int_equal(jx_store_save_indicator(b, f.ind2[0], &v, &ind, &err),
			 JX_NOTFOUND);
	assert_int_equal(jx_store_delete_project(b, f.project[1], 1, &err),
			 JX_NOTFOUND);
	assert_int_equal(jx_store_move_project(b, f.project[1], -1, &err),
			 JX_NOTFOUND);
	assert_int_equal(jx_store_insert_indicator(b, f.project[1], 0, &ind, 0,
						   NULL, &err), JX_NOTFOUND);
	jx_project_free(&p);
	assert_int_equal(jx_store_load_project(b, f.project[1], &p, &m, NULL,
					       &err), JX_NOTFOUND);
	assert_null(p.name);
	assert_unchanged(b, before, "writes to a deleted record");
	assert_int_equal(hits(b, "居民服务覆盖率"), 0);
	jx_indicator_free(&ind);
	jx_store_close(b);
	fx_close(&f);
}

/* ---- adding, deleting, moving -------------------------------------------- */

static void
new_indicator(struct jx_indicator *ind, const char *name, const char *target)
{
	*ind = (struct jx_indicator){ 0 };
	ind->level1 = xdup("产出指标");
	ind->level2 = xdup("时效指标");
	ind->name = xdup(name);
	ind->target = xdup(target);
}

static int64_t
insert_ind(struct jx_store *st, int64_t project, int64_t after,
	   const char *name)
{
	struct jx_indicator ind;
	struct jx_error err;
	int64_t id = 0;

	new_indicator(&ind, name, "12月底前");
	jx_error_clear(&err);
	if (jx_store_insert_indicator(st, project, after, &ind, 0, &id, &err)
	    != JX_OK)
		fail_msg("insert %s: %s", name, err.message);
	jx_indicator_free(&ind);
	assert_true(id > 0);
	return id;
}

static void
test_insert_positions(void **state)
{
	struct fx f;
	struct names n;
	struct jx_project p = { 0 };
	struct jx_error err;
	struct logs *l;
	int64_t id, mark;

	(void)state;
	fx_open(&f, "insert.db");
	mark = last_log_id(f.st);
	id = insert_ind(f.st, f.project[0], f.ind[0], "中间插入");
	assert_string_equal(order_of(f.st, false, f.project[0], &n),
			    "资产盘点数量,中间插入,账实相符率,使用单位满意度");
	insert_ind(f.st, f.project[0], 0, "最前面");
	/* An id that is not a sibling (another project's): at the end. */
	insert_ind(f.st, f.project[0], f.ind2[0], "最后面");
	assert_string_equal(order_of(f.st, false, f.project[0], &n),
			    "最前面,资产盘点数量,中间插入,账实相符率,"
			    "使用单位满意度,最后面");
	/* Into an empty list. */
	insert_ind(f.st, f.project[2], 0, "唯一指标");
	assert_string_equal(order_of(f.st, false, f.project[2], &n),
			    "唯一指标");
	assert_int_equal(hits(f.st, "中间插入"), 1);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 4);
	assert_string_equal(l->rows[0].action, "insert");
	assert_string_equal(l->rows[0].tbl, "indicator");
	assert_int_equal(l->rows[0].record_id, id);
	assert_string_equal(l->rows[0].label, "中间插入");
	assert_string_equal(l->rows[0].new_, "产出指标/时效指标/中间插入:"
			    " 12月底前");
	assert_int_equal(l->rows[0].project_id, f.project[0]);
	assert_int_equal(l->rows[0].dept_year_id, f.year);
	free(l);

	/* A project, with a plan and indicators, after the first. */
	p.name = xdup("新增项目");
	p.code = xdup("P009");
	p.annual_total = yuan(50000);
	add_cp(&p, "12月底", "100%");
	add_ind(&p, "产出指标", "数量指标", "新增指标一", "≥1个");
	add_ind(&p, "产出指标", "数量指标", "新增指标二", "≥2个");
	mark = last_log_id(f.st);
	jx_error_clear(&err);
	assert_int_equal(jx_store_insert_project(f.st, f.year, f.project[0], &p,
						 0, NULL, &id, &err), JX_OK);
	assert_string_equal(order_of(f.st, true, f.year, &n),
			    "国有资产管理专项经费,新增项目,社区工作经费,"
			    "办公经费");
	assert_string_equal(order_of(f.st, false, id, &n),
			    "新增指标一,新增指标二");
	assert_int_equal(hits(f.st, "新增指标"), 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 3);
	assert_string_equal(l->rows[0].tbl, "project");
	assert_string_equal(l->rows[0].new_, "P009 新增项目, annual_total 5,"
			    " 2 indicators");
	assert_string_equal(l->rows[1].tbl, "indicator");
	assert_int_equal(l->rows[1].project_id, id);
	free(l);
	jx_project_free(&p);

	/* Inserting into a department-year that is not there. */
	{
		char *before = fingerprint(f.st);
		p.name = xdup("无处可去");
		assert_int_equal(jx_store_insert_project(f.st, 999999, 0, &p, 0,
							 NULL, &id, &err),
				 JX_NOTFOUND);
		jx_project_free(&p);
		assert_unchanged(f.st, before, "an insert with no parent");
	}
	fx_close(&f);
}

static void
test_delete_and_reinsert(void **state)
{
	struct fx f;
	struct names n;
	struct jx_project p, back;
	struct jx_rec_meta m;
	struct jx_error err;
	struct logs *l;
	int64_t *ids, v, id = 0, mark;
	char *before;

	(void)state;
	fx_open(&f, "reinsert.db");
	jx_error_clear(&err);
	assert_int_equal(jx_store_load_project(f.st, f.project[0], &p, &m,
					       &ids, &err), JX_OK);
	/* Two saves: version 3. */
	v = 1;
	set_str(&p.note, "一改");
	assert_int_equal(jx_store_save_project(f.st, f.project[0], &v, &p,
					       &err), JX_OK);
	set_str(&p.note, "二改");
	assert_int_equal(jx_store_save_project(f.st, f.project[0], &v, &p,
					       &err), JX_OK);
	assert_int_equal(v, 3);

	mark = last_log_id(f.st);
	assert_int_equal(jx_store_delete_project(f.st, f.project[0], v, &err),
			 JX_OK);
	assert_string_equal(order_of(f.st, true, f.year, &n),
			    "社区工作经费,办公经费");
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM indicator WHERE"
			       " project_id = %lld", (long long)f.project[0]), 0);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM checkpoint WHERE"
			       " project_id = %lld", (long long)f.project[0]), 0);
	assert_int_equal(hits(f.st, "资产盘点数量"), 0);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 4);   /* three indicators, then the project */
	assert_string_equal(l->rows[3].action, "delete");
	assert_string_equal(l->rows[3].tbl, "project");
	assert_string_equal(l->rows[3].label, "国有资产管理专项经费");
	assert_string_equal(l->rows[3].old, "P001 国有资产管理专项经费,"
			    " annual_total 130.97, 3 indicators");
	assert_false(l->rows[3].has_new);
	assert_string_equal(l->rows[0].tbl, "indicator");
	assert_string_equal(l->rows[0].old, "产出指标/数量指标/资产盘点数量:"
			    " ≥100项");
	free(l);

	/* Undo: the same ids, first in the list again, versions above any
	 * they had. */
	assert_int_equal(jx_store_insert_project(f.st, f.year, 0, &p,
						 f.project[0], ids, &id, &err),
			 JX_OK);
	assert_int_equal(id, f.project[0]);
	assert_string_equal(order_of(f.st, true, f.year, &n),
			    "国有资产管理专项经费,社区工作经费,办公经费");
	load_project(f.st, id, &back, &m);
	assert_true(m.version > 3);
	assert_string_equal(back.note, "二改");
	assert_int_equal(back.n_plan, 2);
	jx_project_free(&back);
	free(ids);
	{
		int64_t again[16];
		list_ids(f.st, false, id, again);
		assert_memory_equal(again, f.ind, sizeof f.ind);
	}
	assert_true(q_int(f.st, "SELECT version FROM indicator WHERE id = %lld",
			  (long long)f.ind[0]) > 1);
	assert_int_equal(hits(f.st, "资产盘点数量"), 1);

	/* An id in use cannot be taken. */
	before = fingerprint(f.st);
	assert_int_equal(jx_store_insert_project(f.st, f.year, 0, &p,
						 f.project[1], NULL, &id, &err),
			 JX_EXISTS);
	assert_int_equal(jx_store_insert_project(f.st, f.year, 0, &p, 0,
						 (int64_t[]){ 0, f.ind2[0], 0 },
						 &id, &err), JX_EXISTS);
	assert_unchanged(f.st, before, "inserts re-using ids in use");

	/* An indicator alone: deleted, then back with its id. */
	{
		struct jx_indicator ind;
		int64_t iv;

		assert_int_equal(jx_store_load_indicator(f.st, f.ind2[1], &ind,
							 &m, &err), JX_OK);
		iv = m.version;
		assert_int_equal(jx_store_delete_indicator(f.st, f.ind2[1], iv,
							   &err), JX_OK);
		assert_int_equal(hits(f.st, "逐步提高"), 0);
		assert_int_equal(jx_store_insert_indicator(f.st, f.project[1],
							   f.ind2[0], &ind,
							   f.ind2[1], &id,
							   &err), JX_OK);
		assert_int_equal(id, f.ind2[1]);
		assert_int_equal(hits(f.st, "逐步提高"), 1);
		jx_indicator_free(&ind);
		assert_int_equal(jx_store_load_indicator(f.st, id, &ind, &m,
							 &err), JX_OK);
		assert_true(m.version > iv);
		jx_indicator_free(&ind);
	}
	jx_project_free(&p);
	fx_close(&f);
}

static void
test_move(void **state)
{
	struct fx f;
	struct names n;
	struct jx_error err;
	struct logs *l;
	int64_t mark;
	char *before;

	(void)state;
	fx_open(&f, "move.db");
	jx_error_clear(&err);
	mark = last_log_id(f.st);
	assert_int_equal(jx_store_move_indicator(f.st, f.ind[2], -1, &err),
			 JX_OK);
	assert_string_equal(order_of(f.st, false, f.project[0], &n),
			    "资产盘点数量,使用单位满意度,账实相符率");
	assert_int_equal(jx_store_move_indicator(f.st, f.ind[0], 1, &err),
			 JX_OK);
	assert_string_equal(order_of(f.st, false, f.project[0], &n),
			    "使用单位满意度,资产盘点数量,账实相符率");
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[0].action, "move");
	assert_string_equal(l->rows[0].field, "seq");
	assert_string_equal(l->rows[0].old, "3");
	assert_string_equal(l->rows[0].new_, "2");
	assert_int_equal(l->rows[0].project_id, f.project[0]);
	free(l);

	/* At the edges: nothing to swap with. */
	before = fingerprint(f.st);
	assert_int_equal(jx_store_move_indicator(f.st, f.ind[2], -1, &err),
			 JX_NOTFOUND);
	assert_non_null(strstr(err.message, "first"));
	assert_int_equal(jx_store_move_indicator(f.st, f.ind[1], 1, &err),
			 JX_NOTFOUND);
	assert_non_null(strstr(err.message, "last"));
	assert_int_equal(jx_store_move_project(f.st, f.project[0], -1, &err),
			 JX_NOTFOUND);
	assert_int_equal(jx_store_move_project(f.st, f.project[2], 1, &err),
			 JX_NOTFOUND);
	assert_unchanged(f.st, before, "moves past an end");

	assert_int_equal(jx_store_move_project(f.st, f.project[2], -1, &err),
			 JX_OK);
	assert_string_equal(order_of(f.st, true, f.year, &n),
			    "国有资产管理专项经费,办公经费,社区工作经费");
	assert_int_equal(jx_store_move_project(f.st, f.project[0], 1, &err),
			 JX_OK);
	assert_string_equal(order_of(f.st, true, f.year, &n),
			    "办公经费,国有资产管理专项经费,社区工作经费");
	/* A move is not an edit of the record: forms stay valid. */
	assert_int_equal(q_int(f.st, "SELECT version FROM project WHERE"
			       " id = %lld", (long long)f.project[0]), 1);
	fx_close(&f);
}

/* ---- whole years ------------------------------------------------------------ */

static int
count_unreviewed(struct jx_store *st, int64_t year)
{
	return (int)q_int(st, "SELECT count(*) FROM project WHERE"
			  " dept_year_id = %lld AND reviewed = 0",
			  (long long)year);
}

static void
test_copy_year(void **state)
{
	struct fx f;
	struct jx_project p;
	struct jx_rec_meta m;
	struct jx_error err;
	struct logs *l;
	int64_t copy, ids[16], mark, v;
	char *before;

	(void)state;
	fx_open(&f, "copy.db");
	mark = last_log_id(f.st);
	jx_error_clear(&err);
	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &copy, &err),
			 JX_OK);
	assert_true(copy != f.year);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM project WHERE"
			       " dept_year_id = %lld", (long long)copy), 3);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM indicator i JOIN"
			       " project p ON p.id = i.project_id WHERE"
			       " p.dept_year_id = %lld", (long long)copy), 5);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM checkpoint c JOIN"
			       " project p ON p.id = c.project_id WHERE"
			       " p.dept_year_id = %lld", (long long)copy), 2);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM subgoal WHERE"
			       " dept_year_id = %lld", (long long)copy), 2);
	assert_int_equal(q_int(f.st, "SELECT year FROM dept_year WHERE"
			       " id = %lld", (long long)copy), 2026);
	assert_int_equal(count_unreviewed(f.st, copy), 3);
	assert_int_equal(count_unreviewed(f.st, f.year), 0);
	assert_int_equal(hits(f.st, "账实相符率"), 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->rows[0].action, "copy");
	assert_string_equal(l->rows[0].tbl, "dept_year");
	assert_int_equal(l->rows[0].record_id, copy);
	assert_int_equal(l->rows[0].dept_year_id, copy);
	assert_string_equal(l->rows[0].old, "编辑测试单位 2025");
	assert_string_equal(l->rows[0].new_, "3 projects, 5 indicators");
	assert_string_equal(l->rows[0].label, "编辑测试单位 2026");
	free(l);

	/* A copied project reads as not reviewed; saving it as read keeps
	 * the mark (nothing changes); saving it from its form, even
	 * unchanged, marks it reviewed (and says so in the log); saving the
	 * record as it was read puts the mark back (what undo does). */
	list_ids(f.st, true, copy, ids);
	load_project(f.st, ids[0], &p, &m);
	assert_false(m.reviewed);
	assert_true(p.unreviewed);
	assert_string_equal(p.name, "国有资产管理专项经费");
	assert_int_equal(p.n_indicators, 3);
	mark = last_log_id(f.st);
	v = m.version;
	assert_int_equal(jx_store_save_project(f.st, ids[0], &v, &p, &err),
			 JX_OK);
	assert_int_equal(v, 1);
	assert_int_equal(last_log_id(f.st), mark);
	p.unreviewed = false;
	assert_int_equal(jx_store_save_project(f.st, ids[0], &v, &p, &err),
			 JX_OK);
	assert_int_equal(v, 2);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 1);
	assert_change(l, "project", "reviewed", "false", "true");
	free(l);
	assert_int_equal(count_unreviewed(f.st, copy), 2);
	mark = last_log_id(f.st);
	p.unreviewed = true;
	assert_int_equal(jx_store_save_project(f.st, ids[0], &v, &p, &err),
			 JX_OK);
	assert_int_equal(v, 3);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 1);
	assert_change(l, "project", "reviewed", "true", "false");
	free(l);
	assert_int_equal(count_unreviewed(f.st, copy), 3);
	p.unreviewed = false;
	assert_int_equal(jx_store_save_project(f.st, ids[0], &v, &p, &err),
			 JX_OK);
	jx_project_free(&p);

	/* The year is on file now. */
	before = fingerprint(f.st);
	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &copy, &err),
			 JX_EXISTS);
	assert_non_null(strstr(err.message, "2026"));
	assert_int_equal(jx_store_copy_year(f.st, 999999, 2027, &copy, &err),
			 JX_NOTFOUND);
	assert_unchanged(f.st, before, "refused copies");
	fx_close(&f);
}

/* The interchange format carries "not reviewed", and only that. */
static void
test_reviewed_in_yaml(void **state)
{
	struct fx f;
	struct jx_doc doc, back;
	struct jx_errlist errors;
	struct jx_error err;
	char *text, *again;
	size_t len, len2;
	int64_t copy;
	const char *at;
	int n = 0;

	(void)state;
	fx_open(&f, "yaml.db");
	jx_error_clear(&err);
	assert_int_equal(jx_store_get_doc(f.st, f.year, &doc, &err), JX_OK);
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &text, &len, &err), JX_OK);
	assert_null(strstr(text, "reviewed"));
	free(text);
	jx_doc_free(&doc);

	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &copy, &err),
			 JX_OK);
	assert_int_equal(jx_store_get_doc(f.st, copy, &doc, &err), JX_OK);
	assert_true(doc.projects[1].unreviewed);
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &text, &len, &err), JX_OK);
	for (at = text; (at = strstr(at, "  reviewed: false\n")); at++)
		n++;
	assert_int_equal(n, 3);
	/* note, then reviewed, then indicators: the order of the spec. */
	assert_non_null(strstr(text, "  note: 原说明\n  reviewed: false\n"
			       "  indicators:\n"));

	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_doc(text, len, "copy.yaml", &back,
					  &errors), JX_OK);
	assert_true(back.projects[0].unreviewed && back.projects[2].unreviewed);
	assert_int_equal(jx_yaml_write_doc_mem(&back, &again, &len2, &err),
			 JX_OK);
	assert_int_equal(len2, len);
	assert_memory_equal(again, text, len);
	jx_doc_free(&back);
	free(again);

	/* true reads as reviewed; anything else is a mistake. */
	{
		char buf[4096];
		snprintf(buf, sizeof buf, "format: jixiao/1\ndepartment:\n"
			 "  name: 单位\nyear: 2024\nprojects:\n- name: 甲\n"
			 "  reviewed: true\n- name: 乙\n  reviewed: 是\n");
		assert_int_equal(jx_yaml_read_doc(buf, strlen(buf), "b.yaml",
						  &back, &errors), JX_INVALID);
		assert_int_equal(errors.count, 1);
		assert_int_equal(errors.items[0].line, 9);
		assert_non_null(strstr(errors.items[0].message,
				       "true or false"));
	}
	jx_errlist_free(&errors);
	free(text);
	jx_doc_free(&doc);
	fx_close(&f);
}

static void
head_of(struct jx_doc *h, const char *code, const char *name, int year)
{
	jx_doc_init(h);
	h->dept_code = xdup(code);
	h->dept_name = xdup(name);
	h->year = year;
	h->goals = xdup("新年度目标");
	add_sub(h, "（一）新分项", "目标");
}

static void
test_new_and_delete_year(void **state)
{
	struct fx f;
	struct jx_doc h;
	struct jx_error err;
	struct logs *l;
	int64_t id, id2, depts, mark;
	char *before;

	(void)state;
	fx_open(&f, "newyear.db");
	depts = q_int(f.st, "SELECT count(*) FROM department");
	jx_error_clear(&err);

	/* Another year of the department on file (found by its code). */
	head_of(&h, "880001", "编辑测试单位", 2027);
	assert_int_equal(jx_store_new_year(f.st, &h, &id, &err), JX_OK);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM department"), depts);
	assert_int_equal(q_int(f.st, "SELECT department_id FROM dept_year"
			       " WHERE id = %lld", (long long)id), f.dept);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM subgoal WHERE"
			       " dept_year_id = %lld", (long long)id), 1);
	/* Twice: the year is on file. */
	before = fingerprint(f.st);
	assert_int_equal(jx_store_new_year(f.st, &h, &id2, &err), JX_EXISTS);
	assert_unchanged(f.st, before, "a second new year 2027");
	jx_doc_free(&h);

	/* A new department. */
	mark = last_log_id(f.st);
	head_of(&h, "990001", "新建单位", 2027);
	assert_int_equal(jx_store_new_year(f.st, &h, &id2, &err), JX_OK);
	jx_doc_free(&h);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM department"),
			 depts + 1);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[0].tbl, "department");
	assert_string_equal(l->rows[0].action, "insert");
	assert_string_equal(l->rows[1].tbl, "dept_year");
	assert_string_equal(l->rows[1].label, "新建单位 2027");
	assert_int_equal(l->rows[1].dept_year_id, id2);
	free(l);

	/* Deleting its only year deletes the department as well. */
	mark = last_log_id(f.st);
	assert_int_equal(jx_store_delete_year(f.st, id2, &err), JX_OK);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM department"), depts);
	l = log_since(f.st, mark);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[0].action, "delete");
	assert_string_equal(l->rows[0].tbl, "dept_year");
	assert_string_equal(l->rows[0].old, "0 projects, 0 indicators");
	assert_string_equal(l->rows[0].label, "新建单位 2027");
	assert_string_equal(l->rows[1].tbl, "department");
	assert_string_equal(l->rows[1].label, "新建单位");
	free(l);

	/* A year of a department with others: the department stays. */
	assert_int_equal(jx_store_delete_year(f.st, f.year, &err), JX_OK);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM department"), depts);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM project"), 0);
	assert_int_equal(hits(f.st, "满意度"), 0);
	assert_int_equal(jx_store_delete_year(f.st, f.year, &err),
			 JX_NOTFOUND);

	/* What a new year must have. */
	head_of(&h, "990002", "", 2027);
	assert_int_equal(jx_store_new_year(f.st, &h, &id2, &err), JX_MISSING);
	h.year = 1800;
	set_str(&h.dept_name, "单位");
	assert_int_equal(jx_store_new_year(f.st, &h, &id2, &err), JX_INVALID);
	jx_doc_free(&h);
	fx_close(&f);
}

/* ---- the change log -------------------------------------------------------- */

static void
test_log_filters(void **state)
{
	struct fx f;
	struct jx_project p;
	struct jx_indicator ind;
	struct jx_rec_meta m;
	struct jx_error err;
	struct jx_log_filter flt;
	struct logs *l;
	int64_t v, copy;

	(void)state;
	fx_open(&f, "log.db");
	jx_error_clear(&err);
	/* T0, A: the import. T1, B: a project and one of its indicators
	 * saved, a copy of the year. */
	setenv("JIXIAO_NOW", T1, 1);
	jx_store_set_user(f.st, USER_B);
	load_project(f.st, f.project[0], &p, &m);
	set_str(&p.note, "乙的说明");
	v = 1;
	assert_int_equal(jx_store_save_project(f.st, f.project[0], &v, &p,
					       &err), JX_OK);
	jx_project_free(&p);
	assert_int_equal(jx_store_load_indicator(f.st, f.ind[0], &ind, &m,
						 &err), JX_OK);
	set_str(&ind.basis, "盘点记录");
	v = 1;
	assert_int_equal(jx_store_save_indicator(f.st, f.ind[0], &v, &ind,
						 &err), JX_OK);
	jx_indicator_free(&ind);
	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &copy, &err),
			 JX_OK);

	/* Everything, oldest first; and newest first. */
	l = get_log(f.st, NULL);
	assert_int_equal(l->n, 5);   /* department, import, note, basis, copy */
	assert_string_equal(l->rows[0].action, "insert");
	assert_string_equal(l->rows[1].action, "import");
	assert_string_equal(l->rows[1].label, "编辑测试单位 2025");
	assert_int_equal(l->rows[1].dept_year_id, f.year);
	assert_string_equal(l->rows[1].new_, "fixture.yaml: 3 projects,"
			    " 5 indicators");
	assert_string_equal(l->rows[4].action, "copy");
	free(l);
	flt = (struct jx_log_filter){ .newest_first = true, .limit = 2 };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[0].action, "copy");
	assert_string_equal(l->rows[1].field, "basis");
	free(l);

	/* One record; a project with its indicators. */
	flt = (struct jx_log_filter){ .tbl = "project",
				      .record_id = f.project[0] };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->rows[0].field, "note");
	free(l);
	flt.with_children = true;
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[1].field, "basis");
	free(l);
	flt = (struct jx_log_filter){ .tbl = "indicator",
				      .record_id = f.ind[0] };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 1);
	free(l);

	/* A department-year; a department; who; since. */
	flt = (struct jx_log_filter){ .dept_year_id = f.year };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 3);   /* import, note, basis */
	free(l);
	flt = (struct jx_log_filter){ .department_id = f.dept };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 5);
	free(l);
	flt = (struct jx_log_filter){ .who = USER_A };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 2);
	free(l);
	flt = (struct jx_log_filter){ .since = "2023-11-15" };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 3);
	for (int i = 0; i < l->n; i++)
		assert_string_equal(l->rows[i].who, USER_B);
	free(l);
	flt = (struct jx_log_filter){ .who = USER_B, .since = T1_ISO,
				      .dept_year_id = copy };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->rows[0].action, "copy");
	free(l);

	/* A callback may stop early. */
	l = calloc(1, sizeof *l);
	assert_non_null(l);
	l->stop_after = 2;
	assert_int_equal(jx_store_log(f.st, NULL, on_log, l, &err), JX_OK);
	assert_int_equal(l->n, 2);
	free(l);

	/* History survives the record: a deleted project's rows are still
	 * found by its id, with its name. */
	assert_int_equal(jx_store_delete_year(f.st, f.year, &err), JX_OK);
	flt = (struct jx_log_filter){ .tbl = "project",
				      .record_id = f.project[0],
				      .with_children = true };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->rows[0].label, "国有资产管理专项经费");
	free(l);
	fx_close(&f);
}

/* Import and links fill the context columns too; a file of schema 4 gets
 * them for the rows it already has. */
static void
test_context_and_migration(void **state)
{
	struct fx f;
	struct jx_doc d;
	struct jx_error err;
	struct jx_log_filter flt;
	struct logs *l;
	int64_t later, pid;
	sqlite3 *db;

	(void)state;
	fx_open(&f, "context.db");
	fixture_doc(&d);
	d.year = 2026;
	set_str(&d.projects[0].name, "国有资产管理经费");
	set_str(&d.projects[0].code, "P101");
	put_doc(f.st, &d);
	jx_doc_free(&d);
	jx_error_clear(&err);
	assert_int_equal(jx_store_find_year(f.st, f.dept, 2026, &later, &err),
			 JX_OK);
	assert_int_equal(jx_store_find_project(f.st, later, "P101", &pid,
					       &err), JX_OK);
	assert_int_equal(jx_store_link_project(f.st, pid, f.project[0], &err),
			 JX_OK);
	flt = (struct jx_log_filter){ .tbl = "project", .record_id = pid };
	l = get_log(f.st, &flt);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->rows[0].action, "link");
	assert_string_equal(l->rows[0].label, "国有资产管理经费");
	assert_int_equal(l->rows[0].dept_year_id, later);
	assert_int_equal(l->rows[0].project_id, pid);
	free(l);
	jx_store_close(f.st);

	/* Back to schema 4, as that release wrote it. */
	assert_int_equal(sqlite3_open(f.path, &db), SQLITE_OK);
	exec_sql(db, "ALTER TABLE project DROP COLUMN digest;"
		 " DROP TABLE draft; DROP INDEX change_by_year;"
		 " DROP INDEX change_by_project; DROP INDEX change_by_department;"
		 " ALTER TABLE change_log DROP COLUMN department_id;"
		 " ALTER TABLE change_log DROP COLUMN label;"
		 " ALTER TABLE change_log DROP COLUMN dept_year_id;"
		 " ALTER TABLE change_log DROP COLUMN project_id;"
		 " ALTER TABLE project DROP COLUMN reviewed;"
		 " PRAGMA user_version = 4;");
	sqlite3_close(db);
	f.st = open_as(f.path, JX_OPEN_WRITE, USER_A);
	assert_int_equal(q_int(f.st, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM project WHERE"
			       " reviewed = 1"), 6);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM change_log WHERE"
			       " action = 'import' AND dept_year_id = record_id"
			       " AND label LIKE '编辑测试单位 202_'"), 2);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM change_log WHERE"
			       " action = 'link' AND project_id = %lld AND"
			       " dept_year_id = %lld", (long long)pid,
			       (long long)later), 1);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM draft"), 0);
	fx_close(&f);
}

/* ---- drafts --------------------------------------------------------------- */

#define MAX_DRAFTS 8
struct drafts {
	int n;
	int64_t id[MAX_DRAFTS], record_id[MAX_DRAFTS], base[MAX_DRAFTS];
	char who[MAX_DRAFTS][32], kind[MAX_DRAFTS][16];
	unsigned char body[MAX_DRAFTS][64];
	size_t len[MAX_DRAFTS];
};

static int
on_draft(void *ctx, const struct jx_draft *d)
{
	struct drafts *ds = ctx;
	int i = ds->n++;

	assert_true(i < MAX_DRAFTS && d->body_len <= sizeof ds->body[0]);
	ds->id[i] = d->id;
	ds->record_id[i] = d->record_id;
	ds->base[i] = d->base_version;
	snprintf(ds->who[i], sizeof ds->who[i], "%s", d->who);
	snprintf(ds->kind[i], sizeof ds->kind[i], "%s", d->kind);
	if (d->body_len)
		memcpy(ds->body[i], d->body, d->body_len);
	ds->len[i] = d->body_len;
	return 0;
}

static void
get_drafts(struct jx_store *st, const char *who, struct drafts *ds)
{
	struct jx_error err;

	memset(ds, 0, sizeof *ds);
	jx_error_clear(&err);
	assert_int_equal(jx_store_drafts(st, who, on_draft, ds, &err), JX_OK);
}

static void
test_drafts(void **state)
{
	static const unsigned char body[] = "name\0国有资产\0\0note\0\xff";
	struct fx f;
	struct drafts ds;
	struct jx_error err;
	struct jx_draft d = {
		.kind = "project", .record_id = 0, .parent_id = 0,
		.after_id = 0, .base_version = 3, .body = body,
		.body_len = sizeof body,
	};
	int64_t a, b, c;

	(void)state;
	fx_open(&f, "drafts.db");
	d.parent_id = f.year;
	d.record_id = f.project[0];
	jx_error_clear(&err);
	assert_int_equal(jx_store_put_draft(f.st, &d, &a, &err), JX_OK);
	d.who = USER_B;
	d.kind = "indicator";
	d.body_len = 3;
	assert_int_equal(jx_store_put_draft(f.st, &d, &b, &err), JX_OK);
	d.body = NULL;
	d.body_len = 0;
	d.who = NULL;
	d.kind = "year";
	assert_int_equal(jx_store_put_draft(f.st, &d, &c, &err), JX_OK);
	assert_true(a < b && b < c);

	get_drafts(f.st, NULL, &ds);
	assert_int_equal(ds.n, 3);
	assert_int_equal(ds.id[0], a);
	assert_string_equal(ds.who[0], USER_A);
	assert_string_equal(ds.kind[0], "project");
	assert_int_equal(ds.record_id[0], f.project[0]);
	assert_int_equal(ds.base[0], 3);
	assert_int_equal(ds.len[0], sizeof body);
	assert_memory_equal(ds.body[0], body, sizeof body);
	assert_int_equal(ds.len[1], 3);
	assert_memory_equal(ds.body[1], "nam", 3);
	assert_int_equal(ds.len[2], 0);
	get_drafts(f.st, USER_B, &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.id[0], b);

	/* Put again under its id: replaced, not added. */
	d.id = b;
	d.who = USER_B;
	d.body = "\0\0";
	d.body_len = 2;
	assert_int_equal(jx_store_put_draft(f.st, &d, &b, &err), JX_OK);
	assert_int_equal(b, d.id);
	get_drafts(f.st, USER_B, &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.len[0], 2);
	assert_memory_equal(ds.body[0], "\0\0", 2);

	assert_int_equal(jx_store_delete_draft(f.st, a, &err), JX_OK);
	assert_int_equal(jx_store_delete_draft(f.st, a, &err), JX_NOTFOUND);
	get_drafts(f.st, NULL, &ds);
	assert_int_equal(ds.n, 2);
	/* Drafts are not changes: the log has none. */
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM change_log WHERE"
			       " tbl = 'draft'"), 0);
	fx_close(&f);
}

/* ---- what may not write --------------------------------------------------- */

static void
test_readonly(void **state)
{
	struct fx f;
	struct jx_store *ro;
	struct jx_project p;
	struct jx_indicator ind;
	struct jx_doc head;
	struct jx_rec_meta m;
	struct jx_error err;
	struct jx_draft d = { .kind = "year" };
	int64_t v = 1, id;
	char *before;

	(void)state;
	fx_open(&f, "readonly.db");
	before = fingerprint(f.st);
	ro = open_as(f.path, JX_OPEN_READONLY, USER_B);
	jx_error_clear(&err);
	/* Reading for a form works. */
	load_project(ro, f.project[0], &p, &m);
	assert_int_equal(jx_store_load_indicator(ro, f.ind[0], &ind, &m, &err),
			 JX_OK);
	assert_int_equal(jx_store_load_year(ro, f.year, &head, &m, &err),
			 JX_OK);
	/* Every write is refused. */
	set_str(&p.note, "不能写");
	assert_int_equal(jx_store_save_project(ro, f.project[0], &v, &p, &err),
			 JX_READONLY);
	assert_non_null(strstr(err.message, "read-only"));
	assert_int_equal(jx_store_save_indicator(ro, f.ind[0], &v, &ind, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_save_year(ro, f.year, &v, &head, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_insert_project(ro, f.year, 0, &p, 0, NULL,
						 &id, &err), JX_READONLY);
	assert_int_equal(jx_store_insert_indicator(ro, f.project[0], 0, &ind,
						   0, &id, &err), JX_READONLY);
	assert_int_equal(jx_store_delete_project(ro, f.project[0], 1, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_delete_indicator(ro, f.ind[0], 1, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_move_project(ro, f.project[1], -1, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_move_indicator(ro, f.ind[1], -1, &err),
			 JX_READONLY);
	head.year = 2030;
	assert_int_equal(jx_store_new_year(ro, &head, &id, &err), JX_READONLY);
	assert_int_equal(jx_store_copy_year(ro, f.year, 2030, &id, &err),
			 JX_READONLY);
	assert_int_equal(jx_store_delete_year(ro, f.year, &err), JX_READONLY);
	assert_int_equal(jx_store_put_draft(ro, &d, &id, &err), JX_READONLY);
	assert_int_equal(jx_store_delete_draft(ro, 1, &err), JX_READONLY);
	jx_project_free(&p);
	jx_indicator_free(&ind);
	jx_doc_free(&head);
	jx_store_close(ro);
	assert_unchanged(f.st, before, "a read-only handle");
	fx_close(&f);
}

/* Inside the caller's transaction a call that fails undoes only itself;
 * the caller decides about the rest. */
static void
test_in_transaction(void **state)
{
	struct fx f;
	struct jx_project p;
	struct jx_doc head;
	struct jx_rec_meta m, ym;
	struct jx_error err;
	struct names n;
	int64_t v, copy;

	(void)state;
	fx_open(&f, "txn.db");
	load_project(f.st, f.project[2], &p, &m);
	jx_error_clear(&err);
	assert_int_equal(jx_store_load_year(f.st, f.year, &head, &ym, &err),
			 JX_OK);
	assert_int_equal(jx_store_begin(f.st, &err), JX_OK);
	v = 1;
	set_str(&p.note, "事务里改的");
	assert_int_equal(jx_store_save_project(f.st, f.project[2], &v, &p,
					       &err), JX_OK);
	assert_int_equal(jx_store_copy_year(f.st, f.year, 2026, &copy, &err),
			 JX_OK);
	/* Fails half-way: the change-log rows of the goals were written,
	 * then the year was found taken. They are undone with it. */
	v = ym.version;
	head.year = 2026;
	set_str(&head.goals, "不会留下的目标");
	assert_int_equal(jx_store_save_year(f.st, f.year, &v, &head, &err),
			 JX_EXISTS);
	/* A stale version in the same transaction. */
	v = 1;
	assert_int_equal(jx_store_save_project(f.st, f.project[2], &v, &p,
					       &err), JX_CONFLICT);
	insert_ind(f.st, f.project[0], f.ind[0], "事务里插入");
	assert_int_equal(jx_store_commit(f.st, &err), JX_OK);
	jx_project_free(&p);
	jx_doc_free(&head);

	load_project(f.st, f.project[2], &p, &m);
	assert_string_equal(p.note, "事务里改的");
	assert_int_equal(m.version, 2);
	jx_project_free(&p);
	assert_string_equal(order_of(f.st, false, f.project[0], &n),
			    "资产盘点数量,事务里插入,账实相符率,使用单位满意度");
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM change_log WHERE"
			       " action = 'update'"), 1);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM dept_year WHERE"
			       " goals = '不会留下的目标'"), 0);
	assert_int_equal(q_int(f.st, "SELECT count(*) FROM dept_year"), 2);
	/* Indexed once, by the call (nothing was pending at the commit). */
	assert_int_equal(hits(f.st, "事务里插入"), 1);

	/* An import in the same transaction as an insert: each new
	 * indicator is indexed once. */
	{
		struct jx_doc d;
		struct jx_import_counts counts = { 0 };

		assert_int_equal(jx_store_begin(f.st, &err), JX_OK);
		fixture_doc(&d);
		d.year = 2030;
		assert_int_equal(jx_store_put_doc(f.st, &d, false, "t.yaml",
						  &counts, &err), JX_OK);
		jx_doc_free(&d);
		insert_ind(f.st, f.project[1], 0, "同一事务");
		assert_int_equal(jx_store_commit(f.st, &err), JX_OK);
		assert_int_equal(hits(f.st, "同一事务"), 1);
		assert_int_equal(hits(f.st, "资产盘点数量"), 3);
	}
	fx_close(&f);
}

/* ---- main -------------------------------------------------------------------- */

static void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[PATH_SIZE + 256];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_project_round_trip),
		cmocka_unit_test(test_indicator_round_trip),
		cmocka_unit_test(test_year_round_trip),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_deleted_meanwhile),
		cmocka_unit_test(test_insert_positions),
		cmocka_unit_test(test_delete_and_reinsert),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_copy_year),
		cmocka_unit_test(test_reviewed_in_yaml),
		cmocka_unit_test(test_new_and_delete_year),
		cmocka_unit_test(test_log_filters),
		cmocka_unit_test(test_context_and_migration),
		cmocka_unit_test(test_drafts),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_in_transaction),
	};
	const char *tmp = getenv("TMPDIR");
	int failed;

	snprintf(g_dir, sizeof g_dir, "%s/jx-test-edit-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g_dir)) {
		perror(g_dir);
		return 1;
	}
	setenv("JIXIAO_NOW", T0, 1);
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	remove_tree(g_dir);
	return failed;
}
