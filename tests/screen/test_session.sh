#!/bin/sh
# Quitting and reopening shows the same state; no colour under NO_COLOR,
# --no-color or the configuration's color: false;
# the planner refuses terminals it cannot drive. Signals are in
# test_signals.sh.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
start 80 24
wait_for "Modules"
keys Enter Down Space Tab + + +
wait_for "2026-11-24: 1.5 h logged."
screen_text | sed -n '1,23p' >"$WORK/before"
quit "first session"
start 80 24
wait_for "Modules"
keys Enter Down Tab
same_as_before() {
	screen_text | sed -n '1,23p' >"$WORK/after"
	cmp -s "$WORK/before" "$WORK/after"
}
if poll same_as_before; then
	ok "reopening shows the same state"
else
	not_ok "the state differs after reopening"
	diff -u "$WORK/before" "$WORK/after" | sed 's/^/# /'
fi

# Colours (past weeks' bars are green or red): some with TERM=screen-256color
# or screen, none with NO_COLOR or --no-color.
TODAY=2026-12-09
colours() {
	tm capture-pane -p -e -t t | grep -c "$(printf '\033')\[[0-9;]*3[0-7]m" || true
}
coloured() {
	[ "$(colours)" -gt 0 ]
}
start 80 24 TERM=screen-256color
wait_for "Modules"
poll coloured && ok "colours in 256-colour terminals" || not_ok "no colours at all"
quit "in colour"
start 80 24 TERM=screen-256color NO_COLOR=1
wait_for "Modules"
[ "$(colours)" -eq 0 ] && ok "NO_COLOR: no colours" || not_ok "colours despite NO_COLOR"
quit "with NO_COLOR"
start 80 24 TERM=screen
wait_for "Modules"
poll coloured && ok "colours in 8-colour terminals" || not_ok "no colours with TERM=screen"
quit "in 8 colours"
start 80 24 TERM=screen -- --no-color
wait_for "Modules"
[ "$(colours)" -eq 0 ] && ok "--no-color: no colours" || not_ok "colours despite --no-color"
quit "with --no-color"
# The configuration's color: false is NO_COLOR; color: true never wins over
# NO_COLOR or --no-color.
printf 'color: false\n' >"$WORK/no-colour.yaml"
printf 'color: true\n' >"$WORK/colour.yaml"
start 80 24 TERM=screen-256color CURSUS_CONFIG="$WORK/no-colour.yaml"
wait_for "Modules"
[ "$(colours)" -eq 0 ] && ok "color: false: no colours" || not_ok "colours despite color: false"
quit "with color: false"
start 80 24 TERM=screen-256color CURSUS_CONFIG="$WORK/colour.yaml"
wait_for "Modules"
poll coloured && ok "color: true: colours" || not_ok "no colours with color: true"
quit "with color: true"
start 80 24 TERM=screen-256color CURSUS_CONFIG="$WORK/colour.yaml" NO_COLOR=1
wait_for "Modules"
[ "$(colours)" -eq 0 ] && ok "NO_COLOR wins over color: true" || not_ok "colours: color: true won over NO_COLOR"
quit "with NO_COLOR and color: true"
start 80 24 TERM=screen-256color CURSUS_CONFIG="$WORK/colour.yaml" -- --no-color
wait_for "Modules"
[ "$(colours)" -eq 0 ] && ok "--no-color wins over color: true" || not_ok "colours: color: true won over --no-color"
quit "with --no-color and color: true"
# A broken configuration: the planner still opens, without it; what is
# wrong is on the terminal once it closes, and the status says so.
printf 'color: maybe\n' >"$WORK/broken.yaml"
start 80 24 CURSUS_CONFIG="$WORK/broken.yaml"
wait_for "Modules"
keys q
expect_on_screen "a broken configuration: said with its line" "broken.yaml:1: color 'maybe'"
expect_on_screen "a broken configuration: the planner exits with 1" "exit 1"

# A sync tool's conflict copy beside the progress file: said on the screen
# once the planner is open (the key hints come back at the next key), and
# on the terminal by the commands.
copy="$(dirname "$CURSUS_STATE")/progress.sync-conflict-20261125-101010-ABCDEFG.yaml"
cp "$CURSUS_STATE" "$copy"
start 80 24
expect_on_screen "a conflict copy is said in the planner" \
	"Conflict copy of the progress file found: see 'cursus status' to merge it."
