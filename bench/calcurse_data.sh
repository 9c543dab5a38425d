#!/bin/sh
# calcurse_data.sh SPECDIR CALDIR: makes a calcurse data directory CALDIR
# whose to-do list has one item per course of the specs in SPECDIR (each
# "### Cours N : Title" heading), so that `calcurse -D CALDIR -t` loads and
# prints as many items as cursus's catalogue has courses. The appointments
# file is left empty: -t prints the to-do list, all of it.
#
# calcurse's to-do format is one item a line, "[PRIORITY] text" (priority
# 0 to 9). Each item names its spec and course number, so that every line
# is unique. Prints the number of items.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: calcurse_data.sh SPECDIR CALDIR" >&2
	exit 2
fi
specs=$1
cal=$2

mkdir -p "$cal"
: > "$cal/apts"
# One line per course heading, in file order; awk numbers them.
find "$specs" -maxdepth 1 -name '*.md' | LC_ALL=C sort |
	xargs awk '
		FNR == 1 { n = split(FILENAME, parts, "/"); spec = parts[n]; sub(/\.md$/, "", spec) }
		/^### Cours / {
			title = $0
			sub(/^### Cours [0-9]+ *: */, "", title)
			printf "[%d] %s cours %d : %s\n", (NR * 7) % 10, spec, ++count[spec], title
		}' > "$cal/todo"
wc -l < "$cal/todo" | tr -d ' '
