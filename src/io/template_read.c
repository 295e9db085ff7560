#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * template_read.c — reads one template file (doc/templates.md) into a
 * jx_templates, and lists a template directory.
 *
 * Exports jx_template_read_file and jx_template_list_dir
 * (io/template_internal.h); io/template_set.c builds the set from them.
 * Each file is walked with libyaml's event parser through io/yaml_events.h,
 * as io/yaml_read.c walks the interchange format: the keys of each mapping,
 * their types and which are required are described by the schema tables
 * below, and a mistake is reported and its node skipped, so that one run
 * shows every mistake of every file. The reader keeps where each value was
 * written, for what only the whole set can tell (template_set.c).
 */
#define _POSIX_C_SOURCE 200809L

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/error.h"
#include "core/array.h"
#include "core/i18n.h"
#include "core/target.h"
#include "core/template.h"
#include "core/text.h"
#include "io/template_internal.h"
#include "io/template_read.h"
#include "io/yaml_events.h"

#define LABEL_MAX 160  /* "level-2 2 of level-1 3 of framework 1" */
#define REF_MAX (LABEL_MAX + 60)  /* "item 2 of 'aliases' in " + a label */
#define SHOWN 80       /* bytes of a key or value quoted in a message */
#define FIELDS_MAX 16  /* fields in one schema table */
#define NO_MARK SIZE_MAX

/* ---- The reader's state ---------------------------------------------------- */

struct reader {
	struct jx_yaml_events y;
	size_t file;                 /* index in the set's files */
};

enum ftype {
	F_TEXT,       /* char * at offset */
	F_BOOL,       /* bool at offset: true or false */
	F_NAMES,      /* struct jx_tnames at offset: text or a list of text */
	F_DIRECTION,  /* enum jx_direction at offset */
	F_LIST,       /* a list of mappings, each added with sub->add */
	F_FORMAT      /* no storage; must be JX_TEMPLATES_FORMAT */
};

struct schema;

struct field {
	const char *key;             /* NULL ends a table */
	enum ftype type;
	bool required;
	size_t offset;
	size_t mark;                 /* where to keep the value's place, or
					NO_MARK */
	const struct schema *sub;    /* F_LIST */
};

struct schema {
	const char *what;            /* "indicator": names it in messages */
	const struct field *fields;
	void *(*add)(void *parent);  /* appends a zeroed record to parent */
	size_t where;                /* offset of its struct jx_tplace */
	/* Checks what one record's fields say together; may be NULL. */
	void (*done)(struct reader *r, void *rec,
		     const struct jx_yaml_where *where);
};

/* ---- The schema ---------------------------------------------------------- */

static void *add_framework(void *t) { return jx_templates_add_framework(t); }
static void *add_indicator(void *t) { return jx_templates_add_indicator(t); }
static void *add_project(void *t) { return jx_templates_add_project(t); }
static void *add_level1(void *fw) { return jx_framework_add_level1(fw); }
static void *add_level2(void *l1) { return jx_tlevel1_add_level2(l1); }
static void *add_row(void *p) { return jx_tproject_add_row(p); }

static void level1_done(struct reader *r, void *rec,
			const struct jx_yaml_where *where);
static void level2_done(struct reader *r, void *rec,
			const struct jx_yaml_where *where);
static void indicator_done(struct reader *r, void *rec,
			   const struct jx_yaml_where *where);

#define FIELD(rec, member, name, kind, req) \
	{ .key = name, .type = kind, .required = req, \
	  .offset = offsetof(rec, member), .mark = NO_MARK }
#define MARKED(rec, member, name, req, at) \
	{ .key = name, .type = F_TEXT, .required = req, \
	  .offset = offsetof(rec, member), .mark = offsetof(rec, at) }
#define LIST(rec, name, req, schema) \
	{ .key = name, .type = F_LIST, .required = req, .mark = NO_MARK, \
	  .sub = &schema }

static const struct field level2_fields[] = {
	FIELD(struct jx_tlevel2, name, "name", F_TEXT, true),
	FIELD(struct jx_tlevel2, short_name, "short", F_TEXT, false),
	FIELD(struct jx_tlevel2, required, "required", F_BOOL, false),
	FIELD(struct jx_tlevel2, aliases, "aliases", F_NAMES, false),
	{ .key = NULL }
};
static const struct schema level2_schema = {
	"level-2", level2_fields, add_level2,
	offsetof(struct jx_tlevel2, where), level2_done
};

