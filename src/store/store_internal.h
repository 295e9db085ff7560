/*
 * store_internal.h — what the store's own files share: the handle, the
 * prepared-statement cache and small binding helpers. Not for other layers.
 */
#ifndef JX_STORE_INTERNAL_H
#define JX_STORE_INTERNAL_H

#include <sqlite3.h>

#include "core/target.h"
#include "store/store.h"

/* The list queries come in pairs (forward and backward from a key) that
 * share their columns and their optional text filter (NULL: every row). */
#define JX_DEPT_SELECT \
	"SELECT d.id, d.code, d.name, (SELECT group_concat(year, ',') FROM" \
	" (SELECT year FROM dept_year WHERE department_id = d.id" \
	"  ORDER BY year)) FROM department d"
#define JX_DEPT_MATCH \
	" AND (?3 IS NULL OR instr(d.name, ?3) > 0 OR instr(d.code, ?3) > 0)"
#define JX_PROJECT_SELECT \
	"SELECT p.id, p.seq, p.code, p.name, p.annual_total," \
	" (SELECT count(*) FROM indicator WHERE project_id = p.id)" \
	" FROM project p WHERE p.dept_year_id = ?1"
#define JX_PROJECT_MATCH \
	" AND (?4 IS NULL OR instr(p.name, ?4) > 0 OR instr(p.code, ?4) > 0)"
#define JX_INDICATOR_SELECT \
	"SELECT id, seq, level1, level2, name, description, target, basis" \
	" FROM indicator WHERE project_id = ?1"
#define JX_INDICATOR_MATCH \
	" AND (?4 IS NULL OR instr(name, ?4) > 0 OR instr(target, ?4) > 0" \
	" OR instr(level1, ?4) > 0 OR instr(level2, ?4) > 0" \
	" OR instr(description, ?4) > 0 OR instr(basis, ?4) > 0)"

/* What identifies a project across imports: its code, else its normalised
 * name (the same rule as matching across years). */
#define JX_PROJECT_KEY(p) \
	"(CASE WHEN " p ".code IS NOT NULL THEN 'code:' || " p ".code" \
	" ELSE 'name:' || " p ".name_key END)"

/* An indicator containing a text anywhere a reader would look. */
#define JX_SEARCH_MATCH(i, t) \
	"(instr(" i ".name, " t ") > 0 OR instr(" i ".target, " t ") > 0" \
	" OR instr(" i ".description, " t ") > 0" \
	" OR instr(" i ".basis, " t ") > 0)"

/* A department-year with its counts and total. Two statements use it,
 * for every department and for one: a "?1 = 0 OR …" in one statement
 * would keep SQLite from using the index for the one department that
 * every move in the departments pane asks for. */
#define JX_YEAR_SELECT \
	"SELECT y.id, y.department_id, y.year," \
	" (SELECT count(*) FROM project WHERE dept_year_id = y.id)," \
	" (SELECT count(*) FROM indicator i JOIN project p" \
	"  ON i.project_id = p.id WHERE p.dept_year_id = y.id)," \
	" (SELECT sum(annual_total) FROM project WHERE dept_year_id = y.id)," \
	" d.code, d.name FROM dept_year y JOIN department d" \
	" ON d.id = y.department_id"

/* Every statement the store runs more than once, prepared once per handle
 * (SQLITE_PREPARE_PERSISTENT) and reset after use. */
