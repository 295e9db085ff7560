#!/bin/sh
# embed-text.sh — turn a text file into C source defining it as a string.
#
#   embed-text.sh NAME INPUT [HEADER] > OUTPUT.c
#
# writes `const char NAME[] = "...";` holding every byte of INPUT. Letters,
# digits and plain punctuation are copied; every other byte (quotes,
# backslash, '?' so that no trigraph forms, control characters, anything
# non-ASCII) becomes a three-digit octal escape, so the output is plain
# ASCII and the bytes are exact. Each input line becomes one string piece
# ending in \n. HEADER, when given, is #included first so the compiler
# checks the definition against its declaration. POSIX sh, od and awk only.
set -e
LC_ALL=C
export LC_ALL

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 NAME INPUT [HEADER]" >&2
	exit 2
fi
name=$1
input=$2
header=${3-}

if [ ! -r "$input" ]; then
	echo "$0: cannot read $input" >&2
	exit 1
fi

echo "/* Generated from $(basename "$input") by embed-text.sh; do not edit. */"
if [ -n "$header" ]; then
	echo "#include \"$header\""
fi
echo
echo "const char $name[] ="
od -An -v -tu1 "$input" | awk '
BEGIN { line = ""; pieces = 0 }
function flush() { printf "\t\"%s\"\n", line; line = ""; pieces++ }
{
	for (i = 1; i <= NF; i++) {
		b = $i + 0
		if (b == 10) {
			line = line "\\n"
			flush()
		} else if (b >= 32 && b < 127 && b != 34 && b != 39 && \
			   b != 63 && b != 92) {
			line = line sprintf("%c", b)
		} else {
			line = line sprintf("\\%03o", b)
		}
	}
}
END {
	if (line != "" || pieces == 0)
		flush()
	print "\t;"
}'
