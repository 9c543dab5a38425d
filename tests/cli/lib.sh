# Shared by the command-line tests: a hermetic environment and TAP output,
# one "ok"/"not ok" line per check, read by automake's tap-driver.
# Expects CURSUS (the program) and TOP_SRCDIR in the environment.
set -u

: "${CURSUS:?CURSUS must name the cursus program}"
: "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}"
DATA="$TOP_SRCDIR/tests/data"
EXPECTED="$TOP_SRCDIR/tests/cli/expected"
SPECS="$TOP_SRCDIR/data/specs"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cursus-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg-data" XDG_CACHE_HOME="$WORK/xdg-cache" \
	XDG_STATE_HOME="$WORK/xdg-state" XDG_CONFIG_HOME="$WORK/xdg-config" \
	TZ=UTC LC_ALL=C.UTF-8
unset CURSUS_PATH CURSUS_STATE CURSUS_CONFIG
# gettext heeds LANGUAGE in every locale but C, C.UTF-8 included: a
# learner's LANGUAGE=fr would turn the English expectations French.
unset LANGUAGE
mkdir -p "$HOME"

# as_learner CMD...: runs CMD as an unprivileged user when we are root
# (root reads and writes any file, which would hide the cases tested).
# cursus itself runs from a copy in $WORK: the build tree may sit in a
# directory that nobody else can enter (a clone in /root).
as_learner() {
	if [ "$(id -u)" != 0 ]; then
		"$@"
		return
	fi
	chmod 755 "$WORK"
	if [ "$1" = "$CURSUS" ]; then
		shift
		[ -x "$WORK/learner-cursus" ] || install -m 755 "$CURSUS" "$WORK/learner-cursus"
		set -- "$WORK/learner-cursus" "$@"
	fi
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
}

# can_be_learner: as_learner works here (as root, it needs setpriv, from
# util-linux; a test that cannot run as the learner skips those checks).
can_be_learner() {
	[ "$(id -u)" != 0 ] || command -v setpriv >/dev/null 2>&1
}

tap_count=0
tap_failed=0

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1"
}

# skip N WHY: N checks that cannot be made here (a tool is missing), each
# counted as "ok N # SKIP WHY", which automake's tap-driver reports as SKIP.
skip() {
	i=0
	while [ $i -lt "$1" ]; do
		tap_count=$((tap_count + 1))
		echo "ok $tap_count # SKIP $2"
		i=$((i + 1))
	done
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $1"
}

# run CMD...: runs cursus-like commands, keeping stdout, stderr and status
# in $WORK/out, $WORK/err and $status.
run() {
	status=0
	"$@" >"$WORK/out" 2>"$WORK/err" || status=$?
}

# expect_status NAME N: the last run exited with N.
expect_status() {
	if [ "$status" -eq "$2" ]; then
		ok "$1: exit $2"
	else
		not_ok "$1: exit $status, expected $2"
		sed 's/^/# stderr: /' "$WORK/err"
	fi
}

# expect_file NAME WHICH FILE: stdout or stderr of the last run equals FILE.
# With CURSUS_UPDATE_EXPECTED=1, FILE is written anew (read every diff
# before committing).
expect_file() {
	if [ "${CURSUS_UPDATE_EXPECTED:-}" = 1 ] && [ "$3" != "$WORK/expected-text" ]; then
		cp "$WORK/$2" "$3"
	fi
	if diff -u "$3" "$WORK/$2" >"$WORK/diff"; then
		ok "$1: $2 as expected"
	else
		not_ok "$1: $2 differs from $(basename "$3")"
		sed 's/^/# /' "$WORK/diff"
	fi
}

# expect_text NAME WHICH TEXT: stdout or stderr of the last run is TEXT.
expect_text() {
	printf '%s\n' "$3" >"$WORK/expected-text"
	expect_file "$1" "$2" "$WORK/expected-text"
}

# expect_grep NAME WHICH PATTERN: a line of stdout or stderr matches.
expect_grep() {
	if grep -q -- "$3" "$WORK/$2"; then
		ok "$1"
	else
		not_ok "$1: no line of $2 matches '$3'"
		sed "s/^/# $2: /" "$WORK/$2"
	fi
}

# expect_empty NAME WHICH
expect_empty() {
	if [ ! -s "$WORK/$2" ]; then
		ok "$1: nothing on $2"
	else
		not_ok "$1: unexpected $2"
		sed "s/^/# $2: /" "$WORK/$2"
	fi
}

# has_locale NAME: installed (locale -a writes utf8 for UTF-8).
has_locale() {
	locale -a 2>/dev/null | sed 's/utf8$/UTF-8/' | grep -qx "$1"
}

# nls_enabled: the build speaks the languages of po/ (not --disable-nls).
nls_enabled() {
	grep -q '^#define ENABLE_NLS 1' "$TOP_BUILDDIR/config.h"
}

# The plan comes last; failures are in the "not ok" lines, so the script
# itself exits 0 unless it broke off (then the plan is missing: an error).
done_testing() {
	echo "1..$tap_count"
}
