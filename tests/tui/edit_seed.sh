#!/bin/sh
# edit_seed.sh — a clerk keys the first project of seed 000 (七贤岭街道社区
# 工作者工资及附加, 8 indicators) into an empty database through the forms
# and the indicator grid, as it is printed in the table; `jixiao export` of
# the result holds that project exactly as data/samples/qixianling-2026.yaml
# does. The keystrokes are counted (a Chinese character typed is one key,
# as an input method hands it over) and printed, next to the characters of
# the same project's text, so that the cost of the keys beyond the text
# itself is plain.
. "$(dirname "$0")/lib.sh"

SAMPLE=$JX_SAMPLES_DIR/qixianling-2026.yaml
[ -f "$SAMPLE" ] || bail_out "no sample at $SAMPLE"

# The first project of an interchange file, from its "- " to the next.
first_project() {
	awk '/^projects:/ { p = 1; next } p && /^- / { n++ } p && n == 1' "$1"
}

jx_ok --db t.db init
start 80 24 --db t.db
screen_has "Press a to key in a department and year" \
	"an empty database says how to start keying"

# The department and year: name and year are what this table prints.
keys a
screen_has "部门名称" "a in the departments pane opens the department-year form"
keys Tab -l "大连高新技术产业园区七贤岭街道办事处" Tab Tab -l "2026" C-s
screen_has "七贤岭街道办事处" "the department is saved and listed"

# The project, field by field in the form's order.
GOAL="依据《大连市社区规范化建设标准（试行）》条例，每200户社区居民配备1人标准，配备社区工作人员。完成发放社区工作者工资、保险、公积金、绩效奖、退休人员独子补贴、工会会费。"
UNIT="大连高新技术产业园区七贤岭街道办事处"
keys Tab a
screen_has "项目名称" "a in the projects pane opens the project form"
keys Tab -l "七贤岭街道社区工作者工资及附加" \
	Tab -l "七贤岭街道社区工作者工资及附加项目绩效目标表" \
	Tab -l "$UNIT" Tab -l "$UNIT" Tab Tab \
	Tab -l "2026年1月至2026年12月" \
	Tab -l 1661 Tab -l 1661 Tab Tab -l 1661 Tab -l 1661 Tab \
	Tab Tab Tab Tab -l "$GOAL" Tab -l "$GOAL"
screen_has "年度目标" "the form scrolls down to the goals"
keys C-s
screen_has "七贤岭街道社区工作者工资及附加" "the project is saved and listed"

# The indicators in the grid: C-r repeats level 1 and level 2 (the merged
# cells of the table), C-d repeats the cell above.
keys t
screen_has "一级指标" "t opens the indicator grid"
keys -l "产出指标" Tab -l "数量指标" Tab -l "社区工作人员人数" Tab Tab -l "≤122人" Tab Tab \
	C-r -l "社区数量" Tab Tab -l "=14个" Tab Tab \
	C-d Tab -l "质量指标" Tab -l "社区工作人员能力与岗位契合度" Tab Tab -l "100%" Tab Tab \
	C-d Tab -l "时效指标" Tab -l "社工聘用年限" Tab Tab -l ">1年" Tab Tab \
	C-d Tab -l "成本指标" Tab -l "工资发放合规率" Tab Tab -l "100%" Tab Tab \
	-l "效益指标" Tab -l "社会效益指标" Tab -l "提高基层社会治理水平" Tab Tab -l "提高" Tab Tab \
	C-d Tab -l "可持续影响指标" Tab -l "保障社区工作人员基本权益，提升社区工作人员服务群众积极性" Tab Tab -l "100%" Tab Tab \
	-l "满意度指标" Tab -l "服务对象满意度指标" Tab -l "群众对社区工作满意度" Tab Tab -l "≥90%"
screen_has "群众对社区工作满意度" "the eighth row is typed"
keys C-s
screen_lacks "Not saved" "the grid saves without problems"
line_has 3 "七贤岭街道社区" "the project is listed …"
line_matches() { line "$1" | grep -Eq "$2"; }
if line_matches 3 "1661 +8 "; then
	pass "… with its money and 8 indicators"
else
	fail "… with its money and 8 indicators"
	line 3 | diag
fi
typed=$JX_KEYS
quit_and_wait
exit_is 0 "q exits with status 0"

jx_ok --db t.db export -o out.yaml
first_project "$SAMPLE" >"$JX_RUN/want"
first_project out.yaml >"$JX_RUN/got"
if cmp -s "$JX_RUN/want" "$JX_RUN/got"; then
	pass "export of the typed project equals the sample's first project"
else
	fail "export of the typed project equals the sample's first project"
	diff "$JX_RUN/want" "$JX_RUN/got" | diag
fi

# The text itself: every character of the project's values in the sample.
chars=$(first_project "$SAMPLE" | sed -n 's/^[ -]*[a-z_0-9]*: //p' |
	tr -d "'\n" | wc -m | tr -d ' ')
echo "# keystrokes to enter seed 000's first project: $typed (the text itself is $chars characters; q not counted)"

done_testing
