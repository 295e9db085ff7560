#!/bin/sh
# compare.sh — the compare view (C) on the demo department: 秦皇岛 441001
# with its real 2021 and the fictional 2022 of `init --demo`
# (data/demo/README.md lists what was changed). The title, the demo mark,
# the rows and totals; n/N through the differences, f for differences
# only, s by the size of the change, w to swap the years; Enter for the
# indicators with a verdict, H for the history; L links the renamed
# project (kept in the database), U removes the link; errors go to the
# status line. At 80x24 and at 160x48, and the figures are those of
# `jixiao compare 441001 2021 2022`.
. "$(dirname "$0")/lib.sh"

jx_ok --db t.db init --demo

# ---- helpers ----------------------------------------------------------------

ESC=$(printf '\033')

# line_matches N ERE DESC: line N matches the extended regular expression.
line_matches() {
	if [ -n "$1" ] && line "$1" | grep -qE -- "$2"; then
		pass "$3"
	else
		fail "$3"
		printf '# expected line %s to match: %s\n# it is:\n#   %s|\n# the screen:\n' \
			"$1" "$2" "$(line "$1")"
		diag <"$JX_RUN/screen"
	fi
}

# The number of the line shown in reverse video (the focused row).
cursor_line() {
	awk -v pat="$ESC\\[([0-9]*;)*7(;[0-9]*)*m" \
		'$0 ~ pat { print NR; exit }' "$JX_RUN/screen.e"
}

# cursor_has TEXT DESC: the focused row contains TEXT.
cursor_has() {
	jx_c=$(cursor_line)
	if [ -z "$jx_c" ]; then
		fail "$2"
		echo "# no line is in reverse video; the screen:"
		diag <"$JX_RUN/screen"
		return 0
	fi
	jx_l=$(line "$jx_c")
	case $jx_l in
	*"$1"*) pass "$2" ;;
	*)
		fail "$2"
		printf '# expected the focused row (line %s) to contain: %s\n# it is:\n#   %s\n# the screen:\n' \
			"$jx_c" "$1" "$jx_l"
		diag <"$JX_RUN/screen"
		;;
	esac
}

# The rows of the project list (between the header and the totals row),
# each as "STATUS NAME FIGURES… [⚑]" with single spaces.
tui_rows() {
	jx_t=$(line_of 合计)
	[ -n "$jx_t" ] || return 0
	sed -n "3,$((jx_t - 1))p" "$JX_RUN/screen" |
		awk '/^(相同|变化|新增|取消) / { $1 = $1; print }'
}

# rows_are N ERE DESC: N rows of the list match ERE ('.' counts them all).
rows_are() {
	is "$3" "$1" "$(tui_rows | grep -cE -- "$2")"
}

# The same from the output of the compare command: its match column
# (链接, 编码, 名称 or empty) dropped.
cli_rows() {
	awk '/^(相同|变化|新增|取消) / {
		out = $1; from = 2
		if ($2 == "链接" || $2 == "编码" || $2 == "名称")
			from = 3
		for (i = from; i <= NF; i++)
			out = out " " $i
		print out
	}' "$1"
}

# row_of FILE NAME: the row naming NAME in FILE (a screen or the output of
# the compare command) as "STATUS FIGURES… [⚑]"; NAME 合计: the totals.
row_of() {
	awk -v n="$2" '
	{ s = $0 " " }
	$1 == n { st = n; rest = substr(s, length(n) + 1) }
	$1 != n {
		i = index(s, " " n " ")
		if (!i)
			next
		st = $1
		rest = substr(s, i + length(n) + 2)
	}
	{
		gsub(/ +/, " ", rest)
		sub(/^ /, "", rest)
		sub(/ $/, "", rest)
		print st " " rest
		exit
	}' "$1"
}

