#!/bin/sh
# export.sh — `jixiao export`: one file per department-year, byte for byte
# the samples (which are in canonical export form); a round trip through
# import gives the same bytes; --dept/--year, -o FILE, stdout; the errors.
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db export -d out
is_status 0 "export -d DIR exits 0"
out_is "export -d DIR names the three files it wrote" <<'EOF'
out/大连高新技术产业园区七贤岭街道办事处-2026.yaml
out/125001-2023.yaml
out/441001-2021.yaml
EOF
err_empty "export -d DIR writes nothing to stderr"
run ls out
out_is "export -d DIR: exactly three files, no leftovers" <<'EOF'
125001-2023.yaml
441001-2021.yaml
大连高新技术产业园区七贤岭街道办事处-2026.yaml
EOF
same_file "export: 441001-2021.yaml is the sample byte for byte" \
	out/441001-2021.yaml "$JX_SAMPLES_DIR/xishan-441001-2021.yaml"
same_file "export: 125001-2023.yaml is the sample byte for byte" \
	out/125001-2023.yaml "$JX_SAMPLES_DIR/chengde-125001-2023.yaml"
same_file "export: the 七贤岭 2026 file is the sample byte for byte" \
	out/大连高新技术产业园区七贤岭街道办事处-2026.yaml \
	"$JX_SAMPLES_DIR/qixianling-2026.yaml"

# Round trip: import the exported files into a new database, export again.
jx --db r.db import out/125001-2023.yaml out/441001-2021.yaml \
	out/大连高新技术产业园区七贤岭街道办事处-2026.yaml
is_status 0 "importing the exported files into a new database exits 0"
out_is "importing the exported files: the counts" <<'EOF'
imported into r.db: department-years: 3, projects: 44, indicators: 382
EOF
jx --db r.db export -d again
is_status 0 "exporting the new database exits 0"
same_file "round trip: 441001-2021.yaml is byte-identical" \
	out/441001-2021.yaml again/441001-2021.yaml
same_file "round trip: 125001-2023.yaml is byte-identical" \
	out/125001-2023.yaml again/125001-2023.yaml
same_file "round trip: the 七贤岭 2026 file is byte-identical" \
	out/大连高新技术产业园区七贤岭街道办事处-2026.yaml \
	again/大连高新技术产业园区七贤岭街道办事处-2026.yaml
jx --db s.db stats --tsv
cp "$JX_RUN/out" stats-s.out
jx --db r.db stats --tsv
same_file "round trip: stats of the new database are the same" \
	stats-s.out "$JX_RUN/out"

# Exporting into a directory that already holds the files replaces them.
jx --db s.db export -d out
is_status 0 "export -d into a directory with the files already there exits 0"
same_file "export -d again: the files are the same" \
	out/441001-2021.yaml "$JX_SAMPLES_DIR/xishan-441001-2021.yaml"

# ---- one department-year ---------------------------------------------------

jx --db s.db export --dept 441001 -o one.yaml
is_status 0 "export --dept 441001 -o FILE exits 0"
out_empty "export -o FILE: nothing on stdout"
err_empty "export -o FILE: nothing on stderr"
same_file "export --dept 441001 -o FILE writes the sample" \
	one.yaml "$JX_SAMPLES_DIR/xishan-441001-2021.yaml"
no_file "export -o FILE: no temporary file is left" one.yaml.part

jx --db s.db export --dept 441001
is_status 0 "export --dept 441001 to stdout exits 0"
same_file "export --dept 441001 to stdout writes the sample" \
	"$JX_RUN/out" "$JX_SAMPLES_DIR/xishan-441001-2021.yaml"

jx --db s.db export --year 2023
is_status 0 "export --year 2023 (one match) to stdout exits 0"
same_file "export --year 2023 writes the 125001 sample" \
	"$JX_RUN/out" "$JX_SAMPLES_DIR/chengde-125001-2023.yaml"

jx --db s.db export --dept 七贤岭 --year 2026 -o qxl.yaml
is_status 0 "export --dept PART --year YEAR -o FILE exits 0"
same_file "export --dept 七贤岭 --year 2026 writes the sample" \
	qxl.yaml "$JX_SAMPLES_DIR/qixianling-2026.yaml"

jx --db s.db export --dept 441001 -d one
is_status 0 "export --dept 441001 -d DIR exits 0"
run ls one
out_is "export --dept 441001 -d DIR writes one file" <<'EOF'
441001-2021.yaml
EOF

fixture good.yaml
jx_ok --db g.db import good.yaml
jx --db g.db export
is_status 0 "export of a department-year with every field exits 0"
same_file "export: a file with every field comes back byte for byte" \
	"$JX_RUN/out" good.yaml

# ---- errors ----------------------------------------------------------------

jx --db s.db export
is_status 2 "export with several matches and no -d exits 2"
err_is "export with several matches: says how to choose" <<'EOF'
jixiao: export: 3 department-years match; write them with -d DIR, or narrow with --dept/--year
EOF
out_empty "export with several matches: nothing on stdout"

jx --db s.db export -o all.yaml
is_status 2 "export -o FILE with several matches exits 2"
no_file "export -o FILE with several matches: no file" all.yaml all.yaml.part

jx --db s.db export --dept 441001 --year 2020
is_status 2 "export of a year that is not there exits 2"
err_is "export --year 2020: nothing matches" <<'EOF'
jixiao: export: nothing matches
EOF

jx --db s.db export --dept 街道
is_status 2 "export --dept with an ambiguous part exits 2"
err_has "export --dept 街道: names the candidates" "'街道' matches 2 departments"

jx --db s.db export --year 20x1
is_status 2 "export --year with a bad year exits 2"
err_is "export --year 20x1: not a year" <<'EOF'
jixiao: '20x1' is not a year (1900..2999)
EOF

jx --db s.db export --dept 441001 -o x.yaml -d xdir
is_status 2 "export with both -o and -d exits 2"
err_is "export -o -d: they exclude each other" <<'EOF'
jixiao: export: -o and -d exclude each other
EOF
no_file "export -o -d: nothing written" x.yaml xdir

jx --db s.db export --dept 441001 -o nodir/x.yaml
is_status 2 "export -o into a missing directory exits 2"
err_has "export -o nodir/x.yaml: names the file" "nodir/x.yaml"
no_file "export -o nodir/x.yaml: nothing created" nodir

echo "not a directory" >plain
jx --db s.db export -d plain
is_status 2 "export -d onto a plain file exits 2"
err_has "export -d plain: names the path" "plain"

jx --db s.db export --dept 441001 extra
is_status 2 "export with an argument exits 2"
err_is "export extra: unexpected argument" <<'EOF'
jixiao: export: unexpected argument 'extra'
EOF

jx_ok --db empty.db init
jx --db empty.db export
is_status 2 "export of an empty database exits 2"
err_is "export of an empty database: nothing matches" <<'EOF'
jixiao: export: nothing matches
EOF

done_testing
