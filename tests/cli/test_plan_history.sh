#!/bin/sh
# Past weeks are history (PRODUCT.md §2): a change of pace, or a tick
# dated in the past, re-plans from this week on and leaves the weeks gone
# by as they were planned; when the work left no longer fits by the end
# at 1.5 x the pace, the plan says when it ends at the pace, and
# 'choose --replan' accepts that end.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" "$@"; }
# past_weeks DATE: the schedule's rows before the current week.
past_weeks() {
	c --today "$1" schedule
	sed -n '/^  Week/,/^>/p' "$WORK/out" | grep -v '^  Week' | grep -v '^>'
}

c --today 2026-11-23 choose P4-A
for d in 23 24 25 26 27; do c --today 2026-11-$d log 1; done
past_weeks 2026-12-24 >"$WORK/before"
[ "$(wc -l <"$WORK/before")" -eq 4 ] && ok "four weeks have gone by" ||
	not_ok "$(wc -l <"$WORK/before") past weeks"

c --today 2026-12-24 choose P4-A --pace 3
expect_status "a new pace in week 5" 0
past_weeks 2026-12-24 >"$WORK/after"
diff -u "$WORK/before" "$WORK/after" >"$WORK/diff" && ok "the new pace leaves weeks 1-4 as they were" ||
	{ not_ok "the new pace rewrote the past"; sed 's/^/# /' "$WORK/diff"; }
grep -q '^>    5  2026-12-21  2026-12-27  Dec        3 h' "$WORK/out" &&
	ok "this week is planned anew at the new pace" || not_ok "week 5: $(grep '^>' "$WORK/out")"
grep -qx 'version: 1.1' "$CURSUS_STATE" && grep -qx '      2026-12-07: {planned: 5.31, courses: {1: 5.31}}' "$CURSUS_STATE" &&
	ok "the weeks gone by are recorded in the progress file" || not_ok "no recorded weeks"

# A tick dated in week 2 changes the weeks to come, not weeks 2-4.
c --today 2026-12-24 tick 1.1 --date 2026-12-01
expect_status "a tick dated in the past" 0
past_weeks 2026-12-24 >"$WORK/after"
diff -u "$WORK/before" "$WORK/after" >"$WORK/diff" && ok "a tick dated in the past leaves the past" ||
	{ not_ok "a backdated tick rewrote the past"; sed 's/^/# /' "$WORK/diff"; }

# Far behind: no week asks more than 1.5 x the pace; the end at the pace.
export CURSUS_STATE="$WORK/late/progress.yaml"
c --today 2026-11-23 choose P4-A
c --today 2027-02-22 schedule
expect_status "schedule far behind" 0
awk '/^[ >] *[0-9]+  20/ { h = $6; if (h + 0 > 7.5) bad = 1 } END { exit bad }' "$WORK/out" &&
	ok "no week asks more than 7.5 h (1.5 x 5 h)" || not_ok "a week asks more than 7.5 h"
expect_grep "the end at the pace is named" out \
	"^The work left does not fit by 2027-03-28, even at 1.5 x the pace: at 5 h/week you finish on 2027-06-27."
c --today 2027-02-22 status
expect_grep "status says so too" out "^Load: .*at 5 h/week you finish on 2027-06-27"
c --today 2027-02-22 choose P4-A --replan
expect_status "choose --replan" 0
expect_grep "the plan now ends at the pace" out "from 2026-11-23 to 2027-06-27"
c --today 2027-02-22 status
expect_grep "and the work fits" out "^Plan: *2026-11-23 to 2027-06-27"
grep -q '^Load:' "$WORK/out" && not_ok "still overloaded after the re-plan" || ok "no longer overloaded"
c --today 2027-02-22 choose P4-A --replan
expect_status "nothing to re-plan" 1
expect_grep "nothing to re-plan, said" err "the work left fits by the plan's end; nothing to re-plan"

done_testing
