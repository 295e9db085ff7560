/*
 * store_internal.h — what the store's own files share: the handle, the
 * prepared-statement cache and small binding helpers. Not for other layers.
 */
#ifndef JX_STORE_INTERNAL_H
#define JX_STORE_INTERNAL_H

#include <sqlite3.h>

#include "core/target.h"
#include "store/store.h"
#include "store/store_edit.h"

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
	" (SELECT count(*) FROM indicator WHERE project_id = p.id)," \
	" p.reviewed FROM project p WHERE p.dept_year_id = ?1"
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

/* A year's projects in brief for comparing, with the project of the
 * other year a manual link names (link: that column; "0" when the year
 * has no links, which spares a look-up per project). */
#define JX_COMPARE_SELECT(link) \
	"SELECT p.id, p.code, p.name, p.annual_total, p.digest, " link \
	" FROM project p JOIN dept_year y ON y.id = p.dept_year_id" \
	" WHERE p.dept_year_id = ?1 ORDER BY p.seq, p.id"

/* The indicators of several projects at once: an IN list of this many
 * places (unused ones bound to 0), read in the order of the index. One
 * statement per project cost a third of reading a year's changed pairs. */
#define JX_TARGETS_BATCH 32
#define JX_8_PARAMS "?, ?, ?, ?, ?, ?, ?, ?"
#define JX_32_PARAMS JX_8_PARAMS ", " JX_8_PARAMS ", " JX_8_PARAMS ", " \
	JX_8_PARAMS

/* The departments with two given years. CROSS JOIN keeps the departments
 * outermost, read in name order from their index: no sort, whatever the
 * statistics say. */
#define JX_YEAR_PAIRS \
	"SELECT d.id, d.name, ya.id, yb.id FROM department d" \
	" CROSS JOIN dept_year ya ON ya.department_id = d.id AND ya.year = ?1" \
	" CROSS JOIN dept_year yb ON yb.department_id = d.id AND yb.year = ?2" \
	" ORDER BY d.name, d.id"

/* The values of a column used with one indicator name, most used first,
 * for completion: by the trigram index on the name (?4, a phrase) when
 * the name has three characters or more, else by a scan. */
#define JX_USED_FTS \
	" AND i.id IN (SELECT rowid FROM indicator_fts WHERE indicator_fts" \
	" MATCH 'name : ' || ?4)"
#define JX_USED_VALUES(_, id, col, fts) \
	_(id, "SELECT i." col ", count(*) AS n FROM indicator i" \
	  " WHERE i.name = ?1 AND i." col " <> ''" \
	  " AND substr(i." col ", 1, length(?2)) = ?2" fts \
	  " GROUP BY i." col " ORDER BY n DESC, i." col " LIMIT ?3")

/* Adding indicators: this, then one parenthesised row of JX_INDICATOR_PARAMS
 * parameters (project_id, seq, the six texts, the nine columns of the
 * parsed target, the time for created_at and updated_at, id, version) for
 * each indicator. */
#define JX_INSERT_INDICATORS \
	"INSERT INTO indicator(project_id, seq, level1, level2, name," \
	" description, target, basis, t_kind, t_cmp, t_value, t_unit, t_year," \
	" t_month, t_day, t_word, t_warn, created_at, updated_at, id," \
	" version) VALUES"
#define JX_INDICATOR_PARAMS 20

/* Indicators of a project added by one statement at most (an import adds
 * a project's with one statement, not one each). */
