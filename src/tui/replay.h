/*
 * replay.h — running the interface from a file of keys instead of a
 * terminal: for deterministic tests (the program's own screen is dumped
 * at the end, at any size LINES×COLUMNS) and for benchmarks (the time of
 * the first frame and of every key).
 *
 *   JIXIAO_REPLAY=keys.txt   one key name per line (as in key maps: Down,
 *                            Tab, C-l, q …); a line "text:满意度" types
 *                            each character; '#' starts a comment
 *   JIXIAO_DUMP=screen.txt   the screen after the last key, one line per
 *                            row, trailing blanks removed
 *   JIXIAO_TIMING=times.txt  "first-frame MICROSECONDS ROWS" then
 *                            "key NAME MICROSECONDS ROWS" for every key
 *                            (ROWS: rows read from the store for it), and
 *                            at the end "max-rss KILOBYTES"
 */
#ifndef JX_TUI_REPLAY_H
#define JX_TUI_REPLAY_H

#include <stdbool.h>

#include "core/error.h"
#include "tui/keymap.h"

/* Reads $JIXIAO_REPLAY if set (and notes the start time). Returns JX_OK
 * when there is nothing to replay too. */
enum jx_status jx_replay_init(struct jx_error *err);
bool jx_replay_active(void);

/* The next key, or -1 when the file is used up. Records the time taken by
 * the previous key (everything since it was handed out) and the rows the
 * program had read from the store by then (rows_read: a running total). */
jx_keycode jx_replay_key(long long rows_read);

/* Writes $JIXIAO_DUMP from the current screen and closes the timing
 * file. Called before the terminal is stopped. */
void jx_replay_finish(void);

#endif
