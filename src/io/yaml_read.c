#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * yaml_read.c — reads the interchange format (doc/interchange.md) into a
 * jx_doc, and defines the schema tables that describe it.
 *
 * Exports jx_yaml_read_doc, jx_yaml_read_file, jx_yaml_label and
 * jx_yaml_doc_schema (io/yaml_doc.h). The file is walked with libyaml's event
 * parser through io/yaml_events.h, one current event at a time: each
 * function starts on the first event of the node it reads and leaves that
 * node's last event current. Mistakes are collected, not fatal: an unknown
 * key or a bad value is reported and its node skipped, so that one run shows
 * every mistake in the file. Only a syntax error (libyaml cannot go on),
 * running out of memory, or too many errors stop the walk.
 */
#define _POSIX_C_SOURCE 200809L

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/error.h"
#include "core/money.h"
#include "core/record.h"
#include "io/yaml_doc.h"
#include "io/yaml_events.h"

/* ---- The schema ---------------------------------------------------------- */

static void *add_project(void *doc) { return jx_doc_add_project(doc); }
static void *add_subgoal(void *doc) { return jx_doc_add_subgoal(doc); }
static void *add_indicator(void *p) { return jx_project_add_indicator(p); }
static void *add_checkpoint(void *p) { return jx_project_add_checkpoint(p); }

#define FIELD(rec, member, name, kind, req) \
	{ .key = name, .type = kind, .required = req, \
	  .offset = offsetof(rec, member) }