#define JX_INDICATOR_BATCH 16

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
	  " created_at, updated_at, id, version, reviewed, digest)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9," \
	  " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22," \
	  " ?23, ?23, ?24, ?25, ?26, ?27)") \
	_(INSERT_CHECKPOINT, \
	  "INSERT INTO checkpoint(project_id, seq, label, percent)" \
	  " VALUES(?1, ?2, ?3, ?4)") \
	_(INSERT_INDICATOR, JX_INSERT_INDICATORS \
	  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
	  " ?15, ?16, ?17, ?18, ?18, ?19, ?20)") \
	_(INDEX_NEW, \
	  "INSERT INTO indicator_fts(rowid, name, target, description, basis)" \
	  " SELECT id, name, target, description, basis FROM indicator" \
	  " WHERE id > ?1") \
	_(MAX_INDICATOR_ID, "SELECT coalesce(max(id), 0) FROM indicator") \
	_(INSERT_CHANGE, \
	  "INSERT INTO change_log(at, who, action, tbl, record_id, field, old," \
	  " new, label, dept_year_id, project_id, department_id)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") \
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
	  " goal, note, reviewed FROM project WHERE id = ?1") \
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
	_(COUNT_ALL_DEPTS, "SELECT count(*) FROM department") \
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
	_(LIST_YEAR_IDS, "SELECT id, year FROM dept_year" \
	  " WHERE department_id = ?1 ORDER BY year") \
	_(COMPARE_PROJECTS, JX_COMPARE_SELECT( \
	  "(SELECT pa.id FROM project_link l" \
	  "  JOIN dept_year ya ON ya.department_id = l.department_id" \
	  "   AND ya.year = l.predecessor_year" \
	  "  JOIN project pa ON pa.dept_year_id = ya.id" \
	  "   AND " JX_PROJECT_KEY("pa") " = l.predecessor_key" \
	  "  WHERE l.department_id = y.department_id AND l.year = y.year" \
	  "   AND l.predecessor_year = ?2" \
	  "   AND l.project_key = " JX_PROJECT_KEY("p") " LIMIT 1)")) \
	_(COMPARE_PROJECTS_UNLINKED, JX_COMPARE_SELECT("0")) \
	_(YEAR_HAS_LINKS, \
	  "SELECT 1 FROM dept_year y JOIN project_link l" \
	  " ON l.department_id = y.department_id AND l.year = y.year" \
	  " WHERE y.id = ?1 AND l.predecessor_year = ?2 LIMIT 1") \
	_(YEAR_PAIRS, JX_YEAR_PAIRS) \
	_(PROJECTS_TARGETS, \
	  "SELECT project_id, level1, level2, name, target FROM indicator" \
	  " WHERE project_id IN (" JX_32_PARAMS ")" \
	  " ORDER BY project_id, seq, id") \
	_(PROJECT_IDENTITY, \
	  "SELECT y.department_id, y.year, " JX_PROJECT_KEY("p") "," \
	  " p.dept_year_id, p.name" \
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
	  " AND instr(name_key, ?2) > 0 ORDER BY seq, id LIMIT 6") \
	JX_EDIT_STMT_LIST(_) \
	JX_USED_VALUES(_, USED_TARGETS, "target", "") \
	JX_USED_VALUES(_, USED_TARGETS_FTS, "target", JX_USED_FTS) \
	JX_USED_VALUES(_, USED_BASIS, "basis", "") \
	JX_USED_VALUES(_, USED_BASIS_FTS, "basis", JX_USED_FTS)

/* What editing single records runs (store_edit.c, store_rows.c,
 * store_copy.c, store_log.c). The META_* statements share their columns:
 * version, parent, seq, reviewed, updated_at, label, dept_year_id,
 * project_id. */
