/*
 * replay.c — keys from a file, screen dump and timings (see replay.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/replay.h"

static struct {
	bool active;
	jx_keycode *keys;
	size_t n, next, cap;
	FILE *timing;
	struct timespec mark;
	bool first_frame_done;
	long long rows_before;
} rp;

static long long
elapsed_us(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - rp.mark.tv_sec) * 1000000LL +
	       (now.tv_nsec - rp.mark.tv_nsec) / 1000;
}

static bool
push(jx_keycode key)
{
	if (rp.n == rp.cap) {
		size_t cap = rp.cap ? 2 * rp.cap : 64;
		jx_keycode *grown = realloc(rp.keys, cap * sizeof *grown);
		if (!grown)
			return false;
		rp.keys = grown;
		rp.cap = cap;
	}
	rp.keys[rp.n++] = key;
	return true;
}

/* "text:满意度" → one key per character. */
static bool
push_text(const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		int32_t cp;
		int used = jx_utf8_decode(s, len, &cp);
		if (cp < 0 || !push(cp))
			return false;
		s += used;
		len -= (size_t)used;
	}
	return true;
}

static enum jx_status
parse_line(char *line, const char *path, long lineno, struct jx_error *err)
{
	jx_keycode key;
	size_t len = strlen(line);

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (len == 0 || line[0] == '#')
		return JX_OK;
	if (strncmp(line, "text:", 5) == 0)
		return push_text(line + 5) ? JX_OK
		       : jx_error_at(err, JX_INVALID, path, lineno, 1,
				     _("not valid text"));
	if (!jx_key_parse(line, &key))
		return jx_error_at(err, JX_INVALID, path, lineno, 1,
				   _("unknown key '%s'"), line);
	return push(key) ? JX_OK : jx_error_set(err, JX_NOMEM,
						_("out of memory"));
}

enum jx_status
jx_replay_init(struct jx_error *err)
{
	const char *path = getenv("JIXIAO_REPLAY");
	const char *timing = getenv("JIXIAO_TIMING");
	char line[1024];
	long lineno = 0;
	FILE *f;

	clock_gettime(CLOCK_MONOTONIC, &rp.mark);
	if (!path || !*path)
		return JX_OK;
	if (!(f = fopen(path, "r")))
		return jx_error_at(err, JX_IO, path, 0, 0, _("cannot read the"
				   " keys to replay"));
	while (fgets(line, sizeof line, f)) {
		enum jx_status rc = parse_line(line, path, ++lineno, err);
		if (rc != JX_OK) {
			fclose(f);
			return rc;
		}
	}
	fclose(f);
	rp.active = true;
	if (timing && *timing)
		rp.timing = fopen(timing, "w");
	return JX_OK;
}

bool
jx_replay_active(void)
{
	return rp.active;
}

jx_keycode
jx_replay_key(long long rows_read)
{
	long long us = elapsed_us(), rows = rows_read - rp.rows_before;
	char name[32];

	if (rp.timing && !rp.first_frame_done)
		fprintf(rp.timing, "first-frame %lld %lld\n", us, rows);
	else if (rp.timing && rp.next > 0 &&
		 jx_key_name(rp.keys[rp.next - 1], name, sizeof name))
		fprintf(rp.timing, "key %s %lld %lld\n", name, us, rows);
	rp.first_frame_done = true;
	rp.rows_before = rows_read;
	clock_gettime(CLOCK_MONOTONIC, &rp.mark);
	return rp.next < rp.n ? rp.keys[rp.next++] : -1;
}

/* One screen row as UTF-8, trailing blanks removed. */
static void
dump_row(FILE *out, int y)
{
	wchar_t wbuf[1024];
	char mb[4096];
	size_t len;
	int n = COLS < 1023 ? COLS : 1023;

	if (mvinnwstr(y, 0, wbuf, n) == ERR)
		wbuf[0] = L'\0';
	if (wcstombs(mb, wbuf, sizeof mb) == (size_t)-1)
		mb[0] = '\0';
	mb[sizeof mb - 1] = '\0';
	len = strlen(mb);
	while (len > 0 && mb[len - 1] == ' ')
		mb[--len] = '\0';
	fprintf(out, "%s\n", mb);
}

void
jx_replay_finish(void)
{
	const char *path = getenv("JIXIAO_DUMP");
	FILE *out;

	if (!rp.active)
		return;
	if (path && *path && (out = fopen(path, "w"))) {
		for (int y = 0; y < LINES; y++)
			dump_row(out, y);
		fclose(out);
	}
	if (rp.timing) {
		struct rusage ru;
		if (getrusage(RUSAGE_SELF, &ru) == 0)
			fprintf(rp.timing, "max-rss %ld\n", ru.ru_maxrss);
		fclose(rp.timing);
	}
	free(rp.keys);
	memset(&rp, 0, sizeof rp);
}
