/*
 * table.c — aligned tables and TSV.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include "cli/table.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"

struct jx_table {
	const struct jx_column *columns;
	size_t ncols;
	bool tsv;
	FILE *out;
	char **cells;       /* rows × ncols, owned; aligned mode only */
	size_t rows, cap;
	size_t *width;      /* widest cell per column */
};

void
jx_tsv_cell(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*s, out);
		}
	}
}

static void
tsv_line(struct jx_table *t, const char *const *cells)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc('\t', t->out);
		jx_tsv_cell(t->out, cells[c]);
	}
	fputc('\n', t->out);
}

/* A cell for aligned output: line breaks and tabs become spaces, so one row
 * stays one line. */
static char *
flatten(const char *s)
{
	char *copy = jx_strdup(s ? s : "");

	for (char *p = copy; p && *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return copy;
}

static bool
add_cells(struct jx_table *t, const char *const *cells)
{
	if (t->rows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		char **grown = realloc(t->cells, cap * t->ncols * sizeof *grown);
		if (!grown)
			return false;
		t->cells = grown;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		char *cell = flatten(cells[c]);
		size_t w;
		if (!cell) {
			while (c-- > 0)
				free(t->cells[t->rows * t->ncols + c]);
			return false;
		}
		t->cells[t->rows * t->ncols + c] = cell;
		w = jx_str_width(cell, false);
		if (w > t->width[c])
			t->width[c] = w;
	}
	t->rows++;
	return true;
}

struct jx_table *
jx_table_new(const struct jx_column *columns, size_t n, bool tsv, FILE *out)
{
	struct jx_table *t = calloc(1, sizeof *t);
	const char *headers[32];

	if (!t || n > 32 || !(t->width = calloc(n, sizeof *t->width))) {
		free(t);
		return NULL;
	}
	t->columns = columns;
	t->ncols = n;
	t->tsv = tsv;
	t->out = out;
	for (size_t c = 0; c < n; c++)
		headers[c] = tsv ? columns[c].tsv_header : _(columns[c].header);
	if (tsv)
		tsv_line(t, headers);
	else if (!add_cells(t, headers)) {
		jx_table_finish(t);
		return NULL;
	}
	return t;
}

bool
jx_table_row(struct jx_table *t, const char *const *cells)
{
	if (t->tsv) {
		tsv_line(t, cells);
		return true;
	}
	return add_cells(t, cells);
}

/* Pads left-aligned cells only when something follows on the line, so
 * that no line ends in spaces. */
static void
print_row(struct jx_table *t, char *const *cells)
{
	size_t end = t->ncols;

	while (end > 1 && cells[end - 1][0] == '\0')
		end--;
	for (size_t c = 0; c < end; c++) {
		size_t w = jx_str_width(cells[c], false);
		size_t pad = t->width[c] - w;
		bool last = c + 1 == end;

		if (c)
			fputs("  ", t->out);
		if (t->columns[c].right)
			fprintf(t->out, "%*s", (int)pad, "");
		fputs(cells[c], t->out);
		if (!t->columns[c].right && !last)
			fprintf(t->out, "%*s", (int)pad, "");
	}
	fputc('\n', t->out);
}

void
jx_table_finish(struct jx_table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->rows; r++)
		print_row(t, &t->cells[r * t->ncols]);
	for (size_t i = 0; i < t->rows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->width);
	free(t);
}
