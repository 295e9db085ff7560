# lib.sh — helpers for jixiao's full-screen tests, which drive the real
# program in tmux. Sourced, not run.
#
# Each tests/tui/NAME.sh tests one behaviour: it sources this file, starts
# jixiao in a private tmux server, sends keys, looks at the screen and
# prints TAP ("ok N - what" / "not ok N - what" with "# " diagnostics, then
# the plan from done_testing). The TAP helpers, the hermetic temporary
# directory and the set-up helpers come from tests/cli/lib.sh, which this
# file sources (pass, fail, skip, is, diag, bail_out, done_testing, jx,
# jx_ok, samples_db, columns_line_up; see there).
#
# Environment: everything of tests/cli/lib.sh (a fresh temporary directory,
# HOME and the XDG directories inside it, TZ=UTC, JIXIAO_USER=tester,
# JIXIAO_NOW fixed), plus a private tmux server (tmux -L jxtest$$ -f
# /dev/null, its socket in the temporary directory, killed on exit). The
# program runs in the pane with exactly the environment start gives it
# (env -i): PATH, HOME, the XDG directories, TZ, JIXIAO_USER, JIXIAO_NOW,
# TERM=$JX_TERM (xterm-256color), LANG=$JX_LANG (C.UTF-8; empty: no LANG),
# the sanitizer options (reports go to files shown on failure; LeakSanitizer
# gets tests/data/tui/lsan.supp, a leak inside ncurses), JIXIAO_IDLE_FILE,
# the assignments in $JX_ENV, and the command prefix $JX_WRAP (valgrind).
# Set JX_TERM, JX_LANG and JX_ENV as plain assignments: they stay for every
# start after.
#
# Nothing sleeps for a fixed time. jixiao writes the number of keys it has
# handled to $JIXIAO_IDLE_FILE each time it has drawn everything and waits
# for input; keys counts what it sends and polls that file (0.02 s steps, up
# to $JX_TUI_TIMEOUT seconds, default 10, taken from the environment for a
# slow machine). A capture is repeated until two in a row are the same, so
# that tmux has read all of the program's output. JX_KEEP=1 keeps the
# temporary directory (as in tests/cli/lib.sh).
#
# Starting and stopping (the session is called jx; one at a time):
#   start W H [ARG...]     runs jixiao ARG... in a W x H pane and waits until
#                          it is idle; then captures the screen
#   launch W H [ARG...]    the same without waiting (for a program that is
#                          expected to exit at once)
#   keys TOKEN...          sends keys, each token one tmux key name (Down,
#                          Tab, BTab, Enter, Escape, BSpace, C-l, NPage, q …)
#                          or "-l TEXT" (literal text, one key per
#                          character); waits until jixiao has handled them
#                          all, then captures the screen. An Escape is sent
#                          on its own (jixiao reads Esc + key as Alt + key).
#   keys_hex HEX...        sends bytes as they are (tmux send-keys -H), for
#                          text that is not UTF-8; counts the keys jixiao
#                          reads from them as src/tui/term.c decodes (a
#                          whole UTF-8 sequence, a stray byte, or a
#                          sequence cut short is one key; no 1b: Esc + a
#                          byte is one Alt key), waits, captures
#   resize W H             resizes the window (one KEY_RESIZE), waits,
#                          captures
#   quit_and_wait          sends q and waits until the program has exited
#   wait_exit              waits until the program has exited (signals,
#                          programs that refuse to start)
#   jx_pid                 prints the pid of the running jixiao
#   use_session NAME       from now on the helpers drive the session NAME
#                          (a second program on the same file); "jx" is
#                          the first
#
# The pane runs jixiao through a wrapper that records the terminal modes
# (stty -g) before and after, the pid, and the exit status, and then prints
# "EXITED N" on the terminal. After the program has exited:
#   exit_is N DESC         its exit status is N
#   restored DESC          the terminal is as it was: the same stty modes,
#                          the alternate screen left, the cursor visible,
#                          the keypad back in normal mode
#
# The screen (the last capture; lines numbered from 1, trailing blanks
# dropped; line drawing in the alternate character set is shown as ─ │ …):
#   screen                 captures it again (to $JX_RUN/screen; with the
#                          attributes as escape sequences in screen.e)
#   screen_has TEXT DESC / screen_lacks TEXT DESC
#   screen_matches ERE DESC  a line matches the extended regular expression
#   line_is N TEXT DESC    line N is exactly TEXT ('$' is the last line)
#   line_has N TEXT DESC   line N contains TEXT
#   line_lacks N TEXT DESC line N does not contain TEXT
#   line N                 prints line N
#   screen_is DESC <<EOF   the whole screen is the here-document (trailing
#                          empty lines of both ignored); a diff on failure
#   screen_matches_file DESC FILE [RANGE]
#                          the same against a checked-in file (only the
#                          lines in RANGE, a sed address like 1,59, if
#                          given); with JX_REGEN=1 the file is rewritten
#   col_of TEXT [N]        prints the display column (from 0; a Chinese
#                          character is two) where TEXT first starts on the
#                          screen (on line N if given); nothing if absent
#   cols_of TEXT N         prints the display columns where TEXT starts on
#                          line N, separated by spaces
#   line_of TEXT           prints the number of the first line with TEXT
#   screen_fits W H DESC   exactly H lines, none wider than W columns
#   column_starts DESC COL FIRST LAST
#                          on each line FIRST..LAST a column starts at
#                          display column COL: a blank (or a border │, or
#                          the edge) at COL-1 and something at COL
#   column_ends DESC COL FIRST LAST
#                          the same for a column ending at COL
#   width_of TEXT          prints the display width of TEXT
#   need_python            skips the whole script without python3 (the
#                          width helpers print nothing then, and the
#                          assertions above are skipped)
#
# Data:
#   tui_fixture NAME...    copies tests/data/tui/NAME into the directory

