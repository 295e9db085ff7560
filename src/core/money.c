/*
 * money.c — reading and writing amounts of 万元 as integer yuan.
 *
 * Exports jx_money_parse_wan, jx_money_format_wan and
 * jx_money_format_wan_fixed (see money.h). 1 万元 is 10 000 yuan, so the
 * fourth decimal of 万元 is one yuan and every amount a table can print is
 * an exact integer. Nothing here uses floating point.
 *
 * The parser reads the few full-width forms a table uses (０-９, ．, －,
 * U+3000) itself, byte by byte, so it needs neither utf8proc nor a locale.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/i18n.h"
#include "core/money.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define YUAN_PER_WAN 10000
#define WAN_DECIMALS 4

/* "万元" and U+3000 in UTF-8. */
static const char unit_wan[] = "\xE4\xB8\x87\xE5\x85\x83";
static const char ideo_space[] = "\xE3\x80\x80";

/* Longest piece of the input quoted in an error message, in bytes. */
#define QUOTE_MAX 60

/* Bytes in the UTF-8 sequence that starts with lead (1 when invalid). */
static size_t
seq_len(unsigned char lead)
{
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	return 1;
}

/*
 * Reads the character at p (before end) as its ASCII twin and stores its
 * length in bytes in *n. ASCII is itself; ０-９ (U+FF10..FF19), ． (U+FF0E)
 * and － (U+FF0D) are their ASCII forms; U+3000 is ' '. Anything else
 * returns -1, with *n the length of the character, for quoting it.
 */
static int
peek_ascii(const char *p, const char *end, size_t *n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t avail = (size_t)(end - p);

	*n = 1;
	if (u[0] < 0x80)
		return u[0];
	*n = seq_len(u[0]);
	if (*n > avail)
		*n = avail;
	if (*n == 3 && u[0] == 0xEF && u[1] == 0xBC) {
		if (u[2] >= 0x90 && u[2] <= 0x99)
			return '0' + (u[2] - 0x90);
		if (u[2] == 0x8E)
			return '.';
		if (u[2] == 0x8D)
			return '-';
	}
	if (*n == 3 && memcmp(p, ideo_space, 3) == 0)
		return ' ';
	return -1;
}

static bool
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Moves *s forward and *e back over blanks (ASCII or U+3000). */
static void
trim(const char **s, const char **e)
{
	size_t n;

	while (*s < *e && is_blank(peek_ascii(*s, *e, &n)))
		*s += n;
	for (;;) {
		if (*e > *s && is_blank((unsigned char)(*e)[-1]))
			(*e)--;
		else if (*e - *s >= 3 && memcmp(*e - 3, ideo_space, 3) == 0)
			*e -= 3;
		else
			break;
	}
}

/*
 * Copies text into out for an error message: at most QUOTE_MAX bytes, and
 * never more than size - 4, cut on a character boundary and then marked
 * with "…"; control characters become '?' so that a message stays on one
 * line. size must be at least 8. out may be text.
 */
