# lib.sh — helpers for jixiao's command-line tests. Sourced, not run.
#
# Each tests/cli/NAME.sh sources this file, runs the jixiao binary and
# prints TAP (one "ok N - what" or "not ok N - what" per assertion, with
# "# " lines saying what was expected and what came out), then calls
# done_testing, which prints the plan "1..N". automake's TAP driver reads it.
#
# The environment is hermetic: every script works in a fresh temporary
# directory (removed on exit) with HOME and XDG_DATA_HOME inside it,
# LANG=C.UTF-8, TZ=UTC, a fixed clock (JIXIAO_NOW) and user (JIXIAO_USER),
# and no JIXIAO_DB or JIXIAO_DATADIR from the caller. Nothing sleeps and
# nothing depends on timing. JX_KEEP=1 keeps the directory for a look.
#
# From make check, AM_TESTS_ENVIRONMENT sets JIXIAO (the binary), JX_SRCDIR,
# JX_TEST_DATA and JX_SAMPLES_DIR. Run by hand, they default to the source
# tree this file is in and its src/jixiao, e.g.
#   JIXIAO=_dev/src/jixiao tests/cli/stats.sh
#
# Running commands (each replaces the previous result):
#   run CMD [ARG...]       runs CMD with stdin from /dev/null; keeps its
#                          stdout, stderr and exit status
#   jx [ARG...]            run "$JIXIAO" ARG...
#   jx_ok [ARG...]         jx, and bail out if it fails (for set-up steps)
#
# Assertions on the last run (DESC is what the assertion checks):
#   is_status N DESC       exit status is N
#   out_is DESC <<EOF      stdout is exactly the here-document
#   err_is DESC <<EOF      stderr is exactly the here-document
#   out_empty DESC / err_empty DESC
#   out_has DESC TEXT      stdout contains TEXT (a substring, may span lines)
#   err_has DESC TEXT      the same for stderr
#   out_lacks DESC TEXT / err_lacks DESC TEXT
#   out_line_is DESC N TEXT  line N of stdout ('$' for the last) is TEXT
#   out_lines DESC N       stdout has N lines
#   out_no_trailing_space DESC
#
# Assertions on files and databases:
#   keep FILE              remembers FILE's bytes for file_unchanged
#   file_unchanged DESC FILE
#   no_file DESC PATH...   none of the paths exists (a database path also
#                          checks PATH-wal, PATH-shm and PATH-journal)
#   is_file DESC PATH
#   same_file DESC A B     A and B are byte for byte the same (cmp)
#   keep_db DB / db_unchanged DESC DB
#                          the database's contents (stats --tsv, every
#                          department-year as exported, and with sqlite3
#                          every table) are as they were at keep_db
#   is DESC EXPECTED ACTUAL
#
# Display width (Chinese characters count two columns):
#   columns_line_up DESC FILE REGEX
#                          in every line of FILE where the Python regular
#                          expression REGEX matches, the match starts at the
#                          same display column ("$": every line is as wide;
#                          with a group in REGEX, where group 1 starts);
#                          skipped when python3 is missing
#
# Other:
#   fixture NAME...        copies tests/data/cli/NAME into the work directory
#   samples_db DB          creates DB with the three samples (init --samples)
#   skip DESC REASON       prints "ok N - DESC # SKIP REASON"
#   bail_out REASON        prints "Bail out! REASON" and stops
#   done_testing           prints the plan; call it last

# ---- where things are ---------------------------------------------------

