#!/bin/sh
# The layers are real: no object outside the planner's UI files (ui*.c,
# pane_*.c) references a curses symbol. The data layer and the model are
# src/libcursus.a; the commands are the program's other objects.
. "$TOP_SRCDIR/tests/cli/lib.sh"

if ! command -v nm >/dev/null 2>&1; then
	ok "# SKIP nm (binutils) is not installed"
	done_testing
	exit 0
fi

# Every symbol the curses libraries the program is linked with define.
libs=$(ldd "$CURSUS" | awk '/(ncurses|tinfo)/ { print $3 }')
for lib in $libs; do
	nm -D --defined-only "$lib"
done | awk '{ sub(/@.*/, "", $NF); print $NF }' | sort -u >"$WORK/curses-symbols"
[ -s "$WORK/curses-symbols" ] && ok "the curses symbols are known ($(wc -l <"$WORK/curses-symbols"))" ||
	not_ok "no curses library found in ldd $CURSUS"

# uses_curses OBJECT...: the curses symbols the objects reference.
uses_curses() {
	nm -u "$@" 2>/dev/null | awk 'NF { print $NF }' | sort -u | comm -12 - "$WORK/curses-symbols"
}

src="$TOP_BUILDDIR/src"
uses_curses "$src/libcursus.a" >"$WORK/model"
[ ! -s "$WORK/model" ] && ok "the data layer and the model reference no curses symbol" ||
	not_ok "libcursus.a references curses: $(tr '\n' ' ' <"$WORK/model")"

for obj in "$src"/_libs_cursus-*.o; do
	case ${obj##*/} in
	_libs_cursus-ui*.o | _libs_cursus-pane_*.o) continue ;;
	esac
	uses_curses "$obj" >"$WORK/cmd"
	[ ! -s "$WORK/cmd" ] && ok "${obj##*/} references no curses symbol" ||
		not_ok "${obj##*/} references curses: $(tr '\n' ' ' <"$WORK/cmd")"
done

# The check can fail: the planner's loop does reference curses.
uses_curses "$src"/_libs_cursus-ui.o >"$WORK/ui"
grep -qx 'newterm' "$WORK/ui" && ok "the check sees curses where it is (ui.o calls newterm)" ||
	not_ok "ui.o references no newterm: the check looks at the wrong objects"

done_testing
