#!/bin/sh
# cursus check: validation with file:line errors and exit status.
. "$TOP_SRCDIR/tests/cli/lib.sh"

cd "$DATA" || exit 1

run "$CURSUS" check P4-A.as-received.md
expect_status "check as-received seed" 0
expect_text "check as-received seed" out "P4-A.as-received.md: ok (P4-A, 3 courses, 37 topics)"
expect_text "repair is a warning" err \
	"cursus: P4-A.as-received.md:5: warning: repaired Mac Roman mojibake: 142 damaged sequences (first '√†' -> 'à')"

run "$CURSUS" check "$SPECS/P4-A.md" "$SPECS/P4-B.md"
expect_status "check shipped specs" 0
expect_empty "check shipped specs" err

# Without arguments: every spec of the search path.
run "$CURSUS" check
expect_status "check the search path" 0
expect_grep "check finds P4-B" out "P4-B.md: ok (P4-B, 10 courses"

# Each bad spec: exit 1 and the exact error.
for f in bad/*.md; do
	case $f in bad/negative-effort.md) continue ;; esac
	run "$CURSUS" check "$f"
	expect_status "check $f" 1
done
run "$CURSUS" check bad/*.md
expect_file "every bad spec's error" err "$EXPECTED/check-bad.txt"

run "$CURSUS" check ok/*.md
expect_status "edge cases that are fine" 0
expect_file "warnings on the edge cases" err "$EXPECTED/check-ok.txt"

run "$CURSUS" check no-such-file.md
expect_status "missing file" 1
expect_text "missing file" err "cursus: no-such-file.md: cannot read: No such file or directory"

done_testing
