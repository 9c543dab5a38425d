#!/bin/sh
# e: the spec in the learner's editor ($VISUAL, else $EDITOR) at the line of
# the selected module, then read again: a topic added keeps every tick; a
# spec the edit broke leaves the last good one on screen and says why; an
# editor that fails or cannot start says so.
. "$TOP_SRCDIR/tests/screen/lib.sh"

VAULT="$WORK/vault"
mkdir -p "$VAULT" "$WORK/my tools"
cp "$TOP_SRCDIR/data/specs/P4-A.md" "$VAULT/"
SPEC="$VAULT/P4-A.md"
cp "$SPEC" "$WORK/P4-A.good"
SPECS="$VAULT" # what start gives --data

# The editor: records its arguments, then does what $WORK/mode says to
# the file: append a topic to the course whose heading is at +LINE, break
# the front matter, put the good spec back, fail, or nothing.
EDIT="$WORK/my tools/edit.sh"
cat >"$EDIT" <<'SCRIPT'
#!/bin/sh
work=$(dirname "$(dirname "$0")")
printf '%s\n' "$@" >"$work/argv"
for arg; do file=$arg; done
case $(cat "$work/mode") in
append)
	from=${3#+}
	# after the course's last item, before its skills
	last=$(awk -v from="$from" 'NR > from && /^\*\*Comp/ { exit }
		NR > from && /^ *- / { last = NR } END { print last }' "$file")
	sed -i "${last}a - Nouveau sujet ajouté" "$file" ;;
break)
	sed -i '11d' "$file" ;; # the line that closes the front matter
restore)
	cp "$work/P4-A.good" "$file"
	sed -i "30a - Nouveau sujet ajouté" "$file" ;;
fail)
	exit 3 ;;
esac
SCRIPT
chmod +x "$EDIT"

"$CURSUS" --data "$VAULT" --today 2026-11-24 choose P4-A >/dev/null
# VISUAL wins over EDITOR; a quoted path with a space is one word.
start 80 24 "VISUAL=\"'$EDIT' --wait\"" "EDITOR=/nonexistent/editor" --
wait_for "Modules  0/30 done"
keys Enter Down Space Down Space
expect_on_screen "ticks before the edit" "Modules  4/30 done"
keys Up Up
echo append >"$WORK/mode"
keys e
expect_on_screen "the spec is read again" "P4-A read again: 3 courses, 31 modules."
printf -- '--wait\n+21\n%s\n' "$SPEC" >"$WORK/argv.expected"
if cmp -s "$WORK/argv.expected" "$WORK/argv"; then
	ok "the editor is given --wait, +LINE of the course and the spec"
else
	not_ok "the editor's arguments"
	diff "$WORK/argv.expected" "$WORK/argv" | sed 's/^/# /'
fi
expect_screen editor-topic-added-80x24 "1.6 Nouveau sujet ajouté"
expect_on_screen "the ticks made before are kept" "Modules  4/31 done"
expect_state "the progress file still has the ticks" 'path: "1.2.3"'

# On a topic, the editor opens at the topic's line.
keys Down
echo fail >"$WORK/mode"
keys e
expect_on_screen "an editor that fails says so" "exited with status 3."
if [ "$(sed -n 2p "$WORK/argv")" = "+23" ]; then
	ok "the editor opens at the selected topic's line"
else
	not_ok "the editor was given $(sed -n 2p "$WORK/argv"), not +23"
fi
expect_on_screen "the planner is still there after it" "1.6 Nouveau sujet ajouté"

# A spec the edit broke: the last good one stays, the error says where.
echo break >"$WORK/mode"
keys e
expect_on_screen "a broken spec is said, with its file" "$SPEC:"
expect_on_screen "the spec shown is the last good one" "1.6 Nouveau sujet ajouté"
expect_on_screen "with its ticks" "Modules  4/31 done"
keys Down
expect_gone "the message goes with the next key" "$SPEC:"
echo restore >"$WORK/mode"
keys e
expect_on_screen "mended, the spec is read again" "P4-A read again: 3 courses, 31 modules."
expect_on_screen "with the ticks" "Modules  4/31 done"
echo none >"$WORK/mode"
keys e
expect_on_screen "an editor that changes nothing" "P4-A: the spec is unchanged."
quit

# No editor to start: said, and the planner goes on.
start 80 24 "EDITOR=/nonexistent/editor" --
wait_for "Modules"
keys e
expect_on_screen "an editor that cannot start says so" \
	"cannot start '/nonexistent/editor': No such file or directory"
keys Down
expect_on_screen "the planner goes on" "Modules"
quit "after a missing editor"

done_testing
