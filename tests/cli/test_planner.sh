#!/bin/sh
# choose, tick, log, schedule, status, earned: a learner's first weeks,
# every command run with --today so that the output is reproducible.
. "$TOP_SRCDIR/tests/cli/lib.sh"

export CURSUS_STATE="$WORK/state/progress.yaml"
c() { run "$CURSUS" --data "$SPECS" "$@"; }

c --today 2026-11-24 status
expect_status "status before any choice" 0
expect_text "status says not chosen" out "P4: not chosen (P4-A, P4-B)
Choose with 'cursus choose ID'; 'cursus compare' shows the options."
[ ! -e "$CURSUS_STATE" ] && ok "reading does not create the progress file" ||
	not_ok "status created the progress file"

c --today 2026-11-24 schedule
expect_status "schedule before any choice" 1
expect_text "schedule says what to do" err \
	"cursus: no program chosen yet: choose one with 'cursus choose ID' (see 'cursus compare')"

c --today 2026-11-23 choose P4-A # a Monday: 18 whole weeks
expect_status "choose P4-A" 0
expect_text "choose P4-A" out "Chose P4-A for P4: AI Product Management Specialization
Plan: 90 h at 5 h/week, 18 weeks, from 2026-11-23 to 2027-03-28"
perms="$(stat -c %a "$WORK/state") $(stat -c %a "$CURSUS_STATE")"
[ "$perms" = "700 600" ] && ok "state directory 0700, file 0600" ||
	not_ok "permissions are $perms"

c --today 2026-11-24 schedule
expect_status "schedule of a new plan" 0
expect_file "schedule of a new plan" out "$EXPECTED/schedule-new.txt"

c --today 2026-11-24 tick 1.2
expect_text "tick a topic ticks its sub-topics" out \
	"Ticked 1.2 Types d'algorithmes de ML et leurs applications (3 of its 3 modules)"
c --today 2026-11-24 tick 1.2.1
expect_text "ticking again changes nothing" out "1.2.1 Apprentissage supervisé was already done"
c --today 2026-11-25 tick 1.2.2 --undo
expect_text "untick a sub-topic" out "Unticked 1.2.2 Apprentissage non supervisé"
c --today 2026-11-26 tick 1 --date 2026-11-25
expect_text "tick a whole course" out \
	"Ticked 1 Fondements de l'apprentissage automatique pour les chefs de produit (5 of its 7 modules; the others were done already)"
c tick 9
expect_status "tick an unknown module" 1
expect_text "unknown module named" err "cursus: P4-A has no module 9 (see 'cursus show P4-A')"
c tick 1.x
expect_status "tick a bad PATH" 1

c --today 2026-11-24 log 1.5
expect_text "log hours" out "Logged 1.5 h on 2026-11-24 (1.5 h that day); week 1: 1.5 of 5 h"
c --today 2026-11-24 log 1,5
expect_text "log adds to the day, with a decimal comma" out \
	"Logged 1.5 h on 2026-11-24 (3 h that day); week 1: 3 of 5 h"
c --today 2026-12-09 log 2 --date 2026-12-02
expect_status "log on another day" 0
c log -3
expect_status "negative hours refused" 1
expect_grep "negative hours explained" err "hours cannot be negative"
c --today 2026-11-24 log 22
expect_status "more than 24 h in a day refused" 1
expect_text "too many hours explained" err "cursus: that makes 25 h on 2026-11-24; a day has at most 24 h"
c log lots
expect_status "hours that are not a number" 1
c --today 2026-12-02 log 1 --set
expect_text "set a day's hours" out "Set 2026-12-02 to 1 h (it was 2 h); week 2: 1 of 5 h"

c --today 2026-12-10 schedule
expect_status "schedule three weeks in" 0
expect_file "schedule three weeks in" out "$EXPECTED/schedule-week3.txt"
c --today 2026-12-10 status
expect_status "status three weeks in" 0
expect_file "status three weeks in" out "$EXPECTED/status-week3.txt"

c --today 2026-12-10 show P4-A
expect_grep "show ticks what is done" out '^  1\.2 \[x\] Types'
expect_grep "show leaves the rest" out '^2 \[ \] Gérer'

# Switching options keeps each option's progress.
c --today 2026-12-11 choose P4-B --pace 10
expect_text "switch to P4-B" out "Switched to P4-B for P4: IBM AI Product Manager Professional Certificate
Plan: 120 h at 10 h/week, 12 weeks, from 2026-12-11 to 2027-03-04"
c --today 2026-12-11 choose P4-A
expect_text "back to P4-A, same plan" out "Switched to P4-A for P4: AI Product Management Specialization
Plan: 90 h at 5 h/week, 18 weeks, from 2026-11-23 to 2027-03-28"
c --today 2026-12-11 show P4-A
expect_grep "ticks kept across switches" out '^  1\.2 \[x\] Types'
c --today 2026-12-11 --program P4-B status
expect_grep "--program names another option" out "^State:      not chosen"

c --today 2027-04-01 earned --date 2027-03-30
expect_text "earned" out "P4-A: certificate earned on 2027-03-30"
c --today 2027-04-01 status
expect_grep "status shows earned" out "^State:      earned on 2027-03-30"
c --today 2027-04-01 earned --undo
expect_status "earned --undo" 0

c choose NOPE
expect_status "choose an unknown id" 1
c choose P4-A --pace 0
expect_status "pace 0 refused" 1
c --today 2026-13-01 status
expect_status "bad --today" 1
expect_text "bad --today named" err "cursus: --today '2026-13-01' is not a date: that day does not exist"
c list --undo
expect_status "an option of another command" 1
expect_text "misplaced option named" err "cursus: --undo does not go with 'list'"
c status --replan
expect_text "--replan goes with choose only" err "cursus: --replan does not go with 'status'"

# The file is YAML anyone can read, one fact per line.
expect_line() {
	if grep -qxF -- "$2" "$CURSUS_STATE"; then ok "$1"; else not_ok "$1: no line '$2'"; fi
}
expect_line "format version (1.1: past weeks are recorded)" "version: 1.1"
expect_line "a past week as it was planned, on one line" \
	"      2026-11-23: {planned: 5, courses: {1: 5}}"
expect_line "choice" "  P4: P4-A"
expect_line "a tick with its date and title" \
	'    - {path: "1.2.1", date: 2026-11-24, title: "Apprentissage supervisé"}'
expect_line "hours of a day" "      2026-11-24: 3"
if /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	run /usr/bin/python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(d["choices"]["P4"], len(d["programs"]["P4-A"]["ticks"]))' "$CURSUS_STATE"
	expect_text "another YAML reader agrees" out "P4-A 7"
else
	skip 1 "python3-yaml is not installed: no other YAML reader"
fi

done_testing