#define JX_EDIT_STMT_LIST(_) \
	_(META_YEAR, \
	  "SELECT y.version, y.department_id, y.year, 1, y.updated_at," \
	  " d.name || ' ' || y.year, y.id, NULL FROM dept_year y" \
	  " JOIN department d ON d.id = y.department_id WHERE y.id = ?1") \
	_(META_PROJECT, \
	  "SELECT version, dept_year_id, seq, reviewed, updated_at, name," \
	  " dept_year_id, id FROM project WHERE id = ?1") \
	_(META_INDICATOR, \
	  "SELECT i.version, i.project_id, i.seq, 1, i.updated_at, i.name," \
	  " p.dept_year_id, i.project_id FROM indicator i" \
	  " JOIN project p ON p.id = i.project_id WHERE i.id = ?1") \
	_(DEPT_OF_YEAR, "SELECT department_id FROM dept_year WHERE id = ?1") \
	_(LAST_CHANGE, \
	  "SELECT who, at FROM change_log WHERE tbl = ?1 AND record_id = ?2" \
	  " ORDER BY id DESC LIMIT 1") \
	_(COUNT_CHANGES, \
	  "SELECT count(*) FROM change_log WHERE tbl = ?1 AND record_id = ?2") \
	_(GET_INDICATOR_IDS, \
	  "SELECT id FROM indicator WHERE project_id = ?1 ORDER BY seq, id") \
	_(UPDATE_PROJECT, \
	  "UPDATE project SET code = ?2, name = ?3, name_key = ?4, title = ?5," \
	  " competent = ?6, unit = ?7, attribute = ?8, category = ?9," \
	  " period = ?10, period_total = ?11, period_fiscal = ?12," \
	  " period_other = ?13, annual_total = ?14, annual_fiscal = ?15," \
	  " annual_other = ?16, purpose = ?17, period_goal = ?18," \
	  " annual_goal = ?19, goal = ?20, note = ?21, reviewed = ?23," \
	  " version = version + 1, updated_at = ?22 WHERE id = ?1") \
	_(DELETE_CHECKPOINTS, "DELETE FROM checkpoint WHERE project_id = ?1") \
	_(UPDATE_INDICATOR, \
	  "UPDATE indicator SET level1 = ?2, level2 = ?3, name = ?4," \
	  " description = ?5, target = ?6, basis = ?7, t_kind = ?8, t_cmp = ?9," \
	  " t_value = ?10, t_unit = ?11, t_year = ?12, t_month = ?13," \
	  " t_day = ?14, t_word = ?15, t_warn = ?16, version = version + 1," \
	  " updated_at = ?17 WHERE id = ?1") \
	_(UPDATE_YEAR, \
	  "UPDATE dept_year SET year = ?2, framework = ?3, source = ?4," \
	  " note = ?5, goals = ?6, measures = ?7, version = version + 1," \
	  " updated_at = ?8 WHERE id = ?1") \
	_(DELETE_SUBGOALS, "DELETE FROM subgoal WHERE dept_year_id = ?1") \
	_(UPDATE_DEPT, \
	  "UPDATE department SET code = ?2, name = ?3, name_key = ?4," \
	  " competent = ?5, version = version + 1, updated_at = ?6" \
	  " WHERE id = ?1") \
	_(BUMP_DEPT_YEARS, \
	  "UPDATE dept_year SET version = version + 1" \
	  " WHERE department_id = ?1 AND id <> ?2") \
	_(PROJECT_NEW_SEQ, \
	  "SELECT CASE WHEN ?2 = 0 THEN coalesce(min(seq), 1) ELSE" \
	  " coalesce((SELECT seq + 1 FROM project WHERE id = ?2" \
	  " AND dept_year_id = ?1), max(seq) + 1, 1) END" \
	  " FROM project WHERE dept_year_id = ?1") \
	_(SHIFT_PROJECTS, \
	  "UPDATE project SET seq = seq + 1 WHERE dept_year_id = ?1" \
	  " AND seq >= ?2") \
	_(INDICATOR_NEW_SEQ, \
	  "SELECT CASE WHEN ?2 = 0 THEN coalesce(min(seq), 1) ELSE" \
	  " coalesce((SELECT seq + 1 FROM indicator WHERE id = ?2" \
	  " AND project_id = ?1), max(seq) + 1, 1) END" \
	  " FROM indicator WHERE project_id = ?1") \
	_(SHIFT_INDICATORS, \
	  "UPDATE indicator SET seq = seq + 1 WHERE project_id = ?1" \
	  " AND seq >= ?2") \
	_(PROJECT_ABOVE, \
	  "SELECT id, seq FROM project WHERE dept_year_id = ?1" \
	  " AND (seq, id) < (?2, ?3) ORDER BY seq DESC, id DESC LIMIT 1") \
	_(PROJECT_BELOW, \
	  "SELECT id, seq FROM project WHERE dept_year_id = ?1" \
	  " AND (seq, id) > (?2, ?3) ORDER BY seq, id LIMIT 1") \
	_(INDICATOR_ABOVE, \
	  "SELECT id, seq FROM indicator WHERE project_id = ?1" \
	  " AND (seq, id) < (?2, ?3) ORDER BY seq DESC, id DESC LIMIT 1") \
	_(INDICATOR_BELOW, \
	  "SELECT id, seq FROM indicator WHERE project_id = ?1" \
	  " AND (seq, id) > (?2, ?3) ORDER BY seq, id LIMIT 1") \
	_(SET_PROJECT_SEQ, "UPDATE project SET seq = ?2 WHERE id = ?1") \
	_(SET_INDICATOR_SEQ, "UPDATE indicator SET seq = ?2 WHERE id = ?1") \
	_(DELETE_PROJECT, "DELETE FROM project WHERE id = ?1") \
	_(DELETE_INDICATOR, "DELETE FROM indicator WHERE id = ?1") \
	_(PROJECT_INDICATOR_BRIEF, \
	  "SELECT id, level1, level2, name, target FROM indicator" \
	  " WHERE project_id = ?1 ORDER BY seq, id") \
	_(SET_DIGEST, "UPDATE project SET digest = ?2 WHERE id = ?1") \
	_(DELETE_DEPT_IF_EMPTY, \
	  "DELETE FROM department WHERE id = ?1 AND NOT EXISTS" \
	  " (SELECT 1 FROM dept_year WHERE department_id = ?1)") \
	_(INDEX_PROJECT_FTS, \
	  "INSERT INTO indicator_fts(rowid, name, target, description, basis)" \
	  " SELECT id, name, target, description, basis FROM indicator" \
	  " WHERE project_id = ?1 AND id <= ?2") \
	_(INDEX_INDICATOR_FTS, \
	  "INSERT INTO indicator_fts(rowid, name, target, description, basis)" \
	  " SELECT id, name, target, description, basis FROM indicator" \
	  " WHERE id = ?1 AND id <= ?2") \
	_(INDEX_YEAR_FTS, \
	  "INSERT INTO indicator_fts(rowid, name, target, description, basis)" \
	  " SELECT i.id, i.name, i.target, i.description, i.basis" \
	  " FROM project p JOIN indicator i ON i.project_id = p.id" \
	  " WHERE p.dept_year_id = ?1 AND i.id <= ?2") \
	_(COPY_YEAR, \
	  "INSERT INTO dept_year(department_id, year, framework, goals," \
	  " measures, created_at, updated_at) SELECT department_id, ?2," \
	  " framework, goals, measures, ?3, ?3 FROM dept_year WHERE id = ?1") \
	_(COPY_SUBGOALS, \
	  "INSERT INTO subgoal(dept_year_id, seq, title, goal, indicator," \
	  " created_at, updated_at) SELECT ?2, seq, title, goal, indicator," \
	  " ?3, ?3 FROM subgoal WHERE dept_year_id = ?1 ORDER BY seq, id") \
	_(COPY_PROJECT, \
	  "INSERT INTO project(dept_year_id, seq, code, name, name_key, title," \
	  " competent, unit, attribute, category, period, period_total," \
	  " period_fiscal, period_other, annual_total, annual_fiscal," \
	  " annual_other, purpose, period_goal, annual_goal, goal, note," \
	  " reviewed, created_at, updated_at, digest) SELECT ?2, seq, code," \
	  " name, name_key, title, competent, unit, attribute, category," \
	  " period, period_total, period_fiscal, period_other, annual_total," \
	  " annual_fiscal, annual_other, purpose, period_goal, annual_goal," \
	  " goal, note, 0, ?3, ?3, digest FROM project WHERE id = ?1") \
	_(COPY_CHECKPOINTS, \
	  "INSERT INTO checkpoint(project_id, seq, label, percent)" \
	  " SELECT ?2, seq, label, percent FROM checkpoint" \
	  " WHERE project_id = ?1 ORDER BY seq, id") \
	_(COPY_INDICATORS, \
	  "INSERT INTO indicator(project_id, seq, level1, level2, name," \
	  " description, target, basis, t_kind, t_cmp, t_value, t_unit, t_year," \
	  " t_month, t_day, t_word, t_warn, created_at, updated_at)" \
	  " SELECT ?2, seq, level1, level2, name, description, target, basis," \
	  " t_kind, t_cmp, t_value, t_unit, t_year, t_month, t_day, t_word," \
	  " t_warn, ?3, ?3 FROM indicator WHERE project_id = ?1" \
	  " ORDER BY seq, id") \
	_(PUT_DRAFT, \
	  "INSERT OR REPLACE INTO draft(id, who, at, kind, record_id, parent_id," \
	  " after_id, base_version, body)" \
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	_(LIST_DRAFTS, \
	  "SELECT id, who, at, kind, record_id, parent_id, after_id," \
	  " base_version, body FROM draft WHERE ?1 IS NULL OR who = ?1" \
	  " ORDER BY id") \
	_(DELETE_DRAFT, "DELETE FROM draft WHERE id = ?1")

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
	/* [k]: adds k indicators (2 <= k <= JX_INDICATOR_BATCH), lazily */
	sqlite3_stmt *add_indicators[JX_INDICATOR_BATCH + 1];
};

