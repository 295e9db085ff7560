/*
 * paths.c — locating the default database and the shipped data.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#define _XOPEN_SOURCE 700

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/paths.h"

#ifndef JX_PKGDATADIR
#define JX_PKGDATADIR "/usr/local/share/jixiao"
#endif

/* True when the running binary lives in the build tree it was built in. */
static bool
running_from_build_tree(void)
{
#ifdef JX_BUILDDIR
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t len;

	if (n <= 0 || !realpath(JX_BUILDDIR, build))
		return false;
	exe[n] = '\0';
	len = strlen(build);
	return strncmp(exe, build, len) == 0 && exe[len] == '/';
#else
	return false;
#endif
}

const char *
jx_data_root(void)
{
	const char *env = getenv("JIXIAO_DATADIR");

	if (env && *env)
		return env;
#ifdef JX_SRCDIR
	/* In a VPATH build JX_SRCDIR is "build/.."; resolve it once so that
	 * paths in messages read plainly. */
	static char resolved[PATH_MAX];
	if (running_from_build_tree())
		return resolved[0] || realpath(JX_SRCDIR, resolved)
			? resolved : JX_SRCDIR;
#endif
	return JX_PKGDATADIR;
}

bool
jx_default_db(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(buf, size, "%s/jixiao/jixiao.db", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.local/share/jixiao/jixiao.db",
			     home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

bool
jx_user_templates_dir(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(buf, size, "%s/jixiao/templates", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.config/jixiao/templates", home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

bool
jx_make_parent_dirs(const char *path)
{
	char dir[PATH_MAX];
	size_t len = strlen(path);

	if (len >= sizeof dir)
		return false;
	memcpy(dir, path, len + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return false;
		*p = '/';
	}
	return true;
}
