/*
 * error.c — status texts and caller-owned error records.
 *
 * Exports jx_status_text, jx_error_clear, jx_error_set, jx_error_at,
 * jx_error_format and jx_errlist_init/add/free (see error.h). Messages and
 * file names that do not fit their fixed buffers are cut on a UTF-8
 * character boundary, so a long Chinese message never ends in half a
 * character.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/error.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_texts[] = {
#define JX_STATUS_TEXT(name, text) text,
	JX_STATUS_LIST(JX_STATUS_TEXT)
#undef JX_STATUS_TEXT
};

#define N_STATUS (sizeof status_texts / sizeof status_texts[0])

const char *
jx_status_text(enum jx_status status)
{
	size_t i = (size_t)status;

	if (i >= N_STATUS)
		return "unknown status";
	return status_texts[i];
}

/*
 * buf holds len bytes that snprintf may have cut short. If the last UTF-8
 * sequence is incomplete, drop it (NUL at its lead byte).
 */
static void
drop_partial_utf8(char *buf, size_t len)
{
	size_t i = len, need;
	unsigned char lead;

	while (i > 0 && len - i < 3 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = (unsigned char)buf[i - 1];
	if (lead < 0xC0)
		return;
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
	if (len - (i - 1) < need)
		buf[i - 1] = '\0';
}

/* Copies text into buf (size > 0), cut on a character boundary when it is
 * too long. text may lie inside buf. */
static void
copy_text(char *buf, size_t size, const char *text)
{
	size_t len = strlen(text);

	if (len < size) {
		memmove(buf, text, len + 1);
		return;
	}
	memmove(buf, text, size - 1);
	buf[size - 1] = '\0';
	drop_partial_utf8(buf, size - 1);
}

void
jx_error_clear(struct jx_error *err)
{
	if (err == NULL)
		return;
	err->status = JX_OK;
	err->file[0] = '\0';
	err->line = 0;
	err->column = 0;
	err->message[0] = '\0';
}

static void set_message(struct jx_error *err, const char *fmt, va_list ap)
	JX_PRINTF(2, 0);

static void
set_message(struct jx_error *err, const char *fmt, va_list ap)
{
	/* Format into a local buffer first: an argument may be err->message
	 * itself ("while loading: %s"), and vsnprintf must not overlap. */
	char tmp[JX_ERR_MSG];

	vsnprintf(tmp, sizeof tmp, fmt, ap);
	copy_text(err->message, sizeof err->message, tmp);
}

enum jx_status
jx_error_set(struct jx_error *err, enum jx_status status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return status;
}

enum jx_status
jx_error_at(struct jx_error *err, enum jx_status status, const char *file,
	    long line, long column, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	copy_text(err->file, sizeof err->file, file ? file : "");
	err->line = line > 0 ? line : 0;
	err->column = column > 0 ? column : 0;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return status;
}

/*
 * Writes "file:line:column: message" into buf (size > 0), leaving out what
 * is unknown: "file:line: m", "file: m"; without a file, "line 3, column 4:
 * m" or "line 3: m"; otherwise just the message. An empty message is
 * replaced by the status text, so a bare status still reads as English.
 */
void
jx_error_format(const struct jx_error *err, char *buf, size_t size)
{
	char tmp[JX_ERR_FILE + JX_ERR_MSG + 64];
	const char *msg;

	if (buf == NULL || size == 0)
		return;
	if (err == NULL) {
		buf[0] = '\0';
		return;
	}
	msg = err->message[0] ? err->message : jx_status_text(err->status);
	if (err->file[0] && err->line > 0 && err->column > 0)
		snprintf(tmp, sizeof tmp, "%s:%ld:%ld: %s", err->file,
			 err->line, err->column, msg);
	else if (err->file[0] && err->line > 0)
		snprintf(tmp, sizeof tmp, "%s:%ld: %s", err->file, err->line,
			 msg);
	else if (err->file[0])
		snprintf(tmp, sizeof tmp, "%s: %s", err->file, msg);
	else if (err->line > 0 && err->column > 0)
		snprintf(tmp, sizeof tmp, "line %ld, column %ld: %s", err->line,
			 err->column, msg);
	else if (err->line > 0)
		snprintf(tmp, sizeof tmp, "line %ld: %s", err->line, msg);
	else
		snprintf(tmp, sizeof tmp, "%s", msg);
	copy_text(buf, size, tmp);
}

void
jx_errlist_init(struct jx_errlist *list)
{
	list->items = NULL;
	list->count = 0;
	list->cap = 0;
}

enum jx_status
jx_errlist_add(struct jx_errlist *list, const struct jx_error *err)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		struct jx_error *items;

		if (cap > SIZE_MAX / sizeof *items)
			return JX_NOMEM;
		items = realloc(list->items, cap * sizeof *items);
		if (items == NULL)
			return JX_NOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = *err;
	return JX_OK;
}

void
jx_errlist_free(struct jx_errlist *list)
{
	if (list == NULL)
		return;
	free(list->items);
	jx_errlist_init(list);
}
