#!/bin/sh
# Logging hours: +/- half hours on the selected week, L to type them (Esc
# cancels, nonsense is refused), weeks that have not begun refused.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-23 choose P4-A >/dev/null
TODAY=2026-12-09
start 80 24
wait_for "Schedule"
keys Tab + +
expect_on_screen "two half hours" "2026-12-09: 1 h logged."
keys -
expect_on_screen "one back" "2026-12-09: 0.5 h logged."
keys L
expect_on_screen "L asks" "Hours studied on 2026-12-09:"
type_text "1,5"
keys Enter
expect_on_screen "typed hours" "2026-12-09: 2 h logged."
keys L
type_text "3"
wait_for "Hours studied on 2026-12-09: 3"
keys Escape
expect_gone "Esc cancels" "Hours studied on"
expect_on_screen "Esc cancels: the planner is back" "Modules"
keys L
type_text "lots"
keys Enter
expect_on_screen "nonsense refused" "'lots' is not a number of hours"
keys Up
keys +
expect_on_screen "a past week logs on its Sunday" "2026-12-06: 0.5 h logged."
keys Down Down
keys +
expect_on_screen "a week to come refused" "Week 4 has not begun"
expect_screen hours-80x24
expect_state "hours saved" "2026-12-09: 2"
keys Up
keys L
type_text "0x10"
keys Enter
expect_on_screen "hexadecimal refused" "'0x10' is not a number of hours"
keys L
type_text "1h30"
keys Enter
expect_on_screen "hours and minutes" "2026-12-09: 3.5 h logged."
expect_state "1h30 saved as 1.5 h" "2026-12-09: 3.5"
quit

done_testing
