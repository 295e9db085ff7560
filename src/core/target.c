/*
 * target.c — parsing a target value (指标值): comparison, number and unit,
 * deadline, qualitative word, placeholder, or text.
 *
 * Exports jx_target_parse, jx_target_kind_name, jx_cmp_symbol and
 * jx_target_warnings_text (see target.h).
 *
 * The text is first NFKC-folded with utf8proc, so that full-width forms read
 * as their ASCII twins (＞＝ is >=, ％ is %, ９０ is 90), and every space is
 * dropped ("≥95 百分比", PDF-split "工作效率有 所提高"). The compact form is
 * then tried, in this order, as a placeholder, a deadline, a number and a
 * qualitative word; the first that matches the *whole* text wins. Anything
 * else is TEXT: the parser never guesses, and a target that cannot be read
 * exactly is kept as text rather than half read.
 *
 * Numbers are exact: value × 10^4 in an int64_t, at most 12 integer digits
 * and 4 decimals, so nothing can overflow and nothing is rounded. No
 * floating point is used.
 *
 * The tables of words are UTF-8 string literals; the source file is UTF-8.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/target.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define N_OF(a) (sizeof (a) / sizeof (a)[0])

/* Compact (folded, spaceless) targets longer than this are TEXT: the longest
 * readable target (comparison, 12+4 digits, unit, trailing words) is far
 * shorter, and a fixed buffer keeps the parser free of allocation after the
 * fold. */
#define COMPACT_MAX 512

/* Raw inputs with more non-space bytes than this are TEXT without folding;
 * NFKC shrinks text by at most about 3:1 (full-width to ASCII). */
#define RAW_MAX (4 * COMPACT_MAX)

#define INT_DIGITS_MAX 12
#define FRAC_DIGITS_MAX 4

/* A run of ideographs after a number is read as a noun standing for the
 * unit ("≥90使用率", "≥90控制在时间内") when it has at most this many
 * characters; a longer run is a clause ("≥95 服务对象是否满意") and is kept
 * as trailing text. The seeds have nouns of up to 6 and clauses of 8 and
 * more characters. */
#define UNIT_WORD_CHARS 6

struct cmp_word {
	const char *text;
	enum jx_cmp cmp;
};

/* Comparisons written before the number; the longest match wins, so
 * "大于等于" beats "大于" and ">=" beats ">". */
static const struct cmp_word cmp_prefixes[] = {
	{ ">=", JX_CMP_GE }, { "=>", JX_CMP_GE },
	{ "<=", JX_CMP_LE }, { "=<", JX_CMP_LE },
	{ "≥", JX_CMP_GE }, { "≧", JX_CMP_GE }, { "⩾", JX_CMP_GE },
	{ "≮", JX_CMP_GE },
	{ "≤", JX_CMP_LE }, { "≦", JX_CMP_LE }, { "⩽", JX_CMP_LE },
	{ "≯", JX_CMP_LE },
	{ ">", JX_CMP_GT }, { "<", JX_CMP_LT }, { "=", JX_CMP_EQ },
	{ "不低于", JX_CMP_GE }, { "不少于", JX_CMP_GE },
	{ "不小于", JX_CMP_GE }, { "大于等于", JX_CMP_GE },
	{ "大于或等于", JX_CMP_GE }, { "至少", JX_CMP_GE },
	{ "最少", JX_CMP_GE },
	{ "不超过", JX_CMP_LE }, { "不高于", JX_CMP_LE },
	{ "不多于", JX_CMP_LE }, { "不大于", JX_CMP_LE },
	{ "小于等于", JX_CMP_LE }, { "小于或等于", JX_CMP_LE },
	{ "不晚于", JX_CMP_LE }, { "不迟于", JX_CMP_LE },
	{ "至多", JX_CMP_LE }, { "最多", JX_CMP_LE },
	{ "低于", JX_CMP_LT }, { "少于", JX_CMP_LT }, { "小于", JX_CMP_LT },
	{ "不足", JX_CMP_LT },
	{ "高于", JX_CMP_GT }, { "超过", JX_CMP_GT }, { "大于", JX_CMP_GT },
	{ "多于", JX_CMP_GT },
	{ "等于", JX_CMP_EQ },
};

