#!/bin/sh
# The planner in French (PRODUCT.md sections 5 and 6): the chooser, the
# three panes and the help at 80x24 and 100x30 against their own expected
# screens, French dates and month names, the messages of the bottom
# line; and no English left on any of these screens (english_left.py
# reads the English side of po/fr.po).
. "$TOP_SRCDIR/tests/screen/lib.sh"

if ! nls_enabled; then
	echo "1..0 # SKIP built with --disable-nls: the planner speaks English only"
	exit 0
fi
if ! has_locale fr_FR.UTF-8; then
	echo "1..0 # SKIP fr_FR.UTF-8 is not installed (locale-gen fr_FR.UTF-8)"
	exit 0
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

FR="LANG=fr_FR.UTF-8 CURSUS_LOCALEDIR=$CURSUS_LOCALEDIR"
SHOTS="$WORK/shots"
mkdir -p "$SHOTS"

# shot NAME: the screen as it is now, kept for the English check.
shot() {
	screen_text >"$SHOTS/$1.txt"
}

# fr_screen NAME [WAIT_TEXT]: the screen is expected/NAME.txt, and kept.
fr_screen() {
	expect_screen "$@"
	shot "$1"
}

# 1. The chooser, before any choice; its last rows too.
# shellcheck disable=SC2086 # FR is words
start 80 24 $FR
fr_screen chooser-fr-80x24 "Option pour P4"
keys PageDown
wait_for "Attention"
shot chooser-fr-80x24-end
keys ?
fr_screen help-fr-80x24 "Touches (une touche"
keys PageDown
wait_for "cette aide"
shot help-fr-80x24-end
keys x PageUp
wait_for "Titre"
resize 100 30
fr_screen chooser-fr-100x30 "Option pour P4"
keys Enter
expect_on_screen "Enter chooses, said in French" "P4-A choisi : AI Product Management"
quit "the chooser in French"

# 2. The planner, a week and a day into the plan: a tick, hours logged.
"$CURSUS" --data "$SPECS" --today 2026-11-24 tick 1.2 >/dev/null
"$CURSUS" --data "$SPECS" --today 2026-11-24 log 2 >/dev/null
TODAY=2026-12-02
# shellcheck disable=SC2086
start 80 24 $FR
fr_screen planner-fr-80x24 "Certificat"
expect_on_screen "the month of a week: nov." "23/11 nov."
expect_on_screen "a week of Monday 30/11 is December's (its Thursday's)" "30/11 déc."
expect_on_screen "the hints in French, key letters kept" "Esp coche  Ent ouvre"
expect_on_screen "a date with its year in French" "Échéance  29 mars 2027"
resize 100 30
fr_screen planner-fr-100x30 "Certificat"
expect_on_screen "February: févr., five columns" "08/02 févr. "
expect_on_screen "and a shorter month padded to them" "01/03 mars  "

# Messages of the bottom line, with weekday dates as LC_TIME writes them.
keys Tab +
expect_on_screen "+ logs on today, a French weekday date" "mer. 2 déc. : 0,5 h en tout."
shot message-hours
keys u
expect_on_screen "u undoes, in French" "Annulé : heures."
shot message-undo
keys L
expect_on_screen "L asks in French" "Heures étudiées le mer. 2 déc. :"
shot prompt-hours
type_text "1,5"
keys Enter
expect_on_screen "the hours typed with a comma" "mer. 2 déc. : 1,5 h en tout."
keys /
expect_on_screen "/ asks in French" "Chercher :"
type_text "zzz"
keys Enter
expect_on_screen "no match, said in French" "Aucun module ne correspond à « zzz »."
shot message-search
keys ?
expect_on_screen "the help from the planner, in French" "Touches (une touche"
keys x
resize 30 10
expect_on_screen "one pane at a time: the tabs in French" "Agenda"
shot planner-fr-30x10
resize 20 5
expect_on_screen "too small, in French" "Terminal trop petit"
shot too-small-fr-20x5
resize 80 24
quit "the planner in French"

# ticked_planner MODULES...: the planner in French at 80x24 once MODULES
# are ticked, its screen in $WORK/ahead.
ticked_planner() {
	for m in "$@"; do
		"$CURSUS" --data "$SPECS" --today "$TODAY" tick "$m" >/dev/null
	done
	# shellcheck disable=SC2086
	start 80 24 $FR
	wait_for "Certificat"
	screen_text >"$WORK/ahead"
}