#define TEXT(rec, member, name, req) FIELD(rec, member, name, JX_YT_TEXT, req)
#define MONEY(member) \
	FIELD(struct jx_project, member, #member, JX_YT_MONEY, false)
#define LIST(rec, array, n, name, schema) \
	{ .key = name, .type = JX_YT_LIST, .offset = offsetof(rec, array), \
	  .count = offsetof(rec, n), .sub = &schema }

static const struct jx_yaml_field checkpoint_fields[] = {
	TEXT(struct jx_checkpoint, label, "label", true),
	TEXT(struct jx_checkpoint, percent, "percent", false),
	{ .key = NULL }
};
static const struct jx_yaml_schema checkpoint_schema = {
	"plan item", checkpoint_fields, sizeof(struct jx_checkpoint),
	add_checkpoint
};

static const struct jx_yaml_field indicator_fields[] = {
	TEXT(struct jx_indicator, level1, "level1", true),
	TEXT(struct jx_indicator, level2, "level2", true),
	TEXT(struct jx_indicator, name, "name", true),
	TEXT(struct jx_indicator, description, "description", false),
	TEXT(struct jx_indicator, target, "target", true),
	TEXT(struct jx_indicator, basis, "basis", false),
	{ .key = NULL }
};
static const struct jx_yaml_schema indicator_schema = {
	"indicator", indicator_fields, sizeof(struct jx_indicator),
	add_indicator
};

/* The money mapping's fields live in the project record itself. */
static const struct jx_yaml_field money_fields[] = {
	MONEY(period_total), MONEY(period_fiscal), MONEY(period_other),
	MONEY(annual_total), MONEY(annual_fiscal), MONEY(annual_other),
	{ .key = NULL }
};
static const struct jx_yaml_schema money_schema = {
	"money", money_fields, 0, NULL
};

static const struct jx_yaml_field project_fields[] = {
	TEXT(struct jx_project, code, "code", false),
	TEXT(struct jx_project, name, "name", true),
	TEXT(struct jx_project, title, "title", false),
	TEXT(struct jx_project, competent, "competent", false),
	TEXT(struct jx_project, unit, "unit", false),
	TEXT(struct jx_project, attribute, "attribute", false),
	TEXT(struct jx_project, category, "category", false),
	TEXT(struct jx_project, period, "period", false),
	{ .key = "money", .type = JX_YT_MAP, .sub = &money_schema },
	TEXT(struct jx_project, purpose, "purpose", false),
	LIST(struct jx_project, plan, n_plan, "plan", checkpoint_schema),
	TEXT(struct jx_project, period_goal, "period_goal", false),
	TEXT(struct jx_project, annual_goal, "annual_goal", false),
	TEXT(struct jx_project, goal, "goal", false),
	TEXT(struct jx_project, note, "note", false),
	FIELD(struct jx_project, unreviewed, "reviewed", JX_YT_NOT, false),
	LIST(struct jx_project, indicators, n_indicators, "indicators",
	     indicator_schema),
	{ .key = NULL }
};
static const struct jx_yaml_schema project_schema = {
	"project", project_fields, sizeof(struct jx_project), add_project
};

static const struct jx_yaml_field subgoal_fields[] = {
	TEXT(struct jx_subgoal, title, "title", true),
	TEXT(struct jx_subgoal, goal, "goal", false),
	TEXT(struct jx_subgoal, indicator, "indicator", false),
	{ .key = NULL }
};
static const struct jx_yaml_schema subgoal_schema = {
	"subgoal", subgoal_fields, sizeof(struct jx_subgoal), add_subgoal
};

/* The department mapping's fields live in the doc record itself. */
static const struct jx_yaml_field department_fields[] = {
	TEXT(struct jx_doc, dept_code, "code", false),
	TEXT(struct jx_doc, dept_name, "name", true),
	TEXT(struct jx_doc, dept_competent, "competent", false),
	{ .key = NULL }
};
static const struct jx_yaml_schema department_schema = {
	"department", department_fields, 0, NULL
};

static const struct jx_yaml_field doc_fields[] = {
	{ .key = "format", .type = JX_YT_FORMAT, .required = true },
	{ .key = "department", .type = JX_YT_MAP, .required = true,
	  .sub = &department_schema },
	FIELD(struct jx_doc, year, "year", JX_YT_YEAR, true),
	TEXT(struct jx_doc, framework, "framework", false),
	TEXT(struct jx_doc, source, "source", false),
	TEXT(struct jx_doc, note, "note", false),
	TEXT(struct jx_doc, goals, "goals", false),
	LIST(struct jx_doc, subgoals, n_subgoals, "subgoals", subgoal_schema),
	TEXT(struct jx_doc, measures, "measures", false),
	LIST(struct jx_doc, projects, n_projects, "projects", project_schema),
	{ .key = NULL }
};
const struct jx_yaml_schema jx_yaml_doc_schema = {
	"", doc_fields, sizeof(struct jx_doc), NULL
};

/* A record's own name is made as the reader makes it. */
void
jx_yaml_label(char *buf, size_t size, const char *what, size_t index,
	      const char *parent)
{
	struct jx_yaml_where w = { what, index, NULL };
	size_t n;

	jx_yaml_where_label(buf, size, &w);
	n = strlen(buf);
	if (parent && *parent && n + 1 < size)
		snprintf(buf + n, size - n, " of %s", parent);
}

/* ---- The reader ---------------------------------------------------------- */

#define LABEL_MAX 160   /* "indicator 2 of project 3" */
#define REF_MAX (LABEL_MAX + 40)  /* "'name' in " + a label */
#define KEY_SHOWN 80   /* bytes of a key or value quoted in a message */
#define FIELDS_MAX 32  /* fields in one schema table */

/* What reading one value did. */
enum outcome { STORED, ABSENT, BAD };

/* What the reader knows about one key of the mapping being read. */
struct key_state {
	bool seen;
	enum outcome outcome;
	yaml_mark_t key_mark, value_mark;
};

/* Copies the current scalar for a message: at most KEY_SHOWN bytes, cut on
 * a character boundary, "…" when cut. */
static void
shown(const struct jx_yaml_events *r, char *buf, size_t size)
{
	size_t n = jx_yaml_events_cut(r, KEY_SHOWN);
	bool cut = n < r->ev.data.scalar.length;

	snprintf(buf, size, "%.*s%s", (int)n, jx_yaml_events_scalar(r),
		 cut ? "…" : "");
}

/* A null value: empty (quoted or not), or a plain ~ / null. */
static bool
is_null(const struct jx_yaml_events *r)
{
	return (r->ev.type == YAML_SCALAR_EVENT &&
		r->ev.data.scalar.length == 0) || jx_yaml_events_is_null(r);
}

static const char *
type_wanted(enum jx_yaml_type type)
{
	switch (type) {
	case JX_YT_MONEY: return "an amount in 万元";
	case JX_YT_YEAR: return "a year";
	case JX_YT_NOT: return "true or false";
	case JX_YT_MAP: return "a mapping";
	case JX_YT_LIST: return "a list";
	default: return "text";
	}
}

/* The record at where, for a message: its label, or "the document". */
static const char *
describe(const struct jx_yaml_where *where, char *buf, size_t size)
{
	if (!where)
		return "the document";
	jx_yaml_where_label(buf, size, where);
	return buf;
}

static char **
text_at(void *rec, size_t offset)
{
	return (char **)(void *)((char *)rec + offset);
}

/* The current scalar as a year 1900..2999 (digits only), or 0. */
static int
scalar_year(const struct jx_yaml_events *r)
{
	const char *s = jx_yaml_events_scalar(r);
	int year = 0;

	if (r->ev.data.scalar.length != 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		year = year * 10 + (s[i] - '0');
	}
	return year >= 1900 && year <= 2999 ? year : 0;
}

static enum outcome
store_text(struct jx_yaml_events *r, const struct jx_yaml_field *f, void *rec)
{
	size_t n = r->ev.data.scalar.length;
	char *copy = malloc(n + 1);

	if (!copy) {
		jx_yaml_events_out_of_memory(r);
		return BAD;
	}
	memcpy(copy, jx_yaml_events_scalar(r), n + 1);
	*text_at(rec, f->offset) = copy;
	return STORED;
}

/* The store_ functions name field f of the record at `in` in their messages
 * ("'annual_total' in money of …"), made only when they report one. */
static enum outcome
store_money(struct jx_yaml_events *r, const struct jx_yaml_field *f,
	    void *rec, const struct jx_yaml_where *in)
{
	struct jx_amount *a = (void *)((char *)rec + f->offset);
	const char *text = jx_yaml_events_scalar(r);
	struct jx_error e;
	char ref[REF_MAX];

	jx_error_clear(&e);
	if (jx_money_parse_wan(text, &a->yuan, &e) != JX_OK) {
		jx_yaml_field_ref(ref, sizeof ref, f->key, in);
		jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
				      _("%s: %s"), ref, e.message);
		return BAD;
	}
	a->present = true;
	return STORED;
}

