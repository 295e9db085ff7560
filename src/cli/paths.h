/*
 * paths.h — where jixiao's files are: the database by default, and the
 * shipped data (samples, templates, keymaps) both installed and when run
 * from the build tree.
 */
#ifndef JX_CLI_PATHS_H
#define JX_CLI_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* Directory holding data/ and keymaps/: $JIXIAO_DATADIR, else the source
 * tree when this binary is the one built there, else the installed package
 * data directory. */
const char *jx_data_root(void);

/* $XDG_DATA_HOME/jixiao/jixiao.db (default ~/.local/share/...). Writes into
 * buf; returns false if there is no home to put it in. */
bool jx_default_db(char *buf, size_t size);

/* The user's template directory: $XDG_CONFIG_HOME/jixiao/templates
 * (default ~/.config/jixiao/templates), whether or not it exists. Writes
 * into buf; false when there is no home to look in. */
bool jx_user_templates_dir(char *buf, size_t size);

/* mkdir -p of the directory part of path (mode 0700 for new ones). */
bool jx_make_parent_dirs(const char *path);

#endif
