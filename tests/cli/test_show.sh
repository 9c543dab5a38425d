#!/bin/sh
# cursus show ID: every course and topic with its PATH and box.
. "$TOP_SRCDIR/tests/cli/lib.sh"

run "$CURSUS" show P4-A --data "$SPECS"
expect_status "show P4-A" 0
expect_file "show P4-A" out "$EXPECTED/show-P4-A.txt"
expect_empty "show P4-A" err

run "$CURSUS" show P4-B --data "$SPECS"
expect_status "show P4-B" 0
expect_file "show P4-B" out "$EXPECTED/show-P4-B.txt"

# The as-received seed shows exactly like the repaired one (beside the
# comparison note it links to, as the shipped spec is).
mkdir -p "$WORK/seed"
cp "$DATA/P4-A.as-received.md" "$SPECS/choice-duke-vs-ibm.md" "$WORK/seed/"
run "$CURSUS" show P4-A --data "$WORK/seed"
expect_status "show as-received seed" 0
expect_file "show as-received seed" out "$EXPECTED/show-P4-A.txt"

# Ids are matched ignoring case.
run "$CURSUS" show p4-a --data "$SPECS"
expect_file "show p4-a" out "$EXPECTED/show-P4-A.txt"

# Every PATH is unique and numbered as tick will want it.
run "$CURSUS" show P4-A --data "$SPECS"
paths=$(grep -E '^ *[0-9]+(\.[0-9]+)* \[ \] ' "$WORK/out" | awk '{print $1}')
if [ "$(printf '%s\n' "$paths" | sort | uniq -d)" = "" ] &&
   [ "$(printf '%s\n' "$paths" | wc -l)" -eq 40 ]; then
	ok "40 unique paths (3 courses, 37 topics)"
else
	not_ok "paths are not 40 unique ones"
fi
expect_grep "sub-topic path" out '^    1\.2\.1 \[ \] Apprentissage supervisé$'
expect_grep "course with hours" out "^2 \[ \] Gérer les projets d'apprentissage automatique (18 h stated, 31.8 h planned)$"

run "$CURSUS" show NOPE --data "$SPECS"
expect_status "unknown id" 1
expect_text "unknown id" err "cursus: no program with id 'NOPE' (see 'cursus list')"

run "$CURSUS" show
expect_status "show needs an id" 1

done_testing