static const struct field level1_fields[] = {
	FIELD(struct jx_tlevel1, name, "name", F_TEXT, true),
	FIELD(struct jx_tlevel1, short_name, "short", F_TEXT, false),
	FIELD(struct jx_tlevel1, required, "required", F_BOOL, false),
	FIELD(struct jx_tlevel1, aliases, "aliases", F_NAMES, false),
	LIST(struct jx_tlevel1, "level2", true, level2_schema),
	{ .key = NULL }
};
static const struct schema level1_schema = {
	"level-1", level1_fields, add_level1,
	offsetof(struct jx_tlevel1, where), level1_done
};

static const struct field framework_fields[] = {
	FIELD(struct jx_framework, name, "name", F_TEXT, true),
	FIELD(struct jx_framework, title, "title", F_TEXT, false),
	FIELD(struct jx_framework, is_default, "default", F_BOOL, false),
	FIELD(struct jx_framework, aliases, "aliases", F_NAMES, false),
	LIST(struct jx_framework, "levels", true, level1_schema),
	{ .key = NULL }
};
static const struct schema framework_schema = {
	"framework", framework_fields, add_framework,
	offsetof(struct jx_framework, where), NULL
};

static const struct field indicator_fields[] = {
	FIELD(struct jx_tindicator, name, "name", F_TEXT, true),
	MARKED(struct jx_tindicator, level1, "level1", true, at.level1),
	MARKED(struct jx_tindicator, level2, "level2", true, at.level2),
	MARKED(struct jx_tindicator, framework, "framework", false,
	       at.framework),
	FIELD(struct jx_tindicator, aliases, "aliases", F_NAMES, false),
	FIELD(struct jx_tindicator, description, "description", F_TEXT, false),
	MARKED(struct jx_tindicator, unit, "unit", false, at.unit),
	FIELD(struct jx_tindicator, direction, "direction", F_DIRECTION,
	      false),
	FIELD(struct jx_tindicator, basis, "basis", F_TEXT, false),
	FIELD(struct jx_tindicator, examples, "examples", F_NAMES, false),
	{ .key = NULL }
};
static const struct schema indicator_schema = {
	"indicator", indicator_fields, add_indicator,
	offsetof(struct jx_tindicator, where), indicator_done
};

static const struct field row_fields[] = {
	FIELD(struct jx_trow, name, "name", F_TEXT, true),
	MARKED(struct jx_trow, level1, "level1", false, at.level1),
	MARKED(struct jx_trow, level2, "level2", false, at.level2),
	FIELD(struct jx_trow, description, "description", F_TEXT, false),
	FIELD(struct jx_trow, target, "target", F_TEXT, false),
	FIELD(struct jx_trow, basis, "basis", F_TEXT, false),
	{ .key = NULL }
};
static const struct schema row_schema = {
	"row", row_fields, add_row, offsetof(struct jx_trow, where), NULL
};

static const struct field project_fields[] = {
	FIELD(struct jx_tproject, name, "name", F_TEXT, true),
	FIELD(struct jx_tproject, title, "title", F_TEXT, false),
	MARKED(struct jx_tproject, framework, "framework", false,
	       at.framework),
	FIELD(struct jx_tproject, from, "from", F_TEXT, false),
	LIST(struct jx_tproject, "rows", true, row_schema),
	{ .key = NULL }
};
static const struct schema project_schema = {
	"project template", project_fields, add_project,
	offsetof(struct jx_tproject, where), NULL
};

static const struct field file_fields[] = {
	{ .key = "format", .type = F_FORMAT, .required = true,
	  .mark = NO_MARK },
	LIST(struct jx_templates, "frameworks", false, framework_schema),
	LIST(struct jx_templates, "indicators", false, indicator_schema),
	LIST(struct jx_templates, "projects", false, project_schema),
	{ .key = NULL }
};
static const struct schema file_schema = {
	"", file_fields, NULL, NO_MARK, NULL
};