# shellcheck disable=SC1091
. "$(dirname "$0")/../cli/lib.sh"

JX_TUI_DATA=$JX_TEST_DATA/tui
[ -d "$JX_TUI_DATA" ] || bail_out "no test data at $JX_TUI_DATA"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not found"
	exit 0
fi
# Display widths are measured with python3's unicodedata; without python3
# the assertions that need them are skipped (need_python skips a script).
if command -v python3 >/dev/null 2>&1; then
	JX_PY=yes
else
	JX_PY=
fi

need_python() {
	if [ -z "$JX_PY" ]; then
		echo "1..0 # SKIP python3 not found"
		exit 0
	fi
}

XDG_CONFIG_HOME=$JX_TMP/home/.config
XDG_STATE_HOME=$JX_TMP/home/.local/state
XDG_CACHE_HOME=$JX_TMP/home/.cache
TMUX_TMPDIR=$JX_TMP
export XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME TMUX_TMPDIR
unset TMUX TMUX_PANE JIXIAO_AMBIGUOUS_WIDE JIXIAO_IDLE_FILE ESCDELAY \
	TERMINFO TERMINFO_DIRS NCURSES_NO_UTF8_ACS

: "${JX_TUI_TIMEOUT:=10}"
JX_TERM=xterm-256color
JX_LANG=C.UTF-8
JX_ENV=
JX_WRAP=
JX_SOCKET=jxtest$$
JX_SESSION=jx
JX_SDIR=$JX_TMP
JX_IDLE=$JX_TMP/idle
JX_KEYS=0
JX_STUCK=
JX_STATUS=

jx_tmux() {
	tmux -L "$JX_SOCKET" -f /dev/null "$@"
}

if [ -n "${JX_KEEP:-}" ]; then
	trap 'jx_tmux kill-server >/dev/null 2>&1; echo "# kept $JX_TMP"' EXIT
else
	trap 'jx_tmux kill-server >/dev/null 2>&1; cd / && rm -rf "$JX_TMP"' EXIT
fi

