#!/bin/sh
# show.sh — `jixiao show DEPT YEAR PROJECT`: one project of each sample in
# full, laid out like the published table (merged level cells blank), every
# field of a project that has them all, --tsv, and the errors.
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db show 441001 2021 1
is_status 0 "show 441001 2021 1 exits 0"
out_is "show 441001 2021 1: the published table" <<'EOF'
1.直选人员及社区工作者工资及保险绩效目标表
441001 秦皇岛市北戴河区西山街道办事处（本级）  2021年度

项目编码          130304213ZR3W5GRVM5IR
项目名称          直选人员及社区工作者工资及保险
预算规模（万元）
  预算数          130.97
  其中：财政资金  130.97
  其他资金        0
资金用途
  社区干部队伍不断壮大，干部素质有所提高，积极开展各种社区建设及社区服务活动，不断提高居民的满意度。
资金支出计划（%）
       3月底      6月底     10月底     12月底
      25.00%     50.00%     75.00%    100.00%
绩效目标
  1.按时发放直选人员及社区工作者工资
  2.提升直选人员及社区工作者服务水平

一级指标    二级指标            三级指标          绩效指标描述                      指标值       指标值确定依据
产出指标    数量指标            资金使用率        实际支出的金额占应支出金额的比率  ≥90使用率    工作记录
            质量指标            资金拨付率        资金准确拨付                      ≥90拨付率    工作记录
            时效指标            工资发放及时性    及时发放工资情况                  ≥90及时性    工作记录
            成本指标            按预算资金完成率  按预算资金完成率                  ≥90完成率    工作记录
效益指标    经济效益指标        资金支出率        已支付资金与应支付资金的比率      ≥90支出率    工作记录
            社会效益指标        社会影响力        对社会产生的影响                  ≥90社会影响  工作记录
            生态效益指标        社会稳定水平      促进稳定水平逐步提高              ≥90社会影响  工作记录
            可持续影响指标      长期使用性        能够长期较好地满足工作需要        ≥90长期性    工作记录
满意度指标  服务对象满意度指标  人员满意度（%）   群众满意度                        ≥90满意度    调查问卷
EOF
err_empty "show writes nothing to stderr"
cp "$JX_RUN/out" show1.out
columns_line_up "show 441001 2021 1: the field values start at the same display column" \
	show1.out '(?<=\s)(130304213ZR3W5GRVM5IR|直选人员及社区工作者工资及保险$|130\.97|0$)'
columns_line_up "show 441001 2021 1: the target column starts at the same display column" \
	show1.out '指标值(?!确)|≥'
columns_line_up "show 441001 2021 1: the basis column starts at the same display column" \
	show1.out '指标值确定依据|工作记录|调查问卷'
columns_line_up "show 441001 2021 1: the level-3 column starts at the same display column" \
	show1.out '三级指标|资金使用率|资金拨付率|工资发放及时性|按预算资金完成率|资金支出率|社会影响力|社会稳定水平|长期使用性|人员满意度'

jx --db s.db show 七贤岭 2026 1
is_status 0 "show 七贤岭 2026 1 exits 0"
out_is "show 七贤岭 2026 1: money of the period and the year side by side, merged cells blank" <<'EOF'
七贤岭街道社区工作者工资及附加项目绩效目标表
大连高新技术产业园区七贤岭街道办事处  2026年度

项目名称          七贤岭街道社区工作者工资及附加
主管部门          大连高新技术产业园区七贤岭街道办事处
实施单位          大连高新技术产业园区七贤岭街道办事处
项目实施期        2026年1月至2026年12月
资金投入（万元）
  实施期金额        1661              年度金额          1661
  其中：财政拨款    1661              其中：财政拨款    1661
  其他资金                            其他资金
实施期目标
  依据《大连市社区规范化建设标准（试行）》条例，每200户社区居民配备1人标准，配备社区工作人员。完成发放社区工作者工资、保险、公积金、绩效奖、退休人员独子补贴、工会会费。
年度目标
  依据《大连市社区规范化建设标准（试行）》条例，每200户社区居民配备1人标准，配备社区工作人员。完成发放社区工作者工资、保险、公积金、绩效奖、退休人员独子补贴、工会会费。

