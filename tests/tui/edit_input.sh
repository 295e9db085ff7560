#!/bin/sh
# edit_input.sh — the line editor of the forms, on Chinese values, at 80x24
# and at 160x48, each result checked on the screen and, after C-s, in what
# `jixiao export` says is stored: C-a/C-e, Home/End, C-b/C-f and the
# arrows (by character, a CJK character being one), M-b/M-f (words: runs of
# CJK, runs of letters and digits), C-d, Delete, Backspace, C-k, C-u, C-w
# and C-y; Enter, Up and Down in a text of several lines; a value longer
# than the window scrolls sideways. Bytes that are not UTF-8 (send-keys
# -H) are refused with a message, and the field keeps what it held; the
# database does not change. Through the external editor ($VISUAL): a value
# of 100 000 characters is saved, shown without breaking the screen and
# exported intact; tab, ESC and \001 are shown as harmless marks and stored
# exactly; text that is not UTF-8 or a line break in a one-line field is
# refused. The quit guard: Esc with changes asks, n stays in the form with
# the text, y leaves and nothing is saved; Esc without changes just closes.
. "$(dirname "$0")/lib.sh"

need_python

Q=七贤岭
ESC=$(printf '\033')

# The value of FIELD of the first indicator of 七贤岭 2026's first project
# as exported (a quoted YAML scalar keeps its quotes).
stored() {
	"$JIXIAO" --db t.db export --dept "$Q" --year 2026 2>&1 |
		awk -v k="    $1: " '/^  indicators:/ { on = 1 }
			on && index($0, k) == 1 { print substr($0, length(k) + 1); exit }'
}

# stored_is FIELD VALUE DESC
stored_is() {
	is "$3" "$2" "$(stored "$1")"
}

# field_line LABEL: the number of the form line that starts with LABEL.
field_line() {
	awk -v l="$1" 'index($0, l) == 1 { print NR; exit }' "$JX_RUN/screen"
}

