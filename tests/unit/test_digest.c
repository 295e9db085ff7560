/*
 * test_digest.c — the digest of a project's indicators (core/digest.h) and
 * how the store keeps it (schema 6).
 *
 * Equal content gives equal digests, and a change to anything comparing
 * reads (level 1, level 2, name, target, order) changes it. Every write
 * path — import, the record edits (save, insert, delete, move an
 * indicator; insert, delete, re-insert a project), a year copied from
 * another — leaves each project's stored digest equal to the digest of
 * its stored indicators, which check_all recomputes with SQL of its own.
 * A file of schema 5 gets its digests when it is opened. Comparing years
 * trusts equal digests instead of reading indicators, and gives what
 * judging every pair gives; the indicators it does read come in batches
 * of projects, each project's whole and in order.
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "analysis/year_compare.h"
#include "core/digest.h"
#include "core/error.h"
#include "core/record.h"
#include "core/text.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_edit.h"
#include "store/store_internal.h"

#define PATH_SIZE 1024

static char g_dir[PATH_SIZE];

/* ---- helpers -------------------------------------------------------------- */

static char *
xdup(const char *s)
{
	char *c = jx_strdup(s);

	if (s)
		assert_non_null(c);
	return c;
}

static void
set_str(char **field, const char *value)
{
	free(*field);
	*field = xdup(value);
}

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
add_project(struct jx_doc *d, const char *code, const char *name,
	    int64_t yuan)
{
	struct jx_project *p = jx_doc_add_project(d);

	assert_non_null(p);
	p->code = xdup(code);
	p->name = xdup(name);
	p->annual_total = (struct jx_amount){ true, yuan };
}

/*
 * 990001 摘要测试单位, `year`: P1 资产管理 (three indicators), P2 社区服务
 * (two), P3 办公经费 (none). `changed` rewrites P2's second target
 * (逐步提高 → 明显提高) and raises P1's budget, with its indicators kept.
 */
static void
make_doc(struct jx_doc *d, int year, bool changed)
{
	struct jx_project *p;

	jx_doc_init(d);
	d->dept_code = xdup("990001");
	d->dept_name = xdup("摘要测试单位");
	d->year = year;
	add_project(d, "P1", "资产管理", changed ? 1200000 : 1000000);
	p = &d->projects[0];
	add_ind(p, "产出指标", "数量指标", "资产盘点数量", "≥100项");
	add_ind(p, "产出指标", "质量指标", "账实相符率", "≥90%");
	add_ind(p, "满意度指标", "服务对象满意度指标", "使用单位满意度",
		"≥90%");
	p->indicators[0].description = xdup("盘点的资产");
	add_project(d, "P2", "社区服务", 500000);
	p = &d->projects[1];
	add_ind(p, "效益指标", "社会效益指标", "居民服务覆盖率", "≥80%");
	add_ind(p, "效益指标", "社会效益指标", "服务水平",
		changed ? "明显提高" : "逐步提高");
	add_project(d, "P3", "办公经费", 300000);
}

