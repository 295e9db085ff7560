#!/bin/sh
# import_errors.sh — `jixiao import` with files that are wrong: each error
# exits 2 with "file:line:column: what is wrong", and the database is left
# exactly as it was (a new database file is not left behind).
. "$(dirname "$0")/lib.sh"

fixture good.yaml malformed.yaml unknown_key.yaml missing_name.yaml \
	bad_money.yaml year_range.yaml

samples_db s.db
keep_db s.db

# check_bad FILE MESSAGE: importing FILE alone, into the samples database
# and into a new one, fails with MESSAGE and changes nothing.
check_bad() {
	jx --db s.db import "$1"
	is_status 2 "import $1 exits 2"
	err_is "import $1: the error, then nothing imported" <<EOF
jixiao: $2
jixiao: nothing imported: 1 of 1 files had errors; the others would have written department-years: 0, projects: 0, indicators: 0
EOF
	out_empty "import $1: nothing on stdout"
	db_unchanged "import $1: the database is as it was" s.db
	jx --db new.db import "$1"
	is_status 2 "import $1 into a new database exits 2"
	no_file "import $1 into a new database: no database file is left" new.db
}

check_bad malformed.yaml \
	"malformed.yaml:4:2: did not find expected key (while parsing a block mapping at line 1, column 1)"
check_bad unknown_key.yaml \
	"unknown_key.yaml:7:3: unknown key 'budget' in project 1"
check_bad missing_name.yaml \
	"missing_name.yaml:7:3: project 2 has no 'name'"
check_bad bad_money.yaml \
	"bad_money.yaml:8:19: 'annual_total' in money of project 1: amount \"十二万\" is not a number of 万元: unexpected \"十\""
check_bad year_range.yaml \
	"year_range.yaml:4:7: 'year' must be a year from 1900 to 2999, not '3000'"

# A control character written as an escape (libyaml turns "\e" into ESC):
# here a terminal command that would retitle the window of whoever shows
# the project. Refused where it is, not stored.
sed 's/^  name: 办公经费$/  name: "办公\\e]0;pwned\\a经费"/' good.yaml >escape.yaml
grep -q 'pwned' escape.yaml || bail_out "escape.yaml was not made"
check_bad escape.yaml \
	"escape.yaml:19:9: 'name' in project 1 contains the control character U+001B (a text may hold tabs and line breaks, no other)"

# A good file followed by a bad one: all or nothing.
jx --db s.db import good.yaml bad_money.yaml
is_status 2 "import of a good and a bad file exits 2"
err_is "import good bad: the error and what the good file would have written" <<'EOF'
jixiao: bad_money.yaml:8:19: 'annual_total' in money of project 1: amount "十二万" is not a number of 万元: unexpected "十"
jixiao: nothing imported: 1 of 2 files had errors; the others would have written department-years: 1, projects: 2, indicators: 5
EOF
out_empty "import good bad: nothing on stdout"
db_unchanged "import good bad: the good file was not imported either" s.db

jx --db new.db import good.yaml bad_money.yaml
is_status 2 "import good bad into a new database exits 2"
no_file "import good bad into a new database: no database file is left" new.db

# Every mistake of every file is reported in one run.
jx --db s.db import unknown_key.yaml good.yaml missing_name.yaml
is_status 2 "import of two bad files and a good one exits 2"
err_is "import bad good bad: both errors, then the summary" <<'EOF'
jixiao: unknown_key.yaml:7:3: unknown key 'budget' in project 1
jixiao: missing_name.yaml:7:3: project 2 has no 'name'
jixiao: nothing imported: 2 of 3 files had errors; the others would have written department-years: 1, projects: 2, indicators: 5
EOF
db_unchanged "import bad good bad: the database is as it was" s.db

# A file that does not exist.
jx --db s.db import good.yaml nosuch.yaml
is_status 2 "import of a missing file exits 2"
err_is "import of a missing file: says so" <<'EOF'
jixiao: nosuch.yaml: No such file or directory
jixiao: nothing imported: 1 of 2 files had errors; the others would have written department-years: 1, projects: 2, indicators: 5
EOF
db_unchanged "import of a missing file: the database is as it was" s.db

# A sample that is already there, among good files, is refused as a whole.
cp "$JX_SAMPLES_DIR/xishan-441001-2021.yaml" xishan.yaml
jx --db s.db import good.yaml xishan.yaml
is_status 2 "import of a department-year already there exits 2"
err_has "import of a department-year already there: mentions --replace" \
	"xishan.yaml: 秦皇岛市北戴河区西山街道办事处（本级） 2021 is already in the database (use --replace to replace it whole)"
db_unchanged "import refused: good.yaml was not imported either" s.db

# More files than are read ahead (import reads on a second thread, a few
# files ahead of the one it writes): the messages still come in the order
# of the files, a department-year given twice is named as such, and the
# good files of the run are counted.
set --
for y in 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020; do
	sed "s/^year: 2024$/year: $y/" good.yaml >"g$y.yaml"
	set -- "$@" "g$y.yaml"
done
cp bad_money.yaml g2012.yaml
cp g2011.yaml again.yaml
cp unknown_key.yaml g2018.yaml
jx --db s.db import "$@" again.yaml
is_status 2 "import of 11 files, 3 wrong: exits 2"
err_is "import of 11 files: every error in file order, then the summary" <<'EOF'
jixiao: g2012.yaml:8:19: 'annual_total' in money of project 1: amount "十二万" is not a number of 万元: unexpected "十"
jixiao: g2018.yaml:7:3: unknown key 'budget' in project 1
jixiao: again.yaml: 测试市测试区测试中心 2011 is also in g2011.yaml, earlier in this import
jixiao: nothing imported: 3 of 11 files had errors; the others would have written department-years: 8, projects: 16, indicators: 40
EOF
db_unchanged "import of 11 files: the database is as it was" s.db
jx --db s.db import g2011.yaml g2013.yaml g2014.yaml g2015.yaml g2016.yaml \
	g2017.yaml g2019.yaml g2020.yaml
is_status 0 "import of the 8 good ones: exits 0"
out_is "import of the 8 good ones: all written" <<EOF
imported into s.db: department-years: 8, projects: 16, indicators: 40
EOF
rm -f g20*.yaml again.yaml
keep_db s.db

# ---- usage -----------------------------------------------------------------

jx --db s.db import
is_status 2 "import without a file exits 2"
err_is "import without a file: says so" <<'EOF'
jixiao: import: no FILE given (see 'jixiao import --help')
EOF

jx --db s.db import --frob good.yaml
is_status 2 "import with an unknown option exits 2"
err_has "import --frob: names the option" "'--frob'"
db_unchanged "import --frob: the database is as it was" s.db

jx --db new.db import --encoding
is_status 2 "import --encoding without a value exits 2"
no_file "import --encoding without a value: no database" new.db

jx -r --db s.db import good.yaml
is_status 2 "-r import exits 2"
err_has "-r import: refused as read-only" "read-only"
db_unchanged "-r import: the database is as it was" s.db

done_testing
