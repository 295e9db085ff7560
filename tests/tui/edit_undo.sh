#!/bin/sh
# edit_undo.sh — the record keys of the panes and their undo: an edit in
# a form, an add through a form, a delete (d y), duplicating an indicator
# and a project (with its indicators, the copy without a code), moving
# projects and indicators (> M-Down M-Up <), a new year from the previous
# one (Y y, its projects marked not reviewed until saved from a form),
# and two rows typed into the indicator grid (C-r, C-d) saved as one
# step. u undoes each, C-r redoes; every step is checked on the screen
# and in the database through the command line (show, ls, stats,
# export). L shows a record's history with who changed what.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# The indicators' names of project N (1, 2, ...) of the export in
# $JX_RUN/out, separated by blanks.
names_of() {
	awk -v n="$1" '/^projects:/ { p = 1; next }
		p && /^- / { k++ }
		p && k == n && /^    name: / { sub(/^    name: /, ""); printf "%s ", $0 }' \
		"$JX_RUN/out" | sed 's/ $//'
}

# The projects' names of the export in $JX_RUN/out, separated by blanks.
projects_of() {
	awk '/^projects:/ { p = 1; next }
		p && /^(- |  )name: / { sub(/^(- |  )name: /, ""); printf "%s ", $0 }' \
		"$JX_RUN/out" | sed 's/ $//'
}

# How many lines of $JX_RUN/out contain TEXT.
count_out() {
	grep -cF -- "$1" "$JX_RUN/out"
}

qxl_export() {
	jx_ok --db t.db export --dept 七贤岭 --year 2026
}

xs_export() {
	jx_ok --db t.db export --dept 441001 --year "${1:-2021}"
}

QXL1="社区工作人员人数 社区数量 社区工作人员能力与岗位契合度 社工聘用年限 工资发放合规率 提高基层社会治理水平 保障社区工作人员基本权益，提升社区工作人员服务群众积极性 群众对社区工作满意度"

qxl_export
is "the first project of 七贤岭 2026 has its 8 indicators" "$QXL1" "$(names_of 1)"

# ---- an edit: the target of an indicator ------------------------------------

start 80 24 --db t.db
keys Tab Tab
line_has 3 "≤122人" "the first indicator's target is ≤122人"
keys e
line_has 1 "Indicator · 社区工作人员人数" "e opens the indicator's form"
keys Tab Tab Tab Tab C-a C-k -l "≤130人"
line_has 1 "[changed]" "the form says it was changed"
keys C-s
line_has '$' "Saved 社区工作人员人数" "C-s saves"
line_has 3 "≤130人" "the pane shows the new target"
jx --db t.db show 七贤岭 2026 1
out_has "show: the new target is stored" "≤130人"
out_lacks "show: the old target is gone" "≤122人"

keys u
line_has '$' "Undone: the edit of 社区工作人员人数" "u says what it undid"
line_has 3 "≤122人" "u: the pane shows the old target again"
jx --db t.db show 七贤岭 2026 1
out_has "u: show has the old target" "≤122人"
out_lacks "u: show lacks the new target" "≤130人"

keys C-r
line_has '$' "Redone: the edit of 社区工作人员人数" "C-r says what it redid"
line_has 3 "≤130人" "C-r: the pane shows the new target"
qxl_export
out_has "C-r: export has the new target" "    name: 社区工作人员人数
    target: ≤130人"

keys L
line_has 17 "History of this record, newest first:" "L shows the indicator's history"
line_has 18 "tester  update target: ≤122人 → ≤130人" "L: the redo, newest first, with the user"
line_has 19 "tester  update target: ≤130人 → ≤122人" "L: the undo before it"
line_has 20 "tester  update target: ≤122人 → ≤130人" "L: the edit first of all"
line_has '$' "3 changes" "L: the status line counts the changes"

# ---- an add through a form ---------------------------------------------------

