#!/bin/sh
# cursus compare [GROUP|ID...]: alternatives side by side, aligned by
# display width whatever the accents, emoji and CJK in the specs.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# Output is not a terminal here, so COLUMNS alone decides the width.
COLUMNS=100
export COLUMNS

run "$CURSUS" compare P4 --data "$SPECS"
expect_status "compare P4" 0
expect_file "compare P4" out "$EXPECTED/compare-P4.txt"
expect_empty "compare P4" err

# Without arguments: every group with a choice in it; here only P4.
run "$CURSUS" compare --data "$SPECS"
expect_status "compare, no argument" 0
expect_file "compare, no argument" out "$EXPECTED/compare-P4.txt"

# Groups and ids ignore case; a union keeps the first place of each
# program and never shows one twice.
for args in "p4" "P4-A P4-B" "p4-a P4" "P4-A P4 p4-b"; do
	# shellcheck disable=SC2086 # word splitting is the point
	run "$CURSUS" compare $args --data "$SPECS"
	expect_file "compare $args" out "$EXPECTED/compare-P4.txt"
done

run "$CURSUS" compare P4-B P4-A --data "$SPECS"
expect_status "compare P4-B P4-A" 0
expect_grep "columns in the order asked" out '^ *Option B  *Option A$'
expect_grep "ids in the order asked" out '^Id  *P4-B  *P4-A$'

# A COLUMNS that is not a usable number is ignored.
for cols in "" "abc" "39" "100x" "-80"; do
	run env COLUMNS="$cols" "$CURSUS" compare P4 --data "$SPECS"
	expect_file "COLUMNS='$cols'" out "$EXPECTED/compare-P4.txt"
done

# The narrowest width: columns of 12, long words broken by width.
run env COLUMNS=40 "$CURSUS" compare P4 --data "$SPECS"
expect_status "COLUMNS=40" 0
expect_file "COLUMNS=40" out "$EXPECTED/compare-P4-40.txt"
if [ "$(wc -L <"$WORK/out")" -le 40 ]; then
	ok "COLUMNS=40: no line wider than 40 columns"
else
	not_ok "COLUMNS=40: a line is wider than 40 columns"
fi

# One program alone is one column.
run env COLUMNS=60 "$CURSUS" compare p4-a --data "$SPECS"
expect_status "compare p4-a" 0
expect_file "compare p4-a" out "$EXPECTED/compare-P4-A-60.txt"

# Three programs, one without an option letter, with missing values,
# accents both composed and decomposed, emoji, CJK and an overlong word.
WIDE="$WORK/wide"
mkdir -p "$WIDE"
cat >"$WIDE/W-A.md" <<'EOF'
---
id: "W-A"
nom: "Café crème ☕ et 日本語のコース"
institution: "École 🏫 Supérieure"
effort: "40 h"
prestige: "4/5"
statut: "À choisir (Option A)"
---
# 🎓 Café crème

## 📚 Programme (2 cours)
### Cours 1 : Un (10h)
### Cours 2 : Deux (12,5h)

## 🎓 Certificat
- Note : **4.5/5** (12 avis)

## 🎯 Profil idéal pour cette option
### ✅ Choisir si :
- Vous aimez le café ☕☕☕ très fort et les 日本語の授業 aussi
- https://example.org/un-lien-tres-long-qui-ne-tient-pas-dans-une-colonne

### ⚠️ Points d'attention :
- Élève 🎓 motivé
  - Sous-point imbriqué
EOF
# "Résumé de l'été" with combining acute accents (e + U+0301).
printf '%s\n' '---' 'id: "W-1"' \
	"nom: \"Re$(printf '\314\201')sume$(printf '\314\201') de l'e$(printf '\314\201')te$(printf '\314\201') à la carte\"" \
	'effort: "3 mois"' 'prix: "Payant"' '---' '# Résumé' '' \
	'## 🎓 Certificat' '- 1 avis' '' '## 🎯 Profil idéal' '### ✅ Choisir si :' \
	'- Court' >"$WIDE/W-1.md"
cat >"$WIDE/W-C.md" <<'EOF'
---
id: "W-C"
nom: "Sans effort chiffré"
effort: "à la carte"
---
# Rien
EOF
cat >"$WIDE/SOLO-A.md" <<'EOF'
---
id: "SOLO-A"
nom: "Seul dans son groupe"
---
EOF

run env COLUMNS=80 "$CURSUS" compare w --data "$WIDE"
expect_status "compare w" 0
expect_file "compare w" out "$EXPECTED/compare-wide.txt"
expect_empty "compare w" err
if grep -q ' $' "$WORK/out"; then
	not_ok "compare w: trailing blanks"
else
	ok "compare w: no trailing blanks"
fi

# Without arguments: one table per group with a choice, a blank line
# between them, and groups of one left out.
run "$CURSUS" compare P4 --data "$SPECS"
cp "$WORK/out" "$WORK/p4.txt"
run "$CURSUS" compare W --data "$WIDE"
{ cat "$WORK/p4.txt"; echo; cat "$WORK/out"; } >"$WORK/both.txt"
run "$CURSUS" compare --data "$SPECS" --data "$WIDE"
expect_status "compare, two groups" 0
expect_file "compare, two groups" out "$WORK/both.txt"

run "$CURSUS" compare SOLO --data "$WIDE"
expect_status "a group of one" 0
expect_grep "a group of one" out '^Id  *SOLO-A$'

run "$CURSUS" compare NOPE --data "$SPECS"
expect_status "unknown argument" 1
expect_text "unknown argument" err "cursus: no program or group 'NOPE' (see 'cursus list')"
expect_empty "unknown argument" out

run "$CURSUS" compare P4 NOPE --data "$SPECS"
expect_status "one unknown argument" 1
expect_text "one unknown argument" err "cursus: no program or group 'NOPE' (see 'cursus list')"
expect_empty "one unknown argument" out

run "$CURSUS" compare --data "$DATA/shadow1"
expect_status "nothing to compare" 1
expect_text "nothing to compare" err \
	"cursus: no group has more than one program to compare (see 'cursus list')"

done_testing
