#!/bin/sh
# log.sh — `jixiao log`: the change log as imports write it (the samples,
# a second user a day later, a replacing import, a file name with a tab
# and a line break in it), oldest first as an aligned table cut to one
# line per change, or as TSV with the full text; narrowed by department,
# year and project, by user, by date, to the latest N; and the mistakes.
# Edits field by field come from the interface and are tested with it
# (and in tests/unit/test_store_edit.c, where the log rows are written).
. "$(dirname "$0")/lib.sh"

samples_db d.db
# A day later, another user: a new department-year from a file whose
# name holds a tab and a line break, then that year replaced.
odd=$(printf 'a\tb\nc.yaml')
cp "$JX_FIXTURES/good.yaml" "$odd" || bail_out "cannot copy good.yaml"
fixture replacement.yaml
JIXIAO_USER=auditor
JIXIAO_NOW=1767312000        # 2026-01-02T00:00:00Z
jx_ok --db d.db import "$odd"
JIXIAO_NOW=1767398400        # 2026-01-03T00:00:00Z
jx_ok --db d.db import --replace replacement.yaml
JIXIAO_USER=tester
JIXIAO_NOW=1767225600

jx --db d.db log
is_status 0 "log exits 0"
out_is "log: every change, oldest first, one line each" <<'EOF2'
时间                 用户     操作  记录                              字段  变化
2026-01-01 00:00:00  tester   新增  单位 承德高新技术产业开发区社区…        承德高新技术产业开发区社区管理办公室本级
2026-01-01 00:00:00  tester   导入  年度 承德高新技术产业开发区社区…        chengde-125001-2023.yaml: 13 projects, 117 indicators
2026-01-01 00:00:00  tester   新增  单位 大连高新技术产业园区七贤岭…        大连高新技术产业园区七贤岭街道办事处
2026-01-01 00:00:00  tester   导入  年度 大连高新技术产业园区七贤岭…        qixianling-2026.yaml: 10 projects, 76 indicators
2026-01-01 00:00:00  tester   新增  单位 秦皇岛市北戴河区西山街道办…        秦皇岛市北戴河区西山街道办事处（本级）
2026-01-01 00:00:00  tester   导入  年度 秦皇岛市北戴河区西山街道办…        xishan-441001-2021.yaml: 21 projects, 189 indicators
2026-01-02 00:00:00  auditor  新增  单位 测试市测试区测试中心               测试市测试区测试中心
2026-01-02 00:00:00  auditor  导入  年度 测试市测试区测试中心 2024          a b⏎c.yaml: 2 projects, 5 indicators
2026-01-03 00:00:00  auditor  删除  年度 测试市测试区测试中心 2024          2 projects, 5 indicators
2026-01-03 00:00:00  auditor  替换  年度 测试市测试区测试中心 2024          replacement.yaml: 1 projects, 1 indicators
EOF2
out_no_trailing_space "log: no line ends in a blank"
cp "$JX_RUN/out" log.out
columns_line_up "log: the action column lines up" log.out '^\S+ \S+\s+\S+\s+(\S)'
columns_line_up "log: the record column lines up" log.out '(单位|年度|记录) '

jx --db d.db log --tsv
is_status 0 "log --tsv exits 0"
out_line_is "--tsv: the header names the columns" 1 \
	"at	who	action	table	record_id	label	field	old	new"
out_lines "--tsv: a header and one line per change" 11
out_has "--tsv: the full text, a tab and a line break escaped" \
	"2026-01-02T00:00:00Z	auditor	import	dept_year	4	测试市测试区测试中心 2024			a\\tb\\nc.yaml: 2 projects, 5 indicators"
out_has "--tsv: a delete has the old text, no new" \
	"auditor	delete	dept_year	4	测试市测试区测试中心 2024		2 projects, 5 indicators	"
out_line_is "--tsv: the last change last" '$' \
	"2026-01-03T00:00:00Z	auditor	replace	dept_year	5	测试市测试区测试中心 2024			replacement.yaml: 1 projects, 1 indicators"

# ---- narrowing ------------------------------------------------------------

jx --db d.db log --tsv 900001
out_lines "a department: its own rows and its years'" 5
out_lacks "a department: no other department" "西山"

jx --db d.db log --tsv 441001 2021
out_lines "a department-year: its rows" 2
out_has "a department-year: its import" "xishan-441001-2021.yaml"

jx --db d.db log 441001 2021 1
is_status 0 "a project without changes exits 0"
out_lines "a project: imports are rows of the year, not of the project" 1

jx --db d.db log --tsv --who auditor
out_lines "--who: only that user's" 5
out_lacks "--who: nobody else" "tester"

jx --db d.db log --tsv --since 2026-01-02
out_lines "--since a date: from that day on" 5
jx --db d.db log --tsv --since '2026-01-03 00:00'
out_lines "--since a date and time (a space for T)" 3
jx --db d.db log --tsv --since 2026
out_lines "--since a year" 11

jx --db d.db log --tsv --limit 2
out_lines "--limit: that many" 3
out_line_is "--limit: the latest, still oldest first" 2 \
	"2026-01-03T00:00:00Z	auditor	delete	dept_year	4	测试市测试区测试中心 2024		2 projects, 5 indicators	"
jx --db d.db log --tsv --limit 2 --newest
out_line_is "--newest: the latest first" 2 \
	"2026-01-03T00:00:00Z	auditor	replace	dept_year	5	测试市测试区测试中心 2024			replacement.yaml: 1 projects, 1 indicators"

jx --db d.db log --tsv --who auditor --since 2026-01-03 900001 2024
out_lines "filters together" 2

jx -r --db d.db log --limit 1
is_status 0 "log on a read-only database"
out_has "log -r: the latest change" "replacement.yaml"

# ---- mistakes ---------------------------------------------------------------

keep_db d.db
jx --db d.db log --since 2026-1
is_status 2 "--since with a bad date exits 2"
err_is "--since with a bad date: says what it takes" <<'EOF2'
jixiao: log: --since takes a date such as 2026-01-31 (or 2026-01-31T08:00), not '2026-1'
EOF2
jx --db d.db log --limit 0
is_status 2 "--limit 0 exits 2"
err_has "--limit 0: says so" "--limit takes a number above 0"
jx --db d.db log 不存在的单位
is_status 2 "an unknown department exits 2"
out_empty "an unknown department: nothing on stdout"
jx --db d.db log 441001 2019
is_status 2 "a year not on file exits 2"
err_has "a year not on file: says which are" "2021"
jx --db d.db log 441001 2021 1 extra
is_status 2 "too many arguments exit 2"
db_unchanged "log changes nothing" d.db
jx --db missing.db log
is_status 2 "a missing database exits 2"
no_file "log creates no database" missing.db

done_testing
