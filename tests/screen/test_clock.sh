#!/bin/sh
# The planner follows the clock: left open over midnight, its today moves
# on (▶ on the new week, + logs and Space ticks on the new day); --today
# pins it. The clock is CURSUS_CLOCK_FILE, the planner's test hook: a file
# holding the date it takes as the clock's.
. "$TOP_SRCDIR/tests/screen/lib.sh"

CLOCK="$WORK/clock"
"$CURSUS" --data "$SPECS" --today 2026-11-23 choose P4-A >/dev/null
echo 2026-12-06 >"$CLOCK"

TODAY=
start 80 24 CURSUS_CLOCK_FILE="$CLOCK"
wait_for "Schedule"
expect_on_screen "Sunday: this week is week 2" "▶  2 11-30"
keys Tab +
expect_on_screen "+ logs on Sunday" "2026-12-06: 0.5 h logged."

echo 2026-12-07 >"$CLOCK"
expect_on_screen "midnight is noticed" "A new day: today is 2026-12-07."
expect_on_screen "Monday: this week is week 3" "▶  3 12-07"
keys +
expect_on_screen "+ logs on Monday" "2026-12-07: 0.5 h logged."
expect_state "Monday's half hour saved" "2026-12-07: 0.5"
expect_state "Sunday's half hour kept" "2026-12-06: 0.5"
keys Tab Tab Space
expect_on_screen "a tick after midnight" "Ticked 1."
expect_state "the tick carries the new day" 'date: 2026-12-07'
quit "following the clock"

# --today pins the date: the clock moving on changes nothing.
echo 2026-12-09 >"$CLOCK"
TODAY=2026-12-09
start 80 24 CURSUS_CLOCK_FILE="$CLOCK"
wait_for "Schedule"
echo 2026-12-14 >"$CLOCK"
sleep 1.5
keys Tab +
expect_on_screen "--today pinned: + logs on that day" "2026-12-09: 0.5 h logged."
expect_on_screen "--today pinned: ▶ stays" "▶  3 12-07"
quit "with --today"

done_testing