/* text as one FTS5 phrase (quotes doubled), or NULL when it is shorter
 * than the trigram index can answer (3 characters) or out of memory. */
char *jx_fts_phrase(const char *text);

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

/* Appends one row to the change log (same transaction as the change). */
enum jx_status jx_log_change(struct jx_store *st, const char *action,
			     const char *table, int64_t record_id,
			     const char *field, const char *old_value,
			     const char *new_value, struct jx_error *err);
/* Same, with the row's context (label, dept_year_id, project_id,
 * department_id; 0 for none); row->id, at and who are ignored: the
 * writer fills them in, and the department when it can tell (a
 * department's own row; a year still on file). */
enum jx_status jx_log_row(struct jx_store *st, const struct jx_change_row *row,
			  struct jx_error *err);

/* A unit of work that is a transaction of its own, or, when the caller
 * has begun one (jx_store_begin), a savepoint in it: either way a call
 * that fails undoes all it did and nothing else. JX_READONLY on a
 * read-only store. */
struct jx_txn {
	bool own;
};
enum jx_status jx_txn_begin(struct jx_store *st, struct jx_txn *t,
			    struct jx_error *err);
/* Commits (releases) when rc is JX_OK, else rolls back; returns rc, or
 * the error of a commit that failed. */
enum jx_status jx_txn_end(struct jx_store *st, struct jx_txn *t,
			  enum jx_status rc, struct jx_error *err);
