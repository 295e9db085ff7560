/*
 * test_store.c — unit tests for the SQLite store (src/store/), used the way
 * the commands use it: open (and refuse) files, import documents inside a
 * transaction, read them back, list windows of rows, find records from what
 * a user typed.
 *
 * Every database lives in one mkdtemp directory that main() removes at the
 * end. The database itself is also inspected with sqlite3 directly (PRAGMAs,
 * the change log, the parsed target columns, query plans); the statements
 * whose plans are checked are taken from the store's own JX_STMT_LIST, never
 * retyped. The seed documents are read from $JX_SAMPLES_DIR (default: the
 * source tree's data/samples).
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
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/error.h"
#include "core/record.h"
#include "core/target.h"
#include "core/text.h"
#include "io/yaml_doc.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_internal.h"

#ifndef JX_SRCDIR
#define JX_SRCDIR "/work/main"
#endif

#define PATH_SIZE 1024
#define TEST_USER "测试员"
/* 2023-11-14T22:13:20Z: every change-log time is this (JIXIAO_NOW). */
#define TEST_NOW "1700000000"
#define TEST_NOW_ISO "2023-11-14T22:13:20Z"

static char g_dir[PATH_SIZE];

/* ---- small helpers ---------------------------------------------------- */

static void
tpath(char *buf, const char *name)
{
	int n = snprintf(buf, PATH_SIZE, "%s/%s", g_dir, name);
	assert_true(n > 0 && n < PATH_SIZE);
}

static bool
file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* No file at path, nor any of SQLite's side files. */
static void
assert_no_side_files(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char side[PATH_SIZE + 16];

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		if (file_exists(side))
			fail_msg("%s was left behind", side);
	}
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

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The whole file, malloc'd (never NULL; an empty file gives a 1-byte
 * buffer). */
static unsigned char *
read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0;

	assert_non_null(f);
	*len = 0;
	for (;;) {
		size_t got;
		if (*len == cap) {
			cap = cap ? 2 * cap : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + *len, 1, cap - *len, f);
		if (got == 0)
			break;
		*len += got;
	}
	assert_int_equal(ferror(f), 0);
	fclose(f);
	return buf;
}

static void
assert_same_bytes(const unsigned char *a, size_t alen, const char *path)
{
	size_t blen;
	unsigned char *b = read_bytes(path, &blen);

	if (alen != blen || memcmp(a, b, alen) != 0) {
		free(b);
		fail_msg("%s was changed (%zu bytes before, %zu after)", path,
			 alen, blen);
	}
	free(b);
}

static bool
contains(const char *haystack, const char *needle)
{
	return haystack && strstr(haystack, needle) != NULL;
}

static void
contains_at(const char *hay, const char *needle, const char *file, int line)
{
	if (!contains(hay, needle)) {
		print_error("\"%s\" does not contain \"%s\"\n",
			    hay ? hay : "(null)", needle);
		_fail(file, line);
	}
}

#define assert_contains(hay, needle) \
	contains_at((hay), (needle), __FILE__, __LINE__)

/* Runs SQL on db, failing the test on error. */
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

/* The first column of the first row of sql as an integer (sql must give a
 * row). */
static int64_t
q_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		fail_msg("%s: no row", sql);
	}
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Same, as text copied into buf ("" for NULL). */
static void
q_text(sqlite3 *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *s;
	const unsigned char *t;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		fail_msg("%s: no row", sql);
	}
	t = sqlite3_column_text(s, 0);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
	sqlite3_finalize(s);
}

/* A plain sqlite3 connection of our own, as another program would open. */
static sqlite3 *
raw_open(const char *path, int flags)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		char msg[256];
		snprintf(msg, sizeof msg, "%s", db ? sqlite3_errmsg(db) : "?");
		sqlite3_close(db);
		fail_msg("sqlite3_open_v2 %s: %s", path, msg);
	}
	return db;
}

static struct jx_store *
open_store(const char *path, enum jx_open_mode mode)
{
	struct jx_store *st = NULL;
	struct jx_error err;

	jx_error_clear(&err);
	if (jx_store_open(path, mode, &st, &err) != JX_OK)
		fail_msg("open %s: %s", path, err.message);
	assert_non_null(st);
	jx_store_set_user(st, TEST_USER);
	return st;
}

/* A new empty database in the test directory. */
static struct jx_store *
new_store(const char *name, char *path)
{
	tpath(path, name);
	remove_db(path);
	return open_store(path, JX_OPEN_CREATE);
}

static void
close_store(struct jx_store *st, const char *path)
{
	jx_store_close(st);
	remove_db(path);
}

/* ---- building documents ----------------------------------------------- */

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

static struct jx_amount
yuan(int64_t v)
{
	struct jx_amount a = { true, v };
	return a;
}

static const struct jx_amount NO_MONEY = { false, 0 };

static void
add_indicator(struct jx_project *p, const char *l1, const char *l2,
	      const char *name, const char *desc, const char *target,
	      const char *basis)
{
	struct jx_indicator *ind = jx_project_add_indicator(p);
	assert_non_null(ind);
	ind->level1 = xdup(l1);
	ind->level2 = xdup(l2);
	ind->name = xdup(name);
	ind->description = xdup(desc);
	ind->target = xdup(target);
	ind->basis = xdup(basis);
}

static void
add_checkpoint(struct jx_project *p, const char *label, const char *percent)
{
	struct jx_checkpoint *c = jx_project_add_checkpoint(p);
	assert_non_null(c);
	c->label = xdup(label);
	c->percent = xdup(percent);
}

static void
add_subgoal(struct jx_doc *d, const char *title, const char *goal,
	    const char *indicator)
{
	struct jx_subgoal *g = jx_doc_add_subgoal(d);
	assert_non_null(g);
	g->title = xdup(title);
	g->goal = xdup(goal);
	g->indicator = xdup(indicator);
}

static struct jx_project *
add_project(struct jx_doc *d, const char *code, const char *name)
{
	struct jx_project *p = jx_doc_add_project(d);
	assert_non_null(p);
	p->code = xdup(code);
	p->name = xdup(name);
	return p;
}

/* A small document: one department-year with n_projects projects of
 * n_ind indicators each; the first project's annual total is `total`. */
static void
small_doc(struct jx_doc *d, const char *code, const char *name, int year,
	  int n_projects, int n_ind, struct jx_amount total)
{
	jx_doc_init(d);
	d->dept_code = xdup(code);
	d->dept_name = xdup(name);
	d->year = year;
	for (int i = 0; i < n_projects; i++) {
		char pname[64];
		struct jx_project *p;

		snprintf(pname, sizeof pname, "项目%d", i + 1);
		p = add_project(d, NULL, pname);
		p->annual_total = i == 0 ? total : NO_MONEY;
		for (int k = 0; k < n_ind; k++) {
			char iname[64];
			snprintf(iname, sizeof iname, "指标%d-%d", i + 1, k + 1);
			add_indicator(p, "产出指标", "数量指标", iname, NULL,
				      "≥1个", NULL);
		}
	}
}

/*
 * Every field set somewhere, with Chinese text, line breaks and quotes;
 * money present, absent and zero; checkpoints with and without a percent;
 * a project without indicators; sub-goals with and without their optional
 * fields. 3 projects, 5 indicators.
 */
static void
rich_doc(struct jx_doc *d)
{
	struct jx_project *p;

	jx_doc_init(d);
	d->dept_code = xdup("930001");
	d->dept_name = xdup("大连市测试财政局");
	d->dept_competent = xdup("大连市人民政府");
	d->year = 2025;
	d->framework = xdup("部门整体支出绩效目标表（2025版）");
	d->source = xdup("rich-source.pdf");
	d->note = xdup("第一行说明\n第二行：含“引号”、'单引号' 和 \"双引号\"");
	d->goals = xdup("1、加强预算绩效管理。\n2、提高资金使用效益。");
	d->measures = xdup("健全制度，强化监督。");
	add_subgoal(d, "（一）预算管理", "全面实施预算绩效管理",
		    "绩效目标覆盖率≥95%");
	add_subgoal(d, "（二）其他工作", NULL, NULL);

	p = add_project(d, "21020025P000000001", "社区工作者工资及附加");
	p->title = xdup("社区工作者工资及附加项目绩效目标表");
	p->competent = xdup("大连市测试财政局");
	p->unit = xdup("七贤岭街道办事处");
	p->attribute = xdup("延续项目");
	p->category = xdup("其他运转类");
	p->period = xdup("2025年1月至2025年12月");
	p->period_total = yuan(16610000);
	p->period_fiscal = yuan(16610000);
	p->period_other = yuan(0);
	p->annual_total = yuan(16610000);
	p->annual_fiscal = yuan(16000000);
	p->annual_other = yuan(610000);
	p->purpose = xdup("发放社区工作者工资、保险、公积金");
	p->period_goal = xdup("每200户社区居民配备1人。");
	p->annual_goal = xdup("完成发放社区工作者工资。\n按月足额发放。");
	p->goal = xdup("保障基层治理");
	p->note = xdup("单位：元");
	add_checkpoint(p, "3月底", "25.00%");
	add_checkpoint(p, "6月底", NULL);
	add_checkpoint(p, "第三季度", "75%");
	add_checkpoint(p, "12月底", "100%");
	add_indicator(p, "产出指标", "数量指标", "社区工作人员人数",
		      "按标准配备", "≤122人", "《大连市社区规范化建设标准》");
	add_indicator(p, "产出指标", "成本指标", "人均经费", NULL, "≤6万元",
		      NULL);
	add_indicator(p, "产出指标", "时效指标", "工资发放时间", "按月发放",
		      "12月底前", "财政要求");
	add_indicator(p, "满意度指标", "服务对象满意度指标", "群众满意度",
		      "问卷调查", "≥90%", "往年数据");

	p = add_project(d, NULL, "社区办公经费");
	add_indicator(p, "效益指标", "社会效益指标", "提高基层社会治理水平",
		      NULL, "提高", NULL);

	p = add_project(d, "21020025P000000003", "社区 修缮项目");
	p->annual_total = yuan(0);
	add_checkpoint(p, "12月底", NULL);
}

/* ---- comparing documents ---------------------------------------------- */

static void
same_str(const char *a, const char *b, const char *where, const char *field)
{
	if (!a && !b)
		return;
	if (!a || !b || strcmp(a, b) != 0)
		fail_msg("%s %s: expected %s%s%s, got %s%s%s", where, field,
			 a ? "\"" : "", a ? a : "NULL", a ? "\"" : "",
			 b ? "\"" : "", b ? b : "NULL", b ? "\"" : "");
}

static void
same_amount(struct jx_amount a, struct jx_amount b, const char *where,
	    const char *field)
{
	if (a.present != b.present || (a.present && a.yuan != b.yuan))
		fail_msg("%s %s: expected %s%" PRId64 ", got %s%" PRId64,
			 where, field, a.present ? "" : "absent ",
			 a.yuan, b.present ? "" : "absent ", b.yuan);
}

#define SAME_S(a, b, where, f) same_str((a)->f, (b)->f, where, #f)
#define SAME_M(a, b, where, f) same_amount((a)->f, (b)->f, where, #f)

static void
assert_project_equal(const struct jx_project *a, const struct jx_project *b,
		     const char *where)
{
	char w[128];

	SAME_S(a, b, where, code);
	SAME_S(a, b, where, name);
	SAME_S(a, b, where, title);
	SAME_S(a, b, where, competent);
	SAME_S(a, b, where, unit);
	SAME_S(a, b, where, attribute);
	SAME_S(a, b, where, category);
	SAME_S(a, b, where, period);
	SAME_M(a, b, where, period_total);
	SAME_M(a, b, where, period_fiscal);
	SAME_M(a, b, where, period_other);
	SAME_M(a, b, where, annual_total);
	SAME_M(a, b, where, annual_fiscal);
	SAME_M(a, b, where, annual_other);
	SAME_S(a, b, where, purpose);
	SAME_S(a, b, where, period_goal);
	SAME_S(a, b, where, annual_goal);
	SAME_S(a, b, where, goal);
	SAME_S(a, b, where, note);
	assert_int_equal(a->n_plan, b->n_plan);
	for (size_t i = 0; i < a->n_plan; i++) {
		snprintf(w, sizeof w, "%s checkpoint %zu", where, i + 1);
		SAME_S(&a->plan[i], &b->plan[i], w, label);
		SAME_S(&a->plan[i], &b->plan[i], w, percent);
	}
	assert_int_equal(a->n_indicators, b->n_indicators);
	for (size_t i = 0; i < a->n_indicators; i++) {
		const struct jx_indicator *x = &a->indicators[i];
		const struct jx_indicator *y = &b->indicators[i];
		snprintf(w, sizeof w, "%s indicator %zu", where, i + 1);
		SAME_S(x, y, w, level1);
		SAME_S(x, y, w, level2);
		SAME_S(x, y, w, name);
		SAME_S(x, y, w, description);
		SAME_S(x, y, w, target);
		SAME_S(x, y, w, basis);
	}
}

static void
assert_head_equal(const struct jx_doc *a, const struct jx_doc *b)
{
	SAME_S(a, b, "doc", dept_code);
	SAME_S(a, b, "doc", dept_name);
	SAME_S(a, b, "doc", dept_competent);
	assert_int_equal(a->year, b->year);
	SAME_S(a, b, "doc", framework);
	SAME_S(a, b, "doc", source);
	SAME_S(a, b, "doc", note);
	SAME_S(a, b, "doc", goals);
	SAME_S(a, b, "doc", measures);
}