/* ---- Reading one file ------------------------------------------------------ */

enum outcome { STORED, ABSENT, BAD };

struct key_state {
	bool seen;
	enum outcome outcome;
	yaml_mark_t key_mark, value_mark;
};

/* A value named in messages: "'key' in LABEL", or "item N of 'key' in
 * LABEL" for an item of a list of text. Text is made of it (ref_text) only
 * when a mistake is reported. */
struct ref {
	const char *key;
	const struct jx_yaml_where *in;  /* the record; NULL: the file */
	size_t item;                     /* from 1; 0: the value itself */
};

static void
ref_text(const struct ref *ref, char *buf, size_t size)
{
	char field[REF_MAX];

	if (!ref->item) {
		jx_yaml_field_ref(buf, size, ref->key, ref->in);
		return;
	}
	jx_yaml_field_ref(field, sizeof field, ref->key, ref->in);
	snprintf(buf, size, _("item %zu of %s"), ref->item, field);
}

/* The current scalar for a message: at most SHOWN bytes, "…" when cut. */
static void
shown(const struct reader *r, char *buf, size_t size)
{
	size_t n = jx_yaml_events_cut(&r->y, SHOWN);
	bool cut = n < r->y.ev.data.scalar.length;

	snprintf(buf, size, "%.*s%s", (int)n, jx_yaml_events_scalar(&r->y),
		 cut ? "…" : "");
}

static bool
is_null(const struct reader *r)
{
	return (r->y.ev.type == YAML_SCALAR_EVENT &&
		r->y.ev.data.scalar.length == 0) ||
	       jx_yaml_events_is_null(&r->y);
}

static const char *
type_wanted(enum ftype type)
{
	switch (type) {
	case F_BOOL: return "true or false";
	case F_NAMES: return "text or a list of text";
	case F_LIST: return "a list";
	default: return "text";
	}
}

/* The record at where, for a message: its label, or "the file". */
static const char *
describe(const struct jx_yaml_where *where, char *buf, size_t size)
{
	if (!where)
		return "the file";
	jx_yaml_where_label(buf, size, where);
	return buf;
}

static void *
at(void *rec, size_t offset)
{
	return (char *)rec + offset;
}

static struct jx_tplace
place(const struct reader *r, yaml_mark_t mark)
{
	return (struct jx_tplace){ r->file, (long)mark.line + 1,
				   (long)mark.column + 1 };
}

/* The current scalar as a new string; reports a NUL or a control
 * character inside it. */
static char *
scalar_copy(struct reader *r, const struct ref *ref)
{
	size_t n = r->y.ev.data.scalar.length;
	char *copy, name[REF_MAX];

	if (jx_yaml_events_has_control(&r->y)) {
		ref_text(ref, name, sizeof name);
		jx_yaml_events_report_control(&r->y, name);
		return NULL;
	}
	if (!(copy = malloc(n + 1))) {
		jx_yaml_events_out_of_memory(&r->y);
		return NULL;
	}
	memcpy(copy, jx_yaml_events_scalar(&r->y), n + 1);
	return copy;
}

static enum outcome
store_bool(struct reader *r, bool *out, const struct ref *ref)
{
	static const char *const yes[] = { "true", "True", "TRUE" };
	static const char *const no[] = { "false", "False", "FALSE" };
	const char *s = jx_yaml_events_scalar(&r->y);
	char text[SHOWN * 2], name[REF_MAX];

	for (size_t i = 0; i < 3; i++) {
		if (strcmp(s, yes[i]) == 0 || strcmp(s, no[i]) == 0) {
			*out = strcmp(s, yes[i]) == 0;
			return STORED;
		}
	}
	shown(r, text, sizeof text);
	ref_text(ref, name, sizeof name);
	jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
			      _("%s must be true or false, not '%s'"), name,
			      text);
	return BAD;
}

static enum outcome
store_direction(struct reader *r, enum jx_direction *out,
		const struct ref *ref)
{
	char text[SHOWN * 2], name[REF_MAX];

	*out = jx_direction_parse(jx_yaml_events_scalar(&r->y));
	if (*out != JX_DIR_NONE)
		return STORED;
	shown(r, text, sizeof text);
	ref_text(ref, name, sizeof name);
	jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
			      _("%s must be higher, lower, deadline or "
				"qualitative, not '%s'"), name, text);
	return BAD;
}

