/*
 * yaml_doc.h — the interchange format (doc/interchange.md) read and written
 * with libyaml.
 *
 * One YAML file is one jx_doc: a department, a year, and the projects of that
 * year with their indicators. Reading uses libyaml's event parser and reports
 * every mistake as file:line:column (1-based, of the offending node); writing
 * uses libyaml's emitter, so export -> import -> export is byte-identical.
 *
 * The keys, their order, their types and which are required are described
 * once, by the schema tables below (defined in yaml_read.c): the reader
 * checks a file against them and the writer walks them to emit keys in the
 * specified order. Adding a field means adding one row.
 */
#ifndef JX_IO_YAML_DOC_H
#define JX_IO_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "core/record.h"

/* The value of the required `format` key. */
#define JX_YAML_FORMAT "jixiao/1"

/* Stop collecting after this many errors in one file. */
#define JX_YAML_MAX_ERRORS 100

/*
 * Parses an interchange document from data[0..len) (UTF-8; a BOM is
 * allowed). filename is used in messages only. doc is initialised here (any
 * previous content is not freed). Every problem is appended to errors as
 * file:line:column + message, as many as can be found: a YAML syntax error
 * (which ends the reading), an unknown or duplicate key, a missing required
 * field, a value of the wrong type, a bad amount or year, a missing or wrong
 * `format`, a second document, an anchor, alias or tag.
 * Returns JX_OK with doc filled, or the status of the first error (JX_SYNTAX,
 * JX_UNKNOWN, JX_MISSING, JX_INVALID; JX_NOMEM) with doc empty.
 */
enum jx_status jx_yaml_read_doc(const char *data, size_t len,
				const char *filename, struct jx_doc *doc,
				struct jx_errlist *errors);

/*
 * Reads the file at path with jx_input_read (encoding NULL = UTF-8, else
 * converted; "-" = standard input) and parses it with jx_yaml_read_doc.
 * An input error (missing file, bad encoding) is the one error in errors.
 */
enum jx_status jx_yaml_read_file(const char *path, const char *encoding,
				 struct jx_doc *doc, struct jx_errlist *errors);

/* Where the writer sends its bytes: returns true on success. */
typedef bool (*jx_yaml_write_fn)(void *ctx, const unsigned char *bytes,
				 size_t size);

/*
 * Writes doc in the interchange format through write(ctx, …): UTF-8, keys in
 * the order of the spec, absent fields left out, text with a line break as a
 * literal block, text a YAML 1.1 reader would take for a number, boolean or
 * null ('441001', 'true', '~', '1.5') single-quoted, money as the shortest
 * 万元 figure. Before anything is written the doc is checked for what the
 * reader requires, so that an export always imports: a missing required
 * field is JX_MISSING, a year outside 1900..2999 or an amount out of range
 * JX_INVALID, text that is not UTF-8 JX_ENCODING (message names the field).
 * Returns JX_OK, those, or JX_IO when write failed / JX_NOMEM, with err set.
 */
enum jx_status jx_yaml_write_doc_cb(const struct jx_doc *doc,
				    jx_yaml_write_fn write, void *ctx,
				    struct jx_error *err);

/* Same, to a stdio stream (flushed at the end; a write error is JX_IO with
 * strerror's text). */
enum jx_status jx_yaml_write_doc(const struct jx_doc *doc, FILE *out,
				 struct jx_error *err);

/* Same, into a new NUL-terminated buffer (*out, caller frees; *len without
 * the NUL). On error *out is NULL. */
enum jx_status jx_yaml_write_doc_mem(const struct jx_doc *doc, char **out,
				     size_t *len, struct jx_error *err);

/* ---- The schema, shared by yaml_read.c and yaml_write.c ---------------- */

enum jx_yaml_type {
	JX_YT_TEXT,   /* char * at offset; '' or null = absent */
	JX_YT_MONEY,  /* struct jx_amount at offset; 万元 text */
	JX_YT_YEAR,   /* int at offset; an integer 1900..2999 */
	JX_YT_FORMAT, /* no storage; must be JX_YAML_FORMAT */
	JX_YT_NOT,    /* bool at offset, set by the value false (true is the
			 default: only false is written) */
	JX_YT_MAP,    /* a nested mapping whose fields are in the same record */
	JX_YT_LIST    /* a list of records: array at offset, count at count */
};

struct jx_yaml_schema;

struct jx_yaml_field {
	const char *key;                   /* NULL ends a table */
	enum jx_yaml_type type;
	bool required;
	size_t offset;                     /* in the record */
	size_t count;                      /* LIST: offset of the size_t count */
	const struct jx_yaml_schema *sub;  /* MAP, LIST: the nested fields */
};

struct jx_yaml_schema {
	const char *what;                  /* "project": names it in messages */
	const struct jx_yaml_field *fields;
	size_t item_size;                  /* LIST: sizeof one record */
	void *(*add)(void *parent);        /* LIST: appends a zeroed record */
};

/* The whole document: format, department, year, …, projects. */
extern const struct jx_yaml_schema jx_yaml_doc_schema;

/* Names a record in messages, the same way for reader and writer: `what`
 * numbered from 1 when index > 0 ("project 3"), followed by " of parent"
 * unless parent is the document ("" or NULL): "indicator 2 of project 3",
 * "money of project 3", "department". */
void jx_yaml_label(char *buf, size_t size, const char *what, size_t index,
		   const char *parent);

#endif