static enum outcome
store_year(struct jx_yaml_events *r, const struct jx_yaml_field *f,
	   void *rec, const struct jx_yaml_where *in)
{
	int *year = (void *)((char *)rec + f->offset);
	char text[KEY_SHOWN * 2], ref[REF_MAX];

	if (!(*year = scalar_year(r))) {
		shown(r, text, sizeof text);
		jx_yaml_field_ref(ref, sizeof ref, f->key, in);
		jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
				      _("%s must be a year from 1900 to 2999, "
				      "not '%s'"), ref, text);
		return BAD;
	}
	return STORED;
}

/* true or false, as YAML 1.2 writes them; stores the negation. */
static enum outcome
store_not(struct jx_yaml_events *r, const struct jx_yaml_field *f,
	  void *rec, const struct jx_yaml_where *in)
{
	static const char *const words[] = { "true", "True", "TRUE",
					     "false", "False", "FALSE" };
	bool *flag = (void *)((char *)rec + f->offset);
	const char *text = jx_yaml_events_scalar(r);
	char shown_text[KEY_SHOWN * 2], ref[REF_MAX];

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(text, words[i]) == 0) {
			*flag = i >= 3;
			return STORED;
		}
	shown(r, shown_text, sizeof shown_text);
	jx_yaml_field_ref(ref, sizeof ref, f->key, in);
	jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
			      _("%s must be true or false, not '%s'"), ref,
			      shown_text);
	return BAD;
}

static enum outcome
check_format(struct jx_yaml_events *r, const struct jx_yaml_field *f,
	     const struct jx_yaml_where *in)
{
	char text[KEY_SHOWN * 2], ref[REF_MAX];

	if (strcmp(jx_yaml_events_scalar(r), JX_YAML_FORMAT) == 0)
		return STORED;
	shown(r, text, sizeof text);
	jx_yaml_field_ref(ref, sizeof ref, f->key, in);
	jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
			      _("%s must be '%s', not '%s'"), ref,
			      JX_YAML_FORMAT, text);
	return BAD;
}

/* Stores the current (non-null) scalar into field f of rec, the record at
 * `in`. */
static enum outcome
store_scalar(struct jx_yaml_events *r, const struct jx_yaml_field *f,
	     void *rec, const struct jx_yaml_where *in)
{
	char ref[REF_MAX];

	if (jx_yaml_events_has_control(r)) {
		jx_yaml_field_ref(ref, sizeof ref, f->key, in);
		jx_yaml_events_report_control(r, ref);
		return BAD;
	}
	switch (f->type) {
	case JX_YT_TEXT: return store_text(r, f, rec);
	case JX_YT_MONEY: return store_money(r, f, rec, in);
	case JX_YT_YEAR: return store_year(r, f, rec, in);
	case JX_YT_NOT: return store_not(r, f, rec, in);
	default: return check_format(r, f, in);
	}
}

static bool read_mapping(struct jx_yaml_events *r,
			 const struct jx_yaml_schema *s, void *rec,
			 const struct jx_yaml_where *where);

/* Reads a list of records (the current event starts it) into rec, the
 * record at `in`. */
