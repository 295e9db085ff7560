#!/bin/sh
# quit.sh — q exits with status 0 and leaves the terminal as it was: the
# same stty modes, the normal screen back (nothing of the panes on it), the
# cursor visible, the keypad in normal mode. Also from a zoomed pane, after
# a search, at 160x48; in the help screen and a prompt q does not quit.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# quit_restores DESC: after q, the program has exited 0 and the terminal
# is restored.
quit_restores() {
	quit_and_wait
	exit_is 0 "$1: q exits with status 0"
	restored "$1: the terminal is restored"
	line_is 1 "EXITED 0" "$1: the shell's next line is at the top of the normal screen"
	screen_lacks "单位" "$1: nothing of the panes is left on the screen"
	screen_lacks "│" "$1: no pane borders are left on the screen"
}

start 80 24 --db t.db
quit_restores "at once"

start 80 24 --db t.db
keys Down Tab Down z
quit_restores "zoomed"

start 160 48 --db t.db
keys Tab Tab / -l 满意度 Enter
quit_restores "at 160x48 after a search"

start 80 24 --db t.db
keys '?' q
line_has 1 "单位  1/3" "q in the help screen closes it, the program goes on"
keys / q
line_has '$' "/q" "q in a search prompt is typed"
keys Escape
keys y q
line_has 1 "单位  1/3" "q in the list of years does not quit the program"
screen_lacks "[2026]" "q closes the list of years, as the help says (\"Quit (or close the help or a list)\")"
keys Escape
quit_restores "after help and prompts"

done_testing