# out_matches ERE DESC: a line of the last command's stdout matches.
out_matches() {
	if grep -qE -- "$1" "$JX_RUN/out"; then
		pass "$2"
	else
		fail "$2"
		printf '# expected a line of stdout to match: %s\n# stdout:\n' "$1"
		diag <"$JX_RUN/out"
	fi
}

# ---- the command's figures, before anything is linked ---------------------------

jx --db t.db compare 441001 2021 2022
is_status 0 "jixiao compare 441001 2021 2022 exits 0"
cp "$JX_RUN/out" "$JX_RUN/cli.before"
out_has "the command counts 12 same, 7 changed, 2 new, 2 gone" \
	"12 same, 7 changed, 2 new, 2 gone"

# ---- 80x24 ------------------------------------------------------------------

start 80 24 --db t.db
line_has 1 "单位  1/3" "七贤岭 (one year on file, 2026) is selected at the start"
keys C
line_has '$' "Only one year on file (2026): nothing to compare" \
	"C on 七贤岭 says on the status line that it has only one year on file (2026)"
line_has 1 "单位  1/3" "… and the panes stay (no compare view)"
screen_lacks "→" "… no compare title"

keys End
line_has 1 "单位  3/3" "End selects 秦皇岛 (441001) in the departments pane"
line_has 1 "项目 2022  1/21" "… with its latest year, 2022, selected"
keys C
line_has 1 "2021 → 2022" "C opens the compare view: 2021 → 2022 (the year before the selected one)"
line_has 1 "【虚构示例 demo】" "the title has the 【虚构示例 demo】 mark (2022 is fictional)"
line_has 1 "秦皇岛市北戴河区西山街道办事处（本级）" "… and the department's name"
line_matches 2 '^状态 项目 +2021 +2022 +变化 +%$' "the header: 状态 项目 2021 2022 变化 %"
line_matches 3 '^变化 直选人员及社区工作者工资及保险 +130\.97 +142\.6 +▲11\.63 +▲8\.88%$' \
	"the first row: 变化 直选人员及社区工作者工资及保险 130.97 142.6 ▲11.63 ▲8.88%"
line_matches 5 '^相同 民兵基层建设经费 +2 +2 +0 +0\.00%$' "a same row: 相同 民兵基层建设经费 2 2 0 0.00%"
line_matches 16 '^合计 .*1475\.94 +1506\.58 +▲30\.64 +▲2\.08%' \
	"the totals row below the list: 合计 1475.94 1506.58 ▲30.64"
cursor_has "直选人员及社区工作者工资及保险" "the first project is focused"
screen_has " 2021: 130304213ZR3W5GRVM5IR 直选人员及社区工作者工资及保险" \
	"the detail area shows the focused project in 2021 …"
screen_has " 2022: 130304213ZR3W5GRVM5IR 直选人员及社区工作者工资及保险" "… and in 2022"
screen_has " matched by the project code" "… and how it was matched"
line_has '$' "n next diff" "the status line lists the compare keys"
cp "$JX_RUN/screen" "$JX_RUN/tui80.table"

# n and N: from difference to difference, the same rows skipped.
keys n
cursor_has "春节慰问金" "n goes to the next difference (春节慰问金)"
screen_has " 2021: 130304216ZF9DL9V7WSRR 春节慰问金" "… and the detail shows it"
keys n
cursor_has "社区工作经费" "n skips the five same rows to 社区工作经费 (same money, a target reworded)"
screen_has " 2022: 13030421" "… the detail shows its code …"
screen_has " 社区工作经费" "… and name"
keys n
cursor_has "绿化养护经费" "n: 绿化养护经费"
keys N
cursor_has "社区工作经费" "N goes back to the previous difference"
keys n n
cursor_has "新增 垃圾分类工作经费" "n past the bottom of the page: the list scrolls to 新增 垃圾分类工作经费"
line_has 15 "垃圾分类工作经费" "… on the last line of the page"
screen_has " 2022: 13030422R7KQ2M9XW4TBC 垃圾分类工作经费" "… the detail shows the new project"
screen_lacks " 2021: " "… with nothing of 2021"
screen_lacks "matched by" "… and no match"
keys End
cursor_has "取消 退役军人服务站经费" "End: the last row, 取消 退役军人服务站经费"
keys n
line_has '$' "No difference below" "n at the last difference says there is none below"
cursor_has "退役军人服务站经费" "… and stays"
keys Home N
line_has '$' "No difference above" "N at the first difference says there is none above"
cursor_has "直选人员及社区工作者工资及保险" "… and stays"

