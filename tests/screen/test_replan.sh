#!/bin/sh
# R re-plans when the work left no longer fits, and u takes the re-plan
# back like any change made in the planner (U makes it again).
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-23 choose P4-A >/dev/null
TODAY=2027-02-22
start 80 24
expect_on_screen "far behind, the work no longer fits" "Too much  R: ends on 2027-06-27"
keys R
expect_on_screen "R re-plans" "Re-planned: the plan now ends on"
expect_state "the re-plan saved" "replanned: 2027-02-22"
expect_gone "the work fits again" "Too much"
keys u
expect_on_screen "u takes the re-plan back" "Undone: re-plan."
if poll sh -c "! grep -q replanned '$CURSUS_STATE'"; then
	ok "the re-plan is gone from the progress file"
else
	not_ok "the re-plan is still in the progress file"
fi
expect_on_screen "the load is said again" "Too much  R: ends on 2027-06-27"
keys U
expect_on_screen "U makes it again" "Redone: re-plan."
expect_state "the re-plan saved again" "replanned: 2027-02-22"
quit

done_testing
