#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * yaml_write.c — writes a jx_doc in the interchange format with libyaml's
 * emitter.
 *
 * Exports jx_yaml_write_doc_cb, jx_yaml_write_doc and jx_yaml_write_doc_mem
 * (io/yaml_doc.h). The writer walks the same schema tables as the reader
 * (jx_yaml_doc_schema), so the key order of the spec is kept in one place.
 * No YAML is printed by hand: every byte comes from the emitter, which is
 * told only the scalar style where its own choice would not read back as
 * the same text (see text_style).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/error.h"
#include "core/money.h"
#include "core/record.h"
#include "core/utf8.h"
#include "io/yaml_doc.h"

#define LABEL_MAX 160

static const char *
text_of(const void *rec, size_t offset)
{
	return *(char *const *)(const void *)((const char *)rec + offset);
}

static const struct jx_amount *
amount_of(const void *rec, size_t offset)
{
	return (const void *)((const char *)rec + offset);
}

static bool
flag_of(const void *rec, size_t offset)
{
	return *(const bool *)(const void *)((const char *)rec + offset);
}

static int
year_of(const void *rec, size_t offset)
{
	return *(const int *)(const void *)((const char *)rec + offset);
}

/* The items of a LIST field: the array and its length. */
static const char *
items_of(const void *rec, const struct jx_yaml_field *f, size_t *n)
{
	*n = *(const size_t *)(const void *)((const char *)rec + f->count);
	return *(const char *const *)(const void *)((const char *)rec +
						    f->offset);
}

/* ---- Checking what import would refuse ----------------------------------- */

static enum jx_status check_record(const struct jx_yaml_schema *s,
				   const void *rec, const char *label,
				   struct jx_error *err);

/* Checks one scalar field; where names the record ("project 2"). */
static enum jx_status
check_scalar(const struct jx_yaml_field *f, const void *rec, const char *where,
	     struct jx_error *err)
{
	const char *text = f->type == JX_YT_TEXT ? text_of(rec, f->offset)
						 : NULL;
	const struct jx_amount *amount = amount_of(rec, f->offset);
	size_t bad;

	if (f->type == JX_YT_TEXT && f->required && (!text || !*text))
		return jx_error_set(err, JX_MISSING, _("%s has no '%s'"), where,
				    f->key);
	if (text && !jx_utf8_valid(text, strlen(text), &bad))
		return jx_error_set(err, JX_ENCODING,
				    _("'%s' in %s: byte %zu: not valid UTF-8"),
				    f->key, where, bad);
	if (f->type == JX_YT_YEAR && (year_of(rec, f->offset) < 1900 ||
				      year_of(rec, f->offset) > 2999))
		return jx_error_set(err, JX_INVALID,
				    _("'%s' must be from 1900 to 2999, not %d"),
				    f->key, year_of(rec, f->offset));
	if (f->type == JX_YT_MONEY && amount->present &&
	    (amount->yuan > JX_MONEY_MAX_YUAN ||
	     amount->yuan < -JX_MONEY_MAX_YUAN))
		return jx_error_set(err, JX_INVALID,
				    _("'%s' in %s is out of range"), f->key,
				    where);
	return JX_OK;
}

static enum jx_status
check_field(const struct jx_yaml_field *f, const void *rec, const char *label,
	    struct jx_error *err)
{
	const char *items;
	char sub[LABEL_MAX];
	size_t n;
	enum jx_status st = JX_OK;

	switch (f->type) {
	case JX_YT_MAP:
		jx_yaml_label(sub, sizeof sub, f->sub->what, 0, label);
		return check_record(f->sub, rec, sub, err);
	case JX_YT_LIST:
		items = items_of(rec, f, &n);
		for (size_t i = 0; i < n && st == JX_OK; i++) {
			jx_yaml_label(sub, sizeof sub, f->sub->what, i + 1,
				      label);
			st = check_record(f->sub, items + i * f->sub->item_size,
					  sub, err);
		}
		return st;
	default:
		return check_scalar(f, rec, *label ? label : "the document",
				    err);
	}
}