# f: only the differences.
keys f
rows_are 11 . "f shows only the differences: 11 rows"
rows_are 7 '^变化 ' "… 7 changed"
rows_are 2 '^新增 ' "… 2 new"
rows_are 2 '^取消 ' "… 2 gone"
rows_are 0 '^相同 ' "… and no same row"
line_matches 3 '^变化 直选人员' "… in table order"
line_matches 13 '^取消 退役军人服务站经费 +3 +▼3 +▼100\.00%$' "… the last: 取消 退役军人服务站经费 3 ▼3 ▼100.00%"
line_matches 16 '^合计 .*1475\.94 +1506\.58 +▲30\.64 +▲2\.08%' "… the totals stay those of every project"
keys f
rows_are 13 . "f again shows everything (a full page of 13 rows at 80x24)"
line_matches 5 '^相同 民兵基层建设经费' "… the same rows are back"

# s: by the size of the change.
keys s
line_matches 3 '^变化 服务群众专项经费 +247\.35 +268\.5 +▲21\.15 +▲8\.55% ⚑$' \
	"s sorts by the size of the change: first 服务群众专项经费 ▲21.15 (⚑)"
line_matches 4 '^变化 自收自支事业人员经费 +217\.19 +198\.64 +▼18\.55 +▼8\.54%$' \
	"… then 自收自支事业人员经费 ▼18.55 (the size, not the sign)"
line_matches 5 '^新增 垃圾分类工作经费 +12 +▲12$' "… then 新增 垃圾分类工作经费 ▲12"
line_matches 6 '^变化 直选人员' "… then 直选人员及社区工作者工资及保险 ▲11.63"
keys Home
cursor_has "服务群众专项经费" "Home: the largest change is first"
screen_has " ⚑ more money, but no target is stricter" "the detail explains the ⚑ of 服务群众专项经费"
cp "$JX_RUN/screen" "$JX_RUN/tui80.sorted"
keys s Home
line_matches 3 '^变化 直选人员' "s again: table order"

# The rows agree with the compare command.
for name in 直选人员及社区工作者工资及保险 春节慰问金 民兵基层建设经费; do
	is "$name: the same status and figures as jixiao compare" \
		"$(row_of "$JX_RUN/cli.before" "$name")" "$(row_of "$JX_RUN/tui80.table" "$name")"
done
for name in 服务群众专项经费 自收自支事业人员经费 垃圾分类工作经费; do
	is "$name: the same status and figures (and ⚑) as jixiao compare" \
		"$(row_of "$JX_RUN/cli.before" "$name")" "$(row_of "$JX_RUN/tui80.sorted" "$name")"
done
is "the totals: the same as jixiao compare (2021, 2022, change, percent)" \
	"$(row_of "$JX_RUN/cli.before" 合计)" \
	"$(row_of "$JX_RUN/tui80.table" 合计 |
		sed 's/ 相同[0-9]* 变化[0-9]* 新增[0-9]* 取消[0-9]*//')"
line_matches 16 '^合计 相同12 变化7 新增2 取消2 ' \
	"the totals row counts what the command's summary counts (12 same, 7 changed, 2 new, 2 gone)"

