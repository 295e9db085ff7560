/*
 * error.h — errors that carry where they happened.
 *
 * Every layer reports failure through a caller-owned jx_error: a status code,
 * a message, and (when known) the file, line and column it concerns; the
 * field, when there is one, is named in the message. Text too long for the
 * fixed buffers is cut on a UTF-8 character boundary.
 * There is no static error buffer, so a second error never overwrites the
 * first; jx_errlist collects several when a file has more than one mistake.
 */
#ifndef JX_CORE_ERROR_H
#define JX_CORE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#define JX_STATUS_LIST(_) \
	_(OK,        "ok") \
	_(NOMEM,     "out of memory") \
	_(IO,        "input/output error") \
	_(SYNTAX,    "syntax error") \
	_(INVALID,   "invalid value") \
	_(MISSING,   "missing field") \
	_(UNKNOWN,   "unknown field") \
	_(ENCODING,  "bad encoding") \
	_(EXISTS,    "already exists") \
	_(NOTFOUND,  "not found") \
	_(DB,        "database error") \
	_(NOTDB,     "not a jixiao database") \
	_(TOONEW,    "database from a newer version") \
	_(READONLY,  "read-only") \
	_(CONFLICT,  "changed by someone else") \
	_(USAGE,     "usage error")

enum jx_status {
#define JX_STATUS_ENUM(name, text) JX_##name,
	JX_STATUS_LIST(JX_STATUS_ENUM)
#undef JX_STATUS_ENUM
};

#define JX_ERR_MSG 512
#define JX_ERR_FILE 256

struct jx_error {
	enum jx_status status;
	char file[JX_ERR_FILE];   /* "" when not about a file */
	long line;                /* 1-based; 0 when unknown */
	long column;              /* 1-based; 0 when unknown */
	char message[JX_ERR_MSG];
};

/* A growing list of errors, for reporting every mistake in a file at once. */
struct jx_errlist {
	struct jx_error *items;
	size_t count;
	size_t cap;
};

#if defined(__GNUC__)
#define JX_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define JX_PRINTF(fmt, args)
#endif

/* The English text of a status ("invalid value"); "unknown status" for a
 * value outside the list. Static storage. */
const char *jx_status_text(enum jx_status status);

/* Reset to JX_OK with empty fields (NULL is accepted). */
void jx_error_clear(struct jx_error *err);

/* Set status and message (printf-style); keeps file/line/column. Returns
 * status so callers can write `return jx_error_set(err, JX_INVALID, …);`.
 * err may be NULL, in which case only the status is returned. */
enum jx_status jx_error_set(struct jx_error *err, enum jx_status status,
			    const char *fmt, ...) JX_PRINTF(3, 4);

/* Same, with a position in a file (file may be NULL for none; a line or
 * column below 1 is stored as 0, unknown). */
enum jx_status jx_error_at(struct jx_error *err, enum jx_status status,
			   const char *file, long line, long column,
			   const char *fmt, ...) JX_PRINTF(6, 7);

/* "file:line:column: message", or fewer parts when they are unknown
 * ("file:line: m", "file: m", "line 3, column 4: m", "line 3: m", "m"). An
 * empty message reads as the status text. Cut to size (size 0: nothing). */
void jx_error_format(const struct jx_error *err, char *buf, size_t size);

void jx_errlist_init(struct jx_errlist *list);
/* Appends a copy; returns JX_OK, or JX_NOMEM if it could not. */
enum jx_status jx_errlist_add(struct jx_errlist *list,
			      const struct jx_error *err);
/* Frees the items and leaves the list empty (NULL is accepted). */
void jx_errlist_free(struct jx_errlist *list);

#endif
