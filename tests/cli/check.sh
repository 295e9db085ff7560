#!/bin/sh
# check.sh — `jixiao check`: what the three samples really lack (seed 003's
# 成本指标 rows of only 无, seed 001's targets without their unit, seed
# 000's one satisfaction stated as a word), one department or one year,
# TSV, a clean department-year (exit 0), a year that follows the 2021
# framework or an unknown one, the user's templates taking part, and the
# mistakes (templates, arguments) that exit 2.
. "$(dirname "$0")/lib.sh"

samples_db s.db

EMPTY_COST="empty-level2	成本指标 under 产出指标 has no target, only placeholders (the 2012 framework requires one)"
CD="承德高新技术产业开发区社区管理办公室本级	125001	2023"

jx --db s.db check --tsv 125001
is_status 1 "check 125001: findings, exit 1"
out_is "check 125001: ten projects whose 成本指标 is only 无; five targets of project 7 that are a number and a phrase" <<EOF
department	code	year	project_index	project	indicator	rule	message
$CD	1	创建文明城市工作经费	无	$EMPTY_COST
$CD	2	居家养老项目	无	$EMPTY_COST
$CD	3	居民区卫生服务点补助	无	$EMPTY_COST
$CD	4	楼长工作经费	无	$EMPTY_COST
$CD	6	社区党组织服务群众工作经费	无	$EMPTY_COST
$CD	7	社区党组织工作经费	资金使用合规率	unit	target 100 资金使用是否合规 is not a figure; 资金使用合规率 (资金支付合规率 in the library) is measured in %
$CD	7	社区党组织工作经费	及时性	unit	target 100 资金发放是否及时 is not a figure; 及时性 is measured in %
$CD	7	社区党组织工作经费	发展党员数量	unit	target ≥80 是否积极发展党员 has no unit; 发展党员数量 is measured in 人
$CD	7	社区党组织工作经费	党员参政议政、建言献策的比例	unit	target ≥95 党员参政议政、建言献策的比例 has no unit; 党员参政议政、建言献策的比例 (党员参与活动比例 in the library) is measured in %
$CD	7	社区党组织工作经费	服务对象满意度	unit	target ≥95 服务对象是否满意 has no unit; 服务对象满意度 is measured in %
$CD	8	社区居养人员购买服务	无	$EMPTY_COST
$CD	9	社区修缮项目	无	$EMPTY_COST
$CD	10	网格化管理工作经费	无	$EMPTY_COST
$CD	11	物业奖补	无	$EMPTY_COST
$CD	13	综合服务站 1 年系统日常维护	无	$EMPTY_COST
EOF
err_is "check 125001: the count on stderr" <<'EOF'
jixiao: 15 findings in 1 department-year
EOF

jx --db s.db check 七贤岭 2026
is_status 1 "check 七贤岭 2026: exit 1"
out_is "check 七贤岭 2026: the one satisfaction written as a word" <<'EOF'
单位                                  编码  年度  序号  项目                指标                  规则  说明
大连高新技术产业园区七贤岭街道办事处        2026    10  七贤岭街道资产采购  工作人员对设备满意度  unit  target 良好 is not a figure; 工作人员对设备满意度 (工作人员满意度 in the library) is measured in %
EOF

jx --db s.db check --tsv 441001 2021
is_status 1 "check 441001 2021: exit 1"
out_lines "check 441001 2021: 170 findings and the header" 171
cut -f7 "$JX_RUN/out" | sed 1d | sort | uniq -c | sed 's/^ *//' >rules.out
is "check 441001 2021: all of them about units" "170 unit" "$(cat rules.out)"
out_line_is "check 441001 2021: the first, ≥90使用率 for a rate in %" 2 \
	"秦皇岛市北戴河区西山街道办事处（本级）	441001	2021	1	直选人员及社区工作者工资及保险	资金使用率	unit	target ≥90使用率 is in 使用率; 资金使用率 is measured in %"
out_has "check 441001 2021: a deadline written as a number" \
	"	3	民兵基层建设经费	完成时间	unit	target ≥90控制在时间内 is not a date; 完成时间 is a deadline (e.g. 12月底前)
"
out_lacks "check 441001 2021: its levels are complete" "level"

jx --db s.db check
is_status 1 "check (everything): exit 1"
err_is "check: 186 findings in the three department-years" <<'EOF'
jixiao: 186 findings in 3 department-years
EOF
out_lines "check: one line per finding and a header" 187
cp "$JX_RUN/out" all.out
columns_line_up "check: the rule column lines up" all.out \
	'  (规则|unit|empty-level2)  '
out_no_trailing_space "check: no line ends in a blank"

jx --db s.db -r check --tsv
is_status 1 "check -r --tsv: exit 1"
out_lines "check --tsv: the same findings" 187

# ---- a clean year, the 2021 framework, an unknown one -----------------------

cat >clean.yaml <<'EOF'
format: jixiao/1
department:
  code: '900001'
  name: 测试街道
