#!/bin/sh
# messages.sh — messages that name what is wrong: a year not on file lists
# the years that are; options that cannot work together are refused before
# anything is opened; empty arguments are not taken as "match everything".
. "$(dirname "$0")/lib.sh"

samples_db s.db

jx --db s.db ls 441001 2020
is_status 2 "ls of a year not on file exits 2"
err_is "ls of a year not on file names the department and its years" <<'EOF'
jixiao: 秦皇岛市北戴河区西山街道办事处（本级） has no year 2020 on file (years on file: 2021)
EOF

jx --db s.db ls ''
is_status 2 "ls '' exits 2"
err_is "ls '': an empty DEPT is refused, not matched against everything" <<'EOF'
jixiao: an empty DEPT was given
EOF

jx --db s.db show 441001 2021 ''
is_status 2 "show with an empty PROJECT exits 2"
err_has "show with an empty PROJECT says so" "an empty PROJECT was given"

keep_db s.db
jx --db s.db -r init
is_status 2 "-r init exits 2"
err_is "-r init: refused, init writes" <<'EOF'
jixiao: init writes to the database; it cannot run with --read-only
EOF
jx --db s.db -r import "$(fixture good.yaml)"
is_status 2 "-r import exits 2"
err_is "-r import: refused before reading anything" <<'EOF'
jixiao: import writes to the database; it cannot run with --read-only
EOF
db_unchanged "-r init and -r import: the database is unchanged" s.db

jx --db new.db import --encoding KLINGON "$(fixture good.yaml)"
is_status 2 "import --encoding with an unknown name exits 2"
err_is "import --encoding with an unknown name: one usage error up front" <<'EOF'
jixiao: import: unknown encoding 'KLINGON' (try GB18030, GBK or UTF-8)
EOF
no_file "import --encoding KLINGON: no database file is created" new.db

jx --db nodir/x.db init
is_status 2 "init into a missing directory exits 2"
err_is "init into a missing directory: says which directory and why" <<'EOF'
jixiao: nodir/x.db: cannot create the database: nodir: No such file or directory
EOF

done_testing