static struct jx_store *
open_store(const char *path, enum jx_open_mode mode)
{
	struct jx_store *st = NULL;
	struct jx_error err;

	jx_error_clear(&err);
	if (jx_store_open(path, mode, &st, &err) != JX_OK)
		fail_msg("open %s: %s", path, err.message);
	jx_store_set_user(st, "测试");
	return st;
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

/* A new file in the test directory holding make_doc of 2024 and, changed,
 * of 2025. */
static struct jx_store *
new_store(const char *name, char path[PATH_SIZE])
{
	struct jx_import_counts counts = { 0 };
	struct jx_error err;
	struct jx_store *st;
	struct jx_doc d;

	if (snprintf(path, PATH_SIZE, "%s/%s", g_dir, name) >= PATH_SIZE)
		fail_msg("path too long");
	remove_db(path);
	st = open_store(path, JX_OPEN_CREATE);
	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	for (int year = 2024; year <= 2025; year++) {
		make_doc(&d, year, year == 2025);
		if (jx_store_put_doc(st, &d, false, "t.yaml", &counts, &err)
		    != JX_OK)
			fail_msg("put_doc: %s", err.message);
		jx_doc_free(&d);
	}
	assert_int_equal(jx_store_commit(st, &err), JX_OK);
	return st;
}

static void
close_store(struct jx_store *st, const char *path)
{
	jx_store_close(st);
	remove_db(path);
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

/* The digest of project id's stored indicators, read here. */
static int64_t
recompute(struct jx_store *st, int64_t id)
{
	sqlite3_stmt *s;
	struct jx_digest d;

	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT level1, level2,"
			 " name, target FROM indicator WHERE project_id = ?"
			 " ORDER BY seq, id", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, id);
	jx_digest_init(&d);
	while (sqlite3_step(s) == SQLITE_ROW)
		jx_digest_add(&d, (const char *)sqlite3_column_text(s, 0),
			      (const char *)sqlite3_column_text(s, 1),
			      (const char *)sqlite3_column_text(s, 2),
			      (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	return jx_digest_value(&d);
}

static int64_t
stored(struct jx_store *st, int64_t id)
{
	return q_int(st, "SELECT coalesce(digest, -1) FROM project WHERE"
		     " id = %lld", (long long)id);
}

/* Every project's stored digest is that of its stored indicators;
 * returns how many projects there are. */
static int
check_all(struct jx_store *st, const char *after)
{
	sqlite3_stmt *s;
	int n = 0;

	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT id FROM project",
					    -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		if (stored(st, id) != recompute(st, id))
			fail_msg("after %s: project %lld has digest %lld, its"
				 " indicators %lld", after, (long long)id,
				 (long long)stored(st, id),
				 (long long)recompute(st, id));
		n++;
	}
	sqlite3_finalize(s);
	return n;
}

static int64_t
project_id(struct jx_store *st, int year, const char *code)
{
	return q_int(st, "SELECT p.id FROM project p JOIN dept_year y ON"
		     " y.id = p.dept_year_id WHERE y.year = %d AND p.code = %Q",
		     year, code);
}

static int64_t
indicator_id(struct jx_store *st, int64_t project, int nth)
{
	return q_int(st, "SELECT id FROM indicator WHERE project_id = %lld"
		     " ORDER BY seq, id LIMIT 1 OFFSET %d", (long long)project,
		     nth);
}

static int64_t
version_of(struct jx_store *st, const char *tbl, int64_t id)
{
	return q_int(st, "SELECT version FROM %s WHERE id = %lld", tbl,
		     (long long)id);
}

/* ---- the digest itself ---------------------------------------------------- */

static void
fill(struct jx_project *p)
{
	memset(p, 0, sizeof *p);
	add_ind(p, "产出指标", "数量指标", "培训人次", "≥300人次");
	add_ind(p, "效益指标", "社会效益指标", "群众知晓率", "≥90%");
	add_ind(p, "满意度指标", "服务对象满意度指标", "满意度", "≥95%");
}

/* p with field `which` (0 level 1 … 3 target) of indicator k set to v. */
static int64_t
digest_with(int k, int which, const char *v)
{
	struct jx_project p;
	char **fields[4];
	int64_t d;

	fill(&p);
	fields[0] = &p.indicators[k].level1;
	fields[1] = &p.indicators[k].level2;
	fields[2] = &p.indicators[k].name;
	fields[3] = &p.indicators[k].target;
	set_str(fields[which], v);
	d = jx_indicators_digest(p.indicators, p.n_indicators);
	jx_project_free(&p);
	return d;
}

static void
test_digest_of_content(void **state)
{
	struct jx_project a, b;
	struct jx_indicator swapped[3];   /* a's, not owned */
	struct jx_digest inc;
	int64_t da, da2;

	(void)state;
	fill(&a);
	fill(&b);
	da = jx_indicators_digest(a.indicators, a.n_indicators);
	assert_true(da > 0);
	assert_int_equal(da, jx_indicators_digest(b.indicators,
						  b.n_indicators));
	/* Fed one by one: the same. */
	jx_digest_init(&inc);
	for (size_t i = 0; i < a.n_indicators; i++)
		jx_digest_add(&inc, a.indicators[i].level1,
			      a.indicators[i].level2, a.indicators[i].name,
			      a.indicators[i].target);
	assert_int_equal(jx_digest_value(&inc), da);
	/* What comparing does not read does not count. */
	set_str(&b.indicators[1].description, "说明");
	set_str(&b.indicators[2].basis, "依据");
	assert_int_equal(jx_indicators_digest(b.indicators, b.n_indicators),
			 da);
	/* Each field that comparing reads counts, as written. */
	assert_true(digest_with(1, 0, "效果指标") != da);
	assert_true(digest_with(1, 1, "社会效益") != da);
	assert_true(digest_with(1, 2, "群众知晓率 ") != da);
	assert_true(digest_with(1, 3, "≥91%") != da);
	assert_true(digest_with(1, 3, "≥９０％") != da);
	/* Where one text ends and the next begins counts. */
	jx_digest_init(&inc);
	jx_digest_add(&inc, "产出指标数量", "指标", "培训人次", "≥300人次");
	da2 = jx_digest_value(&inc);
	jx_digest_init(&inc);
	jx_digest_add(&inc, "产出指标", "数量指标", "培训人次", "≥300人次");
	assert_true(jx_digest_value(&inc) != da2);
	/* So does the order, and so does each indicator. */
	swapped[0] = a.indicators[1];
	swapped[1] = a.indicators[0];
	swapped[2] = a.indicators[2];
	assert_true(jx_indicators_digest(swapped, 3) != da);
	assert_true(jx_indicators_digest(a.indicators, 2) != da);
	/* NULL reads as "". */
	assert_int_equal(digest_with(2, 3, ""), digest_with(2, 3, NULL));
	/* No indicators: 0, and only then. */
	assert_int_equal(jx_indicators_digest(NULL, 0), 0);
	assert_true(digest_with(0, 3, "") != 0);
	/* Digests are kept in files: the function must not change between
	 * machines or releases (a change would make equal lists look
	 * different until they are written again). */
	jx_digest_init(&inc);
	jx_digest_add(&inc, "产出指标", "数量指标", "培训人次", "≥300人次");
	assert_int_equal(jx_digest_value(&inc), INT64_C(1056712362271614845));
	jx_project_free(&b);
	jx_project_free(&a);
}

/* ---- the store keeps it ------------------------------------------------- */

static void
test_import_stores_digests(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("import.db", path);
	struct jx_doc d;

	(void)state;
	assert_int_equal(check_all(st, "import"), 6);
	make_doc(&d, 2024, false);
	assert_int_equal(stored(st, project_id(st, 2024, "P1")),
			 jx_indicators_digest(d.projects[0].indicators,
					      d.projects[0].n_indicators));
	jx_doc_free(&d);
	/* Same indicators, same digest, whatever the budget; P2's rewritten
	 * target changes it; no indicators is 0. */
	assert_int_equal(stored(st, project_id(st, 2024, "P1")),
			 stored(st, project_id(st, 2025, "P1")));
	assert_true(stored(st, project_id(st, 2024, "P2")) !=
		    stored(st, project_id(st, 2025, "P2")));
	assert_int_equal(stored(st, project_id(st, 2025, "P3")), 0);
	close_store(st, path);
}

static void
save_target(struct jx_store *st, int64_t ind_id, const char *target,
	    const char *description)
{
	struct jx_indicator ind = { 0 };
	struct jx_rec_meta m;
	struct jx_error err;
	int64_t v;

	jx_error_clear(&err);
	assert_int_equal(jx_store_load_indicator(st, ind_id, &ind, &m, &err),
			 JX_OK);
	set_str(&ind.target, target);
	set_str(&ind.description, description);
	v = m.version;
	if (jx_store_save_indicator(st, ind_id, &v, &ind, &err) != JX_OK)
		fail_msg("save: %s", err.message);
	jx_indicator_free(&ind);
}

/* Saving an indicator: a new target changes the digest, the old one
 * brings it back, a new description leaves it. */
static void
test_save_keeps_digest(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("save.db", path);
	int64_t p1 = project_id(st, 2024, "P1"), d0 = stored(st, p1);
	int64_t ind = indicator_id(st, p1, 1);

	(void)state;
	save_target(st, ind, "≥95%", NULL);
	assert_true(stored(st, p1) != d0);
	check_all(st, "save");
	save_target(st, ind, "≥90%", NULL);
	assert_int_equal(stored(st, p1), d0);
	save_target(st, ind, "≥90%", "新的说明");
	assert_int_equal(stored(st, p1), d0);
	/* The digest is not the project's data: its version stays. */
	assert_int_equal(version_of(st, "project", p1), 1);
	check_all(st, "save");
	close_store(st, path);
}

/* Adding, moving and deleting an indicator, then a project deleted and
 * put back with its ids (as undo does). */
static void
test_rows_keep_digest(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("rows.db", path);
	int64_t p2 = project_id(st, 2024, "P2"), d0 = stored(st, p2);
	int64_t first = indicator_id(st, p2, 0), added = 0, back = 0;
	int64_t ids[2], d1;
	struct jx_project p, one = { 0 };
	struct jx_rec_meta m;
	struct jx_error err;
	int64_t *want;

	(void)state;
	add_ind(&one, "效益指标", "可持续影响指标", "长效机制", "健全");
	jx_error_clear(&err);
	assert_int_equal(jx_store_insert_indicator(st, p2, first,
						   &one.indicators[0], 0,
						   &added, &err), JX_OK);
	jx_project_free(&one);
	d1 = stored(st, p2);
	assert_true(d1 != d0);
	check_all(st, "insert indicator");
	assert_int_equal(jx_store_move_indicator(st, added, -1, &err), JX_OK);
	assert_true(stored(st, p2) != d1);
	check_all(st, "move indicator");
	assert_int_equal(jx_store_move_indicator(st, added, 1, &err), JX_OK);
	assert_int_equal(stored(st, p2), d1);
	assert_int_equal(jx_store_delete_indicator(st, added, 1, &err), JX_OK);
	assert_int_equal(stored(st, p2), d0);
	check_all(st, "delete indicator");

	/* A project out and back in, with the same ids. */
	assert_int_equal(jx_store_load_project(st, p2, &p, &m, &want, &err),
			 JX_OK);
	ids[0] = want[0];
	ids[1] = want[1];
	assert_int_equal(jx_store_delete_project(st, p2, m.version, &err),
			 JX_OK);
	assert_int_equal(jx_store_insert_project(st, m.parent_id, 0, &p, p2,
						 ids, &back, &err), JX_OK);
	assert_int_equal(back, p2);
	assert_int_equal(stored(st, p2), d0);
	/* A duplicate (no ids) has the same indicators, so the same digest. */
	assert_int_equal(jx_store_insert_project(st, m.parent_id, p2, &p, 0,
						 NULL, &back, &err), JX_OK);
	assert_int_equal(stored(st, back), d0);
	check_all(st, "insert project");
	free(want);
	jx_project_free(&p);
	close_store(st, path);
}

/* A year copied from another keeps every project's digest, and so does
 * a replacing import of the same file. */
static void
test_copy_and_replace_keep_digests(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("copy.db", path);
	struct jx_import_counts counts = { 0 };
	struct jx_error err;
	struct jx_doc d;
	int64_t dept, from, copy;

	(void)state;
	jx_error_clear(&err);
	assert_int_equal(jx_store_find_department(st, "990001", &dept, &err),
			 JX_OK);
	assert_int_equal(jx_store_find_year(st, dept, 2025, &from, &err),
			 JX_OK);
	assert_int_equal(jx_store_copy_year(st, from, 2026, &copy, &err),
			 JX_OK);
	assert_int_equal(check_all(st, "copy year"), 9);
	for (int i = 0; i < 3; i++) {
		const char *code = i == 0 ? "P1" : i == 1 ? "P2" : "P3";
		assert_int_equal(stored(st, project_id(st, 2026, code)),
				 stored(st, project_id(st, 2025, code)));
	}
	make_doc(&d, 2026, false);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &d, true, "t.yaml", &counts,
					  &err), JX_OK);
	assert_int_equal(jx_store_commit(st, &err), JX_OK);
	jx_doc_free(&d);
	assert_int_equal(stored(st, project_id(st, 2026, "P2")),
			 stored(st, project_id(st, 2024, "P2")));
	check_all(st, "replace");
	close_store(st, path);
}

