#!/bin/sh
# zoom.sh — z shows the focused pane alone, the full width, with the
# columns only a zoomed pane has (the projects' 编码, the departments'
# 编码); z again brings back the three panes; moving works while zoomed
# and the selection is the same after. At 80x24 and at 160x48.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# zoom W H
zoom() {
	at="at $1x$2"
	start "$1" "$2" --db t.db
	screen_lacks "130304213ZR3W5GRVM5IR" "$at: three panes: no project codes"
	screen_lacks "441001" "$at: three panes: no department codes"

	keys z
	line_is 1 "单位  1/3" "$at: z on the departments: only its title on line 1"
	screen_has "441001" "$at: the zoomed departments show their codes (编码)"
	screen_lacks "│" "$at: no pane borders while zoomed"
	line_has 5 "秦皇岛市北戴河区西山街道办事处（本级）" "$at: the full department name shows"
	keys z
	line_has 1 "项目 2026  1/10" "$at: z again brings back the projects pane"
	screen_has "│" "$at: … and the borders"

	keys End Tab Down z
	line_is 1 "项目 2021  2/21" "$at: z on the projects: only its title, the same selection"
	line_has 2 "编码" "$at: the zoomed projects have a 编码 column"
	line_has 3 "130304213ZR3W5GRVM5IR" "$at: project 1's code shows"
	line_has 4 "130304216ZF9DL9V7WSRR  春节慰问金" "$at: project 2's code and name"
	line_has 3 "直选人员及社区工作者工资及保险" "$at: the full project name shows"
	screen_lacks "│" "$at: no pane borders while zoomed"
	screen_lacks "单位  3/3" "$at: the departments pane is not shown"
	screen_fits "$1" "$2" "$at: zoomed, the screen is $2 lines of at most $1 columns"
	keys Down
	line_is 1 "项目 2021  3/21" "$at: Down moves while zoomed"
	screen_has " 项目名称：民兵基层建设经费" "$at: the detail follows"
	keys z
	line_has 1 "单位  3/3" "$at: z again: three panes"
	line_has 1 "项目 2021  3/21" "$at: … with the selection made while zoomed"
	screen_lacks "130304213ZR3W5GRVM5IR" "$at: the codes are gone again"

	keys Tab z
	line_is 1 "指标  1/9" "$at: z on the indicators: only its title"
	line_has 3 "产出指标" "$at: the zoomed indicators show the level-1 name whole"
	screen_lacks "│" "$at: no pane borders while zoomed"
	keys z
	screen_has "│" "$at: z again: three panes"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
}

zoom 80 24
zoom 160 48

# The zoom stays on while the focus moves: the zoomed pane follows.
start 80 24 --db t.db
keys z Tab
line_is 1 "项目 2026  1/10" "zoomed, Tab shows the projects pane alone"
keys BTab
line_is 1 "单位  1/3" "zoomed, S-Tab shows the departments pane alone"
keys z
quit_and_wait
exit_is 0 "q exits with status 0"

done_testing
