#!/bin/sh
# templates.sh — `jixiao templates`: the shipped set listed with its files,
# one template of each kind shown in full (by name or alias), a user's
# directory ($XDG_CONFIG_HOME/jixiao/templates, else ~/.config/…) that
# overrides shipped templates by name and says so, and a broken template
# file: every mistake as file:line:column, the file to fix, exit 2, nothing
# listed.
. "$(dirname "$0")/lib.sh"

tdir=$(cd "$JX_SRCDIR/data/templates" && pwd -P)

jx templates
is_status 0 "templates exits 0"
err_empty "templates: nothing on stderr"
out_lines "templates: a header, 2 frameworks, 9 project templates, 67 indicators" 79
# (the width of the file column depends on where the source tree is)
out_has "templates: the header" "种类       名称                  文件  "
out_line_is "templates: the default framework first" 2 \
	"framework  2012                  $tdir/framework-2012.yaml  default"
out_has "templates: the 2021 framework" \
	"framework  2021                  $tdir/framework-2021.yaml
"
out_has "templates: project templates after the frameworks" \
	"project    工资及保险            $tdir/projects.yaml
project    办公运行经费          $tdir/projects.yaml
"
out_line_is "templates: the library last, in file order" '$' \
	"indicator  工作人员满意度        $tdir/library.yaml"
out_no_trailing_space "templates: no line ends in a blank"
cp "$JX_RUN/out" list.out
columns_line_up "templates: the file column lines up" list.out \
	'(?:文件|/\S+\.yaml)'

jx templates --tsv
is_status 0 "templates --tsv exits 0"
out_line_is "templates --tsv: the header" 1 "kind	name	file	note"
out_line_is "templates --tsv: a framework" 2 \
	"framework	2012	$tdir/framework-2012.yaml	default"
out_line_is "templates --tsv: an indicator" 13 \
	"indicator	资金使用率	$tdir/library.yaml	"

jx templates 2012
is_status 0 "templates 2012 exits 0"
out_is "templates 2012: the framework, its levels in order, what is required" <<EOF
framework 2012 (default)
title: 产出·效益·满意度（成本指标在产出指标下）
aliases: 2015, 财预〔2015〕88号
file: $tdir/framework-2012.yaml:14
  产出指标 (产出) required
    数量指标 (数量) required
    质量指标 (质量) required
    时效指标 (时效) required
    成本指标 (成本) required
  效益指标 (效益) required
    经济效益指标 (经济)
    社会效益指标 (社会)
    生态效益指标 (生态)
    可持续影响指标 (可持)
  满意度指标 (满意) required
    服务对象满意度指标 (服务) required
EOF

jx templates 财预〔2021〕101号
is_status 0 "templates by a framework's alias exits 0"
out_has "templates 财预〔2021〕101号: 成本指标 is a level-1 there" \
	"  成本指标 (成本) required
    经济成本指标 (经济) required
    社会成本指标 (社会)
    生态环境成本指标 (生态)
"

jx templates 购买服务
is_status 0 "templates PROJECT exits 0"
out_is "templates 购买服务: the rows, levels, units and bases from the library" <<EOF
project template 购买服务
title: 委托第三方提供的服务（法律顾问、居家养老等）
framework: 2012
from: 七贤岭 2026 项目8；125001 2023 项目8
file: $tdir/projects.yaml:85
一级指标    二级指标            三级指标          单位  指标值  指标值确定依据
产出指标    数量指标            服务次数          次            服务记录
产出指标    质量指标            服务质量                        服务记录
产出指标    时效指标            按时完成率        %             工作记录
产出指标    成本指标            单次服务费用      元            服务合同
效益指标    社会效益指标        社会认可度        %             调查问卷
效益指标    可持续影响指标      居民幸福生活指数                调查问卷
满意度指标  服务对象满意度指标  服务对象满意度    %             调查问卷
EOF

jx templates 资金使用率（%）
is_status 0 "templates by an indicator's alias exits 0"
out_is "templates 资金使用率（%）: the library entry" <<EOF
indicator 资金使用率
levels: 产出指标 / 数量指标
aliases: 资金使用率（%）, 使用率
description: 实际支出的金额占应支出金额的比率
unit: %
direction: higher
basis: 工作记录
examples: ≥90%, 100%
file: $tdir/library.yaml:16
EOF

jx templates 没有这个
is_status 2 "templates with an unknown name exits 2"
err_is "templates 没有这个: says so" <<'EOF'
jixiao: no template is called '没有这个' (see 'jixiao templates')
EOF
out_empty "templates 没有这个: nothing on stdout"

jx templates a b
is_status 2 "templates with two names exits 2"
jx templates --tsv 2012
is_status 2 "templates --tsv NAME exits 2"
err_has "templates --tsv NAME: says --tsv is for the list" "--tsv is for the list"

