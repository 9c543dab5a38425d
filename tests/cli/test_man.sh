#!/bin/sh
# The man pages, man/cursus.1 and its French translation man/fr/cursus.1
# (PRODUCT.md section 6): both render without a groff warning, both document
# every option of cursus --help, and the French page has the English page's
# sections in the same order and an entry for every command, option,
# configuration key, variable, file and JSON key the English page lists, so
# that a change to one page without the other shows here.
. "$TOP_SRCDIR/tests/cli/lib.sh"

EN="$TOP_SRCDIR/man/cursus.1"
FR="$TOP_SRCDIR/man/fr/cursus.1"

# Each English section's French title, in the English page's order.
section_titles='NAME	NOM
SYNOPSIS	SYNOPSIS
DESCRIPTION	DESCRIPTION
THE PLANNER	LE PLANIFICATEUR
THE PLAN	LE PLAN
THE VAULT	LE COFFRE DE NOTES
COMMANDS	COMMANDES
OPTIONS	OPTIONS
CONFIGURATION	CONFIGURATION
SPEC FORMAT	FORMAT DES FICHES
ENCODING	ENCODAGE
PROGRESS FILE	FICHIER DE PROGRESSION
ENVIRONMENT	ENVIRONNEMENT
FILES	FICHIERS
JSON OUTPUT	SORTIE JSON
EXIT STATUS	CODE DE RETOUR
EXAMPLES	EXEMPLES
SEE ALSO	VOIR AUSSI'

# The sections whose entries (.TP tags) name things that are the same in
# every language: commands, options, keys, variables, files.
entry_sections='COMMANDS
OPTIONS
CONFIGURATION
ENVIRONMENT
FILES
JSON OUTPUT'

# roff_text: a page's text as it reads, without roff's escapes for minus
# signs and fonts, so that "\-\-data" is found as "--data".
roff_text() {
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$1"
}

# sh_titles PAGE: the .SH titles, one a line, without their quotes.
sh_titles() {
	sed -n 's/^\.SH *//p' "$1" | sed 's/^"\(.*\)"$/\1/'
}

# french_title ENGLISH: its French counterpart, or nothing.
french_title() {
	printf '%s\n' "$section_titles" | awk -F '\t' -v t="$1" '$1 == t { print $2 }'
}

