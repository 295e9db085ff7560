/*
 * field_external.c — a field's text in the user's own editor: $VISUAL,
 * else $EDITOR, else vi, on a private temporary file; the result comes
 * back into the field if it is UTF-8 (a final newline, which every editor
 * adds, is dropped).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/app.h"
#include "tui/form.h"

#define MAX_TEXT (4 * 1024 * 1024)

static const char *
editor(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

static bool
write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* Runs the editor on path with the terminal given back to it; the
 * editor's command may carry arguments ("emacs -nw"), so the shell runs
 * it, with the file name passed as $1, never pasted into the command. */
static int
run_editor(const char *path)
{
	pid_t pid;
	int status = -1;

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $JX_EDITOR \"$1\"", "sh",
		      path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *
read_back(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;

	*len = 0;
	if (!f)
		return NULL;
	buf = malloc(MAX_TEXT + 1);
	if (buf) {
		*len = fread(buf, 1, MAX_TEXT + 1, f);
		buf[*len <= MAX_TEXT ? *len : MAX_TEXT] = '\0';
	}
	fclose(f);
	return buf;
}

void
jx_field_external(struct jx_app *app, struct jx_editbuf *eb)
{
	char path[] = "/tmp/jixiao-field-XXXXXX";
	const char *tmpdir = getenv("TMPDIR");
	char tpath[4096];
	size_t len, bad;
	char *text;
	int fd, rc;

	snprintf(tpath, sizeof tpath, "%s/jixiao-field-XXXXXX",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemp(tpath);
	if (fd < 0 && (fd = mkstemp(path)) >= 0)
		snprintf(tpath, sizeof tpath, "%s", path);
	if (fd < 0 || !write_all(fd, eb->text, eb->len) ||
	    !write_all(fd, "\n", 1)) {
		jx_app_message(app, true, _("Cannot write a temporary file for"
					    " the editor: %s"), strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tpath);
		}
		return;
	}
	close(fd);
	setenv("JX_EDITOR", editor(), 1);
	rc = run_editor(tpath);
	text = read_back(tpath, &len);
	unlink(tpath);
	if (rc != 0 || !text) {
		jx_app_message(app, true, _("The editor (%s) did not finish"
					    " well; the field is as it was"),
			       editor());
	} else if (len > MAX_TEXT || !jx_utf8_valid(text, len, &bad)) {
		jx_app_message(app, true, _("The edited text is not UTF-8 (or"
					    " too long); the field is as it"
					    " was"));
	} else {
		if (len > 0 && text[len - 1] == '\n')
			text[--len] = '\0';
		if (jx_editbuf_set(eb, text) != JX_OK)
			jx_app_message(app, true, _("The edited text has line"
						    " breaks or control"
						    " characters this field"
						    " cannot hold; the field"
						    " is as it was"));
	}
	free(text);
}
