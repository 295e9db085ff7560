#!/bin/sh
# years.sh — a department with two years on file (秦皇岛 2021 from the
# samples and a made-up 2022, tests/data/tui/xishan-2022.yaml): the latest
# year is selected; [ and ] step through the years, y picks one from a
# list; at the first and the last year a message says there is none
# before or after.
. "$(dirname "$0")/lib.sh"

samples_db t.db
jx_ok --db t.db import "$JX_TUI_DATA/xishan-2022.yaml"

start 80 24 --db t.db
keys ']'
screen_has "No later year" "七贤岭 has one year: ] says there is no later year"
keys '['
screen_has "No earlier year" "… and [ that there is no earlier year"
line_has 1 "项目 2026  1/10" "七贤岭 stays at 2026"

keys End
line_has 1 "项目 2022  1/19" "秦皇岛: the latest year, 2022, is selected (19 projects)"
line_has 3 "社区工作者工资" "the projects are 2022's (社区工作者工资（2022年测试）)"
line_has 3 "140.5" "… with 2022's budget"
line_has 3 "≥95%" "the indicators are those of 2022's first project"

keys '['
line_has 1 "项目 2021  1/21" "[ steps back to 2021 (21 projects)"
line_has 3 "直选人员" "the projects are 2021's"
line_has 3 "≥90使用率" "the indicators are those of 2021's first project"
line_has 1 "单位  3/3" "the department stays selected"
keys '['
screen_has "No earlier year" "[ at the first year says there is no earlier year"
line_has 1 "项目 2021  1/21" "… and stays at 2021"
keys ']'
line_has 1 "项目 2022  1/19" "] steps forward to 2022"
keys ']'
screen_has "No later year" "] at the last year says there is no later year"
line_has 1 "项目 2022  1/19" "… and stays at 2022"

keys Tab Down Down
line_has 1 "项目 2022  3/19" "in the projects pane, the third project of 2022"
keys '['
line_has 1 "项目 2021" "[ works from the projects pane too"

keys y
line_has '$' "2021" "y lists the years: 2021 …"
line_has '$' "2022" "… and 2022"
line_has 1 "项目 2021" "the list changes nothing yet"
keys Right Enter
line_has 1 "项目 2022  1/19" "y, Right, Enter picks 2022"
keys y Left Enter
line_has 1 "项目 2021  1/21" "y, Left, Enter picks 2021"
keys y Down Enter
line_has 1 "项目 2022  1/19" "y, Down, Enter picks 2022"
keys y Up Enter
line_has 1 "项目 2021  1/21" "y, Up, Enter picks 2021"
keys y Down Escape
line_has 1 "项目 2021  1/21" "y, Down, Esc cancels: still 2021"
line_lacks '$' "2022" "after Esc the list of years is gone from the status line"
keys y Up Up Enter
line_has 1 "项目 2021  1/21" "Up at the first year of the list stays there"
keys y Down Down Enter
line_has 1 "项目 2022  1/19" "Down at the last year of the list stays there"

quit_and_wait
exit_is 0 "q exits with status 0"

done_testing
