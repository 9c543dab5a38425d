#!/bin/sh
# A data directory is a vault (PRODUCT.md §1): notes in nested folders,
# most of them not specs. tests/data/vault holds two good specs three
# folders down, one broken spec, daily notes, templates, an image, a
# canvas, hidden .obsidian and .trash folders (each with a spec that must
# never be read), and notes that are not specs of every kind.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export XDG_CACHE_HOME="$WORK/cache"
V="$DATA/vault"
BROKEN_ERR="cursus: $V/Formations/Brouillons/broken-spec.md:4: front matter is not valid YAML: did not find expected key while parsing a block mapping started on line 2"

# A copy whose files are old enough for the cache to keep (a note changed
# in the last two seconds is read again), and without the broken spec.
copy_vault() {
	rm -rf "$2"
	cp -R "$1" "$2"
	find "$2" -exec touch -h -d '2020-01-01 00:00:00' {} +
}
C="$WORK/vault"
copy_vault "$V" "$C"
rm "$C/Formations/Brouillons/broken-spec.md"

# ---- list ----
run "$CURSUS" list --data "$V"
expect_file "list the vault: the two good specs" out "$EXPECTED/list.txt"
expect_status "list the vault with a broken spec" 1
expect_text "list the vault: only the broken spec is said, at its line" err "$BROKEN_ERR"

run "$CURSUS" list --data "$C"
expect_status "list a vault of notes and good specs" 0
expect_file "list a vault of notes and good specs" out "$EXPECTED/list.txt"
expect_empty "notes that are not specs are skipped quietly" err

# ---- check ----
cd "$DATA" || exit 1
run "$CURSUS" check vault
expect_status "check the vault" 1
expect_text "check the vault: its specs and a summary" out \
"vault/Formations/IA/P4-A.md: ok (P4-A, 3 courses, 37 topics)
vault/Formations/IA/P4-B.md: ok (P4-B, 10 courses, 34 topics)
3 specs: 2 ok, 1 broken; 13 notes skipped (not specs, -v names them); 1 error, 0 warnings"
expect_text "check the vault: the broken spec, and nothing of the other notes" err \
	"cursus: vault/Formations/Brouillons/broken-spec.md:4: front matter is not valid YAML: did not find expected key while parsing a block mapping started on line 2"

run "$CURSUS" check -v vault
expect_status "check -v the vault" 1
expect_file "check -v names every note skipped, and why" out "$EXPECTED/vault-check-v.txt"
run "$CURSUS" check --verbose vault
expect_file "check --verbose is check -v" out "$EXPECTED/vault-check-v.txt"

run "$CURSUS" check "$C"
expect_status "check a vault without a broken spec" 0
expect_grep "its summary" out "^2 specs: 2 ok, 0 broken; 13 notes skipped"
expect_empty "check a vault without a broken spec" err

# Without arguments: the vault of --data, walked the same way.
run "$CURSUS" --data vault check
expect_status "check the path's vault" 1
expect_grep "check the path's vault: the summary" out "^3 specs: 2 ok, 1 broken; 13 notes"

# A note named on the command line that is not a spec: said (exit 1).
run "$CURSUS" check "vault/Notes/id-seul.md"
expect_status "check a note that is not a spec" 1
expect_text "check a note that is not a spec" err \
	"cursus: vault/Notes/id-seul.md: not a spec: 'id' but no other spec key (effort, nom, institution, badge, statut)"
run "$CURSUS" check "vault/Templates/Formation.md"
expect_text "check a template" err \
	"cursus: vault/Templates/Formation.md: not a spec: a template: its 'id' is a placeholder"
run "$CURSUS" check "vault/Accueil.md"
expect_text "check a note without front matter" err \
	"cursus: vault/Accueil.md:1: not a spec: no front matter"
run "$CURSUS" check vault/Formations/IA/P4-A.md vault/Formations/IA/P4-B.md
expect_status "check named specs of the vault" 0
if grep -q "specs:" "$WORK/out"; then not_ok "files named: no summary"; else ok "files named: no summary"; fi
cd "$WORK" || exit 1

# ---- what is never read ----
if grep -q "HIDDEN-A\|CANVAS-A\|TXT-A" "$WORK/out" "$WORK/err"; then
	not_ok "a hidden folder, a canvas or a .txt was read"
else
	ok "hidden folders, the canvas and the .txt are not read"
fi
run "$CURSUS" check -v "$V"
if grep -q "\.obsidian\|\.trash\|\.png\|\.canvas\|\.txt" "$WORK/out" "$WORK/err"; then
	not_ok "check -v names a hidden or non-Markdown file"
	sed 's/^/# /' "$WORK/out" "$WORK/err"
else
	ok "check -v names no hidden or non-Markdown file"
fi