static bool
read_list(struct jx_yaml_events *r, const struct jx_yaml_field *f, void *rec,
	  const struct jx_yaml_where *in)
{
	char item_label[LABEL_MAX];

	for (size_t n = 1;; n++) {
		struct jx_yaml_where here = { f->sub->what, n, in };
		void *item;

		if (!jx_yaml_events_next(r))
			return false;
		if (r->ev.type == YAML_SEQUENCE_END_EVENT)
			return true;
		if (r->ev.type == YAML_ALIAS_EVENT) /* reported by next */
			continue;
		if (r->ev.type != YAML_MAPPING_START_EVENT) {
			jx_yaml_where_label(item_label, sizeof item_label,
					    &here);
			jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
					      _("%s must be a mapping, not %s"),
					      item_label,
					      jx_yaml_events_kind(r));
			if (!jx_yaml_events_skip_node(r))
				return false;
			continue;
		}
		if (!(item = f->sub->add(rec))) {
			jx_yaml_events_out_of_memory(r);
			return false;
		}
		if (!read_mapping(r, f->sub, item, &here))
			return false;
	}
}

/* Reads the value of field f (its first event is current) into rec, the
 * record at `in`. */
static bool
read_value(struct jx_yaml_events *r, const struct jx_yaml_field *f, void *rec,
	   const struct jx_yaml_where *in, enum outcome *out)
{
	bool scalar = f->type != JX_YT_MAP && f->type != JX_YT_LIST;
	yaml_event_type_t want = scalar ? YAML_SCALAR_EVENT
			       : f->type == JX_YT_MAP ? YAML_MAPPING_START_EVENT
						      : YAML_SEQUENCE_START_EVENT;
	struct jx_yaml_where sub = { f->sub ? f->sub->what : NULL, 0, in };
	char ref[REF_MAX];

	*out = BAD;
	if (r->ev.type == YAML_ALIAS_EVENT) /* reported by next */
		return true;
	if (is_null(r)) {
		*out = ABSENT;
		return true;
	}
	if (r->ev.type != want) {
		jx_yaml_field_ref(ref, sizeof ref, f->key, in);
		jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
				      _("%s must be %s, not %s"), ref,
				      type_wanted(f->type),
				      jx_yaml_events_kind(r));
		return jx_yaml_events_skip_node(r);
	}
	if (scalar) {
		*out = store_scalar(r, f, rec, in);
		return !r->stop;
	}
	*out = STORED;
	if (f->type == JX_YT_LIST)
		return read_list(r, f, rec, in);
	return read_mapping(r, f->sub, rec, &sub);
}

/* Reads one key and its value (the key's event is current). */
static bool
read_entry(struct jx_yaml_events *r, const struct jx_yaml_schema *s,
	   void *rec, const struct jx_yaml_where *where,
	   struct key_state *keys)
{
	const struct jx_yaml_field *f = NULL;
	char key[KEY_SHOWN * 2], label[LABEL_MAX];
	struct key_state *k;

	if (r->ev.type != YAML_SCALAR_EVENT) {
		if (r->ev.type != YAML_ALIAS_EVENT) /* else reported */
			jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
					      _("a key must be text, not %s"),
					      jx_yaml_events_kind(r));
		return jx_yaml_events_skip_node(r) &&
		       jx_yaml_events_next(r) && jx_yaml_events_skip_node(r);
	}
	for (f = s->fields;
	     f->key && strcmp(f->key, jx_yaml_events_scalar(r)); f++)
		;
	if (!f->key || keys[f - s->fields].seen)
		shown(r, key, sizeof key);   /* for the message */
	if (!f->key) {
		jx_yaml_events_report(r, JX_UNKNOWN, r->ev.start_mark,
				      _("unknown key '%s' in %s"), key,
				      describe(where, label, sizeof label));
		return jx_yaml_events_next(r) && jx_yaml_events_skip_node(r);
	}
	assert(f - s->fields < FIELDS_MAX);
	k = &keys[f - s->fields];
	if (k->seen) {
		jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
				      _("duplicate key '%s' in %s (first at "
				      "line %lu)"), key,
				      describe(where, label, sizeof label),
				      (unsigned long)k->key_mark.line + 1);
		return jx_yaml_events_next(r) && jx_yaml_events_skip_node(r);
	}
	k->seen = true;
	k->key_mark = r->ev.start_mark;
	if (!jx_yaml_events_next(r))
		return false;
	k->value_mark = r->ev.start_mark;
	return read_value(r, f, rec, where, &k->outcome);
}

