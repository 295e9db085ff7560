#!/bin/sh
# init.sh — `jixiao init [--samples]`: creating the database, importing the
# shipped samples once, and failing cleanly where no file can be made.
. "$(dirname "$0")/lib.sh"

jx --db new.db init
is_status 0 "init exits 0"
out_is "init prints the ready line" <<'EOF'
database new.db is ready (schema 7)
EOF
err_empty "init writes nothing to stderr"
is_file "init created the database file" new.db

keep_db new.db
jx --db new.db init
is_status 0 "init on an existing database exits 0"
out_is "init again prints the ready line again" <<'EOF'
database new.db is ready (schema 7)
EOF
db_unchanged "init again leaves the database as it was" new.db

jx --db s.db init --samples
is_status 0 "init --samples exits 0"
out_is "init --samples imports the three samples" <<'EOF'
database s.db is ready (schema 7)
imported into s.db: department-years: 3, projects: 44, indicators: 382
EOF
err_empty "init --samples writes nothing to stderr"

jx --db s.db ls --tsv
out_is "init --samples: the three departments are there" <<'EOF'
code	department	years
	大连高新技术产业园区七贤岭街道办事处	2026
125001	承德高新技术产业开发区社区管理办公室本级	2023
441001	秦皇岛市北戴河区西山街道办事处（本级）	2021
EOF

keep_db s.db
jx --db s.db init --samples
is_status 0 "init --samples a second time exits 0"
out_has "the second run leaves 七贤岭 2026 alone" \
	"大连高新技术产业园区七贤岭街道办事处 2026 is already there; left as it is"
out_has "the second run leaves 125001 2023 alone" \
	"承德高新技术产业开发区社区管理办公室本级 2023 is already there; left as it is"
out_has "the second run leaves 441001 2021 alone" \
	"秦皇岛市北戴河区西山街道办事处（本级） 2021 is already there; left as it is"
out_line_is "the second run imports nothing" '$' \
	"imported into s.db: department-years: 0, projects: 0, indicators: 0"
out_lines "the second run prints five lines" 5
err_empty "the second run writes nothing to stderr"
db_unchanged "the second run leaves the database as it was" s.db

jx --db nodir/x.db init
is_status 2 "init --db in a directory that does not exist exits 2"
err_has "init --db nodir/x.db: names the path" "jixiao: nodir/x.db: "
err_has "init --db nodir/x.db: says why (no such directory)" \
	"No such file or directory"
out_empty "init --db nodir/x.db: nothing on stdout"
no_file "init --db nodir/x.db: no directory is created" nodir

mkdir nosamples
JIXIAO_DATADIR=$JX_WORK/nosamples
export JIXIAO_DATADIR
jx --db n.db init --samples
unset JIXIAO_DATADIR
is_status 2 "init --samples with no sample files exits 2"
err_is "init --samples with no sample files: says where it looked" <<EOF
jixiao: no files found ($JX_WORK/nosamples/data/samples/*.yaml); set JIXIAO_DATADIR to the directory that holds data/samples
EOF

jx --db x.db init extra
is_status 2 "init with an argument exits 2"
err_is "init extra: unexpected argument" <<'EOF'
jixiao: init: unexpected argument 'extra'
EOF
no_file "init extra: no database is created" x.db

jx --db x.db init --frob
is_status 2 "init with an unknown option exits 2"
err_has "init --frob: names the option" "'--frob'"
no_file "init --frob: no database is created" x.db

jx -r --db ro.db init
is_status 2 "-r init of a missing file exits 2"
no_file "-r init: no database is created" ro.db

jx_ok --db ro.db init
jx -r --db ro.db init --samples
is_status 2 "-r init --samples exits 2"
err_has "-r init --samples: refused as read-only" "read-only"
jx --db ro.db stats --tsv
out_is "-r init --samples: nothing imported" <<'EOF'
department	code	year	projects	indicators	budget_wan
EOF

done_testing
