#!/bin/sh
# bad_templates.sh — the templates are read on a second thread while the
# interface starts, and the first frame waits for them: a mistake in a
# template file still stops jixiao before anything is drawn (each mistake
# as FILE:LINE:COLUMN, then the files to fix, on the normal screen, exit
# status 2, the terminal as it was); good templates are in the first
# frame already (the checks' ⚠ on seed 003's first project, no key typed).
. "$(dirname "$0")/lib.sh"

jx_ok --db t.db import "$JX_SAMPLES_DIR/chengde-125001-2023.yaml"
tdir=$XDG_CONFIG_HOME/jixiao/templates
mkdir -p "$tdir"
cat >"$tdir/bad.yaml" <<'YAML'
format: jixiao-templates/1
indicators:
- name: 甲
  level1: 效应指标
  level2: 数量指标
YAML

for size in "200 24" "80 24"; do
	# shellcheck disable=SC2086
	launch $size --db t.db
	wait_exit
	exit_is 2 "at $size: a broken template file: exit status 2"
	# (at 80 columns the message wraps after "unk")
	screen_matches "bad\.yaml:4:11: unk" \
		"at $size: the mistake's file, line and column"
	screen_has "'效应指标': no framework has it" "at $size: … and what it is"
	screen_matches "the templates have errors; nothing was loaded" \
		"at $size: then that nothing was loaded"
	screen_lacks "单位" "at $size: the panes were never drawn"
	restored "at $size: the terminal is as it was"
done

rm "$tdir/bad.yaml"
for size in "80 24" "160 48"; do
	# shellcheck disable=SC2086
	start $size --db t.db
	screen_matches "⚠无" \
		"at $size: the first frame marks the 成本指标 row of 无 (checks)"
	quit_and_wait
	exit_is 0 "at $size: quits with status 0"
done

done_testing