# Enter: the indicators of a matched project.
keys Home Enter
line_has 1 "2021 → 2022  直选人员" "Enter: the indicators of 直选人员及社区工作者工资及保险"
line_matches 2 '^二级指标 +三级指标 +2021 +2022 +判断$' "… header 二级指标 三级指标 2021 2022 判断"
line_matches 3 '^数量指标 +资金使用率 +≥90使用率 +≥95使用率 +更严$' \
	"资金使用率 ≥90使用率 → ≥95使用率 is 更严"
screen_matches ' 人员满意度（%） +≥90满意度 +≥95满意度 +更严$' "人员满意度（%） ≥90满意度 → ≥95满意度 is 更严"
screen_matches ' 资金拨付率 +≥90拨付率 +≥90拨付率 +相同$' "资金拨付率 unchanged is 相同"
keys Escape
line_matches 1 '2021 → 2022  项目  ' "Esc goes back to the projects"
cursor_has "直选人员及社区工作者工资及保险" "… with the project still focused"

keys n n n n
cursor_has "新增 垃圾分类工作经费" "(n n n n: 新增 垃圾分类工作经费)"
keys Enter
line_has '$' "Only a project found in both years has indicators to compare" \
	"Enter on a new project: a message on the status line"
line_matches 1 '2021 → 2022  项目  ' "… and the projects stay"
keys n
cursor_has "服务群众专项经费" "n: 服务群众专项经费"
line_matches "$(cursor_line)" ' ⚑$' "服务群众专项经费 has the ⚑ mark"
is "⚑ is on one row of the page" 1 "$(grep -c '⚑$' "$JX_RUN/screen")"
keys Enter
line_has 1 "2021 → 2022  服务群众" "Enter: the indicators of 服务群众专项经费"
screen_matches ' 维护完成率 +≥90完成率 +≥85完成率 +更松$' "维护完成率 ≥90完成率 → ≥85完成率 is 更松"
screen_matches ' 社会影响力 +≥90社会影响 +≥80社会影响 +更松$' "社会影响力 ≥90社会影响 → ≥80社会影响 is 更松"
screen_lacks "更严" "… and no target is stricter"
keys Escape
cursor_has "服务群众专项经费" "Esc: back on 服务群众专项经费"

# w: the years swapped.
keys w f
line_has 1 "2022 → 2021" "w swaps the years: 2022 → 2021"
line_matches 2 '^状态 项目 +2022 +2021 ' "… in the header too"
line_matches 3 '^变化 直选人员及社区工作者工资及保险 +142\.6 +130\.97 +▼11\.63 +▼8\.16%$' \
	"… 直选人员及社区工作者工资及保险 142.6 130.97 ▼11.63 ▼8.16%"
screen_matches '^新增 社区换届工作经费 +2\.5 +▲2\.5$' "… 社区换届工作经费 is now 新增"
screen_matches '^新增 退役军人服务站经费 +3 +▲3$' "… and 退役军人服务站经费"
screen_matches '^取消 垃圾分类工作经费 +12 +▼12 +▼100\.00%$' "… 垃圾分类工作经费 is now 取消"
screen_matches '^取消 退役军人服务站运行经费 +3 +▼3 +▼100\.00%$' "… and 退役军人服务站运行经费"
line_matches 16 '^合计 .*1506\.58 +1475\.94 +▼30\.64 +▼2\.03%' "… the totals: 1506.58 1475.94 ▼30.64"
keys w f
line_has 1 "2021 → 2022" "w again: 2021 → 2022"
line_matches 3 '^变化 直选人员及社区工作者工资及保险 +130\.97 +142\.6 ' "… the figures as before"
keys y
line_has 1 "2021 → 2022" "y with no third year on file keeps 2021 as the earlier year"

# H: the project over the years.
keys Home H
line_has 1 "2021 → 2022  历年" "H: the history of the focused project"
screen_has "直选人员及社区工作者工资及保险" "… 直选人员及社区工作者工资及保险"
screen_matches '^2021 +130\.97 +█+' "… 2021 130.97 with a bar"
screen_matches '^2022 +142\.6 +████████████████████████████████████████$' \
	"… 2022 142.6 with the longest bar (40 █)"
