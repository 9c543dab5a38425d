#!/bin/sh
# The title bar's percentage is the one of `status`, the Markdown export
# and `status --json` (when built), at a few dates of a trajectory: none
# ticked, 18.8 % of the work (rounded down: 18, not 19), a third, all.
. "$TOP_SRCDIR/tests/screen/lib.sh"

c() { "$CURSUS" --data "$SPECS" "$@"; }
c --today 2027-01-04 choose P4-A >/dev/null
c --today 2027-01-05 log 1 >/dev/null

# title_matches DATE: the planner opened on DATE shows in its title bar
# the percentage that status, the export and --json give that day.
title_matches() {
	TODAY=$1
	start 80 24
	wait_for "%"
	title=$(screen_text | head -n 1 | sed -n 's/.* \([0-9][0-9]*\)%$/\1/p')
	text=$(c --today "$1" status | sed -n 's/^Done: *\([0-9][0-9]*\)% of the work.*/\1/p')
	md=$(c --today "$1" export --format md | sed -n 's/.*Done \([0-9][0-9]*\)% of the work.*/\1/p')
	json=$text where="status, export and --json"
	if c --today "$1" status --json >"$WORK/status.json" 2>/dev/null; then
		json=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["percent_done"])' \
			<"$WORK/status.json" 2>/dev/null) || json="(not JSON)"
	else
		where="status and export (no --json yet)"
	fi
	if [ -n "$title" ] && [ "$title" = "$text" ] && [ "$title" = "$md" ] && [ "$title" = "$json" ]; then
		ok "$1: ${title}% in the title bar, $where"
	else
		not_ok "$1: title bar '$title', status '$text', export '$md', --json '$json'"
		screen_text | head -n 2 | sed 's/^/# | /'
	fi
	if [ "$title" = "$2" ]; then
		ok "$1: the title bar says $2%"
	else
		not_ok "$1: ${title}% in the title bar, expected $2%"
	fi
	keys q
}

title_matches 2027-01-06 0
for m in 1.1 1.2.1 1.2.2 1.2.3 1.3; do
	c --today 2027-01-20 tick "$m" >/dev/null
done
title_matches 2027-01-20 18
for m in 1.4 1.5 2.1.1; do
	c --today 2027-02-03 tick "$m" >/dev/null
done
title_matches 2027-02-03 32
c show P4-A | sed -n 's/^ *\([0-9][0-9.]*\) \[.*$/\1/p' >"$WORK/paths"
while read -r m; do
	grep -q "^$m\." "$WORK/paths" || c --today 2027-02-10 tick "$m" >/dev/null
done <"$WORK/paths"
title_matches 2027-02-10 100

done_testing
