/*
 * validate.c — the checks run when a record is saved from a form: a
 * department-year head, a project or an indicator.
 *
 * Exports jx_findings_add, jx_findings_free, jx_findings_errors, jx_validate_year,
 * jx_validate_project, jx_validate_indicator and jx_plan_percent (see
 * validate.h). Pure functions: no I/O, no SQL, no floating point.
 *
 * A finding names the field by its interchange key as the form knows it
 * ("department.name", "annual_total", "plan.percent" with the item), so
 * the form can put the message under that field; the message itself names
 * the field again by its label in the published tables (项目名称, 指标值),
 * because it is also read away from the form.
 *
 * Errors are what a table cannot say (a plan that spends 120 %, or less
 * by June than by March); warnings are what real tables do say but a
 * reader should look at twice (amounts that do not add up — the seeds
 * have them —, a target we cannot read).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "analysis/validate.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/target.h"
#include "core/utf8.h"

/* User text quoted in a message is cut to this many columns, so that the
 * message still fits one line of the form. */
#define QUOTE_COLS 24

/* Plan percentages above this (in hundredths) are held as this: they are
 * out of range anyway, and the sum cannot overflow. */
#define PERCENT_CLAMP 1000000000

/* Target warnings worth asking about. A bare "100%" or "5个" plainly
 * means "reach this" (comparison reads it so): asking about the implied
 * "=" would be noise that teaches users to skip warnings. */
#define TARGET_WARNINGS_SHOWN \
	(JX_TW_UNIT_IS_WORD | JX_TW_NO_UNIT | JX_TW_UNKNOWN_UNIT | \
	 JX_TW_RANGE_ODD | JX_TW_TRAILING_TEXT)

/* ---- the list of findings ----------------------------------------------- */

void
jx_findings_free(struct jx_findings *f)
{
	if (f == NULL)
		return;
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

size_t
jx_findings_errors(const struct jx_findings *f)
{
	size_t n = 0;

	for (size_t i = 0; f != NULL && i < f->n; i++)
		if (!f->v[i].warning)
			n++;
	return n;
}

/* Cuts a NUL-terminated buffer back to a character boundary when the
 * last character was cut by snprintf. */
static void
end_on_char(char *s)
{
	size_t len = strlen(s), start = len;

	while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && ((unsigned char)s[start - 1] & 0x80) != 0) {
		size_t lead = start - 1;
		unsigned char c = (unsigned char)s[lead];
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (len - lead < need)
			s[lead] = '\0';
	}
}

enum jx_status
jx_findings_add(struct jx_findings *out, const char *field, int index,
		bool warning, const char *fmt, ...)
{
	struct jx_finding *x = JX_APPEND(out->v, out->n, out->cap);
	va_list ap;

	if (x == NULL)
		return JX_NOMEM;
	snprintf(x->field, sizeof x->field, "%s", field);
	x->index = index;
	x->warning = warning;
	va_start(ap, fmt);
	vsnprintf(x->message, sizeof x->message, fmt, ap);
	va_end(ap);
	end_on_char(x->message);
	return JX_OK;
}

/* ---- small helpers ------------------------------------------------------ */

/* True when s has something besides white space (ASCII, U+3000). */
static bool
present(const char *s)
{
	if (s == NULL)
		return false;
	while (*s) {
		if (strchr(" \t\n\r\v\f", *s) != NULL)
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return true;
	}
	return false;
}

/* s cut to QUOTE_COLS columns (with "…"), on one line, into buf. */
static const char *
quote(const char *s, char *buf, size_t size)
{
	jx_utf8_cut(s ? s : "", QUOTE_COLS, false, buf, size);
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return buf;
}

/* Appends "label is missing" when s is blank. */
static enum jx_status
need(struct jx_findings *out, const char *s, const char *field,
     const char *label)
{
	if (present(s))
		return JX_OK;
	return jx_findings_add(out, field, -1, false, _("%s is missing"), label);
}

/* ---- plan percentages ---------------------------------------------------- */

/* Skips white space (ASCII blanks, U+3000). */
static const char *
skip_blanks(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return s;
	}
}