keys a
line_has 1 "a new indicator" "a opens a blank indicator form"
screen_matches '^一级指标\* +产出指标$' "a: level 1 is taken from the indicator above"
screen_matches '^二级指标\* +数量指标$' "a: level 2 too"
keys -l "社区网格员人数" Tab Tab -l "≥30人" C-s
line_has '$' "Saved 社区网格员人数" "the new indicator is saved"
line_has 1 "指标  2/9" "the new indicator is the second of nine, focused"
line_has 4 "≥30人" "it is listed after the focused one"
QXL_ADDED="社区工作人员人数 社区网格员人数 ${QXL1#社区工作人员人数 }"
qxl_export
is "export: the new indicator after the focused one" "$QXL_ADDED" "$(names_of 1)"

keys u
line_has '$' "Undone: adding 社区网格员人数" "u undoes the add"
line_has 1 "/8" "u: eight indicators again"
screen_lacks "≥30人" "u: the new indicator is gone from the pane"
qxl_export
is "u: export has the 8 indicators again" "$QXL1" "$(names_of 1)"

keys C-r
line_has '$' "Redone: adding 社区网格员人数" "C-r adds it again"
line_has 4 "≥30人" "C-r: in the same place"
qxl_export
is "C-r: export has it in the same place" "$QXL_ADDED" "$(names_of 1)"

# ---- a delete ---------------------------------------------------------------

jx_ok --db t.db show 七贤岭 2026 1
cp "$JX_RUN/out" before-delete.txt
keys Home Down Down
line_has 1 "指标  3/9" "the cursor on the third indicator"
keys d
line_has '$' "Delete the indicator 社区数量? (y/n)" "d asks first"
keys n
line_has '$' "Nothing deleted" "n: nothing deleted"
line_has 5 "=14个" "n: the indicator is still there"
keys d y
line_has '$' "Deleted 社区数量 (u undoes)" "d y deletes"
screen_lacks "=14个" "d y: gone from the pane"
line_has 1 "/8" "d y: eight left"
qxl_export
is "d y: gone from the export" \
	"社区工作人员人数 社区网格员人数 ${QXL1#社区工作人员人数 社区数量 }" "$(names_of 1)"

keys u
line_has '$' "Undone: deleting 社区数量" "u undoes the delete"
line_has 5 "=14个" "u: back in the same place"
line_has 1 "指标  3/9" "u: the cursor on it"
jx --db t.db show 七贤岭 2026 1
same_file "u: show prints the project as before the delete" before-delete.txt "$JX_RUN/out"

keys C-r
line_has '$' "Redone: deleting 社区数量" "C-r deletes it again"
screen_lacks "=14个" "C-r: gone from the pane again"
qxl_export
is "C-r: gone from the export again" \
	"社区工作人员人数 社区网格员人数 ${QXL1#社区工作人员人数 社区数量 }" "$(names_of 1)"
keys u
jx --db t.db show 七贤岭 2026 1
same_file "u again: back as before" before-delete.txt "$JX_RUN/out"

# ---- duplicating an indicator -------------------------------------------------

keys +
line_has '$' "Duplicated 社区数量" "+ duplicates the indicator"
line_has 1 "指标  4/10" "+: the copy follows it, focused"
line_has 5 "=14个" "+: the original in its place"
line_has 6 "=14个" "+: the copy after it"
qxl_export
is "+: export has the copy after the original" \
	"社区工作人员人数 社区网格员人数 社区数量 社区数量 ${QXL1#社区工作人员人数 社区数量 }" \
	"$(names_of 1)"
is "+: the copy has the same fields" 2 \
	"$(awk '/^projects:/ { p = 1; next } p && /^- / { k++ }
		p && k == 1 && /target: =14个/' "$JX_RUN/out" | wc -l | tr -d ' ')"
keys u
line_has '$' "Undone: duplicating 社区数量" "u undoes the duplicate"
line_has 1 "/9" "u: nine indicators again"
qxl_export
is "u: one 社区数量 in the export" "$QXL_ADDED" "$(names_of 1)"

# ---- duplicating a project --------------------------------------------------

keys BTab BTab Down Down Tab
line_has 1 "项目 2021  1/21" "441001 2021: the first of 21 projects"
keys +
line_has '$' "Duplicated 直选人员及社区工作者工资及保险 with its indicators" \
	"+ duplicates the project"
