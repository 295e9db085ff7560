#!/bin/sh
# terminal.sh — on a terminal, a control character held by a record (in a
# file another program wrote: import refuses them) is shown, not acted
# on, on stdout and stderr alike; through a pipe the bytes stay as they
# are. The terminal is a pseudo-terminal made by script(1).
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null || ! command -v sqlite3 >/dev/null; then
	skip "control characters on a terminal" "needs script(1) and sqlite3"
	done_testing
fi

ESC=$(printf '\033')
samples_db s.db
# A name that would retitle the window (ESC ] … BEL), then C1's CSI, a
# carriage return and DEL.
sqlite3 s.db "UPDATE indicator SET name = '资金' || char(27) || ']0;pwned'
	|| char(7) || '尾' || char(155) || 'a' || char(13) || 'b' || char(127)
	WHERE id = (SELECT min(id) FROM indicator)" ||
	bail_out "sqlite3 could not change the name"

# on_tty FILE CMD…: runs CMD on a pseudo-terminal, its screen (stdout and
# stderr as the terminal got them, line ends as \n) into FILE.
on_tty() {
	out=$1; shift
	printf '%s\n' "$*" >cmd.sh
	script -qec "sh ./cmd.sh" /dev/null </dev/null | tr -d '\r' >"$out"
}

on_tty tty.out "'$JIXIAO' --db s.db search pwned"
run cat tty.out
out_has "on a terminal: ESC and BEL in caret notation" "资金^[]0;pwned^G尾"
out_has "on a terminal: C1 as U+FFFD, DEL as ^? (CR: TSV's \\r)" '尾�a\rb^?'
is "on a terminal: no ESC byte reaches it" 0 "$(grep -c "$ESC" tty.out)"

jx --db s.db search pwned
out_has "through a pipe: the bytes as they are" \
	"资金${ESC}]0;pwned$(printf '\007')尾$(printf '\302\233')a"

on_tty tty.err "'$JIXIAO' --db s.db show 'x${ESC}[2J' 2023 1"
run cat tty.err
out_has "stderr on a terminal: the argument quoted in caret notation" \
	"no department matches 'x^[[2J'"
is "stderr on a terminal: no ESC byte" 0 "$(grep -c "$ESC" tty.err)"

done_testing
