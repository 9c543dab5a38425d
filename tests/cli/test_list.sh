#!/bin/sh
# cursus list: one line per program, read from front matter only.
. "$TOP_SRCDIR/tests/cli/lib.sh"

run "$CURSUS" list --data "$SPECS"
expect_status "list shipped" 0
expect_file "list shipped" out "$EXPECTED/list.txt"
expect_empty "list shipped" err

# Without --data, an uninstalled build finds the source tree's specs.
run "$CURSUS" list
expect_status "list default path" 0
expect_file "list default path" out "$EXPECTED/list.txt"

# A broken spec is reported by name and line; the others are still listed.
run "$CURSUS" list --data "$DATA/mixed"
expect_status "list with a broken spec" 1
expect_text "list with a broken spec" out "DUP-A   A  First duplicate   -
GOOD-A  A  Good one          -
P9-A    A  Sorts before P10  -
P10-A   A  Sorts after P9    -"
expect_grep "broken spec named with its line" err \
	"^cursus: $DATA/mixed/broken.md:4: front matter is not valid YAML"
expect_grep "duplicate id named" err \
	"^cursus: $DATA/mixed/dup2.md: id 'DUP-A' is already used by $DATA/mixed/dup1.md"

# Bodies are not read: a spec whose body is not valid UTF-8 still lists.
mkdir -p "$WORK/lazy"
printf -- '---\nid: "LAZY-A"\nnom: "Body never read"\n---\n# \377\376 broken body\n' \
	>"$WORK/lazy/lazy.md"
run "$CURSUS" list --data "$WORK/lazy"
expect_status "list reads front matter only" 0
run "$CURSUS" show LAZY-A --data "$WORK/lazy"
expect_status "show reads the body" 1
expect_grep "show names the bad byte" err "lazy.md:5: invalid UTF-8 at byte offset 46"

# No spec on the path: an empty answer (status 0), and where it looked.
mkdir -p "$WORK/empty"
run "$CURSUS" list --data "$WORK/empty"
expect_status "list with no specs" 0
expect_empty "no specs: nothing listed" out
expect_text "no specs: where it looked, and how to say where" err \
	"cursus: no specs found in $WORK/empty (name a folder of specs with --data or CURSUS_PATH; see THE VAULT in cursus(1))"
run env CURSUS_PATH="$WORK/nope:$WORK/empty" "$CURSUS" list
expect_grep "CURSUS_PATH: every folder looked in is named" err \
	"no specs found in $WORK/nope, $WORK/empty "
# check says which folder of CURSUS_PATH is missing, as a warning.
run env CURSUS_PATH="$WORK/nope:$SPECS" "$CURSUS" check
expect_status "check with a missing CURSUS_PATH folder" 0
expect_grep "the missing CURSUS_PATH folder is named" err \
	"^cursus: $WORK/nope: warning: cannot read directory: No such file or directory"

run "$CURSUS" list extra
expect_status "list takes no arguments" 1

done_testing