static enum jx_status
check_record(const struct jx_yaml_schema *s, const void *rec,
	     const char *label, struct jx_error *err)
{
	enum jx_status st = JX_OK;

	for (const struct jx_yaml_field *f = s->fields; f->key && !st; f++)
		st = check_field(f, rec, label, err);
	return st;
}

/* ---- Choosing scalar styles ---------------------------------------------- */

/* Words a YAML 1.1 reader takes for null, a boolean, infinity, NaN, a merge
 * or a value key rather than text. */
static const char *const yaml11_words[] = {
	"~", "null", "Null", "NULL",
	"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
	"true", "True", "TRUE", "false", "False", "FALSE",
	"on", "On", "ON", "off", "Off", "OFF",
	".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
	"-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
	"<<", "=",
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * True for text a YAML 1.1 reader would resolve to a number or a date:
 * an optional sign, then a digit or '.', then only characters that occur in
 * YAML 1.1 integers, floats and sexagesimals (digits, hex letters, x, o, _,
 * '.', ':', signs), with at least one digit — "441001", "1.5", "0x1F",
 * "1e5", "12:30" — or anything starting with a date "2021-". Quoting a few
 * strings that did not need it ("1abc") does no harm.
 */
static bool
looks_numeric(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	bool digit = false;

	if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-')
		return true;
	if (!is_digit(*p) && *p != '.')
		return false;
	for (; *p; p++) {
		if (is_digit(*p))
			digit = true;
		else if (!strchr("abcdefABCDEFxXoO_.:+-", *p))
			return false;
	}
	return digit;
}

/* Line breaks other than \n (\r, NEL, LS, PS): a reader would turn them into
 * \n in a block or a single-quoted scalar; only double quotes keep them. */
static bool
has_odd_break(const char *s)
{
	return strchr(s, '\r') || strstr(s, "\xC2\x85") ||
	       strstr(s, "\xE2\x80\xA8") || strstr(s, "\xE2\x80\xA9");
}

/*
 * The style to ask for. Text with line breaks is a literal block (the
 * emitter falls back to double quotes where a block cannot hold it, e.g.
 * spaces before a line break); text that would not read back as text is
 * single-quoted; the rest is left to the emitter, which quotes what starts
 * with an indicator or has surrounding spaces.
 */
static yaml_scalar_style_t
text_style(const char *s)
{
	if (has_odd_break(s))
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (strchr(s, '\n'))
		return YAML_LITERAL_SCALAR_STYLE;
	for (size_t i = 0; i < sizeof yaml11_words / sizeof *yaml11_words; i++)
		if (strcmp(s, yaml11_words[i]) == 0)
			return YAML_SINGLE_QUOTED_SCALAR_STYLE;
	if (looks_numeric(s))
		return YAML_SINGLE_QUOTED_SCALAR_STYLE;
	return YAML_ANY_SCALAR_STYLE;
}

/* ---- Emitting ------------------------------------------------------------ */

static bool
emit(yaml_emitter_t *em, yaml_event_t *ev, int initialised)
{
	return initialised && yaml_emitter_emit(em, ev);
}

static bool
emit_scalar(yaml_emitter_t *em, const char *text, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	size_t n = strlen(text);

	if (n > INT_MAX)
		return false;
	return emit(em, &ev,
		    yaml_scalar_event_initialize(&ev, NULL, NULL,
						 (const yaml_char_t *)text,
						 (int)n, 1, 1, style));
}

static bool
emit_start(yaml_emitter_t *em, bool mapping)
{
	yaml_event_t ev;

	if (mapping)
		return emit(em, &ev, yaml_mapping_start_event_initialize(
					     &ev, NULL, NULL, 1,
					     YAML_BLOCK_MAPPING_STYLE));
	return emit(em, &ev, yaml_sequence_start_event_initialize(
				     &ev, NULL, NULL, 1,
				     YAML_BLOCK_SEQUENCE_STYLE));
}

static bool
emit_end(yaml_emitter_t *em, bool mapping)
{
	yaml_event_t ev;

	if (mapping)
		return emit(em, &ev, yaml_mapping_end_event_initialize(&ev));
	return emit(em, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* Whether a MAP or LIST field would write anything (else its key is left
 * out too, as an absent field). */
static bool
has_content(const struct jx_yaml_field *f, const void *rec)
{
	size_t n;
	const char *text;

	switch (f->type) {
	case JX_YT_TEXT:
		text = text_of(rec, f->offset);
		return text && *text;
	case JX_YT_MONEY:
		return amount_of(rec, f->offset)->present;
	case JX_YT_NOT:
		return flag_of(rec, f->offset);
	case JX_YT_MAP:
		for (const struct jx_yaml_field *g = f->sub->fields; g->key; g++)
			if (has_content(g, rec))
				return true;
		return false;
	case JX_YT_LIST:
		items_of(rec, f, &n);
		return n > 0;
	default:
		return true;
	}
}

static bool emit_record(yaml_emitter_t *em, const struct jx_yaml_schema *s,
			const void *rec);

/* Writes the value of field f, whose key has been written. */
static bool
emit_value(yaml_emitter_t *em, const struct jx_yaml_field *f, const void *rec)
{
	char buf[64];
	const char *items, *text;
	size_t n;
	bool ok;

	switch (f->type) {
	case JX_YT_TEXT:
		text = text_of(rec, f->offset);
		return emit_scalar(em, text, text_style(text));
	case JX_YT_MONEY:
		jx_money_format_wan(amount_of(rec, f->offset)->yuan, buf,
				    sizeof buf);
		return emit_scalar(em, buf, YAML_PLAIN_SCALAR_STYLE);
	case JX_YT_YEAR:
		snprintf(buf, sizeof buf, "%d", year_of(rec, f->offset));
		return emit_scalar(em, buf, YAML_PLAIN_SCALAR_STYLE);
	case JX_YT_FORMAT:
		return emit_scalar(em, JX_YAML_FORMAT, YAML_PLAIN_SCALAR_STYLE);
	case JX_YT_NOT:
		return emit_scalar(em, "false", YAML_PLAIN_SCALAR_STYLE);
	case JX_YT_MAP:
		return emit_record(em, f->sub, rec);
	default:
		items = items_of(rec, f, &n);
		ok = emit_start(em, false);
		for (size_t i = 0; i < n && ok; i++)
			ok = emit_record(em, f->sub,
					 items + i * f->sub->item_size);
		return ok && emit_end(em, false);
	}
}

/* Writes rec as a mapping, its keys in schema order. */
static bool
emit_record(yaml_emitter_t *em, const struct jx_yaml_schema *s,
	    const void *rec)
{
	bool ok = emit_start(em, true);

	for (const struct jx_yaml_field *f = s->fields; f->key && ok; f++)
		if (has_content(f, rec))
			ok = emit_scalar(em, f->key, YAML_ANY_SCALAR_STYLE) &&
			     emit_value(em, f, rec);
	return ok && emit_end(em, true);
}

static bool
emit_doc(yaml_emitter_t *em, const struct jx_doc *doc)
{
	yaml_event_t ev;

	return emit(em, &ev,
		    yaml_stream_start_event_initialize(&ev,
						       YAML_UTF8_ENCODING)) &&
	       emit(em, &ev,
		    yaml_document_start_event_initialize(&ev, NULL, NULL,
							 NULL, 1)) &&
	       emit_record(em, &jx_yaml_doc_schema, doc) &&
	       emit(em, &ev, yaml_document_end_event_initialize(&ev, 1)) &&
	       emit(em, &ev, yaml_stream_end_event_initialize(&ev)) &&
	       yaml_emitter_flush(em);
}

/* ---- Outputs ------------------------------------------------------------- */

struct sink {
	jx_yaml_write_fn write;
	void *ctx;
};

static int
sink_handler(void *data, unsigned char *buffer, size_t size)
{
	struct sink *sink = data;

	return sink->write(sink->ctx, buffer, size) ? 1 : 0;
}

enum jx_status
jx_yaml_write_doc_cb(const struct jx_doc *doc, jx_yaml_write_fn write,
		     void *ctx, struct jx_error *err)
{
	struct sink sink = { write, ctx };
	yaml_emitter_t em;
	enum jx_status st = check_record(&jx_yaml_doc_schema, doc, "", err);

	if (st != JX_OK)
		return st;
	if (!yaml_emitter_initialize(&em))
		return jx_error_set(err, JX_NOMEM, _("out of memory"));
	yaml_emitter_set_output(&em, sink_handler, &sink);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_emitter_set_break(&em, YAML_LN_BREAK);
	if (!emit_doc(&em, doc)) {
		st = em.error == YAML_MEMORY_ERROR ? JX_NOMEM : JX_IO;
		jx_error_set(err, st, _("cannot write YAML: %s"),
			     em.problem ? em.problem : "emitter error");
	}
	yaml_emitter_delete(&em);
	return st;
}

struct file_sink {
	FILE *out;
	int error; /* errno of the first failed write */
};

static bool
file_write(void *ctx, const unsigned char *bytes, size_t size)
{
	struct file_sink *fs = ctx;

	if (fwrite(bytes, 1, size, fs->out) == size)
		return true;
	fs->error = errno ? errno : EIO;
	return false;
}

enum jx_status
jx_yaml_write_doc(const struct jx_doc *doc, FILE *out, struct jx_error *err)
{
	struct file_sink fs = { out, 0 };
	enum jx_status st;

	errno = 0;
	st = jx_yaml_write_doc_cb(doc, file_write, &fs, err);
	if (st == JX_OK && fflush(out) != 0)
		fs.error = errno ? errno : EIO;
	if (fs.error)
		return jx_error_set(err, JX_IO, _("cannot write: %s"),
				    strerror(fs.error));
	return st;
}

struct mem_sink {
	char *buf;
	size_t len, cap;
	bool nomem;
};

static bool
mem_write(void *ctx, const unsigned char *bytes, size_t size)
{
	struct mem_sink *ms = ctx;

	if (ms->cap - ms->len <= size) {
		size_t cap = ms->cap ? ms->cap : 4096;
		char *bigger;

		while (cap - ms->len <= size)
			cap *= 2;
		if (!(bigger = realloc(ms->buf, cap))) {
			ms->nomem = true;
			return false;
		}
		ms->buf = bigger;
		ms->cap = cap;
	}
	memcpy(ms->buf + ms->len, bytes, size);
	ms->len += size;
	ms->buf[ms->len] = '\0';
	return true;
}

enum jx_status
jx_yaml_write_doc_mem(const struct jx_doc *doc, char **out, size_t *len,
		      struct jx_error *err)
{
	struct mem_sink ms = { NULL, 0, 0, false };
	enum jx_status st = jx_yaml_write_doc_cb(doc, mem_write, &ms, err);

	if (st == JX_OK && !ms.buf) /* nothing written; cannot happen */
		st = mem_write(&ms, (const unsigned char *)"", 0) ? JX_OK
								 : JX_NOMEM;
	if (ms.nomem)
		st = jx_error_set(err, JX_NOMEM, _("out of memory"));
	if (st != JX_OK) {
		free(ms.buf);
		ms.buf = NULL;
		ms.len = 0;
	}
	*out = ms.buf;
	*len = ms.len;
	return st;
}