# Obsidian's keys in a spec are no cause for a warning, as lists either.
mkdir -p "$WORK/obsidian"
cat >"$WORK/obsidian/O-A.md" <<'EOF'
---
id: "O-A"
nom: "A spec with Obsidian's keys"
effort: "10h"
tags:
  - formation
  - ia
aliases: [Obsidian spec]
cssclasses:
  - wide
created: 2024-01-15T08:30
updated: 2024-01-16
date: 2024-01-15
publish: true
permalink: formations/o-a
---
# O-A
EOF
run "$CURSUS" check "$WORK/obsidian/O-A.md"
expect_status "Obsidian's keys in a spec" 0
expect_empty "Obsidian's keys in a spec" err
printf -- '---\nid: "O-B"\nnom: "x"\ntopics: [a, b]\n---\n' >"$WORK/obsidian/O-B.md"
run "$CURSUS" check "$WORK/obsidian/O-B.md"
expect_grep "another key as a list is still said" err "O-B.md:4: warning: 'topics' is a list"

# ---- links: loops, links back in, a folder outside linked twice ----
L="$WORK/links"
copy_vault "$C" "$L"
mkdir -p "$WORK/outside/deeper"
printf -- '---\nid: "EXT-A"\nnom: "Outside the vault"\n---\n' >"$WORK/outside/deeper/ext.md"
ln -s .. "$L/Formations/IA/loop"
ln -s ../Formations "$L/Daily/formations"
ln -s "$WORK/outside" "$L/Outside"
ln -s "$WORK/outside" "$L/Projets/outside-again"
ln -s ../Formations/IA/P4-A.md "$L/Notes/P4-A-link.md"
run "$CURSUS" list --data "$L"
expect_status "loops and links" 0
expect_text "loops and links: each spec once" out \
"EXT-A  A  Outside the vault                                -
P4-A   A  AI Product Management Specialization             90 h, 4 months, 5 h/week
P4-B   B  IBM AI Product Manager Professional Certificate  120 h, 6 months, 5 h/week"
expect_empty "loops and links" err
# Notes reached through links come after the others: the cache finds
# them all the same, and a warm list writes nothing.
touch -d '2020-01-01 00:00:00' "$WORK/outside/deeper/ext.md"
run "$CURSUS" list --data "$L"
cp "$WORK/out" "$WORK/list-links"
CF=$(ls -t "$XDG_CACHE_HOME"/cursus/catalog-* | head -n 1)
touch -d '2020-01-01 00:00:00' "$CF"
run "$CURSUS" list --data "$L"
expect_file "loops and links, warm: the same list" out "$WORK/list-links"
if [ -n "$(find "$CF" -newermt '2021-01-01')" ]; then
	not_ok "loops and links, warm: the cache was written again"
else
	ok "loops and links, warm: the cache knows every note, links or not"
fi
run "$CURSUS" check -v "$L"
expect_grep "the folder outside is walked through its first link" out \
	"^$L/Outside/deeper/ext.md: ok (EXT-A"
expect_grep "notes found once" out "^3 specs: 3 ok, 0 broken; 13 notes skipped"

# ---- data directories that overlap ----
run "$CURSUS" list --data "$C"
cp "$WORK/out" "$WORK/list-once"
for dirs in "$C $C" "$C $C/Formations" "$C/Formations $C" "$C/Formations/IA $C $C/Formations"; do
	set --
	for d in $dirs; do set -- "$@" --data "$d"; done
	run "$CURSUS" "$@" list
	expect_file "--data $(echo "$dirs" | sed "s|$C|V|g"): each spec once" out "$WORK/list-once"
	expect_status "--data $(echo "$dirs" | sed "s|$C|V|g")" 0
done
run "$CURSUS" --data "$C" --data "$C/Formations" check
expect_grep "check of overlapping directories: each note once" out \
	"^2 specs: 2 ok, 0 broken; 13 notes skipped"

# ---- the cache ----
rm -rf "$XDG_CACHE_HOME"
run env CURSUS_CACHE=off "$CURSUS" list --data "$C"
cp "$WORK/out" "$WORK/list-nocache"
[ ! -d "$XDG_CACHE_HOME" ] && ok "CURSUS_CACHE=off writes no cache" || not_ok "a cache was written"
run "$CURSUS" list --data "$C"
expect_file "cold cache: the same list" out "$WORK/list-nocache"
[ "$(ls "$XDG_CACHE_HOME/cursus" | wc -l)" -eq 1 ] && ok "one cache file for the vault" ||
	not_ok "cache files: $(ls "$XDG_CACHE_HOME/cursus")"