static void
quote(const char *text, char *out, size_t size)
{
	size_t len = strlen(text), max = size - 4, i;
	bool cut;

	if (max > QUOTE_MAX)
		max = QUOTE_MAX;
	cut = len > max;
	if (cut) {
		len = max;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		out[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
	}
	strcpy(out + len, cut ? "\xE2\x80\xA6" : "");
}

/* The number being read: sign, whole 万元, decimals and digit grouping. */
struct amount {
	bool neg;
	uint64_t whole;     /* 万元 before the point */
	uint64_t frac;      /* the first four decimals, as digits */
	int n_whole;        /* digits before the point */
	int n_frac;         /* digits after it, all of them */
	bool in_frac;
	bool grouped;       /* a ',' was seen */
	int group;          /* digits since the last ',' */
};

/* Set by the scanner: what is wrong, for the message. */
enum fault {
	F_NONE,
	F_CHAR,         /* unexpected character */
	F_TWO_POINTS,
	F_GROUPING,
	F_DECIMALS,
	F_LARGE,
	F_NO_DIGITS,
	F_NO_WHOLE,     /* ".5" */
	F_NO_FRAC       /* "5." */
};

static enum fault
take_digit(struct amount *a, int d)
{
	if (a->in_frac) {
		a->n_frac++;
		if (a->n_frac <= WAN_DECIMALS) {
			a->frac = a->frac * 10 + (uint64_t)d;
			return F_NONE;
		}
		/* Zeros past the fourth decimal lose nothing ("130.97000"). */
		return d == 0 ? F_NONE : F_DECIMALS;
	}
	a->n_whole++;
	a->group++;
	a->whole = a->whole * 10 + (uint64_t)d;
	if (a->whole > (uint64_t)JX_MONEY_MAX_YUAN / YUAN_PER_WAN)
		return F_LARGE;
	return F_NONE;
}

/* A ',' between groups: 1-3 digits first, then exactly three each. */
static bool
group_ok(const struct amount *a)
{
	if (a->grouped)
		return a->group == 3;
	return a->group >= 1 && a->group <= 3;
}

static enum fault
take_char(struct amount *a, int c, bool first)
{
	if (c >= '0' && c <= '9')
		return take_digit(a, c - '0');
	if (c == '-' && first) {
		a->neg = true;
		return F_NONE;
	}
	if (c == ',') {
		if (a->in_frac || !group_ok(a))
			return F_GROUPING;
		a->grouped = true;
		a->group = 0;
		return F_NONE;
	}
	if (c == '.') {
		if (a->in_frac)
			return F_TWO_POINTS;
		if (a->n_whole == 0)
			return F_NO_WHOLE;
		if (a->grouped && a->group != 3)
			return F_GROUPING;
		a->in_frac = true;
		return F_NONE;
	}
	return F_CHAR;
}

/* Checks that belong at the end of the number. */
static enum fault
finish(const struct amount *a)
{
	if (a->n_whole == 0)
		return F_NO_DIGITS;
	if (a->in_frac && a->n_frac == 0)
		return F_NO_FRAC;
	if (a->grouped && !a->in_frac && a->group != 3)
		return F_GROUPING;
	return F_NONE;
}

static enum jx_status
fault_error(enum fault f, const char *text, const char *bad, size_t bad_len,
	    struct jx_error *err)
{
	char q[QUOTE_MAX + 8], b[8];

	quote(text, q, sizeof q);
	if (bad_len == 1 && (unsigned char)bad[0] >= 0x80)
		snprintf(b, sizeof b, "\\x%02X", (unsigned char)bad[0]);
	else
		snprintf(b, sizeof b, "%.*s", (int)bad_len, bad);
	quote(b, b, sizeof b);
	switch (f) {
	case F_CHAR:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" is not a number of 万元: unexpected \"%s\""),
			q, b);
	case F_TWO_POINTS:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" has more than one decimal point"), q);
	case F_GROUPING:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" has a misplaced thousands separator "
			"(',' goes between groups of three digits)"), q);
	case F_DECIMALS:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" has more than four decimals "
			"(0.0001 万元 is one yuan)"), q);
	case F_LARGE:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" is too large (more than %" PRId64 " 万元)"),
			q, JX_MONEY_MAX_YUAN / YUAN_PER_WAN);
	case F_NO_WHOLE:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" has no digit before the decimal point"), q);
	case F_NO_FRAC:
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" has no digit after the decimal point"), q);
	case F_NO_DIGITS:
	case F_NONE:
		break;
	}
	return jx_error_set(err, JX_INVALID, _("amount \"%s\" has no digits"), q);
}

static uint64_t
frac_yuan(const struct amount *a)
{
	uint64_t f = a->frac;
	int n;

	for (n = a->n_frac < WAN_DECIMALS ? a->n_frac : WAN_DECIMALS;
	     n < WAN_DECIMALS; n++)
		f *= 10;
	return f;
}

/*
 * Reads the number in [s, e) into *out. On a fault, reports it with the
 * offending character when there is one. Returns JX_OK or JX_INVALID.
 */
