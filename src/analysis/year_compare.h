/*
 * year_compare.h — two years of one department, loaded and compared:
 * the projects matched (compare.h), each matched pair's indicators matched
 * and judged, statuses refined (changed when indicators differ) and the
 * auditor's flag set. The CLI's `compare` and the TUI's compare view show
 * the same figures because both use this.
 */
#ifndef JX_ANALYSIS_YEAR_COMPARE_H
#define JX_ANALYSIS_YEAR_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/compare.h"
#include "store/store.h"

struct jx_year_compare {
	int year_a, year_b;
	struct jx_cmp_project *a, *b;    /* owned, with owned strings */
	size_t na, nb;
	struct jx_cmp_result result;
	/* The indicators of each project of a and b (same index as a, b),
	 * read in one pass per year; only .indicators is filled. */
	struct jx_project *ind_a, *ind_b;
	/* Per result row (same index): the indicator comparison; empty for
	 * new and gone rows. */
	struct jx_cmp_indicators *indicators;
};

/* Compares year_a with year_b of department dept_id. Errors (a year not on
 * file, the same year twice) come back with a message for the user. */
enum jx_status jx_year_compare_load(struct jx_store *st, int64_t dept_id,
				    int year_a, int year_b,
				    struct jx_year_compare *out,
				    struct jx_error *err);
void jx_year_compare_free(struct jx_year_compare *c);

/* "▲12.50%" / "▼3.00%" / "0.00%" for a row with a percent; "" without. */
void jx_cmp_percent_text(const struct jx_cmp_row *row, char *buf,
			 size_t size);
/* "▲10.5" / "▼2" / "0" (万元) for the change of a row. */
void jx_cmp_change_text(int64_t change_yuan, char *buf, size_t size);

#endif