/* Reads one digit, ASCII or full-width (U+FF10..U+FF19); -1 if none. */
static int
digit_at(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;

	if (p[0] >= '0' && p[0] <= '9') {
		*s += 1;
		return p[0] - '0';
	}
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
		*s += 3;
		return p[2] - 0x90;
	}
	return -1;
}

/* Reads an ASCII character c or its full-width twin (U+FF01..U+FF5E,
 * which is c + 0xFEE0). */
static bool
char_at(const char **s, char c)
{
	unsigned cp = (unsigned char)c + 0xFEE0u;
	char wide[4] = { (char)(0xE0 | (cp >> 12)),
			 (char)(0x80 | ((cp >> 6) & 0x3F)),
			 (char)(0x80 | (cp & 0x3F)), '\0' };

	if (**s == c) {
		*s += 1;
		return true;
	}
	if (strncmp(*s, wide, 3) == 0) {
		*s += 3;
		return true;
	}
	return false;
}

bool
jx_plan_percent(const char *text, int *hundredths)
{
	const char *s = skip_blanks(text ? text : "");
	bool negative = char_at(&s, '-');
	int64_t whole = 0;
	int frac = 0, d, n = 0;

	while ((d = digit_at(&s)) >= 0) {
		if (whole < PERCENT_CLAMP)
			whole = whole * 10 + d;
		n++;
	}
	if (n == 0)
		return false;
	if (char_at(&s, '.')) {
		/* Two decimals are hundredths; more must be zeros ("25.000"),
		 * or the value could not be held exactly. */
		for (n = 0; (d = digit_at(&s)) >= 0; n++) {
			if (n < 2)
				frac = frac * 10 + d;
			else if (d != 0)
				return false;
		}
		if (n == 0)
			return false;
		if (n == 1)
			frac *= 10;
	}
	s = skip_blanks(s);
	(void)char_at(&s, '%');
	if (*skip_blanks(s) != '\0')
		return false;
	whole = whole * 100 + frac;
	if (whole > PERCENT_CLAMP)
		whole = PERCENT_CLAMP;
	*hundredths = (int)(negative ? -whole : whole);
	return true;
}

/* ---- department-year ----------------------------------------------------- */

enum jx_status
jx_validate_year(const struct jx_doc *head, struct jx_findings *out)
{
	enum jx_status rc = need(out, head->dept_name, "department.name",
				 "部门名称");

	if (rc == JX_OK && head->year == 0)
		rc = jx_findings_add(out, "year", -1, false, _("%s is missing"), "年度");
	else if (rc == JX_OK && (head->year < 1900 || head->year > 2999))
		rc = jx_findings_add(out, "year", -1, false,
			 _("%s %d is not a year from 1900 to 2999"), "年度",
			 head->year);
	for (size_t i = 0; rc == JX_OK && i < head->n_subgoals; i++) {
		const struct jx_subgoal *g = &head->subgoals[i];

		if (!present(g->title) &&
		    (present(g->goal) || present(g->indicator)))
			rc = jx_findings_add(out, "subgoals.title", (int)i, false,
				 _("%s %zu has a goal or indicator text but no"
				   " title"), "分项目标", i + 1);
	}
	return rc;
}

/* ---- project ------------------------------------------------------------- */

/* Fiscal + other against the total of the period or of the year. A blank
 * part counts as nothing, but says so, since "30 ≠ 50" alone would hide
 * that the other part was left blank rather than zero. */
static enum jx_status
check_sum(struct jx_findings *out, const char *field, const char *total_label,
	  struct jx_amount total, struct jx_amount fiscal,
	  struct jx_amount other)
{
	char t[32], f[32], o[32];
	int64_t sum;

	if (!total.present || (!fiscal.present && !other.present))
		return JX_OK;
	sum = (fiscal.present ? fiscal.yuan : 0) +
	      (other.present ? other.yuan : 0);
	if (sum == total.yuan)
		return JX_OK;
	jx_money_format_wan(total.yuan, t, sizeof t);
	jx_money_format_wan(fiscal.yuan, f, sizeof f);
	jx_money_format_wan(other.yuan, o, sizeof o);
	if (fiscal.present && other.present)
		return jx_findings_add(out, field, -1, true,
			   _("%s + %s ≠ %s: %s + %s ≠ %s 万元"), "财政资金",
			   "其他资金", total_label, f, o, t);
	return jx_findings_add(out, field, -1, true, _("%s ≠ %s: %s ≠ %s 万元 (%s blank)"),
		   fiscal.present ? "财政资金" : "其他资金", total_label,
		   fiscal.present ? f : o, t,
		   fiscal.present ? "其他资金" : "财政资金");
}

