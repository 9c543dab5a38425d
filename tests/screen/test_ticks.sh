#!/bin/sh
# Ticking a topic and a whole course, undo and redo, from the keyboard and
# the mouse; every tick is saved at once.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
start 80 24
wait_for "Modules  0/30 done"
keys Enter Down Down Space
expect_screen tick-topic-80x24 "Ticked 1.2."
expect_state "the topic's sub-topics are saved at once" 'path: "1.2.3", date: 2026-11-24'
keys Up Up Space
expect_on_screen "ticking a course ticks what was left" "Ticked 1."
expect_on_screen "course 1 done" "Modules  7/30 done"
keys u
expect_on_screen "undo" "Undone: tick."
expect_on_screen "undo leaves the topic ticked before" "Modules  3/30 done"
keys U
expect_on_screen "redo" "Modules  7/30 done"
keys Space
expect_on_screen "untick the course" "Unticked 1."
expect_on_screen "nothing left of course 1" "Modules  0/30 done"
keys u
expect_screen course-done-80x24 "Modules  7/30 done"

# Another cursus ticks meanwhile: the planner notices and shows it.
"$CURSUS" --data "$SPECS" --today 2026-11-25 tick 2.1 >/dev/null
expect_on_screen "a tick from another cursus is picked up" "Modules  11/30 done"
expect_on_screen "and said" "changed outside the planner"
# ... and our next change keeps it.
keys Down Down Down Down Down Down Down Down Space
expect_on_screen "our next change is made" "Unticked 1.5."
expect_state "the outside tick is still in the file" 'path: "2.1.1"'
quit

# The mouse: a click on a box ticks it. tmux passes the xterm mouse report
# through as typed: ESC [ M, the button, then column and line, each plus 32
# and counted from 1 (course 3 is on line 5, its box from column 3).
click() { # click COLUMN LINE
	x=$(printf "\\$(printf %o $((32 + $1)))")
	y=$(printf "\\$(printf %o $((32 + $2)))")
	tm send-keys -t t -l "$(printf '\033[M %s%s' "$x" "$y")"
	tm send-keys -t t -l "$(printf '\033[M#%s%s' "$x" "$y")"
}
start 80 24
wait_for "Modules"
click 5 5
expect_on_screen "a click on a box ticks" "Ticked 3."
click 5 5
expect_on_screen "a second click unticks" "Unticked 3."
click 1 5
expect_on_screen "a click left of the box opens the course" "3.1 Pratiques de conception"
click 60 6
keys +
expect_on_screen "a click in the schedule selects a week" "Week 4 has not begun"
quit "after the mouse"

done_testing
