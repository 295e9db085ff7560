#!/bin/sh
# edit_forms.sh — editing and saving each kind of record through its form,
# with Chinese text, at 80x24 and at 160x48: the department-year (e in the
# departments pane; a adds one), a project (e in the projects pane) and an
# indicator (e in the indicators pane). After each save the panes and the
# detail area show the new values, and `jixiao show`/`ls`/`export` (run
# while the form's program is still open) prove that they are stored.
# Validation on save, shown under the field: a bad amount and a bad year
# (✗, nothing saved), fiscal + other ≠ total (⚠, saved by a second C-s), a
# required field emptied (✗), a target not understood (⚠, confirmed by a
# second C-s), spending-plan percentages that decrease (✗ until fixed).
# Every form screen fits the window.
. "$(dirname "$0")/lib.sh"

need_python

Q=七贤岭
P1=七贤岭街道社区工作者工资及附加

# tabs N: N times Tab (the next field).
tabs() {
	jx_n=$1
	set --
	while [ "$jx_n" -gt 0 ]; do
		set -- "$@" Tab
		jx_n=$((jx_n - 1))
	done
	keys "$@"
}

# field_line LABEL: the number of the form line that starts with LABEL.
field_line() {
	awk -v l="$1" 'index($0, l) == 1 { print NR; exit }' "$JX_RUN/screen"
}

# field_has LABEL TEXT DESC: the line of field LABEL contains TEXT.
field_has() {
	jx_f=$(field_line "$1")
	if [ -z "$jx_f" ]; then
		fail "$3"
		printf '# no form line starts with %s; the screen:\n' "$1"
		diag <"$JX_RUN/screen"
		return 0
	fi
	line_has "$jx_f" "$2" "$3"
}

# note_under LABEL TEXT DESC: the line below field LABEL (where a finding
# is shown) contains TEXT.
note_under() {
	jx_f=$(field_line "$1")
	if [ -z "$jx_f" ]; then
		fail "$3"
		printf '# no form line starts with %s; the screen:\n' "$1"
		diag <"$JX_RUN/screen"
		return 0
	fi
	line_has "$((jx_f + 1))" "$2" "$3"
}

# out_matches ERE DESC: a line of the last command's stdout matches.
out_matches() {
	if grep -qE -- "$1" "$JX_RUN/out"; then
		pass "$2"
	else
		fail "$2"
		printf '# expected a line of stdout to match: %s\n# stdout:\n' "$1"
		diag <"$JX_RUN/out"
	fi
}

# The department-year of 七贤岭 as exported now.
export_q() {
	jx --db t.db export --dept "$Q" --year 2026
}