line_has 1 "项目 2021  2/22" "+: the copy is the second of 22, focused"
line_has 4 "│直选人员及社区…  130.97    9 │" \
	"+: the copy has the money and the 9 indicators"
jx --db t.db ls --tsv 441001 2021
out_line_is "ls: the original keeps its code" 2 \
	"1	130304213ZR3W5GRVM5IR	直选人员及社区工作者工资及保险	130.97	9"
out_line_is "ls: the copy has no code, the same money and 9 indicators" 3 \
	"2		直选人员及社区工作者工资及保险	130.97	9"
jx --db t.db stats --tsv 441001
out_has "stats: 22 projects and 198 indicators" "441001	2021	22	198	1606.91"
xs_export
is "export: the copy has the same indicators" "$(names_of 1)" "$(names_of 2)"
keys u
line_has '$' "Undone: duplicating 直选人员及社区工作者工资及保险" "u undoes it"
line_has 1 "/21" "u: 21 projects again"
jx --db t.db stats --tsv 441001
out_has "u: stats back to 21 projects and 189 indicators" "441001	2021	21	189	1475.94"

# ---- moving --------------------------------------------------------------

XS="直选人员及社区工作者工资及保险 春节慰问金 民兵基层建设经费 老居委会主任退休费"
first4() {
	xs_export
	projects_of | cut -d' ' -f1-4
}
keys Home '>'
line_has 1 "项目 2021  2/21" "> moves the project down, the cursor with it"
line_has 3 "春节慰问金" "> : the next project is now first"
line_has 4 "直选人员及社区" "> : the moved one second"
is "> : export order" "春节慰问金 直选人员及社区工作者工资及保险 民兵基层建设经费 老居委会主任退休费" "$(first4)"
keys M-Down
line_has 1 "项目 2021  3/21" "M-Down moves it further"
is "M-Down: export order" "春节慰问金 民兵基层建设经费 直选人员及社区工作者工资及保险 老居委会主任退休费" "$(first4)"
keys M-Up
line_has 1 "项目 2021  2/21" "M-Up moves it back up"
keys u
line_has '$' "Undone: moving" "u undoes a move"
line_has 5 "直选人员及社区" "u: third again"
keys u u
line_has 3 "直选人员及社区" "u u: first again"
is "u u u: export order as before" "$XS" "$(first4)"
keys Home '<'
line_has '$' "Already the first" "< on the first project: nothing to do"

keys Tab
line_has 3 "资金使" "the first indicator"
keys '>'
line_has 3 "资金拨" "> moves an indicator down"
line_has 4 "资金使" "> : it is second"
xs_export
is "> : the indicator's order in the export" "资金拨付率 资金使用率" \
	"$(names_of 1 | cut -d' ' -f1-2)"
keys u
line_has 3 "资金使" "u puts the indicator back"
line_has '$' "Undone: moving 资金使用率" "u: the status line names the indicator"
xs_export
is "u: the indicator's order as before" "资金使用率 资金拨付率" \
	"$(names_of 1 | cut -d' ' -f1-2)"

# ---- the next year from this one ---------------------------------------------

keys BTab BTab Y
line_has '$' "Start 2022 of this department from 2021" "Y asks first"
keys n
jx --db t.db ls
out_has "n: no new year" "441001  秦皇岛市北戴河区西山街道办事处（本级）    2021
"
keys Y y
line_has 1 "项目 2022  1/21" "Y y: the new year is shown, with 21 projects"
line_has '$' "2022 started from 2021" "Y y: the status line says so"
line_has 3 "◇直选人员及社" "Y y: its projects are marked not yet reviewed"
jx --db t.db ls
out_has "ls: the department has 2021 and 2022" "441001  秦皇岛市北戴河区西山街道办事处（本级）    2021,2022"
jx --db t.db stats --tsv 441001
out_has "stats: 2022 has the 21 projects and 189 indicators of 2021" \
	"441001	2022	21	189	1475.94"
xs_export 2022
is "export 2022: every project has reviewed: false" 21 "$(count_out "reviewed: false")"
is "export 2022: the same projects as 2021" "$XS" "$(projects_of | cut -d' ' -f1-4)"
xs_export 2021
is "export 2021: nothing marked" 0 "$(count_out "reviewed:")"

