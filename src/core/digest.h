/*
 * digest.h — a fingerprint of a project's indicators, as comparing years
 * sees them.
 *
 * The digest covers exactly what the comparison of two projects' indicators
 * reads (analysis/compare.h): level 1, level 2, name and target of every
 * indicator, as written (bytes, not normalised), in order. Two projects
 * with equal digests therefore compare as "every indicator the same"
 * without their indicators being read: the store keeps the digest in the
 * project row, and comparing years reads indicators only for pairs whose
 * digests differ. Description and basis are not covered: no comparison
 * looks at them.
 *
 * 63 bits of a non-cryptographic 64-bit hash (integer arithmetic only);
 * an accidental collision between two matched projects is about as likely
 * as 1 in 10^18 per pair. 0 means "no indicators", so that a digest alone
 * tells whether a project has any.
 */
#ifndef JX_CORE_DIGEST_H
#define JX_CORE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

struct jx_digest {
	uint64_t h;
	uint64_t n;     /* indicators added */
};

void jx_digest_init(struct jx_digest *d);

/* Adds the next indicator (NULL reads as ""). */
void jx_digest_add(struct jx_digest *d, const char *level1,
		   const char *level2, const char *name, const char *target);

/* 0 when no indicator was added, else a value in 1..INT64_MAX. */
int64_t jx_digest_value(const struct jx_digest *d);

/* The digest of ind[0..n) in that order. */
int64_t jx_indicators_digest(const struct jx_indicator *ind, size_t n);

#endif
