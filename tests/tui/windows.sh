#!/bin/sh
# windows.sh — the panes read bounded windows, whatever the size of the
# database: on the 0.108 M-indicator synthetic set (bench/jixiao-gen) plus a
# 20 000-project list, a replayed session of moves, pages, year switches
# and a jump to the end may read at most a few windows of rows per key
# (the replay mode counts the rows each key read from the store). Not
# timed: counts only. The query plans behind the windows are checked by
# tests/unit/test_store (test_query_plans).
. "$(dirname "$0")/../cli/lib.sh"

# One window is 32 rows (src/tui/wlist.c); a key may move one list a
# window and reload the two lists to its right (a dozen projects, a few
# indicators) and search one row: 4 windows is generous and still tiny
# beside the lists.
BOUND=128

"$JIXIAO_GEN" --departments 200 --big-list 20000 g.db >gen.out 2>gen.err
is "the generator writes the 1/10 set (0.108 M indicators) and the big list" \
	"0" "$?"

# session NAME KEY…: replays the keys and checks every key's rows.
session() {
	s_name=$1
	shift
	: >keys.txt
	for k in "$@"; do printf '%s\n' "$k" >>keys.txt; done
	LINES=24 COLUMNS=80 TERM=xterm-256color JIXIAO_REPLAY=keys.txt \
		JIXIAO_TIMING=times.txt "$JIXIAO" --db g.db \
		</dev/null >/dev/null 2>err.txt
	is "$s_name: the session runs" "0" "$?"
	s_keys=$(grep -c '^key ' times.txt)
	# A text: line types one key per character.
	s_want=0
	while IFS= read -r k; do
		case $k in
		text:*) s_want=$((s_want + $(printf '%s' "${k#text:}" | wc -m))) ;;
		*) s_want=$((s_want + 1)) ;;
		esac
	done <keys.txt
	is "$s_name: every key was timed" "$s_want" "$s_keys"
	s_max=$(awk '$1 == "key" || $1 == "first-frame" { print $NF }' \
		times.txt | sort -n | tail -n 1)
	if [ "$s_max" -le $BOUND ]; then
		pass "$s_name: no key reads more than $BOUND rows (most: $s_max)"
	else
		fail "$s_name: no key reads more than $BOUND rows (most: $s_max)"
		sort -k4 -n times.txt | tail -n 5 | sed 's/^/# /'
	fi
}

repeat() { i=0; while [ "$i" -lt "$1" ]; do printf '%s\n' "$2"; i=$((i + 1)); done; }

# shellcheck disable=SC2046
session "moving through 202 departments" $(repeat 250 Down) $(repeat 250 Up)
# shellcheck disable=SC2046
session "paging the 20 000-project list" / text:大列表测试单位 Enter Tab \
	$(repeat 100 PgDn) End $(repeat 30 PgUp) Home
# shellcheck disable=SC2046
session "years and the end of the departments" End Home \
	$(repeat 5 '[') $(repeat 5 ']') End

rows_total=$(awk '{ s += $NF } END { print s }' times.txt)
pass "the last session read $rows_total rows in all"

done_testing
