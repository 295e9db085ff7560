/*
 * compare.c — two years of a department side by side: projects matched
 * across years, their budgets compared, their indicators matched and each
 * pair of targets judged.
 *
 * Exports jx_compare_projects, jx_cmp_result_free, jx_cmp_result_count,
 * jx_compare_targets(_with), jx_compare_indicators(_with),
 * jx_cmp_indicators_free,
 * jx_cmp_indicators_differ, jx_compare_flag, jx_cmp_status_name,
 * jx_verdict_name and jx_level_key (see compare.h). Pure functions: no I/O,
 * no SQL, no floating point.
 *
 * Verdicts (jx_compare_targets: year A's target a, year B's target b; both
 * parsed with jx_target_parse). The first rule that applies wins:
 *
 *   1. a and b the same text as written (NULL reads as "")    SAME
 *   2. either one TEXT (not understood): equal after
 *      jx_text_key (NFKC, white space removed)                 SAME
 *      otherwise                                               REWORDED
 *   3. different kinds (number, deadline, word, empty)         KIND
 *      (so 无 → ≥90% is KIND: a target where there was none is
 *      not "stricter" by a measure we can state)
 *   4. both EMPTY ("", 无, /, —)                               SAME
 *   5. NUMBER vs NUMBER
 *      - units differ and cannot be converted                  KIND
 *        (but both units nouns, as in ≥90使用率 → ≥90拨付率:  REWORDED)
 *        (% vs 个; "≥95使用率" vs "≥95%": a unit word is
 *        compared as its text, never assumed to mean %;
 *        "≥90" with no unit vs "≥90%" likewise)
 *        Convertible exactly: 元 千元 万元 亿元; 人/万人, 人次/万人次,
 *        户/万户, 亩/万亩, 平方米/万平方米 (× 10^4); 公斤 = 千克,
 *        个月 = 月, 日 = 天, 个工作日 = 工作日. 百分比 is % already.
 *      - trailing words differ ("≥80 是否积极发展党员")          REWORDED
 *      - both lower bounds (≥ >): higher value                 STRICTER
 *        lower value                                           LOOSER
 *        same value: > after ≥ STRICTER, ≥ after > LOOSER, else SAME
 *      - both upper bounds (≤ <): lower value                  STRICTER
 *        (≤6万元 → ≤5万元, ≤6万元 → ≤50000元), higher LOOSER;
 *        same value: < after ≤ STRICTER, ≤ after < LOOSER, else SAME
 *      - lower bound vs upper bound (≥ ↔ ≤)                    KIND
 *      - both = (also the implied = of "100%"): same value     SAME
 *        different value with unit %: higher                  STRICTER
 *        (percentages in these tables are rates to reach:
 *        完成率, 合格率, 满意度; a cap is written with ≤)
 *        lower                                                 LOOSER
 *        different value, any other unit: the direction is
 *        unknown (=14个 may be output or a quota)               REWORDED
 *      - = vs a bound: the = is read as the same kind of bound
 *        ("100%" next to "≥95%" means "reach 100"): the values
 *        decide as above; the same value                      REWORDED
 *   6. DEADLINE vs DEADLINE. A missing day is the end of the month.
 *      Dates are compared only within one year: both without a year
 *      (the table's year) or both with the same written year. A
 *      different year, or a year written on one side only, is
 *      REWORDED: a written year is relative to its table's year, which
 *      this function does not know ("2022年底" in the 2022 table and
 *      "2023年底" in the 2023 table may be the same yearly target, or
 *      a project's end moved). So is a year alone ("2022年前") against
 *      a date with a month.
 *      Earlier                                                 STRICTER
 *      later                                                   LOOSER
 *      same date: < after ≤ STRICTER, the reverse LOOSER, else SAME
 *   7. QUALITATIVE vs QUALITATIVE: every word of the parser's list
 *      (core/target.c) is in one category, some ordered:
 *        grade      合格 = 达标 = 符合要求 = 符合标准 = 达到要求 =
 *                   达到标准 = 规范 < 较好 = 良好 = 良 = 好 < 优秀 = 优
 *        satisfied  基本满意 < 满意 < 非常满意
 *        high       较高 < 高 < 很高
 *        low        较低 < 低 (低 is the stricter)
 *        stable     基本稳定 < 稳定 = 保持稳定
 *        up         提高 提升 有所提高 … 改善 … 增强 … 增加 有所增加
 *        down       降低 有所降低 明显降低 下降 减少
 *        effect     明显 显著
 *        lasting    持续 长期 长效 可持续
 *        on time    按时 及时 准时 按期
 *        done       完成 按时完成 全部完成 全覆盖
 *        yes        是 有          no   否
 *        sound      健全 完善      normal   正常 顺利
 *        effective  有效           safe     安全
 *      the same word                                           SAME
 *      same category, both ranked, higher rank                 STRICTER
 *      lower rank                                              LOOSER
 *      same category otherwise (same rank, or unordered:
 *      提高 → 有所提高)                                         REWORDED
 *      different categories (提高 → 良好, 是 → 否)              KIND
 *      a word missing from the table (the parser's list grew)  REWORDED
 *
 * Project matching: manual link (B's predecessor_id is A's id), then
 * code, then name, each on keys computed once (jx_text_key: NFKC, white
 * space removed, ASCII lowered; an empty key never matches) and looked up
 * in sorted arrays, so 500 × 500 projects cost a few thousand string
 * comparisons (name keys only for the projects codes left unmatched).
 * Rows with the same key are paired in order.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "core/i18n.h"
#include "core/text.h"

/* Totals up to this many yuan get a percent without overflow (×10^4). */
#define JX_MONEY_MAX_PERCENT_BASE ((int64_t)100000000000000) /* 10^14 */

