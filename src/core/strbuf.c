/*
 * strbuf.c — text built piece by piece (see strbuf.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/strbuf.h"

#include <stdlib.h>
#include <string.h>

void
jx_strbuf_add(struct jx_strbuf *b, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	if (b->oom || !text)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, cap);

		if (!grown) {
			b->oom = true;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

void
jx_strbuf_free(struct jx_strbuf *b)
{
	free(b->s);
	*b = (struct jx_strbuf)JX_STRBUF_INIT;
}
