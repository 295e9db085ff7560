/*
 * target.h — the target value (指标值) of an indicator, parsed.
 *
 * A target is kept exactly as written and also parsed into a structured form
 * that drives validation, comparison across years and scoring:
 *
 *   "≥90%"          NUMBER  cmp GE  value 90      unit "%"
 *   "≥95 百分比"     NUMBER  cmp GE  value 95      unit "%"   (百分比 is %)
 *   "≤6万元"         NUMBER  cmp LE  value 6       unit "万元"
 *   "=14个"          NUMBER  cmp EQ  value 14      unit "个"
 *   "100%"          NUMBER  cmp EQ  value 100     unit "%"   (bare number: =)
 *   "90%以上"        NUMBER  cmp GE  …             (以上/不低于/不少于 → ≥,
 *                                                   以下/以内/不超过/不高于 → ≤,
 *                                                   低于/少于 → <, 高于/超过/大于 → >)
 *   "≥90使用率"      NUMBER  cmp GE  value 90  unit "使用率" + JX_TW_UNIT_IS_WORD
 *   "12月底前"       DEADLINE month 12 (year 0 = the table's year), cmp LE
 *   "2022年底"       DEADLINE year 2022 month 12
 *   "提高" "良好"     QUALITATIVE word as written
 *   "无" ""         EMPTY (placeholder)
 *   anything else   TEXT (not parsed; compared as text, never guessed)
 *
 * Full-width forms parse as their ASCII twins (＞＝ ≥, ％ %, ９０ 90);
 * spaces anywhere are ignored. A number has at most 12 integer and 4
 * decimal digits (more is TEXT, never rounded); a range ("90-95%"), an
 * approximation ("100余人", "90%左右") or two disagreeing comparisons are
 * TEXT. The rules in detail are in target.c and tests/unit/test_target.c.
 */
#ifndef JX_CORE_TARGET_H
#define JX_CORE_TARGET_H

#include <stdint.h>

enum jx_target_kind {
	JX_TK_EMPTY = 0,      /* "", "无", "/" … : no target */
	JX_TK_NUMBER,         /* comparison + number + unit */
	JX_TK_DEADLINE,       /* a date by which something is done */
	JX_TK_QUALITATIVE,    /* a known qualitative word: 提高, 良好, 是 … */
	JX_TK_TEXT            /* not understood: kept and compared as text */
};

enum jx_cmp {
	JX_CMP_NONE = 0,
	JX_CMP_EQ,
	JX_CMP_GE,
	JX_CMP_GT,
	JX_CMP_LE,
	JX_CMP_LT
};

/* Warnings: the parse succeeded but a reader should look again. */
enum jx_target_warning {
	JX_TW_UNIT_IS_WORD   = 1u << 0, /* "≥90使用率": the "unit" is a noun,
	                                   probably meaning % */
	JX_TW_NO_UNIT        = 1u << 1, /* "≥90": a number with no unit */
	JX_TW_IMPLIED_CMP    = 1u << 2, /* "100%": no comparison written; = assumed */
	JX_TW_UNKNOWN_UNIT   = 1u << 3, /* a unit not in the known list */
	JX_TW_RANGE_ODD      = 1u << 4, /* e.g. a percentage above 100 */
	JX_TW_TRAILING_TEXT  = 1u << 5  /* words after the number/unit were kept
	                                   in `word` ("≥80 是否积极发展党员") */
};

#define JX_TARGET_UNIT_MAX 48   /* bytes, UTF-8, with NUL */
#define JX_TARGET_WORD_MAX 96

/* Numbers are held exactly as value × 10^4 (four decimals), like money. */
#define JX_TARGET_SCALE 10000

struct jx_target {
	enum jx_target_kind kind;
	enum jx_cmp cmp;              /* NUMBER and DEADLINE */
	int64_t value;                /* NUMBER: number × JX_TARGET_SCALE */
	char unit[JX_TARGET_UNIT_MAX];/* NUMBER: normalised unit ("%" for 百分比,
	                                 "万元", "元/人/天", "个" …), "" if none */
	int year;                     /* DEADLINE: 0 when not written */
	int month;                    /* DEADLINE: 1..12, 0 when not written */
	int day;                      /* DEADLINE: 0 when not written */
	char word[JX_TARGET_WORD_MAX];/* QUALITATIVE: the word; NUMBER: trailing
	                                 text if JX_TW_TRAILING_TEXT */
	unsigned warnings;            /* bit set of jx_target_warning */
};

/* Parses text (UTF-8, NUL-terminated; NULL is treated as ""). Never fails:
 * what is not understood becomes JX_TK_TEXT. */
void jx_target_parse(const char *text, struct jx_target *out);

/* Days in month (1..12) of year; year 0 (not written) allows 29 February. */
int jx_days_in_month(int year, int month);

/* Short names for display and for the store: "number", "deadline", … and
 * "≥", ">", "≤", "<", "=", "". */
const char *jx_target_kind_name(enum jx_target_kind kind);
const char *jx_cmp_symbol(enum jx_cmp cmp);

/* A one-line English description of the warnings set in `warnings`
 * ("unit is a word; no comparison written"), "" when none. Static storage
 * is not used: writes into buf. */
void jx_target_warnings_text(unsigned warnings, char *buf, int size);

#endif