static void
assert_doc_equal(const struct jx_doc *a, const struct jx_doc *b)
{
	char w[64];

	assert_head_equal(a, b);
	assert_int_equal(a->n_subgoals, b->n_subgoals);
	for (size_t i = 0; i < a->n_subgoals; i++) {
		snprintf(w, sizeof w, "subgoal %zu", i + 1);
		SAME_S(&a->subgoals[i], &b->subgoals[i], w, title);
		SAME_S(&a->subgoals[i], &b->subgoals[i], w, goal);
		SAME_S(&a->subgoals[i], &b->subgoals[i], w, indicator);
	}
	assert_int_equal(a->n_projects, b->n_projects);
	for (size_t i = 0; i < a->n_projects; i++) {
		snprintf(w, sizeof w, "project %zu", i + 1);
		assert_project_equal(&a->projects[i], &b->projects[i], w);
	}
}

/* ---- writing and reading through the store ---------------------------- */

/* Puts one document in its own transaction; returns put_doc's status (the
 * transaction is rolled back when it fails). */
static enum jx_status
put_one(struct jx_store *st, const struct jx_doc *doc, bool replace,
	const char *origin, struct jx_import_counts *counts,
	struct jx_error *err)
{
	enum jx_status rc;

	jx_error_clear(err);
	assert_int_equal(jx_store_begin(st, err), JX_OK);
	rc = jx_store_put_doc(st, doc, replace, origin, counts, err);
	if (rc != JX_OK) {
		jx_store_rollback(st);
		return rc;
	}
	if (jx_store_commit(st, err) != JX_OK)
		fail_msg("commit: %s", err->message);
	return JX_OK;
}

static void
put_ok(struct jx_store *st, const struct jx_doc *doc, const char *origin)
{
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;

	if (put_one(st, doc, false, origin, &counts, &err) != JX_OK)
		fail_msg("put %s: %s", origin, err.message);
}

/* A snapshot of jx_store_years. */
#define MAX_YEARS 16
struct year_snap {
	int64_t id, department_id, projects, indicators;
	int year;
	struct jx_amount total;
	char code[32];
	char name[256];
};
struct years {
	struct year_snap rows[MAX_YEARS];
	int n;
};

static int
collect_year(void *ctx, const struct jx_year_row *row)
{
	struct years *y = ctx;
	struct year_snap *s;

	assert_true(y->n < MAX_YEARS);
	s = &y->rows[y->n++];
	s->id = row->id;
	s->department_id = row->department_id;
	s->projects = row->projects;
	s->indicators = row->indicators;
	s->year = row->year;
	s->total = row->total;
	snprintf(s->code, sizeof s->code, "%s", row->dept_code ? row->dept_code
							       : "");
	snprintf(s->name, sizeof s->name, "%s", row->dept_name ? row->dept_name
						       : "");
	return 0;
}

static void
get_years(struct jx_store *st, int64_t dept_id, struct years *y)
{
	struct jx_error err;

	memset(y, 0, sizeof *y);
	jx_error_clear(&err);
	if (jx_store_years(st, dept_id, collect_year, y, &err) != JX_OK)
		fail_msg("years: %s", err.message);
}

static void
assert_years_equal(const struct years *a, const struct years *b)
{
	assert_int_equal(a->n, b->n);
	for (int i = 0; i < a->n; i++) {
		const struct year_snap *x = &a->rows[i], *y = &b->rows[i];
		assert_int_equal(x->id, y->id);
		assert_int_equal(x->department_id, y->department_id);
		assert_int_equal(x->year, y->year);
		assert_int_equal(x->projects, y->projects);
		assert_int_equal(x->indicators, y->indicators);
		same_amount(x->total, y->total, x->name, "total");
		assert_string_equal(x->code, y->code);
		assert_string_equal(x->name, y->name);
	}
}

static int64_t
find_dept(struct jx_store *st, const char *what)
{
	struct jx_error err;
	int64_t id = -1;

	jx_error_clear(&err);
	if (jx_store_find_department(st, what, &id, &err) != JX_OK)
		fail_msg("find department '%s': %s", what, err.message);
	assert_true(id > 0);
	return id;
}

static int64_t
find_year(struct jx_store *st, int64_t dept, int year)
{
	struct jx_error err;
	int64_t id = -1;

	jx_error_clear(&err);
	if (jx_store_find_year(st, dept, year, &id, &err) != JX_OK)
		fail_msg("find year %d: %s", year, err.message);
	assert_true(id > 0);
	return id;
}

static int64_t
find_project(struct jx_store *st, int64_t year_id, const char *what)
{
	struct jx_error err;
	int64_t id = -1;

	jx_error_clear(&err);
	if (jx_store_find_project(st, year_id, what, &id, &err) != JX_OK)
		fail_msg("find project '%s': %s", what, err.message);
	assert_true(id > 0);
	return id;
}

/* ---- opening ---------------------------------------------------------- */

static void
test_open_create_new(void **state)
{
	char path[PATH_SIZE], mode[32];
	struct jx_store *st;
	sqlite3 *db;

	(void)state;
	tpath(path, "new.db");
	remove_db(path);
	st = open_store(path, JX_OPEN_CREATE);
	assert_true(file_exists(path));
	assert_false(jx_store_readonly(st));
	assert_string_equal(jx_store_path(st), path);
	assert_int_equal(jx_store_schema_version(), JX_SCHEMA_VERSION);
	/* foreign_keys belongs to the connection: ask the store's own. */
	assert_int_equal(q_int(st->db, "PRAGMA foreign_keys"), 1);

	/* The file, as any other program sees it. */
	db = raw_open(path, SQLITE_OPEN_READONLY);
	assert_int_equal(q_int(db, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(q_int(db, "PRAGMA application_id"), 0x4A58494F);
	q_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(q_int(db, "SELECT count(*) FROM sqlite_schema"
			       " WHERE type = 'table' AND name IN ('department',"
			       " 'dept_year', 'subgoal', 'project', 'checkpoint',"
			       " 'indicator', 'change_log', 'project_link')"), 8);
	sqlite3_close(db);
	jx_store_close(st);

	/* Opened again: nothing to migrate, still the same version. */
	st = open_store(path, JX_OPEN_WRITE);
	assert_int_equal(q_int(st->db, "PRAGMA user_version"),
			 JX_SCHEMA_VERSION);
	assert_int_equal(q_int(st->db, "PRAGMA foreign_keys"), 1);
	close_store(st, path);
}

static void
test_open_missing(void **state)
{
	static const enum jx_open_mode modes[] = { JX_OPEN_WRITE,
						   JX_OPEN_READONLY };
	char path[PATH_SIZE];

	(void)state;
	tpath(path, "missing.db");
	remove_db(path);
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		struct jx_store dummy, *st = &dummy;
		struct jx_error err;

		jx_error_clear(&err);
		assert_int_equal(jx_store_open(path, modes[i], &st, &err),
				 JX_NOTFOUND);
		assert_null(st);
		assert_int_equal(err.status, JX_NOTFOUND);
		assert_contains(err.message, path);
		assert_false(file_exists(path));
		assert_no_side_files(path);
	}
}

static void
test_open_directory(void **state)
{
	static const enum jx_open_mode modes[] = {
		JX_OPEN_CREATE, JX_OPEN_WRITE, JX_OPEN_READONLY };
	char path[PATH_SIZE];

	(void)state;
	tpath(path, "a-directory");
	assert_int_equal(mkdir(path, 0700), 0);
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		struct jx_store *st = NULL;
		struct jx_error err;

		jx_error_clear(&err);
		assert_int_equal(jx_store_open(path, modes[i], &st, &err),
				 JX_IO);
		assert_null(st);
		assert_contains(err.message, "directory");
	}
	assert_int_equal(rmdir(path), 0);
}

/* Opens path in every mode, expecting `want` each time and the file
 * unchanged (same bytes, no side files). */
static void
refused_unchanged(const char *path, enum jx_status want, const char *says)
{
	static const enum jx_open_mode modes[] = {
		JX_OPEN_CREATE, JX_OPEN_WRITE, JX_OPEN_READONLY };
	size_t len;
	unsigned char *before = read_bytes(path, &len);

	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		struct jx_store *st = NULL;
		struct jx_error err;
		enum jx_status rc;

		jx_error_clear(&err);
		rc = jx_store_open(path, modes[i], &st, &err);
		if (rc != want)
			fail_msg("mode %d: expected %s, got %s: %s",
				 (int)modes[i], jx_status_text(want),
				 jx_status_text(rc), err.message);
		assert_null(st);
		assert_contains(err.message, path);
		if (says)
			assert_contains(err.message, says);
		assert_same_bytes(before, len, path);
		assert_no_side_files(path);
	}
	free(before);
}

static void
test_open_text_file(void **state)
{
	static const char text[] =
		"format: jixiao/1\ndepartment:\n  name: 不是数据库\n";
	char path[PATH_SIZE];

	(void)state;
	tpath(path, "text.yaml");
	write_file(path, text, sizeof text - 1);
	refused_unchanged(path, JX_NOTDB, "not an SQLite database");
	remove_db(path);

	/* Shorter than SQLite's 16-byte magic. */
	write_file(path, "hi\n", 3);
	refused_unchanged(path, JX_NOTDB, "not an SQLite database");
	remove_db(path);
}

static void
test_open_empty_file(void **state)
{
	static const enum jx_open_mode modes[] = { JX_OPEN_CREATE,
						   JX_OPEN_WRITE };
	char path[PATH_SIZE];

	(void)state;
	tpath(path, "empty.db");
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		struct jx_store *st;
		sqlite3 *db;

		remove_db(path);
		write_file(path, "", 0);
		st = open_store(path, modes[i]);
		jx_store_close(st);
		db = raw_open(path, SQLITE_OPEN_READONLY);
		assert_int_equal(q_int(db, "PRAGMA user_version"),
				 JX_SCHEMA_VERSION);
		assert_int_equal(q_int(db, "PRAGMA application_id"),
				 0x4A58494F);
		sqlite3_close(db);
	}
	remove_db(path);

	/* Read-only cannot initialise it: refused, left empty. */
	{
		struct jx_store *st = NULL;
		struct jx_error err;
		size_t len;
		unsigned char *bytes;

		write_file(path, "", 0);
		jx_error_clear(&err);
		assert_int_equal(jx_store_open(path, JX_OPEN_READONLY, &st,
					       &err), JX_NOTDB);
		assert_null(st);
		assert_contains(err.message, "not initialised");
		bytes = read_bytes(path, &len);
		free(bytes);
		assert_int_equal(len, 0);
		remove_db(path);
	}
}

static void
test_open_foreign_sqlite(void **state)
{
	char path[PATH_SIZE];
	sqlite3 *db;

	(void)state;
	tpath(path, "other.db");
	remove_db(path);
	db = raw_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	exec_sql(db, "CREATE TABLE invoice(id INTEGER PRIMARY KEY, amount);"
		     " INSERT INTO invoice(amount) VALUES(42), (43);");
	sqlite3_close(db);
	assert_no_side_files(path);
	refused_unchanged(path, JX_NOTDB, "not a jixiao one");
	remove_db(path);
}

static void
test_open_too_new(void **state)
{
	char path[PATH_SIZE], sql[128];
	sqlite3 *db;

	(void)state;
	tpath(path, "future.db");
	remove_db(path);
	db = raw_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d;"
		 " PRAGMA user_version = 99;", JX_APPLICATION_ID);
	exec_sql(db, sql);
	exec_sql(db, "CREATE TABLE department_v99(id INTEGER PRIMARY KEY);");
	sqlite3_close(db);
	refused_unchanged(path, JX_TOONEW, "newer");
	remove_db(path);
}

static void
test_open_readonly(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct jx_error err;
	struct jx_doc doc;
	struct years y;

	(void)state;
	st = new_store("ro.db", path);
	small_doc(&doc, "100001", "只读测试部门", 2024, 2, 3, yuan(50000));
	put_ok(st, &doc, "ro.yaml");
	jx_doc_free(&doc);
	jx_store_close(st);

	st = open_store(path, JX_OPEN_READONLY);
	assert_true(jx_store_readonly(st));
	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_READONLY);
	assert_int_equal(err.status, JX_READONLY);
	assert_contains(err.message, "read-only");
	/* Reading still works. */
	get_years(st, 0, &y);
	assert_int_equal(y.n, 1);
	assert_int_equal(y.rows[0].projects, 2);
	assert_int_equal(y.rows[0].indicators, 6);
	/* And SQLite itself refuses writes on this handle. */
	assert_int_not_equal(sqlite3_exec(st->db, "DELETE FROM department",
					  NULL, NULL, NULL), SQLITE_OK);
	jx_store_close(st);
	close_store(open_store(path, JX_OPEN_WRITE), path);
}

/* ---- documents -------------------------------------------------------- */