/* Comparisons written after the number and unit ("90%以上", "3天内"). */
static const struct cmp_word cmp_suffixes[] = {
	{ "以上", JX_CMP_GE }, { "及以上", JX_CMP_GE }, { "或以上", JX_CMP_GE },
	{ "(含)以上", JX_CMP_GE }, { "以上(含)", JX_CMP_GE },
	{ "以下", JX_CMP_LE }, { "及以下", JX_CMP_LE }, { "或以下", JX_CMP_LE },
	{ "(含)以下", JX_CMP_LE }, { "以下(含)", JX_CMP_LE },
	{ "以内", JX_CMP_LE }, { "之内", JX_CMP_LE }, { "内", JX_CMP_LE },
};

struct unit {
	const char *text;
	const char *norm;       /* NULL: the unit as written */
};

/* Known units (after NFKC: ㎡ is "m2", ％ is "%", ／ is "/"). */
static const struct unit units[] = {
	{ "%", NULL }, { "百分比", "%" }, { "‰", NULL },
	{ "百分点", NULL }, { "个百分点", NULL },
	{ "人", NULL }, { "人次", NULL }, { "万人", NULL }, { "万人次", NULL },
	{ "名", NULL }, { "位", NULL }, { "户", NULL }, { "户次", NULL },
	{ "万户", NULL }, { "家", NULL }, { "个", NULL }, { "次", NULL },
	{ "次/年", NULL }, { "次/季度", NULL }, { "次/月", NULL },
	{ "次/周", NULL }, { "次/天", NULL },
	{ "场", NULL }, { "场次", NULL }, { "期", NULL }, { "批", NULL },
	{ "批次", NULL }, { "项", NULL }, { "类", NULL }, { "种", NULL },
	{ "份", NULL }, { "件", NULL }, { "台", NULL }, { "套", NULL },
	{ "所", NULL }, { "座", NULL }, { "处", NULL }, { "张", NULL },
	{ "篇", NULL }, { "条", NULL }, { "辆", NULL }, { "辆次", NULL },
	{ "本", NULL }, { "册", NULL }, { "部", NULL }, { "间", NULL },
	{ "栋", NULL }, { "幢", NULL }, { "块", NULL }, { "棵", NULL },
	{ "株", NULL }, { "组", NULL }, { "支", NULL }, { "起", NULL },
	{ "例", NULL }, { "宗", NULL }, { "课时", NULL }, { "学时", NULL },
	{ "元", NULL }, { "万元", NULL }, { "亿元", NULL }, { "千元", NULL },
	{ "元/人", NULL }, { "元/人/天", NULL }, { "元/人/月", NULL },
	{ "元/人/年", NULL }, { "元/人/次", NULL }, { "元/天", NULL },
	{ "元/月", NULL }, { "元/年", NULL }, { "元/次", NULL },
	{ "元/户", NULL }, { "元/亩", NULL }, { "元/平方米", NULL },
	{ "万元/公里", NULL },
	{ "天", NULL }, { "日", NULL }, { "工作日", NULL },
	{ "个工作日", NULL }, { "年", NULL }, { "月", NULL },
	{ "个月", NULL }, { "周", NULL }, { "小时", NULL }, { "分钟", NULL },
	{ "秒", NULL }, { "分", NULL },
	{ "亩", NULL }, { "万亩", NULL }, { "公顷", NULL },
	{ "平方米", NULL }, { "平米", "平方米" }, { "m2", "平方米" },
	{ "万平方米", NULL }, { "平方公里", NULL }, { "立方米", NULL },
	{ "公里", NULL }, { "米", NULL }, { "吨", NULL }, { "千克", NULL },
	{ "公斤", NULL },
};

/* Whole targets that are a qualitative word. Only the exact word counts:
 * "工作效率有所提高" names its subject and stays TEXT. */
static const char *const qualitative_words[] = {
	"提高", "提升", "有所提高", "有所提升", "明显提高", "明显提升",
	"显著提高", "显著提升", "逐步提高", "逐步提升", "稳步提高",
	"稳步提升", "持续提高", "持续提升", "不断提高", "不断提升",
	"进一步提高", "进一步提升", "改善", "有所改善", "明显改善",
	"显著改善", "持续改善", "增强", "有所增强", "明显增强", "增加",
	"有所增加", "降低", "有所降低", "明显降低", "下降", "减少",
	"优秀", "优", "良好", "良", "较好", "好", "合格", "达标", "是", "否",
	"有", "高", "较高", "很高", "低", "较低", "显著", "明显", "稳定",
	"基本稳定", "保持稳定", "持续", "长期", "长效", "按时", "及时",
	"准时", "按期", "有效", "完成", "按时完成", "全部完成", "全覆盖",
	"满意", "基本满意", "非常满意", "规范", "安全", "正常", "符合要求",
	"符合标准", "达到要求", "达到标准", "可持续", "健全", "完善",
	"顺利",
};