screen_matches '^资金使用率 +≥90使用率 +≥95使用率$' "… and the targets year by year"
keys Escape
line_matches 1 '2021 → 2022  项目  ' "Esc: back to the projects"

# Errors on the status line, the view going on.
keys U
line_has '$' "This project is not matched by a link" "U on a project without a link says so"
keys L
line_has '$' "Only a new project can be linked to a gone one" "L on a changed project says only a new one can be linked"
line_matches 1 '2021 → 2022  项目  ' "… and the view goes on"

# L: link the renamed project.
keys End Up Up Up Up
cursor_has "新增 退役军人服务站运行经费" "End Up Up Up Up: 新增 退役军人服务站运行经费"
screen_has " 2022: 13030422TYJ5S8N3HVQ6D 退役军人服务站运行经费" "… the detail shows its code"
keys L
line_has '$' "Continues which project of 2021?" "L asks on the status line which project of 2021 it continues"
line_has '$' "(1/2" "… the first of the 2 gone projects …"
line_has '$' "社区换届工作经费" "… 社区换届工作经费"
keys Escape
line_lacks '$' "Continues" "Esc cancels the question"
cursor_has "新增 退役军人服务站运行经费" "… and nothing is linked"
keys L Down
line_has '$' "(2/2" "L Down: the second gone project …"
line_has '$' "退役军人服务站经费" "… 退役军人服务站经费"
keys Up
line_has '$' "(1/2" "Up: back to the first"
line_has '$' "社区换届工作经费" "… 社区换届工作经费"
keys Down
line_has '$' "退役军人服务站经费" "Down: 退役军人服务站经费 again"
keys Enter
line_has '$' "Linked" "Enter links them"
line_matches "$(cursor_line)" '^相同 退役军人服务站运行经费 +3 +3 +0 +0\.00%$' \
	"… the row becomes 相同 退役军人服务站运行经费 3 3 0 0.00%, focused"
screen_has " 2021: 13030421X3C59ZGK6VQZN 退役军人服务站经费" "… the detail shows its 2021 project …"
screen_has " matched by a link" "… matched by a link"
keys f
rows_are 9 . "the counts change: 9 differences"
rows_are 7 '^变化 ' "… 7 changed"
rows_are 1 '^新增 垃圾分类工作经费' "… 1 new (垃圾分类工作经费)"
rows_are 1 '^取消 社区换届工作经费' "… 1 gone (社区换届工作经费)"
screen_lacks "退役军人服务站" "… neither 退役军人服务站 project is a difference any more"
line_matches 16 '^合计 .*1475\.94 +1506\.58 +▲30\.64 +▲2\.08%' "the totals do not change"
keys f End Up Up Up
cursor_has "相同 退役军人服务站运行经费" "(f, End Up Up Up: the linked row again)"

jx --db t.db compare 441001 2021 2022
out_matches '^相同 +链接 +退役军人服务站运行经费 +3 +3 +0 +0\.00%' \
	"the link is in the database: jixiao compare shows 链接 for 退役军人服务站运行经费"
out_has "… and counts 13 same, 7 changed, 1 new, 1 gone" "13 same, 7 changed, 1 new, 1 gone"

keys U
line_has '$' "Link removed" "U removes the link"
keys f
rows_are 11 . "… 11 differences again"
rows_are 2 '^新增 ' "… 2 new"
rows_are 2 '^取消 ' "… 2 gone"
screen_matches '^新增 退役军人服务站运行经费 +3 +▲3$' "… 退役军人服务站运行经费 is 新增 again"
keys f
jx --db t.db compare 441001 2021 2022
out_lacks "… and jixiao compare no longer shows a link" "链接"
out_has "… and counts 12 same, 7 changed, 2 new, 2 gone" "12 same, 7 changed, 2 new, 2 gone"

