#!/bin/sh
# import.sh — `jixiao import`: files into a new or an existing database,
# several at once, refusing a department-year that is already there unless
# --replace, and replacing it whole with --replace.
. "$(dirname "$0")/lib.sh"

fixture good.yaml replacement.yaml next_year.yaml

jx --db new.db import good.yaml
is_status 0 "import into a new database exits 0"
out_is "import prints what it wrote" <<'EOF'
imported into new.db: department-years: 1, projects: 2, indicators: 5
EOF
err_empty "import writes nothing to stderr"
jx --db new.db stats --tsv
out_is "import: the department-year is there" <<'EOF'
department	code	year	projects	indicators	budget_wan
测试市测试区测试中心	900001	2024	2	5	12.5001
EOF

jx --db new.db import next_year.yaml
is_status 0 "import of another year of the same department exits 0"
jx --db new.db ls --tsv
out_is "import: one department with two years" <<'EOF'
code	department	years
900001	测试市测试区测试中心	2024,2025
EOF

# ---- an existing department-year ------------------------------------------

keep_db new.db
jx --db new.db import replacement.yaml
is_status 2 "import of a department-year already there exits 2"
err_is "import of a department-year already there: refused, mentioning --replace" <<'EOF'
jixiao: replacement.yaml: 测试市测试区测试中心 2024 is already in the database (use --replace to replace it whole)
jixiao: nothing imported: 1 of 1 files had errors; the others would have written department-years: 0, projects: 0, indicators: 0
EOF
out_empty "import refused: nothing on stdout"
db_unchanged "import refused: the database is as it was" new.db

jx --db new.db import --replace replacement.yaml
is_status 0 "import --replace exits 0"
out_is "import --replace prints what it wrote" <<'EOF'
imported into new.db: department-years: 1, projects: 1, indicators: 1
EOF
jx --db new.db stats --tsv
out_is "import --replace: the department-year was replaced whole" <<'EOF'
department	code	year	projects	indicators	budget_wan
测试市测试区测试中心	900001	2024	1	1	100
测试市测试区测试中心	900001	2025	1	1	100
EOF
jx --db new.db ls --tsv 900001 2024
out_is "import --replace: only the new projects are left" <<'EOF'
seq	code	name	budget_wan	indicators
1	TEST0003	替换项目	100	1
EOF
jx --db new.db export --dept 900001 --year 2024
same_file "import --replace: export gives the new file back" \
	"$JX_RUN/out" replacement.yaml

jx --db new.db import --replace good.yaml
is_status 0 "import --replace back to the first version exits 0"
jx --db new.db export --dept 900001 --year 2024
same_file "import --replace: export gives the first file back" \
	"$JX_RUN/out" good.yaml

jx --db r.db import --replace good.yaml
is_status 0 "import --replace of a department-year not yet there exits 0"
out_is "import --replace of a new department-year imports it" <<'EOF'
imported into r.db: department-years: 1, projects: 2, indicators: 5
EOF

# ---- several files -------------------------------------------------------

samples_db s.db
jx --db s.db import good.yaml next_year.yaml
is_status 0 "import of two files into the samples database exits 0"
out_is "import of two files: one line with the totals" <<'EOF'
imported into s.db: department-years: 2, projects: 3, indicators: 6
EOF
jx --db s.db stats
out_is "import of two files: stats shows them with the samples" <<'EOF'
单位                                      编码    年度  项目  指标  预算（万元）
大连高新技术产业园区七贤岭街道办事处              2026    10    76       2821.68
承德高新技术产业开发区社区管理办公室本级  125001  2023    13   117       1038.03
测试市测试区测试中心                      900001  2024     2     5       12.5001
测试市测试区测试中心                      900001  2025     1     1           100
秦皇岛市北戴河区西山街道办事处（本级）    441001  2021    21   189       1475.94
合计                                                      47   388     5448.1501
EOF

# The same department-year twice in one run is not "already in the
# database", and the refused copy is not counted as what would be written.
jx --db twice.db import good.yaml good.yaml
is_status 2 "import of the same file twice exits 2"
err_lacks "import of the same file twice: does not claim it is already in the database" \
	"is already in the database"
err_has "import of the same file twice: counts only the first copy" \
	"the others would have written department-years: 1, projects: 2, indicators: 5"
no_file "import of the same file twice: no database is left behind" twice.db

# ---- the default database --------------------------------------------------

jx import good.yaml
is_status 0 "import without --db exits 0"
out_is "import without --db writes into the XDG data directory" <<EOF
imported into $XDG_DATA_HOME/jixiao/jixiao.db: department-years: 1, projects: 2, indicators: 5
EOF
is_file "import without --db created the default database" \
	"$XDG_DATA_HOME/jixiao/jixiao.db"

done_testing