一级指标    二级指标            三级指标                                                  指标值
产出指标    数量指标            社区工作人员人数                                          ≤122人
                                社区数量                                                  =14个
            质量指标            社区工作人员能力与岗位契合度                              100%
            时效指标            社工聘用年限                                              >1年
            成本指标            工资发放合规率                                            100%
效益指标    社会效益指标        提高基层社会治理水平                                      提高
            可持续影响指标      保障社区工作人员基本权益，提升社区工作人员服务群众积极性  100%
满意度指标  服务对象满意度指标  群众对社区工作满意度                                      ≥90%
EOF
cp "$JX_RUN/out" show2.out
columns_line_up "show 七贤岭 2026 1: the year amounts start at the same display column" \
	show2.out '年度金额|(?<=\s)其中：财政拨款(?=\s+1661$)|(?<=\s)其他资金$'

jx --db s.db show 七贤岭 2026 七贤岭街道办公场所运行经费
is_status 0 "show with a project's full name exits 0"
out_is "show 七贤岭 2026 NAME: the attribute, a doubly merged row and the note" <<'EOF'
七贤岭街道办公场所运行经费项目绩效目标表
大连高新技术产业园区七贤岭街道办事处  2026年度

项目名称          七贤岭街道办公场所运行经费
主管部门          大连市高新技术产业园区七贤岭街道办事处
实施单位          大连市高新技术产业园区七贤岭街道办事处
项目属性          21023400005154
项目实施期        2026年1月至2026年12月
资金投入（万元）
  实施期金额        91.39             年度金额          91.39
  其中：财政拨款    91.39             其中：财政拨款    91.39
  其他资金                            其他资金
实施期目标
  保障七贤岭街道网络宽带正常运行以及办公环境取暖、水电等办公场所基本需求。
年度目标
  保障七贤岭街道网络宽带正常运行以及办公环境取暖、水电等办公场所基本需求。

一级指标    二级指标            三级指标                      指标值
产出指标    数量指标            供暖月份                      ≥4个月
            质量指标            保障网络正常运行              ≥90%
            时效指标            及时缴纳水电暖费用            ≥95%
                                及时维修更换情况              ≥85%
            成本指标            每月电话费网费                ≤2000元
效益指标    社会效益指标        街道办公水电厉行节约情况      良好
            可持续影响指标      保障街道机构正常运转情况      ≥85%
满意度指标  服务对象满意度指标  街道工作人员对设施使用满意率  ≥85%

备注：项目属性一栏印的是 21023400005154（看似项目编码，原样记作 attribute）；本表及食堂、资产采购两表的主管部门/实施单位写作“大连市高新技术产业园区七贤岭街道办事处”，其余各表无“市”字。
EOF

jx --db s.db show 125001 2023 1
is_status 0 "show 125001 2023 1 exits 0"
out_is "show 125001 2023 1: a blank 其他资金 and the description column" <<'EOF'
1.创建文明城市工作经费绩效目标表
125001 承德高新技术产业开发区社区管理办公室本级  2023年度

项目编码          13081123P000109100016
项目名称          创建文明城市工作经费
预算规模（万元）
  预算数          30
  其中：财政资金  30
  其他资金
资金用途
  支付创建文明城市制作展板、广告等费用
资金支出计划（%）
       3月底      6月底     10月底     12月底
         60%        80%        90%       100%
绩效目标
  1.目标内容 1

一级指标    二级指标            三级指标              绩效指标描述              指标值        指标值确定依据
产出指标    数量指标            资金使用是否在范围内  资金使用是否在范围内      资金使用范围  预算批复
            质量指标            创城工作的质量        创城工作的质量            质量          创城工作的完成质量
            时效指标            业务处理及时性        针对创城问题整改是否及时  100 百分比    要求创成问题必须按时全部整改
            成本指标            无                    无                        无            无
效益指标    经济效益指标        资金使用规范性        要求专项资金使用必须规范  100 百分比    要求专项资金使用时必须规范手续齐全
            社会效益指标        居民对创城的知晓率    居民对创城的知晓率        ≥95 百分比    创城问卷
            生态效益指标        无                    无                        无            无
            可持续影响指标      提高城市整洁度        提高城市整洁度            整洁度        创城结果
满意度指标  服务对象满意度指标  满意率                满意率                    ≥95 百分比    居民对于创城工作是否满意
EOF

