#!/bin/sh
# bad_db.sh — databases jixiao cannot show stop it before the screen is
# taken over, with a message on the normal screen and exit status 2, and
# nothing is created or changed: a --db path that does not exist, a text
# file, another program's SQLite file. An empty database (no departments)
# opens, and the departments pane and the detail say how to import the
# samples into it.
. "$(dirname "$0")/lib.sh"

samples_db t.db

# refused WHAT: jixiao has exited 2 before drawing anything.
refused() {
	wait_exit
	exit_is 2 "$1: exit status 2"
	screen_lacks "单位" "$1: the panes were never drawn"
	restored "$1: the terminal is as it was"
}

launch 120 24 --db nothere.db
refused "--db nothere.db"
screen_matches "^jixiao: nothere\.db: no such database" \
	"--db nothere.db: the message names the file and says it does not exist"
no_file "--db nothere.db: nothing is created" nothere.db

printf 'budget notes, not a database\n' >text.txt
keep text.txt
launch 120 24 --db text.txt
refused "--db text.txt"
screen_matches "^jixiao: text\.txt: not an SQLite database" \
	"--db text.txt: the message says it is not an SQLite database"
file_unchanged "--db text.txt: the file is unchanged" text.txt
sides=
for side in text.txt-wal text.txt-shm text.txt-journal; do
	[ ! -e "$side" ] || sides="$sides $side"
done
is "--db text.txt: no side files (-wal, -shm, -journal) are created" "" "$sides"

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 other.db "CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT);" ||
		bail_out "sqlite3 could not create other.db"
	keep other.db
	launch 120 24 --db other.db
	refused "--db other.db (another program's)"
	screen_matches "^jixiao: other\.db: " \
		"--db other.db: the message names the file"
	file_unchanged "--db other.db: the file is unchanged" other.db
else
	skip "--db with another program's SQLite file" "sqlite3 not found"
fi

jx_ok --db empty.db init
keep_db empty.db
for size in "80 24" "160 48"; do
	at="empty database at $(echo "$size" | tr ' ' x)"
	# shellcheck disable=SC2086
	start $size --db empty.db
	line_has 1 "单位  0/0" "$at: the departments pane counts none"
	line_has 3 "No data yet" "$at: the departments pane says there is no data"
	screen_has "init --samples" "$at: the screen says how to import the samples"
	screen_has "jixiao --db empty.db init --samples" \
		"$at: … with --db empty.db, so that the command imports into this database"
	# shellcheck disable=SC2086
	screen_fits $size "$at: the screen fits"
	keys Down Tab Down Tab Down '[' ']' / -l 经费 Escape z z
	line_has 1 "单位  0/0" "$at: moving, years, search and zoom do nothing harmful"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
done
db_unchanged "the empty database is unchanged" empty.db

done_testing
