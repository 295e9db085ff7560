#!/bin/sh
# first_screen.sh — what `jixiao` shows when it starts on the three samples,
# at 80x24 and at 160x48: the three panes with their records, the text of
# the focused record (the first department) under them, and the status
# line with the database and the key hints.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# first_screen W H SEPARATOR_LINE
first_screen() {
	at="at $1x$2"
	start "$1" "$2" --db t.db
	line_has 1 "单位  1/3" "$at: the departments pane's title counts 3 departments"
	line_has 1 "项目 2026  1/10" "$at: the projects pane's title has the year 2026 and 10 projects"
	line_has 1 "指标  1/8" "$at: the indicators pane's title counts the first project's 8 indicators"
	line_has 2 "年度" "$at: the departments pane has a 年度 column"
	line_has 2 "万元" "$at: the projects pane has a 万元 column"
	line_has 2 "指标值" "$at: the indicators pane has a 指标值 column"
	line_has 3 "大连高新技术" "$at: row 1 of the departments is 大连高新技术产业园区…"
	line_has 4 "承德高新技术" "$at: row 2 of the departments is 承德高新技术产业开发区…"
	line_has 5 "秦皇岛市北戴" "$at: row 3 of the departments is 秦皇岛市北戴河区…"
	line_has 3 "2026" "$at: 大连's year 2026 is shown"
	line_has 4 "2023" "$at: 承德's year 2023 is shown"
	line_has 5 "2021" "$at: 秦皇岛's year 2021 is shown"
	line_has 3 "七贤岭街道" "$at: the first project of 七贤岭 2026 is shown"
	line_has 3 "1661" "$at: the first project's budget 1661 (万元) is shown"
	line_has 6 "371.58" "$at: the fourth project's budget 371.58 is shown"
	line_has 12 "115.73" "$at: the tenth project's budget 115.73 is shown"
	line_has 3 "社区工作" "$at: the first indicator 社区工作人员人数 is shown"
	line_has 3 "≤122人" "$at: the first indicator's target ≤122人 is shown"
	line_has 10 "≥90%" "$at: the eighth indicator's target ≥90% is shown"
	line_is "$3" "$(printf "%${1}s" '' | sed 's/ /─/g')" \
		"$at: line $3 is the separator under the panes, the full width"
	line_is $(($3 + 1)) " 单位：大连高新技术产业园区七贤岭街道办事处" \
		"$at: the detail area shows the focused department's full name"
	line_is $(($3 + 2)) " 年度：2026" "$at: the detail area shows its year"
	line_has '$' " t.db " "$at: the status line names the database"
	line_has '$' "? help" "$at: the status line hints at help"
	line_has '$' "q quit" "$at: the status line hints at quit"
	screen_lacks "�" "$at: no replacement characters (the UTF-8 text is drawn as such)"
	screen_fits "$1" "$2" "$at: the screen is exactly $2 lines of at most $1 columns"
}

first_screen 80 24 16
line_has 3 "大连高新技术…" "at 80x24: a cut department name ends in …"
line_has 3 "七贤岭街道社区…" "at 80x24: a cut project name ends in …"

first_screen 160 48 32
line_has 3 "七贤岭街道社区工作者工资及附加" "at 160x48: the project name is shown whole"
line_has 3 "社区工作人员人数" "at 160x48: the indicator name is shown whole"
line_has '$' "2026 大连高新技术产业园区七贤岭街道办事处" \
	"at 160x48: the status line has the department and the year"

quit_and_wait
exit_is 0 "q exits with status 0"

done_testing
