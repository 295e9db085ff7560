#!/bin/sh
# term.sh — terminals: TERM=vt100 (no colours, no alternate screen) draws
# the panes and shows the selection in reverse video, and quitting clears
# them away and leaves the terminal usable; an unknown TERM falls back to a
# known type with a notice naming both (under the sanitizers too: see
# tests/data/tui/lsan.supp); NO_COLOR=1 draws without colours; the default
# xterm-256color uses colours.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# reverse_on N DESC: line N has text in reverse video (SGR 7).
reverse_on() {
	if sed -n "$1p" "$JX_RUN/screen.e" | grep -q "$(printf '\033')\[\([0-9;]*;\)\{0,1\}7[;m]"; then
		pass "$2"
	else
		fail "$2"
		echo "# line $1 with its attributes:"
		sed -n "$1p" "$JX_RUN/screen.e" | cat -v | diag
	fi
}

# colours DESC yes|no: the screen uses colours (SGR 30-37, 38;…) or not.
colours() {
	if grep -q "$(printf '\033')\[\([0-9;]*;\)\{0,1\}3[0-8][;m]" "$JX_RUN/screen.e"; then
		jx_has=yes
	else
		jx_has=no
	fi
	if [ "$jx_has" = "$2" ]; then
		pass "$1"
	else
		fail "$1"
		echo "# expected colours: $2; the first lines with their attributes:"
		head -n 3 "$JX_RUN/screen.e" | cat -v | diag
	fi
}

JX_TERM=xterm-256color
start 80 24 --db t.db
colours "xterm-256color: the titles are in colour" yes
reverse_on 3 "xterm-256color: the selected department is in reverse video"
quit_and_wait

JX_TERM=vt100
start 80 24 --db t.db
line_has 1 "单位  1/3" "vt100: the panes' titles are drawn"
line_has 3 "大连高新技术" "vt100: the departments are drawn"
line_has 3 "1661" "vt100: the projects are drawn"
line_has 3 "≤122人" "vt100: the indicators are drawn"
line_is 16 "$(printf '%80s' '' | sed 's/ /─/g')" "vt100: the separator line is drawn"
screen_fits 80 24 "vt100: 24 lines of at most 80 columns"
reverse_on 3 "vt100: the selected department is in reverse video"
colours "vt100: no colours" no
keys Tab Down
line_has 1 "项目 2026  2/10" "vt100: keys work (Tab, Down)"
reverse_on 4 "vt100: the selected project is in reverse video"
keys Up
line_has 1 "项目 2026  1/10" "vt100: Up works"
quit_and_wait
exit_is 0 "vt100: q exits with status 0"
restored "vt100: the terminal is restored (modes, cursor, keypad)"
screen_lacks "单位" "vt100: the panes are cleared away (there is no alternate screen to leave)"
screen_lacks "│" "vt100: … the borders too"
jx_trim_end <"$JX_RUN/screen" | sed -n '$p' >"$JX_RUN/lastline"
is "vt100: the shell's next line is the last on the screen" \
	"EXITED 0" "$(cat "$JX_RUN/lastline")"

JX_TERM=nonexistent-term
start 80 24 --db t.db
line_has '$' "nonexistent-term" "unknown TERM: the notice names the terminal type"
line_has '$' "xterm-256color" "unknown TERM: … and the one used instead"
line_has 3 "大连高新技术" "unknown TERM: the panes are drawn"
keys Down
line_has 1 "单位  2/3" "unknown TERM: keys work"
quit_and_wait
exit_is 0 "unknown TERM: q exits with status 0"
restored "unknown TERM: the terminal is restored"

JX_TERM=xterm-256color
JX_ENV=NO_COLOR=1
start 80 24 --db t.db
colours "NO_COLOR=1: no colours" no
reverse_on 3 "NO_COLOR=1: the selection is still shown in reverse video"
line_has 1 "单位  1/3" "NO_COLOR=1: the panes are drawn"
keys Tab Tab d
line_has '$' "Delete the indicator" "NO_COLOR=1: messages are shown"
keys n
quit_and_wait
exit_is 0 "NO_COLOR=1: q exits with status 0"
restored "NO_COLOR=1: the terminal is restored"

done_testing