for size in "80 24" "160 48"; do
	W=${size% *}
	H=${size#* }
	at="${W}x$H"
	rm -f t.db t.db-wal t.db-shm
	samples_db t.db

	# ---- the department-year ------------------------------------------
	# shellcheck disable=SC2086
	start $size --db t.db
	keys e
	line_has 1 "Department and year · 大连高新技术产业园区七贤岭街道办事处 2026" \
		"$at: e in the departments pane opens the department-year form"
	field_has "部门名称*" "大连高新技术产业园区七贤岭街道办事处" \
		"$at: … labelled as in the tables, with the stored values"
	field_has "年度*" "2026" "$at: … the year"
	field_has "总体绩效目标" "" "$at: … and the goals (empty here)"
	screen_fits "$W" "$H" "$at: the department-year form fits the window"
	# 主管部门 (third), then 总体绩效目标 (eighth): two lines with Enter.
	keys Tab Tab -l "大连高新技术产业园区管理委员会" \
		Tab Tab Tab Tab Tab -l "保障社区工作者待遇" Enter -l "提升基层治理水平"
	field_has "总体绩效目标" "保障社区工作者待遇" "$at: typed goals are shown …"
	line_has "$(($(field_line 总体绩效目标) + 1))" "提升基层治理水平" \
		"$at: … Enter starts a second line in a text of several lines"
	line_has 1 "[changed]" "$at: the title says the form has changed"
	keys Tab -l "做好社区服务" Tab -l "服务到位" Tab -l "满意度达到90%"
	field_has "分项目标 1" "做好社区服务" "$at: a sub-goal is typed into the blank item"
	screen_has "分项目标 2" "$at: … and a blank second item appears"
	keys C-s
	line_has '$' "Saved 大连高新技术产业园区七贤岭街道办事处 2026" \
		"$at: C-s saves the department-year and says so"
	screen_has "总体绩效目标：保障社区工作者待遇" "$at: the detail shows the new goals"
	screen_fits "$W" "$H" "$at: the panes fit after the save"
	export_q
	out_has "$at: export holds the goals on two lines" "goals: |-
  保障社区工作者待遇
  提升基层治理水平
"
	out_has "$at: … the sub-goal" "subgoals:
- title: 做好社区服务
  goal: 服务到位
  indicator: 满意度达到90%
"
	out_has "$at: … and the competent department" \
		"  competent: 大连高新技术产业园区管理委员会"

	# a: a new department-year; a bad year is refused first.
	keys a
	line_has 1 "a new department-year" "$at: a in the departments pane opens a blank form"
	keys -l 990001 Tab -l "测试市某某街道办事处" Tab Tab -l "二〇二七" C-s
	note_under "年度*" "✗ a year is four digits, 1900 to 2999" \
		"$at: a year that is not digits: ✗ under 年度"
	line_has '$' "Not saved: 1 problem" "$at: … and the status line says it was not saved"
	screen_fits "$W" "$H" "$at: the form with a finding fits the window"
	keys C-u -l 2027 C-s
	line_has '$' "Saved 测试市某某街道办事处 2027" "$at: with 2027 it is saved"
	screen_has "测试市某某" "$at: … and listed in the departments pane"
	jx --db t.db ls
	out_matches '^990001 +测试市某某街道办事处 +2027$' "$at: jixiao ls lists 990001 测试市某某街道办事处 2027"
	keys Home

	# ---- a project -----------------------------------------------------
	keys Tab e
	line_has 1 "Project · $P1" "$at: e in the projects pane opens the project form"
	field_has "项目名称*" "$P1" "$at: … with the project's name"
	field_has "年度资金总额" "1661" "$at: … and its money in 万元"
	screen_fits "$W" "$H" "$at: the project form fits the window"
	# 项目名称 (second): append; 项目类别 (seventh); 资金用途 (fifteenth).
	keys Tab -l "（修订）" Tab Tab Tab Tab Tab -l "经常性项目" \
		Tab Tab Tab Tab Tab Tab Tab Tab -l "发放社区工作者工资" Enter \
		-l "缴纳社会保险和公积金"
	field_has "资金用途" "发放社区工作者工资" "$at: 资金用途 is typed on two lines"
	keys C-s
	# (The message names the project as it was when the form opened.)
	line_has '$' "Saved $P1" "$at: C-s saves the project"
	screen_has "项目名称：$P1（修订）" "$at: the detail shows the new name"
	line_has 3 "七贤岭街道社区" "$at: the project stays first in the pane"
	jx --db t.db show "$Q" 2026 1
	out_matches "^项目名称 +$P1（修订）$" "$at: jixiao show has the new name"
	out_has "$at: … 资金用途 on two lines" "资金用途
  发放社区工作者工资
  缴纳社会保险和公积金
"
	export_q
	out_has "$at: export has the category" "  category: 经常性项目"

	# ---- an indicator --------------------------------------------------
	keys Tab e
	line_has 1 "Indicator · 社区工作人员人数" "$at: e in the indicators pane opens the indicator form"
	field_has "指标值*" "≤122人" "$at: … with the target"
	screen_fits "$W" "$H" "$at: the indicator form fits the window"
	keys Tab Tab Tab -l "按每200户配备1人核定" Tab C-u -l "≤130人" Tab -l "大连市社区规范化建设标准"
	keys C-s
	line_has '$' "Saved 社区工作人员人数" "$at: C-s saves the indicator"
	screen_has "指标值：≤130人" "$at: the detail shows the new target …"
	screen_has "绩效指标描述：按每200户配备1人核定" "$at: … and the description"
	line_has 3 "≤130人" "$at: the indicators pane shows the new target"
	jx --db t.db ls "$Q" 2026 1
	out_matches '^1 +产出指标 +数量指标 +社区工作人员人数 +≤130人 +大连市社区规范化建设标准$' \
		"$at: jixiao ls shows the new target and basis"
	export_q
	out_has "$at: export has the description" "    description: 按每200户配备1人核定"

	# ---- validation: project -----------------------------------------------
	keys BTab e
	keep_db t.db
	# 年度资金总额 is the twelfth field.
	tabs 11
	keys C-u -l 12.345678 C-s
	note_under "年度资金总额" '✗ amount "12.345678" has more than four decimals' \
		"$at: an amount with six decimals: ✗ under 年度资金总额"
	line_has '$' "Not saved: 1 problem, marked ✗ under its field" \
		"$at: … and the status line says it was not saved"
	screen_fits "$W" "$H" "$at: the form with the ✗ fits the window"
	db_unchanged "$at: the bad amount is not saved" t.db
	keys C-s
	note_under "年度资金总额" "✗ amount" "$at: a second C-s does not save an error either"
	keys Escape y
	line_has '$' "Closed the form; nothing saved" "$at: Esc y closes the form"
	db_unchanged "$at: … the database is as it was" t.db

	# A required field emptied; C-y puts the name back.
	keys e Tab C-u C-s
	note_under "项目名称*" "✗ 项目名称 is missing" "$at: 项目名称 emptied: ✗ under it"
	line_has '$' "Not saved: 1 problem" "$at: … not saved"
	db_unchanged "$at: … the database is as it was" t.db

	# The spending plan: 60% and then 30% decreases.
	keys C-y Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab \
		-l "6月底" Tab -l "60%" Tab -l "12月底" Tab -l "30%"
	field_has "支出计划时点 2" "12月底" "$at: typing into the plan's blank item adds a second checkpoint"
	keys C-s
	note_under "累计支出比例 2" "✗ 累计支出比例 decreases: 30% at checkpoint 2 after 60%" \
		"$at: percentages that decrease: ✗ under 累计支出比例 2"
	jx_f=$(field_line "项目名称*")
	line_lacks "$((jx_f + 1))" "✗" "$at: … and the name put back has no note any more"
	db_unchanged "$at: the decreasing plan is not saved" t.db
	keys C-u -l 100% C-s
	line_has '$' "Saved $P1" "$at: with 100% the plan is saved"
	export_q
	out_has "$at: export has the plan" "  plan:
  - label: 6月底
    percent: 60%
  - label: 12月底
    percent: 100%
"

	# fiscal + other ≠ total: a warning, saved when C-s is pressed again.
	keep_db t.db
	keys e
	tabs 13
	keys -l 10 C-s
	note_under "年度资金总额" "⚠ 财政资金 + 其他资金 ≠ 年度资金总额: 1661 + 10 ≠ 1661 万元" \
		"$at: fiscal + other ≠ total: ⚠ under 年度资金总额"
	line_has '$' "Warnings are marked ⚠: save again" "$at: … the status line asks to save again"
	screen_fits "$W" "$H" "$at: the form with the ⚠ fits the window"
	db_unchanged "$at: the first C-s does not save it" t.db
	keys C-s
	line_has '$' "Saved $P1" "$at: the second C-s saves it"
	jx --db t.db show "$Q" 2026 1
	out_matches '^  其他资金 +其他资金 +10$' "$at: jixiao show has 其他资金 10 for the year"

	# ---- validation: indicator -----------------------------------------------
	keys Tab e Tab Tab C-u C-s
	note_under "三级指标*" "✗ 三级指标 is missing" "$at: 三级指标 emptied: ✗ under it"
	keep_db t.db
	keys -l "社区工作人员人数" Tab Tab C-u -l "大约一百三十人左右" C-s
	jx_f=$(field_line "三级指标*")
	line_lacks "$((jx_f + 1))" "✗" "$at: the name typed again has no note"
	note_under "指标值*" '⚠ 指标值 "大约一百三十人左右" is not understood' \
		"$at: a target not understood: ⚠ under 指标值"
	line_has '$' "Warnings are marked ⚠" "$at: … the status line asks to save again"
	screen_fits "$W" "$H" "$at: the indicator form with the ⚠ fits the window"
	db_unchanged "$at: the first C-s does not save the target" t.db
	keys C-s
	line_has '$' "Saved 社区工作人员人数" "$at: the second C-s keeps it as free text"
	line_has 3 "大约" "$at: the indicators pane shows it"
	jx --db t.db ls "$Q" 2026 1
	out_matches '^1 +产出指标 +数量指标 +社区工作人员人数 +大约一百三十人左右 ' \
		"$at: jixiao ls shows the free-text target"

	# A changed warning is asked about again: the confirmation was for
	# the text the user saw.
	keys e Tab Tab Tab Tab C-u -l "差不多吧" C-s
	note_under "指标值*" '⚠ 指标值 "差不多吧"' "$at: another unclear target: ⚠ again"
	keys -l "。" C-s
	note_under "指标值*" '⚠ 指标值 "差不多吧。"' \
		"$at: changed after the warning, C-s warns again instead of saving"
	keys Escape
	line_has '$' "Throw away what was typed in this form? (y/n)" "$at: Esc asks first"
	keys y
	line_has '$' "Closed the form; nothing saved" "$at: y closes the form without saving"
	jx --db t.db ls "$Q" 2026 1
	out_matches '^1 .* 大约一百三十人左右 ' "$at: … the target is the one saved before"
	screen_fits "$W" "$H" "$at: the panes fit at the end"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
done

done_testing
