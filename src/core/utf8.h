/*
 * utf8.h — UTF-8 validation, display width and cutting to a column budget.
 *
 * Widths come from utf8proc (Unicode data, independent of the C locale), so
 * the same string measures the same in tests, pipes and the terminal. A CJK
 * character is two columns, a combining mark zero, a control character or an
 * invalid byte one (shown as a replacement).
 */
#ifndef JX_CORE_UTF8_H
#define JX_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Checks that len bytes are valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF). Returns true, or false with the offset of the first bad
 * byte in *bad_offset (may be NULL): the lead byte of a truncated or
 * ill-formed sequence, or a stray continuation byte. NUL bytes are valid. */
bool jx_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* The offset of the first control character in s[0..len) that a text
 * field may not hold, or len when there is none: C0 (NUL included) but
 * tab, line feed and carriage return, DEL, and C1 (U+0080–U+009F, as
 * UTF-8). A terminal acts on these (ESC starts a command), so they must
 * not reach a screen from a record; CR stays, as half of a Windows line
 * break that a program writing YAML escapes as "\r\n". Its code point
 * goes to *cp when one is found. s need not be valid UTF-8 elsewhere. */
size_t jx_utf8_find_control(const char *s, size_t len, int32_t *cp);

/* How control character cp (C0, DEL or C1) is shown on a screen instead
 * of being sent to it: C0 in caret notation (^[ for ESC, ^M for CR), DEL
 * as ^?, C1 (U+0080–U+009F) as U+FFFD. Writes it NUL-terminated into buf
 * and returns its length. */
size_t jx_control_shown(int32_t cp, char buf[4]);

/* Decodes one code point at s (at most len bytes). Returns the number of
 * bytes used (1..4) and stores the code point, or returns 1 and stores -1
 * for an invalid byte. len must be > 0. Bytes are read in order up to the
 * first that does not belong, and NUL never belongs to a sequence, so for a
 * NUL-terminated string len may be SIZE_MAX. */
int jx_utf8_decode(const char *s, size_t len, int32_t *cp);

/* True when cp is East Asian Width Ambiguous (UAX #11: ≥ ≤ ① … U+2026). */
bool jx_cp_ambiguous(int32_t cp);

/* Display width of one code point: 0, 1 or 2. -1 (invalid), surrogates and
 * control characters count 1 (they are shown as a replacement).
 * When ambiguous_wide is set, East Asian Ambiguous characters (≥ ≤ ①…) count
 * two, as in terminals configured for CJK. */
int jx_cp_width(int32_t cp, bool ambiguous_wide);

/* Display width of a NUL-terminated string (NULL is ""). */
size_t jx_str_width(const char *s, bool ambiguous_wide);

/*
 * How many bytes of s fit in max_width columns.
 *   - never splits a character, and never ends between a base character and
 *     its combining marks;
 *   - sets *trimmed when not all of s fits;
 *   - when trimmed and reserve > 0, backs off further so that `reserve`
 *     columns are left for an ellipsis;
 *   - stores the width of the returned prefix in *width (may be NULL);
 *   - trimmed may be NULL; a NULL s reads as "".
 */
size_t jx_utf8_fit(const char *s, size_t max_width, size_t reserve,
		   bool ambiguous_wide, bool *trimmed, size_t *width);

/* Drops a character cut short at the end of s, as a copy to a byte limit
 * (snprintf into a fixed buffer) leaves it; returns the length left.
 * jx_utf8_whole_len: the same length for len bytes at s, s unchanged. */
size_t jx_utf8_drop_cut(char *s);
size_t jx_utf8_whole_len(const char *s, size_t len);

/*
 * Writes s cut to max_width columns into buf: when it does not fit, the
 * prefix that fits in max_width-1 columns followed by "…" (U+2026, one
 * column; two when ambiguous_wide, and then the prefix gets max_width-2).
 * When the ellipsis itself does not fit (max_width too small, or size < 4)
 * the text is cut without one. Returns the display width written. buf is
 * always NUL-terminated (size > 0; nothing is written when size is 0); if
 * buf is too small the text is cut further on a character boundary, never
 * between a character and its combining marks.
 */
size_t jx_utf8_cut(const char *s, size_t max_width, bool ambiguous_wide,
		   char *buf, size_t size);

/* Same as jx_utf8_cut, then pads with spaces to exactly `width` columns
 * (left-aligned), or right-aligns when right is set. Returns the width
 * written: `width`, unless buf is too small for all the padding. */
size_t jx_utf8_pad(const char *s, size_t width, bool right,
		   bool ambiguous_wide, char *buf, size_t size);

#endif