/* Words right after the number that make it approximate ("100余人",
 * "90%左右"): such a target is TEXT. */
static const char *const approx_marks[] = {
	"余", "多", "来", "几", "左右", "上下",
};

/* Characters that, right after a unit, make a time phrase ("30日前",
 * "2年底", "12月中旬") rather than a unit word. */
static const char *const time_marks[] = {
	"前", "后", "内", "外", "底", "末", "初", "中",
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of lit if s starts with it, else 0. The word tables are scanned
 * whole at every parse: most words differ in their first byte. */
static size_t
starts(const char *s, const char *lit)
{
	size_t n;

	if (s[0] != lit[0])
		return 0;
	n = strlen(lit);
	return strncmp(s, lit, n) == 0 ? n : 0;
}

/* Length of the longest entry of tab that s starts with (0 if none); its
 * comparison goes to *cmp, which is left alone when nothing matches. */
static size_t
match_cmp(const char *s, const struct cmp_word *tab, size_t n,
	  enum jx_cmp *cmp)
{
	size_t i, k, best = 0;

	for (i = 0; i < n; i++) {
		k = starts(s, tab[i].text);
		if (k > best) {
			best = k;
			*cmp = tab[i].cmp;
		}
	}
	return best;
}

/* True if s starts with one of the n words in list. */
static bool
starts_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (starts(s, list[i]) != 0)
			return true;
	return false;
}

/* True if lit occurs in the first n bytes of s. */
static bool
contains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, lit, k) == 0)
			return true;
	return false;
}

/* ---- folding ---------------------------------------------------------- */

/* Bytes of the invisible or space character at s, else 0: ASCII white
 * space, U+3000, zero-width space/joiners and the BOM. */
static size_t
space_len(const char *s)
{
	static const char *const wide[] = {
		"\xE3\x80\x80", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
		"\xE2\x81\xA0", "\xEF\xBB\xBF",
	};
	size_t i;

	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	for (i = 0; i < N_OF(wide); i++)
		if (starts(s, wide[i]) != 0)
			return 3;
	return 0;
}

/* Copies s into buf (cap bytes) without spaces. False if it does not fit. */
static bool
drop_spaces(const char *s, char *buf, size_t cap)
{
	size_t n = 0, k;

	while (*s != '\0') {
		k = space_len(s);
		if (k != 0) {
			s += k;
			continue;
		}
		if (n + 1 >= cap)
			return false;
		buf[n++] = *s++;
	}
	buf[n] = '\0';
	return true;
}

/* True if s has more than max bytes that are not spaces (space_len); a
 * cheap check before folding huge inputs. */
static bool
too_long(const char *s, size_t max)
{
	size_t n = 0, k;

	while (*s != '\0') {
		k = space_len(s);
		if (k != 0) {
			s += k;
		} else {
			if (++n > max)
				return true;
			s++;
		}
	}
	return false;
}

/* True if s holds a control character (C0 but white space, DEL, C1): such
 * bytes come from broken extraction, not from a table. */
static bool
has_control(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7F || (u[0] == 0xC2 && u[1] >= 0x80 &&
						 u[1] <= 0x9F))
			return true;
	return false;
}

/*
 * NFKC-folds text and drops its spaces into buf (cap bytes).
 * False when text is not valid UTF-8, holds a control character, is too
 * long, or memory runs out: the caller then keeps the target as TEXT.
 */
static bool
fold_compact(const char *text, char *buf, size_t cap)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n;
	bool ok;

	if (too_long(text, RAW_MAX))
		return false;
	n = utf8proc_map((const utf8proc_uint8_t *)text, 0, &folded,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
			 UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (n < 0)
		return false;
	ok = drop_spaces((const char *)folded, buf, cap) && !has_control(buf);
	free(folded);
	return ok;
}

/* Drops full stops ("。") at the end of s: "良好。" is "良好". */
static void
drop_final_stops(char *s)
{
	static const char stop[] = "。";
	size_t n = strlen(s), k = sizeof stop - 1;

	while (n >= k && memcmp(s + n - k, stop, k) == 0)
		s[n -= k] = '\0';
}

/* ---- placeholders ----------------------------------------------------- */