#define N_OF(a) (sizeof (a) / sizeof (a)[0])
#define NO_INDEX ((size_t)-1)

/* ---- small helpers ------------------------------------------------------ */

/* -1, 0 or 1 as x is less than, equal to or greater than y. */
static int
sign3(int64_t x, int64_t y)
{
	return (x > y) - (x < y);
}

/* A matching key for s: fn(s) (jx_text_key or jx_level_key), or a copy of
 * s when fn cannot fold it (invalid UTF-8). NULL s gives "". NULL only
 * when out of memory. */
static char *
key_or_raw(const char *s, char *(*fn)(const char *))
{
	char *k;

	if (s == NULL)
		s = "";
	k = fn(s);
	return k != NULL ? k : jx_strdup(s);
}

/* ---- numbers ------------------------------------------------------------ */

struct unit_conv {
	const char *unit, *base;
	int64_t factor;
};

/* Units that convert exactly into a base unit (see the table on top). */
static const struct unit_conv unit_convs[] = {
	{ "千元", "元", 1000 }, { "万元", "元", 10000 },
	{ "亿元", "元", 100000000 },
	{ "万人", "人", 10000 }, { "万人次", "人次", 10000 },
	{ "万户", "户", 10000 }, { "万亩", "亩", 10000 },
	{ "万平方米", "平方米", 10000 },
	{ "公斤", "千克", 1 }, { "个月", "月", 1 }, { "日", "天", 1 },
	{ "个工作日", "工作日", 1 },
};

/* The base of unit (unit itself if it does not convert) and the factor
 * that takes a value in unit to the base. */
static const char *
unit_base(const char *unit, int64_t *factor)
{
	size_t i;

	for (i = 0; i < N_OF(unit_convs); i++)
		if (strcmp(unit, unit_convs[i].unit) == 0) {
			*factor = unit_convs[i].factor;
			return unit_convs[i].base;
		}
	*factor = 1;
	return unit;
}

/* sign(y × ry − x) for ry ≥ 1, without overflow: a product that does not
 * fit exceeds every x in magnitude, so its sign decides. */
static int
scaled_sign(int64_t x, int64_t y, int64_t ry)
{
	if (y > INT64_MAX / ry)
		return 1;
	if (y < INT64_MIN / ry)
		return -1;
	return sign3(y * ry, x);
}

/* sign(vb × fb − va × fa), exactly. The factors are powers of ten, so one
 * divides the other. */
static int
value_sign(int64_t va, int64_t fa, int64_t vb, int64_t fb)
{
	if (fb >= fa)
		return scaled_sign(va, vb, fb / fa);
	return -scaled_sign(vb, va, fa / fb);
}

enum bound { B_EXACT, B_LOWER, B_UPPER };

static enum bound
bound_of(enum jx_cmp c)
{
	switch (c) {
	case JX_CMP_GE:
	case JX_CMP_GT:
		return B_LOWER;
	case JX_CMP_LE:
	case JX_CMP_LT:
		return B_UPPER;
	case JX_CMP_EQ:
	case JX_CMP_NONE:
		break;
	}
	return B_EXACT;
}

static bool
is_strict(enum jx_cmp c)
{
	return c == JX_CMP_GT || c == JX_CMP_LT;
}

/* d > 0 → STRICTER, d < 0 → LOOSER, 0 → tie. */
static enum jx_verdict
by_sign(int d, enum jx_verdict tie)
{
	return d > 0 ? JX_V_STRICTER : d < 0 ? JX_V_LOOSER : tie;
}

/* Two bounds of the same kind (lower or upper): d is sign(vb − va);
 * at the same value a strict comparison is stricter than a loose one. */
static enum jx_verdict
same_bounds(enum bound k, int d, enum jx_cmp ca, enum jx_cmp cb)
{
	if (d == 0)
		return by_sign((int)is_strict(cb) - (int)is_strict(ca),
			       JX_V_SAME);
	return by_sign(k == B_LOWER ? d : -d, JX_V_SAME);
}

/* Both =: only percentages have a known direction (higher is stricter). */
static enum jx_verdict
both_exact(int d, const char *base)
{
	if (d == 0)
		return JX_V_SAME;
	return strcmp(base, "%") == 0 ? by_sign(d, JX_V_SAME)
				      : JX_V_REWORDED;
}

/* Numbers with the same (or a convertible) unit and the same words. */
static enum jx_verdict
compare_numbers(const struct jx_target *a, const struct jx_target *b)
{
	int64_t fa, fb;
	const char *ua = unit_base(a->unit, &fa);
	const char *ub = unit_base(b->unit, &fb);
	enum bound ka = bound_of(a->cmp), kb = bound_of(b->cmp);
	int d;

	/* Two nouns in the place of a unit (≥90产期使用性 → ≥90长期使用性) are
	 * the same measure named differently, not a new kind of target. */
	if (strcmp(ua, ub) != 0)
		return (a->warnings & b->warnings & JX_TW_UNIT_IS_WORD)
		       ? JX_V_REWORDED : JX_V_KIND;
	if (strcmp(a->word, b->word) != 0)
		return JX_V_REWORDED;
	if (ka != B_EXACT && kb != B_EXACT && ka != kb)
		return JX_V_KIND;
	d = value_sign(a->value, fa, b->value, fb);
	if (ka == B_EXACT && kb == B_EXACT)
		return both_exact(d, ua);
	if (ka == kb)
		return same_bounds(ka, d, a->cmp, b->cmp);
	/* one = and one bound: the = reads as that bound */
	if (d == 0)
		return JX_V_REWORDED;
	return by_sign((ka == B_EXACT ? kb : ka) == B_LOWER ? d : -d,
		       JX_V_SAME);
}

