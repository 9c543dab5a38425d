#!/bin/sh
# The bad-input corpus: every file gets its exact error (file and line),
# never a crash; a broken file never hides the good ones. The fixed files
# are in tests/data/bad and tests/data/ok; the ones too big or too odd to
# keep in git are made here.
. "$TOP_SRCDIR/tests/cli/lib.sh"

B="$WORK/bad"
mkdir -p "$B"
chmod 755 "$WORK" "$B"

# 1 MB on one line is a long paragraph, not an error.
{
	printf -- '---\nid: "LONG-A"\nnom: "One long line"\n---\n## Description\n'
	head -c 1048576 /dev/zero | tr '\0' 'a'
	printf '\n## Programme\n### Cours 1 : Court (2h)\n'
} >"$B/long-line.md"
run "$CURSUS" check "$B/long-line.md"
expect_status "1 MB on one line" 0
expect_text "1 MB on one line" out "$B/long-line.md: ok (LONG-A, 1 course, 0 topics)"

# 100 MB is not a spec (and is not read to its end to find that out).
truncate -s 100M "$B/huge.md"
run "$CURSUS" check "$B/huge.md"
expect_status "a 100 MB file" 1
expect_text "a 100 MB file" err "cursus: $B/huge.md:1: not a spec: no front matter"
rm -f "$B/huge.md"
# A spec that size is refused as such.
{ printf -- '---\nid: "HUGE-A"\nnom: "Huge"\n---\n'; head -c 9000000 /dev/zero | tr '\0' 'a'; } >"$B/huge.md"
run "$CURSUS" check "$B/huge.md"
expect_status "a 9 MB spec" 1
expect_text "a 9 MB spec" err \
	"cursus: $B/huge.md: file too large (9000033 bytes; a spec may have at most 8388608)"
rm -f "$B/huge.md"

# 10,000 nested list levels ("- - - ... x": each marker opens a list inside
# the item before): read to the depth cursus keeps, quickly.
awk 'BEGIN {
	printf "---\nid: \"DEEP-A\"\nnom: \"Profond\"\n---\n## Programme\n### Cours 1 : Profond\n**Contenu :**\n"
	for (i = 0; i < 10000; i++) printf "- "
	printf "fond\n"
}' >"$B/deep.md"
start=$(date +%s)
run "$CURSUS" check "$B/deep.md"
elapsed=$(( $(date +%s) - start ))
expect_status "10,000 nested levels" 0
expect_text "10,000 nested levels" err \
	"cursus: $B/deep.md:8: warning: lists nested deeper than 8 levels are ignored"
[ "$elapsed" -le 20 ] && ok "10,000 nested levels in ${elapsed} s" ||
	not_ok "10,000 nested levels took ${elapsed} s"

# Binary bytes and NUL bytes.
printf -- '---\nid: "BIN-A"\nnom: "Bin"\n---\n\001\002\003\377\376' >"$B/binary.md"
run "$CURSUS" check "$B/binary.md"
expect_text "binary bytes" err \
	"cursus: $B/binary.md:5: invalid UTF-8 at byte offset 34 (byte 0xFF); save the file as UTF-8"
head -c 300 /dev/zero >"$B/zeros.md"
run "$CURSUS" check "$B/zeros.md"
expect_text "NUL bytes" err "cursus: $B/zeros.md:1: not a spec: no front matter"

# Mixed damage: Mac Roman and Windows-1252 in one file; the worse one is
# repaired and said.
printf -- '---\nid: "MIX-A"\nnom: "D\342\210\232\302\251j\342\210\232\342\200\240 vu, d\303\203\302\251j\303\203\302\240 vu"\n---\n' >"$B/mixed.md"
run "$CURSUS" check "$B/mixed.md"
expect_status "mixed mojibake" 0
expect_grep "mixed mojibake repaired" err "repaired .* mojibake"

# A symlink loop and a dangling link in the data directory: named, and the
# good spec beside them is still listed.
L="$WORK/links"
mkdir -p "$L"
cp "$SPECS/P4-A.md" "$L/"
ln -s loop-b.md "$L/loop-a.md"
ln -s loop-a.md "$L/loop-b.md"
ln -s nowhere.md "$L/dangling.md"
run "$CURSUS" list --data "$L"
expect_status "a symlink loop" 1
expect_grep "the good spec is still listed" out "^P4-A "
expect_grep "the loop is named" err "^cursus: $L/loop-a.md: cannot read: Too many levels of symbolic links$"
expect_grep "the dangling link is named" err "^cursus: $L/dangling.md: cannot read: No such file or directory$"

# A directory and a FIFO named like specs: the directory is a folder of
# the vault, walked; the FIFO is no note, never opened (no hang).
mkdir "$L/folder.md"
cp "$SPECS/P4-B.md" "$L/folder.md/"
mkfifo "$L/pipe.md"
run "$CURSUS" list --data "$L"
expect_grep "a directory named .md is a folder" out "^P4-B "
if grep -q "pipe.md" "$WORK/err"; then
	not_ok "a FIFO named .md was read"
else
	ok "a FIFO named .md is no note (and no hang)"
fi

# An unreadable file.
U="$WORK/unreadable"
mkdir -p "$U"
cp "$SPECS/P4-A.md" "$SPECS/P4-B.md" "$U/"
chmod 755 "$U"
chmod 000 "$U/P4-B.md"
if can_be_learner; then
	run as_learner "$CURSUS" list --data "$U"
	expect_status "an unreadable spec" 1
	expect_grep "the unreadable spec is named" err "^cursus: $U/P4-B.md: cannot read: Permission denied$"
	expect_grep "the readable one is listed" out "^P4-A "
else
	skip 3 "setpriv is not installed: root reads an unreadable file"
fi

# Ids that would escape a directory, and one that only looks odd.
printf -- '---\nid: "P4-A/../../x"\nnom: "Slash"\n---\n' >"$B/slash.md"
run "$CURSUS" check "$B/slash.md"
expect_grep "an id with / and .." err "id 'P4-A/../../x' is not usable"

done_testing
