#!/bin/sh
# A UTF-8 locale the system lacks falls back to C.UTF-8 (PRODUCT.md
# section 6): box drawing and accents on the screen, not LANG=C's ASCII,
# and the messages in the language the missing locale named.
. "$TOP_SRCDIR/tests/screen/lib.sh"

"$CURSUS" --data "$SPECS" --today 2026-11-24 choose P4-A >/dev/null

if has_locale xx_YY.UTF-8; then
	skip 4 "xx_YY.UTF-8 exists here"
else
	start 80 24 LANG=xx_YY.UTF-8
	expect_on_screen "xx_YY.UTF-8: the panes drawn with lines" "│"
	expect_on_screen "xx_YY.UTF-8: accents kept" "Gérer les projets"
	expect_on_screen "xx_YY.UTF-8: English" "Modules  0/30 done"
	quit "xx_YY.UTF-8"
fi

# The French of a French locale that is missing: without NLS, English.
if nls_enabled; then
	modules="Modules  0/30 faits"
else
	modules="Modules  0/30 done"
fi
if has_locale fr_CA.UTF-8; then
	skip 4 "fr_CA.UTF-8 is installed here: it is not missing"
else
	start 80 24 LANG=fr_CA.UTF-8 CURSUS_LOCALEDIR="$CURSUS_LOCALEDIR"
	expect_on_screen "fr_CA.UTF-8: the panes drawn with lines" "│"
	expect_on_screen "fr_CA.UTF-8: accents kept" "Gérer les projets"
	expect_on_screen "fr_CA.UTF-8: the messages in French" "$modules"
	quit "fr_CA.UTF-8"
fi

# LANG=C: ASCII, as ever.
start 80 24 LANG=C
wait_for "Modules  0/30 done"
if off_screen "│"; then
	ok "LANG=C: no line drawing"
else
	not_ok "LANG=C draws UTF-8 lines"
	screen_text | sed 's/^/# | /'
fi
quit "LANG=C"

done_testing
