# Screen tests: the real cursus in a tmux of its own (private socket, no
# configuration), with TERM, size, LANG, TZ, HOME and XDG_* pinned; keys
# are typed with send-keys, the screen captured as text and compared with
# the expected screens in tests/screen/expected. TAP output, like the
# command tests. Set CURSUS_UPDATE_SCREENS=1 to write the expected screens
# anew (then read every one of them before committing).
. "$TOP_SRCDIR/tests/cli/lib.sh"

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

# wait_for TEXT: until TEXT is on the screen (5 s at most, or
# WAIT_TENTHS tenths of a second).
wait_for() {
	i=0
	while [ $i -lt "${WAIT_TENTHS:-50}" ]; do
		if screen_text | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# keys KEY...: typed one after another, then a moment for the screen.
keys() {
	for k in "$@"; do
		tm send-keys -t t "$k"
	done
	sleep 0.3
}

# type TEXT: literal text.
type_text() {
	tm send-keys -t t -l "$1"
	sleep 0.2
}

resize() {
	tm resize-window -t t -x "$1" -y "$2"
	sleep 0.4
}

# expect_screen NAME [WAIT_TEXT]: the screen equals expected/NAME.txt.
expect_screen() {
	[ -n "${2:-}" ] && wait_for "$2"
	screen_text >"$WORK/screen"
	if [ "${CURSUS_UPDATE_SCREENS:-}" = 1 ]; then
		cp "$WORK/screen" "$SCREENS/$1.txt"
		ok "screen $1 (written)"
	elif diff -u "$SCREENS/$1.txt" "$WORK/screen" >"$WORK/diff"; then
		ok "screen $1"
	else
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

# expect_state NAME PATTERN: a line of the progress file matches.
expect_state() {
	if grep -q -- "$2" "$CURSUS_STATE" 2>/dev/null; then
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
