#!/bin/sh
# resize.sh — a resize redraws the screen at the new size: from 80x24 to
# 160x48 the panes fill the 48 rows and the wider columns show more of
# the names; below 80x24 (60x20, 79x24, 80x23) a notice says the size
# needed; back at 80x24 the panes come back with the same selection.
. "$(dirname "$0")/lib.sh"

samples_db t.db

start 80 24 --db t.db
keys End Tab Down
line_has 1 "项目 2021  2/21" "at 80x24: 秦皇岛's second project is selected"
line_has 3 "直选人员及社区…" "at 80x24: project names are cut"

resize 160 48
screen_fits 160 48 "to 160x48: the screen is redrawn to 48 lines of at most 160 columns"
line_is 32 "$(printf '%160s' '' | sed 's/ /─/g')" "to 160x48: the separator moves down to line 32, the full width"
line_has 1 "项目 2021  2/21" "to 160x48: the selection is kept"
line_has 3 "直选人员及社区工作者工资及保险" "to 160x48: the wider pane shows the whole project name"
line_has 23 "安全生产防控经费" "to 160x48: all 21 projects are shown"
line_has '$' "q quit" "to 160x48: the status line is on the last line"
line_has '$' "2021 秦皇岛市北戴河区西山街道办事处（本级）" "to 160x48: the status line has room for the department and the year"

resize 60 20
screen_has "jixiao needs at least 80x24" "to 60x20: a notice says the size needed"
screen_is "to 60x20: the notice alone, in the middle of the screen" <<'EOF'










jixiao needs at least 80x24 (now 60x20)
EOF
screen_lacks "│" "to 60x20: no panes are drawn"
screen_fits 60 20 "to 60x20: nothing is wider than 60 columns"

resize 80 24
screen_fits 80 24 "back to 80x24: 24 lines of at most 80 columns"
line_is 16 "$(printf '%80s' '' | sed 's/ /─/g')" "back to 80x24: the separator is on line 16 again"
line_has 1 "项目 2021  2/21" "back to 80x24: the panes are back with the same selection"
line_has 3 "直选人员及社区…" "back to 80x24: the names are cut to the narrower pane again"
screen_lacks "needs at least" "back to 80x24: the notice is gone"
keys Down
line_has 1 "项目 2021  3/21" "back to 80x24: keys work as before"

resize 79 24
screen_has "jixiao needs at least 80x24" "79x24 is too narrow: the notice"
resize 80 23
screen_has "jixiao needs at least 80x24" "80x23 is too low: the notice"
resize 80 24
line_has 1 "项目 2021  3/21" "back to 80x24 again: the same selection"

resize 60 20
quit_and_wait
exit_is 0 "q exits with status 0 while the screen is too small"
restored "… and the terminal is restored"

done_testing