# ---- a user's directory ---------------------------------------------------

mkdir -p cfg/jixiao/templates
cat >cfg/jixiao/templates/mine.yaml <<'EOF'
format: jixiao-templates/1
indicators:
- name: 资金使用率
  level1: 产出指标
  level2: 数量指标
  unit: '%'
  direction: higher
  basis: 财务报表
- name: 绿化面积
  level1: 产出指标
  level2: 数量指标
  unit: 平方米
projects:
- name: 工资及保险
  rows:
  - name: 资金使用率
  - name: 绿化面积
EOF
udir=$(pwd)/cfg/jixiao/templates

XDG_CONFIG_HOME=$(pwd)/cfg
export XDG_CONFIG_HOME
jx templates
is_status 0 "templates with a user's directory exits 0"
out_lines "templates: one more (the user's new indicator)" 80
cp "$JX_RUN/out" user.out
columns_line_up "templates: the note column lines up" user.out \
	'(?:备注|overrides|default)'
jx templates --tsv
out_has "templates: the user's project template overrides the shipped one" \
	"project	工资及保险	$udir/mine.yaml	overrides $tdir/projects.yaml
project	办公运行经费	$tdir/projects.yaml	
"
out_has "templates: so does the user's indicator, in its place" \
	"indicator	资金使用率	$udir/mine.yaml	overrides $tdir/library.yaml
indicator	资金到位率	$tdir/library.yaml	
"
out_line_is "templates: a new one comes last" '$' \
	"indicator	绿化面积	$udir/mine.yaml	"

jx templates 资金使用率
out_is "templates NAME: the user's version, and which it overrides" <<EOF
indicator 资金使用率
levels: 产出指标 / 数量指标
unit: %
direction: higher
basis: 财务报表
file: $udir/mine.yaml:3
overrides: $tdir/library.yaml
EOF
unset XDG_CONFIG_HOME

# ~/.config when XDG_CONFIG_HOME is not set
mkdir -p "$HOME/.config"
mv cfg/jixiao "$HOME/.config/"
jx templates --tsv
out_has "templates: ~/.config/jixiao/templates when XDG_CONFIG_HOME is unset" \
	"indicator	绿化面积	$HOME/.config/jixiao/templates/mine.yaml	"

# ---- mistakes ---------------------------------------------------------------

cat >"$HOME/.config/jixiao/templates/bad.yaml" <<'EOF'
format: jixiao-templates/1
indicators:
- name: 甲
  level1: 产出指标
  level2: 数量指标
  unit: 使用率
  direction: up
EOF
jx templates
is_status 2 "a broken template file: exit 2"
out_empty "a broken template file: nothing listed"
err_is "a broken template file: every mistake, then the file to fix" <<EOF
jixiao: $HOME/.config/jixiao/templates/bad.yaml:6:9: 'unit' in indicator 1: '使用率' does not read as a unit (write it as a target would: %, 个, 万元, 元/人/天)
jixiao: $HOME/.config/jixiao/templates/bad.yaml:7:14: 'direction' in indicator 1 must be higher, lower, deadline or qualitative, not 'up'
jixiao: the templates have errors; nothing was loaded (fix $HOME/.config/jixiao/templates/bad.yaml)
EOF

cat >"$HOME/.config/jixiao/templates/bad.yaml" <<'EOF'
format: jixiao-templates/1
indicators:
- name: 甲
  level1: 效应指标
  level2: 数量指标
EOF
cat >"$HOME/.config/jixiao/templates/worse.yaml" <<'EOF'
format: jixiao-templates/1
indicators:
- name: 绿化面积
  level1: 产出指标
  level2: 数量指标
EOF
jx templates 2012
is_status 2 "mistakes in two files: exit 2"
err_is "mistakes in two files: both, and both files to fix" <<EOF
jixiao: $HOME/.config/jixiao/templates/bad.yaml:4:11: unknown level-1 '效应指标': no framework has it
jixiao: $HOME/.config/jixiao/templates/worse.yaml:3:3: duplicate indicator '绿化面积' (first at $HOME/.config/jixiao/templates/mine.yaml:9)
jixiao: the templates have errors; nothing was loaded (fix $HOME/.config/jixiao/templates/bad.yaml, $HOME/.config/jixiao/templates/worse.yaml)
EOF
rm -r "$HOME/.config/jixiao"

# the shipped directory is missing
JIXIAO_DATADIR=$(pwd)/nowhere
export JIXIAO_DATADIR
jx templates
is_status 2 "no shipped templates: exit 2"
err_has "no shipped templates: names the directory" \
	"jixiao: $(pwd)/nowhere/data/templates: cannot read the template directory: No such file or directory"
unset JIXIAO_DATADIR

done_testing
