#!/bin/sh
# valgrind's memcheck over the plain commands and one scripted planner
# session: no error, nothing definitely lost. Skipped without valgrind;
# without tmux, only the planner session is.
TMUX_OPTIONAL=1
. "$TOP_SRCDIR/tests/screen/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind is not installed (apt-get install valgrind)"
	exit 0
fi
VG="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"

memcheck() { # memcheck NAME cursus-arguments...
	name=$1
	shift
	status=0
	$VG --log-file="$WORK/vg.log" "$CURSUS" --data "$SPECS" --today 2026-12-09 "$@" \
		>/dev/null 2>"$WORK/err" || status=$?
	if [ "$status" -ne 99 ] && [ ! -s "$WORK/vg.log" ]; then
		ok "memcheck: $name"
	else
		not_ok "memcheck: $name (exit $status)"
		sed 's/^/# /' "$WORK/vg.log" | head -40
	fi
}

memcheck "list" list
memcheck "show" show P4-A
memcheck "compare" compare P4
memcheck "check the as-received seed" check "$TOP_SRCDIR/tests/data/P4-A.as-received.md"
memcheck "check every bad spec" check "$TOP_SRCDIR"/tests/data/bad/*.md
memcheck "choose" choose P4-A --start 2026-11-23
memcheck "tick" tick 1.2
memcheck "tick --undo" tick 1.2.1 --undo
memcheck "log" log 1.5
memcheck "schedule" schedule
memcheck "status" status
memcheck "export ics" export
memcheck "export csv" export --format csv
memcheck "export md" export --format md
memcheck "earned" earned --date 2026-12-08

# A planner session under memcheck.
if [ "$have_tmux" = no ]; then
	skip 2 "tmux is not installed: no planner session under memcheck"
	done_testing
	exit 0
fi
WRAPPER="$VG --log-file=$WORK/vg-ui.log"
WAIT_TENTHS=300
TODAY=2026-12-09
start 80 24
wait_for "Modules"
# each step waits for the screen it leads to, so that every key reaches
# the planner it was meant for
keys Enter Down Down Space u U Tab + - L
wait_for "Hours studied on"
type_text "1.5"
keys Enter
wait_for "2026-12-09: 3 h logged." # and the 1.5 h of the log above
keys /
type_text "données"
keys Enter n ?
wait_for "Keys (any key"
keys x o Right Left
wait_for "Choose an option"
keys Escape q
wait_gone "Choose an option"
resize 60 20
keys Tab Tab
resize 80 24
keys q
expect_on_screen "the planner under memcheck quits" "exit"
if screen_text | grep -q "exit 0" && [ ! -s "$WORK/vg-ui.log" ]; then
	ok "memcheck: a scripted planner session"
else
	not_ok "memcheck: the planner session"
	sed 's/^/# /' "$WORK/vg-ui.log" | head -40
	screen_text | tail -3 | sed 's/^/# | /'
fi

done_testing
