#!/bin/sh
# cursus export: the plan as iCalendar (read back by a real parser), CSV and
# Markdown, on standard output or into a file.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" --today 2026-12-09 "$@"; }

c choose P4-A --start 2026-11-23
c log 3 --date 2026-11-24

c export
expect_status "export (ics by default)" 0
cp "$WORK/out" "$WORK/plan.ics"
if [ "$(head -c 17 "$WORK/plan.ics")" = "$(printf 'BEGIN:VCALENDAR\r\n')" ]; then
	ok "an iCalendar document with CRLF line ends"
else
	not_ok "not an iCalendar document"
fi
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	# the checker's own TAP lines, renumbered into ours
	/usr/bin/python3 "$TOP_SRCDIR/tests/cli/ics_check.py" "$WORK/plan.ics" 18 >"$WORK/tap" ||
		not_ok "the iCalendar parser could not read the export"
	while IFS= read -r line; do
		case $line in
		"ok "*) ok "icalendar: ${line#ok * - }" ;;
		"not ok "*) not_ok "icalendar: ${line#not ok * - }" ;;
		esac
	done <"$WORK/tap"
else
	skip 1 "python3-icalendar is not installed: no iCalendar parser reads the export"
fi

# Chosen on a Thursday: the first week's event begins that day, the last
# ends on the plan's last day (their hours are those days' share).
run "$CURSUS" --data "$SPECS" --state "$WORK/thursday.yaml" --today 2026-12-09 \
	choose P4-A --start 2026-11-26
run "$CURSUS" --data "$SPECS" --state "$WORK/thursday.yaml" --today 2026-12-09 export
tr -d '\r' <"$WORK/out" >"$WORK/thursday.ics"
first=$(grep -m1 '^DTSTART' "$WORK/thursday.ics")
last=$(grep '^DTEND' "$WORK/thursday.ics" | tail -1)
[ "$first" = "DTSTART;VALUE=DATE:20261126" ] && ok "ics: week 1 begins on the start, a Thursday" ||
	not_ok "ics: week 1 begins with $first"
[ "$last" = "DTEND;VALUE=DATE:20270401" ] && ok "ics: the last week ends on the plan's end" ||
	not_ok "ics: the last week ends with $last"
# Hours logged before the plan's first week: a row of their own in the
# Markdown, as schedule gives them (every hour in a row).
run "$CURSUS" --data "$SPECS" --state "$WORK/thursday.yaml" --today 2026-12-09 \
	log 2 --date 2026-11-20
run "$CURSUS" --data "$SPECS" --state "$WORK/thursday.yaml" --today 2026-12-09 export --format md
expect_grep "md: the hours before the plan in their own row" out \
	"^| | Before the plan's first week | | | 2 h | |$"

c export --format csv -o "$WORK/plan.csv"
expect_status "export csv to a file" 0
expect_empty "export csv to a file" out
rows=$(grep -c "$(printf '\r')\$" "$WORK/plan.csv")
[ "$rows" -eq 19 ] && ok "csv: a header and 18 weeks, CRLF" || not_ok "csv has $rows CRLF rows"
grep -q "^1,2026-11-23,2026-11-29,1,5,3," "$WORK/plan.csv" && ok "csv: week 1 with its logged hours" ||
	not_ok "csv: week 1 is wrong: $(sed -n 2p "$WORK/plan.csv")"

c export --format md
expect_status "export md" 0
expect_grep "md: a table" out '^| Week | Dates | Month | Planned | Logged | Courses |$'
expect_grep "md: the current week marked" out '^| ▶ 3 | 2026-12-07'

c export --format pdf
expect_status "an unknown format" 1
expect_text "an unknown format named" err "cursus: unknown export format 'pdf' (ics, csv or md)"

c export -o "$WORK/no/such/dir/plan.ics"
expect_status "export into a missing directory" 1
expect_grep "the failed export names the file" err "$WORK/no/such/dir/plan.ics: cannot write"

done_testing