case $0 in
*/*) jx_here=${0%/*} ;;
*) jx_here=. ;;
esac
jx_here=$(cd "$jx_here" && pwd)
: "${JX_SRCDIR:=$(cd "$jx_here/../.." && pwd)}"
: "${JX_TEST_DATA:=$JX_SRCDIR/tests/data}"
: "${JX_SAMPLES_DIR:=$JX_SRCDIR/data/samples}"
: "${JIXIAO:=$JX_SRCDIR/src/jixiao}"
case $JIXIAO in
/*) ;;
*) JIXIAO=$(pwd)/$JIXIAO ;;
esac
JX_FIXTURES=$JX_TEST_DATA/cli

JX_N=0
JX_FAILED=0

bail_out() {
	echo "Bail out! $*"
	exit 99
}

[ -x "$JIXIAO" ] || bail_out "no jixiao binary at $JIXIAO (set JIXIAO)"
[ -d "$JX_FIXTURES" ] || bail_out "no test data at $JX_FIXTURES (set JX_TEST_DATA)"
[ -d "$JX_SAMPLES_DIR" ] || bail_out "no samples at $JX_SAMPLES_DIR (set JX_SAMPLES_DIR)"

# ---- a hermetic environment ------------------------------------------------

JX_TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-test.XXXXXX") ||
	bail_out "mktemp -d failed"
if [ -n "${JX_KEEP:-}" ]; then
	trap 'echo "# kept $JX_TMP"' EXIT
else
	trap 'cd / && rm -rf "$JX_TMP"' EXIT
fi
trap 'exit 130' HUP INT TERM
JX_RUN=$JX_TMP/run           # captured output, kept files
JX_WORK=$JX_TMP/work         # the current directory of every test
mkdir "$JX_RUN" "$JX_RUN/kept" "$JX_WORK" "$JX_TMP/home" ||
	bail_out "cannot populate $JX_TMP"
cd "$JX_WORK" || bail_out "cannot cd to $JX_WORK"

HOME=$JX_TMP/home
XDG_DATA_HOME=$JX_TMP/home/.local/share
LANG=C.UTF-8
TZ=UTC
JIXIAO_NOW=1767225600        # 2026-01-01T00:00:00Z
JIXIAO_USER=tester
TERM=dumb
export HOME XDG_DATA_HOME LANG TZ JIXIAO_NOW JIXIAO_USER TERM
unset JIXIAO_DB JIXIAO_DATADIR LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE \
	XDG_CONFIG_HOME COLUMNS LINES NO_COLOR

JX_STATUS=
JX_CMD=

# ---- TAP ----------------------------------------------------------------

# Prints stdin as TAP diagnostics.
diag() {
	sed 's/^/# /'
}

pass() {
	JX_N=$((JX_N + 1))
	printf 'ok %d - %s\n' "$JX_N" "$1"
}

fail() {
	JX_N=$((JX_N + 1))
	JX_FAILED=$((JX_FAILED + 1))
	printf 'not ok %d - %s\n' "$JX_N" "$1"
	if [ -n "$JX_CMD" ]; then
		printf '# last command: %s (exit %s)\n' "$JX_CMD" "$JX_STATUS" |
			tr '\n\t' '  ' | sed 's/ *$//'
		echo
	fi
	return 0
}

skip() {
	JX_N=$((JX_N + 1))
	printf 'ok %d - %s # SKIP %s\n' "$JX_N" "$1" "$2"
}

done_testing() {
	echo "1..$JX_N"
	[ "$JX_FAILED" -eq 0 ] || echo "# $JX_FAILED of $JX_N failed"
	exit 0
}

# ---- running --------------------------------------------------------------

run() {
	JX_CMD=$*
	"$@" >"$JX_RUN/out" 2>"$JX_RUN/err" </dev/null
	JX_STATUS=$?
	return 0
}

jx() {
	run "$JIXIAO" "$@"
	JX_CMD="jixiao $*"
}

# For set-up steps the assertions depend on: stops the script on failure.
jx_ok() {
	jx "$@"
	if [ "$JX_STATUS" -ne 0 ]; then
		echo "# set-up failed: $JX_CMD (exit $JX_STATUS)"
		diag <"$JX_RUN/err"
		bail_out "set-up command failed: jixiao $*"
	fi
}

# ---- assertions on the last run -----------------------------------------

is_status() {
	if [ "$JX_STATUS" = "$1" ]; then
		pass "$2"
	else
		fail "$2"
		echo "# expected exit status $1, got $JX_STATUS; stderr:"
		diag <"$JX_RUN/err"
	fi
}

# compare_stream DESC WHICH: WHICH (out or err) against stdin.
compare_stream() {
	cat >"$JX_RUN/expected"
	if cmp -s "$JX_RUN/expected" "$JX_RUN/$2"; then
		pass "$1"
	else
		fail "$1"
		show_diff expected "std$2"
		if [ "$2" = out ] && [ -s "$JX_RUN/err" ]; then
			echo "# stderr:"
			diag <"$JX_RUN/err"
		fi
	fi
}

# Shows what was expected against what came out, as a unified diff of
# JX_RUN/$1 and JX_RUN/${2#std}.
show_diff() {
	echo "# expected vs actual $2 (- expected, + actual):"
	(cd "$JX_RUN" && diff -u "$1" "${2#std}") | sed '1,2d' | diag
}

out_is() { compare_stream "$1" out; }
err_is() { compare_stream "$1" err; }
out_empty() { compare_stream "$1" out </dev/null; }
err_empty() { compare_stream "$1" err </dev/null; }

# has DESC WHICH TEXT [negate]
stream_has() {
	jx_text=$(cat "$JX_RUN/$2"; echo x)
	jx_text=${jx_text%x}
	case $jx_text in
	*"$3"*) jx_found=yes ;;
	*) jx_found=no ;;
	esac
	if [ "$jx_found" = "${4:-yes}" ]; then
		pass "$1"
	else
		fail "$1"
		if [ "${4:-yes}" = yes ]; then
			echo "# expected std$2 to contain:"
		else
			echo "# expected std$2 not to contain:"
		fi
		printf '%s\n' "$3" | diag
		echo "# std$2 was:"
		diag <"$JX_RUN/$2"
	fi
}

out_has() { stream_has "$1" out "$2"; }
err_has() { stream_has "$1" err "$2"; }
out_lacks() { stream_has "$1" out "$2" no; }
err_lacks() { stream_has "$1" err "$2" no; }

out_line_is() {
	if [ "$2" = '$' ]; then
		jx_line=$(sed -n '$p' "$JX_RUN/out")
	else
		jx_line=$(sed -n "$2p" "$JX_RUN/out")
	fi
	is "$1" "$3" "$jx_line"
}

out_lines() {
	jx_count=$(wc -l <"$JX_RUN/out" | tr -d ' ')
	is "$1" "$2" "$jx_count"
}

out_no_trailing_space() {
	if grep -n '[[:blank:]]$' "$JX_RUN/out" >"$JX_RUN/trailing"; then
		fail "$1"
		echo "# lines ending in blanks (line number: text|):"
		sed 's/$/|/' "$JX_RUN/trailing" | diag
	else
		pass "$1"
	fi
}

is() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1"
		echo "# expected:"
		printf '%s\n' "$2" | diag
		echo "# actual:"
		printf '%s\n' "$3" | diag
	fi
}

# ---- files and databases ---------------------------------------------------

jx_key() {
	printf '%s' "$1" | tr '/' '%'
}

keep() {
	cp "$1" "$JX_RUN/kept/$(jx_key "$1")" || bail_out "cannot keep $1"
}

file_unchanged() {
	if cmp -s "$JX_RUN/kept/$(jx_key "$2")" "$2"; then
		pass "$1"
	else
		fail "$1"
		echo "# $2 changed (or vanished); before and after:"
		od -c "$JX_RUN/kept/$(jx_key "$2")" | head -n 4 | diag
		echo "# --"
		od -c "$2" 2>&1 | head -n 4 | diag
	fi
}

no_file() {
	jx_desc=$1
	shift
	jx_there=
	for jx_p in "$@"; do
		for jx_q in "$jx_p" "$jx_p-wal" "$jx_p-shm" "$jx_p-journal"; do
			if [ -e "$jx_q" ] || [ -L "$jx_q" ]; then
				jx_there="$jx_there $jx_q"
			fi
		done
	done
	if [ -z "$jx_there" ]; then
		pass "$jx_desc"
	else
		fail "$jx_desc"
		echo "# these should not exist:$jx_there"
	fi
}

is_file() {
	if [ -f "$2" ]; then
		pass "$1"
	else
		fail "$1"
		echo "# no file $2"
	fi
}

same_file() {
	if cmp "$2" "$3" >"$JX_RUN/cmp" 2>&1; then
		pass "$1"
	else
		fail "$1"
		diag <"$JX_RUN/cmp"
		if [ -f "$2" ] && [ -f "$3" ]; then
			diff -u "$2" "$3" | head -n 40 | diag
		fi
	fi
}

# Writes the contents of database $1 to stdout, without changing it.
db_state() {
	echo "== stats"
	"$JIXIAO" --db "$1" stats --tsv 2>&1
	echo "== export"
	rm -rf "$JX_RUN/state"
	"$JIXIAO" --db "$1" export -d "$JX_RUN/state" >/dev/null 2>&1
	for jx_f in "$JX_RUN"/state/*.yaml; do
		[ -f "$jx_f" ] || continue
		echo "== ${jx_f##*/}"
		cat "$jx_f"
	done
	if command -v sqlite3 >/dev/null 2>&1; then
		echo "== sqlite3 .dump"
		sqlite3 "$1" .dump 2>&1
	fi
}