/* "" "无" "/" and runs of dashes (- ‐ ‑ ‒ – — ― ─) mean "no target". */
static bool
is_empty(const char *s)
{
	static const char *const dashes[] = {
		"-", "‐", "‑", "‒", "–", "—", "―", "─",
	};
	size_t i, k;

	if (*s == '\0' || strcmp(s, "无") == 0 || strcmp(s, "/") == 0)
		return true;
	while (*s != '\0') {
		for (i = 0, k = 0; i < N_OF(dashes) && k == 0; i++)
			k = starts(s, dashes[i]);
		if (k == 0)
			return false;
		s += k;
	}
	return true;
}

/* ---- numbers ---------------------------------------------------------- */

/* True if p is ",ddd" not followed by another digit: a thousands group. */
static bool
is_group(const char *p)
{
	return p[0] == ',' && is_digit(p[1]) && is_digit(p[2]) &&
	       is_digit(p[3]) && !is_digit(p[4]);
}

/*
 * Reads 1..INT_DIGITS_MAX digits at *pp, optionally grouped in threes by
 * commas ("10,000"). Stores the integer and advances *pp; false (with *pp
 * unchanged) when there are no digits or too many.
 */
static bool
read_int_part(const char **pp, int64_t *out)
{
	const char *p = *pp;
	int64_t v = 0;
	int digits = 0, group = 0;

	for (;;) {
		if (is_digit(*p)) {
			if (++digits > INT_DIGITS_MAX)
				return false;
			v = v * 10 + (*p++ - '0');
			group++;
		} else if (group >= 1 && group <= 3 && is_group(p)) {
			p++;
			group = 0;
		} else {
			break;
		}
	}
	if (digits == 0)
		return false;
	*out = v;
	*pp = p;
	return true;
}

/*
 * Reads a decimal number at *pp: an optional '-', the integer part, and an
 * optional '.' with 1..FRAC_DIGITS_MAX decimals. Stores value × 10^4 and
 * advances *pp. False for anything else — a fifth decimal, "90.", "1.2.3",
 * a comma that is not a thousands group — because such a number cannot be
 * held exactly or is not one number.
 */
static bool
read_number(const char **pp, int64_t *out)
{
	const char *p = *pp;
	bool neg = false;
	int64_t ip, frac = 0;
	int nf = 0;

	if (*p == '-' && is_digit(p[1])) {
		neg = true;
		p++;
	}
	if (!read_int_part(&p, &ip))
		return false;
	if (*p == '.') {
		for (p++; is_digit(*p); p++) {
			if (++nf > FRAC_DIGITS_MAX)
				return false;
			frac = frac * 10 + (*p - '0');
		}
		if (nf == 0)
			return false;
	}
	if (*p == '.' || *p == ',')
		return false;
	for (; nf < FRAC_DIGITS_MAX; nf++)
		frac *= 10;
	*out = (ip * JX_TARGET_SCALE + frac) * (neg ? -1 : 1);
	*pp = p;
	return true;
}

/* What follows the number: a unit or unit word, a suffix comparison, and
 * trailing words. Pointers are into the compact text; lengths in bytes. */
struct tail {
	enum jx_cmp cmp;            /* from a suffix, or NONE */
	const char *unit;           /* NULL: no unit */
	size_t unit_len;
	const char *rest;           /* NULL: no trailing text */
	size_t rest_len;
	unsigned warnings;
};

/* The longest known unit that s (n bytes) starts with, its length in *len;
 * NULL if none. */
static const struct unit *
unit_prefix(const char *s, size_t n, size_t *len)
{
	const struct unit *best = NULL;
	size_t i, k;

	*len = 0;
	for (i = 0; i < N_OF(units); i++) {
		if (n == 0 || units[i].text[0] != s[0])
			continue;
		k = strlen(units[i].text);
		if (k > *len && k <= n && memcmp(s, units[i].text, k) == 0) {
			best = &units[i];
			*len = k;
		}
	}
	return best;
}

static void
set_unit(struct tail *tl, const struct unit *u, const char *s, size_t n)
{
	tl->unit = u->norm != NULL ? u->norm : s;
	tl->unit_len = u->norm != NULL ? strlen(u->norm) : n;
}

static bool
is_ideograph(utf8proc_int32_t c)
{
	return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static bool
is_ascii_alpha(utf8proc_int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Counts the characters of s (n bytes) and says whether all are ideographs
 * and whether all are ideographs, ASCII letters or '/'. */
static size_t
scan_word(const char *s, size_t n, bool *all_han, bool *unit_like)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t chars = 0;

	*all_han = *unit_like = true;
	while (n > 0 &&
	       (k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c)) > 0) {
		if (!is_ideograph(c))
			*all_han = false;
		if (!is_ideograph(c) && !is_ascii_alpha(c) && c != '/')
			*unit_like = false;
		p += k;
		n -= (size_t)k;
		chars++;
	}
	return chars;
}