/* ---- deadlines ---------------------------------------------------------- */


/* month × 100 + day, with a missing day read as the end of the month (a
 * missing month, only compared with another missing month, as 12). */
static int
day_of_year(const struct jx_target *t)
{
	int m = t->month >= 1 && t->month <= 12 ? t->month : 12;
	int d = t->day != 0 ? t->day : jx_days_in_month(t->year, m);

	return m * 100 + d;
}

/* Earlier is stricter; see rule 6 on top. */
static enum jx_verdict
compare_deadlines(const struct jx_target *a, const struct jx_target *b)
{
	int d;

	if (a->year != b->year || (a->month == 0) != (b->month == 0))
		return JX_V_REWORDED;
	d = sign3(day_of_year(a), day_of_year(b));  /* > 0: b earlier */
	if (d == 0)
		d = (int)is_strict(b->cmp) - (int)is_strict(a->cmp);
	return by_sign(d, JX_V_SAME);
}

/* ---- qualitative words -------------------------------------------------- */

enum word_cat {
	WC_GRADE = 1, WC_SATISFIED, WC_HIGH, WC_LOW, WC_STABLE, WC_UP,
	WC_DOWN, WC_EFFECT, WC_LASTING, WC_ONTIME, WC_DONE, WC_YES, WC_NO,
	WC_SOUND, WC_NORMAL, WC_EFFECTIVE, WC_SAFE
};

struct word_class {
	const char *word;
	enum word_cat cat;
	int rank;             /* 0: unordered; higher is stricter */
};

/* Every word of qualitative_words[] in core/target.c (the tests check
 * this against a copy of that list). */
static const struct word_class word_classes[] = {
	{ "合格", WC_GRADE, 1 }, { "达标", WC_GRADE, 1 },
	{ "符合要求", WC_GRADE, 1 }, { "符合标准", WC_GRADE, 1 },
	{ "达到要求", WC_GRADE, 1 }, { "达到标准", WC_GRADE, 1 },
	{ "规范", WC_GRADE, 1 },
	{ "较好", WC_GRADE, 2 }, { "良好", WC_GRADE, 2 },
	{ "良", WC_GRADE, 2 }, { "好", WC_GRADE, 2 },
	{ "优秀", WC_GRADE, 3 }, { "优", WC_GRADE, 3 },
	{ "基本满意", WC_SATISFIED, 1 }, { "满意", WC_SATISFIED, 2 },
	{ "非常满意", WC_SATISFIED, 3 },
	{ "较高", WC_HIGH, 1 }, { "高", WC_HIGH, 2 }, { "很高", WC_HIGH, 3 },
	{ "较低", WC_LOW, 1 }, { "低", WC_LOW, 2 },
	{ "基本稳定", WC_STABLE, 1 }, { "稳定", WC_STABLE, 2 },
	{ "保持稳定", WC_STABLE, 2 },
	{ "提高", WC_UP, 0 }, { "提升", WC_UP, 0 },
	{ "有所提高", WC_UP, 0 }, { "有所提升", WC_UP, 0 },
	{ "明显提高", WC_UP, 0 }, { "明显提升", WC_UP, 0 },
	{ "显著提高", WC_UP, 0 }, { "显著提升", WC_UP, 0 },
	{ "逐步提高", WC_UP, 0 }, { "逐步提升", WC_UP, 0 },
	{ "稳步提高", WC_UP, 0 }, { "稳步提升", WC_UP, 0 },
	{ "持续提高", WC_UP, 0 }, { "持续提升", WC_UP, 0 },
	{ "不断提高", WC_UP, 0 }, { "不断提升", WC_UP, 0 },
	{ "进一步提高", WC_UP, 0 }, { "进一步提升", WC_UP, 0 },
	{ "改善", WC_UP, 0 }, { "有所改善", WC_UP, 0 },
	{ "明显改善", WC_UP, 0 }, { "显著改善", WC_UP, 0 },
	{ "持续改善", WC_UP, 0 }, { "增强", WC_UP, 0 },
	{ "有所增强", WC_UP, 0 }, { "明显增强", WC_UP, 0 },
	{ "增加", WC_UP, 0 }, { "有所增加", WC_UP, 0 },
	{ "降低", WC_DOWN, 0 }, { "有所降低", WC_DOWN, 0 },
	{ "明显降低", WC_DOWN, 0 }, { "下降", WC_DOWN, 0 },
	{ "减少", WC_DOWN, 0 },
	{ "明显", WC_EFFECT, 0 }, { "显著", WC_EFFECT, 0 },
	{ "持续", WC_LASTING, 0 }, { "长期", WC_LASTING, 0 },
	{ "长效", WC_LASTING, 0 }, { "可持续", WC_LASTING, 0 },
	{ "按时", WC_ONTIME, 0 }, { "及时", WC_ONTIME, 0 },
	{ "准时", WC_ONTIME, 0 }, { "按期", WC_ONTIME, 0 },
	{ "完成", WC_DONE, 0 }, { "按时完成", WC_DONE, 0 },
	{ "全部完成", WC_DONE, 0 }, { "全覆盖", WC_DONE, 0 },
	{ "是", WC_YES, 0 }, { "有", WC_YES, 0 }, { "否", WC_NO, 0 },
	{ "健全", WC_SOUND, 0 }, { "完善", WC_SOUND, 0 },
	{ "正常", WC_NORMAL, 0 }, { "顺利", WC_NORMAL, 0 },
	{ "有效", WC_EFFECTIVE, 0 }, { "安全", WC_SAFE, 0 },
};

