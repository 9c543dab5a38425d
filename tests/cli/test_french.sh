#!/bin/sh
# cursus in French (PRODUCT.md section 6): the plain commands under
# LANG=fr_FR.UTF-8 against their own expected outputs (dates and numbers
# in French, hours typed as 2,5, 1h30 or 90min), the files for machines
# the same in every language, a missing locale falling back to C.UTF-8
# with the messages still in French, LANG=C and English unchanged. A
# build configured with --disable-nls speaks English in every locale.
. "$TOP_SRCDIR/tests/cli/lib.sh"

FR="$EXPECTED/fr"
export CURSUS_STATE="$WORK/state/progress.yaml"

# in_locale LANG CMD...: CMD with LANG alone setting the locale.
in_locale() {
	lang=$1
	shift
	env -u LC_ALL -u LANGUAGE LANG="$lang" "$@"
}

fr() { run in_locale fr_FR.UTF-8 "$CURSUS" --data "$SPECS" "$@"; }
c() { run "$CURSUS" --data "$SPECS" "$@"; }

if ! nls_enabled; then
	# --disable-nls: English whatever the locale asks for.
	c --today 2026-11-16 choose P4-A
	expect_status "choose P4-A" 0
	run in_locale fr_FR.UTF-8 "$CURSUS" --data "$SPECS" --today 2026-11-25 status
	expect_status "status under LANG=fr_FR.UTF-8 without NLS" 0
	expect_grep "--disable-nls: status speaks English" out "^State: *not started"
	expect_grep "--disable-nls: the planned hours in English" out "^Planned: .* by Sunday"
	run in_locale fr_FR.UTF-8 "$CURSUS" --data "$SPECS" --today 2026-11-25 log 1.5x
	expect_text "--disable-nls: errors in English" err \
		"cursus: '1.5x' is not a number of hours (such as 1.5, 1,5, 1h30 or 90min)"
	done_testing
	exit 0
fi

if ! has_locale fr_FR.UTF-8; then
	skip 46 "the fr_FR.UTF-8 locale is not installed (Debian: uncomment it in /etc/locale.gen, run locale-gen)"
	done_testing
	exit 0
fi

# ---- the plain commands in French ----

fr --today 2026-11-16 choose P4-A
expect_status "choisir P4-A" 0
expect_file "choose in French" out "$FR/choose.txt"

fr --today 2026-11-18 log 2,5
expect_status "log 2,5" 0
expect_text "2,5 is two and a half hours" out \
	"Noté : 2,5 h le mer. 18 nov. (2,5 h ce jour-là) ; semaine 1 : 2,5 sur 5 h"
fr --today 2026-11-19 log 1h30
expect_status "log 1h30" 0
expect_text "1h30 is an hour and a half" out \
	"Noté : 1,5 h le jeu. 19 nov. (1,5 h ce jour-là) ; semaine 1 : 4 sur 5 h"
fr --today 2026-11-19 log 90min
expect_status "log 90min" 0
expect_text "90min is an hour and a half" out \
	"Noté : 1,5 h le jeu. 19 nov. (3 h ce jour-là) ; semaine 1 : 5,5 sur 5 h"
fr --today 2026-11-20 log 2.5
expect_text "2.5 is read too" out \
	"Noté : 2,5 h le ven. 20 nov. (2,5 h ce jour-là) ; semaine 1 : 8 sur 5 h"
grep -q '^ *2026-11-19: 3$' "$CURSUS_STATE" && grep -q '^ *2026-11-18: 2.5$' "$CURSUS_STATE" &&
	ok "the progress file keeps a decimal point" ||
	{ not_ok "the progress file does not hold 2.5 and 3"; sed 's/^/# /' "$CURSUS_STATE"; }

fr --today 2026-11-20 tick 1.1
expect_status "tick 1.1" 0
expect_text "ticked in French" out "Coché : 1.1 Comprendre les concepts fondamentaux du ML"
fr --today 2026-11-20 tick 2
expect_text "a course ticked in French" out \
	"Coché : 2 Gérer les projets d'apprentissage automatique (10 sur 10 modules)"

fr --today 2026-11-25 status
expect_status "status" 0
expect_file "status in French" out "$FR/status.txt"
fr --today 2026-11-25 schedule
expect_status "schedule" 0
expect_file "schedule in French" out "$FR/schedule.txt"

fr --today 2026-11-25 choose P4-A --pace 2,5
expect_status "--pace 2,5" 0
expect_file "a new pace of 2,5 h a week" out "$FR/pace.txt"
grep -q '^ *pace: 2.5$' "$CURSUS_STATE" && ok "the pace is saved as 2.5" ||
	{ not_ok "the pace is not saved as 2.5"; sed 's/^/# /' "$CURSUS_STATE"; }
fr --today 2026-11-25 choose P4-A --pace 1h30
expect_grep "--pace 1h30 is 1,5 h a week" out "^Plan : 90 h à 1,5 h/semaine, 37 semaines,"
fr --today 2026-11-25 choose P4-A --pace 300min
expect_grep "--pace 300min is 5 h a week" out "^Plan : 90 h à 5 h/semaine, 12 semaines,"
fr --today 2026-11-25 status
expect_file "status after a re-plan" out "$FR/status-replanned.txt"

fr --today 2026-11-25 export --format md -o -
expect_status "export md" 0
expect_file "the Markdown export is for people: French" out "$FR/export.md"

