#!/bin/sh
# signals.sh — SIGTERM, SIGHUP and SIGINT (C-c typed) stop jixiao: it
# exits by itself (not killed by the signal's default action, no crash),
# and the terminal is restored, also when the signal comes while a prompt
# or the help screen is open.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# stopped SIG NUMBER DESC: jixiao has exited after signal SIG and left the
# terminal as it was. Its status is what it chooses to say: 0, or 128 + the
# signal's number as a shell reports a process the signal killed; anything
# else (a crash, a sanitizer's report) fails.
stopped() {
	wait_exit
	case $JX_STATUS in
	0 | $((128 + $2)))
		pass "$3: jixiao exits (status $JX_STATUS)"
		;;
	*)
		fail "$3: jixiao exits (status $JX_STATUS)"
		echo "# expected status 0 or $((128 + $2)); the screen:"
		diag <"$JX_RUN/screen"
		jx_sanitizer_logs
		;;
	esac
	restored "$3: the terminal is restored"
	screen_lacks "│" "$3: nothing of the panes is left on the screen"
	line_has 1 "EXITED" "$3: the shell's next line is at the top of the normal screen"
}

start 80 24 --db t.db
keys Down Tab
kill -TERM "$(jx_pid)"
stopped TERM 15 "SIGTERM"

start 80 24 --db t.db
keys Down
kill -HUP "$(jx_pid)"
stopped HUP 1 "SIGHUP"

start 80 24 --db t.db
jx_tmux send-keys -t jx C-c
stopped INT 2 "C-c (SIGINT)"

start 80 24 --db t.db
keys / -l 满意
kill -TERM "$(jx_pid)"
stopped TERM 15 "SIGTERM while typing a search"

start 80 24 --db t.db
keys '?'
kill -HUP "$(jx_pid)"
stopped HUP 1 "SIGHUP in the help screen"

start 160 48 --db t.db
keys y
kill -TERM "$(jx_pid)"
stopped TERM 15 "SIGTERM in the list of years, at 160x48"

done_testing
