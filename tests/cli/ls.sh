#!/bin/sh
# ls.sh — `jixiao ls [DEPT [YEAR [PROJECT]]]`: the four levels of lists,
# finding departments and projects by code, name, part of a name or
# position, the errors for what does not match, and --tsv.
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db ls
is_status 0 "ls exits 0"
out_is "ls lists the departments with their years" <<'EOF'
编码    单位                                      年度
        大连高新技术产业园区七贤岭街道办事处      2026
125001  承德高新技术产业开发区社区管理办公室本级  2023
441001  秦皇岛市北戴河区西山街道办事处（本级）    2021
EOF
err_empty "ls writes nothing to stderr"
cp "$JX_RUN/out" depts.out
columns_line_up "ls: the department column starts at the same display column" \
	depts.out '单位|大连|承德|秦皇岛'
columns_line_up "ls: the year column starts at the same display column" \
	depts.out '年度|\d{4}$'

jx --db s.db ls 441001
is_status 0 "ls DEPT exits 0"
out_is "ls DEPT lists the years with counts and budget" <<'EOF'
年度  项目  指标  预算（万元）
2021    21   189       1475.94
EOF

jx --db s.db ls 441001 2021
is_status 0 "ls DEPT YEAR exits 0"
out_lines "ls 441001 2021: a header and 21 projects" 22
out_line_is "ls 441001 2021: the header" 1 \
	" #  编码                   项目名称                              预算（万元）  指标"
out_line_is "ls 441001 2021: the first project" 2 \
	" 1  130304213ZR3W5GRVM5IR  直选人员及社区工作者工资及保险              130.97     9"
out_line_is "ls 441001 2021: the last project" '$' \
	"21  13030421Y212AVGVOWF9M  安全生产防控经费                                 2     9"
out_has "ls 441001 2021: the longest name" \
	"20  13030421X4HKV6UZCCFLF  老旧小区物业管理所需资金及临时工工资         78.25     9"
out_no_trailing_space "ls 441001 2021: no line ends in a blank"
cp "$JX_RUN/out" projects.out
columns_line_up "ls 441001 2021: every line has the same display width" \
	projects.out '$'
columns_line_up "ls 441001 2021: the budget column ends at the same display column" \
	projects.out '(?<=[\d.）])(?=\s+(?:指标|\d+)$)'

jx --db s.db ls 西山 2021
is_status 0 "ls with a part of a department's name exits 0"
same_file "ls 西山 2021 is ls 441001 2021" projects.out "$JX_RUN/out"

jx --db s.db ls 秦皇岛市北戴河区西山街道办事处（本级） 2021
is_status 0 "ls with a department's full name exits 0"
same_file "ls FULLNAME 2021 is ls 441001 2021" projects.out "$JX_RUN/out"

jx --db s.db ls 441001 2021 1
is_status 0 "ls DEPT YEAR PROJECT exits 0"
out_is "ls 441001 2021 1 lists the 9 indicators" <<'EOF'
#  一级指标    二级指标            三级指标          指标值       指标值确定依据
1  产出指标    数量指标            资金使用率        ≥90使用率    工作记录
2  产出指标    质量指标            资金拨付率        ≥90拨付率    工作记录
3  产出指标    时效指标            工资发放及时性    ≥90及时性    工作记录
4  产出指标    成本指标            按预算资金完成率  ≥90完成率    工作记录
5  效益指标    经济效益指标        资金支出率        ≥90支出率    工作记录
6  效益指标    社会效益指标        社会影响力        ≥90社会影响  工作记录
7  效益指标    生态效益指标        社会稳定水平      ≥90社会影响  工作记录
8  效益指标    可持续影响指标      长期使用性        ≥90长期性    工作记录
9  满意度指标  服务对象满意度指标  人员满意度（%）   ≥90满意度    调查问卷
EOF
cp "$JX_RUN/out" indicators.out
columns_line_up "ls 441001 2021 1: the target column starts at the same display column" \
	indicators.out '指标值 |≥'
columns_line_up "ls 441001 2021 1: the basis column starts at the same display column" \
	indicators.out '指标值确定依据|工作记录|调查问卷'

jx --db s.db ls 441001 2021 130304213ZR3W5GRVM5IR
is_status 0 "ls with a project code exits 0"
same_file "ls 441001 2021 CODE is ls 441001 2021 1" indicators.out "$JX_RUN/out"

