#!/bin/sh
# search.sh — `jixiao search TEXT`: indicators anywhere containing TEXT,
# streamed as TSV with where they are; --count; --limit; no hit exits 1.
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db search --count 满意度
is_status 0 "search --count exits 0 when there are hits"
out_is "search --count 满意度 counts the indicators of the three seeds" <<'EOF'
43
EOF

jx --db s.db search --limit 2 满意度
is_status 0 "search exits 0"
out_is "search --limit 2: the header and the first two hits with where they are" <<'EOF'
department	year	project_code	project	level2	indicator	target
承德高新技术产业开发区社区管理办公室本级	2023	13081123P00011210001M	居家养老项目	服务对象满意度指标	群众满意度	≥90 百分比
承德高新技术产业开发区社区管理办公室本级	2023	13081123P00011810001P	居民区卫生服务点补助	服务对象满意度指标	居民满意度	≥98 百分比
EOF

jx --db s.db search 满意度
out_lines "search 满意度: a header and 43 hits" 44

jx --db s.db search 工作记录
out_has "search finds text in the basis (指标值确定依据) too" "秦皇岛市北戴河区西山街道办事处（本级）	2021"

jx --db s.db search ≥95使用率
is_status 1 "search with no hit exits 1"
out_is "search with no hit prints only the header" <<'EOF'
department	year	project_code	project	level2	indicator	target
EOF
jx --db s.db search --count 不存在的文字
is_status 1 "search --count with no hit exits 1"
out_is "search --count with no hit prints 0" <<'EOF'
0
EOF

jx --db s.db search
is_status 2 "search without TEXT exits 2"
jx --db s.db search --limit 0 满意度
is_status 2 "search --limit 0 exits 2"

done_testing