# expect_work_wrapped NAME LINE NEXT: the Work verdict's line ends with
# LINE and the line below it is NEXT (extended regular expressions).
expect_work_wrapped() {
	if grep -Eq "│ Travail $2\$" "$WORK/ahead" &&
		grep -A1 "│ Travail " "$WORK/ahead" | tail -n 1 | grep -Eq "│ {11}$3\$"; then
		ok "$1"
	else
		not_ok "$1: the Work verdict is cut"
		sed 's/^/# | /' "$WORK/ahead"
	fi
}

# A value wider than its column at 80x24 goes on over the next line: the
# verdict's figure is never cut ("en avance de 17" for 17,2 h).
ticked_planner 1.1 1.3 2.1 2.2
expect_work_wrapped "the Work verdict's figure goes on the next line, whole" \
	".* : en avance de" "[0-9]+(,[0-9])? h"
shot planner-fr-ahead
quit "the planner ahead, in French"

# Far behind, the plan overloaded: "Surcharge" holds the date R gives the
# plan, whole (a date too wide would go on over the next line, never cut
# inside).
rm -f "$CURSUS_STATE"
"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
TODAY=2027-03-01
# shellcheck disable=SC2086
start 80 24 $FR
wait_for "Surcharge"
if screen_text | grep -Eq "│ Surcharge R : fin le [0-9]+ [^ ]+ [0-9]{4}$"; then
	ok "the overload's date is whole"
else
	not_ok "the overload's date is not whole"
	screen_text | sed 's/^/# | /'
fi
if screen_text | grep -Eq "│ Certificat +↓$"; then
	ok "the Certificate pane's heading says its lines go on below"
else
	not_ok "no mark that the Certificate pane goes on below"
	screen_text | sed 's/^/# | /'
fi
keys Tab Tab End
expect_on_screen "scrolled, the overload is in view" "Surcharge R : fin le"
if screen_text | grep -Eq "│ Certificat +↑$"; then
	ok "scrolled to its end, the heading says its lines go on above"
else
	not_ok "no mark that the Certificate pane goes on above"
	screen_text | sed 's/^/# | /'
fi
shot planner-fr-overloaded
quit "the planner overloaded, in French"

# Cut right after the space before its unit, a figure still goes on over
# the next line with it ("en avance de 7" for 7 h).
rm -f "$CURSUS_STATE"
TODAY=2026-11-24
"$CURSUS" --data "$SPECS" --today "$TODAY" choose P4-A >/dev/null
ticked_planner 1.1 1.2
expect_work_wrapped "a figure keeps its unit when the cut falls just before it" \
	"  11,3 h : en avance de" "7 h"
quit "the planner with a figure before its unit, in French"

# 3. No English left: no English msgid of fr.po (4 letters or more, not
# shared with its French) on any of these screens, spec text excepted.
if "$PY" "$TOP_SRCDIR/tests/screen/english_left.py" "$TOP_SRCDIR/po/fr.po" "$SPECS" \
	"$SHOTS"/*.txt >"$WORK/left" 2>&1; then
	ok "no English left on the $(ls "$SHOTS" | wc -l) French screens"
else
	not_ok "English left on the French screens"
	sed 's/^/# /' "$WORK/left"
fi

# The check itself finds English where there is some: the same screens
# in English (the chooser, the planner, the help).
rm -f "$SHOTS"/*
start 80 24
wait_for "Modules"
shot planner-en
keys ?
wait_for "Keys (any key"
shot help-en
keys x
quit "the planner in English"
"$PY" "$TOP_SRCDIR/tests/screen/english_left.py" "$TOP_SRCDIR/po/fr.po" "$SPECS" \
	"$SHOTS"/*.txt >"$WORK/left" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -q ': Certificate$' "$WORK/left" &&
	grep -q ': move up$' "$WORK/left" && grep -q ': Plan ends$' "$WORK/left"; then
	ok "the check finds the English of English screens ($(wc -l <"$WORK/left") places)"
else
	not_ok "the check misses English on English screens (status $status)"
	sed 's/^/# /' "$WORK/left"
fi

done_testing
