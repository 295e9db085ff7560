#!/bin/sh
# templates.sh — a project from a project template (T), its indicator rows
# filled in the grid with completion from the values used before (C-o),
# then three more indicators added with the library picker (C-t) and
# completion. The keys for those three are counted and printed next to the
# keys it takes to type the same rows in full; the export holds what the
# library and the earlier values gave. Also: the checks mark the rows they
# concern, at 80x24 and 160x48.
. "$(dirname "$0")/lib.sh"

samples_db t.db
start 80 24 --db t.db
keys Tab T
line_has 1 "Project templates" "T in the projects pane lists the project templates"
keys -l "社区工作"
line_has 3 "社区工作经费" "typing filters them (社区工作经费 first)"
keys Enter
line_has 1 "A new project from the template 社区工作经费" \
	"Enter opens a blank project form for the template"
keys Tab -l "七贤岭街道社区工作经费（测试）" C-s
line_has 1 "Indicators of 七贤岭街道社区工作经费（测试）" \
	"saving the form opens the grid on the template's rows"
line_has 3 "社区数量" "… the first row is the template's (社区数量)"
line_has 23 "指标值:" "… with the cursor on its target (the edit line)"

# The template rows: completion where the file has values, else typed.
keys C-o
line_has 3 "=14个" "C-o completes the target from the values used before"
keys Enter C-o Enter C-o Enter -l "≥95%" Enter C-o Enter -l "≥12次" Enter \
	-l "≥60%" Enter C-o Enter

# Three more indicators: the picker fills name, levels, basis and the
# unit; completion (or a few digits before the unit) gives the target.
before=$JX_KEYS
keys C-t
line_has 1 "Indicator library" "C-t opens the indicator library"
keys -l "项目验收" Enter C-o Enter \
	C-t -l "群众满意" Enter C-o Enter \
	C-t -l "居民知晓" Enter -l "≥80"
picked=$((JX_KEYS - before))
line_has 23 "≥80%" "typed before the unit the picker put in, the target reads ≥80%"
keys C-s
# Values used before in seed 001 (≥90使用率: "unit is a word") are warned
# about; a second C-s keeps them as they are.
line_has '$' "Rows marked ⚠ have warnings" "targets completed from seed 001 are warned about"
keys C-s
line_has '$' "Saved the grid" "the second C-s saves the grid"
quit_and_wait
exit_is 0 "q exits with status 0"

jx_ok --db t.db export --dept 七贤岭 --year 2026 -o out.yaml
# The indicators of the new project, one "name<TAB>target<TAB>basis" line
# each, with every cell's text for the count of keys typed in full.
awk '
	/^- / { inp = index($0, "七贤岭街道社区工作经费（测试）") > 0; ind = 0 }
	inp && /^  - level1: / { if (row) print row; row = ""; ind = 1 }
	inp && ind && (/^    [a-z]+: / || /^  - level1: /) {
		sub(/^ *- /, "    "); k = $1; sub(/:$/, "", k); v = $0
		sub(/^ *[a-z0-9_]+: /, "", v); gsub(/^'\''|'\''$/, "", v)
		row = row k "=" v "\t"
	}
	END { if (row) print row }
' out.yaml >"$JX_RUN/rows"
is "the project has the template's 8 rows and the 3 picked" 11 \
	"$(wc -l <"$JX_RUN/rows" | tr -d ' ')"
tail -n 3 "$JX_RUN/rows" >"$JX_RUN/picked"
grep -q "name=项目验收通过率	.*target=≥90%" "$JX_RUN/picked" &&
	pass "项目验收通过率 got the target used before (≥90%)" ||
	fail "项目验收通过率 got the target used before (≥90%)"
# Its three earlier targets are used once each: the first in text order.
grep -q "name=群众满意度	.*target=≥90满意度" "$JX_RUN/picked" &&
	pass "群众满意度 got a target used before (≥90满意度)" ||
	fail "群众满意度 got a target used before (≥90满意度)"
grep -q "name=居民知晓率	.*target=≥80%	basis=." "$JX_RUN/picked" &&
	pass "居民知晓率 got ≥80% and the library's basis" ||
	fail "居民知晓率 got ≥80% and the library's basis"
[ "$JX_FAILED" -eq 0 ] || diag <"$JX_RUN/rows"

# Typed in full: every character of the six cells, and Tab after each.
full=$(sed 's/[a-z0-9_]*=//g' "$JX_RUN/picked" | tr -d '\n' | wc -m | tr -d ' ')
echo "# keys for three indicators with the picker and completion: $picked; typed in full: $full"
[ "$picked" -lt "$full" ] && pass "the picker and completion take fewer keys than typing" ||
	fail "the picker and completion take fewer keys than typing ($picked, $full)"

# The checks: seed 003's 成本指标 row that says only 无 is marked.
for size in "80 24" "160 48"; do
	# shellcheck disable=SC2086
	start $size --db t.db
	keys Down Tab Tab
	screen_matches "⚠无" "at $size: the 成本指标 row of 无 is marked ⚠ by the checks"
	keys Down Down Down
	screen_has "The project's checks concern this row" \
		"at $size: its details say the checks concern it"
	quit_and_wait
done

done_testing
