/*
 * term_out.c — a stdio stream (glibc's fopencookie) that shows control
 * characters on their way to a terminal; see term_out.h.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#define _GNU_SOURCE

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "cli/term_out.h"
#include "core/utf8.h"

struct term_out {
	FILE *to;
	bool held_c2;  /* the last write ended in 0xC2: C1 or not is unknown */
};

/* Writes control character cp as the screen shows it. */
static void
show(struct term_out *t, int32_t cp)
{
	char shown[4];

	fwrite(shown, 1, jx_control_shown(cp, shown), t->to);
}

/* Writes u[from..to) through unchanged. */
static void
pass(struct term_out *t, const unsigned char *u, size_t from, size_t to)
{
	if (to > from)
		fwrite(u + from, 1, to - from, t->to);
}

/* The byte after a held 0xC2 decides what it was. Returns how many bytes
 * of u it used (0 or 1). */
static size_t
finish_held(struct term_out *t, const unsigned char *u, size_t size)
{
	t->held_c2 = false;
	if (size > 0 && u[0] >= 0x80 && u[0] <= 0x9F) {
		show(t, u[0]);
		return 1;
	}
	fputc(0xC2, t->to);
	return 0;
}

static ssize_t
term_write(void *cookie, const char *buf, size_t size)
{
	struct term_out *t = cookie;
	const unsigned char *u = (const unsigned char *)buf;
	size_t i = t->held_c2 ? finish_held(t, u, size) : 0, run = i;

	for (; i < size; i++) {
		unsigned char c = u[i];

		if ((c >= 0x20 && c != 0x7F && c != 0xC2) || c == '\t' ||
		    c == '\n')
			continue;
		if (c == 0xC2) {
			if (i + 1 == size) {  /* the next write tells */
				pass(t, u, run, i);
				t->held_c2 = true;
				return (ssize_t)size;
			}
			if (u[i + 1] < 0x80 || u[i + 1] > 0x9F)
				continue;
			pass(t, u, run, i);
			show(t, u[++i]);
			run = i + 1;
			continue;
		}
		pass(t, u, run, i);
		show(t, c);
		run = i + 1;
	}
	pass(t, u, run, size);
	return ferror(t->to) ? -1 : (ssize_t)size;
}

static int
term_close(void *cookie)
{
	struct term_out *t = cookie;
	int rc;

	if (t->held_c2)
		fputc(0xC2, t->to);
	rc = fflush(t->to);
	free(t);
	return rc == 0 ? 0 : EOF;
}

FILE *
jx_term_out_open(FILE *to)
{
	struct term_out *t = malloc(sizeof *t);
	cookie_io_functions_t io = { .write = term_write, .close = term_close };
	FILE *f;

	if (!t)
		return NULL;
	t->to = to;
	t->held_c2 = false;
	f = fopencookie(t, "w", io);
	if (!f) {
		free(t);
		return NULL;
	}
	setvbuf(f, NULL, _IOLBF, BUFSIZ);
	return f;
}
