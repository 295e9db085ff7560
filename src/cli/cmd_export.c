/*
 * cmd_export.c — `jixiao export [--dept D] [--year Y] [-o FILE | -d DIR]`:
 * department-years as interchange YAML. A file is written next to its final
 * name and renamed into place, so an interrupted export never leaves half a
 * file where a good one was.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "io/yaml_doc.h"

int jx_cmd_export(struct jx_cli *cli, int argc, char **argv);

struct pick {
	int64_t id;
	int year;
	char *stem;      /* file name without ".yaml" */
};

struct pick_ctx {
	struct pick *items;
	size_t n, cap;
	int year;        /* 0: any */
	bool oom;
};

/* "441001-2021", or the name when there is no code; '/' never appears in
 * a file name. */
static char *
stem_for(const struct jx_year_row *row)
{
	const char *base = row->dept_code ? row->dept_code : row->dept_name;
	size_t size = strlen(base) + 16;
	char *stem = malloc(size);

	if (!stem)
		return NULL;
	snprintf(stem, size, "%s-%d", base, row->year);
	for (char *p = stem; *p; p++)
		if (*p == '/' || *p == ' ')
			*p = '_';
	return stem;
}

static int
on_year(void *data, const struct jx_year_row *row)
{
	struct pick_ctx *ctx = data;

	if (ctx->year && row->year != ctx->year)
		return 0;
	if (ctx->n == ctx->cap) {
		size_t cap = ctx->cap ? 2 * ctx->cap : 16;
		struct pick *grown = realloc(ctx->items, cap * sizeof *grown);
		if (!grown)
			return ctx->oom = true;
		ctx->items = grown;
		ctx->cap = cap;
	}
	ctx->items[ctx->n] = (struct pick){ row->id, row->year, stem_for(row) };
	if (!ctx->items[ctx->n].stem)
		return ctx->oom = true;
	ctx->n++;
	return 0;
}

static bool
write_file(struct jx_cli *cli, const struct jx_doc *doc, const char *path)
{
	size_t size = strlen(path) + 8;
	char *tmp = malloc(size);
	struct jx_error err;
	FILE *f;
	bool ok;

	jx_error_clear(&err);
	if (!tmp)
		return jx_cli_failf(cli, "out of memory"), false;
	snprintf(tmp, size, "%s.part", path);
	f = fopen(tmp, "w");
	if (!f) {
		jx_cli_failf(cli, "%s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	ok = jx_yaml_write_doc(doc, f, &err) == JX_OK;
	ok = fclose(f) == 0 && ok;
	if (ok && rename(tmp, path) != 0) {
		jx_error_set(&err, JX_IO, "%s: %s", path, strerror(errno));
		ok = false;
	}
	if (!ok) {
		if (err.status == JX_OK)
			jx_error_set(&err, JX_IO, "%s: write failed", path);
		jx_cli_fail(cli, &err);
		remove(tmp);
	}
	free(tmp);
	return ok;
}

static bool
export_one(struct jx_cli *cli, struct jx_store *st, const struct pick *p,
	   const char *file, const char *dir)
{
	struct jx_error err;
	struct jx_doc doc;
	char path[4096];
	bool ok;

	jx_error_clear(&err);
	if (jx_store_get_doc(st, p->id, &doc, &err) != JX_OK)
		return jx_cli_fail(cli, &err), false;
	if (dir) {
		snprintf(path, sizeof path, "%s/%s.yaml", dir, p->stem);
		ok = write_file(cli, &doc, path);
		if (ok)
			fprintf(cli->out, "%s\n", path);
	} else if (file) {
		ok = write_file(cli, &doc, file);
	} else {
		ok = jx_yaml_write_doc(&doc, cli->out, &err) == JX_OK;
		if (!ok)
			jx_cli_fail(cli, &err);
	}
	jx_doc_free(&doc);
	return ok;
}

/* The output directory: made if missing, and it must be a directory. */
static bool
make_dir(const char *dir)
{
	struct stat sb;

	if (mkdir(dir, 0777) == 0)
		return true;
	if (errno != EEXIST)
		return false;
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return true;
	errno = ENOTDIR;
	return false;
}

struct export_opts {
	const char *dept, *file, *dir;
	int year;
};

static int
run(struct jx_cli *cli, struct jx_store *st, const struct export_opts *o)
{
	struct pick_ctx ctx = { NULL, 0, 0, o->year, false };
	struct jx_selection sel = { 0, 0, 0 };
	struct jx_error err;
	int status = JX_EXIT_OK;
	char *dept = (char *)o->dept;

	jx_error_clear(&err);
	if (o->dept && !jx_cli_select(cli, st, 1, &dept, &sel))
		return JX_EXIT_USAGE;
	if (jx_store_years(st, sel.department_id, on_year, &ctx, &err) != JX_OK)
		status = jx_cli_fail(cli, &err);
	else if (ctx.oom)
		status = jx_cli_failf(cli, "out of memory");
	else if (ctx.n == 0)
		status = jx_cli_failf(cli, _("export: nothing matches"));
	else if (ctx.n > 1 && !o->dir)
		status = jx_cli_failf(cli, _("export: %zu department-years"
					     " match; write them with -d DIR,"
					     " or narrow with --dept/--year"),
				      ctx.n);
	else if (o->dir && !make_dir(o->dir))
		status = jx_cli_failf(cli, "%s: %s", o->dir, strerror(errno));
	for (size_t i = 0; status == JX_EXIT_OK && i < ctx.n; i++)
		if (!export_one(cli, st, &ctx.items[i], o->file, o->dir))
			status = JX_EXIT_USAGE;
	for (size_t i = 0; i < ctx.n; i++)
		free(ctx.items[i].stem);
	free(ctx.items);
	return status;
}

int
jx_cmd_export(struct jx_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dept", required_argument, NULL, 'D' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "dir", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts o = { NULL, NULL, NULL, 0 };
	struct jx_store *st;
	int c, status;

	while ((c = getopt_long(argc, argv, "o:d:", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': o.dept = optarg; break;
		case 'y':
			if (!jx_cli_year(cli, optarg, &o.year))
				return JX_EXIT_USAGE;
			break;
		case 'o': o.file = optarg; break;
		case 'd': o.dir = optarg; break;
		default:
			return jx_cli_failf(cli, _("export: unknown option or"
						   " missing value: '%s'"),
					    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return jx_cli_failf(cli, _("export: unexpected argument '%s'"),
				    argv[optind]);
	if (o.file && o.dir)
		return jx_cli_failf(cli, _("export: -o and -d exclude each"
					   " other"));
	if (!(st = jx_cli_open(cli, JX_CLI_READ)))
		return JX_EXIT_USAGE;
	status = run(cli, st, &o);
	jx_store_close(st);
	return status;
}
