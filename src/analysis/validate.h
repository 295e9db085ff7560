/*
 * validate.h — what is checked when a record is saved from a form.
 *
 * Pure functions over the records of core/record.h. A finding names the
 * field (the interchange key, so the form can show it beside the field)
 * and is either an error (the record cannot be saved so) or a warning the
 * user may accept (fiscal + other funds ≠ total; a target that is not
 * understood, to be kept as free text).
 */
#ifndef JX_ANALYSIS_VALIDATE_H
#define JX_ANALYSIS_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/record.h"

#define JX_FINDING_FIELD 32
#define JX_FINDING_MSG 240

struct jx_finding {
	char field[JX_FINDING_FIELD]; /* "name", "annual_total", "plan",
					 "target", "subgoals", "year" … */
	int index;                    /* list fields: item (0-based); else -1 */
	bool warning;                 /* may be accepted; false: an error */
	char message[JX_FINDING_MSG]; /* translated, one line */
};

struct jx_findings {
	struct jx_finding *v;
	size_t n, cap;
};

void jx_findings_free(struct jx_findings *f);
/* Appends a finding of field (item index, -1 for none); fmt is a
 * translated printf format. JX_NOMEM when it could not. */
enum jx_status jx_findings_add(struct jx_findings *out, const char *field,
			       int index, bool warning, const char *fmt, ...)
	JX_PRINTF(5, 6);
/* Errors among the findings (warnings not counted). */
size_t jx_findings_errors(const struct jx_findings *f);

/*
 * Each appends its findings to *out (JX_NOMEM when it could not; the
 * findings so far stay). Checked:
 *  year:      department name present; year within 1900–2999; a sub-goal
 *             with a goal or indicator text has a title.
 *  project:   name present; for the period and the annual money, fiscal +
 *             other ≠ total when the total and a part are present
 *             (warning); the plan's percentages parse (as "25", "25%",
 *             "25.00%", full-width digits), lie in 0–100 and never
 *             decrease; a checkpoint with a percentage has a label.
 *  indicator: level 1, level 2, name and target present; a target that
 *             parses only as free text (warning: confirm it); a target
 *             with parse warnings, e.g. "≥90使用率" (warning).
 */
enum jx_status jx_validate_year(const struct jx_doc *head,
				struct jx_findings *out);
enum jx_status jx_validate_project(const struct jx_project *p,
				   struct jx_findings *out);
enum jx_status jx_validate_indicator(const struct jx_indicator *ind,
				     struct jx_findings *out);

/* A checkpoint's percentage ("25.00%", "２５", "25") as hundredths of a
 * percent (2500); false when it is not a number. */
bool jx_plan_percent(const char *text, int *hundredths);

#endif