/*
 * s (n bytes, not a known unit) follows the number. A short run of
 * ideographs is a unit word: one character is a measure word we do not
 * know ("幅": UNKNOWN_UNIT), more is a noun standing for the unit
 * ("使用率", UNIT_IS_WORD); a question ("是否满意") is no noun. Letters
 * or a '/' make an unknown unit ("kg", "元/平方公里"). Anything else is
 * trailing text with no unit.
 */
static void
word_or_text(const char *s, size_t n, struct tail *tl)
{
	bool all_han, unit_like;
	size_t chars = scan_word(s, n, &all_han, &unit_like);

	if (all_han && chars <= UNIT_WORD_CHARS && !contains(s, n, "是否")) {
		tl->warnings |= chars == 1 ? JX_TW_UNKNOWN_UNIT
					   : JX_TW_UNIT_IS_WORD;
	} else if (unit_like && !all_han && n < JX_TARGET_UNIT_MAX) {
		tl->warnings |= JX_TW_UNKNOWN_UNIT;
	} else {
		tl->warnings |= JX_TW_NO_UNIT;
		tl->rest = s;
		tl->rest_len = n;
		return;
	}
	tl->unit = s;
	tl->unit_len = n;
}

/* True if the character at s (n bytes) continues a word: an ideograph,
 * an ASCII letter or '/'. */
static bool
continues_word(const char *s, size_t n)
{
	utf8proc_int32_t c;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
			     &c) <= 0)
		return false;
	return is_ideograph(c) || is_ascii_alpha(c) || c == '/';
}

/*
 * Reads body (n bytes, no suffix comparison, not exactly a known unit) as
 * unit and words, unit word or text. A known unit is split from what
 * follows only when the two cannot be one word: after "%" or "‰", or
 * before punctuation ("≥95%满意度", "5个,…").
 * Otherwise the run is read whole, because one-character units begin
 * ordinary words: "≥90支出率" is not 支 + "出率". A unit then a time mark
 * ("30日前", "2年底", "12月中旬") is a date we cannot read: false, TEXT.
 */
static bool
classify_body(const char *s, size_t n, struct tail *tl)
{
	const struct unit *u;
	size_t ulen;

	if (n == 0) {
		tl->warnings |= JX_TW_NO_UNIT;
		return true;
	}
	u = unit_prefix(s, n, &ulen);
	if (u != NULL && (u->text[0] == '%' || strcmp(u->text, "‰") == 0 ||
			  !continues_word(s + ulen, n - ulen))) {
		set_unit(tl, u, s, ulen);
		tl->rest = s + ulen;
		tl->rest_len = n - ulen;
		return true;
	}
	if (u != NULL && starts_any(s + ulen, time_marks, N_OF(time_marks)))
		return false;
	word_or_text(s, n, tl);
	return true;
}

/* Length of the longest suffix comparison that s (n bytes) ends with, its
 * comparison in *cmp; 0 if none. */
static size_t
match_suffix(const char *s, size_t n, enum jx_cmp *cmp)
{
	size_t i, k, best = 0;

	for (i = 0; i < N_OF(cmp_suffixes); i++) {
		k = strlen(cmp_suffixes[i].text);
		if (k > best && k <= n &&
		    memcmp(s + n - k, cmp_suffixes[i].text, k) == 0) {
			best = k;
			*cmp = cmp_suffixes[i].cmp;
		}
	}
	return best;
}

/* True if the first n bytes of s hold a comparison (other than a lone 内,
 * which ends ordinary words) or 百分之: a second comparison. */
static bool
has_cmp_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < N_OF(cmp_prefixes); i++)
		if (contains(s, n, cmp_prefixes[i].text))
			return true;
	for (i = 0; i < N_OF(cmp_suffixes); i++)
		if (strcmp(cmp_suffixes[i].text, "内") != 0 &&
		    contains(s, n, cmp_suffixes[i].text))
			return true;
	return contains(s, n, "百分之");
}

/*
 * Reads r, the text after the number. A suffix comparison counts only
 * right after the number or a known unit: in "≥90控制在时间内" the final
 * 内 is part of a word. A second number or comparison (a range "90-95%",
 * a date, "≥90%以下"), an approximation ("100余人", "90%左右") or a time
 * mark ("30前") makes the target TEXT (false); the digit of a known unit
 * ("m2", from ㎡) is no second number.
 */
