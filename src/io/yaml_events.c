#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * yaml_events.c — the event walk and the error collection that the YAML
 * readers share (see yaml_events.h).
 *
 * Exports jx_yaml_events_read_file/init/free/next/skip_node/finish/
 * add_error/report/out_of_memory/scalar/cut/is_null/kind,
 * jx_yaml_where_label and jx_yaml_field_ref. A syntax error
 * and an anchor, alias or tag are found here, on the way from one event to
 * the next; what a node must hold is left to the reader.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/error.h"
#include "core/utf8.h"
#include "io/input.h"
#include "io/yaml_events.h"

#define TAG_PREFIX "tag:yaml.org,2002:" /* what "!!" stands for */

enum jx_status
jx_yaml_events_read_file(const char *path, const char *encoding,
			 char **data, size_t *len, struct jx_errlist *errors)
{
	struct jx_error e;
	enum jx_status st;

	jx_error_clear(&e);
	st = jx_input_read(path, encoding, data, len, &e);
	if (st != JX_OK && jx_errlist_add(errors, &e) != JX_OK)
		return JX_NOMEM;
	return st;
}

enum jx_status
jx_yaml_events_init(struct jx_yaml_events *y, const char *data, size_t len,
		    const char *filename, struct jx_errlist *errors)
{
	memset(y, 0, sizeof *y);
	y->data = data;
	y->len = len;
	y->file = filename;
	y->errors = errors;
	y->status = JX_OK;
	y->max_errors = JX_YAML_EVENTS_MAX_ERRORS;
	if (!yaml_parser_initialize(&y->parser))
		return jx_yaml_events_add_error(y, JX_NOMEM, 0, 0,
						"out of memory");
	yaml_parser_set_input_string(&y->parser, (const unsigned char *)data,
				     len);
	yaml_parser_set_encoding(&y->parser, YAML_UTF8_ENCODING);
	return JX_OK;
}

void
jx_yaml_events_free(struct jx_yaml_events *y)
{
	if (y->have_ev)
		yaml_event_delete(&y->ev);
	y->have_ev = false;
	yaml_parser_delete(&y->parser);
}

enum jx_status
jx_yaml_events_add_error(struct jx_yaml_events *y, enum jx_status status,
			 long line, long column, const char *message)
{
	struct jx_error e;

	jx_error_clear(&e);
	jx_error_at(&e, status, y->file, line, column, _("%s"), message);
	if (jx_errlist_add(y->errors, &e) != JX_OK) {
		y->stop = true;
		status = JX_NOMEM;
	}
	if (y->status == JX_OK)
		y->status = status;
	return status;
}

void
jx_yaml_events_out_of_memory(struct jx_yaml_events *y)
{
	jx_yaml_events_add_error(y, JX_NOMEM, 0, 0, "out of memory");
	y->stop = true;
}

void
jx_yaml_events_report(struct jx_yaml_events *y, enum jx_status status,
		      yaml_mark_t mark, const char *fmt, ...)
{
	char msg[JX_ERR_MSG];
	long line = (long)mark.line + 1, column = (long)mark.column + 1;
	va_list ap;

	if (y->stop)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	jx_yaml_events_add_error(y, status, line, column, msg);
	if (++y->n_errors == y->max_errors) {
		jx_yaml_events_add_error(y, status, line, column,
					 "too many errors; giving up");
		y->stop = true;
	}
}

/* Adds libyaml's reason for failing to read a character (bad UTF-8, a
 * control character) at the line and column of its byte. */
static void
reader_error(struct jx_yaml_events *y)
{
	const yaml_parser_t *p = &y->parser;
	size_t at = p->problem_offset < y->len ? p->problem_offset : y->len;
	char msg[JX_ERR_MSG];
	long line, column;

	jx_input_position(y->data, at, &line, &column);
	snprintf(msg, sizeof msg, "%s (byte %zu)", p->problem,
		 p->problem_offset);
	jx_yaml_events_add_error(y, JX_SYNTAX, line, column, msg);
}

/* Reports why libyaml stopped, and stops the walk. */
static void
syntax_error(struct jx_yaml_events *y)
{
	const yaml_parser_t *p = &y->parser;
	long line = (long)p->problem_mark.line + 1;
	long column = (long)p->problem_mark.column + 1;
	char msg[JX_ERR_MSG];

	if (p->error == YAML_MEMORY_ERROR) {
		jx_yaml_events_out_of_memory(y);
	} else if (p->error == YAML_READER_ERROR) {
		reader_error(y);
	} else if (p->context) {
		snprintf(msg, sizeof msg, "%s (%s at line %lu, column %lu)",
			 p->problem, p->context,
			 (unsigned long)p->context_mark.line + 1,
			 (unsigned long)p->context_mark.column + 1);
		jx_yaml_events_add_error(y, JX_SYNTAX, line, column, msg);
	} else {
		jx_yaml_events_add_error(y, JX_SYNTAX, line, column,
					 p->problem ? p->problem
						    : "syntax error");
	}
	y->stop = true;
}

/* The anchor and tag of the current event, each NULL when it has none. */
static void
anchor_and_tag(const yaml_event_t *ev, const yaml_char_t **anchor,
	       const yaml_char_t **tag)
{
	*anchor = *tag = NULL;
	if (ev->type == YAML_SCALAR_EVENT) {
		*anchor = ev->data.scalar.anchor;
		*tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		*anchor = ev->data.sequence_start.anchor;
		*tag = ev->data.sequence_start.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		*anchor = ev->data.mapping_start.anchor;
		*tag = ev->data.mapping_start.tag;
	}
}

