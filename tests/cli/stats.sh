#!/bin/sh
# stats.sh — `jixiao stats`: the acceptance figures of the three samples,
# the aligned table (columns line up by display width), TSV, one
# department, and an empty database.
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db stats
is_status 0 "stats exits 0"
out_is "stats prints the three department-years and the total" <<'EOF'
单位                                      编码    年度  项目  指标  预算（万元）
大连高新技术产业园区七贤岭街道办事处              2026    10    76       2821.68
承德高新技术产业开发区社区管理办公室本级  125001  2023    13   117       1038.03
秦皇岛市北戴河区西山街道办事处（本级）    441001  2021    21   189       1475.94
合计                                                      44   382       5335.65
EOF
err_empty "stats writes nothing to stderr"
cp "$JX_RUN/out" stats.out
columns_line_up "stats: every line has the same display width" stats.out '$'
columns_line_up "stats: the year column starts at the same display column" \
	stats.out '年度|(?<![\d.])\d{4}(?![\d.])'
columns_line_up "stats: the code column starts at the same display column" \
	stats.out '编码|\b\d{6}\b'
columns_line_up "stats: the budget column ends at the same display column" \
	stats.out '(?<=[\d）])$'
out_no_trailing_space "stats: no line ends in a blank"

jx --db s.db stats --tsv
is_status 0 "stats --tsv exits 0"
out_is "stats --tsv: a header line and one line per department-year, no total" <<'EOF'
department	code	year	projects	indicators	budget_wan
大连高新技术产业园区七贤岭街道办事处		2026	10	76	2821.68
承德高新技术产业开发区社区管理办公室本级	125001	2023	13	117	1038.03
秦皇岛市北戴河区西山街道办事处（本级）	441001	2021	21	189	1475.94
EOF

jx --db s.db stats 441001
is_status 0 "stats DEPT exits 0"
out_is "stats DEPT: one department-year and no total row" <<'EOF'
单位                                    编码    年度  项目  指标  预算（万元）
秦皇岛市北戴河区西山街道办事处（本级）  441001  2021    21   189       1475.94
EOF

jx --db s.db stats --tsv 七贤岭
is_status 0 "stats --tsv with a part of a name exits 0"
out_is "stats --tsv 七贤岭: the department without a code" <<'EOF'
department	code	year	projects	indicators	budget_wan
大连高新技术产业园区七贤岭街道办事处		2026	10	76	2821.68
EOF

jx --db s.db -r stats 承德高新技术产业开发区社区管理办公室本级
is_status 0 "-r stats with a department's full name exits 0"
out_line_is "-r stats FULLNAME: its row" 2 \
	"承德高新技术产业开发区社区管理办公室本级  125001  2023    13   117       1038.03"

jx --db s.db stats 街道
is_status 2 "stats with an ambiguous name part exits 2"
err_is "stats 街道: the candidates are named" <<'EOF'
jixiao: '街道' matches 2 departments: 大连高新技术产业园区七贤岭街道办事处; 秦皇岛市北戴河区西山街道办事处（本级）
EOF
out_empty "stats 街道: nothing on stdout"

jx --db s.db stats 999999
is_status 2 "stats with an unknown department exits 2"
err_is "stats 999999: says so" <<'EOF'
jixiao: no department matches '999999'
EOF

jx --db s.db stats 441001 2021
is_status 2 "stats with two arguments exits 2"
err_is "stats DEPT YEAR: too many arguments" <<'EOF'
jixiao: stats: too many arguments
EOF

jx --db s.db stats --frob
is_status 2 "stats with an unknown option exits 2"
err_has "stats --frob: names the option" "'--frob'"

jx_ok --db empty.db init
jx --db empty.db stats
is_status 0 "stats on an empty database exits 0"
out_is "stats on an empty database: the header only" <<'EOF'
单位  编码  年度  项目  指标  预算（万元）
EOF
err_is "stats on an empty database: a hint on stderr" <<'EOF'
jixiao: the database holds no department-years yet; try 'jixiao init --samples'
EOF

done_testing
