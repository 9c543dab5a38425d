#!/bin/sh
# SIGTERM, SIGHUP and SIGINT end the planner with the terminal restored
# and the status a shell gives a program the signal ended (128 + the
# signal's number); an open prompt saves nothing.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null

# gone PID: until the process has ended.
running() {
	kill -0 "$1" 2>/dev/null
}
gone() {
	poll eval "! running $1"
}

# signal_ends NAME STATUS: sends SIGNAME to a running planner.
signal_ends() {
	pid=$(planner_pid) || { not_ok "SIG$1: no planner to signal"; return; }
	kill -s "$1" "$pid"
	gone "$pid" && ok "SIG$1 ends the planner" || not_ok "SIG$1: the planner is still running"
	expect_on_screen "SIG$1: exit $2" "exit $2"
	# the terminal is back: no alternate screen, the cursor shown
	if [ "$(tm display -p -t t '#{alternate_on}#{cursor_flag}')" = "01" ]; then
		ok "SIG$1 restores the terminal"
	else
		not_ok "SIG$1 left the terminal in the planner's mode"
	fi
}

start 80 24
wait_for "Modules"
signal_ends TERM 143

start 80 24
wait_for "Modules"
signal_ends INT 130

# Half-typed hours are not saved when the terminal goes away.
start 80 24
wait_for "Schedule"
keys Tab L
expect_on_screen "L asks" "Hours studied on 2026-11-24:"
type_text "2"
expect_on_screen "2 typed in the prompt" "Hours studied on 2026-11-24: 2"
signal_ends HUP 129
if grep -q "^      2026-11-24: " "$CURSUS_STATE"; then # an hours line
	not_ok "SIGHUP saved the hours of an open prompt"
else
	ok "SIGHUP saves nothing from an open prompt"
fi

done_testing
