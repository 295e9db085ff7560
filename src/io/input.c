#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * input.c — reads a whole file into memory and makes sure it is UTF-8.
 *
 * Exports jx_input_read and jx_input_position (io/input.h). The file is
 * read with read(2) into a growing buffer, so that pipes and standard input
 * work too; a directory is refused up front, because read(2) on one only
 * fails later with a less helpful message. Conversion from another encoding
 * uses glibc's iconv and happens only when the caller names the encoding: a
 * file that merely looks like GB18030 gets a hint, never a silent
 * conversion.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/error.h"
#include "core/utf8.h"
#include "io/input.h"

#define BOM "\xEF\xBB\xBF"
#define BOM_LEN 3

/* Reads everything from fd into a new NUL-terminated buffer. Returns 0 or an
 * errno value. */
static int
read_fd(int fd, size_t hint, char **data, size_t *len)
{
	size_t cap = hint + 1 > 4096 ? hint + 1 : 4096, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return ENOMEM;
	for (;;) {
		ssize_t got;

		if (cap - n < 2) {
			char *bigger = cap > (size_t)-1 / 2 ? NULL
							    : realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				return ENOMEM;
			}
			buf = bigger;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;
			free(buf);
			return e;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* Opens and reads path ("-" = standard input); errors name the path. */
static enum jx_status
read_raw(const char *path, const char *name, char **data, size_t *len,
	 struct jx_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
	struct stat st;
	int e;

	if (fd < 0 || fstat(fd, &st) != 0) {
		e = errno;
		if (fd >= 0 && !is_stdin)
			close(fd);
		return jx_error_at(err, JX_IO, name, 0, 0, _("%s"), strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		if (!is_stdin)
			close(fd);
		return jx_error_at(err, JX_IO, name, 0, 0, _("%s"),
				   strerror(EISDIR));
	}
	e = read_fd(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, data,
		    len);
	if (!is_stdin)
		close(fd);
	if (e == ENOMEM)
		return jx_error_at(err, JX_NOMEM, name, 0, 0, _("out of memory"));
	if (e)
		return jx_error_at(err, JX_IO, name, 0, 0, _("%s"), strerror(e));
	return JX_OK;
}

void
jx_input_position(const char *s, size_t offset, long *line, long *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			++*line;
			*column = 1;
		} else if ((c & 0xC0) != 0x80) {
			++*column;
		}
	}
}

/*
 * Converts in[0..inlen) with cd into a new NUL-terminated buffer. Returns 0,
 * or EILSEQ / EINVAL (bad or truncated sequence at byte *bad) / ENOMEM. The
 * output made so far is left in *out and *outlen in every case (the caller
 * frees it), so that an error can say which line it is on.
 */
static int
iconv_all(iconv_t cd, char *in, size_t inlen, char **out, size_t *outlen,
	  size_t *bad)
{
	size_t cap = inlen * 2 + 16, left_in = inlen;
	char *buf = malloc(cap), *inp = in, *outp = buf;
	int e = 0;

	*out = buf;
	*outlen = 0;
	if (!buf)
		return ENOMEM;
	for (;;) {
		size_t left_out = cap - (size_t)(outp - buf) - 1;
		size_t r = left_in ? iconv(cd, &inp, &left_in, &outp, &left_out)
				   : iconv(cd, NULL, NULL, &outp, &left_out);

		if (r != (size_t)-1 && left_in == 0 && inp != NULL) {
			inp = NULL; /* all input taken: flush any state once */
			continue;
		}
		if (r != (size_t)-1 || errno != E2BIG) {
			e = r == (size_t)-1 ? errno : 0;
			break;
		}
		size_t used = (size_t)(outp - buf);
		char *bigger = realloc(buf, cap * 2);
		if (!bigger) {
			e = ENOMEM;
			break;
		}
		buf = bigger;
		*out = buf;
		cap *= 2;
		outp = buf + used;
	}
	*outlen = (size_t)(outp - buf);
	buf[*outlen] = '\0';
	*bad = inlen - left_in;
	return e;
}

/* True when the bytes decode as GB18030 without error. */
static bool
looks_like_gb18030(char *raw, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *out;
	size_t outlen, bad;
	int e;

	if (cd == (iconv_t)-1)
		return false;
	e = iconv_all(cd, raw, len, &out, &outlen, &bad);
	iconv_close(cd);
	free(out);
	return e == 0;
}

/* Checks that raw is UTF-8; the error names the first bad byte. */
static enum jx_status
check_utf8(const char *name, char *raw, size_t len, struct jx_error *err)
{
	size_t bad;
	long line, column;

	if (jx_utf8_valid(raw, len, &bad))
		return JX_OK;
	jx_input_position(raw, bad, &line, &column);
	return jx_error_at(err, JX_ENCODING, name, line, column,
			   _("byte %zu: not valid UTF-8%s"), bad,
			   looks_like_gb18030(raw, len)
				   ? " (it looks like GB18030; use --encoding "
				     "GB18030)"
				   : "");
}

/* Replaces *raw (in `encoding`) by its UTF-8 conversion. */
static enum jx_status
convert(const char *name, const char *encoding, char **raw, size_t *len,
	struct jx_error *err)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	char *out;
	size_t outlen, bad;
	long line, column;
	int e;

	if (cd == (iconv_t)-1) {
		if (errno == EINVAL)
			return jx_error_at(err, JX_ENCODING, name, 0, 0,
					   _("unknown encoding '%s'"), encoding);
		return jx_error_at(err, JX_ENCODING, name, 0, 0, _("%s: %s"),
				   encoding, strerror(errno));
	}
	e = iconv_all(cd, *raw, *len, &out, &outlen, &bad);
	iconv_close(cd);
	if (e == 0) {
		free(*raw);
		*raw = out;
		*len = outlen;
		return JX_OK;
	}
	jx_input_position(out, outlen, &line, &column);
	free(out);
	if (e == ENOMEM)
		return jx_error_at(err, JX_NOMEM, name, 0, 0, _("out of memory"));
	return jx_error_at(err, JX_ENCODING, name, line, column,
			   e == EINVAL ? "byte %zu: incomplete %s sequence at "
					 "the end of the file"
				       : "byte %zu: not valid %s",
			   bad, encoding);
}

enum jx_status
jx_input_read(const char *path, const char *encoding, char **data,
	      size_t *len, struct jx_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *raw = NULL;
	size_t n = 0;
	enum jx_status st;

	*data = NULL;
	*len = 0;
	st = read_raw(path, name, &raw, &n, err);
	if (st == JX_OK)
		st = encoding ? convert(name, encoding, &raw, &n, err)
			      : check_utf8(name, raw, n, err);
	if (st != JX_OK) {
		free(raw);
		return st;
	}
	if (n >= BOM_LEN && memcmp(raw, BOM, BOM_LEN) == 0) {
		n -= BOM_LEN;
		memmove(raw, raw + BOM_LEN, n + 1);
	}
	*data = raw;
	*len = n;
	return JX_OK;
}