static void
test_put_get_rich(void **state)
{
	char path[PATH_SIZE], sql[256], text[512];
	struct jx_store *st;
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;
	struct jx_doc doc, back, head;
	struct jx_project proj;
	struct years y;
	int64_t dept, year;

	(void)state;
	st = new_store("rich.db", path);
	rich_doc(&doc);
	assert_int_equal(jx_doc_indicator_count(&doc), 5);

	/* Outside a transaction: refused, nothing written. */
	jx_error_clear(&err);
	assert_int_equal(jx_store_put_doc(st, &doc, false, "rich.yaml",
					  &counts, &err), JX_USAGE);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"), 0);

	memset(&counts, 0, sizeof counts);
	if (put_one(st, &doc, false, "rich.yaml", &counts, &err) != JX_OK)
		fail_msg("put: %s", err.message);
	assert_int_equal(counts.departments, 1);
	assert_int_equal(counts.years, 1);
	assert_int_equal(counts.projects, 3);
	assert_int_equal(counts.indicators, 5);

	get_years(st, 0, &y);
	assert_int_equal(y.n, 1);
	assert_int_equal(y.rows[0].year, 2025);
	assert_int_equal(y.rows[0].projects, 3);
	assert_int_equal(y.rows[0].indicators, 5);
	same_amount(yuan(16610000), y.rows[0].total, "year", "total");
	assert_string_equal(y.rows[0].code, "930001");
	assert_string_equal(y.rows[0].name, "大连市测试财政局");

	dept = find_dept(st, "930001");
	assert_int_equal(dept, y.rows[0].department_id);
	year = find_year(st, dept, 2025);
	assert_int_equal(year, y.rows[0].id);

	/* The whole document back, field by field. */
	jx_error_clear(&err);
	if (jx_store_get_doc(st, year, &back, &err) != JX_OK)
		fail_msg("get_doc: %s", err.message);
	assert_doc_equal(&doc, &back);
	jx_doc_free(&back);

	/* The heading alone. */
	assert_int_equal(jx_store_get_year_head(st, year, &head, &err), JX_OK);
	assert_head_equal(&doc, &head);
	assert_int_equal(head.n_projects, 0);
	assert_int_equal(head.n_subgoals, 0);
	jx_doc_free(&head);

	/* One project. */
	assert_int_equal(jx_store_get_project(st, find_project(st, year, "1"),
					      &proj, &err), JX_OK);
	assert_project_equal(&doc.projects[0], &proj, "project 1");
	jx_project_free(&proj);

	/* Ids that are not there. */
	assert_int_equal(jx_store_get_doc(st, year + 1000, &back, &err),
			 JX_NOTFOUND);
	assert_int_equal(back.n_projects, 0);
	assert_null(back.dept_name);
	assert_int_equal(jx_store_get_project(st, 999999, &proj, &err),
			 JX_NOTFOUND);
	assert_null(proj.name);
	assert_int_equal(proj.n_indicators, 0);

	/* The change log: who, what, from where, when. */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM change_log WHERE"
		 " action = 'import' AND tbl = 'dept_year' AND record_id ="
		 " %" PRId64, year);
	assert_int_equal(q_int(st->db, sql), 1);
	snprintf(sql, sizeof sql, "SELECT who FROM change_log WHERE"
		 " action = 'import' AND record_id = %" PRId64, year);
	q_text(st->db, sql, text, sizeof text);
	assert_string_equal(text, TEST_USER);
	snprintf(sql, sizeof sql, "SELECT new FROM change_log WHERE"
		 " action = 'import' AND record_id = %" PRId64, year);
	q_text(st->db, sql, text, sizeof text);
	assert_contains(text, "rich.yaml");
	assert_contains(text, "3 projects, 5 indicators");
	snprintf(sql, sizeof sql, "SELECT at FROM change_log WHERE"
		 " action = 'import' AND record_id = %" PRId64, year);
	q_text(st->db, sql, text, sizeof text);
	assert_string_equal(text, TEST_NOW_ISO);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM change_log WHERE"
		 " action = 'insert' AND tbl = 'department' AND record_id ="
		 " %" PRId64 " AND who = '" TEST_USER "'", dept);
	assert_int_equal(q_int(st->db, sql), 1);

	jx_doc_free(&doc);
	close_store(st, path);
}

/* A project's indicators are added up to JX_INDICATOR_BATCH a statement
 * by an import, and one at a time when ids are asked for (undo): the rows
 * are the same either way, in order, for every count around the batch. */
static void
test_put_batches(void **state)
{
	static const size_t sizes[] = { 1, 2, JX_INDICATOR_BATCH - 1,
					JX_INDICATOR_BATCH,
					JX_INDICATOR_BATCH + 1,
					2 * JX_INDICATOR_BATCH + 1 };
	static const char *const targets[] = {
		"≥90%", "≤5天", "2025年12月31日前", "好", "100万元", "=1套" };
	enum { N = sizeof sizes / sizeof sizes[0] };
	char path[PATH_SIZE], now[32];
	struct jx_store *st = new_store("batches.db", path);
	struct jx_doc doc, back;
	struct jx_error err;
	int64_t year, ids[2 * JX_INDICATOR_BATCH + 1];

	(void)state;
	jx_doc_init(&doc);
	doc.dept_code = xdup("720001");
	doc.dept_name = xdup("批量测试单位");
	doc.year = 2025;
	for (size_t i = 0; i < N; i++) {
		char name[64];
		struct jx_project *p;

		snprintf(name, sizeof name, "项目%zu", i + 1);
		p = add_project(&doc, NULL, name);
		for (size_t k = 0; k < sizes[i]; k++) {
			snprintf(name, sizeof name, "指标%zu-%zu", i + 1, k + 1);
			add_indicator(p, "产出指标", "数量指标", name,
				      k % 3 ? NULL : "说明", targets[k % 6],
				      k % 2 ? "依据" : NULL);
		}
	}
	put_ok(st, &doc, "batches.yaml");
	year = find_year(st, find_dept(st, "720001"), 2025);
	jx_error_clear(&err);
	if (jx_store_get_doc(st, year, &back, &err) != JX_OK)
		fail_msg("get_doc: %s", err.message);
	assert_doc_equal(&doc, &back);
	jx_doc_free(&back);
	/* New ids in the order of the rows. */
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator a JOIN"
			       " indicator b ON b.project_id = a.project_id"
			       " AND b.id > a.id AND b.seq < a.seq"), 0);

	/* The same projects again, one indicator at a time. */
	jx_store_now(now);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	assert_int_equal(jx_store_will_add_indicators(st, &err), JX_OK);
	for (size_t i = 0; i < N; i++)
		if (jx_put_project(st, &doc.projects[i], year, 100 + (int64_t)i,
				   now, 0, NULL, NULL, ids, &err) != JX_OK)
			fail_msg("put_project: %s", err.message);
	assert_int_equal(jx_store_commit(st, &err), JX_OK);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM ("
		"SELECT p.seq % 100, i.seq, level1, level2, i.name, description,"
		" target, basis, t_kind, t_cmp, t_value, t_unit, t_year,"
		" t_month, t_day, t_word, t_warn, i.version, i.created_at,"
		" i.updated_at FROM indicator i JOIN project p"
		" ON p.id = i.project_id WHERE p.seq < 100 EXCEPT "
		"SELECT p.seq % 100 + 1, i.seq, level1, level2, i.name,"
		" description, target, basis, t_kind, t_cmp, t_value, t_unit,"
		" t_year, t_month, t_day, t_word, t_warn, i.version,"
		" i.created_at, i.updated_at FROM indicator i JOIN project p"
		" ON p.id = i.project_id WHERE p.seq >= 100)"), 0);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator"),
			 2 * jx_doc_indicator_count(&doc));
	exec_sql(st->db, "INSERT INTO indicator_fts(indicator_fts, rank)"
		 " VALUES ('integrity-check', 1)");
	jx_doc_free(&doc);
	close_store(st, path);
}

static void
test_parsed_targets(void **state)
{
	char path[PATH_SIZE], text[64];
	struct jx_store *st;
	struct jx_doc doc;

	(void)state;
	st = new_store("targets.db", path);
	rich_doc(&doc);
	put_ok(st, &doc, "rich.yaml");
	jx_doc_free(&doc);

	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator"
			       " WHERE target = '≥90%'"), 1);
	assert_int_equal(q_int(st->db, "SELECT t_kind FROM indicator"
			       " WHERE target = '≥90%'"), JX_TK_NUMBER);
	assert_int_equal(q_int(st->db, "SELECT t_cmp FROM indicator"
			       " WHERE target = '≥90%'"), JX_CMP_GE);
	assert_int_equal(q_int(st->db, "SELECT t_value FROM indicator"
			       " WHERE target = '≥90%'"), 900000);
	q_text(st->db, "SELECT t_unit FROM indicator WHERE target = '≥90%'",
	       text, sizeof text);
	assert_string_equal(text, "%");
	assert_int_equal(q_int(st->db, "SELECT t_warn FROM indicator"
			       " WHERE target = '≥90%'"), 0);

	assert_int_equal(q_int(st->db, "SELECT t_cmp FROM indicator"
			       " WHERE target = '≤6万元'"), JX_CMP_LE);
	assert_int_equal(q_int(st->db, "SELECT t_value FROM indicator"
			       " WHERE target = '≤6万元'"), 60000);
	q_text(st->db, "SELECT t_unit FROM indicator WHERE target = '≤6万元'",
	       text, sizeof text);
	assert_string_equal(text, "万元");

	/* A deadline: month kept, no number. */
	assert_int_equal(q_int(st->db, "SELECT t_kind FROM indicator"
			       " WHERE target = '12月底前'"), JX_TK_DEADLINE);
	assert_int_equal(q_int(st->db, "SELECT t_month FROM indicator"
			       " WHERE target = '12月底前'"), 12);
	assert_int_equal(q_int(st->db, "SELECT t_value IS NULL FROM indicator"
			       " WHERE target = '12月底前'"), 1);

	/* A qualitative word. */
	assert_int_equal(q_int(st->db, "SELECT t_kind FROM indicator"
			       " WHERE target = '提高'"), JX_TK_QUALITATIVE);
	q_text(st->db, "SELECT t_word FROM indicator WHERE target = '提高'",
	       text, sizeof text);
	assert_string_equal(text, "提高");
	close_store(st, path);
}

static void
test_department_by_name_key(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;
	struct jx_doc a, b, c;
	struct years y;

	(void)state;
	st = new_store("namekey.db", path);
	/* No code; the second year writes the name with spaces (an ASCII one
	 * and U+3000), as a PDF extraction would. */
	small_doc(&a, NULL, "七贤岭街道办事处", 2025, 1, 1, yuan(100));
	small_doc(&b, NULL, "七贤岭 街道　办事处", 2026, 2, 1, yuan(200));
	assert_int_equal(put_one(st, &a, false, "a", &counts, &err), JX_OK);
	assert_int_equal(counts.departments, 1);
	assert_int_equal(put_one(st, &b, false, "b", &counts, &err), JX_OK);
	assert_int_equal(counts.departments, 1);   /* matched, not created */
	assert_int_equal(counts.years, 2);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"), 1);
	get_years(st, 0, &y);
	assert_int_equal(y.n, 2);
	assert_int_equal(y.rows[0].department_id, y.rows[1].department_id);
	assert_int_equal(y.rows[0].year, 2025);
	assert_int_equal(y.rows[1].year, 2026);
	/* The first spelling is the department's name. */
	assert_string_equal(y.rows[1].name, "七贤岭街道办事处");

	/* Same name with a code: a different department. */
	small_doc(&c, "210001", "七贤岭街道办事处", 2026, 1, 1, NO_MONEY);
	assert_int_equal(put_one(st, &c, false, "c", &counts, &err), JX_OK);
	assert_int_equal(counts.departments, 2);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"), 2);

	jx_doc_free(&a);
	jx_doc_free(&b);
	jx_doc_free(&c);
	close_store(st, path);
}

static void
test_put_exists_and_replace(void **state)
{
	char path[PATH_SIZE], text[256];
	struct jx_store *st;
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;
	struct jx_doc doc, repl, back;
	struct years before, after;
	int64_t year, dept;
	int64_t id = 0;

	(void)state;
	st = new_store("replace.db", path);
	rich_doc(&doc);
	put_ok(st, &doc, "rich.yaml");
	get_years(st, 0, &before);

	/* The same department-year again. */
	assert_int_equal(put_one(st, &doc, false, "again.yaml", &counts, &err),
			 JX_EXISTS);
	assert_int_equal(err.status, JX_EXISTS);
	assert_contains(err.message, "--replace");
	assert_contains(err.message, "大连市测试财政局");
	assert_contains(err.message, "2025");
	get_years(st, 0, &after);
	assert_years_equal(&before, &after);

	/* Replaced whole. */
	dept = find_dept(st, "930001");
	year = find_year(st, dept, 2025);
	small_doc(&repl, "930001", "大连市测试财政局", 2025, 1, 2, yuan(7));
	free(repl.projects[0].name);
	repl.projects[0].name = xdup("替换后的项目");
	/* The department's own fields stay the department's. */
	repl.dept_competent = xdup("大连市人民政府");
	memset(&counts, 0, sizeof counts);
	if (put_one(st, &repl, true, "new.yaml", &counts, &err) != JX_OK)
		fail_msg("replace: %s", err.message);
	assert_int_equal(counts.departments, 0);
	assert_int_equal(counts.years, 1);
	assert_int_equal(counts.projects, 1);
	assert_int_equal(counts.indicators, 2);

	get_years(st, 0, &after);
	assert_int_equal(after.n, 1);
	assert_int_equal(after.rows[0].projects, 1);
	assert_int_equal(after.rows[0].indicators, 2);
	same_amount(yuan(7), after.rows[0].total, "replaced", "total");
	year = find_year(st, dept, 2025);
	assert_int_equal(jx_store_get_doc(st, year, &back, &err), JX_OK);
	assert_doc_equal(&repl, &back);
	jx_doc_free(&back);

	/* The old projects, their plans and indicators are gone. */
	assert_int_equal(jx_store_find_project(st, year, "社区工作者工资及附加",
					       &id, &err), JX_NOTFOUND);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM project"), 1);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM project WHERE"
			       " name IN ('社区工作者工资及附加', '社区办公经费',"
			       " '社区 修缮项目')"), 0);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator"), 2);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM checkpoint"), 0);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM subgoal"), 0);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator WHERE"
			       " project_id NOT IN (SELECT id FROM project)"),
			 0);

	/* Logged: the deletion (with what was there) and the replacement. */
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM change_log"
			       " WHERE action = 'delete' AND tbl = 'dept_year'"),
			 1);
	q_text(st->db, "SELECT old FROM change_log WHERE action = 'delete'",
	       text, sizeof text);
	assert_contains(text, "3 projects, 5 indicators");
	q_text(st->db, "SELECT who FROM change_log WHERE action = 'delete'",
	       text, sizeof text);
	assert_string_equal(text, TEST_USER);
	q_text(st->db, "SELECT new FROM change_log WHERE action = 'replace'",
	       text, sizeof text);
	assert_contains(text, "new.yaml");

	jx_doc_free(&doc);
	jx_doc_free(&repl);
	close_store(st, path);
}