jx --db s.db ls 441001 2021 直选人员及社区工作者工资及保险
is_status 0 "ls with a project's full name exits 0"
same_file "ls 441001 2021 NAME is ls 441001 2021 1" indicators.out "$JX_RUN/out"

jx --db s.db ls 441001 2021 直选人员
is_status 0 "ls with a part of a project's name exits 0"
same_file "ls 441001 2021 PART is ls 441001 2021 1" indicators.out "$JX_RUN/out"

jx --db s.db ls 七贤岭 2026
is_status 0 "ls for a department without codes exits 0"
out_is "ls 七贤岭 2026: projects without codes leave the code column blank" <<'EOF'
 #  编码  项目名称                        预算（万元）  指标
 1        七贤岭街道社区工作者工资及附加          1661     8
 2        七贤岭街道社区办公经费                    79     7
 3        七贤岭街道垃圾分类督导服务项目           210     8
 4        七贤岭街道社区工作业务经费            371.58     8
 5        七贤岭街道办公场所运行经费             91.39     8
 6        七贤岭街道食堂运行费用                161.26     8
 7        七贤岭街道工作业务经费                 16.29     8
 8        七贤岭街道委托服务经费                   0.6     7
 9        七贤岭街道基层治理专项经费            114.83     7
10        七贤岭街道资产采购                    115.73     7
EOF

jx --db s.db ls 125001 2023 13
is_status 0 "ls with position 13 exits 0"
out_lines "ls 125001 2023 13: a header and 9 indicators" 10
jx --db s.db ls 125001 2023
out_line_is "ls 125001 2023: the last project" '$' \
	"13  13081123P00011910001D  综合服务站 1 年系统日常维护          1.58     9"

# ---- what does not match -------------------------------------------------

jx --db s.db ls 街道
is_status 2 "ls with an ambiguous part of a name exits 2"
err_is "ls 街道: names the candidates" <<'EOF'
jixiao: '街道' matches 2 departments: 大连高新技术产业园区七贤岭街道办事处; 秦皇岛市北戴河区西山街道办事处（本级）
EOF
out_empty "ls 街道: nothing on stdout"

jx --db s.db ls 441001 2021 经费
is_status 2 "ls with an ambiguous part of a project name exits 2"
err_is "ls 441001 2021 经费: names the first candidates" <<'EOF'
jixiao: '经费' matches more than 5 projects: 民兵基层建设经费; 社区戒毒（康复）工作经费; 行政综合服务中心经费; 自然资源和生态环境保护经费; 社区工作经费; …
EOF

jx --db s.db ls 999999
is_status 2 "ls with an unknown department exits 2"
err_is "ls 999999: no department matches" <<'EOF'
jixiao: no department matches '999999'
EOF
out_empty "ls 999999: nothing on stdout"

jx --db s.db ls 441001 2020
is_status 2 "ls with a year not on file exits 2"
err_has "ls 441001 2020: says the year is not there" "no year 2020"
out_empty "ls 441001 2020: nothing on stdout"

jx --db s.db ls 441001 20x1
is_status 2 "ls with a bad year exits 2"
err_is "ls 441001 20x1: not a year" <<'EOF'
jixiao: '20x1' is not a year (1900..2999)
EOF

jx --db s.db ls 441001 2021 22
is_status 2 "ls with a position past the last project exits 2"
err_is "ls 441001 2021 22: no project matches" <<'EOF'
jixiao: no project matches '22'
EOF

jx --db s.db ls 441001 2021 0
is_status 2 "ls with position 0 exits 2 (positions start at 1)"
err_is "ls 441001 2021 0: no project matches" <<'EOF'
jixiao: no project matches '0'
EOF
out_empty "ls 441001 2021 0: nothing on stdout"

jx --db s.db ls 441001 2021 没有这个项目
is_status 2 "ls with an unknown project name exits 2"
err_is "ls 441001 2021 没有这个项目: no project matches" <<'EOF'
jixiao: no project matches '没有这个项目'
EOF

jx --db s.db ls 441001 2021 1 2
is_status 2 "ls with four arguments exits 2"
err_is "ls with four arguments: too many" <<'EOF'
jixiao: ls: too many arguments
EOF

