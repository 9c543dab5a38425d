#!/bin/sh
# po/fr.po against the sources, so that no English is left behind: the
# template is made anew from the files po/POTFILES.in lists, with the
# options of po/Makevars, and merged with fr.po; every message must come
# out translated, none fuzzy, the formats checked against the sources'
# (msgfmt --check), and fr.po holds nothing the sources no longer say.
# Every source file that marks a message must be listed, and every file
# listed must mark one.
. "$TOP_SRCDIR/tests/cli/lib.sh"

PO="$TOP_SRCDIR/po"

for tool in xgettext msgmerge msgfmt msgexec; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip 7 "$tool is missing (Debian: apt-get install gettext)"
		done_testing
		exit 0
	fi
done

# stats FILE: msgfmt --check's verdict and counts, on one line.
stats() {
	LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1
}

# 1. fr.po alone.
run stats "$PO/fr.po"
if [ "$status" -eq 0 ] && grep -Eqx '[0-9]+ translated messages\.' "$WORK/out"; then
	ok "fr.po: $(cat "$WORK/out")"
else
	not_ok "fr.po is not complete and clean"
	sed 's/^/# /' "$WORK/out"
fi
translated=$(sed -n 's/^\([0-9]*\) translated messages\.$/\1/p' "$WORK/out")

# 2. The template the sources make today, with po/Makevars's options.
options=$(sed -e ':a' -e '/\\$/N' -e 's/\\\n//' -e 'ta' "$PO/Makevars" |
	sed -n 's/^XGETTEXT_OPTIONS *= *//p')
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$PO/POTFILES.in" >"$WORK/potfiles"
# shellcheck disable=SC2086 # the options are words
if (cd "$TOP_SRCDIR" && xgettext --language=C $options --package-name=cursus \
	-f "$WORK/potfiles" -o "$WORK/cursus.pot") 2>"$WORK/err"; then
	ok "xgettext reads the sources"
else
	not_ok "xgettext failed"
	sed 's/^/# /' "$WORK/err"
fi

# 3. fr.po merged with it: what the sources mark and fr.po lacks comes out
# untranslated; what fr.po has and the sources dropped comes out obsolete
# (not counted).
msgmerge --quiet --no-fuzzy-matching -o "$WORK/merged.po" "$PO/fr.po" "$WORK/cursus.pot" \
	2>"$WORK/err"
run stats "$WORK/merged.po"
if [ "$status" -eq 0 ] && grep -Eqx '[0-9]+ translated messages\.' "$WORK/out"; then
	ok "every message the sources mark is translated, formats checked"
else
	not_ok "fr.po lacks messages of the sources, or their formats differ (make -C po update-po)"
	sed 's/^/# /' "$WORK/out"
	msgattrib --untranslated --no-obsolete "$WORK/merged.po" 2>/dev/null |
		grep '^msgid' | head -20 | sed 's/^/# untranslated: /'
fi
now=$(sed -n 's/^\([0-9]*\) translated messages\.$/\1/p' "$WORK/out")
if [ -n "$now" ] && [ "$now" = "$translated" ]; then
	ok "fr.po holds no message the sources no longer have"
else
	not_ok "fr.po has ${translated:-?} messages, the sources ${now:-?}: stale entries"
	msgattrib --only-obsolete "$WORK/merged.po" 2>/dev/null | grep '^#~ msgid' |
		head -20 | sed 's/^/# /'
fi

# 4. The prefix of errors ("cursus: FILE:LINE: message", PRODUCT.md
# section 4) is the same in every language.
msgexec -i "$PO/fr.po" sh -c 'case $MSGEXEC_MSGID in
	"cursus: "*) [ "$(head -c 8)" = "cursus: " ] || printf "%s\n" "$MSGEXEC_MSGID";;
	esac' >"$WORK/prefix" 2>&1
if [ ! -s "$WORK/prefix" ]; then
	ok "every 'cursus: ' message keeps its prefix"
else
	not_ok "translations that drop the 'cursus: ' prefix"
	sed 's/^/# /' "$WORK/prefix"
fi

# 5. POTFILES.in and the sources that mark messages.
(cd "$TOP_SRCDIR" && grep -lE '(^|[^A-Za-z0-9_])(N?_|ngettext)\(' src/*.c) | sort >"$WORK/marking"
sort "$WORK/potfiles" >"$WORK/listed"
if comm -23 "$WORK/marking" "$WORK/listed" | grep . >"$WORK/unlisted"; then
	not_ok "source files that mark messages but are not in po/POTFILES.in"
	sed 's/^/# /' "$WORK/unlisted"
else
	ok "every source file that marks a message is in po/POTFILES.in"
fi
if comm -13 "$WORK/marking" "$WORK/listed" | grep . >"$WORK/idle"; then
	not_ok "po/POTFILES.in lists files that mark no message (or do not exist)"
	sed 's/^/# /' "$WORK/idle"
else
	ok "every file po/POTFILES.in lists marks a message"
fi

done_testing
