/*
 * text.c — normalised copies of text, for keys and parsers.
 *
 * Exports jx_text_nfkc, jx_text_key, jx_text_trim and jx_strdup (see
 * text.h). Normalisation is utf8proc's NFKC, so full-width forms from
 * Chinese input methods (３７１．５８, ％, Ａ, U+3000) read as ASCII.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/text.h"
#include "core/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

char *
jx_strdup(const char *s)
{
	size_t len;
	char *copy;

	/* strdup is POSIX, not C11: write it out. */
	if (s == NULL)
		return NULL;
	len = strlen(s);
	copy = malloc(len + 1);
	if (copy != NULL)
		memcpy(copy, s, len + 1);
	return copy;
}

char *
jx_strndup(const char *s, size_t n)
{
	char *copy = malloc(n + 1);

	if (copy != NULL) {
		memcpy(copy, s, n);
		copy[n] = '\0';
	}
	return copy;
}

/*
 * NFKC with utf8proc (STABLE: no unassigned code points are changed, so a
 * key made today still matches after a Unicode update). Returns NULL for a
 * NULL s, invalid UTF-8 (including encoded surrogates) or no memory. The
 * result comes from utf8proc's malloc and is released with free().
 */
char *
jx_text_nfkc(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (s == NULL)
		return NULL;
	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
			 UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (n < 0)
		return NULL;
	return (char *)out;
}

/*
 * White space for keys: Unicode White_Space after NFKC (ASCII blanks, NEL,
 * the Zs/Zl/Zp separators: NFKC turns most of them into ' ' but not all,
 * e.g. U+1680, U+2028) plus the invisible U+200B and U+FEFF that copying
 * from PDF and Word leaves inside names.
 */
static bool
is_key_space(int32_t cp)
{
	if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
	    cp == 0x200B || cp == 0xFEFF)
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return true;
	default:
		return false;
	}
}

/* True for a code point that NFKC leaves as it is and that has no
 * combining marks to compose with: ASCII, CJK ideographs, most CJK
 * punctuation, ≤ ≥. Full-width ASCII (U+FF01..FF5E) and U+3000 are handled
 * by the caller. The table's text is almost all of these, and keys are made
 * for every row compared, so they are worth not sending through utf8proc. */
static bool
nfkc_stable(int32_t cp)
{
	return cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0x3001 && cp <= 0x3035) || cp == 0x2264 || cp == 0x2265;
}

/* The key of s without utf8proc, or NULL (and *slow set) when s has a
 * character outside the fast set. */
static char *
fast_key(const char *s, bool *slow)
{
	size_t len = strlen(s);
	char *key = malloc(len + 1), *out = key;

	*slow = false;
	while (key && len > 0) {
		int32_t cp;
		int n = jx_utf8_decode(s, len, &cp);

		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;          /* full-width ASCII → ASCII */
		else if (cp == 0x3000)
			cp = ' ';
		else if (cp < 0 || !nfkc_stable(cp)) {
			*slow = true;
			free(key);
			return NULL;
		}
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				*out++ = (char)(cp - 'A' + 'a');
			else if (!is_key_space(cp))
				*out++ = (char)cp;
		} else {
			memcpy(out, s, (size_t)n);
			out += n;
		}
		s += n;
		len -= (size_t)n;
	}
	if (key)
		*out = '\0';
	return key;
}

char *
jx_text_key(const char *s)
{
	bool slow;
	char *key = s ? fast_key(s, &slow) : NULL;

	if (key || (s && !slow))
		return key;
	key = jx_text_nfkc(s);
	const utf8proc_uint8_t *in;
	char *out;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if (key == NULL)
		return NULL;
	/* Filter in place: the key is never longer than the NFKC text. */
	in = (const utf8proc_uint8_t *)key;
	out = key;
	while (*in != '\0') {
		n = utf8proc_iterate(in, -1, &cp);
		if (n <= 0) {   /* cannot happen after utf8proc_map */
			free(key);
			return NULL;
		}
		if (cp >= 'A' && cp <= 'Z') {
			*out++ = (char)(cp - 'A' + 'a');
		} else if (!is_key_space(cp)) {
			memmove(out, in, (size_t)n);
			out += n;
		}
		in += n;
	}
	*out = '\0';
	return key;
}

/* Blank at the start of p (ASCII white space or U+3000): its length, or 0. */
static size_t
blank_at(const char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	/* Byte by byte: stops at the NUL, never reads past the string. */
	if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

char *
jx_text_trim(char *s)
{
	size_t start = 0, end, n;

	if (s == NULL)
		return NULL;
	while ((n = blank_at(s + start)) > 0)
		start += n;
	end = strlen(s + start) + start;
	for (;;) {
		if (end > start && blank_at(s + end - 1) == 1)
			end--;
		else if (end - start >= 3 && blank_at(s + end - 3) == 3)
			end -= 3;
		else
			break;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}