static void
test_rollback_after_failed_put(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;
	struct jx_doc first, fresh, bad;
	struct years before, after;
	int64_t logs, depts;
	int64_t id = 0;

	(void)state;
	st = new_store("rollback.db", path);
	small_doc(&first, "300001", "已有部门", 2024, 2, 2, yuan(1000));
	put_ok(st, &first, "first.yaml");
	get_years(st, 0, &before);
	logs = q_int(st->db, "SELECT count(*) FROM change_log");
	depts = q_int(st->db, "SELECT count(*) FROM department");

	/* One transaction: a new department-year (fine), then a duplicate
	 * (refused). The caller rolls back: neither is kept. */
	small_doc(&fresh, "300002", "新部门", 2024, 3, 4, yuan(5));
	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &fresh, false, "fresh.yaml",
					  &counts, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &first, false, "first.yaml",
					  &counts, &err), JX_EXISTS);
	/* Counts include what would have been written. */
	assert_int_equal(counts.years, 2);
	assert_int_equal(counts.projects, 5);
	assert_int_equal(counts.indicators, 16);
	jx_store_rollback(st);

	get_years(st, 0, &after);
	assert_years_equal(&before, &after);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM change_log"),
			 logs);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"),
			 depts);
	assert_int_equal(jx_store_find_department(st, "300002", &id, &err),
			 JX_NOTFOUND);

	/* A failure inside SQLite (year out of the CHECK range) also leaves
	 * nothing after rollback, and the handle is usable afterwards. */
	small_doc(&bad, "300003", "坏年份部门", 1800, 1, 1, NO_MONEY);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &fresh, false, "fresh.yaml",
					  &counts, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &bad, false, "bad.yaml",
					  &counts, &err), JX_DB);
	jx_store_rollback(st);
	get_years(st, 0, &after);
	assert_years_equal(&before, &after);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"),
			 depts);

	put_ok(st, &fresh, "fresh.yaml");
	get_years(st, 0, &after);
	assert_int_equal(after.n, before.n + 1);

	jx_doc_free(&first);
	jx_doc_free(&fresh);
	jx_doc_free(&bad);
	close_store(st, path);
}

/* ---- windows ---------------------------------------------------------- */

#define MAX_ROWS 64
struct seen {
	int64_t ids[MAX_ROWS];
	int64_t seqs[MAX_ROWS];
	char names[MAX_ROWS][128];
	char extra[MAX_ROWS][128];
	char codes[MAX_ROWS][64];   /* departments and projects ("" if none) */
	int n;
	int stop_at;   /* stop after this many rows (0 = never) */
};

static int
seen_add(struct seen *s, int64_t id, int64_t seq, const char *name,
	 const char *extra)
{
	assert_true(s->n < MAX_ROWS);
	s->ids[s->n] = id;
	s->seqs[s->n] = seq;
	snprintf(s->names[s->n], sizeof s->names[0], "%s", name ? name : "");
	snprintf(s->extra[s->n], sizeof s->extra[0], "%s", extra ? extra : "");
	s->n++;
	return s->stop_at && s->n >= s->stop_at;
}

static void
seen_code(struct seen *s, const char *code)
{
	snprintf(s->codes[s->n - 1], sizeof s->codes[0], "%s",
		 code ? code : "");
}

static int
on_dept(void *ctx, const struct jx_dept_row *row)
{
	int stop = seen_add(ctx, row->id, 0, row->name, row->years);
	seen_code(ctx, row->code);
	return stop;
}

static int
on_project(void *ctx, const struct jx_project_row *row)
{
	char extra[128];
	int stop;

	snprintf(extra, sizeof extra, "%s|%" PRId64 "|%s%" PRId64,
		 row->code ? row->code : "-", row->indicators,
		 row->annual_total.present ? "" : "absent ",
		 row->annual_total.yuan);
	stop = seen_add(ctx, row->id, row->seq, row->name, extra);
	seen_code(ctx, row->code);
	return stop;
}

static int
on_indicator(void *ctx, const struct jx_indicator_row *row)
{
	char extra[128];
	snprintf(extra, sizeof extra, "%s|%s|%s|%s|%s", row->level1,
		 row->level2, row->target, row->description ? row->description
							     : "-",
		 row->basis ? row->basis : "-");
	return seen_add(ctx, row->id, row->seq, row->name, extra);
}

enum list_kind { LIST_DEPT, LIST_PROJECT, LIST_INDICATOR };

static int
list_window(struct jx_store *st, enum list_kind kind, int64_t parent,
	    struct jx_key *key, int limit, struct seen *s)
{
	struct jx_error err;
	enum jx_status rc;
	int n = -1;

	jx_error_clear(&err);
	switch (kind) {
	case LIST_DEPT:
		rc = jx_store_departments(st, key, limit, on_dept, s, &n, &err);
		break;
	case LIST_PROJECT:
		rc = jx_store_projects(st, parent, key, limit, on_project, s,
				       &n, &err);
		break;
	default:
		rc = jx_store_indicators(st, parent, key, limit, on_indicator,
					 s, &n, &err);
		break;
	}
	if (rc != JX_OK)
		fail_msg("listing: %s", err.message);
	assert_true(n >= 0 && n <= limit);
	return n;
}

/* Pages through everything with windows of `limit`, stopping on the first
 * short window; checks each window's size. */
static void
page_all(struct jx_store *st, enum list_kind kind, int64_t parent,
	 int limit, int total, struct seen *s)
{
	struct jx_key key;
	int calls = 0, n;

	memset(s, 0, sizeof *s);
	jx_key_first(&key);
	do {
		int had = s->n;
		n = list_window(st, kind, parent, &key, limit, s);
		assert_int_equal(s->n - had, n);
		/* Full windows until the rows run out. */
		assert_int_equal(n, total - had < limit ? total - had : limit);
		calls++;
	} while (n == limit);
	jx_key_free(&key);
	assert_int_equal(s->n, total);
	assert_int_equal(calls, total / limit + 1);
}

static void
assert_all_distinct(const struct seen *s)
{
	for (int i = 0; i < s->n; i++)
		for (int k = i + 1; k < s->n; k++)
			if (s->ids[i] == s->ids[k])
				fail_msg("row %" PRId64 " listed twice",
					 s->ids[i]);
}

/* Five departments (two of them with the same name, so the key's id breaks
 * the tie), inserted out of order; one with two years. */
static void
fill_window_db(struct jx_store *st)
{
	static const struct {
		const char *code, *name;
		int year, projects, indicators;
	} depts[] = {
		{ "500005", "戊部门", 2024, 0, 0 },
		{ "500002", "同名部门", 2024, 1, 1 },
		{ "500001", "乙部门", 2023, 5, 1 },
		{ "500004", "同名部门", 2024, 0, 0 },
		{ "500003", "丙部门", 2024, 2, 0 },
		{ "500001", "乙部门", 2021, 0, 0 },
	};
	for (size_t i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		struct jx_doc d;
		small_doc(&d, depts[i].code, depts[i].name, depts[i].year,
			  depts[i].projects, depts[i].indicators,
			  i == 2 ? yuan(123) : NO_MONEY);
		if (i == 2) {
			/* The first project gets 7 indicators with all
			 * fields, the fourth a code. */
			struct jx_project *p = &d.projects[0];
			jx_indicator_free(&p->indicators[0]);
			p->n_indicators = 0;
			for (int k = 0; k < 7; k++) {
				char name[32], target[32];
				snprintf(name, sizeof name, "第%d个指标", k + 1);
				snprintf(target, sizeof target, "≥%d%%",
					 90 + k);
				add_indicator(p, "产出指标", "质量指标", name,
					      k % 2 ? "描述" : NULL, target,
					      k % 2 ? NULL : "依据");
			}
			d.projects[3].code = xdup("P-0004");
		}
		put_ok(st, &d, depts[i].code);
		jx_doc_free(&d);
	}
}

