#!/bin/sh
# Links on the Certificate pane: Enter on a note of the vault opens it in
# $PAGER, and the planner comes back whole; a missing link says so.
. "$TOP_SRCDIR/tests/screen/lib.sh"

VAULT="$WORK/vault"
mkdir -p "$VAULT"
cp "$TOP_SRCDIR/data/specs/P4-A.md" "$VAULT/"
printf '# Duke or IBM\n' >"$VAULT/choice-duke-vs-ibm.md"
SPECS="$VAULT"

# The pager: records the file it is given, writes to the terminal (which
# must not stay on the planner's screen), and exits; with $WORK/hold, it
# first waits until that file is gone (or for Ctrl-C).
PAGER_SH="$WORK/pager.sh"
cat >"$PAGER_SH" <<'SCRIPT'
#!/bin/sh
work=$(dirname "$0")
printf '%s\n' "$@" >"$work/paged"
echo "PAGER OUTPUT LEFT BEHIND"
if [ -e "$work/hold" ]; then
	echo running >"$work/held"
	while [ -e "$work/hold" ]; do sleep 0.05; done
fi
SCRIPT
chmod +x "$PAGER_SH"

"$CURSUS" --data "$VAULT" --today 2026-11-24 choose P4-A >/dev/null
start 80 24 "PAGER=$PAGER_SH" --
wait_for "Modules  0/30 done"
expect_on_screen "the links are on the Certificate pane" "Links     Page Coursera de la"
keys Tab Tab Down Down
expect_on_screen "the third link comes into view" "Comparaison avec l'opti…"
keys Enter
if poll test -s "$WORK/paged" && [ "$(cat "$WORK/paged")" = "$VAULT/choice-duke-vs-ibm.md" ]; then
	ok "the pager is given the note's file"
else
	not_ok "the pager was given '$(cat "$WORK/paged" 2>/dev/null)'"
fi
expect_screen pager-back-80x24 "Comparaison avec l'opti…"
if on_screen "PAGER OUTPUT"; then
	not_ok "the pager's output is left on the screen"
else
	ok "nothing of the pager's output is left on the screen"
fi

# The terminal resized while the pager has it: the planner comes back at
# the new size.
touch "$WORK/hold"
keys Enter
poll test -e "$WORK/held" >/dev/null
resize 100 30
rm "$WORK/hold"
expect_screen pager-resized-100x30 "Comparaison avec l'option IBM"
resize 80 24
wait_for "Comparaison avec l'opti…"

# Ctrl-C in the pager ends the pager, not the planner.
rm -f "$WORK/held"
touch "$WORK/hold"
keys Enter
poll test -e "$WORK/held" >/dev/null
keys C-c
expect_on_screen "Ctrl-C ends the pager and says so" "pager.sh' was ended by signal 2"
rm "$WORK/hold"
keys Down
expect_on_screen "the planner goes on after Ctrl-C" "Modules  0/30 done"

# A web link is not opened; a missing one says so.
keys Home Enter
expect_on_screen "a web link is not opened" "A web link, not opened here: https://www.coursera.org"
rm "$VAULT/choice-duke-vs-ibm.md" "$WORK/paged"
quit

start 80 24 "PAGER=$PAGER_SH" --
wait_for "Modules"
keys Tab Tab End
expect_on_screen "a missing link is marked" "Comparaison ave… missing"
keys Enter
expect_on_screen "Enter on it says it is missing" \
	"Missing: no note 'choice-duke-vs-ibm.md' in the vault (line 143 of the spec)."
if [ -e "$WORK/paged" ]; then
	not_ok "the pager was run for a missing note"
else
	ok "no pager for a missing note"
fi
quit "after a missing link"

done_testing