# The wrapper the pane runs: modes before, the program (its pid recorded),
# modes after, "EXITED N" on the terminal, the status; then it stays, so
# that the pane keeps showing what the terminal was left with (a dead pane
# would get tmux's own "Pane is dead" line, which scrolls the screen).
cat >"$JX_TMP/run.sh" <<'EOF'
#!/bin/sh
# C-c sends SIGINT to the whole foreground group: the wrapper outlives it
# (a caught signal is back to its default in the program).
trap : INT
dir=$1
shift
stty -g >"$dir/stty.before" 2>&1
sh -c 'echo $$ >"$0/pid"; exec "$@"' "$dir" "$@"
status=$?
stty -g >"$dir/stty.after" 2>&1
echo "EXITED $status"
echo "$status" >"$dir/status.tmp" && mv "$dir/status.tmp" "$dir/status"
exec sleep 100000
EOF
chmod +x "$JX_TMP/run.sh"

# ---- starting ---------------------------------------------------------------

launch() {
	jx_w=$1
	jx_h=$2
	shift 2
	jx_tmux kill-session -t "$JX_SESSION" >/dev/null 2>&1
	rm -f "$JX_IDLE" "$JX_SDIR/pid" "$JX_SDIR/status" "$JX_SDIR/stty.before" \
		"$JX_SDIR/stty.after" "$JX_TMP"/asan.* "$JX_TMP"/ubsan.*
	JX_KEYS=0
	JX_STUCK=
	JX_STATUS=running
	JX_CMD="jixiao $* (${jx_w}x$jx_h, TERM=$JX_TERM LANG=$JX_LANG $JX_ENV)"
	# JX_ENV and JX_WRAP are split into words on purpose.
	# shellcheck disable=SC2086
	set -- env -i PATH="$PATH" HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
		XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		XDG_STATE_HOME="$XDG_STATE_HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" \
		TZ=UTC JIXIAO_USER="$JIXIAO_USER" JIXIAO_NOW="$JIXIAO_NOW" \
		JIXIAO_IDLE_FILE="$JX_IDLE" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$JX_TMP/asan" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$JX_TMP/ubsan" \
		LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$JX_TUI_DATA/lsan.supp:print_suppressions=0" \
		${JX_TERM:+TERM="$JX_TERM"} ${JX_LANG:+LANG="$JX_LANG"} \
		$JX_ENV ${JX_WRAP:-} "$JIXIAO" "$@"
	# exit-empty off: the server stays between sessions (a server that is
	# exiting after kill-session would refuse the next one); remain-on-exit
	# (set before the pane starts) keeps the screen readable should the
	# wrapper itself die.
	if ! jx_tmux set-option -s exit-empty off \; \
		set-option -g remain-on-exit on \; \
		new-session -d -s "$JX_SESSION" -x "$jx_w" -y "$jx_h" -c "$JX_WORK" \
		"$JX_TMP/run.sh" "$JX_SDIR" "$@" 2>"$JX_RUN/tmux.err"; then
		diag <"$JX_RUN/tmux.err"
		bail_out "tmux new-session failed"
	fi
}

start() {
	launch "$@"
	wait_idle
	screen
}

# Two programs at once (two people on one file): use_session NAME makes
# every helper above talk to the tmux session NAME, with its own key count,
# idle file and exit status; the first session is "jx".
use_session() {
	eval "JX_KEYS_$JX_SESSION=\$JX_KEYS"
	JX_SESSION=$1
	if [ "$1" = jx ]; then
		JX_SDIR=$JX_TMP
	else
		JX_SDIR=$JX_TMP/session.$1
		mkdir -p "$JX_SDIR"
	fi
	JX_IDLE=$JX_SDIR/idle
	eval "JX_KEYS=\${JX_KEYS_$1:-0}"
	JX_STUCK=
}

# ---- keys -----------------------------------------------------------------

# True while jixiao runs in the pane.
jx_alive() {
	[ ! -f "$JX_SDIR/status" ] &&
		[ "$(jx_tmux display-message -p -t "$JX_SESSION" '#{pane_dead}' 2>/dev/null)" = 0 ]
}

