#!/bin/sh
# cursus show lists every link of a spec and says where it leads in the
# vault: a note present (with its path in its data directory), missing,
# or outside every data directory; web links are listed as they are.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# A vault of two data directories in nested folders: the spec in
# courses/2026, notes in notes/ (and notes/deep/), one note in no data
# directory at all.
V="$WORK/vault"
mkdir -p "$V/courses/2026" "$V/notes/deep" "$V/private"
cat >"$V/courses/2026/L1-A.md" <<'SPEC'
---
id: "L1-A"
nom: "Links everywhere"
effort: "10h"
---
# Links everywhere

## Description
The [comparison](../../notes/Comparison.md#Verdict) and [[other note]], with
[[Other Note#Intro|its introduction]] and [[local]] beside this spec.
Not in code: `[[in code]]`.

## Programme
### Cours 1 : One (10h)
**Contenu :**
- Read [the plan](Missing%20Plan.md) and [[Nowhere]]
- Not [the secret](../../private/secret.md)

## Liens utiles
- [Web page](https://example.org/course)
- Forum: none yet
SPEC
printf '# Comparison\n\n## Verdict\nA.\n' >"$V/notes/Comparison.md"
printf '# Other note\n\n## Intro\nHello.\n' >"$V/notes/Other Note.md"
printf '# Local\n' >"$V/courses/2026/local.md"
printf '# Secret\n' >"$V/private/secret.md"

links_section() { # the Links section of the last run's stdout, into $WORK/links
	sed -n '/^Links$/,$p' "$WORK/out" >"$WORK/links"
}

run "$CURSUS" show L1-A --data "$V/courses/2026" --data "$V/notes"
expect_status "show with links" 0
links_section
expect_file "every link, and where it leads" links "$EXPECTED/links-vault.txt"
expect_grep "the line of a missing link" links "Missing%20Plan.md>  missing (line 16)"
if grep -q 'in code' "$WORK/links"; then
	not_ok "a wikilink in code is not a link"
else
	ok "a wikilink in code is not a link"
fi

# The same vault named relatively, from its own folder: the same answers.
(cd "$V" && run "$CURSUS" show L1-A --data courses/2026 --data notes &&
	sed -n '/^Links$/,$p' "$WORK/out" >"$WORK/links")
expect_file "a vault named by relative paths" links "$EXPECTED/links-vault.txt"

# Without the notes directory, the notes are missing, and the link that
# led into it now leads out of the vault.
run "$CURSUS" show L1-A --data "$V/courses/2026"
links_section
expect_grep "a wikilink to no note is missing" links '^  - \[\[other note\]\]  missing (line 9)$'
expect_grep "a path out of the vault is outside" links \
	'^  - comparison <../../notes/Comparison.md#Verdict>  outside the vault (line 9)$'
expect_grep "the note beside the spec is still there" links '^  - \[\[local\]\]  present: local.md$'

# The shipped specs link to the comparison note shipped beside them:
# present; missing in a vault without it, present once the vault has it.
run "$CURSUS" show P4-A --data "$SPECS"
expect_grep "the shipped comparison note is present" out \
	"<choice-duke-vs-ibm.md>  present: choice-duke-vs-ibm.md$"
mkdir -p "$WORK/mine"
cp "$SPECS/P4-A.md" "$SPECS/P4-B.md" "$WORK/mine/"
run "$CURSUS" show P4-A --data "$WORK/mine"
expect_grep "a vault without the note: missing" out \
	"<choice-duke-vs-ibm.md>  missing (line 143)"
printf '# Duke or IBM\n' >"$WORK/mine/choice-duke-vs-ibm.md"
run "$CURSUS" show P4-B --data "$WORK/mine"
expect_status "show P4-B in a vault with the note" 0
expect_grep "the comparison note is present in the vault" out \
	"<choice-duke-vs-ibm.md>  present: choice-duke-vs-ibm.md$"

done_testing
