/*
 * import_files.c — all-or-nothing import of interchange files.
 *
 * Files are read one at a time (only one document is in memory) inside one
 * transaction. A file with mistakes does not stop the reading of the others,
 * so the user sees every mistake of every file in one run; but then nothing
 * is committed.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "cli/import_files.h"
#include "io/yaml_doc.h"

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

/* One file: read, then write into the open transaction. Returns false on
 * any error (already printed). */
static bool
import_one(struct jx_cli *cli, struct jx_store *st, const char *path,
	   const struct jx_import_opts *opts, struct jx_import_counts *counts,
	   int *skipped)
{
	struct jx_errlist errors;
	struct jx_doc doc;
	struct jx_error err;
	struct jx_import_counts mine = { 0, 0, 0, 0 };
	enum jx_status rc;

	jx_errlist_init(&errors);
	jx_error_clear(&err);
	if (jx_yaml_read_file(path, opts->encoding, &doc, &errors) != JX_OK) {
		print_errors(cli, &errors);
		jx_errlist_free(&errors);
		return false;
	}
	jx_errlist_free(&errors);
	rc = jx_store_put_doc(st, &doc, opts->replace, base_name(path), &mine,
			      &err);
	if (rc == JX_EXISTS && opts->skip_existing) {
		fprintf(cli->out, _("%s: %s %d is already there; left as it"
				    " is\n"), path, doc.dept_name, doc.year);
		(*skipped)++;
		rc = JX_OK;
	} else {
		counts->departments += mine.departments;
		counts->years += mine.years;
		counts->projects += mine.projects;
		counts->indicators += mine.indicators;
	}
	if (rc != JX_OK) {
		if (!err.file[0])
			snprintf(err.file, sizeof err.file, "%s", path);
		jx_cli_fail(cli, &err);
	}
	jx_doc_free(&doc);
	return rc == JX_OK;
}

int
jx_import_files(struct jx_cli *cli, struct jx_store *st, char *const *paths,
		int n, const struct jx_import_opts *opts)
{
	struct jx_import_counts counts = { 0, 0, 0, 0 };
	struct jx_error err;
	int failed = 0, skipped = 0;

	jx_error_clear(&err);
	if (jx_store_begin(st, &err) != JX_OK)
		return jx_cli_fail(cli, &err);
	for (int i = 0; i < n; i++)
		if (!import_one(cli, st, paths[i], opts, &counts, &skipped))
			failed++;
	if (failed || jx_store_commit(st, &err) != JX_OK) {
		jx_store_rollback(st);
		if (!failed)
			jx_cli_fail(cli, &err);
		fprintf(cli->err, _("%s: nothing imported: %d of %d files had"
				    " errors; the valid ones would have written"
				    " %zu department-years, %zu projects, %zu"
				    " indicators\n"), cli->prog, failed ? failed : n,
			n, counts.years, counts.projects, counts.indicators);
		return JX_EXIT_USAGE;
	}
	fprintf(cli->out, _("imported %zu department-years (%zu projects, %zu"
			    " indicators) into %s\n"), counts.years,
		counts.projects, counts.indicators, jx_store_path(st));
	return JX_EXIT_OK;
}