# Waits until jixiao has handled JX_KEYS keys and is idle.
wait_idle() {
	[ -z "$JX_STUCK" ] || return 1
	jx_i=0
	jx_steps=$((JX_TUI_TIMEOUT * 50))
	while :; do
		jx_n=$(cat "$JX_IDLE" 2>/dev/null)
		case $jx_n in
		'' | *[!0-9]*) ;;
		*) [ "$jx_n" -lt "$JX_KEYS" ] || return 0 ;;
		esac
		jx_i=$((jx_i + 1))
		if [ $((jx_i % 25)) -eq 0 ] && ! jx_alive; then
			jx_why="the program exited"
			break
		fi
		if [ "$jx_i" -ge "$jx_steps" ]; then
			jx_why="timed out after ${JX_TUI_TIMEOUT}s"
			break
		fi
		sleep 0.02
	done
	JX_STUCK=yes
	fail "jixiao handles $JX_KEYS keys and waits for input"
	echo "# $jx_why; the idle file says '${jx_n}'; the screen:"
	screen
	diag <"$JX_RUN/screen"
	jx_sanitizer_logs
	return 1
}

jx_chars() {
	printf '%s' "$1" | wc -m | tr -d ' '
}

keys() {
	while [ $# -gt 0 ]; do
		case $1 in
		-l)
			jx_tmux send-keys -t "$JX_SESSION" -l -- "$2"
			JX_KEYS=$((JX_KEYS + $(jx_chars "$2")))
			shift
			;;
		Home | End)
			# tmux sends ESC [ 1 ~ and ESC [ 4 ~, which xterm-256color's
			# terminfo does not name; send what an xterm sends.
			case $JX_TERM:$1 in
			xterm*:Home) jx_tmux send-keys -t "$JX_SESSION" -H 1b 4f 48 ;;
			xterm*:End) jx_tmux send-keys -t "$JX_SESSION" -H 1b 4f 46 ;;
			*) jx_tmux send-keys -t "$JX_SESSION" "$1" ;;
			esac
			JX_KEYS=$((JX_KEYS + 1))
			;;
		Escape | C-\[)
			jx_tmux send-keys -t "$JX_SESSION" "$1"
			JX_KEYS=$((JX_KEYS + 1))
			wait_idle
			;;
		*)
			jx_tmux send-keys -t "$JX_SESSION" "$1"
			JX_KEYS=$((JX_KEYS + 1))
			;;
		esac
		shift
	done
	wait_idle
	screen
}

# The number of keys jixiao reads from the bytes HEX... (term.c's
# read_utf8): a byte C2..F4 starts a sequence that takes as many
# continuation bytes (80..BF) as it needs and as follow; any other byte is
# a key of its own (a stray continuation byte, C0, C1, F5..FF are each
# refused as one key; a byte that breaks a sequence starts the next key).
jx_hex_keys() {
	jx_n=0
	jx_need=0
	for jx_h in "$@"; do
		jx_b=$((0x$jx_h))
		if [ "$jx_need" -gt 0 ] && [ $((jx_b & 192)) -eq 128 ]; then
			jx_need=$((jx_need - 1))
			continue
		fi
		jx_n=$((jx_n + 1))
		jx_need=0
		if [ "$jx_b" -ge 240 ] && [ "$jx_b" -le 244 ]; then
			jx_need=3
		elif [ "$jx_b" -ge 224 ] && [ "$jx_b" -le 239 ]; then
			jx_need=2
		elif [ "$jx_b" -ge 194 ] && [ "$jx_b" -le 223 ]; then
			jx_need=1
		fi
	done
	echo "$jx_n"
}

keys_hex() {
	jx_tmux send-keys -t "$JX_SESSION" -H "$@"
	JX_KEYS=$((JX_KEYS + $(jx_hex_keys "$@")))
	wait_idle
	screen
}

resize() {
	jx_tmux resize-window -t "$JX_SESSION" -x "$1" -y "$2"
	JX_KEYS=$((JX_KEYS + 1))
	wait_idle
	screen
}

jx_pid() {
	cat "$JX_SDIR/pid" 2>/dev/null
}

