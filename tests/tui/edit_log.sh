#!/bin/sh
# edit_log.sh — `jixiao log` of changes made in the full-screen interface:
# a form's save is one line per changed field (old → new), a delete, an
# add and its undo, a move, a grid row and a new year each a line of
# their own, with the user who made them (tester, then auditor a day
# later in a second session); the table, --tsv, and the filters (who,
# since, limit, newest, department / year / project). tests/cli/log.sh
# tests the log as imports write it.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# ---- tester, on 2026-01-01 ------------------------------------------------

start 80 24 --db t.db
# The first indicator's form: a description where there was none, and
# the target.
keys Tab Tab e Tab Tab Tab -l "在岗社区工作人员数" Tab C-a C-k -l "≤130人" C-s
line_has '$' "Saved 社区工作人员人数" "tester: an indicator saved"
# Delete the second, add one after the first and undo that.
keys Down d y
line_has '$' "Deleted 社区数量" "tester: an indicator deleted"
keys Up a -l "社区网格员人数" Tab Tab -l "≥30人" C-s
line_has '$' "Saved 社区网格员人数" "tester: an indicator added"
keys u
line_has '$' "Undone: adding 社区网格员人数" "tester: the add undone"
# Move the last indicator up.
keys End '<'
line_has 8 "群众对社" "tester: the last indicator moved up"
# The project's form: 项目属性.
keys BTab e Tab Tab Tab Tab Tab -l "经常性项目" C-s
line_has '$' "Saved 七贤岭街道社区工作者工资及附加" "tester: the project saved"
# A row in the grid (its levels copied from the row above, now the
# indicator the move put last).
keys t NPage C-r -l "社区服务站数量" Tab Tab -l "=14个" C-s
line_has '$' "Saved the grid" "tester: a row added in the grid"
# The next year.
keys BTab Y y
line_has '$' "2027 started from 2026" "tester: 2027 started from 2026"
quit_and_wait
exit_is 0 "tester: q exits with status 0"

# ---- auditor, on 2026-01-02, in 2027 -----------------------------------------

JX_ENV="JIXIAO_USER=auditor JIXIAO_NOW=1767312000"
start 80 24 --db t.db
JX_ENV=
line_has 1 "项目 2027" "auditor: the new year is shown first"
keys Tab e Tab Tab Tab Tab Tab Tab -l "民生项目" C-s
line_has '$' "Saved 七贤岭街道社区工作者工资及附加" "auditor: the copied project saved"
keys Tab e Tab Tab Tab Tab C-a C-k -l "≤125人" C-s
line_has '$' "Saved 社区工作人员人数" "auditor: the copied indicator saved"
quit_and_wait
exit_is 0 "auditor: q exits with status 0"

# ---- the log ------------------------------------------------------------------

jx --db t.db log --tsv 七贤岭 2026 1
is_status 0 "log of a project exits 0"
out_is "--tsv: the project's and its indicators' changes, field by field" <<'EOF'
at	who	action	table	record_id	label	field	old	new
2026-01-01T00:00:00Z	tester	update	indicator	118	社区工作人员人数	description		在岗社区工作人员数
2026-01-01T00:00:00Z	tester	update	indicator	118	社区工作人员人数	target	≤122人	≤130人
2026-01-01T00:00:00Z	tester	delete	indicator	119	社区数量		产出指标/数量指标/社区数量: =14个	
2026-01-01T00:00:00Z	tester	insert	indicator	383	社区网格员人数			产出指标/数量指标/社区网格员人数: ≥30人
2026-01-01T00:00:00Z	tester	delete	indicator	383	社区网格员人数		产出指标/数量指标/社区网格员人数: ≥30人	
2026-01-01T00:00:00Z	tester	move	indicator	125	群众对社区工作满意度	seq	9	8
2026-01-01T00:00:00Z	tester	update	project	14	七贤岭街道社区工作者工资及附加	attribute		经常性项目
2026-01-01T00:00:00Z	tester	insert	indicator	384	社区服务站数量			效益指标/可持续影响指标/社区服务站数量: =14个
EOF

jx --db t.db log 七贤岭 2026 1
out_has "table: an update shows old → new" \
	"2026-01-01 00:00:00  tester  修改  指标 社区工作人员人数             target       ≤122人 → ≤130人"
out_has "table: an empty old value is —" "description  — → 在岗社区工作人员数"
out_has "table: a delete shows what was deleted" \
	"tester  删除  指标 社区数量                                  产出指标/数量指标/社区数量: =14个"
out_has "table: the project's field" "项目 七贤岭街道社区工作者工资及…  attribute    — → 经常性项目"
out_no_trailing_space "table: no line ends in a blank"
cp "$JX_RUN/out" log.out
columns_line_up "table: the user column lines up" log.out '^\S+ \S+\s+(\S)'
columns_line_up "table: the field column lines up" log.out \
	'  (description|target|attribute|seq) '

jx --db t.db log --tsv 七贤岭 2027
out_is "--tsv: the new year, then the auditor's changes in it" <<'EOF'
at	who	action	table	record_id	label	field	old	new
2026-01-01T00:00:00Z	tester	copy	dept_year	4	大连高新技术产业园区七贤岭街道办事处 2027		大连高新技术产业园区七贤岭街道办事处 2026	10 projects, 76 indicators
2026-01-02T00:00:00Z	auditor	update	project	45	七贤岭街道社区工作者工资及附加	category		民生项目
2026-01-02T00:00:00Z	auditor	update	project	45	七贤岭街道社区工作者工资及附加	reviewed	false	true
2026-01-02T00:00:00Z	auditor	update	indicator	385	社区工作人员人数	target	≤130人	≤125人
EOF

# ---- filters ----------------------------------------------------------------

jx --db t.db log --tsv --who auditor
out_lines "--who auditor: the header and auditor's 3 changes" 4
out_lacks "--who auditor: nothing of tester's" "tester"

jx --db t.db log --tsv --who tester 七贤岭 2027
out_lines "--who tester in 2027: only the new year" 2
out_has "--who tester in 2027: the copy" "tester	copy	dept_year"

jx --db t.db log --tsv --since 2026-01-02
out_lines "--since the second day: auditor's changes" 4
out_lacks "--since: nothing of the first day" "2026-01-01T"

jx --db t.db log --tsv --limit 2 --newest
out_line_is "--limit 2 --newest: the latest first" 2 \
	"2026-01-02T00:00:00Z	auditor	update	indicator	385	社区工作人员人数	target	≤130人	≤125人"
out_line_is "--limit 2 --newest: then the one before" 3 \
	"2026-01-02T00:00:00Z	auditor	update	project	45	七贤岭街道社区工作者工资及附加	reviewed	false	true"
out_lines "--limit 2: two changes" 3

jx --db t.db log --tsv 七贤岭
out_lines "a department: its import, its years' and records' changes" 15
out_lacks "a department: no other department" "西山"

jx --db t.db log --tsv 441001
out_lines "another department: its own two rows" 3

jx --db t.db log --tsv --who nobody
is_status 0 "--who with no changes exits 0"
out_lines "--who with no changes: the header only" 1

done_testing