# No line of any project's table ends in blanks.
for jx_sel in "441001 2021 21" "125001 2023 13" "七贤岭 2026 10"; do
	# shellcheck disable=SC2086 # split into DEPT YEAR COUNT on purpose
	set -- $jx_sel
	: >all.out
	jx_i=1
	while [ "$jx_i" -le "$3" ]; do
		"$JIXIAO" --db s.db show "$1" "$2" "$jx_i" >>all.out 2>&1
		jx_i=$((jx_i + 1))
	done
	run cat all.out
	out_no_trailing_space "show $1 $2 1..$3: no line ends in a blank"
done

# ---- --tsv -----------------------------------------------------------------

jx --db s.db show --tsv 441001 2021 1
is_status 0 "show --tsv exits 0"
out_is "show --tsv 441001 2021 1: field and value lines, then the indicators" <<'EOF'
code	130304213ZR3W5GRVM5IR
name	直选人员及社区工作者工资及保险
title	1.直选人员及社区工作者工资及保险绩效目标表
annual_total	130.97
annual_fiscal	130.97
annual_other	0
purpose	社区干部队伍不断壮大，干部素质有所提高，积极开展各种社区建设及社区服务活动，不断提高居民的满意度。
plan.1.label	3月底
plan.1.percent	25.00%
plan.2.label	6月底
plan.2.percent	50.00%
plan.3.label	10月底
plan.3.percent	75.00%
plan.4.label	12月底
plan.4.percent	100.00%
goal	1.按时发放直选人员及社区工作者工资\n2.提升直选人员及社区工作者服务水平
indicator.1.level1	产出指标
indicator.1.level2	数量指标
indicator.1.name	资金使用率
indicator.1.description	实际支出的金额占应支出金额的比率
indicator.1.target	≥90使用率
indicator.1.basis	工作记录
indicator.2.level1	产出指标
indicator.2.level2	质量指标
indicator.2.name	资金拨付率
indicator.2.description	资金准确拨付
indicator.2.target	≥90拨付率
indicator.2.basis	工作记录
indicator.3.level1	产出指标
indicator.3.level2	时效指标
indicator.3.name	工资发放及时性
indicator.3.description	及时发放工资情况
indicator.3.target	≥90及时性
indicator.3.basis	工作记录
indicator.4.level1	产出指标
indicator.4.level2	成本指标
indicator.4.name	按预算资金完成率
indicator.4.description	按预算资金完成率
indicator.4.target	≥90完成率
indicator.4.basis	工作记录
indicator.5.level1	效益指标
indicator.5.level2	经济效益指标
indicator.5.name	资金支出率
indicator.5.description	已支付资金与应支付资金的比率
indicator.5.target	≥90支出率
indicator.5.basis	工作记录
indicator.6.level1	效益指标
indicator.6.level2	社会效益指标
indicator.6.name	社会影响力
indicator.6.description	对社会产生的影响
indicator.6.target	≥90社会影响
indicator.6.basis	工作记录
indicator.7.level1	效益指标
indicator.7.level2	生态效益指标
indicator.7.name	社会稳定水平
indicator.7.description	促进稳定水平逐步提高
indicator.7.target	≥90社会影响
indicator.7.basis	工作记录
indicator.8.level1	效益指标
indicator.8.level2	可持续影响指标
indicator.8.name	长期使用性
indicator.8.description	能够长期较好地满足工作需要
indicator.8.target	≥90长期性
indicator.8.basis	工作记录
indicator.9.level1	满意度指标
indicator.9.level2	服务对象满意度指标
indicator.9.name	人员满意度（%）
indicator.9.description	群众满意度
indicator.9.target	≥90满意度
indicator.9.basis	调查问卷
EOF

jx --db s.db show --tsv 七贤岭 2026 1
out_has "show --tsv 七贤岭 2026 1: the period money" \
	"period_total	1661
period_fiscal	1661
annual_total	1661
annual_fiscal	1661
"
out_lacks "show --tsv 七贤岭 2026 1: a project without a code has no code line" \
	"code	"
out_line_is "show --tsv 七贤岭 2026 1: the last line is the last indicator's target" \
	'$' "indicator.8.target	≥90%"

# ---- a project with every field --------------------------------------------

fixture good.yaml
jx_ok --db g.db import good.yaml
jx --db g.db show 900001 2024 TEST0001
is_status 0 "show with a project code exits 0"
out_is "show: every field of a project that has them all" <<'EOF'
1.办公经费绩效目标表
900001 测试市测试区测试中心  2024年度

