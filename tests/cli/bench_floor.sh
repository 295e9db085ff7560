#!/bin/sh
# bench_floor.sh — bench/jixiao-yaml-floor, the import's libyaml-only
# reference in bench/run: it counts what libyaml hands over, over the
# samples as exported, and says where a file it cannot parse goes wrong.
. "$(dirname "$0")/lib.sh"

FLOOR=${JIXIAO_YAML_FLOOR:-$(dirname "$JIXIAO")/../bench/jixiao-yaml-floor}
[ -x "$FLOOR" ] || bail_out "no jixiao-yaml-floor at $FLOOR (set JIXIAO_YAML_FLOOR)"

# A stream whose events can be counted by hand: stream, document and
# mapping start, "a", sequence start, "1", "22", sequence end, mapping,
# document and stream end — 11 events, 3 scalars, 4 bytes of text.
printf 'a: [1, 22]\n' >tiny.yaml
run "$FLOOR" tiny.yaml
is_status 0 "a file libyaml parses: exit 0"
out_is "every event, scalar and byte of text counted" <<'OUT'
1 files, 11 events, 3 scalars, 4 bytes of scalar text
OUT

run "$FLOOR" tiny.yaml tiny.yaml
out_is "the counts of two files add up" <<'OUT'
2 files, 22 events, 6 scalars, 8 bytes of scalar text
OUT

# The samples as `jixiao export` writes them: what the import reads.
samples_db s.db
jx_ok --db s.db export -d out
run "$FLOOR" out/*.yaml
is_status 0 "the exported samples parse"
out_has "three files read" "3 files, "

printf 'a: 1\nb: [2\n' >bad.yaml
run "$FLOOR" tiny.yaml bad.yaml
is_status 1 "a file libyaml cannot parse: exit 1"
err_has "the message names the file, line and column" "bad.yaml:3:1: "
out_empty "and no counts are printed"

run "$FLOOR"
is_status 2 "no file: exit 2"
err_has "no file: the usage" "usage: jixiao-yaml-floor FILE"

done_testing
