#!/bin/sh
# bad_keymap.sh — a keymap with a mistake stops jixiao before the screen
# is taken over: each mistake is printed as FILE:LINE:COLUMN: what is
# wrong, then that the program is not starting, on the normal screen, and
# the exit status is 2. A YAML syntax error, an unknown action, an unknown
# key name, a key bound twice in one context, a missing file, and a broken
# $XDG_CONFIG_HOME/jixiao/keymap.yaml.
. "$(dirname "$0")/lib.sh"

samples_db t.db
tui_fixture keymap-syntax.yaml keymap-unknown-action.yaml \
	keymap-unknown-key.yaml keymap-twice.yaml

# refused WHAT: jixiao was refused (WHAT starts each description).
refused() {
	wait_exit
	exit_is 2 "$1: exit status 2"
	screen_matches "not starting" "$1: says it is not starting"
	screen_lacks "单位" "$1: the panes were never drawn"
	restored "$1: the terminal is as it was"
}

# Wide enough that no message wraps.
launch 200 24 --db t.db --keymap keymap-syntax.yaml
refused "YAML syntax error"
screen_matches "^jixiao: keymap-syntax\.yaml:[0-9]+:[0-9]+: .*quoted scalar" \
	"YAML syntax error: FILE:LINE:COLUMN: the parser's message"
screen_has "the keymap keymap-syntax.yaml has errors; not starting" \
	"YAML syntax error: the last line names the file"

launch 200 24 --db t.db --keymap keymap-unknown-action.yaml
refused "unknown action"
screen_has "jixiao: keymap-unknown-action.yaml:4:3: unknown action 'zoom-in'" \
	"unknown action: FILE:4:3 (where zoom-in is) and the action's name"

launch 200 24 --db t.db --keymap keymap-unknown-key.yaml
refused "unknown key"
screen_has "jixiao: keymap-unknown-key.yaml:3:9: unknown key 'Hyper-z'" \
	"unknown key: FILE:3:9 (where Hyper-z is) and the key's name"

launch 200 24 --db t.db --keymap keymap-twice.yaml
refused "key bound twice"
screen_has "jixiao: keymap-twice.yaml:5:9: key 'x' is bound twice in generic" \
	"key bound twice: FILE:5:9 (the second x), the key and the context"
screen_matches "keymap-twice\.yaml:5:9: .*zoom.*help" \
	"key bound twice: … and both actions"

launch 200 24 --db t.db --keymap nothere.yaml
refused "missing keymap file"
screen_has "nothere.yaml" "missing keymap file: the message names the file"

mkdir -p "$XDG_CONFIG_HOME/jixiao"
cp keymap-unknown-action.yaml "$XDG_CONFIG_HOME/jixiao/keymap.yaml"
launch 200 24 --db t.db
refused "broken user keymap"
screen_has "$XDG_CONFIG_HOME/jixiao/keymap.yaml:4:3: unknown action 'zoom-in'" \
	"broken user keymap: the message names \$XDG_CONFIG_HOME/jixiao/keymap.yaml:4:3"

# At 80x24, a long message wraps on the normal screen like any output;
# the status is the same.
launch 80 24 --db t.db --keymap keymap-twice.yaml
refused "at 80x24"

done_testing