static enum outcome
check_format(struct reader *r, const struct ref *ref)
{
	char text[SHOWN * 2], name[REF_MAX];

	if (strcmp(jx_yaml_events_scalar(&r->y), JX_TEMPLATES_FORMAT) == 0)
		return STORED;
	shown(r, text, sizeof text);
	ref_text(ref, name, sizeof name);
	jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
			      _("%s must be '%s', not '%s'"), name,
			      JX_TEMPLATES_FORMAT, text);
	return BAD;
}

/* Adds the current scalar to names. */
static enum outcome
add_name(struct reader *r, struct jx_tnames *names, const struct ref *ref)
{
	char *copy = scalar_copy(r, ref);
	bool ok = copy && jx_tnames_add(names, copy);

	if (copy && !ok)
		jx_yaml_events_out_of_memory(&r->y);
	free(copy);
	return ok ? STORED : BAD;
}

/* A list of text; the sequence start is current. */
static enum outcome
store_names(struct reader *r, struct jx_tnames *names, const struct ref *ref)
{
	enum outcome out = STORED;
	char name[REF_MAX];

	for (size_t n = 1; jx_yaml_events_next(&r->y); n++) {
		struct ref item = { ref->key, ref->in, n };

		if (r->y.ev.type == YAML_SEQUENCE_END_EVENT)
			return out;
		if (r->y.ev.type == YAML_SCALAR_EVENT && !is_null(r)) {
			if (add_name(r, names, &item) == BAD)
				out = BAD;
			continue;
		}
		if (r->y.ev.type != YAML_ALIAS_EVENT) { /* else reported */
			ref_text(&item, name, sizeof name);
			jx_yaml_events_report(&r->y, JX_INVALID,
					      r->y.ev.start_mark,
					      is_null(r) ? _("%s is empty")
						   : _("%s must be text"),
					      name);
		}
		out = BAD;
		if (!jx_yaml_events_skip_node(&r->y))
			return BAD;
	}
	return BAD;
}

static bool read_mapping(struct reader *r, const struct schema *s,
			 void *rec, const struct jx_yaml_where *where);

/* A list of records (the sequence start is current), added to rec, the
 * record at `in`. */
static bool
read_list(struct reader *r, const struct field *f, void *rec,
	  const struct jx_yaml_where *in)
{
	char item_label[LABEL_MAX];

	for (size_t n = 1;; n++) {
		struct jx_yaml_where here = { f->sub->what, n, in };
		void *item;

		if (!jx_yaml_events_next(&r->y))
			return false;
		if (r->y.ev.type == YAML_SEQUENCE_END_EVENT)
			return true;
		if (r->y.ev.type == YAML_ALIAS_EVENT) /* reported by next */
			continue;
		if (r->y.ev.type != YAML_MAPPING_START_EVENT) {
			jx_yaml_where_label(item_label, sizeof item_label,
					    &here);
			jx_yaml_events_report(&r->y, JX_INVALID,
					      r->y.ev.start_mark,
					      _("%s must be a mapping, not %s"),
					      item_label,
					      jx_yaml_events_kind(&r->y));
			if (!jx_yaml_events_skip_node(&r->y))
				return false;
			continue;
		}
		if (!(item = f->sub->add(rec))) {
			jx_yaml_events_out_of_memory(&r->y);
			return false;
		}
		*(struct jx_tplace *)at(item, f->sub->where) =
			place(r, r->y.ev.start_mark);
		if (!read_mapping(r, f->sub, item, &here))
			return false;
		if (f->sub->done)
			f->sub->done(r, item, &here);
	}
}

/* A scalar value of field f into rec. */
static enum outcome
store_scalar(struct reader *r, const struct field *f, void *rec,
	     const struct ref *ref)
{
	switch (f->type) {
	case F_TEXT:
		*(char **)at(rec, f->offset) = scalar_copy(r, ref);
		return *(char **)at(rec, f->offset) ? STORED : BAD;
	case F_BOOL:
		return store_bool(r, at(rec, f->offset), ref);
	case F_NAMES:
		return add_name(r, at(rec, f->offset), ref);
	case F_DIRECTION:
		return store_direction(r, at(rec, f->offset), ref);
	default:
		return check_format(r, ref);
	}
}