static enum jx_status
scan_number(const char *text, const char *s, const char *e, int64_t *out,
	    struct jx_error *err)
{
	struct amount a = {0};
	enum fault f = F_NONE;
	const char *p = s;
	uint64_t yuan = 0;
	size_t n = 0;

	while (p < e && f == F_NONE) {
		f = take_char(&a, peek_ascii(p, e, &n), p == s);
		if (f == F_NONE)
			p += n;
	}
	if (f == F_NONE)
		f = finish(&a);
	if (f == F_NONE) {
		yuan = a.whole * YUAN_PER_WAN + frac_yuan(&a);
		if (yuan > (uint64_t)JX_MONEY_MAX_YUAN)
			f = F_LARGE;
	}
	if (f != F_NONE)
		return fault_error(f, text, p, p < e ? n : 0, err);
	*out = a.neg ? -(int64_t)yuan : (int64_t)yuan;
	return JX_OK;
}

/*
 * Parses a 万元 amount (money.h). NULL reads as "". On success *out is
 * set; on failure *out is left alone and err says what is wrong with the
 * text, quoting it. Zeros beyond the fourth decimal are accepted because
 * they change nothing.
 */
enum jx_status
jx_money_parse_wan(const char *text, int64_t *out, struct jx_error *err)
{
	const char *s, *e;
	bool unit = false;
	char q[QUOTE_MAX + 8];

	if (text == NULL)
		text = "";
	s = text;
	e = text + strlen(text);
	trim(&s, &e);
	if (e - s >= 6 && memcmp(e - 6, unit_wan, 6) == 0) {
		e -= 6;
		unit = true;
		trim(&s, &e);
	}
	if (s == e) {
		quote(text, q, sizeof q);
		if (unit)
			return jx_error_set(err, JX_INVALID,
				_("amount \"%s\" has no number before 万元"), q);
		return jx_error_set(err, JX_INVALID,
			_("amount \"%s\" is empty: expected a number of 万元"), q);
	}
	return scan_number(text, s, e, out, err);
}

/* |yuan| without overflow, even for INT64_MIN. */
static uint64_t
magnitude(int64_t yuan)
{
	return yuan < 0 ? (uint64_t)0 - (uint64_t)yuan : (uint64_t)yuan;
}

int
jx_money_format_wan(int64_t yuan, char *buf, size_t size)
{
	uint64_t u = magnitude(yuan);
	unsigned frac = (unsigned)(u % YUAN_PER_WAN);
	int decimals = WAN_DECIMALS;

	if (frac == 0)
		decimals = 0;
	while (decimals > 0 && frac % 10 == 0) {
		frac /= 10;
		decimals--;
	}
	if (decimals == 0)
		return snprintf(buf, size, "%s%" PRIu64, yuan < 0 ? "-" : "",
				u / YUAN_PER_WAN);
	return snprintf(buf, size, "%s%" PRIu64 ".%0*u", yuan < 0 ? "-" : "",
			u / YUAN_PER_WAN, decimals, frac);
}

/*
 * Formats with exactly `decimals` decimals (0..4), rounding half away from
 * zero. A value that rounds to zero prints without a sign ("0.00", never
 * "-0.00"). Returns -1 (and writes "" when size > 0) for decimals out of
 * range.
 */
int
jx_money_format_wan_fixed(int64_t yuan, int decimals, char *buf, size_t size)
{
	static const uint64_t pow10[] = { 1, 10, 100, 1000, 10000 };
	uint64_t u = magnitude(yuan), drop, q;
	const char *sign;

	if (decimals < 0 || decimals > WAN_DECIMALS) {
		if (buf != NULL && size > 0)
			buf[0] = '\0';
		return -1;
	}
	drop = pow10[WAN_DECIMALS - decimals];
	q = u / drop;
	if ((u % drop) * 2 >= drop)
		q++;
	sign = (yuan < 0 && q != 0) ? "-" : "";
	if (decimals == 0)
		return snprintf(buf, size, "%s%" PRIu64, sign, q);
	return snprintf(buf, size, "%s%" PRIu64 ".%0*" PRIu64, sign,
			q / pow10[decimals], decimals, q % pow10[decimals]);
}