static bool
parse_tail(const char *r, struct tail *tl)
{
	size_t n = strlen(r), k, ulen;
	enum jx_cmp cmp = JX_CMP_NONE;
	const struct unit *u;

	memset(tl, 0, sizeof *tl);
	if (starts_any(r, approx_marks, N_OF(approx_marks)) ||
	    strstr(r, "左右") != NULL || strstr(r, "上下") != NULL)
		return false;
	k = match_suffix(r, n, &cmp);
	u = unit_prefix(r, n - k, &ulen);
	if (k != 0 && (k == n || (u != NULL && ulen == n - k))) {
		tl->cmp = cmp;
		n -= k;
	}
	u = unit_prefix(r, n, &ulen);
	if (u != NULL && ulen == n && n != 0) {
		set_unit(tl, u, r, n);
		return true;
	}
	if (strpbrk(r, "0123456789") != NULL || has_cmp_word(r, n) ||
	    starts_any(r, time_marks, N_OF(time_marks)))
		return false;
	return classify_body(r, n, tl);
}

/* Copies n bytes of s into dst (cap bytes) with a NUL; false if too long. */
static bool
copy_piece(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

/*
 * Combines the parts of a number into t. The comparisons before and after
 * must agree when both are written. Trailing words are kept only when a
 * comparison is written: "≥80 是否积极发展党员" states a target, while
 * "100 资金使用是否合规" is a sentence with a number in it (TEXT).
 */
static bool
settle_number(struct jx_target *t, enum jx_cmp pre, bool percent_word,
	      int64_t v, struct tail *tl)
{
	enum jx_cmp cmp = pre;

	if (tl->cmp != JX_CMP_NONE && pre != JX_CMP_NONE && tl->cmp != pre)
		return false;
	if (tl->cmp != JX_CMP_NONE)
		cmp = tl->cmp;
	if (tl->rest != NULL && cmp == JX_CMP_NONE)
		return false;
	if (percent_word) {     /* "百分之90": the unit was written first */
		if (tl->unit != NULL && (tl->unit_len != 1 || *tl->unit != '%'))
			return false;
		tl->unit = "%";
		tl->unit_len = 1;
		tl->warnings &= ~(unsigned)JX_TW_NO_UNIT;
	}
	if (cmp == JX_CMP_NONE) {
		cmp = JX_CMP_EQ;
		tl->warnings |= JX_TW_IMPLIED_CMP;
	}
	if (tl->rest != NULL)
		tl->warnings |= JX_TW_TRAILING_TEXT;
	if (!copy_piece(t->unit, sizeof t->unit, tl->unit ? tl->unit : "",
			tl->unit_len) ||
	    !copy_piece(t->word, sizeof t->word, tl->rest ? tl->rest : "",
			tl->rest_len))
		return false;
	t->kind = JX_TK_NUMBER;
	t->cmp = cmp;
	t->value = v;
	t->warnings = tl->warnings;
	if (v < 0 || (strcmp(t->unit, "%") == 0 && v > 100 * JX_TARGET_SCALE))
		t->warnings |= JX_TW_RANGE_ODD;
	return true;
}

/* [comparison] [百分之] number [unit | unit word] [suffix] [words]. */
static bool
parse_number(const char *s, struct jx_target *t)
{
	enum jx_cmp pre = JX_CMP_NONE;
	bool percent_word;
	struct tail tl;
	int64_t v;
	size_t k;

	s += match_cmp(s, cmp_prefixes, N_OF(cmp_prefixes), &pre);
	k = starts(s, "百分之");
	percent_word = k != 0;
	s += k;
	if (!read_number(&s, &v) || !parse_tail(s, &tl))
		return false;
	return settle_number(t, pre, percent_word, v, &tl);
}

/* ---- deadlines -------------------------------------------------------- */

struct date {
	int year, month, day;
	bool definite;  /* a point in time, not "12月" (December? 12 months?) */
};

/* Reads up to max digits at *pp (advancing it); returns how many. */
static int
read_uint(const char **pp, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && is_digit(**pp)) {
		*v = *v * 10 + (*(*pp)++ - '0');
		n++;
	}
	return n;
}

int
jx_days_in_month(int year, int month)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };
	bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

	if (month == 2 && year != 0 && !leap)
		return 28;
	return days[month - 1];
}

static bool
valid_year(int y)
{
	return y >= 1900 && y <= 2199;
}

/* "底" or "末" (end of the year or month): its length, else 0. */
static size_t
end_mark(const char *p)
{
	size_t k = starts(p, "底");

	return k != 0 ? k : starts(p, "末");
}