# Linking backwards in time (the swapped view) is refused on the status line.
keys w End Up Up Up Up
cursor_has "新增 退役军人服务站经费" "(swapped: 新增 退役军人服务站经费)"
keys L
line_has '$' "A link goes from a later year to an earlier one" \
	"L in the swapped view: refused at once on the status line (a 2021 project cannot continue one of 2022)"
cursor_has "新增 退役军人服务站经费" "… and nothing is linked"
keys w

keys q
line_has 1 "单位  3/3" "q in the compare view goes back to the panes"
keys C Escape
line_has 1 "项目 2022  1/21" "C then Esc: back to the panes, 2022 still selected"
quit_and_wait
exit_is 0 "q exits with status 0"

# ---- 160x48 -----------------------------------------------------------------

start 160 48 --db t.db
keys C
line_has '$' "Only one year on file (2026): nothing to compare for 大连高新技术产业园区七贤岭街道办事处" \
	"160x48: C on 七贤岭 says there is only one year and nothing to compare"
keys End C
line_is 1 "【虚构示例 demo】2021 → 2022  项目  秦皇岛市北戴河区西山街道办事处（本级）" \
	"160x48: the whole title"
rows_are 23 . "160x48: all 23 rows on one page"
rows_are 12 '^相同 ' "… 12 same"
rows_are 7 '^变化 ' "… 7 changed"
rows_are 2 '^新增 ' "… 2 new"
rows_are 2 '^取消 ' "… 2 gone"
rows_are 1 ' ⚑$' "… 1 flagged, 服务群众专项经费"
line_matches 40 '^合计 相同12 变化7 新增2 取消2 +1475\.94 +1506\.58 +▲30\.64 +▲2\.08%$' "the totals row at line 40"
line_matches 17 '^变化 服务群众专项经费 +247\.35 +268\.5 +▲21\.15 +▲8\.55% ⚑$' \
	"变化 服务群众专项经费 247.35 268.5 ▲21.15 ▲8.55% ⚑"
is "every row (status, name, budgets, change, %, ⚑) is as jixiao compare prints it" \
	"$(cli_rows "$JX_RUN/cli.before")" "$(tui_rows)"

keys f
line_has 1 "[仅差异]" "f: the title says only differences"
rows_are 11 . "… 11 rows"
rows_are 7 '^变化 ' "… 7 changed"
rows_are 2 '^新增 ' "… 2 new"
rows_are 2 '^取消 ' "… 2 gone"
keys f
line_lacks 1 "[仅差异]" "f again: every row"
rows_are 23 . "… all 23"

keys s
line_has 1 "[按变化]" "s: the title says by change"
line_matches 3 '^变化 服务群众专项经费 .*▲21\.15' "… the first row is the largest change, 服务群众专项经费 ▲21.15"
is "… and every change is at most the one above it" "" "$(tui_rows | awk '{
	v = 0
	for (i = 3; i <= NF; i++)
		if ($i ~ /^(▲|▼)/) { v = $i; sub(/^(▲|▼)/, "", v); break }
	if (NR > 1 && v + 0 > last + 0)
		print "row " NR ": " $0 " after " last
	last = v
}')"
keys s Home
line_matches 3 '^变化 直选人员' "s again: table order"

# The verdicts of every kind.
keys Enter
jx --db t.db compare --indicators 441001 2021 2022
awk '$1 == "直选人员及社区工作者工资及保险" && NF == 6 { print $3, $4, $5, $6 }' \
	"$JX_RUN/out" >"$JX_RUN/cli.indicators"
sed -n '3,$p' "$JX_RUN/screen" | awk 'NF == 5 { print $2, $3, $4, $5 }' \
	>"$JX_RUN/tui.indicators"
is "Enter on 直选人员及社区工作者工资及保险: its 9 indicators" 9 \
	"$(wc -l <"$JX_RUN/tui.indicators" | tr -d ' ')"