# ---- errors ----

fr --today 2026-11-25 log 1.5x
expect_status "log 1.5x refused" 1
expect_text "the refusal in French" err \
	"cursus: « 1.5x » n'est pas un nombre d'heures (comme 1,5, 1.5, 1h30 ou 90min)"
fr --today 2026-11-25 log 2 --date 2026-12-01
expect_status "a day to come refused" 1
expect_text "the date refused in French" err \
	"cursus: 2026-12-01 est après aujourd'hui (2026-11-25) : les heures se notent pour des jours passés"
printf 'version: 1\nprograms:\n  P4-A:\n    pace: fast\n' >"$WORK/bad.yaml"
run in_locale fr_FR.UTF-8 "$CURSUS" --data "$SPECS" --state "$WORK/bad.yaml" status
expect_status "a bad progress file" 1
expect_text "its line named in French" err \
	"cursus: $WORK/bad.yaml:4: pace « fast » n'est pas un nombre d'heures supérieur à 0 et d'au plus 168 (comme 2 ou 1.5) ; corrigez ou supprimez cette ligne"

# ---- what machines read is the same in every language ----

for what in "export --format ics -o -" "export --format csv -o -" "status --json" \
	"schedule --json"; do
	# shellcheck disable=SC2086 # the words of the command
	fr --today 2026-11-25 $what
	cp "$WORK/out" "$WORK/fr-out"
	# shellcheck disable=SC2086
	c --today 2026-11-25 $what
	if [ -s "$WORK/out" ] && cmp -s "$WORK/out" "$WORK/fr-out"; then
		ok "$what: the same bytes in French"
	else
		not_ok "$what differs in French"
		diff "$WORK/out" "$WORK/fr-out" | head -10 | sed 's/^/# /'
	fi
done

# ---- English, C and a missing locale ----

c --today 2026-11-25 status
cp "$WORK/out" "$WORK/c-status"
run env LC_ALL=C "$CURSUS" --data "$SPECS" --today 2026-11-25 status
if cmp -s "$WORK/out" "$WORK/c-status" && ! LC_ALL=C grep -q '[^ -~]' "$WORK/out"; then
	ok "LANG=C: English and ASCII"
else
	not_ok "LANG=C is not the English status in ASCII"
	sed 's/^/# /' "$WORK/out"
fi
run env LC_ALL=C LANGUAGE=fr "$CURSUS" --data "$SPECS" --today 2026-11-25 status
cmp -s "$WORK/out" "$WORK/c-status" && ok "LANG=C: LANGUAGE=fr is not heeded" ||
	not_ok "LANGUAGE=fr changed LANG=C's status"
if has_locale en_US.UTF-8; then
	for cmd in status schedule; do
		c --today 2026-11-25 $cmd
		cp "$WORK/out" "$WORK/c-out"
		run in_locale en_US.UTF-8 "$CURSUS" --data "$SPECS" --today 2026-11-25 $cmd
		cmp -s "$WORK/out" "$WORK/c-out" && ok "en_US.UTF-8: $cmd as it always was" ||
			{ not_ok "en_US.UTF-8 changes $cmd"; diff "$WORK/c-out" "$WORK/out" | sed 's/^/# /'; }
	done
else
	skip 2 "the en_US.UTF-8 locale is not installed"
fi

# A UTF-8 locale the system lacks: C.UTF-8 for the characters, and the
# messages in the language it named. Under plain C, gettext would write
# "?tat" for "État".
for missing in fr_CA.UTF-8 fr_BE.UTF-8; do
	if has_locale "$missing"; then
		skip 2 "$missing is installed here: it is not missing"
		continue
	fi
	run in_locale "$missing" "$CURSUS" --data "$SPECS" --today 2026-11-25 status
	expect_grep "$missing: French, accents kept" out "^État : *en cours$"
	expect_grep "$missing: dates and numbers in cursus's forms" out \
		"^Prévu : *38\.1 h à ce jour, 41 h d'ici dimanche (90 h en tout)$"
done
if has_locale xx_YY.UTF-8; then
	skip 2 "xx_YY.UTF-8 exists here"
else
	run in_locale xx_YY.UTF-8 "$CURSUS" --data "$SPECS" --today 2026-11-25 status
	cmp -s "$WORK/out" "$WORK/c-status" && ok "xx_YY.UTF-8: the English status" ||
		{ not_ok "xx_YY.UTF-8 is not the English status"; diff "$WORK/c-status" "$WORK/out" | sed 's/^/# /'; }
	run in_locale xx_YY.UTF-8 "$CURSUS" --data "$SPECS" --state "$WORK/bad.yaml" status
	expect_grep "xx_YY.UTF-8: an error in English" err "pace 'fast' is not a number of hours"
fi
# A user's LANGUAGE wins over the language of the missing locale.
if ! has_locale fr_CA.UTF-8; then
	run env -u LC_ALL LANG=fr_CA.UTF-8 LANGUAGE=en "$CURSUS" --data "$SPECS" --today 2026-11-25 status
	cmp -s "$WORK/out" "$WORK/c-status" && ok "LANGUAGE=en wins over fr_CA's French" ||
		not_ok "LANGUAGE=en did not give English"
else
	skip 1 "fr_CA.UTF-8 is installed here"
fi

done_testing