/* The value of field f (its first event is current) into rec, the record
 * at `in`. */
static bool
read_value(struct reader *r, const struct field *f, void *rec,
	   const struct jx_yaml_where *in, enum outcome *out)
{
	yaml_event_type_t t = r->y.ev.type;
	bool ok = t == YAML_SCALAR_EVENT ? f->type != F_LIST
		: t == YAML_SEQUENCE_START_EVENT ? f->type == F_NAMES ||
						   f->type == F_LIST
		: false;
	struct ref ref = { f->key, in, 0 };
	char name[REF_MAX];

	*out = BAD;
	if (t == YAML_ALIAS_EVENT) /* reported by next */
		return true;
	if (is_null(r)) {
		*out = ABSENT;
		return true;
	}
	if (!ok) {
		ref_text(&ref, name, sizeof name);
		jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
				      _("%s must be %s, not %s"), name,
				      type_wanted(f->type),
				      jx_yaml_events_kind(&r->y));
		return jx_yaml_events_skip_node(&r->y);
	}
	if (f->mark != NO_MARK)
		*(struct jx_tplace *)at(rec, f->mark) =
			place(r, r->y.ev.start_mark);
	if (t == YAML_SCALAR_EVENT)
		*out = store_scalar(r, f, rec, &ref);
	else if (f->type == F_NAMES)
		*out = store_names(r, at(rec, f->offset), &ref);
	else
		*out = read_list(r, f, rec, in) ? STORED : BAD;
	return !r->y.stop;
}

/* "name, short, required, …": the keys of s, for a message. */
static void
key_list(const struct schema *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (const struct field *f = s->fields; f->key && len < size; f++) {
		snprintf(buf + len, size - len, "%s%s",
			 f == s->fields ? "" : ", ", f->key);
		len += strlen(buf + len);
	}
}

/* One key and its value (the key's event is current). */
static bool
read_entry(struct reader *r, const struct schema *s, void *rec,
	   const struct jx_yaml_where *where, struct key_state *keys)
{
	const struct field *f;
	char key[SHOWN * 2], known[200], label[LABEL_MAX];
	struct key_state *k;

	if (r->y.ev.type != YAML_SCALAR_EVENT) {
		if (r->y.ev.type != YAML_ALIAS_EVENT)
			jx_yaml_events_report(&r->y, JX_INVALID,
					      r->y.ev.start_mark,
					      _("a key must be text, not %s"),
					      jx_yaml_events_kind(&r->y));
		return jx_yaml_events_skip_node(&r->y) &&
		       jx_yaml_events_next(&r->y) &&
		       jx_yaml_events_skip_node(&r->y);
	}
	for (f = s->fields;
	     f->key && strcmp(f->key, jx_yaml_events_scalar(&r->y)); f++)
		;
	if (!f->key || keys[f - s->fields].seen)
		shown(r, key, sizeof key);   /* for the message */
	if (!f->key) {
		key_list(s, known, sizeof known);
		jx_yaml_events_report(&r->y, JX_UNKNOWN, r->y.ev.start_mark,
				      _("unknown key '%s' in %s (known: %s)"),
				      key, describe(where, label, sizeof label),
				      known);
		return jx_yaml_events_next(&r->y) &&
		       jx_yaml_events_skip_node(&r->y);
	}
	assert(f - s->fields < FIELDS_MAX);
	k = &keys[f - s->fields];
	if (k->seen) {
		jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
				      _("duplicate key '%s' in %s (first at "
					"line %lu)"), key,
				      describe(where, label, sizeof label),
				      (unsigned long)k->key_mark.line + 1);
		return jx_yaml_events_next(&r->y) &&
		       jx_yaml_events_skip_node(&r->y);
	}
	k->seen = true;
	k->key_mark = r->y.ev.start_mark;
	if (!jx_yaml_events_next(&r->y))
		return false;
	k->value_mark = r->y.ev.start_mark;
	return read_value(r, f, rec, where, &k->outcome);
}