static const struct word_class *
word_class(const char *word)
{
	size_t i;

	for (i = 0; i < N_OF(word_classes); i++)
		if (strcmp(word, word_classes[i].word) == 0)
			return &word_classes[i];
	return NULL;
}

/* See rule 7 on top. */
static enum jx_verdict
compare_words(const struct jx_target *a, const struct jx_target *b)
{
	const struct word_class *wa, *wb;

	if (strcmp(a->word, b->word) == 0)
		return JX_V_SAME;
	wa = word_class(a->word);
	wb = word_class(b->word);
	if (wa == NULL || wb == NULL)
		return JX_V_REWORDED;
	if (wa->cat != wb->cat)
		return JX_V_KIND;
	if (wa->rank == 0 || wb->rank == 0)
		return JX_V_REWORDED;
	return by_sign(sign3(wb->rank, wa->rank), JX_V_REWORDED);
}

/* ---- targets ------------------------------------------------------------ */

/* Texts that do not parse: SAME when their keys agree, else REWORDED. */
static enum jx_verdict
compare_texts(const char *a, const char *b)
{
	char *ka = jx_text_key(a), *kb = jx_text_key(b);
	bool same = ka != NULL && kb != NULL && strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return same ? JX_V_SAME : JX_V_REWORDED;
}

static void
parse_target(const struct jx_target_parser *p, const char *text,
	     struct jx_target *out)
{
	if (p != NULL && p->parse != NULL)
		p->parse(p->ctx, text, out);
	else
		jx_target_parse(text, out);
}

enum jx_verdict
jx_compare_targets(const char *a, const char *b)
{
	return jx_compare_targets_with(a, b, NULL);
}

enum jx_verdict
jx_compare_targets_with(const char *a, const char *b,
			const struct jx_target_parser *p)
{
	struct jx_target ta, tb;

	a = a != NULL ? a : "";
	b = b != NULL ? b : "";
	if (strcmp(a, b) == 0)
		return JX_V_SAME;
	parse_target(p, a, &ta);
	parse_target(p, b, &tb);
	if (ta.kind == JX_TK_TEXT || tb.kind == JX_TK_TEXT)
		return compare_texts(a, b);
	if (ta.kind != tb.kind)
		return JX_V_KIND;
	switch (ta.kind) {
	case JX_TK_NUMBER:
		return compare_numbers(&ta, &tb);
	case JX_TK_DEADLINE:
		return compare_deadlines(&ta, &tb);
	case JX_TK_QUALITATIVE:
		return compare_words(&ta, &tb);
	case JX_TK_EMPTY:
	case JX_TK_TEXT:
		break;
	}
	return JX_V_SAME;
}

/* ---- key index: sorted keys, each group used in order ------------------- */

struct key_ent {
	const char *key;    /* by string */
	int64_t id;         /* or by id */
	size_t idx;         /* index into the array the keys came from */
};

struct key_index {
	struct key_ent *ents;
	size_t n;
	size_t *next;       /* per group start: first entry maybe unused */
	bool by_id;
};

static int
ent_cmp_key(const void *x, const void *y)
{
	const struct key_ent *p = x, *q = y;
	int c = strcmp(p->key, q->key);

	return c != 0 ? c : (p->idx > q->idx) - (p->idx < q->idx);
}

static int
ent_cmp_id(const void *x, const void *y)
{
	const struct key_ent *p = x, *q = y;
	int c = sign3(p->id, q->id);

	return c != 0 ? c : (p->idx > q->idx) - (p->idx < q->idx);
}

/* Compares entry e with the probe (key or id) as the index is sorted. */
static int
probe_cmp(const struct key_index *ix, const struct key_ent *e,
	  const char *key, int64_t id)
{
	return ix->by_id ? sign3(e->id, id) : strcmp(e->key, key);
}

static void
index_free(struct key_index *ix)
{
	free(ix->ents);
	free(ix->next);
	memset(ix, 0, sizeof *ix);
}

/* Sorts the entries (already filled, ix->n of them) and sets every group's
 * cursor to its start. False when out of memory (the index is then
 * freed). */
static bool
index_sort(struct key_index *ix)
{
	size_t i;

	ix->next = malloc((ix->n != 0 ? ix->n : 1) * sizeof *ix->next);
	if (ix->next == NULL) {
		index_free(ix);
		return false;
	}
	qsort(ix->ents, ix->n, sizeof *ix->ents,
	      ix->by_id ? ent_cmp_id : ent_cmp_key);
	for (i = 0; i < ix->n; i++)
		ix->next[i] = i;
	return true;
}

/* Index over keys[0..n) (NULL or "" keys left out). False when out of
 * memory, with nothing left to free. */
static bool
index_keys(struct key_index *ix, char *const *keys, size_t n)
{
	size_t i;

	memset(ix, 0, sizeof *ix);
	ix->ents = malloc((n != 0 ? n : 1) * sizeof *ix->ents);
	if (ix->ents == NULL)
		return false;
	for (i = 0; i < n; i++)
		if (keys[i] != NULL && keys[i][0] != '\0')
			ix->ents[ix->n++] = (struct key_ent){ keys[i], 0, i };
	return index_sort(ix);
}

