/*
 * import_files.c — all-or-nothing import of interchange files.
 *
 * Files are read on a second thread, a few ahead of the one being written
 * (cli/doc_reader.h), and written inside one transaction. A file with mistakes does not stop the reading of the others,
 * so the user sees every mistake of every file in one run; but then nothing
 * is committed.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/doc_reader.h"
#include "cli/import_files.h"
#include "core/text.h"
#include "io/yaml_doc.h"

/* The department-years this import has read so far, so that the same one
 * in two files is named as such (not as "already in the database"). */
struct seen {
	char *dept;          /* code, or normalised name */
	int year;
	const char *path;
};

struct seen_list {
	struct seen *items;
	size_t n, cap;
};

static char *
dept_key(const struct jx_doc *doc)
{
	return doc->dept_code ? jx_strdup(doc->dept_code)
			      : jx_text_key(doc->dept_name);
}

/* The earlier file holding the same department-year, or NULL (and the
 * doc is remembered). */
static const char *
seen_before(struct seen_list *l, const struct jx_doc *doc, const char *path)
{
	char *key = dept_key(doc);

	if (!key)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].year == doc->year &&
		    strcmp(l->items[i].dept, key) == 0) {
			free(key);
			return l->items[i].path;
		}
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct seen *grown = realloc(l->items, cap * sizeof *grown);
		if (!grown) {
			free(key);
			return NULL;
		}
		l->items = grown;
		l->cap = cap;
	}
	l->items[l->n++] = (struct seen){ key, doc->year, path };
	return NULL;
}

static void
seen_free(struct seen_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].dept);
	free(l->items);
}

static void
print_errors(struct jx_cli *cli, const struct jx_errlist *errors)
{
	for (size_t i = 0; i < errors->count; i++)
		jx_cli_fail(cli, &errors->items[i]);
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void
add_counts(struct jx_import_counts *to, const struct jx_import_counts *c)
{
	to->departments += c->departments;
	to->years += c->years;
	to->projects += c->projects;
	to->indicators += c->indicators;
}

/* Writes one read document; returns the status (the error is printed). */
static enum jx_status
write_doc(struct jx_cli *cli, struct jx_store *st, const struct jx_doc *doc,
	  const char *path, const struct jx_import_opts *opts,
	  struct jx_import_counts *counts, int *skipped)
{
	struct jx_import_counts mine = { 0, 0, 0, 0 };
	struct jx_error err;
	enum jx_status rc;

	jx_error_clear(&err);
	rc = jx_store_put_doc(st, doc, opts->replace, base_name(path), &mine,
			      &err);
	if (rc == JX_EXISTS && opts->skip_existing) {
		fprintf(cli->out, _("%s: %s %d is already there; left as it"
				    " is\n"), path, doc->dept_name, doc->year);
		(*skipped)++;
		return JX_OK;
	}
	if (rc == JX_OK) {
		add_counts(counts, &mine);
		return JX_OK;
	}
	if (!err.file[0])
		snprintf(err.file, sizeof err.file, "%s", path);
	jx_cli_fail(cli, &err);
	return rc;
}

/* One file, as read: its mistakes, or written into the open transaction.
 * Returns false on any error (already printed). */
static bool
import_one(struct jx_cli *cli, struct jx_store *st, struct jx_doc_read *d,
	   const struct jx_import_opts *opts, struct jx_import_counts *counts,
	   int *skipped, struct seen_list *seen)
{
	const char *earlier;
	enum jx_status rc;

	print_errors(cli, &d->errors);
	jx_errlist_free(&d->errors);
	if (d->status != JX_OK)
		return false;
	earlier = seen_before(seen, &d->doc, d->path);
	if (earlier) {
		jx_cli_failf(cli, _("%s: %s %d is also in %s, earlier in this"
				    " import"), d->path, d->doc.dept_name,
			     d->doc.year, earlier);
		rc = JX_EXISTS;
	} else {
		rc = write_doc(cli, st, &d->doc, d->path, opts, counts,
			       skipped);
	}
	jx_doc_free(&d->doc);
	return rc == JX_OK;
}

/* Threads reading files: one per core but the writer's, at least one. */
static int
reading_threads(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	return cores > 2 ? (int)(cores - 1) : 1;
}

int
jx_import_files(struct jx_cli *cli, struct jx_store *st, char *const *paths,
		int n, const struct jx_import_opts *opts)
{
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct seen_list seen = { NULL, 0, 0 };
	struct jx_doc_reader *reader;
	struct jx_doc_read d;
	struct jx_error err;
	int failed = 0, skipped = 0;

	jx_error_clear(&err);
	if (jx_store_begin(st, &err) != JX_OK)
		return jx_cli_fail(cli, &err);
	if (!(reader = jx_doc_reader_start(paths, n, opts->encoding,
					   reading_threads()))) {
		jx_store_rollback(st);
		return jx_cli_failf(cli, "out of memory");
	}
	while (jx_doc_reader_next(reader, &d))
		if (!import_one(cli, st, &d, opts, &counts, &skipped, &seen))
			failed++;
	jx_doc_reader_free(reader);
	seen_free(&seen);
	if (failed || jx_store_commit(st, &err) != JX_OK) {
		jx_store_rollback(st);
		if (!failed)
			jx_cli_fail(cli, &err);
		fprintf(cli->err, _("%s: nothing imported: %d of %d files had"
				    " errors; the others would have written"
				    " department-years: %zu, projects: %zu,"
				    " indicators: %zu\n"), cli->prog,
			failed ? failed : n, n, counts.years, counts.projects,
			counts.indicators);
		return JX_EXIT_USAGE;
	}
	fprintf(cli->out, _("imported into %s: department-years: %zu,"
			    " projects: %zu, indicators: %zu\n"),
		jx_store_path(st), counts.years, counts.projects,
		counts.indicators);
	return JX_EXIT_OK;
}
