/*
 * compare.h — what changed between two years of a department: projects
 * matched across years and their indicators matched and judged.
 *
 * Pure functions over records in memory (no SQL, no I/O): the store reads
 * the two years, this module matches and judges, the CLI and the TUI show
 * the result.
 *
 * Matching projects, in this order (each project is used once):
 *   1. a manual link (the user said B's project continues A's); a link to
 *      an id not in A, or to a project another link took first, falls
 *      through to 2 and 3;
 *   2. the same project code (compared as jx_text_key too; an empty code
 *      matches nothing);
 *   3. the same normalised name (jx_text_key: width, spaces and case
 *      folded).
 * Several projects with the same key are paired in order.
 * Matching indicators of a matched pair: the same (level 1, level 2, name)
 * after aliases (效果指标 ≡ 效益指标; "…指标" suffix and spaces ignored).
 */
#ifndef JX_ANALYSIS_COMPARE_H
#define JX_ANALYSIS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"
#include "core/target.h"

/* ---- projects ---------------------------------------------------------- */

/* One project of one year, as the comparison needs it. */
struct jx_cmp_project {
	int64_t id;
	const char *code;          /* may be NULL */
	const char *name;
	struct jx_amount budget;   /* annual total */
	int64_t predecessor_id;    /* manual link to a project of year A; 0 */
};

enum jx_cmp_status {
	JX_CS_SAME,       /* same budget and every indicator the same */
	JX_CS_CHANGED,    /* budget or indicators differ */
	JX_CS_NEW,        /* only in year B */
	JX_CS_GONE        /* only in year A */
};

enum jx_cmp_match {
	JX_CM_NONE,       /* new or gone */
	JX_CM_LINK,
	JX_CM_CODE,
	JX_CM_NAME
};

struct jx_cmp_row {
	const struct jx_cmp_project *a;  /* NULL when new */
	const struct jx_cmp_project *b;  /* NULL when gone */
	enum jx_cmp_match match;
	enum jx_cmp_status status;       /* set by jx_compare_projects from
	                                    the budgets; refined to CHANGED by
	                                    the caller when indicators differ */
	int64_t change_yuan;             /* b - a (absent counts as 0) */
	/* change in hundredths of a percent of a (e.g. 1250 = +12.50 %),
	 * rounded half away from zero; valid only when has_percent (a's
	 * budget present and not 0, and small enough to divide exactly:
	 * always so within ±JX_MONEY_MAX_YUAN). A gone row has −10000. */
	int64_t change_bp;
	bool has_percent;
	bool flagged;                    /* budget up but no target stricter:
	                                    set by jx_compare_flag */
};

struct jx_cmp_result {
	struct jx_cmp_row *rows;   /* in year B's order, then gone ones in
	                              year A's order */
	size_t n;
	int64_t total_a, total_b;  /* yuan; absent budgets count 0 */
	size_t n_new, n_gone, n_changed, n_same;
};

/* Matches a[0..na) (year A) with b[0..nb) (year B). The rows point into a
 * and b, which must outlive the result. Returns false when out of memory. */
bool jx_compare_projects(const struct jx_cmp_project *a, size_t na,
			 const struct jx_cmp_project *b, size_t nb,
			 struct jx_cmp_result *out);
void jx_cmp_result_free(struct jx_cmp_result *r);

/* A row for the totals of a result: change and percent (rounded half away
 * from zero) of total_b against total_a; a and b are NULL. */
void jx_cmp_totals(const struct jx_cmp_result *r, struct jx_cmp_row *out);

/* Recomputes the counts (n_new …) after statuses were refined. */
void jx_cmp_result_count(struct jx_cmp_result *r);

/* ---- indicators --------------------------------------------------------- */

enum jx_verdict {
	JX_V_SAME,          /* same target (parsed, or same text) */
	JX_V_STRICTER,      /* e.g. ≥90% → ≥95%, ≤6万元 → ≤5万元, 良好 → 优秀 */
	JX_V_LOOSER,
	JX_V_REWORDED,      /* different text, same meaning or not comparable
	                       as numbers (texts that do not parse) */
	JX_V_KIND,          /* changed kind: number → word, % → 个, 提高 → 良好 */
	JX_V_NEW,           /* only in year B */
	JX_V_GONE           /* only in year A */
};