year: 2025
framework: '2021'
projects:
- name: 办公运行
  indicators:
  - { level1: 产出指标, level2: 数量指标, name: 保障正常运转天数, target: ≥346天 }
  - { level1: 产出指标, level2: 质量指标, name: 网络和通讯可用率, target: ≥95% }
  - { level1: 产出指标, level2: 时效指标, name: 资金支付及时率, target: 100% }
  - { level1: 成本指标, level2: 经济成本指标, name: 年度办公经费支出, target: ≤60000元 }
  - { level1: 效果指标, level2: 生态效果指标, name: 办公无纸化程度, target: ≥60% }
  - { level1: 满意度指标, level2: 服务对象满意度指标, name: 工作人员满意度, target: ≥90% }
EOF
jx_ok --db s.db import clean.yaml
jx --db s.db check 900001
is_status 0 "a clean year: exit 0"
out_empty "a clean year: nothing on stdout"
err_is "a clean year: says so on stderr" <<'EOF'
jixiao: no findings in 1 department-year
EOF
jx --db s.db check --tsv 900001 2025
is_status 0 "a clean year, TSV: exit 0"
out_is "a clean year, TSV: the header alone" <<'EOF'
department	code	year	project_index	project	indicator	rule	message
EOF

sed -e "s/^framework: '2021'/framework: '2012'/" -e 's/^year: 2025/year: 2024/' \
	clean.yaml >old.yaml
jx_ok --db s.db import old.yaml
jx --db s.db check --tsv 900001 2024
is_status 1 "the same rows in a 2012 year: exit 1"
out_is "the same rows in a 2012 year: 成本指标 is a level-1 of 2021 only" <<'EOF'
department	code	year	project_index	project	indicator	rule	message
测试街道	900001	2024	1	办公运行	年度办公经费支出	unknown-level1	level-1 成本指标 is not in the 2012 framework (it is in 2021)
测试街道	900001	2024	1	办公运行		missing-level2	no 成本指标 row under 产出指标 (the 2012 framework requires one)
EOF

sed -e "s/^framework: '2021'/framework: 部门整体（2025版）/" -e 's/^year: 2025/year: 2023/' \
	clean.yaml >odd.yaml
jx_ok --db s.db import odd.yaml
jx --db s.db check --tsv 900001 2023
is_status 1 "an unknown framework: exit 1"
out_line_is "an unknown framework: said once, for the year" 2 \
	"测试街道	900001	2023				framework	framework 部门整体（2025版） is not one jixiao knows; checked against 2012"

# ---- the user's templates take part ------------------------------------------

mkdir -p cfg/jixiao/templates
cat >cfg/jixiao/templates/mine.yaml <<'EOF'
format: jixiao-templates/1
indicators:
- name: 工作人员满意度
  level1: 满意度指标
  level2: 服务对象满意度指标
  aliases: [工作人员对设备满意度]
  direction: qualitative
EOF
XDG_CONFIG_HOME=$(pwd)/cfg
export XDG_CONFIG_HOME
jx --db s.db check 七贤岭
is_status 0 "a user's library entry that takes a word: 七贤岭 is clean"
out_empty "七贤岭 with the user's library: nothing found"

printf 'format: jixiao-templates/1\nindicators: [\n' >cfg/jixiao/templates/mine.yaml
jx --db s.db check 七贤岭
is_status 2 "a broken template file: check exits 2"
out_empty "a broken template file: nothing checked"
err_is "a broken template file: the mistake and the file to fix" <<EOF
jixiao: $(pwd)/cfg/jixiao/templates/mine.yaml:3:1: did not find expected node content (while parsing a flow node at line 3, column 1)
jixiao: the templates have errors; nothing was loaded (fix $(pwd)/cfg/jixiao/templates/mine.yaml)
EOF
unset XDG_CONFIG_HOME

# ---- mistakes ------------------------------------------------------------------

jx --db s.db check 441001 2021 1
is_status 2 "check with three arguments: exit 2"
err_is "check with three arguments: says so" <<'EOF'
jixiao: check: too many arguments (give DEPT and YEAR at most)
EOF
jx --db s.db check 441001 2019
is_status 2 "check with a year not on file: exit 2"
err_is "check with a year not on file: names the years on file" <<'EOF'
jixiao: 秦皇岛市北戴河区西山街道办事处（本级） has no year 2019 on file (years on file: 2021)
EOF
jx --db s.db check 没有
is_status 2 "check with an unknown department: exit 2"
jx --db s.db check --frob
is_status 2 "check --frob: exit 2"
err_is "check --frob: names the option" <<'EOF'
jixiao: check: unknown option '--frob'
EOF
jx --db nowhere.db check
is_status 2 "check with a --db that does not exist: exit 2"
no_file "check creates no database" nowhere.db

jx_ok --db e.db init
jx --db e.db check
is_status 0 "check of an empty database: exit 0"
out_empty "check of an empty database: nothing on stdout"
err_is "check of an empty database: says there is nothing" <<'EOF'
jixiao: the database holds no department-years yet; try 'jixiao init --samples'
EOF

done_testing
