#!/bin/sh
# The program make builds (and make install installs) holds no path of the
# build tree; README's start command ends in ./src/cursus, run from the top
# of the build, and that opens the shipped specs in data/specs.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# build_paths DIR: the program's strings that hold DIR, but for the
# installation directories (make distcheck installs inside the tree).
build_paths() {
	LC_ALL=C tr -c '[:print:]' '\n' <"$CURSUS" | grep -F -- "$1" |
		awk -v p="${INSTALL_PREFIX:-/nonexistent}/" 'index($0, p) != 1'
}
for dir in $(printf '%s\n' "$TOP_BUILDDIR" "$TOP_SRCDIR" "$(cd "$TOP_BUILDDIR" && pwd -P)" \
	"$(cd "$TOP_SRCDIR" && pwd -P)" | sort -u); do
	build_paths "$dir" >"$WORK/paths"
	if [ -s "$WORK/paths" ]; then
		not_ok "the program holds the path $dir"
		sed 's/^/# /' "$WORK/paths" | head -5
	else
		ok "the program does not hold $dir"
	fi
done

# README's last step, with nothing set that would find the specs otherwise.
unset CURSUS_SHIPPED_SPECS
run sh -c 'cd "$TOP_BUILDDIR" && ./src/cursus list'
expect_status "./src/cursus list" 0
expect_grep "./src/cursus finds P4-A in data/specs" out "^P4-A "
expect_grep "./src/cursus finds P4-B in data/specs" out "^P4-B "
run sh -c 'cd "$TOP_BUILDDIR" && ./src/cursus check'
expect_grep "./src/cursus reads P4-A from the source tree" out "^$TOP_SRCDIR/data/specs/P4-A.md: ok"
expect_grep "./src/cursus reads P4-B from the source tree" out "^$TOP_SRCDIR/data/specs/P4-B.md: ok"

# ... and opens the planner on them (the chooser, as nothing is chosen).
if command -v tmux >/dev/null 2>&1; then
	sock="cursus-build-$$"
	tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 -c "$TOP_BUILDDIR" \
		"env TERM=screen LANG=C.UTF-8 ./src/cursus --today 2026-11-24"
	i=0
	until tmux -L "$sock" capture-pane -p -t 0 2>/dev/null | grep -qF "Choose an option for P4"; do
		i=$((i + 1))
		[ $i -ge 50 ] && break
		sleep 0.1
	done
	if [ $i -lt 50 ]; then
		ok "./src/cursus opens the planner on the shipped specs"
	else
		not_ok "./src/cursus did not show the shipped options"
		tmux -L "$sock" capture-pane -p -t 0 2>/dev/null | sed 's/^/# | /'
	fi
	tmux -L "$sock" kill-server 2>/dev/null
else
	skip 1 "tmux is not installed: the planner is not opened"
fi

done_testing
