#!/bin/sh
# Hostile terminals: hundreds of resizes while keys are typed, 1x1 and
# 20x5 windows; the planner keeps running, keeps every change, and draws
# right once the storm is over.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
start 80 24
wait_for "Modules"
resizes=300
i=0
while [ $i -lt $resizes ]; do
	w=$(( (i * 37) % 150 + 1 )) h=$(( (i * 17) % 50 + 1 ))
	tm resize-window -t t -x "$w" -y "$h"
	case $((i % 4)) in
	0) tm send-keys -t t j ;;
	1) tm send-keys -t t Tab ;;
	2) tm send-keys -t t k ;;
	3) tm send-keys -t t Tab Tab ;;
	esac
	i=$((i + 1))
done
resize 1 1
resize 20 5
expect_on_screen "20x5 says it is too small" "too small"
resize 80 24
expect_on_screen "$resizes resizes with keys: still running" "Modules  0/30 done"
# A change after the storm is saved and shown.
keys Home Space
expect_on_screen "a tick after the storm" "Ticked 1."
expect_state "and it is saved" 'path: "1.5"'
expect_screen after-storm-80x24
quit "after the storm"

done_testing