/* Index over the ids of projects p[0..n) (0 left out). */
static bool
index_ids(struct key_index *ix, const struct jx_cmp_project *p, size_t n)
{
	size_t i;

	memset(ix, 0, sizeof *ix);
	ix->by_id = true;
	ix->ents = malloc((n != 0 ? n : 1) * sizeof *ix->ents);
	if (ix->ents == NULL)
		return false;
	for (i = 0; i < n; i++)
		if (p[i].id != 0)
			ix->ents[ix->n++] = (struct key_ent){ NULL, p[i].id,
							      i };
	return index_sort(ix);
}

/*
 * The first entry with this key (or id) whose index is not yet used, or
 * NO_INDEX. The group's cursor skips used entries for good (an entry never
 * becomes unused), so a group is walked once over all look-ups.
 */
static size_t
index_take(struct key_index *ix, const char *key, int64_t id,
	   const bool *used)
{
	size_t lo = 0, hi = ix->n, pos;

	while (lo < hi) {       /* first entry not below the probe */
		size_t mid = lo + (hi - lo) / 2;
		if (probe_cmp(ix, &ix->ents[mid], key, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ix->n || probe_cmp(ix, &ix->ents[lo], key, id) != 0)
		return NO_INDEX;
	pos = ix->next[lo];
	while (pos < ix->n && probe_cmp(ix, &ix->ents[pos], key, id) == 0 &&
	       used[ix->ents[pos].idx])
		pos++;
	ix->next[lo] = pos;
	if (pos == ix->n || probe_cmp(ix, &ix->ents[pos], key, id) != 0)
		return NO_INDEX;
	return ix->ents[pos].idx;
}

/* ---- projects ----------------------------------------------------------- */

/* Keys of one year's projects, computed once. */
struct year_keys {
	char **code, **name;
	size_t n;
};

static void
year_keys_free(struct year_keys *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		if (k->code != NULL)
			free(k->code[i]);
		if (k->name != NULL)
			free(k->name[i]);
	}
	free(k->code);
	free(k->name);
	memset(k, 0, sizeof *k);
}

/* Code keys of p[0..n) (a NULL code keeps a NULL key); the name keys
 * are made later, only for the projects the codes leave unmatched. */
static bool
year_keys_make(struct year_keys *k, const struct jx_cmp_project *p,
	       size_t n)
{
	size_t i;

	k->n = n;
	k->code = calloc(n != 0 ? n : 1, sizeof *k->code);
	k->name = calloc(n != 0 ? n : 1, sizeof *k->name);
	if (k->code == NULL || k->name == NULL)
		return false;
	for (i = 0; i < n; i++)
		if (p[i].code != NULL &&
		    (k->code[i] = key_or_raw(p[i].code, jx_text_key)) == NULL)
			return false;
	return true;
}

/* The name key of project i of p into k (left NULL when it has no name). */
static bool
name_key_make(struct year_keys *k, const struct jx_cmp_project *p, size_t i)
{
	return p[i].name == NULL ||
	       (k->name[i] = key_or_raw(p[i].name, jx_text_key)) != NULL;
}

/* The state of matching: for each B project its A partner and how. */
struct matcher {
	const struct jx_cmp_project *a, *b;
	size_t na, nb;
	bool *a_used;
	size_t *partner;            /* per B: index into a, or NO_INDEX */
	enum jx_cmp_match *how;     /* per B */
	struct year_keys ka, kb;
};

static void
matcher_free(struct matcher *m)
{
	free(m->a_used);
	free(m->partner);
	free(m->how);
	year_keys_free(&m->ka);
	year_keys_free(&m->kb);
}

static bool
matcher_init(struct matcher *m)
{
	size_t i;

	m->a_used = calloc(m->na != 0 ? m->na : 1, sizeof *m->a_used);
	m->partner = malloc((m->nb != 0 ? m->nb : 1) * sizeof *m->partner);
	m->how = calloc(m->nb != 0 ? m->nb : 1, sizeof *m->how);
	if (m->a_used == NULL || m->partner == NULL || m->how == NULL)
		return false;
	for (i = 0; i < m->nb; i++) {
		m->partner[i] = NO_INDEX;
		m->how[i] = JX_CM_NONE;
	}
	return year_keys_make(&m->ka, m->a, m->na) &&
	       year_keys_make(&m->kb, m->b, m->nb);
}

static void
pair(struct matcher *m, size_t ib, size_t ia, enum jx_cmp_match how)
{
	m->partner[ib] = ia;
	m->how[ib] = how;
	m->a_used[ia] = true;
}

/* Pass 1: B projects that name their predecessor by id. */
static bool
match_links(struct matcher *m)
{
	struct key_index ix;
	size_t i, ia;

	if (!index_ids(&ix, m->a, m->na))
		return false;
	for (i = 0; i < m->nb; i++) {
		if (m->b[i].predecessor_id == 0)
			continue;
		ia = index_take(&ix, NULL, m->b[i].predecessor_id, m->a_used);
		if (ia != NO_INDEX)
			pair(m, i, ia, JX_CM_LINK);
	}
	index_free(&ix);
	return true;
}

/* Name keys for what passes 1 and 2 left: the unused A projects and the
 * unmatched B ones. Matched projects keep no key, which changes nothing:
 * a look-up skips used A projects, and a matched B project looks nothing
 * up. */
static bool
match_names_prepare(struct matcher *m)
{
	size_t i;

	for (i = 0; i < m->na; i++)
		if (!m->a_used[i] && !name_key_make(&m->ka, m->a, i))
			return false;
	for (i = 0; i < m->nb; i++)
		if (m->partner[i] == NO_INDEX &&
		    !name_key_make(&m->kb, m->b, i))
			return false;
	return true;
}

/* Passes 2 and 3: unmatched B projects by their key in kb (codes or
 * names) against the unused A projects' keys in ka. */
static bool
match_keys(struct matcher *m, char *const *ka, char *const *kb,
	   enum jx_cmp_match how)
{
	struct key_index ix;
	size_t i, ia;

	if (!index_keys(&ix, ka, m->na))
		return false;
	for (i = 0; i < m->nb; i++) {
		if (m->partner[i] != NO_INDEX || kb[i] == NULL ||
		    kb[i][0] == '\0')
			continue;
		ia = index_take(&ix, kb[i], 0, m->a_used);
		if (ia != NO_INDEX)
			pair(m, i, ia, how);
	}
	index_free(&ix);
	return true;
}

/* b − a, held at the int64_t limits instead of overflowing. */
static int64_t
sub_sat(int64_t b, int64_t a)
{
	if (a < 0 && b > INT64_MAX + a)
		return INT64_MAX;
	if (a > 0 && b < INT64_MIN + a)
		return INT64_MIN;
	return b - a;
}

static int64_t
add_sat(int64_t x, int64_t y)
{
	if (y > 0 && x > INT64_MAX - y)
		return INT64_MAX;
	if (y < 0 && x < INT64_MIN - y)
		return INT64_MIN;
	return x + y;
}

static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v;
}

