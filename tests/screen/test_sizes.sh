#!/bin/sh
# Layouts: all panes from 80x24, one at a time below, a message when too
# small; resizes at any moment, a prompt's included.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
"$CURSUS" --data "$SPECS" --today 2026-11-24 tick 1.2 >/dev/null
"$CURSUS" --data "$SPECS" --today 2026-11-24 log 2 >/dev/null
TODAY=2026-12-02
start 120 40
expect_screen planner-120x40 "Certificate"
resize 60 20
expect_screen planner-60x20 "[Modules]"
expect_on_screen "narrow, the hints keep help and quit" " L log  ? help  q quit"
keys Tab
expect_screen schedule-60x20 "[Schedule]"
resize 30 10
expect_screen planner-30x10 "[Schedule]"
resize 20 5
expect_screen too-small-20x5 "too small"
resize 80 24
expect_on_screen "back to three panes" "Certificate"

# A resize while the prompt is open keeps the prompt and what was typed.
keys L
type_text "1.5"
resize 100 30
expect_on_screen "the prompt survives a resize" "Hours studied on 2026-12-02: 1.5"
resize 40 12
expect_on_screen "and another" "1.5"
keys Enter
expect_on_screen "and still works" "2026-12-02: 1.5 h logged."
resize 80 24
quit "after resizes"

# A storm of resizes while keys are typed: still alive, still right.
start 80 24
wait_for "Modules"
for i in 1 2 3 4 5 6 7 8 9 10; do
	tm resize-window -t t -x $((40 + i * 7)) -y $((12 + i))
	tm send-keys -t t j
done
resize 80 24
expect_on_screen "alive after a resize storm" "Modules  3/30 done"
quit "after a storm"

done_testing