# entries PAGE SECTION: the words of the entries (.TP and .TQ tags) of
# SECTION in PAGE, one a line: the words of each tag set in bold (commands,
# options, keys, variables), or in italics for a .I tag (files); never the
# italic metavariables, which are translated. A tag's fonts are those of
# its macro's alternation (.BI: bold, italic, bold...) changed by \f
# escapes within an argument.
entries() {
	sed -e 's/\\-/-/g' -e 's/\\&//g' "$1" | awk -v want="$2" '
	function emit(text, font) {
		if (font != wanted)
			return
		gsub(/[][(),|]/, " ", text)
		m = split(text, w, " ")
		for (j = 1; j <= m; j++)
			print w[j]
	}
	/^\.SH/ { sub(/^\.SH */, ""); gsub(/"/, ""); section = $0; next }
	section != want { next }
	/^\.(TP|TQ)/ { tag = 1; next }
	!tag { next }
	{
		tag = 0
		macro = $1
		rest = substr($0, length(macro) + 2)
		n = 0
		while (rest != "") {
			sub(/^ +/, "", rest)
			if (rest == "")
				break
			if (substr(rest, 1, 1) == "\"") {
				end = index(substr(rest, 2), "\"")
				if (end == 0)
					end = length(rest)
				arg[++n] = substr(rest, 2, end - 1)
				rest = substr(rest, end + 2)
			} else {
				end = index(rest, " ")
				if (end == 0)
					end = length(rest) + 1
				arg[++n] = substr(rest, 1, end - 1)
				rest = substr(rest, end)
			}
		}
		wanted = macro == ".I" ? "I" : "B"
		for (i = 1; i <= n; i++) {
			if (length(macro) == 2)
				font = substr(macro, 2, 1)
			else
				font = substr(macro, i % 2 == 1 ? 2 : 3, 1)
			previous = font
			text = arg[i]
			while ((p = index(text, "\\f")) > 0) {
				emit(substr(text, 1, p - 1), font)
				change = substr(text, p + 2, 1)
				text = substr(text, p + 3)
				if (change == "P") {
					swap = font; font = previous; previous = swap
				} else {
					previous = font; font = change
				}
			}
			emit(text, font)
		}
	}' | sort -u
}

# ---- both pages render without a warning ----

for page in "$EN" "$FR"; do
	name=${page#"$TOP_SRCDIR/"}
	if ! command -v groff >/dev/null 2>&1; then
		skip 1 "groff is not installed: $name is not rendered"
		continue
	fi
	status=0
	groff -man -Tutf8 -ww -z "$page" >"$WORK/out" 2>"$WORK/err" || status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$WORK/err" ]; then
		ok "$name renders without a groff warning"
	else
		not_ok "$name: groff exits $status or warns"
		sed 's/^/# /' "$WORK/err"
	fi
done

# The French page is ASCII, its accents written as groff escapes (\('e):
# groff reads it without preconv, in any locale, as mandoc does.
if LC_ALL=C grep -n '[^	 -~]' "$FR" >"$WORK/out"; then
	not_ok "man/fr/cursus.1 holds bytes that are not ASCII"
	sed 's/^/# /' "$WORK/out" | head -5
else
	ok "man/fr/cursus.1 is ASCII"
fi

# ---- every option of --help is in both pages ----

run "$CURSUS" --help
expect_status "cursus --help" 0
# The options: "-d", "--data", "[-o", "(-v:"; not the hyphens of words.
grep -oE -- '(^|[][ ,(])--?[A-Za-z][A-Za-z-]*' "$WORK/out" |
	sed 's/^[][ ,(]//' | sort -u >"$WORK/options"
if grep -qx -- --help "$WORK/options" && grep -qx -- --data "$WORK/options" &&
	grep -qx -- -o "$WORK/options"; then
	ok "the options are read from --help ($(wc -l <"$WORK/options") of them)"
else
	not_ok "the options of --help were not found"
	sed 's/^/# /' "$WORK/options"
fi
for page in "$EN" "$FR"; do
	name=${page#"$TOP_SRCDIR/"}
	roff_text "$page" >"$WORK/text"
	missing=
	while read -r option; do
		grep -qE -- "(^|[^A-Za-z0-9-])$option([^A-Za-z0-9-]|\$)" "$WORK/text" ||
			missing="$missing $option"
	done <"$WORK/options"
	if [ -z "$missing" ]; then
		ok "$name documents every option of --help"
	else
		not_ok "$name does not document:$missing"
	fi
done

# ---- the same sections, in the same order ----

sh_titles "$EN" >"$WORK/en-titles"
sh_titles "$FR" >"$WORK/fr-titles"
: >"$WORK/expected-titles"
untranslated=
while read -r title; do
	french=$(french_title "$title")
	if [ -z "$french" ]; then
		untranslated="$untranslated, $title"
		continue
	fi
	printf '%s\n' "$french" >>"$WORK/expected-titles"
done <"$WORK/en-titles"
if [ -z "$untranslated" ]; then
	ok "every section of the English page has a French title in this test"
else
	not_ok "no French title for${untranslated#,}: translate the section in man/fr/cursus.1 and add it to section_titles"
fi

en_count=$(wc -l <"$WORK/en-titles")
fr_count=$(wc -l <"$WORK/fr-titles")
if [ "$en_count" -eq "$fr_count" ]; then
	ok "the same number of sections (.SH): $en_count"
else
	not_ok "the English page has $en_count sections, the French one $fr_count"
fi
if diff -u "$WORK/expected-titles" "$WORK/fr-titles" >"$WORK/diff"; then
	ok "the French sections are the English ones, in the same order"
else
	not_ok "the French sections differ from the English ones"
	sed 's/^/# /' "$WORK/diff"
fi

sed -n 's/^\.SS *//p' "$EN" >"$WORK/en-ss"
sed -n 's/^\.SS *//p' "$FR" >"$WORK/fr-ss"
if [ -s "$WORK/en-ss" ] && cmp -s "$WORK/en-ss" "$WORK/fr-ss"; then
	ok "the same subsections (.SS): $(tr '\n' ';' <"$WORK/en-ss")"
else
	not_ok "the subsections (.SS) differ"
	diff "$WORK/en-ss" "$WORK/fr-ss" | sed 's/^/# /'
fi

# The version in the header (.TH's fourth field) is the same.
th_version() {
	sed -n 's/^\.TH  *[^ ]*  *[^ ]*  *"[^"]*"  *"\([^"]*\)".*/\1/p' "$1"
}
en_version=$(th_version "$EN")
fr_version=$(th_version "$FR")
if [ -n "$en_version" ] && [ "$en_version" = "$fr_version" ]; then
	ok "the same version in the header: $en_version"
else
	not_ok "the English header says '$en_version', the French one '$fr_version'"
fi

# ---- every entry of the English page has one in the French page ----

printf '%s\n' "$entry_sections" >"$WORK/entry-sections"
while read -r section; do
	french=$(french_title "$section")
	entries "$EN" "$section" >"$WORK/en-entries"
	entries "$FR" "$french" >"$WORK/fr-entries"
	comm -23 "$WORK/en-entries" "$WORK/fr-entries" >"$WORK/missing"
	if [ ! -s "$WORK/en-entries" ]; then
		not_ok "$section: no entries found in the English page"
	elif [ -s "$WORK/missing" ]; then
		not_ok "$french lacks entries of $section: $(tr '\n' ' ' <"$WORK/missing")"
	else
		ok "$french has every entry of $section ($(wc -l <"$WORK/en-entries"))"
	fi
done <"$WORK/entry-sections"

done_testing