# ---- exiting ----------------------------------------------------------------

wait_exit() {
	jx_i=0
	jx_steps=$((JX_TUI_TIMEOUT * 50))
	while jx_alive; do
		jx_i=$((jx_i + 1))
		if [ "$jx_i" -ge "$jx_steps" ]; then
			fail "jixiao exits"
			echo "# still running after ${JX_TUI_TIMEOUT}s; the screen:"
			screen
			diag <"$JX_RUN/screen"
			JX_STATUS=running
			return 1
		fi
		sleep 0.02
	done
	JX_STATUS=$(cat "$JX_SDIR/status" 2>/dev/null)
	screen
}

quit_and_wait() {
	jx_tmux send-keys -t "$JX_SESSION" q
	wait_exit
}

jx_sanitizer_logs() {
	for jx_f in "$JX_TMP"/asan.* "$JX_TMP"/ubsan.*; do
		[ -f "$jx_f" ] || continue
		echo "# $jx_f:"
		head -n 60 "$jx_f" | diag
	done
}

exit_is() {
	if [ "$JX_STATUS" = "$1" ]; then
		pass "$2"
	else
		fail "$2"
		echo "# expected exit status $1, got '${JX_STATUS}'; the screen:"
		diag <"$JX_RUN/screen"
		jx_sanitizer_logs
	fi
}

jx_format() {
	jx_tmux display-message -p -t "$JX_SESSION" "$1" 2>/dev/null
}

restored() {
	jx_what=
	if ! cmp -s "$JX_SDIR/stty.before" "$JX_SDIR/stty.after"; then
		jx_what="$jx_what; stty modes differ: $(cat "$JX_SDIR/stty.before") -> $(cat "$JX_SDIR/stty.after" 2>/dev/null)"
	fi
	[ "$(jx_format '#{alternate_on}')" = 0 ] ||
		jx_what="$jx_what; still on the alternate screen"
	[ "$(jx_format '#{cursor_flag}')" = 1 ] ||
		jx_what="$jx_what; the cursor is hidden"
	[ "$(jx_format '#{keypad_cursor_flag}#{keypad_flag}')" = 00 ] ||
		jx_what="$jx_what; the keypad is still in application mode"
	grep -q '^EXITED ' "$JX_RUN/screen" ||
		jx_what="$jx_what; the shell's EXITED line is not on the screen"
	if [ -z "$jx_what" ]; then
		pass "$1"
	else
		fail "$1"
		echo "# ${jx_what#; }; the screen:"
		diag <"$JX_RUN/screen"
	fi
}

# ---- the screen -------------------------------------------------------------