/* "2022-12-31", "2022.12.31" or "2022/12/31"; NULL if p is not one. */
static const char *
read_iso_date(const char *p, struct date *dt)
{
	int y, m, d;
	char sep;

	if (read_uint(&p, 4, &y) != 4 || !valid_year(y))
		return NULL;
	sep = *p;
	if (sep != '-' && sep != '.' && sep != '/')
		return NULL;
	p++;
	if (read_uint(&p, 2, &m) == 0 || *p != sep || m < 1 || m > 12)
		return NULL;
	p++;
	if (read_uint(&p, 2, &d) == 0 || d < 1 || d > jx_days_in_month(y, m))
		return NULL;
	*dt = (struct date){ y, m, d, true };
	return p;
}

/* "年底" "年末" "年内" "本年底" "上半年" "下半年" "年中" and quarters
 * ("第四季度", "三季度末"). NULL if p is none of them. */
static const char *
read_period(const char *p, struct date *dt)
{
	static const struct { const char *text; int month; } periods[] = {
		{ "年底", 12 }, { "年末", 12 }, { "年内", 12 }, { "年中", 6 },
		{ "上半年", 6 }, { "下半年", 12 },
	};
	static const char *const quarters[] = { "一", "二", "三", "四" };
	size_t i, k;

	if ((k = starts(p, "本")) || (k = starts(p, "当")) ||
	    (k = starts(p, "今")))
		p += k;
	for (i = 0; i < N_OF(periods); i++)
		if ((k = starts(p, periods[i].text)) != 0) {
			*dt = (struct date){ 0, periods[i].month, 0, true };
			return p + k;
		}
	p += starts(p, "第");
	for (i = 0, k = 0; i < N_OF(quarters) && k == 0; i++) {
		k = starts(p, quarters[i]);
		if (k == 0 && *p == (char)('1' + i))
			k = 1;
	}
	if (k == 0 || !starts(p + k, "季度"))
		return NULL;
	i--;
	p += k + strlen("季度");
	*dt = (struct date){ 0, 3 * ((int)i + 1), 0, true };
	return p + end_mark(p);
}

/* Month part at p ("12月", "12月底", "6月30日"), after an optional year. */
static const char *
read_month_day(const char *p, struct date *dt)
{
	int m, d;
	size_t k;

	if (read_uint(&p, 2, &m) == 0 || !(k = starts(p, "月")) || m < 1 ||
	    m > 12)
		return NULL;
	p += k;
	dt->month = m;
	dt->definite = dt->year != 0;
	if ((k = end_mark(p)) != 0) {
		dt->definite = true;
		return p + k;
	}
	if (read_uint(&p, 2, &d) == 0)
		return p;
	if (!((k = starts(p, "日")) || (k = starts(p, "号"))) || d < 1 ||
	    d > jx_days_in_month(dt->year, m))
		return NULL;
	dt->day = d;
	dt->definite = true;
	return p + k;
}

/* "2022年底", "2022年12月31日", "2022年", "12月底", "6月30日"; NULL if
 * p is not a date of this shape. */
static const char *
read_ymd(const char *p, struct date *dt)
{
	const char *q = p;
	size_t k;
	int y;

	*dt = (struct date){ 0, 0, 0, false };
	if (read_uint(&q, 4, &y) == 4 && (k = starts(q, "年")) != 0) {
		if (!valid_year(y))
			return NULL;
		dt->year = y;
		p = q + k;
		if ((k = end_mark(p)) != 0) {
			dt->month = 12;
			dt->definite = true;
			return p + k;
		}
		if (!is_digit(*p))
			return p;
	}
	return read_month_day(p, dt);
}

/* Length of the first of the n words in list that s starts with, or 0. */
static size_t
match_any(const char *s, const char *const *list, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		if ((k = starts(s, list[i])) != 0)
			return k;
	return 0;
}

/*
 * After the date: an optional "前"/"之前"/"以前" or "内"/"以内"/"之内",
 * then an optional "完成", then the end. A bare "12月" or "2022年" is not
 * a deadline (it may be a number of months or years) unless 前 follows;
 * "2022年内" is the end of 2022, while "12月内" ("within 12 months") is
 * left to numbers.
 */
static bool
read_date_end(const char *p, struct date *dt)
{
	static const char *const before[] = { "之前", "以前", "前" };
	static const char *const within[] = { "以内", "之内", "内" };
	size_t k;

	if ((k = match_any(p, before, N_OF(before))) != 0) {
		dt->definite = true;
	} else if ((k = match_any(p, within, N_OF(within))) != 0 &&
		   dt->year != 0 && dt->month == 0) {
		dt->month = 12;
		dt->definite = true;
	}
	p += k;
	p += starts(p, "完成");
	return dt->definite && *p == '\0';
}

