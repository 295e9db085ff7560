/*
 * text.h — normalising text for matching and parsing.
 *
 * The published text is always kept as written; these functions make a
 * second, normalised copy used as a key (matching a project by name across
 * years) or as parser input (full-width forms read as ASCII).
 */
#ifndef JX_CORE_TEXT_H
#define JX_CORE_TEXT_H

#include <stddef.h>

/* NFKC-fold s (full-width digits, letters and symbols become ASCII, U+3000
 * becomes a space, ① becomes 1). Returns a new string the caller frees, or
 * NULL if out of memory, s is NULL or s is not valid UTF-8. */
char *jx_text_nfkc(const char *s);

/* Key for matching names: NFKC, then every kind of white space removed
 * (Unicode White_Space: ASCII blanks, U+3000, NBSP, U+2028 … and the
 * invisible U+200B and U+FEFF) and ASCII letters lowered (other letters keep
 * their case). "社会效益指 标" and "社会效益指标" give the same key.
 * Returns a new string (caller frees) or NULL, as jx_text_nfkc. */
char *jx_text_key(const char *s);

/* Trims ASCII (space, \t \n \v \f \r) and ideographic (U+3000) white space
 * at both ends, in place. Returns s (NULL for NULL). */
char *jx_text_trim(char *s);

/* strdup that returns NULL for NULL. */
char *jx_strdup(const char *s);
/* The first n bytes of s (which has at least n) as a new string, NULL when
 * out of memory. */
char *jx_strndup(const char *s, size_t n);

#endif
