/*
 * table.h — printing rows as an aligned table (display columns, so Chinese
 * text lines up) or as TSV for scripts.
 *
 * Aligned output needs every row's width before the first line is printed,
 * so rows are buffered until jx_table_finish; TSV rows stream at once.
 */
#ifndef JX_CLI_TABLE_H
#define JX_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct jx_column {
	const char *header;      /* shown in aligned output */
	const char *tsv_header;  /* ASCII name for the TSV header line */
	bool right;              /* right-align (numbers) */
};

struct jx_table;

/* NULL when out of memory. columns must outlive the table. */
struct jx_table *jx_table_new(const struct jx_column *columns, size_t n,
			      bool tsv, FILE *out);
/* Adds a row of n cells (NULL prints as empty). Returns false when out of
 * memory. */
bool jx_table_row(struct jx_table *t, const char *const *cells);
/* Prints what is buffered and frees the table. */
void jx_table_finish(struct jx_table *t);

/* TSV form of one cell: tab, newline, carriage return and backslash are
 * written as \t \n \r \\ so that a row stays on one line. */
void jx_tsv_cell(FILE *out, const char *s);

#endif