项目编码          TEST0001
项目名称          办公经费
主管部门          测试市测试区财政局
实施单位          测试市测试区测试中心
项目属性          经常性项目
项目类别          运转类
项目实施期        2024年1月至2024年12月
资金投入（万元）
  实施期金额        25                年度金额          12.5
  其中：财政拨款    20                其中：财政拨款    10
  其他资金          5                 其他资金          2.5
资金用途
  购买办公用品，支付水电费。
资金支出计划（%）
       6月底      9月底     12月底
         50%                  100%
实施期目标
  两年内保障办公。
年度目标
  本年保障办公。
绩效目标
  1.保障办公
  2.节约开支

一级指标    二级指标            三级指标    绩效指标描述    指标值      指标值确定依据
产出指标    数量指标            保障人数    保障的在职人数  ≥10人       人事名册
                                采购批次                    4次
效益指标    社会效益指标        服务水平                    提高
满意度指标  服务对象满意度指标  职工满意度                  ＞＝９０％  问卷调查

备注：第二个支出计划节点没有印百分比。
EOF

jx --db g.db show --tsv 测试中心 2024 1
out_is "show --tsv: every field of a project that has them all" <<'EOF'
code	TEST0001
name	办公经费
title	1.办公经费绩效目标表
competent	测试市测试区财政局
unit	测试市测试区测试中心
attribute	经常性项目
category	运转类
period	2024年1月至2024年12月
period_total	25
period_fiscal	20
period_other	5
annual_total	12.5
annual_fiscal	10
annual_other	2.5
purpose	购买办公用品，支付水电费。
plan.1.label	6月底
plan.1.percent	50%
plan.2.label	9月底
plan.3.label	12月底
plan.3.percent	100%
period_goal	两年内保障办公。
annual_goal	本年保障办公。
goal	1.保障办公\n2.节约开支
note	第二个支出计划节点没有印百分比。
indicator.1.level1	产出指标
indicator.1.level2	数量指标
indicator.1.name	保障人数
indicator.1.description	保障的在职人数
indicator.1.target	≥10人
indicator.1.basis	人事名册
indicator.2.level1	产出指标
indicator.2.level2	数量指标
indicator.2.name	采购批次
indicator.2.target	4次
indicator.3.level1	效益指标
indicator.3.level2	社会效益指标
indicator.3.name	服务水平
indicator.3.target	提高
indicator.4.level1	满意度指标
indicator.4.level2	服务对象满意度指标
indicator.4.name	职工满意度
indicator.4.target	＞＝９０％
indicator.4.basis	问卷调查
EOF

jx --db g.db show 900001 2024 2
out_is "show: a project with a tiny budget, no plan and no goals" <<'EOF'
设备购置
900001 测试市测试区测试中心  2024年度

项目编码          TEST0002
项目名称          设备购置
预算规模（万元）
  预算数          0.0001
  其中：财政资金
  其他资金

一级指标  二级指标  三级指标  指标值
产出指标  时效指标  完成时间  12月底前
EOF

# ---- errors --------------------------------------------------------------

jx --db s.db show 441001 2021
is_status 2 "show with two arguments exits 2"
err_is "show DEPT YEAR: asks for all three" <<'EOF'
jixiao: show: give DEPT YEAR PROJECT (see 'jixiao show --help')
EOF
out_empty "show DEPT YEAR: nothing on stdout"

jx --db s.db show 441001 2021 1 2
is_status 2 "show with four arguments exits 2"

jx --db s.db show 441001 2021 22
is_status 2 "show with a position past the last project exits 2"
err_is "show 441001 2021 22: no project matches" <<'EOF'
jixiao: no project matches '22'
EOF
out_empty "show 441001 2021 22: nothing on stdout"

jx --db s.db show 441001 2021 0
is_status 2 "show with position 0 exits 2"

jx --db s.db show 街道 2021 1
is_status 2 "show with an ambiguous department exits 2"
err_has "show 街道 2021 1: names the candidates" "'街道' matches 2 departments"

jx --db s.db show 441001 2023 1
is_status 2 "show with a year the department does not have exits 2"
err_has "show 441001 2023 1: says the year is not there" "no year 2023"

jx --db s.db show --frob 441001 2021 1
is_status 2 "show with an unknown option exits 2"
err_has "show --frob: names the option" "'--frob'"

done_testing
