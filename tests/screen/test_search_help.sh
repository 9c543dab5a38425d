#!/bin/sh
# Search with / and n/N (ignoring case and accents), and the help screen.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null
start 80 24
wait_for "Modules"
keys /
type_text "ETHIQUE"
keys Enter
expect_on_screen "search ignores case and accents" "3.3 Normes éthiques et IA responsable"
keys /
type_text "donnees"
keys Enter
expect_on_screen "a search from the selection" "2.1 Processus de science des données"
keys n
expect_on_screen "n finds the next" "2.1.1 Collecte et préparation des données"
keys N
expect_on_screen "N goes back" "2.1 Processus de science des données"
keys /
type_text "zzz"
keys Enter
expect_on_screen "no match said" "No module matches 'zzz'."
keys ?
expect_screen help-80x24 "Keys (any key"
keys x
expect_on_screen "any key closes the help" "Modules"
quit

done_testing