/* The checkpoints: each percentage a number in 0–100 that does not fall
 * below the one before (the plan is cumulative), each with a label. */
static enum jx_status
check_plan(const struct jx_project *p, struct jx_findings *out)
{
	enum jx_status rc = JX_OK;
	size_t prev = 0;
	int prev_h = 0;
	bool have_prev = false;
	char q[128], qp[128];

	for (size_t i = 0; rc == JX_OK && i < p->n_plan; i++) {
		const struct jx_checkpoint *c = &p->plan[i];
		int h;

		if (!present(c->percent))
			continue;
		if (!present(c->label))
			rc = jx_findings_add(out, "plan.label", (int)i, false,
				 _("checkpoint %zu has a %s but no %s"),
				 i + 1, "累计支出比例", "支出计划时点");
		if (rc != JX_OK)
			break;
		if (!jx_plan_percent(c->percent, &h)) {
			rc = jx_findings_add(out, "plan.percent", (int)i, false,
				 _("%s \"%s\" is not a percentage such as 25,"
				   " 25%% or 25.00%% (at most two decimals)"),
				 "累计支出比例", quote(c->percent, q, sizeof q));
			continue;
		}
		if (h < 0 || h > 100 * 100) {
			rc = jx_findings_add(out, "plan.percent", (int)i, false,
				 _("%s \"%s\" is outside 0–100%%"),
				 "累计支出比例", quote(c->percent, q, sizeof q));
			continue;
		}
		if (have_prev && h < prev_h)
			rc = jx_findings_add(out, "plan.percent", (int)i, false,
				 _("%s decreases: %s at checkpoint %zu after %s"
				   " at checkpoint %zu (it is cumulative)"),
				 "累计支出比例", quote(c->percent, q, sizeof q),
				 i + 1, quote(p->plan[prev].percent, qp,
					      sizeof qp), prev + 1);
		prev = i;
		prev_h = h;
		have_prev = true;
	}
	return rc;
}

enum jx_status
jx_validate_project(const struct jx_project *p, struct jx_findings *out)
{
	enum jx_status rc = need(out, p->name, "name", "项目名称");

	if (rc == JX_OK)
		rc = check_sum(out, "period_total", "实施期资金总额",
			       p->period_total, p->period_fiscal,
			       p->period_other);
	if (rc == JX_OK)
		rc = check_sum(out, "annual_total", "年度资金总额",
			       p->annual_total, p->annual_fiscal,
			       p->annual_other);
	if (rc == JX_OK)
		rc = check_plan(p, out);
	return rc;
}

/* ---- indicator ----------------------------------------------------------- */

enum jx_status
jx_validate_indicator(const struct jx_indicator *ind, struct jx_findings *out)
{
	enum jx_status rc = need(out, ind->level1, "level1", "一级指标");
	struct jx_target t;
	char q[128], why[160];

	if (rc == JX_OK)
		rc = need(out, ind->level2, "level2", "二级指标");
	if (rc == JX_OK)
		rc = need(out, ind->name, "name", "三级指标");
	if (rc == JX_OK)
		rc = need(out, ind->target, "target", "指标值");
	if (rc != JX_OK || !present(ind->target))
		return rc;
	jx_target_parse(ind->target, &t);
	if (t.kind == JX_TK_TEXT)
		return jx_findings_add(out, "target", -1, true,
			   _("%s \"%s\" is not understood as a number, date or"
			     " word: confirm to keep it as free text"),
			   "指标值", quote(ind->target, q, sizeof q));
	if ((t.warnings & TARGET_WARNINGS_SHOWN) != 0) {
		jx_target_warnings_text(t.warnings & TARGET_WARNINGS_SHOWN, why,
					(int)sizeof why);
		return jx_findings_add(out, "target", -1, true, _("%s \"%s\": %s; check it"),
			   "指标值", quote(ind->target, q, sizeof q), why);
	}
	return JX_OK;
}