keys j
expect_on_screen "the key hints are back at the next key" "q quit"
quit "beside a conflict copy"
copy2="$(dirname "$CURSUS_STATE")/progress.sync-conflict-20261126-090909-HIJKLMN.yaml"
cp "$CURSUS_STATE" "$copy2"
start 80 24
expect_on_screen "two conflict copies are said as such" "Conflict copies of the progress file found"
quit "beside two conflict copies"
rm "$copy" "$copy2"
# Without a copy the hints stay: once the planner has redrawn for a new
# size (a notice would have come before), its bottom line is the hints'.
start 80 24
wait_for "Modules"
resize 100 30
hints_at_bottom() { screen_text | sed -n 30p | grep -q "q quit"; }
poll hints_at_bottom && ok "no conflict copy, no notice" ||
	{ not_ok "a notice without a conflict copy"; screen_text | sed 's/^/# | /'; }
# A copy that a sync tool leaves as it changes the progress file, while
# the planner is open: said after the reload's own message.
cp "$CURSUS_STATE" "$copy"
printf '# changed elsewhere\n' >>"$CURSUS_STATE"
expect_on_screen "a progress file changed outside: reloaded" "changed outside the planner: reloaded"
keys j
expect_on_screen "then the copy that came with it is said" "Conflict copy of the progress file found"
quit "after a reload beside a copy"
# When the planner cannot open, the copy is said as the commands say it:
# it may be why the progress file cannot be read.
cp "$CURSUS_STATE" "$WORK/good.yaml"
printf 'version: 1\ncurrent: [\n' >"$CURSUS_STATE"
start 80 24
expect_on_screen "a progress file that cannot be read stops the planner" "exit 1"
# (the warning wraps where its paths make it: read with lines joined)
copy_named() { tm capture-pane -p -J -t t | grep -qF "$copy: warning: a sync tool's conflict copy"; }
poll copy_named && ok "and the conflict copy beside it is named" ||
	{ not_ok "the conflict copy is not named"; screen_text | sed 's/^/# | /'; }
cp "$WORK/good.yaml" "$CURSUS_STATE"
rm "$copy"

# Terminals it cannot drive: a clear message, and the commands still work.
start 80 24 TERM=dumb
expect_on_screen "TERM=dumb is refused clearly" "cannot place text on the screen"
expect_on_screen "with status 1" "exit 1"
start 80 24 TERM=no-such-terminal
expect_on_screen "an unknown TERM is refused clearly" "is not known here"
run env TERM=dumb "$CURSUS" --data "$SPECS" status
expect_status "the commands work with TERM=dumb" 0
run sh -c "\"$CURSUS\" --data \"$SPECS\" </dev/null >/dev/null"
expect_status "no terminal at all" 1
expect_grep "no terminal explained" err "the planner needs a terminal"

# A spec left out (its front matter broken) is said on the first frame,
# not only on stderr, which the planner's screen hides.
mkdir -p "$WORK/broken"
printf -- '---\nid: "X-1"\nnom: [unclosed\n---\n# X\n' >"$WORK/broken/x.md"
start 80 24 -- --data "$WORK/broken"
expect_on_screen "a spec left out is said in the planner" \
	"1 spec is left out (x.md): 'cursus check' says why."
keys Down
expect_gone "the notice goes with the next key" "1 spec is left out"
quit "the planner with a spec left out"

# An option whose body is broken (invalid UTF-8) is left out of the
# chooser, and the chooser says which file, where.
mkdir -p "$WORK/bad-body"
cp "$SPECS"/P4-A.md "$SPECS"/P4-B.md "$WORK/bad-body/"
printf '\377\n' >>"$WORK/bad-body/P4-B.md"
rm -f "$CURSUS_STATE"
# start_on DIR: the planner on DIR alone (start always gives --data $SPECS)
start_on() {
	shipped=$SPECS
	SPECS=$1
	start 80 24
	SPECS=$shipped
}
start_on "$WORK/bad-body"
expect_on_screen "an option with a broken body is said" "P4-B.md:141: invalid UTF-8"
expect_gone "the chooser has one option left" "Option B"
quit "the chooser with an option left out"

# The option left out is the one chosen: the chooser says so, since Enter
# would replace the choice; nothing is written until it is pressed.
"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-B >/dev/null
start_on "$WORK/bad-body"
expect_on_screen "the choice that cannot be read is named" \
	"P4-B, chosen for P4, cannot be read (see 'cursus check'): Enter picks another"
keys Down
quit "the chooser over a choice that cannot be read"
expect_state "the choice is kept until Enter" "^  P4: P4-B$"

done_testing
