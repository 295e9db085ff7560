#!/bin/sh
# dbpath.sh — which database a command opens, and what it refuses: a --db
# path that does not exist (for commands that only read), a directory, a
# text file, another program's SQLite file, a file written by a newer
# jixiao; -r; $JIXIAO_DB; the default XDG path. A refusal exits 2 and
# creates or changes nothing.
. "$(dirname "$0")/lib.sh"

fixture good.yaml

# ---- a path that does not exist --------------------------------------------

for jx_cmd in ls stats "show 441001 2021 1" export "-r stats"; do
	# shellcheck disable=SC2086 # the command's words are split on purpose
	jx --db nope.db $jx_cmd
	is_status 2 "$jx_cmd --db MISSING exits 2"
	err_is "$jx_cmd --db MISSING: says how to create it" <<'EOF'
jixiao: nope.db: no such database (create it with 'jixiao --db nope.db init')
EOF
	out_empty "$jx_cmd --db MISSING: nothing on stdout"
	no_file "$jx_cmd --db MISSING: no file is left behind" nope.db
done

# ---- a directory ---------------------------------------------------------------

mkdir dir.db
for jx_cmd in stats ls init "import good.yaml"; do
	# shellcheck disable=SC2086
	jx --db dir.db $jx_cmd
	is_status 2 "$jx_cmd --db DIRECTORY exits 2"
	err_is "$jx_cmd --db DIRECTORY: says it is a directory" <<'EOF'
jixiao: dir.db: is a directory, not a database file
EOF
done
run ls -A dir.db
out_empty "--db DIRECTORY: nothing is created inside it"
no_file "--db DIRECTORY: no side files next to it" dir.db-wal dir.db-shm

# ---- a text file ---------------------------------------------------------------

printf 'SQLite? no, a shopping list\n' >list.txt
keep list.txt
for jx_cmd in stats ls init "import good.yaml" "-r stats"; do
	# shellcheck disable=SC2086
	jx --db list.txt $jx_cmd
	is_status 2 "$jx_cmd --db TEXTFILE exits 2"
	err_is "$jx_cmd --db TEXTFILE: not an SQLite database" <<'EOF'
jixiao: list.txt: not an SQLite database
EOF
	file_unchanged "$jx_cmd --db TEXTFILE: the file is unchanged" list.txt
	no_file "$jx_cmd --db TEXTFILE: no side files" list.txt-wal list.txt-shm
done

# ---- another program's SQLite file; a newer jixiao's file ---------------------

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 other.db "CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT);
		INSERT INTO note(body) VALUES ('not jixiao');" ||
		bail_out "sqlite3 could not create other.db"
	keep other.db
	for jx_cmd in stats ls "-r stats" init "import good.yaml"; do
		# shellcheck disable=SC2086
		jx --db other.db $jx_cmd
		is_status 2 "$jx_cmd --db OTHER-SQLITE exits 2"
		err_has "$jx_cmd --db OTHER-SQLITE: not a jixiao database" \
			"jixiao: other.db: an SQLite database, but not a jixiao one"
		file_unchanged "$jx_cmd --db OTHER-SQLITE: the file is unchanged" \
			other.db
		no_file "$jx_cmd --db OTHER-SQLITE: no side files" \
			other.db-wal other.db-shm
	done

	jx_ok --db newer.db init
	sqlite3 newer.db "PRAGMA user_version = 99;" ||
		bail_out "sqlite3 could not set user_version"
	keep newer.db
	for jx_cmd in stats ls "-r stats" init "import good.yaml" "export"; do
		# shellcheck disable=SC2086
		jx --db newer.db $jx_cmd
		is_status 2 "$jx_cmd --db NEWER exits 2"
		err_is "$jx_cmd --db NEWER: written by a newer jixiao" <<'EOF'
jixiao: newer.db: written by a newer jixiao (schema 99; this program knows up to 7); not opened, nothing changed
EOF
		file_unchanged "$jx_cmd --db NEWER: the file is unchanged" newer.db
		no_file "$jx_cmd --db NEWER: no side files" newer.db-wal newer.db-shm
	done
