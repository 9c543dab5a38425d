#!/bin/sh
# A program whose plan cannot be built (a pace in the progress file that
# would take 1800 weeks) draws no figures: every pane says there is no
# plan, the Modules pane says why with the line to change, and nothing
# of the model reaches the screen through stderr.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-23 choose P4-A --pace 3 >/dev/null
sed -i 's/^    pace: 3$/    pace: 0.05/' "$CURSUS_STATE"
grep -q '^    pace: 0.05$' "$CURSUS_STATE" && ok "the stored pace is now 0.05" ||
	not_ok "the fixture did not change the pace"
start 100 30
wait_for "No plan"
expect_on_screen "the Modules pane says why" "No plan: P4-A: 90 h at 0.05 h/week would take 1800"
expect_on_screen "and how to change it" "change it with 'cursus choose"
screen_text | grep -o 'No plan' | wc -l | tr -d ' ' >"$WORK/count"
[ "$(cat "$WORK/count")" = 3 ] && ok "each of the three panes says there is no plan" ||
	not_ok "$(cat "$WORK/count") panes say there is no plan"
screen_text | grep -q '0000-00-00\|Plan ends' && not_ok "an empty plan is drawn" ||
	ok "no empty plan (no 0000-00-00, no plan end)"
keys q
wait_for "exit 0" && ok "the planner quits" || not_ok "the planner did not quit"
done_testing
