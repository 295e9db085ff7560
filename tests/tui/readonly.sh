#!/bin/sh
# readonly.sh — with -r the status line says [read-only] (at 80x24 and at
# 160x48), and every editing key (e, a, d, +, < and >, M-Up and M-Down, t,
# Y, u and C-r) says that nothing can be changed; the database is left as
# it was. Without -r, e and a open their forms and Esc closes them
# without a change, and d asks before it deletes.
. "$(dirname "$0")/lib.sh"

samples_db t.db
keep_db t.db

for size in "80 24" "160 48"; do
	# shellcheck disable=SC2086
	start $size -r --db t.db
	at="-r at $(echo "$size" | tr ' ' x)"
	line_has '$' "[read-only]" "$at: the status line says [read-only]"
	for key in e a d + t Y u C-r; do
		keys "$key"
		line_has '$' "Read-only: nothing can be changed" \
			"$at: $key in the departments pane says nothing can be changed"
	done
	keys Tab
	for key in e a d + '<' '>' M-Up M-Down t u C-r; do
		keys "$key"
		line_has '$' "Read-only: nothing can be changed" "$at: $key in the projects pane too"
	done
	keys Tab
	for key in e a d + '<' '>' M-Up M-Down Y; do
		keys "$key"
		line_has '$' "Read-only: nothing can be changed" "$at: $key in the indicators pane too"
	done
	screen_lacks "Indicator ·" "$at: no form was opened"
	keys Down
	line_lacks '$' "Read-only:" "$at: the message goes away with the next key"
	line_has '$' "[read-only]" "$at: … and [read-only] is back"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
done
db_unchanged "the database is unchanged after the read-only sessions" t.db

start 80 24 --db t.db
screen_lacks "[read-only]" "without -r the status line does not say read-only"
keys e
line_has 1 "Department and year · 大连高新技术产业园区七贤岭街道办事处 2026" \
	"without -r, e in the departments pane opens the department-year form"
keys Escape
line_has '$' "Closed the form; nothing saved" "Esc closes it at once (nothing was typed)"
line_has 1 "单位  1/3" "… back to the panes"
keys a
line_has 1 "a new department-year" "a opens a blank department-year form"
keys Escape
line_has 1 "单位  1/3" "Esc closes it"
keys Tab e
line_has 1 "Project · 七贤岭街道社区工作者工资及附加" "e in the projects pane opens the project form"
keys Escape Tab e
line_has 1 "Indicator · 社区工作人员人数" "e in the indicators pane opens the indicator form"
keys Escape d
line_has '$' "Delete the indicator 社区工作人员人数? (y/n)" "d asks before deleting"
keys n
line_has '$' "Nothing deleted" "n keeps the indicator"
quit_and_wait
exit_is 0 "q exits with status 0"
db_unchanged "the database is unchanged" t.db

done_testing
