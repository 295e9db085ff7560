#!/bin/sh
# valgrind.sh — a short session (moving, a search, zoom, the help screen,
# a year step, a resize, editing in forms and the grid, undo, quit) under
# valgrind: no memory errors and no definite leaks (ncurses keeps memory reachable until exit, which is not
# counted). Skipped without valgrind, and for a sanitizer build (the
# sanitizers check that build; valgrind cannot run it).
. "$(dirname "$0")/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	skip "the session under valgrind" "valgrind not found"
	done_testing
fi
if grep -q -e __asan_init -e __ubsan_handle "$JIXIAO"; then
	skip "the session under valgrind" "a sanitizer build"
	done_testing
fi

samples_db t.db
JX_TUI_TIMEOUT=120
JX_WRAP="valgrind --error-exitcode=99 --leak-check=full
	--errors-for-leak-kinds=definite --track-fds=no
	--log-file=$JX_TMP/valgrind.log"

start 80 24 --db t.db
line_has 1 "单位  1/3" "under valgrind: the first screen"
keys Down Down Tab Down NPage End Home Tab Down
line_has 1 "指标  2/9" "under valgrind: moving"
keys BTab / -l 经费 Enter n N
line_has 1 "项目 2021" "under valgrind: a search"
keys c -l 13030421GX31O0ACT3T7X Enter
keys z Down z
keys '?' NPage q
keys '[' ']' y Escape
resize 100 30
# Editing: a form saved, undone and redone; the grid typed into and left
# (asks first); the picker; a form left unsaved; the change history.
keys Escape Escape Tab e Tab C-a -l "改" C-s
line_has 1 "项目" "under valgrind: a form saved"
keys u C-r L
keys t -l "x" C-t Escape Escape y
keys Tab d n Tab a -l "y" Escape y
line_has 1 "单位" "under valgrind: the grid and forms left"
quit_and_wait
exit_is 0 "valgrind finds no errors and no definite leaks (exit status 0, not 99)"
if [ "$JX_STATUS" != 0 ] && [ -f "$JX_TMP/valgrind.log" ]; then
	echo "# valgrind's report:"
	grep -v '^==[0-9]*== *$' "$JX_TMP/valgrind.log" | tail -n 80 | diag
fi
restored "under valgrind: the terminal is restored"

done_testing
