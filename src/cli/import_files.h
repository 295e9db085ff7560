/*
 * import_files.h — importing YAML files into a store as one transaction,
 * shared by `import` and `init --samples`.
 */
#ifndef JX_CLI_IMPORT_FILES_H
#define JX_CLI_IMPORT_FILES_H

#include <stdbool.h>

#include "cli/cli.h"

struct jx_import_opts {
	bool replace;         /* replace department-years already there */
	bool skip_existing;   /* leave them alone instead of failing */
	const char *encoding; /* NULL: UTF-8 */
};

/* Reads and writes every file, all or nothing: on any error the store is
 * left as it was, every problem found is printed, and so is what would have
 * been written. Returns an exit status. */
int jx_import_files(struct jx_cli *cli, struct jx_store *st,
		    char *const *paths, int n,
		    const struct jx_import_opts *opts);

#endif