keys Tab e
line_has 1 "Project · 直选人员及社区工作者工资及保险" "e opens the copied project's form"
keys C-s
line_has '$' "Saved 直选人员及社区工作者工资及保险" "saving it …"
line_lacks 3 "◇" "… marks it reviewed on the screen"
line_has 4 "◇春节慰问金" "the others are still marked"
xs_export 2022
is "export 2022: 20 projects still not reviewed" 20 "$(count_out "reviewed: false")"
is "export 2022: the saved one is not among them" "" \
	"$(awk '/^projects:/ { p = 1; next } p && /^- / { k++ } p && k == 1 && /reviewed/' "$JX_RUN/out")"

keys u u
line_has '$' "Undone: starting 2022 from 2021" "u u undoes the save and the new year"
line_has 1 "项目 2021" "u u: back in 2021"
jx --db t.db ls
out_has "u u: the department has 2021 only" "441001  秦皇岛市北戴河区西山街道办事处（本级）    2021
"
jx --db t.db stats --tsv 441001
out_lacks "u u: stats has no 2022" "2022"
keys C-r
line_has '$' "Redone: starting 2022 from 2021" "C-r starts the year again"
jx --db t.db stats --tsv 441001
out_has "C-r: 2022 is back" "441001	2022	21	189	1475.94"
keys u
jx --db t.db stats --tsv 441001
out_lacks "u: and gone again" "2022"
quit_and_wait
exit_is 0 "q exits with status 0"

# ---- the grid, at 160x48 -------------------------------------------------------

start 160 48 --db t.db
keys Down Down Tab t
line_has 1 "Indicators of 直选人员及社区工作者工资及保险" "t opens the grid of the project"
keys NPage
line_has 12 "  +" "PgDn goes to the blank row at the end"
keys C-r -l "资金到位率" Tab -l "资金按时足额到位" Tab -l "≥98%" Tab -l "财务记录" Tab
screen_matches '^ 10 满意度指标 +服务对象满意… +资金到位率 +资金按时足额到位 +≥98% +财务记录$' \
	"C-r copies both levels, the row is typed"
keys C-r -l "资金到位及时率" Tab C-d Tab -l "≥99%" Tab C-d
screen_matches '^ 11 满意度指标 +服务对象满意… +资金到位及时率 +资金按时足额到位 +≥99% +财务记录$' \
	"C-d copies the cells above"
line_has 1 "[changed]" "the grid says it was changed"
keys C-s
line_has '$' "Saved the grid (u undoes it whole)" "C-s saves the grid"
line_has 1 "指标  1/11" "eleven indicators now"
xs_export
is "export: the two rows at the end" \
	"资金使用率 资金拨付率 工资发放及时性 按预算资金完成率 资金支出率 社会影响力 社会稳定水平 长期使用性 人员满意度（%） 资金到位率 资金到位及时率" \
	"$(names_of 1)"
out_has "export: the second row as typed and copied" "  - level1: 满意度指标
    level2: 服务对象满意度指标
    name: 资金到位及时率
    description: 资金按时足额到位
    target: ≥99%
    basis: 财务记录"
keys u
line_has '$' "Undone: the grid's changes to the indicators of" "u undoes the grid"
line_has 1 "指标  1/9" "u: both rows are gone at once"
xs_export
is "u: export as before the grid" \
	"资金使用率 资金拨付率 工资发放及时性 按预算资金完成率 资金支出率 社会影响力 社会稳定水平 长期使用性 人员满意度（%）" \
	"$(names_of 1)"

keys L
line_has 33 "History of this project and its indicators, newest first:" \
	"L on a project: its history and its indicators'"
screen_has "tester  delete indicator 资金到位及时率" "L: the undone grid row"
screen_has "tester  insert indicator 资金到位率" "L: the grid's rows"
is "L: the project's three moves, their undos, the indicator's move and its undo" 8 \
	"$(grep -cE '^ 2026-01-01 00:00  tester  move seq: [0-9]+ → [0-9]+$' "$JX_RUN/screen")"
screen_fits 160 48 "the history fits the screen"
quit_and_wait
exit_is 0 "q exits with status 0 at 160x48"

done_testing
