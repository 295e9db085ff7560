/*
 * strbuf.h — text built piece by piece (the detail of a record, a history,
 * a chart): one growing buffer that remembers running out of memory, so
 * that a caller adds all its pieces and checks once at the end.
 */
#ifndef JX_CORE_STRBUF_H
#define JX_CORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct jx_strbuf {
	char *s;      /* NUL-terminated once anything was added; owned */
	size_t len, cap;
	bool oom;     /* a piece could not be added (the text is cut) */
};

#define JX_STRBUF_INIT { NULL, 0, 0, false }

/* Appends text (NULL adds nothing). After a failure nothing more is
 * added and oom stays set. */
void jx_strbuf_add(struct jx_strbuf *b, const char *text);
void jx_strbuf_free(struct jx_strbuf *b);

#endif
