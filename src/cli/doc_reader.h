/*
 * doc_reader.h — interchange files read on other threads, handed over in
 * the order given, a few files ahead of the caller.
 *
 * Import spends about as long reading YAML (libyaml) as writing SQLite;
 * reading the next files while one is written overlaps the two, and with
 * more cores several threads read at once. At most JX_DOC_READER_AHEAD
 * documents are in memory at once, so memory does not grow with the
 * number of files.
 */
#ifndef JX_CLI_DOC_READER_H
#define JX_CLI_DOC_READER_H

#include <stdbool.h>

#include "core/error.h"
#include "core/record.h"

#define JX_DOC_READER_AHEAD 4

/* The most reading threads a reader starts. */
#define JX_DOC_READER_THREADS 4

/* One file, as jx_yaml_read_file left it. The taker owns doc and errors
 * (jx_doc_free, jx_errlist_free). */
struct jx_doc_read {
	const char *path;            /* one of the paths given */
	enum jx_status status;       /* JX_OK: doc is filled */
	struct jx_doc doc;
	struct jx_errlist errors;
};

struct jx_doc_reader;

/* Starts reading paths[0..n) (encoding NULL = UTF-8) on up to threads
 * threads (at most JX_DOC_READER_THREADS). The paths must outlive the
 * reader. With no thread (threads 0, or none could be made) each file is
 * read when it is asked for. NULL only when out of memory. */
struct jx_doc_reader *jx_doc_reader_start(char *const *paths, int n,
					  const char *encoding, int threads);

/* The next file, in the order given: true with *out filled, false when
 * every file has been taken. */
bool jx_doc_reader_next(struct jx_doc_reader *r, struct jx_doc_read *out);

/* Stops reading (files not yet taken are dropped), waits for the thread
 * and frees. NULL is accepted. */
void jx_doc_reader_free(struct jx_doc_reader *r);

#endif
