/*
 * template_internal.h — what io/template_set.c uses of the template reader
 * (io/template_read.c). Not for other layers: they call jx_templates_load.
 */
#ifndef JX_IO_TEMPLATE_INTERNAL_H
#define JX_IO_TEMPLATE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/template.h"

/*
 * Reads the file set->files[file] and appends what it defines to `into`
 * (set itself, or a second set for the user's files), each item's places
 * naming that file. Mistakes go to errors; returns the status of the first
 * one, or JX_OK. Items of a file with mistakes may be half-filled: the
 * caller drops the whole set then.
 */
enum jx_status jx_template_read_file(struct jx_templates *set, size_t file,
				     struct jx_templates *into,
				     struct jx_errlist *errors);

/*
 * Appends the *.yaml files of dir (not hidden ones, not directories), in
 * name order, to set->files, marked user or not. A missing dir is no error
 * unless must_exist; one that cannot be read is reported as "DIR: cannot
 * read the template directory: why".
 */
enum jx_status jx_template_list_dir(struct jx_templates *set,
				    const char *dir, bool user,
				    bool must_exist,
				    struct jx_errlist *errors);

#endif