/* A file of schema 5 (no digests) gets them on open. */
static void
test_migration_fills_digests(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("migrate.db", path);
	int64_t p1 = project_id(st, 2024, "P1"), d1 = stored(st, p1);
	sqlite3 *db;

	(void)state;
	jx_store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec_sql(db, "ALTER TABLE project DROP COLUMN digest;"
		 " PRAGMA user_version = 5;");
	sqlite3_close(db);

	/* Read-only, it is refused as not initialised, and left alone. */
	struct jx_error err;
	jx_error_clear(&err);
	assert_int_equal(jx_store_open(path, JX_OPEN_READONLY, &st, &err),
			 JX_NOTDB);
	st = open_store(path, JX_OPEN_WRITE);
	assert_int_equal(q_int(st, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(q_int(st, "SELECT count(*) FROM project WHERE"
			       " digest IS NULL"), 0);
	assert_int_equal(check_all(st, "migration"), 6);
	assert_int_equal(stored(st, p1), d1);
	assert_int_equal(stored(st, project_id(st, 2024, "P3")), 0);
	close_store(st, path);
}

/* ---- comparing trusts it ------------------------------------------------ */

static size_t
row_of(const struct jx_year_compare *c, const char *code)
{
	for (size_t i = 0; i < c->result.n; i++)
		if (c->result.rows[i].b &&
		    strcmp(c->result.rows[i].b->code, code) == 0)
			return i;
	fail_msg("no row %s", code);
	return 0;
}

static void
load(struct jx_store *st, struct jx_year_compare *c)
{
	struct jx_error err;
	int64_t dept;

	jx_error_clear(&err);
	assert_int_equal(jx_store_find_department(st, "990001", &dept, &err),
			 JX_OK);
	if (jx_year_compare_load(st, dept, 2024, 2025, NULL, c, &err) != JX_OK)
		fail_msg("compare: %s", err.message);
}

static void
judge(struct jx_store *st, struct jx_year_compare *c, size_t row)
{
	struct jx_error err;

	jx_error_clear(&err);
	assert_int_equal(jx_year_compare_pair(st, c, row, &err), JX_OK);
	assert_true(c->judged[row]);
}

/* What comparing 2024 with 2025 says of P1 (more money, same
 * indicators), P2 (a target rewritten) and P3 (no indicators). */
static void
expect_result(const struct jx_year_compare *c)
{
	const struct jx_cmp_row *p1 = &c->result.rows[row_of(c, "P1")];
	const struct jx_cmp_row *p2 = &c->result.rows[row_of(c, "P2")];
	const struct jx_cmp_row *p3 = &c->result.rows[row_of(c, "P3")];

	assert_int_equal(p1->status, JX_CS_CHANGED);
	assert_true(p1->flagged);
	assert_int_equal(p2->status, JX_CS_CHANGED);
	assert_false(p2->flagged);
	assert_int_equal(p3->status, JX_CS_SAME);
	assert_false(p3->flagged);
	assert_int_equal(c->result.n_same, 1);
	assert_int_equal(c->result.n_changed, 2);
}

static void
test_compare_trusts_digests(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("compare.db", path);
	struct jx_year_compare c;
	size_t r1;

	(void)state;
	/* P1 and P3 have equal digests: not read, yet judged right. */
	load(st, &c);
	r1 = row_of(&c, "P1");
	assert_false(c.judged[r1]);
	assert_false(c.judged[row_of(&c, "P3")]);
	assert_true(c.judged[row_of(&c, "P2")]);
	assert_int_equal(c.indicators[r1].n, 0);
	expect_result(&c);
	/* Read when asked for (Enter in the compare view): all the same,
	 * and nothing else moves. */
	judge(st, &c, r1);
	assert_int_equal(c.indicators[r1].n, 3);
	assert_int_equal(c.indicators[r1].n_same, 3);
	for (size_t i = 0; i < c.result.n; i++)
		judge(st, &c, i);
	expect_result(&c);
	jx_year_compare_free(&c);

	/* Digests not known: every pair is read, with the same result. */
	exec_sql(st->db, "UPDATE project SET digest = NULL");
	load(st, &c);
	for (size_t i = 0; i < c.result.n; i++)
		assert_true(c.judged[i]);
	expect_result(&c);
	jx_year_compare_free(&c);

	/* Equal digests are believed without a look (forged here, as a
	 * collision would): P2 reads as the same until it is opened, which
	 * puts it right. */
	exec_sql(st->db, "UPDATE project SET digest = 7 WHERE code = 'P2'");
	load(st, &c);
	assert_int_equal(c.result.rows[row_of(&c, "P2")].status, JX_CS_SAME);
	judge(st, &c, row_of(&c, "P2"));
	assert_int_equal(c.result.rows[row_of(&c, "P2")].status,
			 JX_CS_CHANGED);
	assert_int_equal(c.result.n_changed, 2);
	jx_year_compare_free(&c);
	close_store(st, path);
}

/* ---- reading indicators to compare -------------------------------------- */

struct seen {
	int64_t last;
	int per[80];        /* rows per project, by position */
	const int64_t *ids;
	bool in_order;
};

static int
on_row(void *ctx, const struct jx_target_row *r)
{
	struct seen *s = ctx;
	int k = 0;
	char want[32];

	while (s->ids[k] != r->project_id)
		k++;
	if (r->project_id < s->last)
		s->in_order = false;
	s->last = r->project_id;
	/* Each project's own order: 指标0, 指标1, … */
	snprintf(want, sizeof want, "指标%d", s->per[k]++);
	if (strcmp(r->name, want) != 0)
		s->in_order = false;
	return 0;
}

/* 70 projects (more than two statements' worth) with 0 to 3 indicators:
 * each project's rows, in their order, and nothing else. */
static void
test_targets_in_batches(void **state)
{
	char path[PATH_SIZE];
	struct jx_store *st = new_store("batch.db", path);
	struct jx_import_counts counts = { 0 };
	struct seen seen = { 0, { 0 }, NULL, true };
	struct jx_error err;
	struct jx_doc d;
	int64_t ids[70];
	char code[16], name[32];

	(void)state;
	jx_doc_init(&d);
	d.dept_code = xdup("990002");
	d.dept_name = xdup("批量测试单位");
	d.year = 2024;
	for (int i = 0; i < 70; i++) {
		snprintf(code, sizeof code, "B%02d", i);
		add_project(&d, code, code, 100);
		for (int k = 0; k < i % 4; k++) {
			snprintf(name, sizeof name, "指标%d", k);
			add_ind(&d.projects[i], "产出指标", "数量指标", name,
				"≥1个");
		}
	}
	jx_error_clear(&err);
	assert_int_equal(jx_store_begin(st, &err), JX_OK);
	assert_int_equal(jx_store_put_doc(st, &d, false, "b.yaml", &counts,
					  &err), JX_OK);
	assert_int_equal(jx_store_commit(st, &err), JX_OK);
	jx_doc_free(&d);
	for (int i = 0; i < 70; i++) {
		snprintf(code, sizeof code, "B%02d", i);
		ids[i] = project_id(st, 2024, code);
		assert_true(i == 0 || ids[i] > ids[i - 1]);
	}
	seen.ids = ids;
	assert_int_equal(jx_store_project_targets(st, ids, 70, on_row, &seen,
						  &err), JX_OK);
	assert_true(seen.in_order);
	for (int i = 0; i < 70; i++)
		assert_int_equal(seen.per[i], i % 4);
	close_store(st, path);
}

/* ---- main ------------------------------------------------------------------ */

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digest_of_content),
		cmocka_unit_test(test_import_stores_digests),
		cmocka_unit_test(test_save_keeps_digest),
		cmocka_unit_test(test_rows_keep_digest),
		cmocka_unit_test(test_copy_and_replace_keep_digests),
		cmocka_unit_test(test_migration_fills_digests),
		cmocka_unit_test(test_compare_trusts_digests),
		cmocka_unit_test(test_targets_in_batches),
	};
	const char *tmp = getenv("TMPDIR");
	int failed;

	snprintf(g_dir, sizeof g_dir, "%s/jx-test-digest-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g_dir)) {
		perror(g_dir);
		return 1;
	}
	setenv("JIXIAO_NOW", "1700000000", 1);
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(g_dir);
	return failed;
}
