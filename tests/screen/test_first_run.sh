#!/bin/sh
# The first run: the option chooser, choosing, and the planner's screen.
. "$TOP_SRCDIR/tests/screen/lib.sh"

start 80 24
expect_screen chooser-80x24 "Choose an option for P4"
expect_on_screen "the table goes on below, and says so" "more below (Down)"
keys NPage NPage NPage
expect_on_screen "its end: watch out" "Watch out"
expect_on_screen "scrolled down, it says there is more above" "more above (Up)"
keys Home PPage PPage PPage
expect_on_screen "back at the top" "more below (Down)"
keys Right
expect_on_screen "Right selects option B" "Choose an option"
keys Left Enter
expect_screen chosen-80x24 "Chose P4-A"
expect_state "the choice is saved at once" "^  P4: P4-A$"
expect_state "the start is the day chosen" "start: 2026-11-24"
quit

# Reopening shows the planner, not the chooser.
start 80 24
expect_on_screen "reopened on the planner" "Modules  0/30 done"
keys o
expect_on_screen "o brings the chooser back" "Choose an option for P4"
keys Right Enter
expect_on_screen "choosing B from the chooser" "Chose P4-B"
expect_state "the new choice is saved" "^  P4: P4-B$"
quit "switching options"

done_testing