#define JX_STMT_LIST(_) \
	_(FIND_DEPT_BY_CODE, "SELECT id FROM department WHERE code = ?1") \
	_(FIND_DEPT_BY_KEY, \
	  "SELECT id FROM department WHERE code IS NULL AND name_key = ?1") \
	_(INSERT_DEPT, \
	  "INSERT INTO department(code, name, name_key, competent, created_at," \
	  " updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?5)") \
	_(FIND_YEAR, \
	  "SELECT id FROM dept_year WHERE department_id = ?1 AND year = ?2") \
	_(DELETE_YEAR, "DELETE FROM dept_year WHERE id = ?1") \
	_(INSERT_YEAR, \
	  "INSERT INTO dept_year(department_id, year, framework, source, note," \
	  " goals, measures, created_at, updated_at)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)") \
	_(INSERT_SUBGOAL, \
	  "INSERT INTO subgoal(dept_year_id, seq, title, goal, indicator," \
	  " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)") \
	_(INSERT_PROJECT, \
	  "INSERT INTO project(dept_year_id, seq, code, name, name_key, title," \
	  " competent, unit, attribute, category, period, period_total," \
	  " period_fiscal, period_other, annual_total, annual_fiscal," \
	  " annual_other, purpose, period_goal, annual_goal, goal, note," \
	  " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9," \
	  " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22," \
	  " ?23, ?23)") \
	_(INSERT_CHECKPOINT, \
	  "INSERT INTO checkpoint(project_id, seq, label, percent)" \
	  " VALUES(?1, ?2, ?3, ?4)") \
	_(INSERT_INDICATOR, \
	  "INSERT INTO indicator(project_id, seq, level1, level2, name," \
	  " description, target, basis, t_kind, t_cmp, t_value, t_unit, t_year," \
	  " t_month, t_day, t_word, t_warn, created_at, updated_at)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
	  " ?15, ?16, ?17, ?18, ?18)") \
	_(INDEX_NEW, \
	  "INSERT INTO indicator_fts(rowid, name, target, description, basis)" \
	  " SELECT id, name, target, description, basis FROM indicator" \
	  " WHERE id > ?1") \
	_(MAX_INDICATOR_ID, "SELECT coalesce(max(id), 0) FROM indicator") \
	_(INSERT_CHANGE, \
	  "INSERT INTO change_log(at, who, action, tbl, record_id, field, old," \
	  " new) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
	_(YEAR_COUNTS, \
	  "SELECT (SELECT count(*) FROM project WHERE dept_year_id = ?1)," \
	  " (SELECT count(*) FROM indicator i JOIN project p" \
	  "  ON i.project_id = p.id WHERE p.dept_year_id = ?1)") \
	_(GET_YEAR, \
	  "SELECT d.code, d.name, d.competent, y.year, y.framework, y.source," \
	  " y.note, y.goals, y.measures FROM dept_year y" \
	  " JOIN department d ON d.id = y.department_id WHERE y.id = ?1") \
	_(GET_SUBGOALS, \
	  "SELECT title, goal, indicator FROM subgoal WHERE dept_year_id = ?1" \
	  " ORDER BY seq, id") \
	_(GET_PROJECT_IDS, \
	  "SELECT id FROM project WHERE dept_year_id = ?1 ORDER BY seq, id") \
	_(GET_PROJECT, \
	  "SELECT code, name, title, competent, unit, attribute, category," \
	  " period, period_total, period_fiscal, period_other, annual_total," \
	  " annual_fiscal, annual_other, purpose, period_goal, annual_goal," \
	  " goal, note FROM project WHERE id = ?1") \
	_(GET_CHECKPOINTS, \
	  "SELECT label, percent FROM checkpoint WHERE project_id = ?1" \
	  " ORDER BY seq, id") \
	_(GET_INDICATOR, \
	  "SELECT level1, level2, name, description, target, basis" \
	  " FROM indicator WHERE id = ?1") \
	_(GET_INDICATORS, \
	  "SELECT level1, level2, name, description, target, basis" \
	  " FROM indicator WHERE project_id = ?1 ORDER BY seq, id") \
	_(LIST_DEPTS, JX_DEPT_SELECT " WHERE (d.name, d.id) > (?1, ?2)" \
	  JX_DEPT_MATCH " ORDER BY d.name, d.id LIMIT ?4") \
	_(LIST_DEPTS_BACK, JX_DEPT_SELECT " WHERE (d.name, d.id) < (?1, ?2)" \
	  JX_DEPT_MATCH " ORDER BY d.name DESC, d.id DESC LIMIT ?4") \
	_(COUNT_DEPTS, "SELECT count(*) FROM department d" \
	  " WHERE (d.name, d.id) < (?1, ?2)") \
	_(LIST_PROJECTS, JX_PROJECT_SELECT \
	  " AND (p.seq, p.id) > (?2, ?3)" JX_PROJECT_MATCH \
	  " ORDER BY p.seq, p.id LIMIT ?5") \
	_(LIST_PROJECTS_BACK, JX_PROJECT_SELECT \
	  " AND (p.seq, p.id) < (?2, ?3)" JX_PROJECT_MATCH \
	  " ORDER BY p.seq DESC, p.id DESC LIMIT ?5") \
	_(COUNT_PROJECTS, "SELECT count(*) FROM project p" \
	  " WHERE p.dept_year_id = ?1 AND (p.seq, p.id) < (?2, ?3)") \
	_(LIST_INDICATORS, JX_INDICATOR_SELECT \
	  " AND (seq, id) > (?2, ?3)" JX_INDICATOR_MATCH \
	  " ORDER BY seq, id LIMIT ?5") \
	_(LIST_INDICATORS_BACK, JX_INDICATOR_SELECT \
	  " AND (seq, id) < (?2, ?3)" JX_INDICATOR_MATCH \
	  " ORDER BY seq DESC, id DESC LIMIT ?5") \
	_(COUNT_INDICATORS, "SELECT count(*) FROM indicator" \
	  " WHERE project_id = ?1 AND (seq, id) < (?2, ?3)") \
	_(LIST_YEARS, JX_YEAR_SELECT \
	  " ORDER BY d.name, d.id, y.year") \
	_(LIST_YEARS_OF, JX_YEAR_SELECT " WHERE y.department_id = ?1" \
	  " ORDER BY y.year") \
	_(COMPARE_PROJECTS, \
	  "SELECT p.id, p.code, p.name, p.annual_total," \
	  " (SELECT pa.id FROM project_link l" \
	  "  JOIN dept_year ya ON ya.department_id = l.department_id" \
	  "   AND ya.year = l.predecessor_year" \
	  "  JOIN project pa ON pa.dept_year_id = ya.id" \
	  "   AND " JX_PROJECT_KEY("pa") " = l.predecessor_key" \
	  "  WHERE l.department_id = y.department_id AND l.year = y.year" \
	  "   AND l.predecessor_year = ?2" \
	  "   AND l.project_key = " JX_PROJECT_KEY("p") " LIMIT 1)" \
	  " FROM project p JOIN dept_year y ON y.id = p.dept_year_id" \
	  " WHERE p.dept_year_id = ?1 ORDER BY p.seq, p.id") \
	_(YEAR_INDICATORS, \
	  "SELECT i.project_id, i.level1, i.level2, i.name, i.description," \
	  " i.target, i.basis FROM project p JOIN indicator i" \
	  " ON i.project_id = p.id WHERE p.dept_year_id = ?1" \
	  " ORDER BY p.seq, p.id, i.seq, i.id") \
	_(PROJECT_IDENTITY, \
	  "SELECT y.department_id, y.year, " JX_PROJECT_KEY("p") \
	  " FROM project p JOIN dept_year y ON y.id = p.dept_year_id" \
	  " WHERE p.id = ?1") \
	_(PUT_LINK, \
	  "INSERT OR REPLACE INTO project_link(department_id, year," \
	  " project_key, predecessor_year, predecessor_key, created_at, who)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	_(DELETE_LINK, \
	  "DELETE FROM project_link WHERE department_id = ?1 AND year = ?2" \
	  " AND project_key = ?3") \
	_(FIND_CODE_ANYWHERE, \
	  "SELECT p.id, p.seq, y.department_id, y.year, d.name FROM project p" \
	  " JOIN dept_year y ON y.id = p.dept_year_id" \
	  " JOIN department d ON d.id = y.department_id" \
	  " WHERE p.code = ?1 ORDER BY y.year DESC, p.id LIMIT 1") \
	_(CODE_PREFIX, \
	  "SELECT 1 FROM project WHERE code >= ?1 AND code < ?1 || x'ff'" \
	  " LIMIT 1") \
	_(SEARCH_INDICATORS, \
	  "SELECT i.id, d.code, d.name, y.year, p.code, p.name, i.level2," \
	  " i.name, i.target FROM indicator i" \
	  " JOIN project p ON p.id = i.project_id" \
	  " JOIN dept_year y ON y.id = p.dept_year_id" \
	  " JOIN department d ON d.id = y.department_id" \
	  " WHERE i.id > ?1 AND " JX_SEARCH_MATCH("i", "?2") \
	  " ORDER BY i.id LIMIT ?3") \
	_(SEARCH_INDICATORS_FTS, \
	  "SELECT i.id, d.code, d.name, y.year, p.code, p.name, i.level2," \
	  " i.name, i.target FROM indicator_fts f" \
	  " JOIN indicator i ON i.id = f.rowid" \
	  " JOIN project p ON p.id = i.project_id" \
	  " JOIN dept_year y ON y.id = p.dept_year_id" \
	  " JOIN department d ON d.id = y.department_id" \
	  " WHERE indicator_fts MATCH ?2 AND f.rowid > ?1" \
	  " ORDER BY f.rowid LIMIT ?3") \
	_(COUNT_SEARCH_FTS, \
	  "SELECT count(*) FROM indicator_fts WHERE indicator_fts MATCH ?1") \
	_(COUNT_SEARCH, \
	  "SELECT count(*) FROM indicator i WHERE " JX_SEARCH_MATCH("i", "?1")) \
	_(FIND_DEPT_BY_NAME, "SELECT id FROM department WHERE name = ?1") \
	_(FIND_DEPT_LIKE, \
	  "SELECT id, name FROM department WHERE instr(name_key, ?1) > 0" \
	  " ORDER BY name, id LIMIT 6") \
	_(FIND_PROJECT_BY_CODE, \
	  "SELECT id FROM project WHERE dept_year_id = ?1 AND code = ?2") \
	_(FIND_PROJECT_BY_POS, \
	  "SELECT id FROM project WHERE dept_year_id = ?1" \
	  " ORDER BY seq, id LIMIT 1 OFFSET ?2") \
	_(FIND_PROJECT_BY_NAME, \
	  "SELECT id FROM project WHERE dept_year_id = ?1 AND name = ?2") \
	_(FIND_PROJECT_LIKE, \
	  "SELECT id, name FROM project WHERE dept_year_id = ?1" \
	  " AND instr(name_key, ?2) > 0 ORDER BY seq, id LIMIT 6")

enum jx_stmt_id {
#define JX_STMT_ENUM(name, sql) JX_STMT_##name,
	JX_STMT_LIST(JX_STMT_ENUM)
#undef JX_STMT_ENUM
	JX_STMT_COUNT
};

/* Parsed targets by text: a table holds a few thousand distinct targets
 * among millions of rows, and parsing is the costliest part of an insert. */
#define JX_TARGET_CACHE 1024
struct jx_target_slot {
	char *text;
	struct jx_target parsed;
};

struct jx_store {
	sqlite3 *db;
	struct jx_target_slot *targets;   /* JX_TARGET_CACHE slots, lazily */
	char *path;
	char *user;
	bool readonly;
	bool in_txn;
	/* Indicators added in this transaction are indexed for search when it
	 * commits: those with an id above this (ids only grow: AUTOINCREMENT). */
	bool index_pending;
	int64_t index_after;
	sqlite3_stmt *stmts[JX_STMT_COUNT];
};

/* The cached statement, prepared on first use; NULL with err set on failure.
 * Always reset and with bindings cleared. */
sqlite3_stmt *jx_stmt(struct jx_store *st, enum jx_stmt_id id,
		      struct jx_error *err);

/* err := JX_DB with SQLite's message and what we were doing. */
enum jx_status jx_db_error(struct jx_store *st, struct jx_error *err,
			   const char *doing);

/* Bind helpers: NULL text binds SQL NULL; absent amounts bind NULL. */
void jx_bind_text(sqlite3_stmt *s, int i, const char *text);
void jx_bind_amount(sqlite3_stmt *s, int i, struct jx_amount a);
/* Column helpers: owned copies (NULL for SQL NULL). Return false when out
 * of memory. */
bool jx_col_dup(sqlite3_stmt *s, int i, char **out);
struct jx_amount jx_col_amount(sqlite3_stmt *s, int i);
const char *jx_col_text(sqlite3_stmt *s, int i);

/* Current time as ISO-8601 UTC ("2026-11-21T14:41:12Z"); JIXIAO_NOW (epoch
 * seconds) overrides the clock so that tests are deterministic. */
void jx_store_now(char buf[32]);

/* Notes that indicators are about to be added in this transaction, so that
 * commit indexes them for search (see schema.c, 3 -> 4). */
enum jx_status jx_store_will_add_indicators(struct jx_store *st,
					    struct jx_error *err);

/* The parsed form of a target, from the cache when it was seen before. */
void jx_store_parse_target(struct jx_store *st, const char *text,
			   struct jx_target *out);

/* Appends one row to the change log (same transaction as the change). */
enum jx_status jx_log_change(struct jx_store *st, const char *action,
			     const char *table, int64_t record_id,
			     const char *field, const char *old_value,
			     const char *new_value, struct jx_error *err);

#endif
