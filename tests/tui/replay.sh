#!/bin/sh
# replay.sh — the interface's own screen, replayed from key files at 80x24
# and 160x48 (JIXIAO_REPLAY, JIXIAO_DUMP): the first screen, moving, zoom,
# search, help, the compare view and its indicators, compared line by line
# with the screens checked in under tests/data/screens/. No terminal and no
# timing is involved, so these run anywhere.
#
# After an intended change of the screen, regenerate with
#   JX_REGEN=1 make check TESTS=tests/tui/replay.sh
# and review the diff of tests/data/screens/ before committing it.
. "$(dirname "$0")/../cli/lib.sh"

SCREENS="$JX_TEST_DATA/screens"

jx_ok --db s.db init --demo

# replay NAME COLUMNS LINES KEY... — runs the keys, compares the screen.
replay() {
	rp_name=$1 rp_cols=$2 rp_lines=$3
	shift 3
	: >keys.txt
	for rp_key in "$@"; do
		printf '%s\n' "$rp_key" >>keys.txt
	done
	LINES=$rp_lines COLUMNS=$rp_cols TERM=xterm-256color \
		JIXIAO_REPLAY=keys.txt JIXIAO_DUMP="$rp_name.screen" \
		"$JIXIAO" --db s.db </dev/null >/dev/null 2>err.txt
	rp_status=$?
	if [ $rp_status -ne 0 ]; then
		fail "$rp_name: exits 0 (got $rp_status)"
		sed 's/^/# /' err.txt
		return
	fi
	if [ -n "${JX_REGEN:-}" ]; then
		cp "$rp_name.screen" "$SCREENS/$rp_name.txt"
	fi
	if cmp -s "$rp_name.screen" "$SCREENS/$rp_name.txt"; then
		pass "$rp_name: the screen is as checked in"
	else
		fail "$rp_name: the screen is as checked in"
		diff -u "$SCREENS/$rp_name.txt" "$rp_name.screen" |
			sed 's/^/# /' | head -n 60
	fi
}

replay first-80x24 80 24
replay first-160x48 160 48
replay projects-80x24 80 24 End Tab Down Down
replay zoom-indicators-80x24 80 24 End Tab Down Enter z
replay search-80x24 80 24 Tab Tab / text:满意 Enter
replay help-80x24 80 24 '?'
replay compare-80x24 80 24 End C
replay compare-diffs-160x48 160 48 End C f s
replay compare-indicators-80x24 80 24 End C Enter
replay compare-history-80x24 80 24 End C H
replay form-project-80x24 80 24 Tab e
replay grid-160x48 160 48 Tab t

done_testing
