#!/bin/sh
# moving.sh — moving in the three panes and between them: Down, Up, PgDn,
# PgUp, Home and End change the position in the pane's title; Tab, Right
# and Enter focus the pane to the right, S-Tab, Left, Backspace and Esc
# the one to the left; each pane keeps its selection when the focus comes
# back; a department selects its latest year's projects, a project its
# indicators. At 80x24 (13 rows a page) and at 160x48 (29 rows).
. "$(dirname "$0")/lib.sh"

samples_db t.db

start 80 24 --db t.db
line_has 1 "单位  1/3" "the first department is selected at start"

keys Down
line_has 1 "单位  2/3" "departments: Down selects the second department"
line_has 1 "项目 2023  1/13" "the projects pane shows 承德 2023's 13 projects"
screen_has " 单位：承德高新技术产业开发区社区管理办公室本级" "the detail shows 承德"
keys Down
line_has 1 "单位  3/3" "departments: Down selects the third department"
line_has 1 "项目 2021  1/21" "the projects pane shows 秦皇岛 2021's 21 projects"
line_has 3 "直选人员" "its first project is 直选人员及社区工作者工资及保险"
line_has 1 "指标  1/9" "the indicators pane shows that project's 9 indicators"
keys Down
line_has 1 "单位  3/3" "departments: Down on the last row stays there"
keys Up
line_has 1 "单位  2/3" "departments: Up goes back one row"
keys Home
line_has 1 "单位  1/3" "departments: Home goes to the first row"
line_has 1 "项目 2026  1/10" "… and the projects follow (七贤岭 2026)"
keys End
line_has 1 "单位  3/3" "departments: End goes to the last row"
keys PgUp
line_has 1 "单位  1/3" "departments: PgUp goes up a page (to the first row)"
keys PgDn
line_has 1 "单位  3/3" "departments: PgDn goes down a page (to the last row)"

keys Tab
line_has 1 "单位  3/3" "Tab keeps the department"
screen_has " 项目名称：直选人员及社区工作者工资及保险" "Tab focuses the projects: the detail shows the project"
keys Down
line_has 1 "项目 2021  2/21" "projects: Down selects the second project"
line_has 1 "单位  3/3" "… not another department"
screen_has " 项目名称：春节慰问金" "the detail shows 春节慰问金"
line_has 4 "发放率" "the indicators pane shows 春节慰问金's indicators (row 2 is 发放率)"
keys NPage
line_has 1 "项目 2021  15/21" "projects: PgDn moves down 13 rows, a page at 80x24"
keys End
line_has 1 "项目 2021  21/21" "projects: End goes to the last project"
line_has 3 "基层党建" "the list scrolled: row 9 基层党建工作经费 is at the top"
line_has 15 "安全生产防控" "… and row 21 安全生产防控经费 at the bottom"
keys PPage
line_has 1 "项目 2021  8/21" "projects: PgUp moves up 13 rows"
keys Home
line_has 1 "项目 2021  1/21" "projects: Home goes to the first project"
line_has 3 "直选人员" "the list scrolled back to the top"

keys Right
screen_has " 三级指标：资金使用率" "Right focuses the indicators: the detail shows the first indicator"
keys Down
line_has 1 "指标  2/9" "indicators: Down selects the second indicator"
line_has 1 "项目 2021  1/21" "… and leaves the project alone"
keys Tab Down
line_has 1 "指标  3/9" "Tab in the last pane keeps the focus there"
keys Enter Down
line_has 1 "指标  4/9" "Enter in the last pane keeps the focus there"
keys End
line_has 1 "指标  9/9" "indicators: End goes to the last indicator"

keys Left
screen_has " 项目名称：直选人员及社区工作者工资及保险" "Left focuses the projects again"
line_has 1 "指标  9/9" "the indicators pane keeps its selection"
keys Down
line_has 1 "项目 2021  2/21" "projects: Down after coming back moves from where it was"
line_has 1 "指标  1/9" "a new project starts its indicators at the first"
keys BTab
screen_has " 单位：秦皇岛市北戴河区西山街道办事处（本级）" "S-Tab focuses the departments"
line_has 1 "项目 2021  2/21" "the projects pane keeps its selection"
keys Enter
screen_has " 项目名称：春节慰问金" "Enter focuses the projects, on the same project"
keys Enter Down
line_has 1 "指标  2/9" "Enter again focuses the indicators"
keys BSpace
screen_has " 项目名称：春节慰问金" "Backspace goes back to the projects"
keys BSpace
screen_has " 单位：秦皇岛市北戴河区西山街道办事处（本级）" "Backspace again goes back to the departments"
keys BSpace Down
line_has 1 "单位  3/3" "Backspace in the first pane keeps the focus there"
keys Tab Tab
line_has 1 "指标  2/9" "coming back to the indicators finds the same indicator"
keys Escape
screen_has " 项目名称：春节慰问金" "Esc goes back to the projects"
keys Escape Up
line_has 1 "单位  2/3" "Esc again goes back to the departments (Up moves there)"
line_has 1 "项目 2023  1/13" "another department starts its projects at the first"

quit_and_wait
exit_is 0 "q exits with status 0"

start 160 48 --db t.db
keys End Tab NPage
line_has 1 "项目 2021  21/21" "at 160x48: PgDn moves 29 rows (to the last of 21)"
line_has 23 "安全生产防控经费" "at 160x48: all 21 projects are on the screen"
keys PPage
line_has 1 "项目 2021  1/21" "at 160x48: PgUp moves back to the first"
keys Down Down Tab Down BTab BTab Tab
line_has 1 "项目 2021  3/21" "at 160x48: the projects keep their selection while the focus moves"
line_has 1 "指标  2/9" "at 160x48: so do the indicators"
quit_and_wait
exit_is 0 "q exits with status 0 at 160x48"

done_testing
