/*
 * yaml_events.h — walking a YAML text with libyaml's event parser, one
 * current event at a time, and collecting the mistakes found in it.
 *
 * This is what every YAML reader of jixiao shares (the interchange reader
 * io/yaml_read.c, the keymap loader tui/keymap.c): a reader starts each of
 * its functions on the first event of the node it reads and leaves that
 * node's last event current, stepping with jx_yaml_events_next. Mistakes are
 * collected, not fatal, as file:line:column + message (1-based, of the
 * offending node). Only a syntax error (libyaml cannot go on), running out
 * of memory, or too many errors stop the walk: `stop` is then set, and
 * jx_yaml_events_next and jx_yaml_events_skip_node return false.
 *
 * Exports struct jx_yaml_events and jx_yaml_events_read_file/init/free/
 * next/skip_node/finish (reading), jx_yaml_events_add_error/report/
 * out_of_memory (mistakes), jx_yaml_events_scalar/has_control/cut/
 * is_null/kind (the current event), and struct jx_yaml_where with jx_yaml_where_label and
 * jx_yaml_field_ref (naming a place in messages).
 */
#ifndef JX_IO_YAML_EVENTS_H
#define JX_IO_YAML_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "core/error.h"

/* The default of max_errors. */
#define JX_YAML_EVENTS_MAX_ERRORS 100

struct jx_yaml_events {
	yaml_parser_t parser;
	yaml_event_t ev;          /* the current event, when have_ev */
	bool have_ev;
	bool stop;                /* no more events will be read */
	const char *data;         /* the input, to place reader errors */
	size_t len;
	const char *file;         /* for messages */
	struct jx_errlist *errors;
	enum jx_status status;    /* of the first error; JX_OK while none */
	size_t n_errors;          /* counted by jx_yaml_events_report */
	/* Settings: init gives the defaults, the caller may change them. */
	size_t max_errors;        /* report gives up after this many */
	bool refuse_extras;       /* next reports anchors, aliases and tags */
};

/*
 * Reads the file at path ("-" is standard input) with jx_input_read
 * (encoding NULL: UTF-8, else converted) into a new buffer *data (caller
 * frees) of *len bytes, the text to give jx_yaml_events_init. An input
 * error (missing file, bad encoding) is appended to errors and returned,
 * or JX_NOMEM when it cannot be appended; *data is then NULL.
 */
enum jx_status jx_yaml_events_read_file(const char *path,
					const char *encoding, char **data,
					size_t *len, struct jx_errlist *errors);

/*
 * Starts reading data[0..len) (UTF-8); nothing is read yet, no event is
 * current. filename is used in messages only; data, filename and errors
 * must outlive y. max_errors is JX_YAML_EVENTS_MAX_ERRORS, refuse_extras
 * false. Returns JX_OK, or JX_NOMEM after adding "out of memory" to errors
 * (y then needs no jx_yaml_events_free).
 */
enum jx_status jx_yaml_events_init(struct jx_yaml_events *y,
				   const char *data, size_t len,
				   const char *filename,
				   struct jx_errlist *errors);

/* Releases the parser and the current event. status and errors stay. */
void jx_yaml_events_free(struct jx_yaml_events *y);

/*
 * Makes the next event current. A syntax error is reported (at libyaml's
 * problem mark, or for a reader error such as bad UTF-8 at the line and
 * column of its byte) and stops the walk. With refuse_extras, an anchor,
 * an alias or a tag on the new event is reported ("… are not supported");
 * an alias event stays current for the caller to skip. Returns false when
 * the walk has stopped (then no event is current).
 */
bool jx_yaml_events_next(struct jx_yaml_events *y);

/* Skips the node whose first event is current; leaves its last event
 * current. Returns false when the walk has stopped. */
bool jx_yaml_events_skip_node(struct jx_yaml_events *y);

/* After the root node of the first document (its last event current):
 * reads the document end and what follows. A second document is reported
 * at its start as "a second document starts here; " + rule (such as "a
 * keymap file holds one"), and not read. */
void jx_yaml_events_finish(struct jx_yaml_events *y, const char *rule);

/*
 * Appends message at line:column of the file (0, 0: no place) to errors,
 * not counted against max_errors; the first error's status becomes
 * y->status. Returns status, or JX_NOMEM (and stops) when the error could
 * not be added.
 */
enum jx_status jx_yaml_events_add_error(struct jx_yaml_events *y,
					enum jx_status status, long line,
					long column, const char *message);

/*
 * Reports a mistake at a libyaml mark (0-based) as file:line:column,
 * unless the walk has stopped. The max_errors-th report adds "too many
 * errors; giving up" at the same place and stops the walk.
 */
void jx_yaml_events_report(struct jx_yaml_events *y, enum jx_status status,
			   yaml_mark_t mark, const char *fmt, ...)
	JX_PRINTF(4, 5);

/* Adds "out of memory" (JX_NOMEM, no place) and stops the walk. */
void jx_yaml_events_out_of_memory(struct jx_yaml_events *y);

/* The text of the current event, a scalar: NUL-terminated, though it may
 * hold NUL bytes itself (its length is y->ev.data.scalar.length). */
const char *jx_yaml_events_scalar(const struct jx_yaml_events *y);

/* The current scalar holds what a record's text may not: a NUL or a
 * control character other than tab and line breaks (jx_utf8_find_control).
 * libyaml refuses control characters typed into a file, not those written
 * as escapes ("\e[31m"), and a record must not carry them to the screens
 * that show it. jx_yaml_events_report_control then reports it at the
 * scalar's start, naming it `what` ("'name' of indicator 3 …"): the
 * caller makes the name only when there is something to report. */
bool jx_yaml_events_has_control(const struct jx_yaml_events *y);
void jx_yaml_events_report_control(struct jx_yaml_events *y,
				   const char *what);

/* How many bytes of the current scalar to quote in a message: all of them
 * when there are at most max, else at most max, cut back to the start of a
 * character. Fewer than the scalar's length means it was cut. */
size_t jx_yaml_events_cut(const struct jx_yaml_events *y, size_t max);

/* The current event is a plain (unquoted) scalar that YAML reads as null:
 * empty, ~, null, Null or NULL. */
bool jx_yaml_events_is_null(const struct jx_yaml_events *y);

/* What the current event starts, for messages: "a list", "a mapping",
 * "an alias" or "text". */
const char *jx_yaml_events_kind(const struct jx_yaml_events *y);

/*
 * Where a record is, for messages. Readers keep it as a chain on their
 * stack, from the record being read out to the top of the file, and make
 * text of it only when they report a mistake: most records have none, and
 * naming each one ("indicator 12 of project 3") cost more than reading it.
 * A NULL chain is the top of the file (the document itself).
 */
struct jx_yaml_where {
	const char *what;                /* "indicator", "money" */
	size_t n;                        /* numbered from 1; 0: not numbered */
	const struct jx_yaml_where *up;  /* the record it is in; NULL: top */
};

/* Names a record in messages the same way for every reader: "indicator 2
 * of project 3", "money of project 3", "department"; "" for the top
 * (where NULL). */
void jx_yaml_where_label(char *buf, size_t size,
			 const struct jx_yaml_where *where);

/* Names a key in messages the same way for every reader: "'name' in
 * project 3" (where as jx_yaml_where_label names it), or "'year'" at the
 * top of the file (where NULL). */
void jx_yaml_field_ref(char *buf, size_t size, const char *key,
		       const struct jx_yaml_where *where);

#endif
