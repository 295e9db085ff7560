#!/bin/sh
# search.sh — / searches the focused pane as you type (Chinese text
# included), n and N go to the next and previous match (wrapping around),
# Esc goes back to where the search started, a text that matches nothing
# says so; c jumps to a project by its code.
. "$(dirname "$0")/lib.sh"

samples_db t.db

start 80 24 --db t.db
keys Tab Tab
line_has 1 "指标  1/8" "the indicators of 七贤岭's first project, the first selected"
keys / -l 满意度
line_has 1 "指标  8/8" "/满意度 moves to the matching indicator as it is typed"
line_has '$' "/满意度" "the status line shows what is typed"
screen_has " 三级指标：群众对社区工作满意度" "the detail follows the match while typing"
keys Escape
line_has 1 "指标  1/8" "Esc goes back to where the search started"
screen_lacks "/满意度" "… and the prompt is gone"
keys / -l 满意度 Enter
line_has 1 "指标  8/8" "Enter keeps the match"
screen_lacks "/满意度" "… and closes the prompt"
keys / -l 满意x BSpace BSpace -l 意度
line_has 1 "指标  8/8" "Backspace removes whole Chinese characters from the search text"
keys Escape

keys BTab
line_has 1 "项目 2026  1/10" "the projects of 七贤岭 2026"
keys / -l 经费 Enter
line_has 1 "项目 2026  2/10" "/经费 finds the first project with 经费 after the cursor (社区办公经费)"
keys n
line_has 1 "项目 2026  4/10" "n goes to the next match (社区工作业务经费)"
keys n
line_has 1 "项目 2026  5/10" "n again (办公场所运行经费)"
keys N
line_has 1 "项目 2026  4/10" "N goes to the previous match"
keys N N
line_has 1 "项目 2026  9/10" "N before the first match wraps around to the last (基层治理专项经费)"
keys n
line_has 1 "项目 2026  2/10" "n after the last match wraps around to the first"

keys / -l 不存在的文字
screen_matches "[Nn]ot found" "a text that matches nothing says it is not found"
line_has 1 "项目 2026  2/10" "… and the selection does not move"
keys Escape
line_has 1 "项目 2026  2/10" "Esc after a failed search stays where it started"
keys Home n
line_has 1 "项目 2026  2/10" "n repeats the last accepted search (经费), not the cancelled one"

quit_and_wait
exit_is 0 "q exits with status 0"

# Jumping to a project by its code: within the selected department-year,
# and from another department (the code says which project it is).
start 80 24 --db t.db
keys End c -l 13030421GX31O0ACT3T7X Enter
line_has 1 "项目 2021  10/21" "c and a code of 秦皇岛 2021 jumps to that project (人事代理经费, 10th)"
screen_has " 项目编码：13030421GX31O0ACT3T7X" "the detail shows that project"
keys Home
line_has 1 "项目 2021  1/21" "(back to the first project)"
keys Home BTab Home
line_has 1 "单位  1/3" "(七贤岭 selected again)"
keys c -l 130304213ZR3W5GRVM5IR Enter
line_has 1 "单位  3/3" "c and a code of seed 001 from 七贤岭 selects 秦皇岛"
line_has 1 "项目 2021  1/21" "… its year 2021 and the first project"
screen_has " 项目编码：130304213ZR3W5GRVM5IR" "the detail shows project 130304213ZR3W5GRVM5IR"
keys c -l NOSUCHCODE
screen_matches "[Nn]ot found" "a code that is nowhere says it is not found"
keys Enter

quit_and_wait
exit_is 0 "q exits with status 0 after jumping"

done_testing
