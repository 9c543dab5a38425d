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
# ten resizes and their keys per tmux command: a tmux client per step
# took most of the test's time
while [ $i -lt $resizes ]; do
	set --
	while [ $# -lt 120 ] && [ $i -lt $resizes ]; do
		w=$(( (i * 37) % 150 + 1 )) h=$(( (i * 17) % 50 + 1 ))
		case $((i % 4)) in
		0) k="j" ;;
		1) k="Tab" ;;
		2) k="k" ;;
		3) k="Tab Tab" ;;
		esac
		set -- "$@" resize-window -t t -x "$w" -y "$h" ";" send-keys -t t $k ";"
		i=$((i + 1))
	done
	tm "$@"
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
