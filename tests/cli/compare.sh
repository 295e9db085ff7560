#!/bin/sh
# compare.sh — `jixiao compare DEPT YEAR_A YEAR_B`: the projects of two
# years matched and judged, checked against the differences that
# data/demo/README.md says the fictional demo year was made with; the
# indicator verdicts; TSV with signed numbers; and the errors.
. "$(dirname "$0")/lib.sh"

samples_db d.db
jx_ok --db d.db import "$JX_SRCDIR/data/demo/xishan-441001-2022.yaml"

jx --db d.db compare 441001 2021 2022
is_status 0 "compare exits 0"
out_is "compare 441001 2021 2022: every project, status, budgets, change, flag" <<'EOF'
状态  匹配  项目                                     2021     2022  变化（万元）     变化%
变化  编码  直选人员及社区工作者工资及保险         130.97    142.6        ▲11.63    ▲8.88%
变化  编码  春节慰问金                               4.34      3.9         ▼0.44   ▼10.14%
相同  编码  民兵基层建设经费                            2        2             0     0.00%
相同  编码  老居委会主任退休费                      11.78    11.78             0     0.00%
相同  编码  社区戒毒（康复）工作经费                  0.5      0.5             0     0.00%
相同  编码  行政综合服务中心经费                        5        5             0     0.00%
相同  编码  自然资源和生态环境保护经费                3.5      3.5             0     0.00%
变化  编码  社区工作经费                            45.68    45.68             0     0.00%
相同  编码  基层党建工作经费                            5        5             0     0.00%
相同  编码  人事代理经费                             10.5     10.5             0     0.00%
相同  编码  人大代表工作经费                            1        1             0     0.00%
变化  编码  绿化养护经费                            14.22    14.22             0     0.00%
相同  编码  劳务派遣人员经费                        63.31    63.31             0     0.00%
新增        垃圾分类工作经费                                    12           ▲12
变化  编码  服务群众专项经费                       247.35    268.5        ▲21.15    ▲8.55%  ⚑
变化  编码  自收自支事业人员经费                   217.19   198.64        ▼18.55    ▼8.54%
相同  编码  军队无军籍退休退职职工退休补贴等       619.85   619.85             0     0.00%
相同  编码  综合行政执法队                              8        8             0     0.00%
新增        退役军人服务站运行经费                               3            ▲3
变化  编码  老旧小区物业管理所需资金及临时工工资    78.25     85.6         ▲7.35    ▲9.39%
相同  编码  安全生产防控经费                            2        2             0     0.00%
取消        社区换届工作经费                          2.5                   ▼2.5  ▼100.00%
取消        退役军人服务站经费                          3                     ▼3  ▼100.00%
合计                                              1475.94  1506.58        ▲30.64    ▲2.08%

2021 → 2022: 12 same, 7 changed, 2 new, 2 gone; ⚑ 1 with more money but no stricter target
EOF
cp "$JX_RUN/out" cmp.out
columns_line_up "compare: the 2021 column lines up" cmp.out '状态|变化|相同|新增|取消|合计'

jx --db d.db compare --indicators 441001 2021 2022
out_has "--indicators: a tightened target is stricter" \
	"直选人员及社区工作者工资及保险        数量指标            资金使用率                      ≥90使用率        ≥95使用率        更严"
out_has "--indicators: a loosened target is looser" \
	"服务群众专项经费                      经济效益指标        维护完成率                      ≥90完成率        ≥85完成率        更松"
out_has "--indicators: a number that became a word changed kind" \
	"绿化养护经费                          服务对象满意度指标  服务对象满意度                  ≥90满意度        良好             类型变化"
out_has "--indicators: a target whose noun was corrected is reworded" \
	"社区工作经费                          可持续影响指标      长期使用性                      ≥90产期使用性    ≥90长期使用性    改写"
out_has "--indicators: a removed indicator is gone" "≥90生态效益                       取消"
out_has "--indicators: an added indicator is new" "≥12个            新增"

jx --db d.db compare --tsv 441001 2021 2022
out_line_is "--tsv: the header names the columns" 1 \
	"status	match	project	budget_a_wan	budget_b_wan	change_wan	change_pct	flag"
out_has "--tsv: signed numbers, no arrows" \
	"changed	code	春节慰问金	4.34	3.9	-0.44	-10.14	"
out_has "--tsv: the flagged project says flag" \
	"changed	code	服务群众专项经费	247.35	268.5	21.15	8.55	flag"

jx --db d.db compare 441001 2022 2021
out_has "swapped years: the new project of 2022 is gone from 2022 to 2021" \
	"取消        垃圾分类工作经费"

jx --db d.db compare --all --tsv 2021 2022
is_status 0 "compare --all exits 0"
out_is "compare --all: one row per department with both years, the same counts" <<'EOF'
department	same	changed	new	gone	budget_a_wan	budget_b_wan	change_wan	flagged
秦皇岛市北戴河区西山街道办事处（本级）	12	7	2	2	1475.94	1506.58	30.64	1
EOF
jx --db d.db compare --all 2023 2026
out_has "compare --all of years no department has both: says so" \
	"0 departments have both 2023 and 2026"
jx --db d.db compare --all 2021 2021
is_status 2 "compare --all of a year with itself exits 2"

jx --db d.db compare 441001 2021 2021
is_status 2 "comparing a year with itself exits 2"
err_is "comparing a year with itself says so" <<'EOF'
jixiao: comparing 2021 with itself: give two different years
EOF
jx --db d.db compare 441001 2020 2022
is_status 2 "a year not on file exits 2"
err_is "a year not on file: names the department and its years" <<'EOF'
jixiao: 秦皇岛市北戴河区西山街道办事处（本级） has no year 2020 on file (years on file: 2021, 2022)
EOF
jx --db d.db compare 999 2021 2022
is_status 2 "a department that does not exist exits 2"
err_is "a department that does not exist says so" <<'EOF'
jixiao: no department matches '999'
EOF
jx --db d.db compare 441001 2021
is_status 2 "compare with two arguments exits 2"

done_testing
