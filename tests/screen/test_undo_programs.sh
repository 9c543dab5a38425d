#!/bin/sh
# Undo never crosses programs: after switching with o, u and U act on the
# program shown only; switching back finds the first program's edits again.
. "$TOP_SRCDIR/tests/screen/lib.sh"

# hours_of ID DAY: the hours the progress file holds for ID on DAY (0: none).
hours_of() {
	awk -v id="$1:" -v day="$2:" '
		/^  [^ ]/ { inside = ($1 == id) }
		inside && $1 == day { h = $2 }
		END { print h + 0 }' "$CURSUS_STATE"
}

hours_are() {
	[ "$(hours_of "$1" "$2")" = "$3" ]
}

# expect_hours NAME ID DAY HOURS: the progress file comes to hold HOURS
# (a key is saved once the planner has read it: never read the file
# before).
expect_hours() {
	if poll hours_are "$2" "$3" "$4" >/dev/null; then
		ok "$1"
	else
		not_ok "$1: $2 has $(hours_of "$2" "$3") h on $3, expected $4"
	fi
}

"$CURSUS" --data "$SPECS" --today 2026-11-23 choose P4-A >/dev/null
TODAY=2026-12-09
start 80 24
wait_for "Schedule"
keys Tab + +
expect_on_screen "P4-A's hours" "2026-12-09: 1 h logged."
expect_hours "P4-A's hours saved" P4-A 2026-12-09 1

keys o Right Enter
expect_on_screen "switched to P4-B" "Chose P4-B"
keys u
expect_on_screen "no undo of P4-A's edit while P4-B is shown" "Nothing to undo for P4-B."
expect_hours "P4-A's hours untouched by u on P4-B" P4-A 2026-12-09 1

keys +
expect_on_screen "P4-B's hours" "2026-12-09: 0.5 h logged."
keys u
expect_on_screen "undo of P4-B's own edit" "Undone: hours."
expect_hours "P4-B's hours undone" P4-B 2026-12-09 0
expect_hours "P4-A's hours still untouched" P4-A 2026-12-09 1
keys U
expect_on_screen "redo of P4-B's edit" "Redone: hours."
expect_hours "P4-B's hours redone" P4-B 2026-12-09 0.5
keys u
expect_on_screen "P4-B's edit undone again" "Undone: hours."
expect_hours "P4-B's hours undone again, for redo to hold" P4-B 2026-12-09 0

keys o Left Enter
expect_on_screen "back to P4-A" "Chose P4-A"
keys U
expect_on_screen "no redo of P4-B's edit while P4-A is shown" "Nothing to redo for P4-A."
keys u
expect_on_screen "P4-A's edits can be undone again" "Undone: hours."
expect_hours "P4-A's last half hour undone" P4-A 2026-12-09 0.5
expect_hours "P4-B's hours untouched by U and u on P4-A" P4-B 2026-12-09 0
quit

done_testing