/*
 * change × 10000 / base in *bp, rounded half away from zero, using only
 * integers. False when base is 0 or the figures are too large to compute
 * exactly (|base| above UINT64_MAX / 10000, some 1.8 × 10^15 yuan, far
 * above JX_MONEY_MAX_YUAN; or a result beyond int64_t).
 */
static bool
percent_bp(int64_t change, int64_t base, int64_t *bp)
{
	uint64_t n = magnitude(change), d = magnitude(base), q, r, f;

	if (d == 0 || d > UINT64_MAX / 10000)
		return false;
	q = n / d;
	r = n % d * 10000;
	if (q > (uint64_t)(INT64_MAX / 10000) - 1)
		return false;
	f = r / d;
	if (r % d >= d - r % d)         /* remainder at least half of d */
		f++;
	*bp = (int64_t)(q * 10000 + f);
	if ((change < 0) != (base < 0))
		*bp = -*bp;
	return true;
}

static bool
same_amount(struct jx_amount x, struct jx_amount y)
{
	return x.present == y.present && (!x.present || x.yuan == y.yuan);
}

static int64_t
yuan_or_0(const struct jx_cmp_project *p)
{
	return p != NULL && p->budget.present ? p->budget.yuan : 0;
}

/* Fills a row's figures and status from its projects. */
static void
row_figures(struct jx_cmp_row *row)
{
	int64_t ya = yuan_or_0(row->a);

	row->change_yuan = sub_sat(yuan_or_0(row->b), ya);
	row->has_percent = row->a != NULL && row->a->budget.present &&
			   percent_bp(row->change_yuan, ya, &row->change_bp);
	if (!row->has_percent)
		row->change_bp = 0;
	if (row->a == NULL)
		row->status = JX_CS_NEW;
	else if (row->b == NULL)
		row->status = JX_CS_GONE;
	else
		row->status = same_amount(row->a->budget, row->b->budget)
			      ? JX_CS_SAME : JX_CS_CHANGED;
}

static void
add_row(struct jx_cmp_result *out, const struct jx_cmp_project *a,
	const struct jx_cmp_project *b, enum jx_cmp_match how)
{
	struct jx_cmp_row *row = &out->rows[out->n++];

	memset(row, 0, sizeof *row);
	row->a = a;
	row->b = b;
	row->match = how;
	row_figures(row);
}

/* Rows in B's order, then the unused A projects in A's order; totals. */
static void
build_rows(const struct matcher *m, struct jx_cmp_result *out)
{
	size_t i;

	for (i = 0; i < m->nb; i++) {
		add_row(out, m->partner[i] != NO_INDEX ? &m->a[m->partner[i]]
						       : NULL,
			&m->b[i], m->how[i]);
		out->total_b = add_sat(out->total_b, yuan_or_0(&m->b[i]));
	}
	for (i = 0; i < m->na; i++) {
		if (!m->a_used[i])
			add_row(out, &m->a[i], NULL, JX_CM_NONE);
		out->total_a = add_sat(out->total_a, yuan_or_0(&m->a[i]));
	}
	jx_cmp_result_count(out);
}

bool
jx_compare_projects(const struct jx_cmp_project *a, size_t na,
		    const struct jx_cmp_project *b, size_t nb,
		    struct jx_cmp_result *out)
{
	struct matcher m;
	bool ok;

	memset(out, 0, sizeof *out);
	memset(&m, 0, sizeof m);
	m.a = a;
	m.b = b;
	m.na = na;
	m.nb = nb;
	ok = matcher_init(&m) && match_links(&m) &&
	     match_keys(&m, m.ka.code, m.kb.code, JX_CM_CODE) &&
	     match_names_prepare(&m) &&
	     match_keys(&m, m.ka.name, m.kb.name, JX_CM_NAME);
	if (ok) {
		out->rows = malloc((na + nb != 0 ? na + nb : 1) *
				   sizeof *out->rows);
		ok = out->rows != NULL;
	}
	if (ok)
		build_rows(&m, out);
	matcher_free(&m);
	return ok;
}

void
jx_cmp_result_free(struct jx_cmp_result *r)
{
	if (r == NULL)
		return;
	free(r->rows);
	memset(r, 0, sizeof *r);
}

