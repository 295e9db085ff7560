#!/bin/sh
# usage.sh — --help and --version for the program and every command (exit
# 0, on stdout); unknown commands and options, and no command at all (exit
# 2, on stderr). None of these touches a database. Without a command and
# without a terminal (as here), the full-screen interface refuses to start.
. "$(dirname "$0")/lib.sh"

jx --help
is_status 0 "--help exits 0"
out_is "--help: the usage, the options and every command" <<'EOF'
Usage: jixiao [--db FILE] [-r] [COMMAND [ARGS]]
Browse and edit budget performance targets (预算绩效目标表).
Without a COMMAND, opens the full-screen interface.

Options:
  --db FILE          the database (default: $JIXIAO_DB, else $XDG_DATA_HOME/jixiao/jixiao.db)
  -r, --read-only    open the database read-only
  --keymap FILE      key bindings that override the default ones
  --ambiguous-wide   draw ≥ ≤ ① … as two columns (CJK terminals)
  -h, --help         show this help
  -V, --version      show the version

Commands:
  init       Create the database (and import the bundled samples)
  import     Import department-year YAML files, all or nothing
  export     Write department-years as YAML (stdout, a file or a directory)
  ls         List departments, a department's years, projects or indicators
  show       Show one project in full, laid out like the published table
  stats      Projects, indicator rows and budget per department-year
  compare    What changed between two years: projects, budgets, targets
  search     Indicators anywhere whose name, target, description or basis contains TEXT
  log        The change log: who changed what and when
  check      Check projects against the indicator framework and library
  templates  List the indicator templates and their files, or show one

Run 'jixiao COMMAND --help' for a command's options.
EOF
err_empty "--help: nothing on stderr"
cp "$JX_RUN/out" help.out
columns_line_up "--help: the option descriptions line up" \
	help.out '^  -[^ ].*?\s{2,}(\S)'
columns_line_up "--help: the command summaries line up" \
	help.out '^  [a-z]+\s+(\S)'

jx -h
is_status 0 "-h exits 0"
same_file "-h is --help" help.out "$JX_RUN/out"

jx --version
is_status 0 "--version exits 0"
out_has "--version names the program" "jixiao "
out_lines "--version is one line" 1
cp "$JX_RUN/out" version.out
jx -V
is_status 0 "-V exits 0"
same_file "-V is --version" version.out "$JX_RUN/out"

for jx_c in init import export ls show stats log check templates; do
	jx "$jx_c" --help
	is_status 0 "$jx_c --help exits 0"
	out_has "$jx_c --help: the usage line" \
		"Usage: jixiao [--db FILE] [-r] $jx_c "
	out_has "$jx_c --help: its -h and -V" "  -h, --help"
	err_empty "$jx_c --help: nothing on stderr"
	out_no_trailing_space "$jx_c --help: no line ends in a blank"
	cp "$JX_RUN/out" "$jx_c-help.out"
	columns_line_up "$jx_c --help: the option descriptions line up" \
		"$jx_c-help.out" '^  -[^ ].*?\s{2,}(\S)'
	jx "$jx_c" -h
	same_file "$jx_c -h is $jx_c --help" "$jx_c-help.out" "$JX_RUN/out"
	jx "$jx_c" --version
	is_status 0 "$jx_c --version exits 0"
	out_has "$jx_c --version: one line naming the command" "jixiao $jx_c "
	jx "$jx_c" -V
	is_status 0 "$jx_c -V exits 0"
	jx --db nowhere/x.db "$jx_c" --help
	is_status 0 "$jx_c --help with an unusable --db exits 0"
done
no_file "--help and --version create no database" nowhere \
	"$XDG_DATA_HOME/jixiao/jixiao.db"

jx import --help
out_is "import --help: the whole text" <<'EOF'
Usage: jixiao [--db FILE] [-r] import [--replace] [--encoding ENC] FILE...
Import department-year YAML files, all or nothing.

Options:
  --replace       replace a department-year that is already there
  --encoding ENC  the files are in ENC (e.g. GB18030), not UTF-8
  -h, --help      show this help
  -V, --version   show the version
EOF

# ---- mistakes ------------------------------------------------------------------

jx
is_status 2 "no command exits 2"
out_empty "no command: nothing on stdout"
err_is "no command without a terminal: says the interface needs one" <<'EOF'
jixiao: the full-screen interface needs a terminal; see 'jixiao --help' for the commands
EOF
no_file "no command: no database is created" "$XDG_DATA_HOME/jixiao/jixiao.db"

jx frob
is_status 2 "an unknown command exits 2"
err_is "an unknown command: says so" <<'EOF'
jixiao: unknown command 'frob' (see 'jixiao --help')
EOF
out_empty "an unknown command: nothing on stdout"

jx --frob ls
is_status 2 "an unknown program option exits 2"
err_is "an unknown program option: says so" <<'EOF'
jixiao: unknown option '--frob' (see --help)
EOF

jx -x ls
is_status 2 "an unknown short option exits 2"
err_is "an unknown short option: says so" <<'EOF'
jixiao: unknown option '-x' (see --help)
EOF

jx --db
is_status 2 "--db without a value exits 2"
err_has "--db without a value: says the value is missing" "FILE"

for jx_c in init import export ls show stats log check templates; do
	jx --db x.db "$jx_c" --frob
	is_status 2 "$jx_c --frob exits 2"
	err_has "$jx_c --frob: names the option" "'--frob'"
	out_empty "$jx_c --frob: nothing on stdout"
done
no_file "unknown options create no database" x.db

jx --db x.db export -o
is_status 2 "export -o without a value exits 2"
err_has "export -o without a value: says so" "-o"

jx --db x.db ls --help extra words
is_status 0 "--help wins over other arguments"

done_testing