static void
test_window_departments(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all, stop;
	struct jx_key key;
	int n;

	(void)state;
	st = new_store("windows-d.db", path);
	fill_window_db(st);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM department"), 5);

	for (int limit = 1; limit <= 6; limit++) {
		page_all(st, LIST_DEPT, 0, limit, 5, &all);
		assert_all_distinct(&all);
		/* In order of (name, id). */
		for (int i = 1; i < all.n; i++) {
			int c = strcmp(all.names[i - 1], all.names[i]);
			assert_true(c < 0 || (c == 0 &&
					      all.ids[i - 1] < all.ids[i]));
		}
	}
	/* The years of each department, ascending. */
	page_all(st, LIST_DEPT, 0, 2, 5, &all);
	for (int i = 0; i < all.n; i++) {
		if (strcmp(all.names[i], "乙部门") == 0)
			assert_string_equal(all.extra[i], "2021,2023");
		else if (strcmp(all.names[i], "丙部门") == 0)
			assert_string_equal(all.extra[i], "2024");
	}

	/* A callback returning non-zero stops the window early; the key is
	 * past the last row given, so the next window goes on from there. */
	memset(&stop, 0, sizeof stop);
	stop.stop_at = 2;
	jx_key_first(&key);
	n = list_window(st, LIST_DEPT, 0, &key, 5, &stop);
	assert_int_equal(n, 2);
	assert_int_equal(stop.n, 2);
	stop.stop_at = 0;
	n = list_window(st, LIST_DEPT, 0, &key, 5, &stop);
	assert_int_equal(n, 3);
	jx_key_free(&key);
	assert_int_equal(stop.n, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(stop.ids[i], all.ids[i]);
	close_store(st, path);
}

static void
test_window_projects_indicators(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all, stop;
	struct jx_key key;
	int64_t year, project, other;
	int n;

	(void)state;
	st = new_store("windows-p.db", path);
	fill_window_db(st);
	year = find_year(st, find_dept(st, "500001"), 2023);

	for (int limit = 1; limit <= 6; limit++) {
		page_all(st, LIST_PROJECT, year, limit, 5, &all);
		assert_all_distinct(&all);
		for (int i = 0; i < all.n; i++) {
			char want[32];
			assert_int_equal(all.seqs[i], i + 1);
			snprintf(want, sizeof want, "项目%d", i + 1);
			assert_string_equal(all.names[i], want);
		}
	}
	assert_string_equal(all.extra[0], "-|7|123");
	assert_string_equal(all.extra[1], "-|1|absent 0");
	assert_string_equal(all.extra[3], "P-0004|1|absent 0");

	project = all.ids[0];
	for (int limit = 1; limit <= 8; limit++) {
		page_all(st, LIST_INDICATOR, project, limit, 7, &all);
		assert_all_distinct(&all);
		for (int i = 0; i < all.n; i++) {
			char want[32];
			assert_int_equal(all.seqs[i], i + 1);
			snprintf(want, sizeof want, "第%d个指标", i + 1);
			assert_string_equal(all.names[i], want);
		}
	}
	assert_string_equal(all.extra[0], "产出指标|质量指标|≥90%|-|依据");
	assert_string_equal(all.extra[1], "产出指标|质量指标|≥91%|描述|-");

	/* An early stop, then the rest. */
	memset(&stop, 0, sizeof stop);
	stop.stop_at = 1;
	jx_key_first(&key);
	n = list_window(st, LIST_INDICATOR, project, &key, 4, &stop);
	assert_int_equal(n, 1);
	stop.stop_at = 0;
	n = list_window(st, LIST_INDICATOR, project, &key, 4, &stop);
	assert_int_equal(n, 4);
	n = list_window(st, LIST_INDICATOR, project, &key, 4, &stop);
	assert_int_equal(n, 2);
	n = list_window(st, LIST_INDICATOR, project, &key, 4, &stop);
	assert_int_equal(n, 0);
	jx_key_free(&key);
	assert_int_equal(stop.n, 7);
	for (int i = 0; i < 7; i++)
		assert_int_equal(stop.ids[i], all.ids[i]);

	memset(&stop, 0, sizeof stop);
	stop.stop_at = 3;
	jx_key_first(&key);
	n = list_window(st, LIST_PROJECT, year, &key, 5, &stop);
	assert_int_equal(n, 3);
	stop.stop_at = 0;
	n = list_window(st, LIST_PROJECT, year, &key, 5, &stop);
	assert_int_equal(n, 2);
	jx_key_free(&key);
	assert_int_equal(stop.seqs[3], 4);

	/* Another year's list holds only its own rows; an empty list gives
	 * an empty window. */
	other = find_year(st, find_dept(st, "500003"), 2024);
	page_all(st, LIST_PROJECT, other, 2, 2, &all);
	page_all(st, LIST_INDICATOR, all.ids[0], 2, 0, &all);
	other = find_year(st, find_dept(st, "500005"), 2024);
	page_all(st, LIST_PROJECT, other, 3, 0, &all);
	close_store(st, path);
}

/* ---- windows both ways, filtered windows, ranks and key copies ------- */

static const enum jx_list list_of[] = {
	[LIST_DEPT] = JX_LIST_DEPARTMENTS,
	[LIST_PROJECT] = JX_LIST_PROJECTS,
	[LIST_INDICATOR] = JX_LIST_INDICATORS,
};

static struct jx_window
win(int limit, bool backward, const char *match)
{
	struct jx_window w = { limit, backward, match };
	return w;
}

/* One window through the *_win calls. */
static int
list_win(struct jx_store *st, enum list_kind kind, int64_t parent,
	 struct jx_key *key, const struct jx_window *w, struct seen *s)
{
	struct jx_error err;
	enum jx_status rc;
	int n = -1;

	jx_error_clear(&err);
	switch (kind) {
	case LIST_DEPT:
		rc = jx_store_departments_win(st, key, w, on_dept, s, &n,
					      &err);
		break;
	case LIST_PROJECT:
		rc = jx_store_projects_win(st, parent, key, w, on_project, s,
					   &n, &err);
		break;
	default:
		rc = jx_store_indicators_win(st, parent, key, w, on_indicator,
					     s, &n, &err);
		break;
	}
	if (rc != JX_OK)
		fail_msg("listing: %s", err.message);
	assert_true(n >= 0 && n <= w->limit);
	return n;
}

/* Pages from *key with windows like w until the first short window,
 * expecting `total` rows; checks each window's size. *key is left where
 * the paging ended (the caller frees it). */
static void
page_win(struct jx_store *st, enum list_kind kind, int64_t parent,
	 struct jx_key *key, const struct jx_window *w, int total,
	 struct seen *s)
{
	int calls = 0, n;

	memset(s, 0, sizeof *s);
	do {
		int had = s->n;
		n = list_win(st, kind, parent, key, w, s);
		assert_int_equal(s->n - had, n);
		assert_int_equal(n, total - had < w->limit ? total - had
							   : w->limit);
		calls++;
	} while (n == w->limit);
	assert_int_equal(s->n, total);
	assert_int_equal(calls, total / w->limit + 1);
}

static int64_t
rank_of(struct jx_store *st, enum list_kind kind, int64_t parent,
	const struct jx_key *key)
{
	struct jx_error err;
	int64_t r = -1;

	jx_error_clear(&err);
	if (jx_store_rank(st, list_of[kind], parent, key, &r, &err) != JX_OK)
		fail_msg("rank: %s", err.message);
	return r;
}

/* *key := the key as left by reading rows 1..k forward in one window of
 * k: AT row k (jx_key_first when k is 0). */
static void
key_at(struct jx_store *st, enum list_kind kind, int64_t parent, int k,
       struct jx_key *key)
{
	struct jx_window w = win(k, false, NULL);
	struct seen s;

	jx_key_first(key);
	if (k == 0)
		return;
	memset(&s, 0, sizeof s);
	assert_int_equal(list_win(st, kind, parent, key, &w, &s), k);
	assert_int_equal(s.n, k);
}

/* Backward from jx_key_last in windows of 1..max_limit: every row of the
 * forward list `all` exactly once, nearest (last) first. */
static void
check_backward(struct jx_store *st, enum list_kind kind, int64_t parent,
	       const struct seen *all, int max_limit)
{
	struct seen back;
	struct jx_key key;

	for (int limit = 1; limit <= max_limit; limit++) {
		struct jx_window w = win(limit, true, NULL);

		jx_key_last(&key);
		page_win(st, kind, parent, &key, &w, all->n, &back);
		/* Paging ends at the first row (or, on an empty list, where
		 * it began). */
		if (all->n > 0)
			assert_int_equal(key.id, all->ids[0]);
		else
			assert_true(key.last);
		jx_key_free(&key);
		assert_all_distinct(&back);
		for (int i = 0; i < back.n; i++) {
			int r = all->n - 1 - i;
			assert_int_equal(back.ids[i], all->ids[r]);
			assert_int_equal(back.seqs[i], all->seqs[r]);
			assert_string_equal(back.names[i], all->names[r]);
			assert_string_equal(back.extra[i], all->extra[r]);
			assert_string_equal(back.codes[i], all->codes[r]);
		}
	}
}

/* From the key of row k (as left after reading rows 1..k), for every k:
 * backward gives rows k-1..1, forward (from a copy of the same key) rows
 * k+1..n. Neither gives row k; they do not overlap; with row k they are
 * the whole list. */
static void
check_middle(struct jx_store *st, enum list_kind kind, int64_t parent,
	     const struct seen *all)
{
	struct seen back, fwd;
	struct jx_key key, from;

	for (int k = 1; k <= all->n; k++) {
		for (int limit = 1; limit <= 3; limit++) {
			struct jx_window wb = win(limit, true, NULL);
			struct jx_window wf = win(limit, false, NULL);
			int64_t at = all->ids[k - 1];

			key_at(st, kind, parent, k, &key);
			assert_int_equal(key.id, at);
			jx_key_first(&from);
			assert_int_equal(jx_key_copy(&from, &key), JX_OK);
			page_win(st, kind, parent, &key, &wb, k - 1, &back);
			page_win(st, kind, parent, &from, &wf, all->n - k,
				 &fwd);
			jx_key_free(&key);
			jx_key_free(&from);

			for (int i = 0; i < back.n; i++)
				assert_int_equal(back.ids[i],
						 all->ids[k - 2 - i]);
			for (int i = 0; i < fwd.n; i++)
				assert_int_equal(fwd.ids[i], all->ids[k + i]);
			for (int i = 0; i < back.n; i++) {
				assert_true(back.ids[i] != at);
				for (int j = 0; j < fwd.n; j++)
					assert_true(back.ids[i] != fwd.ids[j]);
			}
			for (int j = 0; j < fwd.n; j++)
				assert_true(fwd.ids[j] != at);
			assert_int_equal(back.n + 1 + fwd.n, all->n);
		}
	}
}

static void
test_window_backward(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all, stop;
	struct jx_key key;
	struct jx_window w;
	int64_t year, project, other;
	int n;

	(void)state;
	st = new_store("windows-b.db", path);
	fill_window_db(st);

	/* Departments: the two 同名部门 sit side by side, the lower id
	 * first going forward, so last going backward. */
	page_all(st, LIST_DEPT, 0, 10, 5, &all);
	assert_string_equal(all.names[2], "同名部门");
	assert_string_equal(all.names[3], "同名部门");
	assert_true(all.ids[2] < all.ids[3]);
	assert_string_equal(all.names[1], "乙部门");
	assert_string_equal(all.extra[1], "2021,2023");
	assert_string_equal(all.codes[1], "500001");
	check_backward(st, LIST_DEPT, 0, &all, 6);
	check_middle(st, LIST_DEPT, 0, &all);

	/* A callback stopping a backward window early: the key is at the
	 * last row given, and the next window goes on before it. */
	memset(&stop, 0, sizeof stop);
	stop.stop_at = 2;
	w = win(5, true, NULL);
	jx_key_last(&key);
	n = list_win(st, LIST_DEPT, 0, &key, &w, &stop);
	assert_int_equal(n, 2);
	assert_int_equal(rank_of(st, LIST_DEPT, 0, &key), 3);
	stop.stop_at = 0;
	n = list_win(st, LIST_DEPT, 0, &key, &w, &stop);
	assert_int_equal(n, 3);
	n = list_win(st, LIST_DEPT, 0, &key, &w, &stop);
	assert_int_equal(n, 0);
	jx_key_free(&key);
	assert_int_equal(stop.n, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(stop.ids[i], all.ids[4 - i]);

	/* Nothing comes before jx_key_first. */
	memset(&stop, 0, sizeof stop);
	jx_key_first(&key);
	assert_int_equal(list_win(st, LIST_DEPT, 0, &key, &w, &stop), 0);
	assert_true(key.first);
	jx_key_free(&key);

	/* Projects and indicators. */
	year = find_year(st, find_dept(st, "500001"), 2023);
	page_all(st, LIST_PROJECT, year, 10, 5, &all);
	assert_string_equal(all.codes[3], "P-0004");
	check_backward(st, LIST_PROJECT, year, &all, 6);
	check_middle(st, LIST_PROJECT, year, &all);
	project = all.ids[0];
	page_all(st, LIST_INDICATOR, project, 10, 7, &all);
	check_backward(st, LIST_INDICATOR, project, &all, 8);
	check_middle(st, LIST_INDICATOR, project, &all);
	memset(&stop, 0, sizeof stop);
	jx_key_first(&key);
	assert_int_equal(list_win(st, LIST_INDICATOR, project, &key, &w,
				  &stop), 0);
	jx_key_free(&key);

	/* Lists of one row, and empty lists. */
	other = find_year(st, find_dept(st, "500002"), 2024);
	page_all(st, LIST_PROJECT, other, 2, 1, &all);
	check_backward(st, LIST_PROJECT, other, &all, 2);
	check_middle(st, LIST_PROJECT, other, &all);
	page_all(st, LIST_INDICATOR, all.ids[0], 2, 1, &all);
	other = find_year(st, find_dept(st, "500005"), 2024);
	page_all(st, LIST_PROJECT, other, 3, 0, &all);
	check_backward(st, LIST_PROJECT, other, &all, 3);
	other = find_year(st, find_dept(st, "500003"), 2024);
	page_all(st, LIST_PROJECT, other, 3, 2, &all);
	project = all.ids[1];
	page_all(st, LIST_INDICATOR, project, 3, 0, &all);
	check_backward(st, LIST_INDICATOR, project, &all, 3);
	close_store(st, path);
}

/* With match, forward from jx_key_first and backward from jx_key_last in
 * windows of 1..3: exactly the rows at positions want[] (1-based,
 * ascending) of the whole forward list `all`, in order (reversed going
 * backward). */
static void
check_match(struct jx_store *st, enum list_kind kind, int64_t parent,
	    const struct seen *all, const char *match, const int *want,
	    int n_want)
{
	struct seen got;
	struct jx_key key;

	for (int limit = 1; limit <= 3; limit++) {
		for (int back = 0; back <= 1; back++) {
			struct jx_window w = win(limit, back, match);

			if (back)
				jx_key_last(&key);
			else
				jx_key_first(&key);
			page_win(st, kind, parent, &key, &w, n_want, &got);
			jx_key_free(&key);
			for (int i = 0; i < n_want; i++) {
				int r = want[back ? n_want - 1 - i : i] - 1;
				if (got.ids[i] != all->ids[r])
					fail_msg("match '%s' %s, windows of %d:"
						 " row %d is %s, expected %s",
						 match ? match : "(null)",
						 back ? "backward" : "forward",
						 limit, i + 1, got.names[i],
						 all->names[r]);
			}
		}
	}
}

#define CHECK_MATCH(st, kind, parent, all, match, ...) \
	do { \
		static const int want_[] = { __VA_ARGS__ }; \
		check_match((st), (kind), (parent), (all), (match), want_, \
			    (int)(sizeof want_ / sizeof want_[0])); \
	} while (0)
#define CHECK_NO_MATCH(st, kind, parent, all, match) \
	check_match((st), (kind), (parent), (all), (match), NULL, 0)

static void
test_window_match(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all, got;
	struct jx_key key, from;
	struct jx_window w;
	struct jx_doc doc;
	int64_t year, project;

	(void)state;
	st = new_store("windows-m.db", path);
	fill_window_db(st);
	rich_doc(&doc);
	put_ok(st, &doc, "rich.yaml");
	jx_doc_free(&doc);

	/* Departments, by name (UTF-8 byte order): 丙部门 500003, 乙部门
	 * 500001, 同名部门 500002, 同名部门 500004, 大连市测试财政局
	 * 930001, 戊部门 500005. */
	page_all(st, LIST_DEPT, 0, 10, 6, &all);
	assert_string_equal(all.codes[0], "500003");
	assert_string_equal(all.codes[1], "500001");
	assert_string_equal(all.codes[2], "500002");
	assert_string_equal(all.codes[3], "500004");
	assert_string_equal(all.codes[4], "930001");
	assert_string_equal(all.codes[5], "500005");
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "同名", 3, 4);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "部门", 1, 2, 3, 4, 6);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "财政", 5);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "乙", 2);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "0003", 1);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "5000", 1, 2, 3, 4, 6);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "9300", 5);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "00", 1, 2, 3, 4, 5, 6);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, NULL, 1, 2, 3, 4, 5, 6);
	CHECK_MATCH(st, LIST_DEPT, 0, &all, "", 1, 2, 3, 4, 5, 6);
	CHECK_NO_MATCH(st, LIST_DEPT, 0, &all, "不存在");
	/* Plain text, not a LIKE pattern. */
	CHECK_NO_MATCH(st, LIST_DEPT, 0, &all, "%");
	CHECK_NO_MATCH(st, LIST_DEPT, 0, &all, "_");

	/* From a key in the middle, on a row that does not match itself:
	 * only matching rows on either side. */
	key_at(st, LIST_DEPT, 0, 5, &key);
	jx_key_first(&from);
	assert_int_equal(jx_key_copy(&from, &key), JX_OK);
	w = win(2, true, "部门");
	page_win(st, LIST_DEPT, 0, &key, &w, 4, &got);
	for (int i = 0; i < 4; i++)
		assert_int_equal(got.ids[i], all.ids[3 - i]);
	w = win(2, false, "部门");
	page_win(st, LIST_DEPT, 0, &from, &w, 1, &got);
	assert_int_equal(got.ids[0], all.ids[5]);
	jx_key_free(&key);
	jx_key_free(&from);
	/* From the second 同名部门: the first one before it, none after. */
	key_at(st, LIST_DEPT, 0, 4, &key);
	jx_key_first(&from);
	assert_int_equal(jx_key_copy(&from, &key), JX_OK);
	w = win(1, true, "同名");
	page_win(st, LIST_DEPT, 0, &key, &w, 1, &got);
	assert_int_equal(got.ids[0], all.ids[2]);
	w = win(1, false, "同名");
	page_win(st, LIST_DEPT, 0, &from, &w, 0, &got);
	jx_key_free(&key);
	jx_key_free(&from);

	/* Projects of the rich document: 社区工作者工资及附加
	 * 21020025P000000001, 社区办公经费 (no code), 社区 修缮项目
	 * 21020025P000000003. */
	year = find_year(st, find_dept(st, "930001"), 2025);
	page_all(st, LIST_PROJECT, year, 10, 3, &all);
	assert_string_equal(all.codes[1], "");
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "办公", 2);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "工资", 1);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "社区", 1, 2, 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "社区 修", 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "P000000003", 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "21020025P", 1, 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "000001", 1);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, NULL, 1, 2, 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "", 1, 2, 3);
	CHECK_NO_MATCH(st, LIST_PROJECT, year, &all, "不存在");
	/* Only this department-year's projects. */
	CHECK_NO_MATCH(st, LIST_PROJECT, year, &all, "项目1");

	/* Its first project's indicators:
	 *  1 产出指标/数量指标 社区工作人员人数 ≤122人, 按标准配备,
	 *    《大连市社区规范化建设标准》
	 *  2 产出指标/成本指标 人均经费 ≤6万元 (no description, no basis)
	 *  3 产出指标/时效指标 工资发放时间 12月底前, 按月发放, 财政要求
	 *  4 满意度指标/服务对象满意度指标 群众满意度 ≥90%, 问卷调查,
	 *    往年数据 */
	project = all.ids[0];
	page_all(st, LIST_INDICATOR, project, 10, 4, &all);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "人均", 2);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "人数", 1);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "≥90", 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "≤", 1, 2);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "万元", 2);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "产出", 1, 2, 3);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "成本", 2);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "时效", 3);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "服务对象", 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "按月", 3);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "问卷", 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "按标准", 1);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "规范化", 1);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "往年", 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "财政要求", 3);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "%", 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "指标", 1, 2, 3, 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, NULL, 1, 2, 3, 4);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "", 1, 2, 3, 4);
	CHECK_NO_MATCH(st, LIST_INDICATOR, project, &all, "不存在");
	CHECK_NO_MATCH(st, LIST_INDICATOR, project, &all, "_");

	/* Longer lists: 乙部门 2023 (项目1..5, the fourth coded P-0004) and
	 * its first project's seven indicators (≥90%..≥96%; a description
	 * on the even ones, a basis on the odd ones). */
	year = find_year(st, find_dept(st, "500001"), 2023);
	page_all(st, LIST_PROJECT, year, 10, 5, &all);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "项目", 1, 2, 3, 4, 5);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "项目3", 3);
	CHECK_MATCH(st, LIST_PROJECT, year, &all, "P-00", 4);
	project = all.ids[0];
	page_all(st, LIST_INDICATOR, project, 10, 7, &all);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "≥90", 1);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "≥9", 1, 2, 3, 4, 5,
		    6, 7);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "描述", 2, 4, 6);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "依据", 1, 3, 5, 7);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "第5个", 5);
	CHECK_MATCH(st, LIST_INDICATOR, project, &all, "质量", 1, 2, 3, 4, 5,
		    6, 7);
	/* Another project's indicator is not this project's. */
	CHECK_NO_MATCH(st, LIST_INDICATOR, project, &all, "指标2-1");
	close_store(st, path);
}

