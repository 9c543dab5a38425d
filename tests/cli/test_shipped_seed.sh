#!/bin/sh
# data/specs/P4-A.md is the learner's file repaired by cursus's own decoder,
# byte for byte; an independent decoder (Python's mac_roman codec) agrees.
. "$TOP_SRCDIR/tests/cli/lib.sh"

run "$TOP_BUILDDIR/tests/tools/repair-text" "$DATA/P4-A.as-received.md"
expect_status "repair the as-received seed" 0
expect_file "repaired seed is the shipped P4-A" out "$SPECS/P4-A.md"
expect_text "repair report" err \
	"$DATA/P4-A.as-received.md: 142 sequences repaired as Mac Roman"

if grep -q $(printf '\342\210\232') "$SPECS/P4-A.md"; then
	not_ok "shipped P4-A still has '√'"
else
	ok "shipped P4-A has no Mac Roman damage left"
fi

py=
for p in /usr/bin/python3 python3; do
	command -v "$p" >/dev/null 2>&1 && { py=$p; break; }
done
if [ -n "$py" ]; then
	run "$py" -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding="utf-8").read().encode("mac_roman").decode("utf-8").encode("utf-8"))' \
		"$DATA/P4-A.as-received.md"
	expect_file "python's mac_roman codec agrees" out "$SPECS/P4-A.md"
else
	skip 1 "python3 is not installed: no second Mac Roman decoder"
fi

done_testing