else
	skip "--db with another program's SQLite file" "sqlite3 not found"
	skip "--db with a file of a newer jixiao" "sqlite3 not found"
fi

# ---- read-only ---------------------------------------------------------------

jx_ok --db ro.db init
jx_ok --db ro.db import good.yaml
keep ro.db
jx -r --db ro.db stats --tsv
is_status 0 "-r stats exits 0"
out_is "-r stats reads the database" <<'EOF'
department	code	year	projects	indicators	budget_wan
测试市测试区测试中心	900001	2024	2	5	12.5001
EOF
file_unchanged "-r stats: the file is unchanged" ro.db
# A read-only connection to a WAL database may leave SQLite's -wal/-shm
# files (it may not delete them); what matters is that it wrote nothing.
if [ -s ro.db-wal ]; then
	fail "-r stats: nothing is written to the WAL"
else
	pass "-r stats: nothing is written to the WAL"
fi

jx --read-only --db ro.db import --replace good.yaml
is_status 2 "--read-only import exits 2"
err_has "--read-only import: refused as read-only" "read-only"
file_unchanged "--read-only import: the file is unchanged" ro.db

# ---- $JIXIAO_DB ------------------------------------------------------------------

JIXIAO_DB=$JX_WORK/env.db
export JIXIAO_DB
jx init
is_status 0 "init with JIXIAO_DB exits 0"
out_is "init with JIXIAO_DB uses it" <<EOF
database $JX_WORK/env.db is ready (schema 7)
EOF
jx import good.yaml
is_status 0 "import with JIXIAO_DB exits 0"
jx --db "$JX_WORK/ro.db" ls --tsv
cp "$JX_RUN/out" ro-ls.out
jx ls --tsv
same_file "ls with JIXIAO_DB reads it" ro-ls.out "$JX_RUN/out"
jx --db empty.db init
jx --db empty.db stats --tsv
out_is "--db wins over JIXIAO_DB" <<'EOF'
department	code	year	projects	indicators	budget_wan
EOF
JIXIAO_DB=$JX_WORK/env-missing.db
jx stats
is_status 2 "stats with JIXIAO_DB naming a missing file exits 2"
no_file "stats with JIXIAO_DB naming a missing file: not created" env-missing.db
unset JIXIAO_DB
no_file "nothing was written to the default database meanwhile" \
	"$XDG_DATA_HOME/jixiao/jixiao.db"

# ---- the default database --------------------------------------------------------

XDG_DATA_HOME=$JX_TMP/xdg
export XDG_DATA_HOME
jx stats
is_status 0 "stats with no database yet exits 0"
is_file "stats creates the default database under XDG_DATA_HOME" \
	"$JX_TMP/xdg/jixiao/jixiao.db"
out_is "stats on the new default database: the header only" <<'EOF'
单位  编码  年度  项目  指标  预算（万元）
EOF
err_is "stats on the new default database: a hint" <<'EOF'
jixiao: the database holds no department-years yet; try 'jixiao init --samples'
EOF
jx import good.yaml
is_status 0 "import into the default database exits 0"
jx ls --tsv
same_file "ls reads the default database" ro-ls.out "$JX_RUN/out"

unset XDG_DATA_HOME
jx stats
is_status 0 "stats without XDG_DATA_HOME exits 0"
is_file "without XDG_DATA_HOME the default is ~/.local/share/jixiao/jixiao.db" \
	"$HOME/.local/share/jixiao/jixiao.db"

XDG_DATA_HOME=relative/path
export XDG_DATA_HOME
jx stats
is_status 0 "stats with a relative XDG_DATA_HOME exits 0"
no_file "a relative XDG_DATA_HOME is ignored" relative

jx_home=$HOME
unset XDG_DATA_HOME HOME
jx stats
is_status 2 "stats with neither HOME nor XDG_DATA_HOME exits 2"
err_is "stats with neither HOME nor XDG_DATA_HOME: says what to set" <<'EOF'
jixiao: no place for the default database (set HOME, XDG_DATA_HOME or use --db FILE)
EOF
HOME=$jx_home
XDG_DATA_HOME=$HOME/.local/share
export HOME XDG_DATA_HOME

done_testing