void
jx_cmp_result_count(struct jx_cmp_result *r)
{
	size_t i;

	r->n_new = r->n_gone = r->n_changed = r->n_same = 0;
	for (i = 0; i < r->n; i++) {
		switch (r->rows[i].status) {
		case JX_CS_SAME:    r->n_same++; break;
		case JX_CS_CHANGED: r->n_changed++; break;
		case JX_CS_NEW:     r->n_new++; break;
		case JX_CS_GONE:    r->n_gone++; break;
		}
	}
}

/* ---- indicators --------------------------------------------------------- */

/* "level 1 \n level 2 \n name" keys: folded keys hold no white space, so
 * the newline cannot be part of one. NULL only when out of memory. */
static char *
indicator_key(const struct jx_indicator *ind, const struct jx_level_keys *lk)
{
	char *l1 = lk ? lk->key(lk->ctx, ind->level1, NULL)
		      : key_or_raw(ind->level1, jx_level_key);
	char *l2 = lk ? lk->key(lk->ctx, ind->level1, ind->level2)
		      : key_or_raw(ind->level2, jx_level_key);
	char *nm = key_or_raw(ind->name, jx_text_key);
	char *k = NULL;
	size_t n1, n2, n3;

	if (l1 != NULL && l2 != NULL && nm != NULL) {
		n1 = strlen(l1);
		n2 = strlen(l2);
		n3 = strlen(nm);
		k = malloc(n1 + n2 + n3 + 3);
	}
	if (k != NULL) {
		memcpy(k, l1, n1);
		k[n1] = '\n';
		memcpy(k + n1 + 1, l2, n2);
		k[n1 + 1 + n2] = '\n';
		memcpy(k + n1 + n2 + 2, nm, n3 + 1);
	}
	free(l1);
	free(l2);
	free(nm);
	return k;
}

static void
free_keys(char **keys, size_t n)
{
	size_t i;

	for (i = 0; keys != NULL && i < n; i++)
		free(keys[i]);
	free(keys);
}

/* Keys of ind[0..n), or NULL when out of memory. */
static char **
indicator_keys(const struct jx_indicator *ind, size_t n,
	       const struct jx_level_keys *lk)
{
	char **keys = calloc(n != 0 ? n : 1, sizeof *keys);
	size_t i;

	for (i = 0; keys != NULL && i < n; i++)
		if ((keys[i] = indicator_key(&ind[i], lk)) == NULL) {
			free_keys(keys, n);
			return NULL;
		}
	return keys;
}

static void
count_verdict(struct jx_cmp_indicators *r, enum jx_verdict v)
{
	switch (v) {
	case JX_V_SAME:     r->n_same++; break;
	case JX_V_STRICTER: r->n_stricter++; break;
	case JX_V_LOOSER:   r->n_looser++; break;
	case JX_V_REWORDED: r->n_reworded++; break;
	case JX_V_KIND:     r->n_kind++; break;
	case JX_V_NEW:      r->n_new++; break;
	case JX_V_GONE:     r->n_gone++; break;
	}
}

static void
add_indicator_row(struct jx_cmp_indicators *out, const struct jx_indicator *a,
		  const struct jx_indicator *b, const struct jx_target_parser *p)
{
	struct jx_cmp_indicator_row *row = &out->rows[out->n++];

	row->a = a;
	row->b = b;
	row->verdict = a == NULL ? JX_V_NEW : b == NULL ? JX_V_GONE
			: jx_compare_targets_with(a->target, b->target, p);
	count_verdict(out, row->verdict);
}

/* Pairs the keys (equal keys in order) and writes the rows. */
static bool
pair_indicators(const struct jx_indicator *a, size_t na, char **ka,
		const struct jx_indicator *b, size_t nb, char **kb,
		const struct jx_target_parser *p, struct jx_cmp_indicators *out)
{
	struct key_index ix;
	bool *used = calloc(na != 0 ? na : 1, sizeof *used);
	size_t i, ia;

	out->rows = malloc((na + nb != 0 ? na + nb : 1) * sizeof *out->rows);
	if (used == NULL || out->rows == NULL || !index_keys(&ix, ka, na)) {
		free(used);     /* the caller frees out->rows */
		return false;
	}
	for (i = 0; i < nb; i++) {
		ia = index_take(&ix, kb[i], 0, used);
		if (ia != NO_INDEX)
			used[ia] = true;
		add_indicator_row(out, ia != NO_INDEX ? &a[ia] : NULL, &b[i], p);
	}
	for (i = 0; i < na; i++)
		if (!used[i])
			add_indicator_row(out, &a[i], NULL, p);
	index_free(&ix);
	free(used);
	return true;
}

static bool
same_text(const char *x, const char *y)
{
	return x && y ? strcmp(x, y) == 0 : x == y;
}

/* Both lists name the same indicators in the same order, byte for byte:
 * then the keys pair row i with row i, and computing them (NFKC, aliases)
 * can be skipped. This is the usual case between two years. */
static bool
same_identities(const struct jx_indicator *a, const struct jx_indicator *b,
		size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!same_text(a[i].level1, b[i].level1) ||
		    !same_text(a[i].level2, b[i].level2) ||
		    !same_text(a[i].name, b[i].name))
			return false;
	return true;
}

bool
jx_compare_indicators(const struct jx_indicator *a, size_t na,
		      const struct jx_indicator *b, size_t nb,
		      struct jx_cmp_indicators *out)
{
	return jx_compare_indicators_with(a, na, b, nb, NULL, out);
}

bool
jx_compare_indicators_with(const struct jx_indicator *a, size_t na,
			   const struct jx_indicator *b, size_t nb,
			   const struct jx_target_parser *p,
			   struct jx_cmp_indicators *out)
{
	char **ka, **kb;
	bool ok;

