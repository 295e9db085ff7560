#!/bin/sh
# alignment.sh — columns line up by display width (a Chinese character is
# two columns) at 80x24 and at 160x48: the pane borders, the departments'
# 年度 column, the projects' 万元 and 指标 columns (right-aligned), the
# indicators' 指标值 column, with a blank column between neighbouring
# columns; zoomed panes too; nothing is wider than the terminal and nothing
# wraps.
. "$(dirname "$0")/lib.sh"

need_python
samples_db t.db

# borders_line_up LAST: the two pane borders │ are at the same columns on
# lines 1..LAST.
borders_line_up() {
	borders=$(cols_of "│" 1)
	bad=
	n=1
	while [ "$n" -le "$1" ]; do
		[ "$(cols_of "│" "$n")" = "$borders" ] || bad="$bad $n"
		n=$((n + 1))
	done
	if [ -n "$borders" ] && [ -z "$bad" ]; then
		pass "$at: the pane borders │ are at the same columns on lines 1 to $1"
	else
		fail "$at: the pane borders │ are at the same columns on lines 1 to $1"
		echo "# line 1 has them at columns '$borders'; lines that differ:$bad"
		diag <"$JX_RUN/screen"
	fi
}

# alignment W H SEPARATOR_LINE ZOOMED_ROWS (秦皇岛's 21 projects, as many
# as fit)
alignment() {
	at="at $1x$2"
	start "$1" "$2" --db t.db
	screen_fits "$1" "$2" "$at: exactly $2 lines, none wider than $1 columns"
	line_of "────────" >"$JX_RUN/sep"
	is "$at: the separator is on line $3" "$3" "$(cat "$JX_RUN/sep")"
	borders_line_up $(($3 - 1))

	year=$(col_of 年度 2)
	column_starts "$at: departments: 年度 starts at column $year on the header and every row" \
		"$year" 2 5

	yuan=$(col_of 万元 2)
	column_ends "$at: projects: the 万元 column ends at column $((yuan + 3)) on the header and all 10 rows" \
		$((yuan + 3)) 2 12
	count=$(cols_of 指标 2 | awk '{ print $1 }')
	column_ends "$at: projects: the 指标 count ends at column $((count + 3)) on the header and all 10 rows" \
		$((count + 3)) 2 12

	target=$(col_of 指标值 2)
	column_starts "$at: indicators: 指标值 starts at column $target, after a blank column, on the header and all 8 rows" \
		"$target" 2 10

	# The 秦皇岛 2021 projects have codes; zoomed, the 编码 column shows them.
	keys End Tab z
	last=$(($4 + 2))
	column_starts "$at: zoomed projects: the codes start at column 0" 0 3 $last
	name=$(col_of 直选人员 3)
	column_starts "$at: zoomed projects: the names start at column $name on every row" \
		"$name" 3 $last
	money=$(col_of 130.97 3)
	column_ends "$at: zoomed projects: the budgets end at column $((money + 5)) on every row" \
		$((money + 5)) 3 $last
	screen_fits "$1" "$2" "$at, zoomed: exactly $2 lines, none wider than $1 columns"
	keys z
}

alignment 80 24 16 13
alignment 160 48 32 21

done_testing
