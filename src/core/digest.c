/*
 * digest.c — the fingerprint of a project's indicators (see digest.h).
 *
 * Exports jx_digest_init, jx_digest_add, jx_digest_value and
 * jx_indicators_digest. Each text is fed as its length and then its bytes
 * in little-endian 8-byte words (the last one padded with zeros): the
 * length makes the encoding of a list of texts unambiguous ("ab" + "c" is
 * not "a" + "bc"), and assembling the words byte by byte gives the same
 * digest on every machine, so a file moved between machines keeps its
 * meaning. Each word is mixed in with a multiply and a rotation, and the
 * result goes through the splitmix64 finaliser so that every input bit
 * reaches every output bit.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "core/digest.h"

#define K1 UINT64_C(0x9E3779B97F4A7C15)
#define K2 UINT64_C(0xC2B2AE3D27D4EB4F)
#define K3 UINT64_C(0x165667B19E3779F9)

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static void
mix(struct jx_digest *d, uint64_t w)
{
	d->h ^= w * K1;
	d->h = rotl(d->h, 27) * K2 + K3;
}

static void
mix_text(struct jx_digest *d, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p);

	mix(d, (uint64_t)len);
	while (len > 0) {
		uint64_t w = 0;
		size_t k = len < 8 ? len : 8;

		for (size_t i = 0; i < k; i++)
			w |= (uint64_t)p[i] << (8 * i);
		mix(d, w);
		p += k;
		len -= k;
	}
}

void
jx_digest_init(struct jx_digest *d)
{
	d->h = K3;
	d->n = 0;
}

void
jx_digest_add(struct jx_digest *d, const char *level1, const char *level2,
	      const char *name, const char *target)
{
	mix_text(d, level1);
	mix_text(d, level2);
	mix_text(d, name);
	mix_text(d, target);
	d->n++;
}

int64_t
jx_digest_value(const struct jx_digest *d)
{
	uint64_t z = d->h ^ d->n;

	if (d->n == 0)
		return 0;
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	z ^= z >> 31;
	z &= (uint64_t)INT64_MAX;
	return z ? (int64_t)z : 1;
}

int64_t
jx_indicators_digest(const struct jx_indicator *ind, size_t n)
{
	struct jx_digest d;

	jx_digest_init(&d);
	for (size_t i = 0; i < n; i++)
		jx_digest_add(&d, ind[i].level1, ind[i].level2, ind[i].name,
			      ind[i].target);
	return jx_digest_value(&d);
}