/* After a mapping: required keys that are missing or empty. */
static void
check_required(struct reader *r, const struct schema *s,
	       const struct jx_yaml_where *where, yaml_mark_t start,
	       const struct key_state *keys)
{
	char ref[REF_MAX], label[LABEL_MAX];

	for (size_t i = 0; s->fields[i].key; i++) {
		const struct field *f = &s->fields[i];

		if (!f->required || (keys[i].seen && keys[i].outcome != ABSENT))
			continue;
		if (!keys[i].seen) {
			jx_yaml_events_report(&r->y, JX_MISSING, start,
					      _("%s has no '%s'"),
					      describe(where, label,
						       sizeof label),
					      f->key);
			continue;
		}
		jx_yaml_field_ref(ref, sizeof ref, f->key, where);
		jx_yaml_events_report(&r->y, JX_MISSING, keys[i].value_mark,
				      _("%s is empty"), ref);
	}
}

/* A mapping (its start event is current) with schema s into rec, the
 * record at where (NULL: the file). */
static bool
read_mapping(struct reader *r, const struct schema *s, void *rec,
	     const struct jx_yaml_where *where)
{
	struct key_state keys[FIELDS_MAX];
	yaml_mark_t start = r->y.ev.start_mark;

	memset(keys, 0, sizeof keys);
	for (;;) {
		if (!jx_yaml_events_next(&r->y))
			return false;
		if (r->y.ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (!read_entry(r, s, rec, where, keys))
			return false;
	}
	check_required(r, s, where, start, keys);
	return !r->y.stop;
}

/* ---- What one record says together --------------------------------------- */

/* The short form of a level when the file gives none: its name without a
 * final 指标. */
static void
default_short(struct reader *r, char **short_name, const char *name)
{
	static const char suffix[] = "指标";
	size_t n = strlen(name), k = sizeof suffix - 1;

	if (*short_name)
		return;
	if (n > k && strcmp(name + n - k, suffix) == 0)
		n -= k;
	if (!(*short_name = malloc(n + 1))) {
		jx_yaml_events_out_of_memory(&r->y);
		return;
	}
	memcpy(*short_name, name, n);
	(*short_name)[n] = '\0';
}

static void
level1_done(struct reader *r, void *rec, const struct jx_yaml_where *where)
{
	struct jx_tlevel1 *l1 = rec;

	(void)where;
	if (l1->name)
		default_short(r, &l1->short_name, l1->name);
}

static void
level2_done(struct reader *r, void *rec, const struct jx_yaml_where *where)
{
	struct jx_tlevel2 *l2 = rec;

	(void)where;
	if (l2->name)
		default_short(r, &l2->short_name, l2->name);
}

/* Reports a mistake at a place kept by the reader (1-based). */
static void
report_at(struct reader *r, struct jx_tplace p, const char *fmt, ...)
	JX_PRINTF(3, 4);

static void
report_at(struct reader *r, struct jx_tplace p, const char *fmt, ...)
{
	char msg[JX_ERR_MSG];
	va_list ap;
	yaml_mark_t mark = { 0, (size_t)(p.line - 1), (size_t)(p.column - 1) };

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	jx_yaml_events_report(&r->y, JX_INVALID, mark, "%s", msg);
}

/* The unit is one a target can have (it is compared with the unit of
 * targets), and fits the direction. */
static void
indicator_done(struct reader *r, void *rec, const struct jx_yaml_where *where)
{
	struct jx_tindicator *ind = rec;
	enum jx_direction d = ind->direction;
	struct jx_target t;
	char *text, label[LABEL_MAX];
	size_t n;

	if (!ind->unit)
		return;
	if (d == JX_DIR_DEADLINE || d == JX_DIR_QUALITATIVE) {
		jx_yaml_where_label(label, sizeof label, where);
		report_at(r, ind->at.unit, _("'unit' in %s: a %s indicator has"
					     " no unit"), label,
			  jx_direction_name(d));
		return;
	}
	n = strlen(ind->unit);
	if (!(text = malloc(n + 2))) {
		jx_yaml_events_out_of_memory(&r->y);
		return;
	}
	text[0] = '1';
	memcpy(text + 1, ind->unit, n + 1);
	jx_target_parse(text, &t);
	free(text);
	if (t.kind == JX_TK_NUMBER && t.unit[0] &&
	    !(t.warnings & (JX_TW_UNIT_IS_WORD | JX_TW_TRAILING_TEXT))) {
		snprintf(ind->unit_norm, sizeof ind->unit_norm, "%s", t.unit);
		return;
	}
	jx_yaml_where_label(label, sizeof label, where);
	report_at(r, ind->at.unit, _("'unit' in %s: '%s' does not read as a"
				     " unit (write it as a target would: %%,"
				     " 个, 万元, 元/人/天)"), label, ind->unit);
}

/* ---- One file, one directory ------------------------------------------------- */

static void
read_stream(struct reader *r, struct jx_templates *into)
{
	if (!jx_yaml_events_next(&r->y) || !jx_yaml_events_next(&r->y))
		return;
	if (r->y.ev.type == YAML_STREAM_END_EVENT || !jx_yaml_events_next(&r->y))
		return;
	if (is_null(r)) {
		/* An empty file defines nothing. */
	} else if (r->y.ev.type != YAML_MAPPING_START_EVENT) {
		jx_yaml_events_report(&r->y, JX_INVALID, r->y.ev.start_mark,
				      _("a template file must be a mapping "
					"(format: %s, frameworks: …, "
					"indicators: …, projects: …), not %s"),
				      JX_TEMPLATES_FORMAT,
				      jx_yaml_events_kind(&r->y));
		if (!jx_yaml_events_skip_node(&r->y))
			return;
	} else if (!read_mapping(r, &file_schema, into, NULL)) {
		return;
	}
	jx_yaml_events_finish(&r->y, "a template file holds one");
}

enum jx_status
jx_template_read_file(struct jx_templates *set, size_t file,
		      struct jx_templates *into, struct jx_errlist *errors)
{
	const char *path = set->files[file].path;
	struct reader r;
	char *data;
	size_t len;
	enum jx_status st;

	st = jx_yaml_events_read_file(path, NULL, &data, &len, errors);
	if (st != JX_OK)
		return st;
	memset(&r, 0, sizeof r);
	r.file = file;
	if (jx_yaml_events_init(&r.y, data, len, path, errors) == JX_OK) {
		r.y.refuse_extras = true;
		read_stream(&r, into);
		jx_yaml_events_free(&r.y);
	}
	free(data);
	return r.y.status;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path to the set's files. */
static bool
add_file(struct jx_templates *set, const char *path, bool user)
{
	struct jx_tfile *f = jx_array_grow(set->files, set->n_files,
					   &set->files_cap, sizeof *f);

	if (!f)
		return false;
	set->files = f;
	f = &set->files[set->n_files];
	if (!(f->path = jx_strdup(path)))
		return false;
	f->user = user;
	set->n_files++;
	return true;
}

static enum jx_status
dir_error(struct jx_errlist *errors, enum jx_status st, const char *dir,
	  const char *why)
{
	struct jx_error e;

	jx_error_clear(&e);
	jx_error_at(&e, st, dir, 0, 0, _("cannot read the template directory:"
					 " %s"), why);
	return jx_errlist_add(errors, &e) == JX_OK ? st : JX_NOMEM;
}

enum jx_status
jx_template_list_dir(struct jx_templates *set, const char *dir, bool user,
		     bool must_exist, struct jx_errlist *errors)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, path[4096];
	size_t n = 0, cap = 0;
	enum jx_status st = JX_OK;

	if (!d)
		return errno == ENOENT && !must_exist
			? JX_OK
			: dir_error(errors, errno == ENOENT ? JX_NOTFOUND
							    : JX_IO,
				    dir, strerror(errno));
	while (st == JX_OK && (de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		struct stat sb;

		if (de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 16) *
						  sizeof *names);
			if (!p) {
				st = JX_NOMEM;
				break;
			}
			names = p;
		}
		if (!(names[n] = jx_strdup(path)))
			st = JX_NOMEM;
		else
			n++;
	}
	closedir(d);
	if (st == JX_OK && n > 1)   /* names is NULL in an empty directory */
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		if (st == JX_OK && !add_file(set, names[i], user))
			st = JX_NOMEM;
		free(names[i]);
	}
	free(names);
	return st;
}