	memset(out, 0, sizeof *out);
	if (na == nb && same_identities(a, b, na)) {
		out->rows = calloc(na ? na : 1, sizeof *out->rows);
		if (!out->rows)
			return false;
		for (size_t i = 0; i < na; i++)
			add_indicator_row(out, &a[i], &b[i], p);
		return true;
	}
	ka = indicator_keys(a, na, p ? p->levels : NULL);
	kb = indicator_keys(b, nb, p ? p->levels : NULL);
	ok = ka != NULL && kb != NULL &&
	     pair_indicators(a, na, ka, b, nb, kb, p, out);
	free_keys(ka, na);
	free_keys(kb, nb);
	if (!ok)
		jx_cmp_indicators_free(out);
	return ok;
}

void
jx_cmp_indicators_free(struct jx_cmp_indicators *r)
{
	if (r == NULL)
		return;
	free(r->rows);
	memset(r, 0, sizeof *r);
}

bool
jx_cmp_indicators_differ(const struct jx_cmp_indicators *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->rows[i].verdict != JX_V_SAME)
			return true;
	return false;
}

/*
 * Flagged: a matched project whose budget went up, with at least one
 * matched indicator pair and no pair judged STRICTER. SAME, LOOSER,
 * REWORDED and KIND all count as "not stricter": a target that was only
 * reworded or changed kind has not been shown to ask for more. New
 * indicators (only in B) do not count either way: they have nothing to be
 * stricter than. With no matched pair at all there is nothing to judge,
 * so no flag.
 */
void
jx_compare_flag(struct jx_cmp_row *row, const struct jx_cmp_indicators *ind)
{
	size_t i, pairs = 0;

	row->flagged = false;
	if (row->a == NULL || row->b == NULL || row->change_yuan <= 0 ||
	    ind == NULL)
		return;
	for (i = 0; i < ind->n; i++) {
		if (ind->rows[i].a == NULL || ind->rows[i].b == NULL)
			continue;
		if (ind->rows[i].verdict == JX_V_STRICTER)
			return;
		pairs++;
	}
	row->flagged = pairs > 0;
}

/* ---- names and level keys ----------------------------------------------- */

const char *
jx_cmp_status_name(enum jx_cmp_status s)
{
	switch (s) {
	case JX_CS_SAME:    return "same";
	case JX_CS_CHANGED: return "changed";
	case JX_CS_NEW:     return "new";
	case JX_CS_GONE:    return "gone";
	}
	return "";
}

const char *
jx_verdict_name(enum jx_verdict v)
{
	switch (v) {
	case JX_V_SAME:     return "same";
	case JX_V_STRICTER: return "stricter";
	case JX_V_LOOSER:   return "looser";
	case JX_V_REWORDED: return "reworded";
	case JX_V_KIND:     return "kind";
	case JX_V_NEW:      return "new";
	case JX_V_GONE:     return "gone";
	}
	return "";
}

/* Drops one trailing "指标" from s, in place. */
static void
drop_suffix(char *s)
{
	static const char suffix[] = "指标";
	size_t n = strlen(s), k = sizeof suffix - 1;

	if (n >= k && memcmp(s + n - k, suffix, k) == 0)
		s[n - k] = '\0';
}

/* Replaces every from with to (the same length in bytes), in place. */
static void
replace_all(char *s, const char *from, const char *to)
{
	size_t k = strlen(from);
	char *p = s;

	while ((p = strstr(p, from)) != NULL) {
		memcpy(p, to, k);
		p += k;
	}
}

/*
 * Level aliases, applied after the fold and the suffix:
 *  - 效果 → 效益 anywhere (效果指标 is the older name of 效益指标, and
 *    社会效果/经济效果 follow it);
 *  - 社会影响 → 社会效益 as a whole name: seed 000 (街道, 2026) prints
 *    社会影响指标 under 效益指标 where the framework has 社会效益指标;
 *    an indicator still needs the same level 1 and name to match.
 */
char *
jx_level_key(const char *level)
{
	char *k = jx_text_key(level);

	if (k == NULL)
		return NULL;
	drop_suffix(k);
	replace_all(k, "效果", "效益");
	if (strcmp(k, "社会影响") == 0)
		memcpy(k, "社会效益", sizeof "社会效益");
	return k;
}

const char *
jx_cmp_status_label(enum jx_cmp_status s)
{
	static const char *const labels[] = { N_("相同"), N_("变化"),
					      N_("新增"), N_("取消") };
	return _(labels[s]);
}

const char *
jx_verdict_label(enum jx_verdict v)
{
	static const char *const labels[] = {
		N_("相同"), N_("更严"), N_("更松"), N_("改写"), N_("类型变化"),
		N_("新增"), N_("取消") };
	return _(labels[v]);
}

void
jx_cmp_totals(const struct jx_cmp_result *r, struct jx_cmp_row *out)
{
	int64_t a = r->total_a, num, q, rem;

	memset(out, 0, sizeof *out);
	out->status = JX_CS_CHANGED;
	out->change_yuan = r->total_b - r->total_a;
	out->has_percent = a != 0 && a > -JX_MONEY_MAX_PERCENT_BASE &&
			   a < JX_MONEY_MAX_PERCENT_BASE;
	if (!out->has_percent)
		return;
	/* hundredths of a percent, rounded half away from zero */
	num = out->change_yuan * 10000;
	q = num / a;
	rem = num % a;
	if (2 * (rem < 0 ? -rem : rem) >= (a < 0 ? -a : a))
		q += (num < 0) != (a < 0) ? -1 : 1;
	out->change_bp = q;
}