is "… each with both targets and the verdict of jixiao compare --indicators" \
	"$(cat "$JX_RUN/cli.indicators")" "$(cat "$JX_RUN/tui.indicators")"
keys Escape n n
cursor_has "社区工作经费" "(n n: 社区工作经费)"
keys Enter
screen_matches ' 长期使用性 +≥90产期使用性 +≥90长期使用性 +改写$' "长期使用性 ≥90产期使用性 → ≥90长期使用性 is 改写"
keys Escape n
keys Enter
line_has 1 "绿化养护经费" "(绿化养护经费)"
screen_matches ' 服务对象满意度 +≥90满意度 +良好 +类型变化$' "服务对象满意度 ≥90满意度 → 良好 is 类型变化"
keys Escape Home n Enter
line_has 1 "春节慰问金" "(春节慰问金)"
screen_matches ' 间接生态效益 +≥90生态效益 +取消$' "an indicator left out in 2022 is 取消"
keys Escape End Up Up Up Enter
line_has 1 "老旧小区物业管理所需资金及临时工工资" "(老旧小区物业管理所需资金及临时工工资)"
screen_matches ' 管理老旧小区数量 +≥12个 +新增$' "an indicator added in 2022 is 新增"
screen_matches ' 服务对象满意度（%） +≥90满意度 +≥92满意度 +更严$' "≥90满意度 → ≥92满意度 is 更严"
keys Escape

# Link at 160x48, quit, and find the link kept.
keys Home n n n n n n n
cursor_has "新增 退役军人服务站运行经费" "160x48: n seven times reaches 新增 退役军人服务站运行经费"
keys L Down Enter
line_matches "$(cursor_line)" '^相同 退役军人服务站运行经费 +3 +3 +0 +0\.00%$' "L Down Enter links it: 相同"
rows_are 22 . "… 22 rows"
rows_are 13 '^相同 ' "… 13 same"
rows_are 7 '^变化 ' "… 7 changed"
rows_are 1 '^新增 ' "… 1 new"
rows_are 1 '^取消 ' "… 1 gone"
keys H
line_has 1 "历年" "H on the linked project: its history"
screen_matches '^2021 +3 +█+$' "… 2021 (the project under its old name and code) 3 with a bar"
screen_matches '^2022 +3 +█+$' "… 2022 3 with a bar"
keys Escape Escape
quit_and_wait
exit_is 0 "q exits with status 0 (160x48)"

jx --db t.db compare 441001 2021 2022
out_matches '^相同 +链接 +退役军人服务站运行经费 +3 +3 +0 +0\.00%' \
	"after quitting, jixiao compare shows the stored link (链接)"
out_has "… 13 same, 7 changed, 1 new, 1 gone" "13 same, 7 changed, 1 new, 1 gone"
cp "$JX_RUN/out" "$JX_RUN/cli.linked"

start 160 48 --db t.db
keys End C
rows_are 22 . "started again: the link is kept (22 rows)"
line_matches 21 '^相同 退役军人服务站运行经费 +3 +3 +0 +0\.00%$' "… 相同 退役军人服务站运行经费"
is "… every row as jixiao compare prints it with the link" \
	"$(cli_rows "$JX_RUN/cli.linked")" "$(tui_rows)"
keys End Up Up Up
cursor_has "退役军人服务站运行经费" "(End Up Up Up: 退役军人服务站运行经费)"
screen_has " matched by a link" "… matched by a link"
keys U
line_has '$' "Link removed" "U removes the link"
rows_are 23 . "… 23 rows again"
rows_are 2 '^新增 ' "… 2 new"
keys Escape
quit_and_wait
exit_is 0 "q exits with status 0 after unlinking"
jx --db t.db compare 441001 2021 2022
out_lacks "jixiao compare: no link any more" "链接"
out_has "… 12 same, 7 changed, 2 new, 2 gone" "12 same, 7 changed, 2 new, 2 gone"

done_testing
