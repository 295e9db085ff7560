/*
 * pinyin.c — initials of the pinyin of Chinese text and matching a typed
 * query against them (see pinyin.h). Exports the jx_pinyin_* functions;
 * the table itself is generated into pinyin_initials.c.
 *
 * Every function walks the text with the same step, next_initial, so what
 * jx_pinyin_match and jx_pinyin_prefix compare is exactly what
 * jx_pinyin_initials prints, and none needs a buffer: names are short, and a naive substring search
 * over a walk is fast enough for a picker filtering a library as one types.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/pinyin.h"
#include "core/utf8.h"

char
jx_pinyin_initial(int32_t cp)
{
	int32_t off;
	char c;

	if (cp < JX_PINYIN_FIRST || cp > JX_PINYIN_LAST)
		return 0;
	off = cp - JX_PINYIN_FIRST;
	c = jx_pinyin_table[off / JX_PINYIN_ROW][off % JX_PINYIN_ROW];
	return c >= 'a' && c <= 'z' ? c : 0;
}

/* The letter one code point contributes to the initials, or 0 to skip it. */
static char
initial_of(int32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return (char)(cp - 'A' + 'a');
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		return (char)cp;
	return jx_pinyin_initial(cp);
}

/* The next initial of the text at *p, moving *p past what it used; 0 at the
 * end of the text. */
static char
next_initial(const char **p)
{
	while (**p != '\0') {
		int32_t cp;
		char c;

		*p += jx_utf8_decode(*p, SIZE_MAX, &cp);
		c = initial_of(cp);
		if (c != 0)
			return c;
	}
	return 0;
}

size_t
jx_pinyin_initials(const char *s, char *out, size_t size)
{
	size_t n = 0;
	char c;

	if (s == NULL)
		s = "";
	while ((c = next_initial(&s)) != 0) {
		if (n + 1 < size)
			out[n] = c;
		n++;
	}
	if (size > 0)
		out[n < size ? n : size - 1] = '\0';
	return n;
}

/* The query lowered into a letter or digit as initials hold them, or 0 when
 * it can never be one. */
static char
query_char(char q)
{
	if (q >= 'A' && q <= 'Z')
		return (char)(q - 'A' + 'a');
	if ((q >= 'a' && q <= 'z') || (q >= '0' && q <= '9'))
		return q;
	return 0;
}

/* The initials of the text at p start with the whole query. */
static bool
starts_with(const char *p, const char *query)
{
	for (; *query != '\0'; query++)
		if (next_initial(&p) != query_char(*query))
			return false;
	return true;
}

/* The query can be matched: NULL, or letters and digits only. */
static bool
query_ok(const char *query)
{
	for (const char *q = query; q && *q != '\0'; q++)
		if (query_char(*q) == 0)
			return false;
	return true;
}

bool
jx_pinyin_prefix(const char *text, const char *query)
{
	if (!query_ok(query))
		return false;
	return query == NULL || starts_with(text ? text : "", query);
}

bool
jx_pinyin_match(const char *text, const char *query)
{
	const char *p = text ? text : "";

	if (query == NULL || *query == '\0')
		return true;
	if (!query_ok(query))
		return false;
	/* Try each start: the position before each initial of the text. */
	for (;;) {
		const char *at = p;

		if (next_initial(&p) == 0)
			return false;
		if (starts_with(at, query))
			return true;
	}
}
