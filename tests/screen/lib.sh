# Screen tests: the real cursus in a tmux of its own (private socket, no
# configuration), with TERM, size, LANG, TZ, HOME and XDG_* pinned; keys
# are typed with send-keys, the screen captured as text and compared with
# the expected screens in tests/screen/expected. TAP output, like the
# command tests. Set CURSUS_UPDATE_SCREENS=1 to write the expected screens
# anew (then read every one of them before committing).
#
# Nothing here sleeps for a fixed time: keys are sent and each check waits
# until the screen (or the progress file) shows what it expects, up to a
# deadline (5 s, or WAIT_TENTHS tenths of a second), as tmux's regress
# scripts poll capture-pane.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# Without tmux there is nothing to type into: every screen test is skipped
# (test_valgrind.sh, which also checks the plain commands, sets
# TMUX_OPTIONAL and skips only its planner session).
have_tmux=yes
command -v tmux >/dev/null 2>&1 || have_tmux=no
if [ "$have_tmux" = no ] && [ -z "${TMUX_OPTIONAL:-}" ]; then
	echo "1..0 # SKIP tmux is not installed (apt-get install tmux)"
	exit 0
fi

SCREENS="$TOP_SRCDIR/tests/screen/expected"
TMUX_SOCKET="cursus-test-$$-0"
starts=0
export CURSUS_STATE="$WORK/state/progress.yaml"
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

tm() {
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}

# start W H [VAR=VALUE...] -- [cursus arguments]: a fresh session running
# cursus with --today $TODAY (2026-11-24 when unset; TODAY= empty: no
# --today, the planner follows its clock); once it exits, the pane says
# "exit N" and stays.
start() {
	w=$1 h=$2 today=${TODAY-2026-11-24}
	shift 2
	vars=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		vars="$vars $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	# each start gets a server of its own: no waiting for the last to go
	tm kill-server 2>/dev/null
	starts=$((starts + 1))
	TMUX_SOCKET="cursus-test-$$-$starts"
	tm new-session -d -s t -x "$w" -y "$h" \
		"env -i PATH=/usr/bin:/bin HOME=$HOME TERM=screen LANG=C.UTF-8 TZ=UTC \
		CURSUS_STATE=$CURSUS_STATE XDG_DATA_HOME=$XDG_DATA_HOME \
		XDG_STATE_HOME=$XDG_STATE_HOME $vars \
		${WRAPPER:-} $CURSUS --data $SPECS ${today:+--today $today} $*; \
		echo exit \$?; sleep 600"
	tm set -g remain-on-exit on 2>/dev/null
	wait_for "" >/dev/null
}

screen_text() {
	tm capture-pane -p -t t 2>/dev/null | sed 's/ *$//'
}

# poll COMMAND...: runs COMMAND every 50 ms until it succeeds (0), or
# fails (1) once the deadline has passed.
poll() {
	poll_end=$(( $(now_ms) + ${WAIT_TENTHS:-50} * 100 ))
	while ! "$@"; do
		if [ "$(now_ms)" -ge "$poll_end" ]; then
			echo "# waited in vain for: $*"
			return 1
		fi
		sleep 0.05
	done
}

now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

on_screen() {
	screen_text | grep -qF -- "$1"
}

off_screen() {
	! on_screen "$1"
}

# wait_for TEXT: until TEXT is on the screen.
wait_for() {
	poll on_screen "$1"
}

# wait_gone TEXT: until TEXT is no longer on the screen.
wait_gone() {
	poll off_screen "$1"
}

# keys KEY...: typed one after another.
keys() {
	for k in "$@"; do
		tm send-keys -t t "$k"
	done
}

# type TEXT: literal text.
type_text() {
	tm send-keys -t t -l "$1"
}

resize() {
	tm resize-window -t t -x "$1" -y "$2"
}

screen_is() { # screen_is FILE: the screen is FILE's text (kept in $WORK/screen)
	screen_text >"$WORK/screen"
	cmp -s "$1" "$WORK/screen"
}

# expect_screen NAME [WAIT_TEXT]: the screen comes to equal expected/NAME.txt.
expect_screen() {
	[ -n "${2:-}" ] && wait_for "$2"
	if [ "${CURSUS_UPDATE_SCREENS:-}" = 1 ]; then
		sleep 1 # no screen to wait for: let the planner finish drawing
		screen_text >"$SCREENS/$1.txt"
		ok "screen $1 (written)"
	elif poll screen_is "$SCREENS/$1.txt"; then
		ok "screen $1"
	else
		diff -u "$SCREENS/$1.txt" "$WORK/screen" >"$WORK/diff"
		not_ok "screen $1 differs"
		sed 's/^/# /' "$WORK/diff"
	fi
}

# expect_on_screen NAME TEXT
expect_on_screen() {
	if wait_for "$2"; then
		ok "$1"
	else
		not_ok "$1: '$2' not on the screen"
		screen_text | sed 's/^/# | /'
	fi
}

in_state() {
	grep -q -- "$1" "$CURSUS_STATE" 2>/dev/null
}

# expect_gone NAME TEXT: TEXT leaves the screen.
expect_gone() {
	if wait_gone "$2"; then
		ok "$1"
	else
		not_ok "$1: '$2' is still on the screen"
		screen_text | sed 's/^/# | /'
	fi
}

# expect_state NAME PATTERN: a line of the progress file comes to match.
expect_state() {
	if poll in_state "$2"; then
		ok "$1"
	else
		not_ok "$1: no line of the progress file matches '$2'"
	fi
}

# quit: q, and cursus has exited with status 0.
quit() {
	keys q
	expect_on_screen "${1:-quit} exits with 0" "exit 0"
}

# planner_pid: the planner's pid, from tmux: the pane runs a shell (start's
# command line) and cursus is its child. Waits until it is there.
planner_pid() {
	shell=$(tm display -p -t t '#{pane_pid}')
	poll find_planner "$shell"
}

find_planner() { # find_planner SHELL_PID: prints the pid of SHELL_PID's cursus child
	for pid in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
		if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = cursus ]; then
			echo "$pid"
			return 0
		fi
	done
	return 1
}