/* Reports an anchor, an alias or a tag on the current event. */
static void
check_extras(struct jx_yaml_events *y)
{
	const yaml_event_t *ev = &y->ev;
	const yaml_char_t *anchor, *tag;
	size_t prefix = strlen(TAG_PREFIX);

	if (ev->type == YAML_ALIAS_EVENT) {
		jx_yaml_events_report(y, JX_INVALID, ev->start_mark,
				      _("aliases (*%s) are not supported"),
				      ev->data.alias.anchor);
		return;
	}
	anchor_and_tag(ev, &anchor, &tag);
	if (anchor)
		jx_yaml_events_report(y, JX_INVALID, ev->start_mark,
				      _("anchors (&%s) are not supported"),
				      anchor);
	if (tag && strncmp((const char *)tag, TAG_PREFIX, prefix) == 0)
		jx_yaml_events_report(y, JX_INVALID, ev->start_mark,
				      _("tags (!!%s) are not supported"),
				      tag + prefix);
	else if (tag)
		jx_yaml_events_report(y, JX_INVALID, ev->start_mark,
				      _("tags (%s) are not supported"), tag);
}

bool
jx_yaml_events_next(struct jx_yaml_events *y)
{
	if (y->have_ev)
		yaml_event_delete(&y->ev);
	y->have_ev = false;
	if (y->stop)
		return false;
	if (!yaml_parser_parse(&y->parser, &y->ev)) {
		syntax_error(y);
		return false;
	}
	y->have_ev = true;
	if (y->refuse_extras)
		check_extras(y);
	return !y->stop;
}

bool
jx_yaml_events_skip_node(struct jx_yaml_events *y)
{
	size_t depth = 0;

	do {
		yaml_event_type_t t = y->ev.type;

		if (t == YAML_SEQUENCE_START_EVENT ||
		    t == YAML_MAPPING_START_EVENT)
			depth++;
		else if (t == YAML_SEQUENCE_END_EVENT ||
			 t == YAML_MAPPING_END_EVENT)
			depth--;
		if (depth > 0 && !jx_yaml_events_next(y))
			return false;
	} while (depth > 0);
	return true;
}

void
jx_yaml_events_finish(struct jx_yaml_events *y, const char *rule)
{
	/* document end, then stream end? */
	if (!jx_yaml_events_next(y) || !jx_yaml_events_next(y))
		return;
	if (y->ev.type == YAML_DOCUMENT_START_EVENT)
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("a second document starts here; %s"),
				      rule);
}

const char *
jx_yaml_events_scalar(const struct jx_yaml_events *y)
{
	return (const char *)y->ev.data.scalar.value;
}

bool
jx_yaml_events_has_control(const struct jx_yaml_events *y)
{
	size_t n = y->ev.data.scalar.length;
	int32_t cp;

	return jx_utf8_find_control(jx_yaml_events_scalar(y), n, &cp) < n;
}

void
jx_yaml_events_report_control(struct jx_yaml_events *y, const char *what)
{
	size_t n = y->ev.data.scalar.length;
	int32_t cp = 0;

	jx_utf8_find_control(jx_yaml_events_scalar(y), n, &cp);
	if (cp == 0)
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("%s contains a NUL character"), what);
	else
		jx_yaml_events_report(y, JX_INVALID, y->ev.start_mark,
				      _("%s contains the control character "
					"U+%04X (a text may hold tabs and line "
					"breaks, no other)"),
				      what, (unsigned)cp);
}

size_t
jx_yaml_events_cut(const struct jx_yaml_events *y, size_t max)
{
	const char *s = jx_yaml_events_scalar(y);
	size_t n = y->ev.data.scalar.length;

	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

bool
jx_yaml_events_is_null(const struct jx_yaml_events *y)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL" };
	const yaml_event_t *ev = &y->ev;

	if (ev->type != YAML_SCALAR_EVENT ||
	    ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	if (ev->data.scalar.length == 0)
		return true;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(jx_yaml_events_scalar(y), nulls[i]) == 0)
			return true;
	return false;
}

const char *
jx_yaml_events_kind(const struct jx_yaml_events *y)
{
	switch (y->ev.type) {
	case YAML_SEQUENCE_START_EVENT: return "a list";
	case YAML_MAPPING_START_EVENT: return "a mapping";
	case YAML_ALIAS_EVENT: return "an alias";
	default: return "text";
	}
}

void
jx_yaml_where_label(char *buf, size_t size, const struct jx_yaml_where *where)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (const struct jx_yaml_where *w = where; w && len < size;
	     w = w->up) {
		const char *of = w == where ? "" : " of ";
		int n = w->n ? snprintf(buf + len, size - len, "%s%s %zu", of,
					w->what, w->n)
			     : snprintf(buf + len, size - len, "%s%s", of,
					w->what);

		if (n < 0)
			break;
		len += (size_t)n;
	}
}

void
jx_yaml_field_ref(char *buf, size_t size, const char *key,
		  const struct jx_yaml_where *where)
{
	int n = snprintf(buf, size, where ? "'%s' in " : "'%s'", key);

	if (where && n >= 0 && (size_t)n < size)
		jx_yaml_where_label(buf + n, size - (size_t)n, where);
}