# capture-pane -e marks the alternate character set with SO/SI; the plain
# text is made from it with the line-drawing letters as box characters.
jx_plain() {
	awk '
BEGIN { acs = 0
	m["q"] = "─"; m["x"] = "│"; m["l"] = "┌"; m["k"] = "┐"; m["m"] = "└"
	m["j"] = "┘"; m["t"] = "├"; m["u"] = "┤"; m["w"] = "┬"; m["v"] = "┴"
	m["n"] = "┼"
	so = sprintf("%c", 14); si = sprintf("%c", 15) }
function conv(t,   r, i, c) {
	if (!acs)
		return t
	r = ""
	for (i = 1; i <= length(t); i++) {
		c = substr(t, i, 1)
		r = r ((c in m) ? m[c] : c)
	}
	return r
}
{
	s = $0
	gsub(/\033\[[0-9;:]*m/, "", s)
	out = ""
	while (s != "") {
		i = index(s, so); j = index(s, si)
		if (i == 0 || (j > 0 && j < i))
			i = j
		if (i == 0) {
			out = out conv(s)
			break
		}
		out = out conv(substr(s, 1, i - 1))
		acs = (substr(s, i, 1) == so)
		s = substr(s, i + 1)
	}
	sub(/ +$/, "", out)
	print out
}'
}

screen() {
	jx_tmux capture-pane -p -e -t "$JX_SESSION" >"$JX_RUN/screen.e" 2>&1
	jx_i=0
	while [ "$jx_i" -lt 50 ]; do
		jx_tmux capture-pane -p -e -t "$JX_SESSION" >"$JX_RUN/screen.e2" 2>&1
		cmp -s "$JX_RUN/screen.e" "$JX_RUN/screen.e2" && break
		mv "$JX_RUN/screen.e2" "$JX_RUN/screen.e"
		jx_i=$((jx_i + 1))
	done
	jx_plain <"$JX_RUN/screen.e" >"$JX_RUN/screen"
}

screen_has() {
	if grep -qF -- "$1" "$JX_RUN/screen"; then
		pass "$2"
	else
		fail "$2"
		printf '# expected the screen to contain: %s\n# the screen:\n' "$1"
		diag <"$JX_RUN/screen"
	fi
}

screen_lacks() {
	if grep -qF -- "$1" "$JX_RUN/screen"; then
		fail "$2"
		printf '# expected the screen not to contain: %s\n# the screen:\n' "$1"
		diag <"$JX_RUN/screen"
	else
		pass "$2"
	fi
}

screen_matches() {
	if grep -qE -- "$1" "$JX_RUN/screen"; then
		pass "$2"
	else
		fail "$2"
		printf '# expected a line of the screen to match: %s\n# the screen:\n' "$1"
		diag <"$JX_RUN/screen"
	fi
}

line() {
	if [ "$1" = '$' ]; then
		sed -n '$p' "$JX_RUN/screen"
	else
		sed -n "$1p" "$JX_RUN/screen"
	fi
}

line_is() {
	jx_line=$(line "$1")
	if [ "$jx_line" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		printf '# expected line %s to be:\n#   %s|\n# it is:\n#   %s|\n# the screen:\n' \
			"$1" "$2" "$jx_line"
		diag <"$JX_RUN/screen"
	fi
}

line_has() {
	jx_line=$(line "$1")
	case $jx_line in
	*"$2"*) pass "$3" ;;
	*)
		fail "$3"
		printf '# expected line %s to contain: %s\n# the screen:\n' "$1" "$2"
		diag <"$JX_RUN/screen"
		;;
	esac
}

line_lacks() {
	jx_line=$(line "$1")
	case $jx_line in
	*"$2"*)
		fail "$3"
		printf '# expected line %s not to contain: %s\n# the screen:\n' "$1" "$2"
		diag <"$JX_RUN/screen"
		;;
	*) pass "$3" ;;
	esac
}

# Drops trailing empty lines.
jx_trim_end() {
	awk '{ l[NR] = $0 } $0 != "" { last = NR } END { for (i = 1; i <= last; i++) print l[i] }'
}

screen_is() {
	jx_trim_end >"$JX_RUN/expected"
	jx_trim_end <"$JX_RUN/screen" >"$JX_RUN/actual"
	if cmp -s "$JX_RUN/expected" "$JX_RUN/actual"; then
		pass "$1"
	else
		fail "$1"
		echo "# expected vs actual screen (- expected, + actual):"
		(cd "$JX_RUN" && diff -u expected actual) | sed '1,2d' | diag
	fi
}

screen_matches_file() {
	sed -n "${3:-1,\$}p" "$JX_RUN/screen" | jx_trim_end >"$JX_RUN/actual"
	if [ -n "${JX_REGEN:-}" ]; then
		cp "$JX_RUN/actual" "$2"
		skip "$1" "regenerated $2"
		return 0
	fi
	if cmp -s "$2" "$JX_RUN/actual"; then
		pass "$1"
	else
		fail "$1"
		echo "# expected ($2) vs actual screen (- expected, + actual):"
		diff -u "$2" "$JX_RUN/actual" | sed '1,2d' | diag
		echo "# if the new screen is right, regenerate the file with:"
		echo "#   JX_REGEN=1 JIXIAO=$JIXIAO $0"
	fi
}

