/*
 * utf8.c — UTF-8 decoding, display width, and cutting text to columns.
 *
 * Exports jx_utf8_valid, jx_utf8_find_control, jx_control_shown,
 * jx_utf8_decode, jx_cp_ambiguous, jx_cp_width, jx_str_width, jx_utf8_fit,
 * jx_utf8_cut and jx_utf8_pad (see utf8.h).
 *
 * Widths come from utf8proc_charwidth; East Asian Ambiguous characters come
 * from the generated table in eaw_ambiguous.c, because utf8proc has no such
 * property. Decoding is strict (Unicode Table 3-7): every byte that is not
 * part of a well-formed sequence is one invalid "character", one column wide,
 * so bad input still lines up on screen.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/utf8.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "core/eaw_ambiguous.h"

#define ELLIPSIS "\xE2\x80\xA6"   /* U+2026, East Asian Ambiguous */
#define ELLIPSIS_CP 0x2026
#define ELLIPSIS_LEN (sizeof ELLIPSIS - 1)

/* Whether the byte at u[i] starts a control a text may not hold (see
 * jx_utf8_find_control); its code point to *cp. */
static bool
control_at(const unsigned char *u, size_t i, size_t len, int32_t *cp)
{
	unsigned char c = u[i];

	if (c == 0xC2) {
		if (i + 1 >= len || u[i + 1] < 0x80 || u[i + 1] > 0x9F)
			return false;
		*cp = u[i + 1];
		return true;
	}
	if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r')
		return false;
	*cp = c;
	return true;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
/* Some byte of x is below n (n <= 0x80) / is b: exact as a yes or no. */
#define BYTE_BELOW(x, n) (((x) - ONES * (n)) & ~(x) & HIGHS)
#define BYTE_IS(x, b) BYTE_BELOW((x) ^ (ONES * (b)), 1)

size_t
jx_utf8_find_control(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	/* Every scalar of an import comes through here: eight bytes at a
	 * time, looked at one by one only when one of them is below 0x20,
	 * DEL, or C2 (the lead byte of C1 and of U+00A0..U+00BF). */
	for (; i + 8 <= len; i += 8) {
		uint64_t x;

		memcpy(&x, u + i, 8);
		if (!(BYTE_BELOW(x, 0x20) | BYTE_IS(x, 0x7F) | BYTE_IS(x, 0xC2)))
			continue;
		for (size_t j = i; j < i + 8; j++)
			if (control_at(u, j, len, cp))
				return j;
	}
	for (; i < len; i++)
		if (control_at(u, i, len, cp))
			return i;
	return len;
}

size_t
jx_control_shown(int32_t cp, char buf[4])
{
	if (cp >= 0x80) {
		memcpy(buf, "\xEF\xBF\xBD", 4);  /* U+FFFD */
		return 3;
	}
	buf[0] = '^';
	buf[1] = (char)(cp == 0x7F ? '?' : cp + '@');
	buf[2] = '\0';
	return 2;
}

/*
 * Decodes one well-formed sequence (Unicode Table 3-7): no overlongs (C0,
 * C1, E0 80..9F, F0 80..8F), no surrogates (ED A0..BF), nothing above
 * U+10FFFF (F4 90.., F5..FF). Bytes are checked in order, so a NUL ends the
 * check and a NUL-terminated string is never read past its end.
 */
int
jx_utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, i;
	int32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0F;
		lo = u[0] == 0xE0 ? 0xA0 : 0x80;
		hi = u[0] == 0xED ? 0x9F : 0xBF;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
		lo = u[0] == 0xF0 ? 0x90 : 0x80;
		hi = u[0] == 0xF4 ? 0x8F : 0xBF;
	} else {
		goto bad;
	}
	if (len < 2 || u[1] < lo || u[1] > hi)
		goto bad;
	c = (c << 6) | (u[1] & 0x3F);
	for (i = 2; i < n; i++) {
		if (len <= i || (u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	*cp = c;
	return (int)n;
bad:
	*cp = -1;
	return 1;
}

size_t
jx_utf8_whole_len(const char *s, size_t len)
{
	size_t start = len, need;
	unsigned char lead;

	while (start > 0 && len - start < 3 &&
	       ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return len;
	lead = (unsigned char)s[--start];
	need = lead < 0xC2 || lead > 0xF4 ? 0
	     : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
	return need > len - start ? start : len;
}

size_t
jx_utf8_drop_cut(char *s)
{
	size_t len = jx_utf8_whole_len(s, strlen(s));

	s[len] = '\0';
	return len;
}

bool
jx_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0;
	int32_t cp;

	while (pos < len) {
		int n;

		/* Whole files go through here: ASCII, and the three-byte
		 * sequences whose second byte has no special range (E1..EC,
		 * EE, EF: all CJK ideographs among them), are taken without
		 * decoding. The rest is decoded. */
		if (u[pos] < 0x80) {
			pos++;
			continue;
		}
		if (u[pos] >= 0xE1 && u[pos] <= 0xEF && u[pos] != 0xED &&
		    len - pos >= 3 && (u[pos + 1] & 0xC0) == 0x80 &&
		    (u[pos + 2] & 0xC0) == 0x80) {
			pos += 3;
			continue;
		}
		n = jx_utf8_decode(s + pos, len - pos, &cp);

		if (cp < 0) {
			if (bad_offset != NULL)
				*bad_offset = pos;
			return false;
		}
		pos += (size_t)n;
	}
	return true;
}

bool
jx_cp_ambiguous(int32_t cp)
{
	size_t lo = 0, hi = jx_eaw_ambiguous_count;

	/* Invariant: cp can only be in ranges [lo, hi). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < jx_eaw_ambiguous[mid].first)
			hi = mid;
		else if (cp > jx_eaw_ambiguous[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

static bool
is_control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static bool
is_scalar(int32_t cp)
{
	return cp >= 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

int
jx_cp_width(int32_t cp, bool ambiguous_wide)
{
	int w;

	/* Invalid bytes and controls are drawn as one replacement cell. */
	if (!is_scalar(cp) || is_control(cp))
		return 1;
	w = utf8proc_charwidth(cp);
	if (w == 1 && ambiguous_wide && jx_cp_ambiguous(cp))
		return 2;
	return w;
}

/* True when cp belongs to the character before it: a combining mark (or a
 * zero-width joiner), which must never be cut off its base. */
static bool
attaches(int32_t cp)
{
	if (!is_scalar(cp))
		return false;
	if (cp == 0x200D)
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return utf8proc_charwidth(cp) == 0;
	default:
		return false;
	}
}

size_t
jx_str_width(const char *s, bool ambiguous_wide)
{
	size_t w = 0, pos = 0, len = s ? strlen(s) : 0;
	int32_t cp;

	while (pos < len) {
		pos += (size_t)jx_utf8_decode(s + pos, len - pos, &cp);
		w += (size_t)jx_cp_width(cp, ambiguous_wide);
	}
	return w;
}

/*
 * The longest prefix of s (len bytes) that is at most max_width columns and
 * at most max_bytes bytes. A character that does not fit ends the prefix,
 * so zero-width marks after the last base that fits are kept with it. When
 * the byte limit falls inside a base's marks, the base is dropped too.
 * Sets *trimmed when the prefix is shorter than s, *width to its width.
 */
static size_t
fit_prefix(const char *s, size_t len, size_t max_width, size_t max_bytes,
	   bool ambiguous_wide, bool *trimmed, size_t *width)
{
	size_t pos = 0, w = 0, base_pos = 0, base_w = 0;
	int32_t cp;

	while (pos < len) {
		size_t n = (size_t)jx_utf8_decode(s + pos, len - pos, &cp);
		size_t cw = (size_t)jx_cp_width(cp, ambiguous_wide);
		bool mark = attaches(cp);

		if (!mark) {
			base_pos = pos;
			base_w = w;
		}
		if (w + cw > max_width)
			break;
		if (n > max_bytes - pos) {
			if (mark) {
				pos = base_pos;
				w = base_w;
			}
			break;
		}
		pos += n;
		w += cw;
	}
	*trimmed = pos < len;
	*width = w;
	return pos;
}

size_t
jx_utf8_fit(const char *s, size_t max_width, size_t reserve,
	    bool ambiguous_wide, bool *trimmed, size_t *width)
{
	size_t len, w, n;
	bool cut;

	if (s == NULL)
		s = "";
	len = strlen(s);
	n = fit_prefix(s, len, max_width, SIZE_MAX, ambiguous_wide, &cut, &w);
	if (cut && reserve > 0)
		n = fit_prefix(s, len, max_width > reserve ? max_width - reserve : 0,
			       SIZE_MAX, ambiguous_wide, &cut, &w);
	if (trimmed != NULL)
		*trimmed = cut;
	if (width != NULL)
		*width = w;
	return n;
}

static void
copy_prefix(char *buf, const char *s, size_t n)
{
	memcpy(buf, s, n);
	buf[n] = '\0';
}

/*
 * Cuts s into buf (utf8.h). The ellipsis is as wide as the terminal draws
 * U+2026: two columns when ambiguous_wide. When even the ellipsis does not
 * fit (max_width smaller than it, or size < 4), the text is cut without one.
 * A NULL s reads as "". Does nothing when buf is NULL or size is 0.
 */
size_t
jx_utf8_cut(const char *s, size_t max_width, bool ambiguous_wide, char *buf,
	    size_t size)
{
	size_t len, ell, w, n;
	bool cut;

	if (buf == NULL || size == 0)
		return 0;
	if (s == NULL)
		s = "";
	len = strlen(s);
	n = fit_prefix(s, len, max_width, size - 1, ambiguous_wide, &cut, &w);
	ell = (size_t)jx_cp_width(ELLIPSIS_CP, ambiguous_wide);
	if (!cut || ell > max_width || size < ELLIPSIS_LEN + 1) {
		copy_prefix(buf, s, n);
		return w;
	}
	n = fit_prefix(s, len, max_width - ell, size - 1 - ELLIPSIS_LEN,
		       ambiguous_wide, &cut, &w);
	copy_prefix(buf, s, n);
	memcpy(buf + n, ELLIPSIS, ELLIPSIS_LEN + 1);
	return w + ell;
}

/*
 * Cuts like jx_utf8_cut, then pads with spaces to `width` columns. When buf
 * is too small for all the padding, the padding is shortened as well; the
 * width actually written is returned.
 */
size_t
jx_utf8_pad(const char *s, size_t width, bool right, bool ambiguous_wide,
	    char *buf, size_t size)
{
	size_t w, len, pad;

	if (buf == NULL || size == 0)
		return 0;
	w = jx_utf8_cut(s, width, ambiguous_wide, buf, size);
	len = strlen(buf);
	pad = width - w;
	if (pad > size - 1 - len)
		pad = size - 1 - len;
	if (right) {
		memmove(buf + pad, buf, len + 1);
		memset(buf, ' ', pad);
	} else {
		memset(buf + len, ' ', pad);
		buf[len + pad] = '\0';
	}
	return w + pad;
}
