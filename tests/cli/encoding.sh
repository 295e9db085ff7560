#!/bin/sh
# encoding.sh — text that is not plain UTF-8: a GB18030 file is refused
# with the byte offset and a hint, and imports with --encoding GB18030;
# full-width text (＞＝９０％) is kept exactly as written, through import,
# ls, show and export; a UTF-8 byte order mark is accepted.
. "$(dirname "$0")/lib.sh"

# The same document in GB18030 (written with octal escapes, so that this
# script stays UTF-8): 测试单位 2024, one project 办公经费 with the
# indicator 产出指标/数量指标/人数 and the full-width target ＞＝９０％.
printf '%b' 'format: jixiao/1\n' \
	'department:\n' \
	'  name: \0262\0342\0312\0324\0265\0245\0316\0273\n' \
	'year: 2024\n' \
	'projects:\n' \
	'- name: \0260\0354\0271\0253\0276\0255\0267\0321\n' \
	'  indicators:\n' \
	'  - level1: \0262\0372\0263\0366\0326\0270\0261\0352\n' \
	'    level2: \0312\0375\0301\0277\0326\0270\0261\0352\n' \
	'    name: \0310\0313\0312\0375\n' \
	'    target: \0243\0276\0243\0275\0243\0271\0243\0260\0243\0245\n' \
	>gb.yaml

run cksum gb.yaml
out_is "the GB18030 file has the expected bytes" <<'EOF'
1032666301 178 gb.yaml
EOF

jx --db g.db import gb.yaml
is_status 2 "import of a GB18030 file exits 2"
err_is "import gb.yaml: the position, the byte offset and the GB18030 hint" <<'EOF'
jixiao: gb.yaml:3:9: byte 37: not valid UTF-8 (it looks like GB18030; use --encoding GB18030)
jixiao: nothing imported: 1 of 1 files had errors; the others would have written department-years: 0, projects: 0, indicators: 0
EOF
no_file "import gb.yaml: no database file is left" g.db

jx --db g.db import --encoding GB18030 gb.yaml
is_status 0 "import --encoding GB18030 exits 0"
out_is "import --encoding GB18030: what it wrote" <<'EOF'
imported into g.db: department-years: 1, projects: 1, indicators: 1
EOF
jx --db g.db ls --tsv 测试单位 2024 1
out_is "import --encoding GB18030: the text is stored as UTF-8" <<'EOF'
seq	level1	level2	name	target	basis	description
1	产出指标	数量指标	人数	＞＝９０％		
EOF

jx --db g2.db import --encoding gb18030 gb.yaml
is_status 0 "import --encoding gb18030 (lower case) exits 0"

jx --db g3.db import --encoding NO-SUCH-ENCODING gb.yaml
is_status 2 "import with an unknown encoding exits 2"
err_has "import with an unknown encoding: names it" "'NO-SUCH-ENCODING'"
no_file "import with an unknown encoding: no database file is left" g3.db

# A stray Latin-1 byte: the offset, and no GB18030 hint.
printf 'format: jixiao/1\ndepartment:\n  name: caf\351\nyear: 2024\n' >latin1.yaml
jx --db l.db import latin1.yaml
is_status 2 "import of a Latin-1 file exits 2"
err_is "import latin1.yaml: the position and the byte offset" <<'EOF'
jixiao: latin1.yaml:3:12: byte 40: not valid UTF-8
jixiao: nothing imported: 1 of 1 files had errors; the others would have written department-years: 0, projects: 0, indicators: 0
EOF

# A byte order mark before UTF-8 text is accepted.
printf '\357\273\277' >bom.yaml
cat "$JX_FIXTURES/good.yaml" >>bom.yaml
jx --db b.db import bom.yaml
is_status 0 "import of UTF-8 with a byte order mark exits 0"
jx --db b.db export
same_file "import bom.yaml: export gives the text back without the mark" \
	"$JX_RUN/out" "$JX_FIXTURES/good.yaml"

# ---- full-width text is kept as written -------------------------------------

fixture good.yaml
jx_ok --db f.db import good.yaml
jx --db f.db ls --tsv 900001 2024 1
out_line_is "ls --tsv: the full-width target is kept as written" '$' \
	"4	满意度指标	服务对象满意度指标	职工满意度	＞＝９０％	问卷调查	"
jx --db f.db show --tsv 900001 2024 1
out_has "show --tsv: the full-width target is kept as written" \
	"indicator.4.target	＞＝９０％
"
jx --db f.db show 900001 2024 1
out_has "show: the full-width target is kept as written" \
	"满意度指标  服务对象满意度指标  职工满意度                  ＞＝９０％  问卷调查"
cp "$JX_RUN/out" show.out
columns_line_up "show: a full-width target counts two columns a character" \
	show.out '(?<=\s)(指标值确定依据|人事名册|问卷调查)'
jx --db f.db export
same_file "export: the full-width target comes back byte for byte" \
	"$JX_RUN/out" good.yaml

done_testing
