#!/bin/sh
# Accents, emoji (joined ones too) and CJK cut by display width; LANG=C
# falls back to ASCII.
. "$TOP_SRCDIR/tests/screen/lib.sh"

SPECS="$TOP_SRCDIR/tests/data/screen"
"$CURSUS" --data "$SPECS" --today 2026-11-24 choose EMOJI-A >/dev/null
start 80 24
wait_for "Modules"
keys Enter
expect_screen emoji-80x24 "Café"
keys End Enter
expect_screen emoji-long-title-80x24 "Ünïcödé"
quit

start 80 24 LANG=C
wait_for "Modules"
keys Enter
expect_screen emoji-ascii-80x24 "Cafe"
quit "in LANG=C"

done_testing