# python3 FILE ARG...: helpers measuring display width (East Asian wide and
# full-width characters take two columns, combining marks none).
jx_width_py() {
	[ -n "$JX_PY" ] || return 0
	python3 -c '
import sys
import unicodedata


def width(text):
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


what = sys.argv[1]
if what == "width":
    print(width(sys.argv[2]))
    sys.exit(0)
with open(sys.argv[2], encoding="utf-8") as f:
    lines = f.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
if what == "col":
    text = sys.argv[3]
    only = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] else 0
    for number, line in enumerate(lines, 1):
        if only and number != only:
            continue
        at = line.find(text)
        if at >= 0:
            print(width(line[:at]))
            break
elif what == "cols":
    text, number = sys.argv[3], int(sys.argv[4])
    line = lines[number - 1] if number <= len(lines) else ""
    found, at = [], line.find(text)
    while at >= 0:
        found.append(str(width(line[:at])))
        at = line.find(text, at + len(text))
    print(" ".join(found))
elif what in ("starts", "ends"):
    # Every line of first..last has a column starting (ending) at col: a
    # non-blank cell there and a blank cell, a pane border or the edge of
    # the screen before (after).
    col, first, last = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    bad = []
    for number in range(first, last + 1):
        line = lines[number - 1] if number <= len(lines) else ""
        cells = []
        for ch in line:
            w = width(ch)
            if w == 0:
                continue
            cells += [ch] + [""] * (w - 1)
        def at(c):
            if c < 0:
                return " "
            if c >= len(cells):
                return " "
            return cells[c]
        inside, edge = (col, col - 1) if what == "starts" else (col, col + 1)
        if at(inside) in (" ", "│") or at(edge) not in (" ", "│"):
            bad.append("line %d: %r|%r at columns %d|%d: %s" % (
                number, at(min(inside, edge)), at(max(inside, edge)),
                min(inside, edge), max(inside, edge), line))
    print("\n".join(bad))
elif what == "fits":
    w, h = int(sys.argv[3]), int(sys.argv[4])
    bad = ["%d lines, not %d" % (len(lines), h)] if len(lines) != h else []
    bad += ["line %d is %d columns wide: %s" % (n, width(l), l)
            for n, l in enumerate(lines, 1) if width(l) > w]
    print("\n".join(bad))
' "$@"
}

col_of() {
	jx_width_py col "$JX_RUN/screen" "$1" "${2:-}"
}

cols_of() {
	jx_width_py cols "$JX_RUN/screen" "$1" "$2"
}

line_of() {
	grep -nF -- "$1" "$JX_RUN/screen" | head -n 1 | cut -d: -f1
}

width_of() {
	jx_width_py width "$1"
}

# column_starts DESC COL FIRST LAST: on every line FIRST..LAST a column
# starts at display column COL (from 0): something there, a blank (or a
# pane border │, or the screen's edge) just before it. column_ends:
# something at COL, a blank, a border or the edge just after it.
column_starts() {
	jx_columns starts "$@"
}

column_ends() {
	jx_columns ends "$@"
}

jx_columns() {
	if [ -z "$JX_PY" ]; then
		skip "$2" "python3 not found"
		return 0
	fi
	jx_bad=$(jx_width_py "$1" "$JX_RUN/screen" "$3" "$4" "$5")
	if [ -n "$3" ] && [ -z "$jx_bad" ]; then
		pass "$2"
	else
		fail "$2"
		printf '%s\n' "${jx_bad:-no column given}" | diag
		echo "# the screen:"
		diag <"$JX_RUN/screen"
	fi
}

screen_fits() {
	if [ -z "$JX_PY" ]; then
		skip "$3" "python3 not found"
		return 0
	fi
	jx_bad=$(jx_width_py fits "$JX_RUN/screen" "$1" "$2")
	if [ -z "$jx_bad" ]; then
		pass "$3"
	else
		fail "$3"
		printf '%s\n' "$jx_bad" | diag
		echo "# the screen:"
		diag <"$JX_RUN/screen"
	fi
}

# ---- data -------------------------------------------------------------------

tui_fixture() {
	for jx_f in "$@"; do
		cp "$JX_TUI_DATA/$jx_f" . || bail_out "no fixture $jx_f"
	done
}
