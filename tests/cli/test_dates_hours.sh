#!/bin/sh
# Hours as people type them, one strict grammar (src/hours.c), and dates
# by the calendar alone, up to 9999-12-31 and never wrapped past it.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" "$@"; }

c --today 2026-11-24 choose P4-A
expect_status "choose P4-A" 0

# What strtod() read as hours: hexadecimal, exponents, infinity.
for bad in 0x10 1e1 inf nan 1.5x 1h75; do
	c --today 2026-11-24 log "$bad"
	expect_status "log $bad refused" 1
	expect_text "log $bad: the argument is named" err \
		"cursus: '$bad' is not a number of hours (such as 1.5, 1,5, 1h30 or 90min)"
done
c --today 2026-11-24 status
expect_grep "nothing was logged by the refused hours" out "^Hours: *0 h studied:"

c --today 2026-11-24 log 1h30
expect_status "log 1h30" 0
expect_text "1h30 is an hour and a half" out \
	"Logged 1.5 h on 2026-11-24 (1.5 h that day); week 1: 1.5 of 4.3 h"
c --today 2026-11-24 log 90min
expect_text "90min is an hour and a half" out \
	"Logged 1.5 h on 2026-11-24 (3 h that day); week 1: 3 of 4.3 h"
grep -q "2026-11-24: 3" "$CURSUS_STATE" && ok "the progress file holds 3 h" ||
	{ not_ok "the progress file does not hold 3 h"; sed 's/^/# /' "$CURSUS_STATE"; }
# Minutes add up exactly: a day's hours are kept to the 300th of an hour,
# which holds whole minutes and hundredths alike.
c --today 2026-11-24 log 20min --date 2026-11-23
expect_text "20 min shown to the hundredth" out \
	"Logged 0.33 h on 2026-11-23 (0.33 h that day); week 1: 3.33 of 4.3 h"
grep -q "2026-11-23: 0.3333$" "$CURSUS_STATE" && ok "20 min is written as 0.3333 h" ||
	{ not_ok "20 min is not written as 0.3333 h"; sed 's/^/# /' "$CURSUS_STATE"; }
c --today 2026-11-24 log 20min --date 2026-11-23
expect_text "40 min read back whole" out \
	"Logged 0.33 h on 2026-11-23 (0.67 h that day); week 1: 3.67 of 4.3 h"
c --today 2026-11-24 log 20min --date 2026-11-23
expect_text "three times 20 min is 1 h, not 0.99" out \
	"Logged 0.33 h on 2026-11-23 (1 h that day); week 1: 4 of 4.3 h"
grep -q "2026-11-23: 1$" "$CURSUS_STATE" && ok "the progress file holds 1 h for the three" ||
	{ not_ok "the progress file does not hold 1 h"; sed 's/^/# /' "$CURSUS_STATE"; }
c --today 2026-11-24 log 0.01 --date 2026-11-23
expect_text "a hundredth is still kept" out \
	"Logged 0.01 h on 2026-11-23 (1.01 h that day); week 1: 4.01 of 4.3 h"
grep -q "2026-11-23: 1.01$" "$CURSUS_STATE" && ok "hundredths are written as before" ||
	{ not_ok "1.01 h is not written as 1.01"; sed 's/^/# /' "$CURSUS_STATE"; }

c --today 2026-11-24 log -- -2
expect_status "negative hours after --" 1
expect_grep "negative hours explained" err "hours must be more than 0"

c --today 2026-11-24 choose P4-A --pace 1,5
expect_status "--pace 1,5" 0
expect_grep "--pace 1,5 is 1.5 h a week" out "^Plan: 90 h at 1.5 h/week, 60 weeks,"
c --today 2026-11-24 choose P4-A --pace 7h30
expect_grep "--pace 7h30 is 7.5 h a week" out "^Plan: 90 h at 7.5 h/week, 12 weeks,"
c --today 2026-11-24 choose P4-A --pace 0x10
expect_status "--pace 0x10 refused" 1
expect_grep "--pace 0x10 explained" err "^cursus: --pace '0x10' is not hours per week"

# The last date: a plan that would end after it is refused, and the
# progress file is left as it was.
c --today 2026-11-24 choose P4-A --pace 5
expect_status "back to 5 h a week" 0
cp "$CURSUS_STATE" "$WORK/before.yaml"
c choose P4-A --start 9999-10-01
expect_status "a plan ending after 9999-12-31 refused" 1
expect_text "the limit is named" err \
	"cursus: P4-A: a plan of 18 weeks from 9999-10-01 would end after 9999-12-31, the last date cursus handles; nothing was saved"
c choose P4-A --start 9999-12-27
expect_status "a plan starting in the last week refused" 1
expect_grep "no wrapped year" err "from 9999-12-27 would end after 9999-12-31"
cmp -s "$CURSUS_STATE" "$WORK/before.yaml" && ok "a refused plan saves nothing" ||
	not_ok "a refused plan changed the progress file"
c choose P4-A --start 9999-06-01
expect_status "a plan ending in 9999 is fine" 0
expect_grep "it ends on a real date" out "from 9999-06-01 to 9999-10-04$"
c --today 9999-12-31 schedule
expect_status "schedule on the last day" 0
grep -q "0000-\|XXXX" "$WORK/out" && not_ok "schedule shows a wrapped date" ||
	ok "schedule shows no wrapped date"
c --today 9999-12-31 export --format ics -o -
expect_status "export on the last day" 0
expect_grep "the last event ends on a real date" out "^DTEND;VALUE=DATE:99991004"
grep -q ":0000\|XXXX" "$WORK/out" && not_ok "export shows a wrapped date" ||
	ok "export shows no wrapped date"
c --today 9999-12-31 log 2
c --today 9999-12-31 status
expect_status "status on the last day" 0
expect_grep "no projection past the last date" out "^Projected: *none: too far off"
c --today 10000-01-01 status
expect_status "a five-digit year is not a date" 1
expect_text "five-digit year" err "cursus: --today '10000-01-01' is not a date (YYYY-MM-DD)"
run "$CURSUS" --today 1899-12-31 list
expect_status "a day before 1900" 1
expect_text "the range is named" err \
	"cursus: --today '1899-12-31' is outside the dates cursus handles (1900-01-01 to 9999-12-31)"
run "$CURSUS" --data "$SPECS" log 0.004
expect_status "less than a hundredth of an hour" 1
expect_text "a log that would round to nothing is refused" err \
	"cursus: '0.004' is less than a hundredth of an hour"

# A day Samoa skipped is still a day of the calendar.
run env TZ=Pacific/Apia "$CURSUS" --data "$SPECS" --today 2011-12-30 status
expect_status "2011-12-30 in Samoa" 0

# A new learner on the last day: the plan cannot fit.
export CURSUS_STATE="$WORK/state2/progress.yaml"
c --today 9999-12-31 choose P4-A
expect_status "choose on 9999-12-31 refused" 1
expect_grep "no plan past the limit" err "from 9999-12-31 would end after 9999-12-31"
[ ! -e "$CURSUS_STATE" ] && ok "nothing saved" || not_ok "a progress file was written"

done_testing
