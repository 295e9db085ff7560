#!/bin/sh
# edit_draft.sh — nothing typed is lost when the connection drops: a form
# open with Chinese text typed into it when SIGHUP (exit status 129) or
# SIGTERM (143) arrives is kept as a draft, and the terminal is restored.
# The next start (of the same user) offers it: Enter reopens the form with
# the typed text, and C-s saves it; d throws it away (after a y/n); Esc
# keeps it for later, so that it is offered again. A form for a new
# record comes back as one too, and a draft of a record someone changed
# meanwhile is not saved over it unasked. Whether the draft is in the database is
# seen through the next start (sqlite3 may be missing); the record itself
# is checked with the command line.
. "$(dirname "$0")/lib.sh"

samples_db t.db

OFFER="Draft (indicator, 2026-01-01T00:00:00Z): Enter reopen · d throw away · Esc later"
TYPED="在岗社区工作人员（含网格员）"

# The description of indicator N of 七贤岭 2026's first project.
description() {
	jx_ok --db t.db export --dept 七贤岭 --year 2026
	awk -v n="$1" '/^projects:/ { p = 1; next } p && /^- / { k++ }
		p && k == 1 && /^  - level1:/ { i++ }
		p && k == 1 && i == n && /^    description: / {
			sub(/^    description: /, ""); print }' "$JX_RUN/out"
}

# Nothing is offered: the status line is the usual one.
no_offer() {
	line_has '$' "? help" "$1: the usual status line"
	screen_lacks "draft" "$1: no draft is offered"
}

# ---- SIGHUP with a form open; Enter reopens it ------------------------------

start 80 24 --db t.db
keys Tab Tab e Tab Tab Tab -l "$TYPED"
screen_matches "^绩效指标描述 +$TYPED\$" "the text is typed into the form"
kill -HUP "$(jx_pid)"
wait_exit
exit_is 129 "SIGHUP with a form open: exit status 129"
restored "SIGHUP: the terminal is restored"
is "SIGHUP: the record is not changed" "" "$(description 1)"

start 160 48 --db t.db
line_is '$' "$OFFER" "the next start offers the draft"
screen_fits 160 48 "the offer fits 160x48"
keys Enter
line_has 1 "Draft kept 2026-01-01T00:00:00Z · 社区工作人员人数" \
	"Enter reopens the form of the record"
line_has 1 "[changed]" "the reopened form is marked changed"
screen_matches "^绩效指标描述 +$TYPED\$" "the typed text is back"
screen_matches '^指标值\* +≤122人$' "the other fields are the record's"
keys C-s
line_has '$' "Saved 社区工作人员人数" "C-s saves the draft's form"
is "the typed text is stored" "$TYPED" "$(description 1)"
keys u
line_has '$' "Undone: the edit of 社区工作人员人数" "u undoes the draft's save"
is "u: the description is empty again" "" "$(description 1)"
keys C-r
is "C-r: the typed text again" "$TYPED" "$(description 1)"
quit_and_wait
exit_is 0 "q exits with status 0"

start 80 24 --db t.db
no_offer "after the draft was saved"
quit_and_wait

# ---- SIGTERM; Esc keeps the draft, d throws it away ------------------------------

start 80 24 --db t.db
keys Tab Tab Down e Tab Tab Tab -l "社区（含新建小区）数量"
line_has 1 "Indicator · 社区数量" "the form of the second indicator"
kill -TERM "$(jx_pid)"
wait_exit
exit_is 143 "SIGTERM with a form open: exit status 143"
restored "SIGTERM: the terminal is restored"

start 80 24 --db t.db
line_has '$' "Draft (indicator, 2026-01-01T00:00:00Z): Enter reopen" \
	"the next start at 80x24 offers it"
screen_fits 80 24 "the offer fits 80x24"
keys Escape
no_offer "Esc"
is "Esc: the record is not changed" "" "$(description 2)"
quit_and_wait
exit_is 0 "q after Esc exits with status 0"

start 80 24 --db t.db
line_has '$' "Draft (indicator," "kept for later: offered again"
keys d
line_has '$' "Throw the draft away? (y/n)" "d asks first"
keys n
line_has '$' "Draft (indicator," "n: the draft is offered again"
keys d y
no_offer "d y"
is "d y: the record is not changed" "" "$(description 2)"
quit_and_wait

start 80 24 --db t.db
no_offer "after the draft was thrown away"
quit_and_wait

# ---- a form for a new record --------------------------------------------------

start 80 24 --db t.db
keys Tab Tab a -l "社区网格员人数" Tab Tab -l "≥30人"
line_has 1 "a new indicator" "a: the form of a new indicator"
kill -HUP "$(jx_pid)"
wait_exit
exit_is 129 "SIGHUP in a new record's form: exit status 129"
jx --db t.db show 七贤岭 2026 1
out_lacks "SIGHUP: nothing added" "社区网格员人数"

start 160 48 --db t.db
line_is '$' "$OFFER" "the new record's draft is offered"
keys Enter
screen_matches '^三级指标\* +社区网格员人数$' "Enter: the name typed is back"
screen_matches '^指标值\* +≥30人$' "Enter: the target typed is back"
screen_matches '^一级指标\* +产出指标$' "Enter: the levels filled in from the row above too"
keys C-s
line_has '$' "Saved 社区网格员人数" "C-s adds the record"
jx --db t.db show 七贤岭 2026 1
out_has "the new indicator is stored" "社区网格员人数"
quit_and_wait

# ---- the record changed while the draft waited -----------------------------

start 80 24 --db t.db
keys Tab Tab Down Down Down e Tab Tab Tab -l "岗位契合度（草稿）"
line_has 1 "Indicator · 社区工作人员能力与岗位契合度" \
	"the form of the fourth indicator (the one added above is the second)"
kill -HUP "$(jx_pid)"
wait_exit
exit_is 129 "SIGHUP: exit status 129"
# Someone else edits the same record meanwhile (and is offered nothing:
# the draft is not theirs).
JX_ENV="JIXIAO_USER=bob"
start 80 24 --db t.db
JX_ENV=
no_offer "another user"
keys Tab Tab Down Down Down e Tab Tab Tab -l "bob 的描述" C-s
line_has '$' "Saved 社区工作人员能力与岗位契合度" "bob saves the record"
quit_and_wait
start 160 48 --db t.db
line_is '$' "$OFFER" "the draft is offered to its owner"
keys Enter C-s
screen_matches '^ +⚠ other version: bob 的描述$' \
	"saving the draft over bob's change shows bob's version"
line_has '$' "Changed by bob" "and asks"
is "nothing is overwritten while it asks" "bob 的描述" "$(description 4)"
keys m
line_has '$' "Saved 社区工作人员能力与岗位契合度" "m keeps the draft's text"
is "m: the draft's text is stored" "岗位契合度（草稿）" "$(description 4)"
quit_and_wait

# ---- no form, another user --------------------------------------------------------

start 80 24 --db t.db
keys Tab Tab e Tab Tab Tab -l "另一位用户的草稿"
kill -HUP "$(jx_pid)"
wait_exit
JX_ENV="JIXIAO_USER=bob"
start 80 24 --db t.db
JX_ENV=
no_offer "another user's draft"
kill -HUP "$(jx_pid)"
wait_exit
exit_is 129 "SIGHUP without a form: exit status 129"
start 80 24 --db t.db
line_has '$' "Draft (indicator," \
	"the draft's owner is offered it (bob's SIGHUP without a form kept nothing)"
keys d y
no_offer "d y"
quit_and_wait
exit_is 0 "q exits with status 0"

done_testing