/* jx_store_rank of one list of `total` rows: 0 before every row, the
 * length after every row, and k-1 for a key at row k, whether the key was
 * left there going forward or going backward. */
static void
check_rank(struct jx_store *st, enum list_kind kind, int64_t parent,
	   int total)
{
	struct jx_key key;
	struct seen s;

	jx_key_first(&key);
	assert_int_equal(rank_of(st, kind, parent, &key), 0);
	jx_key_last(&key);
	assert_int_equal(rank_of(st, kind, parent, &key), total);
	for (int k = 1; k <= total; k++) {
		struct jx_window w = win(total - k + 1, true, NULL);

		key_at(st, kind, parent, k, &key);
		assert_int_equal(rank_of(st, kind, parent, &key), k - 1);
		jx_key_free(&key);

		/* Rows n..k backward: the key is at row k again. */
		jx_key_last(&key);
		memset(&s, 0, sizeof s);
		assert_int_equal(list_win(st, kind, parent, &key, &w, &s),
				 total - k + 1);
		assert_int_equal(rank_of(st, kind, parent, &key), k - 1);
		jx_key_free(&key);
	}
	/* A window reaching past the end leaves the key at the last row. */
	jx_key_first(&key);
	memset(&s, 0, sizeof s);
	assert_int_equal(list_window(st, kind, parent, &key, total + 3, &s),
			 total);
	assert_int_equal(rank_of(st, kind, parent, &key),
			 total > 0 ? total - 1 : 0);
	jx_key_free(&key);
}

static void
test_rank(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all;
	int64_t year, empty_year, one_year, lone;

	(void)state;
	st = new_store("rank.db", path);

	/* An empty database. */
	check_rank(st, LIST_DEPT, 0, 0);
	check_rank(st, LIST_PROJECT, 1, 0);
	check_rank(st, LIST_INDICATOR, 1, 0);

	fill_window_db(st);
	check_rank(st, LIST_DEPT, 0, 5);
	year = find_year(st, find_dept(st, "500001"), 2023);
	check_rank(st, LIST_PROJECT, year, 5);
	page_all(st, LIST_PROJECT, year, 10, 5, &all);
	check_rank(st, LIST_INDICATOR, all.ids[0], 7);
	check_rank(st, LIST_INDICATOR, all.ids[4], 1);

	/* One project; no projects; a project without indicators. */
	one_year = find_year(st, find_dept(st, "500002"), 2024);
	check_rank(st, LIST_PROJECT, one_year, 1);
	empty_year = find_year(st, find_dept(st, "500005"), 2024);
	check_rank(st, LIST_PROJECT, empty_year, 0);
	check_rank(st, LIST_PROJECT, find_year(st, find_dept(st, "500001"),
					       2021), 0);
	page_all(st, LIST_PROJECT, find_year(st, find_dept(st, "500003"),
					     2024), 10, 2, &all);
	lone = all.ids[0];
	check_rank(st, LIST_INDICATOR, lone, 0);
	close_store(st, path);
}

static void
test_key_copy(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct seen all, s;
	struct jx_key a, b, c;
	struct jx_window w;
	int64_t year;

	(void)state;
	st = new_store("keycopy.db", path);
	fill_window_db(st);
	page_all(st, LIST_DEPT, 0, 10, 5, &all);

	/* A text key: its own copy of the name. */
	key_at(st, LIST_DEPT, 0, 2, &a);
	jx_key_first(&b);
	assert_int_equal(jx_key_copy(&b, &a), JX_OK);
	assert_non_null(b.name);
	assert_ptr_not_equal(b.name, a.name);
	assert_string_equal(b.name, a.name);
	assert_int_equal(b.id, a.id);
	assert_false(b.first);
	assert_false(b.last);

	/* Moving the original does not move the copy. */
	memset(&s, 0, sizeof s);
	assert_int_equal(list_window(st, LIST_DEPT, 0, &a, 1, &s), 1);
	assert_int_equal(a.id, all.ids[2]);
	assert_int_equal(b.id, all.ids[1]);
	assert_string_equal(b.name, all.names[1]);

	/* Freeing the original leaves the copy working. */
	jx_key_free(&a);
	assert_null(a.name);
	memset(&s, 0, sizeof s);
	assert_int_equal(list_window(st, LIST_DEPT, 0, &b, 5, &s), 3);
	for (int i = 0; i < 3; i++)
		assert_int_equal(s.ids[i], all.ids[2 + i]);
	assert_int_equal(rank_of(st, LIST_DEPT, 0, &b), 4);

	/* Copied over a key that owns a name (which is freed: valgrind),
	 * then the source freed: the copy pages backward from row 5. */
	key_at(st, LIST_DEPT, 0, 1, &c);
	assert_non_null(c.name);
	assert_int_equal(jx_key_copy(&c, &b), JX_OK);
	jx_key_free(&b);
	w = win(2, true, NULL);
	page_win(st, LIST_DEPT, 0, &c, &w, 4, &s);
	for (int i = 0; i < 4; i++)
		assert_int_equal(s.ids[i], all.ids[3 - i]);
	assert_int_equal(rank_of(st, LIST_DEPT, 0, &c), 0);

	/* Keys without a name: last (over a key with one), first. */
	jx_key_last(&a);
	assert_int_equal(jx_key_copy(&c, &a), JX_OK);
	assert_null(c.name);
	assert_true(c.last);
	assert_false(c.first);
	assert_int_equal(rank_of(st, LIST_DEPT, 0, &c), 5);
	page_win(st, LIST_DEPT, 0, &c, &w, 5, &s);
	jx_key_free(&c);
	jx_key_first(&a);
	jx_key_last(&c);
	assert_int_equal(jx_key_copy(&c, &a), JX_OK);
	assert_true(c.first);
	assert_false(c.last);
	assert_int_equal(rank_of(st, LIST_DEPT, 0, &c), 0);

	/* A sequence key. */
	year = find_year(st, find_dept(st, "500001"), 2023);
	page_all(st, LIST_PROJECT, year, 10, 5, &all);
	key_at(st, LIST_PROJECT, year, 2, &a);
	assert_int_equal(jx_key_copy(&c, &a), JX_OK);
	assert_int_equal(c.seq, a.seq);
	assert_int_equal(c.id, a.id);
	assert_false(c.first);
	jx_key_free(&a);
	memset(&s, 0, sizeof s);
	assert_int_equal(list_window(st, LIST_PROJECT, year, &c, 10, &s), 3);
	for (int i = 0; i < 3; i++)
		assert_int_equal(s.ids[i], all.ids[2 + i]);
	jx_key_free(&c);
	close_store(st, path);
}

static void
test_years(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct years y;
	int64_t yi;

	(void)state;
	st = new_store("years.db", path);
	fill_window_db(st);
	get_years(st, 0, &y);
	assert_int_equal(y.n, 6);
	/* By department name (then id), then year. */
	for (int i = 1; i < y.n; i++) {
		int c = strcmp(y.rows[i - 1].name, y.rows[i].name);
		assert_true(c < 0 || (c == 0 && (y.rows[i - 1].department_id <
						 y.rows[i].department_id ||
						 (y.rows[i - 1].department_id ==
						  y.rows[i].department_id &&
						  y.rows[i - 1].year <
						  y.rows[i].year))));
	}
	for (int i = 0; i < y.n; i++) {
		const struct year_snap *r = &y.rows[i];
		if (strcmp(r->code, "500001") == 0 && r->year == 2023) {
			assert_int_equal(r->projects, 5);
			assert_int_equal(r->indicators, 11);
			same_amount(yuan(123), r->total, "乙部门", "total");
		} else {
			/* No money at all: the total is absent, not 0. */
			assert_false(r->total.present);
		}
	}

	/* One department: its years only, ascending. */
	yi = find_dept(st, "500001");
	get_years(st, yi, &y);
	assert_int_equal(y.n, 2);
	assert_int_equal(y.rows[0].year, 2021);
	assert_int_equal(y.rows[1].year, 2023);
	assert_int_equal(y.rows[0].projects, 0);
	assert_int_equal(y.rows[0].indicators, 0);
	assert_int_equal(y.rows[0].department_id, yi);
	assert_int_equal(y.rows[1].department_id, yi);
	get_years(st, 999999, &y);
	assert_int_equal(y.n, 0);
	close_store(st, path);
}

static int
stop_after_one(void *ctx, const struct jx_year_row *row)
{
	(void)row;
	return ++*(int *)ctx;
}

/* The interface's brief list: the same department-years as
 * jx_store_years, in the same order, with nothing else read. */
static void
test_year_ids(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct years all, brief;
	struct jx_error err;
	int calls = 0;

	(void)state;
	st = new_store("year_ids.db", path);
	fill_window_db(st);
	get_years(st, 0, &all);
	assert_true(all.n > 0);
	for (int i = 0; i < all.n; i++) {
		int64_t dept = all.rows[i].department_id;
		struct years full;

		get_years(st, dept, &full);
		memset(&brief, 0, sizeof brief);
		jx_error_clear(&err);
		assert_int_equal(jx_store_year_ids(st, dept, collect_year,
						   &brief, &err), JX_OK);
		assert_int_equal(brief.n, full.n);
		for (int k = 0; k < full.n; k++) {
			assert_int_equal(brief.rows[k].id, full.rows[k].id);
			assert_int_equal(brief.rows[k].year, full.rows[k].year);
			assert_int_equal(brief.rows[k].department_id, dept);
			assert_int_equal(brief.rows[k].projects, 0);
			assert_false(brief.rows[k].total.present);
		}
	}
	memset(&brief, 0, sizeof brief);
	assert_int_equal(jx_store_year_ids(st, 999999, collect_year, &brief,
					   &err), JX_OK);
	assert_int_equal(brief.n, 0);
	/* A callback that says stop is not called again. */
	assert_int_equal(jx_store_year_ids(st, find_dept(st, "500001"),
					   stop_after_one, &calls, &err),
			 JX_OK);
	assert_int_equal(calls, 1);
	close_store(st, path);
}

