/*
 * term_out.h — output for a terminal that shows control characters
 * instead of letting the terminal act on them.
 *
 * The commands print texts from the database as they are. Import refuses
 * control characters, but a file made by another program (sqlite3, a
 * script) may still hold them, and on a terminal ESC starts a command:
 * retitling the window, moving the cursor, rewriting what an auditor has
 * just read. When stdout or stderr is a terminal, main() puts this stream
 * in front of it. Pipes and files get the bytes unchanged.
 */
#ifndef JX_CLI_TERM_OUT_H
#define JX_CLI_TERM_OUT_H

#include <stdio.h>

/*
 * A new stream writing to `to`, with C0 controls other than tab and line
 * feed in caret notation (ESC as ^[, CR as ^M), DEL as ^?, and C1
 * controls (U+0080–U+009F) as U+FFFD, as the interface draws them. The
 * stream is line-buffered; fclose flushes it into `to` (which stays
 * open). NULL when it cannot be made (the caller keeps `to`).
 */
FILE *jx_term_out_open(FILE *to);

#endif
