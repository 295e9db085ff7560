/*
 * template_read.h — reading indicator templates (doc/templates.md) with
 * libyaml into a jx_templates (core/template.h).
 *
 * The set is read from two directories: the shipped one (data/templates)
 * and then the user's ($XDG_CONFIG_HOME/jixiao/templates). A framework,
 * library indicator or project template of the user's with the name of a
 * shipped one replaces it (its `overrode` names the shipped file). Loading
 * is all or nothing: every mistake of every file is collected as
 * file:line:column + message, and then nothing is loaded.
 */
#ifndef JX_IO_TEMPLATE_READ_H
#define JX_IO_TEMPLATE_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/template.h"

/* The value of the required `format` key of a template file. */
#define JX_TEMPLATES_FORMAT "jixiao-templates/1"

/*
 * Loads the *.yaml files of shipped_dir and then of user_dir (each in name
 * order; user_dir may be NULL or not exist, shipped_dir must exist) into t
 * (initialised here). Mistakes found:
 *  - in one file: YAML syntax, an unknown or duplicate key, a value of the
 *    wrong type (text, true/false, a list), a missing required key, a
 *    wrong `format`, an unknown direction, a unit that does not read as a
 *    unit, an anchor, alias or tag, a second document;
 *  - across the set: a duplicate framework, indicator (by name or alias) or
 *    project template within the shipped files or within the user's, a
 *    duplicate level in a framework or row in a project template, two
 *    default frameworks, an unknown framework, a level name that the
 *    framework does not have, a row that names no library indicator and
 *    gives no levels (looked for once every file reads cleanly: a
 *    framework file with a syntax error would make every level unknown).
 * Each is appended to errors (file order, then line and column). Returns
 * JX_OK with t filled and prepared (jx_templates_prepare), or the status of
 * the first mistake with t empty.
 */
enum jx_status jx_templates_load(struct jx_templates *t,
				 const char *shipped_dir,
				 const char *user_dir,
				 struct jx_errlist *errors);

/*
 * The files that errors[first..] are about, each once, in order, joined by
 * ", " into buf (for "fix …"). Errors without a file are left out.
 */
void jx_templates_error_files(const struct jx_errlist *errors, size_t first,
			      char *buf, size_t size);

#endif
