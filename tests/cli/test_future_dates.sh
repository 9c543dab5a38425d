#!/bin/sh
# A date after today is refused for log, tick and earned ("today" being
# --today when given), and earned before the plan's start: exit 1, a clear
# message, the progress file unchanged.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" "$@"; }

c --today 2026-11-23 choose P4-A
expect_status "choose P4-A" 0
cp "$CURSUS_STATE" "$WORK/before.yaml"

# unchanged NAME: the progress file is as it was before the refused command.
unchanged() {
	cmp -s "$CURSUS_STATE" "$WORK/before.yaml" && ok "$1: nothing saved" ||
		not_ok "$1: the progress file changed"
}

c --today 2026-11-26 log 2 --date 2026-12-01
expect_status "log on a day to come" 1
expect_text "log on a day to come explained" err \
	"cursus: 2026-12-01 is after today (2026-11-26): hours are logged for days that have passed"
expect_empty "log on a day to come" out
unchanged "log on a day to come"

c --today 2026-11-26 log 2 --set --date 2026-11-27
expect_status "log --set tomorrow" 1
unchanged "log --set tomorrow"

c --today 2026-11-26 tick 1.1 --date 2026-11-27
expect_status "tick on a day to come" 1
expect_text "tick on a day to come explained" err \
	"cursus: 2026-11-27 is after today (2026-11-26): a module is ticked on the day it was done"
unchanged "tick on a day to come"

c --today 2026-11-26 earned --date 2027-03-30
expect_status "earned on a day to come" 1
expect_text "earned on a day to come explained" err \
	"cursus: 2027-03-30 is after today (2026-11-26): a certificate is recorded once it has been earned"
unchanged "earned on a day to come"

c --today 2026-11-26 earned --date 2026-11-22
expect_status "earned before the start" 1
expect_text "earned before the start explained" err \
	"cursus: 2026-11-22 is before the start of P4-A's plan (2026-11-23): a certificate is earned after its plan began (to move the start: 'cursus choose P4-A --start DATE')"
unchanged "earned before the start"

# Without --today, today is the real date: a year from now is to come.
next_year=$(date -d '+1 year' +%F)
c log 1 --date "$next_year"
expect_status "log a year from the real today" 1
expect_grep "the real today named" err "^cursus: $next_year is after today ($(date +%F))"
unchanged "log a year from the real today"

# Today itself and the days before are accepted.
c --today 2026-11-26 log 1.5 --date 2026-11-26
expect_status "log today" 0
c --today 2026-11-26 log 1 --date 2026-11-25
expect_status "log yesterday" 0
c --today 2026-11-26 tick 1.1 --date 2026-11-26
expect_status "tick today" 0
c --today 2026-11-26 earned --date 2026-11-23
expect_status "earned on the start" 0
expect_text "earned on the start" out "P4-A: certificate earned on 2026-11-23"
c --today 2026-11-26 earned --undo
expect_status "earned --undo" 0
grep -q '2026-11-26: 1.5' "$CURSUS_STATE" && grep -q '2026-11-25: 1' "$CURSUS_STATE" &&
	ok "the hours of days that were are saved" || not_ok "hours of days that were not saved"

done_testing