/* [≤ | < | 不晚于 …] date [前 | 内] [完成]. */
static bool
parse_deadline(const char *s, struct jx_target *t)
{
	enum jx_cmp pre = JX_CMP_NONE;
	struct date dt = { 0, 0, 0, false };
	const char *p;

	s += match_cmp(s, cmp_prefixes, N_OF(cmp_prefixes), &pre);
	if (pre != JX_CMP_NONE && pre != JX_CMP_LE && pre != JX_CMP_LT)
		return false;
	p = read_iso_date(s, &dt);
	if (p == NULL)
		p = read_period(s, &dt);
	if (p == NULL)
		p = read_ymd(s, &dt);
	if (p == NULL || !read_date_end(p, &dt))
		return false;
	t->kind = JX_TK_DEADLINE;
	t->cmp = pre == JX_CMP_LT ? JX_CMP_LT : JX_CMP_LE;
	t->year = dt.year;
	t->month = dt.month;
	t->day = dt.day;
	return true;
}

/* ---- qualitative words ------------------------------------------------ */

static bool
parse_qualitative(const char *s, struct jx_target *t)
{
	size_t i;

	for (i = 0; i < N_OF(qualitative_words); i++)
		if (strcmp(s, qualitative_words[i]) == 0) {
			t->kind = JX_TK_QUALITATIVE;
			return copy_piece(t->word, sizeof t->word, s,
					  strlen(s));
		}
	return false;
}

/* ---- public ----------------------------------------------------------- */

/* Appends s to buf (cap bytes, len used) as far as it fits; the new len.
 * The texts are ASCII, so a cut never splits a character. */
static size_t
append(char *buf, size_t cap, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (n > cap - 1 - len)
		n = cap - 1 - len;
	memcpy(buf + len, s, n);
	buf[len + n] = '\0';
	return len + n;
}

void
jx_target_parse(const char *text, struct jx_target *out)
{
	char buf[COMPACT_MAX];

	memset(out, 0, sizeof *out);
	out->kind = JX_TK_TEXT;
	if (!fold_compact(text != NULL ? text : "", buf, sizeof buf))
		return;
	drop_final_stops(buf);
	if (is_empty(buf)) {
		out->kind = JX_TK_EMPTY;
		return;
	}
	if (parse_deadline(buf, out) || parse_number(buf, out) ||
	    parse_qualitative(buf, out))
		return;
	/* A failed attempt may have written some fields. */
	memset(out, 0, sizeof *out);
	out->kind = JX_TK_TEXT;
}

const char *
jx_target_kind_name(enum jx_target_kind kind)
{
	switch (kind) {
	case JX_TK_EMPTY:       return "empty";
	case JX_TK_NUMBER:      return "number";
	case JX_TK_DEADLINE:    return "deadline";
	case JX_TK_QUALITATIVE: return "qualitative";
	case JX_TK_TEXT:        return "text";
	}
	return "";
}

const char *
jx_cmp_symbol(enum jx_cmp cmp)
{
	switch (cmp) {
	case JX_CMP_EQ: return "=";
	case JX_CMP_GE: return "≥";
	case JX_CMP_GT: return ">";
	case JX_CMP_LE: return "≤";
	case JX_CMP_LT: return "<";
	case JX_CMP_NONE: break;
	}
	return "";
}

void
jx_target_warnings_text(unsigned warnings, char *buf, int size)
{
	static const struct { unsigned bit; const char *text; } names[] = {
		{ JX_TW_UNIT_IS_WORD, "unit is a word" },
		{ JX_TW_NO_UNIT, "no unit" },
		{ JX_TW_IMPLIED_CMP, "no comparison written" },
		{ JX_TW_UNKNOWN_UNIT, "unknown unit" },
		{ JX_TW_RANGE_ODD, "value out of the usual range" },
		{ JX_TW_TRAILING_TEXT, "words after the value" },
	};
	size_t i, len = 0, cap;

	if (buf == NULL || size <= 0)
		return;
	cap = (size_t)size;
	buf[0] = '\0';
	for (i = 0; i < N_OF(names); i++) {
		if ((warnings & names[i].bit) == 0)
			continue;
		if (len > 0)
			len = append(buf, cap, len, "; ");
		len = append(buf, cap, len, names[i].text);
	}
}
