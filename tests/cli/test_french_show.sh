#!/bin/sh
# cursus in French, phase 2 (PRODUCT.md section 6): show, list, check,
# --help and the usage errors under LANG=fr_FR.UTF-8, against their own
# expected outputs in tests/cli/expected/fr. The spec's own text stays as
# written; cursus's words, numbers and dates are French. The errors of
# the data layer (a broken spec, a note that is not one, a configuration
# that cannot be used) are French too, with their files and lines.
. "$TOP_SRCDIR/tests/cli/lib.sh"

FR="$EXPECTED/fr"
export CURSUS_STATE="$WORK/state/progress.yaml" XDG_CACHE_HOME="$WORK/cache"

# fr CMD...: cursus with LANG alone asking for French.
fr() {
	run env -u LC_ALL -u LANGUAGE LANG=fr_FR.UTF-8 "$CURSUS" "$@"
}

if ! nls_enabled; then
	# --disable-nls: English whatever the locale asks for.
	fr --data "$SPECS" list
	expect_status "list under LANG=fr_FR.UTF-8 without NLS" 0
	expect_grep "--disable-nls: list speaks English" out "4 months, 5 h/week"
	fr --bogus
	expect_text "--disable-nls: usage errors in English" err \
		"cursus: unknown option '--bogus'
Try 'cursus --help'."
	done_testing
	exit 0
fi

if ! has_locale fr_FR.UTF-8; then
	skip 46 "the fr_FR.UTF-8 locale is not installed (Debian: uncomment it in /etc/locale.gen, run locale-gen)"
	done_testing
	exit 0
fi

# ---- --help and the usage errors ----

fr --help
expect_status "--help" 0
expect_file "--help in French" out "$FR/help.txt"
# Every line of --help fits the width the English one takes (wc -L
# counts columns in the UTF-8 locale lib.sh sets).
widest=$(wc -L <"$WORK/out")
run "$CURSUS" --help
english=$(wc -L <"$WORK/out")
if [ "$widest" -le "$english" ]; then
	ok "--help in French is no wider than in English ($widest <= $english columns)"
else
	not_ok "--help in French takes $widest columns, English $english"
fi

fr --bogus
expect_status "an unknown option" 1
expect_text "an unknown option, in French" err "cursus: option inconnue « --bogus »
Essayez « cursus --help »."
fr frobnicate
expect_status "an unknown command" 1
expect_text "an unknown command, in French" err "cursus: commande inconnue « frobnicate »
Essayez « cursus --help »."
fr --data "$SPECS" list --undo
expect_status "an option of another command" 1
expect_text "an option of another command, in French" err "cursus: --undo ne va pas avec « list »"
fr --data "$SPECS" --today 2026-02-30 list
expect_status "a date that does not exist" 1
expect_text "a date that does not exist, in French" err \
	"cursus: --today « 2026-02-30 » n'est pas une date : ce jour n'existe pas"
fr --data "$SPECS" choose P4-A --pace 0
expect_status "--pace 0" 1
expect_text "--pace 0, in French" err \
	"cursus: --pace « 0 » n'est ni un nombre d'heures par semaine (de 0,01 à 168, comme 5, 7,5, 7.5 ou 7h30), ni « default » (le rythme de la fiche)"
fr --data "$SPECS" show
expect_status "show without an id" 1
expect_text "show's usage, in French" err "cursus: usage : cursus show ID"
fr --data "$SPECS" show P9
expect_text "show of an id that is not there, in French" err \
	"cursus: aucun programme d'id « P9 » (voir « cursus list »)"

# ---- show ----

fr --data "$SPECS" --today 2026-11-16 choose P4-A
fr --data "$SPECS" --today 2026-11-20 tick 1.2
fr --data "$SPECS" show P4-A
expect_status "show P4-A" 0
expect_file "show P4-A in French" out "$FR/show-P4-A.txt"
run "$CURSUS" --data "$SPECS" show P4-A
if diff "$WORK/out" "$FR/show-P4-A.txt" | grep -q '^[<>]   - Identifier quand et comment'; then
	not_ok "the spec's text differs between English and French"
else
	ok "the spec's own text is the same in English and in French"
fi

