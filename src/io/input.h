/*
 * input.h — reading a whole input file into memory as UTF-8.
 *
 * Every file jixiao reads (interchange YAML, templates, keymaps, CSV) goes
 * through jx_input_read, so that all of them report a missing file, a
 * directory or a wrong encoding the same way, naming the path. Text is never
 * converted silently: bytes that are not UTF-8 are refused unless the caller
 * names their encoding (the --encoding option).
 */
#ifndef JX_IO_INPUT_H
#define JX_IO_INPUT_H

#include <stddef.h>

#include "core/error.h"

/*
 * Reads the file at path ("-" is standard input) into a new buffer.
 *
 *   encoding NULL: the bytes must be valid UTF-8. When they are not, the
 *     error gives the line, column and byte offset (0-based) of the first
 *     bad byte — "byte 17: not valid UTF-8" — and, when the whole file
 *     decodes as GB18030, adds "(it looks like GB18030; use --encoding
 *     GB18030)".
 *   encoding given ("GB18030", "GBK", "UTF-8", any name glibc's iconv knows):
 *     the bytes are converted to UTF-8; an invalid or truncated sequence is an
 *     error giving its byte offset in the original file, an unknown name is
 *     an error too.
 *
 * A leading UTF-8 byte order mark is dropped. On success returns JX_OK,
 * stores a malloc'd buffer in *data (NUL-terminated, the NUL not counted in
 * *len; the text itself may contain NUL bytes) and its length in *len. On
 * failure returns JX_IO (cannot open or read; the message is strerror's),
 * JX_ENCODING or JX_NOMEM, sets err (err->file = path) and leaves *data NULL
 * and *len 0.
 */
enum jx_status jx_input_read(const char *path, const char *encoding,
			     char **data, size_t *len, struct jx_error *err);

/* Line and column (1-based; columns count characters) at which byte
 * offset `offset` of the UTF-8 text s lies: where an error message should
 * point for a problem found at that byte. */
void jx_input_position(const char *s, size_t offset, long *line,
		       long *column);

#endif