/* Several reads seen as of one moment (a read transaction, or nothing
 * new inside the caller's). */
void jx_read_begin(struct jx_store *st);
void jx_read_end(struct jx_store *st);

/* The highest indicator id that a write of this transaction must index
 * for search itself: the ids above it are indexed at commit (see
 * jx_store_will_add_indicators). */
int64_t jx_index_limit(const struct jx_store *st);

/* ---- shared by the writers (store_doc.c) ------------------------------ */

/* The department of doc: by code, else by normalised name; created if new
 * (*created), with its change-log row. */
enum jx_status jx_put_department(struct jx_store *st, const struct jx_doc *doc,
				 const char *now, int64_t *id, bool *created,
				 struct jx_error *err);
/* The year row of doc (not its sub-goals or projects) under dept_id. */
enum jx_status jx_put_year_row(struct jx_store *st, const struct jx_doc *doc,
			       int64_t dept_id, const char *now,
			       int64_t *year_id, struct jx_error *err);
enum jx_status jx_put_subgoals(struct jx_store *st, const struct jx_doc *doc,
			       int64_t year_id, const char *now,
			       struct jx_error *err);
enum jx_status jx_put_plan(struct jx_store *st, const struct jx_project *p,
			   int64_t project_id, struct jx_error *err);
/* A project with its plan and indicators at seq; want_id (0: a new id)
 * and want_ids (NULL, or one per indicator, 0 for a new id) re-use ids,
 * with a version above any the record had. The id goes to *id (may be
 * NULL), the indicators' ids to ind_ids (NULL, or p->n_indicators). */