run "$CURSUS" list --data "$C"
expect_file "warm cache: the same list" out "$WORK/list-nocache"
expect_empty "warm cache" err
# The broken spec is read, and said, every time.
copy_vault "$V" "$WORK/with-broken"
run "$CURSUS" list --data "$WORK/with-broken"
run "$CURSUS" list --data "$WORK/with-broken"
expect_status "warm cache: a broken spec still fails" 1
expect_grep "warm cache: the broken spec still said" err "broken-spec.md:4: front matter is not valid YAML"

# A warm list opens no note that is not a spec: one is rewritten in place
# as a spec of the same size, its time put back. Its key (inode, size,
# time) is the same, so a list that trusts the cache does not see it,
# and one without the cache does.
N="$C/Notes/id-seul.md"
SIZE=$(wc -c <"$N")
printf -- '---\nid: "SNEAK-A"\nnom: "x"\n---\n' >"$WORK/sneak"
head -c $((SIZE - $(wc -c <"$WORK/sneak"))) /dev/zero | tr '\0' 'x' >>"$WORK/sneak"
[ "$(wc -c <"$WORK/sneak")" -eq "$SIZE" ] || not_ok "the rewrite is not of the same size"
cat "$WORK/sneak" >"$N"
touch -d '2020-01-01 00:00:00' "$N"
run "$CURSUS" list --data "$C"
if grep -q SNEAK-A "$WORK/out"; then
	not_ok "a warm list read a note the cache knows is not a spec"
else
	ok "a warm list opens no note that is not a spec"
fi
run env CURSUS_CACHE=off "$CURSUS" list --data "$C"
expect_grep "without the cache, the note is read" out "^SNEAK-A "
touch -d '2021-01-01 00:00:00' "$N"
run "$CURSUS" list --data "$C"
expect_grep "with a new time, it is read again" out "^SNEAK-A "
copy_vault "$V" "$C"
rm "$C/Formations/Brouillons/broken-spec.md"

# ---- big notes are not read to their end ----
B="$WORK/big"
copy_vault "$C" "$B"
{ printf -- '---\ntags: [big]\n---\n'; head -c 9000000 /dev/zero | tr '\0' 'a'; } >"$B/Notes/big.md"
head -c 20000000 /dev/zero >"$B/Notes/zeros.md"
run "$CURSUS" list --data "$B"
expect_status "a vault with notes of 9 and 20 MB" 0
expect_empty "notes of 9 and 20 MB are no specs, and no errors" err

# ---- a folder that cannot be read ----
U="$WORK/locked"
copy_vault "$C" "$U"
chmod 755 "$WORK"
chmod -R a+rX "$U"
chmod 000 "$U/Daily"
if can_be_learner; then
	run as_learner "$CURSUS" check "$U"
	expect_status "a folder that cannot be read" 0
	expect_text "a folder that cannot be read is named" err \
		"cursus: $U/Daily: warning: cannot read this folder: Permission denied; the notes in it are not read"
	expect_grep "the rest is checked" out "^2 specs: 2 ok, 0 broken; 11 notes skipped"
	run as_learner "$CURSUS" list --data "$U"
	expect_status "list with a folder that cannot be read" 0
	expect_file "list with a folder that cannot be read" out "$EXPECTED/list.txt"
else
	skip 5 "setpriv is not installed: root reads an unreadable folder"
fi
chmod 755 "$U/Daily"

# ---- marks: chosen, earned ----
S="$WORK/progress.yaml"
run "$CURSUS" --data "$C" --state "$S" --today 2027-01-04 choose P4-A
expect_status "choose P4-A in the vault" 0
run "$CURSUS" --data "$C" --state "$S" list
expect_text "list marks the option chosen" out \
"P4-A  A  AI Product Management Specialization             90 h, 4 months, 5 h/week   chosen
P4-B  B  IBM AI Product Manager Professional Certificate  120 h, 6 months, 5 h/week"
run "$CURSUS" --data "$C" --state "$S" --today 2027-05-10 earned --date 2027-05-03
run "$CURSUS" --data "$C" --state "$S" list
expect_text "list marks the certificate earned, with its date" out \
"P4-A  A  AI Product Management Specialization             90 h, 4 months, 5 h/week   earned 2027-05-03
P4-B  B  IBM AI Product Manager Professional Certificate  120 h, 6 months, 5 h/week"
printf 'format: 1\nchoices: [\n' >"$WORK/broken-progress.yaml"
run "$CURSUS" --data "$C" --state "$WORK/broken-progress.yaml" list
expect_status "a broken progress file does not stop list" 0
expect_file "a broken progress file: the list without marks" out "$EXPECTED/list.txt"
expect_grep "a broken progress file is a warning" err \
	"^cursus: warning: the progress file cannot be read: programs are listed without"
expect_grep "its error is said as a warning, with its line" err \
	"^cursus: $WORK/broken-progress.yaml:[0-9]*: warning: "

done_testing