# Links: present, missing, outside the vault, on the web.
L="$WORK/links"
mkdir -p "$L/vault/notes" "$L/private"
cat >"$L/vault/L1.md" <<'SPEC'
---
id: L1
nom: Liens
effort: 10h
---
## Liens utiles
- [la comparaison](notes/Comparaison.md)
- [[Absente]]
- [le secret](../private/secret.md)
- [Page web](https://example.org/cours)
SPEC
printf '# Comparaison\n' >"$L/vault/notes/Comparaison.md"
printf '# Secret\n' >"$L/private/secret.md"
fr --data "$L/vault" show L1
expect_status "show with links" 0
sed -n '/^Liens$/,$p' "$WORK/out" >"$WORK/links-out"
expect_file "the links' states in French" links-out "$FR/links.txt"

# ---- list ----

fr --data "$SPECS" list
expect_status "list with a program chosen" 0
expect_file "list marks the option chosen, in French" out "$FR/list-chosen.txt"
fr --data "$SPECS" --today 2026-12-10 earned --date 2026-12-03
fr --data "$SPECS" list
expect_file "list marks the certificate earned, with a French date" out "$FR/list-earned.txt"
mkdir -p "$WORK/dir-state"
run env -u LC_ALL -u LANGUAGE LANG=fr_FR.UTF-8 CURSUS_STATE="$WORK/dir-state" \
	"$CURSUS" --data "$SPECS" list
expect_status "list with a progress file that cannot be read" 0
expect_grep "its warning, in French" err \
	"^cursus: avertissement : le fichier de progression est illisible : les programmes sont listés sans leurs marques « choisi » et « obtenu »$"

# ---- check ----

cd "$DATA" || exit 1
fr check bad/*.md
expect_status "check of broken specs" 1
expect_file "every broken spec's error, in French" err "$FR/check-bad.txt"
fr check ok/*.md
expect_status "check of specs that are fine" 0
expect_file "their ok lines, in French" out "$FR/check-ok-out.txt"
expect_file "their warnings, in French" err "$FR/check-ok-err.txt"
fr check vault
expect_status "check of a vault" 1
expect_file "the vault's summary, in French" out "$FR/vault-check.txt"
expect_text "the vault's broken spec, in French" err \
	"cursus: vault/Formations/Brouillons/broken-spec.md:4: l'en-tête n'est pas du YAML valide : did not find expected key while parsing a block mapping (ouvert à la ligne 2)"
fr check -v vault
expect_status "check -v of a vault" 1
expect_file "check -v names the notes skipped, in French" out "$FR/vault-check-v.txt"
fr check vault/Accueil.md
expect_status "a note that is not a spec, named" 1
expect_text "a note that is not a spec, in French" err \
	"cursus: vault/Accueil.md:1: pas une fiche : pas d'en-tête"
cd "$WORK" || exit 1

# ---- the configuration ----

printf 'data: %s\ncolour: off\n' "$SPECS" >"$WORK/config"
fr --config "$WORK/config" list
expect_status "a configuration with an unknown key" 0
expect_text "its warning, in French" err \
	"cursus: $WORK/config:2: avertissement : clé inconnue « colour » (cursus connaît data et color) ; elle est ignorée"
printf 'data:\n  - %s\n  - [a, b]\n' "$SPECS" >"$WORK/config"
fr --config "$WORK/config" list
expect_status "a configuration that cannot be used" 1
expect_text "its error, in French" err \
	"cursus: $WORK/config:3: chaque dossier de données doit être un seul chemin, pas une liste ; la configuration est ignorée"

# ---- English is as it was ----

run "$CURSUS" --data "$SPECS" show P4-A
expect_grep "show in English: its headings" out "^Courses (3; 51 h stated; 90 h effort)$"
cd "$DATA" || exit 1
run "$CURSUS" check vault
expect_grep "check in English: its summary" out \
	"^3 specs: 2 ok, 1 broken; 13 notes skipped (not specs, -v names them); 1 error, 0 warnings$"
cd "$WORK" || exit 1

# No English word left: the French outputs hold none of the English
# headings, labels and summary words.
if grep -nE '^(Courses|Objectives|Skills|Instructor|Certificate|Links|Choose if|Watch out)$|^(Institution|Price|Status):|: (ok|skipped) |specs?:|notes? skipped|(present|missing|outside the vault)[ :]|earned|chosen' \
	"$FR"/show-P4-A.txt "$FR"/links.txt "$FR"/list-*.txt "$FR"/check-*.txt \
	"$FR"/vault-check*.txt >"$WORK/english"; then
	not_ok "English words left in the French outputs"
	sed 's/^/# /' "$WORK/english"
else
	ok "no English heading, label or summary word in the French outputs"
fi
# --help: command and option names stay, the rest is French.
if grep -nE 'Usage:|Commands:|Options:|read specs|the progress file|show this help|Without|See cursus' \
	"$FR/help.txt" >"$WORK/english"; then
	not_ok "English words left in --help"
	sed 's/^/# /' "$WORK/english"
else
	ok "no English sentence in the French --help"
fi

done_testing
