#!/bin/sh
# locale.sh — without a UTF-8 locale (LANG and LC_ALL unset, as over SSH
# often; or LANG=C) jixiao still starts, switches to a UTF-8 locale for
# itself and says so on the status line (naming C.UTF-8); the Chinese text
# is drawn correctly and can be typed into a search. LC_ALL=C.UTF-8 wins
# over LANG=C (no notice).
. "$(dirname "$0")/lib.sh"

samples_db t.db

# fallback WHAT: the screen of a start in a non-UTF-8 locale.
fallback() {
	line_has 3 "大连高新技术" "$1: the Chinese text is drawn"
	line_has 3 "≤122人" "$1: … and the indicator target ≤122人"
	screen_has " 单位：大连高新技术产业园区七贤岭街道办事处" "$1: the detail text is drawn"
	screen_lacks "�" "$1: no replacement characters"
	screen_lacks "M-" "$1: no bytes shown as M- escapes"
	line_has '$' "C.UTF-8" "$1: the status line's notice names C.UTF-8"
	screen_fits 80 24 "$1: 24 lines of at most 80 columns"
	keys Tab Tab / -l 满意度 Enter
	line_has 1 "指标  8/8" "$1: a search typed in Chinese finds 群众对社区工作满意度"
	screen_lacks "C.UTF-8" "$1: the notice is gone after a key"
	quit_and_wait
	exit_is 0 "$1: q exits with status 0"
	restored "$1: the terminal is restored"
}

# No LANG, no LC_ALL (start passes only what JX_LANG and JX_ENV say).
JX_LANG=
start 80 24 --db t.db
fallback "LANG and LC_ALL unset"

JX_LANG=C
start 80 24 --db t.db
fallback "LANG=C"

JX_ENV=LC_ALL=C.UTF-8
start 80 24 --db t.db
line_has 3 "大连高新技术" "LANG=C LC_ALL=C.UTF-8: the Chinese text is drawn"
screen_lacks "not UTF-8" "LANG=C LC_ALL=C.UTF-8: no notice"
quit_and_wait
exit_is 0 "LANG=C LC_ALL=C.UTF-8: q exits with status 0"

done_testing
