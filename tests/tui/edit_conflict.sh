#!/bin/sh
# edit_conflict.sh — two people, one file: two jixiao (tmux sessions a
# and b, users tester and bob) open the form of the same indicator; b
# changes the target and saves; a changes it too and saves. a is not
# allowed to overwrite b's change unseen: the form shows "other
# version: …" under the field and the status line asks. e goes back to
# editing (nothing saved), m saves a's value over b's (both changes are
# in the change log: no lost update); in a second round, at 80x24, t
# takes b's value and closes a's form. The database is checked with the
# command line after each step.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# The target of the first indicator of 七贤岭 2026's first project.
target() {
	jx_ok --db t.db export --dept 七贤岭 --year 2026
	awk '/^  indicators:/ { i = 1 } i && /^    target: / {
		sub(/^    target: /, ""); print; exit }' "$JX_RUN/out"
}

is "at first the target is ≤122人" "≤122人" "$(target)"

# ---- round 1, at 160x48: e, then m ------------------------------------------

use_session a
start 160 48 --db t.db
keys Tab Tab e Tab Tab Tab Tab
line_has 1 "Indicator · 社区工作人员人数" "a: the form of the first indicator"

use_session b
JX_ENV="JIXIAO_USER=bob"
start 160 48 --db t.db
JX_ENV=
keys Tab Tab e Tab Tab Tab Tab C-a C-k -l "≤125人" C-s
line_has '$' "Saved 社区工作人员人数" "b: saves its target"
is "the database has b's target" "≤125人" "$(target)"

use_session a
keys C-a C-k -l "≤130人" C-s
line_has 1 "Indicator · 社区工作人员人数" "a: the form stays open"
screen_matches '^指标值\* +≤130人$' "a: its own value in the field"
screen_matches '^ +⚠ other version: ≤125人$' "a: b's value under the field"
is "a: only the field that differs is marked" 1 \
	"$(grep -c "other version:" "$JX_RUN/screen")"
line_is '$' "Changed by bob 2026-01-01T00:00:00Z: m keep mine · t take theirs · e edit" \
	"a: the status line asks, naming who changed it and when"
is "while a is asked: the database still has b's target" "≤125人" "$(target)"
screen_fits 160 48 "a: the screen fits"

keys e
line_has 1 "Indicator · 社区工作人员人数" "e: back to editing"
line_has '$' "C-s save" "e: the question is gone"
is "e: nothing saved" "≤125人" "$(target)"
jx --db t.db log --tsv --who tester 七贤岭 2026 1
out_lines "e: no change of a's in the log" 1

keys C-a C-k -l "≤128人"
screen_matches '^指标值\* +≤128人$' "e: a goes on typing"
keys C-s
line_has '$' "Changed by bob" "saving again asks again (the form still holds the version it opened)"
keys m
line_has '$' "Saved 社区工作人员人数" "m: a's form is saved"
line_has 3 "≤128人" "m: a's pane shows a's value"
is "m: the database has a's value" "≤128人" "$(target)"
jx --db t.db log --tsv 七贤岭 2026 1
out_is "m: both changes are in the log, b's then a's over it" <<'EOF'
at	who	action	table	record_id	label	field	old	new
2026-01-01T00:00:00Z	bob	update	indicator	118	社区工作人员人数	target	≤122人	≤125人
2026-01-01T00:00:00Z	tester	update	indicator	118	社区工作人员人数	target	≤125人	≤128人
EOF
keys L
screen_has "bob  update target: ≤122人 → ≤125人" "L in a: b's change in the history"
screen_has "tester  update target: ≤125人 → ≤128人" "L in a: a's change after it"
keys u
line_has '$' "Undone: the edit of 社区工作人员人数" "u in a undoes a's save …"
is "… back to b's value, not to the value a's form opened with" "≤125人" "$(target)"
keys C-r
is "C-r in a: a's value again" "≤128人" "$(target)"
quit_and_wait
exit_is 0 "a: q exits with status 0"
use_session b
quit_and_wait
exit_is 0 "b: q exits with status 0"

# ---- round 2, at 80x24: t --------------------------------------------------------

use_session a
start 80 24 --db t.db
keys Tab Tab e
screen_matches '^指标值\* +≤128人$' "a: the form opens with the stored value"
keys Tab Tab Tab Tab

use_session b
JX_ENV="JIXIAO_USER=bob"
start 80 24 --db t.db
JX_ENV=
keys Tab Tab e Tab Tab Tab Tab C-a C-k -l "≤140人" C-s
line_has '$' "Saved 社区工作人员人数" "b: saves again"

use_session a
keys C-a C-k -l "≤150人" C-s
screen_matches '^ +⚠ other version: ≤140人$' "a: b's new value under the field"
line_has '$' "Changed by bob 2026-01-01T00:00:00Z: m keep mine" \
	"a: the question at 80 columns"
screen_fits 80 24 "a: the screen fits 80x24"
keys t
line_has 1 "单位  1/3" "t: the form closes"
line_has '$' "— took the other version" "t: the status line says whose value was kept"
line_has 3 "≤140人" "t: the pane shows b's value"
screen_lacks "≤150人" "t: a's value is nowhere"
is "t: the database has b's value" "≤140人" "$(target)"
jx --db t.db log --tsv --limit 1 七贤岭 2026 1
out_line_is "t: the last change in the log is b's" 2 \
	"2026-01-01T00:00:00Z	bob	update	indicator	118	社区工作人员人数	target	≤128人	≤140人"
jx --db t.db log --tsv 七贤岭 2026 1
out_lacks "t: a's value was never written" "≤150人"
quit_and_wait
exit_is 0 "a: q exits with status 0 after taking the other"
use_session b
quit_and_wait
exit_is 0 "b: q exits with status 0"

done_testing