keep_db() {
	db_state "$1" >"$JX_RUN/kept/$(jx_key "$1").state"
}

db_unchanged() {
	db_state "$2" >"$JX_RUN/state.now"
	if cmp -s "$JX_RUN/kept/$(jx_key "$2").state" "$JX_RUN/state.now"; then
		pass "$1"
	else
		fail "$1"
		echo "# the database's contents changed:"
		diff -u "$JX_RUN/kept/$(jx_key "$2").state" "$JX_RUN/state.now" |
			sed '1,2d' | head -n 40 | diag
	fi
}

# ---- display width ----------------------------------------------------------

columns_line_up() {
	if ! command -v python3 >/dev/null 2>&1; then
		skip "$1" "python3 not found"
		return 0
	fi
	if python3 - "$2" "$3" >"$JX_RUN/columns" 2>&1 <<'EOF'
import re
import sys
import unicodedata


def width(text):
    """Display columns: East Asian wide and full-width characters take two,
    combining marks none, everything else one (ambiguous ones included)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


path, pattern = sys.argv[1], re.compile(sys.argv[2])
found = []
with open(path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        line = line.rstrip("\n")
        match = pattern.search(line)
        if match:
            start = match.start(1) if pattern.groups else match.start()
            found.append((number, width(line[:start]), line))
columns = {column for _, column, _ in found}
if len(found) < 2 or len(columns) != 1:
    if len(found) < 2:
        print("fewer than two lines match %r" % sys.argv[2])
    for number, column, line in found:
        print("line %d, column %d: %s" % (number, column, line))
    sys.exit(1)
EOF
	then
		pass "$1"
	else
		fail "$1"
		diag <"$JX_RUN/columns"
	fi
}

# ---- data -------------------------------------------------------------------

fixture() {
	for jx_f in "$@"; do
		cp "$JX_FIXTURES/$jx_f" . || bail_out "no fixture $jx_f"
	done
}

samples_db() {
	jx_ok --db "$1" init --samples
}