# field_is LABEL VALUE DESC: the form line of LABEL shows exactly VALUE.
field_is() {
	jx_l=$(awk -v l="$1" 'index($0, l) == 1 { print; exit }' "$JX_RUN/screen")
	jx_v=$(printf '%s' "$jx_l" | sed 's/^[^ ]* *//')
	if [ -n "$jx_l" ] && [ "$jx_v" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		printf '# expected field %s to show:\n#   %s|\n# it shows:\n#   %s|\n# the screen:\n' \
			"$1" "$2" "$jx_v"
		diag <"$JX_RUN/screen"
	fi
}

# edit_name KEYS...: opens the first indicator's form on 三级指标, sets it
# to the value in $V, then sends KEYS (no C-s).
edit_name() {
	keys e Tab Tab C-u -l "$V"
	keys "$@"
}

for size in "80 24" "160 48"; do
	W=${size% *}
	H=${size#* }
	at="${W}x$H"
	rm -f t.db t.db-wal t.db-shm
	samples_db t.db
	JX_ENV=
	# shellcheck disable=SC2086
	start $size --db t.db
	keys Tab Tab
	line_has 1 "指标  1/8" "$at: the indicators pane is focused"

	# ---- moving and typing -------------------------------------------------
	V="社区工作人员人数"
	edit_name C-a -l "专职"
	field_is "三级指标*" "专职社区工作人员人数" "$at: C-a then typing inserts at the start"
	keys C-e -l "合计"
	field_is "三级指标*" "专职社区工作人员人数合计" "$at: C-e then typing appends"
	keys C-s
	stored_is name "专职社区工作人员人数合计" "$at: … and that is what is saved"

	V="社区工作人员人数"
	edit_name Home -l "甲" End -l "乙"
	field_is "三级指标*" "甲社区工作人员人数乙" "$at: Home and End go to the start and the end"
	keys C-b C-b C-b -l "丙" C-f -l "丁"
	field_is "三级指标*" "甲社区工作人员丙人丁数乙" "$at: C-b and C-f move by one CJK character"
	keys Left Left -l "戊" Right Right -l "己"
	field_is "三级指标*" "甲社区工作人员丙戊人丁己数乙" "$at: Left and Right too"
	keys C-s
	stored_is name "甲社区工作人员丙戊人丁己数乙" "$at: … saved so"

	V="社区工作人员人数"
	edit_name C-a C-d C-d End BSpace
	field_is "三级指标*" "工作人员人" "$at: C-d deletes the character under the cursor, Backspace the one before"
	keys Home DC
	field_is "三级指标*" "作人员人" "$at: Delete deletes the character under the cursor"
	keys C-s
	stored_is name "作人员人" "$at: … saved so"

	# Words: a run of CJK or a run of letters and digits; spaces and
	# full-width punctuation separate them.
	V="社区 工作人员，人数abc 2026年"
	edit_name M-b -l "甲"
	field_is "三级指标*" "社区 工作人员，人数abc 2026甲年" "$at: M-b goes to the start of the last word (年)"
	keys M-b M-b -l "乙"
	field_is "三级指标*" "社区 工作人员，人数abc 乙2026甲年" "$at: M-b twice more: before 2026 (a run of digits)"
	keys M-b M-b M-b -l "丙"
	field_is "三级指标*" "社区 工作人员，丙人数abc 乙2026甲年" \
		"$at: M-b three times: before 乙, abc and 人数 (CJK and letters are two words)"
	keys C-a M-f -l "丁"
	field_is "三级指标*" "社区丁 工作人员，丙人数abc 乙2026甲年" "$at: C-a M-f goes to the end of the first word"
	keys M-f M-f -l "戊"
	field_is "三级指标*" "社区丁 工作人员，丙人数戊abc 乙2026甲年" \
		"$at: M-f twice: past 工作人员, then past the ， to the end of 丙人数"
	keys C-s
	stored_is name "社区丁 工作人员，丙人数戊abc 乙2026甲年" "$at: … saved so"

	# Kills and yank.
	V="社区工作人员人数"
	edit_name C-a C-f C-f C-k
	field_is "三级指标*" "社区" "$at: C-k kills to the end"
	keys C-a C-y
	field_is "三级指标*" "工作人员人数社区" "$at: C-a C-y puts the killed text at the start"
	keys C-u
	field_is "三级指标*" "社区" "$at: C-u kills to the start (the yanked text)"
	keys C-e C-y
	field_is "三级指标*" "社区工作人员人数" "$at: C-e C-y puts it back at the end"
	keys C-e -l " 合计abc" C-w
	field_is "三级指标*" "社区工作人员人数 合计" "$at: C-w kills the word before the cursor (abc)"
	keys C-w
	field_is "三级指标*" "社区工作人员人数" "$at: … and again: 合计"
	keys C-a C-y
	field_is "三级指标*" "合计社区工作人员人数" "$at: C-y yanks the last kill"
	keys C-e BSpace C-s
	stored_is name "合计社区工作人员人数" "$at: … saved so"

	# A text of several lines: Enter starts a line, Up/Down keep the
	# column, C-a/C-e work on the line, Down on the last line goes on
	# to the next field.
	keys e Tab Tab Tab -l "第一行" Enter -l "第二行较长" Up -l "甲"
	jx_f=$(field_line "绩效指标描述")
	line_has "$jx_f" "第一行甲" "$at: Up goes to the same column of the line above"
	line_has "$((jx_f + 1))" "第二行较长" "$at: … the second line is below"
	keys Down -l "乙" C-a -l "丙" C-e -l "丁" Down -l "≥"
	line_has "$((jx_f + 1))" "丙第二行较乙长丁" "$at: Down keeps the column (before 长); C-a and C-e on the second line"
	field_is "指标值*" "≤122人≥" "$at: Down on the last line goes to the next field"
	keys BSpace C-s
	stored_is target "≤122人" "$at: the target is as it was"
	"$JIXIAO" --db t.db export --dept "$Q" --year 2026 >"$JX_RUN/export"
	if grep -qF '    description: |-
      第一行甲
      丙第二行较乙长丁' "$JX_RUN/export" ||
		awk '/^    description: \|-$/ { getline a; getline b
			if (a == "      第一行甲" && b == "      丙第二行较乙长丁") f = 1 }
			END { exit !f }' "$JX_RUN/export"; then
		pass "$at: the description is saved on two lines"
	else
		fail "$at: the description is saved on two lines"
		grep -A3 'description' "$JX_RUN/export" | head -n 8 | diag
	fi

	# A value wider than the field scrolls sideways; the screen holds.
	V=
	i=0
	while [ "$i" -lt 20 ]; do
		V="${V}社区工作人员$i"
		i=$((i + 1))
	done
	edit_name
	field_line_n=$(field_line "三级指标*")
	line_has "$field_line_n" "社区工作人员19" "$at: a long value shows its end where the cursor is …"
	line_lacks "$field_line_n" "社区工作人员0社区" "$at: … not its start"
	screen_fits "$W" "$H" "$at: … and fits the window"
	keys C-a
	line_has "$field_line_n" "社区工作人员0社区工作人员1" "$at: C-a scrolls back to its start …"
	line_lacks "$field_line_n" "人员19" "$at: … and the end is out of sight"
	screen_fits "$W" "$H" "$at: … still fitting"
	keys C-s
	stored_is name "$V" "$at: the long value is saved whole"
	screen_fits "$W" "$H" "$at: the panes fit with the long name"

	# ---- bytes that are not UTF-8 ------------------------------------------
	keep_db t.db
	keys e Tab Tab Tab Tab
	field_is "指标值*" "≤122人" "$at: the form is on 指标值"
	keys_hex ff
	line_has '$' "Not UTF-8: the text that arrived was refused" \
		"$at: a byte FF is refused with a message"
	field_is "指标值*" "≤122人" "$at: … and the field keeps its value"
	line_lacks 1 "[changed]" "$at: … the form has not changed"
	keys -l "甲"
	line_lacks '$' "Not UTF-8" "$at: the message goes with the next key"
	keys_hex c3 28
	field_is "指标值*" "≤122人甲(" \
		"$at: C3 then '(' (not a continuation): C3 is refused, what was typed before stays, '(' is typed"
	keys_hex ed a0 80
	line_has '$' "Not UTF-8" "$at: a UTF-16 surrogate (ED A0 80) is refused"
	keys_hex c0 af
	line_has '$' "Not UTF-8" "$at: an overlong '/' (C0 AF) is refused"
	keys_hex 80
	line_has '$' "Not UTF-8" "$at: a lone continuation byte is refused"
	keys_hex e4 b8
	line_has '$' "Not UTF-8" "$at: a sequence cut short (E4 B8) is refused"
	field_is "指标值*" "≤122人甲(" "$at: … the field still holds its good text"
	keys_hex e4 b9 99
	field_is "指标值*" "≤122人甲(乙" "$at: a whole sequence sent as bytes (E4 B9 99) types 乙"
	screen_fits "$W" "$H" "$at: the form fits after the bad bytes"
	if grep -q "$(printf '\357\277\275')" "$JX_RUN/screen"; then
		fail "$at: no replacement character is drawn"
		grep -n "$(printf '\357\277\275')" "$JX_RUN/screen" | diag
	else
		pass "$at: no replacement character is drawn"
	fi
	keys Escape y
	line_has '$' "Closed the form; nothing saved" "$at: Esc y closes the form"
	db_unchanged "$at: the database is unchanged by the bad bytes" t.db
	keys_hex ff fe
	line_has 1 "指标  1/8" "$at: bad bytes in the panes change nothing"
	keys e Tab Tab Tab Tab -l "甲"
	keys_hex e4 ff e4 b9 99
	field_is "指标值*" "≤122人甲乙" "$at: E4 FF: two bad keys; then 乙 (E4 B9 99) is typed"
	# (A target with an unknown unit: ⚠, so C-s twice.)
	keys C-s C-s
	stored_is target "≤122人甲乙" "$at: … and the good text is saved"
	keys e Tab Tab Tab Tab BSpace BSpace C-s
	stored_is target "≤122人" "$at: (put back)"

	# ---- the external editor -----------------------------------------------
	# ed.sh replaces the file with $JX_TMP/edit.in (as given, so that
	# the test decides about the final newline).
	cat >"$JX_TMP/ed.sh" <<EOF
#!/bin/sh
cp "$JX_TMP/edit.in" "\$1"
EOF
	chmod +x "$JX_TMP/ed.sh"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0 (then again with \$VISUAL set)"
	JX_ENV="VISUAL=$JX_TMP/ed.sh"
	# shellcheck disable=SC2086
	start $size --db t.db
	keys Tab Tab

	# 100 000 characters, one line, into 三级指标; and 2 000 lines of 50
	# into 绩效指标描述.
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "一二三四五六七八九%d", i % 10 }' \
		>"$JX_TMP/long.txt"
	awk 'BEGIN { for (i = 0; i < 2000; i++) {
		for (j = 0; j < 49; j++) printf "%s", (j % 2 ? "绩" : "效")
		printf "%d\n", i % 10 } }' >"$JX_TMP/lines.txt"
	is "$at: the long value is 100 000 characters" 100000 \
		"$(wc -m <"$JX_TMP/long.txt" | tr -d ' ')"
	cp "$JX_TMP/long.txt" "$JX_TMP/edit.in"
	keys e Tab Tab C-x
	line_has "$(field_line "三级指标*")" "八九9" \
		"$at: C-x takes the editor's text into the field, showing its end where the cursor is"
	line_has 1 "[changed]" "$at: the title says [changed] (the long name in it is cut)"
	screen_fits "$W" "$H" "$at: the form with 100 000 characters in a line fits"
	keys Home
	line_has "$(field_line "三级指标*")" "一二三四五六七八九0一二" "$at: Home shows its start"
	cp "$JX_TMP/lines.txt" "$JX_TMP/edit.in"
	keys Tab C-x
	screen_fits "$W" "$H" "$at: 2 000 lines in 绩效指标描述 fit"
	jx_f=$(field_line "绩效指标描述")
	line_has "$jx_f" "效绩效" "$at: … the field shows its lines"
	keys Tab
	screen_fits "$W" "$H" "$at: … and fit when the field is left"
	keys C-s
	line_has '$' "Saved 一二三四五六七八九0一二" "$at: the long values are saved (the message names it as saved)"
	screen_fits "$W" "$H" "$at: the panes and the detail fit"
	screen_has "三级指标：一二三四五六七八九0" "$at: the detail shows the long name"
	line_has 3 "一二三" "$at: the indicators pane shows it cut"
	"$JIXIAO" --db t.db export --dept "$Q" --year 2026 >"$JX_RUN/export"
	awk '/^  indicators:/ { on = 1 }
		on && /^    name: / { print substr($0, 11); exit }' \
		"$JX_RUN/export" >"$JX_RUN/name.out"
	printf '\n' >>"$JX_TMP/long.txt"
	same_file "$at: export holds the 100 000 characters intact" \
		"$JX_TMP/long.txt" "$JX_RUN/name.out"
	awk '/^  indicators:/ { on = 1 }
		on && /^    description: \|-$/ { d = 1; next }
		d && /^      / { print substr($0, 7); next }
		d { exit }' "$JX_RUN/export" >"$JX_RUN/desc.out"
	same_file "$at: export holds the 2 000 lines intact" \
		"$JX_TMP/lines.txt" "$JX_RUN/desc.out"
	keys Down Up
	screen_fits "$W" "$H" "$at: moving over the long record keeps the screen"
	keys z
	screen_fits "$W" "$H" "$at: … zoomed too"
	keys z

	# Control characters: a tab as a blank, ESC as ^[, \001 as ^A; never
	# as what they would do to the terminal.
	printf '前\t中\033[31m红\001后\n' >"$JX_TMP/edit.in"
	keys e Tab Tab C-x
	field_is "三级指标*" "前 中^[[31m红^A后" \
		"$at: tab, ESC and \\001 are shown as a blank, ^[ and ^A"
	screen_fits "$W" "$H" "$at: … and the form fits"
	keys C-s
	screen_has "三级指标：前 中^[[31m红^A后" "$at: the detail shows them so too"
	screen_fits "$W" "$H" "$at: … the panes fit"
	if grep -q "$ESC\\[31m" "$JX_RUN/screen.e" ||
		grep -q "$ESC\\[[0-9;]*31[;m]" "$JX_RUN/screen.e"; then
		fail "$at: the ESC in the text turned nothing red"
		grep "$ESC\\[[0-9;]*31" "$JX_RUN/screen.e" | head -n 3 | od -c | diag
	else
		pass "$at: the ESC in the text turned nothing red"
	fi
	stored_is name '"前\t中\e[31m红\x01后"' "$at: stored exactly (export escapes them)"

	# Refused by the external editor: not UTF-8, and a line break in a
	# one-line field.
	keep_db t.db
	printf 'ab\377cd\n' >"$JX_TMP/edit.in"
	keys e Tab Tab C-x
	line_has '$' "The edited text is not UTF-8" "$at: an edited text that is not UTF-8 is refused"
	field_is "三级指标*" "前 中^[[31m红^A后" "$at: … the field is as it was"
	printf '两行\n文字\n' >"$JX_TMP/edit.in"
	keys C-x
	line_has '$' "line breaks or control characters this field cannot hold" \
		"$at: a line break in a one-line field is refused"
	field_is "三级指标*" "前 中^[[31m红^A后" "$at: … the field is as it was"
	line_lacks 1 "[changed]" "$at: … and the form has not changed"
	keys Escape
	line_has '$' "Closed the form; nothing saved" "$at: Esc without changes closes at once"
	db_unchanged "$at: the database is unchanged" t.db

	# ---- the quit guard --------------------------------------------------------
	keys e Tab Tab C-u -l "改过的名称"
	keys Escape
	line_has '$' "Throw away what was typed in this form? (y/n)" "$at: Esc with changes asks"
	keys n
	line_has 1 "Indicator ·" "$at: n stays in the form"
	field_is "三级指标*" "改过的名称" "$at: … with the text typed"
	line_has 1 "[changed]" "$at: … still marked changed"
	keys Tab -l "描述" BTab BTab
	field_is "三级指标*" "改过的名称" "$at: moving between fields keeps what was typed"
	keys C-g
	line_has '$' "Throw away what was typed in this form? (y/n)" "$at: C-g asks too"
	keys Escape
	line_has 1 "Indicator ·" "$at: anything but y (Esc) stays"
	keys q
	field_is "二级指标*" "数量指标q" "$at: q types itself in a form (in 二级指标, focused now)"
	keys Escape y
	line_has '$' "Closed the form; nothing saved" "$at: y leaves the form"
	line_has 1 "指标  1/8" "$at: … back in the indicators pane"
	db_unchanged "$at: nothing was saved" t.db
	screen_fits "$W" "$H" "$at: the panes fit at the end"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
done

done_testing
