#!/bin/sh
# help.sh — ? shows every action with its keys, generated from the active
# keymap: compared with the action table (src/tui/actions.h) and the
# default keymap (keymaps/default.yaml), and as a whole with a checked-in
# screen (tests/data/tui/help-80x100.txt); it scrolls at 80x24; q, Esc and ?
# close it; a user keymap (--keymap FILE, or $XDG_CONFIG_HOME/jixiao/
# keymap.yaml) that moves zoom to Z shows Z, and Z zooms.
. "$(dirname "$0")/lib.sh"

need_python
samples_db t.db

# Every action's help text and its keys in the default keymap (from the
# first context in the file that names the action: generic for most, prompt
# for accept and cancel, …), as "KEYS<tab>HELP" lines.
python3 - "$JX_SRCDIR/src/tui/actions.h" "$JX_SRCDIR/keymaps/default.yaml" \
	>"$JX_RUN/actions" <<'PY' || bail_out "cannot read the action table"
import re
import sys

actions = re.findall(r'_\(\w+,\s*"([^"]+)",\s*N_\("[^"]*"\),\s*N_\("([^"]*)"\)\)',
                     open(sys.argv[1], encoding="utf-8").read())
keys, context = {}, None
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.split(" #")[0].rstrip()
    if not line or line.startswith("#"):
        continue
    if not line.startswith(" "):
        context = line.rstrip(":")
        continue
    name, value = line.strip().split(":", 1)
    value = value.strip()
    items = value[1:-1].split(",") if value.startswith("[") else [value]
    names = [i.strip().strip("'\"") for i in items]
    if name not in keys:
        keys[name] = "-" if names == ["none"] else " ".join(names)
if len(actions) < 20:
    sys.exit("only %d actions found" % len(actions))
for name, text in actions:
    print("%s\t%s" % (keys.get(name, "-"), text))
PY

start 80 100 --db t.db
keys '?'
screen_has "Move down one row" "? shows the help screen (move-down's help text)"
line_of "Move down one row" >"$JX_RUN/n"
line_has "$(cat "$JX_RUN/n")" "  Down " "move-down's line names its key, Down"
while IFS='	' read -r bound text; do
	jx_line=$(grep -F -- "$text" "$JX_RUN/screen" | head -n 1)
	if printf '%s\n' "$jx_line" | grep -qE "^ +$(printf '%s' "$bound" |
		sed 's/[][\\.*^$/?+(){}|]/\\&/g') +$(printf '%s' "$text" |
		sed 's/[][\\.*^$/?+(){}|]/\\&/g')\$"; then
		pass "help lists \"$text\" with its keys: $bound"
	else
		fail "help lists \"$text\" with its keys: $bound"
		printf '# the line: %s\n# the screen:\n' "$jx_line"
		diag <"$JX_RUN/screen"
	fi
done <"$JX_RUN/actions"
screen_matches_file "the help screen at 80x100 is as checked in (the status line aside)" \
	"$JX_TUI_DATA/help-80x100.txt" 1,99
keys q
line_has 1 "单位  1/3" "q closes the help screen"
keys '?' Escape
line_has 1 "单位  1/3" "Esc closes the help screen"
keys '?' '?'
line_has 1 "单位  1/3" "? closes the help screen"
keys F1
screen_has "Move down one row" "F1 shows the help screen too"
keys q
quit_and_wait
exit_is 0 "q exits with status 0"

# At 80x24 the help screen scrolls.
last=$(sed -n '$s/^[^	]*	//p' "$JX_RUN/actions")
start 80 24 --db t.db
keys '?'
line_is 2 "Moving" "at 80x24: the help starts at the top"
screen_lacks "$last" "at 80x24: the last action is below the screen"
screen_fits 80 24 "at 80x24: the help screen is 24 lines of at most 80 columns"
keys NPage
screen_lacks "Move up one row" "at 80x24: PgDn scrolls the first actions off"
pages=1
while ! grep -qF -- "$last" "$JX_RUN/screen" && [ "$pages" -lt 5 ]; do
	keys NPage
	pages=$((pages + 1))
done
screen_has "$last" "at 80x24: PgDn pages down to the last action ($pages pages)"
keys NPage
screen_has "$last" "at 80x24: PgDn at the end keeps the last action on the screen"
keys Home
line_is 2 "Moving" "at 80x24: Home goes back to the top"
keys Down
line_has 2 "Move up one row" "at 80x24: Down scrolls by one line"
keys Up
line_is 2 "Moving" "at 80x24: Up scrolls back"
keys End
screen_has "$last" "at 80x24: End scrolls to the last action"
keys q
line_has 1 "单位  1/3" "at 80x24: q closes the help screen"
quit_and_wait
exit_is 0 "at 80x24: q exits with status 0"

# A user keymap that moves zoom to Z.
tui_fixture keymap-zoom-Z.yaml
start 120 60 --db t.db --keymap keymap-zoom-Z.yaml
keys '?'
screen_matches "^  Z +Zoom the focused pane" "--keymap: the help shows Z for zoom"
screen_lacks "  z  " "--keymap: … and no longer z"
line_has '$' "Z zoom" "--keymap: the status line's hint says Z"
keys q z
line_has 1 "项目 2026" "--keymap: z no longer zooms"
keys Z
line_is 1 "单位  1/3" "--keymap: Z zooms"
keys Z
quit_and_wait
exit_is 0 "--keymap: q exits with status 0"

mkdir -p "$XDG_CONFIG_HOME/jixiao"
cp keymap-zoom-Z.yaml "$XDG_CONFIG_HOME/jixiao/keymap.yaml"
start 120 60 --db t.db
keys '?'
screen_matches "^  Z +Zoom the focused pane" \
	"\$XDG_CONFIG_HOME/jixiao/keymap.yaml is read: the help shows Z for zoom"
keys q Z
line_is 1 "单位  1/3" "\$XDG_CONFIG_HOME/jixiao/keymap.yaml: Z zooms"
quit_and_wait
exit_is 0 "q exits with status 0"

done_testing