/* ---- the seed documents ----------------------------------------------- */

static const char *
samples_dir(void)
{
	const char *dir = getenv("JX_SAMPLES_DIR");
	return dir && *dir ? dir : JX_SRCDIR "/data/samples";
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Imports every *.yaml of the samples directory in one transaction. */
static void
import_samples(struct jx_store *st, struct jx_import_counts *counts)
{
	const char *dir = samples_dir();
	DIR *d = opendir(dir);
	struct dirent *e;
	char *names[64];
	size_t n = 0;
	struct jx_error err;

	if (!d)
		fail_msg("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
			assert_true(n < sizeof names / sizeof names[0]);
			names[n++] = xdup(e->d_name);
		}
	}
	closedir(d);
	assert_true(n >= 3);
	qsort(names, n, sizeof names[0], cmp_names);

	memset(counts, 0, sizeof *counts);
	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	for (size_t i = 0; i < n; i++) {
		char path[PATH_SIZE];
		struct jx_doc doc;
		struct jx_errlist errs;
		enum jx_status rc;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		jx_errlist_init(&errs);
		rc = jx_yaml_read_file(path, NULL, &doc, &errs);
		if (rc != JX_OK) {
			char msg[JX_ERR_MSG + JX_ERR_FILE + 64] = "?";
			if (errs.count)
				jx_error_format(&errs.items[0], msg,
						sizeof msg);
			jx_errlist_free(&errs);
			fail_msg("%s: %s", path, msg);
		}
		jx_errlist_free(&errs);
		if (jx_store_put_doc(st, &doc, false, names[i], counts, &err)
		    != JX_OK)
			fail_msg("put %s: %s", names[i], err.message);
		jx_doc_free(&doc);
		free(names[i]);
	}
	if (jx_store_commit(st, &err) != JX_OK)
		fail_msg("commit: %s", err.message);
}

static void
test_samples(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct jx_import_counts counts;
	struct years y;
	struct jx_error err;
	struct jx_doc doc;

	(void)state;
	st = new_store("samples.db", path);
	import_samples(st, &counts);
	assert_int_equal(counts.departments, 3);
	assert_int_equal(counts.years, 3);
	assert_int_equal(counts.projects, 10 + 13 + 21);
	assert_int_equal(counts.indicators, 76 + 117 + 189);

	get_years(st, 0, &y);
	assert_int_equal(y.n, 3);
	/* 大 < 承 < 秦 (by code point, which is UTF-8 byte order). */
	assert_contains(y.rows[0].name, "七贤岭");
	assert_string_equal(y.rows[0].code, "");
	assert_int_equal(y.rows[0].year, 2026);
	assert_int_equal(y.rows[0].projects, 10);
	assert_int_equal(y.rows[0].indicators, 76);
	same_amount(yuan(28216800), y.rows[0].total, "七贤岭", "total");

	assert_string_equal(y.rows[1].code, "125001");
	assert_int_equal(y.rows[1].year, 2023);
	assert_int_equal(y.rows[1].projects, 13);
	assert_int_equal(y.rows[1].indicators, 117);
	same_amount(yuan(10380300), y.rows[1].total, "125001", "total");

	assert_string_equal(y.rows[2].code, "441001");
	assert_int_equal(y.rows[2].year, 2021);
	assert_int_equal(y.rows[2].projects, 21);
	assert_int_equal(y.rows[2].indicators, 189);
	same_amount(yuan(14759400), y.rows[2].total, "441001", "total");

	/* Each one reads back with the counts it was imported with. */
	for (int i = 0; i < y.n; i++) {
		jx_error_clear(&err);
		assert_int_equal(jx_store_get_doc(st, y.rows[i].id, &doc, &err),
				 JX_OK);
		assert_int_equal((int64_t)doc.n_projects, y.rows[i].projects);
		assert_int_equal((int64_t)jx_doc_indicator_count(&doc),
				 y.rows[i].indicators);
		jx_doc_free(&doc);
	}

	/* The whole set again in one transaction: refused, nothing added. */
	{
		struct years again;
		struct jx_doc d;
		struct jx_errlist errs;
		char file[PATH_SIZE];
		struct jx_import_counts c = { 0, 0, 0, 0 };

		snprintf(file, sizeof file, "%s/chengde-125001-2023.yaml",
			 samples_dir());
		jx_errlist_init(&errs);
		assert_int_equal(jx_yaml_read_file(file, NULL, &d, &errs),
				 JX_OK);
		jx_errlist_free(&errs);
		assert_int_equal(put_one(st, &d, false, "x", &c, &err),
				 JX_EXISTS);
		jx_doc_free(&d);
		get_years(st, 0, &again);
		assert_years_equal(&y, &again);
	}
	close_store(st, path);
}

/* ---- finding ---------------------------------------------------------- */

static void
test_find(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st;
	struct jx_import_counts counts;
	struct jx_error err;
	struct years y;
	int64_t qxl, cd, xs, id, year;
	struct jx_project p;

	(void)state;
	st = new_store("find.db", path);
	import_samples(st, &counts);
	get_years(st, 0, &y);
	assert_int_equal(y.n, 3);
	qxl = y.rows[0].department_id;
	cd = y.rows[1].department_id;
	xs = y.rows[2].department_id;

	/* Departments. */
	assert_int_equal(find_dept(st, "125001"), cd);
	assert_int_equal(find_dept(st, "441001"), xs);
	assert_int_equal(find_dept(st, "承德高新技术产业开发区社区管理办公室本级"),
			 cd);
	assert_int_equal(find_dept(st, "七贤岭"), qxl);
	assert_int_equal(find_dept(st, "七贤 岭"), qxl);
	assert_int_equal(find_dept(st, "七贤岭　街道"), qxl);
	assert_int_equal(find_dept(st, "西山"), xs);
	assert_int_equal(find_dept(st, "承德"), cd);

	jx_error_clear(&err);
	id = -1;
	assert_int_equal(jx_store_find_department(st, "街道办事处", &id, &err),
			 JX_INVALID);
	assert_contains(err.message, "街道办事处");
	assert_contains(err.message, "大连高新技术产业园区七贤岭街道办事处");
	assert_contains(err.message, "秦皇岛市北戴河区西山街道办事处（本级）");
	assert_false(contains(err.message, "承德"));

	jx_error_clear(&err);
	assert_int_equal(jx_store_find_department(st, "不存在的部门", &id,
						  &err), JX_NOTFOUND);
	assert_contains(err.message, "不存在的部门");
	/* A code is matched exactly, not as a part. */
	assert_int_equal(jx_store_find_department(st, "12500", &id, &err),
			 JX_NOTFOUND);

	/* Years. */
	assert_int_equal(find_year(st, cd, 2023), y.rows[1].id);
	jx_error_clear(&err);
	assert_int_equal(jx_store_find_year(st, cd, 2024, &id, &err),
			 JX_NOTFOUND);
	assert_contains(err.message, "2024");
	assert_int_equal(jx_store_find_year(st, qxl, 2023, &id, &err),
			 JX_NOTFOUND);

	/* Projects of 125001 2023. */
	year = y.rows[1].id;
	id = find_project(st, year, "13081123P000109100016");
	assert_int_equal(jx_store_get_project(st, id, &p, &err), JX_OK);
	assert_string_equal(p.name, "创建文明城市工作经费");
	jx_project_free(&p);
	assert_int_equal(find_project(st, year, "1"), id);
	assert_int_equal(find_project(st, year, "创建文明城市工作经费"), id);
	assert_int_equal(find_project(st, year, "文明 城市"), id);

	id = find_project(st, year, "2");
	assert_int_equal(jx_store_get_project(st, id, &p, &err), JX_OK);
	assert_string_equal(p.name, "居家养老项目");
	jx_project_free(&p);
	assert_int_equal(find_project(st, year, "居家养老项目"), id);
	assert_int_equal(find_project(st, year, "居家养老"), id);

	id = find_project(st, year, "13");
	assert_int_equal(jx_store_get_project(st, id, &p, &err), JX_OK);
	assert_string_equal(p.name, "综合服务站 1 年系统日常维护");
	jx_project_free(&p);
	/* Normalised both ways: the stored name has spaces, the query not. */
	assert_int_equal(find_project(st, year, "综合服务站1年"), id);

	/* Ambiguous, absent, out of range. */
	jx_error_clear(&err);
	assert_int_equal(jx_store_find_project(st, year, "工作经费", &id, &err),
			 JX_INVALID);
	assert_contains(err.message, "more than 5");
	assert_int_equal(jx_store_find_project(st, year, "社区党组织", &id,
					       &err), JX_INVALID);
	assert_contains(err.message, "社区党组织服务群众工作经费");
	assert_contains(err.message, "社区党组织工作经费");
	assert_int_equal(jx_store_find_project(st, year, "不存在的项目", &id,
					       &err), JX_NOTFOUND);
	assert_int_equal(jx_store_find_project(st, year, "14", &id, &err),
			 JX_NOTFOUND);
	/* There is no project number 0 (nor -1). */
	id = -1;
	assert_int_equal(jx_store_find_project(st, year, "0", &id, &err),
			 JX_NOTFOUND);
	assert_int_equal(jx_store_find_project(st, year, "00", &id, &err),
			 JX_NOTFOUND);
	/* Projects of another year are not found here. */
	assert_int_equal(jx_store_find_project(st, y.rows[2].id,
					       "创建文明城市工作经费", &id,
					       &err), JX_NOTFOUND);
	close_store(st, path);
}

/* ---- query plans ------------------------------------------------------ */

static const struct {
	const char *name, *sql;
} list_sql[] = {
#define JX_TEST_STMT(name, sql) { #name, sql },
	JX_STMT_LIST(JX_TEST_STMT)
#undef JX_TEST_STMT
};

static const char *
stmt_sql(const char *name)
{
	for (size_t i = 0; i < sizeof list_sql / sizeof list_sql[0]; i++)
		if (strcmp(list_sql[i].name, name) == 0)
			return list_sql[i].sql;
	fail_msg("no statement %s", name);
	return NULL;
}

/* One line per plan node, joined with '\n'. */
static void
query_plan(sqlite3 *db, const char *sql, char *out, size_t size)
{
	char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	size_t used = 0;

	assert_non_null(eqp);
	if (sqlite3_prepare_v2(db, eqp, -1, &s, NULL) != SQLITE_OK) {
		sqlite3_free(eqp);
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	}
	sqlite3_free(eqp);
	out[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		int n = snprintf(out + used, size - used, "%s\n",
				 detail ? detail : "");
		assert_true(n > 0 && (size_t)n < size - used);
		used += (size_t)n;
	}
	sqlite3_finalize(s);
}

/* A full scan of a table: "SCAN t" or "SCAN table AS t" with no index. */
static bool
plan_line_scans_table(const char *line, size_t len)
{
	char buf[512];

	snprintf(buf, sizeof buf, "%.*s", (int)len, line);
	if (strncmp(buf, "SCAN ", 5) != 0)
		return false;
	if (strstr(buf, "USING INDEX") || strstr(buf, "USING COVERING INDEX") ||
	    strstr(buf, "USING INTEGER PRIMARY KEY"))
		return false;
	/* Scans of a subquery's result or a constant row are not tables. */
	return !(strstr(buf, "(subquery") || strstr(buf, "CONSTANT ROW"));
}

static void
check_plan(sqlite3 *db, const char *name)
{
	char plan[4096];
	const char *line;

	query_plan(db, stmt_sql(name), plan, sizeof plan);
	if (!contains(plan, "USING INDEX") &&
	    !contains(plan, "USING COVERING INDEX") &&
	    !contains(plan, "USING INTEGER PRIMARY KEY"))
		fail_msg("%s uses no index:\n%s", name, plan);
	if (contains(plan, "TEMP B-TREE"))
		fail_msg("%s uses a temporary b-tree:\n%s", name, plan);
	for (line = plan; *line; ) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (plan_line_scans_table(line, len))
			fail_msg("%s scans a whole table (%.*s):\n%s", name,
				 (int)len, line, plan);
		line += len + (end ? 1 : 0);
	}
}

static void
test_query_plans(void **state)
{
	/* The windows both ways and the ranks; what comparing reads. */
	static const char *const planned[] = {
		"LIST_DEPTS", "LIST_DEPTS_BACK", "COUNT_DEPTS",
		"LIST_PROJECTS", "LIST_PROJECTS_BACK", "COUNT_PROJECTS",
		"LIST_INDICATORS", "LIST_INDICATORS_BACK", "COUNT_INDICATORS",
		/* Comparing years: the briefs, the links, one project's
		 * indicators, keeping its digest, every department. */
		"COMPARE_PROJECTS", "COMPARE_PROJECTS_UNLINKED",
		"YEAR_HAS_LINKS", "PROJECTS_TARGETS", "PROJECT_INDICATOR_BRIEF",
		"SET_DIGEST", "YEAR_PAIRS",
		/* The year bar of the selected department. */
		"LIST_YEAR_IDS",
	};
	char path[PATH_SIZE];
	struct jx_store *st;

	(void)state;
	st = new_store("plans.db", path);
	/* Plans with data and statistics, as on a real file. */
	fill_window_db(st);
	for (size_t i = 0; i < sizeof planned / sizeof planned[0]; i++)
		check_plan(st->db, planned[i]);
	exec_sql(st->db, "ANALYZE");
	for (size_t i = 0; i < sizeof planned / sizeof planned[0]; i++)
		check_plan(st->db, planned[i]);
	close_store(st, path);
}