/* After a mapping: reports required keys that are missing or empty. */
static void
check_required(struct jx_yaml_events *r, const struct jx_yaml_schema *s,
	       const struct jx_yaml_where *where, yaml_mark_t start,
	       const struct key_state *keys)
{
	char ref[REF_MAX], label[LABEL_MAX];

	for (size_t i = 0; s->fields[i].key; i++) {
		const struct jx_yaml_field *f = &s->fields[i];

		if (!f->required || (keys[i].seen && keys[i].outcome != ABSENT))
			continue;
		if (!keys[i].seen) {
			jx_yaml_events_report(r, JX_MISSING, start,
					      _("%s has no '%s'"),
					      describe(where, label,
						       sizeof label),
					      f->key);
			continue;
		}
		jx_yaml_field_ref(ref, sizeof ref, f->key, where);
		jx_yaml_events_report(r, JX_MISSING, keys[i].value_mark,
				      _("%s is empty"), ref);
	}
}

/* Reads a mapping (its start event is current) with schema s into rec,
 * the record at where (NULL: the document). */
static bool
read_mapping(struct jx_yaml_events *r, const struct jx_yaml_schema *s,
	     void *rec, const struct jx_yaml_where *where)
{
	struct key_state keys[FIELDS_MAX];
	yaml_mark_t start = r->ev.start_mark;

	memset(keys, 0, sizeof keys);
	for (;;) {
		if (!jx_yaml_events_next(r))
			return false;
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (!read_entry(r, s, rec, where, keys))
			return false;
	}
	check_required(r, s, where, start, keys);
	return !r->stop;
}

/* The stream: exactly one document whose root is a mapping. */
static void
read_stream(struct jx_yaml_events *r, struct jx_doc *doc)
{
	/* stream start, document start */
	if (!jx_yaml_events_next(r) || !jx_yaml_events_next(r))
		return;
	if (r->ev.type == YAML_STREAM_END_EVENT) {
		jx_yaml_events_add_error(r, JX_MISSING, 1, 1,
					 "the file is empty");
		return;
	}
	if (!jx_yaml_events_next(r))
		return;
	if (is_null(r)) {
		jx_yaml_events_report(r, JX_MISSING, r->ev.start_mark,
				      _("the document is empty"));
	} else if (r->ev.type != YAML_MAPPING_START_EVENT) {
		jx_yaml_events_report(r, JX_INVALID, r->ev.start_mark,
				      _("the document must be a mapping "
				      "(format: %s, department: …), not %s"),
				      JX_YAML_FORMAT, jx_yaml_events_kind(r));
		if (!jx_yaml_events_skip_node(r))
			return;
	} else if (!read_mapping(r, &jx_yaml_doc_schema, doc, NULL)) {
		return;
	}
	jx_yaml_events_finish(r, "a file holds one department and year");
}

/* Puts errors from index `first` on in file order (a missing field is found
 * at the end of its mapping but reported at its start). Stable. */
static void
sort_errors(struct jx_errlist *list, size_t first)
{
	for (size_t i = first + 1; i < list->count; i++) {
		struct jx_error e = list->items[i];
		size_t j = i;

		while (j > first && (list->items[j - 1].line > e.line ||
				     (list->items[j - 1].line == e.line &&
				      list->items[j - 1].column > e.column))) {
			list->items[j] = list->items[j - 1];
			j--;
		}
		list->items[j] = e;
	}
}

enum jx_status
jx_yaml_read_doc(const char *data, size_t len, const char *filename,
		 struct jx_doc *doc, struct jx_errlist *errors)
{
	struct jx_yaml_events r;
	size_t first = errors->count;

	jx_doc_init(doc);
	if (jx_yaml_events_init(&r, data, len, filename, errors) != JX_OK)
		return r.status;
	r.max_errors = JX_YAML_MAX_ERRORS;
	r.refuse_extras = true; /* values are plain text, not shared or typed */
	read_stream(&r, doc);
	sort_errors(errors, first);
	jx_yaml_events_free(&r);
	if (r.status != JX_OK) {
		jx_doc_free(doc);
		jx_doc_init(doc);
	}
	return r.status;
}

enum jx_status
jx_yaml_read_file(const char *path, const char *encoding, struct jx_doc *doc,
		  struct jx_errlist *errors)
{
	char *data;
	size_t len;
	enum jx_status st;

	jx_doc_init(doc);
	st = jx_yaml_events_read_file(path, encoding, &data, &len, errors);
	if (st != JX_OK)
		return st;
	st = jx_yaml_read_doc(data, len, strcmp(path, "-") ? path : "<stdin>",
			      doc, errors);
	free(data);
	return st;
}