struct jx_cmp_indicator_row {
	const struct jx_indicator *a;    /* NULL when new */
	const struct jx_indicator *b;    /* NULL when gone */
	enum jx_verdict verdict;
};

struct jx_cmp_indicators {
	struct jx_cmp_indicator_row *rows;  /* B's order, then gone ones */
	size_t n;
	size_t n_stricter, n_looser, n_same, n_reworded, n_kind, n_new,
	       n_gone;
};

/* Judges one pair of targets as written (either may be NULL or ""). The
 * rules, one table, are at the top of compare.c. */
enum jx_verdict jx_compare_targets(const char *a, const char *b);

/* Matches the indicators of two projects and judges each pair. */
bool jx_compare_indicators(const struct jx_indicator *a, size_t na,
			   const struct jx_indicator *b, size_t nb,
			   struct jx_cmp_indicators *out);

/* How indicators' levels are matched across years: key(ctx, level1,
 * level2) gives the matching key of level2 (of level1 when level2 is
 * NULL), a new string; NULL only when out of memory. Without one, levels
 * match by jx_level_key; with the template files' aliases, by
 * analysis/level_keys.h. */
struct jx_level_keys {
	char *(*key)(void *ctx, const char *level1, const char *level2);
	void *ctx;
};

/* How targets are parsed for judging: jx_target_parse, or a cache of it
 * (the store's: a year repeats the same few targets many times); and how
 * levels are matched (levels NULL: jx_level_key). */
struct jx_target_parser {
	void (*parse)(void *ctx, const char *text, struct jx_target *out);
	void *ctx;
	const struct jx_level_keys *levels;
};
/* The same two, with targets parsed by p (NULL, or p->parse NULL:
 * jx_target_parse; p->parse must give what jx_target_parse gives) and
 * levels matched by p->levels. */
enum jx_verdict jx_compare_targets_with(const char *a, const char *b,
					const struct jx_target_parser *p);
bool jx_compare_indicators_with(const struct jx_indicator *a, size_t na,
				const struct jx_indicator *b, size_t nb,
				const struct jx_target_parser *p,
				struct jx_cmp_indicators *out);
void jx_cmp_indicators_free(struct jx_cmp_indicators *r);

/* Is anything different in the indicators (any verdict but SAME)? */
bool jx_cmp_indicators_differ(const struct jx_cmp_indicators *r);

/* Flags a project row an auditor cares about: a matched project whose
 * budget went up (change_yuan > 0), with at least one matched indicator
 * pair, none of them STRICTER (SAME, LOOSER, REWORDED and KIND all count
 * as "not stricter"; new and gone indicators do not count). Sets
 * row->flagged either way; ind may be NULL (not flagged). */
void jx_compare_flag(struct jx_cmp_row *row,
		     const struct jx_cmp_indicators *ind);

/* Names for TSV and logs: "same", "changed", "new", "gone"; "same",
 * "stricter", "looser", "reworded", "kind", "new", "gone". */
const char *jx_cmp_status_name(enum jx_cmp_status s);
const char *jx_verdict_name(enum jx_verdict v);

/* The same, as a reader of the published tables reads them (translated):
 * 相同 变化 新增 取消; 相同 更严 更松 改写 类型变化 新增 取消. */
const char *jx_cmp_status_label(enum jx_cmp_status s);
const char *jx_verdict_label(enum jx_verdict v);

/* The alias-folded key of a level name: jx_text_key, one trailing "指标"
 * dropped, 效果 → 效益 anywhere (效果指标 → 效益), and 社会影响 →
 * 社会效益 (seed 000 prints 社会影响指标 for 社会效益指标). Returns a new
 * string (caller frees), or NULL for NULL, invalid UTF-8 or no memory. */
char *jx_level_key(const char *level);

#endif