/* ---- main ------------------------------------------------------------- */

static void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[PATH_SIZE + 256];
		struct stat sb;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* Takes a current file back to schema 6: the search index as it was,
 * with the size of every column of every row. */
#define UNDO_SCHEMA_7 \
	"DROP TABLE indicator_fts;" \
	" CREATE VIRTUAL TABLE indicator_fts USING fts5(name, target," \
	" description, basis, content='indicator', content_rowid='id'," \
	" tokenize='trigram case_sensitive 1');" \
	" INSERT INTO indicator_fts(indicator_fts) VALUES ('rebuild');"

/* Takes a schema-6 file back to schema 5: what 5 -> 6 added, removed. */
#define UNDO_SCHEMA_6 "ALTER TABLE project DROP COLUMN digest;"

/* Takes a schema-5 file back to schema 4: what 4 -> 5 added, removed. */
#define UNDO_SCHEMA_5 \
	"DROP TABLE draft; DROP INDEX change_by_year;" \
	" DROP INDEX change_by_project; DROP INDEX change_by_department;" \
	" ALTER TABLE change_log DROP COLUMN department_id;" \
	" ALTER TABLE change_log DROP COLUMN label;" \
	" ALTER TABLE change_log DROP COLUMN dept_year_id;" \
	" ALTER TABLE change_log DROP COLUMN project_id;" \
	" ALTER TABLE project DROP COLUMN reviewed;"

/* A version-1 file (as the first release wrote it) is migrated to the
 * current schema on open, keeping its records. */
static void
test_migrate_from_v1(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("v1.db", path);
	struct jx_doc d;
	struct years y;
	sqlite3 *db;

	(void)state;
	small_doc(&d, "500001", "迁移测试单位", 2024, 2, 3, yuan(100));
	put_ok(st, &d, "v1.yaml");
	jx_doc_free(&d);
	jx_store_close(st);
	db = raw_open(path, SQLITE_OPEN_READWRITE);
	exec_sql(db, UNDO_SCHEMA_7 UNDO_SCHEMA_6 UNDO_SCHEMA_5
		 " DROP TRIGGER indicator_fts_delete; DROP TRIGGER indicator_fts_update;"
		 " DROP TABLE indicator_fts;"
		 " DROP TABLE project_link; PRAGMA user_version = 1;");
	sqlite3_close(db);

	st = open_store(path, JX_OPEN_WRITE);
	assert_int_equal(q_int(st->db, "PRAGMA user_version"),
			 JX_SCHEMA_VERSION);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM sqlite_schema"
			       " WHERE name = 'project_link'"), 1);
	get_years(st, 0, &y);
	assert_int_equal(y.n, 1);
	assert_int_equal(y.rows[0].projects, 2);
	assert_int_equal(y.rows[0].indicators, 6);
	close_store(st, path);
}

struct briefs {
	int64_t id[8], pred[8];
	char name[8][64];
	int n;
};

static int
on_brief(void *ctx, const struct jx_brief_row *row)
{
	struct briefs *b = ctx;

	if (b->n < 8) {
		b->id[b->n] = row->id;
		b->pred[b->n] = row->predecessor_id;
		snprintf(b->name[b->n], sizeof b->name[0], "%s", row->name);
		b->n++;
	}
	return 0;
}

static void
briefs_of(struct jx_store *st, int64_t year_id, int other, struct briefs *b)
{
	struct jx_error err;

	memset(b, 0, sizeof *b);
	jx_error_clear(&err);
	assert_int_equal(jx_store_brief_projects(st, year_id, other, on_brief,
						 b, &err), JX_OK);
}

/* Links: made and removed with the change log, resolved for the year they
 * name only, refused across departments or forwards in time, and kept
 * across a replacing import (they are kept by name or code, not row id). */
static void
test_links(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("links.db", path);
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_doc a, b;
	struct briefs br;
	struct jx_error err;
	int64_t dept, ya, yb;

	(void)state;
	small_doc(&a, "600001", "链接测试单位", 2023, 2, 1, yuan(500));
	small_doc(&b, "600001", "链接测试单位", 2024, 2, 1, yuan(700));
	free(b.projects[1].name);
	b.projects[1].name = xdup("改名后的项目");
	put_ok(st, &a, "a.yaml");
	put_ok(st, &b, "b.yaml");
	dept = find_dept(st, "600001");
	ya = find_year(st, dept, 2023);
	yb = find_year(st, dept, 2024);
	briefs_of(st, ya, 2024, &br);
	int64_t a2 = br.id[1];
	briefs_of(st, yb, 2023, &br);
	assert_int_equal(br.n, 2);
	assert_string_equal(br.name[1], "改名后的项目");
	assert_int_equal(br.pred[1], 0);

	jx_error_clear(&err);
	assert_int_equal(jx_store_link_project(st, br.id[1], a2, &err), JX_OK);
	briefs_of(st, yb, 2023, &br);
	assert_int_equal(br.pred[1], a2);
	assert_int_equal(br.pred[0], 0);
	briefs_of(st, yb, 2022, &br);   /* the link names 2023 only */
	assert_int_equal(br.pred[1], 0);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM change_log"
			       " WHERE action = 'link' AND tbl = 'project'"), 1);

	/* Forwards in time is refused. */
	assert_int_equal(jx_store_link_project(st, a2, br.id[1], &err),
			 JX_INVALID);

	/* A replacing import of 2024 keeps the link (same name). */
	assert_int_equal(put_one(st, &b, true, "b2.yaml", &counts, &err),
			 JX_OK);
	briefs_of(st, find_year(st, dept, 2024), 2023, &br);
	assert_int_equal(br.pred[1], a2);

	assert_int_equal(jx_store_unlink_project(st, br.id[1], &err), JX_OK);
	briefs_of(st, find_year(st, dept, 2024), 2023, &br);
	assert_int_equal(br.pred[1], 0);
	assert_int_equal(jx_store_unlink_project(st, br.id[1], &err),
			 JX_NOTFOUND);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM change_log"
			       " WHERE action = 'unlink'"), 1);
	jx_doc_free(&a);
	jx_doc_free(&b);
	close_store(st, path);
}

struct hit_count {
	int64_t n;
};

static int
count_hit(void *ctx, const struct jx_search_row *row)
{
	(void)row;
	((struct hit_count *)ctx)->n++;
	return 0;
}

/* Every hit of a search, paged in windows of 7. */
static int64_t
search_all(struct jx_store *st, const char *text)
{
	struct hit_count c = { 0 };
	struct jx_error err;
	int64_t after = 0;
	int n = 7;

	jx_error_clear(&err);
	while (n == 7)
		assert_int_equal(jx_store_search(st, text, &after, 7, count_hit,
						 &c, &n, &err), JX_OK);
	return c.n;
}

/* The trigram index gives what a scan of the four columns gives, for
 * texts of every length, quotes, and ASCII case; and it follows deletes
 * (a replacing import) and a migration from schema 2. */
static void
test_search_index(void **state)
{
	static const char *const texts[] = {
		"满意度", "满意", "≥90", "\"", "a\"b", "工作记录", "Ab", "AB",
		"社区工作经费", "不存在的文字", "9" };
	char path[PATH_SIZE], sql[512];
	struct jx_store *st = new_store("search.db", path);
	struct jx_doc d;
	struct jx_error err;
	int64_t count;

	(void)state;
	rich_doc(&d);
	put_ok(st, &d, "rich.yaml");
	jx_doc_free(&d);
	small_doc(&d, "700001", "搜索测试单位", 2024, 3, 4, yuan(100));
	free(d.projects[0].indicators[0].target);
	d.projects[0].indicators[0].target = xdup("≥90满意度 \"Ab\"");
	put_ok(st, &d, "small.yaml");
	jx_doc_free(&d);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *q = sqlite3_mprintf(
			"SELECT count(*) FROM indicator WHERE instr(name, %Q) > 0"
			" OR instr(target, %Q) > 0 OR instr(description, %Q) > 0"
			" OR instr(basis, %Q) > 0", texts[i], texts[i], texts[i],
			texts[i]);
		int want = q_int(st->db, q);
		sqlite3_free(q);
		jx_error_clear(&err);
		assert_int_equal(jx_store_search_count(st, texts[i], &count,
						       &err), JX_OK);
		if (count != want || search_all(st, texts[i]) != want)
			fail_msg("'%s': index %lld, scan %d", texts[i],
				 (long long)count, want);
	}
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM indicator"
			       " WHERE instr(target, 'Ab') > 0"), 1);
	jx_store_close(st);

	/* Back to schema 2, as the previous release wrote it: reopening
	 * builds the index for the rows already there. */
	sqlite3 *db = raw_open(path, SQLITE_OPEN_READWRITE);
	exec_sql(db, UNDO_SCHEMA_7 UNDO_SCHEMA_6 UNDO_SCHEMA_5
		 " DROP TRIGGER indicator_fts_delete; DROP TRIGGER indicator_fts_update;"
		 " DROP TABLE indicator_fts;"
		 " PRAGMA user_version = 2;");
	sqlite3_close(db);
	st = open_store(path, JX_OPEN_WRITE);
	snprintf(sql, sizeof sql, "INSERT INTO indicator_fts(indicator_fts,"
		 " rank) VALUES ('integrity-check', 1)");
	exec_sql(st->db, sql);
	jx_error_clear(&err);
	assert_int_equal(jx_store_search_count(st, "满意度", &count, &err),
			 JX_OK);
	assert_int_equal(count, q_int(st->db, "SELECT count(*) FROM indicator"
				      " WHERE instr(name, '满意度') > 0 OR"
				      " instr(target, '满意度') > 0 OR"
				      " instr(description, '满意度') > 0 OR"
				      " instr(basis, '满意度') > 0"));
	assert_true(count >= 1);
	close_store(st, path);
}

/* A schema-6 file, whose search index kept every column's size, gets
 * the index without them on open, and finds what it found before. */
static void
test_search_index_drops_sizes(void **state)
{
	static const char *const texts[] = { "满意度", "≥90", "Ab", "9" };
	char path[PATH_SIZE];
	struct jx_store *st = new_store("sizes.db", path);
	int64_t before[4], after;
	struct jx_error err;
	struct jx_doc d;
	sqlite3 *db;

	(void)state;
	rich_doc(&d);
	put_ok(st, &d, "rich.yaml");
	jx_doc_free(&d);
	for (size_t i = 0; i < 4; i++) {
		jx_error_clear(&err);
		assert_int_equal(jx_store_search_count(st, texts[i], &before[i],
						       &err), JX_OK);
	}
	assert_true(before[0] > 0);
	jx_store_close(st);
	db = raw_open(path, SQLITE_OPEN_READWRITE);
	exec_sql(db, UNDO_SCHEMA_7 " PRAGMA user_version = 6;");
	assert_int_equal(q_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
			       " name = 'indicator_fts_docsize'"), 1);
	sqlite3_close(db);

	st = open_store(path, JX_OPEN_WRITE);
	assert_int_equal(q_int(st->db, "PRAGMA user_version"),
			 JX_SCHEMA_VERSION);
	assert_int_equal(q_int(st->db, "SELECT count(*) FROM sqlite_schema"
			       " WHERE name = 'indicator_fts_docsize'"), 0);
	exec_sql(st->db, "INSERT INTO indicator_fts(indicator_fts, rank)"
		 " VALUES ('integrity-check', 1)");
	for (size_t i = 0; i < 4; i++) {
		jx_error_clear(&err);
		assert_int_equal(jx_store_search_count(st, texts[i], &after,
						       &err), JX_OK);
		assert_int_equal(after, before[i]);
	}
	close_store(st, path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_create_new),
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_open_directory),
		cmocka_unit_test(test_open_text_file),
		cmocka_unit_test(test_open_empty_file),
		cmocka_unit_test(test_open_foreign_sqlite),
		cmocka_unit_test(test_open_too_new),
		cmocka_unit_test(test_open_readonly),
		cmocka_unit_test(test_put_get_rich),
		cmocka_unit_test(test_put_batches),
		cmocka_unit_test(test_parsed_targets),
		cmocka_unit_test(test_department_by_name_key),
		cmocka_unit_test(test_put_exists_and_replace),
		cmocka_unit_test(test_rollback_after_failed_put),
		cmocka_unit_test(test_window_departments),
		cmocka_unit_test(test_window_projects_indicators),
		cmocka_unit_test(test_window_backward),
		cmocka_unit_test(test_window_match),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_key_copy),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_query_plans),
		cmocka_unit_test(test_year_ids),
		cmocka_unit_test(test_migrate_from_v1),
		cmocka_unit_test(test_search_index_drops_sizes),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_search_index),
	};
	const char *tmp = getenv("TMPDIR");
	int failed;

	snprintf(g_dir, sizeof g_dir, "%s/jx-test-store-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g_dir)) {
		perror(g_dir);
		return 1;
	}
	setenv("JIXIAO_NOW", TEST_NOW, 1);
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	remove_tree(g_dir);
	return failed;
}