jx --db s.db ls --frob
is_status 2 "ls with an unknown option exits 2"
err_has "ls --frob: names the option" "'--frob'"

# ---- TSV ---------------------------------------------------------------

jx --db s.db ls --tsv 441001
is_status 0 "ls --tsv DEPT exits 0"
out_is "ls --tsv 441001: header and one line" <<'EOF'
year	projects	indicators	budget_wan
2021	21	189	1475.94
EOF

jx --db s.db ls --tsv 441001 2021
out_line_is "ls --tsv 441001 2021: the header" 1 \
	"seq	code	name	budget_wan	indicators"
out_line_is "ls --tsv 441001 2021: the first project" 2 \
	"1	130304213ZR3W5GRVM5IR	直选人员及社区工作者工资及保险	130.97	9"
out_line_is "ls --tsv 441001 2021: the last project" '$' \
	"21	13030421Y212AVGVOWF9M	安全生产防控经费	2	9"

jx --db s.db ls --tsv 441001 2021 1
is_status 0 "ls --tsv DEPT YEAR PROJECT exits 0"
out_is "ls --tsv 441001 2021 1: every field, the description too" <<'EOF'
seq	level1	level2	name	target	basis	description
1	产出指标	数量指标	资金使用率	≥90使用率	工作记录	实际支出的金额占应支出金额的比率
2	产出指标	质量指标	资金拨付率	≥90拨付率	工作记录	资金准确拨付
3	产出指标	时效指标	工资发放及时性	≥90及时性	工作记录	及时发放工资情况
4	产出指标	成本指标	按预算资金完成率	≥90完成率	工作记录	按预算资金完成率
5	效益指标	经济效益指标	资金支出率	≥90支出率	工作记录	已支付资金与应支付资金的比率
6	效益指标	社会效益指标	社会影响力	≥90社会影响	工作记录	对社会产生的影响
7	效益指标	生态效益指标	社会稳定水平	≥90社会影响	工作记录	促进稳定水平逐步提高
8	效益指标	可持续影响指标	长期使用性	≥90长期性	工作记录	能够长期较好地满足工作需要
9	满意度指标	服务对象满意度指标	人员满意度（%）	≥90满意度	调查问卷	群众满意度
EOF

# Tabs, line breaks, carriage returns and backslashes inside a cell are
# escaped, so that each row stays one line of exactly as many fields.
fixture escapes.yaml
jx_ok --db e.db import escapes.yaml
jx --db e.db ls --tsv
out_is 'ls --tsv: a tab in a department name is written \t' <<'EOF'
code	department	years
900002	制表\t单位	2025
EOF
jx --db e.db ls --tsv 900002 2025
out_is 'ls --tsv: a tab in a project name is written \t' <<'EOF'
seq	code	name	budget_wan	indicators
1		名称\t带制表符	1	1
EOF
jx --db e.db ls --tsv 900002 2025 1
out_is "ls --tsv: tab, newline, carriage return and backslash are escaped" <<'EOF'
seq	level1	level2	name	target	basis	description
1	产出指标	数量指标	甲\t乙	a\\b	回车\r结尾	第一行\n第二行
EOF
jx --db e.db ls 900002 2025 1
out_is "ls (aligned): tabs and line breaks in a cell become spaces" <<'EOF'
#  一级指标  二级指标  三级指标  指标值  指标值确定依据
1  产出指标  数量指标  甲 乙     a\b     回车 结尾
EOF

# ---- several years, an empty database ------------------------------------

fixture good.yaml next_year.yaml
jx_ok --db y.db import good.yaml next_year.yaml
jx --db y.db ls
out_is "ls: a department's years are listed together" <<'EOF'
编码    单位                  年度
900001  测试市测试区测试中心  2024,2025
EOF
jx --db y.db ls 测试中心
out_is "ls DEPT: one line per year" <<'EOF'
年度  项目  指标  预算（万元）
2024     2     5       12.5001
2025     1     1           100
EOF

jx_ok --db empty.db init
jx --db empty.db ls
is_status 0 "ls on an empty database exits 0"
out_is "ls on an empty database: the header only" <<'EOF'
编码  单位  年度
EOF
err_is "ls on an empty database: a hint on stderr" <<'EOF'
jixiao: no departments yet; import the samples with 'jixiao init --samples'
EOF

done_testing
