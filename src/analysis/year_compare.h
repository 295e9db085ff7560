/*
 * year_compare.h — two years of one department, loaded and compared:
 * the projects matched (compare.h), each matched pair's indicators matched
 * and judged — read only when the digests of the two projects' indicators
 * differ —, statuses refined (changed when indicators differ) and the
 * auditor's flag set. The CLI's `compare` and the TUI's compare view show
 * the same figures because both use this.
 */
#ifndef JX_ANALYSIS_YEAR_COMPARE_H
#define JX_ANALYSIS_YEAR_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/compare.h"
#include "store/store.h"

struct jx_text_block;

/* One year's projects, as loaded for a comparison. */
struct jx_cmp_year {
	struct jx_cmp_project *p;    /* owned, with owned strings */
	size_t n;
	int64_t *digest;             /* per project: its digest, -1 unknown */
	/* Per project: its indicators (only .indicators is filled: level 1,
	 * level 2, name, target), read when a pair needs them (read[i]).
	 * Their strings live in texts, not in a malloc each. */
	struct jx_project *ind;
	bool *read;
	struct jx_text_block *texts;
};

struct jx_year_compare {
	int year_a, year_b;
	struct jx_cmp_year ya, yb;
	struct jx_cmp_result result;    /* its rows point into ya.p, yb.p */
	/* Per result row (same index): the indicator comparison; empty for
	 * new and gone rows, and for a pair not judged yet (judged[i]
	 * false): a pair whose digests are equal has the same indicators,
	 * so its status and flag are known without reading them. Call
	 * jx_year_compare_pair before looking at indicators[i]. */
	struct jx_cmp_indicators *indicators;
	bool *judged;
	const struct jx_level_keys *levels;  /* how levels match; NULL:
						jx_level_key */
};

/* Compares year_a with year_b of department dept_id. Errors (a year not on
 * file, the same year twice) come back with a message for the user.
 * Indicators are read only for matched pairs whose digests differ (or are
 * not known); the figures, statuses and flags are those of a comparison
 * of every pair. Indicator levels match by levels (NULL: jx_level_key;
 * analysis/level_keys.h for the template files' aliases). */
enum jx_status jx_year_compare_load(struct jx_store *st, int64_t dept_id,
				    int year_a, int year_b,
				    const struct jx_level_keys *levels,
				    struct jx_year_compare *out,
				    struct jx_error *err);
/* Makes c->indicators[row] hold the comparison of that row's indicators
 * (reading them when the load did not); nothing to do for new and gone
 * rows. */
enum jx_status jx_year_compare_pair(struct jx_store *st,
				    struct jx_year_compare *c, size_t row,
				    struct jx_error *err);
void jx_year_compare_free(struct jx_year_compare *c);

/* "▲12.50%" / "▼3.00%" / "0.00%" for a row with a percent; "" without. */
void jx_cmp_percent_text(const struct jx_cmp_row *row, char *buf,
			 size_t size);
/* "▲10.5" / "▼2" / "0" (万元) for the change of a row. */
void jx_cmp_change_text(int64_t change_yuan, char *buf, size_t size);

#endif
