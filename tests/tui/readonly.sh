#!/bin/sh
# readonly.sh — with -r the status line says [read-only] (at 80x24 and at
# 160x48), and the editing keys e, a and d say that nothing can be
# changed; the database is left as it was. Without -r the editing keys
# say that editing is not in this version yet (there is no editing yet).
. "$(dirname "$0")/lib.sh"

samples_db t.db
keep_db t.db

for size in "80 24" "160 48"; do
	# shellcheck disable=SC2086
	start $size -r --db t.db
	at="-r at $(echo "$size" | tr ' ' x)"
	line_has '$' "[read-only]" "$at: the status line says [read-only]"
	for key in e a d; do
		keys "$key"
		line_has '$' "Read-only: nothing can be changed" \
			"$at: $key in the departments pane says nothing can be changed"
	done
	keys Tab e
	line_has '$' "Read-only: nothing can be changed" "$at: e in the projects pane too"
	keys Tab d
	line_has '$' "Read-only: nothing can be changed" "$at: d in the indicators pane too"
	keys Down
	line_lacks '$' "Read-only:" "$at: the message goes away with the next key"
	line_has '$' "[read-only]" "$at: … and [read-only] is back"
	quit_and_wait
	exit_is 0 "$at: q exits with status 0"
done
db_unchanged "the database is unchanged after the read-only sessions" t.db

start 80 24 --db t.db
screen_lacks "[read-only]" "without -r the status line does not say read-only"
for key in e a d; do
	keys "$key"
	line_has '$' "Editing is not in this version" \
		"without -r, $key says that editing is not in this version yet"
done
quit_and_wait
exit_is 0 "q exits with status 0"
db_unchanged "the database is unchanged" t.db

done_testing