enum jx_status jx_put_project(struct jx_store *st, const struct jx_project *p,
			      int64_t year_id, int64_t seq, const char *now,
			      int64_t want_id, const int64_t *want_ids,
			      int64_t *id, int64_t *ind_ids,
			      struct jx_error *err);
enum jx_status jx_put_indicator(struct jx_store *st,
				const struct jx_indicator *ind,
				int64_t project_id, int64_t seq,
				const char *now, int64_t want_id, int64_t *id,
				struct jx_error *err);
/* Recomputes the digest of a project's indicators (core/digest.h) from
 * the rows stored now: every write that adds, changes, removes or moves an
 * indicator calls it in the same transaction (writes of whole projects
 * store the digest with the project). */
enum jx_status jx_refresh_digest(struct jx_store *st, int64_t project_id,
				 struct jx_error *err);
/* Binds the parsed form of target (t_kind … t_warn, 9 columns) from
 * column col on. */
void jx_bind_target(struct jx_store *st, sqlite3_stmt *s, int col,
		    const char *target);

/* ---- shared by the readers (store_read.c) ---------------------------- */

/* The department and year fields of a department-year into doc. */
enum jx_status jx_read_year(struct jx_store *st, int64_t year_id,
			    struct jx_doc *doc, struct jx_error *err);
enum jx_status jx_read_subgoals(struct jx_store *st, int64_t year_id,
				struct jx_doc *doc, struct jx_error *err);

/* ---- shared by the editors (store_edit.c) ----------------------------- */

enum jx_rec_kind { JX_REC_YEAR, JX_REC_PROJECT, JX_REC_INDICATOR };

/* What a write needs to know of a record before changing it. */
struct jx_meta_row {
	int64_t version, parent, seq;
	bool reviewed;
	char updated_at[24];
	char *label;               /* owned: its name now */
	int64_t dept_year_id, project_id;
};
/* Reads the record's meta; JX_NOTFOUND ("deleted meanwhile") when gone.
 * Free with jx_meta_free. */
enum jx_status jx_meta_read(struct jx_store *st, enum jx_rec_kind kind,
			    int64_t id, struct jx_meta_row *m,
			    struct jx_error *err);
void jx_meta_free(struct jx_meta_row *m);
/* JX_CONFLICT, naming who changed the record and when, unless its stored
 * version is `version`. */
enum jx_status jx_meta_check(struct jx_store *st, enum jx_rec_kind kind,
			     int64_t id, const struct jx_meta_row *m,
			     int64_t version, struct jx_error *err);
/* What a record must have before it is written (the NOT NULL columns,
 * and what the interchange format requires): JX_MISSING naming the
 * field, or JX_INVALID for a year outside 1900..2999. */
enum jx_status jx_require_project(const struct jx_project *p,
				struct jx_error *err);
enum jx_status jx_require_indicator(const struct jx_indicator *ind,
				  struct jx_error *err);
enum jx_status jx_require_year(const struct jx_doc *head, struct jx_error *err);
/* "project", "indicator", "dept_year": the change log's tbl. */
const char *jx_rec_table(enum jx_rec_kind kind);
/* A change-log row about record id of kind, with the context of m. */
struct jx_change_row jx_meta_change(enum jx_rec_kind kind, int64_t id,
				    const struct jx_meta_row *m,
				    const char *action);

#endif
