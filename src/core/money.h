/*
 * money.h — exact amounts of money.
 *
 * Money is held as integer yuan (int64_t). Published tables print 万元 with up
 * to four decimals: "371.58" 万元 is 3 715 800 yuan. No floating point is used
 * anywhere on money.
 */
#ifndef JX_CORE_MONEY_H
#define JX_CORE_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* Largest amount accepted, in yuan (far above any budget, far below
 * INT64_MAX so sums of many projects cannot overflow). */
#define JX_MONEY_MAX_YUAN ((int64_t)1000000000000000) /* 10^15 */

/*
 * Parse a 万元 amount as written in a table: optional surrounding spaces
 * (ASCII or U+3000), optional sign '-', digits with an optional '.' and at
 * most four decimals (further decimals must be zeros: "130.97000" is exact);
 * at least one digit on each side of a '.'; full-width digits, '．' and '－'
 * are accepted as their ASCII twins; thousands separators ',' are accepted
 * between groups of three digits. An optional trailing unit "万元" is
 * allowed, with or without a space before it. At most JX_MONEY_MAX_YUAN
 * either way. NULL reads as "".
 * Returns JX_OK and stores yuan in *out, or JX_INVALID (*out untouched) with
 * a message that quotes the text and says what is wrong (empty, unexpected
 * character, two decimal points, bad grouping, more than four decimals, too
 * large). err may be NULL.
 */
enum jx_status jx_money_parse_wan(const char *text, int64_t *out,
				  struct jx_error *err);

/*
 * Format yuan as 万元 with the fewest decimals that are exact (0..4):
 * 3715800 -> "371.58", 16610000 -> "1661", 0 -> "0", -500 -> "-0.05".
 * Any int64_t is accepted. Writes at most size bytes including the NUL (buf
 * may be NULL when size is 0); returns the length that the full text needs
 * (like snprintf).
 */
int jx_money_format_wan(int64_t yuan, char *buf, size_t size);

/* Same, with exactly `decimals` (0..4) decimals, rounding half away from zero
 * when decimals < 4 would drop digits: for aligned report columns. A value
 * that rounds to zero has no sign ("0.00"). Returns -1 and writes "" for
 * decimals outside 0..4. */
int jx_money_format_wan_fixed(int64_t yuan, int decimals, char *buf,
			      size_t size);

#endif
